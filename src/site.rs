//! The site map as data: every routed page with its path, navigation label, heading and
//! search-engine metadata. Views, the router and the tests all read this one table, so a
//! page's title cannot drift from its route.

/// Appended to every page title except the home page's, which names dstack itself.
pub const TITLE_SUFFIX: &str = " · dstack";

/// Where the site is served, without a trailing slash: canonical URLs, Open Graph, the
/// sitemap. Set `SITE_ORIGIN` when building for another host (build.rs checks its form).
pub const ORIGIN: &str = match option_env!("SITE_ORIGIN") {
    Some(origin) => origin,
    None => "https://dstack.info",
};

/// The path the site is served under, without a trailing slash: `""` at a domain's root
/// (dstack.info), `"/repo"` for a GitHub project page. Set `BASE_PATH` at build time.
pub const BASE: &str = match option_env!("BASE_PATH") {
    Some(base) => base,
    None => "",
};

/// A site path (`/architecture`) as a URL path under [`BASE`].
pub fn href(path: &str) -> String {
    if BASE.is_empty() {
        path.to_string()
    } else if path == "/" {
        format!("{BASE}/")
    } else {
        format!("{BASE}{path}")
    }
}

/// A URL path back to the site path the router and the site map use (`/repo/x` → `/x`).
pub fn strip_base(path: &str) -> &str {
    match path.strip_prefix(BASE) {
        Some("") => "/",
        Some(rest) if rest.starts_with('/') => rest,
        _ => path,
    }
}

/// This site's own repository (`https://github.com/owner/name`), for "edit this page" and
/// "report a mistake" links. The deploy workflow sets `SITE_REPO` from the CI's own
/// repository; without it the links are left out rather than pointed at a guess.
pub const SITE_REPO: Option<&str> = match option_env!("SITE_REPO") {
    Some(repo) if !repo.is_empty() => Some(repo),
    _ => None,
};

/// The upstream snapshot every fact on the site was checked against (the facts file's
/// §13): the repository, its commit and branch, and the examples repository's commit.
/// Tutorial pages must name this commit; the footer shows it on every page.
pub const UPSTREAM_REPO: &str = "Dstack-TEE/dstack";
pub const UPSTREAM_COMMIT: &str = "312dc605";
pub const UPSTREAM_BRANCH: &str = "next";
pub const EXAMPLES_REPO: &str = "Dstack-TEE/dstack-examples";
pub const EXAMPLES_COMMIT: &str = "f9cc05e";

/// The file a page's words live in, relative to the repository root (prose pages:
/// `crate::prose::source_file`).
pub fn source_file(path: &str) -> String {
    let one_slug = |s: &str| !s.is_empty() && !s.contains('/');
    match path {
        "/blog" => "content/blog".to_string(),
        "/tutorials" => "content/tutorials".to_string(),
        _ if is_section(path) => {
            // A section's words live in the folder named after its path.
            let name = match path.trim_start_matches('/') {
                "" => "home",
                name => name,
            };
            format!("src/sections/{}/words.rs", name.replace('-', "_"))
        }
        _ => {
            if let Some(slug) = path.strip_prefix("/blog/").filter(|s| one_slug(s)) {
                return format!("content/blog/{slug}.md");
            }
            if let Some(slug) = path.strip_prefix("/tutorials/").filter(|s| one_slug(s)) {
                return format!("content/tutorials/{slug}.md");
            }
            // Prose pages (content/pages/) are generated: crate::prose::source_file.
            "src/site.rs".to_string()
        }
    }
}

/// Whether `path` is a section page: a page of [`PAGES`] other than the blog's and the
/// tutorial track's indexes, which have routes of their own. A section's words are rendered
/// by its view at build time only (src/routes/section.rs).
pub fn is_section(path: &str) -> bool {
    path != BLOG.path && path != TUTORIALS.path && PAGES.iter().any(|p| p.path == path)
}

/// The main repository, linked from the header, hero and footer.
pub const GITHUB_URL: &str = "https://github.com/Dstack-TEE/dstack";

/// One routed page of the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// Absolute path, without a trailing slash (except the root).
    pub path: &'static str,
    /// Short label in the navigation bar.
    pub nav_label: &'static str,
    /// The page's single `<h1>`.
    pub heading: &'static str,
    /// One-paragraph introduction under the heading.
    pub lede: &'static str,
    /// `<title>` text before [`TITLE_SUFFIX`]; the home title stands alone.
    pub title: &'static str,
    /// `<meta name="description">`: what a search result shows (50–160 characters).
    pub description: &'static str,
}

