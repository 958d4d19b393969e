//! The build steps for prose pages (build/pages.rs) and the tutorial track
//! (build/tutorials.rs), on the host: every rule a malformed file breaks stops the build
//! with the file and the problem, the prerequisite graph, and the real content itself.

#[allow(dead_code)]
#[path = "../build/markdown.rs"]
mod markdown;

#[allow(dead_code)]
#[path = "../build/pages.rs"]
mod pages;

#[allow(dead_code)]
#[path = "../build/tutorials.rs"]
mod tutorials;

use std::path::Path;
use tutorials::{check_track, find_cycle, parse_tutorial, Tutorial};

const SNAP: &str = "312dc605";

fn tutorial(front: &str, body: &str) -> String {
    format!("---\n{front}\n---\n{body}")
}

const FRONT: &str = "title: Run the simulator
section: 1
order: 1
summary: Build the guest-agent simulator and call it from an SDK on a laptop without TDX.
outcome: A simulator answering on a Unix socket.
minutes: 20
difficulty: beginner
prerequisites:
checked: 312dc605";

const BODY: &str = "Intro.

## 1. Clone

```bash
git clone https://github.com/Dstack-TEE/dstack.git
```

```output
Cloning into 'dstack'...
```

> **Check:** the folder `dstack` exists.

## 2. Build

```bash
./build.sh
```

See [the next page](/tutorials/other) and [verify](/verify).

## Pitfalls

> **Pitfall:** needs Rust.

## Sources

