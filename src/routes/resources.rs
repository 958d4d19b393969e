use leptos::prelude::*;

use crate::components::{CodeBlock, ExternalLink, Island, PageHeader, RepoFiguresList};
use crate::content::resources::{GROUPS, SDKS};
use crate::content::Link;
use crate::site;

/// `/resources`: documentation, repositories, SDK packages, research, security and
/// verification tools, community.
#[component]
pub fn Resources() -> impl IntoView {
    view! {
        <div class="page">
            <PageHeader page=&site::RESOURCES/>
            <section aria-labelledby="live">
                <h2 id="live">"On GitHub"</h2>
                <Island name="repo-figures">
                    <RepoFiguresList/>
                </Island>
            </section>
            <section aria-labelledby="sdks">
                <h2 id="sdks">"SDKs"</h2>
                <ul class="card-grid">
                    {SDKS
                        .iter()
                        .map(|sdk| {
                            view! {
                                <li class="card">
                                    <h3>{sdk.language}</h3>
                                    <CodeBlock code=sdk.install label=sdk.language/>
                                    <p class="source">
                                        <ExternalLink link=Link::new("README", sdk.readme)/>
                                    </p>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
            {GROUPS
                .iter()
                .map(|group| {
                    view! {
                        <section aria-labelledby=group.slug>
                            <h2 id=group.slug>{group.title}</h2>
                            <ul class="link-list">
                                {group
                                    .links
                                    .iter()
                                    .map(|l| view! { <li><ExternalLink link=*l/></li> })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })
                .collect_view()}
        </div>
    }
}
