//! Browser tests (wasm-bindgen-test in headless Chromium): mount the real app at a path
//! and assert what a visitor would see and be able to do.
#![cfg(target_arch = "wasm32")]

mod common;

use common::{settle, Mounted};
use dstack_site::site::{self, Page, PAGES};
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

fn meta_description() -> Vec<String> {
    let list = document()
        .query_selector_all(r#"meta[name="description"]"#)
        .unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| {
            n.unchecked_into::<web_sys::Element>()
                .get_attribute("content")
        })
        .collect()
}

async fn assert_page(page: &Page) {
    let app = Mounted::at(page.path).await;
    assert_eq!(app.count("h1"), 1, "{}: exactly one h1", page.path);
    assert_eq!(app.text("h1"), page.heading, "{}: h1", page.path);
    assert_eq!(
        document().title(),
        page.full_title(),
        "{}: title",
        page.path
    );
    assert_eq!(
        meta_description(),
        [page.description],
        "{}: one meta description",
        page.path
    );
}

#[wasm_bindgen_test]
async fn every_page_renders_its_heading_title_and_description() {
    for page in PAGES {
        assert_page(page).await;
    }
}

#[wasm_bindgen_test]
async fn unknown_path_renders_the_not_found_page() {
    assert_page(&Page {
        path: "/no/such/page",
        ..site::NOT_FOUND
    })
    .await;
    let app = Mounted::at("/architecturez").await;
    assert_eq!(app.text("h1"), site::NOT_FOUND.heading);
    assert_eq!(
        app.one("main a[href='/']").text_content().unwrap(),
        "Go to the home page"
    );
}

#[wasm_bindgen_test]
async fn layout_has_landmarks_and_the_skip_link_comes_first() {
    let app = Mounted::at("/features").await;
    assert_eq!(app.count("header"), 2, "site header plus the page header");
    assert_eq!(app.count("main#main"), 1);
    assert_eq!(app.count("footer"), 1);
    let first_link = app.one("a");
    assert_eq!(first_link.text_content().unwrap(), "Skip to content");
    assert_eq!(first_link.get_attribute("href").unwrap(), "#main");
    assert!(app
        .text("footer")
        .contains("Linux Foundation Confidential Computing Consortium"));
    assert!(app.text("footer").contains("Apache-2.0"));
}

#[wasm_bindgen_test]
async fn skip_link_moves_focus_to_main() {
    let app = Mounted::at("/").await;
    app.one("a").click();
    settle().await;
    let active = document().active_element().expect("something has focus");
    assert_eq!(active.id(), "main");
}

#[wasm_bindgen_test]
async fn nav_lists_every_section_and_marks_only_the_current_one() {
    let app = Mounted::at("/examples").await;
    let labels: Vec<String> = site::nav_pages().map(|p| p.nav_label.to_string()).collect();
    let links = app.root.query_selector_all("#site-nav a").unwrap();
    let shown: Vec<String> = (0..links.length())
        .map(|i| links.item(i).unwrap().text_content().unwrap())
        .collect();
    assert_eq!(shown[..labels.len()], labels[..]);
    assert_eq!(shown.last().unwrap(), "GitHub");
    assert_eq!(app.count("#site-nav a[aria-current='page']"), 1);
    assert_eq!(app.text("#site-nav a[aria-current='page']"), "Examples");
}

#[wasm_bindgen_test]
async fn clicking_a_nav_link_navigates_and_moves_the_current_marker() {
    let app = Mounted::at("/").await;
    app.one("#site-nav a[href='/resources']").click();
    settle().await;
    assert_eq!(window().location().pathname().unwrap(), "/resources");
    assert_eq!(app.text("h1"), site::RESOURCES.heading);
    assert_eq!(app.text("#site-nav a[aria-current='page']"), "Resources");
}

fn press_escape(on: &HtmlElement) {
    let init = KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    on.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn menu_button_toggles_the_nav_and_escape_closes_it_returning_focus() {
    let app = Mounted::at("/features").await;
    let button = app.one("button[aria-controls='site-nav']");
    let nav = app.one("#site-nav");
    assert_eq!(button.get_attribute("aria-expanded").unwrap(), "false");
    assert_eq!(nav.get_attribute("data-open").unwrap(), "false");

    button.click();
    tick().await;
    assert_eq!(button.get_attribute("aria-expanded").unwrap(), "true");
    assert_eq!(nav.get_attribute("data-open").unwrap(), "true");

    let link = app.one("#site-nav a[href='/examples']");
    link.focus().unwrap();
    press_escape(&link);
    tick().await;
    assert_eq!(button.get_attribute("aria-expanded").unwrap(), "false");
    assert_eq!(
        document()
            .active_element()
            .unwrap()
            .unchecked_into::<HtmlElement>(),
        button
    );
}

#[wasm_bindgen_test]
async fn navigating_closes_the_menu() {
    let app = Mounted::at("/features").await;
    let button = app.one("button[aria-controls='site-nav']");
    button.click();
    tick().await;
    app.one("#site-nav a[href='/ecosystem']").click();
    settle().await;
    assert_eq!(app.text("h1"), site::ECOSYSTEM.heading);
    assert_eq!(button.get_attribute("aria-expanded").unwrap(), "false");
}

#[wasm_bindgen_test]
async fn home_has_both_calls_to_action_and_a_teaser_per_section() {
    let app = Mounted::at("/").await;
    let main = app.one("main");
    let cta = main
        .query_selector("a[href='/getting-started']")
        .unwrap()
        .unwrap();
    assert_eq!(cta.text_content().unwrap(), "Get started");
    let github = main
        .query_selector(&format!("a[href='{}']", site::GITHUB_URL))
        .unwrap();
    assert_eq!(github.unwrap().text_content().unwrap(), "View on GitHub");
    assert_eq!(app.count("main li h3 a"), site::nav_pages().count() as u32);
    let messages = dstack_site::sections::home::words::KEY_MESSAGES;
    assert_eq!(app.count("main li.card"), messages.len() as u32);
    for m in messages {
        assert!(app.text("main").contains(m.title), "{} missing", m.title);
    }
    assert!(app
        .text("main")
        .contains("Linux Foundation Confidential Computing Consortium"));
}
