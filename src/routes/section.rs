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
    let islands = crate::islands::Islands::new();
    // The words build renders its islands in place, live; only adopted markup needs them.
    let on_ready = islands.on_ready(!cfg!(feature = "words"));
    view! {
        <div class="section-page" on:click=on_page_click on:keydown=on_page_keydown>
            {body(path, on_ready)}
            {islands.views()}
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
            {crate::sections::view(path)}
        </div>
    }
}

/// The shipped build: the page's metadata from the site map, and its body as build-time
/// HTML.
#[cfg(not(feature = "words"))]
fn body(path: &'static str, on_ready: Callback<web_sys::Element>) -> impl IntoView {
    use crate::components::{PageMeta, StaticHtml};
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
    fn every_section_has_its_own_fragment() {
        let sections: Vec<&str> = crate::site::PAGES
            .iter()
            .map(|p| p.path)
            .filter(|p| crate::site::is_section(p))
            .collect();
        assert!(sections.contains(&"/") && !sections.contains(&"/blog"));
        let files: std::collections::BTreeSet<String> =
            sections.iter().map(|p| fragment_path(p)).collect();
        assert_eq!(files.len(), sections.len(), "two sections share a fragment");
        assert_eq!(fragment_path("/"), "/section-content/home.html");
        assert_eq!(
            fragment_path("/getting-started"),
            "/section-content/getting-started.html"
        );
    }
}
