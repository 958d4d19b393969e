use leptos::ev::KeyboardEvent;
use leptos::html::Button;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;
use stylers_macro::style;

use super::{Nav, SearchDialog};

/// The site header: the dstack wordmark (home link), the main navigation and, on narrow
/// screens, the button that opens and closes it.
///
/// The menu closes on Escape (focus returns to the button) and on every navigation.
#[component]
pub fn Header() -> impl IntoView {
    let s = style! {
        header {
            position: sticky;
            top: 0;
            z-index: 50;
            background: var(--header-bg);
            backdrop-filter: blur(12px);
            border-bottom: 1px solid var(--border);
        }
        div {
            display: flex;
            flex-wrap: wrap;
            align-items: center;
            justify-content: space-between;
            gap: 0.5rem 1.5rem;
            max-width: var(--page-width);
            margin-inline: auto;
            padding: 0.625rem var(--gutter);
        }
        div :deep(.wordmark) {
            display: inline-flex;
            align-items: center;
            padding: 0.25rem;
            margin-left: -0.25rem;
            border-radius: var(--radius);
        }
        div :deep(.wordmark img) {
            display: block;
            height: 1.75rem;
            width: auto;
        }
        button {
            display: inline-flex;
            align-items: center;
            gap: 0.5rem;
            min-height: 2.75rem;
            padding: 0.5rem 0.875rem;
            border: 1px solid var(--border-strong);
            border-radius: var(--radius);
            background: var(--surface);
            color: var(--text);
            font: inherit;
            font-weight: 600;
            cursor: pointer;
        }
        button:hover {
            background: var(--surface-raised);
        }
        svg {
            width: 1.25rem;
            height: 1.25rem;
        }
        @media (min-width: 60rem) {
            button {
                display: none;
            }
        }
    };
    let (open, set_open) = signal(false);
    let toggle: NodeRef<Button> = NodeRef::new();

    // Any navigation, including the browser's back button, closes the menu.
    let location = use_location();
    Effect::new(move |_| {
        location.pathname.track();
        set_open.set(false);
    });

    let on_keydown = move |ev: KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            set_open.set(false);
            if let Some(button) = toggle.get_untracked() {
                let _ = button.focus();
            }
        }
    };

    view! {
        <header class=s on:keydown=on_keydown>
            <div class=s>
                <A href=crate::site::href("/") exact=true attr:class="wordmark">
                    // The wordmark is recoloured for the dark theme; its text alternative
                    // names the destination as well as the brand.
                    <img
                        src=crate::site::href("/brand/dstack-wordmark.svg")
                        alt="dstack home"
                        width="124"
                        height="32"
                    />
                </A>
                <SearchDialog/>
                <button
                    class=s
                    type="button"
                    node_ref=toggle
                    aria-expanded=move || if open.get() { "true" } else { "false" }
                    aria-controls="site-nav"
                    on:click=move |_| set_open.update(|o| *o = !*o)
                >
                    <svg class=s viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                        <path
                            d=move || {
                                if open.get() {
                                    "M6 6l12 12M18 6L6 18"
                                } else {
                                    "M4 7h16M4 12h16M4 17h16"
                                }
                            }
                            stroke="currentColor"
                            stroke-width="2"
                            stroke-linecap="round"
                            fill="none"
                        />
                    </svg>
                    "Menu"
                </button>
                <Nav open=open.into() on_navigate=Callback::new(move |_| set_open.set(false))/>
            </div>
        </header>
    }
}
