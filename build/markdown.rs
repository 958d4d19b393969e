//! Markdown with front matter, compiled at build time for the blog (build/blog.rs), the
//! prose pages (build/pages.rs) and the tutorial track (build/tutorials.rs). One renderer,
//! so every fragment the site serves has the same headings, code blocks and links.
//!
//! Runs on the host only (build.rs and the native tests); none of it ships in the wasm.

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::fmt::{self, Write as _};

/// A file that breaks a content rule: the build stops with this message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    pub file: String,
    pub problem: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.problem)
    }
}

pub fn err(file: &str, problem: impl Into<String>) -> ContentError {
    ContentError {
        file: file.to_string(),
        problem: problem.into(),
    }
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

// The project's one escaper (src/html.rs), shared with the site and the verifier.
#[path = "../src/html.rs"]
#[allow(dead_code)] // the date helpers serve the site and the verifier
mod html;
pub use html::escape;

/// A slug made of lowercase letters, digits and hyphens (it becomes a URL).
pub fn valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Front matter as `(key, value)` pairs, in file order.
pub type Fields = Vec<(String, String)>;

/// Splits `---`-fenced front matter (`key: value` lines) from the body.
pub fn front_matter<'a>(file: &str, text: &'a str) -> Result<(Fields, &'a str), ContentError> {
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

/// Typed access to front matter: unknown, missing, empty and repeated keys are errors.
pub struct FrontMatter<'a> {
    file: &'a str,
    fields: Fields,
}

impl<'a> FrontMatter<'a> {
    /// Fails on a key outside `allowed`.
    pub fn new(file: &'a str, fields: Fields, allowed: &[&str]) -> Result<Self, ContentError> {
        for (key, _) in &fields {
            if !allowed.contains(&key.as_str()) {
                return Err(err(file, format!("unknown front matter key `{key}`")));
            }
        }
        Ok(Self { file, fields })
    }

    fn values(&self, key: &str) -> Result<Vec<&String>, ContentError> {
        let values: Vec<&String> = self
            .fields
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v)
            .collect();
        if values.len() > 1 {
            return Err(err(
                self.file,
                format!("`{key}` appears twice in the front matter"),
            ));
        }
        Ok(values)
    }

    /// A required, non-empty value.
    pub fn get(&self, key: &str) -> Result<String, ContentError> {
        match self.values(key)?.as_slice() {
            [] => Err(err(
                self.file,
                format!("missing `{key}` in the front matter"),
            )),
            [v] if v.is_empty() => Err(err(self.file, format!("`{key}` is empty"))),
            [v] => Ok(v.to_string()),
            _ => unreachable!("values() refuses repeats"),
        }
    }

    /// A key that may be absent or empty.
    pub fn optional(&self, key: &str) -> Result<Option<String>, ContentError> {
        Ok(self.values(key)?.first().map(|v| v.to_string()))
    }

    /// A required whole number in `range`.
    pub fn number(
        &self,
        key: &str,
        range: std::ops::RangeInclusive<u32>,
    ) -> Result<u32, ContentError> {
        let raw = self.get(key)?;
        match raw.parse::<u32>() {
            Ok(n) if range.contains(&n) => Ok(n),
            _ => Err(err(
                self.file,
                format!(
                    "`{key}` must be a whole number from {} to {}; got {raw:?}",
                    range.start(),
                    range.end()
                ),
            )),
        }
    }

    /// A required length-checked text (a description or summary).
    pub fn text(
        &self,
        key: &str,
        chars: std::ops::RangeInclusive<usize>,
    ) -> Result<String, ContentError> {
        let value = self.get(key)?;
        let n = value.chars().count();
        if !chars.contains(&n) {
            return Err(err(
                self.file,
                format!(
                    "`{key}` is {n} characters; it must have {} to {}",
                    chars.start(),
                    chars.end()
                ),
            ));
        }
        Ok(value)
    }
}

/// How a body is rendered.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions<'a> {
    /// The site's base path (`""` or `/repo`), put in front of site links.
    pub base: &'a str,
    /// A table of contents from this many second-level sections up (0: never).
    pub toc_min: usize,
    /// Commands (`bash`, `sh`, `shell`, `console`) get a copy button.
    pub copy_buttons: bool,
}

