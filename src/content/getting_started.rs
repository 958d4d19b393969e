//! From zero to a first deployment: what you need, then the documented paths, each as
//! numbered steps with the exact commands from the dstack docs.

use super::Link;

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

pub const REQUIREMENTS: &[Requirement] = &[
    Requirement {
        text: "A bare-metal server with Intel TDX enabled in firmware and OS (4th or 5th Gen \
               Xeon), or AMD SEV-SNP (experimental)",
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

/// Checks the host against the list above, from the hardware-enablement guide.
pub const HOST_CHECK: &str = "sudo dmesg | grep -i tdx
test -e /dev/sgx_enclave && test -e /dev/sgx_provision
/usr/bin/qemu-system-x86_64 --version";

pub const PATHS: &[PathGuide] = &[
    PathGuide {
        slug: "self-host",
        label: "Single server",
        intro: "The quickest self-hosted path: one TDX server set up by dstackup, which \
                downloads a verified guest image and starts the SGX key provider, dstack-vmm, \
                a local auth webhook and one KMS CVM. There is no gateway: apps are reached \
                through host port mappings.",
        steps: &[
            Step {
                title: "Install the build packages, Docker and Rust",
                body: "On the TDX host.",
                command: "sudo apt update
sudo apt install -y build-essential ca-certificates curl git libssl-dev pkg-config tar
sudo apt install -y docker.io docker-compose-v2
sudo systemctl enable --now docker
curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y
. \"$HOME/.cargo/env\"",
            },
            Step {
                title: "Install dstackup and set up the host",
                body: "Pass --no-kms to dstackup install to skip the KMS CVM.",
                command: "curl -fsSL https://raw.githubusercontent.com/Dstack-TEE/dstack/next/dstack/scripts/install.sh | sh
sudo dstackup install",
            },
            Step {
                title: "Deploy the bundled nginx example and call it",
                body: "Each app gets 2 vCPUs, 2048 MB of memory and a 20 GB disk unless you pass \
                       --vcpu, --memory or --disk.",
                command: "sudo dstack deploy \\
  -n hello-nginx \\
  -c /usr/local/share/dstack/examples/hello-nginx/docker-compose.yaml \\
  --port 8080:80
curl http://127.0.0.1:8080/",
            },
            Step {
                title: "Open the dashboard",
                body: "It listens on 127.0.0.1:9080 only. From your laptop, open an SSH tunnel \
                       first, then browse to http://127.0.0.1:9080.",
                command: "ssh -L 9080:127.0.0.1:9080 <user>@<host>",
            },
            Step {
                title: "Day to day",
                body: "List apps, read logs, list guest images, or remove everything (add \
                       --purge to delete all data).",
                command: "dstack apps
dstack logs <vm-id>
sudo dstackup image list
sudo dstackup destroy",
            },
        ],
        source: Link::new("Onboarding guide", "https://github.com/Dstack-TEE/dstack/blob/next/docs/onboarding.md"),
    },
    PathGuide {
        slug: "production",
        label: "Production",
        intro: "The full deployment: dstack-vmm on the host, an auth backend, and the KMS and \
                gateway running as CVMs, so apps get keys from the KMS and are served over \
                HTTPS at <app-id>-<port>.<base-domain>.",
        steps: &[
            Step {
                title: "Build the VMM",
                body: "From a clone of the dstack repository.",
                command: "git clone https://github.com/Dstack-TEE/dstack
cd dstack
cargo build --manifest-path dstack/Cargo.toml --release -p dstack-vmm -p supervisor
mkdir -p vmm-data
cp dstack/target/release/dstack-vmm vmm-data/
cp dstack/target/release/supervisor vmm-data/
cd vmm-data/",
            },
            Step {
                title: "Configure and start the VMM",
                body: "Write vmm.toml (for example address = \"tcp:0.0.0.0:9080\", with [auth] \
                       enabled), download guest images into ./images/, then start it.",
                command: "./dstack-vmm -c vmm.toml",
            },
            Step {
                title: "Start the auth server",
                body: "auth-simple reads an allowlist of apps from a JSON file; auth-eth uses \
                       on-chain contracts instead.",
                command: "cd dstack/kms/auth-simple
bun install
PORT=3001 AUTH_CONFIG_PATH=/path/to/auth-config.json bun run start",
            },
            Step {
                title: "Deploy and bootstrap the KMS",
                body: "Edit .env.simple and deploy the KMS CVM. Then open http://127.0.0.1:9201/, \
                       click Bootstrap, enter the KMS domain and click Finish setup.",
                command: "cd dstack/kms/dstack-app/
./deploy-simple.sh",
            },
            Step {
                title: "Deploy the gateway",
                body: "Fill in .env (CF_API_TOKEN, SRV_DOMAIN, GATEWAY_APP_ID, \
                       WG_ADDR=0.0.0.0:9202 and the rest).",
                command: "cd dstack/gateway/dstack-app/
./deploy-to-vmm.sh",
            },
            Step {
                title: "Point the VMM at them and deploy apps",
                body: "Set kms_urls and gateway_urls in vmm.toml, restart the VMM, then deploy \
                       apps from the dashboard at http://localhost:9080.",
                command: "",
            },
        ],
        source: Link::new("Deployment guide", "https://github.com/Dstack-TEE/dstack/blob/next/docs/deployment.md"),
    },
    PathGuide {
        slug: "cloud",
        label: "Cloud",
        intro: "No bare metal of your own: dstack-cloud deploys to GCP Confidential VMs (TDX) \
                and AWS EC2 NitroTPM.",
        steps: &[
            Step {
                title: "Get the CLI",
                body: "It ships in the dstack repository.",
                command: "git clone https://github.com/Dstack-TEE/dstack.git
export PATH=\"$PATH:$(pwd)/dstack/scripts/bin\"",
            },
            Step {
                title: "Configure, create and deploy an app",
                body: "config-edit sets up your cloud credentials and defaults.",
                command: "dstack-cloud config-edit
dstack-cloud new my-app
cd my-app
dstack-cloud deploy
dstack-cloud status",
            },
        ],
        source: Link::new("Cloud quickstart", "https://github.com/Dstack-TEE/dstack/blob/next/docs/quickstart.md"),
    },
    PathGuide {
        slug: "managed",
        label: "Managed",
        intro: "Phala Cloud runs dstack for you: deploy a docker-compose.yaml with the Phala CLI.",
        steps: &[
            Step {
                title: "Install the CLI and log in",
                body: "Create an account at cloud.phala.network first.",
                command: "npm install -g phala
phala auth login",
            },
            Step {
                title: "Deploy your compose file",
                body: "From the folder that holds docker-compose.yaml.",
                command: "phala deploy -n my-app -c docker-compose.yaml",
            },
        ],
        source: Link::new("dstack-examples README", "https://github.com/Dstack-TEE/dstack-examples/blob/main/README.md"),
    },
    PathGuide {
        slug: "local",
        label: "Local development",
        intro: "No TEE hardware needed: develop against a simulator of the guest agent. \
                Simulated quotes prove nothing; use this for development only.",
        steps: &[
            Step {
                title: "Build and start the SDK simulator",
                body: "Then point the SDKs at it.",
                command: "cd dstack/sdk/simulator && ./build.sh && ./dstack-simulator
export DSTACK_SIMULATOR_ENDPOINT=http://localhost:8090",
            },
            Step {
                title: "Or use the Phala CLI's simulator",
                body: "Then mount ~/.phala-cloud/simulator/0.5.3/dstack.sock into your container \
                       where the app expects /var/run/dstack.sock.",
                command: "phala simulator start",
            },
            Step {
                title: "Or boot a development guest image on plain KVM",
                body: "Dev images run with no_tee, using a TEE simulator and swtpm. They are not \
                       secure.",
                command: "make os-deps
cd os/yocto/repro-build
RELEASE_FLAVORS=\"dev\" ./repro-build.sh -n",
            },
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

/// The page's closing section: from a running dstack to your own app on the web.
pub const YOUR_APP: &[Step] = &[
    Step {
        title: "Write or reuse a docker-compose.yaml",
        body: "dstack runs Compose files as they are. Pin each image by its SHA-256 digest: \
               dstack's security model relies on digest pinning.",
        command: "",
    },
    Step {
        title: "Talk to the guest agent if you need keys or quotes",
        body: "Mount /var/run/dstack.sock into the container and call it directly or through \
               the Python, JavaScript, Rust or Go SDK.",
        command: "curl --unix-socket /var/run/dstack.sock http://localhost/GetQuote?report_data=0x1234deadbeef",
    },
    Step {
        title: "Reach it through the gateway",
        body: "Each app is served at <app-id>-<port>.<base-domain>, for example \
               <app-id>-8080.gateway.example.com. Add s after the port (443s) to pass TLS through \
               to the app, or g (50051g) for HTTP/2 and gRPC.",
        command: "",
    },
];
