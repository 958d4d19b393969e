//! The diagram's thin view: an SVG of the nodes with the current step's message, controls,
//! the caption (announced politely), the whole flow as an ordered list, a panel for the
//! selected node and one for the chosen adversary. All state lives in [`State`].
//!
//! Not on a route yet: it costs 13.6 KB brotli, which would take the wasm past its 180 KB
//! budget; tests/web_diagram.rs mounts it directly. Still to do for #4: autoplay on screen
//! (IntersectionObserver) and on visibility, edges ending at box borders, 360 px layout.

use std::time::Duration;

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use super::machine::State;
use super::model::{node, Claim, Zone, ADVERSARIES, FLOWS, NODES};

/// Node boxes: top-left corner in the 760×520 viewBox; every box is 150×52.
const W: f64 = 150.0;
const H: f64 = 52.0;
fn position(id: &str) -> (f64, f64) {
    match id {
        "visitor" => (30.0, 40.0),
        "developer" => (305.0, 40.0),
        "auth" => (580.0, 40.0),
        "gateway" => (30.0, 215.0),
        "guest-agent" => (305.0, 190.0),
        "app" => (305.0, 265.0),
        "kms" => (580.0, 215.0),
        "vmm" => (170.0, 420.0),
        _ => (440.0, 420.0), // tdx
    }
}

fn centre(id: &str) -> (f64, f64) {
    let (x, y) = position(id);
    (x + W / 2.0, y + H / 2.0)
}

/// The SVG path of a message from `from` to `to`; a node's own work is a small loop.
fn edge_path(from: &str, to: &str) -> String {
    let (x1, y1) = centre(from);
    if from == to {
        return format!("M{x1} {} c60 -50 110 0 0 0", y1 - H / 2.0);
    }
    let (x2, y2) = centre(to);
    format!("M{x1} {y1} L{x2} {y2}")
}

const STEP_MS: u64 = 3500;

