//! What search engines and link previews read, per page: the canonical URL, the share
//! image and the JSON-LD structured data (the site, the dstack project as an organisation,
//! dstack as source code, and the page itself). Plain functions, tested on the host.

use crate::json::write_str;
use crate::site::{href, Page, GITHUB_URL, HOME, ORIGIN};

/// The Open Graph / Twitter card image (1200×630, made by `scripts/make-images.mjs`).
pub const SHARE_IMAGE: &str = "/og.png";
pub const SHARE_IMAGE_ALT: &str =
    "dstack, the open framework for confidential AI: Intel TDX, remote attestation, a KMS in \
     a TEE and zero-trust HTTPS";

/// The absolute URL of a site path, under the base path.
pub fn url(path: &str) -> String {
    format!("{ORIGIN}{}", href(path))
}

/// JSON-LD for `page`: one `@graph` with the WebSite, the Organization, dstack's
/// SoftwareSourceCode and the WebPage.
pub fn structured_data(page: &Page, article: Option<&crate::blog::Post>) -> String {
    let mut out = String::from(r#"{"@context":"https://schema.org","@graph":["#);
    let site = url("/");
    // WebSite
    out.push_str(r#"{"@type":"WebSite","@id":"#);
    write_str(&mut out, &format!("{site}#website"));
    out.push_str(r#","name":"dstack","url":"#);
    write_str(&mut out, &site);
    out.push_str(r#","description":"#);
    write_str(&mut out, HOME.description);
    out.push_str(r#","publisher":{"@id":"#);
    write_str(&mut out, &format!("{site}#organization"));
    // Organization
    out.push_str(r#"}},{"@type":"Organization","@id":"#);
    write_str(&mut out, &format!("{site}#organization"));
    out.push_str(r#","name":"dstack","url":"#);
    write_str(&mut out, &site);
    out.push_str(r#","logo":"#);
    write_str(&mut out, &url("/icon-512.png"));
    out.push_str(r#","sameAs":["https://github.com/Dstack-TEE"]},"#);
    // SoftwareSourceCode: licence and language from the repository (LICENSE; cargo build).
    out.push_str(r#"{"@type":"SoftwareSourceCode","@id":"#);
    write_str(&mut out, &format!("{site}#software"));
    out.push_str(r#","name":"dstack","description":"#);
    write_str(&mut out, HOME.lede);
    out.push_str(r#","codeRepository":"#);
    write_str(&mut out, GITHUB_URL);
    out.push_str(concat!(
        r#","license":"https://www.apache.org/licenses/LICENSE-2.0","#,
        r#""programmingLanguage":"Rust","#,
        r#""keywords":"TEE SDK, confidential computing, Docker TEE, Intel TDX, remote attestation"},"#,
    ));
    // WebPage
    out.push_str(r#"{"@type":"WebPage","@id":"#);
    write_str(&mut out, &url(page.path));
    out.push_str(r#","url":"#);
    write_str(&mut out, &url(page.path));
    out.push_str(r#","name":"#);
    write_str(&mut out, &page.full_title());
    out.push_str(r#","description":"#);
    write_str(&mut out, page.description);
    out.push_str(r#","isPartOf":{"@id":"#);
    write_str(&mut out, &format!("{site}#website"));
    out.push_str(r#"},"about":{"@id":"#);
    write_str(&mut out, &format!("{site}#software"));
    out.push('}');
    out.push('}');
    // BlogPosting, for a post: headline, dates, author, publisher.
    if let Some(a) = article {
        out.push_str(r#",{"@type":"BlogPosting","headline":"#);
        write_str(&mut out, a.title);
        out.push_str(r#","description":"#);
        write_str(&mut out, a.summary);
        out.push_str(r#","datePublished":"#);
        write_str(&mut out, a.date);
        out.push_str(r#","dateModified":"#);
        write_str(&mut out, a.date);
        out.push_str(r#","author":{"@type":"Organization","name":"#);
        write_str(&mut out, a.author);
        out.push_str(r#"},"publisher":{"@id":"#);
        write_str(&mut out, &format!("{site}#organization"));
        out.push_str(r#"},"mainEntityOfPage":{"@id":"#);
        write_str(&mut out, &url(page.path));
        out.push_str(r#"},"image":"#);
        write_str(&mut out, &url(SHARE_IMAGE));
        out.push_str(r#","keywords":"#);
        write_str(&mut out, &a.tags.join(", "));
        out.push('}');
    }
    out.push_str("]}");
    out
}

/// JSON-LD for a tutorial page: a schema.org `TechArticle` with its estimated time, level
/// and the track it belongs to (a second `ld+json` block beside [`structured_data`]).
pub fn tech_article(t: &crate::tutorials::Tutorial) -> String {
    let site = url("/");
    let mut out =
        String::from(r#"{"@context":"https://schema.org","@type":"TechArticle","headline":"#);
    write_str(&mut out, t.page.title);
    out.push_str(r#","description":"#);
    write_str(&mut out, t.page.description);
    out.push_str(r#","url":"#);
    write_str(&mut out, &url(t.page.path));
    out.push_str(r#","timeRequired":"#);
    write_str(&mut out, &format!("PT{}M", t.minutes));
    out.push_str(r#","proficiencyLevel":"#);
    write_str(
        &mut out,
        if t.difficulty == "beginner" {
            "Beginner"
        } else {
            "Expert"
        },
    );
    out.push_str(r#","isPartOf":{"@type":"Course","name":"Self-host dstack, step by step","url":"#);
    write_str(&mut out, &url(crate::site::TUTORIALS.path));
    out.push_str(r#"},"publisher":{"@id":"#);
    write_str(&mut out, &format!("{site}#organization"));
    out.push_str(r#"},"about":{"@id":"#);
    write_str(&mut out, &format!("{site}#software"));
    out.push_str("}}");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{parse, Value};
    use crate::site::{ARCHITECTURE, PAGES};

    fn graph(page: &Page) -> Vec<Value> {
        let doc = parse(&structured_data(page, None)).expect("valid JSON");
        assert_eq!(
            doc.get("@context").and_then(Value::as_str),
            Some("https://schema.org")
        );
        match doc.get("@graph") {
            Some(Value::Array(items)) => items.clone(),
            other => panic!("no @graph: {other:?}"),
        }
    }

    fn of_type<'a>(items: &'a [Value], ty: &str) -> &'a Value {
        items
            .iter()
            .find(|v| v.get("@type").and_then(Value::as_str) == Some(ty))
            .unwrap_or_else(|| panic!("no {ty}"))
    }

    #[test]
    fn every_page_describes_the_site_the_project_and_itself() {
        for page in PAGES {
            let items = graph(page);
            let code = of_type(&items, "SoftwareSourceCode");
            assert_eq!(
                code.get("codeRepository").and_then(Value::as_str),
                Some(GITHUB_URL)
            );
            assert!(code
                .get("license")
                .and_then(Value::as_str)
                .is_some_and(|l| l.contains("LICENSE-2.0")));
            assert_eq!(
                code.get("programmingLanguage").and_then(Value::as_str),
                Some("Rust")
            );
            of_type(&items, "WebSite");
            of_type(&items, "Organization");
            let web_page = of_type(&items, "WebPage");
            assert_eq!(
                web_page.get("url").and_then(Value::as_str),
                Some(url(page.path).as_str())
            );
            assert_eq!(
                web_page.get("description").and_then(Value::as_str),
                Some(page.description)
            );
        }
    }

    #[test]
    fn urls_are_absolute_on_the_configured_origin() {
        assert_eq!(
            url("/architecture"),
            format!("{ORIGIN}{}/architecture", crate::site::BASE)
        );
        assert!(ORIGIN.starts_with("https://") || ORIGIN.starts_with("http://"));
        assert!(!ORIGIN.ends_with('/'));
        assert!(
            structured_data(&ARCHITECTURE, None).contains(&format!("\"{ORIGIN}/architecture\""))
        );
    }

    #[test]
    fn the_json_cannot_break_out_of_its_script_element() {
        for page in PAGES {
            assert!(!structured_data(page, None)
                .to_ascii_lowercase()
                .contains("</script"));
        }
    }

    #[test]
    fn a_post_adds_a_blog_posting() {
        let post = &crate::blog::POSTS[0];
        let doc = parse(&structured_data(&post.page, Some(post))).expect("valid JSON");
        let graph = match doc.get("@graph") {
            Some(Value::Array(items)) => items.clone(),
            other => panic!("{other:?}"),
        };
        let posting = graph
            .iter()
            .find(|n| n.get("@type").and_then(Value::as_str) == Some("BlogPosting"))
            .expect("a BlogPosting node");
        assert_eq!(
            posting.get("headline").and_then(Value::as_str),
            Some(post.title)
        );
        assert_eq!(
            posting.get("datePublished").and_then(Value::as_str),
            Some(post.date)
        );
        assert!(posting
            .get("mainEntityOfPage")
            .and_then(|m| m.get("@id"))
            .and_then(Value::as_str)
            .is_some_and(|u| u.ends_with(&format!("/blog/{}", post.slug))));
        assert!(!structured_data(&crate::site::HOME, None).contains("BlogPosting"));
    }

    #[test]
    fn tutorial_pages_are_tech_articles_with_time_and_level() {
        for t in crate::tutorials::TUTORIALS {
            let doc = parse(&tech_article(t)).expect("valid JSON");
            assert_eq!(
                doc.get("@type").and_then(|v| v.as_str()),
                Some("TechArticle")
            );
            assert_eq!(
                doc.get("timeRequired").and_then(|v| v.as_str()),
                Some(format!("PT{}M", t.minutes).as_str())
            );
            assert_eq!(
                doc.get("url").and_then(|v| v.as_str()),
                Some(url(t.page.path).as_str())
            );
        }
    }
}
