use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};

use crate::seo::{url, SHARE_IMAGE, SHARE_IMAGE_ALT};
use crate::site::Page;

/// A routed page's head: title, description, canonical URL, Open Graph and Twitter card
/// tags, and JSON-LD, all from the site table. A blog post passes its `article` too: it
/// becomes an Open Graph article and a schema.org `BlogPosting`.
///
/// JSON-LD is build-time data for crawlers, which read the prerendered page: only the
/// words build (the one the prerender runs) writes it; the shipped build keeps the
/// prerendered copy of the page it started on ([`crate::boot`]) and drops it on the
/// first client-side navigation, so no page ever carries another page's JSON-LD.
#[component]
pub fn PageMeta(
    page: &'static Page,
    #[prop(default = None)] article: Option<&'static crate::blog::Post>,
    #[prop(default = None)] tutorial: Option<&'static crate::tutorials::Tutorial>,
) -> impl IntoView {
    let title = page.full_title();
    let canonical = url(page.path);
    let image = url(SHARE_IMAGE);
    view! {
        <Title text=title.clone()/>
        <Meta name="description" content=page.description/>
        <Link rel="canonical" href=canonical.clone()/>
        <Meta property="og:type" content=if article.is_some() || tutorial.is_some() { "article" } else { "website" }/>
        {article.map(|a| view! { <Meta property="article:published_time" content=a.date/> })}
        <Meta property="og:site_name" content="dstack"/>
        <Meta property="og:title" content=title.clone()/>
        <Meta property="og:description" content=page.description/>
        <Meta property="og:url" content=canonical/>
        <Meta property="og:image" content=image.clone()/>
        <Meta property="og:image:width" content="1200"/>
        <Meta property="og:image:height" content="630"/>
        <Meta property="og:image:alt" content=SHARE_IMAGE_ALT/>
        <Meta name="twitter:card" content="summary_large_image"/>
        <Meta name="twitter:title" content=title/>
        <Meta name="twitter:description" content=page.description/>
        <Meta name="twitter:image" content=image/>
        {structured_data(page, tutorial)}
    }
}

#[cfg(feature = "words")]
fn structured_data(
    page: &'static Page,
    tutorial: Option<&'static crate::tutorials::Tutorial>,
) -> impl IntoView {
    view! {
        <leptos_meta::Script type_="application/ld+json">{crate::seo::structured_data(page)}</leptos_meta::Script>
        {tutorial.map(|t| view! { <leptos_meta::Script type_="application/ld+json">{crate::seo::tech_article(t)}</leptos_meta::Script> })}
    }
}

#[cfg(not(feature = "words"))]
fn structured_data(_: &'static Page, _: Option<&'static crate::tutorials::Tutorial>) {
    thread_local! {
        static FIRST: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
    }
    if !FIRST.with(|first| first.replace(false)) {
        let head = document().head().expect("a head");
        for el in crate::static_enhance::elements(&head, "script[type='application/ld+json']") {
            el.remove();
        }
    }
}
