// Shared fixture for the e2e tests: one static server over dist/ and Debian's Chromium
// driven by playwright-core. Every request that leaves 127.0.0.1 is blocked and
// recorded, so a test can never reach the internet and can assert that none was tried.
import { chromium } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { startServer } from "../../scripts/static-server.mjs";
import { BASE_PATH } from "./routes.mjs";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** The WCAG rule sets axe checks (2.0, 2.1, 2.2; A and AA). */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

export async function launch() {
  // Served under the base path the build was made for (its routes.json names it).
  const server = await startServer(process.env.DIST_DIR ?? "dist", 0, { basePath: BASE_PATH });
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

// The GitHub API as the tests see it (also served by `make bench`, scripts/bench.mjs).
import { GITHUB_FIXTURE, GITHUB_HEADERS } from "./github-fixture.mjs";
export { GITHUB_FIXTURE, GITHUB_HEADERS };

/**
 * The build-time snapshot (`/github-snapshot.json`) as the tests see it: empty unless a test
 * provides its own. The committed file is refreshed by the deploy workflow just before the
 * tests run, so a test that relied on it would pass or fail with GitHub's figures of the day.
 */
export const EMPTY_SNAPSHOT = { taken_on: null, repos: {} };

function serveGithubFixture(route) {
  const path = new URL(route.request().url()).pathname;
  const body = GITHUB_FIXTURE[path];
  return route.fulfill(
    body
      ? { status: 200, headers: GITHUB_HEADERS, body: JSON.stringify(body) }
      : { status: 404, headers: GITHUB_HEADERS, body: '{"message":"Not Found"}' },
  );
}

/**
 * A fresh page that records console errors, page errors and blocked external requests.
 * Requests to api.github.com are answered by `github` (default: the healthy fixture) and
 * logged in `githubRequests`; every other request off 127.0.0.1 is blocked. The site's
 * `github-snapshot.json` is answered with `snapshot` (default: empty), never the built file.
 */
export async function openPage(
  env,
  {
    width = 1280,
    height = 800,
    github = serveGithubFixture,
    snapshot = EMPTY_SNAPSHOT,
    reducedMotion = "no-preference",
    locale,
  } = {},
) {
  const context = await env.browser.newContext({ viewport: { width, height }, reducedMotion, locale });
  const page = await context.newPage();
  const problems = [];
  const pageErrors = [];
  const githubRequests = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
  });
  page.on("pageerror", (err) => {
    problems.push(`page error: ${err.message}`);
    pageErrors.push(err.message);
  });
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1") return route.continue();
    problems.push(`external request blocked: ${url.href}`);
    return route.abort("blockedbyclient");
  });
  await context.route("https://api.github.com/**", (route) => {
    githubRequests.push(new URL(route.request().url()).pathname);
    return github(route);
  });
  await context.route("**/github-snapshot.json", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(snapshot) }),
  );
  return { page, context, problems, pageErrors, githubRequests };
}

/**
 * Loads `path` and waits until the live app (not just the prerendered page) shows its h1:
 * a blank page, or an app that never takes over, fails here.
 */
export async function visit(env, page, path) {
  await page.goto(env.origin + path);
  await page.locator("#app[data-live] main h1").waitFor({ state: "visible", timeout: 15_000 });
}

/**
 * Resolves once the page has drawn `n` more frames (and run a task after the last), so the
 * layout-shift and paint entries of those frames have been delivered: waits on the page's
 * own rendering, not on the clock.
 */
export function frames(page, n = 10) {
  return page.evaluate(
    (n) =>
      new Promise((done) => {
        let left = n;
        const tick = () => (--left > 0 ? requestAnimationFrame(tick) : setTimeout(done));
        requestAnimationFrame(tick);
      }),
    n,
  );
}

/**
 * Holds answers back until the test says so: `hold(handler)` is a route handler that waits
 * for `release()` before calling `handler`. For "figures that arrive late" without a timer.
 */
export function gate() {
  let release;
  const released = new Promise((ok) => (release = ok));
  return {
    release,
    hold: (handler) => async (route) => {
      await released;
      return handler(route);
    },
  };
}

/**
 * axe's violations of the WCAG rules (or of `rules` only) on the page as it stands, one
 * readable line each: rule, impact, first offending nodes.
 */
export async function axeViolations(page, { rules } = {}) {
  const builder = new AxeBuilder({ page });
  const { violations } = await (rules ? builder.withRules(rules) : builder.withTags(AXE_TAGS)).analyze();
  return violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`,
  );
}
