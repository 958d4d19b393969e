//! The tutorial track's build step: `content/tutorials/<slug>.md` (rules in its README)
//! becomes each page's metadata as Rust source for `src/tutorials.rs` and its body as an
//! HTML fragment (facts row, outcome, prerequisites, the steps, the snapshot line), served
//! as a static file and prerendered, never compiled into the wasm.
//!
//! The checks here are the track's promises: numbered steps, a way to check success on
//! every page, sources last, the upstream snapshot named, prerequisites that exist and come
//! earlier (so the graph has no cycle), links between pages that resolve.
//!
//! Runs on the host only (build.rs, tests/content_build.rs).

use crate::markdown::{
    err, escape, front_matter, read_dir, render, rust_str, slug_of, ContentError, FrontMatter,
    RenderOptions,
};
use crate::pages::check_sources;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::Path;

/// The track's sections, in order; a page's `section` is a 1-based index into this.
pub const SECTIONS: [&str; 8] = [
    "Try it without TDX",
    "Check your machine",
    "Single server with dstackup",
    "Production: KMS and gateway",
    "Deploy your app",
    "Verify it",
    "Operate",
    "Appendix",
];

pub const DIFFICULTIES: [&str; 3] = ["beginner", "intermediate", "advanced"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tutorial {
    pub slug: String,
    pub title: String,
    /// 1-based index into [`SECTIONS`].
    pub section: u32,
    pub order: u32,
    pub summary: String,
    pub outcome: String,
    pub minutes: u32,
    pub difficulty: String,
    pub prerequisites: Vec<String>,
    pub checked: String,
    pub steps: usize,
    /// Step headings, for the search index and tests.
    pub step_titles: Vec<String>,
    pub commands: Vec<String>,
    /// Site links in the body (`/tutorials/kms`, `/verify`).
    pub site_links: Vec<String>,
    /// The rendered body only (the page fragment adds the facts around it).
    pub body_html: String,
}

/// Parses one page. `snapshot` is the upstream commit every page must name in `checked`.
pub fn parse_tutorial(
    file: &str,
    text: &str,
    base: &str,
    snapshot: &str,
) -> Result<Tutorial, ContentError> {
    let slug = slug_of(file)?;
    let (fields, body) = front_matter(file, text)?;
    let fm = FrontMatter::new(
        file,
        fields,
        &[
            "title",
            "section",
            "order",
            "summary",
            "outcome",
            "minutes",
            "difficulty",
            "prerequisites",
            "checked",
        ],
    )?;
    let title = fm.text("title", 3..=58)?;
    let section = fm.number("section", 1..=SECTIONS.len() as u32)?;
    let order = fm.number("order", 1..=50)?;
    let summary = fm.text("summary", 50..=160)?;
    let outcome = fm.text("outcome", 10..=300)?;
    let minutes = fm.number("minutes", 1..=600)?;
    let difficulty = fm.get("difficulty")?;
    if !DIFFICULTIES.contains(&difficulty.as_str()) {
        return Err(err(
            file,
            format!(
                "`difficulty` must be one of {}; got {difficulty:?}",
                DIFFICULTIES.join(", ")
            ),
        ));
    }
    let prerequisites: Vec<String> = fm
        .optional("prerequisites")?
        .unwrap_or_default()
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    if prerequisites.contains(&slug) {
        return Err(err(file, "a page cannot be its own prerequisite"));
    }
    let checked = fm.get("checked")?;
    if checked != snapshot {
        return Err(err(
            file,
            format!("`checked` is {checked:?}, but the facts file's snapshot is {snapshot:?}: re-check the page against it"),
        ));
    }
    let r = render(
        body,
        &RenderOptions {
            base,
            toc_min: 0,
            copy_buttons: true,
        },
    );
    // Steps: `## 1. …`, `## 2. …` first; other sections after; Sources last.
    let mut step_titles = Vec::new();
    for (n, (_, text)) in r.sections.iter().enumerate() {
        let prefix = format!("{}. ", n + 1);
        match text.strip_prefix(&prefix) {
            Some(t) if !t.trim().is_empty() => step_titles.push(t.trim().to_string()),
            _ => break,
        }
    }
    if step_titles.is_empty() {
        return Err(err(
            file,
            "no steps: the first section must be `## 1. <what to do>`",
        ));
    }
    for (_, text) in &r.sections[step_titles.len()..] {
        if text
            .split_once(". ")
            .is_some_and(|(n, _)| n.parse::<u32>().is_ok())
        {
            return Err(err(
                file,
                format!("step {text:?} is out of order: steps are numbered 1, 2, 3… with no gap, before any other section"),
            ));
        }
    }
    check_sources(file, &r)?;
    if !r.callouts.iter().any(|c| c == "Check") {
        return Err(err(
            file,
            "no `> **Check:**` call-out: every page says how to tell success from failure",
        ));
    }
    if r.orphan_outputs > 0 {
        return Err(err(
            file,
            "an ```output block must come right after the command block whose output it shows",
        ));
    }
    if let Some(empty) = r.commands.iter().position(|c| c.trim().is_empty()) {
        return Err(err(file, format!("command block {} is empty", empty + 1)));
    }
    Ok(Tutorial {
        slug,
        title,
        section,
        order,
        summary,
        outcome,
        minutes,
        difficulty,
        prerequisites,
        checked,
        steps: step_titles.len(),
        step_titles,
        commands: r.commands,
        site_links: r.site_links,
        body_html: r.html,
    })
}

/// The slugs of a prerequisite cycle, if the graph has one (each page's prerequisites
/// are its edges).
pub fn find_cycle(pages: &[Tutorial]) -> Option<Vec<String>> {
    let edges: HashMap<&str, &[String]> = pages
        .iter()
        .map(|p| (p.slug.as_str(), p.prerequisites.as_slice()))
        .collect();
    // 0 unvisited, 1 on the current path, 2 done.
    let mut state: HashMap<&str, u8> = HashMap::new();
    fn visit<'a>(
        node: &'a str,
        edges: &HashMap<&'a str, &'a [String]>,
        state: &mut HashMap<&'a str, u8>,
        path: &mut Vec<&'a str>,
    ) -> Option<Vec<String>> {
        match state.get(node) {
            Some(2) => return None,
            Some(1) => {
                let start = path.iter().position(|p| *p == node).unwrap_or(0);
                let mut cycle: Vec<String> = path[start..].iter().map(|s| s.to_string()).collect();
                cycle.push(node.to_string());
                return Some(cycle);
            }
            _ => {}
        }
        state.insert(node, 1);
        path.push(node);
        for next in edges.get(node).copied().unwrap_or(&[]) {
            if let Some(c) = visit(next, edges, state, path) {
                return Some(c);
            }
        }
        path.pop();
        state.insert(node, 2);
        None
    }
    for p in pages {
        if let Some(c) = visit(&p.slug, &edges, &mut state, &mut Vec::new()) {
            return Some(c);
        }
    }
    None
}

