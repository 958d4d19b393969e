// End-to-end tests of search, the theme choice and the machine-readable text, on the
// release build.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { axeViolations, launch, openPage, visit } from "./browser.mjs";
import { POST_PATHS, ROUTES, siteUrl } from "./routes.mjs";


let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

const dialogOpen = (page) => page.evaluate(() => document.querySelector(".search-dialog")?.open ?? false);
const focusedId = (page) => page.evaluate(() => document.activeElement?.id ?? "");

describe("search", () => {
  test("each shortcut and the header button open it; the index loads only then", async () => {
    const { page, context, problems } = await openPage(env);
    const indexRequests = [];
    page.on("request", (r) => r.url().endsWith("/search-index.json") && indexRequests.push(r.url()));
    await visit(env, page, "/");
    assert.equal(indexRequests.length, 0, "not part of the first load");
    for (const open of [
      () => page.keyboard.press("/"),
      () => page.keyboard.press("Control+k"),
      () => page.keyboard.press("Meta+k"),
      () => page.getByRole("button", { name: "Search" }).click(),
    ]) {
      await page.locator("main h1").click(); // focus back on the page, dialog closed
      await open();
      assert.equal(await dialogOpen(page), true);
      assert.equal(await focusedId(page), "site-search");
      await page.keyboard.press("Escape");
      assert.equal(await dialogOpen(page), false);
    }
    assert.equal(indexRequests.length, 1, "fetched once, on first open");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a word from an example's description finds it; Enter goes there", async () => {
    const { page, context, problems } = await openPage(env);
    await visit(env, page, "/");
    await page.keyboard.press("/");
    await page.locator("#site-search").fill("Helios");
    const status = page.locator(".search-status");
    await status.filter({ hasText: /results?$/ }).waitFor();
    const first = page.locator("#search-option-0");
    assert.match(await first.textContent(), /Helios/);
    assert.equal(await first.getAttribute("aria-selected"), "true");
    assert.equal(await page.locator("#site-search").getAttribute("aria-activedescendant"), "search-option-0");
    assert.ok((await first.locator("mark").count()) > 0, "the match is highlighted");
    // Arrow keys move the active option and wrap.
    const n = await page.locator("#search-results [role=option]").count();
    await page.keyboard.press("ArrowUp");
    assert.equal(await page.locator("#site-search").getAttribute("aria-activedescendant"), `search-option-${n - 1}`);
    await page.keyboard.press("ArrowDown");
    const target = await page.locator("#search-option-0").getAttribute("data-href");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname + url.hash === target);
    const landed = ROUTES.find((r) => r.path === target.split("#")[0]);
    assert.ok(landed, `${target} is a route`);
    assert.equal(await page.locator("main h1").textContent(), landed.h1);
    assert.equal(await dialogOpen(page), false);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("Escape returns focus where it was; nothing matching says so", async () => {
    const { page, context } = await openPage(env);
    await visit(env, page, "/features");
    const link = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Examples" });
    await link.focus();
    await page.keyboard.press("Control+k");
    await page.locator("#site-search").fill("zzqxv nothing");
    await page.locator(".search-status", { hasText: "Nothing matches" }).waitFor();
    assert.equal(await page.locator("#search-results [role=option]").count(), 0);
    assert.equal(await page.locator("#site-search").getAttribute("aria-expanded"), "false");
    await page.keyboard.press("Escape");
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Examples");
    await context.close();
  });

  // The index is data from the site's own origin, but the dialog must not trust it as
  // markup: every string is shown as text, the target stays an attribute value.
  test("markup inside the index is shown as text, never run", async () => {
    const { page, context, problems } = await openPage(env);
    const hostile = {
      p: "<img src=x onerror=window.__ran=1>",
      h: "Tor <b>bold</b>",
      u: "/features?a=1&b=2",
      t: 'onion "quotes" <script>window.__ran=2</script>',
    };
    await page.route("**/search-index.json", (r) =>
      r.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify([hostile]) }),
    );
    await visit(env, page, "/");
    await page.keyboard.press("/");
    await page.locator("#site-search").fill("tor");
    await page.locator(".search-status", { hasText: "1 result" }).waitFor();
    const option = page.locator("#search-option-0");
    assert.equal(await option.locator(".search-page").textContent(), hostile.p);
    assert.equal(await option.locator(".search-heading").textContent(), hostile.h);
    assert.equal(await option.locator(".search-heading mark").textContent(), "Tor");
    assert.equal(await option.getAttribute("data-href"), hostile.u);
    assert.equal(await page.locator("#search-results img, #search-results b, #search-results script").count(), 0);
    assert.equal(await page.evaluate(() => window.__ran), undefined);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("at 360 px it fits, and axe finds nothing in either theme", async () => {
    for (const theme of ["dark", "light"]) {
      const { page, context } = await openPage(env, { width: 360, height: 740 });
      await context.addInitScript((t) => localStorage.setItem("dstack-theme", t), theme);
      await visit(env, page, "/");
      await page.getByRole("button", { name: "Search" }).click();
      await page.locator("#site-search").fill("attestation");
      await page.locator(".search-status", { hasText: "results" }).waitFor();
      const box = await page.locator(".search-dialog").boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= 360, `dialog within 360 px: ${JSON.stringify(box)}`);
      assert.deepEqual((await axeViolations(page)).map((v) => `${theme} ${v}`), []);
      await context.close();
    }
  });
});

