//! What people build with dstack, split honestly: what runs in production today (with who
//! runs it), integrations and announcements, patterns an example or doc demonstrates, and
//! ideas nobody is claimed to run.

use crate::content::tags::Tag;
use crate::content::{Heading, Link, SOURCE_LABEL};

/// How far a use case is backed by evidence (the words of facts file §12.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Running today: a first-party source (the adopter's own site or docs, or the dstack
    /// README) names who runs it.
    InProduction,
    /// Built on dstack as an integration (a plugin, an SDK use); not claimed to run on it.
    Integration,
    /// Announced as building on dstack; no source shows it running yet.
    Announced,
    /// Demonstrated by an example or a doc you can run yourself.
    Pattern,
    /// A fit for dstack's guarantees with no example and no adopter yet.
    Idea,
}

impl Status {
    /// What a card says before [`UseCase::who`] (patterns and ideas name no one).
    pub fn who_label(self) -> &'static str {
        match self {
            Status::InProduction => "Who runs it:",
            Status::Integration => "Who built it:",
            Status::Announced | Status::Pattern | Status::Idea => "Who announced it:",
        }
    }

    /// What a card says before [`UseCase::sources`]: only a production claim has a source;
    /// the other links show where to look.
    pub fn sources_label(self) -> &'static str {
        match self {
            Status::InProduction => SOURCE_LABEL,
            _ => "See: ",
        }
    }
}

/// The page's sections, one per status, from strongest evidence to none.
pub const SECTIONS: [(Status, Heading); 5] = [
    (
        Status::InProduction,
        Heading::new("in-production", "In production"),
    ),
    (
        Status::Integration,
        Heading::new("integrations", "Integrations built on dstack"),
    ),
    (Status::Announced, Heading::new("announced", "Announced")),
    (
        Status::Pattern,
        Heading::new("patterns", "Patterns you can build, with a working example"),
    ),
    (Status::Idea, Heading::new("ideas", "Ideas, not yet built")),
];

/// The name of a card's list of categories, for assistive technology.
pub const CATEGORIES_LABEL: &str = "Categories";

/// One use case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UseCase {
    pub slug: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
    pub status: Status,
    /// Who runs it (production), built it (integration) or announced it.
    pub who: &'static [&'static str],
    pub tags: &'static [Tag],
    /// Where to check it, or where it is demonstrated (none for ideas).
    pub sources: &'static [Link],
}

