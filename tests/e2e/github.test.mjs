// Live GitHub figures on the release build, with api.github.com intercepted: the healthy
// path, caching (no request within the TTL), and every failure mode from the issue. In
// each failure the page stays calm: no page error, no NaN/undefined, the links remain.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { EMPTY_SNAPSHOT, frames, gate, GITHUB_FIXTURE, GITHUB_HEADERS, launch, openPage, visit } from "./browser.mjs";

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

const figures = (page) => page.locator("#github-figures");

async function settled(page) {
  await page.locator('#app[data-live] #github-figures[data-state="ready"]').waitFor({ timeout: 15_000 });
  return (await figures(page).innerText()).trim();
}

async function assertCalm(page, pageErrors) {
  assert.deepEqual(pageErrors, [], "no page error");
  const text = await page.locator("main").innerText();
  assert.doesNotMatch(text, /NaN|undefined|null|\[object/);
  assert.ok(await page.getByRole("link", { name: "View on GitHub" }).isVisible(), "link remains");
}

describe("healthy answers", () => {
  test("home shows compact stars and forks, exact counts, and the latest release", async () => {
    const { page, context, pageErrors, githubRequests, problems } = await openPage(env);
    await visit(env, page, "/");
    const text = await settled(page);
    assert.match(text, /1\.2k stars · 56 forks/);
    assert.match(text, /latest release v0\.5\.11, \d+ (days|months) ago/);
    assert.equal(await page.getByLabel("1,234 stars").getAttribute("title"), "1,234 stars");
    assert.equal(
      await page.getByRole("link", { name: "v0.5.11" }).getAttribute("href"),
      "https://github.com/Dstack-TEE/dstack/releases/tag/v0.5.11",
    );
    assert.deepEqual(githubRequests.sort(), [
      "/repos/Dstack-TEE/dstack",
      "/repos/Dstack-TEE/dstack-examples",
      "/repos/Dstack-TEE/dstack/releases/latest",
    ]);
    assert.deepEqual(problems, []);
    assert.deepEqual(pageErrors, []);
    await context.close();
  });

  test("other routes share the visit's fetch, and a repeat visit within the TTL asks nothing", async () => {
    const { page, context, githubRequests } = await openPage(env);
    await visit(env, page, "/");
    await settled(page);
    assert.equal(githubRequests.length, 3, "fresh visit");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Resources" }).click();
    await page.getByText("210 stars").waitFor();
    assert.match(await page.locator("main").innerText(), /Dstack-TEE\/dstack-examples\s+210 stars · 40 forks/);
    assert.equal(githubRequests.length, 3, "no new request when changing route");
    await page.reload();
    await settled(page).catch(() => {}); // /resources has no hero line
    await page.getByText("210 stars").waitFor();
    await visit(env, page, "/");
    assert.match(await settled(page), /1\.2k stars/);
    assert.equal(githubRequests.length, 3, "repeat visits within the hour make no request");
    await context.close();
  });
});

function failing(status, body, headers = {}) {
  return (route) => route.fulfill({ status, headers: { ...GITHUB_HEADERS, ...headers }, body });
}

const FAILURES = [
  ["HTTP 404", failing(404, '{"message":"Not Found"}')],
  ["HTTP 500", failing(500, "Internal Server Error")],
  ["HTTP 503", failing(503, "")],
  ["malformed JSON", failing(200, '{"stargazers_count": 12,')],
  ["HTML instead of JSON", failing(200, "<html><body>Unicorn!</body></html>")],
  ["valid JSON of the wrong shape", failing(200, '{"message":"Not Found"}')],
  ["a negative count", failing(200, '{"stargazers_count":-3,"forks_count":1}')],
  ["a count larger than u64", failing(200, '{"stargazers_count":18446744073709551616,"forks_count":1}')],
  ["a huge body", failing(200, `{"stargazers_count":1,"forks_count":1,"pad":"${"x".repeat(700_000)}"}`)],
  ["the network offline", (route) => route.abort("internetdisconnected")],
];

describe("layout stability and locale", () => {
  for (const path of ["/", "/resources"]) {
    test(`${path}: figures arriving late shift nothing (CLS 0) at 360 px`, async () => {
      // The answers are held back until the live app has drawn the page.
      const late = gate();
      const slow = late.hold((route) => {
        const body = GITHUB_FIXTURE[new URL(route.request().url()).pathname];
        return route.fulfill({ status: 200, headers: GITHUB_HEADERS, body: JSON.stringify(body) });
      });
      const { page, context, pageErrors } = await openPage(env, { width: 360, height: 740, github: slow });
      await page.addInitScript(() => {
        window.__shifts = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) window.__shifts.push(entry.value);
        }).observe({ type: "layout-shift", buffered: true });
      });
      await visit(env, page, path);
      await frames(page);
      late.release();
      await page.getByText("56 forks").first().waitFor();
      if (path === "/") assert.match(await settled(page), /latest release/);
      await frames(page);
      const shifts = await page.evaluate(() => window.__shifts);
      assert.deepEqual(shifts, [], `layout shifts: ${shifts}`);
      assert.deepEqual(pageErrors, []);
      await context.close();
    });
  }

  // The page is English (lang="en"): "1.234" would be voiced as a decimal by an English
  // screen reader, so a German visitor gets the page's grouping, not the browser's.
  test("exact counts follow the page's language, whatever the visitor's locale", async () => {
    const { page, context } = await openPage(env, { locale: "de-DE" });
    await visit(env, page, "/");
    await settled(page);
    assert.equal(await page.locator("html").getAttribute("lang"), "en");
    assert.equal(await page.locator("#github-figures .figure").first().getAttribute("aria-label"), "1,234 stars");
    await context.close();
  });
});

