//! stylers derives each `style!` block's scope class from a seed that is only the block's
//! count of non-whitespace characters, so two different blocks of equal length get the
//! same class and leak styles into each other. This test pins that hazard: every block in
//! src/ must own a distinct class in the generated stylesheet.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

/// The files under `dir` whose extension is `ext`, at any depth.
fn files_with(dir: &Path, ext: &str, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            files_with(&path, ext, out);
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
}

fn scope_classes(css: &str) -> BTreeSet<&str> {
    css.match_indices(".l-")
        .map(|(at, _)| {
            let rest = &css[at + 1..];
            let end = rest[2..]
                .find(|c: char| !(c.is_ascii_digit() || c == '-'))
                .map_or(rest.len(), |i| i + 2);
            &rest[..end]
        })
        .collect()
}

#[test]
fn every_style_block_has_its_own_scope_class() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sources = Vec::new();
    files_with(&root.join("src"), "rs", &mut sources);
    let blocks: usize = sources
        .iter()
        .map(|f| {
            fs::read_to_string(f)
                .expect("source file is readable")
                .matches("= style! {")
                .count()
        })
        .sum();
    assert!(blocks > 0, "no style! blocks found");

    // build.rs writes this file before any test target compiles.
    let css = fs::read_to_string(root.join("target/stylers.css")).expect("target/stylers.css");
    let classes = scope_classes(&css);
    assert_eq!(
        classes.len(),
        blocks,
        "{blocks} style! blocks but {} scope classes {classes:?}: two blocks collide \
         (equal non-whitespace length) or a block is not `let x = style! {{…}};` in a \
         top-level fn, where the build step cannot find it",
        classes.len()
    );
}

#[test]
fn scope_class_scanner_reads_positive_and_negative_seeds() {
    let css = "a.l-12{x:y}b.l--34:hover{x:y}@media(){c.l-12{x:y}}";
    assert_eq!(scope_classes(css), BTreeSet::from(["l--34", "l-12"]));
}

/// The stylesheets kept beside their code (src/**/*.css) reach visitors only through the
/// component stylesheet build.rs writes: each must be in it, whole.
#[test]
fn every_page_stylesheet_is_in_the_component_stylesheet() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    files_with(&root.join("src"), "css", &mut files);
    assert!(
        files.iter().any(|f| f.ends_with("verify/style.css")),
        "the /verify stylesheet is missing from src/sections/verify/"
    );
    let bundle = fs::read_to_string(root.join("target/stylers.css")).expect("target/stylers.css");
    for file in files {
        let css = fs::read_to_string(&file).expect("stylesheet is readable");
        assert!(
            bundle.contains(&css),
            "{} is not in the component stylesheet",
            file.display()
        );
    }
}
