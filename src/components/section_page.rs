use leptos::prelude::*;

use super::{FactList, PageHeader};
use crate::content::Fact;
use crate::site::Page;

/// A section page: its header, then its sourced highlights under an `<h2>`.
#[component]
pub fn SectionPage(
    page: &'static Page,
    facts: &'static [Fact],
    facts_heading: &'static str,
) -> impl IntoView {
    view! {
        <div class="page">
            <PageHeader page=page/>
            <section aria-labelledby="highlights">
                <h2 id="highlights">{facts_heading}</h2>
                <FactList facts=facts/>
            </section>
        </div>
    }
}
