//! What dstack gives an app, grouped by who cares most, plus the limits the project itself
//! states. Every item carries its source.

use crate::content::{Heading, Link};

/// One benefit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Feature {
    pub title: &'static str,
    pub body: &'static str,
    pub source: Link,
}

/// A group of benefits with a heading, deep-linkable as `#<slug>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeatureGroup {
    pub slug: &'static str,
    pub title: &'static str,
    pub features: &'static [Feature],
}

const README: Link = Link::new(
    "dstack README",
    "https://github.com/Dstack-TEE/dstack/blob/next/README.md",
);
const SECURITY_MODEL: Link = Link::new(
    "Security model",
    "https://github.com/Dstack-TEE/dstack/blob/next/docs/security/security-model.md",
);
const KMS_README: Link = Link::new(
    "KMS README",
    "https://github.com/Dstack-TEE/dstack/blob/next/dstack/kms/README.md",
);
const DEPLOYMENT: Link = Link::new(
    "Deployment guide",
    "https://github.com/Dstack-TEE/dstack/blob/next/docs/deployment.md",
);
const USAGE: Link = Link::new(
    "Usage guide",
    "https://github.com/Dstack-TEE/dstack/blob/next/docs/usage.md",
);
const GATEWAY: Link = Link::new(
    "Gateway guide",
    "https://github.com/Dstack-TEE/dstack/blob/next/docs/dstack-gateway.md",
);
const BEST_PRACTICES: Link = Link::new(
    "Security best practices",
    "https://github.com/Dstack-TEE/dstack/blob/next/docs/security/security-best-practices.md",
);

