use leptos::prelude::*;

use super::code_block::write_clipboard;

/// The page's Markdown copy: `/index.md`, or `<path>/index.md`.
fn markdown_path(path: &str) -> String {
    if path == "/" {
        "/index.md".to_string()
    } else {
        format!("{path}/index.md")
    }
}

/// "Copy page as Markdown" for the long pages: the page's text as the build wrote it
/// (`<route>/index.md`, see scripts/site-text.mjs), fetched on click.
#[component]
pub fn CopyMarkdown(path: &'static str) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let copy = move |_| {
        status.set("Copying…".into());
        leptos::task::spawn_local(async move {
            let message = match crate::static_file::get_text(&markdown_path(path)).await {
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
