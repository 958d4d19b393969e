// End-to-end tests of /verify on the release build: the verifier module loads only on
// that page, the samples verify, a flipped byte and a foreign event log fail with a
// reason, the dstack sample's OS image, app and identity checks, compose-hash matching,
// shared links, the JSON report and the app-compose builder, bad pastes get calm
// messages, nothing goes over the network, and the page says so when the module cannot
// load.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { axeViolations, launch, openPage, visit } from "./browser.mjs";

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

const check = (page, name) =>
  page.locator(".vr-checks li", { has: page.locator("strong", { hasText: new RegExp(`^${name}\\.$`) }) });
const badge = (page, name) => check(page, name).locator(".vr-badge").textContent();
const sha256 = (text) => createHash("sha256").update(text, "utf8").digest("hex");

/** Every check's badge, by name, in page order. */
async function states(page) {
  return page.locator(".vr-checks li").evaluateAll((items) =>
    Object.fromEntries(
      items.map((li) => [li.querySelector("strong").textContent.replace(/\.$/, ""), li.querySelector(".vr-badge").textContent]),
    ),
  );
}

/** Loads the dstack sample and times the check (it runs synchronously in the click). */
async function loadDstack(page) {
  return page.evaluate(() => {
    const t0 = performance.now();
    document.querySelector('[data-action="sample-dstack"]').click();
    return performance.now() - t0;
  });
}

async function verify(page) {
  await page.getByRole("button", { name: "Verify", exact: true }).click();
}


