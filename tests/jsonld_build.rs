//! The JSON-LD build step (build/jsonld.rs), on the host, with input the real content
//! never has: text that would close the script element, quotes, line breaks; and the
//! generated table as Rust source. (The real pages' documents are checked in src/seo.rs.)

#[allow(dead_code)]
#[path = "../src/site.rs"]
mod site;

#[allow(dead_code)]
#[path = "../build/markdown.rs"]
mod markdown;

#[allow(dead_code)]
#[path = "../build/blog.rs"]
mod blog;

#[allow(dead_code)]
#[path = "../build/pages.rs"]
mod pages;

#[allow(dead_code)]
#[path = "../build/tutorials.rs"]
mod tutorials;

#[allow(dead_code)]
#[path = "../build/jsonld.rs"]
mod jsonld;

use jsonld::{graph, tech_article, ArticleInfo, PageInfo, TutorialInfo};
use serde_json::Value;

const HOSTILE: &str = "a </script><script>alert(1)</script> \"quoted\" \\ line\nbreak <!-- é";

#[test]
fn hostile_text_stays_inside_its_string() {
    let page = PageInfo {
        path: "/blog/x".into(),
        title: HOSTILE.into(),
        description: HOSTILE,
    };
    let tags = vec!["<b>".to_string(), "tee".to_string()];
    let article = ArticleInfo {
        headline: HOSTILE,
        description: "d",
        date: "2026-01-02",
        author: "<i>",
        tags: &tags,
    };
    let doc = graph(&page, Some(&article));
    assert!(!doc.contains('<'), "{doc}");
    assert!(doc.contains("\\u003c/script>"));
    let v: Value = serde_json::from_str(&doc).expect("JSON");
    let nodes = v["@graph"].as_array().expect("@graph");
    assert_eq!(nodes.len(), 5);
    assert_eq!(nodes[3]["@type"], "WebPage");
    assert_eq!(nodes[3]["name"], HOSTILE);
    assert_eq!(nodes[3]["description"], HOSTILE);
    assert_eq!(nodes[4]["@type"], "BlogPosting");
    assert_eq!(nodes[4]["headline"], HOSTILE);
    assert_eq!(nodes[4]["author"]["name"], "<i>");
    assert_eq!(nodes[4]["keywords"], "<b>, tee");
    assert_eq!(nodes[4]["datePublished"], "2026-01-02");
}

#[test]
fn a_page_without_a_post_has_four_nodes_in_order() {
    let page = PageInfo {
        path: "/x".into(),
        title: "X · dstack".into(),
        description: "D",
    };
    let v: Value = serde_json::from_str(&graph(&page, None)).unwrap();
    assert_eq!(v["@context"], "https://schema.org");
    let types: Vec<&str> = v["@graph"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["@type"].as_str().unwrap())
        .collect();
    assert_eq!(
        types,
        ["WebSite", "Organization", "SoftwareSourceCode", "WebPage"]
    );
    assert_eq!(
        v["@graph"][3]["url"],
        format!("{}{}", site::ORIGIN, site::href("/x"))
    );
}

#[test]
fn tech_articles_map_difficulty_to_a_level() {
    for (difficulty, level) in [
        ("beginner", "Beginner"),
        ("intermediate", "Expert"),
        ("advanced", "Expert"),
    ] {
        let t = TutorialInfo {
            path: "/tutorials/x".into(),
            headline: HOSTILE,
            description: "D",
            minutes: 25,
            difficulty,
        };
        let doc = tech_article(&t);
        assert!(!doc.contains('<'));
        let v: Value = serde_json::from_str(&doc).unwrap();
        assert_eq!(v["@type"], "TechArticle");
        assert_eq!(v["headline"], HOSTILE);
        assert_eq!(v["timeRequired"], "PT25M");
        assert_eq!(v["proficiencyLevel"], level, "{difficulty}");
    }
}

#[test]
fn the_table_is_rust_source_for_every_page() {
    let posts = blog::load_dir(std::path::Path::new("content/blog"), site::BASE).unwrap();
    let prose = pages::load_dir(std::path::Path::new("content/pages"), site::BASE, &[]).unwrap();
    let track = tutorials::load_dir(
        std::path::Path::new("content/tutorials"),
        site::BASE,
        site::UPSTREAM_COMMIT,
    )
    .unwrap();
    let rs = jsonld::jsonld_rs(&posts, &prose, &track);
    let rows = |name: &str| {
        let start = rs.find(&format!("pub const {name}")).expect(name);
        rs[start..]
            .lines()
            .skip(1)
            .take_while(|l| l.starts_with("    ("))
            .count()
    };
    let pages = site::PAGES.len() + 1 + posts.len() + prose.len() + track.len();
    assert_eq!(rows("STRUCTURED_DATA"), pages);
    assert_eq!(rows("TECH_ARTICLES"), track.len());
    assert!(rs.contains(&format!("    ({:?}, ", "/404")));
    for post in &posts {
        assert!(rs.contains(&format!("    ({:?}, ", format!("/blog/{}", post.slug))));
    }
}
