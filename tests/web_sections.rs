//! Browser tests for the section pages: each renders all of its content data, and the
//! interactive parts (filters, tabs) behave as a visitor expects.
#![cfg(target_arch = "wasm32")]

mod common;

use common::{settle, Mounted};
use dstack_site::sections::{
    architecture::words as architecture, ecosystem::words as ecosystem,
    examples::words as examples, features::words as features,
    getting_started::words as getting_started, resources::words as resources,
    use_cases::words as use_cases,
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn visible_cards(app: &Mounted) -> u32 {
    let list = app
        .root
        .query_selector_all("main li.card:not([hidden])")
        .unwrap();
    list.length()
}

#[wasm_bindgen_test]
async fn architecture_renders_every_component_and_the_diagram_region() {
    let app = Mounted::at("/architecture").await;
    assert_eq!(
        app.count("main li.card"),
        architecture::COMPONENTS.len() as u32
    );
    for c in architecture::COMPONENTS {
        assert!(app.text("main").contains(c.does), "{} missing", c.name);
    }
    assert_eq!(app.count("#diagram"), 1, "a bounded region for the diagram");
    // The three boot modes, one row each (issue #15).
    assert_eq!(
        app.count("section[aria-labelledby='boot-modes'] tbody tr"),
        architecture::BOOT_MODES.len() as u32
    );
}

/// Regression (issue #15): "Who runs on it" holds only production adopters; the rest sit
/// under integrations and announcements with their status word.
#[wasm_bindgen_test]
async fn ecosystem_splits_production_adopters_from_the_rest() {
    let app = Mounted::at("/ecosystem").await;
    let production = ecosystem::ADOPTERS
        .iter()
        .filter(|p| p.standing == ecosystem::Standing::Production)
        .count();
    assert_eq!(
        app.count("section[aria-labelledby='adopters'] li.card"),
        production as u32
    );
    assert_eq!(
        app.count("section[aria-labelledby='around'] li.card"),
        (ecosystem::ADOPTERS.len() - production) as u32
    );
    let around = app.text("section[aria-labelledby='around']");
    assert!(
        around.contains("Announced") && around.contains("Integration"),
        "{around}"
    );
}

#[wasm_bindgen_test]
async fn examples_mark_the_deprecated_socket() {
    let app = Mounted::at("/examples").await;
    let marked = examples::EXAMPLES.iter().filter(|e| e.tappd).count();
    assert_eq!(app.count("main li.card .tag-note"), marked as u32);
    assert!(app.text("main").contains(examples::INTRO));
}

#[wasm_bindgen_test]
async fn features_renders_every_group_and_limit() {
    let app = Mounted::at("/features").await;
    let total: usize = features::GROUPS
        .iter()
        .map(|g| g.features.len())
        .sum::<usize>()
        + features::LIMITS.len();
    assert_eq!(app.count("main li.card"), total as u32);
    for group in features::GROUPS {
        assert_eq!(app.text(&format!("h2#{}", group.slug)), group.title);
    }
}

#[wasm_bindgen_test]
async fn use_cases_show_all_then_filter_by_the_url_tag() {
    let app = Mounted::at("/use-cases").await;
    assert_eq!(visible_cards(&app), use_cases::USE_CASES.len() as u32);
    drop(app);

    let app = Mounted::at("/use-cases?tag=infrastructure").await;
    let expected = use_cases::USE_CASES
        .iter()
        .filter(|u| {
            u.tags
                .contains(&dstack_site::content::tags::Tag::Infrastructure)
        })
        .count();
    assert_eq!(visible_cards(&app), expected as u32);
    assert_eq!(
        app.one("button[aria-pressed='true']")
            .text_content()
            .unwrap(),
        "Infrastructure"
    );
    assert!(app
        .text(".result-count")
        .starts_with(&format!("Showing {expected} of")));
}

#[wasm_bindgen_test]
async fn clicking_a_chip_filters_and_writes_the_url() {
    let app = Mounted::at("/use-cases").await;
    let chips = app
        .root
        .query_selector_all("[role='group'] button")
        .unwrap();
    let ai = (0..chips.length())
        .map(|i| chips.item(i).unwrap())
        .find(|c| c.text_content().unwrap() == "AI")
        .expect("an AI chip");
    wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(&ai).click();
    settle().await;
    assert_eq!(
        web_sys::window().unwrap().location().search().unwrap(),
        "?tag=ai"
    );
    let expected = use_cases::USE_CASES
        .iter()
        .filter(|u| u.tags.contains(&dstack_site::content::tags::Tag::Ai))
        .count();
    assert_eq!(visible_cards(&app), expected as u32);
}

#[wasm_bindgen_test]
async fn examples_list_every_example_and_say_when_nothing_matches() {
    let app = Mounted::at("/examples").await;
    assert_eq!(app.count("main li.card"), examples::EXAMPLES.len() as u32);
    assert_eq!(app.count(".empty-state"), 0);
    drop(app);

    let app = Mounted::at("/examples?q=zzzz-no-such-thing").await;
    assert_eq!(visible_cards(&app), 0);
    assert!(app.text(".empty-state").starts_with("No example matches"));

    drop(app);
    let app = Mounted::at("/examples?q=helios").await;
    assert_eq!(
        visible_cards(&app),
        1,
        "only the light client mentions Helios"
    );
}

#[wasm_bindgen_test]
async fn getting_started_renders_requirements_tabs_and_commands() {
    let app = Mounted::at("/getting-started").await;
    assert_eq!(
        app.count(".checklist li"),
        getting_started::REQUIREMENTS.len() as u32
    );
    assert_eq!(
        app.count("[role='tab']"),
        getting_started::PATHS.len() as u32
    );
    assert_eq!(app.count("[role='tabpanel']:not([hidden])"), 1);
    let commands: usize = getting_started::PATHS
        .iter()
        .flat_map(|p| p.steps)
        .chain(getting_started::YOUR_APP)
        .filter(|s| !s.command.is_empty())
        .count()
        + 1; // the host check
    assert_eq!(app.count("pre code"), commands as u32);
}

#[wasm_bindgen_test]
async fn ecosystem_and_resources_render_all_their_entries() {
    let app = Mounted::at("/ecosystem").await;
    let parties = ecosystem::STEWARDS.len() + ecosystem::ADOPTERS.len();
    assert_eq!(app.count("main li.card"), parties as u32);
    drop(app);

    let app = Mounted::at("/resources").await;
    assert_eq!(app.count("main li.card"), resources::SDKS.len() as u32);
    let links: usize = resources::GROUPS.iter().map(|g| g.links.len()).sum();
    assert_eq!(app.count("main ul.link-list a.external"), links as u32);
    // The live figures come from the (seeded) cache: one entry per repository.
    let live = app.text("section[aria-labelledby='live']");
    for repo in dstack_site::github::REPOS {
        assert!(live.contains(&repo.slug()), "{} missing", repo.slug());
    }
    assert!(live.contains("1.2k stars · 56 forks"), "{live}");
    for a in 0..app.count("main a.external") {
        let link = app
            .root
            .query_selector_all("main a.external")
            .unwrap()
            .item(a)
            .unwrap();
        let rel = wasm_bindgen::JsCast::unchecked_ref::<web_sys::Element>(&link)
            .get_attribute("rel")
            .unwrap_or_default();
        assert_eq!(rel, "noopener noreferrer");
    }
}
