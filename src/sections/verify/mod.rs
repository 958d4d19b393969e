//! `/verify`: the in-browser TDX quote verifier (its engine is the verifier/ crate).

// The form's markup lives in the verifier crate, beside the code that binds its ids; the
// site prerenders it (`view`) and its island loader names the status line by its id.
#[path = "../../../verifier/src/form.rs"]
pub mod form;
#[cfg(feature = "words")]
mod view;
pub mod words;

#[cfg(feature = "words")]
pub use view::Verify;
