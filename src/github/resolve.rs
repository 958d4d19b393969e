//! The figures' policy, one for every kind (a repository's stars and forks, the latest
//! release, the contributor count): the stored value while fresh, else GitHub's (stored
//! for next time), else the last good value, else the snapshot's, each "as of" its date,
//! else nothing. GitHub is not asked while its rate-limit pause lasts, nor again in a visit
//! that found it unreachable. The I/O is injected ([`Fetch`]), so all of this is plain Rust,
//! tested natively with a fake GitHub.

use std::future::Future;

use super::cache::{is_fresh, Snapshot, Timed, DEFAULT_PAUSE_S};
use super::contributors::parse_contributors;
use super::error::GithubError;
use super::types::{parse_release, parse_repo, Answer, Release, RepoFigures};
use super::Repo;

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

/// The I/O a round needs: the browser's in `store`, a fake in the tests.
pub trait Fetch {
    /// GETs a GitHub API url (see `client::get`).
    fn get(&self, url: &str) -> impl Future<Output = Result<Answer, GithubError>>;
    /// The committed build-time snapshot; a missing or broken one is empty.
    fn snapshot(&self) -> impl Future<Output = Snapshot>;
}

/// One kind of figure: where to ask for it, how to read the answer, and where the snapshot
/// keeps it.
pub struct Kind<T> {
    url: String,
    slug: String,
    parse: fn(&Answer) -> Result<T, GithubError>,
    /// `None` for the release, which the snapshot does not record.
    snapshot: Option<InSnapshot<T>>,
}

/// A figure of `slug` in the snapshot, with the snapshot's date.
type InSnapshot<T> = for<'a> fn(&'a Snapshot, &str) -> Option<(&'a T, &'a str)>;

impl Kind<RepoFigures> {
    /// Stars and forks of `repo`.
    pub fn repo(repo: Repo) -> Self {
        Kind {
            url: repo.api_url(),
            slug: repo.slug(),
            parse: |a| parse_repo(&a.body),
            snapshot: Some(Snapshot::figures),
        }
    }
}

impl Kind<Release> {
    /// The latest release of `repo`.
    pub fn release(repo: Repo) -> Self {
        Kind {
            url: repo.latest_release_api_url(),
            slug: repo.slug(),
            parse: |a| parse_release(&a.body),
            snapshot: None,
        }
    }
}

impl Kind<u64> {
    /// The contributor count of `repo`.
    pub fn contributors(repo: Repo) -> Self {
        Kind {
            url: repo.contributors_api_url(),
            slug: repo.slug(),
            parse: parse_contributors,
            snapshot: Some(Snapshot::contributors),
        }
    }
}

/// What a visit has learnt of GitHub, kept between its rounds. Only the pause is stored
/// (in the record), so it holds for later visits too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Visit {
    /// No request before this Unix time (s): GitHub said the rate limit is spent.
    pub paused_until_s: u64,
    /// GitHub was unreachable (offline, timed out): no request for the rest of the visit.
    pub unreachable: bool,
}

impl Visit {
    /// Remembers a rate limit: no request until `reset_at` (or a default pause when GitHub
    /// gave no usable reset time).
    pub fn pause(&mut self, reset_at: u64, now_ms: f64) {
        let now_s = (now_ms / 1000.0) as u64;
        self.paused_until_s = if reset_at > now_s {
            reset_at
        } else {
            now_s + DEFAULT_PAUSE_S
        };
    }
}

/// One round of requests: the visit so far, the time, the I/O, and the snapshot once some
/// figure needed it.
pub struct Round<F> {
    pub visit: Visit,
    now_ms: f64,
    io: F,
    snapshot: Option<Snapshot>,
}

impl<F: Fetch> Round<F> {
    /// A round at `now_ms`, under the pause stored in the record (`paused_until_s`) as well
    /// as what the visit learnt.
    pub fn new(mut visit: Visit, paused_until_s: u64, now_ms: f64, io: F) -> Self {
        visit.paused_until_s = visit.paused_until_s.max(paused_until_s);
        Round {
            visit,
            now_ms,
            io,
            snapshot: None,
        }
    }

