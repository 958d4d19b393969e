// Makes the committed raster images from the official logo files, in headless Chromium:
//   public/og.png              1200×630 Open Graph / Twitter card, dark theme
//   public/favicon-32.png      PNG fallback favicon
//   public/apple-touch-icon.png  180×180
//   public/icon-192.png, public/icon-512.png  web manifest icons
//
//   node scripts/make-images.mjs      (rerun after changing the logo or the home heading)
//
// The images are committed, so builds need neither this script nor a browser for them.
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const mark = readFileSync("public/favicon.svg", "utf8");
const wordmark = readFileSync("public/brand/dstack-wordmark.svg", "utf8");
// The same words as the home page's heading and lede (src/site.rs, HOME).
const HEADING = "The open framework for confidential AI";
const POINTS = ["Intel TDX", "Remote attestation", "KMS in a TEE", "Zero-trust HTTPS"];

const og = `<!doctype html><html><head><style>
  html, body { margin: 0; width: 1200px; height: 630px; }
  body {
    box-sizing: border-box; padding: 72px 80px; display: flex; flex-direction: column;
    justify-content: space-between; color: #f4f2ff; font-family: "DejaVu Sans", sans-serif;
    background:
      radial-gradient(700px 420px at 88% -8%, rgb(94 168 255 / 0.30), transparent 65%),
      radial-gradient(640px 420px at 0% 0%, rgb(139 123 255 / 0.32), transparent 65%),
      #0b0a17;
  }
  .logo svg { height: 64px; width: auto; }
  .logo path[fill="white"], .logo path[fill="#fff"], .logo path[fill="#FFFFFF"] { fill: #f4f2ff; }
  h1 { margin: 0; font-size: 62px; line-height: 1.1; letter-spacing: -1.5px; max-width: 980px; }
  ul { margin: 0; padding: 0; list-style: none; display: flex; gap: 16px; }
  li { padding: 10px 22px; border: 2px solid #3a3566; border-radius: 999px; font-size: 24px; color: #d6d2f5; background: #15132b; white-space: nowrap; }
  .url { font-size: 28px; color: #b3a9ff; }
  header { display: flex; justify-content: space-between; align-items: center; }
</style></head><body>
  <header><div class="logo">${wordmark}</div><span class="url">dstack.info</span></header>
  <h1>${HEADING}</h1>
  <ul>${POINTS.map((p) => `<li>${p}</li>`).join("")}</ul>
</body></html>`;

const icon = (size, padding) => `<!doctype html><html><head><style>
  html, body { margin: 0; width: ${size}px; height: ${size}px; background: transparent; }
  body { display: grid; place-items: center; }
  svg { width: ${size - 2 * padding}px; height: auto; }
</style></head><body>${mark}</body></html>`;

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
try {
  const shots = [
    { file: "public/og.png", html: og, width: 1200, height: 630, transparent: false },
    { file: "public/favicon-32.png", html: icon(32, 1), width: 32, height: 32, transparent: true },
    { file: "public/apple-touch-icon.png", html: icon(180, 24), width: 180, height: 180, transparent: false },
    { file: "public/icon-192.png", html: icon(192, 24), width: 192, height: 192, transparent: false },
    { file: "public/icon-512.png", html: icon(512, 64), width: 512, height: 512, transparent: false },
  ];
  for (const { file, html, width, height, transparent } of shots) {
    const page = await browser.newPage({ viewport: { width, height } });
    // Opaque icons get the theme's background (iOS and some launchers fill transparency with white).
    await page.setContent(transparent ? html : html.replace("background: transparent", "background: #0b0a17"));
    await page.screenshot({ path: file, omitBackground: transparent });
    await page.close();
    console.log(`wrote ${file} (${width}×${height})`);
  }
} finally {
  await browser.close();
}
