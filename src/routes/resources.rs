use leptos::prelude::*;

use crate::components::SectionPage;
use crate::content::highlights;
use crate::site;

/// `/resources`: source, papers, audits and SDKs.
#[component]
pub fn Resources() -> impl IntoView {
    view! {
        <SectionPage page=&site::RESOURCES facts=highlights::RESOURCES facts_heading="Read further"/>
    }
}
