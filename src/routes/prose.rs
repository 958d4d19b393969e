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

/// The shipped build's first page, when it is a prose page: as [`ProsePage`] does, on the
/// prerendered markup.
#[cfg(not(feature = "words"))]
pub fn adopt(main: &web_sys::Element) -> AnyView {
    use crate::static_enhance::{find, listen, on_page_click, on_page_keydown};
    if let Some(page) = find::<web_sys::Element>(main, ".page.prose") {
        listen(&page, "click", on_page_click);
        listen(&page, "keydown", on_page_keydown);
    }
    crate::islands::Islands::adopt(main)
}
