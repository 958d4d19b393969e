use leptos::prelude::*;

use super::code_block::write_clipboard;

async fn page_markdown(path: &str) -> Result<String, String> {
    let url = if path == "/" {
        crate::site::href("/index.md")
    } else {
        crate::site::href(&format!("{path}/index.md"))
    };
    let response = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(|_| "the network is unavailable".to_string())?;
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    response
        .text()
        .await
        .map_err(|_| "the answer was cut off".to_string())
}

/// "Copy page as Markdown" for the long pages: the page's text as the build wrote it
/// (`<route>/index.md`, see scripts/site-text.mjs), fetched on click.
#[component]
pub fn CopyMarkdown(path: &'static str) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let copy = move |_| {
        status.set("Copying…".into());
        leptos::task::spawn_local(async move {
            let message = match page_markdown(path).await {
                Ok(md) => match write_clipboard(&md).await {
                    Ok(()) => "Copied the page as Markdown.".to_string(),
                    Err(()) => "The clipboard is not available in this browser.".to_string(),
                },
                Err(e) => format!("Could not copy: {e}."),
            };
            status.set(message);
        });
    };
    view! {
        <p class="copy-markdown">
            <button type="button" class="button" on:click=copy>"Copy page as Markdown"</button>
            <span role="status">{move || status.get()}</span>
        </p>
    }
}
