//! Entry point of the wasm bundle: mount the app. Debug builds also report panics to the
//! console with their message; release builds leave that formatting code out (a panic there
//! aborts with a plain "unreachable" in the console).

fn main() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(dstack_site::App);
}
