//! The self-hosting tutorial track as data, and the reader's progress as pure logic.
//! build.rs compiles `content/tutorials/*.md` (build/tutorials.rs, which checks steps,
//! sources, snapshot line and the prerequisite graph): the metadata below is generated in
//! reading order, and each body is a static HTML fragment fetched or adopted by the page.

use std::collections::BTreeSet;

use crate::site::Page;

/// One page of the track: what the head needs on a client-side visit (`page`: title,
/// summary, path) and the JSON-LD facts. Everything a reader sees is in the page's
/// build-time fragment, including the track's sidebar and index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tutorial {
    pub slug: &'static str,
    pub minutes: u32,
    /// `beginner`, `intermediate` or `advanced`.
    pub difficulty: &'static str,
    pub page: Page,
}

include!(concat!(env!("OUT_DIR"), "/tutorials.rs"));

/// The page at `slug`.
pub fn find(slug: &str) -> Option<&'static Tutorial> {
    TUTORIALS.iter().find(|t| t.slug == slug)
}

/// Where a page's body is served (a site path; the base path goes in front). The track's
/// overview is `index`.
pub fn fragment_path(slug: &str) -> String {
    format!("/tutorial-content/{slug}.html")
}

/// `localStorage` keys; the version is in the name, so a future format starts afresh
/// instead of misreading this one.
pub const DONE_KEY: &str = "dstack.tutorials.v1.done";
pub const LAST_KEY: &str = "dstack.tutorials.v1.last";

/// The pages a reader has marked done. Stored as slugs separated by spaces; anything
/// that is not a page of today's track (a removed page, a garbage value) is dropped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Progress {
    done: BTreeSet<&'static str>,
}

impl Progress {
    pub fn parse(stored: Option<&str>) -> Self {
        let done = stored
            .unwrap_or_default()
            .split_whitespace()
            .filter_map(|s| TUTORIALS.iter().find(|t| t.slug == s).map(|t| t.slug))
            .collect();
        Self { done }
    }

    /// The stored form, in reading order (stable, so a save with no change writes the
    /// same bytes).
    pub fn serialize(&self) -> String {
        TUTORIALS
            .iter()
            .filter(|t| self.done.contains(t.slug))
            .map(|t| t.slug)
            .collect::<Vec<_>>()
            .join(" ")
    }

    pub fn is_done(&self, slug: &str) -> bool {
        self.done.contains(slug)
    }

    /// Marks a page done, or not done again; unknown slugs change nothing.
    pub fn set(&mut self, slug: &str, done: bool) {
        let Some(t) = TUTORIALS.iter().find(|t| t.slug == slug) else {
            return;
        };
        if done {
            self.done.insert(t.slug);
        } else {
            self.done.remove(t.slug);
        }
    }

    pub fn count(&self) -> usize {
        self.done.len()
    }

    /// Whole percent of pages done.
    pub fn percent(&self) -> u32 {
        if TUTORIALS.is_empty() {
            return 0;
        }
        (self.done.len() * 100 / TUTORIALS.len()) as u32
    }

    /// Where to resume: the last page visited if it is not done yet, else the first page
    /// in reading order that is not done; `None` once everything is done.
    pub fn resume(&self, last: Option<&str>) -> Option<&'static Tutorial> {
        if let Some(t) = last.and_then(|s| TUTORIALS.iter().find(|t| t.slug == s)) {
            if !self.is_done(t.slug) {
                return Some(t);
            }
        }
        TUTORIALS.iter().find(|t| !self.is_done(t.slug))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first_two() -> (&'static str, &'static str) {
        (TUTORIALS[0].slug, TUTORIALS[1].slug)
    }

    #[test]
    fn every_page_is_found_at_its_path() {
        assert!(
            TUTORIALS.len() >= 10,
            "the track has {} pages",
            TUTORIALS.len()
        );
        for t in TUTORIALS {
            assert_eq!(find(t.slug), Some(t));
            assert_eq!(t.page.path, format!("/tutorials/{}", t.slug));
            assert!(t.minutes >= 1, "{}", t.slug);
        }
        assert_eq!(find("no-such-page"), None);
        assert_eq!(find("index"), None, "the overview's fragment is not a page");
    }

    #[test]
    fn progress_round_trips_and_drops_what_is_not_a_page() {
        let (a, b) = first_two();
        let mut p = Progress::default();
        p.set(b, true);
        p.set(a, true);
        p.set("not-a-page", true);
        assert_eq!(p.count(), 2);
        assert_eq!(
            p.serialize(),
            format!("{a} {b}"),
            "reading order, not click order"
        );
        assert_eq!(Progress::parse(Some(&p.serialize())), p);
        let garbage = Progress::parse(Some("{\"json\": true} \u{0} <script> ../.."));
        assert_eq!(garbage.count(), 0);
        assert_eq!(Progress::parse(None).count(), 0);
        p.set(a, false);
        assert!(!p.is_done(a) && p.is_done(b));
    }

    #[test]
    fn percent_and_resume_follow_the_track() {
        let (a, b) = first_two();
        let mut p = Progress::default();
        assert_eq!(p.percent(), 0);
        assert_eq!(p.resume(None).map(|t| t.slug), Some(a));
        assert_eq!(
            p.resume(Some(b)).map(|t| t.slug),
            Some(b),
            "the last page visited"
        );
        p.set(b, true);
        assert_eq!(
            p.resume(Some(b)).map(|t| t.slug),
            Some(a),
            "done pages are skipped"
        );
        for t in TUTORIALS {
            p.set(t.slug, true);
        }
        assert_eq!(p.percent(), 100);
        assert_eq!(p.resume(Some(a)), None);
    }
}
