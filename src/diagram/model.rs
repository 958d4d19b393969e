//! What the diagram shows, as data: where each part runs, how they talk in four flows, and
//! what each adversary controls, can still do, and cannot do. Every sentence comes from
//! `../shared/dstack-facts.md` sections 3 ("Flows") and 10 ("Threat model by adversary").

/// A region of the picture: what runs on the TDX host, inside confidential VMs, elsewhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// The visitor's, developer's or verifier's side, and the chain.
    Outside,
    /// The bare-metal TDX host (untrusted, except the TDX module it carries).
    Host,
    /// Inside a confidential VM.
    Cvm,
}

/// One box of the diagram.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Node {
    pub id: &'static str,
    pub label: &'static str,
    pub zone: Zone,
    /// Which CVM it sits in, for nodes inside one (`"app-cvm"`, `"kms-cvm"`, …).
    pub within: Option<&'static str>,
    pub does: &'static str,
    pub runs_on: &'static str,
    pub talks_to: &'static [&'static str],
    pub source: &'static str,
}

/// One step of a flow: a message from one node to another (or a node's own work when
/// `from == to`) and its one-sentence caption.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub from: &'static str,
    pub to: &'static str,
    pub caption: &'static str,
}

/// A flow the diagram can play.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flow {
    /// Its value in the URL (`?flow=kms`).
    pub id: &'static str,
    pub title: &'static str,
    pub steps: &'static [Step],
    pub source: &'static str,
}

/// One sentence about an adversary, with where it is stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Claim {
    pub text: &'static str,
    pub source: &'static str,
}

/// An adversary view: what it controls (shaded nodes), can still do, and cannot do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Adversary {
    /// Its value in the URL (`?adversary=host`).
    pub id: &'static str,
    pub label: &'static str,
    pub controls: &'static [&'static str],
    pub can_still: &'static [Claim],
    pub cannot: &'static [Claim],
}

/// Every source below lives in the dstack repository, on its default branch `next`.
#[cfg(test)]
const DOCS: &str = "https://github.com/Dstack-TEE/dstack/blob/next/";

macro_rules! src {
    ($path:literal) => {
        concat!("https://github.com/Dstack-TEE/dstack/blob/next/", $path)
    };
}

pub const NODES: &[Node] = &[
    Node {
        id: "visitor",
        label: "Visitor / verifier",
        zone: Zone::Outside,
        within: None,
        does: "Uses the app over HTTPS and can verify it by remote attestation.",
        runs_on: "Anyone's browser or client",
        talks_to: &["gateway", "guest-agent"],
        source: src!("docs/usage.md"),
    },
    Node {
        id: "developer",
        label: "Developer",
        zone: Zone::Outside,
        within: None,
        does: "Registers the app, encrypts its secrets and deploys its docker-compose file.",
        runs_on: "The developer's machine",
        talks_to: &["auth", "kms", "vmm"],
        source: src!("docs/deployment.md"),
    },
    Node {
        id: "auth",
        label: "Auth backend",
        zone: Zone::Outside,
        within: None,
        does: "Decides which apps, compose hashes, KMS instances and OS images may boot: a \
               JSON allowlist, a webhook, or the DstackKms and DstackApp contracts on chain.",
        runs_on: "An allowlist server, a webhook or an Ethereum-compatible chain",
        talks_to: &["kms"],
        source: src!("dstack/kms/README.md"),
    },
    Node {
        id: "vmm",
        label: "dstack-vmm",
        zone: Zone::Host,
        within: None,
        does: "Reads docker-compose files, boots CVMs from the measured OS image and \
               allocates CPU, memory and GPUs.",
        runs_on: "The bare-metal TDX host, outside any CVM",
        talks_to: &["guest-agent"],
        source: src!("docs/deployment.md"),
    },
    Node {
        id: "tdx",
        label: "Intel TDX",
        zone: Zone::Host,
        within: None,
        does: "Encrypts CVM memory, measures what boots (MRTD, RTMR0–3) and signs quotes that \
               chain back to Intel.",
        runs_on: "The CPU of the TDX host",
        talks_to: &["guest-agent"],
        source: src!("docs/attestation-tdx.md"),
    },
    Node {
        id: "kms",
        label: "dstack-kms",
        zone: Zone::Cvm,
        within: Some("kms-cvm"),
        does: "Verifies a CVM's quote, asks the auth backend, then derives and signs the \
               app's keys from its root key.",
        runs_on: "Its own confidential VM",
        talks_to: &["auth", "guest-agent"],
        source: src!("dstack/kms/README.md"),
    },
    Node {
        id: "gateway",
        label: "dstack-gateway",
        zone: Zone::Cvm,
        within: Some("gateway-cvm"),
        does: "Terminates TLS with keys generated in its TEE and forwards requests to apps \
               over WireGuard.",
        runs_on: "Its own confidential VM",
        talks_to: &["visitor", "app"],
        source: src!("docs/dstack-gateway.md"),
    },
    Node {
        id: "guest-agent",
        label: "dstack-guest-agent",
        zone: Zone::Cvm,
        within: Some("app-cvm"),
        does: "Gets TDX quotes, provisions the app's keys from the KMS, encrypts local \
               storage and serves apps on /var/run/dstack.sock.",
        runs_on: "Inside every app's confidential VM",
        talks_to: &["tdx", "kms", "app"],
        source: src!("README.md"),
    },
    Node {
        id: "app",
        label: "Your containers",
        zone: Zone::Cvm,
        within: Some("app-cvm"),
        does: "The docker-compose app itself, started unchanged by Docker Compose.",
        runs_on: "Inside the app's confidential VM",
        talks_to: &["guest-agent", "gateway"],
        source: src!("docs/usage.md"),
    },
];

