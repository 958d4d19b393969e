//! Typed, view-free content. Every statement carries the public source it comes from
//! (`../shared/dstack-facts.md` records and checks each one).

pub mod highlights;

/// One short statement on the site and the public page that backs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fact {
    /// The sentence as the visitor reads it.
    pub text: &'static str,
    /// Link text for the source.
    pub source_label: &'static str,
    /// An `https://` URL where the statement can be checked.
    pub source: &'static str,
}
