//! The frame's behaviour: the header (menu button, navigation, theme, search) and the
//! footer are markup, rendered by the words build and saved by the prerender; both builds
//! attach the same behaviour to it here. The shipped build never renders the frame at all:
//! it keeps the prerendered header and footer, which saves the wasm the work of building
//! them again at every page load (about three quarters of its start-up time, measured with
//! a CPU profile of the release build).
//!
//! State lives in the markup itself (`aria-expanded`, `data-open`, `aria-current`, the
//! select's value), so there is one source of truth whichever build rendered it.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlSelectElement, KeyboardEvent, MouseEvent};

use crate::site::{strip_base, SITE_REPO};
use crate::static_enhance::{find, listen, target_closest};
use crate::theme::{ThemeChoice, STORAGE_KEY};

/// The menu icon's two drawings: three bars (closed) and a cross (open).
pub const MENU_CLOSED_PATH: &str = "M4 7h16M4 12h16M4 17h16";
pub const MENU_OPEN_PATH: &str = "M6 6l12 12M18 6L6 18";

/// Whether a frame link to `link` is the current page at `path`: an `exact` link only at
/// its own path, any other also below it (`/blog` while reading `/blog/a-post`), the rule
/// of leptos_router's `<A>`, which these links used to be.
pub fn is_current(link: &str, path: &str, exact: bool) -> bool {
    let link = link.trim_end_matches('/');
    let path = path.trim_end_matches('/');
    if exact {
        return link == path;
    }
    path == link || path.starts_with(&format!("{link}/"))
}

/// Where to edit the words of the page at `path`, and where to report a mistake on it, in
/// the site's own repository `repo`.
pub fn edit_links(repo: &str, path: &str) -> (String, String) {
    let edit = format!("{repo}/edit/main/{}", crate::prose::source_file(path));
    let report = format!(
        "{repo}/issues/new?title={}",
        format!("Mistake on {path}").replace(' ', "%20")
    );
    (edit, report)
}

/// Brings the frame to life, and keeps it in step with the address: placed once inside
/// the router (it needs the router's location and navigation).
#[component]
pub fn Frame() -> impl IntoView {
    let location = use_location();
    let navigate = use_navigate();
    let theme = RwSignal::new(ThemeChoice::parse(stored_theme().as_deref()));
    let prefers_light = crate::watch::media_signal("(prefers-color-scheme: light)");
    // Once the frame is in the document (effects run after mounting), in a task of its
    // own (see crate::boot::step).
    Effect::new(move |attached: Option<()>| {
        if attached.is_none() {
            let navigate = navigate.clone();
            crate::boot::step(move || {
                attach_menu();
                attach_skip_link();
                attach_theme(theme);
                crate::components::search_dialog::attach(move |url: &str| {
                    navigate(url, Default::default())
                });
            });
        }
    });
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            _ = root.set_attribute("data-theme", theme.get().resolve(prefers_light.get()));
        }
    });
    Effect::new(move |_| follow(strip_base(&location.pathname.get())));
}

/// What every navigation changes in the frame: the menu closes, the current page's links
/// are marked, and the footer's edit links name this page.
fn follow(path: &str) {
    set_menu(false);
    for link in all("a[data-route]") {
        let href = link.get_attribute("href").unwrap_or_default();
        let current = is_current(strip_base(&href), path, link.has_attribute("data-exact"));
        if current {
            _ = link.set_attribute("aria-current", "page");
        } else {
            _ = link.remove_attribute("aria-current");
        }
    }
    if let Some(repo) = SITE_REPO {
        let (edit, report) = edit_links(repo, path);
        for (selector, url) in [("a[data-edit]", edit), ("a[data-report]", report)] {
            for link in all(selector) {
                _ = link.set_attribute("href", &url);
            }
        }
    }
}

fn all(selector: &str) -> Vec<Element> {
    crate::static_enhance::elements(&document().document_element().expect("html"), selector)
}

