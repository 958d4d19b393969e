//! The diagram's thin view. State lives in [`State`], geometry in [`super::layout`], markup
//! in [`super::markup`]; this file puts the frame's markup in place (the words build) or
//! takes over the prerendered copy (the shipped build), draws each state change into it
//! (one effect, patching only what changed), routes the visitor's clicks and keys to the
//! state machine by delegation, runs autoplay while on screen in a visible tab, and keeps
//! the URL in step on the architecture page.

use std::time::Duration;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlSelectElement, KeyboardEvent, MouseEvent};

use super::layout::{NARROW, WIDE};
use super::machine::State;
use super::markup::{
    adversary_panel, caption, message, node_panel, scene, skeleton, step_items, Drawn,
};
use super::model::node;
use crate::static_enhance::listen;
use crate::watch;

/// Time between autoplay steps, as visitors get it.
const STEP_MS: u64 = 3500;
/// A window property that, when set to a number of milliseconds before the app starts,
/// replaces [`STEP_MS`]: the browser tests set it so autoplay takes a fraction of a second
/// instead of seconds. Read once per diagram; visitors never set it.
const STEP_MS_OVERRIDE: &str = "__dstackDiagramStepMs";

/// The autoplay step time: [`STEP_MS`] unless the page set [`STEP_MS_OVERRIDE`] to a
/// whole number of milliseconds from 1 to 60 000.
fn step_ms() -> u64 {
    crate::static_enhance::ms_override(STEP_MS_OVERRIDE).map_or(STEP_MS, u64::from)
}
/// Below this width the tall layout keeps labels legible.
const NARROW_QUERY: &str = "(max-width: 600px)";

/// The interactive diagram as the words build (and `trunk serve`) renders it: the frame's
/// markup, then [`run`] on it. The shipped build never renders it: it [`adopt`]s the copy
/// the words build prerendered.
#[component]
pub fn Diagram(#[prop(optional)] compact: bool) -> impl IntoView {
    let root = NodeRef::<leptos::html::Div>::new();
    let owner = Owner::current();
    Effect::new(move |_| {
        let Some(el) = root.get() else { return };
        // The diagram's own effects and listeners: untracked, and under the component's
        // owner rather than this effect's, so they live as long as the component does.
        let start = move || untrack(|| run(el.into(), compact, None));
        match &owner {
            Some(owner) => owner.with(start),
            None => start(),
        }
    });
    view! { <div class="diagram" class:compact=compact node_ref=root inner_html=skeleton(compact)></div> }
}

/// The shipped build's diagram: takes over the prerendered copy inside `island`, which says
/// what is drawn in it ([`Drawn::ATTR`]), so only what differs gets drawn again (on a
/// phone, the narrow layout; on a deep link, that step). A copy without that record is
/// drawn in full; an island without a copy stays as it is.
pub fn adopt(island: &Element, compact: bool) {
    if let Ok(Some(root)) = island.query_selector(".diagram") {
        let drawn = root
            .get_attribute(Drawn::ATTR)
            .and_then(|v| Drawn::parse(&v));
        run(root, compact, drawn);
    }
}

/// The diagram's behaviour on its markup under `root`, whose current drawing is `drawn`
/// (`None`: draw everything). The architecture page's full copy keeps
/// `?flow=&step=&adversary=` in the address bar and offers the adversary view; the home
/// page's `compact` copy leaves the URL alone and stops after one loop.
fn run(root: Element, compact: bool, drawn: Option<Drawn>) {
    let query = use_query_map().get_untracked();
    let mut initial = State::from_query(
        query.get("flow").as_deref(),
        query.get("step").as_deref(),
        query.get("adversary").as_deref(),
    );
    initial.reduced_motion = watch::media_matches("(prefers-reduced-motion: reduce)");
    initial.autoplay(initial.step != 0);
    let state = RwSignal::new(initial);
    let narrow = watch::media_signal(NARROW_QUERY);

    if !compact {
        let replace_query = crate::address::use_replace_query();
        let query = Memo::new(move |_| state.with(State::to_query));
        Effect::new(move |_| replace_query(&query.get()));
    }

    {
        let root = SendWrapper::new(root.clone());
        Effect::new(move |before: Option<Drawn>| {
            let narrow = narrow.get();
            state.with(|s| {
                let now = Drawn::of(s, narrow);
                draw(&root, s, now, before.or(drawn));
                now
            })
        });
    }

    // Steps advance only while the flow is wanted, on screen and in a visible tab; the
    // timer exists only then, so an idle diagram costs nothing.
    watch::on_screen(&root, move |visible| {
        state.update(|s| s.on_screen = visible)
    });
    watch::tab_hidden(move |hidden| state.update(|s| s.tab_hidden = hidden));
    let stop_after = compact.then_some(1);
    let step = Duration::from_millis(step_ms());
    let running = Memo::new(move |_| state.with(State::running));
    let timer = StoredValue::new(None::<IntervalHandle>);
    let stop_timer = move || {
        if let Some(handle) = timer.get_value() {
            handle.clear();
            timer.set_value(None);
        }
    };
    Effect::new(move |_| {
        stop_timer();
        if running.get() {
            let tick = move || state.update(|s| _ = s.tick(stop_after));
            timer.set_value(set_interval_with_handle(tick, step).ok());
        }
    });
    on_cleanup(stop_timer);

    // The visitor's clicks, choices and keys, by delegation on the root. The listeners go
    // with the element; once the diagram's owner is gone, their updates do nothing.
    let select_node = move |id: &str| {
        let id = node(id).map(|n| n.id);
        state.update(|s| s.selected_node = if s.selected_node == id { None } else { id });
    };
    listen(&root, "click", move |ev: MouseEvent| {
        if let Some(action) = closest_attr(&ev, "data-action") {
            state.update(|s| match action.as_str() {
                "prev" => s.back(),
                "next" => s.forward(),
                "play" => s.playing = !s.playing,
                _ => s.restart(),
            });
        } else if let Some(id) = closest_attr(&ev, "data-node") {
            select_node(&id);
        }
    });
    listen(&root, "change", move |ev: Event| {
        let Some(select) = ev
            .target()
            .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
        else {
            return;
        };
        let value = select.value();
        state.update(|s| match select.name().as_str() {
            "flow" => s.select_flow(value.parse().unwrap_or(0)),
            _ => s.adversary = value.parse().ok(),
        });
    });
    listen(&root, "keydown", move |ev: KeyboardEvent| {
        let in_select = ev
            .target()
            .is_some_and(|t| t.has_type::<HtmlSelectElement>());
        match ev.key().as_str() {
            "ArrowRight" if !in_select => state.update(State::forward),
            "ArrowLeft" if !in_select => state.update(State::back),
            "Enter" | " " => match closest_attr(&ev, "data-node") {
                Some(id) => select_node(&id),
                None => return,
            },
            _ => return,
        }
        ev.prevent_default();
    });
}