describe("failure modes with nothing cached and no snapshot figures", () => {
  for (const [name, handler] of FAILURES) {
    test(`${name}: the figures are left out calmly`, async () => {
      const { page, context, pageErrors } = await openPage(env, { github: handler });
      await visit(env, page, "/");
      assert.equal(await settled(page), "");
      await assertCalm(page, pageErrors);
      await context.close();
    });
  }

  test("a request that never answers times out and the page stays usable", async () => {
    const { page, context, pageErrors, githubRequests } = await openPage(env, {
      github: () => new Promise(() => {}), // never fulfilled
    });
    const start = Date.now();
    await visit(env, page, "/");
    assert.ok(Date.now() - start < 5_000, "the page renders without waiting for GitHub");
    assert.equal(await figures(page).getAttribute("data-state"), "loading");
    assert.equal(await settled(page), "");
    const waited = Date.now() - start;
    assert.ok(waited >= 4_000 && waited < 9_000, `gave up after ${waited} ms`);
    assert.ok(githubRequests.length >= 1);
    await assertCalm(page, pageErrors);
    await context.close();
  });

  test("a rate limit is respected: no request before its reset time", async () => {
    const reset = Math.floor(Date.now() / 1000) + 1800;
    let calls = 0;
    const { page, context, pageErrors, githubRequests } = await openPage(env, {
      github: (route) => {
        calls += 1;
        return failing(403, '{"message":"API rate limit exceeded"}', {
          "x-ratelimit-remaining": "0",
          "x-ratelimit-reset": String(reset),
        })(route);
      },
    });
    await visit(env, page, "/");
    assert.equal(await settled(page), "");
    assert.equal(calls, 1, "the first rate-limited answer stops the other requests");
    await page.reload();
    await settled(page);
    await visit(env, page, "/resources");
    await page.waitForLoadState("networkidle"); // any request /resources would make has been made
    await visit(env, page, "/");
    await settled(page);
    assert.equal(githubRequests.length, 1, "no retry before x-ratelimit-reset");
    await assertCalm(page, pageErrors);
    await context.close();
  });
});

