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
#[path = "build/blog.rs"]
mod blog;

use std::fmt::Write as _;

fn main() {
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=build");
    println!("cargo:rerun-if-changed=content/blog");
    println!("cargo:rerun-if-env-changed=SITE_ORIGIN");
    println!("cargo:rerun-if-env-changed=BASE_PATH");
    // Outputs go to the target directory, which a second build (another BASE_PATH, say)
    // may move with CARGO_TARGET_DIR; scripts/trunk-post-build.sh reads them from there.
    let target = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into());
    stylers::build(Some(format!("{target}/stylers.css")));

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
    let fragments = format!("{target}/blog-content");
    let _ = std::fs::remove_dir_all(&fragments); // no stale posts
    std::fs::create_dir_all(&fragments).expect("create blog-content");
    for post in &posts {
        std::fs::write(format!("{fragments}/{}.html", post.slug), &post.html)
            .expect("write a post body");
    }
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
    for post in &posts {
        let _ = writeln!(
            sitemap,
            "  <url><loc>{origin}{}</loc><lastmod>{}</lastmod></url>",
            site::href(&format!("/blog/{}", post.slug)),
            post.date
        );
    }
    sitemap.push_str("</urlset>\n");
    let robots = format!(
        "User-agent: *\nAllow: /\n\nSitemap: {origin}{}\n",
        site::href("/sitemap.xml")
    );
    std::fs::create_dir_all(&target).expect("the target directory is writable");
    std::fs::write(format!("{target}/sitemap.xml"), sitemap).expect("write sitemap.xml");
    std::fs::write(format!("{target}/robots.txt"), robots).expect("write robots.txt");
}