    /// What to show for one figure whose stored value is `stored`; a value fetched now
    /// replaces it.
    pub async fn resolve<T: Clone>(
        &mut self,
        stored: &mut Option<Timed<T>>,
        kind: Kind<T>,
    ) -> Shown<T> {
        let now_ms = self.now_ms;
        if let Some(s) = stored
            .as_ref()
            .filter(|s| is_fresh(s.fetched_at_ms, now_ms))
        {
            return Shown::Live(s.value.clone());
        }
        match self.ask(&kind).await {
            Ok(value) => {
                *stored = Some(Timed {
                    value: value.clone(),
                    fetched_at_ms: now_ms,
                });
                return Shown::Live(value);
            }
            // A console note on why (the page itself stays calm).
            Err(err) => leptos::logging::warn!("GitHub figures unavailable ({}): {err}", kind.url),
        }
        if let Some(s) = stored {
            let days = (s.fetched_at_ms / 86_400_000.0).floor() as i64;
            return Shown::AsOf(s.value.clone(), super::format::iso_date(days));
        }
        let Some(lookup) = kind.snapshot else {
            return Shown::Nothing;
        };
        if self.snapshot.is_none() {
            self.snapshot = Some(self.io.snapshot().await);
        }
        match self.snapshot.as_ref().and_then(|s| lookup(s, &kind.slug)) {
            Some((value, date)) => Shown::AsOf(value.clone(), date.to_string()),
            None => Shown::Nothing,
        }
    }

    /// GitHub's value, unless the pause or an unreachable GitHub forbids asking; a new
    /// rate limit or unreachable GitHub is remembered for the rest of the visit.
    async fn ask<T>(&mut self, kind: &Kind<T>) -> Result<T, GithubError> {
        let visit = &mut self.visit;
        if (self.now_ms / 1000.0) < visit.paused_until_s as f64 {
            return Err(GithubError::RateLimited {
                reset_at: visit.paused_until_s,
            });
        }
        if visit.unreachable {
            return Err(GithubError::Network);
        }
        let answer = self.io.get(&kind.url).await;
        match answer {
            Err(GithubError::RateLimited { reset_at }) => visit.pause(reset_at, self.now_ms),
            Err(GithubError::Network | GithubError::Timeout) => visit.unreachable = true,
            _ => {}
        }
        answer.and_then(|a| (kind.parse)(&a))
    }
}

#[cfg(test)]
mod tests {
    use std::cell::{Cell, RefCell};
    use std::pin::pin;
    use std::task::{Context, Poll, Waker};

    use super::*;
    use crate::github::MAIN_REPO;

    const HOUR: f64 = 3_600_000.0;
    const NOW: f64 = 1_795_000_000_000.0; // 2026-11-18
    const NOW_S: u64 = 1_795_000_000;
    const REPO: &str = r#"{"stargazers_count":1234,"forks_count":56}"#;
    const RELEASE: &str = r#"{"tag_name":"v1","html_url":"https://github.com/a/b/releases/tag/v1","published_at":"2026-05-11T10:00:00Z"}"#;
    const SNAPSHOT: &str = r#"{"taken_on":"2026-11-01","repos":{"Dstack-TEE/dstack":{"stars":900,"forks":80,"contributors":48}}}"#;

    type Reply = dyn Fn(&str) -> Result<Answer, GithubError>;

    /// GitHub as a test wants it: every request answered by `reply`, each one noted.
    struct Fake {
        reply: Box<Reply>,
        snapshot: &'static str,
        asked: RefCell<Vec<String>>,
        snapshot_loads: Cell<u32>,
    }

    impl Fetch for &Fake {
        async fn get(&self, url: &str) -> Result<Answer, GithubError> {
            self.asked.borrow_mut().push(url.to_string());
            (self.reply)(url)
        }
        async fn snapshot(&self) -> Snapshot {
            self.snapshot_loads.set(self.snapshot_loads.get() + 1);
            Snapshot::decode(self.snapshot)
        }
    }

    fn github(reply: impl Fn(&str) -> Result<Answer, GithubError> + 'static) -> Fake {
        Fake {
            reply: Box::new(reply),
            snapshot: SNAPSHOT,
            asked: RefCell::default(),
            snapshot_loads: Cell::default(),
        }
    }

