use leptos::prelude::*;

use crate::content::Link;

/// A link off the site. It stays in the same tab (the visitor decides), never leaks the
/// opener or referrer, and names the host it leads to.
#[component]
pub fn ExternalLink(link: Link) -> impl IntoView {
    view! {
        <a href=link.href rel="noopener noreferrer" class="external">
            {link.label}
            {link.host().map(|host| view! { <span class="link-host">" (" {host} ")"</span> })}
        </a>
    }
}

/// Several sources in a row, separated by commas.
#[component]
pub fn SourceLinks(links: &'static [Link]) -> impl IntoView {
    links
        .iter()
        .enumerate()
        .map(|(i, link)| view! { {(i > 0).then_some(", ")} <ExternalLink link=*link/> })
        .collect_view()
}
