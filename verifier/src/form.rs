//! The `/verify` form as static markup, beside the code that binds it (`web`, wasm only):
//! the site prerenders it with the page (src/sections/verify/ includes this file with
//! `#[path]`), readable without scripts, and this crate's `mount` takes it over once the
//! module loads, finding its elements by the ids in [`id`] and its buttons by the names in
//! [`action`]. Kept out of the site's `view!` because every element there costs code in
//! the site's own wasm, which every page downloads.
//!
//! Both crates compile this file, so it uses nothing but `std` and `crate::html::escape`,
//! which each crate has (the site's src/html.rs, which this crate's html.rs includes). It
//! compiles on the host, where its tests run in both crates.

use crate::html::escape;

/// Declares each name as a constant, and `ALL` as the list of them.
macro_rules! names {
    ($($(#[doc = $doc:literal])* $name:ident = $value:literal;)*) => {
        $($(#[doc = $doc])* pub const $name: &str = $value;)*
        /// Every constant of this module: what the tests look for in the markup.
        pub const ALL: &[&str] = &[$($name),*];
    };
}

/// The element ids the verifier module looks up in the form (`web::mount` and the
/// handlers it installs; the site's island loader writes to [`id::STATUS`] when the module
/// cannot load). Each appears exactly once in [`form_html`]: the tests check it.
pub mod id {
    names! {
        /// The status line: "Loading the verifier…", then ready, or why it could not load.
        STATUS = "verify-status";
        QUOTE = "verify-quote";
        LOG = "verify-log";
        VM = "verify-vm";
        COLLATERAL = "verify-collateral";
        COMPOSE = "verify-compose";
        EXPECTED = "verify-expected";
        /// Where the report goes.
        RESULT = "verify-result";
        /// The app-compose builder's form: a submit from it builds instead of checking.
        BUILDER = "verify-builder";
        VB_YAML = "vb-yaml";
        VB_NAME = "vb-name";
        VB_KMS = "vb-kms";
        VB_GATEWAY = "vb-gateway";
        VB_LOCAL = "vb-local";
        VB_LOGS = "vb-logs";
        VB_SYSINFO = "vb-sysinfo";
        VB_NOINSTANCE = "vb-noinstance";
        VB_SECURETIME = "vb-securetime";
        VB_PROVIDER = "vb-provider";
        VB_PROVIDER_ID = "vb-provider-id";
        VB_ENVS = "vb-envs";
        /// Where the builder's output goes.
        VB_RESULT = "vb-result";
    }

    /// The evidence fields, in the order of `report::Fields::named`.
    pub const FIELDS: [&str; 6] = [QUOTE, LOG, VM, COLLATERAL, COMPOSE, EXPECTED];
}

/// The form's `data-action` buttons, which `web` handles by these names.
pub mod action {
    names! {
        SAMPLE_DSTACK = "sample-dstack";
        SAMPLE_INTEL = "sample-intel";
        FLIP = "flip";
        CLEAR = "clear";
    }
}

/// The evidence form and the (empty) result, wired up by the verifier module once it loads.
pub const FORM: &str = r#"<section aria-labelledby="verify-input">
<h2 id="verify-input">Your CVM's evidence</h2>
<p class="verify-status" id="verify-status" role="status">Loading the verifier…</p>
<noscript><p class="verify-noscript">The verifier is WebAssembly and needs JavaScript. The tools under “In production” below do the same checks on your own machine.</p></noscript>
<div class="actions verify-samples">
<button type="button" class="button" data-action="sample-dstack" disabled>Load a dstack 0.6.0 CVM’s GetQuote response</button>
<button type="button" class="button" data-action="sample-intel" disabled>Load dcap-qvl’s sample TDX quote, with collateral</button>
</div>
<form class="verify-form" id="verify-form">
<fieldset><legend>Hardware and OS image</legend>
<label for="verify-quote">Quote</label>
<p class="hint" id="verify-quote-hint">Hex or base64, or a whole GetQuote response (JSON), which brings its event log and VM config.</p>
<textarea id="verify-quote" rows="4" spellcheck="false" autocomplete="off" aria-describedby="verify-quote-hint"></textarea>
<label for="verify-log">Event log (optional)</label>
<p class="hint" id="verify-log-hint">The guest agent’s event_log JSON, replayed into RTMR0–3.</p>
<textarea id="verify-log" rows="4" spellcheck="false" autocomplete="off" aria-describedby="verify-log-hint"></textarea>
<label for="verify-vm">VM config (optional)</label>
<p class="hint" id="verify-vm-hint">The vm_config JSON: OS image hash, CPUs, memory and the image’s measurement material, to check MRTD and RTMR0–2.</p>
<textarea id="verify-vm" rows="3" spellcheck="false" autocomplete="off" aria-describedby="verify-vm-hint"></textarea>
<label for="verify-collateral">Collateral (optional)</label>
<p class="hint" id="verify-collateral-hint">QuoteCollateralV3 JSON from a PCCS, to check the signature chain. This page makes no requests, so fetch it yourself.</p>
<textarea id="verify-collateral" rows="3" spellcheck="false" autocomplete="off" aria-describedby="verify-collateral-hint"></textarea>
</fieldset>
<fieldset><legend>App</legend>
<label for="verify-compose">app-compose.json (optional)</label>
<p class="hint" id="verify-compose-hint">The file exactly as deployed, or a whole Info response: its compose hash is SHA-256 of these bytes.</p>
<textarea id="verify-compose" rows="4" spellcheck="false" autocomplete="off" aria-describedby="verify-compose-hint"></textarea>
<label for="verify-expected">Expected compose hash (optional)</label>
<p class="hint" id="verify-expected-hint">64 hex digits, for example from your allow-list. When set, the file is compared with this instead of the quote.</p>
<input id="verify-expected" type="text" spellcheck="false" autocomplete="off" aria-describedby="verify-expected-hint">
</fieldset>
<div class="actions">
<button type="submit" class="button button-primary" disabled>Verify</button>
<button type="button" class="button" data-action="flip" disabled>Flip one byte</button>
<button type="button" class="button" data-action="clear" disabled>Clear</button>
</div>
</form>
</section>
<section class="verify-result" id="verify-result" aria-label="Result" tabindex="-1"></section>"#;

/// The app-compose builder: a docker-compose file plus the VMM CLI's options
/// (`vmm-cli.py compose`), built by the verifier module (`builder`).
pub const BUILDER: &str = r#"<section class="verify-builder" aria-labelledby="verify-build">
<h2 id="verify-build">Build app-compose.json</h2>
<p>Turn a docker-compose.yaml into app-compose.json the way dstack’s VMM CLI writes it, in both forms, with the compose hash each gives. The form you deploy is the one whose hash the CVM measures.</p>
<form class="verify-form" id="verify-builder">
<label for="vb-yaml">docker-compose.yaml</label>
<textarea id="vb-yaml" rows="6" spellcheck="false" autocomplete="off"></textarea>
<label for="vb-name">App name</label>
<input id="vb-name" type="text" autocomplete="off">
<fieldset class="verify-options"><legend>Options</legend>
<label><input id="vb-kms" type="checkbox" checked> KMS (--kms)</label>
<label><input id="vb-gateway" type="checkbox"> Gateway (--gateway)</label>
<label><input id="vb-local" type="checkbox"> Local key provider (--local-key-provider)</label>
<label><input id="vb-logs" type="checkbox"> Public logs (--public-logs)</label>
<label><input id="vb-sysinfo" type="checkbox"> Public sysinfo (--public-sysinfo)</label>
<label><input id="vb-noinstance" type="checkbox"> No instance ID (--no-instance-id)</label>
<label><input id="vb-securetime" type="checkbox"> Secure time (--secure-time)</label>
</fieldset>
<label for="vb-provider">Key provider (--key-provider)</label>
<select id="vb-provider"><option value="">not set</option><option value="kms">kms</option><option value="local">local</option><option value="tpm">tpm</option><option value="none">none</option></select>
<label for="vb-provider-id">Key provider ID (--key-provider-id)</label>
<input id="vb-provider-id" type="text" spellcheck="false" autocomplete="off">
<label for="vb-envs">Encrypted environment variable names (the keys of --env-file)</label>
<input id="vb-envs" type="text" spellcheck="false" autocomplete="off">
<div class="actions"><button type="submit" class="button" disabled>Build</button></div>
</form>
<div class="verify-built" id="vb-result" tabindex="-1" aria-live="polite"></div>
</section>"#;

/// Where a command comes from: a link's text and its address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    pub label: &'static str,
    pub href: &'static str,
}

impl Source {
    pub const fn new(label: &'static str, href: &'static str) -> Self {
        Source { label, href }
    }
}

/// One way to get an input from a running app, with its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Command {
    pub title: &'static str,
    pub text: &'static str,
    pub command: &'static str,
    pub source: Source,
}

/// "Get your inputs": commands from dstack's docs (facts file §3d, §11, §13.6).
pub const COMMANDS: [Command; 4] = [
    Command {
        title: "Quote, event log and VM config",
        text: "Inside the CVM, from a container that mounts /var/run/dstack.sock. Paste the whole response into Quote; report_data is up to 64 bytes of your own, in hex.",
        command: "curl --unix-socket /var/run/dstack.sock \"http://localhost/GetQuote?report_data=0x1234deadbeef\" > getquote.json",
        source: Source::new("usage.md", "https://github.com/Dstack-TEE/dstack/blob/next/docs/usage.md"),
    },
    Command {
        title: "app-compose.json as the CVM hashed it",
        text: "The Info response carries it in tcb_info (emptied for outside callers unless public_tcbinfo is set). Paste the whole response into app-compose.json.",
        command: "curl -s --unix-socket /var/run/dstack.sock http://localhost/Info > info.json",
        source: Source::new("sdk/curl/api.md", "https://github.com/Dstack-TEE/dstack/blob/next/sdk/curl/api.md"),
    },
    Command {
        title: "The compose hash of the file you deployed",
        text: "On the machine you deployed from: the hash of the exact bytes, to type into Expected compose hash or to compare with an allow-list.",
        command: "sha256sum app-compose.json | awk '{print \"0x\"$1}'",
        source: Source::new("onchain-governance.md", "https://github.com/Dstack-TEE/dstack/blob/next/docs/onchain-governance.md"),
    },
    Command {
        title: "Collateral",
        text: "Certificates, revocation lists and TCB info for your quote’s platform, from a PCCS (Phala’s default is https://pccs.phala.network). dcap-qvl fetches it (Rust, Python, JS); paste its QuoteCollateralV3 JSON into Collateral.",
        command: "",
        source: Source::new("dcap-qvl README", "https://github.com/Phala-Network/dcap-qvl/blob/master/README.md"),
    },
];

/// "Get your inputs" as markup, from [`COMMANDS`].
pub fn inputs_html() -> String {
    let mut out = String::from(
        "<section class=\"verify-inputs\" aria-labelledby=\"verify-get\"><h2 id=\"verify-get\">Get your inputs</h2>\
         <p>From a running dstack app to a verdict, in three commands.</p><dl>",
    );
    for c in COMMANDS {
        out.push_str("<dt>");
        out.push_str(c.title);
        out.push_str("</dt><dd><p>");
        out.push_str(&escape(c.text));
        out.push_str("</p>");
        if !c.command.is_empty() {
            out.push_str("<pre class=\"verify-cmd\" tabindex=\"0\"><code>");
            out.push_str(&escape(c.command));
            out.push_str("</code></pre>");
        }
        out.push_str(
            "<p class=\"source\">Source: <a class=\"external\" rel=\"noopener noreferrer\" href=\"",
        );
        out.push_str(c.source.href);
        out.push_str("\">");
        out.push_str(c.source.label);
        out.push_str("</a></p></dd>");
    }
    out.push_str("</dl></section>");
    out
}

/// Everything the verifier module takes over: the form, the result, "Get your inputs"
/// and the builder.
pub fn form_html() -> String {
    format!("{FORM}{}{BUILDER}", inputs_html())
}

// These run in both crates: the verifier's, and the site's, which prerenders this markup.
#[cfg(test)]
mod tests {
    use super::*;

    /// The values of the attribute `name` (`name="…"`) in `html`, in order.
    fn values<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
        html.split(&format!(" {name}=\""))
            .skip(1)
            .map(|rest| rest.split('"').next().unwrap_or_default())
            .collect()
    }

    #[test]
    fn every_id_the_module_looks_up_is_in_the_form_exactly_once() {
        let html = form_html();
        let ids = values(&html, "id");
        for wanted in id::ALL {
            let count = ids.iter().filter(|id| *id == wanted).count();
            assert_eq!(count, 1, "id=\"{wanted}\" is in the form {count} times");
        }
    }

    #[test]
    fn the_form_has_no_duplicate_ids() {
        let html = form_html();
        let mut ids = values(&html, "id");
        assert!(ids.len() > id::ALL.len(), "{ids:?}");
        ids.sort_unstable();
        let repeated: Vec<_> = ids.windows(2).filter(|w| w[0] == w[1]).collect();
        assert!(repeated.is_empty(), "repeated ids: {repeated:?}");
    }

    #[test]
    fn the_forms_buttons_are_the_actions_the_module_handles() {
        let html = form_html();
        let mut found = values(&html, "data-action");
        let mut handled = action::ALL.to_vec();
        found.sort_unstable();
        handled.sort_unstable();
        assert_eq!(found, handled);
    }

    #[test]
    fn labels_and_descriptions_point_at_elements_of_the_form() {
        let html = form_html();
        let ids = values(&html, "id");
        for name in ["for", "aria-describedby", "aria-labelledby"] {
            for target in values(&html, name) {
                assert!(
                    ids.contains(&target),
                    "{name}=\"{target}\" names no element"
                );
            }
        }
        assert!(!values(&html, "for").is_empty());
    }

    #[test]
    fn the_module_names_the_forms_elements_only_through_these_constants() {
        // web.rs compiles for wasm only, but its text is readable here on every target. An
        // id or action written out there would escape the tests above.
        let web = include_str!("web.rs");
        let html = form_html();
        let names: Vec<&str> = values(&html, "id")
            .into_iter()
            .chain(values(&html, "data-action"))
            .collect();
        for (n, line) in web.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            let id_literal = code
                .match_indices("\"#")
                .any(|(at, _)| code[at + 2..].starts_with(|c: char| c.is_ascii_alphabetic()));
            assert!(
                !id_literal && !code.contains("get_element_by_id(\""),
                "web.rs:{}: an element looked up by a literal; name it in form::id: {line}",
                n + 1
            );
            for name in &names {
                assert!(
                    !code.contains(&format!("\"{name}\"")),
                    "web.rs:{}: \"{name}\" written out; use its constant in form.rs",
                    n + 1
                );
            }
        }
        for name in ["FIELDS", "RESULT", "STATUS", "BUILDER"] {
            assert!(
                web.contains(&format!("id::{name}")),
                "web.rs no longer uses id::{name}"
            );
        }
    }

    #[test]
    fn the_commands_are_escaped_and_sourced() {
        let html = inputs_html();
        assert!(html.contains("awk '{print &quot;0x&quot;$1}'"), "{html}");
        for c in COMMANDS {
            assert!(
                html.contains(&format!("<dt>{}</dt>", c.title)),
                "{}",
                c.title
            );
            assert!(c.source.href.starts_with("https://"), "{}", c.source.href);
        }
    }
}
