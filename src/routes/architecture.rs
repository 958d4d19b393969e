use leptos::prelude::*;

use crate::components::SectionPage;
use crate::content::highlights;
use crate::site;

/// `/architecture`: what dstack is and how its parts fit together.
#[component]
pub fn Architecture() -> impl IntoView {
    view! {
        <SectionPage page=&site::ARCHITECTURE facts=highlights::ARCHITECTURE facts_heading="The parts"/>
    }
}
