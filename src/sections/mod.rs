//! The section pages, a folder each: `words.rs` holds the page's words as typed data, every
//! claim with its source, headings and labels too; `view.rs` renders them, with the
//! section's styles (stylers), and holds no words of its own (`content::tests` checks); a
//! widget only one section uses lives beside it. The views exist in the words build only
//! (see [`crate::routes::section`]): the shipped build adopts their prerendered markup and
//! keeps of the words only what an island needs (a list filter's labels, an error message).

pub mod architecture;
pub mod ecosystem;
pub mod examples;
pub mod features;
pub mod getting_started;
pub mod home;
pub mod resources;
pub mod use_cases;
pub mod verify;

/// The view of the section at `path` ([`crate::site::is_section`]).
#[cfg(feature = "words")]
pub fn view(path: &str) -> leptos::prelude::AnyView {
    use leptos::prelude::*;
    match path {
        "/" => view! { <home::Home/> }.into_any(),
        "/architecture" => view! { <architecture::Architecture/> }.into_any(),
        "/use-cases" => view! { <use_cases::UseCases/> }.into_any(),
        "/features" => view! { <features::Features/> }.into_any(),
        "/examples" => view! { <examples::Examples/> }.into_any(),
        "/getting-started" => view! { <getting_started::GettingStarted/> }.into_any(),
        "/verify" => view! { <verify::Verify/> }.into_any(),
        "/ecosystem" => view! { <ecosystem::Ecosystem/> }.into_any(),
        "/resources" => view! { <resources::Resources/> }.into_any(),
        _ => ().into_any(),
    }
}
