// The prose pages (/security, /community, /transparency) on the release build: rendered
// from their build-time fragments, prerendered for visitors without JavaScript, linked
// from the footer, and linking the repository files a security engineer looks for.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, visit } from "./browser.mjs";
import { ROUTES } from "./routes.mjs";

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

const REPO = "https://github.com/Dstack-TEE/dstack/blob/next/";

async function hrefs(page) {
  return page.locator("#app[data-live] main a[href]").evaluateAll((as) => as.map((a) => a.href));
}

describe("prose pages", () => {
  test("/security links the vulnerability policy, the audit and the security docs", async () => {
    const { page, context, problems } = await openPage(env);
    await visit(env, page, "/security");
    const links = await hrefs(page);
    for (const file of ["SECURITY.md", "docs/security/dstack-audit.pdf", "docs/security/security-best-practices.md"]) {
      assert.ok(links.includes(REPO + file), `links ${file}`);
    }
    for (const path of ["/verify", "/transparency"]) {
      assert.ok(links.some((h) => new URL(h).pathname === path), `links ${path}`);
    }
    const text = await page.locator("main").innerText();
    assert.doesNotMatch(text, /even with physical access/i);
    assert.match(text, /Sources/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("/community links contributing, conduct and the charter, with live figures", async () => {
    const { page, context, problems } = await openPage(env);
    await visit(env, page, "/community");
    const links = await hrefs(page);
    for (const file of ["CONTRIBUTING.md", "CODE_OF_CONDUCT.md", "dstack_Technical_Charter_Final_10-17-2025.pdf"]) {
      assert.ok(links.includes(REPO + file), `links ${file}`);
    }
    // The figures widget is mounted into the page body from the (intercepted) API.
    const widget = page.locator("#app[data-live] [data-widget=github-figures]");
    await page.locator("#app[data-live] [data-widget=github-figures] [aria-label*='1,234']").first().waitFor({ timeout: 15_000 });
    assert.match(await widget.innerText(), /1\.2k|1,234/, "the fixture's star count");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("every prose page is in the footer and prerendered with its words", async () => {
    const { page, context } = await openPage(env);
    await visit(env, page, "/");
    const footer = page.getByRole("contentinfo");
    for (const path of ["/security", "/community", "/transparency"]) {
      const route = ROUTES.find((r) => r.path === path);
      assert.ok(route, `${path} is a route`);
      assert.equal(await footer.locator(`a[href="${path}"]`).count(), 1, `${path} in the footer`);
      const html = await (await fetch(env.origin + path)).text();
      assert.ok(html.includes(`>${route.h1}<`), `${path} prerendered h1`);
      assert.match(html, /data-static="[^"]*page-content\/[a-z-]+\.html" data-state="ready"/, `${path} body prerendered`);
    }
    await context.close();
  });

  test("a body that cannot load says so calmly, the page stays", async () => {
    const { page, context } = await openPage(env);
    await context.route("**/page-content/**", (route) => route.fulfill({ status: 503, body: "" }));
    await visit(env, page, "/");
    await page.getByRole("contentinfo").getByRole("link", { name: "Security" }).click();
    const alert = page.locator("main [role=alert]");
    await alert.waitFor();
    assert.match(await alert.innerText(), /could not load/);
    assert.equal(await page.locator("main h1").count(), 1);
    await context.close();
  });
});
