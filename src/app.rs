use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::Layout;
use crate::github::store::GithubStore;
use crate::routes::{
    Architecture, Ecosystem, Examples, Features, GettingStarted, Home, NotFound, Resources,
    UseCases, Verify,
};

/// Page-view analytics when the build configured them (see [`crate::analytics`]).
#[component]
fn PageViews() -> impl IntoView {
    crate::analytics::track_page_views();
}

/// The whole site: router, the shared layout, and one route per page of [`crate::site::PAGES`].
///
/// `path!` needs literals, so the paths are repeated here; the browser tests check that
/// every page of the table renders its own heading at its path.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    GithubStore::provide();
    view! {
        <Router base=crate::site::BASE>
            <PageViews/>
            <Layout>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/architecture") view=Architecture/>
                    <Route path=path!("/use-cases") view=UseCases/>
                    <Route path=path!("/features") view=Features/>
                    <Route path=path!("/examples") view=Examples/>
                    <Route path=path!("/getting-started") view=GettingStarted/>
                    <Route path=path!("/verify") view=Verify/>
                    <Route path=path!("/ecosystem") view=Ecosystem/>
                    <Route path=path!("/resources") view=Resources/>
                </Routes>
            </Layout>
        </Router>
    }
}