fn one<T: JsCast>(selector: &str) -> Option<T> {
    find(&document().document_element()?, selector)
}

fn menu_button() -> Option<HtmlElement> {
    one("button[aria-controls='site-nav']")
}

fn menu_open() -> bool {
    menu_button().and_then(|b| b.get_attribute("aria-expanded")) == Some("true".into())
}

fn set_menu(open: bool) {
    let flag = if open { "true" } else { "false" };
    if let Some(button) = menu_button() {
        _ = button.set_attribute("aria-expanded", flag);
        if let Ok(Some(path)) = button.query_selector("path") {
            let d = if open {
                MENU_OPEN_PATH
            } else {
                MENU_CLOSED_PATH
            };
            _ = path.set_attribute("d", d);
        }
    }
    if let Some(nav) = one::<Element>("#site-nav") {
        _ = nav.set_attribute("data-open", flag);
    }
}

/// The menu button opens and closes the navigation on narrow screens; Escape closes it
/// (focus returns to the button); following a link in it closes it.
fn attach_menu() {
    let Some(button) = menu_button() else {
        return;
    };
    listen(&button, "click", |_: MouseEvent| set_menu(!menu_open()));
    if let Some(header) = one::<Element>("header") {
        listen(&header, "keydown", |ev: KeyboardEvent| {
            if ev.key() == "Escape" && menu_open() {
                set_menu(false);
                if let Some(button) = menu_button() {
                    _ = button.focus();
                }
            }
        });
    }
    if let Some(nav) = one::<Element>("#site-nav") {
        listen(&nav, "click", |ev: MouseEvent| {
            if target_closest(&ev, "a").is_some() {
                set_menu(false);
            }
        });
    }
}

/// The skip link moves focus to `<main>` (a fragment link alone would only scroll).
fn attach_skip_link() {
    let Some(link) = one::<Element>("a[href='#main']") else {
        return;
    };
    listen(&link, "click", |ev: MouseEvent| {
        if let Some(main) = document()
            .get_element_by_id("main")
            .and_then(|m| m.dyn_into::<HtmlElement>().ok())
        {
            ev.prevent_default();
            _ = main.focus();
            main.scroll_into_view();
        }
    });
}

/// The stored choice; without storage the choice simply does not persist.
fn stored_theme() -> Option<String> {
    crate::storage::get(STORAGE_KEY).flatten()
}

/// The theme select shows the stored choice and stores a new one. The page was already
/// painted in that theme by the inline script in index.html.
fn attach_theme(theme: RwSignal<ThemeChoice>) {
    let Some(select) = one::<HtmlSelectElement>(".theme-switch select") else {
        return;
    };
    select.set_value(theme.get_untracked().as_str());
    listen(&select.clone(), "change", move |_: web_sys::Event| {
        let picked = ThemeChoice::parse(Some(&select.value()));
        crate::storage::set(STORAGE_KEY, picked.as_str());
        theme.set(picked);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_exact_link_is_current_only_at_its_own_path() {
        assert!(is_current("/", "/", true));
        assert!(!is_current("/", "/blog", true));
        assert!(!is_current("/blog", "/blog/a-post", true));
    }

    #[test]
    fn a_section_link_is_current_on_its_pages_and_below() {
        assert!(is_current("/blog", "/blog", false));
        assert!(is_current("/blog", "/blog/a-post", false));
        assert!(is_current("/blog/", "/blog", false));
        assert!(!is_current("/blog", "/blogroll", false));
        assert!(!is_current("/examples", "/", false));
    }

    #[test]
    fn edit_links_name_the_page_and_its_source() {
        let (edit, report) = edit_links("https://github.com/o/site", "/getting-started");
        assert_eq!(
            edit,
            format!(
                "https://github.com/o/site/edit/main/{}",
                crate::prose::source_file("/getting-started")
            )
        );
        assert_eq!(
            report,
            "https://github.com/o/site/issues/new?title=Mistake%20on%20/getting-started"
        );
    }
}
