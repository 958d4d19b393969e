use leptos::prelude::*;

use super::words::{Feature, GROUPS, LIMITS, LIMITS_HEADING};
use crate::components::{ExternalLink, PageHeader, Section};
use crate::content::{Heading, SOURCE_LABEL};
use crate::site;

/// `/features`: benefits for developers, security, independence and operations, then the
/// limits the project itself states.
#[component]
pub fn Features() -> impl IntoView {
    view! {
        <div class="page">
            <PageHeader page=&site::FEATURES/>
            {GROUPS
                .iter()
                .map(|group| {
                    view! {
                        <Section heading=Heading::new(group.slug, group.title)>
                            <FeatureCards features=group.features/>
                        </Section>
                    }
                })
                .collect_view()}
            <Section heading=LIMITS_HEADING>
                <FeatureCards features=LIMITS/>
            </Section>
        </div>
    }
}

#[component]
fn FeatureCards(features: &'static [Feature]) -> impl IntoView {
    view! {
        <ul class="card-grid">
            {features
                .iter()
                .map(|f| {
                    view! {
                        <li class="card">
                            <h3>{f.title}</h3>
                            <p>{f.body}</p>
                            <p class="source">{SOURCE_LABEL} <ExternalLink link=f.source/></p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
