// Checks a deployed copy of the site over HTTP, without a browser:
//
//   node scripts/check-site.mjs https://dstack.info
//
// Every route in its sitemap answers 200 with an <h1>; every internal link and in-page
// anchor on those pages resolves; the HTML carries a CSP. Prints one line per problem and
// exits 1 if there is any. Used daily by .github/workflows/monitor.yml.
const origin = (process.argv[2] ?? "https://dstack.info").replace(/\/$/, "");
const problems = [];
const get = async (path) => {
  const res = await fetch(origin + path, { redirect: "follow" });
  return { status: res.status, headers: res.headers, text: await res.text() };
};

const sitemap = await get("/sitemap.xml");
if (sitemap.status !== 200) problems.push(`/sitemap.xml answered ${sitemap.status}`);
const routes = [...sitemap.text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
if (routes.length === 0) problems.push("the sitemap lists no routes");
const pages = new Map();
for (const path of routes) {
  const page = await get(path);
  pages.set(path, page.text);
  if (page.status !== 200) problems.push(`${path} answered ${page.status}`);
  if (!/<h1[\s>]/.test(page.text)) problems.push(`${path} has no <h1> in its HTML`);
  const csp = page.headers.get("content-security-policy") ?? /http-equiv="Content-Security-Policy"/.test(page.text);
  if (!csp) problems.push(`${path} has no Content-Security-Policy`);
}
const checked = new Set();
for (const [path, html] of pages) {
  const ids = new Set([...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]));
  for (const [, href] of html.matchAll(/<a\b[^>]*\bhref="([^"]+)"/g)) {
    if (/^[a-z]+:/i.test(href) && !href.startsWith(origin)) continue;
    const url = new URL(href, origin + path);
    if (url.pathname === path && url.hash) {
      if (!ids.has(decodeURIComponent(url.hash.slice(1)))) problems.push(`${path}: anchor ${url.hash} has no target`);
      continue;
    }
    if (checked.has(url.pathname)) continue;
    checked.add(url.pathname);
    const target = pages.has(url.pathname) ? { status: 200 } : await get(url.pathname);
    if (target.status !== 200) problems.push(`${path} links to ${url.pathname}, which answered ${target.status}`);
  }
}
console.log(`${origin}: ${routes.length} routes, ${checked.size} internal link targets checked`);
for (const p of problems) console.log(`problem: ${p}`);
process.exit(problems.length ? 1 : 0);
