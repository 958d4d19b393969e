//! Build-time outputs, written under target/ and published by scripts/trunk-post-build.sh:
//! - `stylers.css`: every `let x = style! { … };` in src/, scoped;
//! - `sitemap.xml` and `robots.txt`, generated from the same site map the router uses
//!   (src/site.rs), for the origin in `SITE_ORIGIN` (default https://dstack.info);
//! - the blog (build/blog.rs): `blog-content/<slug>.html` bodies and `feed.xml` under
//!   target/, and the posts' metadata as `$OUT_DIR/blog_posts.rs` for src/blog.rs.

#[allow(dead_code)]
#[path = "src/site.rs"]
mod site;

#[allow(dead_code)]
#[path = "build/markdown.rs"]
mod markdown;

#[allow(dead_code)]
#[path = "build/blog.rs"]
mod blog;

#[allow(dead_code)]
#[path = "build/pages.rs"]
mod pages;

#[allow(dead_code)]
#[path = "build/tutorials.rs"]
mod tutorials;

#[path = "build/jsonld.rs"]
mod jsonld;

use std::fmt::Write as _;

fn main() {
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=build");
    println!("cargo:rerun-if-changed=content");
    println!("cargo:rerun-if-env-changed=SITE_ORIGIN");
    println!("cargo:rerun-if-env-changed=BASE_PATH");
    // Outputs go to the target directory, which a second build (another BASE_PATH, say)
    // may move with CARGO_TARGET_DIR; scripts/trunk-post-build.sh reads them from there.
    let target = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into());
    stylers::build(Some(format!("{target}/stylers.css")));
    append_section_styles(&format!("{target}/stylers.css"));

    let base = site::BASE;
    let base_ok =
        base.is_empty() || (base.starts_with('/') && !base.ends_with('/') && !base.contains("//"));
    if !base_ok {
        panic!("BASE_PATH must be empty or a path like /repo (leading slash, none trailing); got {base:?}");
    }
    let origin = site::ORIGIN;
    let scheme_ok = origin.starts_with("https://") || origin.starts_with("http://");
    let host = origin.split_once("://").map_or("", |(_, h)| h);
    if !scheme_ok || host.is_empty() || host.contains('/') || origin.ends_with('/') {
        panic!(
            "SITE_ORIGIN must be an origin like https://dstack.info (scheme and host, no path, \
             no trailing slash); got {origin:?}"
        );
    }
    // The blog: a malformed post stops the build here, naming the file and the problem.
    let posts = blog::load_dir(std::path::Path::new("content/blog"), base)
        .unwrap_or_else(|e| panic!("blog post error: {e}"));
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(format!("{out_dir}/blog_posts.rs"), blog::posts_rs(&posts))
        .expect("write blog_posts.rs");
    write_fragments(
        &format!("{target}/blog-content"),
        posts.iter().map(|p| (p.slug.as_str(), p.html.clone())),
    );

    // Prose pages at /<slug>: a file may not take a path another route has.
    let mut reserved: Vec<&str> = site::PAGES.iter().map(|p| p.path).collect();
    reserved.extend(["/404", "/blog", "/tutorials"]);
    let prose = pages::load_dir(std::path::Path::new("content/pages"), base, &reserved)
        .unwrap_or_else(|e| panic!("page error: {e}"));
    std::fs::write(format!("{out_dir}/prose_pages.rs"), pages::pages_rs(&prose))
        .expect("write prose_pages.rs");
    write_fragments(
        &format!("{target}/page-content"),
        prose.iter().map(|p| (p.slug.as_str(), p.html.clone())),
    );

    // The tutorial track: every page checked against the same upstream snapshot.
    let track = tutorials::load_dir(
        std::path::Path::new("content/tutorials"),
        base,
        site::UPSTREAM_COMMIT,
    )
    .unwrap_or_else(|e| panic!("tutorial error: {e}"));
    std::fs::write(
        format!("{out_dir}/tutorials.rs"),
        tutorials::tutorials_rs(&track),
    )
    .expect("write tutorials.rs");
    jsonld::write(&out_dir, &posts, &prose, &track);
    // The index body is `index.html` beside the pages' (no page may be called `index`).
    if track.iter().any(|t| t.slug == "index") {
        panic!("tutorial error: content/tutorials/index.md: `index` is reserved for the track's overview");
    }
    write_fragments(
        &format!("{target}/tutorial-content"),
        track
            .iter()
            .map(|t| {
                (
                    t.slug.as_str(),
                    tutorials::fragment(t, &track, base, site::UPSTREAM_REPO),
                )
            })
            .chain(std::iter::once((
                "index",
                tutorials::index_fragment(&track, base),
            ))),
    );
    std::fs::write(
        format!("{target}/feed.xml"),
        blog::atom_feed(&posts, origin, base),
    )
    .expect("write feed.xml");

    let mut sitemap = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for page in site::PAGES {
        let _ = writeln!(
            sitemap,
            "  <url><loc>{origin}{}</loc></url>",
            site::href(page.path)
        );
    }
    let extra = prose
        .iter()
        .map(|p| format!("/{}", p.slug))
        .chain(track.iter().map(|t| format!("/tutorials/{}", t.slug)));
    for path in extra {
        let _ = writeln!(
            sitemap,
            "  <url><loc>{origin}{}</loc></url>",
            site::href(&path)
        );
    }
    for post in &posts {
        let _ = writeln!(
            sitemap,
            "  <url><loc>{origin}{}</loc><lastmod>{}</lastmod></url>",
            site::href(&format!("/blog/{}", post.slug)),
            post.date
        );
    }
    sitemap.push_str("</urlset>\n");
    std::fs::write(format!("{target}/routes.json"), routes_json(&prose, &track))
        .expect("write routes.json");
    let robots = format!(
        "User-agent: *\nAllow: /\n\nSitemap: {origin}{}\n",
        site::href("/sitemap.xml")
    );
    std::fs::create_dir_all(&target).expect("the target directory is writable");
    std::fs::write(format!("{target}/sitemap.xml"), sitemap).expect("write sitemap.xml");
    std::fs::write(format!("{target}/robots.txt"), robots).expect("write robots.txt");
}

