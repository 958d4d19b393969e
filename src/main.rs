//! Entry point of the wasm bundle. Debug builds report panics to the console with their
//! message; release builds leave that formatting code out (a panic there aborts with a
//! plain "unreachable" in the console).
//!
//! Takeover of prerendered pages: `make dist` saves every route's rendered HTML (see
//! scripts/prerender.mjs), so a visitor sees the page before the wasm arrives. Here the
//! app renders into a detached `<div id="app">`; just before a frame is painted, once its
//! route has rendered (some of it lands a microtask after mounting), that tree replaces the
//! prerendered one in a single DOM operation. The browser never paints an empty or doubled
//! page, and the markup swapped in is the same, so nothing shifts.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn main() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();

    drop_trailing_slash();
    let document = document();
    // Head tags the prerender recorded; leptos_meta writes its own on mount.
    if let Ok(stale) = document.query_selector_all("head [data-prerendered]") {
        for i in 0..stale.length() {
            if let Some(el) = stale
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                el.remove();
            }
        }
    }
    let fresh: web_sys::HtmlElement = document
        .create_element("div")
        .expect("a div")
        .unchecked_into();
    fresh.set_id("app");
    // Marks the live tree (the prerendered one lacks it): tests wait for it.
    _ = fresh.set_attribute("data-live", "");
    let handle = leptos::mount::mount_to(fresh.clone(), dstack_site::App);
    handle.forget();
    match document.get_element_by_id("app") {
        Some(prerendered) => swap_when_rendered(prerendered, fresh, 0),
        None => _ = document.body().map(|body| body.append_child(&fresh)),
    }
}

/// Replaces the prerendered tree once the fresh one has its `<h1>` (every route has one),
/// checking before each frame; after a few frames it swaps regardless. It waits at least
/// three frames: the prerendered page must have been painted and its largest paint
/// recorded first, or the browser would drop that paint and time the page's largest
/// contentful paint from the swap, after the wasm, instead of from the first paint.
fn swap_when_rendered(prerendered: web_sys::Element, fresh: web_sys::HtmlElement, frame: u32) {
    request_animation_frame(move || {
        let ready = fresh.query_selector("main h1").ok().flatten().is_some();
        if (ready && frame >= 2) || frame >= 10 {
            _ = prerendered.replace_with_with_node_1(&fresh);
        } else {
            swap_when_rendered(prerendered, fresh, frame + 1);
        }
    });
}

/// Static hosts answer `/architecture/` as well as `/architecture` (GitHub Pages redirects
/// to the former); the router knows only the latter, so the address is tidied first.
fn drop_trailing_slash() {
    let location = window().location();
    let Ok(path) = location.pathname() else {
        return;
    };
    // The root under a base path keeps its slash (`/repo/`), as project pages serve it.
    let root = format!("{}/", dstack_site::site::BASE);
    if path.len() > 1 && path.ends_with('/') && path != root {
        let tidy = format!(
            "{}{}{}",
            path.trim_end_matches('/'),
            location.search().unwrap_or_default(),
            location.hash().unwrap_or_default()
        );
        if let Ok(history) = window().history() {
            _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&tidy));
        }
    }
}