/// Checks the track as a whole and sorts it into reading order (section, then order):
/// unique slugs, titles and places; prerequisites that name a page, form no cycle and
/// come earlier; links to `/tutorials/<slug>` that resolve.
pub fn check_track(mut pages: Vec<(String, Tutorial)>) -> Result<Vec<Tutorial>, ContentError> {
    for (i, (file, page)) in pages.iter().enumerate() {
        for (other, earlier) in &pages[..i] {
            if earlier.slug == page.slug {
                return Err(err(
                    file,
                    format!("duplicate slug `{}`, also used by {other}", page.slug),
                ));
            }
            if earlier.title == page.title {
                return Err(err(file, format!("duplicate title, also used by {other}")));
            }
            if (earlier.section, earlier.order) == (page.section, page.order) {
                return Err(err(
                    file,
                    format!(
                        "duplicate order {} in section {}, also used by {other}",
                        page.order, page.section
                    ),
                ));
            }
        }
    }
    let slugs: Vec<&str> = pages.iter().map(|(_, p)| p.slug.as_str()).collect();
    for (file, page) in &pages {
        for pre in &page.prerequisites {
            if !slugs.contains(&pre.as_str()) {
                return Err(err(file, format!("prerequisite `{pre}` names no page")));
            }
        }
        for link in &page.site_links {
            let path = link.split(['#', '?']).next().unwrap_or("");
            if let Some(target) = path.strip_prefix("/tutorials/") {
                if !slugs.contains(&target) {
                    return Err(err(file, format!("link {link} names no tutorial page")));
                }
            }
        }
    }
    let tutorials: Vec<Tutorial> = pages.iter().map(|(_, p)| p.clone()).collect();
    if let Some(cycle) = find_cycle(&tutorials) {
        let file = pages
            .iter()
            .find(|(_, p)| p.slug == cycle[0])
            .map_or("content/tutorials", |(f, _)| f.as_str());
        return Err(err(
            file,
            format!("prerequisites form a cycle: {}", cycle.join(" → ")),
        ));
    }
    pages.sort_by_key(|(_, p)| (p.section, p.order));
    let place: HashMap<&str, usize> = pages
        .iter()
        .enumerate()
        .map(|(i, (_, p))| (p.slug.as_str(), i))
        .collect();
    for (i, (file, page)) in pages.iter().enumerate() {
        for pre in &page.prerequisites {
            if place[pre.as_str()] > i {
                return Err(err(
                    file,
                    format!("prerequisite `{pre}` comes later in the track; prerequisites must be earlier pages"),
                ));
            }
        }
    }
    Ok(pages.into_iter().map(|(_, p)| p).collect())
}

