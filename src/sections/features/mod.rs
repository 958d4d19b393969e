//! `/features`: benefits by audience, and the limits the project states.

#[cfg(feature = "words")]
mod view;
pub mod words;

#[cfg(feature = "words")]
pub use view::Features;
