// End-to-end tests of the architecture diagram on the release build: keyboard-only use,
// deep links, autoplay only on screen and in a visible tab, reduced motion, the narrow
// layout, and screenshots at 360 px and 1280 px for review (target/test-output/).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { frames, launch, openPage, visit } from "./browser.mjs";

const OUT = "target/test-output";
/** The autoplay step time visitors get (src/diagram/view.rs), for timeouts only. */
const VISITOR_STEP_MS = 3500;
/** The step time the tests inject. */
const STEP_MS = 150;

let env;
before(async () => {
  env = await launch();
  mkdirSync(OUT, { recursive: true });
});
after(async () => {
  await env?.close();
});

const caption = (page) => page.locator(".diagram-caption").textContent();
/** The flow's steps as the ordered list states them. */
const steps = (page) => page.locator(".diagram-steps li").allTextContents();

async function expectStep(page, n) {
  const all = await steps(page);
  assert.equal(await caption(page), `Step ${n} of ${all.length}: ${all[n - 1]}`);
  assert.equal(await page.locator(".diagram-steps li[aria-current=step]").textContent(), all[n - 1]);
}

/**
 * Injects the short step time and records the page's running intervals (`__intervals`, id to
 * delay): the diagram's autoplay timer is the app's only interval, and it exists only while
 * the flow plays on screen in a visible tab.
 */
function watchAutoplay(page) {
  return page.addInitScript((ms) => {
    window.__dstackDiagramStepMs = ms;
    window.__intervals = new Map();
    const set = window.setInterval;
    const clear = window.clearInterval;
    window.setInterval = function (fn, delay, ...args) {
      const id = set.call(this, fn, delay, ...args);
      window.__intervals.set(id, delay);
      return id;
    };
    window.clearInterval = function (id) {
      window.__intervals.delete(id);
      return clear.call(this, id);
    };
  }, STEP_MS);
}

/** The delays of the intervals running now. */
const stepTimers = (page) => page.evaluate(() => [...window.__intervals.values()]);

/** Presses Tab until `selector` has focus; fails if it never gets there. */
async function tabTo(page, selector, max = 120) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
  }
  assert.fail(`Tab never reached ${selector}`);
}

