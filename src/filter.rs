//! Filtering lists by tag and free text, and the URL query that makes a filtered view
//! shareable (`?tag=ai&q=light%20client`). Pure logic: the views only wire it up.

use crate::content::tags::Tag;

/// A filterable list's controls: the tags it offers, what it counts ("use cases"), what it
/// says when nothing passes, and the search box's label (none when empty).
#[derive(Debug)]
pub struct FilterSpec {
    pub tags: &'static [Tag],
    pub noun: &'static str,
    pub empty: &'static str,
    pub search_label: &'static str,
}

/// What a visitor filters a list by.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub tag: Option<Tag>,
    /// Free text as typed; matching ignores case.
    pub text: String,
}

impl Filter {
    /// Reads the `tag` and `q` query values. An unknown tag is ignored rather than
    /// producing an empty list, so an old or mistyped link still shows everything. The
    /// text is kept as typed (a trailing space is the start of the next word).
    pub fn from_query(tag: Option<&str>, text: Option<&str>) -> Self {
        Filter {
            tag: tag.and_then(Tag::from_slug),
            text: text.unwrap_or("").to_string(),
        }
    }

    /// Whether an item with these tags and searchable texts passes: it must carry the tag,
    /// and every word of the text must occur in one of the texts.
    pub fn matches(&self, tags: &[Tag], texts: &[&str]) -> bool {
        if self.tag.is_some_and(|t| !tags.contains(&t)) {
            return false;
        }
        let haystack = texts.join(" ").to_ascii_lowercase();
        self.text
            .split_whitespace()
            .all(|word| haystack.contains(&word.to_ascii_lowercase()))
    }

    /// Whether nothing is filtered.
    pub fn is_empty(&self) -> bool {
        self.tag.is_none() && self.text.trim().is_empty()
    }

    /// The query string for this filter, `""` when nothing is filtered.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(tag) = self.tag {
            parts.push(format!("tag={}", tag.slug()));
        }
        if !self.text.trim().is_empty() {
            parts.push(format!("q={}", encode_query_value(&self.text)));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }
}

/// Percent-encodes a query value: everything but unreserved characters (RFC 3986).
pub fn encode_query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(char::from(byte))
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_tag_and_text_and_ignores_an_unknown_tag() {
        let f = Filter::from_query(Some("ai"), Some("  light client "));
        assert_eq!(f.tag, Some(Tag::Ai));
        assert_eq!(f.text, "  light client ");
        assert_eq!(Filter::from_query(Some("games"), None), Filter::default());
        assert!(Filter::from_query(None, None).is_empty());
        assert!(Filter::from_query(None, Some("   ")).is_empty());
        assert_eq!(Filter::from_query(None, Some(" ")).to_query(), "");
    }

    #[test]
    fn matches_on_tag_and_every_word_case_insensitively() {
        let tags = [Tag::Blockchain];
        let texts = ["lightclient", "The Helios Ethereum light client in a TEE."];
        assert!(Filter::default().matches(&tags, &texts));
        assert!(Filter::from_query(Some("blockchain"), None).matches(&tags, &texts));
        assert!(!Filter::from_query(Some("ai"), None).matches(&tags, &texts));
        assert!(Filter::from_query(None, Some("HELIOS tee")).matches(&tags, &texts));
        assert!(
            Filter::from_query(None, Some("ethere")).matches(&tags, &texts),
            "partial word"
        );
        assert!(!Filter::from_query(None, Some("helios kubernetes")).matches(&tags, &texts));
    }

    #[test]
    fn query_round_trips_through_the_url_form() {
        assert_eq!(Filter::default().to_query(), "");
        let f = Filter {
            tag: Some(Tag::Privacy),
            text: "tor & onion".into(),
        };
        assert_eq!(f.to_query(), "?tag=privacy&q=tor%20%26%20onion");
        assert_eq!(
            Filter {
                tag: None,
                text: "k3s".into()
            }
            .to_query(),
            "?q=k3s"
        );
    }

    #[test]
    fn encodes_reserved_and_non_ascii_characters() {
        assert_eq!(encode_query_value("a b/c?d#e"), "a%20b%2Fc%3Fd%23e");
        assert_eq!(encode_query_value("é"), "%C3%A9");
        assert_eq!(encode_query_value("safe-._~"), "safe-._~");
    }
}
