//! The `/verify` page's explanations: what each check means and where the samples come
//! from (facts file sections 3d and 11).

use super::Link;

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

pub const NOTES: [Note; 5] = [
    Note {
        title: "Signature chain",
        text: "dcap-qvl, Phala's pure-Rust DCAP quote verifier, runs here as WebAssembly. It \
               checks that the quote was signed by genuine TDX hardware, using collateral: the \
               certificates, revocation lists and TCB info that a PCCS serves for the platform.",
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
        title: "The app, in RTMR3",
        text: "The initrd records the compose hash, app ID, instance ID and key provider into \
               RTMR3. Replaying the event log must give exactly the quote's RTMR3; only then can \
               the events be trusted.",
        sources: &[
            ATTESTATION_TDX,
            Link::new(
                "runtime_events.rs",
                "https://github.com/Dstack-TEE/dstack/blob/next/dstack/cc-eventlog/src/runtime_events.rs",
            ),
        ],
    },
    Note {
        title: "The samples",
        text: "Intel's sample quote and collateral come from dcap-qvl (MIT licence). That \
               collateral expired on 2025-07-19, so with it the check runs at a fixed instant, \
               2025-07-01 00:00 UTC; with any other collateral it uses your clock. The dstack \
               sample is a GetQuote response from a dstack 0.6.0 CVM, a test fixture of the \
               dstack repository (CC0). No collateral ships with it.",
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
               JS and WASM), the SDKs' replayRtmrs(), or Phala's hosted Trust Center.",
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
<h2 id="verify-input">Your quote</h2>
<p class="verify-status" id="verify-status" role="status">Loading the verifier…</p>
<noscript><p class="verify-noscript">The verifier is WebAssembly and needs JavaScript. The tools under “In production” below do the same checks on your own machine.</p></noscript>
<div class="actions verify-samples">
<button type="button" class="button" data-action="sample-intel" disabled>Load Intel’s sample, with collateral</button>
<button type="button" class="button" data-action="sample-dstack" disabled>Load a dstack CVM’s quote and event log</button>
</div>
<form class="verify-form" id="verify-form">
<label for="verify-quote">Quote</label>
<p class="hint" id="verify-quote-hint">Hex or base64, or a whole GetQuote response (JSON).</p>
<textarea id="verify-quote" rows="5" spellcheck="false" autocomplete="off" aria-describedby="verify-quote-hint"></textarea>
<label for="verify-log">Event log (optional)</label>
<p class="hint" id="verify-log-hint">The guest agent’s event_log JSON, replayed into RTMR0–3.</p>
<textarea id="verify-log" rows="5" spellcheck="false" autocomplete="off" aria-describedby="verify-log-hint"></textarea>
<label for="verify-collateral">Collateral (optional)</label>
<p class="hint" id="verify-collateral-hint">QuoteCollateralV3 JSON from a PCCS, to check the signature chain. This page makes no requests, so fetch it yourself.</p>
<textarea id="verify-collateral" rows="4" spellcheck="false" autocomplete="off" aria-describedby="verify-collateral-hint"></textarea>
<div class="actions">
<button type="submit" class="button button-primary" disabled>Verify</button>
<button type="button" class="button" data-action="flip" disabled>Flip one byte</button>
<button type="button" class="button" data-action="clear" disabled>Clear</button>
</div>
</form>
</section>
<section class="verify-result" id="verify-result" aria-label="Result" tabindex="-1"></section>"#;

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
        for id in [
            "verify-status",
            "verify-quote",
            "verify-log",
            "verify-collateral",
            "verify-form",
            "verify-result",
        ] {
            assert!(FORM.contains(&format!("id=\"{id}\"")), "{id}");
        }
        for action in ["sample-intel", "sample-dstack", "flip", "clear"] {
            assert!(
                FORM.contains(&format!("data-action=\"{action}\"")),
                "{action}"
            );
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
