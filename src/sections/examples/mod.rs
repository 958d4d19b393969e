//! `/examples`: every example of dstack-examples, filterable by tag and text.

#[cfg(feature = "words")]
mod view;
pub mod words;

#[cfg(feature = "words")]
pub use view::Examples;
