use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::site::Page;

/// Sets the document title and meta description of a routed page from the site table.
#[component]
pub fn PageMeta(page: &'static Page) -> impl IntoView {
    view! {
        <Title text=page.full_title()/>
        <Meta name="description" content=page.description/>
    }
}
