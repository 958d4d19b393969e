// The static files a host and a crawler read, from the release build: sitemap, robots,
// manifest, and the 404.html fallback for GitHub Pages.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { POST_PATHS, ROUTES, siteUrl, TUTORIALS } from "./routes.mjs";

const dist = process.env.DIST_DIR ?? "dist";
const read = (name) => readFile(`${dist}/${name}`, "utf8");

test("sitemap.xml lists every route once, at the origin and base path of the build", async () => {
  const xml = await read("sitemap.xml");
  assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>/);
  assert.match(xml, /<urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9">/);
  const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  // The pages in site order (the site map, then the prose pages), the tutorial track in
  // reading order, then the blog's posts.
  assert.deepEqual(locs.slice(0, ROUTES.length), ROUTES.map((r) => siteUrl(r.path)));
  const track = locs.slice(ROUTES.length, ROUTES.length + TUTORIALS.length);
  assert.deepEqual(track, TUTORIALS.map((t) => siteUrl(t.path)));
  assert.deepEqual(locs.slice(ROUTES.length + TUTORIALS.length).sort(), POST_PATHS.map((p) => siteUrl(p)));
});

test("robots.txt allows crawling and points to the sitemap", async () => {
  const robots = await read("robots.txt");
  assert.match(robots, /^User-agent: \*$/m);
  assert.ok(robots.split("\n").includes(`Sitemap: ${siteUrl("/sitemap.xml")}`), robots);
  assert.doesNotMatch(robots, /^Disallow: \/$/m);
});

test("the web manifest parses and is linked from the page", async () => {
  const manifest = JSON.parse(await read("site.webmanifest"));
  assert.equal(manifest.short_name, "dstack");
  assert.equal(manifest.theme_color, "#0b0a17");
  assert.ok(manifest.icons.length > 0);
  assert.match(await read("index.html"), /rel=manifest|rel="manifest"/);
});

test("404.html is the prerendered not-found page and boots the app like every page", async () => {
  const notFound = await read("404.html");
  assert.match(notFound, /<h1[^>]*>Page not found<\/h1>/);
  const loader = (html) => /<script type="module">[\s\S]*?<\/script>/.exec(html)?.[0];
  assert.ok(loader(notFound));
  assert.equal(loader(notFound), loader(await read("index.html")));
});

test("share image and PNG icons exist at the sizes the tags declare", async () => {
  const png = async (name) => {
    const buf = await readFile(`${dist}/${name}`);
    assert.equal(buf.subarray(1, 4).toString(), "PNG", name);
    return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
  };
  assert.deepEqual(await png("og.png"), { width: 1200, height: 630 });
  assert.deepEqual(await png("favicon-32.png"), { width: 32, height: 32 });
  assert.deepEqual(await png("apple-touch-icon.png"), { width: 180, height: 180 });
  const manifest = JSON.parse(await read("site.webmanifest"));
  for (const icon of manifest.icons.filter((i) => i.type === "image/png")) {
    const [w, h] = icon.sizes.split("x").map(Number);
    assert.deepEqual(await png(icon.src.replace(/^\.?\//, "")), { width: w, height: h });
  }
  const home = await read("index.html");
  assert.match(home, /rel="?apple-touch-icon/);
  assert.match(home, /favicon-32\.png/);
});
