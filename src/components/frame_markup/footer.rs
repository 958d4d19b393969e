use leptos::prelude::*;
use stylers_macro::style;

use crate::site::{
    nav_pages, EXAMPLES_COMMIT, EXAMPLES_REPO, GITHUB_URL, UPSTREAM_BRANCH, UPSTREAM_COMMIT,
    UPSTREAM_REPO,
};

/// The site footer: project status, licence, source and a second route list.
#[component]
pub fn Footer() -> impl IntoView {
    let s = style! {
        footer {
            margin-top: 4rem;
            border-top: 1px solid var(--border);
            background: var(--surface-sunken);
            color: var(--text-muted);
            font-size: 0.9375rem;
        }
        div {
            display: grid;
            gap: 1.5rem;
            max-width: var(--page-width);
            margin-inline: auto;
            padding: 2.5rem var(--gutter);
        }
        p {
            margin: 0;
            max-width: 60ch;
        }
        ul {
            display: flex;
            flex-wrap: wrap;
            gap: 0.25rem 1.25rem;
            margin: 0;
            padding: 0;
            list-style: none;
        }
        ul :deep(a) {
            display: inline-block;
            padding-block: 0.375rem;
            color: var(--text-muted);
        }
        ul :deep(a:hover) {
            color: var(--text);
        }
        small {
            font-size: 0.8125rem;
        }
    };
    // Where this page's words live, to fix them or to say what is wrong: only when the
    // build names this site's repository (SITE_REPO), never a guessed one.
    // Their addresses name the page, so crate::frame sets them, at the first page too.
    let edit_links = crate::site::SITE_REPO.map(|_| {
        view! {
            <p class=s>
                <a rel="noopener" data-edit="">"Edit this page"</a>
                " · "
                <a rel="noopener" data-report="">"Report a mistake"</a>
            </p>
        }
    });
    let upstream = format!("https://github.com/{UPSTREAM_REPO}/tree/{UPSTREAM_COMMIT}");
    let examples = format!("https://github.com/{EXAMPLES_REPO}/tree/{EXAMPLES_COMMIT}");
    view! {
        <footer class=s>
            <div class=s>
                <p class=s>
                    "dstack is an open-source project of the "
                    <a href="https://confidentialcomputing.io/" rel="noopener">
                        "Linux Foundation Confidential Computing Consortium"
                    </a>
                    ", licensed under "
                    <a href="https://github.com/Dstack-TEE/dstack/blob/next/LICENSE" rel="noopener">
                        "Apache-2.0"
                    </a>
                    "."
                </p>
                <nav aria-label="Footer">
                    <ul class=s>
                        {nav_pages()
                            .map(|page| view! { <li><a href=crate::site::href(page.path) data-route="">{page.nav_label}</a></li> })
                            .collect_view()}
                        {crate::prose::PROSE
                            .iter()
                            .map(|p| view! { <li><a href=crate::site::href(p.page.path) data-route="">{p.page.nav_label}</a></li> })
                            .collect_view()}
                        <li><a href=GITHUB_URL rel="noopener">"dstack on GitHub"</a></li>
                        <li>
                            <a href=crate::site::href("/feed.xml") type="application/atom+xml">
                                "Blog feed (Atom)"
                            </a>
                        </li>
                    </ul>
                </nav>
                <p class=s>
                    "Facts on this site were checked against "
                    <a href=upstream rel="noopener">
                        {format!("{UPSTREAM_REPO} at {UPSTREAM_COMMIT} ({UPSTREAM_BRANCH})")}
                    </a>
                    " and "
                    <a href=examples rel="noopener">{format!("{EXAMPLES_REPO} at {EXAMPLES_COMMIT}")}</a>
                    "."
                </p>
                {edit_links}
                <p class=s>
                    <small class=s>
                        "The dstack logo is © The Project Contributors, used under Apache-2.0."
                    </small>
                </p>
            </div>
        </footer>
    }
}
