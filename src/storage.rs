//! The browser's localStorage, the site's only persistence (theme, GitHub figures,
//! tutorial progress). It may be missing, disabled or throw (private modes, blocked
//! cookies): callers then carry on without it.

/// The value stored at `key`: `None` when storage refused to answer, `Some(None)` when
/// nothing is stored there.
pub fn get(key: &str) -> Option<Option<String>> {
    local()?.get_item(key).ok()
}

/// Stores `value` at `key`; false when the browser refused it.
pub fn set(key: &str, value: &str) -> bool {
    local().is_some_and(|s| s.set_item(key, value).is_ok())
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}
