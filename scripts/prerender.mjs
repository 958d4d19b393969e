// Prerenders every route of the release build into static HTML: `dist/<route>/index.html`
// (and `dist/index.html`, `dist/404.html`), so crawlers, link previews and visitors without
// JavaScript get the real page, and the first paint needs no wasm.
//
//   node scripts/prerender.mjs [dist] [words-dist]
//
// Technique: the words build of the site (feature `words`, in words-dist; see
// src/routes/section.rs) is served locally and each route is opened in headless Chromium
// (the same browser the tests use); once the app has rendered, the live DOM is saved, with
// the shipped build's script and wasm links (from dist/index.html) in place of the words
// build's. The section pages' bodies (`[data-save]`) are also written on their own, as
// `section-content/<name>.html`, which the shipped app fetches on client-side navigation.
// The shipped app adopts this markup instead of rendering it again, so there is one
// renderer, no second implementation of any view. Without words-dist, dist is served (one
// build that renders everything itself).
// Head tags the app added (title, description, canonical, Open Graph, JSON-LD) are marked
// `data-prerendered`, so the app can drop them before leptos_meta writes its own.
// No request leaves 127.0.0.1: GitHub figures are left to the live page (their box is
// reserved, so nothing shifts when they arrive).
import { mkdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "./static-server.mjs";
import { pageText, writeTextOutputs } from "./site-text.mjs";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** A path no route matches: its rendering is the not-found page, saved as 404.html. */
const MISSING = "/this-page-does-not-exist";
/** The base path the site is built for (BASE_PATH, as for the build), without trailing slash. */
const BASE = process.env.BASE_PATH ?? "";

/** Every route path listed in the sitemap, which build.rs writes from the site map. */
export function routesFromSitemap(xml) {
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => {
    const path = new URL(m[1]).pathname;
    return path.startsWith(BASE) ? path.slice(BASE.length) || "/" : path;
  });
}

/** Where a route's HTML goes inside dist/. */
export function outputFile(dist, path) {
  if (path === MISSING) return join(dist, "404.html");
  if (path === "/") return join(dist, "index.html");
  return join(dist, path.replace(/^\/|\/$/g, ""), "index.html");
}

export async function prerender(dist = "dist", served = dist) {
  const template = readFileSync(join(served, "index.html"), "utf8");
  const shipped = readFileSync(join(dist, "index.html"), "utf8");
  const sitemap = readFileSync(join(dist, "sitemap.xml"), "utf8");
  const routes = [...routesFromSitemap(sitemap), MISSING];
  // The published origin (SITE_ORIGIN, which build.rs wrote into the sitemap): the text
  // outputs link there, never to the local server below.
  const siteOrigin = new URL(/<loc>([^<]+)<\/loc>/.exec(sitemap)[1]).origin;
  const server = await startServer(served, 0, { spa: true });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-gpu"],
  });
  const pages = [];
  try {
    // The rendered state a visitor would first see: wide layout, motion allowed.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // Tells pages that load more code on their own (/verify's verifier module) to stay in
    // their first, "loading" state: that is what the static HTML should show.
    await context.addInitScript(() => {
      window.__dstackPrerender = true;
    });
    await context.route("**/*", (route) =>
      new URL(route.request().url()).hostname === "127.0.0.1" ? route.continue() : route.abort("blockedbyclient"),
    );
    for (const path of routes) {
      const page = await context.newPage();
      const errors = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(origin + BASE + path, { waitUntil: "networkidle" });
      await page.locator("main h1").waitFor({ state: "visible", timeout: 15_000 });
      // Static bodies fetched after mount (a blog post's) must be in before the snapshot.
      await page.waitForFunction(() => !document.querySelector('[data-state="loading"]'), null, { timeout: 15_000 });
      await page.waitForTimeout(100); // effects that run after mount (the diagram's drawing)
      if (errors.length) throw new Error(`${path}: ${errors.join("; ")}`);
      const { html, fragments } = await page.evaluate(([template, shipped]) => {
        const parse = (t) => [...new DOMParser().parseFromString(t, "text/html").head.children];
        const served = parse(template);
        const known = new Set(served.map((e) => e.outerHTML));
        // The template's head tags, element for element, in the shipped build: the same
        // tags but for the hashed names and integrity of the words build's script and wasm.
        const swap = new Map();
        const target = parse(shipped);
        if (target.length !== served.length) throw new Error("the two builds' index.html differ in shape");
        served.forEach((el, i) => swap.set(el.outerHTML, target[i]));
        for (const el of [...document.head.children]) {
          if (swap.has(el.outerHTML)) {
            el.replaceWith(document.importNode(swap.get(el.outerHTML), true));
            continue;
          }
          if (!known.has(el.outerHTML) && el.tagName !== "TITLE") {
            el.setAttribute("data-prerendered", "");
          }
        }
        // Section bodies, also saved on their own for client-side navigation.
        const fragments = [];
        for (const el of document.querySelectorAll("[data-save]")) {
          el.removeAttribute("data-save");
          fragments.push({ src: el.getAttribute("data-static"), html: el.innerHTML.replaceAll("<!---->", "") });
        }
        // The "needs JavaScript" notice is for the bare shell, not for a rendered page.
        document.querySelectorAll("body > noscript").forEach((n) => n.remove());
        document.getElementById("app")?.removeAttribute("data-live");
        // Leptos' empty placeholder comments matter only to a live view; the app renders
        // afresh anyway. (One sat inside the JSON-LD script, which made it invalid JSON.)
        const html = "<!DOCTYPE html>\n" + document.documentElement.outerHTML.replaceAll("<!---->", "") + "\n";
        return { html, fragments };
      }, [template, shipped]);
      // The page's text for llms.txt, the Markdown copies and the search index.
      const text = path === MISSING ? null : { path, ...(await page.evaluate(pageText, { siteOrigin })) };
      pages.push({ path, html, text, fragments });
      await page.close();
    }
  } finally {
    await browser.close();
    await new Promise((ok) => server.close(ok));
  }
  // Written only once every route rendered, so a failure leaves dist/ as trunk built it.
  const sizes = [];
  for (const { fragments } of pages) {
    for (const { src, html } of fragments) {
      const file = join(dist, src.startsWith(BASE + "/") ? src.slice(BASE.length) : src);
      mkdirSync(join(file, ".."), { recursive: true });
      writeFileSync(file, html);
    }
  }
  for (const { path, html } of pages) {
    const file = outputFile(dist, path);
    mkdirSync(join(file, ".."), { recursive: true });
    writeFileSync(file, html);
    sizes.push({ path: path === MISSING ? "(404)" : path, file, bytes: Buffer.byteLength(html) });
  }
  const texts = pages.flatMap((p) => (p.text ? [p.text] : []));
  const { entries } = writeTextOutputs(dist, texts, { origin: siteOrigin, base: BASE });
  sizes.entries = entries;
  return sizes;
}

// Run as a script (not imported)? Compare real paths: a URL string comparison fails when the
// checkout's path has a space (%20) or a symlink, and the step then silently did nothing.
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const sizes = await prerender(process.argv[2] ?? "dist", process.argv[3]);
  for (const { path, bytes } of sizes) console.log(`prerendered ${path.padEnd(18)} ${bytes} B`);
  console.log(`prerendered ${sizes.length} pages in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`wrote llms.txt, llms-full.txt, index.md per page and a search index of ${sizes.entries} sections`);
}
