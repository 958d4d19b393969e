//! The home page's words: the hero's badge and calls to action, the key messages (what
//! dstack gives an app, each backed by a source) and the headings below the hero.

use crate::content::{Heading, Link};
use crate::site::GITHUB_URL;

/// Above the hero's title: who stewards the project.
pub const BADGE: &str = "A Linux Foundation Confidential Computing Consortium project";

/// One audience's calls to action under the hero.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Audience {
    pub label: &'static str,
    /// A page of this site (a path, put under the base path when rendered).
    pub page: Link,
    /// Somewhere else: a URL or a `mailto:`.
    pub elsewhere: Link,
}

pub const DEVELOPERS: Audience = Audience {
    label: "Developers",
    page: Link::new("Get started", "/getting-started"),
    elsewhere: Link::new("View on GitHub", GITHUB_URL),
};

/// The enterprise call to action: the security model and the support contact the dstack
/// README gives for enterprise support and licensing.
pub const ENTERPRISES: Audience = Audience {
    label: "Enterprises",
    page: Link::new("Security model", "/security"),
    elsewhere: Link::new("Enterprise support (Phala)", "mailto:support@phala.network"),
};

pub const WHY_HEADING: Heading = Heading::new("why", "Why dstack");

/// One key message under the hero.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyMessage {
    pub title: &'static str,
    pub body: &'static str,
    pub source: Link,
}

pub const KEY_MESSAGES: &[KeyMessage] = &[
    KeyMessage {
        title: "Your Compose app, unchanged",
        body: "Bring a docker-compose.yaml as it is: no SDK and no code changes.",
        source: Link::new(
            "dstack README",
            "https://github.com/Dstack-TEE/dstack/blob/next/README.md",
        ),
    },
    KeyMessage {
        title: "Verifiable by anyone",
        body: "A TDX quote covers the firmware, kernel, guest OS and your compose hash, and \
               through it every image you pin by digest.",
        source: Link::new(
            "Attestation guide",
            "https://github.com/Dstack-TEE/dstack/blob/next/docs/attestation-tdx.md",
        ),
    },
    KeyMessage {
        title: "Keys the host never sees",
        body: "Per-app keys come from a KMS that runs in a TEE and checks attestation first. \
               Which code gets them is set by the auth backend: public contracts with \
               auth-eth, or whoever runs auth-simple or a webhook.",
        source: Link::new(
            "Deployment guide",
            "https://github.com/Dstack-TEE/dstack/blob/next/docs/deployment.md",
        ),
    },
    KeyMessage {
        title: "HTTPS that ends in a TEE",
        body: "TLS ends in the gateway's CVM by default, or in your app's with passthrough. \
               CAA records and Certificate Transparency monitoring are optional add-ons.",
        source: Link::new(
            "Gateway guide",
            "https://github.com/Dstack-TEE/dstack/blob/next/docs/dstack-gateway.md",
        ),
    },
];

/// The compact diagram's heading, and the heading of the teasers of the other pages.
pub const HOW_HEADING: Heading = Heading::new("how", "How it works, one flow at a time");
pub const EXPLORE_HEADING: Heading = Heading::new("explore", "Explore dstack");
