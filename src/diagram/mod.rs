//! The architecture diagram: the nodes, flows and adversary views as data (`model`) and the
//! step machine with its URL form (`machine`), both plain Rust tested natively, and the thin
//! SVG view over them (`view`).

pub mod layout;
pub mod machine;
pub mod markup;
pub mod model;
mod view;

pub use view::{adopt, Diagram};
