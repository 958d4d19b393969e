//! What dstack is: the problem, the parts (what each does and where it runs), and the trust
//! model in plain words.

use crate::content::{Heading, Link};

/// Where a part of dstack runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// On the bare-metal TEE host, outside any confidential VM.
    Host,
    /// In a confidential VM of its own.
    OwnCvm,
    /// Inside every app's confidential VM.
    AppCvm,
    /// A tool run where it is needed: an operator's, developer's or verifier's machine.
    Tool,
}

impl Placement {
    pub fn label(self) -> &'static str {
        match self {
            Placement::Host => "On the TDX host",
            Placement::OwnCvm => "In its own confidential VM",
            Placement::AppCvm => "Inside every app's CVM",
            Placement::Tool => "A tool you run where you need it",
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

pub const PROBLEM_HEADING: Heading = Heading::new("problem", "The problem it solves");

pub const PROBLEM: &[&str] = &[
    "Running a service on someone else's machine normally means trusting whoever runs it: the \
     cloud provider, the host operator, and the developer who can change the code at any time.",
    "dstack narrows that trust. It runs ordinary Docker Compose apps inside hardware-isolated \
     confidential VMs, so the host's software cannot read their memory, and it makes each \
     app's code checkable by remote attestation, so a verifier sees which code runs and who \
     may change it.",
];

/// The interactive diagram's heading and the line that says how to use it.
pub const DIAGRAM_HEADING: Heading =
    Heading::new("flows", "See it work: four flows and eight adversaries");
pub const DIAGRAM_INTRO: &str = "Play a flow or step through it; select a part to read what it \
     does; pick an adversary to see what it controls and what stays out of its reach.";

pub const PARTS_HEADING: Heading = Heading::new("parts", "The parts and where they run");

/// Before a part's name from before the rename ([`Component::formerly`]).
pub const FORMERLY_LABEL: &str = "Formerly ";

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
    Component {
        name: "dstack-util",
        formerly: Some("tdxctl"),
        placement: Placement::AppCvm,
        does: "Runs in the guest during setup: gets quotes, extends RTMRs and gates boot on \
               GPU attestation (dstack-util setup).",
        source: Link::new(
            "Security model",
            "https://github.com/Dstack-TEE/dstack/blob/next/docs/security/security-model.md",
        ),
    },
    Component {
        name: "local-key-provider",
        formerly: None,
        placement: Placement::Host,
        does: "An SGX enclave on the host, run under Gramine, that gives keys to CVMs in \
               local-key-provider mode; the KMS itself boots this way.",
        source: Link::new(
            "KMS README",
            "https://github.com/Dstack-TEE/dstack/blob/next/dstack/kms/README.md",
        ),
    },
    Component {
        name: "dstackup and the dstack CLI",
        formerly: None,
        placement: Placement::Host,
        does: "The single-server tools: dstackup install sets up the host, and dstack deploy, \
               dstack apps and dstack logs manage apps.",
        source: Link::new(
            "Onboarding guide",
            "https://github.com/Dstack-TEE/dstack/blob/next/docs/onboarding.md",
        ),
    },
    Component {
        name: "VMM CLI",
        formerly: None,
        placement: Placement::Tool,
        does: "A command-line client of the dstack-vmm API, beside the web dashboard, for \
               deploying and managing CVMs.",
        source: Link::new(
            "VMM CLI guide",
            "https://github.com/Dstack-TEE/dstack/blob/next/docs/vmm-cli-user-guide.md",
        ),
    },
    Component {
        name: "dstack-cloud",
        formerly: None,
        placement: Placement::Tool,
        does: "A CLI that deploys apps to GCP Confidential VMs (TDX) and AWS EC2 NitroTPM, \
               without bare metal of your own.",
        source: Link::new(
            "Cloud quickstart",
            "https://github.com/Dstack-TEE/dstack/blob/next/docs/quickstart.md",
        ),
    },
    Component {
        name: "dstack-verifier",
        formerly: None,
        placement: Placement::Tool,
        does: "Verifies attestation: an HTTP service with a /verify endpoint that also runs \
               as a CLI.",
        source: Link::new(
            "Verification guide",
            "https://github.com/Dstack-TEE/dstack/blob/next/docs/verification.md",
        ),
    },
    Component {
        name: "dstack-mr",
        formerly: None,
        placement: Placement::Tool,
        does: "Computes the expected MRTD and RTMR0–2 from an image's metadata.json, so a \
               verifier can compare them with a quote.",
        source: Link::new(
            "Attestation guide",
            "https://github.com/Dstack-TEE/dstack/blob/next/docs/attestation-tdx.md",
        ),
    },
    Component {
        name: "certbot and ct_monitor",
        formerly: None,
        placement: Placement::Tool,
        does: "Optional Zero Trust HTTPS tools: certbot obtains and renews certificates and \
               sets CAA records; ct_monitor watches Certificate Transparency logs on crt.sh and \
               logs certificates with unknown keys.",
        source: Link::new(
            "Deployment guide",
            "https://github.com/Dstack-TEE/dstack/blob/next/docs/deployment.md",
        ),
    },
];

/// One of the three ways a CVM gets its keys, chosen per app at deploy time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BootMode {
    pub name: &'static str,
    pub keys: &'static str,
    pub disk: &'static str,
    pub upgrades: &'static str,
    /// What the app ID must be.
    pub app_id: &'static str,
    /// The `key-provider` event recorded in RTMR3.
    pub key_provider: &'static str,
}

