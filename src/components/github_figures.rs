//! The live GitHub figures: the hero line (home), the repository list (/resources) and the
//! project activity line (/community). The store decides what there is to show; these views
//! only lay it out.

use leptos::prelude::*;
use stylers_macro::style;

use crate::github::cache::Shown;
use crate::github::format::{age, compact, days_from_rfc3339};
use crate::github::store::GithubStore;
use crate::github::types::RepoFigures;
use crate::github::{Repo, MAIN_REPO, REPOS};

/// `n` with the visitor's locale's digit grouping (1,234 / 1 234 / 1.234).
fn exact(n: u64) -> String {
    let locale = window()
        .navigator()
        .language()
        .unwrap_or_else(|| "en".into());
    js_sys::Number::from(n as f64)
        .to_locale_string(&locale)
        .into()
}

/// "1.2k stars" with the exact count as its accessible name and tooltip; `unit` is the
/// plural, which loses its "s" for a count of 1 ("1 contributor").
#[component]
fn Count(n: u64, unit: &'static str) -> impl IntoView {
    let unit = if n == 1 {
        unit.strip_suffix('s').unwrap_or(unit)
    } else {
        unit
    };
    let label = format!("{} {unit}", exact(n));
    view! {
        <span class="figure" title=label.clone() aria-label=label>
            <strong>{compact(n)}</strong>
            " "
            {unit}
        </span>
    }
}

fn as_of(date: Option<String>) -> impl IntoView {
    date.map(|d| view! { <span class="as-of">" (as of " {d} ")"</span> })
}

/// Stars and forks of `repo` as a link to it; nothing while loading or when unavailable
/// (the wrapper keeps its height, and the repository stays linked elsewhere on the page).
fn repo_figures(repo: Repo, shown: Shown<RepoFigures>) -> Option<impl IntoView> {
    let (figures, date) = shown.displayed()?;
    Some(view! {
        <a href=repo.html_url() rel="noopener noreferrer" class="figures-link">
            <Count n=figures.stars unit="stars"/>
            " · "
            <Count n=figures.forks unit="forks"/>
        </a>
        {as_of(date)}
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
        let (release, date) = store?.release().displayed()?;
        let today = (js_sys::Date::now() / 86_400_000.0).floor() as i64;
        let ago = days_from_rfc3339(&release.published_at).map(|d| age(today - d));
        Some(view! {
            <span>
                "latest release "
                <a href=release.url rel="noopener noreferrer">{release.tag}</a>
                {ago.map(|a| format!(", {a}"))}
                {as_of(date)}
            </span>
        })
    };
    // "ready" once every request of this visit has settled, whatever its outcome.
    let state = move || match store.map(|s| s.release()) {
        Some(Shown::Loading) => "loading",
        _ => "ready",
    };
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
    if shown == Shown::Loading {
        return None;
    }
    let (count, date) = shown.displayed().unzip();
    Some(view! {
        " · "
        // Without a number it is a plain link, underlined like any other.
        <a
            href=repo.contributors_html_url()
            rel="noopener noreferrer"
            class=count.map(|_| "figures-link")
        >
            {count.map(|n| view! { <Count n=n unit="contributors"/> })}
            {count.is_none().then_some("contributors on GitHub")}
        </a>
        {as_of(date.flatten())}
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
    let state = move || match store.map(|s| (s.figures(MAIN_REPO), s.contributors())) {
        Some((Shown::Loading, _) | (_, Shown::Loading)) => "loading",
        _ => "ready",
    };
    view! {
        <p class=s id="community-figures" aria-live="polite" data-state=state>
            <a href=MAIN_REPO.html_url() rel="noopener noreferrer">{MAIN_REPO.slug()}</a>
            {figures}
            {count}
        </p>
    }
}
