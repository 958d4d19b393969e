// End-to-end tests of the section pages' interactive parts on the release build:
// URL-backed filters, copy buttons (granted and refused), and the ARIA tabs.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { frames, launch, openPage, visit } from "./browser.mjs";

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

/** Tag labels of every visible and every hidden card. */
async function cardTags(page) {
  return page.locator("main li.card").evaluateAll((cards) =>
    cards.map((c) => ({
      hidden: c.hidden,
      tags: [...c.querySelectorAll(".tag")].map((t) => t.textContent.trim()),
    })),
  );
}

describe("section content", () => {
  const KEY_HEADINGS = {
    "/architecture": [
      "The problem it solves",
      "The parts and where they run",
      "Three ways a CVM gets its keys",
      "The trust model in plain words",
    ],
    "/use-cases": [
      "In production",
      "Integrations built on dstack",
      "Announced",
      "Patterns you can build, with a working example",
      "Ideas, not yet built",
    ],
    "/features": ["For developers", "For security", "For independence", "For operations"],
    "/getting-started": ["What you need", "Choose a path", "Deploy your own app"],
    "/ecosystem": ["Who is behind it", "Who runs on it", "Integrations and announcements", "Community"],
    "/resources": ["SDKs", "Documentation", "Research and security", "Verification tools"],
  };
  for (const [path, headings] of Object.entries(KEY_HEADINGS)) {
    test(`${path} shows its key sections`, async () => {
      const { page, context, problems } = await openPage(env);
      await visit(env, page, path);
      for (const name of headings) {
        assert.ok(await page.getByRole("heading", { level: 2, name, exact: true }).isVisible(), name);
      }
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});

// Regression (issue #15): what the facts file's §12 corrected shows on the built pages.
describe("content truth", () => {
  test("'Who runs on it' lists only adopters with a first-party source", async () => {
    const { page, context, problems } = await openPage(env);
    await visit(env, page, "/ecosystem");
    const names = (id) => page.locator(`section[aria-labelledby="${id}"] li.card h3`).allTextContents();
    assert.deepEqual(await names("adopters"), ["NEAR AI", "redpill.ai", "Phala Cloud"]);
    assert.deepEqual(await names("around"), ["Eliza", "Encifher", "OpenRouter"]);
    const around = await page.locator('section[aria-labelledby="around"]').innerText();
    for (const word of ["Integration", "Announced", "Lists a dstack-based provider"]) assert.ok(around.includes(word), word);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("the architecture page names the omitted parts and the three boot modes", async () => {
    const { page, context } = await openPage(env);
    await visit(env, page, "/architecture");
    const parts = await page.locator('section[aria-labelledby="parts"] h3').allTextContents();
    for (const name of ["dstack-util", "dstack-verifier", "dstack-mr", "certbot and ct_monitor",
      "dstackup and the dstack CLI", "dstack-cloud", "VMM CLI"]) {
      assert.ok(parts.includes(name), name);
    }
    const modes = await page.locator('section[aria-labelledby="boot-modes"] tbody th').allTextContents();
    assert.deepEqual(modes, ["Non-KMS", "Local key provider", "KMS"]);
    await context.close();
  });

  test("examples that mount tappd.sock are marked, and the Phala CLI is named", async () => {
    const { page, context } = await openPage(env);
    await visit(env, page, "/examples");
    assert.equal(await page.locator("li.card", { hasText: "deprecated /var/run/tappd.sock" }).count(), 5);
    assert.ok(await page.getByText("Most examples deploy to Phala Cloud with the Phala CLI").isVisible());
    await context.close();
  });

  test("the cloud path uses the moved CLI folder and says upstream is stale", async () => {
    const { page, context } = await openPage(env);
    await visit(env, page, "/getting-started#cloud");
    const panel = page.getByRole("tabpanel", { name: "Cloud" });
    assert.match(await panel.innerText(), /\$\(pwd\)\/dstack\/dstack\/scripts\/bin/);
    assert.match(await panel.innerText(), /Upstream's quickstart still shows/);
    await page.getByRole("tab", { name: "Production" }).click();
    const production = await page.getByRole("tabpanel", { name: "Production" }).innerText();
    for (const must of ["osImages", "mrAggregated", "composeHashes", "twice", "Register the gateway app"]) {
      assert.ok(production.includes(must), must);
    }
    assert.equal(await page.getByRole("tabpanel", { name: "Production" }).locator('a[href$="/tutorials/kms"]').count(), 2);
    await page.getByRole("tab", { name: "Local development" }).click();
    assert.match(await page.getByRole("tabpanel", { name: "Local development" }).innerText(), /sdk\/simulator\/dstack\.sock/);
    await context.close();
  });

  test("home offers developers and enterprises their own calls to action", async () => {
    const { page, context } = await openPage(env);
    await visit(env, page, "/");
    const enterprises = page.getByRole("group", { name: "Enterprises" });
    assert.ok(await enterprises.getByRole("link", { name: "Security model" }).isVisible());
    assert.match(await enterprises.getByRole("link", { name: /Enterprise support/ }).getAttribute("href"), /^mailto:support@phala\.network$/);
    assert.ok(await page.getByRole("group", { name: "Developers" }).getByRole("link", { name: "Get started" }).isVisible());
    await context.close();
  });
});

describe("filters", () => {
  test("use cases filter by mouse, update the URL and survive a reload", async () => {
    const { page, context, problems } = await openPage(env);
    await visit(env, page, "/use-cases");
    const all = await cardTags(page);
    assert.ok(all.every((c) => !c.hidden));
    await page.getByRole("button", { name: "Blockchain", exact: true }).click();
    await page.waitForURL(/\?tag=blockchain$/);
    for (const state of [await cardTags(page), null]) {
      const cards = state ?? (await (async () => {
        await page.reload();
        await page.locator("#app[data-live] main h1").waitFor();
        return cardTags(page);
      })());
      const shown = cards.filter((c) => !c.hidden);
      assert.ok(shown.length > 0 && shown.length < all.length);
      assert.ok(shown.every((c) => c.tags.includes("Blockchain")));
      assert.ok(cards.filter((c) => c.hidden).every((c) => !c.tags.includes("Blockchain")));
      assert.equal(
        await page.getByRole("button", { name: "Blockchain", exact: true }).getAttribute("aria-pressed"),
        "true",
      );
      assert.match(await page.locator(".result-count").innerText(), new RegExp(`^Showing ${shown.length} of ${all.length}`));
    }
    await page.getByRole("button", { name: "All", exact: true }).click();
    await page.waitForURL(env.origin + "/use-cases");
    assert.ok((await cardTags(page)).every((c) => !c.hidden));
    // Choosing what is already chosen leaves the address (and the history entry) alone.
    await page.evaluate(() => {
      window.__replaced = 0;
      const replace = history.replaceState;
      history.replaceState = function (...args) {
        window.__replaced += 1;
        return replace.apply(this, args);
      };
    });
    await page.getByRole("button", { name: "All", exact: true }).click();
    await frames(page);
    assert.equal(await page.evaluate(() => window.__replaced), 0);
    await page.getByRole("button", { name: "Privacy", exact: true }).click();
    await page.waitForURL(/\?tag=privacy$/);
    assert.equal(await page.evaluate(() => window.__replaced), 1);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("use case chips work by keyboard", async () => {
    const { page, context } = await openPage(env);
    await visit(env, page, "/use-cases");
    await page.getByRole("button", { name: "Privacy", exact: true }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\?tag=privacy$/);
    await page.keyboard.press("Tab"); // onto Infrastructure
    await page.keyboard.press("Space");
    await page.waitForURL(/\?tag=infrastructure$/);
    const shown = (await cardTags(page)).filter((c) => !c.hidden);
    assert.ok(shown.length > 0 && shown.every((c) => c.tags.includes("Infrastructure")));
    await context.close();
  });

  test("examples filter by text and tag, restore from the URL, and say when nothing matches", async () => {
    const { page, context, problems } = await openPage(env);
    await visit(env, page, "/examples");
    const total = (await cardTags(page)).length;
    const search = page.getByRole("searchbox", { name: "Search the examples" });
    await search.fill("helios");
    await page.waitForURL(/\?q=helios$/);
    assert.equal((await cardTags(page)).filter((c) => !c.hidden).length, 1);

    await page.reload();
    await page.locator("#app[data-live] main h1").waitFor();
    assert.equal(await search.inputValue(), "helios");
    assert.equal((await cardTags(page)).filter((c) => !c.hidden).length, 1);

    await search.fill("no such example anywhere");
    assert.equal((await cardTags(page)).filter((c) => !c.hidden).length, 0);
    assert.ok(await page.getByText("No example matches").isVisible());

    await search.fill("");
    await page.getByRole("button", { name: "Tutorial", exact: true }).click();
    await page.waitForURL(/\?tag=tutorial$/);
    const shown = (await cardTags(page)).filter((c) => !c.hidden);
    assert.ok(shown.length >= 8 && shown.length < total);
    assert.ok(shown.every((c) => c.tags.includes("Tutorial")));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("an unknown tag in the URL shows everything instead of nothing", async () => {
    const { page, context } = await openPage(env);
    await visit(env, page, "/use-cases?tag=not-a-tag");
    assert.ok((await cardTags(page)).every((c) => !c.hidden));
    assert.equal(await page.getByRole("button", { name: "All", exact: true }).getAttribute("aria-pressed"), "true");
    await context.close();
  });
});

describe("copy buttons", () => {
  test("copy puts the exact command on the clipboard and says so", async () => {
    const { page, context, problems } = await openPage(env);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: env.origin });
    await visit(env, page, "/getting-started");
    const block = page.locator("pre").first().locator("..");
    const command = await block.locator("code").textContent();
    await block.getByRole("button", { name: /^Copy command/ }).click();
    await assert.doesNotReject(block.getByText("Copied to the clipboard.").waitFor());
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), command);
    assert.ok(command.includes("sudo dmesg | grep -i tdx"));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("when the clipboard is refused the command is selected and the visitor told", async () => {
    const { page, context } = await openPage(env);
    await context.addInitScript(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException("denied", "NotAllowedError"));
    });
    await visit(env, page, "/resources");
    const block = page.locator("pre").first().locator("..");
    await block.getByRole("button", { name: /^Copy command/ }).click();
    await block.getByText(/Copying is blocked here/).waitFor();
    assert.equal(await page.evaluate(() => window.getSelection().toString()), "pip install dstack-sdk");
    await context.close();
  });
});

describe("getting-started tabs", () => {
  test("follow the ARIA tabs pattern with arrows, Home and End", async () => {
    const { page, context, problems } = await openPage(env);
    await visit(env, page, "/getting-started");
    const tabs = page.getByRole("tab");
    const count = await tabs.count();
    assert.equal(count, 5);
    const selected = () => page.locator('[role="tab"][aria-selected="true"]').innerText();
    const focused = () => page.evaluate(() => document.activeElement?.textContent);
    assert.equal(await selected(), "Single server");
    assert.equal(await page.locator('[role="tab"][tabindex="0"]').count(), 1, "roving tabindex");

    await tabs.first().focus();
    await page.keyboard.press("ArrowRight");
    assert.equal(await selected(), "Production");
    assert.equal(await focused(), "Production");
    assert.match(page.url(), /#production$/);
    assert.ok(await page.getByRole("tabpanel", { name: "Production" }).isVisible());
    assert.equal(await page.locator('[role="tabpanel"]:visible').count(), 1);

    await page.keyboard.press("End");
    assert.equal(await selected(), "Local development");
    await page.keyboard.press("ArrowRight");
    assert.equal(await selected(), "Single server", "wraps to the first");
    await page.keyboard.press("ArrowLeft");
    assert.equal(await selected(), "Local development", "wraps to the last");
    await page.keyboard.press("Home");
    assert.equal(await selected(), "Single server");
    assert.equal(await focused(), "Single server");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a #fragment deep link opens that tab, also after a reload", async () => {
    const { page, context } = await openPage(env);
    await visit(env, page, "/getting-started#cloud");
    const selected = () => page.locator('[role="tab"][aria-selected="true"]').innerText();
    assert.equal(await selected(), "Cloud");
    assert.ok(await page.getByText("dstack-cloud config-edit").isVisible());
    await page.reload();
    await page.locator("#app[data-live] main h1").waitFor();
    assert.equal(await selected(), "Cloud");
    await context.close();
  });
});
