//! The blog's posts as data. build.rs compiles `content/blog/*.md` (build/blog.rs): the
//! metadata below is generated into the app, each body becomes a static HTML fragment
//! (`fragment_path`) that the post page fetches, so article text stays out of the wasm.

use crate::site::Page;

/// One post's metadata; `page` carries its title, description and path for the head.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Post {
    pub slug: &'static str,
    pub title: &'static str,
    /// `YYYY-MM-DD` (checked at build time).
    pub date: &'static str,
    pub summary: &'static str,
    pub tags: &'static [&'static str],
    /// An organisation or team.
    pub author: &'static str,
    /// Reading time at 200 words a minute.
    pub minutes: usize,
    pub page: Page,
}

include!(concat!(env!("OUT_DIR"), "/blog_posts.rs"));

/// The post at `slug`, with the newer and older neighbours for "next"/"previous".
pub fn find(slug: &str) -> Option<(Option<&'static Post>, &'static Post, Option<&'static Post>)> {
    let i = POSTS.iter().position(|p| p.slug == slug)?;
    let newer = i.checked_sub(1).map(|j| &POSTS[j]);
    Some((newer, &POSTS[i], POSTS.get(i + 1)))
}

/// Where a post's body is served (a site path; the base path goes in front).
pub fn fragment_path(slug: &str) -> String {
    format!("/blog-content/{slug}.html")
}

/// `2026-11-25` as `25 November 2026`.
pub fn display_date(date: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let mut parts = date.split('-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return date.to_string();
    };
    match (m.parse::<usize>(), d.parse::<u32>()) {
        (Ok(m @ 1..=12), Ok(d)) => format!("{d} {} {y}", MONTHS[m - 1]),
        _ => date.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posts_are_newest_first_with_unique_slugs() {
        assert!(POSTS.len() >= 3);
        for pair in POSTS.windows(2) {
            assert!(pair[0].date >= pair[1].date);
            assert_ne!(pair[0].slug, pair[1].slug);
        }
    }

    #[test]
    fn each_post_has_a_page_fit_for_search_results() {
        for p in POSTS {
            assert_eq!(p.page.path, format!("/blog/{}", p.slug));
            assert_eq!(p.page.heading, p.title);
            let d = p.page.description.chars().count();
            assert!((50..=160).contains(&d), "{}: description {d} chars", p.slug);
            assert!(p.page.full_title().chars().count() <= 70, "{}", p.slug);
            assert!(p.minutes >= 3, "{}: 600+ words", p.slug);
        }
    }

    #[test]
    fn neighbours() {
        let (newer, first, older) = find(POSTS[0].slug).unwrap();
        assert_eq!((newer, first.slug), (None, POSTS[0].slug));
        assert_eq!(older.map(|p| p.slug), Some(POSTS[1].slug));
        let last = POSTS.last().unwrap();
        assert_eq!(find(last.slug).unwrap().2, None);
        assert_eq!(find("no-such-post"), None);
    }

    #[test]
    fn dates_read_as_words() {
        assert_eq!(display_date("2026-11-05"), "5 November 2026");
        assert_eq!(display_date("2026-13-05"), "2026-13-05");
        assert_eq!(display_date("garbage"), "garbage");
    }
}
