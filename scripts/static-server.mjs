// A small static file server for dist/ that behaves like the static hosts we deploy to:
// `/route` and `/route/` serve `route/index.html`, a path with no file gets `404.html` with
// status 404 (the app then shows its not-found page), and the headers in `dist/_headers`
// (Netlify / Cloudflare Pages syntax, written by scripts/harden.mjs) are sent as those hosts
// would. `{ spa: true }` answers every unknown path with `index.html` instead, which the
// prerender pass needs before any route has its own file. `{ compress: true }` sends text,
// wasm and SVG brotli-compressed to a client that accepts it, as those hosts do: `make bench`
// uses it, because Lighthouse's simulated network times the bytes that were transferred.
// Used by the e2e tests (on an ephemeral port) and by `node scripts/static-server.mjs`.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { isMainModule } from "./main-module.mjs";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml",
  ".md": "text/markdown; charset=utf-8",
};

/** What the static hosts compress (not the PNGs and icons, which are compressed already). */
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".wasm", ".css", ".svg", ".json", ".webmanifest", ".txt", ".xml", ".md"]);

async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Parses `_headers`: blocks of a URL pattern line (`/*`, `/path`, `/*.wasm`) followed by
 * indented `Name: value` lines. Returns [{ pattern: RegExp, headers: [[name, value]] }].
 */
export function parseHeaders(text) {
  const rules = [];
  for (const line of text.split("\n")) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      const glob = line.trim().replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
      rules.push({ pattern: new RegExp(`^${glob}$`), headers: [] });
    } else if (rules.length) {
      const at = line.indexOf(":");
      rules.at(-1).headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

/** Starts serving `root` on 127.0.0.1:`port` (0 = any free port); resolves to the server. */
export function startServer(root, port = 0, { spa = false, compress = false, basePath = process.env.BASE_PATH ?? "" } = {}) {
  const base = resolve(root);
  const compressed = new Map(); // file → its brotli bytes (dist/ does not change while served)
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://localhost");
      // Under a base path (GitHub project pages) dist/ is served at /repo/.
      let urlPath = url.pathname;
      if (basePath) {
        if (urlPath !== basePath && !urlPath.startsWith(basePath + "/")) {
          res.writeHead(404, { "content-type": "text/plain" }).end("outside the base path");
          return;
        }
        urlPath = urlPath.slice(basePath.length) || "/";
      }
      const path = normalize(decodeURIComponent(urlPath));
      let file = join(base, path);
      if (!file.startsWith(base)) {
        res.writeHead(400).end("bad path");
        return;
      }
      let status = 200;
      if (!(await isFile(file))) {
        const index = join(file, "index.html");
        if (await isFile(index)) {
          file = index;
        } else if (spa) {
          file = join(base, "index.html");
        } else {
          file = join(base, "404.html");
          status = 404;
        }
      }
      const body = await readFile(file);
      const headers = {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-store",
      };
      let rules = [];
      try {
        rules = parseHeaders(await readFile(join(base, "_headers"), "utf8"));
      } catch {
        // no _headers yet (a plain trunk build)
      }
      for (const rule of rules) {
        if (!rule.pattern.test(urlPath)) continue;
        for (const [name, value] of rule.headers) headers[name.toLowerCase()] = value;
      }
      let sent = body;
      if (compress && COMPRESSIBLE.has(extname(file)) && /\bbr\b/.test(req.headers["accept-encoding"] ?? "")) {
        if (!compressed.has(file)) {
          compressed.set(file, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        }
        sent = compressed.get(file);
        headers["content-encoding"] = "br";
        headers.vary = "accept-encoding";
      }
      res.writeHead(status, headers);
      res.end(req.method === "HEAD" ? undefined : sent);
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
  });
  return new Promise((ok) => server.listen(port, "127.0.0.1", () => ok(server)));
}

if (isMainModule(import.meta.url)) {
  const root = process.argv[2] ?? "dist";
  const port = Number(process.argv[3] ?? 8080);
  const server = await startServer(root, port);
  console.log(`serving ${root} at http://127.0.0.1:${server.address().port}/`);
}
