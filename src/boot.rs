//! Starting the app over a prerendered page (`make dist` saves every route's HTML, see
//! scripts/prerender.mjs), so a visitor sees the page before the wasm arrives.
//!
//! The app renders into a detached element: the words build the whole `<div id="app">`,
//! the shipped build only `<main>`, keeping the prerendered header and footer (they are
//! markup with behaviour attached, see [`crate::frame`]). The takeover then goes in steps,
//! each its own task so that none blocks the page for long (total blocking time):
//!
//! 1. `main` returns at once; the app mounts in the next task ([`start`]).
//! 2. Just before a frame is painted, the live tree replaces the prerendered one in one DOM
//!    operation, and the prerendered page bodies move into it ([`adopt`]): the same nodes,
//!    so nothing is parsed twice and nothing shifts. A body that is still loading
//!    ([`crate::components::StaticHtml`] without a prerendered copy, e.g. under `trunk
//!    serve`) holds the swap until it reports [`settled`], at most [`DEADLINE_MS`].
//! 3. In the next task the adopted bodies come to life (their islands, their handlers),
//!    and `#app` is marked `data-live`.
//!
//! The loader (scripts/harden.mjs) starts the wasm only after the `load` event and the
//! browser's first-contentful-paint entry, so the prerendered page's first paint (and its
//! largest-contentful-paint entry) is recorded before any of this runs.

use std::cell::{Cell, RefCell};
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The longest a loading body may hold back the swap.
pub const DEADLINE_MS: u32 = 3000;
/// Lets a test lengthen [`DEADLINE_MS`], so that a takeover held back by the wrong thing
/// fails the test instead of finishing late (tests/e2e/github.test.mjs).
const DEADLINE_OVERRIDE: &str = "__dstackTakeoverDeadlineMs";

/// A prerendered body waiting for the swap: its nodes, where they go, and what runs once
/// they are there.
struct Adoption {
    from: web_sys::Element,
    to: web_sys::Element,
    ready: Box<dyn FnOnce(web_sys::Element)>,
}

thread_local! {
    /// The swap waiting for a loading body, if any.
    static PENDING: RefCell<Option<Box<dyn FnOnce()>>> = const { RefCell::new(None) };
    /// Bodies to move into the live tree at the swap.
    static ADOPTIONS: RefCell<Vec<Adoption>> = const { RefCell::new(Vec::new()) };
    /// Whether the live tree is in the document (then adoptions happen at once).
    static SWAPPED: Cell<bool> = const { Cell::new(false) };
}

/// What `main` does: mounts the app in the next task (step 1).
pub fn start() {
    set_timeout(mount, Duration::ZERO);
}

fn mount() {
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
    // The words build renders the whole app (`#app`: frame and page); the shipped build
    // keeps the prerendered frame and renders only `<main>` (see crate::frame).
    let (tag, id) = if cfg!(feature = "words") {
        ("div", "app")
    } else {
        ("main", "main")
    };
    let fresh: web_sys::HtmlElement = document
        .create_element(tag)
        .expect("an element")
        .unchecked_into();
    fresh.set_id(id);
    if !cfg!(feature = "words") {
        // Lets the skip link move focus here without adding a tab stop.
        fresh.set_tab_index(-1);
    }
    leptos::mount::mount_to(fresh.clone(), crate::App).forget();
    match document.get_element_by_id(id) {
        Some(prerendered) => {
            let root = fresh.clone();
            let swap = move || {
                let adoptions = ADOPTIONS.with(|a| a.take());
                for a in &adoptions {
                    move_children(&a.from, &a.to);
                }
                _ = prerendered.replace_with_with_node_1(&fresh);
                SWAPPED.set(true);
                set_timeout(move || come_alive(adoptions), Duration::ZERO);
            };
            request_animation_frame(move || {
                if is_loading(&root) {
                    PENDING.with(|p| *p.borrow_mut() = Some(Box::new(swap)));
                    let deadline = crate::static_enhance::ms_override(DEADLINE_OVERRIDE)
                        .unwrap_or(DEADLINE_MS);
                    set_timeout(settled, Duration::from_millis(deadline.into()));
                } else {
                    swap();
                }
            });
        }
        None => {
            _ = document.body().map(|body| body.append_child(&fresh));
            SWAPPED.set(true);
            come_alive(ADOPTIONS.with(|a| a.take()));
        }
    }
}

