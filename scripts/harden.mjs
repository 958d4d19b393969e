// Locks the built site down and writes every host's configuration from one source:
//
//   node scripts/harden.mjs [dist]
//
// 1. The app starts after the page has loaded and painted: trunk's loader and its early
//    preloads of the JS and wasm are replaced by a loader that imports them after `load`
//    and the first contentful paint. The
//    prerendered page paints on its own, so nothing is lost, and the largest contentful
//    paint no longer waits behind 180 KB of wasm on a slow link. Subresource Integrity is
//    kept: the JS through the import map's `integrity`, the wasm through `fetch`'s (trunk
//    computed both; it already puts integrity on the CSS).
// 2. Content-Security-Policy without 'unsafe-inline' or 'unsafe-eval': every inline script
//    left in the HTML (trunk's loader) is allowed by its SHA-256, computed here from the
//    final files; wasm needs 'wasm-unsafe-eval'.
// 3. The same policy and security headers go to `_headers` (Netlify, Cloudflare Pages, and
//    the local test server), `vercel.json` (Vercel), and into every HTML file as
//    `<meta http-equiv>` for hosts without headers (GitHub Pages; `frame-ancestors` cannot be
//    set that way, browsers ignore it in a meta tag).
// 4. Hashed assets are cached for a year as immutable. HTML and unhashed files keep the
//    hosts' default, which is to revalidate on every use (Netlify, Cloudflare Pages and
//    Vercel all send `max-age=0, must-revalidate`); a rule for `/*` would be merged into the
//    hashed files' rule by Netlify and Cloudflare, not overridden. The build manifest
//    (scripts/manifest.mjs) is JSON that changes with every build: revalidated, readable
//    from any origin (independent verifiers).
// 5. Deterministic: directories are read in sorted order, so two builds write the same
//    bytes (issue #19); a page whose loader is not the shape we rewrite stops the build
//    instead of being skipped.
//
// Analytics (off by default): ANALYTICS_ENDPOINT adds that endpoint's origin to connect-src.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { isMainModule } from "./main-module.mjs";
import { MANIFEST_PATH } from "./manifest.mjs";

/** `readdirSync` in a fixed order: the file system's order differs between machines. */
const readdirSorted = (dir) => readdirSync(dir).sort();

/** The in-browser build check (public/transparency-check.js), imported by /transparency. */
export const WIDGET = "transparency-check.js";

/** Folders of HTML fragments (a blog post's body), fetched into pages, not pages. */
export const FRAGMENT_DIRS = ["blog-content", "page-content", "tutorial-content", "section-content"];

/** All .html pages under `dir`. */
export function htmlFiles(dir) {
  return readdirSorted(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return FRAGMENT_DIRS.includes(name) ? [] : htmlFiles(path);
    return name.endsWith(".html") ? [path] : [];
  });
}

/** The contents of inline scripts the browser would execute (not JSON-LD data blocks). */
export function inlineScripts(html) {
  const scripts = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1];
    if (/\bsrc\s*=/.test(attrs)) continue;
    const type = /\btype\s*=\s*"?([^"\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
    if (type && !["module", "importmap", "text/javascript", "application/javascript"].includes(type)) continue;
    scripts.push(m[2]);
  }
  return scripts;
}

export const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** Adds `integrity` to local stylesheet links that lack it (the component CSS our
 * post-build hook publishes). */
export function addStylesheetIntegrity(html, dist) {
  return html.replace(/<link\b[^>]*>/gi, (tag) => {
    if (!/rel="?stylesheet/i.test(tag) || /\bintegrity=/i.test(tag)) return tag;
    const url = /\bhref="?([^"\s>]+)/i.exec(tag)?.[1];
    if (!url?.startsWith("/") || url.startsWith("//")) return tag;
    const base = process.env.BASE_PATH ?? "";
    const file = url.startsWith(base + "/") ? url.slice(base.length) : url;
    const digest = createHash("sha384").update(readFileSync(join(dist, file))).digest("base64");
    return tag.replace(/<link\b/i, `<link integrity="sha384-${digest}"`);
  });
}

