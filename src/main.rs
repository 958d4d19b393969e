//! Entry point of the wasm bundle: mounts the app ([`dstack_site::boot`]). Debug builds
//! report panics to the console with their message; release builds leave that formatting
//! code out (a panic there aborts with a plain "unreachable" in the console).

fn main() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    dstack_site::boot::start();
}
