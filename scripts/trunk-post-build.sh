#!/usr/bin/env bash
# trunk post_build hook: runs in the project root with TRUNK_STAGING_DIR set.
# 1. copies public/ into the bundle's root (favicons, manifest, brand files), and the
#    sitemap.xml, robots.txt, feed.xml, blog-content/, page-content/ and
#    tutorial-content/ that build.rs generated;
# 2. publishes target/stylers.css (written by build.rs) under a content-hashed name and
#    points index.html's placeholder link at it, so it can be cached forever;
# 3. puts the public URL (trunk --public-url, for a base path) in front of the head links
#    trunk does not manage itself (icons, manifest).
# build.rs writes into CARGO_TARGET_DIR when that is set (a second build with another
# BASE_PATH uses its own), else target/.
set -euo pipefail

staging="${TRUNK_STAGING_DIR:?run by trunk}"
public_url="${TRUNK_PUBLIC_URL:-/}"
target="${CARGO_TARGET_DIR:-target}"

cp -R public/. "$staging/"
for generated in sitemap.xml robots.txt feed.xml; do
  [ -s "$target/$generated" ] || { echo "post-build: $target/$generated is missing" >&2; exit 1; }
  cp "$target/$generated" "$staging/"
done
# The blog's post bodies, fetched by the post pages.
[ -d "$target/blog-content" ] || { echo "post-build: $target/blog-content is missing" >&2; exit 1; }
cp -R "$target/blog-content" "$staging/"
# The prose pages' bodies (content/pages/*.md, compiled by build.rs), fetched the same way.
# Their {{manifest:commit}} placeholders are filled in by scripts/build-dist.sh.
# The tutorial track's bodies (content/tutorials/*.md) likewise. build.rs always writes
# both folders, so a missing one means it did not run.
for dir in page-content tutorial-content; do
  [ -d "$target/$dir" ] || { echo "post-build: $target/$dir is missing" >&2; exit 1; }
  cp -R "$target/$dir" "$staging/"
done

css="$target/stylers.css"
[ -s "$css" ] || { echo "post-build: $css is missing or empty (build.rs did not run?)" >&2; exit 1; }
hash=$(sha256sum "$css" | cut -c1-16)
name="components-$hash.css"
cp "$css" "$staging/$name"

grep -q "__COMPONENT_CSS__" "$staging/index.html" ||
  { echo "post-build: placeholder __COMPONENT_CSS__ not found in index.html" >&2; exit 1; }
sed -i "s|/__COMPONENT_CSS__|${public_url}${name}|" "$staging/index.html"
# (trunk has minified index.html by now: attribute values may have lost their quotes)
for file in favicon.svg favicon-32.png apple-touch-icon.png site.webmanifest feed.xml; do
  sed -E -i "s#href=(\"?)/$file#href=\1${public_url}$file#" "$staging/index.html"
done

# 4. Unknown paths get 404.html: until scripts/prerender.mjs writes the rendered not-found
#    page there, the app itself (which then routes).
cp "$staging/index.html" "$staging/404.html"
