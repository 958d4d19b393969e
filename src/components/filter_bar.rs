use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use stylers_macro::style;

use crate::content::tags::Tag;
use crate::filter::{Filter, FilterSpec};
use crate::static_enhance::elements;

/// The list filter kept in the URL query, so a filtered view can be shared and survives a
/// reload: the current filter, and a setter that replaces the query (no history entry).
pub fn use_url_filter() -> (Memo<Filter>, Callback<Filter>) {
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        query.with(|q| Filter::from_query(q.get("tag").as_deref(), q.get("q").as_deref()))
    });
    let replace_query = crate::address::use_replace_query();
    let set = Callback::new(move |next: Filter| replace_query(&next.to_query()));
    (filter, set)
}

/// Tag chips (toggle buttons, one "All") and, when `search_label` is given, a text box.
#[component]
pub fn FilterBar(
    tags: &'static [Tag],
    filter: Memo<Filter>,
    set_filter: Callback<Filter>,
    #[prop(optional)] search_label: &'static str,
) -> impl IntoView {
    let s = style! {
        div {
            display: flex;
            flex-wrap: wrap;
            gap: 0.5rem;
            margin: 0 0 1rem;
        }
        button {
            min-height: 2.5rem;
            padding: 0.375rem 1rem;
            border: 1px solid var(--border-strong);
            border-radius: 999px;
            background: var(--surface);
            color: var(--text);
            font: inherit;
            font-size: 0.9375rem;
            cursor: pointer;
        }
        button:hover {
            border-color: var(--accent);
        }
        button[aria-pressed="true"] {
            background: var(--button-primary-bg);
            border-color: var(--button-primary-bg);
            color: var(--button-primary-text);
            font-weight: 600;
        }
        label {
            display: grid;
            gap: 0.375rem;
            margin: 0 0 1rem;
            max-width: 28rem;
            font-weight: 600;
        }
        input {
            min-height: 2.75rem;
            padding: 0.5rem 0.75rem;
            border: 1px solid var(--border-strong);
            border-radius: var(--radius);
            background: var(--surface-sunken);
            color: var(--text);
            font: inherit;
            font-weight: 400;
        }
    };
    let chip = move |tag: Option<Tag>, label: &'static str| {
        let pressed = move || filter.with(|f| f.tag == tag);
        view! {
            <button
                class=s
                type="button"
                aria-pressed=move || if pressed() { "true" } else { "false" }
                on:click=move |_| {
                    let mut next = filter.get_untracked();
                    next.tag = tag;
                    set_filter.run(next);
                }
            >
                {label}
            </button>
        }
    };
    view! {
        {(!search_label.is_empty())
            .then(|| {
                view! {
                    <label class=s>
                        {search_label}
                        <input
                            class=s
                            type="search"
                            prop:value=move || filter.with(|f| f.text.clone())
                            on:input=move |ev| {
                                let mut next = filter.get_untracked();
                                next.text = event_target_value(&ev);
                                set_filter.run(next);
                            }
                        />
                    </label>
                }
            })}
        <div class=s role="group" aria-label="Filter by category">
            {chip(None, "All")}
            {tags.iter().map(|tag| chip(Some(*tag), tag.label())).collect_view()}
        </div>
    }
}

/// A list's filter controls, its count and its empty state, filtering the cards already on
/// the page (`[data-tags]`, slugs separated by spaces; they may come from build-time HTML):
/// a card that does not pass is hidden, and so is a `[data-filter-group]` left without a
/// visible card. The filter lives in the URL, like [`use_url_filter`]'s.
#[component]
pub fn ListFilter(spec: &'static FilterSpec) -> impl IntoView {
    let (filter, set_filter) = use_url_filter();
    let counts = RwSignal::new(None::<(usize, usize)>);
    let node = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let filter = filter.get();
        let Some(el) = node.get() else { return };
        let el: &web_sys::Element = &el;
        if let Some(page) = el.closest(".page").ok().flatten() {
            counts.set(Some(apply(&page, &filter)));
        }
    });
    view! {
        <div node_ref=node>
            <FilterBar tags=spec.tags filter=filter set_filter=set_filter search_label=spec.search_label/>
            <p class="result-count" role="status" aria-live="polite">
                {move || counts.get().map(|(shown, total)| format!("Showing {shown} of {total} {}", spec.noun))}
            </p>
            <Show when=move || counts.get().is_some_and(|(shown, _)| shown == 0)>
                <p class="empty-state">{spec.empty}</p>
            </Show>
        </div>
    }
}

/// Shows the cards under `page` that pass `filter` and hides the rest; returns (shown, total).
fn apply(page: &web_sys::Element, filter: &Filter) -> (usize, usize) {
    let cards = elements(page, "[data-tags]");
    let mut shown = 0;
    for card in &cards {
        let tags: Vec<Tag> = card
            .get_attribute("data-tags")
            .unwrap_or_default()
            .split_whitespace()
            .filter_map(Tag::from_slug)
            .collect();
        let text = card.text_content().unwrap_or_default();
        let pass = filter.matches(&tags, &[&text]);
        set_hidden(card, !pass);
        shown += usize::from(pass);
    }
    for group in elements(page, "[data-filter-group]") {
        let empty = group
            .query_selector("[data-tags]:not([hidden])")
            .ok()
            .flatten()
            .is_none();
        set_hidden(&group, empty);
    }
    (shown, cards.len())
}

fn set_hidden(el: &web_sys::Element, hidden: bool) {
    _ = if hidden {
        el.set_attribute("hidden", "")
    } else {
        el.remove_attribute("hidden")
    };
}
