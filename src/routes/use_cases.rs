use leptos::prelude::*;

use crate::components::{use_url_filter, FilterBar, PageHeader, SourceLinks};
use crate::content::tags::Tag;
use crate::content::use_cases::{Status, UseCase, USE_CASES};
use crate::site;

/// The categories the use-case filter offers.
const CATEGORIES: &[Tag] = &[Tag::Ai, Tag::Blockchain, Tag::Privacy, Tag::Infrastructure];

/// The sections of the page, from strongest evidence to none.
const SECTIONS: [(Status, &str, &str); 5] = [
    (Status::InProduction, "in-production", "In production"),
    (
        Status::Integration,
        "integrations",
        "Integrations built on dstack",
    ),
    (Status::Announced, "announced", "Announced"),
    (
        Status::Pattern,
        "patterns",
        "Patterns you can build, with a working example",
    ),
    (Status::Idea, "ideas", "Ideas, not yet built"),
];

/// `/use-cases`: what runs on dstack today and what its examples show how to build,
/// filterable by category through the URL (`?tag=ai`).
#[component]
pub fn UseCases() -> impl IntoView {
    let (filter, set_filter) = use_url_filter();
    let visible = move |uc: &UseCase| filter.with(|f| f.matches(uc.tags, &[]));
    let shown = move || USE_CASES.iter().filter(|uc| visible(uc)).count();
    view! {
        <div class="page">
            <PageHeader page=&site::USE_CASES/>
            <FilterBar tags=CATEGORIES filter=filter set_filter=set_filter/>
            <p class="result-count" role="status" aria-live="polite">
                {move || format!("Showing {} of {} use cases", shown(), USE_CASES.len())}
            </p>
            <Show when=move || shown() == 0>
                <p class="empty-state">"No use case matches this filter. Choose All to see every one."</p>
            </Show>
            {SECTIONS
                .into_iter()
                .map(|(status, id, title)| {
                    let items: Vec<&'static UseCase> =
                        USE_CASES.iter().filter(|uc| uc.status == status).collect();
                    let any_visible = {
                        let items = items.clone();
                        move || items.iter().any(|uc| visible(uc))
                    };
                    view! {
                        <section aria-labelledby=id hidden=move || !any_visible()>
                            <h2 id=id>{title}</h2>
                            <ul class="card-grid">
                                {items
                                    .into_iter()
                                    .map(|uc| view! { <UseCaseCard uc=uc hidden=Signal::derive(move || !visible(uc))/> })
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
fn UseCaseCard(uc: &'static UseCase, hidden: Signal<bool>) -> impl IntoView {
    view! {
        <li class="card" id=uc.slug hidden=move || hidden.get()>
            <h3>{uc.title}</h3>
            <ul class="tags" aria-label="Categories">
                {uc.tags.iter().map(|t| view! { <li class="tag">{t.label()}</li> }).collect_view()}
            </ul>
            <p>{uc.summary}</p>
            {(!uc.who.is_empty())
                .then(|| {
                    view! {
                        <p>
                            {match uc.status {
                                Status::InProduction => "Who runs it:",
                                Status::Integration => "Who built it:",
                                _ => "Who announced it:",
                            }}
                        </p>
                        <ul class="link-list">
                            {uc.who.iter().map(|w| view! { <li>{*w}</li> }).collect_view()}
                        </ul>
                    }
                })}
            {(!uc.sources.is_empty())
                .then(|| {
                    view! {
                        <p class="source">
                            {if uc.status == Status::InProduction { "Source: " } else { "See: " }}
                            <SourceLinks links=uc.sources/>
                        </p>
                    }
                })}
        </li>
    }
}
