#!/usr/bin/env bash
# The deployable bundle in dist/: trunk's release build, every route prerendered to static
# HTML (scripts/prerender.mjs), then integrity, CSP and host configs (scripts/harden.mjs).
# Used by `make dist` and by the e2e layer of `make test`. Tools must be installed.
#
#   scripts/build-dist.sh [dist-dir]
#
# BASE_PATH=/repo serves the site under /repo/ (GitHub project pages); SITE_ORIGIN sets the
# origin of canonical URLs and the sitemap.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
dist="${1:-dist}"
cargo fetch --locked --quiet
trunk build --release --dist "$dist" --public-url "${BASE_PATH:-}/"
rm -f "$dist/.trunk-lock" # trunk's build lock, not part of the site
node scripts/prerender.mjs "$dist"
node scripts/harden.mjs "$dist"
