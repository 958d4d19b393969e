#!/usr/bin/env bash
# What one more page of prose costs the shipped wasm (issue #16: at most 1 KB brotli). A page's
# words arrive as build-time HTML; the wasm only learns its route and head data.
#
#   scripts/page-cost.sh        (make page-cost; also part of make bench)
#
# Copies the tracked files of the work tree twice into target/page-cost/, adds one prose page
# (content/pages/scratch-cost.md, about 400 words) to the second copy, builds the shipped wasm
# of each (release, no default features, wasm-bindgen, wasm-opt as trunk runs them) and prints
# both brotli sizes and the difference; exits 1 when the page costs more than LIMIT bytes.
# Its own target dir (seeded from target/'s compiled dependencies) keeps the scratch builds
# away from the real one's outputs. Tools must be installed.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
limit="${LIMIT:-1024}"
source scripts/rustflags.sh # the real build's flags, so the seeded dependencies are fresh
work="$target_dir/page-cost"
rm -rf "$work/base" "$work/plus"
mkdir -p "$work/target/wasm32-unknown-unknown"
if [ ! -d "$work/target/wasm32-unknown-unknown/release" ] && [ -d "$target_dir/wasm32-unknown-unknown/release" ]; then
  cp -a "$target_dir/wasm32-unknown-unknown/release" "$work/target/wasm32-unknown-unknown/"
fi
for copy in base plus; do
  mkdir -p "$work/$copy"
  git ls-files -z | grep -zv '^tests/' | xargs -0 cp --parents -t "$work/$copy"
done
cat > "$work/plus/content/pages/scratch-cost.md" <<'PAGE'
---
title: A scratch page that measures what a page costs
nav_label: Scratch
heading: What one more page costs the wasm
lede: This page exists only in a scratch build made by scripts/page-cost.sh, which compares the shipped wasm with and without it.
description: A scratch prose page used to measure what one more page of words adds to the shipped WebAssembly module of dstack.info.
---

## Why this page exists

The site renders the words of its pages once, at build time. A visitor's browser receives
them as HTML: prerendered into the page, or fetched as a fragment when the visitor moves
between pages. The WebAssembly module carries behaviour, not prose. This page checks that
promise by being added to a scratch copy of the site and measured.

## What the measurement compares

Two copies of the site are built the same way, with the same compiler, the same flags and the
same optimiser. The only difference is this file. The shipped module of each copy is
compressed with brotli at its highest quality, as a static host serves it, and the two sizes
are compared. The difference is what a page costs every visitor on every visit.

## What a page may still cost

The module learns the page's address, its navigation label, its heading, its lede, its title
and its description, because the header, the footer and the page's head need them when a
visitor arrives from another page without reloading. Those few sentences are all; the body
you are reading now stays out of the module, however long it grows.

## Sources

- https://github.com/Dstack-TEE/dstack
PAGE
size() {
  local copy="$1"
  # Both copies share the target dir, and cargo keys a workspace package by its relative
  # path: newer mtimes make it rebuild the package (and rerun build.rs) for this copy.
  find "$work/$copy" -type f -exec touch {} +
  (cd "$work/$copy" && CARGO_TARGET_DIR="$work/target" cargo build --release --quiet \
    --target wasm32-unknown-unknown --no-default-features --bin dstack-site)
  rm -rf "$work/$copy/out"
  wasm-bindgen --target web --out-dir "$work/$copy/out" \
    "$work/target/wasm32-unknown-unknown/release/dstack-site.wasm"
  wasm-opt -Oz --converge --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$work/$copy/out/dstack-site_bg.wasm" -o "$work/$copy/out/opt.wasm"
  node -e 'const z = require("node:zlib"); const b = require("node:fs").readFileSync(process.argv[1]);
    console.log(z.brotliCompressSync(b, { params: { [z.constants.BROTLI_PARAM_QUALITY]: 11 } }).length)' \
    "$work/$copy/out/opt.wasm"
}
base=$(size base)
plus=$(size plus)
cost=$((plus - base))
echo "shipped wasm: ${base} B brotli; with one more prose page: ${plus} B; the page costs ${cost} B (limit ${limit} B)"
[ "$cost" -le "$limit" ]
