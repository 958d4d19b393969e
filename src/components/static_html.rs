use leptos::prelude::*;

/// Where a [`StaticHtml`] stands.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Body {
    Loading,
    Ready(String),
    Failed(String),
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
    let body = RwSignal::new(Body::Loading);
    // Once the body's markup is in the document, the page's behaviour.
    Effect::new(move |_| {
        if let (Some(el), Some(ready)) = (node.get(), on_ready) {
            let el: &web_sys::Element = &el;
            ready.run(el.clone());
        }
    });
    leptos::task::spawn_local(async move {
        body.set(match crate::static_file::get_text(&path).await {
            Ok(html) => Body::Ready(html),
            Err(e) => Body::Failed(e),
        });
    });
    move || {
        match body.get() {
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
