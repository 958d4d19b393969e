//! Keyboard behaviour of a WAI-ARIA tab list, as pure functions: which tab an arrow, Home
//! or End key selects, and which tab a URL fragment names.

/// The tab to select after `key` is pressed on tab `current` of `count` tabs (wrapping at
/// both ends), or `None` when the key is not one the tab list handles.
pub fn tab_after_key(key: &str, current: usize, count: usize) -> Option<usize> {
    if count == 0 {
        return None;
    }
    match key {
        "ArrowRight" | "ArrowDown" => Some((current + 1) % count),
        "ArrowLeft" | "ArrowUp" => Some((current + count - 1) % count),
        "Home" => Some(0),
        "End" => Some(count - 1),
        _ => None,
    }
}

/// The index of the tab whose slug a fragment (`#cloud` or `cloud`) names.
pub fn tab_from_fragment(fragment: &str, slugs: &[&str]) -> Option<usize> {
    let slug = fragment.strip_prefix('#').unwrap_or(fragment);
    slugs.iter().position(|s| *s == slug)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_wrap_and_home_end_jump() {
        assert_eq!(tab_after_key("ArrowRight", 0, 5), Some(1));
        assert_eq!(tab_after_key("ArrowRight", 4, 5), Some(0));
        assert_eq!(tab_after_key("ArrowLeft", 0, 5), Some(4));
        assert_eq!(tab_after_key("ArrowLeft", 3, 5), Some(2));
        assert_eq!(tab_after_key("Home", 3, 5), Some(0));
        assert_eq!(tab_after_key("End", 1, 5), Some(4));
        assert_eq!(tab_after_key("Enter", 1, 5), None);
        assert_eq!(tab_after_key("ArrowRight", 0, 0), None);
    }

    #[test]
    fn fragments_name_tabs_by_slug() {
        let slugs = ["self-host", "production", "cloud"];
        assert_eq!(tab_from_fragment("#cloud", &slugs), Some(2));
        assert_eq!(tab_from_fragment("production", &slugs), Some(1));
        assert_eq!(tab_from_fragment("#nope", &slugs), None);
        assert_eq!(tab_from_fragment("", &slugs), None);
    }
}
