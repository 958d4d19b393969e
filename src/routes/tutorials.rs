//! The tutorial track's routes. Every word of the track (overview, sidebar, steps,
//! previous/next) is build-time HTML (build/tutorials.rs); these views add the head tags
//! and attach the reader's progress to that markup through its `data-*` hooks, so the
//! track costs the wasm its behaviour, not its text.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::{PageHeader, PageMeta, StaticHtml};
use crate::site;
use crate::static_enhance::elements as all;
use crate::tutorials::{find, fragment_path, Progress, DONE_KEY, LAST_KEY};

thread_local! {
    /// Progress when storage is refused, so it lasts through client-side navigation.
    static IN_MEMORY: std::cell::RefCell<(String, String)> =
        const { std::cell::RefCell::new((String::new(), String::new())) };
}

/// The stored value at `key`, and whether storage answered (blocked storage throws).
fn read(key: &str) -> (Option<String>, bool) {
    match crate::storage::get(key) {
        Some(value) => (value, true),
        None => {
            let memory = IN_MEMORY.with(|m| {
                let m = m.borrow();
                if key == DONE_KEY {
                    m.0.clone()
                } else {
                    m.1.clone()
                }
            });
            (Some(memory), false)
        }
    }
}

/// Saves `value` (and keeps it in memory); false when the browser refused it.
fn write(key: &str, value: &str) -> bool {
    IN_MEMORY.with(|m| {
        let mut m = m.borrow_mut();
        if key == DONE_KEY {
            m.0 = value.to_string();
        } else {
            m.1 = value.to_string();
        }
    });
    crate::storage::set(key, value)
}

fn show(el: &web_sys::Element, shown: bool) {
    _ = if shown {
        el.remove_attribute("hidden")
    } else {
        el.set_attribute("hidden", "")
    };
}

/// Brings the markup under `root` in line with the stored progress: ticks, bars, the
/// done toggle, resume, the storage notice; reveals the controls that need the app.
fn apply(root: &web_sys::Element, kept_after_write: bool) {
    let (done, readable) = read(DONE_KEY);
    let progress = Progress::parse(done.as_deref());
    for item in all(root, "li[data-slug]") {
        let slug = item.get_attribute("data-slug").unwrap_or_default();
        let is_done = progress.is_done(&slug);
        _ = item.class_list().toggle_with_force("done", is_done);
        for mark in all(&item, ".done-mark") {
            show(&mark, is_done);
        }
    }
    let total = crate::tutorials::TUTORIALS.len();
    for bar in all(root, "[data-progress]") {
        _ = bar.set_attribute("value", &progress.count().to_string());
        bar.set_text_content(Some(&format!("{}%", progress.percent())));
    }
    for label in all(root, "[data-progress-label]") {
        label.set_text_content(Some(&format!("{} of {total} pages done", progress.count())));
    }
    for button in all(root, "[data-action=toggle-done]") {
        let slug = button.get_attribute("data-slug").unwrap_or_default();
        let is_done = progress.is_done(&slug);
        _ = button.class_list().toggle_with_force("done", is_done);
        button.set_text_content(Some(if is_done {
            "✓ Marked done · undo"
        } else {
            "Mark this page done"
        }));
        show(&button, true);
    }
    for el in all(root, "[data-action=toggle-track], [data-reset]") {
        show(&el, true);
    }
    for notice in all(root, "[data-storage-notice]") {
        show(&notice, !(readable && kept_after_write));
    }
    if let Some(link) = root.query_selector("[data-resume]").ok().flatten() {
        let (last, _) = read(LAST_KEY);
        match progress.resume(last.as_deref()) {
            Some(t) => {
                let verb = if progress.count() == 0 {
                    "Start with"
                } else {
                    "Continue with"
                };
                _ = link.set_attribute("href", &site::href(t.page.path));
                link.set_text_content(Some(&format!("{verb}: {}", t.page.title)));
            }
            None => {
                if let Some(p) = link.parent_element() {
                    p.set_text_content(Some("You have marked every page done."));
                }
            }
        }
    }
}

fn announce(root: &web_sys::Element, message: &str) {
    if let Some(region) = root.query_selector("[data-announce]").ok().flatten() {
        region.set_text_content(Some(message));
    }
}

