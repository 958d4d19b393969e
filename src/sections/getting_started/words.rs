//! From zero to a first deployment: what you need, then the documented paths, each as
//! numbered steps with the exact commands from the dstack docs.

use crate::content::{Heading, Link};

/// One item of the requirements checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Requirement {
    pub text: &'static str,
    pub optional: bool,
}

/// One numbered step of a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub title: &'static str,
    pub body: &'static str,
    /// Shell commands to copy, exactly as documented; empty when the step has none.
    pub command: &'static str,
    /// A caveat shown under the commands (where upstream's docs are stale); may be empty.
    pub note: &'static str,
    /// Where the step is explained in full: a site path (`/tutorials/kms`) or a URL.
    pub more: Option<Link>,
}

impl Step {
    /// A step with no note and no further reading.
    pub const fn new(title: &'static str, body: &'static str, command: &'static str) -> Self {
        Step {
            title,
            body,
            command,
            note: "",
            more: None,
        }
    }

    /// The same step with a caveat under its commands.
    pub const fn note(self, note: &'static str) -> Self {
        Step { note, ..self }
    }

    /// The same step with a link to its full explanation.
    pub const fn more(self, label: &'static str, href: &'static str) -> Self {
        Step {
            more: Some(Link::new(label, href)),
            ..self
        }
    }
}

/// One way to get dstack running: a tab on the page, deep-linkable as `#<slug>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PathGuide {
    pub slug: &'static str,
    pub label: &'static str,
    pub intro: &'static str,
    pub steps: &'static [Step],
    pub source: Link,
}

pub const REQUIREMENTS_HEADING: Heading = Heading::new("requirements", "What you need");

/// After a requirement that is [`Requirement::optional`].
pub const OPTIONAL_MARK: &str = " (optional)";

pub const REQUIREMENTS: &[Requirement] = &[
    Requirement {
        text: "A bare-metal server with Intel TDX enabled in firmware and OS (supported Xeon \
               generations are listed in Canonical's TDX guide), or AMD SEV-SNP (experimental)",
        optional: false,
    },
    Requirement {
        text: "SGX enabled as well on TDX hosts: /dev/sgx_enclave and /dev/sgx_provision must \
               exist, for the default local key provider",
        optional: false,
    },
    Requirement {
        text: "A TDX-capable QEMU at /usr/bin/qemu-system-x86_64",
        optional: false,
    },
    Requirement {
        text: "At least 16 GB of RAM and 100 GB of free disk",
        optional: false,
    },
    Requirement {
        text: "A public IPv4 address and a domain with DNS access, for the gateway's TLS \
               certificates (production path)",
        optional: false,
    },
    Requirement {
        text: "An NVIDIA H100 or Blackwell GPU, for confidential AI",
        optional: true,
    },
];

/// The line before the host check, and the check's name on its copy button.
pub const HOST_CHECK_INTRO: &str = "Check a host before you start:";
pub const HOST_CHECK_LABEL: &str = "check the host";

/// Checks the host against the list above, from the hardware-enablement guide.
pub const HOST_CHECK: &str = "sudo dmesg | grep -i tdx
test -e /dev/sgx_enclave && test -e /dev/sgx_provision
/usr/bin/qemu-system-x86_64 --version";

/// Canonical's TDX host guide, which lists the supported Xeon generations.
pub const CANONICAL_TDX: Link =
    Link::new("Canonical's TDX guide", "https://github.com/canonical/tdx");

/// Where the requirements and the host check come from.
pub const REQUIREMENTS_SOURCES: [Link; 3] = [
    Link::new(
        "Deployment guide",
        "https://github.com/Dstack-TEE/dstack/blob/next/docs/deployment.md",
    ),
    Link::new(
        "Hardware enablement",
        "https://github.com/Dstack-TEE/dstack/blob/next/docs/hardware-enablement.md",
    ),
    CANONICAL_TDX,
];

pub const PATHS_HEADING: Heading = Heading::new("paths", "Choose a path");

/// The name of the row of path tabs, for assistive technology.
pub const PATHS_LABEL: &str = "Ways to run dstack";
/// Before a step's [`Step::note`] and its [`Step::more`] link.
pub const NOTE_LABEL: &str = "Note: ";
pub const MORE_LABEL: &str = "More: ";