/// Writes each `(slug, html)` as `<dir>/<slug>.html`, after emptying `dir` so a removed
/// page leaves no stale file behind.
fn write_fragments<'a>(dir: &str, files: impl Iterator<Item = (&'a str, String)>) {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("create {dir}: {e}"));
    for (slug, html) in files {
        std::fs::write(format!("{dir}/{slug}.html"), html)
            .unwrap_or_else(|e| panic!("write {dir}/{slug}.html: {e}"));
    }
}

/// What a visitor should see at each route, for the browser tests (tests/e2e/routes.mjs):
/// the origin and base path this build was made for, the title suffix, the site map's pages
/// and the prose pages (`routes`), the tutorial pages, and the not-found heading. Written
/// here so the tests never keep a copy of the route table or assume https://dstack.info.
fn routes_json(prose: &[pages::ProsePage], track: &[tutorials::Tutorial]) -> String {
    let q = |s: &str| {
        let mut out = String::from("\"");
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                c if (c as u32) < 0x20 => {
                    let _ = write!(out, "\\u{:04x}", c as u32);
                }
                c => out.push(c),
            }
        }
        out.push('"');
        out
    };
    let route = |path: &str, nav: Option<&str>, h1: &str, title: &str| {
        format!(
            "{{\"path\":{},\"nav\":{},\"h1\":{},\"title\":{}}}",
            q(path),
            nav.map_or("null".to_string(), q),
            q(h1),
            q(title)
        )
    };
    let mut routes: Vec<String> = site::PAGES
        .iter()
        .map(|p| {
            let nav = (p.path != site::HOME.path).then_some(p.nav_label);
            route(p.path, nav, p.heading, &p.full_title())
        })
        .collect();
    routes.extend(prose.iter().map(|p| {
        route(
            &format!("/{}", p.slug),
            None,
            &p.heading,
            &format!("{}{}", p.title, site::TITLE_SUFFIX),
        )
    }));
    let tutorials: Vec<String> = track
        .iter()
        .map(|t| {
            route(
                &format!("/tutorials/{}", t.slug),
                None,
                &t.title,
                &format!("{}{}", t.title, site::TITLE_SUFFIX),
            )
        })
        .collect();
    format!(
        "{{\"origin\":{},\"basePath\":{},\"titleSuffix\":{},\"routes\":[{}],\"tutorials\":[{}],\"notFound\":{}}}\n",
        q(site::ORIGIN),
        q(site::BASE),
        q(site::TITLE_SUFFIX),
        routes.join(","),
        tutorials.join(","),
        q(site::NOT_FOUND.heading)
    )
}

/// The stylesheets that sit beside their section's code (`src/**/*.css`: /verify's, and the
/// one the article pages share) join the component styles in the one component
/// stylesheet, in path order: one CSS mechanism, no stylesheet inserted at run time.
fn append_section_styles(bundle: &str) {
    let mut files = Vec::new();
    css_files(std::path::Path::new("src"), &mut files);
    files.sort();
    let mut css = std::fs::read_to_string(bundle).expect("stylers wrote the component styles");
    for file in files {
        println!("cargo:rerun-if-changed={}", file.display());
        css.push_str(&format!("\n/* {} */\n", file.display()));
        css.push_str(&std::fs::read_to_string(&file).expect("a stylesheet under src/"));
    }
    std::fs::write(bundle, css).expect("the component stylesheet");
}

fn css_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            css_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "css") {
            out.push(path);
        }
    }
}
