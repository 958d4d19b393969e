#!/usr/bin/env bash
# Idempotent installer for everything `make serve`, `make dist` and `make test` need on a
# fresh Debian machine (root, rustup, Node 20 + npm). Each step checks first, so a second
# run on a ready machine only spends the time of a few `--version` calls.
#
# Nothing here downloads a prebuilt binary from GitHub (this machine cannot reach it):
# Rust tools come from crates.io, browsers from apt, wasm-opt from the npm registry.
set -euo pipefail

cd "$(dirname "$0")/.."

TRUNK_VERSION="0.22.1"
# Debian's binaryen (wasm-opt 108) breaks wasm-bindgen's externref table: the release
# build "succeeds" and the page stays blank. The npm build of binaryen 132 works.
WASM_OPT_VERSION="132"

say() { printf '\033[1;34m[install]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[install] error:\033[0m %s\n' "$*" >&2; exit 1; }

export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

command -v cargo >/dev/null || die "cargo not found: install Rust with rustup first (https://rustup.rs)"
command -v npm >/dev/null || die "npm not found: install Node.js 20 and npm first"

# 1. The wasm target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. trunk, pinned. 0.22.x declares rust-version 1.96.1 although it builds and runs on
# 1.95, hence --ignore-rust-version. Without default features it skips the crates.io
# update check (useless offline) and compiles fewer crates; LTO off halves its build.
if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION from crates.io (several minutes on 2 cores)"
  CARGO_PROFILE_RELEASE_LTO=false cargo install --locked trunk --version "$TRUNK_VERSION" \
    --ignore-rust-version --no-default-features --features rustls
fi

# 3. wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock: the CLI and the
# library must agree byte for byte on the glue format, so a mismatch is fatal.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$WB_VERSION" ] || die "could not read the wasm-bindgen version from Cargo.lock"
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WB_VERSION" ] ||
   [ "$(wasm-bindgen-test-runner --version 2>/dev/null || true)" != "wasm-bindgen-test-runner $WB_VERSION" ]; then
  say "installing wasm-bindgen-cli $WB_VERSION from crates.io (about two minutes)"
  # Its own lockfile pins a webpki-roots release the registry no longer serves, so
  # --locked fails; try it first in case that changes, then resolve afresh.
  cargo install --locked wasm-bindgen-cli --version "$WB_VERSION" 2>/dev/null ||
    cargo install --force wasm-bindgen-cli --version "$WB_VERSION"
fi
[ "$(wasm-bindgen --version)" = "wasm-bindgen $WB_VERSION" ] ||
  die "wasm-bindgen CLI ($(wasm-bindgen --version)) differs from Cargo.lock ($WB_VERSION)"

# 4. Chromium and chromedriver from Debian, for wasm-bindgen-test and Playwright.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing chromium and chromium-driver from apt"
  command -v apt-get >/dev/null || die "apt-get not found: install chromium and chromedriver yourself"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# 5. npm tools from the committed lockfile: wasm-opt (binaryen) and playwright-core.
# The stamp is npm's own record of the last install; reinstall when the lockfile is newer.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
fi
case "$(wasm-opt --version 2>/dev/null || true)" in
  *"version $WASM_OPT_VERSION"*) ;;
  *) die "wasm-opt on PATH is '$(wasm-opt --version 2>&1 || true)', expected version $WASM_OPT_VERSION (node_modules/.bin first on PATH)" ;;
esac

say "tools ready: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version), $(chromium --version 2>/dev/null)"
