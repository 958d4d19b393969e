use leptos::prelude::*;

use super::path_tabs::PathTabs;
use super::words::{CANONICAL_TDX, HOST_CHECK, PATHS, REQUIREMENTS, YOUR_APP, YOUR_APP_SOURCES};
use crate::components::{CodeBlock, ExternalLink, PageHeader, Section, SourceLinks};
use crate::content::Link;
use crate::site;

/// `/getting-started`: requirements, the documented paths as tabs, then your own app.
#[component]
pub fn GettingStarted() -> impl IntoView {
    view! {
        <div class="page">
            <PageHeader page=&site::GETTING_STARTED/>
            <crate::components::CopyMarkdown path=site::GETTING_STARTED.path/>
            <Section id="requirements" title="What you need">
                <ul class="checklist">
                    {REQUIREMENTS
                        .iter()
                        .map(|r| {
                            view! {
                                <li class:optional=r.optional>
                                    {r.text}
                                    {r.optional.then_some(" (optional)")}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                <p>"Check a host before you start:"</p>
                <CodeBlock code=HOST_CHECK label="check the host"/>
                <p class="source">
                    "Sources: "
                    <ExternalLink link=Link::new("Deployment guide", "https://github.com/Dstack-TEE/dstack/blob/next/docs/deployment.md")/>
                    ", "
                    <ExternalLink link=Link::new("Hardware enablement", "https://github.com/Dstack-TEE/dstack/blob/next/docs/hardware-enablement.md")/>
                    ", "
                    <ExternalLink link=CANONICAL_TDX/>
                </p>
            </Section>
            <Section id="paths" title="Choose a path">
                <PathTabs paths=PATHS/>
            </Section>
            <Section id="your-app" title="Deploy your own app">
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
                    "Sources: "
                    <SourceLinks links=YOUR_APP_SOURCES/>
                </p>
            </Section>
        </div>
    }
}
