//! Starting the app over a prerendered page (`make dist` saves every route's HTML, see
//! scripts/prerender.mjs), so a visitor sees the page before the wasm arrives.
//!
//! The shipped build renders into the prerendered `<main>` and keeps everything already
//! there: the header and footer around it ([`crate::frame`]) and, when `<main>` holds the
//! page for this path (its `data-page` names a path of the same route), the page itself
//! ([`crate::routes::adopt`]). Nothing is rendered twice and no prerendered node moves:
//! moving them into a live tree made the browser style and lay out the page again (7–15 ms
//! at full CPU speed, 4× that on Lighthouse's phone). The first client-side navigation
//! removes the prerendered page ([`leave_prerendered`]).
//!
//! In steps, each its own task so that none blocks the page for long (total blocking
//! time): `main` returns at once and the app mounts in the next task ([`start`]); the
//! frame's behaviour, the page's static behaviour and each island of the page then come
//! alive in tasks of their own ([`step`]); once no step is left, `#app` is marked
//! `data-live`, the signal tests wait for.
//!
//! The words build (what `trunk serve` and the prerender run) renders the whole
//! `<div id="app">` itself, frame and page.
//!
//! The loader (scripts/harden.mjs) starts the wasm only after the `load` event and the
//! browser's first-contentful-paint entry, so the prerendered page's first paint (and its
//! largest-contentful-paint entry) is recorded before any of this runs.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The attribute on `<main>` naming the path of the page prerendered in it.
pub const PAGE_ATTR: &str = "data-page";

thread_local! {
    /// `<main>`, while its prerendered page waits to be adopted by the first render.
    static ADOPTABLE: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
    /// The prerendered page's nodes, until a navigation replaces them.
    static PRERENDERED: RefCell<Vec<web_sys::Node>> = const { RefCell::new(Vec::new()) };
    /// Work waiting for a task of its own ([`step`]).
    static STEPS: RefCell<VecDeque<Box<dyn FnOnce()>>> = const { RefCell::new(VecDeque::new()) };
    /// Whether a task to run the next step is already queued.
    static STEPPING: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f` in a task of its own, after every step queued before it. A Lighthouse phone
/// counts each task's time over 50 ms as blocking, at 4× this machine's time: the whole
/// start-up in one task (router, frame, page, islands) took 24–43 ms here, so 50–120 ms of
/// blocking on the home page; one part per task keeps each under the line. When the last
/// queued step has run, `#app` is marked live.
pub fn step(f: impl FnOnce() + 'static) {
    STEPS.with_borrow_mut(|steps| steps.push_back(Box::new(f)));
    if !STEPPING.replace(true) {
        set_timeout(run_step, Duration::ZERO);
    }
}

/// Whether start-up work is still queued or running ([`step`]): the browser tests wait for
/// it to drain, as the e2e tests wait for `data-live` (their app is not mounted on `#app`).
pub fn stepping() -> bool {
    STEPPING.get()
}

fn run_step() {
    let Some(f) = STEPS.with_borrow_mut(VecDeque::pop_front) else {
        STEPPING.set(false);
        mark_live();
        return;
    };
    // The next task is queued before this step runs: a step that traps must not stop the
    // ones after it.
    set_timeout(run_step, Duration::ZERO);
    f();
}

/// What `main` does: mounts the app in the next task.
pub fn start() {
    set_timeout(mount, Duration::ZERO);
}

#[cfg(feature = "words")]
fn mount() {
    drop_trailing_slash();
    let document = document();
    // Head tags the prerender recorded: the words build writes its own with leptos_meta.
    let html = document.document_element().expect("html");
    for el in crate::static_enhance::elements(&html, "head [data-prerendered]") {
        el.remove();
    }
    let app: web_sys::HtmlElement = document
        .create_element("div")
        .expect("an element")
        .unchecked_into();
    app.set_id("app");
    leptos::mount::mount_to(app.clone(), crate::App).forget();
    match document.get_element_by_id("app") {
        Some(prerendered) => _ = prerendered.replace_with_with_node_1(&app),
        None => _ = document.body().map(|body| body.append_child(&app)),
    }
    // The app is marked live after the last step, even on a page that queues none.
    step(|| ());
}

#[cfg(not(feature = "words"))]
fn mount() {
    drop_trailing_slash();
    let document = document();
    let main: web_sys::HtmlElement = match document.get_element_by_id("main") {
        Some(main) => main.unchecked_into(),
        // No prerendered frame (a bare index.html): the page alone.
        None => {
            let main: web_sys::HtmlElement = document
                .create_element("main")
                .expect("an element")
                .unchecked_into();
            main.set_id("main");
            _ = document.body().map(|body| body.append_child(&main));
            main
        }
    };
    let path = window().location().pathname().unwrap_or_default();
    let prerendered = main.get_attribute(PAGE_ATTR);
    // The attribute would be stale after the first navigation.
    _ = main.remove_attribute(PAGE_ATTR);
    // The same route, not only the same path: the host's 404 page (prerendered at a
    // made-up path) is this unknown path's page too.
    let route = crate::routes::route;
    if prerendered.is_some_and(|p| route(&p) == route(crate::site::strip_base(&path))) {
        let children = main.child_nodes();
        let nodes = (0..children.length())
            .filter_map(|i| children.item(i))
            .collect();
        PRERENDERED.set(nodes);
        ADOPTABLE.set(Some(main.clone().into()));
    } else {
        // Another page's markup (a host's fallback page): the app renders this path's.
        main.set_inner_html("");
    }
    leptos::mount::mount_to(main, crate::App).forget();
    // The app is marked live after the last step, even on a page that queues none.
    step(|| ());
}

/// `<main>` with the prerendered page of the current path, once: the first render adopts
/// it ([`crate::routes::adopt`]); every later one renders afresh.
pub fn adoptable() -> Option<web_sys::Element> {
    ADOPTABLE.take()
}

/// Removes the prerendered page, once a navigation renders another.
pub fn leave_prerendered() {
    for node in PRERENDERED.take() {
        if let Some(parent) = node.parent_node() {
            _ = parent.remove_child(&node);
        }
    }
}

/// Marks `#app` live: every step queued so far (frame, page, islands) has run.
fn mark_live() {
    if let Some(app) = document().get_element_by_id("app") {
        _ = app.set_attribute("data-live", "");
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
