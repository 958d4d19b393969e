use leptos::prelude::*;

use crate::components::SectionPage;
use crate::content::highlights;
use crate::site;

/// `/use-cases`: what people build with dstack.
#[component]
pub fn UseCases() -> impl IntoView {
    view! {
        <SectionPage page=&site::USE_CASES facts=highlights::USE_CASES facts_heading="In production and in the examples"/>
    }
}
