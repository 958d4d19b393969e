use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::PageHeader;
use crate::site;

/// Any path that matches no route: says so calmly and offers the ways back.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <div class="page">
            <PageHeader page=&site::NOT_FOUND/>
            <p class="actions">
                <A href=crate::site::href("/") attr:class="button button-primary">"Go to the home page"</A>
                <A href=crate::site::href("/getting-started") attr:class="button">"Get started"</A>
            </p>
        </div>
    }
}
