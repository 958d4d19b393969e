// scripts/harden.mjs and the other build steps as scripts (issue #19): a checkout whose path
// has a space once made them skip their work silently (the "is this the main module" check
// compared a %20 URL with a plain path), and an unexpected loader shape was skipped too.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
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

// trunk 0.22's minified loader: no spaces, template literals for the wasm URL.
const TRUNK_MINIFIED =
  "<head><meta charset=utf-8><link crossorigin href=/app-0123456789abcdef.js integrity=sha384-js rel=modulepreload>" +
  "<link as=fetch crossorigin href=/app-0123456789abcdef_bg.wasm integrity=sha384-wasm rel=preload type=application/wasm>" +
  '<script type=module>import init,*as bindings from"/app-0123456789abcdef.js";const wasm=await init({module_or_path:`/app-0123456789abcdef_bg.wasm`});' +
  "window.wasmBindings=bindings,dispatchEvent(new CustomEvent(`TrunkApplicationStarted`,{detail:{wasm}}));</script></head>";

test("deferLoader rewrites trunk's minified loader too, keeping both integrities", () => {
  const out = deferLoader(TRUNK_MINIFIED);
  assert.match(out, /"integrity":\{"\/app-0123456789abcdef\.js":"sha384-js"\}/);
  assert.match(out, /fetch\("\/app-0123456789abcdef_bg\.wasm",\{integrity:"sha384-wasm"\}\)/);
});

test("deferLoader throws on a page it does not recognise instead of skipping it", () => {
  assert.throws(() => deferLoader("<head><meta charset=utf-8></head><body>no app</body>"), /unexpected trunk loader/);
  const noIntegrity = TRUNK_PAGE.replace(" integrity=sha384-wasm", "");
  assert.throws(() => deferLoader(noIntegrity), /the wasm's integrity/);
  const noJsIntegrity = TRUNK_PAGE.replace(" integrity=sha384-js", "");
  assert.throws(() => deferLoader(noJsIntegrity), /the JS glue's integrity/);
  const noLoader = TRUNK_PAGE.replace(/<script type=module>[\s\S]*<\/script>/, "");
  assert.throws(() => deferLoader(noLoader), /trunk's inline loader/);
  // A loader that starts other files than the links pin: rewriting it would drop them.
  const otherJs = TRUNK_PAGE.replace('from "/app-0123456789abcdef.js"', 'from "/other.js"');
  assert.throws(() => deferLoader(otherJs), /import of the linked JS glue/);
  const otherWasm = TRUNK_MINIFIED.replace("`/app-0123456789abcdef_bg.wasm`", "`/other_bg.wasm`");
  assert.throws(() => deferLoader(otherWasm), /use of the linked wasm/);
  const twoLoaders = TRUNK_PAGE.replace("</head>", /<script type=module>[\s\S]*<\/script>/.exec(TRUNK_PAGE)[0] + "</head>");
  assert.throws(() => deferLoader(twoLoaders), /single loader/);
  // A rewritten page that gained trunk's loader again is not "already done".
  const rewrittenTwice = deferLoader(TRUNK_PAGE).replace("</head>", /<script type=module>[\s\S]*<\/script>/.exec(TRUNK_PAGE)[0] + "</head>");
  assert.throws(() => deferLoader(rewrittenTwice), /rewritten page with another loader/);
});

test("isMainModule compares real paths: true when run (through a space or a symlink), false when imported", () => {
  const root = mkdtempSync(join(tmpdir(), "main module "));
  try {
    const helper = pathToFileURL(join(process.cwd(), "scripts", "main-module.mjs")).href;
    const script = join(root, "script.mjs");
    writeFileSync(script, `import { isMainModule } from ${JSON.stringify(helper)};\nconsole.log(String(isMainModule(import.meta.url)));\n`);
    writeFileSync(join(root, "importer.mjs"), 'import "./script.mjs";\n');
    symlinkSync(script, join(root, "link.mjs"));
    const run = (file) => execFileSync("node", [join(root, file)], { encoding: "utf8" }).trim();
    assert.equal(run("script.mjs"), "true");
    assert.equal(run("link.mjs"), "true");
    assert.equal(run("importer.mjs"), "false");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
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