/// What rendering found, for the content checks of each kind of page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rendered {
    pub html: String,
    /// Second-level sections: (id, text).
    pub sections: Vec<(String, String)>,
    pub words: usize,
    /// Call-out labels in order (`Check`, `Pitfall`, …).
    pub callouts: Vec<String>,
    /// `{{widget:NAME}}` names in order.
    pub widgets: Vec<String>,
    /// Site links (`/verify`, `/tutorials/kms#x`) as written, before the base path.
    pub site_links: Vec<String>,
    /// Languages of fenced code blocks in order (`bash`, `output`, …).
    pub code_langs: Vec<String>,
    /// The text of every command block, in order.
    pub commands: Vec<String>,
    /// `output` blocks that do not come right after a command block.
    pub orphan_outputs: usize,
}

/// Call-out labels a block quote may open with (`> **Check:** …`).
pub const CALLOUTS: [&str; 5] = ["Check", "Pitfall", "Docs vs code", "Gap", "Note"];

const COMMAND_LANGS: [&str; 4] = ["bash", "sh", "shell", "console"];

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

/// The call-out a block quote opens with, when `events` (from just after its start) read
/// paragraph, strong, "Label:".
fn callout_label(events: &[Event]) -> Option<&'static str> {
    match events {
        [Event::Start(Tag::Paragraph), Event::Start(Tag::Strong), Event::Text(t), ..] => {
            let label = t.trim().strip_suffix(':')?;
            CALLOUTS.into_iter().find(|c| *c == label)
        }
        _ => None,
    }
}

