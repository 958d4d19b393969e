//! What dstack gives an app, grouped by who cares most, plus the limits the project itself
//! states. Every item carries its source.

use super::Link;

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
                       hash.",
                source: Link::new(
                    "Attestation guide",
                    "https://github.com/Dstack-TEE/dstack/blob/next/docs/attestation-tdx.md",
                ),
            },
            Feature {
                title: "Encrypted memory, disk, secrets and traffic",
                body: "Memory is encrypted by the TEE hardware; disks with per-app keys \
                       (AES-256-GCM); environment variables with X25519 and AES-256-GCM before \
                       they leave your machine; network traffic end to end, with TLS ending \
                       inside the TEE.",
                source: SECURITY_MODEL,
            },
            Feature {
                title: "Zero-trust HTTPS",
                body: "The gateway's certificate keys are generated inside its TEE, CAA records \
                       restrict issuance to its ACME account, and Certificate Transparency \
                       monitoring flags any certificate with an unknown key.",
                source: DEPLOYMENT,
            },
            Feature {
                title: "Secrets only the CVM can read",
                body: "Environment variables are encrypted with a public key from the KMS, and \
                       only the app's CVM can decrypt them.",
                source: KMS_README,
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
                       attested like any app, and they survive hardware failure. KMS replicas \
                       share the root keys only after attesting each other.",
                source: KMS_README,
            },
            Feature {
                title: "Upgrades under rules you publish",
                body: "In KMS mode, an on-chain DstackApp contract lists the compose hashes an \
                       app may run, so an upgrade follows public rules such as multi-party \
                       approval, and operators cannot swap the code.",
                source: KMS_README,
            },
            Feature {
                title: "A guest OS anyone can rebuild",
                body: "The Yocto-based guest image is reproducible: rebuild it and compare its \
                       hash with the measurements in a quote.",
                source: SECURITY_MODEL,
            },
            Feature {
                title: "Several platforms",
                body: "Bare-metal Intel TDX is the production path; AMD SEV-SNP hosts \
                       (experimental), GCP Confidential VMs, AWS Nitro and Phala Cloud are \
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
                       and restart: the app keeps its ID.",
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

/// What the project says costs or is out of scope, shown beside the benefits.
pub const LIMITS: &[Feature] = &[
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
