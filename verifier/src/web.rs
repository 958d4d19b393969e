//! The module's browser side: `mount` takes over the `/verify` form that the site
//! prerenders (`form::form_html`, which the site includes): samples, flip, clear, submit,
//! share, download and the app-compose builder. It finds the form's elements by the ids in
//! `form::id` and its buttons by the names in `form::action`, never by a literal of its own
//! (a test in form.rs checks this file for one). Everything stays in this tab.

use crate::builder::{self, Options};
use crate::error::InputError;
use crate::form::{action, id};
use crate::input::{flip_hex_byte, hex_encode, MAX_INPUT_CHARS};
use crate::report::Fields;
use crate::samples;
use crate::share;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, Event, HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement,
};

/// The byte "Flip one byte" changes: inside `report_data` (bytes 568–631 of a v4
/// quote), which the quote's signature covers.
const FLIP_AT: usize = 600;

/// A text field: a text area or a one-line input.
#[derive(Clone)]
enum Text {
    Area(HtmlTextAreaElement),
    Line(HtmlInputElement),
}

impl Text {
    fn value(&self) -> String {
        match self {
            Text::Area(a) => a.value(),
            Text::Line(i) => i.value(),
        }
    }

    fn set(&self, v: &str) {
        match self {
            Text::Area(a) => a.set_value(v),
            Text::Line(i) => i.set_value(v),
        }
    }

    /// The length in UTF-16 units, read without copying the text into wasm.
    fn len(&self) -> usize {
        match self {
            Text::Area(a) => a.text_length() as usize,
            Text::Line(i) => js_sys::Reflect::get(i, &"value".into())
                .ok()
                .and_then(|v| js_sys::Reflect::get(&v, &"length".into()).ok())
                .and_then(|l| l.as_f64())
                .unwrap_or(0.0) as usize,
        }
    }
}

/// Handles to the form's parts, found once by id inside the mounted root.
#[derive(Clone)]
struct Form {
    root: Element,
    fields: Vec<Text>,
    result: HtmlElement,
}

/// The element with this id inside `root`: one of [`id`], or the report's
/// `html::SHARE_STATUS`.
fn find<T: JsCast>(root: &Element, id: &str) -> Result<T, JsValue> {
    root.query_selector(&format!("#{id}"))?
        .and_then(|e| e.dyn_into::<T>().ok())
        .ok_or_else(|| JsValue::from_str(&format!("the page has no #{id}")))
}

fn text_field(root: &Element, id: &str) -> Result<Text, JsValue> {
    if let Ok(a) = find::<HtmlTextAreaElement>(root, id) {
        return Ok(Text::Area(a));
    }
    find::<HtmlInputElement>(root, id).map(Text::Line)
}

fn now_secs() -> u64 {
    let now = js_sys::Date::now() / 1000.0;
    if now > 0.0 {
        now as u64
    } else {
        0
    }
}

impl Form {
    fn show(&self, html: &str) {
        self.result.set_inner_html(html);
        let _ = self.result.focus();
    }

    fn calm(&self, message: &str) {
        self.show(&format!(
            "<div class=\"vr-error\" role=\"alert\"><p>{}</p></div>",
            crate::html::escape(message)
        ));
    }

    fn texts(&self) -> Vec<String> {
        self.fields.iter().map(Text::value).collect()
    }

    /// Refuses an oversized field by its length, before its text is copied into wasm.
    fn too_long(&self) -> Option<InputError> {
        let names = Fields::default().named();
        self.fields
            .iter()
            .zip(names)
            .find(|(f, _)| f.len() > MAX_INPUT_CHARS)
            .map(|(f, (field, _))| InputError::TooLong {
                field,
                chars: f.len(),
            })
    }

