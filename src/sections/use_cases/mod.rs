//! `/use-cases`: what runs on dstack and what its examples show how to build, filterable.

#[cfg(feature = "words")]
mod view;
pub mod words;

#[cfg(feature = "words")]
pub use view::UseCases;
