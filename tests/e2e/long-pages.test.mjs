// Long pages (the tutorial track, blog posts, prose pages) skip rendering their off-screen
// blocks until they scroll near (content-visibility, src/routes/article.css), which halves
// their first layout. A visitor must not be able to tell: the page does not move while it
// loads (a skipped block is drawn at an estimated height first), once rendered every element
// sits exactly where it would with nothing skipped, and a focus ring at a block's edge is not
// clipped by the skipping block's paint containment.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { frames, launch, openPage, visit } from "./browser.mjs";
import { POST_PATHS, PROSE_PATHS, TUTORIALS } from "./routes.mjs";

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

const TUTORIAL_PATHS = new Set(TUTORIALS.map((t) => t.path));
const LONG_PAGES = [...TUTORIAL_PATHS, ...POST_PATHS, ...PROSE_PATHS];

/** The elements of <main> that skip rendering while off screen. */
const SKIPPING = () => [...document.querySelectorAll("main *")].filter((el) => getComputedStyle(el).contentVisibility === "auto");

/** Every element's top in <main>, once the page has been scrolled through so each block rendered. */
function tops(page) {
  return page.evaluate(async () => {
    const frame = () => new Promise(requestAnimationFrame);
    for (let y = 0; y <= document.documentElement.scrollHeight; y += innerHeight / 2) {
      scrollTo(0, y);
      await frame();
      await frame();
    }
    scrollTo(0, 0);
    await frame();
    return [...document.querySelectorAll("main *")].map((el) => Math.round(el.getBoundingClientRect().top + scrollY));
  });
}

/** Watches layout shifts from the first byte; `shifts(page)` reads what moved. */
async function watchShifts(page) {
  await page.addInitScript(() => {
    window.__shifted = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        for (const s of e.sources ?? []) window.__shifted.push(`${e.value.toFixed(4)} ${s.node?.nodeName}.${s.node?.className ?? ""} top ${s.previousRect.top}->${s.currentRect.top}`);
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
}
const shifts = (page) => page.evaluate(() => window.__shifted);

describe("long pages render off-screen blocks lazily", () => {
  for (const path of LONG_PAGES) {
    test(`${path}: nothing moves while it loads or against a page that renders everything`, async () => {
      const { page, context, problems } = await openPage(env, { width: 412, height: 823 });
      await watchShifts(page);
      await visit(env, page, path);
      await frames(page);
      assert.deepEqual(await shifts(page), [], `${path}: layout shifts while loading on a phone`);
      const skipping = await page.evaluate(`(${SKIPPING})().length`);
      // A tutorial page with few skipping blocks gains nothing: the rule has stopped matching.
      // (Prose pages link in nearly every paragraph, and blocks with links render at once.)
      if (TUTORIAL_PATHS.has(path)) assert.ok(skipping >= 5, `${path}: only ${skipping} blocks skip rendering off screen`);
      const lazy = await tops(page);
      await page.evaluate(`(${SKIPPING})().forEach((el) => { el.style.contentVisibility = "visible"; })`);
      assert.equal(await page.evaluate(`(${SKIPPING})().length`), 0);
      const eager = await tops(page);
      assert.equal(lazy.length, eager.length);
      const moved = lazy.findIndex((top, i) => top !== eager[i]);
      assert.equal(moved, -1, `${path}: element ${moved} of <main> is at ${lazy[moved]} px, ${eager[moved]} px with everything rendered`);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  test("on a desktop screen too, no long page moves while it loads", async () => {
    for (const [width, height] of [[1280, 800], [1920, 1200]]) {
      const { page, context } = await openPage(env, { width, height });
      await watchShifts(page);
      for (const path of LONG_PAGES) {
        await visit(env, page, path);
        await frames(page);
        assert.deepEqual(await shifts(page), [], `${path} at ${width}×${height}: layout shifts while loading`);
      }
      await context.close();
    }
  });

  test("no link or button sits in a skipping block, and a focus ring fits its clip margin", async () => {
    const { page, context } = await openPage(env, { width: 412, height: 823 });
    for (const path of LONG_PAGES) {
      await visit(env, page, path);
      // Skipped blocks have no hit-testing until rendered: a target inside one would look
      // obscured to axe and to assistive tools that hit-test.
      const targets = await page.evaluate(`(${SKIPPING})().flatMap((el) => [...el.querySelectorAll("a[href], button")]).length`);
      assert.equal(targets, 0, `${path}: links or buttons inside blocks that skip rendering`);
    }
    // The site's keyboard focus ring, on a link of the longest kind of page.
    await visit(env, page, TUTORIALS.at(-1).path);
    await page.keyboard.press("Tab");
    const ring = await page.evaluate(() => {
      const link = document.querySelector("main a[href]");
      link.focus();
      const style = getComputedStyle(link);
      return { visible: link.matches(":focus-visible"), extent: parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset) };
    });
    assert.ok(ring.visible && ring.extent > 0, "a link shows a keyboard focus ring");
    // A focusable code block (tabindex) in a skipping block must keep its ring.
    const margins = await page.evaluate(`(${SKIPPING})().map((el) => parseFloat(getComputedStyle(el).overflowClipMargin.replace(/^[a-z-]+ /, "")) || 0)`);
    assert.ok(margins.length > 0, "the page has skipping blocks");
    assert.deepEqual(margins.filter((m) => m < ring.extent), [], `blocks whose clip margin is under the ${ring.extent} px focus ring`);
    await context.close();
  });
});
