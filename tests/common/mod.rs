//! Helpers shared by the browser tests: mount the real app at a path, let it settle,
//! query what a visitor would see.
#![allow(dead_code)] // each test file uses a different subset

use dstack_site::App;
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// Lets the router finish a navigation: it commits the URL only after the new route's
/// view is ready, which takes more than one microtask, so wait for a macrotask too. Then
/// waits for the app's start-up steps (`boot::step`: the frame, the GitHub store's first
/// round, each island) to drain: each is a task of its own, and nested zero-delay timers
/// are clamped to 4 ms, so a fixed wait alone raced them on a busy machine.
pub async fn settle() {
    for _ in 0..3 {
        tick().await;
    }
    sleep_ms(20).await;
    for _ in 0..200 {
        if !dstack_site::boot::stepping() {
            break;
        }
        sleep_ms(10).await;
    }
    assert!(
        !dstack_site::boot::stepping(),
        "start-up steps still pending after 2 s"
    );
    tick().await;
}

async fn sleep_ms(ms: i32) {
    let timeout = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("setTimeout");
    });
    wasm_bindgen_futures::JsFuture::from(timeout)
        .await
        .expect("timeout resolves");
}

/// The app mounted into a fresh element at `path`, torn down on drop.
///
/// Dropping leptos' mount handle only unmounts the DOM: the app's reactive owner lives on
/// while its own event listeners reference it, so a later test's link click would reach a
/// stale router and its `<head>` tags would stay. Mounting under an owner of our own and
/// cleaning it up runs every `on_cleanup` (router listeners, meta tags), as a page unload
/// would for a visitor.
pub struct Mounted {
    pub root: HtmlElement,
    owner: Owner,
    handle: Option<Box<dyn std::any::Any>>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        drop(self.handle.take());
        self.owner.cleanup();
        self.root.remove();
    }
}

impl Mounted {
    pub async fn at(path: &str) -> Self {
        Self::view_at(path, App).await
    }

    /// Mounts `view` (which must provide its own router) at `path`.
    pub async fn view_at<F, N>(path: &str, view: F) -> Self
    where
        F: FnOnce() -> N + 'static,
        N: IntoView + 'static,
    {
        seed_github_cache();
        window()
            .history()
            .expect("history")
            .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
            .expect("pushState");
        let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
        document().body().unwrap().append_child(&root).unwrap();
        let owner = Owner::new();
        let handle = owner.with(|| mount_to(root.clone(), view));
        settle().await;
        Mounted {
            root,
            owner,
            handle: Some(Box::new(handle)),
        }
    }

    pub fn one(&self, selector: &str) -> HtmlElement {
        self.root
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no element matches {selector}"))
            .unchecked_into()
    }

    pub fn count(&self, selector: &str) -> u32 {
        self.root.query_selector_all(selector).unwrap().length()
    }

    pub fn text(&self, selector: &str) -> String {
        self.one(selector)
            .text_content()
            .unwrap_or_default()
            .trim()
            .to_string()
    }
}

/// Fresh GitHub figures in the cache, so the app makes no request: browser tests never
/// reach the network, and this exercises the cached path a repeat visitor gets.
pub fn seed_github_cache() {
    use dstack_site::github::cache::{Record, Timed, STORAGE_KEY};
    use dstack_site::github::types::{Release, RepoFigures};
    use dstack_site::github::REPOS;

    let now = js_sys::Date::now();
    let mut record = Record::default();
    for (i, repo) in REPOS.iter().enumerate() {
        let value = RepoFigures {
            stars: 1234 + i as u64,
            forks: 56,
        };
        record.repos.insert(
            repo.slug(),
            Timed {
                value,
                fetched_at_ms: now,
            },
        );
    }
    record.release = Some(Timed {
        value: Release {
            tag: "v0.5.11".into(),
            url: "https://github.com/Dstack-TEE/dstack/releases/tag/v0.5.11".into(),
            published_at: "2026-05-11T10:00:00Z".into(),
        },
        fetched_at_ms: now,
    });
    let storage = window().local_storage().unwrap().unwrap();
    storage.set_item(STORAGE_KEY, &record.encode()).unwrap();
}
