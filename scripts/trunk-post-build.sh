#!/usr/bin/env bash
# trunk post_build hook: runs in the project root with TRUNK_STAGING_DIR set.
# 1. copies public/ into the bundle's root (favicons, robots.txt, brand files);
# 2. publishes target/stylers.css (written by build.rs) under a content-hashed name and
#    points index.html's placeholder link at it, so it can be cached forever.
set -euo pipefail

staging="${TRUNK_STAGING_DIR:?run by trunk}"
public_url="${TRUNK_PUBLIC_URL:-/}"

cp -R public/. "$staging/"

css="target/stylers.css"
[ -s "$css" ] || { echo "post-build: $css is missing or empty (build.rs did not run?)" >&2; exit 1; }
hash=$(sha256sum "$css" | cut -c1-16)
name="components-$hash.css"
cp "$css" "$staging/$name"

grep -q "__COMPONENT_CSS__" "$staging/index.html" ||
  { echo "post-build: placeholder __COMPONENT_CSS__ not found in index.html" >&2; exit 1; }
sed -i "s|/__COMPONENT_CSS__|${public_url}${name}|" "$staging/index.html"
