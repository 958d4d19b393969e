// The in-browser build check of /transparency: fetches the build manifest
// (/.well-known/dstack-site-manifest.json, written by scripts/manifest.mjs), recomputes its
// digest, then hashes every same-origin file this page loaded (the document it was first
// opened as, then each resource in load order) with Web Crypto and compares each with the
// manifest. Reports "match" or the first file that does not.
//
// Contract: loading this module (a `<script type="module" src>` or `import()`) mounts every
// `[data-widget="transparency-check"]` in the document. A module runs once per page, so
// later mount points (client-side navigation back to /transparency) are found by a
// `dstack:widget` event dispatched on them (src/static_enhance.rs) or, failing that, by a
// MutationObserver; `mount(root)` can also be called directly. Mounting is idempotent.
// Nothing renders during the prerender: a button saved into the static HTML would be dead.
// No framework, no inline script: the CSP allows 'self' modules.
//
// Its limit, which the page states: the host that served this page also served this
// script and the manifest. Rebuilding from the commit (make verify-dist) is the real check.

const SELF = new URL(import.meta.url);
/** The site root: this file sits there (base path included). */
const ROOT = new URL("./", SELF);
const MANIFEST_URL = new URL(".well-known/dstack-site-manifest.json", ROOT);

const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");
const sha256 = async (bytes) => hex(await crypto.subtle.digest("SHA-256", bytes));

/** `sha256:<hex>` of the manifest without `digest`, as compact JSON in the file's order. */
export async function manifestDigest(manifest) {
  const { digest: _, ...body } = manifest;
  return `sha256:${await sha256(new TextEncoder().encode(JSON.stringify(body)))}`;
}

/**
 * The manifest path a same-origin URL was served from, or null outside the site:
 * `/` → index.html, `/security` or `/security/` → security/index.html (when listed).
 */
export function pathFor(url, listed, root = ROOT) {
  const u = new URL(url);
  if (u.origin !== root.origin || !u.pathname.startsWith(root.pathname)) return null;
  const rel = decodeURIComponent(u.pathname.slice(root.pathname.length)).replace(/\/$/, "");
  if (rel === "") return "index.html";
  if (listed.has(rel)) return rel;
  if (listed.has(`${rel}/index.html`)) return `${rel}/index.html`;
  return rel;
}

/** The URLs this page loaded: the document first, then its resources in load order. */
export function loadedUrls() {
  const nav = performance.getEntriesByType("navigation")[0];
  const urls = [nav?.name ?? location.href];
  for (const e of performance.getEntriesByType("resource")) urls.push(e.name);
  // The document under the base path but without its own path was served as 404.html.
  return [...new Set(urls.map((u) => u.split("#")[0]))];
}

/**
 * Runs the check. `onProgress(text)` hears each step. Resolves to
 * { ok, checked, digest, commit, mismatch?: { path, why } }.
 */
export async function check({ onProgress = () => {} } = {}) {
  onProgress("Fetching the manifest…");
  const res = await fetch(MANIFEST_URL, { cache: "no-store" });
  if (!res.ok) throw new Error(`the manifest could not be fetched (HTTP ${res.status})`);
  const manifest = await res.json();
  const digest = await manifestDigest(manifest);
  const base = { digest: manifest.digest, commit: manifest.commit, checked: 0 };
  if (digest !== manifest.digest) {
    return { ...base, ok: false, mismatch: { path: ".well-known/dstack-site-manifest.json", why: `its body hashes to ${digest}` } };
  }
  const files = new Map(manifest.files.map((f) => [f.path, f]));
  let checked = 0;
  for (const url of loadedUrls()) {
    const path = pathFor(url, files);
    if (path === null || path === ".well-known/dstack-site-manifest.json") continue; // another site (api.github.com), or the manifest
    onProgress(`Checking ${path}…`);
    const entry = files.get(path);
    if (!entry) return { ...base, checked, ok: false, mismatch: { path, why: "not listed in the manifest" } };
    // The bytes the browser has (its cache first); a file served differently now would
    // differ here too.
    const r = await fetch(url, { cache: "force-cache" });
    if (!r.ok) return { ...base, checked, ok: false, mismatch: { path, why: `HTTP ${r.status}` } };
    const actual = await sha256(await r.arrayBuffer());
    if (actual !== entry.sha256) return { ...base, checked, ok: false, mismatch: { path, why: `SHA-256 ${actual}, manifest ${entry.sha256}` } };
    checked++;
  }
  return { ...base, checked, ok: true };
}

function render(el) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "button";
  button.textContent = "Check this page against the manifest";
  const status = document.createElement("p");
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  status.dataset.result = "idle";
  button.addEventListener("click", async () => {
    button.disabled = true;
    status.dataset.result = "running";
    try {
      const r = await check({ onProgress: (t) => (status.textContent = t) });
      const about = `Manifest ${r.digest}, commit ${r.commit}.`;
      if (r.ok) {
        status.dataset.result = "match";
        status.textContent = `Match: the manifest's digest is right and all ${r.checked} files this page loaded have the hashes it lists. ${about}`;
      } else {
        status.dataset.result = "mismatch";
        status.dataset.file = r.mismatch.path;
        status.textContent = `Mismatch: ${r.mismatch.path} (${r.mismatch.why}). ${r.checked} file(s) matched before it. ${about}`;
      }
    } catch (e) {
      status.dataset.result = "error";
      status.textContent = `The check could not run: ${e.message}.`;
    } finally {
      button.disabled = false;
    }
  });
  live.add(el);
  el.replaceChildren(button, status);
  el.dataset.ready = "";
}

/** The mount points this module rendered into (and so gave a working button). */
const live = new WeakSet();

/**
 * Mounts the check into every `[data-widget="transparency-check"]` under root that this
 * module has not rendered. Not an attribute test: the app may adopt a copy of the page's
 * markup (button and all) made after the module ran, and a copy has no click handler.
 */
export function mount(root = document) {
  if (window.__dstackPrerender) return;
  for (const el of root.querySelectorAll('[data-widget="transparency-check"]')) if (!live.has(el)) render(el);
}

mount();
// Capture phase: the app's event does not bubble, and it targets the mount point itself.
document.addEventListener("dstack:widget", () => mount(), true);
new MutationObserver(() => mount()).observe(document.body, { childList: true, subtree: true });