/// Markdown to HTML: headings get ids and self-links, code blocks become focusable
/// regions (they scroll sideways on phones; commands get a copy button, `output` blocks a
/// label), call-outs become labelled boxes, `{{widget:NAME}}` paragraphs become empty
/// mount points, raw HTML is shown as text, and site links go under the base path.
pub fn render(markdown: &str, opts: &RenderOptions) -> Rendered {
    let events: Vec<Event> = Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    )
    .collect();
    let mut r = Rendered::default();
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    // Per open block quote: whether it became a call-out box.
    let mut quotes: Vec<bool> = Vec::new();
    let mut in_command = false;
    let mut in_code = false;
    let mut in_link = false;
    // Whether the last block closed was a command, for "output right after its command".
    let mut after_command = false;
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(tag) = &events[i] {
            let block = matches!(
                tag,
                Tag::Paragraph
                    | Tag::Heading { .. }
                    | Tag::BlockQuote(_)
                    | Tag::List(_)
                    | Tag::Table(_)
                    | Tag::HtmlBlock
            );
            if let Tag::CodeBlock(CodeBlockKind::Fenced(lang)) = tag {
                if lang.as_ref() == "output" && !after_command {
                    r.orphan_outputs += 1;
                }
                after_command = false;
            } else if block || matches!(tag, Tag::CodeBlock(_)) {
                after_command = false;
            }
        }
        match &events[i] {
            Event::Start(Tag::Heading { level, .. }) => {
                // Body headings start at h2: the page's h1 is its title.
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
                r.words += text.split_whitespace().count();
                if n == 2 {
                    r.sections.push((id.clone(), text.clone()));
                }
                out.push(Event::Html(
                    format!("<h{n} id=\"{id}\"><a class=\"anchor\" href=\"#{id}\">").into(),
                ));
                out.extend(events[i + 1..j].iter().cloned());
                out.push(Event::Html(format!("</a></h{n}>\n").into()));
                i = j + 1;
                continue;
            }
            Event::Start(Tag::Paragraph) => {
                // `{{widget:NAME}}` alone in a paragraph: a mount point for behaviour.
                if let (Some(Event::Text(t)), Some(Event::End(TagEnd::Paragraph))) =
                    (events.get(i + 1), events.get(i + 2))
                {
                    if let Some(name) = t
                        .trim()
                        .strip_prefix("{{widget:")
                        .and_then(|s| s.strip_suffix("}}"))
                    {
                        r.widgets.push(name.to_string());
                        out.push(Event::Html(
                            format!("<div data-widget=\"{}\"></div>\n", escape(name)).into(),
                        ));
                        i += 3;
                        continue;
                    }
                }
                out.push(events[i].clone());
            }
            Event::Start(Tag::BlockQuote(_)) => match callout_label(&events[i + 1..]) {
                Some(label) => {
                    r.callouts.push(label.to_string());
                    quotes.push(true);
                    out.push(Event::Html(
                        format!("<div class=\"callout callout-{}\">", slugify(label)).into(),
                    ));
                }
                None => {
                    quotes.push(false);
                    out.push(events[i].clone());
                }
            },
            Event::End(TagEnd::BlockQuote(_)) => {
                if quotes.pop() == Some(true) {
                    out.push(Event::Html("</div>\n".into()));
                } else {
                    out.push(events[i].clone());
                }
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(l) if !l.is_empty() => l.to_string(),
                    _ => "text".to_string(),
                };
                r.code_langs.push(lang.clone());
                in_code = true;
                in_command = opts.copy_buttons && COMMAND_LANGS.contains(&lang.as_str());
                let (open, label) = if lang == "output" {
                    (
                        "<div class=\"code expected\"><p class=\"code-label\">Expected output</p>",
                        "Expected output".to_string(),
                    )
                } else if in_command {
                    r.commands.push(String::new());
                    ("<div class=\"code command\">", "Command".to_string())
                } else {
                    ("<div class=\"code\">", format!("Code: {lang}"))
                };
                out.push(Event::Html(
                    format!(
                        "{open}<pre tabindex=\"0\" role=\"region\" aria-label=\"{}\"><code class=\"language-{}\">",
                        escape(&label),
                        escape(&lang)
                    )
                    .into(),
                ));
            }
            Event::End(TagEnd::CodeBlock) => {
                after_command = in_command;
                let button = if in_command {
                    "<button type=\"button\" class=\"control copy-button\" data-copy hidden>Copy</button>"
                } else {
                    ""
                };
                in_command = false;
                in_code = false;
                out.push(Event::Html(format!("</code></pre>{button}</div>\n").into()));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) if dest_url.starts_with('/') && !dest_url.starts_with("//") => {
                in_link = true;
                r.site_links.push(dest_url.to_string());
                out.push(Event::Start(Tag::Link {
                    link_type: *link_type,
                    dest_url: format!("{}{dest_url}", opts.base).into(),
                    title: title.clone(),
                    id: id.clone(),
                }));
            }
            Event::Start(Tag::Link { .. }) => {
                in_link = true;
                out.push(events[i].clone());
            }
            Event::End(TagEnd::Link) => {
                in_link = false;
                out.push(events[i].clone());
            }
            Event::Html(raw) | Event::InlineHtml(raw) => out.push(Event::Text(raw.clone())),
            // A bare URL standing alone (a source list item) becomes a link to itself.
            Event::Text(t)
                if !in_code
                    && !in_link
                    && t.starts_with("https://")
                    && !t.contains(char::is_whitespace) =>
            {
                r.words += 1;
                out.push(Event::Html(
                    format!("<a href=\"{0}\">{0}</a>", escape(t)).into(),
                ));
            }
            Event::Text(t) => {
                if in_command {
                    if let Some(last) = r.commands.last_mut() {
                        last.push_str(t);
                    }
                } else {
                    r.words += t.split_whitespace().count();
                }
                out.push(Event::Text(CowStr::from(t.to_string())));
            }
            Event::Code(t) => {
                r.words += t.split_whitespace().count();
                out.push(events[i].clone());
            }
            other => out.push(other.clone()),
        }
        i += 1;
    }
    if opts.toc_min > 0 && r.sections.len() >= opts.toc_min {
        r.html
            .push_str("<nav class=\"toc\" aria-label=\"On this page\"><h2>On this page</h2><ol>");
        for (id, text) in &r.sections {
            let _ = write!(r.html, "<li><a href=\"#{id}\">{}</a></li>", escape(text));
        }
        r.html.push_str("</ol></nav>\n");
    }
    pulldown_cmark::html::push_html(&mut r.html, out.into_iter());
    r
}

/// Reads every `*.md` in `dir` except `README.md`, sorted by file name, as
/// (file as shown in errors, text).
pub fn read_dir(dir: &std::path::Path) -> Result<Vec<(String, String)>, ContentError> {
    let shown = dir.display().to_string();
    let entries = std::fs::read_dir(dir).map_err(|e| err(&shown, format!("cannot read: {e}")))?;
    let mut files: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let file = path.display().to_string();
            std::fs::read_to_string(&path)
                .map(|text| (file.clone(), text))
                .map_err(|e| err(&file, format!("cannot read: {e}")))
        })
        .collect()
}

/// The slug of `file`: its name without `.md`, checked.
pub fn slug_of(file: &str) -> Result<String, ContentError> {
    let stem = std::path::Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    if !valid_slug(stem) {
        return Err(err(
            file,
            "the file name is the page's URL: use lowercase letters, digits and hyphens",
        ));
    }
    Ok(stem.to_string())
}

/// A Rust string literal.
pub fn rust_str(s: &str) -> String {
    format!("{s:?}")
}
