// End-to-end tests on the release build in dist/, as a visitor's browser sees it.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, visit } from "./browser.mjs";
import { NOT_FOUND_H1, ROUTES, TITLE_SUFFIX } from "./routes.mjs";

/** The routes the main navigation links to, in its order. */
const NAV = ROUTES.filter((r) => r.nav);

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

async function noHorizontalOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

describe("every route", () => {
  for (const route of ROUTES) {
    test(`${route.path} renders its h1, title and description with no error`, async () => {
      const { page, context, problems } = await openPage(env);
      await visit(env, page, route.path);
      assert.equal(await page.locator("h1").count(), 1);
      assert.equal((await page.locator("h1").innerText()).trim(), route.h1);
      // The title the route table gives it (build.rs writes it from the same data).
      assert.ok(route.title, `${route.path} has a title in routes.json`);
      assert.equal(await page.title(), route.title);
      assert.ok(route.path === "/" || route.title.endsWith(TITLE_SUFFIX), route.title);
      const descriptions = await page.locator('meta[name="description"]').all();
      assert.equal(descriptions.length, 1);
      assert.ok((await descriptions[0].getAttribute("content")).length >= 50);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  test("titles are unique across routes", async () => {
    const { page, context } = await openPage(env);
    const titles = new Set();
    for (const route of ROUTES) {
      await visit(env, page, route.path);
      titles.add(await page.title());
    }
    assert.equal(titles.size, ROUTES.length);
    assert.equal(new Set(ROUTES.map((r) => r.title)).size, ROUTES.length, "and so are they in the route table");
    await context.close();
  });
});

describe("navigation", () => {
  test("the nav reaches every route and marks the current page", async () => {
    const { page, context, problems } = await openPage(env);
    await visit(env, page, "/");
    const nav = page.getByRole("navigation", { name: "Main" });
    const descriptions = new Set();
    for (const route of NAV) {
      await nav.getByRole("link", { name: route.nav, exact: true }).click();
      await page.waitForURL(env.origin + route.path);
      assert.equal((await page.locator("h1").innerText()).trim(), route.h1);
      // Client-side navigation replaces the head tags rather than adding to them.
      const meta = page.locator('meta[name="description"]');
      assert.equal(await meta.count(), 1, `${route.path}: one meta description`);
      descriptions.add(await meta.getAttribute("content"));
      assert.equal(await page.title(), route.title);
      const current = nav.locator('a[aria-current="page"]');
      assert.equal(await current.count(), 1);
      assert.equal((await current.innerText()).trim(), route.nav);
    }
    assert.equal(descriptions.size, NAV.length, "each route has its own description");
    await page.getByRole("link", { name: "dstack home" }).click();
    await page.waitForURL(env.origin + "/");
    assert.equal((await page.locator("h1").innerText()).trim(), ROUTES[0].h1);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a deep link reloads to the same page, with or without a trailing slash or index.html", async () => {
    const { page, context, problems } = await openPage(env);
    const home = ROUTES.find((r) => r.path === "/");
    for (const [route, path] of [
      [NAV[0], NAV[0].path],
      [NAV.at(-1), `${NAV.at(-1).path}/`],
      [NAV[1], `${NAV[1].path}/index.html`],
      [home, "/index.html"],
    ]) {
      await visit(env, page, path);
      await page.reload();
      await page.locator("#app[data-live] main h1").waitFor();
      assert.equal((await page.locator("h1").innerText()).trim(), route.h1, path);
      assert.equal(new URL(page.url()).pathname, route.path, `${path}: the address is tidied`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("back and forward buttons move between visited pages", async () => {
    const { page, context } = await openPage(env);
    const [from, to] = NAV;
    await visit(env, page, from.path);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: to.nav, exact: true }).click();
    await page.waitForURL(env.origin + to.path);
    await page.goBack();
    await page.waitForURL(env.origin + from.path);
    assert.equal((await page.locator("h1").innerText()).trim(), from.h1);
    await page.goForward();
    await page.waitForURL(env.origin + to.path);
    assert.equal((await page.locator("h1").innerText()).trim(), to.h1);
    await context.close();
  });

  test("an unknown path shows the 404 page with a way home", async () => {
    const { page, context, problems } = await openPage(env);
    await visit(env, page, "/this/page/does-not-exist");
    assert.equal((await page.locator("h1").innerText()).trim(), NOT_FOUND_H1);
    assert.equal(await page.title(), `${NOT_FOUND_H1}${TITLE_SUFFIX}`);
    await page.getByRole("link", { name: "Go to the home page" }).click();
    await page.waitForURL(env.origin + "/");
    // The server answers 404, as static hosts do; the browser logs that, and nothing else.
    assert.deepEqual(problems, [
      "console error: Failed to load resource: the server responded with a status of 404 (Not Found)",
    ]);
    await context.close();
  });
});

describe("keyboard and small screens", () => {
  test("the skip link is the first tab stop and moves focus to main", async () => {
    const { page, context } = await openPage(env);
    await visit(env, page, "/architecture");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    assert.ok(await skip.evaluate((el) => el === document.activeElement));
    const box = await skip.boundingBox();
    assert.ok(box && box.y >= 0, "focused skip link is on screen");
    const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
    assert.notEqual(outline, "none", "focused skip link shows a focus ring");
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "main");
    await context.close();
  });

  test("at 360 px the menu opens, closes on Escape and on navigation", async () => {
    const { page, context, problems } = await openPage(env, { width: 360, height: 740 });
    await visit(env, page, "/");
    const button = page.getByRole("button", { name: "Menu" });
    const nav = page.getByRole("navigation", { name: "Main" });
    const target = NAV[0];
    const link = nav.getByRole("link", { name: target.nav, exact: true });
    assert.ok(await button.isVisible());
    assert.equal(await button.getAttribute("aria-expanded"), "false");
    assert.ok(!(await link.isVisible()), "links hidden while the menu is closed");

    // Keyboard only: focus the button, open with Enter, Tab into the menu, Escape.
    await button.focus();
    await page.keyboard.press("Enter");
    assert.equal(await button.getAttribute("aria-expanded"), "true");
    assert.ok(await link.isVisible());
    await page.keyboard.press("Tab");
    assert.ok(await nav.evaluate((el) => el.contains(document.activeElement)));
    await page.keyboard.press("Escape");
    assert.equal(await button.getAttribute("aria-expanded"), "false");
    assert.ok(await button.evaluate((el) => el === document.activeElement));
    assert.ok(!(await link.isVisible()));

    await button.click();
    await link.click();
    await page.waitForURL(env.origin + target.path);
    assert.equal(await button.getAttribute("aria-expanded"), "false");
    assert.ok(!(await link.isVisible()), "menu closed after navigating");
    assert.deepEqual(problems, []);
    await context.close();
  });

  for (const width of [320, 360]) {
    test(`no route overflows horizontally at ${width} px, menu open or closed`, async () => {
      const { page, context } = await openPage(env, { width, height: 740 });
      for (const route of ROUTES) {
        await visit(env, page, route.path);
        assert.ok(await noHorizontalOverflow(page), `${route.path} overflows at ${width}px`);
      }
      await page.getByRole("button", { name: "Menu" }).click();
      assert.ok(await noHorizontalOverflow(page), `open menu overflows at ${width}px`);
      await context.close();
    });
  }

  test("at 1280 px the nav is always shown and the menu button hidden", async () => {
    const { page, context } = await openPage(env, { width: 1280, height: 800 });
    await visit(env, page, "/resources");
    assert.ok(!(await page.getByRole("button", { name: "Menu" }).isVisible()));
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const route of NAV) assert.ok(await nav.getByRole("link", { name: route.nav, exact: true }).isVisible(), route.nav);
    await context.close();
  });
});
