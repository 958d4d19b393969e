// Refreshes public/github-snapshot.json: the figures shown on a first visit when the live
// GitHub API cannot be reached (stars, forks and contributors of each repository). Run where
// there is network (`make snapshot`, e.g. in the deploy workflow); set GITHUB_TOKEN to avoid
// the unauthenticated rate limit. It reads the repository list from src/github/mod.rs so the
// two cannot drift, and it refuses to write anything it could not fully verify (the old
// snapshot then stays).
//
// Contributors are counted as the site counts them (src/github/contributors.rs): one
// contributor per page, anonymous ones included, so the `rel="last"` page of the Link header
// is the count; no Link header means the body's 0 or 1 items; 204 means an empty repository.
import { readFile, writeFile } from "node:fs/promises";

const source = await readFile("src/github/mod.rs", "utf8");
// rustfmt leaves a trailing comma after the last field.
const repos = [...source.matchAll(/Repo \{\s*owner: "([^"]+)",\s*name: "([^"]+)",?\s*\}/g)].map(
  ([, owner, name]) => `${owner}/${name}`,
);
if (repos.length === 0) throw new Error("no repositories found in src/github/mod.rs");

const headers = { accept: "application/vnd.github+json", "user-agent": "dstack.info snapshot" };
if (process.env.GITHUB_TOKEN) headers.authorization = `Bearer ${process.env.GITHUB_TOKEN}`;

const isCount = (n) => Number.isSafeInteger(n) && n >= 0;

/** The `page` of the `rel="last"` link of a Link header, or null. */
function lastPage(link) {
  for (const part of link.split("<").slice(1)) {
    const [uri, params = ""] = part.split(">");
    const rels = /;\s*rel\s*=\s*"?([^";,]*)"?/i.exec(params)?.[1] ?? "";
    if (!rels.toLowerCase().split(/\s+/).includes("last")) continue;
    let query;
    try {
      query = new URL(uri).searchParams;
    } catch {
      return null;
    }
    if (query.has("per_page") && query.get("per_page") !== "1") return null;
    const page = query.get("page") ?? "";
    return /^\d+$/.test(page) && Number.isSafeInteger(Number(page)) ? Number(page) : null;
  }
  return null;
}

async function contributors(slug) {
  const url = `https://api.github.com/repos/${slug}/contributors?per_page=1&anon=true`;
  const response = await fetch(url, { headers });
  if (response.status === 204) return 0;
  if (!response.ok) throw new Error(`${slug} contributors: HTTP ${response.status}`);
  const body = await response.json();
  const link = response.headers.get("link")?.trim();
  if (!Array.isArray(body)) throw new Error(`${slug} contributors: not a list`);
  if (!link) {
    if (body.length > 1) throw new Error(`${slug} contributors: ${body.length} items on a page of 1`);
    return body.length;
  }
  const last = lastPage(link);
  if (body.length !== 1 || last === null || last < 1) {
    throw new Error(`${slug} contributors: unexpected Link header ${JSON.stringify(link)}`);
  }
  return last;
}

const snapshot = { taken_on: new Date().toISOString().slice(0, 10), repos: {} };
for (const slug of repos) {
  const response = await fetch(`https://api.github.com/repos/${slug}`, { headers });
  if (!response.ok) throw new Error(`${slug}: HTTP ${response.status}`);
  const body = await response.json();
  const { stargazers_count: stars, forks_count: forks } = body;
  if (!isCount(stars) || !isCount(forks)) throw new Error(`${slug}: unexpected answer`);
  snapshot.repos[slug] = { stars, forks, contributors: await contributors(slug) };
}
await writeFile("public/github-snapshot.json", JSON.stringify(snapshot, null, 2) + "\n");
console.log(`public/github-snapshot.json: ${JSON.stringify(snapshot)}`);
