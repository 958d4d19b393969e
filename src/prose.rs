//! The prose pages as data (`/security`, `/community`, `/transparency`). build.rs compiles
//! `content/pages/*.md` (build/pages.rs): the metadata below is generated into the app and
//! each body is a static HTML fragment (`fragment_path`) that the page adopts from the
//! prerendered document or fetches, so the words stay out of the wasm.

use crate::site::Page;

/// One prose page: its head and heading (`page`) and the widgets its body asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prose {
    pub slug: &'static str,
    /// `{{widget:NAME}}` mount points in the body, e.g. `github-figures`.
    pub widgets: &'static [&'static str],
    pub page: Page,
}

include!(concat!(env!("OUT_DIR"), "/prose_pages.rs"));

/// The prose page at a site path (`/security`).
pub fn find(path: &str) -> Option<&'static Prose> {
    let slug = path.strip_prefix('/')?;
    PROSE.iter().find(|p| p.slug == slug)
}

/// Where a page's body is served (a site path; the base path goes in front).
pub fn fragment_path(slug: &str) -> String {
    format!("/page-content/{slug}.html")
}

/// The file a page's words live in: the prose pages' Markdown, else the site map's answer.
pub fn source_file(path: &str) -> String {
    match find(path) {
        Some(p) => format!("content/pages/{}.md", p.slug),
        None => crate::site::source_file(path),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_is_found_at_its_path_and_names_its_file() {
        assert!(PROSE.len() >= 2, "security and community at least");
        for p in PROSE {
            assert_eq!(p.page.path, format!("/{}", p.slug));
            assert_eq!(find(p.page.path), Some(p));
            let file = source_file(p.page.path);
            let on_disk = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(&file);
            assert!(on_disk.exists(), "{file}");
        }
        assert_eq!(find("/architecture"), None);
        assert_eq!(find("security"), None, "site paths start with a slash");
        assert_eq!(
            source_file("/architecture"),
            "src/sections/architecture/words.rs"
        );
    }

    #[test]
    fn prose_paths_do_not_shadow_the_site_map() {
        for p in PROSE {
            assert!(crate::site::page_for(p.page.path).is_none(), "{}", p.slug);
        }
    }
}