/** The URL and integrity of the first `<link>` whose href matches `pattern`. */
function linked(html, pattern) {
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const href = /\bhref="?([^"\s>]+)/i.exec(tag)?.[1];
    if (href && pattern.test(href)) return { tag, href, integrity: /\bintegrity="?([^"\s>]+)/i.exec(tag)?.[1] };
  }
  return null;
}

const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
const hex16 = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);

/**
 * The /verify page's module (trunk builds it as a "worker", under fixed names): gives its
 * files content-hashed names, so they can be cached as immutable, and pins its wasm by
 * `fetch` integrity inside its JS, which the import map pins in turn, and exports that
 * request as `wasmResponse`. Returns the import
 * map entries that let the site import it as `dstack-verifier`. Idempotent.
 */
export function hashVerifier(dist) {
  const base = process.env.BASE_PATH ?? "";
  let jsName = readdirSorted(dist).find((n) => /^dstack-verifier-[0-9a-f]{16}\.js$/.test(n));
  if (!jsName) {
    if (!existsSync(join(dist, "dstack-verifier.js"))) return { imports: {}, integrity: {} };
    const wasm = readFileSync(join(dist, "dstack-verifier_bg.wasm"));
    const wasmName = `dstack-verifier-${hex16(wasm)}_bg.wasm`;
    let js = readFileSync(join(dist, "dstack-verifier.js"), "utf8");
    const urls = js.split('"dstack-verifier_bg.wasm"').length - 1;
    const fetches = [...js.matchAll(/\bfetch\((\w+)\)/g)];
    if (urls !== 1 || fetches.length !== 1) {
      throw new Error(`unexpected verifier glue: ${urls} wasm URL(s), ${fetches.length} fetch call(s)`);
    }
    js = js
      .replace('"dstack-verifier_bg.wasm"', JSON.stringify(wasmName))
      .replace(fetches[0][0], `fetch(${fetches[0][1]},{integrity:${JSON.stringify(sri(wasm))}})`);
    // The same request, for a caller that compiles the wasm itself before initialising the
    // glue with the module (src/verifier.rs: the compile then runs off the main thread,
    // and instantiating it is a task of its own).
    js += `\nexport const wasmResponse=()=>fetch(new URL(${JSON.stringify(wasmName)},import.meta.url),{integrity:${JSON.stringify(sri(wasm))}});\n`;
    jsName = `dstack-verifier-${hex16(js)}.js`;
    writeFileSync(join(dist, jsName), js);
    renameSync(join(dist, "dstack-verifier_bg.wasm"), join(dist, wasmName));
    unlinkSync(join(dist, "dstack-verifier.js"));
  }
  const href = `${base}/${jsName}`;
  return { imports: { "dstack-verifier": href }, integrity: { [href]: sri(readFileSync(join(dist, jsName))) } };
}

