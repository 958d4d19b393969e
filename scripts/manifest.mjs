// The build manifest: what a visitor or a rebuild compares the published site against.
//
//   node scripts/manifest.mjs stamp DIST      put the commit into the pages' placeholders
//   node scripts/manifest.mjs write DIST      write DIST/.well-known/dstack-site-manifest.json
//   node scripts/manifest.mjs toolchain       print the tool versions the build used
//   node scripts/manifest.mjs check DIST      recompute every hash against DIST's manifest
//   node scripts/manifest.mjs compare A B     A, B: a dist dir, a manifest file or an URL;
//                                             prints each differing file, exit 1 if any
//   node scripts/manifest.mjs inputs REF      commit= and NAME=value lines to rebuild REF
//
// The manifest (format "dstack-site-manifest/1") holds the commit, the build inputs that
// change the output (SITE_ORIGIN, BASE_PATH, …), the tool versions, and the SHA-256 and size
// of every file in dist/ except itself, sorted by path. Its `digest` is the SHA-256 of the
// manifest without the `digest` member, serialized as compact JSON with the members in the
// file's order — `JSON.stringify(body)` in JavaScript, `jq -cj 'del(.digest)' | sha256sum`
// in a shell. It is written last, over the final files (prerendered, hardened), so every
// published byte is covered; the /transparency page shows the commit (known before the
// build, stamped into the page) and reads the digest from the manifest in the browser, so
// no file has to contain the digest of a tree it is part of.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isMainModule } from "./main-module.mjs";

/** Where the manifest is published, relative to the site root (RFC 8615 well-known path). */
export const MANIFEST_PATH = ".well-known/dstack-site-manifest.json";
export const FORMAT = "dstack-site-manifest/1";
/**
 * Placeholders the pages' Markdown bodies may use (content/pages/*.md); `stamp` fills them
 * in before the prerender: the commit being built, the manifest's absolute URL (origin and
 * base path of this build), and the repository (SITE_REPO; without it a visible stand-in,
 * never a guessed URL). Not in link targets: Markdown percent-encodes the braces there.
 */
export const PLACEHOLDERS = {
  commit: "{{manifest:commit}}",
  url: "{{manifest:url}}",
  repository: "{{manifest:repository}}",
};
/** Environment variables that change the built bytes; a rebuild must set them the same way. */
export const BUILD_INPUTS = ["SITE_ORIGIN", "BASE_PATH", "SITE_REPO", "ANALYTICS_ENDPOINT", "ANALYTICS_DOMAIN"];

const escapeHtml = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const sha256hex = (bytes) => createHash("sha256").update(bytes).digest("hex");

/** Every file under `dir` as a `/`-separated relative path, in code-unit order. */
export function listFiles(dir, prefix = "") {
  return readdirSync(join(dir, prefix))
    .sort()
    .flatMap((name) => {
      const rel = prefix ? `${prefix}/${name}` : name;
      return statSync(join(dir, rel)).isDirectory() ? listFiles(dir, rel) : [rel];
    })
    .sort();
}

/** The `files` list: path, size and SHA-256 of every file but the manifest itself. */
export function hashFiles(dist) {
  return listFiles(dist)
    .filter((path) => path !== MANIFEST_PATH)
    .map((path) => {
      const bytes = readFileSync(join(dist, path));
      return { path, size: bytes.length, sha256: sha256hex(bytes) };
    });
}

/** `sha256:<hex>` of the manifest without its `digest` member (see the header). */
export function manifestDigest(manifest) {
  const { digest: _, ...body } = manifest;
  return `sha256:${sha256hex(JSON.stringify(body))}`;
}

