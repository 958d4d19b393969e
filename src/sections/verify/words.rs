//! The `/verify` page's explanations: what each check means and where the samples come
//! from (facts file sections 3d and 11).

use crate::content::Link;

/// One paragraph of "How this works", with its sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Note {
    pub title: &'static str,
    pub text: &'static str,
    pub sources: &'static [Link],
}

const DCAP_QVL: Link = Link::new("dcap-qvl", "https://github.com/Phala-Network/dcap-qvl");
const ATTESTATION_TDX: Link = Link::new(
    "Attestation guide",
    "https://github.com/Dstack-TEE/dstack/blob/next/docs/attestation-tdx.md",
);

pub const NOTES: [Note; 7] = [
    Note {
        title: "Signature chain",
        text: "dcap-qvl, Phala's pure-Rust DCAP quote verifier, runs here as WebAssembly. It \
               checks that the quote was signed by genuine TDX hardware, using collateral: the \
               certificates, revocation lists and TCB info that a PCCS serves for the platform. The \
               chain ends at Intel's SGX Root CA, which dcap-qvl embeds; the result names it by \
               fingerprint, with the instant it was checked at. Only the TCB status UpToDate \
               passes; the *Needed and OutOfDate statuses are warnings that carry Intel's \
               advisory IDs for you to judge; Revoked fails, and so does a debug TD.",
        sources: &[DCAP_QVL],
    },
    Note {
        title: "Boot measurements",
        text: "MRTD is the virtual firmware, RTMR0 the virtual hardware, RTMR1 the kernel and \
               RTMR2 the kernel command line and initrd. To trust them, rebuild the OS image and \
               compute the expected values with dstack-mr.",
        sources: &[ATTESTATION_TDX],
    },
    Note {
        title: "The OS image, without the image",
        text: "A CVM booted in the lite mode carries its OS image's measurement material in \
               vm_config: a checksum file whose SHA-256 is the OS image hash, and a small CBOR \
               document listed in it. This page checks both hashes, then computes MRTD, RTMR0 \
               (from the document's memory-map witness and the three ACPI digests in the event \
               log), RTMR1 and RTMR2 as dstack-mr does, and compares them with the quote. It \
               does not rebuild the ACPI tables, and it refuses memory sizes below 2.75 GiB other \
               than exactly 2 GiB, legacy-mode boots and OVMF layouts other than pre202505: for \
               those, run dstack-verifier with the image.",
        sources: &[
            Link::new(
                "dstack-mr tdx.rs",
                "https://github.com/Dstack-TEE/dstack/blob/next/dstack/dstack-mr/src/tdx.rs",
            ),
            Link::new(
                "verification.rs",
                "https://github.com/Dstack-TEE/dstack/blob/next/dstack/verifier/src/verification.rs",
            ),
        ],
    },
    Note {
        title: "The app, in RTMR3",
        text: "The initrd records the compose hash, app ID, instance ID and key provider into \
               RTMR3. Replaying the event log must give exactly the quote's RTMR3; only then can \
               the events be trusted. Software inside the CVM can extend RTMR3 after boot, so \
               each claim counts only before boot-mr-done (app ID, compose hash, instance ID) or \
               system-ready (OS image hash, key provider, storage), and a repeated name is \
               flagged.",
        sources: &[
            ATTESTATION_TDX,
            Link::new(
                "runtime_events.rs",
                "https://github.com/Dstack-TEE/dstack/blob/next/dstack/cc-eventlog/src/runtime_events.rs",
            ),
        ],
    },
    Note {
        title: "Compose hash",
        text: "The compose hash is SHA-256 of the exact bytes of app-compose.json. The VMM CLI \
               writes it with four-space indents in the order fields were set; the SDKs write a \
               normalized form with sorted keys and no spaces. The same content in the other form, \
               or with a trailing newline, gives a different hash. When the compose file names \
               images by tag, the hash does not pin the code: name them by digest (@sha256:…).",
        sources: &[
            Link::new(
                "normalized-app-compose.md",
                "https://github.com/Dstack-TEE/dstack/blob/next/docs/normalized-app-compose.md",
            ),
            Link::new(
                "vmm-cli.py",
                "https://github.com/Dstack-TEE/dstack/blob/next/dstack/vmm/src/vmm-cli.py",
            ),
        ],
    },
    Note {
        title: "The samples",
        text: "dcap-qvl's sample TDX quote and its collateral are test files of dcap-qvl (MIT \
               licence), not a quote Intel published. That collateral expired on 2025-07-19, so with it the check runs at a fixed instant, \
               2025-07-01 00:00 UTC; with any other collateral it uses your clock. The dstack \
               sample is a GetQuote response from a dstack 0.6.0 CVM, a test fixture of the \
               dstack repository (CC0). No collateral ships with it, so its signature chain stays \
               unchecked and its verdict is incomplete; its OS image, app and identity checks \
               run in full.",
        sources: &[
            Link::new("dcap-qvl samples", "https://github.com/Phala-Network/dcap-qvl/tree/master/sample"),
            Link::new(
                "dstack fixture",
                "https://github.com/Dstack-TEE/dstack/blob/next/dstack/verifier/fixtures/tdx-lite-getquote.json",
            ),
        ],
    },
    Note {
        title: "In production",
        text: "Verify in your own code: dstack-verifier (HTTP or CLI), dcap-qvl (Rust, Python, \
               JS and WASM), replayRtmrs() in the JS and Python SDKs, or Phala's hosted Trust Center.",
        sources: &[Link::new(
            "Verification guide",
            "https://github.com/Dstack-TEE/dstack/blob/next/docs/verification.md",
        )],
    },
];

