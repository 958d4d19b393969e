// End-to-end tests of /verify on the release build: the verifier module loads only on
// that page, the samples verify, a flipped byte and a foreign event log fail with a
// reason, bad pastes get calm messages, nothing goes over the network, and the page says
// so when the module cannot load.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { AxeBuilder } from "@axe-core/playwright";
import { AXE_TAGS, launch, openPage, visit } from "./browser.mjs";

const OUT = "target/test-output";
const VERIFIER = /\/dstack-verifier-[0-9a-f]{16}(\.js|_bg\.wasm)$/;

let env;
before(async () => {
  env = await launch();
  mkdirSync(OUT, { recursive: true });
});
after(async () => {
  await env?.close();
});

/** Opens /verify and waits until the module has taken the form over. */
async function ready(options) {
  const opened = await openPage(env, options);
  const requests = [];
  opened.page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  await visit(env, opened.page, "/verify");
  await opened.page.locator("#verify-status", { hasText: "Ready" }).waitFor({ timeout: 20_000 });
  return { ...opened, requests };
}

const check = (page, name) => page.locator(".vr-checks li", { hasText: name });
const badge = (page, name) => check(page, name).locator(".vr-badge").textContent();

describe("/verify", () => {
  test("the verifier module is fetched on /verify only", async () => {
    const { page, context, problems } = await openPage(env);
    const requests = [];
    page.on("request", (r) => requests.push(new URL(r.url()).pathname));
    await visit(env, page, "/");
    for (const name of ["Architecture", "Get started", "Resources"]) {
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true }).click();
      await page.locator("main h1").waitFor();
    }
    assert.deepEqual(requests.filter((p) => VERIFIER.test(p)), [], "no other page loads it");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Verify", exact: true }).click();
    await page.locator("#verify-status", { hasText: "Ready" }).waitFor({ timeout: 20_000 });
    const loaded = requests.filter((p) => VERIFIER.test(p));
    assert.equal(loaded.length, 2, `its JS and wasm, once each: ${loaded}`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("Intel's sample verifies at the fixed instant, without any request", async () => {
    const { page, context, problems, requests } = await ready();
    const before = requests.length;
    const ms = await page.evaluate(async () => {
      const t0 = performance.now();
      document.querySelector('[data-action="sample-intel"]').click();
      return performance.now() - t0; // the check runs synchronously inside the click
    });
    console.log(`# verify Intel sample in Chromium: ${ms.toFixed(1)} ms`);
    assert.equal(await badge(page, "Signature chain"), "Passed");
    const text = await check(page, "Signature chain").textContent();
    assert.match(text, /TCB status: UpToDate/);
    assert.match(text, /2025-07-01 00:00 UTC, a fixed instant/);
    assert.equal(await badge(page, "Quote structure"), "Passed");
    assert.equal(await badge(page, "Event log replay"), "Not checked");
    assert.equal(await page.locator(".vr-field").count(), 15);
    // Focus moves to the result so keyboard and screen-reader users land on it.
    assert.equal(await page.evaluate(() => document.activeElement?.id), "verify-result");
    assert.deepEqual(requests.slice(before), [], "checking made no request at all");
    await page.screenshot({ path: `${OUT}/verify-1280.png`, fullPage: true });
    const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("one flipped byte fails the signature check with the reason", async () => {
    const { page, context, problems } = await ready();
    await page.locator('[data-action="sample-intel"]').click();
    assert.equal(await badge(page, "Signature chain"), "Passed");
    const original = await page.locator("#verify-quote").inputValue();
    await page.locator('[data-action="flip"]').click();
    const flipped = await page.locator("#verify-quote").inputValue();
    const changed = [...original].flatMap((c, i) => (c === flipped[i] ? [] : [i]));
    assert.deepEqual(changed, [1201], "one hex digit of byte 600 changed");
    assert.equal(await badge(page, "Signature chain"), "Failed");
    assert.match(await check(page, "Signature chain").textContent(), /signature is invalid.*Do not trust/s);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("the dstack sample's event log replays to RTMR0-3; a changed log does not", async () => {
    const { page, context, problems } = await ready({ width: 360, height: 800 });
    await page.locator('[data-action="sample-dstack"]').click();
    assert.equal(await badge(page, "Event log replay"), "Passed");
    assert.match(
      await check(page, "Event log replay").textContent(),
      /9 RTMR3 events gives exactly the quote's RTMR3.*RTMR0 matches, RTMR1 matches, RTMR2 matches/s,
    );
    assert.equal(await badge(page, "Signature chain"), "Not checked");
    const compose = page.locator(".vr-table tr", { has: page.locator("th", { hasText: "compose-hash" }) });
    assert.match(await compose.textContent(), /86b0e55f2fa8e4fb/);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `no sideways scroll at 360 px (${width})`);
    await page.screenshot({ path: `${OUT}/verify-360.png`, fullPage: true });

    // The same log with one payload changed no longer matches the quote.
    const log = await page.locator("#verify-log").inputValue();
    const tampered = log.replace(/"event_payload": "86b0e55f/, '"event_payload": "96b0e55f');
    assert.notEqual(tampered, log);
    await page.locator("#verify-log").fill(tampered);
    await page.getByRole("button", { name: "Verify", exact: true }).click();
    assert.equal(await badge(page, "Event log replay"), "Failed");
    assert.match(await check(page, "Event log replay").textContent(), /does not belong to this quote, or it was changed/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("bad pastes get a precise message, never a blank page", async () => {
    const { page, context, problems, pageErrors } = await ready();
    const cases = [
      ["", /The quote field is empty/],
      ["hello, world", /Character ',' at position 5 .* neither hex nor base64/],
      ["abc", /3 hex digits, an odd number/],
      ["0400", /truncated: it has 2 bytes, but the 48-byte header needs 48/],
      ["07".padEnd(200, "0"), /version 7/],
      ['{"quote": 12}', /"quote" field is not a string/],
    ];
    for (const [paste, message] of cases) {
      await page.locator("#verify-quote").fill(paste);
      await page.getByRole("button", { name: "Verify", exact: true }).click();
      const alert = page.locator("#verify-result [role=alert]");
      assert.match(await alert.textContent(), message, `paste ${JSON.stringify(paste.slice(0, 20))}`);
    }
    // A garbage event log leaves the quote's own checks standing.
    await page.locator('[data-action="sample-dstack"]').click();
    await page.locator("#verify-log").fill("[{ not json");
    await page.getByRole("button", { name: "Verify", exact: true }).click();
    assert.equal(await badge(page, "Quote structure"), "Passed");
    assert.match(await check(page, "Event log replay").textContent(), /not valid JSON/);

    // 10 MB is refused by length, before the text is copied into wasm.
    await page.evaluate(() => {
      document.querySelector("#verify-quote").value = "ab".repeat(5 * 1024 * 1024);
    });
    await page.getByRole("button", { name: "Verify", exact: true }).click();
    assert.match(
      await page.locator("#verify-result [role=alert]").textContent(),
      /holds 10485760 characters, more than the 262144 this page reads/,
    );
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("if the module cannot load, the page says so and stays usable", async () => {
    const { page, context } = await openPage(env);
    await context.route(VERIFIER, (route) => route.abort("failed"));
    await visit(env, page, "/verify");
    await page.locator("#verify-status", { hasText: "could not load" }).waitFor({ timeout: 15_000 });
    assert.equal(await page.getByRole("button", { name: "Verify", exact: true }).isDisabled(), true);
    assert.equal(await page.locator("main h1").textContent(), "Verify a TDX quote in your browser");
    await context.close();
  });

  test("without JavaScript the page explains itself and its buttons stay disabled", async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(env.origin + "/verify");
    assert.match(await page.locator(".verify-noscript").textContent(), /needs JavaScript/);
    assert.equal(await page.getByRole("button", { name: "Verify", exact: true }).isDisabled(), true);
    assert.match(await page.locator("#verify-how + dl, .verify-notes").first().textContent(), /dcap-qvl/);
    await context.close();
  });
});