/// The value of `name` on the event's target or its nearest ancestor that has it.
fn closest_attr(ev: &web_sys::Event, name: &str) -> Option<String> {
    let target: Element = ev.target()?.dyn_into().ok()?;
    target
        .closest(&format!("[{name}]"))
        .ok()??
        .get_attribute(name)
}

/// Patches the state into the diagram's markup, rewriting a part only when it changed, and
/// records what is drawn.
fn draw(root: &Element, s: &State, now: Drawn, before: Option<Drawn>) {
    _ = root.set_attribute(Drawn::ATTR, &now.attr());
    let find = |selector: &str| root.query_selector(selector).ok().flatten();
    let changed = |same: fn(&Drawn, &Drawn) -> bool| before.is_none_or(|b| !same(&b, &now));
    let layout = if now.narrow { &NARROW } else { &WIDE };

    if let Some(svg) = find("svg") {
        let view_box = format!("0 0 {} {}", layout.width, layout.height);
        _ = svg.set_attribute("viewBox", &view_box);
        _ = svg
            .class_list()
            .toggle_with_force("reduced", s.reduced_motion);
    }
    if changed(|a, b| a.narrow == b.narrow) {
        if let Some(g) = find(".scene") {
            g.set_inner_html(&scene(layout));
        }
    }
    if changed(|a, b| (a.narrow, a.flow, a.step) == (b.narrow, b.flow, b.step)) {
        if let Some(g) = find(".messages") {
            g.set_inner_html(&message(layout, s.current_step()));
        }
    }
    if changed(|a, b| (a.flow, a.step) == (b.flow, b.step)) {
        if let Some(p) = find(".diagram-caption") {
            p.set_text_content(Some(&caption(s)));
        }
        if let Some(ol) = find(".diagram-steps") {
            ol.set_inner_html(&step_items(s.current_flow(), s.step));
        }
    }
    if changed(|a, b| a.node == b.node) {
        if let Some(slot) = find(".node-slot") {
            slot.set_inner_html(
                &s.selected_node
                    .and_then(node)
                    .map(node_panel)
                    .unwrap_or_default(),
            );
        }
    }
    if changed(|a, b| a.adversary == b.adversary) {
        if let Some(slot) = find(".adversary-slot") {
            slot.set_inner_html(
                &s.current_adversary()
                    .map(adversary_panel)
                    .unwrap_or_default(),
            );
        }
    }
    // The selects and the play button follow the state whatever changed it (URL, keys, timer).
    if let Some(select) =
        find("select[name=flow]").and_then(|e| e.dyn_into::<HtmlSelectElement>().ok())
    {
        select.set_value(&s.flow.to_string());
    }
    if let Some(select) =
        find("select[name=adversary]").and_then(|e| e.dyn_into::<HtmlSelectElement>().ok())
    {
        select.set_value(&s.adversary.map(|i| i.to_string()).unwrap_or_default());
    }
    if let Some(play) = find("[data-action=play]") {
        play.set_text_content(Some(if s.playing { "Pause" } else { "Play" }));
    }
    if let Ok(nodes) = root.query_selector_all("[data-node]") {
        for el in (0..nodes.length()).filter_map(|i| nodes.item(i)?.dyn_into::<Element>().ok()) {
            let id = el.get_attribute("data-node").unwrap_or_default();
            _ = el.set_attribute("class", &s.node_class(&id));
            let pressed = s.selected_node == Some(id.as_str());
            _ = el.set_attribute("aria-pressed", if pressed { "true" } else { "false" });
        }
    }
}
