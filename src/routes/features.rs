use leptos::prelude::*;

use crate::components::SectionPage;
use crate::content::highlights;
use crate::site;

/// `/features`: what dstack gives an app, as its sources state it.
#[component]
pub fn Features() -> impl IntoView {
    view! {
        <SectionPage page=&site::FEATURES facts=highlights::FEATURES facts_heading="Highlights"/>
    }
}