/// The form, as static markup: prerendered with the page, readable without scripts, and
/// wired up by the verifier module once it loads (its `mount`, verifier/src/web.rs, finds
/// these ids and `data-action`s). Kept out of `view!` because every element there costs
/// code in the site's own wasm, which every page downloads.
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
/// (`vmm-cli.py compose`), built by the verifier module (verifier/src/builder.rs).
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

/// One way to get an input from a running app, with its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Command {
    pub title: &'static str,
    pub text: &'static str,
    pub command: &'static str,
    pub source: Link,
}

/// "Get your inputs": commands from dstack's docs (facts file §3d, §11, §13.6).
pub const COMMANDS: [Command; 4] = [
    Command {
        title: "Quote, event log and VM config",
        text: "Inside the CVM, from a container that mounts /var/run/dstack.sock. Paste the whole response into Quote; report_data is up to 64 bytes of your own, in hex.",
        command: "curl --unix-socket /var/run/dstack.sock \"http://localhost/GetQuote?report_data=0x1234deadbeef\" > getquote.json",
        source: Link::new("usage.md", "https://github.com/Dstack-TEE/dstack/blob/next/docs/usage.md"),
    },
    Command {
        title: "app-compose.json as the CVM hashed it",
        text: "The Info response carries it in tcb_info (emptied for outside callers unless public_tcbinfo is set). Paste the whole response into app-compose.json.",
        command: "curl -s --unix-socket /var/run/dstack.sock http://localhost/Info > info.json",
        source: Link::new("sdk/curl/api.md", "https://github.com/Dstack-TEE/dstack/blob/next/sdk/curl/api.md"),
    },
    Command {
        title: "The compose hash of the file you deployed",
        text: "On the machine you deployed from: the hash of the exact bytes, to type into Expected compose hash or to compare with an allow-list.",
        command: "sha256sum app-compose.json | awk '{print \"0x\"$1}'",
        source: Link::new("onchain-governance.md", "https://github.com/Dstack-TEE/dstack/blob/next/docs/onchain-governance.md"),
    },
    Command {
        title: "Collateral",
        text: "Certificates, revocation lists and TCB info for your quote’s platform, from a PCCS (Phala’s default is https://pccs.phala.network). dcap-qvl fetches it (Rust, Python, JS); paste its QuoteCollateralV3 JSON into Collateral.",
        command: "",
        source: Link::new("dcap-qvl README", "https://github.com/Phala-Network/dcap-qvl/blob/master/README.md"),
    },
];

use crate::html::escape as esc;

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
        out.push_str(&esc(c.text));
        out.push_str("</p>");
        if !c.command.is_empty() {
            out.push_str("<pre class=\"verify-cmd\" tabindex=\"0\"><code>");
            out.push_str(&esc(c.command));
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

/// The status line when the module cannot load.
pub fn load_failed(reason: &str) -> String {
    format!(
        "The verifier could not load ({reason}). Reload the page to try again; the tools under \
         “In production” below do the same checks offline."
    )
}

/// "How this works" as markup, from [`NOTES`]: the notes are static, so they skip
/// `view!` for the same reason as [`FORM`].
pub fn notes_html() -> String {
    let mut out = String::from(
        "<section aria-labelledby=\"verify-how\"><h2 id=\"verify-how\">How this works</h2><dl class=\"verify-notes\">",
    );
    for n in NOTES {
        out.push_str("<dt>");
        out.push_str(n.title);
        out.push_str("</dt><dd>");
        out.push_str(n.text);
        out.push_str(" <span class=\"source\">Source: ");
        for (i, l) in n.sources.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str("<a class=\"external\" rel=\"noopener noreferrer\" href=\"");
            out.push_str(l.href);
            out.push_str("\">");
            out.push_str(l.label);
            if let Some(host) = l.host() {
                out.push_str("<span class=\"link-host\"> (");
                out.push_str(host);
                out.push_str(")</span>");
            }
            out.push_str("</a>");
        }
        out.push_str("</span></dd>");
    }
    out.push_str("</dl></section>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_has_what_the_verifier_module_looks_for() {
        // verifier/src/web.rs `mount` finds these; a rename here must be made there too.
        let html = form_html();
        for id in [
            "verify-status",
            "verify-quote",
            "verify-log",
            "verify-vm",
            "verify-collateral",
            "verify-compose",
            "verify-expected",
            "verify-form",
            "verify-result",
            "verify-builder",
            "vb-yaml",
            "vb-name",
            "vb-kms",
            "vb-gateway",
            "vb-local",
            "vb-logs",
            "vb-sysinfo",
            "vb-noinstance",
            "vb-securetime",
            "vb-provider",
            "vb-provider-id",
            "vb-envs",
            "vb-result",
        ] {
            assert_eq!(html.matches(&format!("id=\"{id}\"")).count(), 1, "{id}");
        }
        for action in ["sample-intel", "sample-dstack", "flip", "clear"] {
            assert!(
                FORM.contains(&format!("data-action=\"{action}\"")),
                "{action}"
            );
        }
        // Every label points at a field that exists.
        for part in html.split("<label for=\"").skip(1) {
            let id = part.split('"').next().unwrap();
            assert!(html.contains(&format!("id=\"{id}\"")), "{id}");
        }
    }

    #[test]
    fn notes_markup_is_well_formed_and_names_every_source() {
        let html = notes_html();
        for n in NOTES {
            assert!(html.contains(&format!("<dt>{}</dt>", n.title)));
            for l in n.sources {
                assert!(html.contains(&format!("href=\"{}\"", l.href)));
            }
            // Static text only: nothing that would need escaping.
            assert!(!n.text.contains(['<', '>', '&', '"']), "{}", n.title);
        }
        assert_eq!(html.matches("<dd>").count(), html.matches("</dd>").count());
    }
}
