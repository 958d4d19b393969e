//! Where to read further: documentation, repositories, SDK packages, research and security,
//! verification tools.

use crate::content::{Heading, Link};

/// A titled list of links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinkGroup {
    pub slug: &'static str,
    pub title: &'static str,
    pub links: &'static [Link],
}

/// The live GitHub figures' heading.
pub const LIVE_HEADING: Heading = Heading::new("live", "On GitHub");

pub const SDKS_HEADING: Heading = Heading::new("sdks", "SDKs");

/// A published SDK and how to install it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sdk {
    pub language: &'static str,
    pub install: &'static str,
    pub readme: Link,
}

/// An SDK's README, the link under its install command.
const fn readme(href: &'static str) -> Link {
    Link::new("README", href)
}

pub const SDKS: &[Sdk] = &[
    Sdk {
        language: "Python",
        install: "pip install dstack-sdk",
        readme: readme("https://github.com/Dstack-TEE/dstack/blob/next/sdk/python/README.md"),
    },
    Sdk {
        language: "JavaScript / TypeScript",
        install: "npm install @phala/dstack-sdk",
        readme: readme("https://github.com/Dstack-TEE/dstack/blob/next/sdk/js/README.md"),
    },
    Sdk {
        language: "Rust",
        install: "cargo add dstack-sdk",
        readme: readme("https://github.com/Dstack-TEE/dstack/blob/next/sdk/rust/README.md"),
    },
    Sdk {
        language: "Go",
        install: "go get github.com/Dstack-TEE/dstack/sdk/go",
        readme: readme("https://github.com/Dstack-TEE/dstack/blob/next/sdk/go/README.md"),
    },
];

pub const GROUPS: &[LinkGroup] = &[
    LinkGroup {
        slug: "docs",
        title: "Documentation",
        links: &[
            Link::new("Docs in the repository (most current)", "https://github.com/Dstack-TEE/dstack/tree/next/docs"),
            Link::new("Single-server onboarding", "https://github.com/Dstack-TEE/dstack/blob/next/docs/onboarding.md"),
            Link::new("Production deployment", "https://github.com/Dstack-TEE/dstack/blob/next/docs/deployment.md"),
            Link::new("Cloud quickstart", "https://github.com/Dstack-TEE/dstack/blob/next/docs/quickstart.md"),
            Link::new("Step-by-step tutorials", "https://github.com/Dstack-TEE/dstack/tree/next/docs/tutorials"),
            Link::new("dstack docs on docs.phala.com", "https://docs.phala.com/dstack"),
        ],
    },
    LinkGroup {
        slug: "repositories",
        title: "Repositories",
        links: &[
            Link::new("Dstack-TEE/dstack: the monorepo (branch next)", "https://github.com/Dstack-TEE/dstack"),
            Link::new("Dstack-TEE/dstack-examples", "https://github.com/Dstack-TEE/dstack-examples"),
            Link::new("Releases and guest-OS images", "https://github.com/Dstack-TEE/dstack/releases"),
            Link::new("Phala-Network/dcap-qvl: quote verification", "https://github.com/Phala-Network/dcap-qvl"),
        ],
    },
    LinkGroup {
        slug: "security",
        title: "Research and security",
        links: &[
            Link::new(
                "Dstack: A Zero Trust Framework for Confidential Containers (arXiv:2509.11555)",
                "https://arxiv.org/abs/2509.11555",
            ),
            Link::new(
                "Security audit by zkSecurity (PDF)",
                "https://github.com/Dstack-TEE/dstack/blob/next/docs/security/dstack-audit.pdf",
            ),
            Link::new(
                "Security model",
                "https://github.com/Dstack-TEE/dstack/blob/next/docs/security/security-model.md",
            ),
            Link::new(
                "Public security reports and outcomes",
                "https://github.com/Dstack-TEE/dstack/blob/next/docs/security/public-security-reports.md",
            ),
            Link::new("Report a vulnerability (SECURITY.md)", "https://github.com/Dstack-TEE/dstack/blob/next/SECURITY.md"),
        ],
    },
    LinkGroup {
        slug: "verification",
        title: "Verification tools",
        links: &[
            Link::new("Verification guide", "https://github.com/Dstack-TEE/dstack/blob/next/docs/verification.md"),
            Link::new("dstack-verifier source", "https://github.com/Dstack-TEE/dstack/tree/next/dstack/verifier"),
            Link::new("Phala Trust Center", "https://trust.phala.com"),
        ],
    },
    LinkGroup {
        slug: "community",
        title: "Community and support",
        links: &[
            Link::new("GitHub Discussions", "https://github.com/Dstack-TEE/dstack/discussions"),
            Link::new("Telegram group", "https://t.me/+UO4bS4jflr45YmUx"),
            Link::new("Enterprise support: support@phala.network", "mailto:support@phala.network"),
        ],
    },
];
