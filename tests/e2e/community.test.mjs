// /community's project activity line on the release build, with api.github.com intercepted:
// stars, forks and the live contributor count of the main repository, counted from the
// `rel="last"` page of `GET …/contributors?per_page=1&anon=true`.
//
// Policy under test: each figure falls back on its own. When the contributors call fails,
// stars and forks still show, and the count gives way to its last good value or the
// build-time snapshot's (each "as of" its date), else to a plain "contributors on GitHub"
// link: never a wrong number, a blank box or a page error. Only /community asks for the
// count; the rate-limit pause and an offline GitHub found earlier in the visit hold for it.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { frames, gate, GITHUB_FIXTURE, GITHUB_HEADERS, launch, openPage, visit } from "./browser.mjs";

const CONTRIBUTORS = "/repos/Dstack-TEE/dstack/contributors";
const PAGED = "https://api.github.com/repositories/812345/contributors?per_page=1&anon=true";
const LINK = `<${PAGED}&page=2>; rel="next", <${PAGED}&page=57>; rel="last"`;
/** api.github.com exposes `Link` to pages (CORS), as it does the rate-limit headers. */
const HEADERS = {
  ...GITHUB_HEADERS,
  "access-control-expose-headers": `${GITHUB_HEADERS["access-control-expose-headers"]}, link`,
};
const ONE = JSON.stringify([{ login: "kvinwang", type: "User", contributions: 900 }]);

function answer(status, body, headers = {}) {
  return (route) => route.fulfill({ status, headers: { ...HEADERS, ...headers }, body });
}

/** The healthy GitHub, with `contributors` answering the contributors call. */
function github(contributors = answer(200, ONE, { link: LINK })) {
  return (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === CONTRIBUTORS) return contributors(route);
    const body = GITHUB_FIXTURE[path];
    return body ? answer(200, JSON.stringify(body))(route) : answer(404, '{"message":"Not Found"}')(route);
  };
}

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

const line = (page) => page.locator("#community-figures");

async function settled(page) {
  await page.locator('#app[data-live] #community-figures[data-state="ready"]').waitFor({ timeout: 15_000 });
  return (await line(page).innerText()).replace(/\s+/g, " ").trim();
}

async function assertCalm(page, pageErrors) {
  assert.deepEqual(pageErrors, [], "no page error");
  assert.doesNotMatch(await page.locator("main").innerText(), /NaN|undefined|null|\[object/);
  assert.ok(await line(page).getByRole("link", { name: "Dstack-TEE/dstack" }).isVisible(), "link remains");
}

/** A build-time snapshot taken on 2026-11-01 with `repo` as the main repository's figures. */
const snapshot = (repo) => ({ taken_on: "2026-11-01", repos: { "Dstack-TEE/dstack": repo } });

describe("healthy answers", () => {
  test("stars, forks and the contributor count from the Link header, cached for the hour", async () => {
    const requests = [];
    const { page, context, pageErrors, problems, githubRequests } = await openPage(env, {
      github: (route) => {
        requests.push(route.request().url());
        return github()(route);
      },
    });
    await visit(env, page, "/community");
    assert.equal(await settled(page), "Dstack-TEE/dstack · 1.2k stars · 56 forks · 57 contributors");
    const count = line(page).getByRole("link", { name: "57 contributors" });
    assert.equal(await count.getAttribute("href"), "https://github.com/Dstack-TEE/dstack/graphs/contributors");
    assert.equal(await line(page).getAttribute("aria-live"), "polite");
    const asked = requests.filter((url) => new URL(url).pathname === CONTRIBUTORS);
    assert.equal(asked.length, 1);
    assert.deepEqual(Object.fromEntries(new URL(asked[0]).searchParams), { per_page: "1", anon: "true" });
    assert.equal(githubRequests.length, 4, "two repositories, the release, the contributors");
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("dstack.info/github/v1")));
    assert.equal(stored.contributors.value, 57);

    await page.reload();
    assert.match(await settled(page), /57 contributors$/);
    assert.equal(githubRequests.length, 4, "a repeat visit within the hour asks nothing");
    assert.deepEqual(problems, []);
    await assertCalm(page, pageErrors);
    await context.close();
  });

  test("one contributor and no Link header: the body's one item", async () => {
    const { page, context, pageErrors } = await openPage(env, { github: github(answer(200, ONE)) });
    await visit(env, page, "/community");
    assert.match(await settled(page), /56 forks · 1 contributor$/);
    await assertCalm(page, pageErrors);
    await context.close();
  });

  test("the count is asked for only where it is shown, then in a round of its own", async () => {
    const { page, context, pageErrors, githubRequests } = await openPage(env, { github: github() });
    await visit(env, page, "/");
    await page.locator('#app[data-live] #github-figures[data-state="ready"]').waitFor();
    assert.equal(githubRequests.length, 3);
    assert.ok(!githubRequests.includes(CONTRIBUTORS), "home does not ask for the count");
    // Client-side navigation: the first round has settled, so the count gets its own.
    await page.evaluate(() => {
      history.pushState(null, "", "/community");
      dispatchEvent(new PopStateEvent("popstate"));
    });
    assert.equal(await settled(page), "Dstack-TEE/dstack · 1.2k stars · 56 forks · 57 contributors");
    assert.deepEqual(githubRequests.slice(3), [CONTRIBUTORS], "only the count is new");
    await assertCalm(page, pageErrors);
    await context.close();
  });
});

