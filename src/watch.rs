//! Browser conditions as reactive values: a media query, whether an element is on screen,
//! whether the tab is hidden. Each listener is removed when its owner is cleaned up.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{IntersectionObserver, IntersectionObserverEntry};

/// Whether `query` matches now (false where `matchMedia` is missing).
pub fn media_matches(query: &str) -> bool {
    window()
        .match_media(query)
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

/// A signal following `query` as the window is resized or the preference changes.
pub fn media_signal(query: &str) -> ReadSignal<bool> {
    let Some(list) = window().match_media(query).ok().flatten() else {
        return signal(false).0;
    };
    let (get, set) = signal(list.matches());
    let target = list.clone();
    let on_change = Closure::<dyn Fn()>::new(move || set.set(target.matches()));
    if list
        .add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref())
        .is_ok()
    {
        let kept = SendWrapper::new((list, on_change));
        on_cleanup(move || {
            let (list, on_change) = kept.take();
            _ = list
                .remove_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        });
    }
    get
}

/// Calls `visible` whenever `element` enters or leaves the viewport, until the caller's
/// owner is cleaned up. Without IntersectionObserver the element counts as visible.
pub fn on_screen(element: &web_sys::Element, visible: impl Fn(bool) + 'static) {
    let visible = std::rc::Rc::new(visible);
    let report = visible.clone();
    let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        // The last entry is the newest state of our single target.
        if let Some(entry) = entries.iter().last() {
            report(
                entry
                    .unchecked_into::<IntersectionObserverEntry>()
                    .is_intersecting(),
            );
        }
    });
    match IntersectionObserver::new(callback.as_ref().unchecked_ref()) {
        Ok(io) => {
            io.observe(element);
            // Stopped before its callback is dropped, or it would call a freed closure.
            let kept = SendWrapper::new((io, callback));
            on_cleanup(move || {
                let (io, _callback) = kept.take();
                io.disconnect();
            });
        }
        Err(_) => visible(true),
    }
}

/// Calls `hidden` now and whenever the tab goes to the background or comes back.
pub fn tab_hidden(hidden: impl Fn(bool) + 'static) {
    let document = document();
    hidden(document.hidden());
    let doc = document.clone();
    let on_change = Closure::<dyn Fn()>::new(move || hidden(doc.hidden()));
    if document
        .add_event_listener_with_callback("visibilitychange", on_change.as_ref().unchecked_ref())
        .is_ok()
    {
        let kept = SendWrapper::new((document, on_change));
        on_cleanup(move || {
            let (document, on_change) = kept.take();
            _ = document.remove_event_listener_with_callback(
                "visibilitychange",
                on_change.as_ref().unchecked_ref(),
            );
        });
    }
}
