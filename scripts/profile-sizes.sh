#!/usr/bin/env bash
# Measures what each release-profile setting buys: builds the wasm with one setting
# reverted at a time (each in its own target dir, so it takes a while), runs
# wasm-bindgen and wasm-opt -Oz as trunk does, and prints raw/gzip/brotli sizes.
# Usage: scripts/profile-sizes.sh   (writes target/profile-sizes.md)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

out=target/profile-sizes
mkdir -p "$out"
report=target/profile-sizes.md
echo "| variant | wasm raw B | gzip B | brotli B |" > "$report"
echo "|---|---:|---:|---:|" >> "$report"

sizes() {
  node -e '
    const fs = require("fs"), z = require("zlib");
    const b = fs.readFileSync(process.argv[1]);
    const br = z.brotliCompressSync(b, { params: { [z.constants.BROTLI_PARAM_QUALITY]: 11 } });
    console.log(`| ${process.argv[2]} | ${b.length} | ${z.gzipSync(b, { level: 9 }).length} | ${br.length} |`);
  ' "$1" "$2"
}

variant() {
  local name=$1; shift
  local dir="target/profile-$name"
  echo "== $name ($*)" >&2
  env "$@" cargo build --locked --release --target wasm32-unknown-unknown --bin dstack-site \
    --target-dir "$dir" --quiet 2>/dev/null
  wasm-bindgen --target web --no-typescript --out-dir "$out/$name" \
    "$dir/wasm32-unknown-unknown/release/dstack-site.wasm"
  local bg="$out/$name/dstack-site_bg.wasm"
  if [ "$name" = "all" ]; then sizes "$bg" "all settings, no wasm-opt" >> "$report"; fi
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-reference-types \
    --enable-sign-ext --enable-mutable-globals "$bg" -o "$bg.opt"
  sizes "$bg.opt" "$name + wasm-opt -Oz" >> "$report"
}

variant all
variant opt-level-3 CARGO_PROFILE_RELEASE_OPT_LEVEL=3
variant no-lto CARGO_PROFILE_RELEASE_LTO=false
variant codegen-units-16 CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16
variant panic-unwind CARGO_PROFILE_RELEASE_PANIC=unwind
cat "$report"
