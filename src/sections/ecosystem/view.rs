use leptos::prelude::*;

use super::words::{Party, Standing, ADOPTERS, COMMUNITY, STEWARDS};
use crate::components::{ExternalLink, PageHeader, Section};
use crate::site;

/// `/ecosystem`: who stewards dstack, who the sources name as running it, and where the
/// community talks. Names are text, not hot-linked logos.
#[component]
pub fn Ecosystem() -> impl IntoView {
    view! {
        <div class="page">
            <PageHeader page=&site::ECOSYSTEM/>
            <Section id="stewards" title="Who is behind it">
                <PartyCards parties=STEWARDS filter=|_| true/>
            </Section>
            <Section id="adopters" title="Who runs on it">
                <p class="lead">"Only adopters that a first-party source (their own site or docs, or the dstack README) says run on dstack."</p>
                <PartyCards parties=ADOPTERS filter=|p| p.standing == Standing::Production/>
            </Section>
            <Section id="around" title="Integrations and announcements">
                <p class="lead">"Projects that build on dstack, said they will, or list a provider that runs on it. None of them is claimed to run on dstack in production."</p>
                <PartyCards parties=ADOPTERS filter=|p| p.standing != Standing::Production/>
            </Section>
            <Section id="community" title="Community">
                <ul class="link-list">
                    {COMMUNITY.iter().map(|l| view! { <li><ExternalLink link=*l/></li> }).collect_view()}
                </ul>
            </Section>
        </div>
    }
}

#[component]
fn PartyCards(parties: &'static [Party], filter: fn(&Party) -> bool) -> impl IntoView {
    view! {
        <ul class="card-grid three">
            {parties
                .iter()
                .filter(|p| filter(p))
                .map(|p| {
                    view! {
                        <li class="card">
                            <h3>{p.name}</h3>
                            {(p.standing != Standing::Steward)
                                .then(|| view! { <p><span class="badge">{p.standing.label()}</span></p> })}
                            <p>{p.role}</p>
                            <p><ExternalLink link=p.home/></p>
                            <p class="source">"Source: " <ExternalLink link=p.source/></p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
