use leptos::prelude::*;

use crate::components::SectionPage;
use crate::content::highlights;
use crate::site;

/// `/ecosystem`: the organisations and tools around dstack.
#[component]
pub fn Ecosystem() -> impl IntoView {
    view! {
        <SectionPage page=&site::ECOSYSTEM facts=highlights::ECOSYSTEM facts_heading="Who is involved"/>
    }
}