/** Integrity for wasm-bindgen's snippet modules (`inline_js`), which the app's JS imports. */
export function snippetIntegrity(dist) {
  const base = process.env.BASE_PATH ?? "";
  const dir = join(dist, "snippets");
  if (!existsSync(dir)) return {};
  const walk = (d) => readdirSorted(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  return Object.fromEntries(
    walk(dir)
      .filter((f) => f.endsWith(".js"))
      .map((f) => [`${base}/${relative(dist, f)}`, sri(readFileSync(f))]),
  );
}

/** Whether `code` has `text` as a string literal ("…", '…' or `…`, as minifiers choose). */
const quotes = (code, text) => ["\"", "'", "`"].some((q) => code.includes(q + text + q));

/** Marks a page whose loader `deferLoader` already wrote (trunk's own never has it). */
const DEFERRED = "const start=async()=>{const bindings=await import(";

/**
 * Replaces trunk's loader (an inline module importing the JS glue and instantiating the
 * wasm at once, with preloads for both) by one that starts the app after `load` and a
 * frame. Idempotent: a page already rewritten is returned as it is. Any other shape (a
 * trunk update, a page without the app) throws: skipping it silently would publish a page
 * without SRI and the deferred start, and two builds would differ (issue #19).
 */
export function deferLoader(html, modules = { imports: {}, integrity: {} }) {
  const js = linked(html, /\.js$/);
  const wasm = linked(html, /_bg\.wasm$/);
  const loaders = [...html.matchAll(/<script type="?module"?>[^<]*TrunkApplicationStarted[^<]*<\/script>/g)];
  const loader = loaders[0];
  if (html.includes(DEFERRED)) {
    if (loaders.length !== 1) throw new Error("unexpected trunk loader: a rewritten page with another loader");
    return html;
  }
  const missing = [
    !js && "the JS glue's <link>",
    js && !js.integrity && "the JS glue's integrity",
    !wasm && "the wasm <link>",
    wasm && !wasm.integrity && "the wasm's integrity",
    !loader && "trunk's inline loader (TrunkApplicationStarted)",
    loaders.length > 1 && "single loader (found several)",
    // The loader must start the files the links name: the rewrite keeps their integrity,
    // not whatever else the loader would have loaded.
    js && loader && !quotes(loader[0], js.href) && "import of the linked JS glue in the loader",
    wasm && loader && !quotes(loader[0], wasm.href) && "use of the linked wasm in the loader",
  ].filter(Boolean);
  if (missing.length) throw new Error(`unexpected trunk loader: no ${missing.join(", no ")}`);
  const importMap = { integrity: { [js.href]: js.integrity, ...modules.integrity } };
  if (Object.keys(modules.imports).length) importMap.imports = modules.imports;
  const map = `<script type="importmap">${JSON.stringify(importMap)}</script>`;
  const start =
    `<script type="module">${DEFERRED}${JSON.stringify(js.href)});` +
    // The wasm compiles off the main thread, and is instantiated in a task of its own:
    // `instantiateStreaming` (the glue's path for a Response) does both at once, a long task.
    // A failed compile (wrong MIME type, failed integrity) falls back to the glue's path,
    // which reports it.
    `const get=()=>fetch(${JSON.stringify(wasm.href)},{integrity:${JSON.stringify(wasm.integrity)}});` +
    `const compiled=await WebAssembly.compileStreaming(get()).catch(()=>0);await new Promise(r=>setTimeout(r));` +
    `const wasm=await bindings.default({module_or_path:compiled||get()});` +
    `window.wasmBindings=bindings;dispatchEvent(new CustomEvent("TrunkApplicationStarted",{detail:{wasm}}))};` +
    // After `load`, once the first contentful paint is reported (the entry arrives after
    // the frame is presented; a rAF fires before it), or after 1 s: a page loaded in a
    // background tab may never report one.
    `const go=()=>{let s=0;const f=()=>s||(s=1,setTimeout(start));setTimeout(f,1000);` +
    `PerformanceObserver.supportedEntryTypes?.includes("paint")?new PerformanceObserver((l,o)=>{l.getEntriesByName("first-contentful-paint").length&&(o.disconnect(),f())}).observe({type:"paint",buffered:true}):requestAnimationFrame(()=>setTimeout(f))};` +
    `document.readyState==="complete"?go():addEventListener("load",go,{once:true});</script>`;
  // trunk also preloads wasm-bindgen's snippet modules; they load with the app's JS.
  const snippets = [...html.matchAll(/<link\b[^>]*rel="?modulepreload"?[^>]*>/gi)].map((m) => m[0]);
  let out = html.replace(js.tag, "").replace(wasm.tag, "").replace(loader[0], map + start);
  for (const tag of snippets) out = out.replace(tag, "");
  return out;
}

export function contentSecurityPolicy(hashes, { meta = false, analytics = process.env.ANALYTICS_ENDPOINT } = {}) {
  const connect = ["'self'", "https://api.github.com"];
  if (analytics) connect.push(new URL(analytics).origin);
  const directives = [
    "default-src 'none'",
    `script-src 'self' 'wasm-unsafe-eval' ${[...new Set(hashes)].sort().join(" ")}`.trim(),
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    `connect-src ${connect.join(" ")}`,
    "manifest-src 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    "form-action 'none'",
  ];
  if (!meta) directives.push("frame-ancestors 'none'");
  return directives.join("; ");
}

/** Headers every response gets, then the caching rules. */
export function securityHeaders(csp) {
  return [
    ["Content-Security-Policy", csp],
    ["Strict-Transport-Security", "max-age=63072000; includeSubDomains"],
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"],
    ["Cross-Origin-Opener-Policy", "same-origin"],
    ["X-Frame-Options", "DENY"],
  ];
}

/** Files trunk names with a content hash (`name-0123456789abcdef.ext` or `_bg.wasm`). */
export const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;
const IMMUTABLE = "public, max-age=31536000, immutable";
const ATOM = "application/atom+xml; charset=utf-8";
/** The build manifest: JSON, revalidated on every use, readable by verifiers on any origin. */
const MANIFEST_HEADERS = [
  ["Content-Type", "application/json; charset=utf-8"],
  ["Cache-Control", "no-cache"],
  ["Access-Control-Allow-Origin", "*"],
];

/** Integrity for the /transparency check, which the app imports when that page shows. */
export function widgetIntegrity(dist) {
  const file = join(dist, WIDGET);
  if (!existsSync(file)) return {};
  return { [`${process.env.BASE_PATH ?? ""}/${WIDGET}`]: sri(readFileSync(file)) };
}

export function harden(dist = "dist") {
  const files = htmlFiles(dist);
  const hashes = [];
  const verifier = hashVerifier(dist);
  const modules = {
    imports: verifier.imports,
    integrity: { ...verifier.integrity, ...snippetIntegrity(dist), ...widgetIntegrity(dist) },
  };
  for (const file of files) {
    let deferred;
    try {
      deferred = deferLoader(readFileSync(file, "utf8"), modules);
    } catch (e) {
      throw new Error(`${relative(dist, file)}: ${e.message}`);
    }
    const html = addStylesheetIntegrity(deferred, dist);
    writeFileSync(file, html);
    hashes.push(...inlineScripts(html).map(sha256));
  }
  const csp = contentSecurityPolicy(hashes);
  const metaCsp = contentSecurityPolicy(hashes, { meta: true });
  for (const file of files) {
    let html = readFileSync(file, "utf8").replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/i, "");
    // Right after the charset, before anything it governs.
    html = html.replace(/(<meta charset="?utf-8"?>)/i, `$1<meta http-equiv="Content-Security-Policy" content="${metaCsp}">`);
    writeFileSync(file, html);
  }
  const headers = securityHeaders(csp);
  const hashed = readdirSorted(dist).filter((name) => HASHED.test(name));

  // Netlify and Cloudflare Pages (and scripts/static-server.mjs).
  let text = "# Generated by scripts/harden.mjs from the built files; do not edit.\n/*\n";
  for (const [name, value] of headers) text += `  ${name}: ${value}\n`;
  for (const name of hashed) text += `/${name}\n  Cache-Control: ${IMMUTABLE}\n`;
  // The blog's feed: hosts would call any .xml file application/xml.
  text += `/feed.xml\n  Content-Type: ${ATOM}\n`;
  text += `/${MANIFEST_PATH}\n`;
  for (const [name, value] of MANIFEST_HEADERS) text += `  ${name}: ${value}\n`;
  writeFileSync(join(dist, "_headers"), text);

  // Vercel (deploy dist/ as the project: `vercel deploy dist`).
  const vercel = {
    $schema: "https://openapi.vercel.sh/vercel.json",
    cleanUrls: true,
    trailingSlash: false,
    headers: [
      {
        source: "/(.*)",
        headers: headers.map(([key, value]) => ({ key, value })),
      },
      ...hashed.map((name) => ({ source: `/${name}`, headers: [{ key: "Cache-Control", value: IMMUTABLE }] })),
      { source: "/feed.xml", headers: [{ key: "Content-Type", value: ATOM }] },
      { source: `/${MANIFEST_PATH}`, headers: MANIFEST_HEADERS.map(([key, value]) => ({ key, value })) },
    ],
  };
  writeFileSync(join(dist, "vercel.json"), JSON.stringify(vercel, null, 2) + "\n");
  // GitHub Pages: no Jekyll processing (keeps files as they are).
  writeFileSync(join(dist, ".nojekyll"), "");
  return { csp, metaCsp, files: files.map((f) => relative(dist, f)), hashed, hashes: [...new Set(hashes)] };
}

// Run as a script? (Real paths, not URL strings: see main-module.mjs.)
if (isMainModule(import.meta.url)) {
  const result = harden(process.argv[2] ?? "dist");
  console.log(`hardened ${result.files.length} HTML files; ${result.hashes.length} inline script hash(es)`);
  console.log(`Content-Security-Policy: ${result.csp}`);
}
