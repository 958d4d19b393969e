//! The home page's key messages: what dstack gives an app, each backed by a source.

use super::Link;

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
        body: "A TDX quote covers the firmware, kernel, guest OS and your compose hash.",
        source: Link::new(
            "Attestation guide",
            "https://github.com/Dstack-TEE/dstack/blob/next/docs/attestation-tdx.md",
        ),
    },
    KeyMessage {
        title: "Keys operators never see",
        body: "Per-app keys come from a KMS that runs in a TEE and checks attestation first.",
        source: Link::new(
            "KMS README",
            "https://github.com/Dstack-TEE/dstack/blob/next/dstack/kms/README.md",
        ),
    },
    KeyMessage {
        title: "HTTPS that ends in the TEE",
        body: "Certificate keys are generated inside the TEE, guarded by CAA records and \
               Certificate Transparency monitoring.",
        source: Link::new(
            "Deployment guide",
            "https://github.com/Dstack-TEE/dstack/blob/next/docs/deployment.md",
        ),
    },
];
