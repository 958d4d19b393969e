import { readdirSync } from "node:fs";

// What a visitor should see at each route (mirrors src/site.rs; the Rust tests check
// the table itself, these check the built site against it).
export const ROUTES = [
  { path: "/", nav: null, h1: "Run Docker Compose apps in confidential VMs you can verify",
    title: "dstack: the open TEE SDK for confidential computing with Docker" },
  { path: "/architecture", nav: "Architecture", h1: "What is dstack?" },
  { path: "/use-cases", nav: "Use cases", h1: "What people build with dstack" },
  { path: "/features", nav: "Features", h1: "Features" },
  { path: "/examples", nav: "Examples", h1: "Examples" },
  { path: "/getting-started", nav: "Get started", h1: "Get started with dstack" },
  { path: "/verify", nav: "Verify", h1: "Verify a TDX quote in your browser" },
  { path: "/ecosystem", nav: "Ecosystem", h1: "Ecosystem" },
  { path: "/resources", nav: "Resources", h1: "Resources" },
  { path: "/blog", nav: "Blog", h1: "Blog" },
];

export const NOT_FOUND_H1 = "Page not found";

/** The blog's post pages, one per body file in the build (sorted by path). */
export const POST_PATHS = readdirSync(`${process.env.DIST_DIR ?? "dist"}/blog-content`)
  .filter((name) => name.endsWith(".html"))
  .map((name) => `/blog/${name.slice(0, -".html".length)}`)
  .sort();
