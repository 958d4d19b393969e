use leptos::prelude::*;
use leptos_router::components::A;
use stylers_macro::style;

use crate::site::{nav_pages, GITHUB_URL};

/// The main navigation: one link per page from the site table, plus GitHub.
///
/// Below 60rem it is a disclosure controlled by the header's menu button (`open`); above,
/// it is always shown. The current page's link carries `aria-current="page"`.
#[component]
pub fn Nav(open: Signal<bool>, on_navigate: Callback<()>) -> impl IntoView {
    let s = style! {
        nav {
            display: none;
            flex-basis: 100%;
        }
        nav[data-open="true"] {
            display: block;
        }
        ul {
            display: flex;
            flex-direction: column;
            gap: 0.125rem;
            margin: 0;
            padding: 0.5rem 0 0.75rem;
            list-style: none;
        }
        ul :deep(a) {
            display: flex;
            align-items: center;
            min-height: 2.75rem;
            padding: 0.5rem 0.75rem;
            border-radius: var(--radius);
            color: var(--text-muted);
            font-weight: 500;
            text-decoration: none;
        }
        ul :deep(a:hover) {
            color: var(--text);
            background: var(--surface);
        }
        ul :deep(a[aria-current="page"]) {
            color: var(--text);
            background: var(--surface-raised);
            box-shadow: inset 3px 0 0 var(--accent);
        }
        @media (min-width: 60rem) {
            nav {
                display: block;
                flex-basis: auto;
            }
            ul {
                flex-direction: row;
                flex-wrap: wrap;
                padding: 0;
            }
            ul :deep(a) {
                padding: 0.5rem 0.5rem;
            }
            ul :deep(a[aria-current="page"]) {
                box-shadow: inset 0 -2px 0 var(--accent);
            }
        }
    };
    view! {
        <nav
            class=s
            id="site-nav"
            aria-label="Main"
            data-open=move || if open.get() { "true" } else { "false" }
        >
            // A click on any link closes the mobile menu, even a link to the current page.
            <ul class=s on:click=move |_| on_navigate.run(())>
                {nav_pages()
                    .map(|page| view! { <li><A href=crate::site::href(page.path)>{page.nav_label}</A></li> })
                    .collect_view()}
                <li><a href=GITHUB_URL rel="noopener">"GitHub"</a></li>
                <li class="theme-item" on:click=|ev| ev.stop_propagation()>
                    <super::ThemeSwitch/>
                </li>
            </ul>
        </nav>
    }
}
