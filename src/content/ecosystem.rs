//! The organisations and projects around dstack, as text (no hot-linked logos), and only
//! the adopters the sources name.

use super::Link;

/// An organisation or project and its relation to dstack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Party {
    pub name: &'static str,
    /// Its role, in one sentence.
    pub role: &'static str,
    /// Its own site.
    pub home: Link,
    /// Where the relation is stated.
    pub source: Link,
}

const README: Link = Link::new(
    "dstack README",
    "https://github.com/Dstack-TEE/dstack/blob/next/README.md",
);

pub const STEWARDS: &[Party] = &[
    Party {
        name: "Linux Foundation · Confidential Computing Consortium",
        role: "dstack is an open-source project of the CCC, which welcomed Phala in October \
               2025; the repository holds the project's LF technical charter.",
        home: Link::new("confidentialcomputing.io", "https://confidentialcomputing.io/"),
        source: Link::new(
            "CCC announcement",
            "https://confidentialcomputing.io/2025/10/02/welcoming-phala-to-the-confidential-computing-consortium/",
        ),
    },
    Party {
        name: "Phala Network",
        role: "Lead contributor: supplies the package, offers enterprise support, and runs the \
               managed Phala Cloud.",
        home: Link::new("phala.network", "https://phala.network/"),
        source: Link::new("REUSE.toml", "https://github.com/Dstack-TEE/dstack/blob/next/REUSE.toml"),
    },
    Party {
        name: "Flashbots",
        role: "Where it began: dstack started as a Flashbots X project, built by Phala and \
               Flashbots and inspired by a design by Andrew Miller.",
        home: Link::new("flashbots.net", "https://www.flashbots.net/"),
        source: Link::new(
            "Phala docs: a Flashbots X project",
            "https://docs.phala.network/overview/phala-network/dstack-a-flashbots-x-project",
        ),
    },
];

pub const ADOPTERS: &[Party] = &[
    Party {
        name: "OpenRouter",
        role: "Lists Phala as a confidential-AI inference provider powered by dstack.",
        home: Link::new("openrouter.ai", "https://openrouter.ai/provider/phala"),
        source: README,
    },
    Party {
        name: "NEAR AI",
        role: "Runs its private AI infrastructure on dstack.",
        home: Link::new("near.ai", "https://near.ai/"),
        source: README,
    },
    Party {
        name: "redpill.ai",
        role: "Confidential LLM chat that shows its Intel TDX and NVIDIA GPU attestations.",
        home: Link::new("chat.redpill.ai", "https://chat.redpill.ai/"),
        source: Link::new(
            "Confidential AI guide",
            "https://github.com/Dstack-TEE/dstack/blob/next/docs/confidential-ai.md",
        ),
    },
    Party {
        name: "Encifher",
        role: "Builds its TEE co-processor for programmable privacy on dstack with Intel TDX.",
        home: Link::new(
            "Phala: Encifher",
            "https://phala.network/posts/Phala-Encifher",
        ),
        source: Link::new(
            "Phala: Encifher",
            "https://phala.network/posts/Phala-Encifher",
        ),
    },
    Party {
        name: "Eliza",
        role: "The agent framework's TEE plugin was built on the dstack SDK.",
        home: Link::new(
            "Eliza TEE docs",
            "https://elizacn.github.io/eliza/docs/advanced/eliza-in-tee",
        ),
        source: Link::new(
            "Eliza TEE docs (community mirror)",
            "https://elizacn.github.io/eliza/docs/advanced/eliza-in-tee",
        ),
    },
];

/// Where the community talks.
pub const COMMUNITY: &[Link] = &[
    Link::new(
        "GitHub Discussions",
        "https://github.com/Dstack-TEE/dstack/discussions",
    ),
    Link::new("Telegram group", "https://t.me/+UO4bS4jflr45YmUx"),
];
