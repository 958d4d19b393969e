// Accessibility on the release build: axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on every
// route at 360 px and 1280 px, in the default state and with the mobile menu open, a
// diagram node selected and an adversary chosen; a keyboard-only walk of every route; the
// heading outline, text alternatives and the page language.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { axeViolations, launch, openPage, visit } from "./browser.mjs";
import { ROUTES } from "./routes.mjs";


let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});


describe("axe: zero violations", () => {
  for (const width of [360, 1280]) {
    for (const route of ROUTES) {
      test(`${route.path} at ${width} px`, async () => {
        const { page, context } = await openPage(env, { width, reducedMotion: "reduce" });
        await visit(env, page, route.path);
        assert.deepEqual(await axeViolations(page), []);
        if (width === 360) {
          await page.getByRole("button", { name: "Menu" }).click();
          assert.deepEqual(await axeViolations(page), [], "menu open");
        }
        await context.close();
      });
    }
  }

  for (const path of ["/", "/architecture?adversary=host"]) {
    test(`${path} with a diagram node selected`, async () => {
      const { page, context } = await openPage(env, { reducedMotion: "reduce" });
      await visit(env, page, path);
      await page.locator("[data-node=kms]").click();
      await page.locator(".node-slot .diagram-panel").waitFor();
      assert.deepEqual(await axeViolations(page), []);
      await context.close();
    });
  }

  test("colour contrast holds while hovering a link, on a focused control and on the active tab", async () => {
    const { page, context } = await openPage(env, { reducedMotion: "reduce" });
    await visit(env, page, "/getting-started");
    const contrast = () => axeViolations(page, { rules: ["color-contrast"] });
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Examples" }).hover();
    assert.deepEqual(await contrast(), [], "hovered nav link");
    await page.locator("main a").first().hover();
    assert.deepEqual(await contrast(), [], "hovered link in the page");
    await page.locator('[role="tab"][aria-selected="true"]').focus();
    assert.deepEqual(await contrast(), [], "focused active tab");
    await page.keyboard.press("ArrowRight");
    assert.deepEqual(await contrast(), [], "another tab made active by keyboard");
    await context.close();
  });

  test("/does-not-exist (the not-found page)", async () => {
    const { page, context } = await openPage(env);
    await visit(env, page, "/does-not-exist");
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });
});

describe("structure", () => {
  test("every route: lang, one h1, no skipped heading levels, text alternatives", async () => {
    const { page, context } = await openPage(env);
    for (const route of ROUTES) {
      await visit(env, page, route.path);
      const report = await page.evaluate(() => {
        const levels = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")]
          .filter((h) => h.getClientRects().length > 0 || h.closest(".visually-hidden"))
          .map((h) => Number(h.tagName[1]));
        const skips = levels.filter((l, i) => i > 0 && l > levels[i - 1] + 1);
        const images = [...document.querySelectorAll("img")].filter((img) => !img.hasAttribute("alt"));
        const svgs = [...document.querySelectorAll("svg")].filter(
          (svg) =>
            svg.getAttribute("aria-hidden") !== "true" &&
            !svg.getAttribute("aria-label") &&
            !svg.getAttribute("aria-labelledby") &&
            !svg.querySelector("title"),
        );
        return {
          lang: document.documentElement.lang,
          h1: levels.filter((l) => l === 1).length,
          first: levels[0],
          skips: skips.length,
          images: images.length,
          svgs: svgs.length,
        };
      });
      assert.deepEqual(report, { lang: "en", h1: 1, first: 1, skips: 0, images: 0, svgs: 0 }, route.path);
    }
    await context.close();
  });

  test("keyboard only: Tab reaches every control in document order with a visible focus ring, and nothing traps it", async () => {
    const { page, context } = await openPage(env, { reducedMotion: "reduce" });
    for (const route of ROUTES) {
      await visit(env, page, route.path);
      const expected = await page.evaluate(() => {
        const sel = 'a[href], button:not([disabled]), select, input, textarea, [tabindex="0"]';
        // Roving tabindex (the tabs pattern) takes inactive tabs out of the Tab order.
        return [...document.querySelectorAll(sel)].filter(
          (el) => el.getClientRects().length > 0 && el.getAttribute("tabindex") !== "-1",
        ).length;
      });
      await page.locator("body").evaluate((b) => b.focus());
      await page.evaluate(() => {
        document.activeElement?.blur();
        window.scrollTo(0, 0);
      });
      const seen = [];
      for (let i = 0; i < expected + 5; i++) {
        await page.keyboard.press("Tab");
        const info = await page.evaluate(() => {
          const el = document.activeElement;
          if (!el || el === document.body) return null;
          const style = getComputedStyle(el);
          const ring =
            (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) ||
            style.boxShadow !== "none";
          // Index in document order among all elements.
          const index = [...document.querySelectorAll("*")].indexOf(el);
          return { index, ring, label: el.getAttribute("aria-label") ?? el.textContent.trim().slice(0, 30) };
        });
        if (!info) break; // focus left the page: nothing trapped it
        seen.push(info);
      }
      assert.ok(seen.length >= expected, `${route.path}: reached ${seen.length} of ${expected} controls`);
      const noRing = seen.filter((s) => !s.ring).map((s) => s.label);
      assert.deepEqual(noRing, [], `${route.path}: controls without a visible focus indicator`);
      const backwards = seen.filter((s, i) => i > 0 && s.index < seen[i - 1].index && s.index !== seen[0].index);
      assert.deepEqual(backwards.map((s) => s.label), [], `${route.path}: focus jumps back`);
    }
    await context.close();
  });
});
