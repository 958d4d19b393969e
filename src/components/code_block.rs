use leptos::prelude::*;
use stylers_macro::style;
use wasm_bindgen::{JsCast, JsValue};

/// A shell command in a code block with a Copy button.
///
/// Copying uses the asynchronous Clipboard API. Where it is missing (an insecure origin) or
/// refused (permission denied), the command's text is selected instead and the visitor is
/// told to press Ctrl+C, so the button never fails silently (see
/// [`crate::static_enhance::on_page_click`]).
#[component]
pub fn CodeBlock(code: &'static str, #[prop(optional)] label: &'static str) -> impl IntoView {
    let s = style! {
        div {
            position: relative;
            margin: 0.75rem 0 0;
            border: 1px solid var(--border);
            border-radius: var(--radius);
            background: var(--surface-sunken);
        }
        pre {
            margin: 0;
            padding: 0.875rem 1rem;
            padding-right: 5.5rem;
            overflow-x: auto;
            font-size: 0.875rem;
            line-height: 1.55;
        }
        p {
            margin: 0;
            padding: 0 1rem 0.625rem;
            font-size: 0.875rem;
            color: var(--text-muted);
        }
    };
    let region_label = if label.is_empty() {
        "Command".to_string()
    } else {
        format!("Command: {label}")
    };
    let button_label = if label.is_empty() {
        "Copy command".to_string()
    } else {
        format!("Copy command: {label}")
    };
    // Static markup: the page's click handler (`static_enhance::on_page_click`) copies, so
    // the same block works when it arrives as prerendered or fetched HTML. The button ships
    // hidden; the app reveals it (without the app it could not work).
    view! {
        <div class=s>
            // Focusable, so a keyboard can scroll a long command sideways on a phone.
            <pre class=s tabindex="0" role="region" aria-label=region_label>
                <code>{code}</code>
            </pre>
            <button class="control copy-button" type="button" aria-label=button_label data-copy hidden>
                "Copy"
            </button>
            <p class=s role="status" aria-live="polite"></p>
        </div>
    }
}

/// Writes `text` with `navigator.clipboard.writeText`, checking first that the API exists:
/// calling it on an undefined object would throw inside wasm.
pub(crate) async fn write_clipboard(text: &str) -> Result<(), ()> {
    let navigator = window().navigator();
    let clipboard =
        js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")).map_err(|_| ())?;
    if clipboard.is_undefined() || clipboard.is_null() {
        return Err(());
    }
    let clipboard: web_sys::Clipboard = clipboard.unchecked_into();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| ())
}

/// Selects the text of `element` so the visitor can copy it by hand.
pub(crate) fn select_contents(element: &web_sys::Element) {
    let Ok(Some(selection)) = window().get_selection() else {
        return;
    };
    let Ok(range) = document().create_range() else {
        return;
    };
    if range.select_node_contents(element).is_ok() {
        let _ = selection.remove_all_ranges();
        let _ = selection.add_range(&range);
    }
}
