//! The browser side of the figures: one shared store per visit (provided as context by the
//! app), which reads the cache, asks GitHub at most once per figure per visit, writes back,
//! and falls back calmly. Views only read its signals.
//!
//! The first view that uses the store starts a round for stars, forks and the latest
//! release. The contributor count is asked for only where it is shown (/community): in the
//! same round if that is still running, else in a round of its own, so the rate-limit pause
//! and an offline GitHub found earlier in the visit still hold.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::cache::{fallback, plan, Plan, Record, Shown, Snapshot, Timed, STORAGE_KEY};
use super::client::get;
use super::contributors::parse_contributors;
use super::error::GithubError;
use super::types::{parse_release, parse_repo, Answer, Release, RepoFigures};
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
    /// What earlier rounds of this visit learnt (pause, unreachable), even when nothing
    /// can be stored.
    visit: StoredValue<(u64, bool)>,
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
            visit: StoredValue::new((0, false)),
        });
    }

    /// The store, starting its one round of requests on first use.
    pub fn use_store() -> Option<GithubStore> {
        let store = use_context::<GithubStore>()?;
        if !store.started.get_value() {
            store.started.set_value(true);
            spawn_local(store.load());
        }
        Some(store)
    }

    /// The store, with the main repository's contributor count asked for too.
    pub fn use_contributors() -> Option<GithubStore> {
        let store = Self::use_store()?;
        if !store.wants_contributors.get_value() {
            store.wants_contributors.set_value(true);
            if store.settled.get_value() {
                spawn_local(store.load_contributors());
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

    /// The stored record, with what this visit already learnt.
    fn begin(&self) -> Record {
        let mut record = Record::decode(read_storage().as_deref());
        let (paused_until_s, unreachable) = self.visit.get_value();
        record.paused_until_s = record.paused_until_s.max(paused_until_s);
        record.unreachable = unreachable;
        record
    }

    fn finish(&self, record: &Record) {
        self.visit
            .set_value((record.paused_until_s, record.unreachable));
        write_storage(&record.encode());
    }

    async fn load(self) {
        let now = js_sys::Date::now();
        let mut record = self.begin();
        let mut snapshot = None;

        for repo in REPOS {
            let slug = repo.slug();
            let stored = record.repos.get(&slug).cloned();
            let at = stored.as_ref().map(|s| s.fetched_at_ms);
            let shown = match (plan(at, record.paused_until_s, now), stored) {
                (Plan::UseStored, Some(stored)) => Shown::Live(stored.value),
                (_, stored) => {
                    let url = repo.api_url();
                    match fetch(&url, &mut record, now)
                        .await
                        .and_then(|a| parse_repo(&a.body))
                    {
                        Ok(figures) => {
                            record.repos.insert(
                                slug.clone(),
                                Timed {
                                    value: figures,
                                    fetched_at_ms: now,
                                },
                            );
                            Shown::Live(figures)
                        }
                        Err(err) => {
                            unavailable(&url, &err);
                            if stored.is_none() {
                                load_snapshot(&mut snapshot).await;
                            }
                            let snap = snapshot.as_ref().and_then(|s| s.figures(&slug));
                            fallback(stored.as_ref(), snap)
                        }
                    }
                }
            };
            self.repos.update(|m| {
                m.insert(slug, shown);
            });
        }

        let stored = record.release.clone();
        let release = match plan(
            stored.as_ref().map(|s| s.fetched_at_ms),
            record.paused_until_s,
            now,
        ) {
            Plan::UseStored => stored.map_or(Shown::Nothing, |s| Shown::Live(s.value)),
            Plan::Paused => fallback(stored.as_ref(), None),
            Plan::Fetch => {
                let url = MAIN_REPO.latest_release_api_url();
                match fetch(&url, &mut record, now)
                    .await
                    .and_then(|a| parse_release(&a.body))
                {
                    Ok(release) => {
                        record.release = Some(Timed {
                            value: release.clone(),
                            fetched_at_ms: now,
                        });
                        Shown::Live(release)
                    }
                    Err(err) => {
                        unavailable(&url, &err);
                        fallback(stored.as_ref(), None)
                    }
                }
            }
        };
        self.release.set(release);
        if self.wants_contributors.get_value() {
            self.contributors_step(&mut record, now, &mut snapshot)
                .await;
        }
        self.settled.set_value(true);
        self.finish(&record);
    }

    /// A round for the contributor count alone, when it is wanted after the first one.
    async fn load_contributors(self) {
        let mut record = self.begin();
        self.contributors_step(&mut record, js_sys::Date::now(), &mut None)
            .await;
        self.finish(&record);
    }

    /// The contributor count, under the figures' rules: the stored count while fresh, else
    /// GitHub's (stored for next time), else the last good count, else the snapshot's.
    async fn contributors_step(
        &self,
        record: &mut Record,
        now: f64,
        snapshot: &mut Option<Snapshot>,
    ) {
        let stored = record.contributors.clone();
        let at = stored.as_ref().map(|s| s.fetched_at_ms);
        let shown = match (plan(at, record.paused_until_s, now), stored) {
            (Plan::UseStored, Some(stored)) => Shown::Live(stored.value),
            (_, stored) => {
                let url = MAIN_REPO.contributors_api_url();
                match fetch(&url, record, now)
                    .await
                    .and_then(|a| parse_contributors(&a))
                {
                    Ok(count) => {
                        record.contributors = Some(Timed {
                            value: count,
                            fetched_at_ms: now,
                        });
                        Shown::Live(count)
                    }
                    Err(err) => {
                        unavailable(&url, &err);
                        if stored.is_none() {
                            load_snapshot(snapshot).await;
                        }
                        let slug = MAIN_REPO.slug();
                        let snap = snapshot.as_ref().and_then(|s| s.contributors(&slug));
                        fallback(stored.as_ref(), snap)
                    }
                }
            }
        };
        self.contributors.set(shown);
    }
}

/// One GET. No request while GitHub's rate-limit pause lasts (the error says so), nor once
/// GitHub proved unreachable on this visit; a new rate limit or unreachable GitHub is
/// remembered in `record`.
async fn fetch(url: &str, record: &mut Record, now: f64) -> Result<Answer, GithubError> {
    if (now / 1000.0) < record.paused_until_s as f64 {
        return Err(GithubError::RateLimited {
            reset_at: record.paused_until_s,
        });
    }
    if record.unreachable {
        // Offline or timed out already on this visit: don't make the visitor wait again.
        return Err(GithubError::Network);
    }
    let result = get(url).await;
    match result {
        Err(GithubError::RateLimited { reset_at }) => record.pause_for_rate_limit(reset_at, now),
        Err(GithubError::Network | GithubError::Timeout) => record.unreachable = true,
        _ => {}
    }
    result
}

/// Notes in the console why a figure falls back (the page itself stays calm).
fn unavailable(url: &str, err: &GithubError) {
    leptos::logging::warn!("GitHub figures unavailable ({url}): {err}");
}

/// The committed snapshot from the site's own origin, fetched once per round; any failure
/// means "no snapshot".
async fn load_snapshot(snapshot: &mut Option<Snapshot>) {
    if snapshot.is_none() {
        let text = crate::static_file::get_text("/github-snapshot.json").await;
        *snapshot = Some(text.map(|t| Snapshot::decode(&t)).unwrap_or_default());
    }
}

/// localStorage can be missing, disabled or throw (private mode): then nothing persists.
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn read_storage() -> Option<String> {
    storage()?.get_item(STORAGE_KEY).ok().flatten()
}

fn write_storage(value: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(STORAGE_KEY, value);
    }
}
