use leptos::prelude::*;
use leptos_router::components::A;
use stylers_macro::style;

use super::words::{
    BADGE, DEVELOPERS, ENTERPRISES, EXPLORE_HEADING, HOW_HEADING, KEY_MESSAGES, WHY_HEADING,
};
use crate::components::{ExternalLink, HeroFigures, Island, PageMeta, Section};
use crate::content::SOURCE_LABEL;
use crate::diagram::Diagram;
use crate::site::{self, nav_pages};

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
                    {BADGE}
                </p>
                <h1 class=s id="hero-title">{site::HOME.heading}</h1>
                <p class=s>{site::HOME.lede}</p>
                <div class=format!("{s} cta")>
                    <div class="actions" role="group" aria-labelledby="cta-developers">
                        <span class=format!("{s} cta-label") id="cta-developers">{DEVELOPERS.label}</span>
                        <A href=crate::site::href(DEVELOPERS.page.href) attr:class="button button-primary">{DEVELOPERS.page.label}</A>
                        <a class="button" href=DEVELOPERS.elsewhere.href rel="noopener">{DEVELOPERS.elsewhere.label}</a>
                    </div>
                    <div class="actions" role="group" aria-labelledby="cta-enterprises">
                        <span class=format!("{s} cta-label") id="cta-enterprises">{ENTERPRISES.label}</span>
                        <A href=crate::site::href(ENTERPRISES.page.href) attr:class="button">{ENTERPRISES.page.label}</A>
                        <a class="button" href=ENTERPRISES.elsewhere.href>{ENTERPRISES.elsewhere.label}</a>
                    </div>
                </div>
                <Island name="hero-figures">
                    <HeroFigures/>
                </Island>
            </section>
            <Section heading=WHY_HEADING>
                <ul class="card-grid four">
                    {KEY_MESSAGES
                        .iter()
                        .map(|m| {
                            view! {
                                <li class="card">
                                    <h3>{m.title}</h3>
                                    <p>{m.body}</p>
                                    <p class="source">{SOURCE_LABEL} <ExternalLink link=m.source/></p>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </Section>
            <Section heading=HOW_HEADING class="diagram-section">
                <Island name="diagram-compact">
                    <Diagram compact=true/>
                </Island>
            </Section>
            <Section heading=EXPLORE_HEADING>
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
