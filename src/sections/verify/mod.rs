//! `/verify`: the in-browser TDX quote verifier (its engine is the verifier/ crate).

#[cfg(feature = "words")]
mod view;
pub mod words;

#[cfg(feature = "words")]
pub use view::Verify;
