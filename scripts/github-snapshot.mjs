// Refreshes public/github-snapshot.json: the figures shown on a first visit when the live
// GitHub API cannot be reached. Run where there is network (`make snapshot`, e.g. in the
// deploy workflow); set GITHUB_TOKEN to avoid the unauthenticated rate limit. It reads the
// repository list from src/github/mod.rs so the two cannot drift, and it refuses to write
// anything it could not fully verify (the old snapshot then stays).
import { readFile, writeFile } from "node:fs/promises";

const source = await readFile("src/github/mod.rs", "utf8");
const repos = [...source.matchAll(/Repo \{\s*owner: "([^"]+)",\s*name: "([^"]+)"\s*\}/g)].map(
  ([, owner, name]) => `${owner}/${name}`,
);
if (repos.length === 0) throw new Error("no repositories found in src/github/mod.rs");

const headers = { accept: "application/vnd.github+json", "user-agent": "dstack.info snapshot" };
if (process.env.GITHUB_TOKEN) headers.authorization = `Bearer ${process.env.GITHUB_TOKEN}`;

const snapshot = { taken_on: new Date().toISOString().slice(0, 10), repos: {} };
for (const slug of repos) {
  const response = await fetch(`https://api.github.com/repos/${slug}`, { headers });
  if (!response.ok) throw new Error(`${slug}: HTTP ${response.status}`);
  const body = await response.json();
  const { stargazers_count: stars, forks_count: forks } = body;
  if (!Number.isSafeInteger(stars) || !Number.isSafeInteger(forks) || stars < 0 || forks < 0) {
    throw new Error(`${slug}: unexpected answer`);
  }
  snapshot.repos[slug] = { stars, forks };
}
await writeFile("public/github-snapshot.json", JSON.stringify(snapshot, null, 2) + "\n");
console.log(`public/github-snapshot.json: ${JSON.stringify(snapshot)}`);
