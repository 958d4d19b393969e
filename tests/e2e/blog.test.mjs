// End-to-end tests of the blog on the release build: the index lists the posts, each post
// renders with its own head and reloads, client-side navigation fetches the body, a
// missing body gets a calm message, and the Atom feed is served as XML and parses.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { launch, openPage, visit } from "./browser.mjs";
import { POST_PATHS, TITLE_SUFFIX } from "./routes.mjs";

const DIST = process.env.DIST_DIR ?? "dist";
/** The posts as the sitemap lists them, newest first as the feed orders them. */
const POSTS = [...readFileSync(`${DIST}/feed.xml`, "utf8").matchAll(/<entry>\s*<title>([^<]+)<\/title>\s*<link[^>]*href="[^"]*\/blog\/([a-z0-9-]+)"/g)].map(
  (m) => ({ title: m[1].replaceAll("&quot;", '"').replaceAll("&amp;", "&"), slug: m[2] }),
);

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

describe("blog", () => {
  test("the feed names every post the build has a body for, each in the sitemap", () => {
    assert.ok(POSTS.length > 0);
    assert.deepEqual(POSTS.map((p) => `/blog/${p.slug}`).sort(), POST_PATHS);
    const sitemap = readFileSync(`${DIST}/sitemap.xml`, "utf8");
    for (const { slug } of POSTS) assert.match(sitemap, new RegExp(`/blog/${slug}</loc>`));
  });

  test("/blog lists every post, newest first, with date and reading time", async () => {
    const { page, context, problems } = await openPage(env);
    await visit(env, page, "/blog");
    const titles = await page.locator(".post-list h2").allTextContents();
    assert.deepEqual(titles, POSTS.map((p) => p.title));
    const dates = await page.locator(".post-list time").evaluateAll((ts) => ts.map((t) => t.getAttribute("datetime")));
    assert.deepEqual([...dates].sort().reverse(), dates, "newest first");
    for (const facts of await page.locator(".post-list .post-facts").allTextContents()) {
      assert.match(facts, /\d{1,2} \w+ 20\d\d · \d+ min read · dstack\.info team/);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  for (const { slug, title } of POSTS) {
    test(`/blog/${slug} renders with its own head, and reloads`, async () => {
      const { page, context, problems } = await openPage(env);
      await visit(env, page, `/blog/${slug}`);
      assert.equal(await page.locator("main h1").textContent(), title);
      assert.equal(await page.title(), `${title}${TITLE_SUFFIX}`);
      assert.equal(await page.locator('meta[property="og:type"]').getAttribute("content"), "article");
      const graph = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent())["@graph"];
      assert.equal(graph.find((n) => n["@type"] === "BlogPosting")?.headline, title);
      const body = page.locator('[data-static][data-state="ready"]');
      assert.match(await body.textContent(), /Sources/);
      assert.ok((await body.locator("h2").count()) >= 4);
      assert.equal(await page.locator(".toc li").count(), await body.locator("h2[id]").count());
      await page.reload();
      await page.locator("#app[data-live] main h1").waitFor();
      assert.equal(await page.locator("main h1").textContent(), title);
      assert.match(await page.locator('[data-static][data-state="ready"]').textContent(), /Sources/);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  test("from the index, a post opens by client-side navigation and links to its neighbours", async () => {
    const { page, context, problems } = await openPage(env);
    const fetched = [];
    page.on("request", (r) => r.url().includes("/blog-content/") && fetched.push(new URL(r.url()).pathname));
    await visit(env, page, "/blog");
    await page.getByRole("link", { name: POSTS[1].title }).click();
    await page.locator('[data-static][data-state="ready"]').waitFor();
    assert.equal(await page.locator("main h1").textContent(), POSTS[1].title);
    assert.deepEqual(fetched, [`/blog-content/${POSTS[1].slug}.html`], "the body came as a static file");
    const nav = page.getByRole("navigation", { name: "More posts" });
    await nav.locator('a[rel="next"]').click();
    await page.locator("main h1", { hasText: POSTS[0].title }).waitFor();
    assert.equal(await page.locator('.post-nav a[rel="next"]').count(), 0, "the newest post has no next");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a body that cannot load gets a calm message, and an unknown post is not found", async () => {
    const { page, context } = await openPage(env);
    await context.route("**/blog-content/**", (route) => route.fulfill({ status: 503, body: "" }));
    await visit(env, page, "/blog");
    await page.getByRole("link", { name: POSTS[0].title }).click();
    const alert = page.locator('[data-static][data-state="failed"][role="alert"]');
    assert.match(await alert.textContent(), /could not load: the server answered 503/);
    assert.equal(await page.locator("main h1").textContent(), POSTS[0].title);
    await visit(env, page, "/blog/no-such-post");
    assert.equal(await page.locator("main h1").textContent(), "Page not found");
    await context.close();
  });

  test("the feed is served as XML and parses as Atom", async () => {
    const response = await fetch(`${env.origin}/feed.xml`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type"), /xml/);
    const text = await response.text();
    const { page, context } = await openPage(env);
    await visit(env, page, "/");
    const parsed = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, "application/xml");
      return {
        error: doc.querySelector("parsererror")?.textContent ?? null,
        root: doc.documentElement.namespaceURI,
        entries: doc.querySelectorAll("entry").length,
        updated: [...doc.querySelectorAll("published")].map((n) => n.textContent),
      };
    }, text);
    assert.equal(parsed.error, null);
    assert.equal(parsed.root, "http://www.w3.org/2005/Atom");
    assert.equal(parsed.entries, 3);
    for (const stamp of parsed.updated) assert.match(stamp, /^\d{4}-\d\d-\d\dT00:00:00Z$/);
    // Linked from every page's head and footer.
    assert.equal(await page.locator('head link[rel="alternate"][type="application/atom+xml"]').getAttribute("href"), "/feed.xml");
    assert.equal(await page.locator('footer a[href="/feed.xml"]').count(), 1);
    await context.close();
  });
});
