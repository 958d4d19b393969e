//! The section pages (home, architecture, use cases, …): their words are rendered once.
//!
//! `make dist` builds the app twice. The words build (feature `words`, also what
//! `trunk serve` and the tests run) renders each section with its Leptos view; the
//! prerender saves that markup into the page's HTML and, for client-side navigation, into
//! `section-content/<name>.html`. The shipped build has no section views and no section
//! words: it adopts the prerendered markup, or fetches the fragment, and brings its islands
//! to life ([`crate::islands`]). Both builds attach the same handlers to the same markup.

use leptos::prelude::*;

use crate::static_enhance::{on_page_click, on_page_keydown};

/// The section pages' paths: their markup is built once, at build time.
pub const PATHS: [&str; 9] = [
    "/",
    "/architecture",
    "/use-cases",
    "/features",
    "/examples",
    "/getting-started",
    "/verify",
    "/ecosystem",
    "/resources",
];

/// The site path of a section's markup fragment (`/` → `/section-content/home.html`).
pub fn fragment_path(path: &str) -> String {
    let name = match path.trim_start_matches('/') {
        "" => "home",
        name => name,
    };
    format!("/section-content/{name}.html")
}

/// A section page: its body (see the module notes), the islands found in it, and the
/// page's live region for copy messages.
#[component]
pub fn SectionPage(path: &'static str) -> impl IntoView {
    let mounts = RwSignal::new(Vec::<(String, web_sys::Element)>::new());
    let on_ready = Callback::new(move |body: web_sys::Element| {
        crate::static_enhance::enhance(&body);
        // The words build renders its islands in place, live; only adopted markup needs them.
        if !cfg!(feature = "words") {
            mounts.set(crate::islands::mounts(&body));
        }
    });
    let islands = move || {
        mounts
            .get()
            .into_iter()
            .map(|(name, el)| crate::islands::view(&name, el))
            .collect_view()
    };
    view! {
        <div class="section-page" on:click=on_page_click on:keydown=on_page_keydown>
            {body(path, on_ready)}
            {islands}
            <p class="visually-hidden" role="status" aria-live="polite" data-announce></p>
        </div>
    }
}

/// The words build: the section's view, in the wrapper the shipped build's
/// [`crate::components::StaticHtml`] renders (`data-save` tells the prerender to write
/// its contents to the fragment file).
#[cfg(feature = "words")]
fn body(path: &'static str, on_ready: Callback<web_sys::Element>) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(el) = node.get() {
            let el: &web_sys::Element = &el;
            on_ready.run(el.clone());
        }
    });
    view! {
        <div data-static=crate::site::href(&fragment_path(path)) data-state="ready" data-save="" node_ref=node>
            {super::words::view(path)}
        </div>
    }
}

/// The shipped build: the page's metadata from the site map, and its body as build-time
/// HTML.
#[cfg(not(feature = "words"))]
fn body(path: &'static str, on_ready: Callback<web_sys::Element>) -> impl IntoView {
    use crate::components::{PageMeta, StaticHtml};
    if path == crate::site::VERIFY.path {
        crate::components::page_style("/verify.css");
    }
    let page = crate::site::page_for(path).unwrap_or(&crate::site::NOT_FOUND);
    view! {
        <PageMeta page=page/>
        <StaticHtml path=fragment_path(path) on_ready=on_ready/>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_is_a_page_of_the_site_map_with_its_own_fragment() {
        let mut files = std::collections::BTreeSet::new();
        for path in PATHS {
            assert!(
                crate::site::page_for(path).is_some(),
                "{path} is not in site::PAGES"
            );
            assert!(
                files.insert(fragment_path(path)),
                "{path} shares a fragment"
            );
        }
        assert_eq!(fragment_path("/"), "/section-content/home.html");
        assert_eq!(
            fragment_path("/getting-started"),
            "/section-content/getting-started.html"
        );
    }
}
