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
/// (`<route>/index.md`, see scripts/site-text.mjs), fetched on click by the page's click
/// handler ([`copy`]); the markup is static, so it works in prerendered pages too.
#[component]
pub fn CopyMarkdown(path: &'static str) -> impl IntoView {
    view! {
        <p class="copy-markdown">
            <button type="button" class="button" data-copy-markdown=path>"Copy page as Markdown"</button>
            <span role="status"></span>
        </p>
    }
}

/// Copies the Markdown of the page `path` and says how it went in `status`.
pub async fn copy(path: &str, status: &web_sys::Element) {
    status.set_text_content(Some("Copying…"));
    let message = match crate::static_file::get_text(&markdown_path(path)).await {
        Ok(md) => match write_clipboard(&md).await {
            Ok(()) => "Copied the page as Markdown.".to_string(),
            Err(()) => "The clipboard is not available in this browser.".to_string(),
        },
        Err(e) => format!("Could not copy: {e}."),
    };
    status.set_text_content(Some(&message));
}
