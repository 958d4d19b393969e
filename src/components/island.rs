use leptos::prelude::*;

/// Marks a part of a section page that moves (see [`crate::islands`]): the words build
/// renders `children` in place; the shipped build finds the element by its name in the
/// prerendered or fetched markup and mounts the same component there. `display: contents`
/// (style/main.css), so the wrapper changes no layout.
#[component]
pub fn Island(name: &'static str, children: Children) -> impl IntoView {
    view! { <div class="island" data-island=name>{children()}</div> }
}
