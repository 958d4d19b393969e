use leptos::prelude::*;

use crate::components::{page_style, PageHeader, StaticHtml};
use crate::prose::{fragment_path, Prose};

/// A prose page (`/security`, `/community`, `/transparency`): the heading from the page
/// table, the body from its build-time fragment, and behaviour attached where the body
/// asks for it (copy buttons, `{{widget:…}}` mount points).
#[component]
pub fn ProsePage(prose: &'static Prose) -> impl IntoView {
    page_style("/article.css");
    let mounts = RwSignal::new(Vec::<(String, web_sys::Element)>::new());
    let on_ready = Callback::new(move |body: web_sys::Element| {
        crate::static_enhance::reveal_copy_buttons(&body);
        mounts.set(crate::islands::mounts(&body));
    });
    let widgets = move || {
        mounts
            .get()
            .into_iter()
            .map(|(name, el)| crate::islands::view(&name, el))
            .collect_view()
    };
    view! {
        <div class="page prose" on:click=crate::static_enhance::copy_on_click>
            <PageHeader page=&prose.page/>
            <StaticHtml path=fragment_path(prose.slug) on_ready=on_ready/>
            {widgets}
            <p class="visually-hidden" role="status" aria-live="polite" data-announce></p>
        </div>
    }
}
