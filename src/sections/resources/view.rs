use leptos::prelude::*;

use super::words::{GROUPS, LIVE_HEADING, SDKS, SDKS_HEADING};
use crate::components::{CodeBlock, ExternalLink, Island, PageHeader, RepoFiguresList, Section};
use crate::content::Heading;
use crate::site;

/// `/resources`: documentation, repositories, SDK packages, research, security and
/// verification tools, community.
#[component]
pub fn Resources() -> impl IntoView {
    view! {
        <div class="page">
            <PageHeader page=&site::RESOURCES/>
            <Section heading=LIVE_HEADING>
                <Island name="repo-figures">
                    <RepoFiguresList/>
                </Island>
            </Section>
            <Section heading=SDKS_HEADING>
                <ul class="card-grid">
                    {SDKS
                        .iter()
                        .map(|sdk| {
                            view! {
                                <li class="card">
                                    <h3>{sdk.language}</h3>
                                    <CodeBlock code=sdk.install label=sdk.language/>
                                    <p class="source">
                                        <ExternalLink link=sdk.readme/>
                                    </p>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </Section>
            {GROUPS
                .iter()
                .map(|group| {
                    view! {
                        <Section heading=Heading::new(group.slug, group.title)>
                            <ul class="link-list">
                                {group
                                    .links
                                    .iter()
                                    .map(|l| view! { <li><ExternalLink link=*l/></li> })
                                    .collect_view()}
                            </ul>
                        </Section>
                    }
                })
                .collect_view()}
        </div>
    }
}
