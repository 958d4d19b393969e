//! When to ask GitHub, and what to show when it cannot answer: the localStorage record
//! (versioned, tolerant of corrupt or old data), freshness, the rate-limit pause, and the
//! choice between live figures, the last good ones and the build-time snapshot.

use std::collections::BTreeMap;

use std::fmt::Write;

use super::types::{Release, RepoFigures};
use crate::json::{self, Value};

/// localStorage key; the version in the key and in the record lets a future format
/// ignore this one instead of misreading it.
pub const STORAGE_KEY: &str = "dstack.info/github/v1";
const FORMAT_VERSION: u32 = 1;
/// Figures younger than this are shown without asking GitHub again.
pub const TTL_MS: f64 = 60.0 * 60.0 * 1000.0;
/// Pause after a rate limit whose reset time is missing or already past.
pub const DEFAULT_PAUSE_S: u64 = 15 * 60;

/// A value and when it was fetched (ms since the epoch).
#[derive(Debug, Clone, PartialEq)]
pub struct Timed<T> {
    pub value: T,
    pub fetched_at_ms: f64,
}

/// What the site remembers between visits, stored as JSON:
/// `{"version":1,"repos":{"owner/name":{"value":{"stars":1,"forks":2},"fetched_at_ms":…}},
/// "release":{"value":{"tag":…,"url":…,"published_at":…},"fetched_at_ms":…},
/// "contributors":{"value":57,"fetched_at_ms":…},"paused_until_s":0}`.
/// (`contributors` came later: a record without it reads as having none.)
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Record {
    pub repos: BTreeMap<String, Timed<RepoFigures>>,
    pub release: Option<Timed<Release>>,
    /// The main repository's contributor count.
    pub contributors: Option<Timed<u64>>,
    /// No request before this Unix time (seconds): GitHub said the rate limit is spent.
    pub paused_until_s: u64,
    /// This visit found GitHub unreachable (offline, timeout); never stored.
    pub unreachable: bool,
}

/// Reads `{"stars":…,"forks":…}`.
fn figures_from(v: &Value) -> Option<RepoFigures> {
    Some(RepoFigures {
        stars: v.get("stars")?.as_u64()?,
        forks: v.get("forks")?.as_u64()?,
    })
}

/// Reads `{"value":…,"fetched_at_ms":…}` with `value` read by `read`.
fn timed_from<T>(v: &Value, read: fn(&Value) -> Option<T>) -> Option<Timed<T>> {
    Some(Timed {
        value: read(v.get("value")?)?,
        fetched_at_ms: v.get("fetched_at_ms")?.as_u64()? as f64,
    })
}

fn release_from(v: &Value) -> Option<Release> {
    let field = |k: &str| v.get(k)?.as_str().map(str::to_string);
    Some(Release {
        tag: field("tag")?,
        url: field("url")?,
        published_at: field("published_at")?,
    })
}

/// Reads a member that may be missing or null (`Some(None)`); a present but bad one is
/// `None`, which spoils the whole.
fn optional<T>(v: Option<&Value>, read: impl Fn(&Value) -> Option<T>) -> Option<Option<T>> {
    match v {
        None => Some(None),
        Some(v) if v.is_null() => Some(None),
        Some(v) => read(v).map(Some),
    }
}

/// Reads an object of `"owner/name": value` members; any bad member spoils the whole.
fn map_from<T>(
    v: Option<&Value>,
    read: impl Fn(&Value) -> Option<T>,
) -> Option<BTreeMap<String, T>> {
    let Some(v) = v else {
        return Some(BTreeMap::new());
    };
    v.as_object()?
        .iter()
        .map(|(k, v)| Some((k.clone(), read(v)?)))
        .collect()
}

impl Record {
    /// Reads a stored record; missing, corrupt or other-version data reads as empty.
    pub fn decode(raw: Option<&str>) -> Record {
        raw.and_then(|raw| Record::read(&json::parse(raw).ok()?))
            .unwrap_or_default()
    }

