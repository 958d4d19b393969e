use leptos::prelude::*;
use stylers_macro::style;

/// "Skip to content": the first tab stop, visible only when focused.
///
/// The router intercepts same-page `#fragment` clicks, which would scroll without moving
/// focus, so [`crate::frame`] focuses the target itself.
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
    view! {
        <a class=s href=format!("#{target}")>
            "Skip to content"
        </a>
    }
}
