// Published text must not point at the build machine (issue #15): the prerender serves the
// site on http://127.0.0.1:<random port>, and its links once leaked into the per-page
// Markdown and llms-full.txt. The allow-list: a loopback URL may appear in dist/ only as
// text whose origin (scheme, host, port) a person wrote into the site's sources (src/,
// content/): those are documented commands and addresses on the reader's own machine, such
// as a local VMM's web UI. The build's own server is in no source file, so its random port
// never passes. And a loopback URL is never a link: not an href/src, not a Markdown link
// target, not one of llms-full.txt's page markers.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { listFiles } from "../../scripts/manifest.mjs";
import { SITE_ORIGIN, siteUrl } from "./routes.mjs";

const dist = process.env.DIST_DIR ?? "dist";
const LOOPBACK = /https?:\/\/(?:127(?:\.\d{1,3}){3}|localhost|\[::1\]|0\.0\.0\.0)(?::\d+)?/g;
const LINK = /(?:\b(?:href|src|content)=["']?|\]\(|<!-- |<loc>|"u":")(https?:\/\/(?:127\.|localhost|\[::1\]|0\.0\.0\.0)[^\s"'<>)]*)/g;

/** Every loopback origin written in the sources, e.g. http://127.0.0.1:9080. */
function sourceOrigins(dir) {
  const found = new Set();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) for (const o of sourceOrigins(path)) found.add(o);
    else if (/\.(rs|md)$/.test(name)) for (const o of readFileSync(path, "utf8").match(LOOPBACK) ?? []) found.add(o);
  }
  return found;
}
const documented = new Set([...sourceOrigins("src"), ...sourceOrigins("content")]);

test("no loopback URL is published except the documented ones, and none as a link", () => {
  const bad = [];
  for (const path of listFiles(dist)) {
    const text = readFileSync(join(dist, path)).toString("latin1"); // bytes as-is (the wasm too)
    for (const origin of new Set(text.match(LOOPBACK) ?? [])) {
      if (!documented.has(origin)) bad.push(`${path}: ${origin} (in no source file: the build machine?)`);
    }
    for (const m of text.matchAll(LINK)) bad.push(`${path}: link to ${m[1]}`);
  }
  assert.deepEqual(bad, [], `loopback URLs in dist/:\n${bad.join("\n")}`);
});

test("the Markdown copies and llms-full.txt link to the site's origin", () => {
  const full = readFileSync(join(dist, "llms-full.txt"), "utf8");
  assert.ok(full.includes(`<!-- ${siteUrl("/")} -->`), "page markers name the site");
  const own = [...full.matchAll(/\]\((https?:\/\/[^/)]+)/g)].filter((m) => m[1] === SITE_ORIGIN);
  assert.ok(own.length > 0, "internal links are absolute URLs on the site's origin");
});