describe("architecture diagram", () => {
  test("a keyboard-only visitor walks a whole flow and opens a node's panel", async () => {
    const { page, context, problems } = await openPage(env);
    await visit(env, page, "/architecture?flow=request");
    await expectStep(page, 1);
    await tabTo(page, "[data-action=next]");
    const total = (await steps(page)).length;
    for (let n = 2; n <= total; n++) {
      await page.keyboard.press("Enter");
      await expectStep(page, n);
    }
    await page.keyboard.press("Enter");
    await expectStep(page, 1); // wraps to the start
    // Arrow keys step too, and the focused control shows a focus ring.
    await page.keyboard.press("ArrowRight");
    await expectStep(page, 2);
    await page.keyboard.press("ArrowLeft");
    await expectStep(page, 1);
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(ring, "none");
    // On to the boxes: Enter opens the panel, Space closes it.
    await tabTo(page, "[data-node]");
    const label = await page.evaluate(() => document.activeElement.getAttribute("aria-label"));
    await page.keyboard.press("Enter");
    const panel = page.locator(".node-slot .diagram-panel");
    assert.equal(await panel.locator("h3").textContent(), label);
    assert.equal(await page.locator(`[data-node][aria-label="${label}"]`).getAttribute("aria-pressed"), "true");
    assert.ok(
      await page.evaluate(() => document.activeElement.hasAttribute("data-node")),
      "focus stays on the box",
    );
    await page.keyboard.press(" ");
    assert.equal(await panel.count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a deep link opens that flow, step and adversary, and the URL follows the visitor", async () => {
    const { page, context, problems } = await openPage(env);
    await visit(env, page, "/architecture?flow=kms&step=3&adversary=host");
    await expectStep(page, 3);
    assert.equal(await page.locator("select[name=flow] option:checked").textContent(), "Boot and get keys from the KMS");
    const adversary = page.locator(".adversary-slot .diagram-panel");
    assert.equal(await adversary.locator("h3").textContent(), "Cloud or host operator");
    assert.ok((await adversary.locator("li").count()) >= 3);
    assert.match(await page.locator("[data-node=vmm]").getAttribute("class"), /controlled/);
    assert.match(await page.locator("[data-node=kms]").getAttribute("class"), /protected/);
    assert.doesNotMatch(await page.locator("[data-node=visitor]").getAttribute("class"), /protected|controlled/);
    assert.equal(await page.getByRole("button", { name: "Play" }).count(), 1, "a linked step does not autoplay");
    await page.locator("[data-action=next]").click();
    await expectStep(page, 4);
    await page.waitForURL(/step=4/);
    assert.match(page.url(), /\?flow=kms&step=4&adversary=host$/);
    await page.reload();
    await page.locator("#app[data-live] .diagram-caption").waitFor();
    await expectStep(page, 4);
    await page.locator("select[name=adversary]").selectOption({ label: "None" });
    await page.waitForURL((url) => !url.search.includes("adversary"));
    assert.equal(await adversary.count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  // The eight views of the threat model (facts file §10 with the corrections of §12), each
  // with what it must show: its panel, the parts it controls shaded, and one telling claim.
  const ADVERSARIES = [
    { id: "host", label: "Cloud or host operator", controls: ["vmm"], claim: /physical access/ },
    { id: "node", label: "dstack node operator", controls: ["vmm"], claim: /no_tee VM/ },
    { id: "kms", label: "KMS operator", controls: [], claim: /With auth-eth, bypass the on-chain rules/ },
    { id: "gateway", label: "Gateway operator", controls: [], claim: /TLS passthrough/ },
    { id: "developer", label: "App developer", controls: ["developer", "app"], claim: /only when pinned by digest/ },
    { id: "network", label: "Network attacker", controls: [], claim: /TLS ends inside a TEE/ },
    { id: "neighbour", label: "Another app on the same host", controls: [], claim: /another app's keys/ },
    { id: "container", label: "Malicious container in the same CVM", controls: ["app", "guest-agent"], claim: /boot-mr-done/ },
  ];

  test("the selector offers the eight adversary views in order", async () => {
    const { page, context, problems } = await openPage(env);
    await visit(env, page, "/architecture");
    const options = await page.locator("select[name=adversary] option").allTextContents();
    assert.deepEqual(options, ["None", ...ADVERSARIES.map((a) => a.label)]);
    assert.deepEqual(problems, []);
    await context.close();
  });

  for (const adv of ADVERSARIES) {
    test(`the ${adv.id} view: picked from the selector, it shades what it controls and says what it cannot do`, async () => {
      const { page, context, problems } = await openPage(env, { reducedMotion: "reduce" });
      await visit(env, page, "/architecture");
      await page.locator("select[name=adversary]").selectOption({ label: adv.label });
      await page.waitForURL(new RegExp(`[?&]adversary=${adv.id}$`));
      const panel = page.locator(".adversary-slot .diagram-panel");
      assert.equal(await panel.locator("h3").textContent(), adv.label);
      const text = await panel.innerText();
      assert.match(text, /Sees: /);
      assert.match(text, adv.claim);
      assert.ok((await panel.locator("h4", { hasText: "Cannot" }).count()) === 1);
      assert.doesNotMatch(text, /even with physical access/i);
      for (const id of ["visitor", "developer", "auth", "vmm", "tdx", "kms", "gateway", "guest-agent", "app"]) {
        const cls = await page.locator(`[data-node=${id}]`).getAttribute("class");
        if (adv.controls.includes(id)) assert.match(cls, /controlled/, `${adv.id} controls ${id}`);
        else assert.doesNotMatch(cls, /controlled/, `${adv.id} does not control ${id}`);
      }
      // The view survives a reload from its own URL.
      await page.reload();
      await page.locator("#app[data-live] .adversary-slot .diagram-panel").waitFor();
      assert.equal(await panel.locator("h3").textContent(), adv.label);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  test("nonsense in the URL falls back to the first step calmly", async () => {
    const { page, context, problems } = await openPage(env);
    await visit(env, page, "/architecture?flow=nope&step=99&adversary=martians");
    await expectStep(page, 1);
    assert.equal(await page.locator("select[name=flow]").inputValue(), "0");
    assert.equal(await page.locator(".adversary-slot .diagram-panel").count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  // Rewriting the history entry is a synchronous browser call that cost the page's start-up
  // 12-19 ms (about 50-76 ms of simulated blocking time on a phone): an address that already
  // says what the diagram shows is left alone; any other is tidied to say exactly that.
  test("loading the page rewrites the address only when it does not already match the diagram", async () => {
    const { page, context, problems } = await openPage(env);
    await page.addInitScript(() => {
      window.__replaced = [];
      const replace = history.replaceState;
      history.replaceState = function (state, title, url) {
        window.__replaced.push(String(url));
        return replace.call(this, state, title, url);
      };
    });
    const replaced = () => page.evaluate(() => window.__replaced);
    for (const address of ["/architecture", "/architecture?flow=kms&step=3&adversary=host"]) {
      await visit(env, page, address);
      await frames(page);
      assert.deepEqual(await replaced(), [], `${address} was rewritten`);
    }
    await visit(env, page, "/architecture?step=2&flow=kms&utm=x");
    await page.waitForURL(/\?flow=kms&step=2$/);
    assert.equal((await replaced()).length, 1);
    await visit(env, page, "/architecture?flow=nope&step=99");
    await page.waitForURL((url) => url.pathname.endsWith("/architecture") && url.search === "");
    await expectStep(page, 1);
    assert.deepEqual(problems, []);
    await context.close();
  });

  // The prerendered diagram says what it shows (`data-drawn`); the app keeps its nodes and
  // redraws only what differs: nothing on a wide screen at the first step, the narrow layout
  // on a phone, the linked step on a deep link.
  for (const { width, address, kept, redrawn } of [
    { width: 1280, address: "/architecture", kept: [".diagram-controls", ".scene > *", ".messages > *", ".diagram-steps > *"], redrawn: [] },
    { width: 360, address: "/architecture", kept: [".diagram-controls", ".diagram-steps > *"], redrawn: [".scene > *", ".messages > *"] },
    { width: 1280, address: "/architecture?flow=kms&step=2", kept: [".diagram-controls", ".scene > *"], redrawn: [".messages > *", ".diagram-steps > *"] },
    { width: 1280, address: "/", kept: [".diagram-controls", ".scene > *", ".messages > *"], redrawn: [] },
  ]) {
    test(`the app takes over the prerendered diagram at ${width} px on ${address}, redrawing only what differs`, async () => {
      const { page, context, problems } = await openPage(env, { width, reducedMotion: "reduce" });
      await page.addInitScript(() => {
        document.addEventListener("DOMContentLoaded", () => {
          for (const el of document.querySelectorAll(".diagram, .diagram *")) el.__prerendered = true;
        });
      });
      await visit(env, page, address);
      await frames(page);
      const fresh = (selector) =>
        page.evaluate((s) => {
          const all = [...document.querySelectorAll(`.diagram ${s}`)];
          return all.length ? all.filter((el) => !el.__prerendered).length : -1;
        }, selector);
      assert.equal(await page.evaluate(() => document.querySelector(".diagram").__prerendered), true);
      for (const selector of kept) assert.equal(await fresh(selector), 0, `${selector} was drawn again`);
      for (const selector of redrawn) assert.ok((await fresh(selector)) > 0, `${selector} was not redrawn`);
      // And it is live: the next step is drawn.
      const before = await caption(page);
      await page.locator("[data-action=next]").click();
      await page.waitForFunction((b) => document.querySelector(".diagram-caption").textContent !== b, before);
      assert.match(await page.locator(".diagram").getAttribute("data-drawn"), width < 600 ? /^narrow / : /^wide /);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  // Not Playwright's fake clock (it also fakes the microtask queue wasm-bindgen's futures run
  // on, which breaks the app): the page injects a short step time instead (view.rs reads
  // `window.__dstackDiagramStepMs` once), and "nothing moves" is checked as "no step timer
  // runs", not by waiting to see. The timeouts allow for a build that ignores the injection.
  test("autoplay runs only on screen and in a visible tab, and the home copy stops after one loop", async () => {
    const { page, context, problems } = await openPage(env, { height: 700 });
    await watchAutoplay(page);
    await visit(env, page, "/");
    await page.locator(".diagram-caption").waitFor({ state: "attached" });
    assert.equal(await page.locator("[data-action=play]").textContent(), "Pause", "autoplay is wanted");
    await frames(page, 5); // the IntersectionObserver has reported: below the fold
    assert.deepEqual(await stepTimers(page), [], "below the fold no step timer runs");
    await expectStep(page, 1);
    // The shortest flow keeps the loop short; choosing it keeps playing from its start.
    await page.locator("select[name=flow]").selectOption({ label: "A visitor's HTTPS request" });
    await page.locator(".diagram-svg").scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector(".diagram-caption").textContent.startsWith("Step 2 "), null, {
      timeout: 2 * VISITOR_STEP_MS,
    });
    assert.deepEqual(await stepTimers(page), [STEP_MS], "one timer, stepping at the injected time");
    // A background tab pauses it: its timer goes.
    const setHidden = (hidden) =>
      page.evaluate((hidden) => {
        Object.defineProperty(document, "hidden", { configurable: true, get: () => hidden });
        document.dispatchEvent(new Event("visibilitychange"));
      }, hidden);
    await setHidden(true);
    await page.waitForFunction(() => window.__intervals.size === 0);
    await expectStep(page, 2);
    await setHidden(false);
    const total = (await steps(page)).length;
    await page.waitForFunction(
      () => document.querySelector("[data-action=play]").textContent === "Play",
      null,
      { timeout: (total + 1) * VISITOR_STEP_MS },
    );
    await expectStep(page, 1); // one loop, back at the start, and stopped
    await page.waitForFunction(() => window.__intervals.size === 0);
    await expectStep(page, 1);
    assert.equal(await page.locator("select[name=adversary]").count(), 0, "the home copy is compact");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("with reduced motion nothing animates, nothing autoplays, and steps still work", async () => {
    for (const reducedMotion of ["no-preference", "reduce"]) {
      const { page, context, problems } = await openPage(env, { reducedMotion });
      await watchAutoplay(page);
      await visit(env, page, "/architecture");
      if (reducedMotion === "reduce") {
        await frames(page, 5);
        assert.deepEqual(await stepTimers(page), [], "no step timer, on screen or not");
      }
      await page.locator("[data-action=next]").click();
      await expectStep(page, 2);
      const running = await page.evaluate(
        () => document.getAnimations().filter((a) => a.playState === "running").length,
      );
      const play = await page.locator("[data-action=play]").textContent();
      if (reducedMotion === "reduce") {
        assert.equal(running, 0, "no animation runs");
        assert.equal(play, "Play", "no autoplay");
        assert.equal(await page.locator(".messages .edge").count(), 1, "the active edge is still drawn");
      } else {
        assert.ok(running > 0, "the message travels (so the check above can fail)");
      }
      assert.deepEqual(problems, []);
      await context.close();
    }
  });

  for (const width of [360, 1280]) {
    test(`legible at ${width} px: no sideways scroll, labels at least 12 px; screenshot saved`, async () => {
      const { page, context, problems } = await openPage(env, { width, height: 900, reducedMotion: "reduce" });
      await visit(env, page, "/architecture?flow=kms&step=2");
      const svg = page.locator(".diagram-svg");
      await svg.scrollIntoViewIfNeeded();
      const { viewBox, shown, overflow } = await page.evaluate(() => {
        const el = document.querySelector(".diagram-svg");
        return {
          viewBox: el.getAttribute("viewBox"),
          shown: el.getBoundingClientRect().width,
          overflow: document.scrollingElement.scrollWidth - window.innerWidth,
        };
      });
      assert.equal(viewBox, width < 600 ? "0 0 312 640" : "0 0 760 520");
      const units = Number(viewBox.split(" ")[2]);
      assert.ok((13 * shown) / units >= 12, `labels render at ${((13 * shown) / units).toFixed(1)} px`);
      assert.ok(overflow <= 0, `page scrolls sideways by ${overflow} px`);
      // Every label fits inside its box.
      const tooWide = await page.evaluate(() =>
        [...document.querySelectorAll("[data-node]")]
          .filter((g) => g.querySelector("text").getBBox().width > g.querySelector("rect").getBBox().width - 8)
          .map((g) => g.getAttribute("aria-label")),
      );
      assert.deepEqual(tooWide, []);
      await page.locator("#diagram").screenshot({ path: `${OUT}/diagram-${width}.png` });
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});
