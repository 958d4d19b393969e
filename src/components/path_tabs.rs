use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use stylers_macro::style;
use wasm_bindgen::JsCast;

use super::CodeBlock;
use crate::components::ExternalLink;
use crate::content::getting_started::PathGuide;
use crate::tablist::{tab_after_key, tab_from_fragment};

/// The getting-started paths as WAI-ARIA tabs: arrow keys, Home and End move between tabs
/// (selection follows focus), only the selected tab is in the tab order, and the selected
/// path is in the URL fragment (`#cloud`), so it can be linked to and survives a reload.
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
    let slugs: Vec<&'static str> = paths.iter().map(|p| p.slug).collect();
    let initial = tab_from_fragment(&window().location().hash().unwrap_or_default(), &slugs);
    let (selected, set_selected) = signal(initial.unwrap_or(0));

    let select = move |index: usize, focus: bool| {
        set_selected.set(index);
        // Keep the choice in the fragment without adding a history entry per tab.
        let fragment = format!("#{}", paths[index].slug);
        if let Ok(history) = window().history() {
            let _ =
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&fragment));
        }
        if focus {
            if let Some(tab) = document().get_element_by_id(&format!("tab-{}", paths[index].slug)) {
                let _ = tab.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }
    };
    let on_keydown = move |ev: KeyboardEvent| {
        if let Some(next) = tab_after_key(&ev.key(), selected.get_untracked(), paths.len()) {
            ev.prevent_default();
            select(next, true);
        }
    };

    view! {
        <div class=s role="tablist" aria-label="Ways to run dstack" on:keydown=on_keydown>
            {paths
                .iter()
                .enumerate()
                .map(|(i, path)| {
                    let is_selected = move || selected.get() == i;
                    view! {
                        <button
                            class=s
                            type="button"
                            role="tab"
                            id=format!("tab-{}", path.slug)
                            aria-controls=format!("panel-{}", path.slug)
                            aria-selected=move || if is_selected() { "true" } else { "false" }
                            tabindex=move || if is_selected() { "0" } else { "-1" }
                            on:click=move |_| select(i, false)
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
                        hidden=move || selected.get() != i
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
                                                .then(|| view! { <p class=format!("{s} note")><strong>"Note: "</strong>{step.note}</p> })}
                                            {step.more.map(|more| view! { <p class=s>"More: " <MoreLink link=more/></p> })}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ol>
                        <p class=s>"Source: " <ExternalLink link=path.source/></p>
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