pub const FLOWS: &[Flow] = &[
    Flow {
        id: "deploy",
        title: "Deploy a Docker Compose app",
        source: src!("docs/deployment.md"),
        steps: &[
            Step { from: "developer", to: "auth", caption: "The developer registers the app with the auth backend: an allowlist entry, or a DstackApp contract on chain." },
            Step { from: "developer", to: "kms", caption: "The developer's client fetches the KMS's public key and encrypts the environment variables before they leave the machine." },
            Step { from: "developer", to: "vmm", caption: "The developer hands dstack-vmm the docker-compose file, the app ID and the encrypted secrets." },
            Step { from: "vmm", to: "guest-agent", caption: "dstack-vmm boots a CVM from the measured OS image: firmware, kernel and initrd are measured into MRTD and RTMR0–2." },
            Step { from: "guest-agent", to: "tdx", caption: "The guest records the compose hash, app ID, instance ID and key provider in RTMR3." },
            Step { from: "guest-agent", to: "app", caption: "With its keys from the KMS, the guest unlocks its disk and Docker Compose starts the containers." },
        ],
    },
    Flow {
        id: "kms",
        title: "Boot and get keys from the KMS",
        source: src!("dstack/kms/README.md"),
        steps: &[
            Step { from: "guest-agent", to: "tdx", caption: "The booting CVM asks the TDX module for a quote over its measurements." },
            Step { from: "guest-agent", to: "kms", caption: "It sends the quote to dstack-kms with its key request." },
            Step { from: "kms", to: "auth", caption: "The KMS verifies the quote, reads the app ID and measurements, and asks the contract or webhook whether this app may boot." },
            Step { from: "kms", to: "guest-agent", caption: "If allowed, the KMS derives the app's keys from its root key and the app ID, signs them and returns them." },
            Step { from: "guest-agent", to: "app", caption: "The guest decrypts its disk and environment; apps get their keys through /var/run/dstack.sock." },
        ],
    },
    Flow {
        id: "request",
        title: "A visitor's HTTPS request",
        source: src!("docs/dstack-gateway.md"),
        steps: &[
            Step { from: "visitor", to: "gateway", caption: "The visitor opens https://<app-id>-8080.<base-domain>; a wildcard DNS record points at the gateway." },
            Step { from: "gateway", to: "gateway", caption: "The gateway terminates TLS with a wildcard certificate whose key was generated inside its TEE." },
            Step { from: "gateway", to: "app", caption: "It forwards the request over a WireGuard tunnel to port 8080 of the app's CVM." },
            Step { from: "app", to: "visitor", caption: "The answer returns the same way; with the s suffix (443s) TLS would pass through to the app instead." },
        ],
    },
    Flow {
        id: "verify",
        title: "Verify the app by remote attestation",
        source: src!("docs/attestation-tdx.md"),
        steps: &[
            Step { from: "visitor", to: "app", caption: "A verifier asks the app for proof; the app calls GetQuote with up to 64 bytes of report data, such as a nonce." },
            Step { from: "guest-agent", to: "tdx", caption: "The TDX module signs a quote over MRTD, RTMR0–3 and the report data." },
            Step { from: "guest-agent", to: "visitor", caption: "The quote and the event log go back to the verifier." },
            Step { from: "visitor", to: "visitor", caption: "The verifier checks the quote's signature chain back to Intel, for example with dcap-qvl." },
            Step { from: "visitor", to: "visitor", caption: "It compares MRTD and RTMR0–2 with values computed from the rebuilt OS image by dstack-mr." },
            Step { from: "visitor", to: "visitor", caption: "It replays the event log to RTMR3 and checks the compose hash, app ID and key provider against what it expects." },
        ],
    },
];

const MODEL: &str = src!("docs/security/security-model.md");
const BEST: &str = src!("docs/security/security-best-practices.md");
const REPORTS: &str = src!("docs/security/public-security-reports.md");
const BOUNDARIES: &str = src!("docs/security/cvm-boundaries.md");

