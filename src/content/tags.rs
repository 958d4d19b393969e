//! Categories used to filter use cases and examples, and their URL form (`?tag=ai`).

/// A category a visitor can filter by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tag {
    Ai,
    Blockchain,
    Privacy,
    Infrastructure,
    Attestation,
    Tutorial,
}

impl Tag {
    /// Every tag, in the order the filter chips show them.
    pub const ALL: [Tag; 6] = [
        Tag::Ai,
        Tag::Blockchain,
        Tag::Privacy,
        Tag::Infrastructure,
        Tag::Attestation,
        Tag::Tutorial,
    ];

    /// The value in the URL query.
    pub fn slug(self) -> &'static str {
        match self {
            Tag::Ai => "ai",
            Tag::Blockchain => "blockchain",
            Tag::Privacy => "privacy",
            Tag::Infrastructure => "infrastructure",
            Tag::Attestation => "attestation",
            Tag::Tutorial => "tutorial",
        }
    }

    /// The chip's label.
    pub fn label(self) -> &'static str {
        match self {
            Tag::Ai => "AI",
            Tag::Blockchain => "Blockchain",
            Tag::Privacy => "Privacy",
            Tag::Infrastructure => "Infrastructure",
            Tag::Attestation => "Attestation",
            Tag::Tutorial => "Tutorial",
        }
    }

    /// The tag whose slug is `slug` (case-insensitive, surrounding spaces ignored).
    pub fn from_slug(slug: &str) -> Option<Tag> {
        let slug = slug.trim();
        Tag::ALL
            .into_iter()
            .find(|t| t.slug().eq_ignore_ascii_case(slug))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip_and_unknown_slugs_are_none() {
        for tag in Tag::ALL {
            assert_eq!(Tag::from_slug(tag.slug()), Some(tag));
        }
        assert_eq!(Tag::from_slug(" AI "), Some(Tag::Ai));
        assert_eq!(Tag::from_slug("games"), None);
        assert_eq!(Tag::from_slug(""), None);
    }
}
