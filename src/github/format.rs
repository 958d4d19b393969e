//! The figures as the page words them: compact numbers ("1.2k"), "N days ago", "as of"
//! dates, and the view model the views lay out (plain Rust, tested natively).

use super::resolve::Shown;
use super::types::{Release, RepoFigures};

/// A count in compact form: up to 999 as is, then one decimal (rounded down, so a count is
/// never overstated) with k, M, B, T, P, E.
pub fn compact(n: u64) -> String {
    const UNITS: [&str; 6] = ["k", "M", "B", "T", "P", "E"];
    if n < 1000 {
        return n.to_string();
    }
    let mut unit = 0;
    let mut scale: u64 = 1000;
    while unit + 1 < UNITS.len() && n / scale >= 1000 {
        scale *= 1000;
        unit += 1;
    }
    let whole = n / scale;
    let tenth = (n % scale) / (scale / 10);
    if tenth == 0 {
        format!("{whole}{}", UNITS[unit])
    } else {
        format!("{whole}.{tenth}{}", UNITS[unit])
    }
}

/// Days since 1970-01-01 of an RFC 3339 timestamp's date (`2026-05-11T09:30:00Z`).
pub fn days_from_rfc3339(stamp: &str) -> Option<i64> {
    let date = stamp.get(..10)?;
    let mut parts = date.split('-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.parse().ok()?;
    if date.as_bytes().get(4) != Some(&b'-')
        || !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
    {
        return None;
    }
    Some(days_from_civil(year, month, day))
}

/// "today", "yesterday", "12 days ago", "3 months ago", "2 years ago".
pub fn age(days: i64) -> String {
    match days {
        i64::MIN..=0 => "today".into(),
        1 => "yesterday".into(),
        2..=59 => format!("{days} days ago"),
        60..=729 => format!("{} months ago", days / 30),
        _ => format!("{} years ago", days / 365),
    }
}

use crate::html::days_from_civil;
pub use crate::html::iso_date;

/// `n` with English digit grouping (1,234,567): the page's language (`lang="en"`), which is
/// how a screen reader voices it. The visitor's locale would write "1.234" for a German
/// reader, which an English voice reads as a decimal; it also cost the start-up the
/// browser's number-format data (21 ms on /community, measured).
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// A count as shown: compact ("1.2k") with its unit, singular for 1 ("1 contributor"),
/// and the exact count ("1,234") for its accessible name and tooltip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    pub compact: String,
    pub exact: String,
    pub unit: &'static str,
}

/// `n` with `plural`, its unit.
pub fn count(n: u64, plural: &'static str) -> Count {
    let unit = match n {
        1 => plural.strip_suffix('s').unwrap_or(plural),
        _ => plural,
    };
    Count {
        compact: compact(n),
        exact: grouped(n),
        unit,
    }
}

/// The value to show and, for older figures, " (as of YYYY-MM-DD)"; `None` while loading
/// or when there is nothing to show.
fn shown<T>(shown: Shown<T>) -> Option<(T, Option<String>)> {
    match shown {
        Shown::Live(value) => Some((value, None)),
        Shown::AsOf(value, date) => Some((value, Some(format!(" (as of {date})")))),
        Shown::Loading | Shown::Nothing => None,
    }
}

/// A repository's stars and forks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figures {
    pub stars: Count,
    pub forks: Count,
    pub as_of: Option<String>,
}

/// Stars and forks to show, if any.
pub fn figures(figures: Shown<RepoFigures>) -> Option<Figures> {
    let (f, as_of) = shown(figures)?;
    Some(Figures {
        stars: count(f.stars, "stars"),
        forks: count(f.forks, "forks"),
        as_of,
    })
}

/// The latest release: its tag, link and ", 3 days ago" (at `now_ms`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LatestRelease {
    pub tag: String,
    pub url: String,
    pub age: Option<String>,
    pub as_of: Option<String>,
}

/// The latest release to show, if any.
pub fn release(release: Shown<Release>, now_ms: f64) -> Option<LatestRelease> {
    let (r, as_of) = shown(release)?;
    let today = (now_ms / 86_400_000.0).floor() as i64;
    let age = days_from_rfc3339(&r.published_at).map(|d| format!(", {}", age(today - d)));
    Some(LatestRelease {
        tag: r.tag,
        url: r.url,
        age,
        as_of,
    })
}

/// The contributor count; `count` is `None` when there is none to show (the link to the
/// contributors stays, without a number).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contributors {
    pub count: Option<Count>,
    pub as_of: Option<String>,
}

/// The contributor count, once it has settled.
pub fn contributors(contributors: Shown<u64>) -> Option<Contributors> {
    if contributors == Shown::Loading {
        return None;
    }
    let (n, as_of) = shown(contributors).unzip();
    Some(Contributors {
        count: n.map(|n| count(n, "contributors")),
        as_of: as_of.flatten(),
    })
}

