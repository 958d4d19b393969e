// The self-hosting tutorial track on the release build: every page renders its parts and
// is axe-clean at 360 and 1280 px without widening the page; progress survives a reload,
// undo and reset work, blocked storage shows the notice and breaks nothing; previous/next
// and the sidebar work by keyboard; commands copy; search finds a step.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { axeViolations, launch, openPage, visit } from "./browser.mjs";
import { TUTORIALS } from "./routes.mjs";

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

const [FIRST, SECOND, THIRD] = TUTORIALS;
const progressLabel = (page) => page.locator(".track-status .track-progress label").innerText();


/** Storage that throws on every access, as with cookies blocked. */
async function blockStorage(context) {
  await context.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("blocked", "SecurityError");
      },
    });
  });
}

describe("every tutorial page", () => {
  for (const width of [360, 1280]) {
    test(`has its parts, fits and is axe-clean at ${width} px`, async () => {
      const { page, context, problems } = await openPage(env, { width, reducedMotion: "reduce" });
      for (const t of TUTORIALS) {
        await visit(env, page, t.path);
        assert.equal((await page.locator("main h1").innerText()).trim(), t.h1, t.path);
        assert.equal(await page.title(), t.title);
        const body = page.locator("#app[data-live] [data-static][data-state=ready]");
        for (const part of ["What you will have", "Before you start", "Sources"]) {
          assert.equal(await body.getByRole("heading", { name: part, exact: true }).count(), 1, `${t.path}: ${part}`);
        }
        assert.ok((await body.locator(".callout-check").count()) >= 1, `${t.path}: a check`);
        assert.match(await body.locator(".checked-against").innerText(), /Checked against Dstack-TEE\/dstack at [0-9a-f]{7,}/);
        assert.equal(await page.getByRole("navigation", { name: "Tutorial track" }).count(), 1);
        assert.equal(
          await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
          true,
          `${t.path} widens the page at ${width} px`,
        );
        assert.deepEqual(await axeViolations(page), [], t.path);
      }
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});

describe("progress", () => {
  test("a page marked done stays done after a reload, shows on the index, and undo clears it", async () => {
    const { page, context, problems } = await openPage(env);
    await visit(env, page, "/tutorials");
    assert.equal(await progressLabel(page), `0 of ${TUTORIALS.length} pages done`);
    assert.match(await page.locator(".track-resume").innerText(), new RegExp(`Start with: ${FIRST.h1}`));

    await visit(env, page, SECOND.path);
    const toggle = page.getByRole("button", { name: "Mark this page done" });
    await toggle.click();
    await page.getByRole("button", { name: /Marked done/ }).waitFor();
    await page.reload();
    await page.locator("#app[data-live] main h1").waitFor();
    await page.getByRole("button", { name: /Marked done/ }).waitFor();
    const current = page.getByRole("navigation", { name: "Tutorial track" }).locator("a[aria-current=page]");
    assert.match(await current.innerText(), new RegExp(SECOND.h1));
    assert.match(await current.innerText(), /\(done\)/);

    await visit(env, page, "/tutorials");
    assert.equal(await progressLabel(page), `1 of ${TUTORIALS.length} pages done`);
    // The last page visited was done, so resume skips to the first page not done.
    assert.match(await page.locator(".track-resume").innerText(), new RegExp(`Continue with: ${FIRST.h1}`));

    await visit(env, page, SECOND.path);
    await page.getByRole("button", { name: /Marked done/ }).click();
    await page.getByRole("button", { name: "Mark this page done" }).waitFor();
    await visit(env, page, "/tutorials");
    assert.equal(await progressLabel(page), `0 of ${TUTORIALS.length} pages done`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("reset asks first, then clears every mark", async () => {
    const { page, context } = await openPage(env);
    await visit(env, page, FIRST.path);
    await page.getByRole("button", { name: "Mark this page done" }).click();
    await visit(env, page, THIRD.path);
    await page.getByRole("button", { name: "Mark this page done" }).click();
    await visit(env, page, "/tutorials");
    assert.equal(await progressLabel(page), `2 of ${TUTORIALS.length} pages done`);
    await page.getByRole("button", { name: "Reset progress" }).click();
    await page.getByRole("button", { name: "Cancel" }).click();
    assert.equal(await progressLabel(page), `2 of ${TUTORIALS.length} pages done`, "cancel keeps them");
    await page.getByRole("button", { name: "Reset progress" }).click();
    await page.getByRole("button", { name: "Yes, reset" }).click();
    assert.equal(await progressLabel(page), `0 of ${TUTORIALS.length} pages done`);
    await page.reload();
    await page.locator("#app[data-live] main h1").waitFor();
    assert.equal(await progressLabel(page), `0 of ${TUTORIALS.length} pages done`, "cleared in storage too");
    await context.close();
  });

  test("with storage blocked the track works and says progress will not be kept", async () => {
    const { page, context, pageErrors } = await openPage(env);
    await blockStorage(context);
    await visit(env, page, FIRST.path);
    await page.locator(".track-notice", { hasText: "progress is kept only until you close this tab" }).first().waitFor();
    await page.getByRole("button", { name: "Mark this page done" }).click();
    await page.getByRole("button", { name: /Marked done/ }).waitFor();
    // Client-side navigation keeps the in-memory progress.
    await page.getByRole("link", { name: "Track overview" }).click();
    await page.locator("main h1", { hasText: "Self-host dstack" }).waitFor();
    assert.equal(await progressLabel(page), `1 of ${TUTORIALS.length} pages done`);
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
});

describe("moving through the track", () => {
  test("previous/next and the sidebar work by keyboard; the current page is marked", async () => {
    const { page, context } = await openPage(env);
    await visit(env, page, SECOND.path);
    const next = page.getByRole("navigation", { name: "Previous and next page" }).getByRole("link", { name: new RegExp(THIRD.h1) });
    await next.focus();
    await page.keyboard.press("Enter");
    await page.locator("main h1", { hasText: THIRD.h1 }).waitFor();
    assert.equal(new URL(page.url()).pathname, THIRD.path);
    const prev = page.getByRole("navigation", { name: "Previous and next page" }).getByRole("link", { name: new RegExp(SECOND.h1) });
    await prev.focus();
    await page.keyboard.press("Enter");
    await page.locator("main h1", { hasText: SECOND.h1 }).waitFor();

    const track = page.getByRole("navigation", { name: "Tutorial track" });
    const target = TUTORIALS[TUTORIALS.length - 1];
    await track.getByRole("link", { name: new RegExp(target.h1) }).focus();
    await page.keyboard.press("Enter");
    await page.locator("main h1", { hasText: target.h1 }).waitFor();
    assert.match(await track.locator("a[aria-current=page]").innerText(), new RegExp(target.h1));
    assert.equal(await track.locator("a[aria-current=page]").count(), 1);
    await context.close();
  });

  test("on a phone the sidebar folds behind a button", async () => {
    const { page, context } = await openPage(env, { width: 360, height: 740 });
    await visit(env, page, FIRST.path);
    const toggle = page.getByRole("button", { name: "Show all pages of the track" });
    assert.equal(await toggle.getAttribute("aria-expanded"), "false");
    assert.equal(await page.locator("#track-list").isVisible(), false);
    await toggle.focus();
    await page.keyboard.press("Enter");
    assert.equal(await page.getByRole("button", { name: "Hide the track" }).getAttribute("aria-expanded"), "true");
    assert.equal(await page.locator("#track-list").isVisible(), true);
    await context.close();
  });

  test("a command's copy button puts exactly the command on the clipboard", async () => {
    const { page, context } = await openPage(env);
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await visit(env, page, FIRST.path);
    const block = page.locator("#app[data-live] .code.command").first();
    const command = await block.locator("code").innerText();
    await block.getByRole("button", { name: "Copy" }).click();
    await block.getByRole("button", { name: "Copied" }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), command);
    await context.close();
  });

  test("search finds a tutorial step", async () => {
    const { page, context } = await openPage(env);
    await visit(env, page, "/");
    await page.keyboard.press("/");
    await page.locator("#site-search").fill("dstackup destroy");
    await page.locator(".search-status", { hasText: "result" }).waitFor();
    const hrefs = await page.locator("#search-results [role=option]").evaluateAll((els) => els.map((e) => e.dataset.href));
    assert.ok(hrefs.some((h) => h.includes("/tutorials/")), hrefs.join(", "));
    await context.close();
  });
});