    fn read(doc: &Value) -> Option<Record> {
        if doc.get("version")?.as_u64()? != u64::from(FORMAT_VERSION) {
            return None;
        }
        let release = optional(doc.get("release"), |v| timed_from(v, release_from))?;
        let contributors = optional(doc.get("contributors"), |v| timed_from(v, Value::as_u64))?;
        let paused_until_s = match doc.get("paused_until_s") {
            None => 0,
            Some(v) => v.as_u64()?,
        };
        Some(Record {
            repos: map_from(doc.get("repos"), |v| timed_from(v, figures_from))?,
            release,
            contributors,
            paused_until_s,
            unreachable: false,
        })
    }

    pub fn encode(&self) -> String {
        let mut out = format!(r#"{{"version":{FORMAT_VERSION},"repos":{{"#);
        for (i, (slug, timed)) in self.repos.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            json::write_str(&mut out, slug);
            let _ = write!(
                out,
                r#":{{"value":{{"stars":{},"forks":{}}},"fetched_at_ms":{}}}"#,
                timed.value.stars, timed.value.forks, timed.fetched_at_ms as u64
            );
        }
        out.push_str(r#"},"release":"#);
        match &self.release {
            None => out.push_str("null"),
            Some(timed) => {
                out.push_str(r#"{"value":{"tag":"#);
                json::write_str(&mut out, &timed.value.tag);
                out.push_str(r#","url":"#);
                json::write_str(&mut out, &timed.value.url);
                out.push_str(r#","published_at":"#);
                json::write_str(&mut out, &timed.value.published_at);
                let _ = write!(
                    out,
                    r#"}},"fetched_at_ms":{}}}"#,
                    timed.fetched_at_ms as u64
                );
            }
        }
        match &self.contributors {
            None => out.push_str(r#","contributors":null"#),
            Some(timed) => {
                let _ = write!(
                    out,
                    r#","contributors":{{"value":{},"fetched_at_ms":{}}}"#,
                    timed.value, timed.fetched_at_ms as u64
                );
            }
        }
        let _ = write!(out, r#","paused_until_s":{}}}"#, self.paused_until_s);
        out
    }

    /// Remembers a rate limit: no request until `reset_at` (or a default pause when GitHub
    /// gave no usable reset time).
    pub fn pause_for_rate_limit(&mut self, reset_at: u64, now_ms: f64) {
        let now_s = (now_ms / 1000.0) as u64;
        self.paused_until_s = if reset_at > now_s {
            reset_at
        } else {
            now_s + DEFAULT_PAUSE_S
        };
    }
}

/// Whether something fetched at `fetched_at_ms` may still be shown as current. A time in
/// the future (a clock that moved back) is not trusted.
pub fn is_fresh(fetched_at_ms: f64, now_ms: f64) -> bool {
    let age = now_ms - fetched_at_ms;
    (-60_000.0..TTL_MS).contains(&age)
}

/// What to do for one figure on this visit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plan {
    /// The stored figure is fresh: show it, make no request.
    UseStored,
    /// GitHub asked us to wait: make no request, show the fallback.
    Paused,
    /// Ask GitHub.
    Fetch,
}

pub fn plan(stored_at_ms: Option<f64>, paused_until_s: u64, now_ms: f64) -> Plan {
    if stored_at_ms.is_some_and(|at| is_fresh(at, now_ms)) {
        Plan::UseStored
    } else if (now_ms / 1000.0) < paused_until_s as f64 {
        Plan::Paused
    } else {
        Plan::Fetch
    }
}

/// The committed build-time snapshot, `public/github-snapshot.json`:
/// `{"taken_on":"YYYY-MM-DD","repos":{"owner/name":{"stars":…,"forks":…,"contributors":…}}}`
/// (`contributors` may be missing: snapshots taken before it was recorded).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Snapshot {
    /// The date the figures were taken (`YYYY-MM-DD`); `None` when there are none yet.
    pub taken_on: Option<String>,
    pub repos: BTreeMap<String, RepoFigures>,
    /// Contributor counts, for the repositories that have one.
    pub contributors: BTreeMap<String, u64>,
}

impl Snapshot {
    /// Parses the snapshot; a broken file is as good as none.
    pub fn decode(raw: &str) -> Snapshot {
        Snapshot::read(raw).unwrap_or_default()
    }

    fn read(raw: &str) -> Option<Snapshot> {
        let doc = json::parse(raw).ok()?;
        let taken_on = optional(doc.get("taken_on"), |v| v.as_str().map(str::to_string))?;
        let repos = map_from(doc.get("repos"), figures_from)?;
        // Inserted one by one: collecting into a map would pull in a sort (wasm size).
        let mut contributors = BTreeMap::new();
        for (slug, v) in doc
            .get("repos")
            .and_then(Value::as_object)
            .unwrap_or_default()
        {
            if let Some(n) = optional(v.get("contributors"), Value::as_u64)? {
                contributors.insert(slug.clone(), n);
            }
        }
        Some(Snapshot {
            taken_on,
            repos,
            contributors,
        })
    }

    /// Stars and forks of `slug` with the snapshot's date; figures without a date are never
    /// shown.
    pub fn figures(&self, slug: &str) -> Option<(&RepoFigures, &str)> {
        Some((self.repos.get(slug)?, self.taken_on.as_deref()?))
    }

    /// The contributor count of `slug` with the snapshot's date, as [`Snapshot::figures`].
    pub fn contributors(&self, slug: &str) -> Option<(&u64, &str)> {
        Some((self.contributors.get(slug)?, self.taken_on.as_deref()?))
    }
}

/// What the page shows for one figure.
#[derive(Debug, Clone, PartialEq)]
pub enum Shown<T> {
    /// Still being fetched: a same-size placeholder.
    Loading,
    /// Current figures.
    Live(T),
    /// Older figures, with the date (`YYYY-MM-DD`) they were taken.
    AsOf(T, String),
    /// Nothing to show: the figures are left out and the links remain.
    Nothing,
}

impl<T> Shown<T> {
    /// The value to display and, for older figures, their date; `None` when there is
    /// nothing to display (still loading, or unavailable).
    pub fn displayed(self) -> Option<(T, Option<String>)> {
        match self {
            Shown::Live(value) => Some((value, None)),
            Shown::AsOf(value, date) => Some((value, Some(date))),
            Shown::Loading | Shown::Nothing => None,
        }
    }
}

/// The fallback when live figures cannot be had: the last good ones, else the snapshot's.
pub fn fallback<T: Clone>(stored: Option<&Timed<T>>, snapshot: Option<(&T, &str)>) -> Shown<T> {
    if let Some(stored) = stored {
        let days = (stored.fetched_at_ms / 86_400_000.0).floor() as i64;
        return Shown::AsOf(stored.value.clone(), super::format::iso_date(days));
    }
    match snapshot {
        Some((value, date)) => Shown::AsOf(value.clone(), date.to_string()),
        None => Shown::Nothing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOUR: f64 = 3_600_000.0;
    const NOW: f64 = 1_795_000_000_000.0; // 2026-11-18

    fn figures() -> RepoFigures {
        RepoFigures {
            stars: 10,
            forks: 2,
        }
    }

    #[test]
    fn freshness_and_expiry() {
        assert!(is_fresh(NOW, NOW));
        assert!(is_fresh(NOW - 0.99 * HOUR, NOW));
        assert!(!is_fresh(NOW - HOUR, NOW), "expires at the TTL");
        assert!(!is_fresh(NOW - 30.0 * HOUR, NOW));
        assert!(
            !is_fresh(NOW + 10.0 * HOUR, NOW),
            "a future timestamp is not trusted"
        );
    }

    #[test]
    fn plan_uses_fresh_data_respects_the_pause_and_otherwise_fetches() {
        let now_s = (NOW / 1000.0) as u64;
        assert_eq!(plan(Some(NOW - 60_000.0), 0, NOW), Plan::UseStored);
        assert_eq!(plan(Some(NOW - 2.0 * HOUR), 0, NOW), Plan::Fetch);
        assert_eq!(plan(None, 0, NOW), Plan::Fetch);
        assert_eq!(plan(None, now_s + 600, NOW), Plan::Paused);
        assert_eq!(plan(Some(NOW - 2.0 * HOUR), now_s + 1, NOW), Plan::Paused);
        assert_eq!(plan(None, now_s - 1, NOW), Plan::Fetch, "the pause is over");
    }

    #[test]
    fn rate_limit_reset_sets_the_pause() {
        let now_s = (NOW / 1000.0) as u64;
        let mut record = Record::default();
        record.pause_for_rate_limit(now_s + 1200, NOW);
        assert_eq!(record.paused_until_s, now_s + 1200);
        record.pause_for_rate_limit(0, NOW);
        assert_eq!(
            record.paused_until_s,
            now_s + DEFAULT_PAUSE_S,
            "no reset header"
        );
        record.pause_for_rate_limit(now_s - 5, NOW);
        assert_eq!(
            record.paused_until_s,
            now_s + DEFAULT_PAUSE_S,
            "reset in the past"
        );
    }

    #[test]
    fn record_round_trips_and_tolerates_garbage() {
        let mut record = Record::default();
        record.repos.insert(
            "a/b".into(),
            Timed {
                value: figures(),
                fetched_at_ms: NOW,
            },
        );
        record.release = Some(Timed {
            value: Release {
                tag: "v1 \"quoted\"".into(),
                url: "https://github.com/a/b/releases/tag/v1".into(),
                published_at: "2026-05-11T10:00:00Z".into(),
            },
            fetched_at_ms: NOW,
        });
        record.paused_until_s = 17;
        let decoded = Record::decode(Some(&record.encode()));
        assert_eq!(decoded, record);
        record.contributors = Some(Timed {
            value: 57,
            fetched_at_ms: NOW,
        });
        assert_eq!(Record::decode(Some(&record.encode())), record);
        // A record written by the earlier serde-based code still reads.
        let old = r#"{"version":1,"repos":{"a/b":{"value":{"stars":10,"forks":2},"fetched_at_ms":1795000000000.0}},"release":null,"paused_until_s":0}"#;
        assert_eq!(
            Record::decode(Some(old)).repos.len(),
            0,
            "a float time is refused calmly"
        );
        let current = old.replace("1795000000000.0", "1795000000000");
        assert_eq!(Record::decode(Some(&current)).repos["a/b"].value, figures());
        for garbage in [
            "",
            "{",
            "[1,2]",
            "null",
            "\"x\"",
            r#"{"version":0,"repos":{}}"#,
            r#"{"version":1,"repos":{"a/b":{"value":{"stars":-1}}}}"#,
            r#"{"version":1,"repos":{},"contributors":{"value":"many","fetched_at_ms":1}}"#,
            r#"{"version":1,"repos":{},"contributors":{"value":-4,"fetched_at_ms":1}}"#,
            r#"{"version":1,"repos":{},"contributors":57}"#,
        ] {
            assert_eq!(
                Record::decode(Some(garbage)),
                Record::default(),
                "{garbage:?}"
            );
        }
        assert_eq!(Record::decode(None), Record::default());
    }

    #[test]
    fn fallback_prefers_last_good_then_snapshot_then_nothing() {
        let stored = Timed {
            value: figures(),
            fetched_at_ms: NOW,
        };
        let snap = RepoFigures { stars: 5, forks: 1 };
        assert_eq!(
            fallback(Some(&stored), Some((&snap, "2026-01-01"))),
            Shown::AsOf(figures(), "2026-11-18".into())
        );
        assert_eq!(
            fallback(None, Some((&snap, "2026-01-01"))),
            Shown::AsOf(snap, "2026-01-01".into())
        );
        assert_eq!(fallback::<RepoFigures>(None, None), Shown::Nothing);
    }

    #[test]
    fn displayed_gives_the_value_and_date_or_nothing() {
        assert_eq!(Shown::Live(1).displayed(), Some((1, None)));
        assert_eq!(
            Shown::AsOf(1, "2026-01-02".into()).displayed(),
            Some((1, Some("2026-01-02".into())))
        );
        assert_eq!(Shown::<u8>::Loading.displayed(), None);
        assert_eq!(Shown::<u8>::Nothing.displayed(), None);
    }

    /// The contributor count follows the figures' policy: fresh stored count without a
    /// request, the pause respected, then the last good count, then the snapshot's, each
    /// with its date, else nothing.
    #[test]
    fn contributor_count_policy() {
        let now_s = (NOW / 1000.0) as u64;
        let mut record = Record::decode(Some(
            r#"{"version":1,"repos":{},"release":null,"paused_until_s":0}"#,
        ));
        assert_eq!(
            record.contributors, None,
            "a record from before contributors"
        );
        record.contributors = Some(Timed {
            value: 57,
            fetched_at_ms: NOW - 0.5 * HOUR,
        });
        let stored = record.contributors.clone();
        let at = stored.as_ref().map(|s| s.fetched_at_ms);
        assert_eq!(plan(at, 0, NOW), Plan::UseStored);
        assert_eq!(plan(at, 0, NOW + HOUR), Plan::Fetch);
        assert_eq!(plan(at, now_s + 7200, NOW + HOUR), Plan::Paused);

        let snapshot = Snapshot::decode(
            r#"{"taken_on":"2026-11-01","repos":{"Dstack-TEE/dstack":{"stars":9,"forks":1,"contributors":48},"a/b":{"stars":1,"forks":0}}}"#,
        );
        let slug = "Dstack-TEE/dstack";
        assert_eq!(snapshot.contributors(slug), Some((&48, "2026-11-01")));
        assert_eq!(snapshot.contributors("a/b"), None);
        assert_eq!(
            fallback(stored.as_ref(), snapshot.contributors(slug)),
            Shown::AsOf(57, "2026-11-18".into()),
            "the last good count wins over the snapshot"
        );
        assert_eq!(
            fallback(None, snapshot.contributors(slug)),
            Shown::AsOf(48, "2026-11-01".into())
        );
        assert_eq!(fallback(None, snapshot.contributors("a/b")), Shown::Nothing);
        assert_eq!(
            fallback(None, Snapshot::default().contributors(slug)),
            Shown::Nothing
        );
    }

    #[test]
    fn snapshot_parses_and_a_broken_one_is_empty() {
        let snap = Snapshot::decode(
            r#"{"taken_on":"2026-11-25","repos":{"Dstack-TEE/dstack":{"stars":3,"forks":1}}}"#,
        );
        assert_eq!(snap.taken_on.as_deref(), Some("2026-11-25"));
        assert_eq!(
            snap.repos["Dstack-TEE/dstack"],
            RepoFigures { stars: 3, forks: 1 }
        );
        assert_eq!(Snapshot::decode("not json"), Snapshot::default());
        assert!(
            snap.contributors.is_empty(),
            "taken before contributors were"
        );
        let undated =
            Snapshot::decode(r#"{"taken_on":null,"repos":{"a/b":{"stars":3,"forks":1}}}"#);
        assert_eq!(undated.figures("a/b"), None, "figures need a date");
        assert_eq!(
            Snapshot::decode(
                r#"{"taken_on":"2026-11-25","repos":{"a/b":{"stars":3,"forks":1,"contributors":"x"}}}"#
            ),
            Snapshot::default(),
            "a bad contributor count spoils the snapshot"
        );
        let committed = Snapshot::decode(include_str!("../../public/github-snapshot.json"));
        assert!(
            committed.taken_on.is_some() || committed.repos.is_empty(),
            "figures need a date"
        );
    }
}
