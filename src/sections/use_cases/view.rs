use leptos::prelude::*;

use super::words::{UseCase, CATEGORIES_LABEL, FILTER, SECTIONS, USE_CASES};
use crate::components::{Island, ListFilter, PageHeader, SourceLinks};
use crate::site;

/// `/use-cases`: what runs on dstack today and what its examples show how to build,
/// filterable by category through the URL (`?tag=ai`): the cards are static, the filter
/// an island ([`ListFilter`]).
#[component]
pub fn UseCases() -> impl IntoView {
    view! {
        <div class="page">
            <PageHeader page=&site::USE_CASES/>
            <Island name="filter-use-cases">
                <ListFilter spec=&FILTER/>
            </Island>
            {SECTIONS
                .into_iter()
                .filter(|(status, ..)| USE_CASES.iter().any(|uc| uc.status == *status))
                .map(|(status, heading)| {
                    view! {
                        <section aria-labelledby=heading.id data-filter-group="">
                            <h2 id=heading.id>{heading.title}</h2>
                            <ul class="card-grid">
                                {USE_CASES
                                    .iter()
                                    .filter(|uc| uc.status == status)
                                    .map(|uc| view! { <UseCaseCard uc=uc/> })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })
                .collect_view()}
        </div>
    }
}

#[component]
fn UseCaseCard(uc: &'static UseCase) -> impl IntoView {
    let tags = uc
        .tags
        .iter()
        .map(|t| t.slug())
        .collect::<Vec<_>>()
        .join(" ");
    view! {
        <li class="card" id=uc.slug data-tags=tags>
            <h3>{uc.title}</h3>
            <ul class="tags" aria-label=CATEGORIES_LABEL>
                {uc.tags.iter().map(|t| view! { <li class="tag">{t.label()}</li> }).collect_view()}
            </ul>
            <p>{uc.summary}</p>
            {(!uc.who.is_empty())
                .then(|| {
                    view! {
                        <p>{uc.status.who_label()}</p>
                        <ul class="link-list">
                            {uc.who.iter().map(|w| view! { <li>{*w}</li> }).collect_view()}
                        </ul>
                    }
                })}
            {(!uc.sources.is_empty())
                .then(|| {
                    view! {
                        <p class="source">
                            {uc.status.sources_label()}
                            <SourceLinks links=uc.sources/>
                        </p>
                    }
                })}
        </li>
    }
}
