//! `/architecture`: what dstack is: the problem, the diagram, the parts, boot modes, trust model.

#[cfg(feature = "words")]
mod view;
pub mod words;

#[cfg(feature = "words")]
pub use view::Architecture;
