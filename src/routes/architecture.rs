use leptos::prelude::*;

use crate::components::{ExternalLink, PageHeader};
use crate::content::architecture::{COMPONENTS, PROBLEM, TRUST_MODEL};
use crate::diagram::Diagram;
use crate::site;

/// `/architecture`: what dstack is, the problem it solves, its parts and the trust model.
#[component]
pub fn Architecture() -> impl IntoView {
    view! {
        <div class="page">
            <PageHeader page=&site::ARCHITECTURE/>
            <crate::components::CopyMarkdown path=site::ARCHITECTURE.path/>
            <section aria-labelledby="problem">
                <h2 id="problem">"The problem it solves"</h2>
                {PROBLEM.iter().map(|p| view! { <p class="lead">{*p}</p> }).collect_view()}
            </section>
            <section class="diagram-section" id="diagram" aria-labelledby="flows">
                <h2 id="flows">"See it work: four flows and five adversaries"</h2>
                <p>"Play a flow or step through it; select a part to read what it does; pick an adversary to see what it controls and what stays out of its reach."</p>
                <Diagram/>
            </section>
            <section aria-labelledby="parts">
                <h2 id="parts">"The parts and where they run"</h2>
                <ul class="card-grid three">
                    {COMPONENTS
                        .iter()
                        .map(|c| {
                            view! {
                                <li class="card">
                                    <h3>{c.name}</h3>
                                    <p><span class="badge">{c.placement.label()}</span></p>
                                    <p>{c.does}</p>
                                    {c.formerly.map(|old| view! { <p class="tag-note">"Formerly " <code>{old}</code></p> })}
                                    <p class="source">"Source: " <ExternalLink link=c.source/></p>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
            <section aria-labelledby="trust">
                <h2 id="trust">"The trust model in plain words"</h2>
                <ul class="link-list">
                    {TRUST_MODEL
                        .iter()
                        .map(|(text, source)| {
                            view! { <li>{*text} " " <ExternalLink link=*source/></li> }
                        })
                        .collect_view()}
                </ul>
            </section>
        </div>
    }
}
