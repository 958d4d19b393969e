//! The pages' JSON-LD (schema.org structured data), written at build time: it depends only
//! on build-time data (the page table in src/site.rs, the blog's, prose pages' and
//! tutorials' metadata, the origin and base path), so the wasm carries each page's document
//! as a `&'static str` (`$OUT_DIR/jsonld.rs`, included by src/seo.rs) and no JSON writer.
//!
//! Every page gets one `@graph` with the WebSite, the Organization, dstack's
//! SoftwareSourceCode and the WebPage, plus a BlogPosting for a post; a tutorial gets a
//! second document, its TechArticle.
//!
//! Runs on the host only (build.rs, tests/jsonld_build.rs).

use serde::Serialize;

use crate::blog::Post;
use crate::pages::ProsePage;
use crate::site;
use crate::tutorials::Tutorial;

/// The share image, as in src/seo.rs (`SHARE_IMAGE`).
const SHARE_IMAGE: &str = "/og.png";

/// What the WebPage node says of a page.
pub struct PageInfo<'a> {
    pub path: String,
    /// The full `<title>`.
    pub title: String,
    pub description: &'a str,
}

/// What a post's BlogPosting node says.
pub struct ArticleInfo<'a> {
    pub headline: &'a str,
    pub description: &'a str,
    /// `YYYY-MM-DD`.
    pub date: &'a str,
    pub author: &'a str,
    pub tags: &'a [String],
}

/// What a tutorial's TechArticle says.
pub struct TutorialInfo<'a> {
    pub path: String,
    pub headline: &'a str,
    pub description: &'a str,
    pub minutes: u32,
    pub difficulty: &'a str,
}

/// The absolute URL of a site path, under the base path (src/seo.rs `url`).
fn url(path: &str) -> String {
    format!("{}{}", site::ORIGIN, site::href(path))
}

#[derive(Serialize)]
struct Ref {
    #[serde(rename = "@id")]
    id: String,
}

fn node_ref(fragment: &str) -> Ref {
    Ref {
        id: format!("{}#{fragment}", url("/")),
    }
}

#[derive(Serialize)]
struct Graph<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@graph")]
    graph: Vec<Node<'a>>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Node<'a> {
    WebSite(WebSite),
    Organization(Organization),
    Code(Code),
    WebPage(WebPage<'a>),
    Posting(Posting<'a>),
}

#[derive(Serialize)]
struct WebSite {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "@id")]
    id: String,
    name: &'static str,
    url: String,
    description: &'static str,
    publisher: Ref,
}

#[derive(Serialize)]
struct Organization {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "@id")]
    id: String,
    name: &'static str,
    url: String,
    logo: String,
    #[serde(rename = "sameAs")]
    same_as: [&'static str; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Code {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "@id")]
    id: String,
    name: &'static str,
    description: &'static str,
    code_repository: &'static str,
    license: &'static str,
    programming_language: &'static str,
    keywords: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct WebPage<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "@id")]
    id: String,
    url: String,
    name: &'a str,
    description: &'a str,
    is_part_of: Ref,
    about: Ref,
}

#[derive(Serialize)]
struct Author<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Posting<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    headline: &'a str,
    description: &'a str,
    date_published: &'a str,
    date_modified: &'a str,
    author: Author<'a>,
    publisher: Ref,
    main_entity_of_page: Ref,
    image: String,
    keywords: String,
}

#[derive(Serialize)]
struct Course {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'static str,
    url: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct TechArticle<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    headline: &'a str,
    description: &'a str,
    url: String,
    time_required: String,
    proficiency_level: &'static str,
    is_part_of: Course,
    publisher: Ref,
    about: Ref,
}

/// JSON for a `<script type="application/ld+json">`: `<` is written as `\u003c` (only
/// strings can hold it), so no text can close the script element.
fn script_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value)
        .expect("JSON-LD serializes")
        .replace('<', "\\u003c")
}

