// Shared fixture for the e2e tests: one static server over dist/ and Debian's Chromium
// driven by playwright-core. Every request that leaves 127.0.0.1 is blocked and
// recorded, so a test can never reach the internet and can assert that none was tried.
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/static-server.mjs";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launch() {
  const server = await startServer(process.env.DIST_DIR ?? "dist");
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-gpu",
      "--disable-sync",
    ],
  });
  return {
    origin,
    browser,
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/** A fresh page that records console errors, page errors and blocked external requests. */
export async function openPage(env, { width = 1280, height = 800 } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1") return route.continue();
    problems.push(`external request blocked: ${url.href}`);
    return route.abort("blockedbyclient");
  });
  return { page, context, problems };
}

/** Loads `path` and waits until the app has rendered its h1 (a blank page fails here). */
export async function visit(env, page, path) {
  await page.goto(env.origin + path);
  await page.locator("main h1").waitFor({ state: "visible", timeout: 15_000 });
}