- [onboarding](https://github.com/Dstack-TEE/dstack/blob/312dc605/docs/onboarding.md#L1-L9)
";

fn parse(front: &str, body: &str) -> Result<Tutorial, markdown::ContentError> {
    parse_tutorial("content/tutorials/sim.md", &tutorial(front, body), "", SNAP)
}

fn problem(front: &str, body: &str) -> String {
    let e = parse(front, body).expect_err("should be refused");
    assert_eq!(e.file, "content/tutorials/sim.md");
    e.problem
}

#[test]
fn a_good_page_has_its_steps_commands_and_callouts() {
    let t = parse(FRONT, BODY).expect("valid page");
    assert_eq!(t.slug, "sim");
    assert_eq!(t.steps, 2);
    assert_eq!(t.step_titles, ["Clone", "Build"]);
    assert_eq!(t.commands.len(), 2);
    assert!(t.commands[0].starts_with("git clone"));
    assert!(t.body_html.contains("class=\"code command\""));
    assert!(t.body_html.contains("data-copy hidden"));
    assert!(t
        .body_html
        .contains("<p class=\"code-label\">Expected output</p>"));
    assert!(t.body_html.contains("class=\"callout callout-check\""));
    assert!(t.body_html.contains("class=\"callout callout-pitfall\""));
    assert!(t.site_links.contains(&"/tutorials/other".to_string()));
}

#[test]
fn under_a_base_path_site_links_carry_it() {
    let t = parse_tutorial("x/sim.md", &tutorial(FRONT, BODY), "/repo", SNAP).unwrap();
    assert!(t.body_html.contains("href=\"/repo/verify\""));
    assert!(!t.body_html.contains("href=\"/verify\""));
}

#[test]
fn each_front_matter_error_is_named() {
    let cases: [(&str, &str, &str); 9] = [
        ("title: Run the simulator\n", "", "missing `title`"),
        ("section: 1", "section: 9", "`section` must be a whole number from 1 to 8"),
        ("minutes: 20", "minutes: soon", "`minutes` must be a whole number"),
        ("difficulty: beginner", "difficulty: easy", "`difficulty` must be one of"),
        ("checked: 312dc605", "checked: abc1234", "the facts file's snapshot is \"312dc605\""),
        ("prerequisites:", "prerequisites: sim", "its own prerequisite"),
        ("order: 1", "order: 1\norder: 2", "`order` appears twice"),
        ("minutes: 20", "minutes: 20\nauthor: me", "unknown front matter key `author`"),
        (
            "summary: Build the guest-agent simulator and call it from an SDK on a laptop without TDX.",
            "summary: Too short.",
            "`summary` is 10 characters",
        ),
    ];
    for (from, to, expected) in cases {
        let front = FRONT.replacen(from, to, 1);
        let p = problem(&front, BODY);
        assert!(p.contains(expected), "{to:?}: got {p:?}");
    }
    let p = parse_tutorial("x/sim.md", BODY, "", SNAP)
        .unwrap_err()
        .problem;
    assert!(p.contains("no front matter"), "{p}");
    let p = parse_tutorial("x/Bad Name.md", &tutorial(FRONT, BODY), "", SNAP)
        .unwrap_err()
        .problem;
    assert!(p.contains("file name is the page's URL"), "{p}");
}

#[test]
fn each_body_error_is_named() {
    let cases: [(&str, &str, &str); 6] = [
        ("## 1. Clone", "## Clone", "no steps"),
        ("## 2. Build", "## 3. Build", "out of order"),
        ("> **Check:** the folder `dstack` exists.", "The folder exists.", "no `> **Check:**`"),
        ("## Sources", "## Further reading", "last section must be `## Sources`"),
        (
            "- [onboarding](https://github.com/Dstack-TEE/dstack/blob/312dc605/docs/onboarding.md#L1-L9)",
            "- the onboarding doc",
            "at least one https:// link",
        ),
        (
            "```output\nCloning into 'dstack'...\n```",
            "Some words.\n\n```output\nCloning into 'dstack'...\n```",
            "must come right after the command block",
        ),
    ];
    for (from, to, expected) in cases {
        assert!(BODY.contains(from), "the case edits the body: {from:?}");
        let body = BODY.replacen(from, to, 1);
        let p = problem(FRONT, &body);
        assert!(p.contains(expected), "{to:?}: got {p:?}");
    }
}

fn page(slug: &str, section: u32, order: u32, pre: &[&str]) -> (String, Tutorial) {
    let mut t = parse(FRONT, BODY).unwrap();
    t.slug = slug.to_string();
    t.title = format!("Title of {slug}");
    t.section = section;
    t.order = order;
    t.prerequisites = pre.iter().map(|s| s.to_string()).collect();
    t.site_links.clear();
    (format!("content/tutorials/{slug}.md"), t)
}

#[test]
fn the_track_is_sorted_and_its_graph_checked() {
    let ok = check_track(vec![
        page("b", 2, 1, &["a"]),
        page("a", 1, 1, &[]),
        page("c", 2, 2, &["a", "b"]),
    ])
    .expect("valid track");
    let order: Vec<&str> = ok.iter().map(|t| t.slug.as_str()).collect();
    assert_eq!(order, ["a", "b", "c"]);

    let e = check_track(vec![page("a", 1, 1, &["ghost"])]).unwrap_err();
    assert!(
        e.problem.contains("prerequisite `ghost` names no page"),
        "{e}"
    );

    let e = check_track(vec![page("a", 1, 1, &[]), page("b", 1, 1, &[])]).unwrap_err();
    assert!(e.problem.contains("duplicate order 1 in section 1"), "{e}");
    assert_eq!(e.file, "content/tutorials/b.md");

    let (_, mut twin) = page("b", 1, 2, &[]);
    twin.slug = "a".into();
    let e = check_track(vec![page("a", 1, 1, &[]), ("x/a.md".into(), twin)]).unwrap_err();
    assert!(e.problem.contains("duplicate slug `a`"), "{e}");

    let e = check_track(vec![page("a", 1, 1, &["b"]), page("b", 1, 2, &["a"])]).unwrap_err();
    assert!(e.problem.contains("cycle"), "{e}");

    let e = check_track(vec![page("a", 1, 1, &["b"]), page("b", 1, 2, &[])]).unwrap_err();
    assert!(e.problem.contains("comes later in the track"), "{e}");

    let (file, mut linked) = page("a", 1, 1, &[]);
    linked.site_links = vec!["/tutorials/nowhere#step".into()];
    let e = check_track(vec![(file, linked)]).unwrap_err();
    assert!(
        e.problem
            .contains("link /tutorials/nowhere#step names no tutorial page"),
        "{e}"
    );
}

#[test]
fn cycles_are_found_with_their_path() {
    let t = |s: &str, pre: &[&str]| page(s, 1, 1, pre).1;
    assert_eq!(find_cycle(&[t("a", &[]), t("b", &["a"])]), None);
    let cycle = find_cycle(&[t("a", &["c"]), t("b", &["a"]), t("c", &["b"])]).expect("a cycle");
    assert_eq!(cycle.first(), cycle.last());
    assert_eq!(cycle.len(), 4);
}

/// The real track: every page parses, and the graph holds (what build.rs enforces), plus
/// what a reader relies on: sources that point at the snapshot, a check on every page.
#[test]
fn the_real_track_holds_its_promises() {
    let track = tutorials::load_dir(Path::new("content/tutorials"), "", SNAP)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(track.len() >= 12, "{} pages", track.len());
    let sections: std::collections::BTreeSet<u32> = track.iter().map(|t| t.section).collect();
    assert_eq!(
        sections.len(),
        8,
        "every section of the track has pages: {sections:?}"
    );
    assert!(find_cycle(&track).is_none());
    for t in &track {
        let html = tutorials::fragment(t, &track, "", "Dstack-TEE/dstack");
        assert!(html.contains("Checked against"), "{}", t.slug);
        assert_eq!(
            html.matches("aria-current=\"page\"").count(),
            1,
            "{}",
            t.slug
        );
        assert!(
            html.contains(&format!(
                "href=\"/tutorials/{}\" aria-current=\"page\"",
                t.slug
            )),
            "{}: the sidebar marks this page",
            t.slug
        );
        assert_eq!(html.matches("<h1>").count(), 1, "{}", t.slug);
        assert!(html.contains("What you will have"), "{}", t.slug);
        let sources = html.rsplit_once("id=\"sources\"").map_or("", |(_, s)| s);
        assert!(
            sources.contains("https://github.com/"),
            "{}: sources",
            t.slug
        );
        for command in &t.commands {
            assert!(
                !command.contains("$(pwd)/dstack/scripts/bin\""),
                "{}: the stale CLI path (facts §12.3)",
                t.slug
            );
        }
    }
}

#[test]
fn the_overview_lists_every_page_once_with_its_time() {
    let track = tutorials::load_dir(Path::new("content/tutorials"), "/base", SNAP).unwrap();
    let index = tutorials::index_fragment(&track, "/base");
    for t in &track {
        let card = format!("<li class=\"track-card\" data-slug=\"{}\">", t.slug);
        assert_eq!(index.matches(&card).count(), 1, "{}", t.slug);
        assert!(index.contains(&format!("href=\"/base/tutorials/{}\"", t.slug)));
    }
    let total: u32 = track.iter().map(|t| t.minutes).sum();
    assert!(index.contains(&format!("about {} in all", tutorials::duration(total))));
    assert_eq!(tutorials::duration(135), "2 h 15 min");
    assert_eq!(tutorials::duration(60), "1 h");
}

#[test]
fn prose_pages_are_checked_too() {
    let good = "---\ntitle: Security\nnav_label: Security\nheading: How dstack keeps apps safe\n\
                lede: What dstack protects against, what it does not, and who you still trust.\n\
                description: The dstack security model in plain words: protections, limits and the parties you still trust.\n---\n\
                Text.\n\n{{widget:github-figures}}\n\n## Sources\n\n- [x](https://example.org)\n";
    let p = pages::parse_page("content/pages/security.md", good, "", &["/features"]).unwrap();
    assert_eq!(p.widgets, ["github-figures"]);
    assert!(p
        .html
        .contains("<div data-widget=\"github-figures\"></div>"));

    let e = pages::parse_page("content/pages/features.md", good, "", &["/features"]).unwrap_err();
    assert!(e.problem.contains("already a route"), "{e}");
    let bad = good.replace("github-figures", "nope");
    let e = pages::parse_page("content/pages/security.md", &bad, "", &[]).unwrap_err();
    assert!(e.problem.contains("unknown widget `nope`"), "{e}");
    let bad = good.replace("## Sources\n\n- [x](https://example.org)\n", "");
    let e = pages::parse_page("content/pages/security.md", &bad, "", &[]).unwrap_err();
    assert!(e.problem.contains("`## Sources`"), "{e}");

    let real = pages::load_dir(Path::new("content/pages"), "", &["/features"])
        .unwrap_or_else(|e| panic!("{e}"));
    let slugs: Vec<&str> = real.iter().map(|p| p.slug.as_str()).collect();
    for needed in ["security", "community"] {
        assert!(slugs.contains(&needed), "{needed} in {slugs:?}");
    }
}
