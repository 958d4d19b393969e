//! What dstack is: the problem, the parts (what each does and where it runs), and the trust
//! model in plain words.

use super::Link;

/// Where a part of dstack runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// On the bare-metal TEE host, outside any confidential VM.
    Host,
    /// In a confidential VM of its own.
    OwnCvm,
    /// Inside every app's confidential VM.
    AppCvm,
}

impl Placement {
    pub fn label(self) -> &'static str {
        match self {
            Placement::Host => "On the TDX host",
            Placement::OwnCvm => "In its own confidential VM",
            Placement::AppCvm => "Inside every app's CVM",
        }
    }
}

/// One part of dstack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Component {
    pub name: &'static str,
    /// Its name before the April 2025 (v0.4.2) rename, which older tutorials still use.
    pub formerly: Option<&'static str>,
    pub placement: Placement,
    pub does: &'static str,
    pub source: Link,
}

pub const PROBLEM: &[&str] = &[
    "Running a service on someone else's machine normally means trusting whoever runs it: the \
     cloud provider, the host operator, and the developer who can change the code at any time.",
    "dstack removes that trust. It runs ordinary Docker Compose apps inside hardware-isolated \
     confidential VMs, so the host cannot read their memory, and it makes each app's code \
     checkable by remote attestation, so nobody can swap it quietly.",
];

pub const COMPONENTS: &[Component] = &[
    Component {
        name: "dstack-vmm",
        formerly: Some("teepod"),
        placement: Placement::Host,
        does: "Reads docker-compose files, boots CVMs from the reproducible OS image, allocates \
               CPU, memory and confidential GPUs, and serves a dashboard and API on port 9080.",
        source: Link::new(
            "Deployment guide",
            "https://github.com/Dstack-TEE/dstack/blob/next/docs/deployment.md",
        ),
    },
    Component {
        name: "dstack-kms",
        formerly: Some("kms"),
        placement: Placement::OwnCvm,
        does: "Checks a CVM's attestation quote, asks the authorization backend (an allowlist, \
               on-chain contracts or a webhook) whether it may boot, then derives its keys.",
        source: Link::new(
            "KMS README",
            "https://github.com/Dstack-TEE/dstack/blob/next/dstack/kms/README.md",
        ),
    },
    Component {
        name: "dstack-gateway",
        formerly: Some("tproxy"),
        placement: Placement::OwnCvm,
        does: "Terminates TLS with ACME certificates whose keys stay in its TEE, and routes \
               requests to apps over WireGuard, using RA-TLS between CVMs.",
        source: Link::new(
            "Gateway guide",
            "https://github.com/Dstack-TEE/dstack/blob/next/docs/dstack-gateway.md",
        ),
    },
    Component {
        name: "dstack-guest-agent",
        formerly: Some("tappd"),
        placement: Placement::AppCvm,
        does: "Produces TDX quotes, provisions the app's keys from the KMS, encrypts local \
               storage, and serves apps an API on /var/run/dstack.sock.",
        source: Link::new(
            "dstack README",
            "https://github.com/Dstack-TEE/dstack/blob/next/README.md",
        ),
    },
    Component {
        name: "Guest OS image",
        formerly: Some("meta-dstack"),
        placement: Placement::AppCvm,
        does: "A Yocto-based image (firmware, kernel, initramfs, verity rootfs) that anyone can \
               rebuild to check its hash; it now lives in the monorepo under os/yocto/.",
        source: Link::new(
            "OS README",
            "https://github.com/Dstack-TEE/dstack/blob/next/os/README.md",
        ),
    },
    Component {
        name: "SDKs",
        formerly: None,
        placement: Placement::AppCvm,
        does: "DstackClient for Python, JavaScript/TypeScript, Rust and Go, used inside the app \
               to get keys and quotes, plus a simulator for development.",
        source: Link::new(
            "Go SDK README",
            "https://github.com/Dstack-TEE/dstack/blob/next/sdk/go/README.md",
        ),
    },
];

/// The trust model, one plain sentence each.
pub const TRUST_MODEL: &[(&str, Link)] = &[
    (
        "You trust the hardware and its attestation (and NVIDIA's chain for GPUs); the docs say \
         everything else is verifiable.",
        Link::new(
            "Security model",
            "https://github.com/Dstack-TEE/dstack/blob/next/docs/security/security-model.md",
        ),
    ),
    (
        "Boot measurements (MRTD, RTMR0–2) cover the firmware, kernel and initrd; RTMR3 records \
         the app's compose hash, app ID, instance ID and key provider.",
        Link::new(
            "Attestation guide",
            "https://github.com/Dstack-TEE/dstack/blob/next/docs/attestation-tdx.md",
        ),
    ),
    (
        "The KMS hands out keys only to a CVM whose quote it has verified and whose app the \
         authorization backend allows; keys are derived per app, so one app cannot get \
         another's.",
        Link::new(
            "KMS README",
            "https://github.com/Dstack-TEE/dstack/blob/next/dstack/kms/README.md",
        ),
    ),
    (
        "The host operator can still stop, throttle or cut off an app, and roll a disk back to \
         an older image: confidentiality and integrity, not availability.",
        Link::new(
            "Security model",
            "https://github.com/Dstack-TEE/dstack/blob/next/docs/security/security-model.md",
        ),
    ),
];
