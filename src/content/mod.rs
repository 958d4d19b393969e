//! Content types shared by the sections (links, tags), and the checks that run over every
//! section's words (src/sections/*/words.rs): invariants and the truth test. Every statement
//! carries the public source it comes from (`../shared/dstack-facts.md` records and checks
//! each one); views only render it.

pub mod tags;

/// A link to somewhere else: what the visitor reads, and where it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    pub label: &'static str,
    pub href: &'static str,
}

impl Link {
    pub const fn new(label: &'static str, href: &'static str) -> Self {
        Link { label, href }
    }

    /// The host the link leads to (`github.com`), shown so visitors know where it goes;
    /// `None` for non-web links such as `mailto:`.
    pub fn host(&self) -> Option<&'static str> {
        let rest = self
            .href
            .strip_prefix("https://")
            .or_else(|| self.href.strip_prefix("http://"))?;
        let host = rest.split(['/', '?', '#']).next()?;
        let host = host.strip_prefix("www.").unwrap_or(host);
        (!host.is_empty()).then_some(host)
    }
}

/// A titled part of a section page: the `<h2>` a visitor reads and its id, which is also
/// the fragment that links to it (`/features#limits`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Heading {
    pub id: &'static str,
    pub title: &'static str,
}

impl Heading {
    pub const fn new(id: &'static str, title: &'static str) -> Self {
        Heading { id, title }
    }
}

/// The label before a claim's one source, on every section page.
pub const SOURCE_LABEL: &str = "Source: ";
/// The label before a claim's several sources.
pub const SOURCES_LABEL: &str = "Sources: ";

#[cfg(test)]
mod ruled_out;
#[cfg(test)]
mod tests;