describe("fallbacks", () => {
  // Regression: the failure modes above passed only while the committed snapshot was empty,
  // and the deploy workflow refreshes it just before the tests run.
  test("pages see the test's own snapshot, not the built file", async () => {
    const { page, context } = await openPage(env);
    await visit(env, page, "/");
    const seen = await page.evaluate(async () => (await fetch("github-snapshot.json")).json());
    assert.deepEqual(seen, EMPTY_SNAPSHOT);
    await context.close();
  });

  test("when GitHub fails later, the last good figures show with their date", async () => {
    let healthy = true;
    const ok = (route) => route.fulfill({
      status: 200,
      headers: GITHUB_HEADERS,
      body: JSON.stringify({ stargazers_count: 4321, forks_count: 99 }),
    });
    const { page, context, pageErrors } = await openPage(env, {
      github: (route) => (healthy ? ok(route) : failing(500, "boom")(route)),
    });
    await visit(env, page, "/");
    assert.match(await settled(page), /4\.3k stars · 99 forks/);
    // Age the stored figures past the TTL, then let GitHub fail.
    await page.evaluate(() => {
      const key = "dstack.info/github/v1";
      const record = JSON.parse(localStorage.getItem(key));
      for (const repo of Object.values(record.repos)) repo.fetched_at_ms = Date.UTC(2026, 0, 2);
      localStorage.setItem(key, JSON.stringify(record));
    });
    healthy = false;
    await page.reload();
    assert.match(await settled(page), /4\.3k stars · 99 forks\s+\(as of 2026-01-02\)/);
    await assertCalm(page, pageErrors);
    await context.close();
  });

  test("on a first visit GitHub fails: the build-time snapshot shows with its date", async () => {
    const { page, context, pageErrors } = await openPage(env, {
      github: failing(502, ""),
      snapshot: { taken_on: "2026-11-01", repos: { "Dstack-TEE/dstack": { stars: 900, forks: 80 } } },
    });
    await visit(env, page, "/");
    assert.match(await settled(page), /^900 stars · 80 forks\s+\(as of 2026-11-01\)$/);
    await assertCalm(page, pageErrors);
    await context.close();
  });
});

describe("storage", () => {
  test("localStorage that throws: live figures still show, nothing persists", async () => {
    const { page, context, pageErrors, githubRequests } = await openPage(env);
    await context.addInitScript(() => {
      Object.defineProperty(window, "localStorage", {
        get() {
          throw new DOMException("The operation is insecure.", "SecurityError");
        },
      });
    });
    await visit(env, page, "/");
    assert.match(await settled(page), /1\.2k stars/);
    await page.reload();
    assert.match(await settled(page), /1\.2k stars/);
    assert.equal(githubRequests.length, 6, "without storage each visit asks again");
    await assertCalm(page, pageErrors);
    await context.close();
  });

  for (const [name, value] of [
    ["corrupt", "{not json"],
    ["old-format", JSON.stringify({ version: 0, repos: { "Dstack-TEE/dstack": { stars: 1 } } })],
    ["wrong-typed", JSON.stringify({ version: 1, repos: { "Dstack-TEE/dstack": { value: { stars: "many" } } } })],
  ]) {
    test(`${name} data in storage is ignored and replaced`, async () => {
      const { page, context, pageErrors, githubRequests } = await openPage(env);
      await context.addInitScript((v) => {
        if (!sessionStorage.getItem("seeded")) {
          localStorage.setItem("dstack.info/github/v1", v);
          sessionStorage.setItem("seeded", "1");
        }
      }, value);
      await visit(env, page, "/");
      assert.match(await settled(page), /1\.2k stars · 56 forks/);
      assert.equal(githubRequests.length, 3);
      const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("dstack.info/github/v1")));
      assert.equal(stored.version, 1);
      assert.equal(stored.repos["Dstack-TEE/dstack"].value.stars, 1234);
      await assertCalm(page, pageErrors);
      await context.close();
    });
  }
});