    fn with_fields<R>(&self, f: impl FnOnce(Fields<'_>) -> R) -> R {
        let t = self.texts();
        f(Fields {
            quote: &t[0],
            event_log: &t[1],
            vm_config: &t[2],
            collateral: &t[3],
            app_compose: &t[4],
            expected_compose: &t[5],
        })
    }

    fn run(&self) {
        if let Some(e) = self.too_long() {
            self.show(&crate::html::error(&e));
            return;
        }
        let html = self.with_fields(|fields| crate::check_html(fields, now_secs()));
        self.show(&html);
    }

    fn fill(&self, texts: &[&str]) {
        for (field, text) in self.fields.iter().zip(texts) {
            field.set(text);
        }
    }

    fn share_status(&self, text: &str) {
        if let Ok(status) = find::<Element>(&self.root, crate::html::SHARE_STATUS) {
            status.set_text_content(Some(text));
        }
    }

    fn share(&self) {
        let texts = self.texts();
        let refs: [&str; 6] = core::array::from_fn(|i| texts[i].as_str());
        let fragment = match share::encode(&refs) {
            Ok(f) => f,
            Err(e) => return self.share_status(&e.to_string()),
        };
        let Some(window) = web_sys::window() else {
            return;
        };
        let location = window.location();
        let base = format!(
            "{}{}{}",
            location.origin().unwrap_or_default(),
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        );
        let url = format!("{base}#{fragment}");
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
        }
        let chars = url.len();
        let form = self.clone();
        let promise = window.navigator().clipboard().write_text(&url);
        wasm_bindgen_futures::spawn_local(async move {
            let copied = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            form.share_status(&if copied {
                format!(
                    "Link copied ({chars} characters). The inputs travel in the part after #, which \
                     browsers never send to a server."
                )
            } else {
                format!(
                    "The browser did not allow copying; the link is now in the address bar \
                     ({chars} characters). The inputs travel in the part after #, which browsers \
                     never send to a server."
                )
            });
        });
    }