const BAD_LINK = `<${PAGED}&page=2>; rel="next"`;
const FAILURES = [
  ["HTTP 403, rate limit spent", answer(403, '{"message":"API rate limit exceeded"}', { "x-ratelimit-remaining": "0" })],
  ["HTTP 429", answer(429, '{"message":"slow down"}')],
  ["HTTP 403, list too large", answer(403, '{"message":"contributor list is too large"}')],
  ["HTTP 404", answer(404, '{"message":"Not Found"}')],
  ["HTTP 500", answer(500, "Internal Server Error")],
  ["HTTP 503", answer(503, "")],
  ["malformed JSON", answer(200, '[{"login":', { link: LINK })],
  ["HTML instead of JSON", answer(200, "<html><body>Unicorn!</body></html>")],
  ["an object instead of a list", answer(200, '{"message":"Not Found"}', { link: LINK })],
  ["a Link header without rel=last", answer(200, ONE, { link: BAD_LINK })],
  ["a Link header that is not one", answer(200, ONE, { link: "garbage" })],
  ["a last page that is not a number", answer(200, ONE, { link: `<${PAGED}&page=lots>; rel="last"` })],
  ["a last page of 0", answer(200, ONE, { link: `<${PAGED}&page=0>; rel="last"` })],
  ["a Link header paging by 30", answer(200, ONE, { link: `<${PAGED.replace("per_page=1", "per_page=30")}&page=2>; rel="last"` })],
  ["several items and no Link header", answer(200, `[${ONE.slice(1, -1)},${ONE.slice(1, -1)}]`)],
  ["the network offline", (route) => route.abort("internetdisconnected")],
];

describe("the contributors call fails; stars and forks still show", () => {
  for (const [name, handler] of FAILURES) {
    test(`${name}: the count gives way to a link`, async () => {
      const { page, context, pageErrors } = await openPage(env, { github: github(handler) });
      await visit(env, page, "/community");
      assert.equal(await settled(page), "Dstack-TEE/dstack · 1.2k stars · 56 forks · contributors on GitHub");
      assert.equal(
        await line(page).getByRole("link", { name: "contributors on GitHub" }).getAttribute("href"),
        "https://github.com/Dstack-TEE/dstack/graphs/contributors",
      );
      await assertCalm(page, pageErrors);
      await context.close();
    });
  }

  test("a contributors call that never answers times out", async () => {
    const { page, context, pageErrors } = await openPage(env, { github: github(() => new Promise(() => {})) });
    const start = Date.now();
    await visit(env, page, "/community");
    assert.equal(await line(page).getAttribute("data-state"), "loading");
    assert.match(await settled(page), /56 forks · contributors on GitHub$/);
    const waited = Date.now() - start;
    assert.ok(waited >= 4_000 && waited < 10_000, `gave up after ${waited} ms`);
    await assertCalm(page, pageErrors);
    await context.close();
  });

  test("a rate limit met earlier in the visit holds for the count's own round, storage or not", async () => {
    const { page, context, pageErrors, githubRequests } = await openPage(env, {
      github: answer(403, '{"message":"API rate limit exceeded"}', {
        "x-ratelimit-remaining": "0",
        "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 1800),
      }),
    });
    await context.addInitScript(() => {
      Object.defineProperty(window, "localStorage", {
        get() {
          throw new DOMException("The operation is insecure.", "SecurityError");
        },
      });
    });
    await visit(env, page, "/");
    await page.locator('#app[data-live] #github-figures[data-state="ready"]').waitFor();
    await page.evaluate(() => {
      history.pushState(null, "", "/community");
      dispatchEvent(new PopStateEvent("popstate"));
    });
    assert.equal(await settled(page), "Dstack-TEE/dstack · contributors on GitHub");
    assert.equal(githubRequests.length, 1, "no request before x-ratelimit-reset");
    await assertCalm(page, pageErrors);
    await context.close();
  });
});

