use leptos::prelude::*;

use crate::components::{use_url_filter, FilterBar, PageHeader};
use crate::content::examples::{Example, EXAMPLES, INTRO, TAPPD_NOTE};
use crate::content::tags::Tag;
use crate::site;

/// `/examples`: every example of dstack-examples, filterable by text and tag through the
/// URL (`?q=oracle&tag=blockchain`).
#[component]
pub fn Examples() -> impl IntoView {
    let (filter, set_filter) = use_url_filter();
    let visible = move |ex: &Example| filter.with(|f| f.matches(ex.tags, &[ex.path, ex.summary]));
    let shown = move || EXAMPLES.iter().filter(|ex| visible(ex)).count();
    view! {
        <div class="page">
            <PageHeader page=&site::EXAMPLES/>
            <p class="lead">{INTRO}</p>
            <FilterBar
                tags=&Tag::ALL
                filter=filter
                set_filter=set_filter
                search_label="Search the examples"
            />
            <p class="result-count" role="status" aria-live="polite">
                {move || format!("Showing {} of {} examples", shown(), EXAMPLES.len())}
            </p>
            <Show when=move || shown() == 0>
                <p class="empty-state">
                    "No example matches. Try fewer words, or choose All."
                </p>
            </Show>
            <ul class="card-grid three">
                {EXAMPLES
                    .iter()
                    .map(|ex| {
                        view! {
                            <li class="card" hidden=move || !visible(ex)>
                                <h2><a href=ex.url() rel="noopener noreferrer"><code>{ex.path}</code></a></h2>
                                <ul class="tags" aria-label="Tags">
                                    {ex.tags.iter().map(|t| view! { <li class="tag">{t.label()}</li> }).collect_view()}
                                </ul>
                                <p>{ex.summary}</p>
                                {ex.tappd.then(|| view! { <p class="tag-note">{TAPPD_NOTE}</p> })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}