impl Page {
    /// The full `<title>` of this page.
    pub fn full_title(&self) -> String {
        if self.path == HOME.path {
            self.title.to_string()
        } else {
            format!("{}{}", self.title, TITLE_SUFFIX)
        }
    }
}

pub const HOME: Page = Page {
    path: "/",
    nav_label: "Home",
    heading: "The open framework for confidential AI",
    lede: "dstack runs ordinary Docker Compose apps inside confidential VMs: Intel TDX first, \
           AMD SEV-SNP (experimental), Google Cloud, AWS Nitro and NVIDIA GPU TEEs. Each app \
           gets an identity anyone can check with remote attestation, keys from a KMS that \
           itself runs in a TEE, and HTTPS that ends inside a TEE.",
    title: "dstack: the open framework for confidential AI",
    description: "dstack, the open framework and TEE SDK for confidential AI: Docker Compose \
                  apps on Intel TDX and GPU TEEs, with confidential computing you can verify.",
};

pub const ARCHITECTURE: Page = Page {
    path: "/architecture",
    nav_label: "Architecture",
    heading: "What is dstack?",
    lede: "dstack is made of a few cooperating parts: dstack-vmm on the TDX host, \
           dstack-kms and dstack-gateway, which run as confidential VMs in production, and \
           dstack-guest-agent inside every app's VM, on a guest OS image anyone can rebuild. \
           Host tools, a cloud CLI and verifiers complete the set.",
    title: "Architecture: how dstack runs apps in Intel TDX",
    description: "How dstack works: the VMM on the TDX host, the KMS and gateway in confidential \
                  VMs, the guest agent in every CVM, and the reproducible guest OS image.",
};

pub const USE_CASES: Page = Page {
    path: "/use-cases",
    nav_label: "Use cases",
    heading: "What people build with dstack",
    lede: "Confidential AI inference on NVIDIA GPUs with Intel TDX, AI agents that hold their \
           own keys, and privacy co-processors: workloads where neither the host operator nor \
           the developer should be able to read secrets or swap the code.",
    title: "Use cases: confidential AI, agents and private compute",
    description: "What teams build with dstack: confidential AI inference on GPU TEEs, AI agents \
                  with TEE-held keys, and privacy co-processors on Intel TDX.",
};

pub const FEATURES: Page = Page {
    path: "/features",
    nav_label: "Features",
    heading: "Features",
    lede: "Bring your Docker Compose file as it is. dstack encrypts memory, disk, environment \
           variables and network traffic, gives every app an attestable identity, and lets \
           upgrades follow rules you set, down to smart contracts.",
    title: "Features: attestation, TEE key management, zero-trust HTTPS",
    description: "dstack features: unmodified Docker Compose apps, encrypted memory, disk and \
                  secrets, per-app keys from a TEE-hosted KMS, and remote attestation.",
};

pub const EXAMPLES: Page = Page {
    path: "/examples",
    nav_label: "Examples",
    heading: "Examples",
    lede: "Working Docker Compose examples from the dstack-examples repository: attestation, \
           confidential AI inference and training, custom domains, Kubernetes in a CVM, and a \
           step-by-step tutorial series.",
    title: "Examples: Docker Compose apps in a TEE",
    description: "Runnable dstack examples: attestation, confidential AI inference and training, \
                  custom domains, k3s in a confidential VM, SSH and TCP over the gateway.",
};

pub const GETTING_STARTED: Page = Page {
    path: "/getting-started",
    nav_label: "Get started",
    heading: "Get started with dstack",
    lede: "Four ways in: a single TDX server set up with dstackup, a full production deployment \
           with the KMS and gateway as confidential VMs, cloud confidential VMs with \
           dstack-cloud, or the managed Phala Cloud.",
    title: "Get started: deploy your first app to a TEE",
    description: "Deploy your first Docker Compose app into an Intel TDX confidential VM with \
                  dstack: requirements, single-node setup, production and cloud paths.",
};

