// `make bench`: measures the release bundle in dist/ and prints (never asserts) the numbers.
//
// 1. Lighthouse 12 (mobile preset, simulated throttling) on every route: the median of 3
//    runs of the performance, accessibility, best-practices and SEO scores, with LCP, FCP,
//    TBT and CLS; the median run's TBT split by what blocked: the page's own parse, style,
//    layout and paint, the navigation's commit, or scripts (scripts/tbt-split.mjs).
// 2. The physical limit: the same prerendered HTML and CSS with every script removed
//    (dist-static/), served the same way; LCP(app) / LCP(static) per route. Both servers
//    compress with brotli, as the static hosts do (scripts/static-server.mjs).
// 3. Byte sizes of every asset (raw, gzip, brotli) and the home page's first-load total.
// 4. A Chromium trace while the architecture diagram plays one flow: long tasks (> 50 ms)
//    and main-thread time per second (scripts/diagram-trace.mjs).
//
// Results: target/bench/results.json and target/bench/summary.md. RUNS=1 for a quick look,
// ROUTES="/ /verify" for some routes only; LONG_TASKS=1 prints every run's blocking tasks.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer as createHttpsServer } from "node:https";
import { join } from "node:path";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { startServer } from "./static-server.mjs";
import { bundleSizes, formatSizes } from "./sizes.mjs";
import { htmlFiles } from "./harden.mjs";
import { routesFromSitemap } from "./prerender.mjs";
import { traceDiagram } from "./diagram-trace.mjs";
import { firstLoad } from "./first-load.mjs";
import { resetSimulations, split } from "./tbt-split.mjs";
import { GITHUB_FIXTURE, GITHUB_HEADERS } from "../tests/e2e/github-fixture.mjs";

const DIST = process.env.DIST_DIR ?? "dist";
const STATIC = "target/bench/dist-static";
const OUT = "target/bench";
const RUNS = Number(process.env.RUNS ?? 3);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** dist/ without any script: the prerendered pages as a plain static site. */
function makeStaticCopy() {
  rmSync(STATIC, { recursive: true, force: true });
  cpSync(DIST, STATIC, { recursive: true });
  for (const file of htmlFiles(STATIC)) {
    const html = readFileSync(file, "utf8")
      .replace(/<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script>/gi, "")
      .replace(/<link\b[^>]*rel="?(modulepreload|preload)"?[^>]*>/gi, "");
    writeFileSync(file, html);
  }
}

/**
 * api.github.com as the live site meets it on a good day: the tests' fixture over HTTPS on
 * 127.0.0.1, with a throwaway certificate (Chromium maps the host here and is told to accept
 * it). Offline, the real host would fail, and Lighthouse would time the page's failure path
 * (console errors) instead of what visitors get.
 */
async function githubFixture() {
  const dir = join(OUT, "tls");
  mkdirSync(dir, { recursive: true });
  const [key, cert] = [join(dir, "key.pem"), join(dir, "cert.pem")];
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=api.github.com"], { stdio: "ignore" });
  const server = createHttpsServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
    const body = GITHUB_FIXTURE[new URL(req.url, "https://api.github.com").pathname];
    res.writeHead(body ? 200 : 404, GITHUB_HEADERS).end(JSON.stringify(body ?? { message: "Not Found" }));
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return server;
}

/** A run's blocking time by kind of work (scripts/tbt-split.mjs). */
const SPLIT_KEYS = ["tbt_page_ms", "tbt_navigation_ms", "tbt_script_ms"];

