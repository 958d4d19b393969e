//! `/`: the hero, the key messages, the compact diagram and a teaser per section.

#[cfg(feature = "words")]
mod view;
pub mod words;

#[cfg(feature = "words")]
pub use view::Home;
