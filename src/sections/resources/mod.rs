//! `/resources`: documentation, repositories, SDKs, research, security and community links.

#[cfg(feature = "words")]
mod view;
pub mod words;

#[cfg(feature = "words")]
pub use view::Resources;
