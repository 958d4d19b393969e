//! `/getting-started`: requirements, the documented paths as tabs, your own app.

#[cfg(feature = "words")]
mod path_tabs;
#[cfg(feature = "words")]
mod view;
pub mod words;

#[cfg(feature = "words")]
pub use view::GettingStarted;
