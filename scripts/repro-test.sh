#!/usr/bin/env bash
# Reproducibility test (issue #19): builds one commit twice, from two clean clones at
# different paths (the second with a space in it), one after the other, and fails on any
# byte that differs between the two dist/ trees, naming each file.
#
#   scripts/repro-test.sh [COMMIT]            (make repro-test; default HEAD)
#
# Both builds share the cargo registry and the target directory target/repro (REPRO_TARGET_DIR
# to change it) so that ~200 registry dependencies compile once: the rustflags, including
# the path remapping, are the same for both (scripts/build-dist.sh). That does not mask path
# differences: each clone's own crates (the site, the verifier) are new files at another
# path, so cargo compiles them again (the script fails unless the second log says "Compiling
# dstack-site … (…/two with space)") and build.rs reruns and rewrites its outputs; any
# absolute path of the checkout they captured would differ between the two. Registry
# crates are at the same path for both, and remapped to /cargo on every machine.
# Measured on the 2-core machine under load: ~17 min cold (first clone compiles the
# dependencies), then ~5.5 min per clone warm; so it is a CI target, not part of make test.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
export PATH="$repo/node_modules/.bin:$HOME/.cargo/bin:$PATH"
commit=$(git rev-parse "${1:-HEAD}")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/repro-test.XXXXXX")
[ -n "${KEEP:-}" ] || trap 'rm -rf "$tmp"' EXIT
target="${REPRO_TARGET_DIR:-$repo/target/repro}"

build() { # build <clone dir> <log>
  git clone --quiet --no-checkout "$repo" "$1"
  git -C "$1" checkout --quiet --detach "$commit"
  ln -s "$repo/node_modules" "$1/node_modules"
  echo /node_modules >>"$1/.git/info/exclude" # the link is no change to the work tree
  local start=$(date +%s)
  (cd "$1" && CARGO_TARGET_DIR="$target" scripts/build-dist.sh "$1/dist") >"$2" 2>&1 ||
    { tail -30 "$2"; echo "repro-test: the build in $1 failed (log: $2)" >&2; return 1; }
  echo "repro-test: built $commit in '$1' in $(( $(date +%s) - start )) s"
}

one="$tmp/one"
two="$tmp/two with space"
build "$one" "$tmp/one.log"
build "$two" "$tmp/two.log"
# A shared target dir must not hand the second clone the first one's site crate: cargo
# decides freshness by mtime, and a fresh clone's files are newer, but check it.
grep -q "Compiling dstack-site .*two with space" "$tmp/two.log" ||
  { echo "repro-test: the second build reused the first one's site crate; nothing was compared" >&2; exit 1; }

# The manifests list every file's hash; `diff -r` is the second opinion on the raw trees.
status=0
node scripts/manifest.mjs compare "$one/dist" "$two/dist" || status=1
diff -r -q "$one/dist" "$two/dist" || status=1
[ $status -eq 0 ] && echo "repro-test: the two builds are byte-identical ($(find "$one/dist" -type f | wc -l) files)"
exit $status
