use leptos::prelude::*;
use stylers_macro::style;

use super::words::{BOOT_MODES, BOOT_MODES_SOURCE, COMPONENTS, PROBLEM, TRUST_MODEL};
use crate::components::{ExternalLink, Island, PageHeader, Section};
use crate::diagram::Diagram;
use crate::site;

/// `/architecture`: what dstack is, the problem it solves, its parts and the trust model.
#[component]
pub fn Architecture() -> impl IntoView {
    let s = style! {
        div {
            overflow-x: auto;
        }
        table {
            width: 100%;
            border-collapse: collapse;
            font-size: 0.9375rem;
        }
        th, td {
            padding: 0.5rem 0.75rem;
            border-bottom: 1px solid var(--border);
            text-align: left;
            vertical-align: top;
        }
        thead th {
            color: var(--text-muted);
        }
    };
    view! {
        <div class="page">
            <PageHeader page=&site::ARCHITECTURE/>
            <crate::components::CopyMarkdown path=site::ARCHITECTURE.path/>
            <Section id="problem" title="The problem it solves">
                {PROBLEM.iter().map(|p| view! { <p class="lead">{*p}</p> }).collect_view()}
            </Section>
            <section class="diagram-section" id="diagram" aria-labelledby="flows">
                <h2 id="flows">"See it work: four flows and eight adversaries"</h2>
                <p>"Play a flow or step through it; select a part to read what it does; pick an adversary to see what it controls and what stays out of its reach."</p>
                <Island name="diagram">
                    <Diagram/>
                </Island>
            </section>
            <Section id="parts" title="The parts and where they run">
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
            </Section>
            <Section id="boot-modes" title="Three ways a CVM gets its keys">
                <div class=s tabindex="0" role="region" aria-label="Boot modes table">
                    <table class=s>
                        <caption class="visually-hidden">"Boot modes: where keys come from and what each allows"</caption>
                        <thead class=s>
                            <tr>
                                <th class=s scope="col">"Mode"</th>
                                <th class=s scope="col">"Keys"</th>
                                <th class=s scope="col">"Persistent disk"</th>
                                <th class=s scope="col">"Upgrades"</th>
                                <th class=s scope="col">"App ID"</th>
                                <th class=s scope="col">"key-provider event in RTMR3"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {BOOT_MODES
                                .iter()
                                .map(|m| {
                                    view! {
                                        <tr>
                                            <th class=s scope="row">{m.name}</th>
                                            <td class=s>{m.keys}</td>
                                            <td class=s>{m.disk}</td>
                                            <td class=s>{m.upgrades}</td>
                                            <td class=s>{m.app_id}</td>
                                            <td class=s><code>{m.key_provider}</code></td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
                <p class="source">"Source: " <ExternalLink link=BOOT_MODES_SOURCE/></p>
            </Section>
            <Section id="trust" title="The trust model in plain words">
                <ul class="link-list">
                    {TRUST_MODEL
                        .iter()
                        .map(|(text, source)| {
                            view! { <li>{*text} " " <ExternalLink link=*source/></li> }
                        })
                        .collect_view()}
                </ul>
            </Section>
        </div>
    }
}
