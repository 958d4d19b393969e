use leptos::prelude::*;

use crate::components::SectionPage;
use crate::content::highlights;
use crate::site;

/// `/examples`: runnable examples from dstack-examples.
#[component]
pub fn Examples() -> impl IntoView {
    view! {
        <SectionPage page=&site::EXAMPLES facts=highlights::EXAMPLES facts_heading="A few to start with"/>
    }
}