pub const PATHS: &[PathGuide] = &[
    PathGuide {
        slug: "self-host",
        label: "Single server",
        intro: "The quickest self-hosted path: one TDX server set up by dstackup, which \
                downloads a verified guest image and starts the SGX key provider, dstack-vmm, \
                a local auth webhook and one KMS CVM. There is no gateway: apps are reached \
                through host port mappings.",
        steps: &[
            Step::new(
                "Install the build packages, Docker and Rust",
                "On the TDX host.",
                "sudo apt update
sudo apt install -y build-essential ca-certificates curl git libssl-dev pkg-config tar
sudo apt install -y docker.io docker-compose-v2
sudo systemctl enable --now docker
curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y
. \"$HOME/.cargo/env\"",
            ),
            Step::new(
                "Install dstackup and set up the host",
                "Pass --no-kms to dstackup install to skip the KMS CVM.",
                "curl -fsSL https://raw.githubusercontent.com/Dstack-TEE/dstack/next/dstack/scripts/install.sh | sh
sudo dstackup install",
            ),
            Step::new(
                "Deploy the bundled nginx example and call it",
                "Each app gets 2 vCPUs, 2048 MB of memory and a 20 GB disk unless you pass \
                 --vcpu, --memory or --disk.",
                "sudo dstack deploy \\
  -n hello-nginx \\
  -c /usr/local/share/dstack/examples/hello-nginx/docker-compose.yaml \\
  --port 8080:80
curl http://127.0.0.1:8080/",
            ),
            Step::new(
                "Open the dashboard",
                "It listens on 127.0.0.1:9080 only. From your laptop, open an SSH tunnel \
                 first, then browse to http://127.0.0.1:9080.",
                "ssh -L 9080:127.0.0.1:9080 <user>@<host>",
            ),
            Step::new(
                "Day to day",
                "List apps, read logs, list guest images, or tear the deployment down. \
                 destroy keeps the configuration and the KMS keys; add --purge to delete \
                 them too.",
                "dstack apps
dstack logs <vm-id>
sudo dstackup image list
sudo dstackup destroy",
            ),
        ],
        source: Link::new("Onboarding guide", "https://github.com/Dstack-TEE/dstack/blob/next/docs/onboarding.md"),
    },
    PathGuide {
        slug: "production",
        label: "Production",
        intro: "The full deployment: dstack-vmm on the host, an auth backend, and the KMS and \
                gateway running as CVMs, so apps get keys from the KMS and are served over \
                HTTPS at <app-id>-<port>.<base-domain>. Run every command from the root of \
                your dstack clone unless a step says otherwise; auth-simple is shown.",
        steps: &[
            Step::new(
                "Build the VMM",
                "Clone the repository and build dstack-vmm and its supervisor.",
                "git clone https://github.com/Dstack-TEE/dstack
cd dstack
cargo build --manifest-path dstack/Cargo.toml --release -p dstack-vmm -p supervisor
mkdir -p vmm-data
cp dstack/target/release/dstack-vmm vmm-data/
cp dstack/target/release/supervisor vmm-data/
cd vmm-data/",
            )
            .more("Plan the deployment", "/tutorials/production-plan"),
            Step::new(
                "Configure and start the VMM",
                "Write vmm.toml (for example address = \"tcp:0.0.0.0:9080\") with [auth] \
                 enabled and a token from openssl rand -hex 32: off localhost it is \
                 mandatory. Extract guest images from the dstack releases into ./images/, \
                 then start it.",
                "./dstack-vmm -c vmm.toml",
            ),
            Step::new(
                "Allow-list the OS image and start the auth server",
                "In auth-config.json, list the guest image's hash (digest.txt in its \
                 tarball, with a 0x prefix) under osImages. kms.mrAggregated starts empty, \
                 and an empty list denies every KMS, so bootstrap fails until step 5.",
                "cd dstack/kms/auth-simple
bun install
PORT=3001 AUTH_CONFIG_PATH=/path/to/auth-config.json bun run start",
            )
            .more("KMS and auth backends, step by step", "/tutorials/kms"),
            Step::new(
                "Deploy the KMS CVM",
                "Run deploy-simple.sh twice: the first run only writes a .env.simple \
                 template and exits. Fill it in (VMM_RPC, AUTH_WEBHOOK_URL, KMS_RPC_ADDR, \
                 GUEST_AGENT_ADDR, OS_IMAGE and the image URL) and run it again. With [auth] \
                 on, export DSTACK_VMM_TOKEN first. Wait for \"Finished App Compose Service\" \
                 in the VM's serial.log.",
                "cd dstack/kms/dstack-app/
./deploy-simple.sh",
            ),
            Step::new(
                "Allow-list the KMS, then bootstrap it",
                "Read the KMS's mrAggregated (Onboard.GetAttestationInfo) and add it to \
                 kms.mrAggregated. Then open http://127.0.0.1:9201/, click Bootstrap, enter \
                 the KMS domain and click Finish setup.",
                "",
            )
            .more("Bootstrap the KMS", "/tutorials/kms"),
            Step::new(
                "Register the gateway app",
                "Add the gateway under apps in auth-config.json with an app ID of 40 hex \
                 digits (openssl rand -hex 20), set gatewayAppId to it, and note it for the \
                 gateway's .env.",
                "",
            )
            .more("Gateway, step by step", "/tutorials/gateway"),
            Step::new(
                "Deploy the gateway",
                "Run deploy-to-vmm.sh twice: the first run writes a .env template. Fill it \
                 in (VMM_RPC, CF_API_TOKEN, SRV_DOMAIN, PUBLIC_IP, GATEWAY_APP_ID as raw \
                 hex, MY_URL, BOOTNODE_URL, WG_ADDR=0.0.0.0:9202 and the rest; the script \
                 also needs KMS_URL) and run it again. It prints the compose hash and asks Continue? Before you answer y, \
                 add that hash to the gateway's composeHashes in auth-config.json.",
                "cd dstack/gateway/dstack-app/
./deploy-to-vmm.sh",
            ),
            Step::new(
                "Point the VMM at them and deploy apps",
                "Set kms_urls and gateway_urls under [cvm] in vmm.toml and restart the VMM. \
                 Register each app and allow-list its compose hash, then deploy it from the \
                 dashboard at http://localhost:9080. Zero Trust HTTPS, CT monitoring, more \
                 VMM nodes and KMS replicas are optional add-ons.",
                "",
            )
            .more("Optional add-ons", "/tutorials/gateway"),
        ],
        source: Link::new("Deployment guide", "https://github.com/Dstack-TEE/dstack/blob/next/docs/deployment.md"),
    },
    PathGuide {
        slug: "cloud",
        label: "Cloud",
        intro: "No bare metal of your own: dstack-cloud deploys to GCP Confidential VMs (TDX) \
                and AWS EC2 NitroTPM.",
        steps: &[
            Step::new(
                "Get the CLI",
                "It ships in the dstack repository: after the clone, the CLI is in \
                 dstack/dstack/scripts/bin.",
                "git clone https://github.com/Dstack-TEE/dstack.git
export PATH=\"$PATH:$(pwd)/dstack/dstack/scripts/bin\"",
            )
            .note(
                "Upstream's quickstart still shows $(pwd)/dstack/scripts/bin: that folder no \
                 longer exists since the source tree moved under dstack/ in July 2026.",
            ),
            Step::new(
                "Configure, create and deploy an app",
                "config-edit sets up your cloud credentials and defaults.",
                "dstack-cloud config-edit
dstack-cloud new my-app
cd my-app
dstack-cloud deploy
dstack-cloud status",
            ),
        ],
        source: Link::new("Cloud quickstart", "https://github.com/Dstack-TEE/dstack/blob/next/docs/quickstart.md"),
    },
    PathGuide {
        slug: "managed",
        label: "Managed",
        intro: "Phala Cloud runs dstack for you: deploy a docker-compose.yaml with the Phala CLI.",
        steps: &[
            Step::new(
                "Install the CLI and log in",
                "Create an account at cloud.phala.network first.",
                "npm install -g phala
phala auth login",
            ),
            Step::new(
                "Deploy your compose file",
                "From the folder that holds docker-compose.yaml.",
                "phala deploy -n my-app -c docker-compose.yaml",
            ),
        ],
        source: Link::new("dstack-examples README", "https://github.com/Dstack-TEE/dstack-examples/blob/main/README.md"),
    },
    PathGuide {
        slug: "local",
        label: "Local development",
        intro: "No TEE hardware needed: develop against a simulator of the guest agent. \
                Simulated quotes prove nothing; use this for development only.",
        steps: &[
            Step::new(
                "Build and start the SDK simulator",
                "It needs git and Rust, and serves the guest-agent API on a Unix socket, \
                 dstack.sock, in its own folder. Point the SDKs at that socket from a second \
                 terminal in the clone.",
                "git clone https://github.com/Dstack-TEE/dstack.git
cd dstack/sdk/simulator
./build.sh
./dstack-simulator",
            )
            .note(
                "The SDK READMEs still say http://localhost:8090; the simulator's own config \
                 binds the socket, and the repository's test script uses the socket path \
                 below.",
            ),
            Step::new(
                "Point the SDKs at the socket",
                "From the root of the clone.",
                "export DSTACK_SIMULATOR_ENDPOINT=\"$(pwd)/sdk/simulator/dstack.sock\"",
            ),
            Step::new(
                "Or use the Phala CLI's simulator",
                "Then mount ~/.phala-cloud/simulator/0.5.3/dstack.sock into your container \
                 where the app expects /var/run/dstack.sock.",
                "phala simulator start",
            ),
            Step::new(
                "Or build a development guest image",
                "These commands only build the image, from the repository root. Booting it \
                 on plain KVM also needs QEMU, swtpm and a dstack-vmm configured for the \
                 simulated TEE; the guide linked below covers each. Dev images run with \
                 no_tee and are not secure.",
                "make os-deps
cd os/yocto/repro-build
RELEASE_FLAVORS=\"dev\" ./repro-build.sh -n",
            )
            .more(
                "Booting a dev image: development without TEE",
                "https://github.com/Dstack-TEE/dstack/blob/next/docs/development-without-tee.md",
            ),
        ],
        source: Link::new(
            "Development without TEE",
            "https://github.com/Dstack-TEE/dstack/blob/next/docs/development-without-tee.md",
        ),
    },
];

