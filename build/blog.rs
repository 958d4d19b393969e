//! The blog's build step: `content/blog/*.md` (front matter + Markdown) becomes
//! - the posts' metadata as Rust source, compiled into the app (`src/blog.rs`);
//! - each post's body as an HTML fragment, served as a static file and fetched by the
//!   post page (so no Markdown parser, and no article text, ships in the wasm);
//! - an Atom feed.
//!
//! Runs on the host only: from build.rs, and from tests/blog_build.rs. A malformed post
//! stops the build with a message naming the file and the problem.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::fmt::{self, Write as _};
use std::path::Path;

/// A post's body gets a table of contents from this many sections up.
pub const TOC_MIN_SECTIONS: usize = 4;
/// Words per minute for the reading time.
const WORDS_PER_MINUTE: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlogError {
    pub file: String,
    pub problem: String,
}

impl fmt::Display for BlogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.problem)
    }
}

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

fn err(file: &str, problem: impl Into<String>) -> BlogError {
    BlogError {
        file: file.to_string(),
        problem: problem.into(),
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

/// A heading's anchor id: lowercase ASCII words joined by hyphens.
pub fn slugify(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Escapes text for HTML and XML content and attributes.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Front matter as `(key, value)` pairs, in file order.
type Fields = Vec<(String, String)>;

/// Splits `---`-fenced front matter (`key: value` lines) from the body.
fn front_matter<'a>(file: &str, text: &'a str) -> Result<(Fields, &'a str), BlogError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rest = text.strip_prefix("---\n").ok_or_else(|| {
        err(
            file,
            "no front matter: the file must start with a `---` line",
        )
    })?;
    let end = rest
        .find("\n---\n")
        .ok_or_else(|| err(file, "the front matter has no closing `---` line"))?;
    let mut fields = Vec::new();
    for (n, line) in rest[..end].lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let (key, value) = line.split_once(':').ok_or_else(|| {
            err(
                file,
                format!("front matter line {} is not `key: value`: {line:?}", n + 2),
            )
        })?;
        let value = value.trim();
        let value = value
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .unwrap_or(value);
        fields.push((key.trim().to_string(), value.to_string()));
    }
    Ok((fields, &rest[end + 5..]))
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
    let (html, sections, words) = render(body, base);
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

fn level_number(level: HeadingLevel) -> usize {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Markdown to HTML: headings get ids and self-links, code blocks become focusable
/// regions (they scroll sideways on phones), raw HTML is shown as text, and site links
/// (`/verify`) go under the base path. Returns (html, h2 sections, word count).
fn render(markdown: &str, base: &str) -> (String, Vec<(String, String)>, usize) {
    let events: Vec<Event> = Parser::new_ext(markdown, Options::ENABLE_TABLES).collect();
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    let mut sections = Vec::new();
    let mut words = 0;
    let mut i = 0;
    while i < events.len() {
        match &events[i] {
            Event::Start(Tag::Heading { level, .. }) => {
                // Post headings start at h2: the page's h1 is the title.
                let n = level_number(*level).max(2);
                let mut j = i + 1;
                let mut text = String::new();
                while !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                    if let Event::Text(t) | Event::Code(t) = &events[j] {
                        text.push_str(t);
                    }
                    j += 1;
                }
                let id = slugify(&text);
                words += text.split_whitespace().count();
                if n == 2 {
                    sections.push((id.clone(), text.clone()));
                }
                out.push(Event::Html(
                    format!("<h{n} id=\"{id}\"><a class=\"anchor\" href=\"#{id}\">").into(),
                ));
                out.extend(events[i + 1..j].iter().cloned());
                out.push(Event::Html(format!("</a></h{n}>\n").into()));
                i = j + 1;
                continue;
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(l) if !l.is_empty() => l.to_string(),
                    _ => "text".to_string(),
                };
                out.push(Event::Html(
                    format!(
                        "<pre tabindex=\"0\" role=\"region\" aria-label=\"Code: {}\"><code class=\"language-{0}\">",
                        escape(&lang)
                    )
                    .into(),
                ));
            }
            Event::End(TagEnd::CodeBlock) => out.push(Event::Html("</code></pre>\n".into())),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) if dest_url.starts_with('/') && !dest_url.starts_with("//") => {
                out.push(Event::Start(Tag::Link {
                    link_type: *link_type,
                    dest_url: format!("{base}{dest_url}").into(),
                    title: title.clone(),
                    id: id.clone(),
                }));
            }
            Event::Html(raw) | Event::InlineHtml(raw) => out.push(Event::Text(raw.clone())),
            Event::Text(t) => {
                words += t.split_whitespace().count();
                out.push(events[i].clone());
            }
            Event::Code(t) => {
                words += t.split_whitespace().count();
                out.push(events[i].clone());
            }
            other => out.push(other.clone()),
        }
        i += 1;
    }
    let mut html = String::new();
    if sections.len() >= TOC_MIN_SECTIONS {
        html.push_str("<nav class=\"toc\" aria-label=\"On this page\"><h2>On this page</h2><ol>");
        for (id, text) in &sections {
            let _ = write!(html, "<li><a href=\"#{id}\">{}</a></li>", escape(text));
        }
        html.push_str("</ol></nav>\n");
    }
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    (html, sections, words)
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

fn rust_str(s: &str) -> String {
    format!("{s:?}")
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
