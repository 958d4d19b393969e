//! Site search, as pure logic: the index (built from the prerendered pages by
//! scripts/site-text.mjs, fetched when the dialog first opens), tokenizing, ranking and
//! the highlighted snippet. The dialog itself is `components::search_dialog`.

use serde::Deserialize;

/// One searchable section: a page's heading, a card or a step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The page's title (its h1).
    pub page: String,
    /// The section's heading.
    pub heading: String,
    /// Where it is: path (under the base path) and anchor.
    pub url: String,
    pub text: String,
    /// `heading`, `page` and `text` folded for matching (same byte offsets).
    folded: [String; 3],
}

impl Entry {
    pub fn new(page: &str, heading: &str, url: &str, text: &str) -> Entry {
        Entry {
            page: page.to_string(),
            heading: heading.to_string(),
            url: url.to_string(),
            text: text.to_string(),
            folded: [fold(heading), fold(page), fold(text)],
        }
    }
}

/// One item of the index file, as scripts/site-text.mjs writes it.
#[derive(Deserialize)]
struct IndexItem {
    p: Option<String>,
    h: Option<String>,
    u: Option<String>,
    t: Option<String>,
}

/// Reads the index: a JSON array of `{"p","h","u","t"}` objects. Entries with a missing
/// (or null) field are skipped; anything else that is wrong (not JSON, not an array of
/// objects, a field that is not a string) is an error the dialog can show.
pub fn parse_index(json: &str) -> Result<Vec<Entry>, &'static str> {
    let items: Vec<IndexItem> = crate::github::types::read_json(json, '[')
        .map_err(|_| "the search index is not readable")?;
    Ok(items
        .into_iter()
        .filter_map(|item| Some(Entry::new(&item.p?, &item.h?, &item.u?, &item.t?)))
        .collect())
}

/// Lowercase, with Latin accents removed: "Vérifier" → "verifier".
pub fn fold(text: &str) -> String {
    fold_with_offsets(text).0
}

fn fold_char(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
        'ç' | 'Ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ñ' | 'Ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ý' | 'ÿ' | 'Ý' => 'y',
        c => c.to_ascii_lowercase(),
    }
}

/// The folded text, and for each of its bytes (plus one past the end) the byte offset
/// in `text` it came from, so matches in the folded text can be marked in the original.
fn fold_with_offsets(text: &str) -> (String, Vec<usize>) {
    let mut folded = String::with_capacity(text.len());
    let mut offsets = Vec::with_capacity(text.len() + 1);
    for (at, c) in text.char_indices() {
        let f = fold_char(c);
        folded.push(f);
        offsets.extend(std::iter::repeat_n(at, f.len_utf8()));
    }
    offsets.push(text.len());
    (folded, offsets)
}

/// The query's words, folded; punctuation separates words ("docker-compose" is two).
pub fn tokenize(query: &str) -> Vec<String> {
    let folded = fold(query);
    let mut words: Vec<String> = folded
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    words.dedup();
    words
}

/// ASCII letters and digits, and any non-ASCII character (so words in other scripts
/// hold together); `char::is_alphanumeric` would bring Unicode tables into the wasm.
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || !c.is_ascii()
}

fn is_word_start(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !is_word_char(c))
}

/// Byte ranges in `folded` where a word starts with `token` (partial words match).
fn word_prefix_matches(folded: &str, token: &str) -> Vec<(usize, usize)> {
    folded
        .match_indices(token)
        .filter(|(at, _)| is_word_start(folded, *at))
        .map(|(at, m)| (at, at + m.len()))
        .collect()
}

/// A result: the entry's position in the index and its score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub index: usize,
    pub score: u32,
}

/// Entries where every token starts a word in the heading, page title or text, best
/// first: heading matches outrank page-title matches, which outrank text matches; ties
/// go to the shorter heading, then to index order.
pub fn search(entries: &[Entry], query: &str, limit: usize) -> Vec<Hit> {
    let tokens = tokenize(query);
    if tokens.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<Hit> = entries
        .iter()
        .enumerate()
        .filter_map(|(index, e)| {
            let mut score = 0;
            for t in &tokens {
                let [heading, page, text] = &e.folded;
                let h = word_prefix_matches(heading, t).len() as u32;
                let p = word_prefix_matches(page, t).len() as u32;
                let x = word_prefix_matches(text, t).len().min(5) as u32;
                if h + p + x == 0 {
                    return None;
                }
                score += 100 * h.min(1) + 20 * p.min(1) + 2 * x;
                // A whole heading equal to the query is the best there is.
                if heading.trim() == t.as_str() {
                    score += 100;
                }
            }
            Some(Hit { index, score })
        })
        .collect();
    hits.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then_with(|| {
                entries[a.index]
                    .heading
                    .len()
                    .cmp(&entries[b.index].heading.len())
            })
            .then_with(|| a.index.cmp(&b.index))
    });
    hits.truncate(limit);
    hits
}