    /// A healthy GitHub.
    fn healthy() -> Fake {
        github(|url| {
            Ok(if url.ends_with("/releases/latest") {
                Answer::ok(RELEASE)
            } else if url.contains("/contributors") {
                Answer::ok("[{}]")
            } else {
                Answer::ok(REPO)
            })
        })
    }

    fn failing(err: GithubError) -> Fake {
        github(move |_| Err(err.clone()))
    }

    /// Runs a future of the fake, which never waits.
    fn block_on<T>(future: impl Future<Output = T>) -> T {
        match pin!(future).poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(value) => value,
            Poll::Pending => panic!("the fake answers at once"),
        }
    }

    fn round(fake: &Fake) -> Round<&Fake> {
        Round::new(Visit::default(), 0, NOW, fake)
    }

    fn timed<T>(value: T, fetched_at_ms: f64) -> Option<Timed<T>> {
        Some(Timed {
            value,
            fetched_at_ms,
        })
    }

    fn figures(stars: u64, forks: u64) -> RepoFigures {
        RepoFigures { stars, forks }
    }

    fn release() -> Release {
        parse_release(RELEASE).unwrap()
    }

    #[test]
    fn a_fresh_stored_value_is_shown_without_a_request() {
        let fake = failing(GithubError::Status(500));
        let mut r = round(&fake);
        let mut repo = timed(figures(1, 2), NOW - 0.5 * HOUR);
        let mut rel = timed(release(), NOW - 0.99 * HOUR);
        let mut count = timed(57, NOW - 60_000.0);
        assert_eq!(
            block_on(r.resolve(&mut repo, Kind::repo(MAIN_REPO))),
            Shown::Live(figures(1, 2))
        );
        assert_eq!(
            block_on(r.resolve(&mut rel, Kind::release(MAIN_REPO))),
            Shown::Live(release())
        );
        assert_eq!(
            block_on(r.resolve(&mut count, Kind::contributors(MAIN_REPO))),
            Shown::Live(57)
        );
        assert!(fake.asked.borrow().is_empty());
        assert_eq!(count, timed(57, NOW - 60_000.0), "kept as it was");
    }

    #[test]
    fn a_stale_or_missing_value_is_fetched_and_stored() {
        let fake = healthy();
        let mut r = round(&fake);
        let mut repo = timed(figures(1, 2), NOW - HOUR);
        let mut rel = None;
        // A time in the future (a clock that moved back) is not trusted either.
        let mut count = timed(3, NOW + 10.0 * HOUR);
        assert_eq!(
            block_on(r.resolve(&mut repo, Kind::repo(MAIN_REPO))),
            Shown::Live(figures(1234, 56))
        );
        assert_eq!(
            block_on(r.resolve(&mut rel, Kind::release(MAIN_REPO))),
            Shown::Live(release())
        );
        assert_eq!(
            block_on(r.resolve(&mut count, Kind::contributors(MAIN_REPO))),
            Shown::Live(1)
        );
        assert_eq!(repo, timed(figures(1234, 56), NOW));
        assert_eq!(rel, timed(release(), NOW));
        assert_eq!(count, timed(1, NOW));
        assert_eq!(
            *fake.asked.borrow(),
            [
                MAIN_REPO.api_url(),
                MAIN_REPO.latest_release_api_url(),
                MAIN_REPO.contributors_api_url()
            ]
        );
        assert_eq!(fake.snapshot_loads.get(), 0, "the snapshot is not needed");
        assert_eq!(r.visit, Visit::default());
    }

    /// Every failure GitHub can answer with, including answers that cannot be read.
    fn failures() -> Vec<Fake> {
        let mut fakes: Vec<Fake> = [
            GithubError::NotFound,
            GithubError::Status(500),
            GithubError::TooLarge,
            GithubError::Network,
            GithubError::Timeout,
            GithubError::RateLimited { reset_at: 0 },
        ]
        .into_iter()
        .map(failing)
        .collect();
        for body in [
            "{\"stargazers_count\":",
            "<html>",
            r#"{"message":"Not Found"}"#,
            "null",
        ] {
            fakes.push(github(move |_| Ok(Answer::ok(body))));
        }
        fakes
    }

    #[test]
    fn a_failure_shows_the_last_good_value_as_of_its_day() {
        for fake in failures() {
            let mut r = round(&fake);
            let mut repo = timed(figures(1, 2), NOW - 30.0 * HOUR);
            let mut rel = timed(release(), NOW - 2.0 * HOUR);
            let mut count = timed(57, NOW - 2.0 * HOUR);
            let before = (repo.clone(), rel.clone(), count.clone());
            let day = "2026-11-17".to_string();
            assert_eq!(
                block_on(r.resolve(&mut repo, Kind::repo(MAIN_REPO))),
                Shown::AsOf(figures(1, 2), day)
            );
            let today = "2026-11-18".to_string();
            assert_eq!(
                block_on(r.resolve(&mut rel, Kind::release(MAIN_REPO))),
                Shown::AsOf(release(), today.clone())
            );
            assert_eq!(
                block_on(r.resolve(&mut count, Kind::contributors(MAIN_REPO))),
                Shown::AsOf(57, today)
            );
            assert_eq!(
                (repo, rel, count),
                before,
                "the last good values stay stored"
            );
            assert_eq!(
                fake.snapshot_loads.get(),
                0,
                "the last good value wins over the snapshot"
            );
        }
    }

    #[test]
    fn a_failure_with_nothing_stored_shows_the_snapshot_but_never_for_the_release() {
        for fake in failures() {
            let mut r = round(&fake);
            let shown = block_on(r.resolve(&mut None, Kind::repo(MAIN_REPO)));
            assert_eq!(shown, Shown::AsOf(figures(900, 80), "2026-11-01".into()));
            let shown = block_on(r.resolve(&mut None, Kind::contributors(MAIN_REPO)));
            assert_eq!(shown, Shown::AsOf(48, "2026-11-01".into()));
            assert_eq!(fake.snapshot_loads.get(), 1, "loaded once a round");
            assert_eq!(
                block_on(r.resolve(&mut None, Kind::release(MAIN_REPO))),
                Shown::Nothing
            );
        }
        let fake = failing(GithubError::Status(502));
        let mut r = round(&fake);
        assert_eq!(
            block_on(r.resolve(&mut None, Kind::release(MAIN_REPO))),
            Shown::Nothing
        );
        assert_eq!(
            fake.snapshot_loads.get(),
            0,
            "the release has no snapshot to load"
        );
    }

    #[test]
    fn without_a_snapshot_figure_there_is_nothing() {
        for snapshot in [
            "",
            r#"{"taken_on":null,"repos":{"Dstack-TEE/dstack":{"stars":9,"forks":1,"contributors":4}}}"#,
            r#"{"taken_on":"2026-11-01","repos":{"Dstack-TEE/dstack-examples":{"stars":9,"forks":1,"contributors":4}}}"#,
        ] {
            let mut fake = failing(GithubError::Status(500));
            fake.snapshot = snapshot;
            let mut r = round(&fake);
            assert_eq!(
                block_on(r.resolve(&mut None, Kind::repo(MAIN_REPO))),
                Shown::Nothing
            );
            assert_eq!(
                block_on(r.resolve(&mut None, Kind::contributors(MAIN_REPO))),
                Shown::Nothing
            );
        }
        // Taken before contributor counts were recorded: the figures, but no count.
        let mut fake = failing(GithubError::Status(500));
        fake.snapshot =
            r#"{"taken_on":"2026-11-01","repos":{"Dstack-TEE/dstack":{"stars":9,"forks":1}}}"#;
        let mut r = round(&fake);
        assert_eq!(
            block_on(r.resolve(&mut None, Kind::repo(MAIN_REPO))),
            Shown::AsOf(figures(9, 1), "2026-11-01".into())
        );
        assert_eq!(
            block_on(r.resolve(&mut None, Kind::contributors(MAIN_REPO))),
            Shown::Nothing
        );
    }

    #[test]
    fn a_rate_limit_stops_requests_until_its_reset() {
        let fake = failing(GithubError::RateLimited {
            reset_at: NOW_S + 1800,
        });
        let mut r = round(&fake);
        for _ in 0..2 {
            block_on(r.resolve(&mut None, Kind::repo(MAIN_REPO)));
        }
        block_on(r.resolve(&mut None, Kind::release(MAIN_REPO)));
        block_on(r.resolve(&mut None, Kind::contributors(MAIN_REPO)));
        assert_eq!(
            fake.asked.borrow().len(),
            1,
            "the first rate-limited answer stops the rest"
        );
        assert_eq!(r.visit.paused_until_s, NOW_S + 1800);
        assert!(!r.visit.unreachable);

        // A later round of the visit (no storage), and a later visit (the stored pause).
        let healthy = healthy();
        for (visit, stored) in [(r.visit, 0), (Visit::default(), NOW_S + 1800)] {
            let mut r = Round::new(visit, stored, NOW + 0.25 * HOUR, &healthy);
            let mut count = timed(57, NOW - HOUR);
            assert_eq!(
                block_on(r.resolve(&mut count, Kind::contributors(MAIN_REPO))),
                Shown::AsOf(57, "2026-11-18".into())
            );
            let mut fresh = timed(figures(1, 2), NOW);
            assert_eq!(
                block_on(r.resolve(&mut fresh, Kind::repo(MAIN_REPO))),
                Shown::Live(figures(1, 2)),
                "fresh figures need no request"
            );
            assert_eq!(r.visit.paused_until_s, NOW_S + 1800);
        }
        assert!(healthy.asked.borrow().is_empty());

        // Once the pause is over, GitHub is asked again.
        let mut r = Round::new(Visit::default(), NOW_S + 1800, NOW + HOUR, &healthy);
        assert_eq!(
            block_on(r.resolve(&mut None, Kind::contributors(MAIN_REPO))),
            Shown::Live(1)
        );
    }

    #[test]
    fn a_rate_limit_without_a_usable_reset_pauses_for_the_default() {
        let mut visit = Visit::default();
        visit.pause(NOW_S + 1200, NOW);
        assert_eq!(visit.paused_until_s, NOW_S + 1200);
        visit.pause(0, NOW);
        assert_eq!(
            visit.paused_until_s,
            NOW_S + DEFAULT_PAUSE_S,
            "no reset header"
        );
        visit.pause(NOW_S - 5, NOW);
        assert_eq!(
            visit.paused_until_s,
            NOW_S + DEFAULT_PAUSE_S,
            "reset in the past"
        );
    }

    #[test]
    fn an_unreachable_github_is_not_asked_again_this_visit() {
        for err in [GithubError::Network, GithubError::Timeout] {
            let fake = failing(err);
            let mut r = round(&fake);
            block_on(r.resolve(&mut None, Kind::repo(MAIN_REPO)));
            block_on(r.resolve(&mut None, Kind::release(MAIN_REPO)));
            assert_eq!(fake.asked.borrow().len(), 1);
            assert_eq!(
                r.visit,
                Visit {
                    paused_until_s: 0,
                    unreachable: true
                }
            );

            // The count's own round, later in the visit.
            let healthy = healthy();
            let mut r = Round::new(r.visit, 0, NOW, &healthy);
            let shown = block_on(r.resolve(&mut None, Kind::contributors(MAIN_REPO)));
            assert_eq!(shown, Shown::AsOf(48, "2026-11-01".into()));
            assert!(healthy.asked.borrow().is_empty());
            // A new visit asks again.
            let mut r = Round::new(Visit::default(), 0, NOW, &healthy);
            assert_eq!(
                block_on(r.resolve(&mut None, Kind::contributors(MAIN_REPO))),
                Shown::Live(1)
            );
        }
    }

    #[test]
    fn other_failures_leave_the_next_figure_free_to_ask() {
        let answers = [
            Err(GithubError::NotFound),
            Err(GithubError::Status(503)),
            Ok(Answer::ok("<html>")),
        ];
        for answer in answers {
            let fake = github(move |url| {
                if url.ends_with("/dstack") {
                    answer.clone()
                } else {
                    Ok(Answer::ok(REPO))
                }
            });
            let mut r = round(&fake);
            block_on(r.resolve(&mut None, Kind::repo(MAIN_REPO)));
            let other = crate::github::REPOS[1];
            assert_eq!(
                block_on(r.resolve(&mut None, Kind::repo(other))),
                Shown::Live(figures(1234, 56))
            );
            assert_eq!(fake.asked.borrow().len(), 2);
            assert_eq!(r.visit, Visit::default());
        }
    }
}
