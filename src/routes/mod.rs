//! One routed component per section of the site, dispatched on the path.
//!
//! The section pages ([`crate::site::is_section`]) have their Leptos views only in the words build
//! (see [`section`]); the shipped build carries the rest: blog, tutorials, prose pages and
//! the not-found page, whose words already arrive as build-time HTML or are few.

#[cfg(feature = "words")]
mod architecture;
mod blog;
#[cfg(feature = "words")]
mod ecosystem;
#[cfg(feature = "words")]
mod examples;
#[cfg(feature = "words")]
mod features;
#[cfg(feature = "words")]
mod getting_started;
#[cfg(feature = "words")]
mod home;
mod not_found;
mod prose;
#[cfg(feature = "words")]
mod resources;
pub mod section;
mod tutorials;
#[cfg(feature = "words")]
mod use_cases;
#[cfg(feature = "words")]
mod verify;

pub use blog::{BlogIndex, BlogPost};
pub use not_found::NotFound;
pub use prose::ProsePage;
pub use section::SectionPage;
pub use tutorials::{TutorialIndex, TutorialPage};

use leptos::prelude::*;

/// The words build's section views, by path (the shipped build has none).
#[cfg(feature = "words")]
pub mod words {
    use leptos::prelude::*;

    pub use super::architecture::Architecture;
    pub use super::ecosystem::Ecosystem;
    pub use super::examples::Examples;
    pub use super::features::Features;
    pub use super::getting_started::GettingStarted;
    pub use super::home::Home;
    pub use super::resources::Resources;
    pub use super::use_cases::UseCases;
    pub use super::verify::Verify;

    /// The view of the section at `path` ([`crate::site::is_section`]).
    pub fn view(path: &str) -> AnyView {
        match path {
            "/" => view! { <Home/> }.into_any(),
            "/architecture" => view! { <Architecture/> }.into_any(),
            "/use-cases" => view! { <UseCases/> }.into_any(),
            "/features" => view! { <Features/> }.into_any(),
            "/examples" => view! { <Examples/> }.into_any(),
            "/getting-started" => view! { <GettingStarted/> }.into_any(),
            "/verify" => view! { <Verify/> }.into_any(),
            "/ecosystem" => view! { <Ecosystem/> }.into_any(),
            "/resources" => view! { <Resources/> }.into_any(),
            _ => ().into_any(),
        }
    }
}

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
