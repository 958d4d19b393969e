// Screenshots of the built site for a human look: node scripts/screenshots.mjs [dist] [out]
// Writes <out>/<route>-<width>.png for a few routes at phone and desktop widths.
import { mkdir } from "node:fs/promises";
import { launch, openPage, visit } from "../tests/e2e/browser.mjs";

const out = process.argv[3] ?? "target/screenshots";
process.env.DIST_DIR = process.argv[2] ?? "dist";
const routes = (process.env.ROUTES ?? "/,/architecture,/getting-started,/nope").split(",");
await mkdir(out, { recursive: true });
const env = await launch();
for (const width of [360, 1280]) {
  const { page, context } = await openPage(env, { width, height: width < 600 ? 780 : 900 });
  for (const route of routes) {
    await visit(env, page, route);
    const name = route === "/" ? "home" : route.replace(/\W+/g, "-").replace(/^-/, "");
    await page.screenshot({ path: `${out}/${name}-${width}.png`, fullPage: true });
  }
  if (width < 600) {
    await page.getByRole("button", { name: "Menu" }).click();
    await page.screenshot({ path: `${out}/menu-open-${width}.png` });
  }
  await context.close();
}
await env.close();
console.log(`screenshots in ${out}/`);
