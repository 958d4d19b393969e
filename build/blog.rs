//! The blog's build step: `content/blog/*.md` (front matter + Markdown) becomes
//! - the posts' metadata as Rust source, compiled into the app (`src/blog.rs`);
//! - each post's body as an HTML fragment, served as a static file and fetched by the
//!   post page (so no Markdown parser, and no article text, ships in the wasm);
//! - an Atom feed.
//!
//! Runs on the host only: from build.rs, and from tests/blog_build.rs. A malformed post
//! stops the build with a message naming the file and the problem.

use crate::markdown::{err, escape, front_matter, render, rust_str, ContentError, RenderOptions};
use std::fmt::Write as _;
use std::path::Path;

/// A post's body gets a table of contents from this many sections up.
pub const TOC_MIN_SECTIONS: usize = 4;
/// Words per minute for the reading time.
const WORDS_PER_MINUTE: usize = 200;

/// A malformed post: the build stops with this message.
pub type BlogError = ContentError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Post {
    pub slug: String,
    pub title: String,
    /// `YYYY-MM-DD`, checked.
    pub date: String,
    pub summary: String,
    pub tags: Vec<String>,
    pub author: String,
    pub words: usize,
    /// Second-level sections: (id, text).
    pub sections: Vec<(String, String)>,
    /// The body as HTML, links under the site's base path.
    pub html: String,
}

impl Post {
    pub fn minutes(&self) -> usize {
        self.words.div_ceil(WORDS_PER_MINUTE).max(1)
    }
}

/// Checks a `YYYY-MM-DD` date, including month lengths and leap years.
pub fn valid_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return false;
    }
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// Parses one post. `file` names it in errors; the slug is the file name without `.md`.
pub fn parse_post(file: &str, text: &str, base: &str) -> Result<Post, BlogError> {
    let stem = Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    if stem.is_empty()
        || !stem
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Err(err(
            file,
            "the file name is the post's URL: use lowercase letters, digits and hyphens",
        ));
    }
    let (fields, body) = front_matter(file, text)?;
    let get = |key: &str| -> Result<String, BlogError> {
        let values: Vec<&String> = fields
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v)
            .collect();
        match values.as_slice() {
            [] => Err(err(file, format!("missing `{key}` in the front matter"))),
            [v] if v.is_empty() => Err(err(file, format!("`{key}` is empty"))),
            [v] => Ok(v.to_string()),
            _ => Err(err(
                file,
                format!("`{key}` appears twice in the front matter"),
            )),
        }
    };
    for (key, _) in &fields {
        if !["title", "date", "summary", "tags", "author", "slug"].contains(&key.as_str()) {
            return Err(err(file, format!("unknown front matter key `{key}`")));
        }
    }
    let title = get("title")?;
    let date = get("date")?;
    if !valid_date(&date) {
        return Err(err(
            file,
            format!("`date` must be a real date as YYYY-MM-DD; got {date:?}"),
        ));
    }
    let summary = get("summary")?;
    let author = get("author")?;
    let tags: Vec<String> = get("tags")?
        .split(',')
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    let slug = match fields.iter().find(|(k, _)| k == "slug") {
        Some((_, s)) => s.clone(),
        None => stem.to_string(),
    };
    let rendered = render(
        body,
        &RenderOptions {
            base,
            toc_min: TOC_MIN_SECTIONS,
            copy_buttons: false,
        },
    );
    let (html, sections, words) = (rendered.html, rendered.sections, rendered.words);
    if words == 0 {
        return Err(err(file, "the post has no text"));
    }
    Ok(Post {
        slug,
        title,
        date,
        summary,
        tags,
        author,
        words,
        sections,
        html,
    })
}

/// Reads every `*.md` in `dir`, newest first; slugs must be unique.
pub fn load_dir(dir: &Path, base: &str) -> Result<Vec<Post>, BlogError> {
    let shown = dir.display().to_string();
    let entries = std::fs::read_dir(dir).map_err(|e| err(&shown, format!("cannot read: {e}")))?;
    let mut files: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    files.sort();
    let mut posts = Vec::new();
    for path in files {
        let file = path.display().to_string();
        let text =
            std::fs::read_to_string(&path).map_err(|e| err(&file, format!("cannot read: {e}")))?;
        posts.push((file.clone(), parse_post(&file, &text, base)?));
    }
    check_unique(&posts)?;
    let mut posts: Vec<Post> = posts.into_iter().map(|(_, p)| p).collect();
    posts.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug)));
    Ok(posts)
}

