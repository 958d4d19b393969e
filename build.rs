//! Collects every `let x = style! { … };` in src/ into one scoped stylesheet, which the
//! trunk post-build hook (scripts/trunk-post-build.sh) publishes with a content hash.

fn main() {
    println!("cargo:rerun-if-changed=src");
    stylers::build(Some(String::from("./target/stylers.css")));
}
