//! Loads the `/verify` page's engine (the `verifier/` crate, its own wasm module) on
//! demand, so no other page carries dcap-qvl. Release builds map the bare name
//! `dstack-verifier` to the content-hashed module with an integrity hash in the import
//! map (scripts/harden.mjs); `trunk serve` has no import map and uses the plain file.
//!
//! Loading goes in steps, each its own task, so that none blocks the page for long (total
//! blocking time): the wasm compiles off the main thread (`compileStreaming` on the
//! release build's `wasmResponse`, which carries the integrity check), then the glue
//! instantiates it, then the module mounts. Compiling and instantiating in one
//! `instantiateStreaming` made a 50–60 ms task at a 4× CPU slowdown. When the compile
//! fails (a wrong MIME type, a failed check), the glue's own path runs and reports it.

use std::cell::RefCell;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = "
export function load_verifier(fallback) {
  const map = document.querySelector('script[type=\"importmap\"]');
  const name = map && map.textContent.includes('\"dstack-verifier\"') ? 'dstack-verifier' : fallback;
  const task = () => new Promise((done) => setTimeout(done));
  return import(name).then(async (m) => {
    const compiled = m.wasmResponse
      ? await WebAssembly.compileStreaming(m.wasmResponse()).catch(() => undefined)
      : undefined;
    await task();
    await m.default(compiled ? { module_or_path: compiled } : undefined);
    await task();
    return m;
  });
}")]
extern "C" {
    #[wasm_bindgen(catch)]
    fn load_verifier(fallback: &str) -> Result<js_sys::Promise, JsValue>;
}

thread_local! {
    static MODULE: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

/// Loads (once per visit) and initialises the module.
pub async fn load() -> Result<(), String> {
    if MODULE.with(|m| m.borrow().is_some()) {
        return Ok(());
    }
    let fallback = crate::site::href("/dstack-verifier.js");
    let promise = load_verifier(&fallback).map_err(describe)?;
    let module = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(describe)?;
    MODULE.with(|m| *m.borrow_mut() = Some(module));
    Ok(())
}

fn describe(e: JsValue) -> String {
    e.as_string()
        .or_else(|| {
            js_sys::Reflect::get(&e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| "unknown error".into())
}

/// Loads the module and hands it the page's form (`sections::verify::form`), which it
/// wires up: the module owns everything that happens on the form from then on.
pub async fn mount(root: &web_sys::Element) -> Result<(), String> {
    load().await?;
    MODULE.with(|m| {
        let module = m.borrow();
        let mount: js_sys::Function = module
            .as_ref()
            .and_then(|m| js_sys::Reflect::get(m, &"mount".into()).ok())
            .and_then(|f| f.dyn_into().ok())
            .ok_or("the module has no mount function")?;
        mount.call1(&JsValue::NULL, root).map_err(describe)?;
        Ok(())
    })
}
