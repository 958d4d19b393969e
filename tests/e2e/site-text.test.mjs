// The machine-readable outputs' generation (scripts/site-text.mjs), without a browser:
// llms.txt's shape, llms-full.txt, the per-page Markdown and the search index's fields.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { llmsTxt, writeTextOutputs } from "../../scripts/site-text.mjs";

const pages = [
  { path: "/", heading: "Home h1", description: "What dstack is.", markdown: "# Home h1\n", entries: [] },
  {
    path: "/architecture",
    heading: "What is dstack?",
    description: "How it works.",
    markdown: "# What is dstack?\n\n## Parts\n\nThe VMM.\n",
    entries: [{ page: "What is dstack?", heading: "Parts", path: "/architecture#parts", text: "The VMM." }],
  },
  { path: "/blog", heading: "Blog", description: "Posts.", markdown: "# Blog\n", entries: [] },
  { path: "/blog/a-post", heading: "A post", description: "About a thing.", markdown: "# A post\n", entries: [] },
];

test("llms.txt follows the llmstxt.org shape and links every page", () => {
  const text = llmsTxt(pages, "https://example.org/base");
  const lines = text.split("\n");
  assert.equal(lines[0], "# dstack");
  assert.equal(lines[2], "> What dstack is.", "the summary is a blockquote after the title");
  assert.ok(text.includes("## Docs\n\n- [What is dstack?](https://example.org/base/architecture): How it works."));
  assert.ok(text.includes("## Blog\n\n- [Blog](https://example.org/base/blog): Posts.\n- [A post](https://example.org/base/blog/a-post): About a thing."));
  assert.ok(text.includes("- [Full text](https://example.org/base/llms-full.txt)"));
});

test("the outputs: full text, a Markdown file per page, a compact search index", () => {
  const dir = mkdtempSync(join(tmpdir(), "site-text-"));
  const { entries } = writeTextOutputs(dir, pages, { origin: "https://example.org", base: "" });
  assert.equal(entries, 1);
  const full = readFileSync(join(dir, "llms-full.txt"), "utf8");
  for (const p of pages) assert.ok(full.includes(`<!-- https://example.org${p.path} -->\n\n${p.markdown}`), p.path);
  assert.equal(readFileSync(join(dir, "architecture", "index.md"), "utf8"), pages[1].markdown);
  assert.equal(readFileSync(join(dir, "index.md"), "utf8"), pages[0].markdown);
  const index = JSON.parse(readFileSync(join(dir, "search-index.json"), "utf8"));
  assert.deepEqual(index, [{ p: "What is dstack?", h: "Parts", u: "/architecture#parts", t: "The VMM." }]);
});