/// Where the closing section's statements come from.
pub const YOUR_APP_SOURCES: &[Link] = &[
    Link::new(
        "Usage guide",
        "https://github.com/Dstack-TEE/dstack/blob/next/docs/usage.md",
    ),
    Link::new(
        "Gateway guide",
        "https://github.com/Dstack-TEE/dstack/blob/next/docs/dstack-gateway.md",
    ),
    Link::new(
        "Security model",
        "https://github.com/Dstack-TEE/dstack/blob/next/docs/security/security-model.md",
    ),
];

pub const YOUR_APP_HEADING: Heading = Heading::new("your-app", "Deploy your own app");

/// The page's closing section: from a running dstack to your own app on the web.
pub const YOUR_APP: &[Step] = &[
    Step::new(
        "Write or reuse a docker-compose.yaml",
        "dstack runs Compose files as they are. Pin each image by its SHA-256 digest \
         (image@sha256:…): only a pinned image is bound to the measured compose hash, since a \
         tag can point at new content.",
        "",
    ),
    Step::new(
        "Talk to the guest agent if you need keys or quotes",
        "Mount /var/run/dstack.sock into the container and call it directly or through \
         the Python, JavaScript, Rust or Go SDK.",
        "curl --unix-socket /var/run/dstack.sock http://localhost/GetQuote?report_data=0x1234deadbeef",
    ),
    Step::new(
        "Reach it through the gateway",
        "Each app is served at <app-id>-<port>.<base-domain>, for example \
         <app-id>-8080.gateway.example.com. By default TLS ends in the gateway's CVM; add s \
         after the port (443s) to pass TLS through to your app's CVM, or g (50051g) for \
         HTTP/2 and gRPC.",
        "",
    ),
];
