use leptos::prelude::*;

/// Where a [`StaticHtml`] stands.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Body {
    /// The prerendered copy is on the page: its nodes move into the live tree.
    Adopted,
    Loading,
    Ready(String),
    Failed(String),
}

/// The markup already on the page for `src`: the prerendered copy, which the live app
/// adopts at takeover instead of fetching it again (no flash, no shift). Its nodes are
/// moved, not copied ([`crate::boot::adopt`]): serialising and parsing them again cost
/// the start-up about 5 ms.
fn prerendered(src: &str) -> Option<web_sys::Element> {
    let selector = format!("[data-static=\"{src}\"][data-state=\"ready\"]");
    document().query_selector(&selector).ok().flatten()
}

/// A block of build-time HTML served as a static file at the site path `path` (a blog
/// post's body): the text lives in that file, not in the wasm. Failure is a calm
/// message, never a blank page.
///
/// `on_ready` runs once the body is in the document, with its element: the page attaches
/// behaviour to the static markup there (copy buttons, widgets).
#[component]
pub fn StaticHtml(
    path: String,
    #[prop(optional)] on_ready: Option<Callback<web_sys::Element>>,
) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    // `data-static` names the file's URL, under the base path.
    let src = crate::site::href(&path);
    let found = prerendered(&src);
    let body = RwSignal::new(if found.is_some() {
        Body::Adopted
    } else {
        Body::Loading
    });
    let copy = send_wrapper::SendWrapper::new(std::cell::Cell::new(found));
    // Once the body's element is in the live tree, the page's behaviour; an adopted body
    // first receives the prerendered nodes, at the takeover's swap (crate::boot).
    Effect::new(move |_| {
        if let Some(el) = node.get() {
            let el: web_sys::Element = (*el).clone().into();
            let ready = move |el: web_sys::Element| {
                if let Some(ready) = on_ready {
                    ready.run(el);
                }
            };
            match (*copy).take() {
                Some(from) => crate::boot::adopt(from, el, ready),
                None => ready(el),
            }
        }
    });
    if body.get_untracked() == Body::Loading {
        leptos::task::spawn_local(async move {
            body.set(match crate::static_file::get_text(&path).await {
                Ok(html) => Body::Ready(html),
                Err(e) => Body::Failed(e),
            });
            crate::boot::settled();
        });
    }
    move || {
        match body.get() {
        Body::Adopted => {
            view! { <div data-static=src.clone() data-state="ready" node_ref=node></div> }.into_any()
        }
        Body::Loading => view! {
            <div data-static=src.clone() data-state="loading" aria-busy="true">
                <p class="static-status">"Loading…"</p>
            </div>
        }
        .into_any(),
        Body::Ready(html) => {
            view! { <div data-static=src.clone() data-state="ready" node_ref=node inner_html=html></div> }
                .into_any()
        }
        Body::Failed(why) => view! {
            <div data-static=src.clone() data-state="failed" role="alert">
                <p class="static-status">
                    "This part of the page could not load: " {why}
                    ". Check your connection and reload the page."
                </p>
            </div>
        }
        .into_any(),
    }
    }
}
