//! What the diagram shows, as data: where each part runs, how they talk in four flows, and
//! what each adversary sees, controls, can still do, and cannot do. Every sentence comes from
//! `../shared/dstack-facts.md` sections 3 ("Flows"), 10 ("Threat model by adversary") and
//! the corrections of section 12, which win over the earlier lines.

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

/// An adversary view: what it sees and controls (shaded nodes), can still do, and cannot do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Adversary {
    /// Its value in the URL (`?adversary=host`).
    pub id: &'static str,
    pub label: &'static str,
    /// What it can see, in one sentence.
    pub sees: &'static str,
    pub controls: &'static [&'static str],
    pub can_still: &'static [Claim],
    pub cannot: &'static [Claim],
}

/// Sources live in the dstack repository, on its default branch `next`, except the few in
/// [`OUTSIDE_SOURCES`].
#[cfg(test)]
const DOCS: &str = "https://github.com/Dstack-TEE/dstack/blob/next/";

/// Sources outside the dstack docs: the memory-bus research of §12.1 and the examples'
/// tutorial that warns about the developer backdoor (§12.5).
const PHYSICAL: &str =
    "https://semiengineering.com/tee-fail-when-your-security-system-leaves-the-window-open/";
const TUTORIAL: &str = "https://github.com/Dstack-TEE/dstack-examples/tree/main/tutorial";
#[cfg(test)]
const OUTSIDE_SOURCES: [&str; 2] = [PHYSICAL, TUTORIAL];

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
               JSON allowlist (auth-simple), a webhook, or the DstackKms and DstackApp contracts \
               on chain (auth-eth). Whoever controls it decides which code gets keys.",
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
        does: "Encrypts CVM memory, measures the virtual firmware into MRTD and keeps the RTMRs. \
               Its TD report becomes a quote when Intel's TD Quoting Enclave, an SGX enclave on \
               the host, signs it with a key certified up to Intel's root.",
        runs_on: "The CPU of the TDX host, with the quoting enclave beside it",
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
               over WireGuard; with TLS passthrough it forwards the encrypted stream instead.",
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
            Step { from: "vmm", to: "guest-agent", caption: "dstack-vmm boots a CVM: TDX measures the virtual firmware into MRTD, then firmware, kernel and initrd extend RTMR0–2." },
            Step { from: "guest-agent", to: "tdx", caption: "The guest records the compose hash, app ID, instance ID and key provider in RTMR3." },
            Step { from: "guest-agent", to: "app", caption: "With its keys from the KMS, the guest unlocks its disk and Docker Compose starts the containers." },
        ],
    },
    Flow {
        id: "kms",
        title: "Boot and get keys from the KMS",
        source: src!("dstack/kms/README.md"),
        steps: &[
            Step { from: "guest-agent", to: "tdx", caption: "The booting CVM gets a TD report over its measurements; the TD Quoting Enclave on the host signs it into a quote." },
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
            Step { from: "guest-agent", to: "tdx", caption: "The TDX module reports MRTD, RTMR0–3 and the report data; the TD Quoting Enclave signs that report as a quote." },
            Step { from: "guest-agent", to: "visitor", caption: "The quote and the event log go back to the verifier." },
            Step { from: "visitor", to: "visitor", caption: "The verifier checks the quote's signature chain back to Intel, for example with dcap-qvl." },
            Step { from: "visitor", to: "visitor", caption: "It compares MRTD and RTMR0–2 with values computed from the rebuilt OS image by dstack-mr." },
            Step { from: "visitor", to: "visitor", caption: "It replays the event log to RTMR3 and reads the compose hash, app ID and key provider from boot-time events, rejecting duplicates." },
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
        sees: "Host-shared files such as app-compose.json, the ciphertext of disks and environment values, and traffic metadata.",
        controls: &["vmm"],
        can_still: &[
            Claim { text: "Shut down, throttle or cut off the workload: availability is not protected.", source: MODEL },
            Claim { text: "Withhold, replace or roll back a disk to an earlier valid encrypted image.", source: MODEL },
            Claim { text: "Swap encrypted environment values for others encrypted to the app's public key, unless the app authenticates them (a launch token).", source: BEST },
            Claim { text: "Attack the memory bus with physical access: 2025 research (WireTap, Battering RAM, TEE.fail) broke TEE memory encryption this way, so who can touch the machine still matters.", source: PHYSICAL },
        ],
        cannot: &[
            Claim { text: "Read the CVM's memory through the host's software: hypervisor, host OS and operator tools.", source: MODEL },
            Claim { text: "Change the measured code or read secrets without detection.", source: MODEL },
        ],
    },
    Adversary {
        id: "node",
        label: "dstack node operator",
        sees: "The host-shared files dstack-vmm writes for each CVM: app-compose.json, the system config, the encrypted env and the user config.",
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
        sees: "The KMS's admin and bootstrap surfaces, not the keys inside its CVM.",
        controls: &[],
        can_still: &[
            Claim { text: "Choose which generated root-key result to publish at bootstrap.", source: REPORTS },
            Claim { text: "With auth-simple or a webhook, decide which code gets keys if it also runs that backend: its owner sets the rules.", source: src!("docs/auth-simple-operations.md") },
            Claim { text: "Run development settings, which show in measurements or contract state and must be rejected by verifiers.", source: MODEL },
        ],
        cannot: &[
            Claim { text: "With auth-eth, bypass the on-chain rules: the KMS releases keys only as the DstackKms and DstackApp contracts allow.", source: src!("README.md") },
            Claim { text: "Read the root key while the KMS's TEE holds.", source: MODEL },
        ],
    },
    Adversary {
        id: "gateway",
        label: "Gateway operator",
        sees: "Routing metadata: which app ID and port each request is for.",
        controls: &[],
        can_still: &[
            Claim { text: "Deny or misroute traffic; the gateway's admin API needs a token.", source: BEST },
            Claim { text: "Run the gateway CVM where visitors' TLS ends by default; an app that must not rely on it uses TLS passthrough (the s suffix).", source: src!("docs/dstack-gateway.md") },
        ],
        cannot: &[
            Claim { text: "Pass off a gateway of its own: app and gateway CVMs check each other's certificates from the same KMS, which pins the gateway's app ID.", source: BOUNDARIES },
            Claim { text: "Read traffic sent with TLS passthrough: it stays encrypted up to the app's CVM.", source: src!("docs/dstack-gateway.md") },
        ],
    },
    Adversary {
        id: "developer",
        label: "App developer",
        sees: "Whatever the app's code chooses to expose.",
        controls: &["developer", "app"],
        can_still: &[
            Claim { text: "Choose the compose file, scripts and images before deployment: the compose file and scripts are measured, images only when pinned by digest (@sha256:…).", source: MODEL },
            Claim { text: "Upgrade by authorizing a new compose hash; the app ID stays the same.", source: src!("docs/usage.md") },
            Claim { text: "Authorize new code, even code that exports the app's keys, unless governance such as a multisig owner or a custom AppAuth contract stops it.", source: TUTORIAL },
        ],
        cannot: &[
            Claim { text: "With auth-eth, upgrade unseen: the allowed compose hashes live in the DstackApp contract and every change is public.", source: src!("dstack/kms/README.md") },
        ],
    },
    Adversary {
        id: "network",
        label: "Network attacker",
        sees: "Encrypted traffic.",
        controls: &[],
        can_still: &[
            Claim { text: "Deny service, and reach the ports the compose file publishes.", source: MODEL },
        ],
        cannot: &[
            Claim { text: "Read or alter HTTPS traffic: TLS ends inside a TEE, the gateway's CVM or, with passthrough, the app's.", source: src!("docs/dstack-gateway.md") },
            Claim { text: "Serve altered images, when the compose file pins them by digest.", source: MODEL },
        ],
    },
    Adversary {
        id: "neighbour",
        label: "Another app on the same host",
        sees: "Its own CVM only: the hardware keeps other CVMs' memory out of its reach.",
        controls: &[],
        can_still: &[
            Claim { text: "Try side-channel attacks: the docs list them as a TEE limitation, handled by TCB updates.", source: MODEL },
        ],
        cannot: &[
            Claim { text: "Obtain another app's keys: keys are derived per app and disk keys per instance, so no keys are shared between applications.", source: MODEL },
        ],
    },
    Adversary {
        id: "container",
        label: "Malicious container in the same CVM",
        sees: "Everything in the app's CVM: dstack treats a CVM as one trust domain.",
        controls: &["app", "guest-agent"],
        can_still: &[
            Claim { text: "Ask the guest agent for the app's derived keys and for quotes: keys are not isolated per container.", source: REPORTS },
            Claim { text: "Append measured events after boot, given the privilege; verifiers take claims from before boot-mr-done or system-ready and reject duplicate names.", source: BEST },
            Claim { text: "With guest privileges, unload the GPU driver after system-ready, leaving the GPU's boot check as history.", source: MODEL },
        ],
        cannot: &[
            Claim { text: "Be contained by dstack: nothing isolates containers of one CVM from each other, so run only containers you trust together.", source: REPORTS },
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

    /// Flow and adversary ids are unique and go into the URL as they are (`?flow=kms`);
    /// every view's words are whole sentences of a panel's length.
    #[test]
    fn flows_and_adversaries_have_unique_url_ids_and_short_claims() {
        let url_id =
            |id: &str| !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
        let flows: HashSet<_> = FLOWS.iter().map(|f| f.id).collect();
        assert_eq!(flows.len(), FLOWS.len(), "duplicate flow id");
        let advs: HashSet<_> = ADVERSARIES.iter().map(|a| a.id).collect();
        assert_eq!(advs.len(), ADVERSARIES.len(), "duplicate adversary id");
        for id in flows.iter().chain(&advs) {
            assert!(url_id(id), "{id}");
        }
        for a in ADVERSARIES {
            assert!(a.sees.ends_with('.') && a.sees.len() < 160, "{}", a.id);
            for c in a.can_still.iter().chain(a.cannot) {
                assert!(c.text.ends_with('.'), "{}: {}", a.id, c.text);
                assert!(c.text.len() < 200, "{}: claim too long", a.id);
            }
        }
    }

    /// Regression (issue #15): each view says what §12 corrects, and none promises more.
    #[test]
    fn each_adversary_view_keeps_to_the_corrected_threat_model() {
        let view = |id: &str| {
            let a = ADVERSARIES.iter().find(|a| a.id == id).unwrap();
            let claims = |cs: &[Claim]| cs.iter().map(|c| c.text).collect::<Vec<_>>().join(" ");
            (a, claims(a.can_still), claims(a.cannot))
        };
        // §12.1: physical memory-bus attacks are a known limit, not something TDX stops.
        let (host, can, cannot) = view("host");
        assert!(can.contains("physical access") && can.contains("TEE.fail"));
        assert!(cannot.contains("software") && !cannot.contains("physical"));
        assert!(can.contains("launch token"), "env values can be swapped");
        assert_eq!(host.controls, ["vmm"]);
        // §12.5: the KMS operator's reach depends on the auth backend.
        let (_, can, cannot) = view("kms");
        assert!(can.contains("auth-simple or a webhook") && cannot.contains("With auth-eth"));
        // §10: the gateway operator sees routing, not passthrough traffic.
        let (gateway, can, cannot) = view("gateway");
        assert!(gateway.sees.contains("Routing metadata"));
        assert!(can.contains("passthrough") && cannot.contains("pins the gateway's app ID"));
        // §12.5: images are bound only when pinned; the owner can still authorize new code.
        let (_, can, cannot) = view("developer");
        assert!(
            can.contains("only when pinned by digest") && can.contains("exports the app's keys")
        );
        assert!(cannot.contains("With auth-eth"));
        let (_, _, cannot) = view("network");
        assert!(cannot.contains("pins them by digest") && cannot.contains("gateway's CVM"));
        // §10: a co-tenant gets no keys; side channels remain a listed limit.
        let (neighbour, can, cannot) = view("neighbour");
        assert!(neighbour.controls.is_empty());
        assert!(can.contains("side-channel") && cannot.contains("another app's keys"));
        // §10: inside one CVM nothing is promised, and post-boot events prove nothing.
        let (container, can, cannot) = view("container");
        assert_eq!(container.controls, ["app", "guest-agent"]);
        assert!(can.contains("derived keys") && can.contains("boot-mr-done"));
        assert!(cannot.contains("nothing isolates"));
    }

    /// Regression (issue #15, §12.2): TDX reports and the SGX quoting enclave signs.
    #[test]
    fn quotes_are_signed_by_the_quoting_enclave_and_rtmrs_extended_by_what_boots() {
        let tdx = node("tdx").unwrap();
        assert!(tdx.does.contains("TD Quoting Enclave, an SGX enclave"));
        let captions: Vec<_> = FLOWS
            .iter()
            .flat_map(|f| f.steps)
            .map(|s| s.caption)
            .collect();
        assert!(captions.iter().all(|c| !c.contains("TDX module signs")));
        assert!(captions
            .iter()
            .any(|c| c.contains("firmware, kernel and initrd extend RTMR0–2")));
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
            assert!(
                source.starts_with(DOCS) || OUTSIDE_SOURCES.contains(&source),
                "{source}"
            );
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