/// Two posts may not share a slug (their URL) or a title.
pub fn check_unique(posts: &[(String, Post)]) -> Result<(), BlogError> {
    for (i, (file, post)) in posts.iter().enumerate() {
        for (other, earlier) in &posts[..i] {
            if earlier.slug == post.slug {
                return Err(err(
                    file,
                    format!("duplicate slug `{}`, also used by {other}", post.slug),
                ));
            }
            if earlier.title == post.title {
                return Err(err(file, format!("duplicate title, also used by {other}")));
            }
        }
    }
    Ok(())
}

/// The metadata as Rust source for `src/blog.rs` (`Post` is defined there).
pub fn posts_rs(posts: &[Post]) -> String {
    let mut out = String::from("// Generated by build.rs from content/blog/; do not edit.\npub const POSTS: &[Post] = &[\n");
    for p in posts {
        let tags: Vec<String> = p.tags.iter().map(|t| rust_str(t)).collect();
        let _ = writeln!(
            out,
            "    Post {{ slug: {slug}, title: {title}, date: {}, summary: {summary}, tags: &[{}], author: {}, minutes: {}, \
             page: Page {{ path: {path}, nav_label: \"Blog\", heading: {title}, lede: {summary}, title: {title}, description: {summary} }} }},",
            rust_str(&p.date),
            tags.join(", "),
            rust_str(&p.author),
            p.minutes(),
            slug = rust_str(&p.slug),
            title = rust_str(&p.title),
            summary = rust_str(&p.summary),
            path = rust_str(&format!("/blog/{}", p.slug)),
        );
    }
    out.push_str("];\n");
    out
}

/// Site links in a post body made absolute, for feed readers.
fn absolute(html: &str, origin: &str, base: &str) -> String {
    html.replace(
        &format!("href=\"{base}/"),
        &format!("href=\"{origin}{base}/"),
    )
    .replace("href=\"#", "href=\"__SELF__#")
}

/// An Atom feed (RFC 4287) of every post, newest first, with full content.
pub fn atom_feed(posts: &[Post], origin: &str, base: &str) -> String {
    let site = format!("{origin}{base}");
    let updated = posts
        .first()
        .map_or("1970-01-01".to_string(), |p| p.date.clone());
    let mut out = String::new();
    let _ = write!(
        out,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n\
         \x20 <title>dstack blog</title>\n\
         \x20 <subtitle>Confidential computing with dstack: attestation, TEEs and Docker, from dstack.info</subtitle>\n\
         \x20 <link rel=\"self\" type=\"application/atom+xml\" href=\"{site}/feed.xml\"/>\n\
         \x20 <link rel=\"alternate\" type=\"text/html\" href=\"{site}/blog\"/>\n\
         \x20 <id>{site}/blog</id>\n\
         \x20 <updated>{updated}T00:00:00Z</updated>\n"
    );
    for p in posts {
        let url = format!("{site}/blog/{}", p.slug);
        let content = absolute(&p.html, origin, base).replace("__SELF__", &url);
        let _ = write!(
            out,
            "  <entry>\n    <title>{}</title>\n    <link rel=\"alternate\" type=\"text/html\" href=\"{url}\"/>\n    <id>{url}</id>\n\
             \x20   <published>{d}T00:00:00Z</published>\n    <updated>{d}T00:00:00Z</updated>\n\
             \x20   <author><name>{}</name></author>\n    <summary>{}</summary>\n",
            escape(&p.title),
            escape(&p.author),
            escape(&p.summary),
            d = p.date,
        );
        for t in &p.tags {
            let _ = writeln!(out, "    <category term=\"{}\"/>", escape(t));
        }
        let _ = write!(
            out,
            "    <content type=\"html\">{}</content>\n  </entry>\n",
            escape(&content)
        );
    }
    out.push_str("</feed>\n");
    out
}
