//! One routed component per section of the site.

mod architecture;
mod blog;
mod ecosystem;
mod examples;
mod features;
mod getting_started;
mod home;
mod not_found;
mod prose;
mod resources;
mod tutorials;
mod use_cases;
mod verify;

pub use architecture::Architecture;
pub use blog::{BlogIndex, BlogPost};
pub use ecosystem::Ecosystem;
pub use examples::Examples;
pub use features::Features;
pub use getting_started::GettingStarted;
pub use home::Home;
pub use not_found::NotFound;
pub use prose::ProsePage;
pub use resources::Resources;
pub use tutorials::{TutorialIndex, TutorialPage};
pub use use_cases::UseCases;
pub use verify::Verify;

use leptos::prelude::*;

/// The page for a site path (base path already stripped, no trailing slash); anything
/// else is the not-found page.
pub fn page_view(path: &str) -> AnyView {
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
