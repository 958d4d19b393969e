//! Build-time outputs, written under target/ and published by scripts/trunk-post-build.sh:
//! - `stylers.css`: every `let x = style! { … };` in src/, scoped;
//! - `sitemap.xml` and `robots.txt`, generated from the same site map the router uses
//!   (src/site.rs), for the origin in `SITE_ORIGIN` (default https://dstack.info).

#[allow(dead_code)]
#[path = "src/site.rs"]
mod site;

use std::fmt::Write as _;

fn main() {
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-env-changed=SITE_ORIGIN");
    stylers::build(Some(String::from("./target/stylers.css")));

    let origin = site::ORIGIN;
    let scheme_ok = origin.starts_with("https://") || origin.starts_with("http://");
    let host = origin.split_once("://").map_or("", |(_, h)| h);
    if !scheme_ok || host.is_empty() || host.contains('/') || origin.ends_with('/') {
        panic!(
            "SITE_ORIGIN must be an origin like https://dstack.info (scheme and host, no path, \
             no trailing slash); got {origin:?}"
        );
    }
    let mut sitemap = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for page in site::PAGES {
        let _ = writeln!(sitemap, "  <url><loc>{origin}{}</loc></url>", page.path);
    }
    sitemap.push_str("</urlset>\n");
    let robots = format!("User-agent: *\nAllow: /\n\nSitemap: {origin}/sitemap.xml\n");
    std::fs::create_dir_all("target").expect("target/ is writable");
    std::fs::write("target/sitemap.xml", sitemap).expect("write target/sitemap.xml");
    std::fs::write("target/robots.txt", robots).expect("write target/robots.txt");
}
