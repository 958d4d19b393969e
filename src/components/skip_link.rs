use leptos::prelude::*;
use stylers_macro::style;
use wasm_bindgen::JsCast;

/// "Skip to content": the first tab stop, visible only when focused.
///
/// The router intercepts same-page `#fragment` clicks, which would scroll without moving
/// focus, so the click handler focuses the target itself.
#[component]
pub fn SkipLink(target: &'static str) -> impl IntoView {
    let s = style! {
        a {
            position: absolute;
            left: 0.75rem;
            top: -4rem;
            z-index: 100;
            padding: 0.75rem 1rem;
            border-radius: var(--radius);
            background: var(--surface-raised);
            color: var(--text);
            font-weight: 600;
        }
        a:focus {
            top: 0.75rem;
        }
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let element = document()
            .get_element_by_id(target)
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            ev.prevent_default();
            let _ = element.focus();
            element.scroll_into_view();
        }
    };
    view! {
        <a class=s href=format!("#{target}") on:click=on_click>
            "Skip to content"
        </a>
    }
}
