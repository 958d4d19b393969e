// End-to-end tests of the deployable bundle (`make dist`): prerendered HTML per route,
// takeover by the app without a flash, shift or duplicate, the CSP and security headers
// the test server sends from dist/_headers, SRI, caching rules, and links that resolve.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { join } from "node:path";
import { frames, launch, openPage } from "./browser.mjs";
import { POST_PATHS, ROUTES, NOT_FOUND_H1, TUTORIALS, siteUrl } from "./routes.mjs";
import { contentSecurityPolicy, htmlFiles, inlineScripts, sha256 } from "../../scripts/harden.mjs";

const DIST = process.env.DIST_DIR ?? "dist";
let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

const raw = async (path) => {
  const res = await fetch(env.origin + path);
  return { status: res.status, headers: res.headers, html: await res.text() };
};
const attr = (html, re) => re.exec(html)?.[1];
const decode = (s) => s?.replaceAll("&amp;", "&").replaceAll("&quot;", '"').replaceAll("&#39;", "'");

describe("prerendered pages", () => {
  for (const route of ROUTES) {
    test(`${route.path}: the HTML itself has the h1, title, description, canonical, OG tags and JSON-LD`, async () => {
      const { status, headers, html } = await raw(route.path);
      assert.equal(status, 200);
      assert.match(headers.get("content-type"), /text\/html/);
      assert.equal(decode(attr(html, /<h1[^>]*>([^<]+)<\/h1>/)), route.h1);
      assert.equal(html.match(/<h1\b/g).length, 1);
      const title = decode(attr(html, /<title>([^<]+)<\/title>/));
      if (route.title) assert.equal(title, route.title);
      const canonical = attr(html, /<link href="([^"]+)" rel="canonical"/);
      assert.equal(new URL(canonical).pathname, route.path);
      assert.equal(decode(attr(html, /<meta property="og:title" content="([^"]+)"/)), title);
      assert.equal(
        decode(attr(html, /<meta property="og:description" content="([^"]+)"/)),
        decode(attr(html, /<meta name="description" content="([^"]+)"/)),
      );
      assert.match(attr(html, /<meta property="og:image" content="([^"]+)"/), /^https?:\/\/.+\/og\.png$/);
      assert.equal(attr(html, /<meta name="twitter:card" content="([^"]+)"/), "summary_large_image");
      const ld = JSON.parse(attr(html, /<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/));
      const types = ld["@graph"].map((n) => n["@type"]);
      assert.deepEqual(types.sort(), ["Organization", "SoftwareSourceCode", "WebPage", "WebSite"]);
      assert.ok(html.includes('id="app"'), "the app's root is in the markup");
      assert.ok(!html.includes('class="boot-message"'), "no 'needs JavaScript' notice for the bare shell on a rendered page");
    });
  }

  test("an unknown path answers 404 with the prerendered not-found page", async () => {
    const { status, html } = await raw("/no/such/page");
    assert.equal(status, 404);
    assert.match(html, new RegExp(`<h1[^>]*>${NOT_FOUND_H1}</h1>`));
  });

  test("without JavaScript a visitor reads the page and can follow its links", async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(env.origin + "/");
    assert.equal(await page.locator("main h1").textContent(), ROUTES[0].h1);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Architecture" }).click();
    await page.waitForURL(/\/architecture$/);
    assert.equal(await page.locator("main h1").textContent(), ROUTES.find((r) => r.path === "/architecture").h1);
    // The diagram's whole flow is there as a list.
    assert.ok((await page.locator(".diagram-steps li").count()) >= 4);
    await context.close();
  });

  test("the app takes over without a flash, a layout shift or duplicated content", async () => {
    for (const route of ROUTES) {
      const { page, context, problems } = await openPage(env);
      // Watch from before the first byte: layout shifts, and whether the h1 ever goes away.
      await page.addInitScript(() => {
        window.__shift = 0;
        window.__shifted = [];
        window.__h1Gone = false;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            if (e.hadRecentInput) continue;
            window.__shift += e.value;
            // What moved, to make a failure readable.
            for (const s of e.sources ?? []) {
              const n = s.node;
              window.__shifted.push(n?.nodeType === 1 ? `${n.tagName.toLowerCase()}.${n.className} ${JSON.stringify(s.previousRect)}->${JSON.stringify(s.currentRect)}` : String(n?.nodeName));
            }
          }
        }).observe({ type: "layout-shift", buffered: true });
        new MutationObserver(() => {
          if (document.body && document.readyState !== "loading" && !document.querySelector("main h1")) window.__h1Gone = true;
        }).observe(document, { childList: true, subtree: true });
        // The prerendered page's own nodes, to check that the app keeps them where they are.
        document.addEventListener("DOMContentLoaded", () => {
          window.__main = document.querySelector("main");
          window.__page = [...window.__main.children];
          window.__h1 = document.querySelector("main h1");
        });
      });
      await page.goto(env.origin + route.path);
      // The live app has replaced the prerendered tree.
      await page.locator("#app[data-live] main h1").waitFor({ timeout: 15_000 });
      await frames(page); // the takeover's frames and their layout-shift entries
      const state = await page.evaluate(() => ({
        shift: window.__shift,
        shifted: window.__shifted,
        h1Gone: window.__h1Gone,
        // The same <main>, its prerendered children still its children, the same h1.
        kept: document.querySelector("main") === window.__main &&
          window.__page.length > 0 &&
          window.__page.every((n) => n.parentNode === window.__main) &&
          document.querySelector("main h1") === window.__h1,
        apps: document.querySelectorAll("#app").length,
        mains: document.querySelectorAll("main").length,
        h1s: [...document.querySelectorAll("h1")].map((h) => h.textContent),
        headers: document.querySelectorAll("#app > header").length,
        canonicals: document.querySelectorAll('link[rel="canonical"]').length,
        canonical: document.querySelector('link[rel="canonical"]')?.getAttribute("href"),
        descriptions: document.querySelectorAll('meta[name="description"]').length,
        ogTitles: document.querySelectorAll('meta[property="og:title"]').length,
        jsonld: document.querySelectorAll('script[type="application/ld+json"]').length,
      }));
      assert.equal(state.apps, 1, route.path);
      assert.equal(state.mains, 1, route.path);
      assert.deepEqual(state.h1s, [route.h1], route.path);
      assert.equal(state.headers, 1, route.path);
      assert.equal(state.h1Gone, false, `${route.path}: the heading disappeared during takeover`);
      assert.equal(state.kept, true, `${route.path}: the prerendered page was rendered again or moved`);
      assert.ok(state.shift < 0.01, `${route.path}: layout shift ${state.shift}: ${state.shifted.join("; ")}`);
      // The shipped app keeps the prerendered head (src/components/page_meta.rs): once each,
      // and this page's.
      assert.equal(state.canonicals, 1, `${route.path}: one canonical link`);
      assert.equal(state.canonical, siteUrl(route.path), `${route.path}: the canonical URL is this page's`);
      assert.equal(state.descriptions, 1, `${route.path}: one description`);
      assert.equal(state.ogTitles, 1, `${route.path}: one og:title`);
      assert.ok(state.jsonld >= 1, `${route.path}: its JSON-LD stays`);
      assert.deepEqual(problems, [], route.path); // includes CSP violations, which log errors
      await context.close();
    }
  });

  // Lighthouse's simulated LCP counts every request that began before the observed LCP:
  // when the app's code is requested before the page has painted, a slow link delays
  // the paint by that code's download, although the page never needed it to paint.
  test("the app's code is requested only after the page's first contentful paint", async () => {
    for (const path of ["/", "/features", "/verify", "/tutorials/host-os"]) {
      const { page, context, problems } = await openPage(env);
      await page.goto(env.origin + path);
      await page.locator("#app[data-live]").waitFor({ timeout: 15_000 });
      const t = await page.evaluate(() => {
        const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime;
        const lcp = performance.getEntriesByType("largest-contentful-paint").map((e) => e.startTime);
        const code = performance
          .getEntriesByType("resource")
          .filter((r) => /\/dstack-site-[0-9a-f]+(\.js|_bg\.wasm)$/.test(new URL(r.name).pathname))
          .map((r) => r.startTime);
        return { fcp, lcp, code };
      });
      assert.ok(t.fcp > 0, `${path}: a first contentful paint was recorded`);
      assert.equal(t.code.length, 2, `${path}: the JS glue and the wasm were fetched once each`);
      for (const start of t.code) assert.ok(start >= t.fcp, `${path}: code requested at ${start} ms, before the paint at ${t.fcp} ms`);
      assert.deepEqual(problems, [], path);
      await context.close();
    }
  });

  test("after takeover the page is the live app: client-side navigation works", async () => {
    const { page, context, problems } = await openPage(env);
    await page.goto(env.origin + "/architecture");
    await page.locator("#app[data-live] main h1").waitFor({ timeout: 15_000 });
    await page.locator("[data-action=next]").click();
    await page.waitForURL(/step=2/);
    await page.evaluate(() => (window.__sameDocument = true));
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Examples" }).click();
    await page.waitForURL(/\/examples$/);
    assert.equal(await page.evaluate(() => window.__sameDocument), true, "no full page load");
    const examples = ROUTES.find((r) => r.path === "/examples");
    assert.equal(await page.locator("main h1").textContent(), examples.h1);
    // The head follows: title, description and URLs are the new page's, and no page keeps
    // another page's JSON-LD.
    assert.equal(await page.title(), examples.title);
    assert.equal(await page.locator('link[rel="canonical"]').getAttribute("href"), siteUrl("/examples"));
    assert.equal(await page.locator('meta[property="og:url"]').getAttribute("content"), siteUrl("/examples"));
    assert.equal(await page.locator('meta[name="description"]').count(), 1);
    assert.equal(await page.locator('script[type="application/ld+json"]').count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe("after the first page", () => {
  test("the first navigation replaces the prerendered page; going back renders it afresh", async () => {
    const { page, context, problems } = await openPage(env);
    await page.goto(env.origin + "/architecture");
    await page.locator("#app[data-live] main h1").waitFor({ timeout: 15_000 });
    const prerendered = await page.evaluateHandle(() => document.querySelector("main h1"));
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Features" }).click();
    await page.waitForURL(/\/features$/);
    const features = ROUTES.find((r) => r.path === "/features");
    await page.locator("main h1", { hasText: features.h1 }).waitFor();
    assert.deepEqual(await page.locator("main h1").allTextContents(), [features.h1]);
    assert.equal(await prerendered.evaluate((h1) => h1.isConnected), false, "the prerendered page is gone");
    await page.goBack();
    await page.waitForURL(/\/architecture$/);
    const architecture = ROUTES.find((r) => r.path === "/architecture");
    await page.locator("main h1", { hasText: architecture.h1 }).waitFor();
    assert.deepEqual(await page.locator("main h1").allTextContents(), [architecture.h1]);
    assert.equal(await page.locator("main .diagram").count(), 1);
    // The page rendered afresh is live: the diagram steps on.
    await page.locator("main [data-action=next]").click();
    await page.waitForURL(/step=2/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("an unknown path keeps the host's not-found page, and its links work", async () => {
    const { page, context, problems } = await openPage(env);
    await page.addInitScript(() => {
      document.addEventListener("DOMContentLoaded", () => (window.__h1 = document.querySelector("main h1")));
    });
    const missing = [];
    page.on("response", (r) => r.status() === 404 && missing.push(new URL(r.url()).pathname));
    await page.goto(env.origin + "/no/such/page");
    await page.locator("#app[data-live]").waitFor({ timeout: 15_000 });
    // The page itself answers 404 (and Chromium logs that); nothing it loads does.
    assert.deepEqual(missing, ["/no/such/page"]);
    const notFound = problems.findIndex((p) => /status of 404/.test(p));
    if (notFound >= 0) problems.splice(notFound, 1);
    assert.deepEqual(await page.locator("main h1").allTextContents(), [NOT_FOUND_H1]);
    assert.equal(await page.evaluate(() => document.querySelector("main h1") === window.__h1), true, "the same h1 node");
    await page.evaluate(() => (window.__sameDocument = true));
    await page.locator("main").getByRole("link", { name: "Get started" }).click();
    await page.waitForURL(/\/getting-started$/);
    assert.equal(await page.evaluate(() => window.__sameDocument), true, "no full page load");
    await page.locator("main h1", { hasText: ROUTES.find((r) => r.path === "/getting-started").h1 }).waitFor();
    assert.equal(await page.locator("main h1").count(), 1);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a host's fallback page for another path gives way to this path's page", async () => {
    const { page, context, problems } = await openPage(env);
    // Hosts configured as a single-page app answer every path with the home page.
    const home = readFileSync(join(DIST, "index.html"), "utf8");
    await page.route(`${env.origin}/features`, (r) => r.fulfill({ status: 200, contentType: "text/html", body: home }));
    await page.goto(env.origin + "/features");
    const features = ROUTES.find((r) => r.path === "/features");
    await page.locator("#app[data-live] main h1", { hasText: features.h1 }).waitFor({ timeout: 15_000 });
    assert.deepEqual(await page.locator("main h1").allTextContents(), [features.h1]);
    assert.equal(await page.locator("main [data-static]").count(), 1, "one page body, not two");
    // The head follows the page shown, not the page the host sent.
    assert.equal(await page.title(), features.title);
    assert.equal(await page.locator('link[rel="canonical"]').getAttribute("href"), siteUrl("/features"));
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe("security and caching", () => {
  test("every HTML answer carries the CSP and security headers; no unsafe-inline or unsafe-eval", async () => {
    for (const path of [...ROUTES.map((r) => r.path), "/missing"]) {
      const { headers } = await raw(path);
      const csp = headers.get("content-security-policy");
      assert.ok(csp, path);
      assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
      for (const d of ["default-src 'none'", "'wasm-unsafe-eval'", "connect-src 'self' https://api.github.com", "frame-ancestors 'none'", "base-uri 'none'", "object-src 'none'"]) {
        assert.ok(csp.includes(d), `${path}: ${d}`);
      }
      assert.match(headers.get("strict-transport-security"), /max-age=\d{7,}/);
      assert.equal(headers.get("x-content-type-options"), "nosniff");
      assert.ok(headers.get("referrer-policy"));
      assert.ok(headers.get("permissions-policy"));
    }
  });

  test("the CSP hashes match exactly the inline scripts in dist/, in headers and meta tags", () => {
    const hashes = new Set();
    for (const file of htmlFiles(DIST)) {
      const html = readFileSync(file, "utf8");
      const scripts = inlineScripts(html);
      assert.ok(scripts.length >= 1, file);
      scripts.forEach((s) => hashes.add(sha256(s)));
      const meta = attr(html, /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/);
      assert.ok(meta, `${file} has a meta CSP`);
      for (const s of scripts) assert.ok(meta.includes(sha256(s)), `${file}: inline script not allowed by its meta CSP`);
      assert.ok(!meta.includes("frame-ancestors"), "ignored in meta tags, so left out");
      assert.ok(html.indexOf("Content-Security-Policy") < html.indexOf("<script"), "the meta CSP precedes scripts");
    }
    const headers = readFileSync(join(DIST, "_headers"), "utf8");
    assert.ok(headers.includes(contentSecurityPolicy([...hashes])), "_headers allows exactly these hashes");
    const vercel = JSON.parse(readFileSync(join(DIST, "vercel.json"), "utf8"));
    const vercelCsp = vercel.headers[0].headers.find((h) => h.key === "Content-Security-Policy").value;
    assert.equal(vercelCsp, contentSecurityPolicy([...hashes]));
  });

  test("the wasm, JS and CSS load with integrity checks, and a tampered JS or wasm file stops the app", async () => {
    const { html } = await raw("/");
    for (const tag of html.match(/<link\b[^>]*>/g).filter((t) => /stylesheet/.test(t))) {
      assert.match(tag, /integrity="sha384-/, tag);
    }
    const map = JSON.parse(/<script type="importmap">([^<]+)<\/script>/.exec(html)[1]);
    const [[jsUrl, jsIntegrity]] = Object.entries(map.integrity);
    assert.match(jsUrl, /\.js$/);
    assert.match(jsIntegrity, /^sha384-/);
    const wasmUrl = /fetch\("([^"]+_bg\.wasm)",\{integrity:"sha384-/.exec(html)?.[1];
    assert.ok(wasmUrl, "the loader fetches the wasm with its integrity");
    assert.doesNotMatch(html, /rel="?(modulepreload|preload)/, "the app's files wait for the page to load");
    // A JS file that does not match its hash is refused, so the app never starts.
    const { page, context } = await openPage(env);
    await page.route(`**${jsUrl}`, async (route) => {
      const res = await route.fetch();
      route.fulfill({ response: res, body: (await res.text()) + "\n// tampered" });
    });
    // The browser refuses the file (an integrity error naming it) and the loader's import
    // fails with it: after that nothing else starts the app.
    const refused = page.waitForEvent("console", {
      predicate: (msg) => msg.type() === "error" && /integrity/.test(msg.text()) && msg.text().includes(jsUrl),
      timeout: 15_000,
    });
    const importFailed = page.waitForEvent("pageerror", {
      predicate: (err) => /dynamically imported module/.test(err.message) && err.message.includes(jsUrl),
      timeout: 15_000,
    });
    await page.goto(env.origin + "/");
    await Promise.all([refused, importFailed]);
    assert.equal(await page.locator("#app[data-live]").count(), 0, "the tampered app did not start");
    assert.equal(await page.locator("main h1").textContent(), ROUTES[0].h1, "the prerendered page stays");
    await context.close();

    // The same for the wasm: the loader compiles it itself (harden.mjs), and a failed
    // check there must not let the glue start it some other way.
    const other = await openPage(env);
    await other.page.route(`**${wasmUrl}`, async (route) => {
      const res = await route.fetch();
      const body = Buffer.from(await res.body());
      body[body.length - 1] ^= 0xff;
      route.fulfill({ response: res, body });
    });
    const wasmRefused = other.page.waitForEvent("console", {
      predicate: (msg) => msg.type() === "error" && /integrity/.test(msg.text()) && msg.text().includes(wasmUrl),
      timeout: 15_000,
    });
    const startFailed = other.page.waitForEvent("pageerror", { timeout: 15_000 });
    await other.page.goto(env.origin + "/");
    await Promise.all([wasmRefused, startFailed]);
    assert.equal(await other.page.locator("#app[data-live]").count(), 0, "the tampered wasm did not start");
    assert.equal(await other.page.locator("main h1").textContent(), ROUTES[0].h1, "the prerendered page stays");
    await other.context.close();
  });

  test("hashed assets are immutable for a year; HTML is not cached that way", async () => {
    const { html, headers } = await raw("/");
    assert.doesNotMatch(headers.get("cache-control") ?? "", /immutable/);
    const assets = [...html.matchAll(/"?(\/[\w.-]+-[0-9a-f]{16}(?:_bg)?\.(?:wasm|js|css))/g)].map((m) => m[1]);
    assert.ok(assets.length >= 4, assets.join());
    for (const asset of new Set(assets)) {
      const res = await fetch(env.origin + asset);
      assert.equal(res.headers.get("cache-control"), "public, max-age=31536000, immutable", asset);
    }
  });

  test("sitemap lists exactly the routes; every internal link and in-page anchor resolves", async () => {
    const sitemap = (await raw("/sitemap.xml")).html;
    const listed = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
    const pages = [...ROUTES.map((r) => r.path), ...TUTORIALS.map((t) => t.path), ...POST_PATHS];
    assert.deepEqual(listed.sort(), [...pages].sort());
    const seen = new Set();
    for (const route of pages.map((path) => ({ path }))) {
      const { html } = await raw(route.path);
      const ids = new Set([...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]));
      for (const [, href] of html.matchAll(/<a\b[^>]*\bhref="([^"]+)"/g)) {
        if (/^[a-z]+:/i.test(href)) continue; // external (checked by the monitor, not here)
        const url = new URL(href, env.origin + route.path);
        if (url.pathname === route.path && url.hash) {
          assert.ok(ids.has(decodeURIComponent(url.hash.slice(1))), `${route.path}: #${url.hash} has no target`);
          continue;
        }
        if (seen.has(url.pathname + url.hash)) continue;
        seen.add(url.pathname + url.hash);
        const target = await raw(url.pathname);
        assert.equal(target.status, 200, `${route.path} links to ${href}`);
        if (url.hash) {
          assert.ok(target.html.includes(`id="${url.hash.slice(1)}"`), `${href}: anchor missing`);
        }
      }
    }
  });
});

test("the daily monitor's check passes against the built site and reports a broken one", async () => {
  const run = promisify(execFile);
  const ok = await run("node", ["scripts/check-site.mjs", env.origin]);
  assert.match(ok.stdout, new RegExp(`${ROUTES.length + TUTORIALS.length + POST_PATHS.length} routes, \\d+ internal link targets checked`));
  // A server where every page is missing must fail the check.
  const { startServer } = await import("../../scripts/static-server.mjs");
  const empty = await startServer("tests/e2e", 0);
  try {
    await assert.rejects(
      run("node", ["scripts/check-site.mjs", `http://127.0.0.1:${empty.address().port}`]),
      (err) => err.code === 1 && /problem:/.test(err.stdout),
    );
  } finally {
    await new Promise((done) => empty.close(done));
  }
});
