//! What the figures remember: the localStorage record (versioned, tolerant of corrupt or
//! old data), how long a stored figure is fresh, and the build-time snapshot. What to show
//! from them is [`super::resolve`]'s.

use std::collections::BTreeMap;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::types::{read_json, Release, RepoFigures};

/// localStorage key; the version in the key and in the record lets a future format
/// ignore this one instead of misreading it.
pub const STORAGE_KEY: &str = "dstack.info/github/v1";
const FORMAT_VERSION: u32 = 1;
/// Figures younger than this are shown without asking GitHub again.
pub const TTL_MS: f64 = 60.0 * 60.0 * 1000.0;
/// Pause after a rate limit whose reset time is missing or already past.
pub const DEFAULT_PAUSE_S: u64 = 15 * 60;

/// A value and when it was fetched (ms since the epoch, stored as a whole number).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timed<T> {
    pub value: T,
    #[serde(with = "whole_ms")]
    pub fetched_at_ms: f64,
}

/// A time in ms, stored as a whole number; a stored fraction is not this format.
mod whole_ms {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(ms: &f64, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(*ms as u64)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        u64::deserialize(d).map(|ms| ms as f64)
    }
}

/// The record's `version` member: written as [`FORMAT_VERSION`]; any other value (or
/// none) fails to read, so the whole record is ignored.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct Version;

impl Serialize for Version {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u32(FORMAT_VERSION)
    }
}

impl<'de> Deserialize<'de> for Version {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match u32::deserialize(d)? {
            FORMAT_VERSION => Ok(Version),
            _ => Err(D::Error::custom("another version")),
        }
    }
}

/// What the site remembers between visits, stored as JSON:
/// `{"version":1,"repos":{"owner/name":{"value":{"stars":1,"forks":2},"fetched_at_ms":…}},
/// "release":{"value":{"tag":…,"url":…,"published_at":…},"fetched_at_ms":…},
/// "contributors":{"value":57,"fetched_at_ms":…},"paused_until_s":0}`.
/// (`contributors` came later: a record without it reads as having none. `repos` and
/// `paused_until_s` may be missing, `release` and `contributors` missing or null; a member
/// present with a bad value spoils the whole record.)
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Record {
    version: Version,
    #[serde(default)]
    pub repos: BTreeMap<String, Timed<RepoFigures>>,
    pub release: Option<Timed<Release>>,
    /// The main repository's contributor count.
    pub contributors: Option<Timed<u64>>,
    /// No request before this Unix time (seconds): GitHub said the rate limit is spent.
    #[serde(default)]
    pub paused_until_s: u64,
}

impl Record {
    /// Reads a stored record; missing, corrupt or other-version data reads as empty.
    pub fn decode(raw: Option<&str>) -> Record {
        raw.and_then(|raw| read_json(raw, '{').ok())
            .unwrap_or_default()
    }

    pub fn encode(&self) -> String {
        // Strings, whole numbers and maps with string keys: serializing cannot fail.
        super::types::write_json(self)
    }
}

