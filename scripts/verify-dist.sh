#!/usr/bin/env bash
# Rebuilds a commit in a temporary clean clone and compares the result with a built site,
# printing each file that differs (exit 1 if any).
#
#   scripts/verify-dist.sh [REFERENCE]        (make verify-dist REF=…)
#
# REFERENCE: a dist directory (default dist/), a manifest file, or a manifest URL such as
# https://dstack.info/.well-known/dstack-site-manifest.json. The commit and the build inputs
# (SITE_ORIGIN, BASE_PATH, SITE_REPO, …) come from its manifest, so the rebuild is built the
# way the reference was; a directory without a manifest is compared with HEAD.
#
# The clone shares the cargo registry and node_modules (tools, not inputs) and, to skip
# rebuilding ~200 dependencies, the target directory target/verify (VERIFY_TARGET_DIR=… to
# choose another, e.g. an empty one). That hides no difference: the clone's own crates have
# another path, so cargo compiles them afresh, and path remapping is what makes them equal.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
export PATH="$repo/node_modules/.bin:$HOME/.cargo/bin:$PATH"
ref="${1:-dist}"
[ -e "$ref" ] || [[ "$ref" =~ ^https?:// ]] || { echo "verify-dist: $ref does not exist" >&2; exit 2; }
case "$ref" in http*) ;; *) ref=$(realpath "$ref") ;; esac

# The commit and the inputs to rebuild with, one NAME=value a line (unset ones omitted).
commit=""
declare -A inputs=()
while IFS= read -r line; do
  key=${line%%=*} value=${line#*=}
  if [ "$key" = commit ]; then commit=$value; else inputs[$key]=$value; fi
done < <(node scripts/manifest.mjs inputs "$ref")
[ -n "$commit" ] && [ "$commit" != unknown ] || commit=$(git rev-parse HEAD)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/verify-dist.XXXXXX")
[ -n "${KEEP:-}" ] || trap 'rm -rf "$tmp"' EXIT
echo "verify-dist: rebuilding $commit in $tmp/src"
git clone --quiet --no-checkout "$repo" "$tmp/src"
git -C "$tmp/src" checkout --quiet --detach "$commit" ||
  { echo "verify-dist: commit $commit is not in this repository (git fetch it first)" >&2; exit 2; }
ln -s "$repo/node_modules" "$tmp/src/node_modules"
echo /node_modules >>"$tmp/src/.git/info/exclude" # the link is no change to the work tree

build_env=(env -u SITE_ORIGIN -u BASE_PATH -u SITE_REPO -u ANALYTICS_ENDPOINT -u ANALYTICS_DOMAIN)
for key in "${!inputs[@]}"; do build_env+=("$key=${inputs[$key]}"); done
start=$(date +%s)
(cd "$tmp/src" && "${build_env[@]}" CARGO_TARGET_DIR="${VERIFY_TARGET_DIR:-$repo/target/verify}" \
  scripts/build-dist.sh "$tmp/dist")
echo "verify-dist: rebuilt in $(( $(date +%s) - start )) s; comparing $ref with the rebuild"
node scripts/manifest.mjs compare "$ref" "$tmp/dist"