/// A line's `data-state`: "loading" until each of its figures has settled, whatever the
/// outcome, then "ready".
pub fn state(loading: bool) -> &'static str {
    if loading {
        "loading"
    } else {
        "ready"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_counts_are_grouped_in_threes_with_commas() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(1234), "1,234");
        assert_eq!(grouped(123_456), "123,456");
        assert_eq!(grouped(1_234_567), "1,234,567");
        assert_eq!(grouped(u64::MAX), "18,446,744,073,709,551,615");
        assert_eq!(count(1234, "stars").exact, "1,234");
    }

    #[test]
    fn compact_numbers() {
        let cases: [(u64, &str); 12] = [
            (0, "0"),
            (7, "7"),
            (999, "999"),
            (1000, "1k"),
            (1049, "1k"),
            (1234, "1.2k"),
            (12_345, "12.3k"),
            (999_999, "999.9k"),
            (1_000_000, "1M"),
            (1_234_567, "1.2M"),
            (2_000_000_000, "2B"),
            (u64::MAX, "18.4E"),
        ];
        for (n, want) in cases {
            assert_eq!(compact(n), want, "{n}");
        }
    }

    #[test]
    fn dates_and_ages() {
        assert_eq!(days_from_rfc3339("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(days_from_rfc3339("2026-05-11T09:30:00Z"), Some(20_584));
        assert_eq!(days_from_rfc3339("2000-03-01"), Some(11_017));
        for bad in [
            "",
            "2026",
            "2026-13-01",
            "2026-00-10",
            "20260511T",
            "abcd-ef-gh",
        ] {
            assert_eq!(days_from_rfc3339(bad), None, "{bad:?}");
        }
        assert_eq!(iso_date(20_584), "2026-05-11");
        assert_eq!(iso_date(0), "1970-01-01");
        assert_eq!(
            age(-3),
            "today",
            "a clock behind the release date still reads sensibly"
        );
        assert_eq!(age(0), "today");
        assert_eq!(age(1), "yesterday");
        assert_eq!(age(14), "14 days ago");
        assert_eq!(age(90), "3 months ago");
        assert_eq!(age(800), "2 years ago");
    }

    fn counted(n: u64, compact: &str, unit: &'static str) -> Count {
        Count {
            compact: compact.into(),
            exact: grouped(n),
            unit,
        }
    }

    #[test]
    fn counts_are_compact_and_singular_for_one() {
        assert_eq!(count(1234, "stars"), counted(1234, "1.2k", "stars"));
        assert_eq!(count(1, "stars"), counted(1, "1", "star"));
        assert_eq!(count(1, "contributors"), counted(1, "1", "contributor"));
        assert_eq!(count(0, "forks"), counted(0, "0", "forks"));
    }

    #[test]
    fn figures_show_live_or_as_of_their_date_or_not_at_all() {
        let f = RepoFigures {
            stars: 1234,
            forks: 56,
        };
        let live = figures(Shown::Live(f)).unwrap();
        assert_eq!(live.stars, counted(1234, "1.2k", "stars"));
        assert_eq!(live.forks, counted(56, "56", "forks"));
        assert_eq!(live.as_of, None);
        let old = figures(Shown::AsOf(f, "2026-01-02".into())).unwrap();
        assert_eq!(old.as_of.as_deref(), Some(" (as of 2026-01-02)"));
        assert_eq!(figures(Shown::Loading), None);
        assert_eq!(figures(Shown::Nothing), None);
    }

    #[test]
    fn the_release_shows_its_age() {
        let r = Release {
            tag: "v0.5.11".into(),
            url: "https://github.com/a/b/releases/tag/v0.5.11".into(),
            published_at: "2026-05-11T10:00:00Z".into(),
        };
        let day = 86_400_000.0;
        let now = 20_584.0 * day + 0.5 * day; // 2026-05-11, noon
        let shown = release(Shown::Live(r.clone()), now).unwrap();
        assert_eq!(shown.tag, "v0.5.11");
        assert_eq!(shown.url, r.url);
        assert_eq!(shown.age.as_deref(), Some(", today"));
        assert_eq!(shown.as_of, None);
        let later = release(
            Shown::AsOf(r.clone(), "2026-06-01".into()),
            now + 14.0 * day,
        );
        let later = later.unwrap();
        assert_eq!(later.age.as_deref(), Some(", 14 days ago"));
        assert_eq!(later.as_of.as_deref(), Some(" (as of 2026-06-01)"));
        assert_eq!(release(Shown::Nothing, now), None);
    }

    #[test]
    fn the_contributor_count_or_a_plain_link() {
        assert_eq!(contributors(Shown::Loading), None);
        assert_eq!(
            contributors(Shown::Live(57)),
            Some(Contributors {
                count: Some(counted(57, "57", "contributors")),
                as_of: None
            })
        );
        assert_eq!(
            contributors(Shown::AsOf(1, "2026-01-02".into())),
            Some(Contributors {
                count: Some(counted(1, "1", "contributor")),
                as_of: Some(" (as of 2026-01-02)".into())
            })
        );
        assert_eq!(
            contributors(Shown::Nothing),
            Some(Contributors {
                count: None,
                as_of: None
            }),
            "no number, the link stays"
        );
        assert_eq!(state(true), "loading");
        assert_eq!(state(false), "ready");
    }
}
