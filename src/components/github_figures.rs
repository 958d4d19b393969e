//! The live GitHub figures: the hero line (home), the repository list (/resources) and the
//! project activity line (/community). The store decides what there is to show and
//! `github::format` words it; these views only lay it out.

use leptos::prelude::*;
use stylers_macro::style;

use crate::github::format::{self, Count};
use crate::github::resolve::Shown;
use crate::github::store::GithubStore;
use crate::github::types::RepoFigures;
use crate::github::{Repo, MAIN_REPO, REPOS};

/// "1.2k stars" with the exact count as its accessible name and tooltip.
fn count(c: Count) -> impl IntoView {
    let label = format!("{} {}", c.exact, c.unit);
    view! {
        <span class="figure" title=label.clone() aria-label=label>
            <strong>{c.compact}</strong>
            " "
            {c.unit}
        </span>
    }
}

fn as_of(text: Option<String>) -> impl IntoView {
    text.map(|t| view! { <span class="as-of">{t}</span> })
}

/// Stars and forks of `repo` as a link to it; nothing while loading or when unavailable
/// (the wrapper keeps its height, and the repository stays linked elsewhere on the page).
fn repo_figures(repo: Repo, shown: Shown<RepoFigures>) -> Option<impl IntoView> {
    let f = format::figures(shown)?;
    Some(view! {
        <a href=repo.html_url() rel="noopener noreferrer" class="figures-link">
            {count(f.stars)}
            " · "
            {count(f.forks)}
        </a>
        {as_of(f.as_of)}
    })
}

/// The hero's live line: stars and forks of the main repository and its latest release.
/// Its box is reserved at two lines' height (figures and release wrap onto two lines on a
/// phone), so nothing below moves when the figures arrive.
#[component]
pub fn HeroFigures() -> impl IntoView {
    let s = style! {
        p {
            display: flex;
            flex-wrap: wrap;
            align-items: center;
            gap: 0.25rem 0.75rem;
            min-height: 3.25rem;
            margin: 1.5rem 0 0;
            align-content: flex-start;
            font-size: 0.9375rem;
            color: var(--text-muted);
        }
    };
    let store = GithubStore::use_store();
    let figures = move || store.map(|s| repo_figures(MAIN_REPO, s.figures(MAIN_REPO)));
    let release = move || {
        let r = format::release(store?.release(), js_sys::Date::now())?;
        Some(view! {
            <span>
                "latest release "
                <a href=r.url rel="noopener noreferrer">{r.tag}</a>
                {r.age}
                {as_of(r.as_of)}
            </span>
        })
    };
    // "ready" once the visit's first round has settled (the release is its last figure),
    // whatever the outcome.
    let state = move || format::state(store.is_some_and(|s| s.release() == Shown::Loading));
    view! {
        <p class=s id="github-figures" aria-live="polite" data-state=state>
            {figures}
            {release}
        </p>
    }
}

/// Every repository of [`REPOS`] with its figures, for /resources.
#[component]
pub fn RepoFiguresList() -> impl IntoView {
    let store = GithubStore::use_store();
    view! {
        <ul class="link-list" aria-live="polite">
            {REPOS
                .iter()
                .map(|repo| {
                    let repo = *repo;
                    view! {
                        <li>
                            <a href=repo.html_url() rel="noopener noreferrer">{repo.slug()}</a>
                            " "
                            <span class="repo-figures">
                                {move || store.map(|s| repo_figures(repo, s.figures(repo)))}
                            </span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// The main repository's contributor count as a link to its contributors graph. When there
/// is no count (GitHub failed and nothing was kept), the link stays without a number.
fn contributors(repo: Repo, shown: Shown<u64>) -> Option<impl IntoView> {
    let c = format::contributors(shown)?;
    let plain = c.count.is_none();
    Some(view! {
        " · "
        // Without a number it is a plain link, underlined like any other.
        <a
            href=repo.contributors_html_url()
            rel="noopener noreferrer"
            class=(!plain).then_some("figures-link")
        >
            {c.count.map(count)}
            {plain.then_some("contributors on GitHub")}
        </a>
        {as_of(c.as_of)}
    })
}

/// Project activity for /community: the main repository with its stars, forks and
/// contributor count, under the same cache, fallback and "as of" rules as the other figures.
/// Its box is reserved at two of its own lines (what the line takes on a phone), so nothing
/// moves when the figures arrive.
#[component]
pub fn CommunityFigures() -> impl IntoView {
    let s = style! {
        p {
            min-height: 3.5rem;
            min-height: 2lh;
            color: var(--text-muted);
        }
    };
    let store = GithubStore::use_contributors();
    let figures = move || {
        let figures = repo_figures(MAIN_REPO, store?.figures(MAIN_REPO))?;
        Some(view! { " · " {figures} })
    };
    let count = move || store.map(|s| contributors(MAIN_REPO, s.contributors()));
    // "ready" once every figure of this line has settled, whatever its outcome.
    let state = move || {
        format::state(store.is_some_and(|s| {
            s.figures(MAIN_REPO) == Shown::Loading || s.contributors() == Shown::Loading
        }))
    };
    view! {
        <p class=s id="community-figures" aria-live="polite" data-state=state>
            <a href=MAIN_REPO.html_url() rel="noopener noreferrer">{MAIN_REPO.slug()}</a>
            {figures}
            {count}
        </p>
    }
}
