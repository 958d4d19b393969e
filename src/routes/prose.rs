use leptos::prelude::*;

use crate::components::{PageHeader, StaticHtml};
use crate::prose::{fragment_path, Prose};

/// A prose page (`/security`, `/community`, `/transparency`): the heading from the page
/// table, the body from its build-time fragment, and behaviour attached where the body
/// asks for it (copy buttons, `{{widget:…}}` mount points).
#[component]
pub fn ProsePage(prose: &'static Prose) -> impl IntoView {
    let islands = crate::islands::Islands::new();
    view! {
        <div
            class="page prose"
            on:click=crate::static_enhance::on_page_click
            on:keydown=crate::static_enhance::on_page_keydown
        >
            <PageHeader page=&prose.page/>
            <StaticHtml path=fragment_path(prose.slug) on_ready=islands.on_ready(true)/>
            {islands.views()}
            <p class="visually-hidden" role="status" aria-live="polite" data-announce></p>
        </div>
    }
}
