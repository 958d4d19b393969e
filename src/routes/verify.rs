use leptos::html::Div;
use leptos::prelude::*;

use crate::components::PageHeader;
use crate::content::verify::{form_html, load_failed, notes_html};
use crate::site;

/// scripts/prerender.mjs sets this while it snapshots pages: the static HTML keeps the
/// "Loading" state instead of a form wired to a module that is not there yet.
fn prerendering() -> bool {
    js_sys::Reflect::get(&window(), &"__dstackPrerender".into())
        .map(|v| v.is_truthy())
        .unwrap_or(false)
}

/// `/verify`: the in-browser TDX attestation explorer. The form is static markup; the
/// engine (the `verifier/` crate, its own wasm module) is fetched when this page opens
/// and takes the form over.
#[component]
pub fn Verify() -> impl IntoView {
    crate::components::page_style("/verify.css");
    let root = NodeRef::<Div>::new();
    Effect::new(move |_| {
        let Some(el) = root.get() else { return };
        if prerendering() {
            return;
        }
        leptos::task::spawn_local(async move {
            if let Err(e) = crate::verifier::mount(&el).await {
                if let Ok(Some(status)) = el.query_selector("#verify-status") {
                    status.set_text_content(Some(&load_failed(&e)));
                }
            }
        });
    });
    view! {
        <div class="page verify">
            <PageHeader page=&site::VERIFY/>
            <div node_ref=root inner_html=form_html()></div>
            <div inner_html=notes_html()></div>
        </div>
    }
}