// The deploy workflow runs scripts/github-snapshot.mjs against the real API; here it runs
// against a stubbed `fetch` in a scratch directory (no network, the committed snapshot is
// left alone). Regression: its repository regex missed rustfmt's trailing comma, so it found
// no repository and the deploy step failed.
describe("snapshot script", () => {
  const PAGED = "https://api.github.com/repositories/1/contributors?per_page=1&anon=true";
  const stub = (link) => `
    globalThis.fetch = async (url) => {
      const u = new URL(url);
      const json = (body, headers = {}) => new Response(JSON.stringify(body), { status: 200, headers });
      if (u.pathname === "/repos/Dstack-TEE/dstack") return json({ stargazers_count: 1234, forks_count: 56 });
      if (u.pathname === "/repos/Dstack-TEE/dstack-examples") return json({ stargazers_count: 210, forks_count: 40 });
      if (u.pathname.endsWith("/contributors")) {
        if (u.search !== "?per_page=1&anon=true") throw new Error("unexpected query " + u.search);
        if (u.pathname === "/repos/Dstack-TEE/dstack-examples/contributors") return json([{ login: "b" }]);
        return json([{ login: "a" }], { link: ${JSON.stringify(link)} });
      }
      throw new Error("unexpected request " + url);
    };`;

  function run(link) {
    const dir = mkdtempSync(join(tmpdir(), "gh-snapshot-"));
    try {
      mkdirSync(join(dir, "src/github"), { recursive: true });
      mkdirSync(join(dir, "public"));
      writeFileSync(join(dir, "src/github/mod.rs"), readFileSync("src/github/mod.rs"));
      writeFileSync(join(dir, "stub.mjs"), stub(link));
      const before = '{"taken_on":null,"repos":{}}';
      writeFileSync(join(dir, "public/github-snapshot.json"), before);
      let error = null;
      try {
        execFileSync(process.execPath, ["--import", "./stub.mjs", join(process.cwd(), "scripts/github-snapshot.mjs")], {
          cwd: dir,
          stdio: "pipe",
          env: { ...process.env, GITHUB_TOKEN: "" },
        });
      } catch (err) {
        error = String(err.stderr);
      }
      const written = readFileSync(join(dir, "public/github-snapshot.json"), "utf8");
      return { error, snapshot: written === before ? null : JSON.parse(written) };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  test("records stars, forks and contributors of every repository", () => {
    const { error, snapshot } = run(`<${PAGED}&page=2>; rel="next", <${PAGED}&page=57>; rel="last"`);
    assert.equal(error, null);
    assert.match(snapshot.taken_on, /^\d{4}-\d{2}-\d{2}$/);
    assert.deepEqual(snapshot.repos, {
      "Dstack-TEE/dstack": { stars: 1234, forks: 56, contributors: 57 },
      "Dstack-TEE/dstack-examples": { stars: 210, forks: 40, contributors: 1 },
    });
  });

  for (const link of [`<${PAGED}&page=2>; rel="next"`, `<${PAGED}&page=x>; rel="last"`, "garbage"]) {
    test(`refuses to write on a bad Link header: ${link.slice(-20)}`, () => {
      const { error, snapshot } = run(link);
      assert.match(error, /unexpected Link header/);
      assert.equal(snapshot, null, "the old snapshot stays");
    });
  }

  test("the committed snapshot is valid", () => {
    const committed = JSON.parse(readFileSync("public/github-snapshot.json", "utf8"));
    assert.ok(committed.taken_on === null || /^\d{4}-\d{2}-\d{2}$/.test(committed.taken_on));
    for (const figures of Object.values(committed.repos)) {
      for (const n of Object.values(figures)) assert.ok(Number.isSafeInteger(n) && n >= 0);
    }
  });
});