/// A piece of text to show, marked where the query matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub matched: bool,
}

/// `text` cut into pieces with the query's matches marked; for long text, a window of
/// about `width` characters around the first match.
pub fn highlight(text: &str, query: &str, width: usize) -> Vec<Piece> {
    let (folded, offsets) = fold_with_offsets(text);
    let mut ranges: Vec<(usize, usize)> = tokenize(query)
        .iter()
        .flat_map(|t| word_prefix_matches(&folded, t))
        .map(|(s, e)| (offsets[s], offsets[e]))
        .collect();
    ranges.sort();
    // The window: start a little before the first match, on a char boundary.
    let (mut from, mut to) = (0, text.len());
    if text.chars().count() > width {
        let first = ranges.first().map_or(0, |r| r.0);
        from = text[..first]
            .char_indices()
            .rev()
            .nth(width / 4)
            .map_or(0, |(i, _)| i);
        to = text[from..]
            .char_indices()
            .nth(width)
            .map_or(text.len(), |(i, _)| from + i);
    }
    let mut pieces = Vec::new();
    let mut at = from;
    let mut push = |s: &str, matched: bool| {
        if !s.is_empty() {
            pieces.push(Piece {
                text: s.to_string(),
                matched,
            });
        }
    };
    if from > 0 {
        push("…", false);
    }
    for (start, end) in ranges {
        if start < at || end > to {
            continue;
        }
        push(&text[at..start], false);
        push(&text[start..end], true);
        at = end;
    }
    push(&text[at..to], false);
    if to < text.len() {
        push("…", false);
    }
    pieces
}

/// The dialog's text for the state it is in (also announced: it is a live region).
pub fn status_text(ready: Result<bool, &str>, query: &str, count: usize) -> String {
    match ready {
        Err(e) => format!("Search is unavailable: {e}. Try again later."),
        Ok(false) => "Loading the search index…".into(),
        Ok(true) if query.trim().is_empty() => "Type to search every page and post.".into(),
        Ok(true) => match count {
            0 => format!(
                "Nothing matches “{}”. Try fewer or shorter words.",
                query.trim()
            ),
            1 => "1 result".into(),
            n => format!("{n} results"),
        },
    }
}

/// One result as the list shows it: its page, where it leads, and its heading and text
/// with the query's matches marked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub page: String,
    pub href: String,
    pub heading: Vec<Piece>,
    pub text: Vec<Piece>,
}

