//! One routed component per section of the site, dispatched on the path.
//!
//! The section pages ([`crate::site::is_section`], src/sections/) have their Leptos views
//! only in the words build (see [`section`]); the shipped build carries the rest: blog,
//! tutorials, prose pages and the not-found page, whose words already arrive as build-time
//! HTML or are few.

mod blog;
mod not_found;
mod prose;
pub mod section;
mod tutorials;

pub use blog::{BlogIndex, BlogPost};
pub use not_found::NotFound;
pub use prose::ProsePage;
pub use section::SectionPage;
pub use tutorials::{TutorialIndex, TutorialPage};

use leptos::prelude::*;

/// Which routed component shows a site path: the one dispatch that [`page_view`] and the
/// shipped build's [`adopt`] share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// A section page, by its path.
    Section(&'static str),
    BlogIndex,
    /// A blog post, by its slug.
    BlogPost(&'static str),
    TutorialIndex,
    /// A page of the tutorial track, by its slug.
    Tutorial(&'static str),
    Prose(&'static crate::prose::Prose),
    NotFound,
}

/// The route for a site path (base path already stripped, no trailing slash); anything
/// else is the not-found page.
pub fn route(path: &str) -> Route {
    if let Some(page) = crate::site::page_for(path).filter(|p| crate::site::is_section(p.path)) {
        return Route::Section(page.path);
    }
    match path {
        "/blog" => Route::BlogIndex,
        "/tutorials" => Route::TutorialIndex,
        _ => {
            if let Some((_, post, _)) = path.strip_prefix("/blog/").and_then(crate::blog::find) {
                Route::BlogPost(post.slug)
            } else if let Some(t) = path
                .strip_prefix("/tutorials/")
                .and_then(crate::tutorials::find)
            {
                Route::Tutorial(t.slug)
            } else if let Some(prose) = crate::prose::find(path) {
                Route::Prose(prose)
            } else {
                Route::NotFound
            }
        }
    }
}

/// The live page for a site path, rendered afresh (client-side navigation).
pub fn page_view(path: &str) -> AnyView {
    match route(path) {
        Route::Section(path) => view! { <SectionPage path=path/> }.into_any(),
        Route::BlogIndex => view! { <BlogIndex/> }.into_any(),
        Route::TutorialIndex => view! { <TutorialIndex/> }.into_any(),
        Route::BlogPost(slug) => view! { <BlogPost slug=slug.to_string()/> }.into_any(),
        Route::Tutorial(slug) => view! { <TutorialPage slug=slug.to_string()/> }.into_any(),
        Route::Prose(prose) => view! { <ProsePage prose=prose/> }.into_any(),
        Route::NotFound => view! { <NotFound/> }.into_any(),
    }
}

/// The shipped build's first page: the prerendered page for `path` is already in `main`,
/// so nothing of it is rendered or moved again (moving its nodes into a live tree made the
/// browser style and lay out the whole page once more, 7–15 ms at full CPU speed). Its
/// behaviour is attached to the markup where it is; the returned view holds what is live
/// (the islands).
#[cfg(not(feature = "words"))]
pub fn adopt(path: &str, main: &web_sys::Element) -> AnyView {
    match route(path) {
        // The handlers SectionPage and ProsePage attach to their wrapper, then the islands.
        Route::Section(_) => with_islands(main, ".section-page"),
        Route::Prose(_) => with_islands(main, ".page.prose"),
        Route::TutorialIndex => tutorials::adopt(main, None),
        Route::Tutorial(slug) => tutorials::adopt(main, Some(slug)),
        // Their links are the router's (it follows every same-origin `<a>`); nothing else moves.
        Route::BlogIndex | Route::BlogPost(_) | Route::NotFound => ().into_any(),
    }
}

/// A prerendered page whose wrapper (`wrapper` under `main`) handles its static parts
/// (copy buttons, tabs) and whose body holds islands.
#[cfg(not(feature = "words"))]
fn with_islands(main: &web_sys::Element, wrapper: &str) -> AnyView {
    use crate::static_enhance::{find, listen, on_page_click, on_page_keydown};
    if let Some(page) = find::<web_sys::Element>(main, wrapper) {
        listen(&page, "click", on_page_click);
        listen(&page, "keydown", on_page_keydown);
    }
    crate::islands::Islands::adopt(main)
}

#[cfg(test)]
mod tests {
    use super::{route, Route};

    #[test]
    fn every_path_has_one_route() {
        assert_eq!(route("/"), Route::Section("/"));
        assert_eq!(route("/architecture"), Route::Section("/architecture"));
        assert_eq!(route("/blog"), Route::BlogIndex);
        assert_eq!(route("/tutorials"), Route::TutorialIndex);
        assert!(matches!(route("/security"), Route::Prose(p) if p.page.path == "/security"));
        for post in crate::blog::POSTS {
            assert_eq!(route(post.page.path), Route::BlogPost(post.slug));
        }
        for t in crate::tutorials::TUTORIALS {
            assert_eq!(route(t.page.path), Route::Tutorial(t.slug));
        }
    }

    #[test]
    fn unknown_paths_are_not_found() {
        for path in [
            "/nope",
            "/blog/no-such-post",
            "/tutorials/no-such-page",
            "/blog/",
            "/architecture/extra",
            "",
        ] {
            assert_eq!(route(path), Route::NotFound, "{path}");
        }
    }
}
