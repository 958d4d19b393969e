use leptos::prelude::*;

use crate::components::SectionPage;
use crate::content::highlights;
use crate::site;

/// `/getting-started`: from zero to a first deployment.
#[component]
pub fn GettingStarted() -> impl IntoView {
    view! {
        <SectionPage page=&site::GETTING_STARTED facts=highlights::GETTING_STARTED facts_heading="Before you begin"/>
    }
}
