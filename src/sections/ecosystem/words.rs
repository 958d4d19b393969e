//! The organisations and projects around dstack, as text (no hot-linked logos), and only
//! the adopters the sources name.

use crate::content::{Heading, Link};

/// How far a source backs a party's use of dstack (facts file §12.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// A first-party source (its own site or docs, or the dstack README) says it runs on dstack.
    Production,
    /// It ships an integration built on dstack (a plugin, an SDK use).
    Integration,
    /// It announced building on dstack; no source yet shows it running.
    Announced,
    /// It lists a provider whose service runs on dstack; it does not run on dstack itself.
    Listing,
    /// Not an adopter: it stewards or started the project.
    Steward,
}

impl Standing {
    /// The word shown on the party's card.
    pub fn label(self) -> &'static str {
        match self {
            Standing::Production => "In production",
            Standing::Integration => "Integration",
            Standing::Announced => "Announced",
            Standing::Listing => "Lists a dstack-based provider",
            Standing::Steward => "Steward",
        }
    }
}

/// An organisation or project and its relation to dstack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Party {
    pub name: &'static str,
    pub standing: Standing,
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

pub const STEWARDS_HEADING: Heading = Heading::new("stewards", "Who is behind it");

pub const STEWARDS: &[Party] = &[
    Party {
        name: "Linux Foundation · Confidential Computing Consortium",
        standing: Standing::Steward,
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
        standing: Standing::Steward,
        role: "Lead contributor: supplies the package, offers enterprise support, and runs the \
               managed Phala Cloud.",
        home: Link::new("phala.network", "https://phala.network/"),
        source: Link::new("REUSE.toml", "https://github.com/Dstack-TEE/dstack/blob/next/REUSE.toml"),
    },
    Party {
        name: "Flashbots",
        standing: Standing::Steward,
        role: "Where it began: dstack started as a Flashbots X project, built by Phala and \
               Flashbots and inspired by a design by Andrew Miller.",
        home: Link::new("flashbots.net", "https://www.flashbots.net/"),
        source: Link::new(
            "Phala docs: a Flashbots X project",
            "https://docs.phala.network/overview/phala-network/dstack-a-flashbots-x-project",
        ),
    },
];

/// The adopters in production, and what puts them there.
pub const ADOPTERS_HEADING: Heading = Heading::new("adopters", "Who runs on it");
pub const ADOPTERS_INTRO: &str = "Only adopters that a first-party source (their own site or \
     docs, or the dstack README) says run on dstack.";

/// The other adopters: integrations, announcements, listings.
pub const AROUND_HEADING: Heading = Heading::new("around", "Integrations and announcements");
pub const AROUND_INTRO: &str = "Projects that build on dstack, said they will, or list a \
     provider that runs on it. None of them is claimed to run on dstack in production.";

/// Who the sources name around dstack, strongest evidence first; "Who runs on it" shows only
/// [`Standing::Production`].
pub const ADOPTERS: &[Party] = &[
    Party {
        name: "NEAR AI",
        standing: Standing::Production,
        role: "Runs its private AI infrastructure on dstack.",
        home: Link::new("near.ai", "https://near.ai/"),
        source: README,
    },
    Party {
        name: "redpill.ai",
        standing: Standing::Production,
        role: "Confidential LLM chat that shows its Intel TDX and NVIDIA GPU attestations.",
        home: Link::new("chat.redpill.ai", "https://chat.redpill.ai/"),
        source: Link::new(
            "Confidential AI guide",
            "https://github.com/Dstack-TEE/dstack/blob/next/docs/confidential-ai.md",
        ),
    },
    Party {
        name: "Phala Cloud",
        standing: Standing::Production,
        role: "Phala's managed service runs dstack for you: you deploy a Docker Compose file \
               with the Phala CLI.",
        home: Link::new("cloud.phala.network", "https://cloud.phala.network/"),
        source: README,
    },
    Party {
        name: "Eliza",
        standing: Standing::Integration,
        role: "The agent framework has a TEE plugin built on the dstack SDK, for key \
               derivation and remote attestation.",
        home: Link::new(
            "Eliza TEE docs",
            "https://elizacn.github.io/eliza/docs/advanced/eliza-in-tee",
        ),
        source: Link::new(
            "Eliza TEE docs (community mirror)",
            "https://elizacn.github.io/eliza/docs/advanced/eliza-in-tee",
        ),
    },
    Party {
        name: "Encifher",
        standing: Standing::Announced,
        role: "Announced building its TEE co-processor for programmable privacy on dstack \
               (Phala, June 2025).",
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
        name: "OpenRouter",
        standing: Standing::Listing,
        role: "Lists Phala as a confidential-AI inference provider powered by dstack; \
               OpenRouter itself does not run on it.",
        home: Link::new("openrouter.ai", "https://openrouter.ai/provider/phala"),
        source: README,
    },
];

pub const COMMUNITY_HEADING: Heading = Heading::new("community", "Community");

/// Where the community talks.
pub const COMMUNITY: &[Link] = &[
    Link::new(
        "GitHub Discussions",
        "https://github.com/Dstack-TEE/dstack/discussions",
    ),
    Link::new("Telegram group", "https://t.me/+UO4bS4jflr45YmUx"),
];