    fn download(&self) -> Result<(), JsValue> {
        let report = self.with_fields(|fields| crate::report::check(fields, now_secs()));
        let json = match report {
            Ok(r) => crate::export::report_json(&r),
            Err(e) => {
                self.share_status(&e.to_string());
                return Ok(());
            }
        };
        let parts = js_sys::Array::of1(&JsValue::from_str(&json));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("application/json");
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)?;
        let document = self.root.owner_document().ok_or("no document")?;
        let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
        a.set_href(&url);
        a.set_download("dstack-verify-report.json");
        a.click();
        web_sys::Url::revoke_object_url(&url)?;
        self.share_status("Report downloaded as dstack-verify-report.json.");
        Ok(())
    }

    fn builder_options(&self) -> Options {
        let check = |id: &str| {
            find::<HtmlInputElement>(&self.root, id)
                .map(|i| i.checked())
                .unwrap_or(false)
        };
        let line = |id: &str| {
            find::<HtmlInputElement>(&self.root, id)
                .map(|i| i.value())
                .unwrap_or_default()
        };
        Options {
            name: line(id::VB_NAME),
            kms: check(id::VB_KMS),
            gateway: check(id::VB_GATEWAY),
            local_key_provider: check(id::VB_LOCAL),
            key_provider: find::<HtmlSelectElement>(&self.root, id::VB_PROVIDER)
                .map(|s| s.value())
                .unwrap_or_default(),
            key_provider_id: line(id::VB_PROVIDER_ID),
            public_logs: check(id::VB_LOGS),
            public_sysinfo: check(id::VB_SYSINFO),
            allowed_envs: line(id::VB_ENVS)
                .split([',', ' ', '\n'])
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
            no_instance_id: check(id::VB_NOINSTANCE),
            secure_time: check(id::VB_SECURETIME),
        }
    }

    fn built(&self) -> Option<Result<builder::Built, String>> {
        let yaml = find::<HtmlTextAreaElement>(&self.root, id::VB_YAML).ok()?;
        if yaml.text_length() as usize > MAX_INPUT_CHARS {
            return Some(Err(InputError::TooLong {
                field: "docker-compose.yaml",
                chars: yaml.text_length() as usize,
            }
            .to_string()));
        }
        Some(builder::build(&yaml.value(), &self.builder_options()).map_err(|e| e.to_string()))
    }

    fn build(&self) {
        let Ok(out) = find::<HtmlElement>(&self.root, id::VB_RESULT) else {
            return;
        };
        let html = match self.built() {
            Some(Ok(b)) => crate::view::built(&b),
            Some(Err(e)) => format!(
                "<div class=\"vr-error\" role=\"alert\"><p>{}</p></div>",
                crate::html::escape(&e)
            ),
            None => return,
        };
        out.set_inner_html(&html);
        let _ = out.focus();
    }

    fn use_built(&self, index: usize) {
        if let Some(Ok(b)) = self.built() {
            self.fields[4].set(&b.forms[index].text);
            self.fields[5].set("");
            if let Text::Area(a) = &self.fields[4] {
                let _ = a.focus();
            }
        }
    }

    fn act(&self, action: &str) {
        match action {
            action::SAMPLE_INTEL => {
                let quote = hex_encode(samples::INTEL_QUOTE);
                self.fill(&[&quote, "", "", samples::INTEL_COLLATERAL, "", ""]);
                self.run();
            }
            action::SAMPLE_DSTACK => {
                let (q, l, v) = (
                    samples::dstack_quote_hex(),
                    samples::dstack_event_log(),
                    samples::dstack_vm_config(),
                );
                self.fill(&[&q, &l, &v, "", "", ""]);
                self.run();
            }
            action::FLIP => match flip_hex_byte(&self.fields[0].value(), FLIP_AT) {
                Some(flipped) => {
                    self.fields[0].set(&flipped);
                    self.run();
                }
                None => self.calm(
                    "Flip one byte works on a quote pasted as hex, more than 600 bytes long. \
                     Load a sample first.",
                ),
            },
            action::CLEAR => {
                self.fill(&[""; 6]);
                self.result.set_inner_html("");
                if let Text::Area(a) = &self.fields[0] {
                    let _ = a.focus();
                }
            }
            "share" => self.share(),
            "download" if self.download().is_err() => {
                self.share_status("The browser did not allow the download.");
            }
            "build" => self.build(),
            "use-built-0" => self.use_built(0),
            "use-built-1" => self.use_built(1),
            _ => {}
        }
    }

    /// A result link (`#v1=…`) fills the fields and checks them.
    fn open_link(&self) {
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        match share::decode(&hash) {
            Ok(Some(texts)) => {
                let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
                self.fill(&refs);
                self.run();
            }
            Ok(None) => {}
            Err(e) => self.calm(&e.to_string()),
        }
    }
}

/// Wires up the form inside `root`, enables its buttons and says it is ready.
#[wasm_bindgen]
pub fn mount(root: &Element) -> Result<(), JsValue> {
    let fields = id::FIELDS
        .iter()
        .map(|id| text_field(root, id))
        .collect::<Result<Vec<_>, _>>()?;
    let form = Form {
        root: root.clone(),
        fields,
        result: find(root, id::RESULT)?,
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
            let target = ev
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .map(|t| t.id())
                .unwrap_or_default();
            if target == id::BUILDER {
                form.build();
            } else {
                form.run();
            }
        })
    };
    form.root
        .add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref())?;
    form.root
        .add_event_listener_with_callback("submit", on_submit.as_ref().unchecked_ref())?;
    // The listeners live as long as the page's elements do.
    on_click.forget();
    on_submit.forget();

    let disabled = form.root.query_selector_all("button[disabled]")?;
    for i in 0..disabled.length() {
        if let Some(button) = disabled.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            button.remove_attribute("disabled")?;
        }
    }
    if let Ok(status) = find::<Element>(root, id::STATUS) {
        status.set_text_content(Some("Ready. Nothing you paste leaves this tab."));
    }
    form.open_link();
    Ok(())
}