pub const GROUPS: &[FeatureGroup] = &[
    FeatureGroup {
        slug: "developers",
        title: "For developers",
        features: &[
            Feature {
                title: "Your Docker Compose file, unchanged",
                body: "dstack runs ordinary Compose apps. No SDK and no code changes are required \
                       to move an app into a confidential VM.",
                source: README,
            },
            Feature {
                title: "SDKs in four languages",
                body: "When an app wants keys or quotes, DstackClient in Python, JavaScript/\
                       TypeScript, Rust and Go talks to the guest agent on /var/run/dstack.sock.",
                source: Link::new("Go SDK README", "https://github.com/Dstack-TEE/dstack/blob/next/sdk/go/README.md"),
            },
            Feature {
                title: "Develop without TEE hardware",
                body: "A guest-agent simulator and development guest images let you build and \
                       test on an ordinary machine.",
                source: Link::new(
                    "Development without TEE",
                    "https://github.com/Dstack-TEE/dstack/blob/next/docs/development-without-tee.md",
                ),
            },
        ],
    },
    FeatureGroup {
        slug: "security",
        title: "For security",
        features: &[
            Feature {
                title: "Remote attestation",
                body: "Every app has a workload identity anyone can check: a TDX quote whose \
                       measurements cover the firmware, kernel, guest OS and the app's compose \
                       hash, which binds each image the compose file pins by digest.",
                source: Link::new(
                    "Attestation guide",
                    "https://github.com/Dstack-TEE/dstack/blob/next/docs/attestation-tdx.md",
                ),
            },
            Feature {
                title: "Encrypted memory, disk, secrets and traffic",
                body: "Memory is encrypted by the TEE hardware; disks with per-app keys \
                       (AES-256-GCM); environment variables with X25519 and AES-256-GCM before \
                       they leave your machine; network traffic with TLS that ends inside a \
                       TEE: the gateway's CVM by default, your app's with TLS passthrough.",
                source: GATEWAY,
            },
            Feature {
                title: "Zero Trust HTTPS, if you add it",
                body: "Optional add-ons the operator sets up: certificate keys generated inside \
                       the gateway's TEE, CAA records that limit issuance to its ACME account, \
                       and ct_monitor, which logs an error for any certificate with an unknown \
                       key. The DNS provider and the CA remain trusted.",
                source: DEPLOYMENT,
            },
            Feature {
                title: "Secrets only the CVM can read",
                body: "Environment variables are encrypted with a public key from the KMS, and \
                       only the app's CVM can decrypt them. That key is public, so the host can \
                       swap in other encrypted values: check them in the app, for example with \
                       a launch token.",
                source: BEST_PRACTICES,
            },
        ],
    },
    FeatureGroup {
        slug: "independence",
        title: "For independence",
        features: &[
            Feature {
                title: "A KMS that runs in a TEE",
                body: "Keys are derived inside dstack-kms, itself a confidential VM that is \
                       attested like any app. It keeps its root keys on its local disk, so keys \
                       survive the loss of a machine only with KMS replicas, which share the \
                       root keys after attesting each other.",
                source: KMS_README,
            },
            Feature {
                title: "Upgrades under rules you choose",
                body: "In KMS mode the auth backend decides which compose hashes an app may \
                       run. With auth-eth a DstackApp contract lists them and every change is \
                       public; with auth-simple or a webhook, whoever runs it decides. Whoever \
                       controls the rules can still approve new code, so multi-party approval \
                       or a time lock needs a multisig owner or a custom AppAuth contract.",
                source: DEPLOYMENT,
            },
            Feature {
                title: "A guest OS anyone can rebuild",
                body: "The Yocto-based guest image is reproducible: rebuild it and compare its \
                       hash with the measurements in a quote.",
                source: SECURITY_MODEL,
            },
            Feature {
                title: "Several platforms",
                body: "Bare-metal Intel TDX is the main platform; AMD SEV-SNP hosts \
                       (experimental), Google Cloud TDX VMs, AWS Nitro Enclaves and EC2 \
                       NitroTPM, Phala Cloud, and NVIDIA H100, H200 and B200 GPU TEEs are \
                       supported too.",
                source: README,
            },
        ],
    },
    FeatureGroup {
        slug: "operations",
        title: "For operations",
        features: &[
            Feature {
                title: "Dashboard, API and CLI",
                body: "dstack-vmm serves a web dashboard and an API (port 9080 by default), \
                       guarded by a bearer token when authentication is enabled, and a CLI.",
                source: DEPLOYMENT,
            },
            Feature {
                title: "Logs and upgrades",
                body: "Container logs are served over HTTP. To upgrade, pick a new compose file \
                       and restart: the app keeps its ID once its auth rules allow the new \
                       compose hash.",
                source: USAGE,
            },
            Feature {
                title: "Confidential GPUs",
                body: "NVIDIA H100, H200 and B200 in confidential-computing mode are passed to \
                       the CVM and attested before keys are provisioned.",
                source: SECURITY_MODEL,
            },
            Feature {
                title: "More nodes when you need them",
                body: "Add VMM hosts and KMS replicas; the gateway routes to apps over WireGuard \
                       and supports TLS passthrough and gRPC.",
                source: DEPLOYMENT,
            },
        ],
    },
];

pub const LIMITS_HEADING: Heading =
    Heading::new("limits", "Costs and limits, as the project states them");

/// What the project says costs or is out of scope, shown beside the benefits.
pub const LIMITS: &[Feature] = &[
    Feature {
        title: "Physical access",
        body: "Published 2025 attacks with a cheap memory-bus interposer (WireTap, Battering \
               RAM, TEE.fail) broke TEE memory encryption. The host's software cannot read a \
               CVM, but who can touch the machine still matters.",
        source: Link::new(
            "TEE.fail (Semiconductor Engineering)",
            "https://semiengineering.com/tee-fail-when-your-security-system-leaves-the-window-open/",
        ),
    },
    Feature {
        title: "Overhead",
        body: "The project reports about 2–5% overhead for CPU workloads under TDX and a \
               negligible impact on GPU inference (its own measurements).",
        source: README,
    },
    Feature {
        title: "Outside the model",
        body: "Side channels, bugs in the app itself, denial of service by the operator, \
               rollback to an older disk image, and key isolation between containers of one CVM.",
        source: SECURITY_MODEL,
    },
    Feature {
        title: "GPU checks at boot",
        body: "GPU attestation holds at boot time; it is not a guarantee for the VM's whole \
               lifetime.",
        source: SECURITY_MODEL,
    },
    Feature {
        title: "One root key",
        body: "All keys derive from the KMS root key inside a TEE; the docs say an MPC-based KMS \
               is being developed to remove that single point of failure.",
        source: SECURITY_MODEL,
    },
];
