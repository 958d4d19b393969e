//! One routed component per section of the site, dispatched on the path.
//!
//! The section pages ([`crate::site::is_section`], src/sections/) have their Leptos views
//! only in the words build (see [`section`]); the shipped build carries the rest: blog,
//! tutorials, prose pages and the not-found page, whose words already arrive as build-time
//! HTML or are few.

mod blog;
mod not_found;
mod prose;
pub mod section;
mod tutorials;

pub use blog::{BlogIndex, BlogPost};
pub use not_found::NotFound;
pub use prose::ProsePage;
pub use section::SectionPage;
pub use tutorials::{TutorialIndex, TutorialPage};

use leptos::prelude::*;

/// The page for a site path (base path already stripped, no trailing slash); anything
/// else is the not-found page.
pub fn page_view(path: &str) -> AnyView {
    if let Some(page) = crate::site::page_for(path).filter(|p| crate::site::is_section(p.path)) {
        return view! { <SectionPage path=page.path/> }.into_any();
    }
    match path {
        "/blog" => view! { <BlogIndex/> }.into_any(),
        "/tutorials" => view! { <TutorialIndex/> }.into_any(),
        _ => {
            if let Some(slug) = path
                .strip_prefix("/blog/")
                .filter(|s| crate::blog::find(s).is_some())
            {
                view! { <BlogPost slug=slug.to_string()/> }.into_any()
            } else if let Some(slug) = path
                .strip_prefix("/tutorials/")
                .filter(|s| crate::tutorials::find(s).is_some())
            {
                view! { <TutorialPage slug=slug.to_string()/> }.into_any()
            } else if let Some(prose) = crate::prose::find(path) {
                view! { <ProsePage prose=prose/> }.into_any()
            } else {
                view! { <NotFound/> }.into_any()
            }
        }
    }
}