async function lighthouseRuns(chrome, url, count = RUNS) {
  const runs = [];
  // A run in which Lighthouse observed no LCP or TBT (NaN) is run again, at most 4 times in
  // all, so a median of 3 is one of 3 runs (a median of two is their mean, so one slow run
  // would weigh half: in one full run two retries were not enough, and a route's TBT was the
  // mean of 0 and 280). A median that is still over fewer runs says so on stderr.
  let retries = 4;
  for (let i = 0; i < count; i++) {
    resetSimulations();
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
    });
    const { categories, audits } = result.lhr;
    const blocking = split();
    // LONG_TASKS=1: each run's blocking tasks on stderr (simulated start and length, the
    // length observed on this machine, what the task did), to find what blocks.
    if (process.env.LONG_TASKS) {
      const tasks = (blocking?.tasks ?? []).map((t) => `${t.kind} ${t.simulated_ms}ms@${t.start} (observed ${t.observed_ms}ms, blocking ${Math.round(t.blocking_ms)})`);
      console.error(`${new URL(url).pathname} run ${i + 1}: TBT ${Math.round(audits["total-blocking-time"].numericValue)} (split: page ${blocking?.page}, navigation ${blocking?.navigation}, script ${blocking?.script}, other ${blocking?.other}), FCP ${blocking?.fcp ?? "?"}; ${tasks.join(", ") || "no blocking task"}`);
    }
    const observed = ["largest-contentful-paint", "total-blocking-time"].every((k) => Number.isFinite(audits[k].numericValue));
    if (!observed && retries > 0) {
      retries--;
      i--;
      console.error(`${new URL(url).pathname}: a run observed no LCP or TBT; running it again`);
      continue;
    }
    runs.push({
      performance: categories.performance.score * 100,
      accessibility: categories.accessibility.score * 100,
      best_practices: categories["best-practices"].score * 100,
      seo: categories.seo.score * 100,
      lcp_ms: audits["largest-contentful-paint"].numericValue,
      fcp_ms: audits["first-contentful-paint"].numericValue,
      tbt_ms: audits["total-blocking-time"].numericValue,
      cls: audits["cumulative-layout-shift"].numericValue,
      // Blocking time by kind of work (scripts/tbt-split.mjs): the page's own parse, style,
      // layout and paint; the navigation's commit; scripts (the app).
      tbt_page_ms: blocking?.page ?? NaN,
      tbt_navigation_ms: blocking?.navigation ?? NaN,
      tbt_script_ms: blocking?.script ?? NaN,
    });
  }
  const short = ["lcp_ms", "tbt_ms"].filter((k) => runs.filter((r) => Number.isFinite(r[k])).length < count);
  if (short.length) console.error(`${new URL(url).pathname}: ${short.join(", ")} from fewer than ${count} runs`);
  const keys = Object.keys(runs[0]).filter((k) => !SPLIT_KEYS.includes(k));
  // Runs that did not observe a metric (NaN) are left out of its median.
  const medians = Object.fromEntries(
    keys.map((k) => {
      const values = runs.map((r) => r[k]).filter(Number.isFinite);
      return [k, values.length ? Math.round(median(values) * 1000) / 1000 : NaN];
    }),
  );
  // The split of blocking time is the median run's (medians of parts would not add up).
  const middle = runs.filter((r) => Number.isFinite(r.tbt_ms)).sort((a, b) => Math.abs(a.tbt_ms - medians.tbt_ms) - Math.abs(b.tbt_ms - medians.tbt_ms))[0];
  for (const k of SPLIT_KEYS) medians[k] = middle?.[k] ?? NaN;
  return medians;
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  makeStaticCopy();
  // ROUTES="/ /verify" measures only those (a quick look at a change); default every route.
  const routes = process.env.ROUTES?.split(/\s+/).filter(Boolean) ?? routesFromSitemap(readFileSync(join(DIST, "sitemap.xml"), "utf8"));
  const app = await startServer(DIST, 0, { compress: true });
  const plain = await startServer(STATIC, 0, { compress: true });
  const github = await githubFixture();
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: [
      "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
      `--host-resolver-rules=MAP api.github.com 127.0.0.1:${github.address().port}`, "--ignore-certificate-errors",
    ],
  });
  const pages = [];
  try {
    // A fresh Chromium's first page load is slower than every later one (its own start-up,
    // cold caches): one run of the first route, not counted, so that route is measured warm
    // like the others (its blocking time was 218 ms cold against 18-92 ms warm).
    await lighthouseRuns(chrome, `http://127.0.0.1:${app.address().port}${routes[0]}`, 1);
    for (const path of routes) {
      const measured = await lighthouseRuns(chrome, `http://127.0.0.1:${app.address().port}${path}`);
      const limit = await lighthouseRuns(chrome, `http://127.0.0.1:${plain.address().port}${path}`);
      // Lighthouse reports no LCP (NaN) when a run failed to observe one; the ratio is then null.
      const ratio = measured.lcp_ms / limit.lcp_ms;
      pages.push({
        path,
        ...measured,
        static_lcp_ms: Number.isFinite(limit.lcp_ms) ? limit.lcp_ms : null,
        // The page's own parsing and layout block too: the floor under the app's TBT.
        static_tbt_ms: limit.tbt_ms,
        lcp_ratio: Number.isFinite(ratio) ? Math.round(ratio * 1000) / 1000 : null,
      });
      console.log(JSON.stringify(pages.at(-1)));
    }
  } finally {
    await chrome.kill();
    await new Promise((ok) => app.close(ok));
    await new Promise((ok) => plain.close(ok));
    await new Promise((ok) => github.close(ok));
  }
  const files = await bundleSizes(DIST);
  const home = await firstLoad("/");
  const trace = await traceDiagram();
  const results = { date: new Date().toISOString(), runs: RUNS, pages, files, home_first_load: home, diagram_trace: trace };
  writeFileSync(join(OUT, "results.json"), JSON.stringify(results, null, 2) + "\n");

  const row = (cells) => `| ${cells.join(" | ")} |`;
  const md = [
    `# Benchmark, ${results.date}`,
    "",
    `Lighthouse 12 mobile, median of ${RUNS} run(s) per route; "static" is the same page with every script removed.`,
    "",
    row(["route", "perf", "a11y", "best pr.", "SEO", "LCP ms", "FCP ms", "TBT ms", "TBT page/nav./script", "TBT static ms", "CLS", "LCP static ms", "LCP ratio"]),
    row(Array(13).fill("---")),
    ...pages.map((p) =>
      row([p.path, p.performance, p.accessibility, p.best_practices, p.seo, Math.round(p.lcp_ms), Math.round(p.fcp_ms), Math.round(p.tbt_ms), [p.tbt_page_ms, p.tbt_navigation_ms, p.tbt_script_ms].map(Math.round).join("/"), Math.round(p.static_tbt_ms), p.cls.toFixed(3), p.static_lcp_ms === null ? "n/a" : Math.round(p.static_lcp_ms), p.lcp_ratio === null ? "n/a" : p.lcp_ratio.toFixed(3)]),
    ),
    "",
    "```",
    formatSizes(files),
    "```",
    "",
    `Home page first load: ${home.files.length} files, ${home.total} B brotli (${home.files.map((f) => `${f.path} ${f.brotli}`).join(", ")}).`,
    "",
    `Diagram, one flow (${trace.steps} steps, ${trace.elapsed_ms} ms): ${trace.long_tasks} long tasks (> 50 ms, ${trace.long_task_ms} ms in total), longest task ${trace.longest_task_ms} ms, main thread busy ${trace.main_thread_ms_per_s} ms per second.`,
    "",
  ].join("\n");
  writeFileSync(join(OUT, "summary.md"), md);
  console.log("\n" + md);
}

await main();