describe("fallbacks", () => {
  test("GitHub down on a first visit: the snapshot's figures and count, with its date", async () => {
    const { page, context, pageErrors } = await openPage(env, { github: answer(502, ""), snapshot: snapshot({ stars: 900, forks: 80, contributors: 48 }) });
    await visit(env, page, "/community");
    assert.equal(
      await settled(page),
      "Dstack-TEE/dstack · 900 stars · 80 forks (as of 2026-11-01) · 48 contributors (as of 2026-11-01)",
    );
    await assertCalm(page, pageErrors);
    await context.close();
  });

  test("a snapshot from before contributors were recorded: the figures, and the link", async () => {
    const { page, context, pageErrors } = await openPage(env, { github: answer(502, ""), snapshot: snapshot({ stars: 900, forks: 80 }) });
    await visit(env, page, "/community");
    assert.equal(await settled(page), "Dstack-TEE/dstack · 900 stars · 80 forks (as of 2026-11-01) · contributors on GitHub");
    await assertCalm(page, pageErrors);
    await context.close();
  });

  test("when the count fails later, the last good one shows with its date", async () => {
    let healthy = true;
    const { page, context, pageErrors } = await openPage(env, {
      github: github((route) => (healthy ? answer(200, ONE, { link: LINK }) : answer(500, "boom"))(route)),
    });
    await visit(env, page, "/community");
    assert.match(await settled(page), /57 contributors$/);
    await page.evaluate(() => {
      const key = "dstack.info/github/v1";
      const record = JSON.parse(localStorage.getItem(key));
      record.contributors.fetched_at_ms = Date.UTC(2026, 0, 2);
      localStorage.setItem(key, JSON.stringify(record));
    });
    healthy = false;
    await page.reload();
    assert.equal(await settled(page), "Dstack-TEE/dstack · 1.2k stars · 56 forks · 57 contributors (as of 2026-01-02)");
    await assertCalm(page, pageErrors);
    await context.close();
  });

  test("a stored record from before contributors still reads, and gains the count", async () => {
    const { page, context, pageErrors, githubRequests } = await openPage(env, { github: github() });
    await context.addInitScript((now) => {
      if (!sessionStorage.getItem("seeded")) {
        const fresh = { value: { stars: 1, forks: 2 }, fetched_at_ms: now };
        const repos = { "Dstack-TEE/dstack": fresh, "Dstack-TEE/dstack-examples": fresh };
        localStorage.setItem("dstack.info/github/v1", JSON.stringify({ version: 1, repos, release: null, paused_until_s: 0 }));
        sessionStorage.setItem("seeded", "1");
      }
    }, Date.now());
    await visit(env, page, "/community");
    assert.equal(await settled(page), "Dstack-TEE/dstack · 1 star · 2 forks · 57 contributors");
    assert.ok(!githubRequests.some((p) => p.startsWith("/repos/Dstack-TEE/dstack-examples")), "fresh figures kept");
    await assertCalm(page, pageErrors);
    await context.close();
  });
});

test("figures arriving late shift nothing (CLS 0) at 360 px", async () => {
  // The answers are held back until the live app has drawn the page and it is scrolled to.
  const late = gate();
  const slow = late.hold(github());
  const { page, context, pageErrors } = await openPage(env, { width: 360, height: 740, github: slow });
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__shifts.push(entry.value);
    }).observe({ type: "layout-shift", buffered: true });
  });
  await visit(env, page, "/community");
  await line(page).scrollIntoViewIfNeeded();
  await frames(page);
  late.release();
  assert.match(await settled(page), /57 contributors$/);
  await frames(page);
  const shifts = await page.evaluate(() => window.__shifts);
  assert.deepEqual(shifts, [], `layout shifts: ${shifts}`);
  assert.deepEqual(pageErrors, []);
  await context.close();
});
