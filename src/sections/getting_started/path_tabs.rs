use leptos::prelude::*;
use stylers_macro::style;

use super::words::{PathGuide, MORE_LABEL, NOTE_LABEL, PATHS_LABEL};
use crate::components::CodeBlock;
use crate::components::ExternalLink;
use crate::content::SOURCE_LABEL;

/// The getting-started paths as WAI-ARIA tabs: arrow keys, Home and End move between tabs
/// (selection follows focus), only the selected tab is in the tab order, and the selected
/// path is in the URL fragment (`#cloud`), so it can be linked to and survives a reload.
/// The markup is static (the first path selected); the page's handlers
/// ([`crate::static_enhance::on_page_click`], `on_page_keydown`, `enhance`) do the rest.
#[component]
pub fn PathTabs(paths: &'static [PathGuide]) -> impl IntoView {
    let s = style! {
        div {
            display: flex;
            gap: 0.25rem;
            overflow-x: auto;
            border-bottom: 1px solid var(--border-strong);
        }
        button {
            flex: none;
            min-height: 2.75rem;
            padding: 0.5rem 1rem;
            border: 0;
            border-bottom: 3px solid transparent;
            background: none;
            color: var(--text-muted);
            font: inherit;
            font-weight: 600;
            cursor: pointer;
        }
        button:hover {
            color: var(--text);
        }
        button[aria-selected="true"] {
            color: var(--text);
            border-bottom-color: var(--accent);
        }
        section {
            padding: 1.25rem 0 0;
        }
        ol {
            margin: 1rem 0 0;
            padding-left: 1.5rem;
        }
        li {
            margin: 0 0 1.5rem;
        }
        h3 {
            margin: 0 0 0.25rem;
            font-size: 1.0625rem;
        }
        p {
            margin: 0;
            max-width: 70ch;
        }
        .note {
            margin-top: 0.5rem;
            padding-left: 0.75rem;
            border-left: 3px solid var(--accent);
            color: var(--text-muted);
        }
    };
    view! {
        <div class=s role="tablist" aria-label=PATHS_LABEL>
            {paths
                .iter()
                .enumerate()
                .map(|(i, path)| {
                    let selected = i == 0;
                    view! {
                        <button
                            class=s
                            type="button"
                            role="tab"
                            id=format!("tab-{}", path.slug)
                            aria-controls=format!("panel-{}", path.slug)
                            aria-selected=if selected { "true" } else { "false" }
                            tabindex=if selected { "0" } else { "-1" }
                        >
                            {path.label}
                        </button>
                    }
                })
                .collect_view()}
        </div>
        {paths
            .iter()
            .enumerate()
            .map(|(i, path)| {
                view! {
                    <section
                        class=s
                        role="tabpanel"
                        id=format!("panel-{}", path.slug)
                        aria-labelledby=format!("tab-{}", path.slug)
                        tabindex="0"
                        hidden=i != 0
                    >
                        <p class=s>{path.intro}</p>
                        <ol class=s>
                            {path
                                .steps
                                .iter()
                                .map(|step| {
                                    view! {
                                        <li class=s>
                                            <h3 class=s>{step.title}</h3>
                                            <p class=s>{step.body}</p>
                                            {(!step.command.is_empty())
                                                .then(|| view! { <CodeBlock code=step.command label=step.title/> })}
                                            {(!step.note.is_empty())
                                                .then(|| view! { <p class=format!("{s} note")><strong>{NOTE_LABEL}</strong>{step.note}</p> })}
                                            {step.more.map(|more| view! { <p class=s>{MORE_LABEL} <MoreLink link=more/></p> })}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ol>
                        <p class=s>{SOURCE_LABEL} <ExternalLink link=path.source/></p>
                    </section>
                }
            })
            .collect_view()}
    }
}

/// A step's further reading: a page of this site (under the base path) or an outside link.
#[component]
fn MoreLink(link: crate::content::Link) -> impl IntoView {
    if link.href.starts_with('/') {
        view! { <a href=crate::site::href(link.href)>{link.label}</a> }.into_any()
    } else {
        view! { <ExternalLink link=link/> }.into_any()
    }
}
