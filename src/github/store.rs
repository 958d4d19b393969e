//! The browser side of the figures: one shared store per visit (provided as context by the
//! app), which reads the cache, asks GitHub at most once per repository per visit, writes
//! back, and falls back calmly. Views only read its signals.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::cache::{fallback, plan, Plan, Record, Shown, Snapshot, Timed, STORAGE_KEY};
use super::client::get_text;
use super::error::GithubError;
use super::types::{parse_release, parse_repo, Release, RepoFigures};
use super::{Repo, MAIN_REPO, REPOS};

/// Shared figures for every route of one visit.
#[derive(Clone, Copy)]
pub struct GithubStore {
    repos: RwSignal<BTreeMap<String, Shown<RepoFigures>>>,
    release: RwSignal<Shown<Release>>,
    started: StoredValue<bool>,
}

impl GithubStore {
    /// Puts a store into context; call once, in the app's root.
    pub fn provide() {
        provide_context(GithubStore {
            repos: RwSignal::new(BTreeMap::new()),
            release: RwSignal::new(Shown::Loading),
            started: StoredValue::new(false),
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

    /// What to show for `repo`.
    pub fn figures(&self, repo: Repo) -> Shown<RepoFigures> {
        self.repos
            .with(|m| m.get(&repo.slug()).cloned().unwrap_or(Shown::Loading))
    }

    /// What to show for the main repository's latest release.
    pub fn release(&self) -> Shown<Release> {
        self.release.get()
    }

    async fn load(self) {
        let now = js_sys::Date::now();
        let mut record = Record::decode(read_storage().as_deref());
        let mut snapshot: Option<Snapshot> = None;

        for repo in REPOS {
            let slug = repo.slug();
            let stored = record.repos.get(&slug).cloned();
            let shown = match plan(
                stored.as_ref().map(|s| s.fetched_at_ms),
                record.paused_until_s,
                now,
            ) {
                Plan::UseStored => stored.map_or(Shown::Nothing, |s| Shown::Live(s.value)),
                plan => {
                    let fetched = if plan == Plan::Fetch {
                        fetch(&repo.api_url(), parse_repo, &mut record, now).await
                    } else {
                        Err(GithubError::RateLimited {
                            reset_at: record.paused_until_s,
                        })
                    };
                    match fetched {
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
                        Err(_) => {
                            let snap = snapshot.get_or_insert(load_snapshot().await);
                            let from_snapshot = snap
                                .taken_on
                                .as_deref()
                                .and_then(|date| snap.repos.get(&slug).map(|f| (f, date)));
                            fallback(stored.as_ref(), from_snapshot)
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
            Plan::Fetch => match fetch(
                &MAIN_REPO.latest_release_api_url(),
                parse_release,
                &mut record,
                now,
            )
            .await
            {
                Ok(release) => {
                    record.release = Some(Timed {
                        value: release.clone(),
                        fetched_at_ms: now,
                    });
                    Shown::Live(release)
                }
                Err(_) => fallback(stored.as_ref(), None),
            },
        };
        self.release.set(release);
        write_storage(&record.encode());
    }
}

/// One GET, parsed; a rate limit is remembered so no request is made before its reset.
async fn fetch<T>(
    url: &str,
    parse: fn(&str) -> Result<T, GithubError>,
    record: &mut Record,
    now: f64,
) -> Result<T, GithubError> {
    if (now / 1000.0) < record.paused_until_s as f64 {
        return Err(GithubError::RateLimited {
            reset_at: record.paused_until_s,
        });
    }
    if record.unreachable {
        // Offline or timed out already on this visit: don't make the visitor wait again.
        return Err(GithubError::Network);
    }
    let result = match get_text(url).await {
        Ok(body) => parse(&body),
        Err(err) => Err(err),
    };
    match result {
        Err(GithubError::RateLimited { reset_at }) => record.pause_for_rate_limit(reset_at, now),
        Err(GithubError::Network | GithubError::Timeout) => record.unreachable = true,
        _ => {}
    }
    if let Err(err) = &result {
        leptos::logging::warn!("GitHub figures unavailable ({url}): {err}");
    }
    result
}

/// The committed snapshot from the site's own origin; any failure means "no snapshot".
async fn load_snapshot() -> Snapshot {
    crate::static_file::get_text("/github-snapshot.json")
        .await
        .map(|t| Snapshot::decode(&t))
        .unwrap_or_default()
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
