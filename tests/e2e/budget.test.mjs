// Byte budget for the release bundle: deterministic for a given build, so it is
// asserted; the sizes are printed every run so growth is visible in the log.
import { test } from "node:test";
import assert from "node:assert/strict";
import { bundleSizes, formatSizes } from "../../scripts/sizes.mjs";

const WASM_BROTLI_BUDGET = 180 * 1000;

test(`release wasm is at most ${WASM_BROTLI_BUDGET / 1000} KB brotli`, async () => {
  const files = await bundleSizes(process.env.DIST_DIR ?? "dist");
  console.log(formatSizes(files));
  const wasm = files.filter((f) => f.name.endsWith(".wasm"));
  assert.equal(wasm.length, 1, "exactly one wasm file in dist/");
  assert.match(wasm[0].name, /-[0-9a-f]{8,}_bg\.wasm$/, "wasm file name carries a content hash");
  assert.ok(
    wasm[0].brotli <= WASM_BROTLI_BUDGET,
    `wasm is ${wasm[0].brotli} B brotli, budget ${WASM_BROTLI_BUDGET} B`,
  );
});

test("the built index.html references the hashed wasm, JS and CSS it needs", async () => {
  const { readFile } = await import("node:fs/promises");
  const html = await readFile(`${process.env.DIST_DIR ?? "dist"}/index.html`, "utf8");
  assert.match(html, /_bg\.wasm/);
  assert.match(html, /components-[0-9a-f]{16}\.css/);
  assert.doesNotMatch(html, /__COMPONENT_CSS__/);
});
