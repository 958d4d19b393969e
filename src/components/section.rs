use leptos::prelude::*;

use crate::content::Heading;

/// A titled part of a page: `<section>` labelled by its own `<h2>` (the landmark's name is
/// the heading a visitor sees). `class` adds a class to the section.
#[component]
pub fn Section(
    heading: Heading,
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    let Heading { id, title } = heading;
    view! {
        <section class=(!class.is_empty()).then_some(class) aria-labelledby=id>
            <h2 id=id>{title}</h2>
            {children()}
        </section>
    }
}
