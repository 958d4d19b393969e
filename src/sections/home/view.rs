use leptos::prelude::*;
use leptos_router::components::A;
use stylers_macro::style;

use super::words::{ENTERPRISE, KEY_MESSAGES};
use crate::components::{ExternalLink, HeroFigures, Island, PageMeta, Section};
use crate::diagram::Diagram;
use crate::site::{self, nav_pages, GITHUB_URL};

/// `/`: the hero with the value proposition and calls to action, then one teaser per
/// section of the site.
#[component]
pub fn Home() -> impl IntoView {
    let s = style! {
        .hero {
            padding-block: clamp(2.5rem, 9vw, 6rem) 1rem;
        }
        p {
            max-width: 60ch;
            margin: 0 0 1.75rem;
            font-size: clamp(1.0625rem, 2.4vw, 1.25rem);
            color: var(--text-muted);
        }
        h1 {
            margin: 1.25rem 0 1.25rem;
            max-width: 20ch;
            font-size: clamp(2.25rem, 7vw, 4rem);
            line-height: 1.05;
            letter-spacing: -0.06rem;
        }
        .cta {
            display: grid;
            gap: 0.75rem;
        }
        .cta-label {
            align-self: center;
            min-width: 6.5rem;
            font-size: 0.875rem;
            font-weight: 600;
            color: var(--text-muted);
        }
        .badge {
            display: inline-flex;
            align-items: center;
            gap: 0.5rem;
            margin: 0;
            padding: 0.375rem 0.875rem;
            border: 1px solid var(--border-strong);
            border-radius: 999px;
            background: var(--surface);
            font-size: 0.875rem;
            color: var(--text);
        }
        .dot {
            width: 0.5rem;
            height: 0.5rem;
            border-radius: 50%;
            background: var(--brand-lime);
        }
        ul {
            display: grid;
            gap: 1rem;
            margin: 0;
            padding: 0;
            list-style: none;
        }
        li {
            position: relative;
            padding: 1.25rem;
            border: 1px solid var(--border);
            border-radius: var(--radius-lg);
            background: var(--surface);
        }
        li:hover {
            border-color: var(--accent);
        }
        h3 {
            margin: 0 0 0.5rem;
            font-size: 1.125rem;
        }
        li :deep(a) {
            color: var(--text);
            text-decoration: none;
        }
        li :deep(a::after) {
            content: raw_str("");
            position: absolute;
            inset: 0;
            border-radius: inherit;
        }
        li p {
            margin: 0;
            font-size: 0.9375rem;
        }
        @media (min-width: 40rem) {
            ul {
                grid-template-columns: repeat(2, minmax(0, 1fr));
            }
        }
        @media (min-width: 64rem) {
            ul {
                grid-template-columns: repeat(3, minmax(0, 1fr));
            }
        }
    };
    view! {
        <PageMeta page=&site::HOME/>
        <div class="page">
            <section class=format!("{s} hero") aria-labelledby="hero-title">
                <p class=format!("{s} badge")>
                    <span class=format!("{s} dot") aria-hidden="true"></span>
                    "A Linux Foundation Confidential Computing Consortium project"
                </p>
                <h1 class=s id="hero-title">{site::HOME.heading}</h1>
                <p class=s>{site::HOME.lede}</p>
                <div class=format!("{s} cta")>
                    <div class="actions" role="group" aria-labelledby="cta-developers">
                        <span class=format!("{s} cta-label") id="cta-developers">"Developers"</span>
                        <A href=crate::site::href("/getting-started") attr:class="button button-primary">"Get started"</A>
                        <a class="button" href=GITHUB_URL rel="noopener">"View on GitHub"</a>
                    </div>
                    <div class="actions" role="group" aria-labelledby="cta-enterprises">
                        <span class=format!("{s} cta-label") id="cta-enterprises">"Enterprises"</span>
                        <A href=crate::site::href(ENTERPRISE.0.href) attr:class="button">{ENTERPRISE.0.label}</A>
                        <a class="button" href=ENTERPRISE.1.href>{ENTERPRISE.1.label}</a>
                    </div>
                </div>
                <Island name="hero-figures">
                    <HeroFigures/>
                </Island>
            </section>
            <Section id="why" title="Why dstack">
                <ul class="card-grid four">
                    {KEY_MESSAGES
                        .iter()
                        .map(|m| {
                            view! {
                                <li class="card">
                                    <h3>{m.title}</h3>
                                    <p>{m.body}</p>
                                    <p class="source">"Source: " <ExternalLink link=m.source/></p>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </Section>
            <Section id="how" title="How it works, one flow at a time" class="diagram-section">
                <Island name="diagram-compact">
                    <Diagram compact=true/>
                </Island>
            </Section>
            <Section id="explore" title="Explore dstack">
                <ul class=s>
                    {nav_pages()
                        .map(|page| {
                            view! {
                                <li class=s>
                                    <h3 class=s><A href=crate::site::href(page.path)>{page.nav_label}</A></h3>
                                    <p class=s>{page.lede}</p>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </Section>
        </div>
    }
}
