use leptos::prelude::*;
use stylers_macro::style;

use super::Nav;
use crate::components::SearchDialog;

/// The site header: the dstack wordmark (home link), the main navigation and, on narrow
/// screens, the button that opens and closes it.
///
/// Markup only: [`crate::frame`] gives the menu button, the links, the theme and search
/// their behaviour, in both builds.
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
    view! {
        <header class=s>
            <div class=s>
                <a href=crate::site::href("/") class="wordmark" data-route="" data-exact="">
                    // The wordmark is recoloured for the dark theme; its text alternative
                    // names the destination as well as the brand.
                    <img
                        src=crate::site::href("/brand/dstack-wordmark.svg")
                        alt="dstack home"
                        width="124"
                        height="32"
                    />
                </a>
                <SearchDialog/>
                <button
                    class=s
                    type="button"
                    aria-expanded="false"
                    aria-controls="site-nav"
                >
                    <svg class=s viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                        <path
                            d=crate::frame::MENU_CLOSED_PATH
                            stroke="currentColor"
                            stroke-width="2"
                            stroke-linecap="round"
                            fill="none"
                        />
                    </svg>
                    "Menu"
                </button>
                <Nav/>
            </div>
        </header>
    }
}