fn focus(root: &web_sys::Element, selector: &str) {
    if let Some(el) = root
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        _ = el.focus();
    }
}

/// One click handler per page for every control in the static markup (event
/// delegation on the page's wrapper): done toggle, sidebar toggle, reset with a
/// confirmation step, and the static parts every page has (copy buttons).
fn on_click(ev: web_sys::MouseEvent) {
    crate::static_enhance::on_page_click(ev.clone());
    let (Some(root), Some(button)) = (
        ev.current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok()),
        ev.target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("[data-action]").ok().flatten()),
    ) else {
        return;
    };
    match button.get_attribute("data-action").as_deref() {
        Some("toggle-done") => {
            let slug = button.get_attribute("data-slug").unwrap_or_default();
            let mut progress = Progress::parse(read(DONE_KEY).0.as_deref());
            let now = !progress.is_done(&slug);
            progress.set(&slug, now);
            let kept = write(DONE_KEY, &progress.serialize());
            apply(&root, kept);
            announce(
                &root,
                if now {
                    "Marked done."
                } else {
                    "Marked not done."
                },
            );
        }
        Some("toggle-track") => {
            let open = button.get_attribute("aria-expanded").as_deref() != Some("true");
            _ = button.set_attribute("aria-expanded", if open { "true" } else { "false" });
            button.set_text_content(Some(if open {
                "Hide the track"
            } else {
                "Show all pages of the track"
            }));
            if let Some(list) = root.query_selector("#track-list").ok().flatten() {
                _ = list.class_list().toggle_with_force("open", open);
            }
        }
        Some(action @ ("reset-ask" | "reset-no" | "reset-yes")) => {
            if action == "reset-yes" {
                let kept = write(DONE_KEY, "") & write(LAST_KEY, "");
                apply(&root, kept);
                announce(&root, "Progress cleared.");
            }
            let asking = action == "reset-ask";
            for el in all(&root, "[data-reset]") {
                show(&el, !asking);
            }
            for el in all(&root, "[data-reset-confirm]") {
                show(&el, asking);
            }
            focus(
                &root,
                if asking {
                    "[data-action=reset-yes]"
                } else {
                    "[data-action=reset-ask]"
                },
            );
        }
        _ => {}
    }
}

/// Runs when a fragment is in the document: progress onto the markup, copy buttons on.
fn on_ready() -> Callback<web_sys::Element> {
    Callback::new(|body: web_sys::Element| {
        crate::static_enhance::reveal_copy_buttons(&body);
        apply(&body, true);
    })
}

/// The shipped build's first page, when it is the track's overview (`slug` none) or one of
/// its pages: as [`TutorialIndex`] and [`TutorialPage`] do, on the prerendered markup.
#[cfg(not(feature = "words"))]
pub fn adopt(main: &web_sys::Element, slug: Option<&'static str>) -> AnyView {
    use crate::static_enhance::{find, listen};
    if let Some(slug) = slug {
        _ = write(LAST_KEY, slug);
    }
    if let Some(page) = find::<web_sys::Element>(main, ".page") {
        listen(&page, "click", on_click);
    }
    if let Some(body) = find::<web_sys::Element>(main, "[data-static]") {
        let ready = on_ready();
        crate::boot::step(move || ready.run(body));
    }
    ().into_any()
}

/// `/tutorials`: the overview, with the reader's progress, resume and reset.
#[component]
pub fn TutorialIndex() -> impl IntoView {
    view! {
        <div class="page tutorials" on:click=on_click>
            <PageHeader page=&site::TUTORIALS/>
            <StaticHtml path=fragment_path("index") on_ready=on_ready()/>
        </div>
    }
}

/// `/tutorials/<slug>`: one page of the track, remembered as the last one visited.
/// `page_view` sends unknown slugs to the not-found page.
#[component]
pub fn TutorialPage(slug: String) -> impl IntoView {
    let Some(t) = find(&slug) else {
        return ().into_any();
    };
    _ = write(LAST_KEY, t.slug);
    view! {
        <PageMeta page=&t.page tutorial=Some(t)/>
        <div class="page" on:click=on_click>
            <StaticHtml path=fragment_path(t.slug) on_ready=on_ready()/>
        </div>
    }
    .into_any()
}