describe("theme", () => {
  test("dark by default; a choice applies at once and survives a reload, with no flash", async () => {
    const { page, context, problems } = await openPage(env);
    // Sample the page's background on every frame from the first one.
    await context.addInitScript(() => {
      window.__backgrounds = [];
      const sample = () => {
        if (document.body) window.__backgrounds.push(getComputedStyle(document.body).backgroundColor);
        if (window.__liveAt === undefined && document.querySelector("#app[data-live]")) {
          window.__liveAt = window.__backgrounds.length;
        }
        if (window.__liveAt === undefined || window.__backgrounds.length < window.__liveAt + 20) requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
    });
    await visit(env, page, "/");
    assert.equal(await page.getAttribute("html", "data-theme"), "dark");
    await page.getByLabel("Theme").selectOption("light");
    assert.equal(await page.getAttribute("html", "data-theme"), "light");
    await page.reload();
    await page.locator("#app[data-live] main h1").waitFor();
    // Sampled from the first frame to 20 frames after the app took over.
    await page.waitForFunction(() => window.__liveAt !== undefined && window.__backgrounds.length >= window.__liveAt + 20);
    const seen = [...new Set(await page.evaluate(() => window.__backgrounds))];
    assert.equal(seen.length, 1, `one background from the first frame on: ${seen}`);
    assert.equal(await page.getAttribute("html", "data-theme"), "light");
    assert.equal(await page.getByLabel("Theme").inputValue(), "light");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("system follows the operating system", async () => {
    const { page, context } = await openPage(env);
    await page.emulateMedia({ colorScheme: "light" });
    await visit(env, page, "/");
    await page.getByLabel("Theme").selectOption("system");
    assert.equal(await page.getAttribute("html", "data-theme"), "light");
    await page.emulateMedia({ colorScheme: "dark" });
    await page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
    await context.close();
  });

  test("with storage that throws, the theme still switches and nothing breaks", async () => {
    const { page, context, pageErrors } = await openPage(env);
    await context.addInitScript(() => {
      Object.defineProperty(window, "localStorage", {
        get() {
          throw new DOMException("blocked", "SecurityError");
        },
      });
    });
    await visit(env, page, "/");
    assert.equal(await page.getAttribute("html", "data-theme"), "dark");
    await page.getByLabel("Theme").selectOption("light");
    assert.equal(await page.getAttribute("html", "data-theme"), "light");
    await page.reload();
    await page.locator("#app[data-live] main h1").waitFor();
    assert.equal(await page.getAttribute("html", "data-theme"), "dark", "not persisted, back to the default");
    assert.deepEqual(pageErrors, []);
    await context.close();
  });

  test("axe finds nothing on any route in the light theme", async () => {
    const { page, context } = await openPage(env);
    await context.addInitScript(() => localStorage.setItem("dstack-theme", "light"));
    for (const path of [...ROUTES.map((r) => r.path), POST_PATHS[0]]) {
      await visit(env, page, path);
      assert.equal(await page.getAttribute("html", "data-theme"), "light");
      assert.deepEqual((await axeViolations(page)).map((v) => `${path} ${v}`), []);
    }
    await context.close();
  });
});

describe("machine-readable", () => {
  test("/llms.txt and /llms-full.txt are served and cover every route", async () => {
    const llms = await fetch(`${env.origin}/llms.txt`);
    assert.equal(llms.status, 200);
    assert.match(llms.headers.get("content-type"), /^text\/plain/);
    const index = await llms.text();
    assert.match(index, /^# dstack\n\n> /);
    const full = await (await fetch(`${env.origin}/llms-full.txt`)).text();
    for (const route of ROUTES) {
      if (route.path !== "/") assert.ok(index.includes(`(${siteUrl(route.path)})`), `llms.txt lists ${route.path}`);
      assert.ok(full.includes(`<!-- ${siteUrl(route.path)} -->`), `llms-full.txt has ${route.path}`);
      assert.ok(full.includes(`# ${route.h1}`), `llms-full.txt has the h1 of ${route.path}`);
    }
    for (const path of POST_PATHS) assert.ok(index.includes(`(${siteUrl(path)})`), path);
    assert.match(full, /```\nsudo dmesg \| grep -i tdx/, "code blocks stay code blocks");
  });

  test("copy page as Markdown, and every page links to its source", async () => {
    const { page, context, problems } = await openPage(env);
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await visit(env, page, "/getting-started");
    await page.getByRole("button", { name: "Copy page as Markdown" }).click();
    await page.locator(".copy-markdown [role=status]", { hasText: "Copied" }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /^# Get started with dstack\n/);
    // This build has no SITE_REPO: the links are left out, never pointed at a guessed
    // repository (the base-path build sets one and checks them; tests/e2e-base/).
    assert.equal(await page.getByRole("link", { name: "Edit this page" }).count(), 0);
    assert.equal(await page.getByRole("link", { name: "Report a mistake" }).count(), 0);
    // Every page names the upstream snapshot its facts were checked against.
    const footer = page.getByRole("contentinfo");
    assert.match(await footer.innerText(), /checked against Dstack-TEE\/dstack at [0-9a-f]{7,}/);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