pub const ECOSYSTEM: Page = Page {
    path: "/ecosystem",
    nav_label: "Ecosystem",
    heading: "Ecosystem",
    lede: "dstack is a Linux Foundation Confidential Computing Consortium project. It began \
           as a Flashbots X project built by Phala Network and Flashbots, inspired by a design \
           by Andrew Miller.",
    title: "Ecosystem: the people and projects around dstack",
    description: "The dstack ecosystem: a Linux Foundation Confidential Computing Consortium \
                  project started by Phala Network and Flashbots, with SDKs and tools.",
};

pub const RESOURCES: Page = Page {
    path: "/resources",
    nav_label: "Resources",
    heading: "Resources",
    lede: "The source, the documentation, the research paper, the security audit and the SDKs \
           for Python, JavaScript, Rust and Go, all in one place.",
    title: "Resources: docs, paper, audit and SDKs",
    description: "dstack resources: GitHub repositories, documentation, the arXiv paper, the \
                  zkSecurity audit, security reports and SDKs for Python, JS, Rust and Go.",
};

pub const VERIFY: Page = Page {
    path: "/verify",
    nav_label: "Verify",
    heading: "Verify a TDX quote in your browser",
    lede: "Paste a dstack CVM's GetQuote response or load a sample. This page checks the \
           quote's signature chain with dcap-qvl, the OS image it booted, its app-compose.json \
           and its identity, and gives a verdict. Everything runs in this tab: nothing you \
           paste is sent anywhere.",
    title: "Verify a TDX quote: in-browser attestation explorer",
    description: "Check an Intel TDX quote in your browser: decode it, verify its signature \
                  with dcap-qvl and replay a dstack event log into RTMR3. No server involved.",
};

pub const TUTORIALS: Page = Page {
    path: "/tutorials",
    nav_label: "Tutorials",
    heading: "Self-host dstack, step by step",
    lede: "A guided track from a laptop without TDX to a verified app on your own server: \
           check the machine, install the host stack, run the KMS and gateway, deploy, verify \
           and operate. Every command comes from the upstream sources, and every page names \
           the commit it was checked against. Your progress stays in this browser.",
    title: "Tutorials: self-host dstack on Intel TDX, step by step",
    description: "A step-by-step track to run dstack on your own TDX server: simulator, \
                  host checks, dstackup, KMS and gateway, deploy, verify and operate.",
};

pub const BLOG: Page = Page {
    path: "/blog",
    nav_label: "Blog",
    heading: "Blog",
    lede: "Notes on confidential computing with dstack: how attestation works, how apps stay \
           private on the network, and how to ship your first one.",
    title: "Blog: confidential computing with dstack",
    description: "Articles on dstack and confidential computing: remote attestation, \
                  zero-trust HTTPS and deploying Docker apps into Intel TDX VMs.",
};

/// Shown for any path that matches no page. Not in [`PAGES`]: it has no route of its own.
pub const NOT_FOUND: Page = Page {
    path: "/404",
    nav_label: "Not found",
    heading: "Page not found",
    lede: "There is no page at this address. It may have moved, or the link may be mistyped.",
    title: "Page not found",
    description: "This page does not exist on dstack.info. Start from the home page or the \
                  guide to deploying your first confidential app.",
};

/// Every routed page, in navigation order.
pub const PAGES: [&Page; 11] = [
    &HOME,
    &ARCHITECTURE,
    &USE_CASES,
    &FEATURES,
    &EXAMPLES,
    &GETTING_STARTED,
    &TUTORIALS,
    &VERIFY,
    &ECOSYSTEM,
    &RESOURCES,
    &BLOG,
];

/// The pages listed in the navigation bar (home is reached through the wordmark).
pub fn nav_pages() -> impl Iterator<Item = &'static Page> {
    PAGES.into_iter().filter(|p| p.path != HOME.path)
}

