// What a first visit to a page downloads from the site, measured in Chromium: every
// response from the site's own origin (HTML, CSS, JS, wasm, images, JSON), each compressed
// with brotli at quality 11 as a host would serve it. The GitHub API is not the site's and
// is left out. Used by the byte budget test and by `make bench`.
import { brotliCompressSync, constants } from "node:zlib";
import { launch, openPage } from "../tests/e2e/browser.mjs";

export async function firstLoad(path = "/") {
  const env = await launch();
  try {
    const { page, context } = await openPage(env);
    const bodies = [];
    page.on("response", (res) => {
      const url = new URL(res.url());
      if (url.hostname !== "127.0.0.1") return;
      bodies.push(
        res.body().then((b) => ({
          path: url.pathname,
          raw: b.length,
          brotli: brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
        })),
      );
    });
    await page.goto(env.origin + path, { waitUntil: "networkidle" });
    await page.locator("#app[data-live] main h1").waitFor();
    await page.waitForLoadState("networkidle");
    const files = await Promise.all(bodies);
    await context.close();
    return { files, total: files.reduce((sum, f) => sum + f.brotli, 0) };
  } finally {
    await env.close();
  }
}
