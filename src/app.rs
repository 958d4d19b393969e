use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::use_location;
use leptos_router::location::{BrowserUrl, LocationProvider};

use crate::github::store::GithubStore;

/// Page-view analytics when the build configured them (see [`crate::analytics`]).
#[component]
fn PageViews() -> impl IntoView {
    crate::analytics::track_page_views();
}

/// The page at the current path ([`crate::routes::page_view`]). It re-renders only when
/// the path changes: a query change (filters, diagram steps) keeps the page.
///
/// One dispatch on the path instead of a `<Route>` per page: leptos_router's nested
/// route tuple compiled into several KB of wasm per route, and the site needs none of
/// its features (no nested routes, no loaders); links and history stay the router's.
#[component]
fn Pages() -> impl IntoView {
    let location = use_location();
    let browser = use_context::<BrowserUrl>();
    let path = Memo::new(move |_| crate::site::strip_base(&location.pathname.get()).to_string());
    move || {
        let page = page_at(&path.get());
        // The router writes a link's URL into the address bar only once the view says
        // it is ready (what its own `<Routes>` does after switching).
        if let Some(browser) = &browser {
            browser.ready_to_complete();
        }
        page
    }
}

/// The page at `path`: the shipped build adopts the prerendered page on its first render
/// ([`crate::boot`]) and renders every later one afresh, in place of the prerendered one.
fn page_at(path: &str) -> AnyView {
    #[cfg(not(feature = "words"))]
    if let Some(main) = crate::boot::adoptable() {
        return crate::routes::adopt(path, &main);
    }
    #[cfg(not(feature = "words"))]
    crate::boot::leave_prerendered();
    crate::routes::page_view(path)
}

/// The page inside the frame: the words build renders the frame (header, `<main>`,
/// footer); the shipped build keeps the prerendered one and renders only what goes in
/// `<main>` (see [`crate::boot`]).
#[cfg(feature = "words")]
fn page_in_frame() -> impl IntoView {
    view! {
        <crate::components::Layout>
            <Pages/>
        </crate::components::Layout>
    }
}

#[cfg(not(feature = "words"))]
fn page_in_frame() -> impl IntoView {
    view! { <Pages/> }
}

/// The whole site: router, the shared layout, and the page for the current path; the
/// browser tests check that every page of [`crate::site::PAGES`] renders its own heading at
/// its path.
#[component]
pub fn App() -> impl IntoView {
    // The words build writes each page's head with leptos_meta (see PageMeta).
    #[cfg(feature = "words")]
    leptos_meta::provide_meta_context();
    GithubStore::provide();
    // The router first, then the frame's behaviour, then the page, each in a task of its
    // own (crate::boot::step): in one task they blocked a phone for 50-120 ms. The words
    // build renders the page at once: it replaces the whole prerendered `#app`, which
    // would otherwise stand empty for those tasks (`trunk serve`).
    let frame = RwSignal::new(false);
    let page = RwSignal::new(cfg!(feature = "words"));
    crate::boot::step(move || frame.set(true));
    if !cfg!(feature = "words") {
        crate::boot::step(move || page.set(true));
    }
    view! {
        <Router base=crate::site::BASE>
            <PageViews/>
            {move || frame.get().then(|| view! { <crate::frame::Frame/> })}
            {move || page.get().then(page_in_frame)}
        </Router>
    }
}
