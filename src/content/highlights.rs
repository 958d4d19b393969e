//! The key statements each section opens with. The content issue expands every section;
//! these stay as the short summaries.

use super::Fact;

macro_rules! fact {
    ($text:expr, $label:expr, $source:expr) => {
        Fact {
            text: $text,
            source_label: $label,
            source: $source,
        }
    };
}

pub const ARCHITECTURE: &[Fact] = &[
    fact!(
        "dstack-vmm runs on the bare-metal TDX host. It reads docker-compose files, boots \
         confidential VMs from the measured OS image and allocates CPU, memory and GPUs.",
        "dstack README",
        "https://github.com/Dstack-TEE/dstack/blob/next/README.md"
    ),
    fact!(
        "dstack-kms runs in its own TEE. It checks attestation quotes before it releases keys, \
         and derives deterministic keys for each app.",
        "KMS README",
        "https://github.com/Dstack-TEE/dstack/blob/next/dstack/kms/README.md"
    ),
    fact!(
        "dstack-gateway terminates TLS with certificates whose keys are generated inside its \
         TEE, and forwards requests to apps over WireGuard.",
        "Gateway guide",
        "https://github.com/Dstack-TEE/dstack/blob/next/docs/dstack-gateway.md"
    ),
    fact!(
        "dstack-guest-agent runs inside each confidential VM. It produces TDX quotes, provisions \
         keys from the KMS and serves apps on /var/run/dstack.sock.",
        "dstack README",
        "https://github.com/Dstack-TEE/dstack/blob/next/README.md"
    ),
];

pub const USE_CASES: &[Fact] = &[
    fact!(
        "Confidential AI inference: an OpenAI-compatible vLLM endpoint on a confidential GPU, \
         with responses signed by keys derived inside the TEE.",
        "confidential-ai/inference example",
        "https://github.com/Dstack-TEE/dstack-examples/tree/main/confidential-ai/inference"
    ),
    fact!(
        "Programmable privacy: Encifher builds its TEE co-processor on dstack with Intel TDX.",
        "Phala: Encifher",
        "https://phala.network/posts/Phala-Encifher"
    ),
    fact!(
        "AI agents: Eliza's TEE plugin was built on the dstack SDK for key derivation and \
         remote attestation.",
        "Eliza TEE plugin docs",
        "https://elizacn.github.io/eliza/docs/advanced/eliza-in-tee"
    ),
];

pub const FEATURES: &[Fact] = &[
    fact!(
        "Works with Docker Compose as it is: no SDK and no code changes are required.",
        "dstack README",
        "https://github.com/Dstack-TEE/dstack/blob/next/README.md"
    ),
    fact!(
        "Memory is encrypted by the TEE hardware, disks with per-app keys (AES-256-GCM), and \
         environment variables with X25519 key exchange and AES-256-GCM before they leave \
         your machine.",
        "Security model",
        "https://github.com/Dstack-TEE/dstack/blob/next/docs/security/security-model.md"
    ),
    fact!(
        "Every app gets a workload identity that anyone can check with remote attestation.",
        "dstack README",
        "https://github.com/Dstack-TEE/dstack/blob/next/README.md"
    ),
    fact!(
        "In KMS mode, upgrades are governed by on-chain DstackApp contracts that list the \
         compose hashes an app may run.",
        "KMS README",
        "https://github.com/Dstack-TEE/dstack/blob/next/dstack/kms/README.md"
    ),
];

pub const EXAMPLES: &[Fact] = &[
    fact!(
        "attestation/configid-based: verify an app by its measurements and the compose hash \
         in mr_config_id, without replaying RTMR3.",
        "Example",
        "https://github.com/Dstack-TEE/dstack-examples/tree/main/attestation/configid-based"
    ),
    fact!(
        "confidential-ai/training: fine-tune a model with Unsloth in JupyterLab inside a TEE, \
         on private data.",
        "Example",
        "https://github.com/Dstack-TEE/dstack-examples/tree/main/confidential-ai/training"
    ),
    fact!(
        "k3s: single-node Kubernetes inside a TDX confidential VM, with wildcard HTTPS and \
         remote kubectl through the gateway.",
        "Example",
        "https://github.com/Dstack-TEE/dstack-examples/tree/main/k3s"
    ),
];