/// Step 3: the adopted bodies' behaviour, then the mark tests wait for. Islands queue
/// their own tasks ([`crate::islands`]); the mark is queued after them.
fn come_alive(adoptions: Vec<Adoption>) {
    for a in adoptions {
        (a.ready)(a.to);
    }
    set_timeout(
        || {
            if let Some(app) = document().get_element_by_id("app") {
                _ = app.set_attribute("data-live", "");
            }
        },
        Duration::ZERO,
    );
}

/// A live body `to` takes over the prerendered body `from`: its nodes move in at the swap,
/// then `ready` runs with `to` (at once if the swap is already done).
pub fn adopt(
    from: web_sys::Element,
    to: web_sys::Element,
    ready: impl FnOnce(web_sys::Element) + 'static,
) {
    if SWAPPED.get() {
        move_children(&from, &to);
        ready(to);
    } else {
        let ready = Box::new(ready);
        ADOPTIONS.with(|a| a.borrow_mut().push(Adoption { from, to, ready }));
    }
}

/// Moves the children of `from` into `to`, in order.
fn move_children(from: &web_sys::Element, to: &web_sys::Element) {
    while let Some(child) = from.first_child() {
        if to.append_child(&child).is_err() {
            return;
        }
    }
}

/// Whether a page body under `root` is still loading. Only bodies count: a figure waiting
/// for GitHub (also `data-state="loading"`) must not hold the page back.
fn is_loading(root: &web_sys::Element) -> bool {
    root.query_selector("[data-static][data-state='loading']")
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

/// Static hosts answer `/architecture/` and `/architecture/index.html` as well as
/// `/architecture` (GitHub Pages redirects to the first); the router knows only the last,
/// so the address is tidied first.
fn drop_trailing_slash() {
    let location = window().location();
    let Ok(path) = location.pathname() else {
        return;
    };
    if let Some(path) = tidy_path(&path, crate::site::BASE) {
        let tidy = format!(
            "{path}{}{}",
            location.search().unwrap_or_default(),
            location.hash().unwrap_or_default()
        );
        if let Ok(history) = window().history() {
            _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&tidy));
        }
    }
}

/// The address the router knows for `path` under the base path `base`, when it differs:
/// without `index.html` and without a trailing slash, except at the root, which keeps its
/// slash under a base path (`/repo/`), as project pages serve it.
pub fn tidy_path(path: &str, base: &str) -> Option<String> {
    let root = format!("{base}/");
    let dir = path
        .strip_suffix("/index.html")
        .map(|dir| format!("{dir}/"));
    let mut tidy = dir.as_deref().unwrap_or(path);
    if tidy != root {
        tidy = tidy.trim_end_matches('/');
    }
    let tidy = if tidy.is_empty() { "/" } else { tidy };
    (tidy != path).then(|| tidy.to_string())
}

#[cfg(test)]
mod tests {
    use super::tidy_path;

    #[test]
    fn addresses_lose_index_html_and_trailing_slashes() {
        for (path, base, tidy) in [
            ("/architecture/", "", "/architecture"),
            ("/architecture/index.html", "", "/architecture"),
            ("/index.html", "", "/"),
            ("/blog/a-post//", "", "/blog/a-post"),
            // Under a base path the root keeps its slash.
            ("/repo/index.html", "/repo", "/repo/"),
            ("/repo/features/", "/repo", "/repo/features"),
        ] {
            assert_eq!(tidy_path(path, base).as_deref(), Some(tidy), "{path}");
        }
    }

    #[test]
    fn tidy_addresses_stay_as_they_are() {
        for (path, base) in [
            ("/", ""),
            ("/architecture", ""),
            ("/repo/", "/repo"),
            ("/repo/architecture", "/repo"),
            // A page whose name merely ends in "index.html" is not an index file.
            ("/blog/myindex.html", ""),
        ] {
            assert_eq!(tidy_path(path, base), None, "{path}");
        }
    }
}
