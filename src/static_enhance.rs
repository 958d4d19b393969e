//! Behaviour attached to build-time markup (prose pages, tutorial bodies): the HTML comes
//! from a static fragment, and these functions find its interactive parts by their
//! attributes. Nothing here renders words.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Copy buttons ship `hidden`: without the app they could not work.
pub fn reveal_copy_buttons(body: &web_sys::Element) {
    for el in elements(body, "button[data-copy][hidden]") {
        _ = el.remove_attribute("hidden");
    }
}

/// The `{{widget:NAME}}` mount points in `body`, as (name, element).
pub fn widget_mounts(body: &web_sys::Element) -> Vec<(String, web_sys::Element)> {
    elements(body, "[data-widget]")
        .into_iter()
        .filter_map(|el| Some((el.get_attribute("data-widget")?, el)))
        .collect()
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

/// One click handler for every copy button under a page (event delegation): copies the
/// command block's text, or selects it where the clipboard is blocked, and says which in
/// the button and a live region.
pub fn copy_on_click(ev: web_sys::MouseEvent) {
    let Some(button) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest("button[data-copy]").ok().flatten())
    else {
        return;
    };
    let Some(code) = button
        .parent_element()
        .and_then(|block| block.query_selector("pre code").ok().flatten())
    else {
        return;
    };
    let text = code.text_content().unwrap_or_default();
    leptos::task::spawn_local(async move {
        let copied = crate::components::write_clipboard(&text).await.is_ok();
        if !copied {
            crate::components::select_contents(&code);
        }
        button.set_text_content(Some(if copied { "Copied" } else { "Press Ctrl+C" }));
        announce(if copied {
            "Copied to the clipboard."
        } else {
            "Copying is blocked here: the command is selected, press Ctrl+C (⌘C on a Mac)."
        });
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
    let prerendering =
        js_sys::Reflect::get(&window(), &"__dstackPrerender".into()).is_ok_and(|v| v.is_truthy());
    if prerendering {
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