pub const GETTING_STARTED: &[Fact] = &[
    fact!(
        "In production you need a bare-metal TDX server with at least 16 GB of RAM and 100 GB \
         of free disk, a public IPv4 address and a domain you control.",
        "Deployment guide",
        "https://github.com/Dstack-TEE/dstack/blob/next/docs/deployment.md"
    ),
    fact!(
        "On one server, `sudo dstackup install` sets up the host and `sudo dstack deploy` \
         starts a Docker Compose app in a confidential VM.",
        "Onboarding guide",
        "https://github.com/Dstack-TEE/dstack/blob/next/docs/onboarding.md"
    ),
    fact!(
        "Without TEE hardware, the SDK simulator lets you develop against the guest-agent API \
         locally.",
        "Go SDK README",
        "https://github.com/Dstack-TEE/dstack/blob/next/sdk/go/README.md"
    ),
];

pub const ECOSYSTEM: &[Fact] = &[
    fact!(
        "dstack is an open-source project of the Linux Foundation's Confidential Computing \
         Consortium, which welcomed Phala in October 2025.",
        "CCC announcement",
        "https://confidentialcomputing.io/2025/10/02/welcoming-phala-to-the-confidential-computing-consortium/"
    ),
    fact!(
        "Phala Cloud offers dstack as a managed service.",
        "dstack README",
        "https://github.com/Dstack-TEE/dstack/blob/next/README.md"
    ),
    fact!(
        "SDKs for Python, JavaScript/TypeScript, Rust and Go wrap the guest-agent API.",
        "Python SDK",
        "https://github.com/Dstack-TEE/dstack/blob/next/sdk/python/README.md"
    ),
];

pub const RESOURCES: &[Fact] = &[
    fact!(
        "Dstack: A Zero Trust Framework for Confidential Containers (Zhou, Wang, Yin, 2025).",
        "arXiv:2509.11555",
        "https://arxiv.org/abs/2509.11555"
    ),
    fact!(
        "A third-party security audit by zkSecurity ships with the source.",
        "Audit report (PDF)",
        "https://github.com/Dstack-TEE/dstack/blob/next/docs/security/dstack-audit.pdf"
    ),
    fact!(
        "Vulnerabilities are reported privately through GitHub's security reporting.",
        "SECURITY.md",
        "https://github.com/Dstack-TEE/dstack/blob/next/SECURITY.md"
    ),
];

/// Every list above, for the invariant tests.
pub const ALL: [&[Fact]; 7] = [
    ARCHITECTURE,
    USE_CASES,
    FEATURES,
    EXAMPLES,
    GETTING_STARTED,
    ECOSYSTEM,
    RESOURCES,
];

#[cfg(test)]
mod tests {
    use super::*;

    const REPO: &str = "https://github.com/Dstack-TEE/dstack/blob/next/";

    #[test]
    fn every_fact_has_text_a_label_and_an_https_source() {
        for facts in ALL {
            assert!(!facts.is_empty());
            for fact in facts {
                assert!(fact.text.len() > 20, "too short: {:?}", fact.text);
                assert!(!fact.text.contains("  "), "double space: {:?}", fact.text);
                assert!(!fact.source_label.trim().is_empty());
                assert!(fact.source.starts_with("https://"), "{}", fact.source);
                assert!(!fact.source.contains(' '), "{}", fact.source);
            }
        }
    }

    #[test]
    fn dstack_repo_links_use_the_default_branch_next() {
        // The repository has no `master` branch; such links break.
        for fact in ALL.into_iter().flatten() {
            if fact
                .source
                .starts_with("https://github.com/Dstack-TEE/dstack/")
            {
                assert!(fact.source.starts_with(REPO), "{}", fact.source);
            }
        }
    }
}