/** An app-compose.json as the VMM CLI writes it (indent 4, insertion order). */
const APP = {
  manifest_version: 2,
  name: "demo",
  runner: "docker-compose",
  docker_compose_file: "services:\n  web:\n    image: nginx:1.27\n",
  kms_enabled: true,
  gateway_enabled: true,
  allowed_envs: [],
};
const CLI_FORM = JSON.stringify(APP, null, 4);

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

  test("dcap-qvl's sample TDX quote verifies at the fixed instant, without any request", async () => {
    const { page, context, problems, requests } = await ready();
    const before = requests.length;
    const ms = await page.evaluate(async () => {
      const t0 = performance.now();
      document.querySelector('[data-action="sample-intel"]').click();
      return performance.now() - t0; // the check runs synchronously inside the click
    });
    console.log(`# verify dcap-qvl's sample TDX quote in Chromium: ${ms.toFixed(1)} ms`);
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
    assert.deepEqual(await axeViolations(page), []);
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

  test("a verifier wasm altered in transit is refused by its integrity check, and the page says so", async () => {
    const { page, context, problems } = await openPage(env);
    let altered = 0;
    await context.route(/\/dstack-verifier-[0-9a-f]{16}_bg\.wasm$/, async (route) => {
      const res = await route.fetch();
      const body = Buffer.from(await res.body());
      body[body.length - 1] ^= 0xff;
      altered++;
      await route.fulfill({ response: res, body });
    });
    await visit(env, page, "/verify");
    await page.locator("#verify-status", { hasText: "could not load" }).waitFor({ timeout: 15_000 });
    assert.ok(altered >= 1, "the wasm was requested");
    assert.equal(await page.getByRole("button", { name: "Verify", exact: true }).isDisabled(), true);
    assert.ok(
      problems.some((p) => /integrity/i.test(p)),
      `the browser reports the failed integrity check: ${problems.join(" | ")}`,
    );
    await context.close();
  });

  test("the dstack sample: hardware, OS image, app and identity checks with their states", async () => {
    const { page, context, problems, requests } = await ready();
    const before = requests.length;
    const ms = await loadDstack(page);
    console.log(`# verify the dstack sample end to end in Chromium: ${ms.toFixed(1)} ms`);
    assert.deepEqual(await states(page), {
      "Quote structure": "Passed",
      "Signature chain": "Not checked",
      "Debug mode": "Passed",
      "OS image": "Passed",
      "Event log replay": "Passed",
      "Compose hash": "Not checked",
      MRCONFIGID: "Passed",
      "Boot sequence": "Passed",
      "App ID": "Passed",
      "Instance ID": "Passed",
      "Key provider": "Passed",
      "OS image hash": "Passed",
    });
    for (const title of ["Hardware", "OS image", "App", "Identity"]) {
      await page.getByRole("heading", { level: 2, name: title, exact: true }).waitFor();
    }
    assert.match(await check(page, "OS image").textContent(), /OS image matches\. MRTD, RTMR0, RTMR1 and RTMR2 equal/);
    assert.equal(await page.locator("td", { hasText: /^Matches$/ }).count(), 4);
    assert.match(await check(page, "App ID").textContent(), /first 20 bytes of the compose hash/);
    assert.match(await check(page, "Key provider").textContent(), /“kms”: a dstack KMS.*P-256/s);
    const verdict = await page.locator(".vr-verdict").textContent();
    assert.match(verdict, /Verdict: Incomplete/);
    assert.match(verdict, /Intel SGX Root CA \(certificate SHA-256 44a0196b2b99f889/);
    assert.match(verdict, /checked at \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    assert.deepEqual(requests.slice(before), [], "checking made no request at all");
    await page.screenshot({ path: `${OUT}/verify-dstack-1280.png`, fullPage: true });
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a changed VM config fails or refuses the OS image check, calmly", async () => {
    const { page, context, problems } = await ready();
    await loadDstack(page);
    const vm = await page.locator("#verify-vm").inputValue();
    await page.locator("#verify-vm").fill(vm.replace('"memory_size": 2147483648', '"memory_size": 1073741824'));
    await verify(page);
    assert.equal(await badge(page, "OS image"), "Not checked");
    assert.match(await check(page, "OS image").textContent(), /1024 MiB of RAM\. The lite path supports exactly 2048 MiB/);
    await page.locator("#verify-vm").fill(vm.replace('"qemu_version": "8.2.2"', '"qemu_version": "9.1.0"'));
    await verify(page);
    assert.equal(await badge(page, "OS image"), "Failed");
    assert.match(await check(page, "OS image").textContent(), /does not match: MRTD \(virtual firmware/);
    await page.locator("#verify-vm").fill("{ not json");
    await verify(page);
    assert.match(await check(page, "OS image").textContent(), /The VM config is not valid JSON/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("app-compose.json: the exact bytes match; reformatted bytes name the form that matches", async () => {
    const { page, context, problems } = await ready();
    await loadDstack(page);
    await page.locator("#verify-compose").fill(CLI_FORM);
    await verify(page);
    assert.equal(await badge(page, "Compose hash"), "Failed", "not the sample's own file");
    assert.match(await check(page, "Compose hash").textContent(), /No match\. Your app-compose\.json hashes to/);

    await page.locator("#verify-expected").fill(sha256(CLI_FORM));
    await verify(page);
    assert.equal(await badge(page, "Compose hash"), "Passed");
    assert.match(await check(page, "Compose hash").textContent(), /^Passed Compose hash\. Match\./);
    assert.equal(await page.locator(".vr-why").getAttribute("open"), null, "panel closed on a match");

    // The same content with different whitespace: no match, and the VMM CLI form matches.
    await page.locator("#verify-compose").fill(JSON.stringify(APP));
    await verify(page);
    assert.equal(await badge(page, "Compose hash"), "Warning");
    assert.match(
      await check(page, "Compose hash").textContent(),
      /No match for the bytes you pasted.*the VMM CLI form of the same content matches/s,
    );
    const why = page.locator(".vr-why");
    assert.equal(await why.getAttribute("open"), "");
    assert.match(await why.textContent(), /The VMM CLI form: this one matches/);
    assert.match(await why.textContent(), new RegExp(sha256(CLI_FORM)));

    // Against the normalized form's hash, the indented file names the normalized form.
    const sorted = Object.fromEntries(Object.entries(APP).sort(([a], [b]) => (a < b ? -1 : 1)));
    await page.locator("#verify-compose").fill(CLI_FORM);
    await page.locator("#verify-expected").fill(sha256(JSON.stringify(sorted)));
    await verify(page);
    assert.match(await check(page, "Compose hash").textContent(), /the normalized form of the same content matches/);
    assert.deepEqual(await axeViolations(page), []);

    await page.locator("#verify-expected").fill("abcd");
    await verify(page);
    assert.match(await check(page, "Compose hash").textContent(), /has 2 bytes; a SHA-256 hash has 32/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("the shared link reproduces the result in a fresh page; the download is valid JSON", async () => {
    const { page, context, problems } = await ready();
    await loadDstack(page);
    await page.locator("#verify-compose").fill(`${CLI_FORM}\n<script>alert(1)</script>`);
    await verify(page);
    const original = await states(page);
    await page.getByRole("button", { name: "Copy link to this result" }).click();
    await page.locator("#verify-share-status", { hasText: /characters/ }).waitFor();
    const url = page.url();
    assert.match(url, /\/verify#v1=[A-Za-z0-9_-]+$/);
    assert.ok(url.length < 1000, `a sample-based link stays short (${url.length})`);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download report (JSON)" }).click(),
    ]);
    assert.equal(download.suggestedFilename(), "dstack-verify-report.json");
    const report = JSON.parse(readFileSync(await download.path(), "utf8"));
    assert.equal(report.verdict.state, "fail");
    assert.equal(report.checks.length, Object.keys(original).length);
    assert.equal(report.values.os_image.registers.filter((r) => r.match).length, 4);
    assert.equal(report.trust_anchor.name, "Intel SGX Root CA");

    const fresh = await openPage(env);
    await fresh.page.goto(url);
    await fresh.page.locator(".vr-verdict").waitFor({ timeout: 20_000 });
    assert.deepEqual(await states(fresh.page), original);
    assert.match(await fresh.page.locator("#verify-compose").inputValue(), /<script>alert\(1\)<\/script>$/);
    assert.equal(await fresh.page.locator("#verify-result script").count(), 0);
    assert.deepEqual(fresh.problems, []);
    await fresh.context.close();

    // A damaged link gets a calm message instead of a result.
    const broken = await openPage(env);
    await broken.page.goto(url.slice(0, -40));
    assert.match(await broken.page.locator("#verify-result [role=alert]").textContent({ timeout: 20_000 }), /cannot be read/);
    await broken.context.close();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a link too long to share says so", async () => {
    const { page, context, problems } = await ready();
    await loadDstack(page);
    let x = 88172645463325252n;
    let noise = "";
    for (let i = 0; i < 150_000; i++) {
      x ^= (x << 13n) & 0xffffffffffffffffn;
      x ^= x >> 7n;
      x ^= (x << 17n) & 0xffffffffffffffffn;
      noise += (x & 15n).toString(16);
    }
    await page.locator("#verify-collateral").fill(noise);
    await verify(page);
    await page.getByRole("button", { name: "Copy link to this result" }).click();
    assert.match(
      await page.locator("#verify-share-status").textContent(),
      /longer than the 48000 characters this page puts in a link\. Download the report instead/,
    );
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("the builder writes both forms, warns about tags, and names a YAML error", async () => {
    const { page, context, problems } = await ready();
    await page.locator("#vb-yaml").fill("services:\n  web:\n    image: nginx:latest\n  db:\n    image: postgres@sha256:abcd\n");
    await page.locator("#vb-name").fill("demo");
    await page.getByRole("button", { name: "Build", exact: true }).click();
    const out = page.locator("#vb-result");
    const warning = await out.locator(".vr-warnbox").textContent();
    assert.match(warning, /Images by tag, not digest.*Line 3: nginx:latest/s);
    assert.doesNotMatch(warning, /postgres/, "pinned by digest: no warning");
    const hashes = await out.locator(".vr-form p code").allTextContents();
    assert.equal(hashes.length, 2);
    const cli = await out.locator(".vr-pre").first().textContent();
    assert.equal(sha256(cli), hashes[0], "the shown hash is the hash of the shown text");
    assert.match(cli, /^\{\n    "manifest_version": 2,\n    "name": "demo",/);
    assert.deepEqual(await axeViolations(page), []);

    // Its output goes straight into the app check.
    await loadDstack(page);
    await out.getByRole("button", { name: "Check this VMM CLI form as app-compose.json" }).click();
    assert.equal(await page.locator("#verify-compose").inputValue(), cli);

    await page.locator("#vb-yaml").fill("services:\n\tweb: {}\n");
    await page.getByRole("button", { name: "Build", exact: true }).click();
    assert.match(await out.locator("[role=alert]").textContent(), /YAML error on line 2: it is indented with a tab/);
    assert.deepEqual(problems, []);
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
