//! The architecture diagram: the nodes, flows and adversary views as data (`model`) and the
//! step machine with its URL form (`machine`), both plain Rust tested natively. The SVG
//! view over them is the next piece of work (issue #4).

pub mod machine;
pub mod model;
