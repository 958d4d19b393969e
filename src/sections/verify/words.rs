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

/// The status line when the module cannot load.
pub fn load_failed(reason: &str) -> String {
    format!(
        "The verifier could not load ({reason}). Reload the page to try again; the tools under \
         “In production” below do the same checks offline."
    )
}

/// "How this works" as markup, from [`NOTES`]: the notes are static, so they skip
/// `view!` for the same reason as the form ([`super::form`]).
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

    #[test]
    fn the_form_and_the_notes_repeat_no_id() {
        // One page: the form (verifier/src/form.rs, tested there) and these notes.
        let html = format!("{}{}", super::super::form::form_html(), notes_html());
        let mut ids: Vec<&str> = html
            .split(" id=\"")
            .skip(1)
            .map(|rest| rest.split('"').next().unwrap_or_default())
            .collect();
        assert!(ids.contains(&"verify-how") && ids.contains(&"verify-status"));
        ids.sort_unstable();
        let repeated: Vec<_> = ids.windows(2).filter(|w| w[0] == w[1]).collect();
        assert!(repeated.is_empty(), "{repeated:?}");
    }
}