/// The hits as rows, in order: the heading cut to about 120 characters around the match,
/// the text to about 140.
pub fn rows(entries: &[Entry], hits: &[Hit], query: &str) -> Vec<Row> {
    hits.iter()
        .map(|hit| {
            let e = &entries[hit.index];
            Row {
                page: e.page.clone(),
                href: e.url.clone(),
                heading: highlight(&e.heading, query, 120),
                text: highlight(&e.text, query, 140),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_keep_each_hit_in_order_with_its_matches_marked() {
        let idx = vec![
            Entry::new("P<1>", "Tor <b>", "/x?a=1&b=2#h", "onion \"quotes\""),
            Entry::new("Other", "Nothing here", "/y", "tor again"),
        ];
        let hits = search(&idx, "tor", 5);
        let rows = rows(&idx, &hits, "tor");
        assert_eq!(rows.len(), hits.len());
        let first = rows.iter().find(|r| r.href == "/x?a=1&b=2#h").unwrap();
        assert_eq!(first.page, "P<1>", "text stays text: the view escapes it");
        assert_eq!(
            first.heading,
            vec![
                Piece {
                    text: "Tor".into(),
                    matched: true
                },
                Piece {
                    text: " <b>".into(),
                    matched: false
                },
            ]
        );
        let other = rows.iter().find(|r| r.href == "/y").unwrap();
        assert!(other.text.iter().any(|p| p.matched && p.text == "tor"));
        assert!(other.heading.iter().all(|p| !p.matched));
    }

    #[test]
    fn status_says_what_is_going_on() {
        assert_eq!(status_text(Ok(false), "x", 0), "Loading the search index…");
        assert_eq!(
            status_text(Ok(true), " ", 0),
            "Type to search every page and post."
        );
        assert_eq!(
            status_text(Ok(true), "zzz ", 0),
            "Nothing matches “zzz”. Try fewer or shorter words."
        );
        assert_eq!(status_text(Ok(true), "tdx", 1), "1 result");
        assert_eq!(status_text(Ok(true), "tdx", 7), "7 results");
        assert!(status_text(Err("the server answered 404"), "", 0)
            .contains("unavailable: the server answered 404"));
    }

    fn index() -> Vec<Entry> {
        vec![
            Entry::new(
                "Examples",
                "Confidential AI inference",
                "/examples#ai",
                "Run a vLLM server on a GPU TEE.",
            ),
            Entry::new(
                "Features",
                "For developers",
                "/features#dev",
                "Unmodified Docker Compose apps; attestation from the guest agent.",
            ),
            Entry::new(
                "Verify",
                "Attestation",
                "/verify#how",
                "Replay the event log.",
            ),
            Entry::new("Blog: Vérification", "Sources", "/blog/x#sources", "Links."),
        ]
    }

    #[test]
    fn tokens_are_folded_words() {
        assert_eq!(
            tokenize("  Docker-Compose, TDX!"),
            ["docker", "compose", "tdx"]
        );
        assert_eq!(tokenize("Vérifier ÉTAPE"), ["verifier", "etape"]);
        assert!(tokenize(" -- ").is_empty());
    }

    #[test]
    fn every_word_must_match_and_partial_words_do() {
        let idx = index();
        let hits = search(&idx, "infer", 10);
        assert_eq!(hits.iter().map(|h| h.index).collect::<Vec<_>>(), [0]);
        assert!(search(&idx, "inference nonsense", 10).is_empty());
        // Inside a word does not match: "ference" is not a word start.
        assert!(search(&idx, "ference", 10).is_empty());
    }

    #[test]
    fn heading_matches_rank_above_text_matches() {
        let idx = index();
        let order: Vec<usize> = search(&idx, "attestation", 10)
            .iter()
            .map(|h| h.index)
            .collect();
        assert_eq!(
            order,
            [2, 1],
            "the heading 'Attestation' first, the mention in text after"
        );
    }

    #[test]
    fn case_and_accents_do_not_matter() {
        let idx = index();
        assert_eq!(search(&idx, "VERIFICATION", 10)[0].index, 3);
        assert_eq!(search(&idx, "vllm", 10)[0].index, 0);
    }

    #[test]
    fn limit_and_empty_query() {
        let idx = index();
        assert!(search(&idx, "", 10).is_empty());
        assert_eq!(search(&idx, "a", 1).len(), 1);
    }

    #[test]
    fn highlight_marks_matches_and_keeps_the_text() {
        let pieces = highlight("Run a vLLM server", "vllm serv", 200);
        let marked: Vec<&str> = pieces
            .iter()
            .filter(|p| p.matched)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(marked, ["vLLM", "serv"]);
        let joined: String = pieces.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(joined, "Run a vLLM server");
    }

    #[test]
    fn highlight_maps_accented_text_back() {
        let pieces = highlight("Une vérification", "verif", 200);
        let marked: Vec<&str> = pieces
            .iter()
            .filter(|p| p.matched)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(marked, ["vérif"]);
    }

    #[test]
    fn long_text_is_windowed_around_the_first_match() {
        let text = format!("{} needle {}", "hay ".repeat(100), "hay ".repeat(100));
        let pieces = highlight(&text, "needle", 60);
        assert_eq!(pieces.first().unwrap().text, "…");
        assert_eq!(pieces.last().unwrap().text, "…");
        assert!(pieces.iter().any(|p| p.matched && p.text == "needle"));
        let shown: usize = pieces.iter().map(|p| p.text.chars().count()).sum();
        assert!(shown <= 64, "{shown}");
    }

    #[test]
    fn the_index_parses_and_bad_json_is_an_error() {
        let idx = parse_index(r#"[{"p":"P","h":"H","u":"/x#h","t":"T"},{"p":"only"}]"#).unwrap();
        assert_eq!(idx, vec![Entry::new("P", "H", "/x#h", "T")]);
        assert!(parse_index("{").is_err());
        assert!(parse_index(r#"{"p":1}"#).is_err());
        assert_eq!(parse_index("[]"), Ok(vec![]));
        let extra =
            r#"[{"t":"T","u":"/x","h":"H","p":"P","rank":3},{"p":"P","h":null,"u":"/y","t":"T"}]"#;
        assert_eq!(
            parse_index(extra),
            Ok(vec![Entry::new("P", "H", "/x", "T")]),
            "other members ignored, a null field skips the entry"
        );
        for bad in [
            r#"[{"p":1,"h":"H","u":"/x","t":"T"}]"#,
            "[1]",
            r#"[{"p":"P","h":"H","u":"/x","t":"T"}"#,
            "not json",
        ] {
            assert_eq!(
                parse_index(bad),
                Err("the search index is not readable"),
                "{bad}"
            );
        }
    }
}
