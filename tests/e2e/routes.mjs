import { readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

// What a visitor should see at each route. build.rs writes routes.json from the site
// map (src/site.rs), the prose pages and the tutorial track, so the tests never keep a
// copy of the route table: the Rust tests check the table, these check the built site.
const root = fileURLToPath(new URL("../..", import.meta.url));
// build.rs writes it to $CARGO_TARGET_DIR (relative to the checkout, or absolute) or target/.
const routesFile = process.env.ROUTES_JSON ?? resolve(root, process.env.CARGO_TARGET_DIR ?? "target", "routes.json");
const table = JSON.parse(readFileSync(routesFile, "utf8"));
for (const key of ["origin", "basePath", "titleSuffix"]) {
  if (typeof table[key] !== "string") throw new Error(`${routesFile} has no ${key}: it predates this test suite, rebuild`);
}

/** The origin this build was made for (`SITE_ORIGIN`), e.g. https://dstack.info. */
export const SITE_ORIGIN = table.origin;

/** The base path this build was made for (`BASE_PATH`): empty, or like /dstack-site. */
export const BASE_PATH = table.basePath;

/** The published URL of a route path, e.g. `siteUrl("/verify")`: https://dstack.info/verify. */
export const siteUrl = (path) => `${SITE_ORIGIN}${BASE_PATH}${path}`;

/** What every title but the home page's ends with, e.g. " · dstack". */
export const TITLE_SUFFIX = table.titleSuffix;

/** The site map's pages and the prose pages: `{ path, nav, h1, title }`. */
export const ROUTES = table.routes;

/** Every page of the tutorial track, in reading order: `{ path, h1, title }`. */
export const TUTORIALS = table.tutorials;

export const NOT_FOUND_H1 = table.notFound;

/** The blog's post pages, one per body file in the build (sorted by path). */
export const POST_PATHS = readdirSync(`${process.env.DIST_DIR ?? "dist"}/blog-content`)
  .filter((name) => name.endsWith(".html"))
  .map((name) => `/blog/${name.slice(0, -".html".length)}`)
  .sort();
