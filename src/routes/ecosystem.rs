use leptos::prelude::*;

use crate::components::{ExternalLink, PageHeader};
use crate::content::ecosystem::{Party, ADOPTERS, COMMUNITY, STEWARDS};
use crate::site;

/// `/ecosystem`: who stewards dstack, who the sources name as running it, and where the
/// community talks. Names are text, not hot-linked logos.
#[component]
pub fn Ecosystem() -> impl IntoView {
    view! {
        <div class="page">
            <PageHeader page=&site::ECOSYSTEM/>
            <section aria-labelledby="stewards">
                <h2 id="stewards">"Who is behind it"</h2>
                <PartyCards parties=STEWARDS/>
            </section>
            <section aria-labelledby="adopters">
                <h2 id="adopters">"Who runs on it"</h2>
                <p class="lead">"Only the adopters a public source names."</p>
                <PartyCards parties=ADOPTERS/>
            </section>
            <section aria-labelledby="community">
                <h2 id="community">"Community"</h2>
                <ul class="link-list">
                    {COMMUNITY.iter().map(|l| view! { <li><ExternalLink link=*l/></li> }).collect_view()}
                </ul>
            </section>
        </div>
    }
}

#[component]
fn PartyCards(parties: &'static [Party]) -> impl IntoView {
    view! {
        <ul class="card-grid three">
            {parties
                .iter()
                .map(|p| {
                    view! {
                        <li class="card">
                            <h3>{p.name}</h3>
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
