use leptos::prelude::*;
use leptos_router::components::A;

use crate::blog::{display_date, find, fragment_path, Post, POSTS};
use crate::components::{PageHeader, StaticHtml};
use crate::site;

/// Date, reading time and tags of a post.
#[component]
fn PostFacts(post: &'static Post) -> impl IntoView {
    view! {
        <p class="post-facts">
            <time datetime=post.date>{display_date(post.date)}</time>
            {format!(" · {} min read · {}", post.minutes, post.author)}
        </p>
        <ul class="tags" aria-label="Tags">
            {post.tags.iter().map(|t| view! { <li class="tag">{*t}</li> }).collect_view()}
        </ul>
    }
}

/// `/blog`: every post, newest first.
#[component]
pub fn BlogIndex() -> impl IntoView {
    view! {
        <div class="page blog">
            <PageHeader page=&site::BLOG/>
            <p class="feed-link">
                <a href=site::href("/feed.xml") type="application/atom+xml">"Subscribe (Atom feed)"</a>
            </p>
            <ol class="post-list">
                {POSTS
                    .iter()
                    .map(|post| {
                        view! {
                            <li>
                                <article>
                                    <h2>
                                        <A href=site::href(post.page.path)>{post.title}</A>
                                    </h2>
                                    <PostFacts post=post/>
                                    <p>{post.summary}</p>
                                </article>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </div>
    }
}

/// `/blog/<slug>`: one post. Its body is a build-time HTML file (see `crate::blog`);
/// `page_view` sends unknown slugs to the not-found page.
#[component]
pub fn BlogPost(slug: String) -> impl IntoView {
    {
        let Some((newer, post, older)) = find(&slug) else {
            return ().into_any();
        };
        let neighbour = |p: Option<&'static Post>, rel: &'static str, label: &'static str| {
            p.map(|p| {
                view! {
                    <A href=site::href(p.page.path) attr:rel=rel>
                        <span class="post-nav-label">{label}</span>
                        {p.title}
                    </A>
                }
            })
        };
        view! {
            <article class="page blog post">
                <PageHeader page=&post.page article=Some(post)/>
                <PostFacts post=post/>
                <StaticHtml path=fragment_path(post.slug)/>
                <nav class="post-nav" aria-label="More posts">
                    {neighbour(older, "prev", "Previous post")}
                    {neighbour(newer, "next", "Next post")}
                </nav>
            </article>
        }
        .into_any()
    }
}
