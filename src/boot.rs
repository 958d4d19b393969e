//! Starting the app over a prerendered page (`make dist` saves every route's HTML, see
//! scripts/prerender.mjs), so a visitor sees the page before the wasm arrives.
//!
//! The app renders into a detached `<div id="app">`. Once it is ready, that tree replaces
//! the prerendered one in a single DOM operation, just before a frame is painted: the
//! browser never paints an empty or doubled page, and the markup swapped in is the same
//! (section bodies are adopted from the prerendered copy), so nothing shifts. Ready means
//! the first frame after mounting (when effects and islands have run) with no body still
//! loading; a body that loads ([`crate::components::StaticHtml`] without a prerendered
//! copy, e.g. under `trunk serve`) reports [`settled`]; after [`DEADLINE_MS`] it swaps
//! regardless, so a slow network never leaves the live app hidden.
//!
//! The trunk loader starts the wasm only after the `load` event and a painted frame, so
//! the prerendered page's first paint (and its largest-contentful-paint entry) is recorded
//! before any of this runs.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The longest a loading body may hold back the swap.
pub const DEADLINE_MS: u32 = 3000;

thread_local! {
    /// The swap waiting for a loading body, if any.
    static PENDING: RefCell<Option<Box<dyn FnOnce()>>> = const { RefCell::new(None) };
}

/// Mounts the app (the only thing `main` does).
pub fn start() {
    drop_trailing_slash();
    let document = document();
    // Head tags the prerender recorded: the words build writes its own with leptos_meta;
    // the shipped build keeps them (see PageMeta).
    if cfg!(feature = "words") {
        let html = document.document_element().expect("html");
        for el in crate::static_enhance::elements(&html, "head [data-prerendered]") {
            el.remove();
        }
    }
    let fresh: web_sys::HtmlElement = document
        .create_element("div")
        .expect("a div")
        .unchecked_into();
    fresh.set_id("app");
    // Marks the live tree (the prerendered one lacks it): tests wait for it.
    _ = fresh.set_attribute("data-live", "");
    leptos::mount::mount_to(fresh.clone(), crate::App).forget();
    match document.get_element_by_id("app") {
        Some(prerendered) => {
            let root = fresh.clone();
            let swap = move || _ = prerendered.replace_with_with_node_1(&fresh);
            request_animation_frame(move || {
                if is_loading(&root) {
                    PENDING.with(|p| *p.borrow_mut() = Some(Box::new(swap)));
                    set_timeout(
                        settled,
                        std::time::Duration::from_millis(DEADLINE_MS.into()),
                    );
                } else {
                    swap();
                }
            });
        }
        None => _ = document.body().map(|body| body.append_child(&fresh)),
    }
}

/// Whether a body under `root` is still loading.
fn is_loading(root: &web_sys::Element) -> bool {
    root.query_selector("[data-state='loading']")
        .ok()
        .flatten()
        .is_some()
}

/// A loading body has its content (or its failure message): the pending swap, if any,
/// happens on the next frame.
pub fn settled() {
    if let Some(swap) = PENDING.with(|p| p.borrow_mut().take()) {
        request_animation_frame(swap);
    }
}

/// Static hosts answer `/architecture/` as well as `/architecture` (GitHub Pages redirects
/// to the former); the router knows only the latter, so the address is tidied first.
fn drop_trailing_slash() {
    let location = window().location();
    let Ok(path) = location.pathname() else {
        return;
    };
    // The root under a base path keeps its slash (`/repo/`), as project pages serve it.
    let root = format!("{}/", crate::site::BASE);
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
