//! `/ecosystem`: stewards, adopters by evidence, integrations and the community.

#[cfg(feature = "words")]
mod view;
pub mod words;

#[cfg(feature = "words")]
pub use view::Ecosystem;
