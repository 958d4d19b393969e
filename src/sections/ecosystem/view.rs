use leptos::prelude::*;

use super::words::{
    Party, Standing, ADOPTERS, ADOPTERS_HEADING, ADOPTERS_INTRO, AROUND_HEADING, AROUND_INTRO,
    COMMUNITY, COMMUNITY_HEADING, STEWARDS, STEWARDS_HEADING,
};
use crate::components::{ExternalLink, PageHeader, Section};
use crate::content::SOURCE_LABEL;
use crate::site;

/// `/ecosystem`: who stewards dstack, who the sources name as running it, and where the
/// community talks. Names are text, not hot-linked logos.
#[component]
pub fn Ecosystem() -> impl IntoView {
    view! {
        <div class="page">
            <PageHeader page=&site::ECOSYSTEM/>
            <Section heading=STEWARDS_HEADING>
                <PartyCards parties=STEWARDS filter=|_| true/>
            </Section>
            <Section heading=ADOPTERS_HEADING>
                <p class="lead">{ADOPTERS_INTRO}</p>
                <PartyCards parties=ADOPTERS filter=|p| p.standing == Standing::Production/>
            </Section>
            <Section heading=AROUND_HEADING>
                <p class="lead">{AROUND_INTRO}</p>
                <PartyCards parties=ADOPTERS filter=|p| p.standing != Standing::Production/>
            </Section>
            <Section heading=COMMUNITY_HEADING>
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
                            <p class="source">{SOURCE_LABEL} <ExternalLink link=p.source/></p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