/// The page's JSON-LD document: the site, the project, its code and the page, and the
/// post when there is one.
pub fn graph(page: &PageInfo, article: Option<&ArticleInfo>) -> String {
    let site_url = url("/");
    let mut graph = vec![
        Node::WebSite(WebSite {
            kind: "WebSite",
            id: format!("{site_url}#website"),
            name: "dstack",
            url: site_url.clone(),
            description: site::HOME.description,
            publisher: node_ref("organization"),
        }),
        Node::Organization(Organization {
            kind: "Organization",
            id: format!("{site_url}#organization"),
            name: "dstack",
            url: site_url.clone(),
            logo: url("/icon-512.png"),
            same_as: ["https://github.com/Dstack-TEE"],
        }),
        // Licence and language from the repository (LICENSE; cargo build).
        Node::Code(Code {
            kind: "SoftwareSourceCode",
            id: format!("{site_url}#software"),
            name: "dstack",
            description: site::HOME.lede,
            code_repository: site::GITHUB_URL,
            license: "https://www.apache.org/licenses/LICENSE-2.0",
            programming_language: "Rust",
            keywords: "TEE SDK, confidential computing, Docker TEE, Intel TDX, remote attestation",
        }),
        Node::WebPage(WebPage {
            kind: "WebPage",
            id: url(&page.path),
            url: url(&page.path),
            name: &page.title,
            description: page.description,
            is_part_of: node_ref("website"),
            about: node_ref("software"),
        }),
    ];
    if let Some(a) = article {
        graph.push(Node::Posting(Posting {
            kind: "BlogPosting",
            headline: a.headline,
            description: a.description,
            date_published: a.date,
            date_modified: a.date,
            author: Author {
                kind: "Organization",
                name: a.author,
            },
            publisher: node_ref("organization"),
            main_entity_of_page: Ref {
                id: url(&page.path),
            },
            image: url(SHARE_IMAGE),
            keywords: a.tags.join(", "),
        }));
    }
    script_json(&Graph {
        context: "https://schema.org",
        graph,
    })
}

/// A tutorial's TechArticle: its estimated time, level and the track it belongs to.
pub fn tech_article(t: &TutorialInfo) -> String {
    script_json(&TechArticle {
        context: "https://schema.org",
        kind: "TechArticle",
        headline: t.headline,
        description: t.description,
        url: url(&t.path),
        time_required: format!("PT{}M", t.minutes),
        proficiency_level: if t.difficulty == "beginner" {
            "Beginner"
        } else {
            "Expert"
        },
        is_part_of: Course {
            kind: "Course",
            name: "Self-host dstack, step by step",
            url: url(site::TUTORIALS.path),
        },
        publisher: node_ref("organization"),
        about: node_ref("software"),
    })
}

/// `pub const STRUCTURED_DATA: &[(&str, &str)]` (path, document) for every page: the site
/// map's pages, the not-found page, the posts, the prose pages and the tutorials; and
/// `pub const TECH_ARTICLES` (path, document) for the tutorials.
pub fn jsonld_rs(posts: &[Post], prose: &[ProsePage], track: &[Tutorial]) -> String {
    let suffixed = |title: &str| format!("{title}{}", site::TITLE_SUFFIX);
    let mut pages: Vec<(PageInfo, Option<ArticleInfo>)> = site::PAGES
        .iter()
        .copied()
        .chain([&site::NOT_FOUND])
        .map(|p| {
            let info = PageInfo {
                path: p.path.to_string(),
                title: p.full_title(),
                description: p.description,
            };
            (info, None)
        })
        .collect();
    for p in posts {
        let info = PageInfo {
            path: format!("/blog/{}", p.slug),
            title: suffixed(&p.title),
            description: &p.summary,
        };
        let article = ArticleInfo {
            headline: &p.title,
            description: &p.summary,
            date: &p.date,
            author: &p.author,
            tags: &p.tags,
        };
        pages.push((info, Some(article)));
    }
    for p in prose {
        let info = PageInfo {
            path: format!("/{}", p.slug),
            title: suffixed(&p.title),
            description: &p.description,
        };
        pages.push((info, None));
    }
    let tutorials: Vec<TutorialInfo> = track
        .iter()
        .map(|t| TutorialInfo {
            path: format!("/tutorials/{}", t.slug),
            headline: &t.title,
            description: &t.summary,
            minutes: t.minutes,
            difficulty: &t.difficulty,
        })
        .collect();
    for t in &tutorials {
        let info = PageInfo {
            path: t.path.clone(),
            title: suffixed(t.headline),
            description: t.description,
        };
        pages.push((info, None));
    }

    let mut out = String::from(
        "// Generated by build.rs (build/jsonld.rs); do not edit.\n\
         /// Each page's JSON-LD document, by path.\n\
         pub const STRUCTURED_DATA: &[(&str, &str)] = &[\n",
    );
    for (page, article) in &pages {
        let doc = graph(page, article.as_ref());
        out.push_str(&format!("    ({:?}, {doc:?}),\n", page.path));
    }
    out.push_str("];\n/// Each tutorial's TechArticle, by path.\npub const TECH_ARTICLES: &[(&str, &str)] = &[\n");
    for t in &tutorials {
        out.push_str(&format!("    ({:?}, {:?}),\n", t.path, tech_article(t)));
    }
    out.push_str("];\n");
    out
}

/// Writes `$OUT_DIR/jsonld.rs` (see [`jsonld_rs`]).
pub fn write(out_dir: &str, posts: &[Post], prose: &[ProsePage], track: &[Tutorial]) {
    std::fs::write(
        format!("{out_dir}/jsonld.rs"),
        jsonld_rs(posts, prose, track),
    )
    .expect("write jsonld.rs");
}