pub const USE_CASES: &[UseCase] = &[
    UseCase {
        slug: "confidential-ai-inference",
        title: "Confidential AI inference",
        summary: "LLMs served from NVIDIA GPUs in confidential-computing mode inside Intel TDX \
                  VMs, so prompts and model weights stay encrypted in use. Users can check the \
                  TDX and GPU attestations behind each model.",
        status: Status::InProduction,
        who: &[
            "NEAR AI, for its private AI infrastructure",
            "redpill.ai, whose chat shows TDX and GPU attestations",
            "Phala Cloud, whose confidential inference OpenRouter lists as a provider",
        ],
        tags: &[Tag::Ai, Tag::Privacy],
        sources: &[
            Link::new("dstack README", "https://github.com/Dstack-TEE/dstack/blob/next/README.md"),
            Link::new(
                "Confidential AI guide",
                "https://github.com/Dstack-TEE/dstack/blob/next/docs/confidential-ai.md",
            ),
            Link::new("Phala on OpenRouter", "https://openrouter.ai/provider/phala"),
        ],
    },
    UseCase {
        slug: "encifher-co-processor",
        title: "Programmable privacy co-processor",
        summary: "Encifher announced that it is building its TEE co-processor on dstack with \
                  Intel TDX, with the nodes of its threshold-decryption committee in TEEs \
                  (Phala, June 2025).",
        status: Status::Announced,
        who: &["Encifher"],
        tags: &[Tag::Privacy, Tag::Blockchain],
        sources: &[Link::new("Phala: Encifher", "https://phala.network/posts/Phala-Encifher")],
    },
    UseCase {
        slug: "eliza-tee-plugin",
        title: "TEE plugin for Eliza AI agents",
        summary: "Eliza has a TEE plugin built on the dstack SDK: agents derive keys inside the \
                  TEE and produce remote attestations, with a simulator for local development.",
        status: Status::Integration,
        who: &["The Eliza agent framework"],
        tags: &[Tag::Ai, Tag::Blockchain],
        sources: &[Link::new(
            "Eliza TEE docs (community mirror)",
            "https://elizacn.github.io/eliza/docs/advanced/eliza-in-tee",
        )],
    },
    UseCase {
        slug: "agents-with-tee-keys",
        title: "AI agents that hold their own keys",
        summary: "A LangChain agent whose wallet keys are derived inside the TEE, calling a \
                  confidential LLM: neither the operator nor the developer holds the keys.",
        status: Status::Pattern,
        who: &[],
        tags: &[Tag::Ai, Tag::Blockchain],
        sources: &[Link::new(
            "confidential-ai/agents",
            "https://github.com/Dstack-TEE/dstack-examples/tree/main/confidential-ai/agents",
        )],
    },
    UseCase {
        slug: "private-fine-tuning",
        title: "Fine-tuning on private data",
        summary: "Fine-tune a model with Unsloth in JupyterLab inside a TEE, so the training data \
                  is never exposed to the machine's operator.",
        status: Status::Pattern,
        who: &[],
        tags: &[Tag::Ai, Tag::Privacy],
        sources: &[Link::new(
            "confidential-ai/training",
            "https://github.com/Dstack-TEE/dstack-examples/tree/main/confidential-ai/training",
        )],
    },
    UseCase {
        slug: "timelock-decryption",
        title: "Timelock decryption with trusted time",
        summary: "Release a secret only after a deadline, with the time taken from Cloudflare's \
                  authenticated NTS service rather than from the host's clock.",
        status: Status::Pattern,
        who: &[],
        tags: &[Tag::Privacy, Tag::Blockchain],
        sources: &[Link::new(
            "timelock-nts",
            "https://github.com/Dstack-TEE/dstack-examples/tree/main/timelock-nts",
        )],
    },
    UseCase {
        slug: "tor-onion-service",
        title: "Tor onion services",
        summary: "Serve a site as a Tor onion service from a confidential VM, with no host ports \
                  exposed.",
        status: Status::Pattern,
        who: &[],
        tags: &[Tag::Privacy, Tag::Infrastructure],
        sources: &[Link::new(
            "tor-hidden-service",
            "https://github.com/Dstack-TEE/dstack-examples/tree/main/tor-hidden-service",
        )],
    },
    UseCase {
        slug: "ethereum-light-client",
        title: "Verified Ethereum state",
        summary: "Run the Helios light client in a TEE to give apps a verified view of Ethereum \
                  chain state, and build oracles on it.",
        status: Status::Pattern,
        who: &[],
        tags: &[Tag::Blockchain],
        sources: &[
            Link::new("lightclient", "https://github.com/Dstack-TEE/dstack-examples/tree/main/lightclient"),
            Link::new(
                "tutorial/07-lightclient",
                "https://github.com/Dstack-TEE/dstack-examples/tree/main/tutorial/07-lightclient",
            ),
        ],
    },
    UseCase {
        slug: "onchain-oracles",
        title: "Oracles that prove their code",
        summary: "An oracle that binds its data to TDX quotes through report_data, then a \
                  multi-node deployment governed by an on-chain AppAuth contract.",
        status: Status::Pattern,
        who: &[],
        tags: &[Tag::Blockchain, Tag::Attestation],
        sources: &[
            Link::new(
                "tutorial/01-attestation",
                "https://github.com/Dstack-TEE/dstack-examples/tree/main/tutorial/01-attestation",
            ),
            Link::new(
                "tutorial/04-onchain-oracle",
                "https://github.com/Dstack-TEE/dstack-examples/tree/main/tutorial/04-onchain-oracle",
            ),
        ],
    },
    UseCase {
        slug: "zk-provers-and-zktls",
        title: "ZK provers and zkTLS",
        summary: "Proving services or a zkTLS attestor inside a CVM, so inputs stay private. \
                  The examples README links an outside Primus zkTLS template, but there is no \
                  dstack example or adopter yet.",
        status: Status::Idea,
        who: &[],
        tags: &[Tag::Blockchain, Tag::Privacy],
        sources: &[],
    },
    UseCase {
        slug: "verifiable-frontends",
        title: "Frontends served from a TEE",
        summary: "Serve a web app over HTTPS whose TLS keys are bound to attestation and never \
                  leave the TEE, with stricter TLS checks for clients that verify.",
        status: Status::Pattern,
        who: &[],
        tags: &[Tag::Infrastructure, Tag::Attestation],
        sources: &[
            Link::new(
                "tutorial/03-gateway-and-tls",
                "https://github.com/Dstack-TEE/dstack-examples/tree/main/tutorial/03-gateway-and-tls",
            ),
            Link::new(
                "tutorial/05-hardening-https",
                "https://github.com/Dstack-TEE/dstack-examples/tree/main/tutorial/05-hardening-https",
            ),
        ],
    },
    UseCase {
        slug: "kubernetes-in-a-cvm",
        title: "Kubernetes in a confidential VM",
        summary: "A single-node k3s cluster inside a TDX CVM, with wildcard HTTPS and remote \
                  kubectl through the gateway.",
        status: Status::Pattern,
        who: &[],
        tags: &[Tag::Infrastructure],
        sources: &[Link::new("k3s", "https://github.com/Dstack-TEE/dstack-examples/tree/main/k3s")],
    },
    UseCase {
        slug: "web2-web3-identity",
        title: "Linking Web2 and Web3 identities",
        summary: "A TEE could check a Web2 login and sign a statement for a Web3 address without \
                  either side seeing the other's credentials. No example or adopter yet.",
        status: Status::Idea,
        who: &[],
        tags: &[Tag::Blockchain, Tag::Privacy],
        sources: &[],
    },
    UseCase {
        slug: "games-with-hidden-state",
        title: "Games with hidden state",
        summary: "Game logic that keeps cards, maps or moves hidden from every player and from \
                  the operator. No example or adopter yet.",
        status: Status::Idea,
        who: &[],
        tags: &[Tag::Blockchain],
        sources: &[],
    },
];

/// The use-case list's filter: categories only, no text search.
pub const FILTER: crate::filter::FilterSpec = crate::filter::FilterSpec {
    tags: &[Tag::Ai, Tag::Blockchain, Tag::Privacy, Tag::Infrastructure],
    noun: "use cases",
    empty: "No use case matches this filter. Choose All to see every one.",
    search_label: "",
};
