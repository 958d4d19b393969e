//! The module's browser side: `mount` takes over the `/verify` form that the site
//! prerenders (`FORM` in the site's src/content/verify.rs): samples, flip, clear, submit.
//! Everything stays in this tab.

use crate::error::InputError;
use crate::input::{flip_hex_byte, hex_encode, MAX_INPUT_CHARS};
use crate::report::Fields;
use crate::samples;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement, HtmlTextAreaElement};

/// The byte "Flip one byte" changes: inside `report_data` (bytes 568–631 of a v4
/// quote), which the quote's signature covers.
const FLIP_AT: usize = 600;

/// Handles to the form's parts, found once by id inside the mounted root.
#[derive(Clone)]
struct Form {
    root: Element,
    quote: HtmlTextAreaElement,
    log: HtmlTextAreaElement,
    collateral: HtmlTextAreaElement,
    result: HtmlElement,
}

fn find<T: JsCast>(root: &Element, selector: &str) -> Result<T, JsValue> {
    root.query_selector(selector)?
        .and_then(|e| e.dyn_into::<T>().ok())
        .ok_or_else(|| JsValue::from_str(&format!("the page has no {selector}")))
}

impl Form {
    fn areas(&self) -> [(&'static str, &HtmlTextAreaElement); 3] {
        [
            ("quote", &self.quote),
            ("event log", &self.log),
            ("collateral", &self.collateral),
        ]
    }

    fn show(&self, html: &str) {
        self.result.set_inner_html(html);
        let _ = self.result.focus();
    }

    /// Checks the fields. A field's length is read before its text, so a 10 MB paste
    /// is refused without copying it into wasm.
    fn run(&self) {
        for (field, area) in self.areas() {
            let chars = area.text_length() as usize;
            if chars > MAX_INPUT_CHARS {
                self.show(&crate::html::error(&InputError::TooLong { field, chars }));
                return;
            }
        }
        let now = js_sys::Date::now() / 1000.0;
        let html = crate::check_html(
            Fields {
                quote: &self.quote.value(),
                event_log: &self.log.value(),
                collateral: &self.collateral.value(),
            },
            if now > 0.0 { now as u64 } else { 0 },
        );
        self.show(&html);
    }

    fn fill(&self, quote: &str, log: &str, collateral: &str) {
        self.quote.set_value(quote);
        self.log.set_value(log);
        self.collateral.set_value(collateral);
    }

    fn act(&self, action: &str) {
        match action {
            "sample-intel" => {
                self.fill(
                    &hex_encode(samples::INTEL_QUOTE),
                    "",
                    samples::INTEL_COLLATERAL,
                );
                self.run();
            }
            "sample-dstack" => {
                self.fill(
                    &samples::dstack_quote_hex(),
                    &samples::dstack_event_log(),
                    "",
                );
                self.run();
            }
            "flip" => match flip_hex_byte(&self.quote.value(), FLIP_AT) {
                Some(flipped) => {
                    self.quote.set_value(&flipped);
                    self.run();
                }
                None => self.show(
                    "<div class=\"vr-error\" role=\"alert\"><p>Flip one byte works on a quote \
                     pasted as hex, more than 600 bytes long. Load a sample first.</p></div>",
                ),
            },
            "clear" => {
                self.fill("", "", "");
                self.result.set_inner_html("");
                let _ = self.quote.focus();
            }
            _ => {}
        }
    }
}

/// Wires up the form inside `root`, enables its buttons and says it is ready.
#[wasm_bindgen]
pub fn mount(root: &Element) -> Result<(), JsValue> {
    let form = Form {
        root: root.clone(),
        quote: find(root, "#verify-quote")?,
        log: find(root, "#verify-log")?,
        collateral: find(root, "#verify-collateral")?,
        result: find(root, "#verify-result")?,
    };
    let on_click = {
        let form = form.clone();
        Closure::<dyn Fn(Event)>::new(move |ev: Event| {
            let action = ev
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|t| t.closest("[data-action]").ok().flatten())
                .and_then(|b| b.get_attribute("data-action"));
            if let Some(action) = action {
                form.act(&action);
            }
        })
    };
    let on_submit = {
        let form = form.clone();
        Closure::<dyn Fn(Event)>::new(move |ev: Event| {
            ev.prevent_default();
            form.run();
        })
    };
    form.root
        .add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref())?;
    let element: Element = find(root, "#verify-form")?;
    element.add_event_listener_with_callback("submit", on_submit.as_ref().unchecked_ref())?;
    // The listeners live as long as the page's elements do.
    on_click.forget();
    on_submit.forget();

    let disabled = form.root.query_selector_all("button[disabled]")?;
    for i in 0..disabled.length() {
        if let Some(button) = disabled.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            button.remove_attribute("disabled")?;
        }
    }
    if let Ok(status) = find::<Element>(root, "#verify-status") {
        status.set_text_content(Some("Ready. Nothing you paste leaves this tab."));
    }
    Ok(())
}
