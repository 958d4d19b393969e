//! Browser tests of the architecture diagram component, mounted on its own inside a
//! router: every node labelled and focusable, a node's panel, deep links and stepping.
#![cfg(target_arch = "wasm32")]

mod common;

use common::Mounted;
use dstack_site::diagram::model::{ADVERSARIES, FLOWS, NODES};
use dstack_site::diagram::Diagram;
use leptos::prelude::*;
use leptos_router::components::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

async fn mount(query: &str) -> Mounted {
    let path = format!("/architecture{query}");
    Mounted::view_at(&path, || view! { <Router><Diagram/></Router> }).await
}

fn q(root: &HtmlElement, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn every_node_is_a_labelled_focusable_button() {
    let m = mount("").await;
    let nodes = m.root.query_selector_all("svg g.node").unwrap();
    assert!(nodes.length() > 0, "the scene is drawn once mounted");
    assert_eq!(nodes.length() as usize, NODES.len());
    for (i, node) in NODES.iter().enumerate() {
        let g: web_sys::Element = nodes.item(i as u32).unwrap().unchecked_into();
        assert_eq!(g.get_attribute("aria-label").as_deref(), Some(node.label));
        assert_eq!(g.get_attribute("role").as_deref(), Some("button"));
        assert_eq!(g.get_attribute("tabindex").as_deref(), Some("0"));
    }
    assert!(q(&m.root, "svg title")
        .text_content()
        .unwrap()
        .contains("dstack"));
}

#[wasm_bindgen_test]
async fn selecting_a_node_opens_its_panel() {
    let m = mount("").await;
    assert!(m.root.query_selector(".diagram-panel").unwrap().is_none());
    let kms: web_sys::Element = m
        .root
        .query_selector("g.node[aria-label='dstack-kms']")
        .unwrap()
        .unwrap();
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    kms.dispatch_event(
        &web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap(),
    )
    .unwrap();
    common::settle().await;
    let panel = q(&m.root, ".diagram-panel");
    assert!(panel
        .text_content()
        .unwrap()
        .contains("Verifies a CVM's quote"));
    assert_eq!(kms.get_attribute("aria-pressed").as_deref(), Some("true"));
}

#[wasm_bindgen_test]
async fn deep_link_state_and_stepping_update_the_caption() {
    let m = mount("?flow=verify&step=2&adversary=network").await;
    let caption = || q(&m.root, ".diagram-caption").text_content().unwrap();
    let verify = &FLOWS[3];
    assert_eq!(
        caption(),
        format!(
            "Step 2 of {}: {}",
            verify.steps.len(),
            verify.steps[1].caption
        )
    );
    assert!(q(&m.root, ".diagram-panel.adversary")
        .text_content()
        .unwrap()
        .contains("Network attacker"));
    q(&m.root, "button[data-action='next']").click();
    common::settle().await;
    assert!(caption().starts_with("Step 3 of"));
    assert_eq!(
        q(&m.root, "li[aria-current='step']")
            .text_content()
            .unwrap(),
        verify.steps[2].caption
    );
}

/// Each adversary view, opened by its link, draws its own panel and shades
/// exactly the parts it controls.
#[wasm_bindgen_test]
async fn every_adversary_view_opens_from_its_link() {
    assert!(!ADVERSARIES.is_empty());
    for (i, adv) in ADVERSARIES.iter().enumerate() {
        let m = mount(&format!("?adversary={}", adv.id)).await;
        let panel = q(&m.root, ".diagram-panel.adversary")
            .text_content()
            .unwrap();
        assert!(panel.contains(adv.label), "{}", adv.id);
        assert!(panel.contains(adv.sees), "{}", adv.id);
        for claim in adv.can_still.iter().chain(adv.cannot) {
            assert!(panel.contains(claim.text), "{}: {}", adv.id, claim.text);
        }
        for node in NODES {
            let g = m
                .root
                .query_selector(&format!("g[data-node='{}']", node.id))
                .unwrap()
                .unwrap();
            let class = g.get_attribute("class").unwrap_or_default();
            assert_eq!(
                class.contains("controlled"),
                adv.controls.contains(&node.id),
                "{} on {}: {class}",
                adv.id,
                node.id
            );
        }
        let select: web_sys::HtmlSelectElement = m
            .root
            .query_selector("select[name=adversary]")
            .unwrap()
            .unwrap()
            .unchecked_into();
        assert_eq!(select.value(), i.to_string(), "{}", adv.id);
    }
}
