use leptos::prelude::*;

use crate::seo::url;
use crate::site::Page;

/// A routed page's head: title, description, canonical URL, Open Graph and Twitter card
/// tags, and JSON-LD, all from the site table. A blog post passes its `article` too: it
/// becomes an Open Graph article and a schema.org `BlogPosting`.
///
/// The head is build-time data like the words: the words build (the one the prerender
/// runs) writes all of it with leptos_meta, and the prerendered page carries it. The
/// shipped build keeps that head with the page it adopts ([`crate::boot`]); for a page it
/// renders (client-side navigation), this only rewrites what differs between pages (title,
/// description, URLs, type) and drops the JSON-LD, so no page ever carries another page's
/// structured data. Crawlers read the prerendered pages, never a navigated one.
#[component]
pub fn PageMeta(
    page: &'static Page,
    #[prop(default = None)] article: Option<&'static crate::blog::Post>,
    #[prop(default = None)] tutorial: Option<&'static crate::tutorials::Tutorial>,
) -> impl IntoView {
    head(page, article, tutorial)
}

#[cfg(feature = "words")]
fn head(
    page: &'static Page,
    article: Option<&'static crate::blog::Post>,
    tutorial: Option<&'static crate::tutorials::Tutorial>,
) -> impl IntoView {
    use crate::seo::{SHARE_IMAGE, SHARE_IMAGE_ALT};
    use leptos_meta::{Link, Meta, Script, Title};
    let title = page.full_title();
    let canonical = url(page.path);
    let image = url(SHARE_IMAGE);
    view! {
        <Title text=title.clone()/>
        <Meta name="description" content=page.description/>
        <Link rel="canonical" href=canonical.clone()/>
        <Meta property="og:type" content=og_type(article.is_some() || tutorial.is_some())/>
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
        <Script type_="application/ld+json">{crate::seo::structured_data(page)}</Script>
        {tutorial.map(|t| view! { <Script type_="application/ld+json">{crate::seo::tech_article(t)}</Script> })}
    }
}

fn og_type(article: bool) -> &'static str {
    if article {
        "article"
    } else {
        "website"
    }
}

#[cfg(not(feature = "words"))]
fn head(
    page: &'static Page,
    article: Option<&'static crate::blog::Post>,
    tutorial: Option<&'static crate::tutorials::Tutorial>,
) {
    use crate::static_enhance::elements;
    let document = document();
    let Some(head) = document.head() else { return };
    let title = page.full_title();
    let canonical = url(page.path);
    document.set_title(&title);
    let set = |selector: &str, attr: &str, value: &str| {
        for el in elements(&head, selector) {
            _ = el.set_attribute(attr, value);
        }
    };
    set("meta[name='description']", "content", page.description);
    set("link[rel='canonical']", "href", &canonical);
    let is_article = article.is_some() || tutorial.is_some();
    set("meta[property='og:type']", "content", og_type(is_article));
    set("meta[property='og:title']", "content", &title);
    set(
        "meta[property='og:description']",
        "content",
        page.description,
    );
    set("meta[property='og:url']", "content", &canonical);
    set("meta[name='twitter:title']", "content", &title);
    set(
        "meta[name='twitter:description']",
        "content",
        page.description,
    );
    for el in elements(
        &head,
        "script[type='application/ld+json'], meta[property='article:published_time']",
    ) {
        el.remove();
    }
    if let Some(post) = article {
        if let Ok(meta) = document.create_element("meta") {
            _ = meta.set_attribute("property", "article:published_time");
            _ = meta.set_attribute("content", post.date);
            _ = head.append_child(&meta);
        }
    }
}