pub const ADVERSARIES: &[Adversary] = &[
    Adversary {
        id: "host",
        label: "Cloud or host operator",
        controls: &["vmm"],
        can_still: &[
            Claim { text: "Shut down, throttle or cut off the workload: availability is not protected.", source: MODEL },
            Claim { text: "Withhold, replace or roll back a disk to an earlier valid encrypted image.", source: MODEL },
            Claim { text: "Swap encrypted environment values for others encrypted to the app's public key, unless the app authenticates them.", source: BEST },
            Claim { text: "Read host-shared files such as app-compose.json.", source: BEST },
        ],
        cannot: &[
            Claim { text: "Read the CVM's memory, even with physical access: TDX encrypts it.", source: MODEL },
            Claim { text: "Change the measured code or read secrets without detection.", source: MODEL },
        ],
    },
    Adversary {
        id: "node",
        label: "dstack node operator",
        controls: &["vmm"],
        can_still: &[
            Claim { text: "Launch, upgrade or stop CVMs through the VMM, and launch non-TDX dev VMs.", source: REPORTS },
            Claim { text: "Write the unmeasured host-shared files, such as the encrypted env and user config.", source: BOUNDARIES },
        ],
        cannot: &[
            Claim { text: "Get a valid TDX quote from a no_tee VM.", source: REPORTS },
            Claim { text: "Alter the compose file or scripts without changing the measured identity and being refused keys.", source: BOUNDARIES },
        ],
    },
    Adversary {
        id: "kms",
        label: "KMS operator",
        controls: &["auth"],
        can_still: &[
            Claim { text: "Choose which generated root-key result to publish at bootstrap.", source: REPORTS },
            Claim { text: "Run development settings, which show in measurements or contract state and must be rejected by verifiers.", source: MODEL },
        ],
        cannot: &[
            Claim { text: "Bypass the on-chain authorization checks the KMS enforces.", source: src!("README.md") },
            Claim { text: "Read the root key while the KMS's TEE holds.", source: MODEL },
        ],
    },
    Adversary {
        id: "developer",
        label: "App developer",
        controls: &["developer", "app"],
        can_still: &[
            Claim { text: "Choose the compose file, scripts and images before deployment: all of them are measured.", source: BOUNDARIES },
            Claim { text: "Upgrade by authorizing a new compose hash; the app ID stays the same.", source: src!("docs/usage.md") },
        ],
        cannot: &[
            Claim { text: "With on-chain governance, skip the published rules: the allowed hashes live in DstackApp and changes are public.", source: src!("dstack/kms/README.md") },
        ],
    },
    Adversary {
        id: "network",
        label: "Network attacker",
        controls: &[],
        can_still: &[
            Claim { text: "Deny service, and reach the ports the compose file publishes.", source: MODEL },
        ],
        cannot: &[
            Claim { text: "Read or alter HTTPS traffic: TLS ends inside the TEE.", source: src!("docs/deployment.md") },
            Claim { text: "Serve altered images: image digests are pinned.", source: MODEL },
        ],
    },
];

/// The node with this id.
pub fn node(id: &str) -> Option<&'static Node> {
    NODES.iter().find(|n| n.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn ids_are_unique_and_every_reference_resolves() {
        let ids: HashSet<_> = NODES.iter().map(|n| n.id).collect();
        assert_eq!(ids.len(), NODES.len());
        for n in NODES {
            for other in n.talks_to {
                assert!(ids.contains(other), "{} talks to unknown {other}", n.id);
            }
        }
        for flow in FLOWS {
            assert!(
                flow.steps.len() >= 4,
                "{}: a flow needs at least four steps",
                flow.id
            );
            for step in flow.steps {
                assert!(
                    node(step.from).is_some() && node(step.to).is_some(),
                    "{}: {step:?}",
                    flow.id
                );
                assert!(step.caption.ends_with('.'), "{}: {}", flow.id, step.caption);
                assert!(step.caption.len() < 180, "{}: caption too long", flow.id);
            }
        }
        for adv in ADVERSARIES {
            for id in adv.controls {
                assert!(ids.contains(id), "{} controls unknown {id}", adv.id);
            }
            assert!(
                !adv.can_still.is_empty() && !adv.cannot.is_empty(),
                "{}",
                adv.id
            );
        }
    }

    #[test]
    fn the_four_flows_and_five_adversaries_the_issue_asks_for() {
        let flows: Vec<_> = FLOWS.iter().map(|f| f.id).collect();
        assert_eq!(flows, ["deploy", "kms", "request", "verify"]);
        let advs: Vec<_> = ADVERSARIES.iter().map(|a| a.id).collect();
        assert_eq!(advs, ["host", "node", "kms", "developer", "network"]);
    }

    #[test]
    fn every_source_is_on_the_default_branch() {
        let sources = NODES
            .iter()
            .map(|n| n.source)
            .chain(FLOWS.iter().map(|f| f.source))
            .chain(
                ADVERSARIES
                    .iter()
                    .flat_map(|a| a.can_still.iter().chain(a.cannot))
                    .map(|c| c.source),
            );
        for source in sources {
            assert!(source.starts_with(DOCS), "{source}");
        }
    }

    #[test]
    fn zones_group_host_cvm_and_outside_parts() {
        for n in NODES {
            assert_eq!(n.zone == Zone::Cvm, n.within.is_some(), "{}", n.id);
        }
        assert_eq!(node("vmm").map(|n| n.zone), Some(Zone::Host));
        assert_eq!(node("kms").and_then(|n| n.within), Some("kms-cvm"));
    }
}
