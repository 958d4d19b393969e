//! Words the facts file (`../shared/dstack-facts.md` §12) rules out, checked over every piece
//! of text the site publishes: each string literal of the content, diagram and route modules
//! (read from their source files, so a new entry is covered without touching this test), the
//! page table in `site.rs`, and the Markdown of the blog, the tutorials and the prose pages.
//!
//! Regression: issue #15 found "even with physical access", "HTTPS that ends inside the
//! enclave", adopters called "in production" without a first-party source, and a `PATH` line
//! pointing at `dstack/scripts/bin`, which no longer exists.

use crate::sections::{ecosystem::words as ecosystem, use_cases::words as use_cases};
use crate::site;
use std::path::{Path, PathBuf};

/// Rust sources whose string literals are published text. Test modules are cut off first.
const SOURCE_DIRS: [&str; 3] = ["src/content", "src/routes", "src/sections"];
const SOURCE_FILES: [&str; 3] = [
    "src/diagram/model.rs",
    "src/diagram/markup.rs",
    "verifier/src/form.rs",
];
/// Markdown compiled into pages at build time.
const MARKDOWN_DIRS: [&str; 3] = ["content/blog", "content/tutorials", "content/pages"];

/// Phrases that must appear nowhere (compared in lower case), each with the reason.
const BANNED: &[(&str, &str)] = &[
    (
        "even with physical access",
        "§12.1: memory-bus attacks with physical access broke TEE memory encryption",
    ),
    (
        "physical access does not help",
        "§12.1: memory-bus attacks with physical access broke TEE memory encryption",
    ),
    (
        "$(pwd)/dstack/scripts/bin\"",
        "§12.3: the CLI lives under $(pwd)/dstack/dstack/scripts/bin",
    ),
    (
        "intel's sample",
        "§12.6: it is dcap-qvl's sample TDX quote, not one Intel published",
    ),
];

/// Command lines (a line that starts with one, compared in lower case) the facts file rules
/// out; quoting them in prose to say they are stale is fine.
const BANNED_COMMANDS: &[(&str, &str)] = &[(
    "export dstack_simulator_endpoint=http://localhost:8090",
    "§12.3: the simulator listens on the Unix socket sdk/simulator/dstack.sock",
)];

/// What may stand right before "enclave": an SGX word (the quoting enclave, an SGX enclave,
/// `/dev/sgx_enclave`, MRENCLAVE) or AWS's product name.
const ENCLAVE_PREFIXES: [&str; 6] = ["quoting ", "sgx ", "sgx_", "mr", "mr_", "nitro "];
/// Words that make the paragraph before "enclave" an SGX context (the TD Quoting Enclave,
/// the local key provider, `/dev/sgx_enclave`).
const SGX_CONTEXT: [&str; 4] = [
    "sgx",
    "quoting enclave",
    "local key provider",
    "local-key-provider",
];

