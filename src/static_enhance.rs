//! Behaviour attached to build-time markup (section pages, prose pages, tutorial bodies):
//! the HTML comes from the prerendered page or a static fragment, and these functions find
//! its interactive parts by their attributes. Nothing here renders words.
//!
//! A page attaches [`on_page_click`] and [`on_page_keydown`] to its root (one delegated
//! handler each, owned by the page's view) and runs [`enhance`] once its body is in place.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Whether scripts/prerender.mjs is taking this page's snapshot: the static HTML must show
/// the state a visitor without the app gets (copy buttons hidden, no module loaded).
pub fn prerendering() -> bool {
    js_sys::Reflect::get(&window(), &"__dstackPrerender".into()).is_ok_and(|v| v.is_truthy())
}

/// A timing a test set on `window` under `name` before the app started: a whole number
/// of milliseconds from 1 to 60 000, so that tests choose how long the page waits
/// (`__dstackDiagramStepMs`).
pub fn ms_override(name: &str) -> Option<u32> {
    js_sys::Reflect::get(&window(), &name.into())
        .ok()
        .and_then(|v| v.as_f64())
        .filter(|ms| ms.fract() == 0.0 && (1.0..=60_000.0).contains(ms))
        .map(|ms| ms as u32)
}

/// What a page's body needs once it is in the document: copy buttons shown, and each tab
/// list on the tab the URL fragment names.
pub fn enhance(body: &web_sys::Element) {
    reveal_copy_buttons(body);
    let fragment = window().location().hash().unwrap_or_default();
    for list in elements(body, "[role=tablist]") {
        let tabs = elements(&list, "[role=tab]");
        let slugs: Vec<String> = tabs.iter().map(tab_slug).collect();
        let slugs: Vec<&str> = slugs.iter().map(String::as_str).collect();
        if let Some(i) = crate::tablist::tab_from_fragment(&fragment, &slugs) {
            show_tab(&tabs[i]);
        }
    }
}

/// Copy buttons ship `hidden`: without the app they could not work.
pub fn reveal_copy_buttons(body: &web_sys::Element) {
    if prerendering() {
        return;
    }
    for el in elements(body, "button[data-copy][hidden]") {
        _ = el.remove_attribute("hidden");
    }
}

/// The elements under `root` that match `selector` (none when the selector is invalid).
pub fn elements(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
        .collect()
}

/// The first element under `root` that matches `selector`, as `T` (none when there is none,
/// the selector is invalid or the element is not a `T`).
pub fn find<T: JsCast>(root: &web_sys::Element, selector: &str) -> Option<T> {
    root.query_selector(selector)
        .ok()
        .flatten()?
        .dyn_into()
        .ok()
}

/// Listens for `event` on `target` for as long as the page lives: the frame and the search
/// dialog are never removed but with the whole app, and their listeners go with them.
pub fn listen<E: JsCast + 'static>(
    target: &web_sys::EventTarget,
    event: &str,
    f: impl Fn(E) + 'static,
) {
    let closure =
        wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
            f(ev.unchecked_into())
        });
    _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    closure.forget();
}

/// The element an event started on, or its nearest ancestor matching `selector`.
pub(crate) fn target_closest(ev: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest(selector).ok().flatten())
}

/// One click handler for a page's static parts (event delegation): copy buttons, "copy
/// page as Markdown" and tabs.
pub fn on_page_click(ev: web_sys::MouseEvent) {
    if let Some(tab) = target_closest(&ev, "[role=tab]") {
        select_tab(&tab, false);
    } else if let Some(button) = target_closest(&ev, "button[data-copy-markdown]") {
        let path = button
            .get_attribute("data-copy-markdown")
            .unwrap_or_default();
        if let Some(status) = button.next_element_sibling() {
            leptos::task::spawn_local(async move {
                crate::components::copy_markdown(&path, &status).await;
            });
        }
    } else {
        copy_on_click(ev);
    }
}

/// Arrow keys, Home and End move between the tabs of a tab list (WAI-ARIA tabs, selection
/// follows focus).
pub fn on_page_keydown(ev: web_sys::KeyboardEvent) {
    let Some(list) = target_closest(&ev, "[role=tablist]") else {
        return;
    };
    let tabs = elements(&list, "[role=tab]");
    let current = tabs
        .iter()
        .position(|t| t.get_attribute("aria-selected").as_deref() == Some("true"))
        .unwrap_or(0);
    if let Some(next) = crate::tablist::tab_after_key(&ev.key(), current, tabs.len()) {
        ev.prevent_default();
        select_tab(&tabs[next], true);
    }
}

