// The in-browser build check (public/transparency-check.js, issue #19): on the release
// build it must report "match" for every file the page loaded; on a copy of dist/ with one
// file changed it must name that file.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdtempSync, appendFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer } from "../../scripts/static-server.mjs";
import { launch, openPage } from "./browser.mjs";
import { BASE_PATH as BASE } from "./routes.mjs";

const dist = process.env.DIST_DIR ?? "dist";
const HAS_PAGE = existsSync(join(dist, "transparency", "index.html"));
let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

/**
 * Opens `path` on `origin`, waits for the app, mounts the check if the page has not (the
 * home page, when testing the module on its own), runs it and returns its verdict.
 */
async function runCheck(origin, path, { inject = false } = {}) {
  const { page, context } = await openPage(env);
  try {
    await page.goto(origin + BASE + path);
    await page.locator("#app[data-live] main h1").waitFor({ timeout: 15_000 });
    if (inject) {
      await page.evaluate(async (url) => {
        const div = document.createElement("div");
        div.dataset.widget = "transparency-check";
        document.querySelector("main").append(div);
        await import(url);
      }, `${BASE}/transparency-check.js`);
    }
    const button = page.getByRole("button", { name: "Check this page against the manifest" });
    await button.click({ timeout: 15_000 });
    const status = page.locator('[data-widget="transparency-check"] [role="status"]');
    await status.and(page.locator('[data-result="match"], [data-result="mismatch"], [data-result="error"]')).waitFor({ timeout: 30_000 });
    return { result: await status.getAttribute("data-result"), file: await status.getAttribute("data-file"), text: await status.textContent() };
  } finally {
    await context.close();
  }
}

test("the check reports a match on the release build", async () => {
  const r = await runCheck(env.origin, "/", { inject: true });
  assert.equal(r.result, "match", r.text);
  const checked = Number(/all (\d+) files/.exec(r.text)?.[1]);
  assert.ok(checked >= 4, `document, JS, wasm, CSS and the check itself at least: ${r.text}`);
});

test("the check names the first file that differs from the manifest", async () => {
  const copy = mkdtempSync(join(tmpdir(), "tampered dist "));
  cpSync(dist, copy, { recursive: true });
  appendFileSync(join(copy, "index.html"), "<!-- changed after the build -->\n");
  const server = await startServer(copy);
  try {
    const r = await runCheck(`http://127.0.0.1:${server.address().port}`, "/", { inject: true });
    assert.equal(r.result, "mismatch", r.text);
    assert.equal(r.file, "index.html", r.text);
  } finally {
    await new Promise((ok) => server.close(ok));
    rmSync(copy, { recursive: true, force: true });
  }
});

test("/transparency loads the check itself and it reports a match", { skip: !HAS_PAGE && "no /transparency page in this build" }, async () => {
  const r = await runCheck(env.origin, "/transparency");
  assert.equal(r.result, "match", r.text);
});
