#!/usr/bin/env bash
# Runs every test layer of `make test`, goes on past a failing layer so one run shows
# everything that is wrong, and closes with one line: "N passed, N failed".
#   lint    cargo fmt --check, cargo clippy -D warnings on host and wasm (one check each)
#   native  cargo test on the host: pure logic in src/, tests/*.rs and verifier/
#   wasm    wasm-bindgen-test in headless Chromium: tests/web_*.rs
#   e2e     release build in dist/, then Playwright + node --test: tests/e2e/
#   page cost  the shipped wasm with one more prose page: at most 1 KB more (page-cost.sh)
set -uo pipefail
cd "$(dirname "$0")/.."

logs=target/test-logs
mkdir -p "$logs"
passed=0
failed=0
failures=()

section() { printf '\n\033[1;35m== %s ==\033[0m\n' "$*"; }

# A step that is one check: passes or fails as a whole.
check() {
  local name=$1; shift
  section "$name"
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); failures+=("$name")
  fi
}

# libtest / wasm-bindgen-test-runner: sum "test result: … N passed; M failed" lines.
cargo_layer() {
  local name=$1; shift
  section "$name"
  "$@" 2>&1 | tee "$logs/$name.log"
  local status=${PIPESTATUS[0]}
  local p f
  p=$(grep -Eo '[0-9]+ passed;' "$logs/$name.log" | awk '{s += $1} END {print s + 0}')
  f=$(grep -Eo '[0-9]+ failed;' "$logs/$name.log" | awk '{s += $1} END {print s + 0}')
  passed=$((passed + p)); failed=$((failed + f))
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
    failed=$((failed + 1)) # it failed before running tests (e.g. a compile error)
  fi
  [ "$status" -eq 0 ] || failures+=("$name")
}

check "fmt" cargo fmt --check
clippy_all() {
  cargo clippy --locked --workspace --all-targets --quiet -- -D warnings &&
    # tests/web_*.rs only compile for wasm32; the verifier's browser side (web.rs) too
    cargo clippy --locked --target wasm32-unknown-unknown --tests --quiet -- -D warnings &&
    cargo clippy --locked --target wasm32-unknown-unknown -p dstack-verifier --quiet -- -D warnings
}
check "clippy" clippy_all

cargo_layer "native" cargo test --locked --workspace
web_tests=()
for f in tests/web_*.rs; do web_tests+=(--test "$(basename "$f" .rs)"); done
cargo_layer "wasm" cargo test --locked --target wasm32-unknown-unknown "${web_tests[@]}"

# A node --test layer: runs the test files in $3, adds its TAP counts to the totals, and
# names the layer ($1) when it fails. $2 is its TAP log's name; extra env comes first.
node_layer() {
  local name=$1 tap="$logs/$2.tap" dir=$3
  node --test --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$tap" "$dir"
  local status=$?
  local p f
  p=$(grep -Eo '^# pass [0-9]+' "$tap" | awk '{print $3}')
  f=$(grep -Eo '^# fail [0-9]+' "$tap" | awk '{print $3}')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
  if [ "$status" -ne 0 ]; then
    failures+=("$name")
    [ "${f:-0}" -gt 0 ] || failed=$((failed + 1))
  fi
}

section "dist (release build)"
start=$(date +%s)
if scripts/build-dist.sh; then
  echo "release build took $(( $(date +%s) - start )) s"
  section "e2e"
  node_layer "e2e" e2e tests/e2e/
else
  failed=$((failed + 1)); failures+=("dist")
  echo "release build failed: e2e tests not run"
fi

# One more page of prose must cost the shipped wasm at most 1 KB brotli (issue #16): built
# with and without a scratch page, reusing the release build's compiled dependencies.
check "page cost" scripts/page-cost.sh

section "base path (GitHub project pages)"
# The same site built for /dstack-site/, in its own target directory so the main build's
# cache stays warm; a few checks that every URL carries the prefix. It also names a
# site repository, so the footer's edit links (left out without one) are tested there.
site_repo=https://example.org/owner/dstack-site
if BASE_PATH=/dstack-site SITE_REPO=$site_repo CARGO_TARGET_DIR=target/base-path scripts/build-dist.sh dist-base; then
  DIST_DIR=dist-base CARGO_TARGET_DIR=target/base-path SITE_REPO=$site_repo node_layer "base-path" base tests/e2e-base/
else
  failed=$((failed + 1)); failures+=("base-path build")
fi

section "summary"
[ ${#failures[@]} -eq 0 ] || echo "failing layers: ${failures[*]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ ${#failures[@]} -eq 0 ]