/// A tab's slug: its id without the `tab-` prefix (`tab-cloud` → `cloud`).
fn tab_slug(tab: &web_sys::Element) -> String {
    let id = tab.id();
    id.strip_prefix("tab-").unwrap_or(&id).to_string()
}

/// Shows `tab`'s panel and marks it selected; only the selected tab is in the tab order.
fn show_tab(tab: &web_sys::Element) {
    let Some(list) = tab.closest("[role=tablist]").ok().flatten() else {
        return;
    };
    // Panels are looked up under the page's body, not the document, so a body that is
    // not attached (yet) still finds its own.
    let root = tab.closest("[data-static]").ok().flatten();
    for other in elements(&list, "[role=tab]") {
        let on = other == *tab;
        _ = other.set_attribute("aria-selected", if on { "true" } else { "false" });
        _ = other.set_attribute("tabindex", if on { "0" } else { "-1" });
        let panel = other
            .get_attribute("aria-controls")
            .and_then(|id| match &root {
                Some(root) => root.query_selector(&format!("#{id}")).ok().flatten(),
                None => document().get_element_by_id(&id),
            });
        if let Some(panel) = panel {
            _ = if on {
                panel.remove_attribute("hidden")
            } else {
                panel.set_attribute("hidden", "")
            };
        }
    }
}

/// Selects `tab` as the visitor's choice: shown, kept in the URL fragment (no history
/// entry per tab, so Back leaves the page), and focused when the keyboard moved there.
fn select_tab(tab: &web_sys::Element, focus: bool) {
    show_tab(tab);
    if let Ok(history) = window().history() {
        let fragment = format!("#{}", tab_slug(tab));
        _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&fragment));
    }
    if focus {
        if let Some(tab) = tab.dyn_ref::<web_sys::HtmlElement>() {
            _ = tab.focus();
        }
    }
}

/// One click handler for every copy button under a page (event delegation): copies the
/// command block's text, or selects it where the clipboard is blocked, and says which:
/// in the block's own status line when it has one (a section's command), else in the
/// button and the page's live region (Markdown bodies).
fn copy_on_click(ev: web_sys::MouseEvent) {
    let Some(button) = target_closest(&ev, "button[data-copy]") else {
        return;
    };
    let Some(block) = button.parent_element() else {
        return;
    };
    let Some(code) = block.query_selector("pre code").ok().flatten() else {
        return;
    };
    let status = block.query_selector("[role=status]").ok().flatten();
    let text = code.text_content().unwrap_or_default();
    leptos::task::spawn_local(async move {
        let copied = crate::components::write_clipboard(&text).await.is_ok();
        if !copied {
            crate::components::select_contents(&code);
        }
        let message = if copied {
            "Copied to the clipboard."
        } else {
            "Copying is blocked here: the command is selected, press Ctrl+C (⌘C on a Mac)."
        };
        match status {
            Some(status) => status.set_text_content(Some(message)),
            None => {
                button.set_text_content(Some(if copied { "Copied" } else { "Press Ctrl+C" }));
                announce(message);
            }
        }
    });
}

/// Says `message` through the page's polite live region (`[data-announce]`).
fn announce(message: &str) {
    if let Some(region) = document().query_selector("[data-announce]").ok().flatten() {
        region.set_text_content(Some(message));
    }
}

/// Loads an ES module from the site's own files once (`/transparency-check.js`), for a
/// widget written in JS; if it is already loaded, tells it about the new mount point with
/// a `dstack:widget` event on the element.
pub fn load_module(mount: &web_sys::Element, path: &str) {
    // The prerender would save the <script> into the static page's head; the live app
    // loads it instead.
    if prerendering() {
        return;
    }
    let src = crate::site::href(path);
    let selector = format!("script[data-widget-module=\"{src}\"]");
    if document()
        .query_selector(&selector)
        .ok()
        .flatten()
        .is_some()
    {
        if let Ok(event) = web_sys::CustomEvent::new("dstack:widget") {
            _ = mount.dispatch_event(&event);
        }
        return;
    }
    let Ok(script) = document().create_element("script") else {
        return;
    };
    _ = script.set_attribute("type", "module");
    _ = script.set_attribute("src", &src);
    _ = script.set_attribute("data-widget-module", &src);
    if let Some(head) = document().head() {
        _ = head.append_child(&script);
    }
}
