//! Optional, cookieless page-view analytics for a Plausible-compatible endpoint.
//!
//! Off unless the build sets `ANALYTICS_ENDPOINT` (for example
//! `https://plausible.io/api/event`) and `ANALYTICS_DOMAIN` (the site's domain as the
//! analytics service knows it); scripts/harden.mjs then adds the endpoint's origin to the
//! CSP's `connect-src`. Nothing is stored in the browser. Visitors who send Do Not Track or
//! Global Privacy Control are not counted. Only the page's path is sent, never its query
//! (which can carry diagram state) or fragment.

use serde::Serialize;

pub const ENDPOINT: Option<&str> = option_env!("ANALYTICS_ENDPOINT");
pub const DOMAIN: Option<&str> = option_env!("ANALYTICS_DOMAIN");

/// Whether a visitor's browser signals allow counting them: `navigator.doNotTrack` and
/// `navigator.globalPrivacyControl`.
pub fn allowed(do_not_track: Option<&str>, global_privacy_control: bool) -> bool {
    let dnt = matches!(do_not_track.map(str::trim), Some("1" | "yes"));
    !dnt && !global_privacy_control
}

/// A Plausible `pageview` event.
#[derive(Serialize)]
struct PageView<'a> {
    name: &'static str,
    url: String,
    domain: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    referrer: Option<&'a str>,
}

/// The JSON body of a Plausible `pageview` event for `origin` + `path` (query and fragment
/// removed), with the referrer when there is one.
pub fn pageview(domain: &str, origin: &str, path: &str, referrer: Option<&str>) -> String {
    let path = path.split(['?', '#']).next().unwrap_or("/");
    let event = PageView {
        name: "pageview",
        url: format!("{origin}{path}"),
        domain,
        referrer: referrer.filter(|r| !r.is_empty()),
    };
    // Only strings: serializing cannot fail.
    crate::github::types::write_json(&event)
}

/// Sends one page view per path the visitor sees, when analytics are configured and the
/// visitor allows it. Call once, inside the router.
pub fn track_page_views() {
    use leptos::prelude::*;
    let (Some(endpoint), Some(domain)) = (ENDPOINT, DOMAIN) else {
        return;
    };
    let navigator = window().navigator();
    let gpc = js_sys::Reflect::get(&navigator, &"globalPrivacyControl".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    if !allowed(Some(navigator.do_not_track().as_str()), gpc) {
        return;
    }
    let pathname = leptos_router::hooks::use_location().pathname;
    let path = Memo::new(move |_| pathname.get());
    let first = StoredValue::new(true);
    Effect::new(move |_| {
        let path = path.get();
        let referrer = if first.get_value() {
            first.set_value(false);
            Some(document().referrer())
        } else {
            None
        };
        let origin = window().location().origin().unwrap_or_default();
        let body = pageview(domain, &origin, &path, referrer.as_deref());
        // A beacon outlives the page and never delays navigation.
        _ = window()
            .navigator()
            .send_beacon_with_opt_str(endpoint, Some(&body));
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    #[test]
    fn do_not_track_and_gpc_opt_out() {
        assert!(allowed(None, false));
        assert!(allowed(Some("0"), false));
        assert!(allowed(Some("unspecified"), false));
        assert!(!allowed(Some("1"), false));
        assert!(!allowed(Some("yes"), false), "old Firefox value");
        assert!(!allowed(None, true));
    }

    #[test]
    fn a_pageview_carries_the_path_only_and_is_valid_json() {
        let body = pageview(
            "dstack.info",
            "https://dstack.info",
            "/architecture?flow=kms&step=3#diagram",
            Some("https://example.com/\"quoted\""),
        );
        let v: Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(
            v,
            json!({
                "name": "pageview",
                "url": "https://dstack.info/architecture",
                "domain": "dstack.info",
                "referrer": "https://example.com/\"quoted\"",
            })
        );
        let none: Value = serde_json::from_str(&pageview("d", "https://d", "/", Some(""))).unwrap();
        assert_eq!(
            none,
            json!({"name": "pageview", "url": "https://d/", "domain": "d"}),
            "no empty referrer"
        );
        let bare: Value =
            serde_json::from_str(&pageview("d", "https://d", "/x#top", None)).unwrap();
        assert_eq!(bare["url"], "https://d/x");
        assert!(bare.get("referrer").is_none());
    }
}
