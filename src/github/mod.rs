//! Live GitHub figures (stars, forks, contributors, latest release). This module owns all
//! GitHub access, as a pipeline: `cache` remembers (the stored record, the snapshot),
//! `resolve` decides what to show and when to ask, `types` and `contributors` parse, `error`
//! names failures, `format` words the result for the views (all plain Rust, tested
//! natively); `client` (HTTP) and `store` (signals, storage) are the thin browser side.

pub mod cache;
pub mod client;
pub mod contributors;
pub mod error;
pub mod format;
pub mod resolve;
pub mod store;
pub mod types;

/// A repository whose figures the site shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Repo {
    pub owner: &'static str,
    pub name: &'static str,
}

impl Repo {
    /// `owner/name`, the key in caches and in the snapshot.
    pub fn slug(&self) -> String {
        format!("{}/{}", self.owner, self.name)
    }

    pub fn html_url(&self) -> String {
        format!("https://github.com/{}/{}", self.owner, self.name)
    }

    pub fn api_url(&self) -> String {
        format!("{API}/repos/{}/{}", self.owner, self.name)
    }

    pub fn latest_release_api_url(&self) -> String {
        format!("{}/releases/latest", self.api_url())
    }

    /// One contributor per page (anonymous ones included), so the last page number is the
    /// count; see [`contributors`].
    pub fn contributors_api_url(&self) -> String {
        format!("{}/contributors?per_page=1&anon=true", self.api_url())
    }

    /// The repository's contributors graph, where the count links to.
    pub fn contributors_html_url(&self) -> String {
        format!("{}/graphs/contributors", self.html_url())
    }
}

/// The GitHub REST API.
pub const API: &str = "https://api.github.com";

/// The main repository: its figures and latest release go on the home page, its
/// contributor count on /community.
pub const MAIN_REPO: Repo = Repo {
    owner: "Dstack-TEE",
    name: "dstack",
};

/// Every repository shown on /resources; adding one is one line. (`meta-dstack` is archived.)
pub const REPOS: &[Repo] = &[
    MAIN_REPO,
    Repo {
        owner: "Dstack-TEE",
        name: "dstack-examples",
    },
];
