//! What search engines and link previews read, per page: the canonical URL, the share
//! image and the JSON-LD structured data (the site, the dstack project as an organisation,
//! dstack as source code, and the page itself). Plain functions, tested on the host.

use crate::site::{href, Page, ORIGIN};

/// The Open Graph / Twitter card image (1200×630, made by `scripts/make-images.mjs`).
pub const SHARE_IMAGE: &str = "/og.png";
pub const SHARE_IMAGE_ALT: &str =
    "dstack, the open framework for confidential AI: Intel TDX, remote attestation, a KMS in \
     a TEE and zero-trust HTTPS";

/// The absolute URL of a site path, under the base path.
pub fn url(path: &str) -> String {
    format!("{ORIGIN}{}", href(path))
}

// `STRUCTURED_DATA` and `TECH_ARTICLES`: (path, JSON-LD document) for every page, written
// by build/jsonld.rs from the same page tables.
include!(concat!(env!("OUT_DIR"), "/jsonld.rs"));

fn by_path(table: &'static [(&str, &str)], path: &str) -> &'static str {
    table
        .iter()
        .find(|(p, _)| *p == path)
        .map_or("", |(_, doc)| doc)
}

/// JSON-LD for `page`: one `@graph` with the WebSite, the Organization, dstack's
/// SoftwareSourceCode and the WebPage, and for a blog post its BlogPosting. Written at
/// build time; every page the build knows has one (a test checks), any other gets "".
pub fn structured_data(page: &Page) -> &'static str {
    by_path(STRUCTURED_DATA, page.path)
}

