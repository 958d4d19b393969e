// The build manifest (scripts/manifest.mjs, issue #19): written last by `make dist`, it
// must list every file of dist/ with its real SHA-256, carry a digest that anyone can
// recompute, and be served as JSON that is never cached for long.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { MANIFEST_PATH, compareManifests, listFiles, manifestDigest } from "../../scripts/manifest.mjs";

const dist = process.env.DIST_DIR ?? "dist";
const manifest = JSON.parse(readFileSync(join(dist, MANIFEST_PATH), "utf8"));

test("the manifest is valid JSON with the commit, the build inputs and the tool versions", () => {
  assert.equal(manifest.format, "dstack-site-manifest/1");
  assert.match(manifest.commit, /^[0-9a-f]{40}$/);
  assert.equal(typeof manifest.source_date_epoch, "number");
  assert.ok("SITE_ORIGIN" in manifest.build_inputs && "BASE_PATH" in manifest.build_inputs);
  for (const tool of ["rustc", "cargo", "trunk", "wasm-bindgen", "wasm-opt", "node", "chromium"]) {
    assert.ok(manifest.toolchain[tool], `${tool} version recorded`);
  }
  assert.deepEqual(manifest.excluded, [MANIFEST_PATH]);
});

test("every file in dist/ is listed once, sorted, with its real size and SHA-256", () => {
  const paths = manifest.files.map((f) => f.path);
  assert.deepEqual(paths, [...paths].sort(), "sorted by path");
  assert.deepEqual(paths, listFiles(dist).filter((p) => p !== MANIFEST_PATH), "every file but the manifest");
  for (const f of manifest.files) {
    const bytes = readFileSync(join(dist, f.path));
    assert.equal(f.size, bytes.length, f.path);
    assert.equal(f.sha256, createHash("sha256").update(bytes).digest("hex"), f.path);
  }
});

test("the digest is the SHA-256 of the manifest without it, as documented (JS and jq)", () => {
  const { digest, ...body } = manifest;
  const expected = `sha256:${createHash("sha256").update(JSON.stringify(body)).digest("hex")}`;
  assert.equal(digest, expected);
  assert.equal(manifestDigest(manifest), expected);
  // The shell recipe the page and the header of scripts/manifest.mjs give.
  let jq;
  try {
    jq = execFileSync("sh", ["-c", `jq -cj 'del(.digest)' "$0" | sha256sum`, join(dist, MANIFEST_PATH)], { encoding: "utf8" });
  } catch {
    return; // no jq on this machine
  }
  assert.equal(`sha256:${jq.split(" ")[0]}`, expected);
});

test("no placeholder is left unstamped in the published files", () => {
  for (const path of listFiles(dist)) {
    if (!/\.(html|md|txt|json|xml|js)$/.test(path)) continue;
    assert.doesNotMatch(readFileSync(join(dist, path), "utf8"), /\{\{manifest:/, path);
  }
});

test("hosts serve the manifest as JSON, revalidated, readable from other origins", () => {
  const headers = readFileSync(join(dist, "_headers"), "utf8");
  const block = headers.split(`/${MANIFEST_PATH}\n`)[1]?.split(/\n(?=\S)/)[0] ?? "";
  assert.match(block, /Content-Type: application\/json/);
  assert.match(block, /Cache-Control: no-cache/);
  assert.doesNotMatch(block, /immutable/);
  const vercel = JSON.parse(readFileSync(join(dist, "vercel.json"), "utf8"));
  const rule = vercel.headers.find((h) => h.source === `/${MANIFEST_PATH}`);
  assert.ok(rule, "vercel.json has a rule for the manifest");
  assert.ok(rule.headers.some((h) => h.key === "Cache-Control" && h.value === "no-cache"));
});

test("compareManifests names each differing or missing file and explains with the metadata", () => {
  const a = { commit: "a", toolchain: { rustc: "1" }, files: [
    { path: "a.js", size: 1, sha256: "00" }, { path: "b.css", size: 1, sha256: "11" }, { path: "c", size: 1, sha256: "22" }] };
  const b = { commit: "a", toolchain: { rustc: "2" }, files: [
    { path: "a.js", size: 1, sha256: "00" }, { path: "b.css", size: 2, sha256: "33" }, { path: "d", size: 1, sha256: "44" }] };
  const { files, notes } = compareManifests(a, b);
  assert.deepEqual(files.map((f) => f.path), ["b.css", "c", "d"]);
  assert.deepEqual(notes, ['toolchain.rustc: "1" vs "2"']);
});
