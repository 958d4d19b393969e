use leptos::html::Div;
use leptos::prelude::*;

use super::form::form_html;
use super::words::notes_html;
use crate::components::PageHeader;
use crate::site;

/// `/verify`: the in-browser TDX attestation explorer. The form is static markup, an island
/// named "verifier": its engine (the `verifier/` crate, its own wasm module) is fetched when
/// this page opens and takes the form over ([`crate::islands::mount_verifier`]).
#[component]
pub fn Verify() -> impl IntoView {
    let root = NodeRef::<Div>::new();
    Effect::new(move |_| {
        if let Some(el) = root.get() {
            let el: &web_sys::Element = &el;
            crate::islands::mount_verifier(el.clone());
        }
    });
    view! {
        <div class="page verify">
            <PageHeader page=&site::VERIFY/>
            <div data-island="verifier" node_ref=root inner_html=form_html()></div>
            <div inner_html=notes_html()></div>
        </div>
    }
}
