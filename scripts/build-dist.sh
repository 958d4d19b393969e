#!/usr/bin/env bash
# The deployable bundle in dist/: trunk's release build, every route prerendered to static
# HTML (scripts/prerender.mjs), then integrity, CSP and host configs (scripts/harden.mjs),
# and last the manifest of every file (scripts/manifest.mjs). Used by `make dist` and by the
# e2e layer of `make test`. Tools must be installed.
#
#   scripts/build-dist.sh [dist-dir]
#
# BASE_PATH=/repo serves the site under /repo/ (GitHub project pages); SITE_ORIGIN sets the
# origin of canonical URLs and the sitemap.
#
# Reproducible (issue #19): the same commit gives the same bytes from any checkout path, at
# any time. What that takes is noted where it happens; `make repro-test` checks it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
dist="${1:-dist}"

# Build dates come from the commit, never from the clock (tools that stamp a date honour
# SOURCE_DATE_EPOCH). The commit is stamped into /transparency and the manifest.
if git rev-parse --verify -q HEAD >/dev/null; then
  export DSTACK_COMMIT="${DSTACK_COMMIT:-$(git rev-parse HEAD)}"
  export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}"
fi
# Sorting and collation must not depend on the machine's locale; dates not on its zone.
export LC_ALL=C TZ=UTC

# The wasm's rustflags: source paths remapped (scripts/rustflags.sh says why).
source scripts/rustflags.sh

echo "building commit ${DSTACK_COMMIT:-unknown} with:"
node scripts/manifest.mjs toolchain

cargo fetch --locked --quiet
# Two builds (issue #16, src/routes/section.rs): the words build renders every page and is
# only prerendered, never shipped; the shipped build (no default features) adopts that
# markup. Only the site crate differs between them, so the second costs one crate's build.
base="${BASE_PATH:-}"
words="$target_dir/dist-words${base//\//-}"
trunk build --release --dist "$words" --public-url "${BASE_PATH:-}/"
trunk build --release --no-default-features --dist "$dist" --public-url "${BASE_PATH:-}/"
rm -f "$dist/.trunk-lock" "$words/.trunk-lock" # trunk's build lock, not part of the site
for d in "$dist" "$words"; do
  node scripts/manifest.mjs stamp "$d" # before the prerender copies page text around
done
node scripts/prerender.mjs "$dist" "$words"
node scripts/harden.mjs "$dist"
# Last: the manifest hashes the final bytes of every other file.
node scripts/manifest.mjs write "$dist"
