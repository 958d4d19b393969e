use leptos::prelude::*;
use stylers_macro::style;

use crate::content::Fact;

/// A list of sourced statements: each sentence with a link to where it can be checked.
#[component]
pub fn FactList(facts: &'static [Fact]) -> impl IntoView {
    let s = style! {
        ul {
            display: grid;
            gap: 1rem;
            margin: 1rem 0 3rem;
            padding: 0;
            list-style: none;
        }
        li {
            padding: 1.125rem 1.25rem;
            border: 1px solid var(--border);
            border-radius: var(--radius-lg);
            background: var(--surface);
        }
        p {
            margin: 0 0 0.5rem;
        }
        a {
            font-size: 0.875rem;
        }
        @media (min-width: 48rem) {
            ul {
                grid-template-columns: repeat(2, minmax(0, 1fr));
            }
        }
    };
    view! {
        <ul class=s>
            {facts
                .iter()
                .map(|fact| {
                    view! {
                        <li class=s>
                            <p class=s>{fact.text}</p>
                            <a class=s href=fact.source rel="noopener">
                                "Source: "
                                {fact.source_label}
                            </a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
