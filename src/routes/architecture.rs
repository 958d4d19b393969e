use leptos::prelude::*;

use crate::components::{ExternalLink, PageHeader};
use crate::content::architecture::{COMPONENTS, PROBLEM, TRUST_MODEL};
use crate::site;

/// `/architecture`: what dstack is, the problem it solves, its parts and the trust model.
#[component]
pub fn Architecture() -> impl IntoView {
    view! {
        <div class="page">
            <PageHeader page=&site::ARCHITECTURE/>
            <section aria-labelledby="problem">
                <h2 id="problem">"The problem it solves"</h2>
                {PROBLEM.iter().map(|p| view! { <p class="lead">{*p}</p> }).collect_view()}
            </section>
            // Bounded region that the interactive diagram will fill; until then it states
            // the four flows in words.
            <section class="diagram-slot" id="diagram" aria-labelledby="flows">
                <h2 id="flows">"How an app runs, in four flows"</h2>
                <ol class="link-list">
                    <li>"Deploy: you hand dstack-vmm a docker-compose file; it boots a CVM from the measured OS image."</li>
                    <li>"Keys: the CVM's guest agent proves itself to dstack-kms with a TDX quote and receives the app's keys."</li>
                    <li>"Request: a visitor reaches the app at <app-id>-<port>.<base-domain>; the gateway ends TLS inside its TEE and forwards over WireGuard."</li>
                    <li>"Verify: anyone checks the quote's signature, the boot measurements and the compose hash in RTMR3."</li>
                </ol>
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
