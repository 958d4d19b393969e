// scripts/harden.mjs and the other build steps as scripts (issue #19): a checkout whose path
// has a space once made them skip their work silently (the "is this the main module" check
// compared a %20 URL with a plain path), and an unexpected loader shape was skipped too.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deferLoader } from "../../scripts/harden.mjs";

const dist = process.env.DIST_DIR ?? "dist";

// trunk's output, minified the way it writes it (attribute quotes dropped where it can).
const TRUNK_PAGE =
  '<head><meta charset=utf-8><link rel=modulepreload href=/app-0123456789abcdef.js crossorigin=anonymous integrity=sha384-js>' +
  '<link rel=preload href=/app-0123456789abcdef_bg.wasm crossorigin=anonymous integrity=sha384-wasm as=fetch type=application/wasm>' +
  '<script type=module>import init, * as bindings from "/app-0123456789abcdef.js";const wasm = await init({ module_or_path: "/app-0123456789abcdef_bg.wasm" });' +
  'window.wasmBindings = bindings;dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));</script></head>';

test("deferLoader rewrites trunk's loader once and leaves a rewritten page alone", () => {
  const once = deferLoader(TRUNK_PAGE);
  assert.match(once, /<script type="importmap">/);
  assert.doesNotMatch(once, /modulepreload|rel=preload/);
  assert.equal(deferLoader(once), once, "idempotent");
});

test("deferLoader throws on a page it does not recognise instead of skipping it", () => {
  assert.throws(() => deferLoader("<head><meta charset=utf-8></head><body>no app</body>"), /unexpected trunk loader/);
  const noIntegrity = TRUNK_PAGE.replace(" integrity=sha384-wasm", "");
  assert.throws(() => deferLoader(noIntegrity), /the wasm's integrity/);
});

test("the build scripts run from a path with a space (hardening and manifest are not skipped)", () => {
  const root = mkdtempSync(join(tmpdir(), "a path with space "));
  try {
    cpSync("scripts", join(root, "scripts"), { recursive: true });
    cpSync(dist, join(root, "dist"), { recursive: true });
    const run = (...args) => execFileSync("node", args, { cwd: root, encoding: "utf8", env: { ...process.env, DSTACK_COMMIT: "0".repeat(40) } });
    assert.match(run(join(root, "scripts", "harden.mjs"), join(root, "dist")), /^hardened \d+ HTML files/m);
    assert.match(run(join(root, "scripts", "manifest.mjs"), "write", join(root, "dist")), /^manifest digest: sha256:[0-9a-f]{64}$/m);
    const manifest = JSON.parse(readFileSync(join(root, "dist", ".well-known", "dstack-site-manifest.json"), "utf8"));
    assert.equal(manifest.commit, "0".repeat(40));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
