//! Every example folder of Dstack-TEE/dstack-examples (branch main), as the facts file lists
//! them. Links point at the real folders, not the README's stale tutorial names.

use crate::content::tags::Tag;

/// One example: a folder of the dstack-examples repository.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Example {
    /// The folder path inside the repository; also the example's unique id.
    pub path: &'static str,
    pub summary: &'static str,
    pub tags: &'static [Tag],
    /// Its compose file still mounts the deprecated `/var/run/tappd.sock` (facts §12.6).
    pub tappd: bool,
}

/// What the page says about all examples at once (facts §12.6).
pub const INTRO: &str = "Most examples deploy to Phala Cloud with the Phala CLI, which also \
     starts a local simulator for development.";

/// The badge on examples that still mount the deprecated socket.
pub const TAPPD_NOTE: &str = "Still mounts the deprecated /var/run/tappd.sock; \
     current guest agents serve /var/run/dstack.sock.";

/// The name of a card's list of tags, for assistive technology.
pub const TAGS_LABEL: &str = "Tags";

/// Where every example folder lives.
pub const REPO_TREE: &str = "https://github.com/Dstack-TEE/dstack-examples/tree/main/";

impl Example {
    /// The folder on GitHub.
    pub fn url(&self) -> String {
        format!("{REPO_TREE}{}", self.path)
    }
}

macro_rules! ex {
    ($path:literal, [$($tag:ident),*], $summary:literal) => {
        Example { path: $path, summary: $summary, tags: &[$(Tag::$tag),*], tappd: false }
    };
    ($path:literal, [$($tag:ident),*], $summary:literal, tappd) => {
        Example { path: $path, summary: $summary, tags: &[$(Tag::$tag),*], tappd: true }
    };
}

pub const EXAMPLES: &[Example] = &[
    ex!("attestation/configid-based", [Attestation],
        "Verify an app by its measurements and the compose hash stored in mr_config_id, with no RTMR3 replay."),
    ex!("attestation/rtmr3-based", [Attestation],
        "A proof of concept that replays RTMR3 to verify the whole chain; its README says it illustrates the principles and is not optimized for production."),
    ex!("confidential-ai/inference", [Ai, Privacy],
        "An OpenAI-compatible vLLM endpoint on a confidential GPU, with responses signed by TEE-derived keys."),
    ex!("confidential-ai/training", [Ai, Privacy],
        "Fine-tune with Unsloth in JupyterLab inside a TEE, on private data."),
    ex!("confidential-ai/agents", [Ai, Blockchain],
        "A LangChain agent whose wallet keys come from the TEE, calling a confidential LLM."),
    ex!("custom-domain/dstack-ingress", [Infrastructure],
        "HAProxy TCP ingress for your own domain, with automatic Let's Encrypt certificates, several DNS providers and TDX-quote evidence."),
    ex!("k3s", [Infrastructure],
        "Single-node Kubernetes (k3s) in a TDX CVM, with wildcard HTTPS and remote kubectl through the gateway.", tappd),
    ex!("launcher", [Infrastructure],
        "A launcher container that checks for and applies updates to a workload container."),
    ex!("lightclient", [Blockchain],
        "The Helios Ethereum light client in a TEE, for a verified view of chain state.", tappd),
    ex!("phala-cloud-prelaunch-script", [Infrastructure],
        "Phala Cloud's default pre-launch script: pulls private images from Docker Hub or AWS ECR, then cleans up."),
    ex!("prelaunch-script", [Infrastructure],
        "Run setup steps before Docker Compose starts."),
    ex!("private-docker-image-deployment", [Infrastructure, Privacy],
        "Pull images from private registries, with the credentials passed as encrypted secrets."),
    ex!("ssh-over-gateway", [Infrastructure],
        "Run an SSH server in a CVM and reach it through the public gateway endpoint.", tappd),
    ex!("tcp-port-forwarding", [Infrastructure],
        "Forward arbitrary TCP ports between your machine and a CVM."),
    ex!("timelock-nts", [Privacy, Blockchain],
        "Timelock decryption driven by Cloudflare's authenticated NTS time; also shows raw socket use.", tappd),
    ex!("tor-hidden-service", [Privacy, Infrastructure],
        "Serve an nginx site as a Tor onion service, with no host ports exposed.", tappd),
    ex!("tsm-shim", [Attestation],
        "A sidecar that lets unmodified configfs-tsm tools get quotes through the guest agent."),
    ex!("webshell", [Infrastructure],
        "A ttyd web shell for debugging on development images; not for production."),
    ex!("tutorial/01-attestation", [Tutorial, Attestation],
        "DevProof 1: an oracle that ties its data to quotes through report_data, and how to verify it."),
    ex!("tutorial/01a-reproducible-builds", [Tutorial, Attestation],
        "DevProof 1a: deterministic Docker builds."),
    ex!("tutorial/02-kms-and-signing", [Tutorial],
        "DevProof 2: persistent keys from the KMS with getKey(), and signing with them."),
    ex!("tutorial/03-gateway-and-tls", [Tutorial, Infrastructure],
        "DevProof 3: TLS certificates bound to attestation."),
    ex!("tutorial/04-onchain-oracle", [Tutorial, Blockchain],
        "DevProof 4: multi-node deployments controlled by an on-chain AppAuth contract."),
    ex!("tutorial/05-hardening-https", [Tutorial, Infrastructure],
        "DevProof 5: stricter TLS checks for clients."),
    ex!("tutorial/06-encryption-freshness", [Tutorial, Privacy],
        "DevProof 6: protecting stored data against rollback (work in progress)."),
    ex!("tutorial/07-lightclient", [Tutorial, Blockchain],
        "DevProof 7: an oracle built on a light client."),
    ex!("tutorial/08-extending-appauth", [Tutorial, Blockchain],
        "DevProof 8: custom authorization contracts, such as NFT-gated access or timelocks."),
];

