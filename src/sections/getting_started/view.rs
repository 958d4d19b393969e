use leptos::prelude::*;

use super::path_tabs::PathTabs;
use super::words::{
    HOST_CHECK, HOST_CHECK_INTRO, HOST_CHECK_LABEL, OPTIONAL_MARK, PATHS, PATHS_HEADING,
    REQUIREMENTS, REQUIREMENTS_HEADING, REQUIREMENTS_SOURCES, YOUR_APP, YOUR_APP_HEADING,
    YOUR_APP_SOURCES,
};
use crate::components::{CodeBlock, ExternalLink, PageHeader, Section, SourceLinks};
use crate::content::SOURCES_LABEL;
use crate::site;

/// `/getting-started`: requirements, the documented paths as tabs, then your own app.
#[component]
pub fn GettingStarted() -> impl IntoView {
    // Written out, not collected: a collected list would add a marker node to the paragraph.
    let [deployment, hardware, canonical] = REQUIREMENTS_SOURCES;
    view! {
        <div class="page">
            <PageHeader page=&site::GETTING_STARTED/>
            <crate::components::CopyMarkdown path=site::GETTING_STARTED.path/>
            <Section heading=REQUIREMENTS_HEADING>
                <ul class="checklist">
                    {REQUIREMENTS
                        .iter()
                        .map(|r| {
                            view! {
                                <li class:optional=r.optional>
                                    {r.text}
                                    {r.optional.then_some(OPTIONAL_MARK)}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                <p>{HOST_CHECK_INTRO}</p>
                <CodeBlock code=HOST_CHECK label=HOST_CHECK_LABEL/>
                <p class="source">
                    {SOURCES_LABEL}
                    <ExternalLink link=deployment/>
                    ", "
                    <ExternalLink link=hardware/>
                    ", "
                    <ExternalLink link=canonical/>
                </p>
            </Section>
            <Section heading=PATHS_HEADING>
                <PathTabs paths=PATHS/>
            </Section>
            <Section heading=YOUR_APP_HEADING>
                <ol class="link-list">
                    {YOUR_APP
                        .iter()
                        .map(|step| {
                            view! {
                                <li>
                                    <strong>{step.title}</strong>
                                    ". "
                                    {step.body}
                                    {(!step.command.is_empty())
                                        .then(|| view! { <CodeBlock code=step.command label=step.title/> })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
                <p class="source">
                    {SOURCES_LABEL}
                    <SourceLinks links=YOUR_APP_SOURCES/>
                </p>
            </Section>
        </div>
    }
}
