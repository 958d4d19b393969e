//! The frame's markup: skip link, header (with the navigation and theme select), `<main>`
//! and footer. Rendered by the words build only, then saved by the prerender; the shipped
//! build keeps that copy. [`crate::frame`] gives it behaviour in both builds.

mod footer;
mod header;
mod layout;
mod nav;
mod skip_link;
mod theme_switch;

pub use footer::Footer;
pub use header::Header;
pub use layout::Layout;
pub use nav::Nav;
pub use skip_link::SkipLink;
pub use theme_switch::ThemeSwitch;