/// The example list's filter: every tag, and a search box over each card's text.
pub const FILTER: crate::filter::FilterSpec = crate::filter::FilterSpec {
    tags: &Tag::ALL,
    noun: "examples",
    empty: "No example matches. Try fewer words, or choose All.",
    search_label: "Search the examples",
};

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// Every entry is one folder of the repository, listed once. (This test used to hold a
    /// copy of the facts file's folder list, so it failed on every change to the content
    /// and proved nothing the copy did not; which folders exist upstream is the facts
    /// file's to record, what must hold for any list is checked here.)
    #[test]
    fn every_example_is_one_folder_listed_once() {
        let paths: HashSet<_> = EXAMPLES.iter().map(|e| e.path).collect();
        assert_eq!(paths.len(), EXAMPLES.len(), "duplicate example path");
        for ex in EXAMPLES {
            let p = ex.path;
            assert!(
                !p.is_empty() && !p.starts_with('/') && !p.ends_with('/') && !p.contains("//"),
                "{p}: not a folder path"
            );
            assert!(
                p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-/".contains(&b)),
                "{p}: not a folder name of the repository"
            );
            // A folder that holds listed examples is their index, not an example.
            let parent = format!("{p}/");
            assert!(
                !EXAMPLES.iter().any(|e| e.path.starts_with(&parent)),
                "{p} is the index of other examples"
            );
        }
    }

    /// The DevProof series (`tutorial/NN-…`) reads in order without a gap, and each summary
    /// names its part as the folder numbers it (`01a-…` is "DevProof 1a").
    #[test]
    fn the_devproof_tutorials_are_numbered_in_order_without_gaps() {
        let mut parts = Vec::new();
        for ex in EXAMPLES.iter().filter(|e| e.path.starts_with("tutorial/")) {
            let id = ex.path["tutorial/".len()..]
                .split('-')
                .next()
                .unwrap_or_default();
            let digits: String = id.chars().take_while(char::is_ascii_digit).collect();
            let part: u32 = digits
                .parse()
                .unwrap_or_else(|_| panic!("{}: no part number", ex.path));
            let label = id.trim_start_matches('0');
            assert!(
                ex.summary.starts_with(&format!("DevProof {label}: ")),
                "{}: {}",
                ex.path,
                ex.summary
            );
            assert!(ex.tags.contains(&Tag::Tutorial), "{}", ex.path);
            parts.push(part);
        }
        assert_eq!(parts.first(), Some(&1), "the series starts at part 1");
        assert!(
            parts.windows(2).all(|w| w[1] == w[0] || w[1] == w[0] + 1),
            "parts out of order or with a gap: {parts:?}"
        );
    }

    /// Regression (issue #15): the examples facts §12.6 names as still mounting tappd.sock
    /// carry the deprecation note, and no other example does.
    #[test]
    fn examples_that_mount_the_deprecated_socket_are_marked() {
        let marked: Vec<_> = EXAMPLES
            .iter()
            .filter(|e| e.tappd)
            .map(|e| e.path)
            .collect();
        assert_eq!(
            marked,
            [
                "k3s",
                "lightclient",
                "ssh-over-gateway",
                "timelock-nts",
                "tor-hidden-service"
            ]
        );
        assert!(INTRO.contains("Phala CLI") && INTRO.contains("Phala Cloud"));
        let rtmr3 = EXAMPLES
            .iter()
            .find(|e| e.path == "attestation/rtmr3-based");
        let summary = rtmr3.map_or("", |e| e.summary);
        assert!(summary.contains("proof of concept") && !summary.contains("legacy"));
    }

    #[test]
    fn links_are_folders_on_main_and_no_missing_folder_is_linked() {
        for ex in EXAMPLES {
            assert!(ex
                .url()
                .starts_with("https://github.com/Dstack-TEE/dstack-examples/tree/main/"));
            assert!(!ex.tags.is_empty(), "{} has no tag", ex.path);
            assert!(ex.summary.ends_with('.'), "{}", ex.path);
            // Listed as "Coming Soon" in the README but absent from the repository.
            for missing in [
                "8004-agent",
                "oracle",
                "mcp-server",
                "telegram-agent",
                "get-key-basic",
            ] {
                assert_ne!(ex.path, missing);
            }
            // The README's stale tutorial names.
            assert!(!ex.path.contains("01-attestation-oracle"));
            assert!(!ex.path.contains("02-persistence-and-kms"));
        }
    }
}
