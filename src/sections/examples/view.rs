use leptos::prelude::*;

use super::words::{EXAMPLES, FILTER, INTRO, TAGS_LABEL, TAPPD_NOTE};
use crate::components::{Island, ListFilter, PageHeader};
use crate::site;

/// `/examples`: every example of dstack-examples, filterable by text and tag through the
/// URL (`?q=oracle&tag=blockchain`): the cards are static, the filter an island
/// ([`ListFilter`]).
#[component]
pub fn Examples() -> impl IntoView {
    view! {
        <div class="page">
            <PageHeader page=&site::EXAMPLES/>
            <p class="lead">{INTRO}</p>
            <Island name="filter-examples">
                <ListFilter spec=&FILTER/>
            </Island>
            <ul class="card-grid three">
                {EXAMPLES
                    .iter()
                    .map(|ex| {
                        let tags = ex.tags.iter().map(|t| t.slug()).collect::<Vec<_>>().join(" ");
                        view! {
                            <li class="card" data-tags=tags>
                                <h2><a href=ex.url() rel="noopener noreferrer"><code>{ex.path}</code></a></h2>
                                <ul class="tags" aria-label=TAGS_LABEL>
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
