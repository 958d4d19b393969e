use leptos::prelude::*;
use stylers_macro::style;

use super::words::{
    BOOT_MODES, BOOT_MODES_HEADING, BOOT_MODES_SOURCE, BOOT_MODES_TABLE, COMPONENTS,
    DIAGRAM_HEADING, DIAGRAM_INTRO, FORMERLY_LABEL, PARTS_HEADING, PROBLEM, PROBLEM_HEADING,
    TRUST_HEADING, TRUST_MODEL,
};
use crate::components::{ExternalLink, Island, PageHeader, Section};
use crate::content::SOURCE_LABEL;
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
    // One `<th>` each, written out: a collected list would add a marker node to the row.
    let [mode, keys, disk, upgrades, app_id, key_provider] = BOOT_MODES_TABLE.columns;
    view! {
        <div class="page">
            <PageHeader page=&site::ARCHITECTURE/>
            <crate::components::CopyMarkdown path=site::ARCHITECTURE.path/>
            <Section heading=PROBLEM_HEADING>
                {PROBLEM.iter().map(|p| view! { <p class="lead">{*p}</p> }).collect_view()}
            </Section>
            <section class="diagram-section" id="diagram" aria-labelledby=DIAGRAM_HEADING.id>
                <h2 id=DIAGRAM_HEADING.id>{DIAGRAM_HEADING.title}</h2>
                <p>{DIAGRAM_INTRO}</p>
                <Island name="diagram">
                    <Diagram/>
                </Island>
            </section>
            <Section heading=PARTS_HEADING>
                <ul class="card-grid three">
                    {COMPONENTS
                        .iter()
                        .map(|c| {
                            view! {
                                <li class="card">
                                    <h3>{c.name}</h3>
                                    <p><span class="badge">{c.placement.label()}</span></p>
                                    <p>{c.does}</p>
                                    {c.formerly.map(|old| view! { <p class="tag-note">{FORMERLY_LABEL} <code>{old}</code></p> })}
                                    <p class="source">{SOURCE_LABEL} <ExternalLink link=c.source/></p>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </Section>
            <Section heading=BOOT_MODES_HEADING>
                <div class=s tabindex="0" role="region" aria-label=BOOT_MODES_TABLE.label>
                    <table class=s>
                        <caption class="visually-hidden">{BOOT_MODES_TABLE.caption}</caption>
                        <thead class=s>
                            <tr>
                                <th class=s scope="col">{mode}</th>
                                <th class=s scope="col">{keys}</th>
                                <th class=s scope="col">{disk}</th>
                                <th class=s scope="col">{upgrades}</th>
                                <th class=s scope="col">{app_id}</th>
                                <th class=s scope="col">{key_provider}</th>
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
                <p class="source">{SOURCE_LABEL} <ExternalLink link=BOOT_MODES_SOURCE/></p>
            </Section>
            <Section heading=TRUST_HEADING>
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
