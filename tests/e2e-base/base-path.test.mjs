// The site built for a sub-path (GitHub project pages): `BASE_PATH=/dstack-site`, served at
// /dstack-site/. scripts/test.sh builds it into dist-base/ and runs this file with
// DIST_DIR=dist-base and that build's routes.json (CARGO_TARGET_DIR=target/base-path), which
// names the base path it was built for.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage } from "../e2e/browser.mjs";
import { BASE_PATH as BASE, NOT_FOUND_H1, ROUTES } from "../e2e/routes.mjs";

const ARCHITECTURE = ROUTES.find((r) => r.path === "/architecture");
let env;
before(async () => {
  assert.ok(BASE, "run on a build with a base path (its routes.json names it)");
  env = await launch();
});
after(async () => {
  await env?.close();
});

const live = (page) => page.locator("#app[data-live] main h1").waitFor({ timeout: 15_000 });

test("every route is prerendered and served under the base path, with its URLs prefixed", async () => {
  for (const route of ROUTES) {
    const res = await fetch(`${env.origin}${BASE}${route.path === "/" ? "/" : route.path}`);
    assert.equal(res.status, 200, route.path);
    const html = await res.text();
    assert.ok(html.includes(`>${route.h1}<`), route.path);
    const canonical = /<link href="([^"]+)" rel="canonical"/.exec(html)[1];
    assert.ok(new URL(canonical).pathname.startsWith(BASE + "/"), canonical);
    for (const [, url] of html.matchAll(/<(?:link|script|img)\b[^>]*\b(?:href|src)="(\/[^"]*)"/g)) {
      assert.ok(url.startsWith(BASE + "/"), `${route.path}: ${url} is outside the base path`);
    }
  }
  const sitemap = await (await fetch(`${env.origin}${BASE}/sitemap.xml`)).text();
  for (const route of ROUTES) assert.ok(sitemap.includes(`${BASE}${route.path === "/" ? "/" : route.path}<`), route.path);
});

test("the app runs under the base path: navigation, the diagram's URL, reload, 404", async () => {
  const { page, context, problems } = await openPage(env);
  await page.goto(`${env.origin}${BASE}/`);
  await live(page);
  assert.equal(await page.locator("main h1").textContent(), ROUTES[0].h1);
  assert.ok(await page.locator('header img[src$="dstack-wordmark.svg"]').evaluate((img) => img.naturalWidth > 0));
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: ARCHITECTURE.nav, exact: true }).click();
  await page.waitForURL(`${env.origin}${BASE}/architecture`);
  assert.equal(await page.locator("main h1").textContent(), ARCHITECTURE.h1);
  await page.locator("[data-action=next]").click();
  await page.waitForURL(`${env.origin}${BASE}/architecture?flow=deploy&step=2`);
  await page.reload();
  await live(page);
  assert.match(await page.locator(".diagram-caption").textContent(), /^Step 2 of/);
  await page.getByRole("link", { name: "dstack home" }).click();
  await page.waitForURL(`${env.origin}${BASE}/`);
  assert.deepEqual(problems, []);
  await page.goto(`${env.origin}${BASE}/no-such-page`);
  await live(page);
  assert.equal(await page.locator("main h1").textContent(), NOT_FOUND_H1);
  await context.close();
});

test("with SITE_REPO set, every page links to the file its words live in", async () => {
  const repo = process.env.SITE_REPO;
  assert.ok(repo, "run with SITE_REPO set (scripts/test.sh does)");
  const { page, context, problems } = await openPage(env);
  for (const [path, file] of [
    ["/getting-started", "src/sections/getting_started/words.rs"],
    ["/blog", "content/blog"],
    ["/security", "content/pages/security.md"],
    ["/tutorials/kms", "content/tutorials/kms.md"],
  ]) {
    await page.goto(`${env.origin}${BASE}${path}`);
    await live(page);
    const edit = page.getByRole("link", { name: "Edit this page" });
    assert.equal(await edit.getAttribute("href"), `${repo}/edit/main/${file}`, path);
    const report = page.getByRole("link", { name: "Report a mistake" });
    assert.equal(await report.getAttribute("href"), `${repo}/issues/new?title=Mistake%20on%20${path}`, path);
  }
  assert.deepEqual(problems, []);
  await context.close();
});
