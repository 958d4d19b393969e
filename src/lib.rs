//! dstack.info: the website of dstack, a client-side rendered Leptos app.
//!
//! `site`, `content`, `filter`, `tablist` and `theme` are plain data and logic that compile and test on the host;
//! `components` and `routes` are the views; `app` wires them to the router.

pub mod address;
pub mod analytics;
mod app;
pub mod blog;
pub mod boot;
pub mod components;
pub mod content;
pub mod diagram;
pub mod filter;
pub mod frame;
pub mod github;
pub mod html;
pub mod islands;
pub mod prose;
pub mod routes;
pub mod search;
pub mod sections;
pub mod seo;
pub mod site;
pub mod static_enhance;
pub mod static_file;
pub mod storage;
pub mod tablist;
pub mod theme;
pub mod tutorials;
pub mod verifier;
pub mod watch;

pub use app::App;
