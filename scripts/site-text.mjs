// The site's text for machines, taken from the prerendered pages (which the app renders
// from its typed content data, so there is one source): while scripts/prerender.mjs has a
// page open, `pageText` reads its <main> as Markdown and as search sections; afterwards
// `writeTextOutputs` writes
//   /llms.txt            the llmstxt.org summary: what dstack is, links to the key pages
//   /llms-full.txt       every page's text as Markdown
//   /<route>/index.md    one page as Markdown (the "Copy page as Markdown" button)
//   /search-index.json   sections for the search dialog, fetched when it first opens
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Runs in the page (page.evaluate): <main> as Markdown, plus one search entry per heading.
 * Interactive widgets (buttons, forms, SVG, the diagram's controls) are skipped; hidden tab
 * panels are kept, since their text is part of the page.
 * `siteOrigin` (e.g. https://dstack.info) replaces the origin the page is served from during
 * the prerender (http://127.0.0.1:<random port>): links to the site itself must name the
 * published site, not the build machine (issue #15), and a random port would make two
 * builds differ (issue #19). Paths keep the base path, which the page's own URLs carry.
 */
export function pageText({ siteOrigin } = {}) {
  const main = document.querySelector("main");
  const abs = (href) => {
    const url = new URL(href, location.href);
    return siteOrigin && url.origin === location.origin ? siteOrigin + url.pathname + url.search + url.hash : url.href;
  };
  const SKIP = new Set(["SCRIPT", "STYLE", "SVG", "BUTTON", "SELECT", "TEXTAREA", "INPUT", "FORM", "NOSCRIPT", "TEMPLATE", "svg"]);
  const skip = (el) =>
    el.nodeType !== Node.ELEMENT_NODE ||
    SKIP.has(el.tagName) ||
    el.getAttribute("aria-hidden") === "true" ||
    el.matches(".visually-hidden, .diagram-controls, .toc, .post-nav, .copy-markdown, [data-state='loading']");
  const inline = (node) => {
    let out = "";
    for (const n of node.childNodes) {
      if (n.nodeType === Node.TEXT_NODE) out += n.textContent.replace(/\s+/g, " ");
      else if (n.nodeType !== Node.ELEMENT_NODE || skip(n)) continue;
      else if (n.tagName === "A") {
        const text = inline(n).trim();
        const href = n.getAttribute("href");
        out += href && !href.startsWith("#") && text ? `[${text}](${abs(href)})` : text;
      } else if (n.tagName === "CODE") out += "`" + n.textContent + "`";
      else if (n.tagName === "STRONG" || n.tagName === "B") out += `**${inline(n).trim()}**`;
      else if (n.tagName === "EM" || n.tagName === "I") out += `_${inline(n).trim()}_`;
      else if (n.tagName === "BR") out += "\n";
      else out += inline(n);
    }
    return out;
  };
  const blocks = [];
  const entries = [];
  let current = null;
  const page = document.querySelector("main h1")?.textContent.trim() ?? document.title;
  const push = (text) => {
    const t = text.replace(/[ \t]+\n/g, "\n").trim();
    if (!t) return;
    blocks.push(t);
    if (current) current.text += (current.text ? " " : "") + t.replace(/[#*_`>|-]+/g, " ").replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/\s+/g, " ").trim();
  };
  const entry = (h) => {
    const text = h.textContent.replace(/\s+/g, " ").trim();
    // The heading's own id, else the nearest section inside <main> that has one.
    let holder = h;
    while (holder && holder !== main && !holder.id) holder = holder.parentElement;
    const anchor = holder && holder !== main ? holder.id : "";
    current = { page, heading: text, path: location.pathname + (anchor ? `#${anchor}` : ""), text: "" };
    entries.push(current);
    return text;
  };
  const list = (el, depth) => {
    const section = current;
    let i = 1;
    for (const li of el.children) {
      if (li.tagName !== "LI" || skip(li)) continue;
      const marker = el.tagName === "OL" ? `${i++}.` : "-";
      // A card or step with its own heading is its own search entry.
      const heading = li.querySelector("h2, h3, h4");
      if (heading) entry(heading);
      const own = [];
      const nested = [];
      const codes = [];
      const visit = (node) => {
        for (const c of node.childNodes) {
          if (c.nodeType === Node.TEXT_NODE) own.push(c.textContent.replace(/\s+/g, " "));
          else if (skip(c)) continue;
          else if (c.tagName === "UL" || c.tagName === "OL") nested.push(c);
          else if (c.tagName === "PRE") codes.push("```\n" + c.textContent.trimEnd() + "\n```");
          else if (/^H[2-6]$/.test(c.tagName)) own.push(`**${inline(c).trim()}**`);
          else if (/^(P|DIV|ARTICLE|SECTION|HEADER|FOOTER|DL|DD|DT|SPAN)$/.test(c.tagName) && c.querySelector("pre, ul, ol, h2, h3, h4, p")) visit(c);
          else own.push(inline(c));
        }
      };
      visit(li);
      push(`${"  ".repeat(depth)}${marker} ${own.join(" ").replace(/\s+/g, " ").trim()}`);
      for (const code of codes) push(code.replace(/^/gm, "  ".repeat(depth + 1)));
      for (const n of nested) list(n, depth + 1);
    }
    if (section && current !== section) current = section;
  };
  const walk = (el) => {
    for (const c of el.children) {
      if (skip(c)) continue;
      const tag = c.tagName;
      const heading = /^H([1-6])$/.exec(tag);
      if (heading) {
        const text = c.textContent.replace(/\s+/g, " ").trim();
        blocks.push(`${"#".repeat(Number(heading[1]))} ${text}`);
        if (heading[1] !== "1") entry(c);
      } else if (tag === "P") push(inline(c));
      else if (tag === "UL" || tag === "OL") list(c, 0);
      else if (tag === "PRE") push("```\n" + c.textContent.trimEnd() + "\n```");
      else if (tag === "DL") {
        for (const d of c.querySelectorAll("dt, dd")) push(d.tagName === "DT" ? `**${inline(d).trim()}**` : inline(d));
      } else if (tag === "TABLE") {
        const rows = [...c.querySelectorAll("tr")].map((r) => [...r.children].map((x) => inline(x).trim().replace(/\|/g, "\\|")));
        if (rows.length) {
          push([`| ${rows[0].join(" | ")} |`, `| ${rows[0].map(() => "---").join(" | ")} |`, ...rows.slice(1).map((r) => `| ${r.join(" | ")} |`)].join("\n"));
        }
      } else if (tag === "BLOCKQUOTE") push("> " + inline(c).trim());
      else walk(c);
    }
  };
  if (main) walk(main);
  return {
    title: document.title,
    description: document.querySelector('meta[name="description"]')?.content ?? "",
    heading: page,
    markdown: blocks.join("\n\n") + "\n",
    entries: entries.map((e) => ({ ...e, text: e.text.slice(0, 1200) })),
  };
}

/** The llmstxt.org file: title, summary, then the pages and posts as annotated links. */
export function llmsTxt(pages, origin) {
  const home = pages.find((p) => p.path === "/");
  const url = (p) => `${origin}${p.path === "/" ? "/" : p.path}`;
  const line = (p) => `- [${p.heading}](${url(p)}): ${p.description}`;
  const docs = pages.filter((p) => p.path !== "/" && !p.path.startsWith("/blog"));
  const posts = pages.filter((p) => p.path === "/blog" || p.path.startsWith("/blog/"));
  return [
    "# dstack",
    "",
    `> ${home?.description ?? ""}`,
    "",
    "dstack is an open-source Linux Foundation Confidential Computing Consortium project. Every statement on this site carries the public source it comes from. The full text of the site, as Markdown, is in llms-full.txt; each page is also available as index.md next to it.",
    "",
    "## Docs",
    "",
    ...docs.map(line),
    "",
    "## Blog",
    "",
    ...posts.map(line),
    "",
    "## Optional",
    "",
    `- [Full text](${origin}/llms-full.txt): every page of dstack.info as Markdown`,
    `- [Source code](https://github.com/Dstack-TEE/dstack): the dstack repository on GitHub`,
    "",
  ].join("\n");
}

/** Writes llms.txt, llms-full.txt, per-page index.md and search-index.json into `dist`. */
export function writeTextOutputs(dist, pages, { origin, base = "" }) {
  const site = origin + base;
  writeFileSync(join(dist, "llms.txt"), llmsTxt(pages, site));
  const full = pages
    .map((p) => `<!-- ${site}${p.path === "/" ? "/" : p.path} -->\n\n${p.markdown}`)
    .join("\n---\n\n");
  writeFileSync(join(dist, "llms-full.txt"), `# dstack.info, full text\n\n${full}`);
  for (const p of pages) {
    const dir = p.path === "/" ? dist : join(dist, p.path);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "index.md"), p.markdown);
  }
  // Short keys: the index is fetched by the search dialog, so every byte counts.
  const index = pages.flatMap((p) =>
    p.entries.map((e) => ({ p: p.heading, h: e.heading, u: e.path, t: e.text })),
  );
  writeFileSync(join(dist, "search-index.json"), JSON.stringify(index));
  return { entries: index.length };
}