/// JSON-LD for a tutorial page: a schema.org `TechArticle` with its estimated time, level
/// and the track it belongs to (a second `ld+json` block beside [`structured_data`]).
pub fn tech_article(t: &crate::tutorials::Tutorial) -> &'static str {
    by_path(TECH_ARTICLES, t.page.path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::{ARCHITECTURE, GITHUB_URL, HOME, NOT_FOUND, PAGES};
    use serde_json::Value;

    /// Every page the app renders a head for: the site map's, the not-found page, the
    /// posts, the prose pages and the tutorials.
    fn every_page() -> Vec<&'static Page> {
        PAGES
            .iter()
            .copied()
            .chain([&NOT_FOUND])
            .chain(crate::blog::POSTS.iter().map(|p| &p.page))
            .chain(crate::prose::PROSE.iter().map(|p| &p.page))
            .chain(crate::tutorials::TUTORIALS.iter().map(|t| &t.page))
            .collect()
    }

    fn parse(doc: &str) -> Value {
        serde_json::from_str(doc).unwrap_or_else(|e| panic!("not JSON ({e}): {doc}"))
    }

    fn graph(page: &Page) -> Vec<Value> {
        let doc = parse(structured_data(page));
        assert_eq!(doc["@context"], "https://schema.org");
        match &doc["@graph"] {
            Value::Array(items) => items.clone(),
            other => panic!("no @graph: {other:?}"),
        }
    }

    fn of_type<'a>(items: &'a [Value], ty: &str) -> &'a Value {
        items
            .iter()
            .find(|v| v["@type"] == ty)
            .unwrap_or_else(|| panic!("no {ty}"))
    }

    #[test]
    fn every_page_describes_the_site_the_project_and_itself() {
        for page in every_page() {
            let items = graph(page);
            let site = url("/");
            let website = of_type(&items, "WebSite");
            assert_eq!(website["@id"], format!("{site}#website"));
            assert_eq!(website["url"], site);
            assert_eq!(website["description"], HOME.description);
            assert_eq!(website["publisher"]["@id"], format!("{site}#organization"));
            let org = of_type(&items, "Organization");
            assert_eq!(org["@id"], format!("{site}#organization"));
            assert_eq!(org["logo"], url("/icon-512.png"));
            let code = of_type(&items, "SoftwareSourceCode");
            assert_eq!(code["@id"], format!("{site}#software"));
            assert_eq!(code["codeRepository"], GITHUB_URL);
            assert!(code["license"]
                .as_str()
                .is_some_and(|l| l.contains("LICENSE-2.0")));
            assert_eq!(code["programmingLanguage"], "Rust");
            assert_eq!(code["description"], HOME.lede);
            let web_page = of_type(&items, "WebPage");
            assert_eq!(web_page["@id"], url(page.path), "{}", page.path);
            assert_eq!(web_page["url"], url(page.path));
            assert_eq!(web_page["name"], page.full_title());
            assert_eq!(web_page["description"], page.description);
            assert_eq!(web_page["isPartOf"]["@id"], format!("{site}#website"));
            assert_eq!(web_page["about"]["@id"], format!("{site}#software"));
        }
    }

    #[test]
    fn a_page_the_build_does_not_know_has_none() {
        let unknown = Page {
            path: "/no-such-page",
            ..NOT_FOUND
        };
        assert_eq!(structured_data(&unknown), "");
        assert!(STRUCTURED_DATA.iter().all(|(_, doc)| !doc.is_empty()));
        let mut paths: Vec<&str> = STRUCTURED_DATA.iter().map(|(p, _)| *p).collect();
        paths.sort_unstable();
        paths.dedup();
        assert_eq!(paths.len(), STRUCTURED_DATA.len(), "one document per path");
        assert_eq!(
            paths.len(),
            every_page().len(),
            "no document for a page that is not"
        );
    }

    #[test]
    fn urls_are_absolute_on_the_configured_origin() {
        assert_eq!(
            url("/architecture"),
            format!("{ORIGIN}{}/architecture", crate::site::BASE)
        );
        assert!(ORIGIN.starts_with("https://") || ORIGIN.starts_with("http://"));
        assert!(!ORIGIN.ends_with('/'));
        assert!(structured_data(&ARCHITECTURE).contains(&format!("\"{}\"", url("/architecture"))));
    }

    #[test]
    fn the_json_cannot_break_out_of_its_script_element() {
        let docs = STRUCTURED_DATA.iter().chain(TECH_ARTICLES);
        for (path, doc) in docs {
            assert!(!doc.contains('<'), "{path}: `<` is written \\u003c");
        }
    }

    #[test]
    fn a_post_adds_a_blog_posting() {
        assert!(!crate::blog::POSTS.is_empty());
        for post in crate::blog::POSTS {
            let graph = graph(&post.page);
            let posting = of_type(&graph, "BlogPosting");
            assert_eq!(posting["headline"], post.title);
            assert_eq!(posting["description"], post.summary);
            assert_eq!(posting["datePublished"], post.date);
            assert_eq!(posting["dateModified"], post.date);
            assert_eq!(posting["author"]["@type"], "Organization");
            assert_eq!(posting["author"]["name"], post.author);
            assert_eq!(
                posting["publisher"]["@id"],
                format!("{}#organization", url("/"))
            );
            assert_eq!(posting["image"], url(SHARE_IMAGE));
            assert_eq!(posting["keywords"], post.tags.join(", "));
            assert!(posting["mainEntityOfPage"]["@id"]
                .as_str()
                .is_some_and(|u| u.ends_with(&format!("/blog/{}", post.slug))));
        }
        let posts: Vec<&str> = crate::blog::POSTS.iter().map(|p| p.page.path).collect();
        for page in every_page() {
            let has_posting = structured_data(page).contains("BlogPosting");
            assert_eq!(has_posting, posts.contains(&page.path), "{}", page.path);
        }
    }

    #[test]
    fn tutorial_pages_are_tech_articles_with_time_and_level() {
        assert!(!crate::tutorials::TUTORIALS.is_empty());
        assert_eq!(TECH_ARTICLES.len(), crate::tutorials::TUTORIALS.len());
        for t in crate::tutorials::TUTORIALS {
            let doc = parse(tech_article(t));
            assert_eq!(doc["@context"], "https://schema.org");
            assert_eq!(doc["@type"], "TechArticle");
            assert_eq!(doc["headline"], t.page.title);
            assert_eq!(doc["description"], t.page.description);
            assert_eq!(doc["timeRequired"], format!("PT{}M", t.minutes));
            let level = if t.difficulty == "beginner" {
                "Beginner"
            } else {
                "Expert"
            };
            assert_eq!(doc["proficiencyLevel"], level);
            assert_eq!(doc["url"], url(t.page.path));
            assert_eq!(doc["isPartOf"]["@type"], "Course");
            assert_eq!(doc["isPartOf"]["url"], url(crate::site::TUTORIALS.path));
            assert_eq!(doc["about"]["@id"], format!("{}#software", url("/")));
        }
        let other = crate::tutorials::Tutorial {
            page: ARCHITECTURE,
            ..crate::tutorials::TUTORIALS[0]
        };
        assert_eq!(tech_article(&other), "", "only tutorials are TechArticles");
    }
}
