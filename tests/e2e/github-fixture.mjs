// Healthy answers of the GitHub API for the figures the site shows: the e2e tests route
// api.github.com to them (tests/e2e/browser.mjs), and `make bench` serves them.
/** The GitHub API as the tests see it: healthy answers unless a test says otherwise. */
export const GITHUB_FIXTURE = {
  "/repos/Dstack-TEE/dstack": { stargazers_count: 1234, forks_count: 56, full_name: "Dstack-TEE/dstack" },
  "/repos/Dstack-TEE/dstack-examples": { stargazers_count: 210, forks_count: 40 },
  // /community's contributor count: one item and no Link header counts as 1.
  "/repos/Dstack-TEE/dstack/contributors": [{ login: "octocat", contributions: 1 }],
  "/repos/Dstack-TEE/dstack/releases/latest": {
    tag_name: "v0.5.11",
    html_url: "https://github.com/Dstack-TEE/dstack/releases/tag/v0.5.11",
    published_at: "2026-05-11T10:00:00Z",
  },
};

/** CORS headers api.github.com sends, so the browser lets the page read the answer. */
export const GITHUB_HEADERS = {
  "content-type": "application/json; charset=utf-8",
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset",
};

