use leptos::prelude::*;
use stylers_macro::style;

use crate::site::{nav_pages, GITHUB_URL};

/// The main navigation: one link per page from the site table, plus GitHub.
///
/// Below 60rem it is a disclosure controlled by the header's menu button (`data-open`, set
/// by [`crate::frame`]); above, it is always shown. The current page's link carries `aria-current="page"`.
#[component]
pub fn Nav() -> impl IntoView {
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
            data-open="false"
        >
            <ul class=s>
                {nav_pages()
                    .map(|page| view! { <li><a href=crate::site::href(page.path) data-route="">{page.nav_label}</a></li> })
                    .collect_view()}
                <li><a href=GITHUB_URL rel="noopener">"GitHub"</a></li>
                <li class="theme-item">
                    <super::ThemeSwitch/>
                </li>
            </ul>
        </nav>
    }
}
