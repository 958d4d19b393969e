//! The blog's build step (build/blog.rs), on the host: front matter, every malformed-post
//! error, Markdown rendering, the Atom feed, and the launch posts themselves.

#[allow(dead_code)]
#[path = "../build/markdown.rs"]
mod markdown;

#[allow(dead_code)]
#[path = "../build/blog.rs"]
mod blog;

use blog::{atom_feed, check_unique, load_dir, parse_post, valid_date, Post};

const GOOD: &str = "---
title: \"A title: with a colon\"
date: 2026-02-28
summary: What this post says.
tags: attestation, tdx ,
author: dstack.info team
---

Intro with a [site link](/verify), an [outside one](https://example.com) and <b>raw</b> HTML.

## First part

```bash
echo <hi>
```

## Second part

Text.

### A detail

More text.

## Third part

## Fourth part

End.
";

fn good() -> Post {
    parse_post("content/blog/a-post.md", GOOD, "/base").unwrap()
}

fn error(file: &str, text: &str) -> String {
    parse_post(file, text, "").unwrap_err().to_string()
}

#[test]
fn front_matter_fields() {
    let p = good();
    assert_eq!(p.slug, "a-post");
    assert_eq!(p.title, "A title: with a colon");
    assert_eq!(p.date, "2026-02-28");
    assert_eq!(p.tags, ["attestation", "tdx"]);
    assert_eq!(p.author, "dstack.info team");
    assert_eq!(p.minutes(), 1);
}

#[test]
fn markdown_becomes_safe_linked_html() {
    let p = good();
    assert!(p.html.contains(
        "<h2 id=\"first-part\"><a class=\"anchor\" href=\"#first-part\">First part</a></h2>"
    ));
    assert!(p.html.contains("<h3 id=\"a-detail\">"));
    assert!(
        p.html.contains("href=\"/base/verify\""),
        "site links get the base path"
    );
    assert!(p.html.contains("href=\"https://example.com\""));
    assert!(
        p.html.contains("&lt;b&gt;raw&lt;/b&gt;"),
        "raw HTML is shown, not run"
    );
    assert!(p.html.contains("<pre tabindex=\"0\" role=\"region\" aria-label=\"Code: bash\"><code class=\"language-bash\">echo &lt;hi&gt;"));
    // Four sections: a table of contents.
    assert_eq!(p.sections.len(), 4);
    assert!(p
        .html
        .starts_with("<nav class=\"toc\" aria-label=\"On this page\">"));
    assert!(p
        .html
        .contains("<li><a href=\"#fourth-part\">Fourth part</a></li>"));
}

#[test]
fn short_posts_have_no_table_of_contents() {
    let text =
        "---\ntitle: T\ndate: 2026-01-01\nsummary: S\ntags: x\nauthor: A\n---\n\n## One\n\nText.\n";
    assert!(!parse_post("short.md", text, "")
        .unwrap()
        .html
        .contains("toc"));
}

#[test]
fn each_malformed_post_is_named_with_its_problem() {
    let with = |front: &str| format!("---\n{front}\n---\n\nBody text.\n");
    let all = "title: T\ndate: 2026-01-01\nsummary: S\ntags: x\nauthor: A";
    let cases = [
        (with(&all.replace("title: T\n", "")), "missing `title`"),
        (
            with(&all.replace("2026-01-01", "2026-02-30")),
            "`date` must be a real date",
        ),
        (
            with(&all.replace("2026-01-01", "yesterday")),
            "`date` must be a real date",
        ),
        (
            with(&all.replace("summary: S", "summary:")),
            "`summary` is empty",
        ),
        (
            with(&format!("{all}\ntitle: again")),
            "`title` appears twice",
        ),
        (
            with(&format!("{all}\ncolour: red")),
            "unknown front matter key `colour`",
        ),
        (with(&format!("{all}\njust words")), "is not `key: value`"),
        ("No front matter.\n".to_string(), "no front matter"),
        ("---\ntitle: T\n".to_string(), "no closing `---`"),
        (with(all).replace("Body text.", ""), "the post has no text"),
    ];
    for (text, problem) in cases {
        let message = error("content/blog/bad.md", &text);
        assert!(message.starts_with("content/blog/bad.md: "), "{message}");
        assert!(message.contains(problem), "{message} lacks {problem:?}");
    }
    let message = error("content/blog/Bad Name.md", &with(all));
    assert!(
        message.contains("lowercase letters, digits and hyphens"),
        "{message}"
    );
}

#[test]
fn duplicate_slugs_and_titles_are_refused() {
    let a = good();
    let mut b = good();
    b.title = "Another".into();
    let err = check_unique(&[("x.md".into(), a.clone()), ("y.md".into(), b)]).unwrap_err();
    assert_eq!(err.file, "y.md");
    assert!(err
        .problem
        .contains("duplicate slug `a-post`, also used by x.md"));
    let mut c = good();
    c.slug = "other".into();
    let err = check_unique(&[("x.md".into(), a), ("z.md".into(), c)]).unwrap_err();
    assert!(err.problem.contains("duplicate title"));
}

#[test]
fn dates() {
    assert!(valid_date("2024-02-29"));
    assert!(!valid_date("2025-02-29"));
    assert!(valid_date("2000-02-29"));
    assert!(!valid_date("1900-02-29"));
    assert!(!valid_date("2026-4-01"));
    assert!(!valid_date("2026-00-10"));
}

#[test]
fn the_feed_is_valid_atom_with_absolute_urls_and_rfc3339_dates() {
    let posts = vec![good()];
    let xml = atom_feed(&posts, "https://dstack.info", "/base");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let feed = doc.root_element();
    assert_eq!(feed.tag_name().name(), "feed");
    assert_eq!(
        feed.tag_name().namespace(),
        Some("http://www.w3.org/2005/Atom")
    );
    for required in ["title", "id", "updated"] {
        assert!(
            feed.children().any(|n| n.tag_name().name() == required),
            "{required}"
        );
    }
    let entries: Vec<_> = feed
        .children()
        .filter(|n| n.tag_name().name() == "entry")
        .collect();
    assert_eq!(entries.len(), 1);
    let text = |name: &str| {
        entries[0]
            .children()
            .find(|n| n.tag_name().name() == name)
            .and_then(|n| n.text())
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(text("title"), "A title: with a colon");
    assert_eq!(text("id"), "https://dstack.info/base/blog/a-post");
    for stamp in [text("published"), text("updated")] {
        assert_eq!(stamp, "2026-02-28T00:00:00Z", "RFC 3339");
    }
    // Every link, in the feed and in the posts' content, is absolute.
    for node in doc.descendants().filter(|n| n.tag_name().name() == "link") {
        assert!(node
            .attribute("href")
            .unwrap()
            .starts_with("https://dstack.info/base/"));
    }
    let content = text("content");
    assert!(content.contains("href=\"https://dstack.info/base/verify\""));
    assert!(content.contains("href=\"https://dstack.info/base/blog/a-post#first-part\""));
    assert!(!content.contains("href=\"/"), "no site-relative links left");
}

#[test]
fn the_launch_posts_build_and_say_where_they_come_from() {
    let dir = std::path::Path::new("content/blog");
    let posts = load_dir(dir, "").expect("the posts build");
    // One post per Markdown file, none dropped on the way.
    let files = std::fs::read_dir(dir)
        .expect("content/blog")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "md"))
        })
        .count();
    assert!(files > 0);
    assert_eq!(posts.len(), files);
    for p in &posts {
        assert!(
            (600..=1200).contains(&p.words),
            "{}: {} words",
            p.slug,
            p.words
        );
        let sources = p.sections.last().map(|(_, t)| t.as_str());
        assert_eq!(sources, Some("Sources"), "{} ends with its sources", p.slug);
        let after = &p.html[p.html.find("id=\"sources\"").unwrap()..];
        assert!(
            after.matches("<li><a href=\"https://").count() >= 3,
            "{}",
            p.slug
        );
    }
    for pair in posts.windows(2) {
        assert!(pair[0].date > pair[1].date, "newest first");
    }
}
