use leptos::prelude::*;
use stylers_macro::style;

use super::PageMeta;
use crate::site::Page;

/// A page's metadata, its single `<h1>` and the lede paragraph under it.
#[component]
pub fn PageHeader(
    page: &'static Page,
    #[prop(default = None)] article: Option<&'static crate::blog::Post>,
    #[prop(default = None)] tutorial: Option<&'static crate::tutorials::Tutorial>,
) -> impl IntoView {
    let s = style! {
        header {
            padding-block: clamp(2.5rem, 8vw, 5rem) 1.5rem;
        }
        h1 {
            margin: 0 0 1rem;
            font-size: clamp(2rem, 6vw, 3.25rem);
            line-height: 1.1;
            letter-spacing: -0.03rem;
            max-width: 22ch;
        }
        p {
            margin: 0;
            max-width: 62ch;
            font-size: 1.125rem;
            color: var(--text-muted);
        }
    };
    view! {
        <PageMeta page=page article=article tutorial=tutorial/>
        <header class=s>
            <h1 class=s>{page.heading}</h1>
            <p class=s>{page.lede}</p>
        </header>
    }
}