pub const BOOT_MODES_HEADING: Heading =
    Heading::new("boot-modes", "Three ways a CVM gets its keys");

/// The boot-modes table's words besides its rows: its name for assistive technology (the
/// scrolling region's label), its caption, and its column headers, one per [`BootMode`]
/// field in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BootModesTable {
    pub label: &'static str,
    pub caption: &'static str,
    pub columns: [&'static str; 6],
}

pub const BOOT_MODES_TABLE: BootModesTable = BootModesTable {
    label: "Boot modes table",
    caption: "Boot modes: where keys come from and what each allows",
    columns: [
        "Mode",
        "Keys",
        "Persistent disk",
        "Upgrades",
        "App ID",
        "key-provider event in RTMR3",
    ],
};

/// The three boot modes, from the KMS README.
pub const BOOT_MODES: &[BootMode] = &[
    BootMode {
        name: "Non-KMS",
        keys: "Ephemeral",
        disk: "No",
        upgrades: "No",
        app_id: "Must equal the compose hash",
        key_provider: "{\"type\":\"none\"}",
    },
    BootMode {
        name: "Local key provider",
        keys: "From the SGX local-key-provider",
        disk: "Yes",
        upgrades: "No",
        app_id: "Must equal the compose hash",
        key_provider: "local-sgx, with the MR enclave",
    },
    BootMode {
        name: "KMS",
        keys: "From dstack-kms",
        disk: "Yes",
        upgrades: "Yes, as the auth rules allow",
        app_id: "The address of the app's contract (auth-eth) or its registered ID",
        key_provider: "kms, with the KMS root public key",
    },
];

/// Where the boot modes are described.
pub const BOOT_MODES_SOURCE: Link = Link::new(
    "KMS README",
    "https://github.com/Dstack-TEE/dstack/blob/next/dstack/kms/README.md",
);

pub const TRUST_HEADING: Heading = Heading::new("trust", "The trust model in plain words");

/// The trust model, one plain sentence each.
pub const TRUST_MODEL: &[(&str, Link)] = &[
    (
        "You trust the CPU vendor and its attestation chain (Intel's quoting enclave and PCK \
         certificates; NVIDIA's chain for GPUs), whoever may authorize new compose hashes, and \
         for HTTPS the DNS provider and the CA; the docs say everything else is verifiable.",
        Link::new(
            "Security model",
            "https://github.com/Dstack-TEE/dstack/blob/next/docs/security/security-model.md",
        ),
    ),
    (
        "MRTD is measured when the TD is built; the firmware, kernel and initrd extend \
         RTMR0–2; dstack extends RTMR3 with the compose hash, app ID, instance ID and key \
         provider. Events logged after boot prove nothing about boot.",
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
        "The host operator can still stop, throttle or cut off an app, roll a disk back to an \
         older image, and swap encrypted env values: confidentiality and integrity, not \
         availability. Physical memory-bus attacks are a known limit of TEEs.",
        Link::new(
            "Security model",
            "https://github.com/Dstack-TEE/dstack/blob/next/docs/security/security-model.md",
        ),
    ),
];
