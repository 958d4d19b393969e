//! The browser side of the figures: one shared store per visit (provided as context by the
//! app), which wires the stored record, the real client and the snapshot file to
//! [`Round::resolve`], and its answers to signals. Views only read the signals.
//!
//! The first view that uses the store starts a round for stars, forks and the latest
//! release. The contributor count is asked for only where it is shown (/community): in the
//! same round if that is still running, else in a round of its own, so the rate-limit pause
//! and an offline GitHub found earlier in the visit still hold.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::cache::{Record, Snapshot, STORAGE_KEY};
use super::error::GithubError;
use super::resolve::{Fetch, Kind, Round, Shown, Visit};
use super::types::{Answer, Release, RepoFigures};
use super::{Repo, MAIN_REPO, REPOS};

/// Shared figures for every route of one visit.
#[derive(Clone, Copy)]
pub struct GithubStore {
    repos: RwSignal<BTreeMap<String, Shown<RepoFigures>>>,
    release: RwSignal<Shown<Release>>,
    contributors: RwSignal<Shown<u64>>,
    started: StoredValue<bool>,
    /// The first round has finished; a later want needs a round of its own.
    settled: StoredValue<bool>,
    wants_contributors: StoredValue<bool>,
    /// What earlier rounds of this visit learnt, even when nothing can be stored.
    visit: StoredValue<Visit>,
}

impl GithubStore {
    /// Puts a store into context; call once, in the app's root.
    pub fn provide() {
        provide_context(GithubStore {
            repos: RwSignal::new(BTreeMap::new()),
            release: RwSignal::new(Shown::Loading),
            contributors: RwSignal::new(Shown::Loading),
            started: StoredValue::new(false),
            settled: StoredValue::new(false),
            wants_contributors: StoredValue::new(false),
            visit: StoredValue::new(Visit::default()),
        });
    }

    /// The store, starting its one round of requests on first use.
    pub fn use_store() -> Option<GithubStore> {
        let store = use_context::<GithubStore>()?;
        if !store.started.get_value() {
            store.started.set_value(true);
            // Not in the task that renders the figures: together they blocked a phone
            // for over 50 ms (see crate::boot::step).
            crate::boot::step(move || spawn_local(store.round(true)));
        }
        Some(store)
    }

    /// The store, with the main repository's contributor count asked for too.
    pub fn use_contributors() -> Option<GithubStore> {
        let store = Self::use_store()?;
        if !store.wants_contributors.get_value() {
            store.wants_contributors.set_value(true);
            if store.settled.get_value() {
                spawn_local(store.round(false));
            }
        }
        Some(store)
    }

    /// What to show for `repo`.
    pub fn figures(&self, repo: Repo) -> Shown<RepoFigures> {
        self.repos
            .with(|m| m.get(&repo.slug()).cloned().unwrap_or(Shown::Loading))
    }

    /// What to show for the main repository's latest release.
    pub fn release(&self) -> Shown<Release> {
        self.release.get()
    }

    /// What to show for the main repository's contributor count (after
    /// [`GithubStore::use_contributors`]).
    pub fn contributors(&self) -> Shown<u64> {
        self.contributors.get()
    }

    /// A round: the first one (`first`) resolves the repositories and the release, and any
    /// round the contributor count once it is wanted; then the record is stored.
    async fn round(self, first: bool) {
        let mut record = Record::decode(read_storage().as_deref());
        let visit = self.visit.get_value();
        let mut round = Round::new(visit, record.paused_until_s, js_sys::Date::now(), Browser);
        if first {
            for repo in REPOS {
                let slug = repo.slug();
                let mut stored = record.repos.remove(&slug);
                let shown = round.resolve(&mut stored, Kind::repo(*repo)).await;
                if let Some(stored) = stored {
                    record.repos.insert(slug.clone(), stored);
                }
                self.repos.update(|m| {
                    m.insert(slug, shown);
                });
            }
            let shown = round
                .resolve(&mut record.release, Kind::release(MAIN_REPO))
                .await;
            self.release.set(shown);
        }
        if self.wants_contributors.get_value() {
            let kind = Kind::contributors(MAIN_REPO);
            let shown = round.resolve(&mut record.contributors, kind).await;
            self.contributors.set(shown);
        }
        self.settled.set_value(true);
        self.visit.set_value(round.visit);
        record.paused_until_s = round.visit.paused_until_s;
        write_storage(&record.encode());
    }
}

/// The browser's GitHub: the real client, and the committed snapshot from the site's own
/// origin.
struct Browser;

impl Fetch for Browser {
    async fn get(&self, url: &str) -> Result<Answer, GithubError> {
        super::client::get(url).await
    }

    async fn snapshot(&self) -> Snapshot {
        let text = crate::static_file::get_text("/github-snapshot.json").await;
        text.map(|t| Snapshot::decode(&t)).unwrap_or_default()
    }
}

/// The persisted record; without storage nothing persists ([`crate::storage`]).
fn read_storage() -> Option<String> {
    crate::storage::get(STORAGE_KEY).flatten()
}

fn write_storage(value: &str) {
    crate::storage::set(STORAGE_KEY, value);
}