/// Whether something fetched at `fetched_at_ms` may still be shown as current. A time in
/// the future (a clock that moved back) is not trusted.
pub fn is_fresh(fetched_at_ms: f64, now_ms: f64) -> bool {
    let age = now_ms - fetched_at_ms;
    (-60_000.0..TTL_MS).contains(&age)
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

/// One repository in the snapshot file.
#[derive(Deserialize)]
struct SnapshotRepo {
    stars: u64,
    forks: u64,
    contributors: Option<u64>,
}

/// The snapshot file as written.
#[derive(Deserialize)]
struct SnapshotFile {
    taken_on: Option<String>,
    #[serde(default)]
    repos: BTreeMap<String, SnapshotRepo>,
}

impl Snapshot {
    /// Parses the snapshot; a broken file is as good as none.
    pub fn decode(raw: &str) -> Snapshot {
        let Ok(file) = read_json::<SnapshotFile>(raw, '{') else {
            return Snapshot::default();
        };
        let mut snapshot = Snapshot {
            taken_on: file.taken_on,
            ..Snapshot::default()
        };
        // Inserted one by one: collecting into a map would pull in a sort (wasm size).
        for (slug, repo) in file.repos {
            if let Some(n) = repo.contributors {
                snapshot.contributors.insert(slug.clone(), n);
            }
            let figures = RepoFigures {
                stars: repo.stars,
                forks: repo.forks,
            };
            snapshot.repos.insert(slug, figures);
        }
        snapshot
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
            "<html>",
            r#"{"repos":{}}"#,
            r#"{"version":0,"repos":{}}"#,
            r#"{"version":2,"repos":{}}"#,
            r#"{"version":"1","repos":{}}"#,
            r#"{"version":1.0,"repos":{}}"#,
            // The members in order, as an array: serde would read it, the record is not one.
            r#"[1,{},null,null,0]"#,
            r#"{"version":1,"repos":null}"#,
            r#"{"version":1,"repos":{"a/b":{"value":{"stars":1,"forks":2}}}}"#,
            r#"{"version":1,"repos":{},"release":{"value":{"tag":"v1"},"fetched_at_ms":1}}"#,
            r#"{"version":1,"repos":{},"paused_until_s":-1}"#,
            r#"{"version":1,"version":1,"repos":{}}"#,
            r#"{"version":1,"repos":{}} {}"#,
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

    /// The stored format is the v1 record written before serde, byte for byte: visitors'
    /// stored figures keep reading, so [`STORAGE_KEY`] keeps its version.
    #[test]
    fn record_format_is_v1_byte_for_byte() {
        assert_eq!(
            Record::default().encode(),
            r#"{"version":1,"repos":{},"release":null,"contributors":null,"paused_until_s":0}"#
        );
        let mut record = Record::default();
        for slug in ["z/y", "a/b"] {
            let timed = Timed {
                value: figures(),
                fetched_at_ms: NOW + 0.75,
            };
            record.repos.insert(slug.into(), timed);
        }
        record.release = Some(Timed {
            value: Release {
                tag: "v1 \"q\" \\ \u{1}é".into(),
                url: "https://github.com/a/b/releases/tag/v1".into(),
                published_at: "2026-05-11T10:00:00Z".into(),
            },
            fetched_at_ms: NOW,
        });
        record.contributors = Some(Timed {
            value: 57,
            fetched_at_ms: NOW,
        });
        record.paused_until_s = 1_795_000_900;
        let stored = record.encode();
        assert_eq!(
            stored,
            concat!(
                r#"{"version":1,"repos":{"a/b":{"value":{"stars":10,"forks":2},"fetched_at_ms":1795000000000},"#,
                r#""z/y":{"value":{"stars":10,"forks":2},"fetched_at_ms":1795000000000}},"#,
                r#""release":{"value":{"tag":"v1 \"q\" \\ \u0001é","url":"https://github.com/a/b/releases/tag/v1","#,
                r#""published_at":"2026-05-11T10:00:00Z"},"fetched_at_ms":1795000000000},"#,
                r#""contributors":{"value":57,"fetched_at_ms":1795000000000},"paused_until_s":1795000900}"#,
            ),
            "whole milliseconds"
        );
        let read = Record::decode(Some(&stored));
        assert_eq!(read.repos["a/b"].fetched_at_ms, NOW);
        assert_eq!(read.contributors, record.contributors);
        assert_eq!(read.release, record.release);
    }

    #[test]
    fn a_record_may_leave_members_out_and_keeps_unknown_ones_out() {
        let read = Record::decode(Some(r#"{"version":1,"paused_until_s":5,"later":[1]}"#));
        assert_eq!(read.paused_until_s, 5);
        assert!(read.repos.is_empty() && read.release.is_none() && read.contributors.is_none());
        let read = Record::decode(Some(
            r#"{"contributors":{"fetched_at_ms":1,"value":3},"version":1,"release":null}"#,
        ));
        assert_eq!(
            read.contributors,
            Some(Timed {
                value: 3,
                fetched_at_ms: 1.0
            }),
            "members in any order"
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
        let counted = Snapshot::decode(
            r#"{"taken_on":"2026-11-01","repos":{"a/b":{"stars":9,"forks":1,"contributors":48},"c/d":{"stars":1,"forks":0}}}"#,
        );
        assert_eq!(counted.contributors("a/b"), Some((&48, "2026-11-01")));
        assert_eq!(
            counted.contributors("c/d"),
            None,
            "a repository without a count"
        );
        assert_eq!(
            Snapshot::decode(
                r#"{"taken_on":"2026-11-25","repos":{"a/b":{"stars":3,"forks":1,"contributors":"x"}}}"#
            ),
            Snapshot::default(),
            "a bad contributor count spoils the snapshot"
        );
        for broken in [
            r#"{"taken_on":5,"repos":{}}"#,
            r#"{"taken_on":"2026-11-25","repos":[]}"#,
            r#"{"taken_on":"2026-11-25","repos":{"a/b":{"stars":3}}}"#,
            r#"{"taken_on":"2026-11-25","repos":{"a/b":{"stars":3,"forks":1.5}}}"#,
            r#"["2026-11-25",{}]"#,
        ] {
            assert_eq!(Snapshot::decode(broken), Snapshot::default(), "{broken}");
        }
        let bare = Snapshot::decode("{}");
        assert_eq!(bare, Snapshot::default(), "no figures yet");
        let committed = Snapshot::decode(include_str!("../../public/github-snapshot.json"));
        assert!(
            committed.taken_on.is_some() || committed.repos.is_empty(),
            "figures need a date"
        );
    }
}
