use leptos::html::Div;
use leptos::prelude::*;

use crate::components::PageHeader;
use crate::content::verify::{load_failed, notes_html, FORM};
use crate::site;

/// scripts/prerender.mjs sets this while it snapshots pages: the static HTML keeps the
/// "Loading" state instead of a form wired to a module that is not there yet.
fn prerendering() -> bool {
    js_sys::Reflect::get(&window(), &"__dstackPrerender".into())
        .map(|v| v.is_truthy())
        .unwrap_or(false)
}

/// Links the page's own stylesheet in the document head, once: no other page downloads
/// it. It is marked `data-keep` so the prerendered copy stays through the takeover
/// (a detached link would load only when attached, and the swap would flash).
fn link_stylesheet() {
    let document = document();
    let href = site::href("/verify.css");
    let selector = format!("link[href=\"{href}\"]");
    if document.query_selector(&selector).ok().flatten().is_some() {
        return;
    }
    let (Ok(link), Ok(Some(head))) = (
        document.create_element("link"),
        document.query_selector("head"),
    ) else {
        return;
    };
    let _ = link.set_attribute("rel", "stylesheet");
    let _ = link.set_attribute("href", &href);
    let _ = link.set_attribute("data-keep", "");
    let _ = head.append_child(&link);
}

/// `/verify`: the in-browser TDX attestation explorer. The form is static markup; the
/// engine (the `verifier/` crate, its own wasm module) is fetched when this page opens
/// and takes the form over.
#[component]
pub fn Verify() -> impl IntoView {
    link_stylesheet();
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
            <div node_ref=root inner_html=FORM></div>
            <div inner_html=notes_html()></div>
        </div>
    }
}