/// The page served at `path`, ignoring one trailing slash, a query and a fragment.
pub fn page_for(path: &str) -> Option<&'static Page> {
    let path = path.split(['?', '#']).next().unwrap_or("");
    let path = match path.strip_suffix('/') {
        Some("") | None => path,
        Some(trimmed) => trimmed,
    };
    PAGES.into_iter().find(|p| p.path == path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_under_the_base_and_back() {
        for page in PAGES {
            assert_eq!(strip_base(&href(page.path)), page.path);
            assert!(href(page.path).starts_with(BASE));
        }
        assert_eq!(
            strip_base(&format!("{BASE}/architecture?x")),
            "/architecture?x"
        );
        assert!(BASE.is_empty() || (BASE.starts_with('/') && !BASE.ends_with('/')));
    }
    use std::collections::HashSet;

    fn all_with_404() -> Vec<&'static Page> {
        PAGES.into_iter().chain([&NOT_FOUND]).collect()
    }

    #[test]
    fn paths_titles_headings_and_descriptions_are_unique() {
        let pages = all_with_404();
        for (field, values) in [
            ("path", pages.iter().map(|p| p.path).collect::<Vec<_>>()),
            ("title", pages.iter().map(|p| p.title).collect()),
            ("heading", pages.iter().map(|p| p.heading).collect()),
            ("description", pages.iter().map(|p| p.description).collect()),
            ("nav_label", pages.iter().map(|p| p.nav_label).collect()),
        ] {
            let unique: HashSet<_> = values.iter().collect();
            assert_eq!(
                unique.len(),
                values.len(),
                "duplicate {field} in {values:?}"
            );
        }
    }

    #[test]
    fn descriptions_fit_search_result_snippets() {
        for page in all_with_404() {
            let len = page.description.chars().count();
            assert!(
                (50..=160).contains(&len),
                "{}: description is {len} chars",
                page.path
            );
        }
    }

    #[test]
    fn titles_fit_search_result_headlines() {
        for page in all_with_404() {
            let len = page.full_title().chars().count();
            assert!(len <= 70, "{}: title is {len} chars", page.path);
        }
    }

    #[test]
    fn no_field_is_blank_or_carries_stray_whitespace() {
        for page in all_with_404() {
            for text in [
                page.nav_label,
                page.heading,
                page.lede,
                page.title,
                page.description,
            ] {
                assert!(!text.trim().is_empty(), "{}: empty field", page.path);
                assert!(
                    !text.contains("  "),
                    "{}: double space in {text:?}",
                    page.path
                );
            }
        }
    }

    #[test]
    fn paths_are_absolute_lowercase_and_without_trailing_slash() {
        for page in all_with_404() {
            assert!(page.path.starts_with('/'), "{}", page.path);
            assert!(
                page.path == "/" || !page.path.ends_with('/'),
                "{}",
                page.path
            );
            assert_eq!(page.path, page.path.to_lowercase());
        }
    }

    #[test]
    fn home_title_stands_alone_and_others_carry_the_suffix() {
        assert_eq!(HOME.full_title(), HOME.title);
        assert_eq!(
            FEATURES.full_title(),
            "Features: attestation, TEE key management, zero-trust HTTPS · dstack"
        );
    }

    #[test]
    fn page_for_finds_each_page_and_tolerates_slash_query_and_fragment() {
        for page in PAGES {
            assert_eq!(page_for(page.path), Some(page));
        }
        assert_eq!(page_for("/architecture/"), Some(&ARCHITECTURE));
        assert_eq!(page_for("/use-cases?x=1"), Some(&USE_CASES));
        assert_eq!(page_for("/features#trust"), Some(&FEATURES));
        assert_eq!(page_for(""), None);
        assert_eq!(page_for("/nope"), None);
        assert_eq!(
            page_for("/404"),
            None,
            "the 404 page has no route of its own"
        );
        assert_eq!(page_for("/Architecture"), None, "paths are case-sensitive");
    }

    #[test]
    fn every_page_names_a_source_file_that_exists() {
        for page in PAGES {
            let file = source_file(page.path);
            let on_disk = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(&file);
            assert!(on_disk.exists(), "{}: {file}", page.path);
        }
        assert_eq!(source_file("/blog/a-post"), "content/blog/a-post.md");
        assert_eq!(source_file("/nowhere"), "src/site.rs");
        assert_eq!(source_file("/tutorials/kms"), "content/tutorials/kms.md");
    }

    #[test]
    fn nav_lists_every_page_but_home_in_order() {
        let nav: Vec<_> = nav_pages().map(|p| p.path).collect();
        assert_eq!(
            nav,
            [
                "/architecture",
                "/use-cases",
                "/features",
                "/examples",
                "/getting-started",
                "/tutorials",
                "/verify",
                "/ecosystem",
                "/resources",
                "/blog"
            ]
        );
    }

    #[test]
    fn seo_keywords_appear_on_the_home_page() {
        let text = format!("{} {}", HOME.title, HOME.description).to_lowercase();
        for keyword in ["tee sdk", "confidential computing", "docker", "tee"] {
            assert!(text.contains(keyword), "home lacks {keyword:?}");
        }
    }
}