const run = (cmd, args) => {
  try {
    return execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
};

/** The versions of the tools whose output lands in dist/ (null: not found). */
export function toolchain() {
  let playwright = null;
  try {
    playwright = JSON.parse(readFileSync("node_modules/playwright-core/package.json", "utf8")).version;
  } catch {
    // not installed
  }
  // "Chromium 1.2.3 built on Debian …": the OS part names the machine, not the renderer.
  const chromium = run(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", ["--version"])?.replace(/ built on .*$/, "");
  return {
    rustc: run("rustc", ["-V"]),
    cargo: run("cargo", ["-V"]),
    trunk: run("trunk", ["--version"]),
    "wasm-bindgen": run("wasm-bindgen", ["--version"]),
    "wasm-opt": run("wasm-opt", ["--version"]),
    node: process.version,
    "playwright-core": playwright,
    chromium,
  };
}

/** The commit being built, and whether the work tree differs from it (tracked or new files). */
export function source() {
  const commit = process.env.DSTACK_COMMIT ?? run("git", ["rev-parse", "HEAD"]);
  const status = run("git", ["status", "--porcelain"]);
  const epoch = process.env.SOURCE_DATE_EPOCH ?? run("git", ["log", "-1", "--format=%ct"]);
  return { commit: commit ?? "unknown", dirty: status === null ? null : status !== "", source_date_epoch: epoch ? Number(epoch) : null };
}

/** Builds the manifest for `dist` (call it after every other step has written its files). */
export function buildManifest(dist, { src = source(), tools = toolchain(), env = process.env } = {}) {
  const inputs = Object.fromEntries(BUILD_INPUTS.map((name) => [name, env[name] ?? null]));
  const body = { format: FORMAT, ...src, build_inputs: inputs, toolchain: tools, excluded: [MANIFEST_PATH], files: hashFiles(dist) };
  return { ...body, digest: manifestDigest(body) };
}

export function writeManifest(dist, options) {
  const manifest = buildManifest(dist, options);
  mkdirSync(join(dist, ".well-known"), { recursive: true });
  writeFileSync(join(dist, MANIFEST_PATH), JSON.stringify(manifest, null, 1) + "\n");
  return manifest;
}

/**
 * Replaces the placeholders in every HTML file of `dist` (the page fragments the app
 * fetches and the shell the prerender starts from), before the prerender reads them.
 * Returns how many files changed.
 */
export function stamp(dist, { commit = source().commit, env = process.env } = {}) {
  // The origin as build.rs wrote it into the sitemap (SITE_ORIGIN or its default).
  const loc = /<loc>([^<]+)<\/loc>/.exec(readFileSync(join(dist, "sitemap.xml"), "utf8"))?.[1];
  if (!loc) throw new Error("stamp: no <loc> in sitemap.xml");
  const values = {
    commit,
    url: `${new URL(loc).origin}${env.BASE_PATH ?? ""}/${MANIFEST_PATH}`,
    repository: env.SITE_REPO || "<repository URL>",
  };
  let changed = 0;
  for (const path of listFiles(dist).filter((p) => p.endsWith(".html"))) {
    const text = readFileSync(join(dist, path), "utf8");
    let out = text;
    for (const [key, placeholder] of Object.entries(PLACEHOLDERS)) out = out.replaceAll(placeholder, escapeHtml(values[key]));
    if (out !== text) {
      writeFileSync(join(dist, path), out);
      changed++;
    }
  }
  return changed;
}

/**
 * A manifest from a dist dir, a manifest file, or an http(s) URL. For a directory the files
 * are hashed afresh (the bytes on disk are what is compared, even if someone changed them
 * after the build); its own manifest, if any, gives the commit and the build inputs.
 */
export async function loadManifest(from) {
  if (/^https?:\/\//.test(from)) {
    const res = await fetch(from, { cache: "no-store" });
    if (!res.ok) throw new Error(`${from}: HTTP ${res.status}`);
    return res.json();
  }
  if (statSync(from).isDirectory()) {
    const file = join(from, MANIFEST_PATH);
    const own = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
    return { ...own, files: hashFiles(from) };
  }
  return JSON.parse(readFileSync(from, "utf8"));
}

/**
 * What differs between two manifests: `files` (each path whose hash differs or that only
 * one side has, sorted) and `notes` (commit, build inputs, tool versions: they explain a
 * difference but are not one).
 */
export function compareManifests(a, b) {
  const files = [];
  const left = new Map((a.files ?? []).map((f) => [f.path, f]));
  const right = new Map((b.files ?? []).map((f) => [f.path, f]));
  for (const path of [...new Set([...left.keys(), ...right.keys()])].sort()) {
    const [x, y] = [left.get(path), right.get(path)];
    if (!y) files.push({ path, why: "only in the first" });
    else if (!x) files.push({ path, why: "only in the second" });
    else if (x.sha256 !== y.sha256) files.push({ path, why: `differs (${x.size} B vs ${y.size} B)` });
  }
  const notes = [];
  const note = (key, x, y) => {
    if (x !== undefined && y !== undefined && JSON.stringify(x) !== JSON.stringify(y)) {
      notes.push(`${key}: ${JSON.stringify(x)} vs ${JSON.stringify(y)}`);
    }
  };
  note("commit", a.commit, b.commit);
  for (const group of ["build_inputs", "toolchain"]) {
    for (const key of Object.keys({ ...a[group], ...b[group] })) note(`${group}.${key}`, a[group]?.[key], b[group]?.[key]);
  }
  return { files, notes };
}

/** Recomputes `dist`'s files against its own manifest, and the manifest's digest. */
export function checkDist(dist) {
  const manifest = JSON.parse(readFileSync(join(dist, MANIFEST_PATH), "utf8"));
  const problems = compareManifests(manifest, { files: hashFiles(dist) }).files.map((f) => `${f.path}: ${f.why}`);
  if (manifestDigest(manifest) !== manifest.digest) problems.unshift(`digest: ${manifest.digest} but the body hashes to ${manifestDigest(manifest)}`);
  return { manifest, problems };
}

if (isMainModule(import.meta.url)) {
  const [command, a, b] = process.argv.slice(2);
  if (command === "stamp") {
    console.log(`stamped commit ${source().commit} into ${stamp(a)} HTML file(s)`);
  } else if (command === "write") {
    const m = writeManifest(a);
    console.log(`wrote ${MANIFEST_PATH}: ${m.files.length} files, commit ${m.commit}${m.dirty ? " (work tree not clean)" : ""}`);
    console.log(`manifest digest: ${m.digest}`);
  } else if (command === "inputs") {
    // For scripts/verify-dist.sh: the commit and the build inputs a rebuild must use.
    const m = await loadManifest(a);
    if (m.commit) console.log(`commit=${m.commit}`);
    for (const [name, value] of Object.entries(m.build_inputs ?? {})) if (value !== null) console.log(`${name}=${value}`);
    if (m.dirty) console.error("note: the reference was built from a work tree with uncommitted changes");
  } else if (command === "toolchain") {
    for (const [tool, version] of Object.entries(toolchain())) console.log(`  ${tool.padEnd(16)}${version ?? "(not found)"}`);
  } else if (command === "check") {
    const { manifest, problems } = checkDist(a);
    for (const p of problems) console.log(p);
    console.log(problems.length ? `${problems.length} problem(s)` : `all ${manifest.files.length} files match; ${manifest.digest}`);
    process.exitCode = problems.length ? 1 : 0;
  } else if (command === "compare") {
    const { files, notes } = compareManifests(await loadManifest(a), await loadManifest(b));
    for (const n of notes) console.log(`note  ${n}`);
    for (const f of files) console.log(`DIFF  ${f.path}: ${f.why}`);
    console.log(files.length ? `${files.length} file(s) differ` : "no file differs");
    process.exitCode = files.length ? 1 : 0;
  } else {
    console.error("usage: node scripts/manifest.mjs stamp|write|check DIST | toolchain | compare A B | inputs REF");
    process.exitCode = 2;
  }
}
