//! The engine of dstack.info's `/verify` page: it reads an Intel TDX quote, checks its
//! signature chain with dcap-qvl, replays a dstack event log into RTMR0–3, checks the OS
//! image from the VM config's measurement material ("TDX lite": `lite`, `os_image`),
//! the app's compose hash (`compose`, `app`, `builder`) and identity (`claims`,
//! `identity`), and gives a verdict (`checks`, `policy`), all inside the visitor's
//! browser. Built by trunk as its own wasm module
//! and loaded only when `/verify` opens, so the rest of the site does not carry it.
//!
//! Pure Rust: every module tests on the host; `web` is the thin wasm-bindgen surface.

pub mod app;
pub mod builder;
pub mod cbor;
pub mod checks;
pub mod claims;
pub mod compose;
pub mod error;
pub mod events;
pub mod export;
pub mod form;
pub mod html;
pub mod identity;
pub mod input;
pub mod lite;
pub mod os_image;
pub mod policy;
pub mod quote;
pub mod report;
pub mod samples;
pub mod share;
pub mod verdict;
pub mod view;
#[cfg(target_arch = "wasm32")]
mod web;

/// Checks what the visitor pasted and returns the result as an HTML fragment.
pub fn check_html(fields: report::Fields<'_>, now_secs: u64) -> String {
    match report::check(fields, now_secs) {
        Ok(r) => html::report(&r),
        Err(e) => html::error(&e),
    }
}
