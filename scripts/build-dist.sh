#!/usr/bin/env bash
# The deployable bundle in dist/: trunk's release build, every route prerendered to static
# HTML (scripts/prerender.mjs), then integrity, CSP and host configs (scripts/harden.mjs).
# Used by `make dist` and by the e2e layer of `make test`. Tools must be installed.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cargo fetch --locked --quiet
trunk build --release
rm -f dist/.trunk-lock # trunk's build lock, not part of the site
node scripts/prerender.mjs dist
node scripts/harden.mjs dist