/// The interactive diagram. `sync_url` keeps `?flow=&step=&adversary=` in the address bar
/// (the architecture page); the home page's compact copy leaves the URL alone.
#[component]
pub fn Diagram(#[prop(optional)] sync_url: bool) -> impl IntoView {
    let query = use_query_map().get_untracked();
    let mut initial = State::from_query(
        query.get("flow").as_deref(),
        query.get("step").as_deref(),
        query.get("adversary").as_deref(),
    );
    initial.reduced_motion = window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    let state = RwSignal::new(initial);

    if sync_url {
        let navigate = use_navigate();
        let path = use_location().pathname.get_untracked();
        Effect::new(move |_| {
            let q = state.with(State::to_query);
            let options = NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            };
            navigate(&format!("{path}{q}"), options);
        });
    }

    // Autoplay: one step every STEP_MS while playing; the timer exists only then.
    let timer = StoredValue::new(None::<IntervalHandle>);
    let stop_timer = move || {
        if let Some(handle) = timer.get_value() {
            handle.clear();
            timer.set_value(None);
        }
    };
    let toggle_play = move || {
        let playing = !state.get_untracked().playing;
        state.update(|s| s.playing = playing);
        stop_timer();
        if playing {
            let handle = set_interval_with_handle(
                move || {
                    let mut still = true;
                    state.update(|s| still = s.tick(None));
                    if !still {
                        stop_timer();
                    }
                },
                Duration::from_millis(STEP_MS),
            );
            timer.set_value(handle.ok());
        }
    };
    on_cleanup(stop_timer);

    let step = move || state.with(|s| s.current_flow().steps[s.step]);
    let on_keydown = move |ev: KeyboardEvent| {
        let in_field = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlSelectElement>(t).ok())
            .is_some();
        match ev.key().as_str() {
            "ArrowRight" if !in_field => state.update(State::next),
            "ArrowLeft" if !in_field => state.update(State::prev),
            _ => return,
        }
        ev.prevent_default();
    };

    view! {
        <div class="diagram" on:keydown=on_keydown>
            <div class="diagram-controls">
                <label>
                    "Flow "
                    <select on:change=move |ev| {
                        let i = event_target_value(&ev).parse().unwrap_or(0);
                        state.update(|s| s.select_flow(i));
                    }>
                        {FLOWS.iter().enumerate().map(|(i, f)| view! {
                            <option value=i.to_string() selected=move || state.with(|s| s.flow == i)>{f.title}</option>
                        }).collect_view()}
                    </select>
                </label>
                <button type="button" on:click=move |_| state.update(State::prev) aria-label="Previous step">"‹ Prev"</button>
                <button type="button" on:click=move |_| toggle_play() aria-pressed=move || state.with(|s| s.playing.to_string())>
                    {move || if state.with(|s| s.playing) { "Pause" } else { "Play" }}
                </button>
                <button type="button" on:click=move |_| state.update(State::next) aria-label="Next step">"Next ›"</button>
                <button type="button" on:click=move |_| state.update(State::restart)>"Restart"</button>
                <label>
                    "Adversary "
                    <select on:change=move |ev| {
                        let v = event_target_value(&ev);
                        state.update(|s| s.adversary = v.parse().ok());
                    }>
                        <option value="" selected=move || state.with(|s| s.adversary.is_none())>"None"</option>
                        {ADVERSARIES.iter().enumerate().map(|(i, a)| view! {
                            <option value=i.to_string() selected=move || state.with(|s| s.adversary == Some(i))>{a.label}</option>
                        }).collect_view()}
                    </select>
                </label>
            </div>
            <svg
                class="diagram-svg"
                class:reduced=move || state.with(|s| s.reduced_motion)
                viewBox="0 0 760 520"
                role="group"
                aria-labelledby="diagram-title diagram-desc"
            >
                <title id="diagram-title">"dstack architecture"</title>
                <desc id="diagram-desc">
                    "Outside: visitor, developer and the auth backend. In confidential VMs: the gateway, the KMS, and the app's CVM with the guest agent and your containers. On the TDX host: dstack-vmm and Intel TDX."
                </desc>
                <rect class="zone" x="10" y="10" width="740" height="110" rx="12"/>
                <text class="zone-label" x="24" y="30">"Elsewhere"</text>
                <rect class="zone cvm" x="10" y="140" width="740" height="230" rx="12"/>
                <text class="zone-label" x="24" y="160">"Confidential VMs (Intel TDX)"</text>
                <rect class="cvm-box" x="290" y="178" width="180" height="152" rx="10"/>
                <text class="zone-label" x="300" y="346">"app CVM"</text>
                <rect class="zone host" x="10" y="390" width="740" height="120" rx="12"/>
                <text class="zone-label" x="24" y="410">"TDX host (untrusted)"</text>
                <path
                    class="edge active"
                    d=move || { let st = step(); edge_path(st.from, st.to) }
                    marker-end="url(#arrow)"
                />
                <defs>
                    <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path d="M0 0 L10 5 L0 10 z" class="arrow-head"/>
                    </marker>
                </defs>
                {NODES.iter().map(|n| {
                    let (x, y) = position(n.id);
                    let id = n.id;
                    let select = move || state.update(|s| {
                        s.selected_node = if s.selected_node == Some(id) { None } else { Some(id) };
                    });
                    view! {
                        <g
                            class="node"
                            class:active=move || { let st = step(); st.from == id || st.to == id }
                            class:controlled=move || state.with(|s| s.current_adversary().is_some_and(|a| a.controls.contains(&id)))
                            class:in-cvm=n.zone == Zone::Cvm
                            role="button"
                            tabindex="0"
                            aria-label=n.label
                            aria-pressed=move || state.with(|s| (s.selected_node == Some(id)).to_string())
                            on:click=move |_| select()
                            on:keydown=move |ev: KeyboardEvent| {
                                if ev.key() == "Enter" || ev.key() == " " {
                                    ev.prevent_default();
                                    select();
                                }
                            }
                        >
                            <rect x=x y=y width=W height=H rx="8"/>
                            <text x=x + W / 2.0 y=y + H / 2.0 + 5.0 text-anchor="middle">{n.label}</text>
                        </g>
                    }
                }).collect_view()}
            </svg>
            <p class="diagram-caption" aria-live="polite">
                {move || state.with(|s| {
                    let flow = s.current_flow();
                    format!("Step {} of {}: {}", s.step + 1, flow.steps.len(), flow.steps[s.step].caption)
                })}
            </p>
            <ol class="diagram-steps">
                {move || state.with(|s| s.current_flow().steps.iter().enumerate().map(|(i, st)| {
                    let current = i == s.step;
                    view! { <li aria-current=current.then_some("step")>{st.caption}</li> }
                }).collect_view())}
            </ol>
            {move || state.with(|s| s.selected_node).and_then(node).map(|n| view! {
                <section class="diagram-panel" aria-label=format!("About {}", n.label)>
                    <h3>{n.label}</h3>
                    <p>{n.does}</p>
                    <p><strong>"Runs: "</strong>{n.runs_on}</p>
                    <p><strong>"Talks to: "</strong>{n.talks_to.iter().filter_map(|t| node(t)).map(|t| t.label).collect::<Vec<_>>().join(", ")}</p>
                    <p><a href=n.source rel="noopener noreferrer">"Source"</a></p>
                </section>
            })}
            {move || state.with(|s| s.current_adversary()).map(|a| view! {
                <section class="diagram-panel adversary" aria-label=format!("What the {} can do", a.label)>
                    <h3>{a.label}</h3>
                    <p><strong>"Controls: "</strong>{
                        if a.controls.is_empty() { "no dstack component".to_string() } else {
                            a.controls.iter().filter_map(|c| node(c)).map(|c| c.label).collect::<Vec<_>>().join(", ")
                        }
                    }</p>
                    <h4>"Can still"</h4>
                    <ClaimList claims=a.can_still/>
                    <h4>"Cannot"</h4>
                    <ClaimList claims=a.cannot/>
                </section>
            })}
        </div>
    }
}

#[component]
fn ClaimList(claims: &'static [Claim]) -> impl IntoView {
    view! {
        <ul>
            {claims.iter().map(|c| view! {
                <li>{c.text} " " <a href=c.source rel="noopener noreferrer">"(source)"</a></li>
            }).collect_view()}
        </ul>
    }
}