/// Adopters a first-party source says run on dstack (§12.4); only they are "in production".
const IN_PRODUCTION: [&str; 3] = ["NEAR AI", "redpill.ai", "Phala Cloud"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The files under `dir` (and its folders: src/sections/<name>/) ending in `.ext`.
pub(super) fn files_in(dir: &str, ext: &str) -> Vec<PathBuf> {
    fn walk(dir: &Path, ext: &str, files: &mut Vec<PathBuf>) {
        let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for path in entries.filter_map(|entry| entry.ok().map(|e| e.path())) {
            if path.is_dir() {
                walk(&path, ext, files);
            } else if path.extension().is_some_and(|x| x == ext) {
                files.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(&root().join(dir), ext, &mut files);
    files.sort();
    files
}

pub(super) fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The string literals of a Rust source (normal, byte and raw strings, with escapes and
/// line continuations resolved), skipping comments, char literals and `mod tests`.
pub(super) fn string_literals(source: &str) -> Vec<String> {
    literals_at(source)
        .into_iter()
        .map(|(_, text)| text)
        .collect()
}

/// [`string_literals`], each with the byte offset of its opening `"` or `r`, so that a check
/// can read what stands before it (the prose-in-views test reads the attribute name).
pub(super) fn literals_at(source: &str) -> Vec<(usize, String)> {
    let end = source
        .match_indices("#[cfg(test)]")
        .map(|(at, m)| at + m.len())
        .find(|&after| source[after..].trim_start().starts_with("mod tests"))
        .map_or(source.len(), |after| after - "#[cfg(test)]".len());
    let source = &source[..end];
    let chars: Vec<char> = source.chars().collect();
    let offsets: Vec<usize> = source.char_indices().map(|(at, _)| at).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '/' if chars.get(i + 1) == Some(&'/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '/' if chars.get(i + 1) == Some(&'*') => {
                i += 2;
                while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                    i += 1;
                }
                i += 2;
            }
            '\'' => {
                // A char literal ('"', '\'', '\n') or a lifetime ('static).
                if chars.get(i + 1) == Some(&'\\') {
                    i += 2;
                    while i < chars.len() && chars[i] != '\'' {
                        i += 1;
                    }
                    i += 1;
                } else if chars.get(i + 2) == Some(&'\'') {
                    i += 3;
                } else {
                    i += 1;
                }
            }
            'r' if !chars[..i]
                .last()
                .is_some_and(|c| c.is_alphanumeric() || *c == '_')
                && matches!(chars.get(i + 1), Some('"' | '#')) =>
            {
                let mut j = i + 1;
                let mut hashes = 0;
                while chars.get(j) == Some(&'#') {
                    hashes += 1;
                    j += 1;
                }
                if chars.get(j) != Some(&'"') {
                    i += 1;
                    continue;
                }
                j += 1;
                let start = j;
                loop {
                    if j >= chars.len() {
                        break;
                    }
                    if chars[j] == '"' && (1..=hashes).all(|k| chars.get(j + k) == Some(&'#')) {
                        break;
                    }
                    j += 1;
                }
                out.push((
                    offsets[i],
                    chars[start..j.min(chars.len())].iter().collect(),
                ));
                i = j + 1 + hashes;
            }
            '"' => {
                let opening = offsets[i];
                let mut text = String::new();
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' {
                        match chars.get(i + 1) {
                            Some('\n') => {
                                i += 2;
                                while i < chars.len() && chars[i].is_whitespace() {
                                    i += 1;
                                }
                                continue;
                            }
                            Some('n') => text.push('\n'),
                            Some(&c) => text.push(c),
                            None => {}
                        }
                        i += 2;
                    } else {
                        text.push(chars[i]);
                        i += 1;
                    }
                }
                out.push((opening, text));
                i += 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// Every published text with where it comes from.
fn all_texts() -> Vec<(String, String)> {
    let mut texts = Vec::new();
    let mut sources: Vec<PathBuf> = SOURCE_DIRS
        .iter()
        .flat_map(|dir| files_in(dir, "rs"))
        .collect();
    sources.extend(SOURCE_FILES.iter().map(|f| root().join(f)));
    for path in sources {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name == "tests.rs" || name == "ruled_out.rs" {
            continue;
        }
        for literal in string_literals(&read(&path)) {
            texts.push((path.display().to_string(), literal));
        }
    }
    for page in site::PAGES.iter().copied().chain([&site::NOT_FOUND]) {
        for text in [page.heading, page.lede, page.title, page.description] {
            texts.push((format!("site.rs page {}", page.path), text.to_string()));
        }
    }
    for dir in MARKDOWN_DIRS {
        for path in files_in(dir, "md") {
            if path.file_name().is_some_and(|n| n == "README.md") {
                continue;
            }
            texts.push((path.display().to_string(), read(&path)));
        }
    }
    texts
}

/// Where "enclave" is used outside an SGX context, as short excerpts.
fn loose_enclaves(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    lower
        .match_indices("enclave")
        .filter(|(at, _)| {
            let before = &lower[..*at];
            let paragraph = &before[before.rfind("\n\n").map_or(0, |p| p + 2)..];
            !ENCLAVE_PREFIXES.iter().any(|c| before.ends_with(c))
                && !SGX_CONTEXT.iter().any(|w| paragraph.contains(w))
        })
        .map(|(at, _)| {
            let start = lower[..at]
                .char_indices()
                .rev()
                .nth(30)
                .map_or(0, |(i, _)| i);
            lower[start..].chars().take(60).collect()
        })
        .collect()
}

#[test]
fn no_published_text_uses_a_phrase_the_facts_file_rules_out() {
    let texts = all_texts();
    assert!(texts.len() > 500, "only {} texts found", texts.len());
    let mut problems = Vec::new();
    for (place, text) in &texts {
        let lower = text.to_lowercase();
        for (phrase, why) in BANNED {
            if lower.contains(phrase) {
                problems.push(format!("{place}: {phrase:?} ({why})"));
            }
        }
        for line in lower.lines() {
            let line = line.trim_start().trim_start_matches("$ ");
            for (command, why) in BANNED_COMMANDS {
                if line.starts_with(command) {
                    problems.push(format!("{place}: {command:?} ({why})"));
                }
            }
        }
        for excerpt in loose_enclaves(text) {
            problems.push(format!(
                "{place}: \"enclave\" outside an SGX context (say \"a TEE\" or \"the CVM\"): …{excerpt}…"
            ));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn only_adopters_with_a_first_party_source_are_in_production() {
    let qualified = |who: &str| IN_PRODUCTION.iter().any(|name| who.starts_with(name));
    let says_production = |text: &str| {
        let lower = text.to_lowercase();
        lower.contains("in production") || lower.contains("runs on dstack")
    };
    for uc in use_cases::USE_CASES {
        let text = format!("{} {} {}", uc.title, uc.summary, uc.who.join(" "));
        if uc.status == use_cases::Status::InProduction {
            for who in uc.who {
                assert!(
                    qualified(who),
                    "{}: {who:?} is not in production (§12.4)",
                    uc.slug
                );
            }
        } else {
            assert!(!says_production(&text), "{}: {text}", uc.slug);
        }
    }
    // The words around the cards follow the same rule: only the production section, its
    // "who runs it" label and the production badge say so.
    for (status, heading) in use_cases::SECTIONS {
        let production = status == use_cases::Status::InProduction;
        assert_eq!(
            says_production(heading.title),
            production,
            "{}",
            heading.title
        );
        assert_eq!(
            status.who_label().contains("runs"),
            production,
            "{status:?}"
        );
    }
    for standing in [
        ecosystem::Standing::Production,
        ecosystem::Standing::Integration,
        ecosystem::Standing::Announced,
        ecosystem::Standing::Listing,
        ecosystem::Standing::Steward,
    ] {
        let production = standing == ecosystem::Standing::Production;
        assert_eq!(
            says_production(standing.label()),
            production,
            "{standing:?}"
        );
    }
    assert!(!says_production(ecosystem::AROUND_HEADING.title));
    for party in ecosystem::ADOPTERS {
        if party.standing == ecosystem::Standing::Production {
            assert!(
                qualified(party.name),
                "{} is not in production (§12.4)",
                party.name
            );
        } else {
            assert!(
                !says_production(party.role),
                "{}: {}",
                party.name,
                party.role
            );
        }
    }
}

#[test]
fn the_literal_reader_finds_strings_and_skips_everything_else() {
    let source = r####"
        // a "comment" with quotes
        /* a "block" comment */
        const A: &str = "one \"two\" \
                         three";
        const B: char = '"';
        fn f<'a>(x: &'a str) {}
        const C: &str = r#"raw "quoted""#;
        #[cfg(test)]
        mod tests { const D: &str = "hidden"; }
    "####;
    assert_eq!(
        string_literals(source),
        ["one \"two\" three", "raw \"quoted\""]
    );
    // The round-one cloud command, as it stood in getting_started.rs, is caught.
    let old = string_literals(r#"command: "export PATH=\"$PATH:$(pwd)/dstack/scripts/bin\"","#);
    assert!(old[0].to_lowercase().contains(BANNED[2].0), "{old:?}");
    assert_eq!(
        loose_enclaves("TLS ends inside the enclave."),
        ["tls ends inside the enclave."]
    );
    assert!(loose_enclaves(
        "the TD Quoting Enclave, an SGX enclave; /dev/sgx_enclave; AWS Nitro Enclaves"
    )
    .is_empty());
    assert!(
        loose_enclaves("The local key provider runs in SGX.\nThat enclave seals keys.").is_empty()
    );
    assert_eq!(
        loose_enclaves("SGX is enabled.\n\nKeys stay in the enclave.").len(),
        1,
        "the SGX context ends with its paragraph"
    );
}