/// Every page in `dir`, checked, in reading order.
pub fn load_dir(dir: &Path, base: &str, snapshot: &str) -> Result<Vec<Tutorial>, ContentError> {
    let mut pages = Vec::new();
    for (file, text) in read_dir(dir)? {
        let page = parse_tutorial(&file, &text, base, snapshot)?;
        pages.push((file, page));
    }
    check_track(pages)
}

/// `90` as `1 h 30 min`.
pub fn duration(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The sections that have pages, in order: (0-based index, name, its pages in order).
fn by_section(track: &[Tutorial]) -> Vec<(usize, &'static str, Vec<&Tutorial>)> {
    SECTIONS
        .iter()
        .enumerate()
        .map(|(n, name)| {
            let pages: Vec<&Tutorial> = track
                .iter()
                .filter(|t| t.section as usize == n + 1)
                .collect();
            (n, *name, pages)
        })
        .filter(|(_, _, pages)| !pages.is_empty())
        .collect()
}

/// The progress bar and its words; the app fills in the numbers (`data-progress…`).
fn progress_bar(id: &str, total: usize) -> String {
    format!(
        "<div class=\"track-progress\"><label for=\"{id}\" data-progress-label>0 of {total} pages done</label>\
         <progress id=\"{id}\" max=\"{total}\" value=\"0\" data-progress>0%</progress></div>"
    )
}

/// Shown by the app when the browser refuses storage.
const STORAGE_NOTICE: &str =
    "<p class=\"track-notice\" role=\"status\" data-storage-notice hidden>This browser is \
     not letting the site store data, so your progress is kept only until you close this tab. \
     Everything else works as usual.</p>";

/// The track as a navigation landmark: every page by section, `current` marked with
/// `aria-current`. Each entry carries `data-slug` so the app can tick pages done.
pub fn sidebar(track: &[Tutorial], current: &str, base: &str) -> String {
    let mut out = String::from("<nav class=\"track-nav\" aria-label=\"Tutorial track\">");
    out.push_str(&progress_bar("track-progress-nav", track.len()));
    out.push_str(
        "<button type=\"button\" class=\"control track-toggle\" aria-expanded=\"false\" aria-controls=\"track-list\" \
         data-action=\"toggle-track\">Show all pages of the track</button>",
    );
    // Outside the folding list: without the app, phones still reach the overview.
    let _ = write!(
        out,
        "<p class=\"track-home\"><a href=\"{base}/tutorials\">Track overview</a></p><div id=\"track-list\" class=\"track-list\">"
    );
    for (_, name, pages) in by_section(track) {
        let _ = write!(
            out,
            "<p class=\"track-nav-section\">{}</p><ol>",
            escape(name)
        );
        for t in pages {
            let here = if t.slug == current {
                " aria-current=\"page\""
            } else {
                ""
            };
            let _ = write!(
                out,
                "<li data-slug=\"{slug}\"><a href=\"{base}/tutorials/{slug}\"{here}>{}<span class=\"done-mark\" hidden> ✓<span class=\"visually-hidden\"> (done)</span></span></a></li>",
                escape(&t.title),
                slug = t.slug,
            );
        }
        out.push_str("</ol>");
    }
    out.push_str("</div></nav>");
    out
}

/// A page's fragment: the track sidebar and the article (section, heading, summary,
/// facts, what you will have, prerequisites as links, the steps, the snapshot line, the
/// done toggle and previous/next). Everything a reader sees is here; the app adds the
/// head tags and the behaviour.
pub fn fragment(page: &Tutorial, track: &[Tutorial], base: &str, upstream: &str) -> String {
    let titles: BTreeMap<&str, &str> = track
        .iter()
        .map(|p| (p.slug.as_str(), p.title.as_str()))
        .collect();
    let mut out = String::from("<div class=\"tutorial-layout\">");
    out.push_str(&sidebar(track, &page.slug, base));
    let section = SECTIONS[page.section as usize - 1];
    let _ = write!(
        out,
        "<article class=\"tutorial\"><p class=\"track-crumb\"><a href=\"{base}/tutorials\">Tutorials</a> · {}</p>\
         <header class=\"tutorial-header\"><h1>{}</h1><p class=\"lede\">{}</p></header>",
        escape(section),
        escape(&page.title),
        escape(&page.summary),
    );
    let _ = writeln!(
        out,
        "<dl class=\"tutorial-facts\"><div><dt>Time</dt><dd>{}</dd></div><div><dt>Difficulty</dt><dd>{}</dd></div><div><dt>Steps</dt><dd>{}</dd></div></dl>",
        duration(page.minutes),
        capitalized(&page.difficulty),
        page.steps
    );
    let _ = write!(
        out,
        "<section class=\"tutorial-intro\" aria-labelledby=\"outcome\"><h2 id=\"outcome\">What you will have</h2><p>{}</p>",
        escape(&page.outcome)
    );
    out.push_str("<h2 id=\"prerequisites\">Before you start</h2>");
    if page.prerequisites.is_empty() {
        out.push_str("<p>Nothing from earlier pages: you can start here.</p>");
    } else {
        out.push_str("<ul class=\"prerequisites\">");
        for pre in &page.prerequisites {
            let _ = write!(
                out,
                "<li><a href=\"{base}/tutorials/{pre}\">{}</a></li>",
                escape(titles.get(pre.as_str()).copied().unwrap_or(pre))
            );
        }
        out.push_str("</ul>");
    }
    out.push_str("</section>\n");
    out.push_str(&page.body_html);
    let _ = writeln!(
        out,
        "<p class=\"checked-against\">Checked against <a href=\"https://github.com/{upstream}/tree/{c}\">{upstream} at {c}</a>.</p>",
        c = escape(&page.checked),
    );
    let _ = write!(
        out,
        "<div class=\"track-done\"><button type=\"button\" class=\"control done-toggle\" data-action=\"toggle-done\" data-slug=\"{}\" hidden>Mark this page done</button>{STORAGE_NOTICE}\
         <p class=\"visually-hidden\" role=\"status\" aria-live=\"polite\" data-announce></p></div>",
        page.slug
    );
    let i = track.iter().position(|t| t.slug == page.slug).unwrap_or(0);
    out.push_str("<nav class=\"post-nav\" aria-label=\"Previous and next page\">");
    for (neighbour, rel, label) in [
        (
            i.checked_sub(1).and_then(|j| track.get(j)),
            "prev",
            "Previous",
        ),
        (track.get(i + 1), "next", "Next"),
    ] {
        if let Some(t) = neighbour {
            let _ = write!(
                out,
                "<a href=\"{base}/tutorials/{}\" rel=\"{rel}\"><span class=\"post-nav-label\">{label}</span>{}</a>",
                t.slug,
                escape(&t.title)
            );
        }
    }
    out.push_str("</nav></article></div>\n");
    out
}

/// The track's index body (`/tutorials`): the reader's progress (filled in by the app),
/// resume, reset, and every section with its pages as cards.
pub fn index_fragment(track: &[Tutorial], base: &str) -> String {
    let total: u32 = track.iter().map(|t| t.minutes).sum();
    let sections = by_section(track).len();
    let mut out = String::new();
    let first = track
        .first()
        .map_or(("", ""), |t| (t.slug.as_str(), t.title.as_str()));
    let _ = writeln!(
        out,
        "<section class=\"track-status\" aria-labelledby=\"your-progress\"><h2 id=\"your-progress\">Your progress</h2>\
         <p>{} pages in {sections} sections, about {} in all.</p>{}\
         <p class=\"track-resume\"><a href=\"{base}/tutorials/{}\" data-resume>Start with: {}</a></p>\
         <p class=\"track-reset\" data-reset><button type=\"button\" class=\"control\" data-action=\"reset-ask\">Reset progress</button></p>\
         <p class=\"track-reset\" data-reset-confirm hidden>Clear the done marks of every page? \
         <button type=\"button\" class=\"control\" data-action=\"reset-yes\">Yes, reset</button> <button type=\"button\" class=\"control\" data-action=\"reset-no\">Cancel</button></p>\
         {STORAGE_NOTICE}<p class=\"visually-hidden\" role=\"status\" aria-live=\"polite\" data-announce></p></section>",
        track.len(),
        duration(total),
        progress_bar("track-progress-index", track.len()),
        first.0,
        escape(first.1),
    );
    for (n, name, pages) in by_section(track) {
        let minutes: u32 = pages.iter().map(|t| t.minutes).sum();
        let _ = write!(
            out,
            "<section class=\"track-section\" aria-labelledby=\"section-{k}\"><h2 id=\"section-{k}\">{}</h2>\
             <p class=\"track-section-time\">About {}</p><ol class=\"track-cards\">",
            escape(name),
            duration(minutes),
            k = n + 1,
        );
        for t in pages {
            let _ = write!(
                out,
                "<li class=\"track-card\" data-slug=\"{slug}\"><h3><a href=\"{base}/tutorials/{slug}\">{}</a>\
                 <span class=\"done-mark\" hidden> ✓<span class=\"visually-hidden\"> (done)</span></span></h3>\
                 <p>{}</p><p class=\"track-meta\">{} · {} · {} steps</p></li>",
                escape(&t.title),
                escape(&t.summary),
                duration(t.minutes),
                t.difficulty,
                t.steps,
                slug = t.slug,
            );
        }
        out.push_str("</ol></section>\n");
    }
    out
}

/// The metadata as Rust source for `src/tutorials.rs` (`Tutorial` and `Page` in scope).
pub fn tutorials_rs(track: &[Tutorial]) -> String {
    let mut out = String::from("// Generated by build.rs from content/tutorials/; do not edit.\n");
    let sections: Vec<String> = SECTIONS.iter().map(|s| rust_str(s)).collect();
    let _ = writeln!(
        out,
        "pub const SECTIONS: &[&str] = &[{}];",
        sections.join(", ")
    );
    out.push_str("pub const TUTORIALS: &[Tutorial] = &[\n");
    for p in track {
        let _ = writeln!(
            out,
            "    Tutorial {{ slug: {slug}, minutes: {}, difficulty: {}, \
             page: Page {{ path: {}, nav_label: \"Tutorials\", heading: {title}, lede: {summary}, title: {title}, description: {summary} }} }},",
            p.minutes,
            rust_str(&p.difficulty),
            rust_str(&format!("/tutorials/{}", p.slug)),
            slug = rust_str(&p.slug),
            title = rust_str(&p.title),
            summary = rust_str(&p.summary),
        );
    }
    out.push_str("];\n");
    out
}
