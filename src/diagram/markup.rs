//! The diagram's markup as plain strings, built from the model, a layout and the state.
//!
//! Why strings: as a `view!` tree the diagram cost 20 KB of brotli'd wasm in generic render
//! code, past the site's wasm budget; the same markup built here costs a fraction of that
//! and is testable on the host. The frame ([`skeleton`]) is rendered by the words build
//! only: the shipped build takes over the prerendered diagram ([`Drawn`] says what it
//! shows) and sets just the parts that change (`view.rs`).

use std::fmt::Write;

use super::layout::{Layout, NODE_H};
use super::machine::State;
use super::model::{node, Adversary, Claim, Flow, Node, Step, ADVERSARIES, FLOWS, NODES};
use crate::html::escape;
use crate::site::href;

/// The step controls: their `data-action` value and their text, which is also their
/// accessible name (the play button's text switches to "Pause" while playing).
pub const ACTIONS: [(&str, &str); 4] = [
    ("prev", "Previous"),
    ("play", "Play"),
    ("next", "Next"),
    ("restart", "Restart"),
];

/// The diagram's frame: controls, the SVG with its title, description and empty layers,
/// the caption (a polite live region), the step list, and slots for the two panels. The
/// compact copy (home page) has no adversary picker and links to the full one instead.
pub fn skeleton(compact: bool) -> String {
    let mut out = String::from(r#"<div class="diagram-controls"><label>Flow <select name="flow">"#);
    for (i, f) in FLOWS.iter().enumerate() {
        let _ = write!(out, r#"<option value="{i}">{}</option>"#, escape(f.title));
    }
    out.push_str(r#"</select></label><span class="diagram-buttons">"#);
    for (action, text) in ACTIONS {
        let _ = write!(
            out,
            r#"<button type="button" data-action="{action}">{text}</button>"#
        );
    }
    out.push_str("</span>");
    if !compact {
        out.push_str(r#"<label>Adversary <select name="adversary"><option value="">None</option>"#);
        for (i, a) in ADVERSARIES.iter().enumerate() {
            let _ = write!(out, r#"<option value="{i}">{}</option>"#, escape(a.label));
        }
        out.push_str("</select></label>");
    }
    out.push_str(concat!(
        r#"</div><svg class="diagram-svg" viewBox="0 0 760 520" role="group" aria-labelledby="diagram-title diagram-desc">"#,
        r#"<title id="diagram-title">dstack architecture</title>"#,
        r#"<desc id="diagram-desc">Outside: visitor, developer and the auth backend. In confidential VMs: the gateway, the KMS, and the app's CVM with the guest agent and your containers. On the TDX host: dstack-vmm and Intel TDX.</desc>"#,
        r#"<defs><marker id="arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" class="arrow-head"/></marker></defs>"#,
        r#"<g class="scene"></g><g class="messages"></g></svg>"#,
        r#"<p class="diagram-caption" aria-live="polite"></p>"#,
    ));
    if compact {
        let _ = write!(
            out,
            r#"<ol class="diagram-steps visually-hidden"></ol><div class="node-slot"></div><p class="diagram-more"><a href="{}">Explore every flow and the adversary view</a></p>"#,
            href("/architecture#diagram")
        );
    } else {
        out.push_str(r#"<ol class="diagram-steps"></ol><div class="node-slot"></div><div class="adversary-slot"></div>"#);
    }
    out
}

/// What a draw put on screen, so the next one rewrites only what changed (fresh message
/// elements restart its animation; untouched panels keep the visitor's focus). It is also
/// written into the markup ([`Drawn::attr`]), so the shipped app can take over the
/// prerendered diagram and redraw only what differs from it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Drawn {
    pub narrow: bool,
    pub flow: usize,
    pub step: usize,
    pub node: Option<&'static str>,
    pub adversary: Option<usize>,
}

impl Drawn {
    /// The attribute on the diagram's root that records what is drawn in it.
    pub const ATTR: &'static str = "data-drawn";

    pub fn of(s: &State, narrow: bool) -> Drawn {
        Drawn {
            narrow,
            flow: s.flow,
            step: s.step,
            node: s.selected_node,
            adversary: s.adversary,
        }
    }

    /// The value of [`Drawn::ATTR`]: `wide|narrow flow step node|- adversary|-`.
    pub fn attr(&self) -> String {
        format!(
            "{} {} {} {} {}",
            if self.narrow { "narrow" } else { "wide" },
            self.flow,
            self.step,
            self.node.unwrap_or("-"),
            self.adversary.map_or("-".to_string(), |a| a.to_string())
        )
    }

    /// Reads [`Drawn::attr`] back; `None` for anything else, or for a flow, step, node or
    /// adversary the model does not have (the markup then gets drawn in full).
    pub fn parse(value: &str) -> Option<Drawn> {
        let mut parts = value.split(' ');
        let narrow = match parts.next()? {
            "narrow" => true,
            "wide" => false,
            _ => return None,
        };
        let flow: usize = parts.next()?.parse().ok()?;
        let step: usize = parts.next()?.parse().ok()?;
        let node = match parts.next()? {
            "-" => None,
            id => Some(node(id)?.id),
        };
        let adversary = match parts.next()? {
            "-" => None,
            a => Some(a.parse().ok().filter(|a| *a < ADVERSARIES.len())?),
        };
        let known = FLOWS.get(flow).is_some_and(|f| step < f.steps.len());
        (known && parts.next().is_none()).then_some(Drawn {
            narrow,
            flow,
            step,
            node,
            adversary,
        })
    }
}

/// The caption announced for the current step.
pub fn caption(state: &State) -> String {
    format!(
        "Step {} of {}: {}",
        state.step + 1,
        state.current_flow().steps.len(),
        state.current_step().caption
    )
}

/// Node ids as their labels, comma-separated.
fn labels(ids: &[&str]) -> String {
    let names: Vec<&str> = ids
        .iter()
        .filter_map(|id| node(id))
        .map(|n| n.label)
        .collect();
    escape(&names.join(", "))
}

/// The panel of a selected node: what it does, where it runs, what it talks to, its source.
pub fn node_panel(n: &Node) -> String {
    let label = escape(n.label);
    format!(
        r#"<section class="diagram-panel" aria-label="About {label}"><h3>{label}</h3><p>{}</p><p><strong>Runs: </strong>{}</p><p><strong>Talks to: </strong>{}</p><p><a href="{}" rel="noopener noreferrer">Source of {label}</a></p></section>"#,
        escape(n.does),
        escape(n.runs_on),
        labels(n.talks_to),
        n.source
    )
}

/// The panel of an adversary: what it controls, can still do and cannot do, each claim
/// with its source.
pub fn adversary_panel(a: &Adversary) -> String {
    let label = escape(a.label);
    let controls = if a.controls.is_empty() {
        "none of the parts drawn here".to_string()
    } else {
        labels(a.controls)
    };
    let sees = escape(a.sees);
    let mut out = format!(
        r#"<section class="diagram-panel adversary" aria-label="What the {label} can do"><h3>{label}</h3><p><strong>Sees: </strong>{sees}</p><p><strong>Controls: </strong>{controls}</p><p class="legend"><span class="key controlled"></span>Controlled by this adversary (dashed red) <span class="key protected"></span>Inside a confidential VM, out of its reach (green)</p>"#
    );
    claims(&mut out, "Can still", a.can_still);
    claims(&mut out, "Cannot", a.cannot);
    out.push_str("</section>");
    out
}

fn claims(out: &mut String, heading: &str, claims: &[Claim]) {
    let _ = write!(out, "<h4>{heading}</h4><ul>");
    for c in claims {
        let _ = write!(
            out,
            r#"<li>{} <a href="{}" rel="noopener noreferrer">(source)</a></li>"#,
            escape(c.text),
            c.source
        );
    }
    out.push_str("</ul>");
}

/// The unchanging part of the picture for a layout: the regions with their labels, then one
/// focusable box per node (`data-node` carries its id for the view's event handlers).
pub fn scene(layout: &Layout) -> String {
    let mut out = String::new();
    for r in layout.regions {
        let _ = write!(
            out,
            r#"<rect class="{}" x="{}" y="{}" width="{}" height="{}" rx="12"/><text class="zone-label" x="{}" y="{}">{}</text>"#,
            r.class,
            r.x,
            r.y,
            r.w,
            r.h,
            r.label_at.0,
            r.label_at.1,
            escape(r.label)
        );
    }
    for n in NODES {
        let (x, y) = layout.position(n.id);
        let label = escape(n.label);
        let _ = write!(
            out,
            r#"<g class="node" data-node="{}" role="button" tabindex="0" aria-pressed="false" aria-label="{label}"><rect x="{x}" y="{y}" width="{w}" height="{NODE_H}" rx="8"/><text x="{}" y="{}" text-anchor="middle">{label}</text></g>"#,
            n.id,
            x + layout.node_w / 2,
            y + NODE_H / 2 + 5,
            w = layout.node_w,
        );
    }
    out
}

/// The moving part for one step: the highlighted edge with its arrowhead and the message
/// that travels along it (both get fresh elements per step, so the animation restarts).
pub fn message(layout: &Layout, step: &Step) -> String {
    let d = layout.edge_path(step.from, step.to);
    format!(
        r#"<path class="edge" d="{d}" marker-end="url(#arrow)"/><path class="message" d="{d}" pathLength="100"/>"#
    )
}

/// The flow as list items, the current one marked for assistive technology and styling.
pub fn step_items(flow: &Flow, current: usize) -> String {
    let mut out = String::new();
    for (i, step) in flow.steps.iter().enumerate() {
        let mark = if i == current {
            r#" aria-current="step""#
        } else {
            ""
        };
        let _ = write!(out, "<li{mark}>{}</li>", escape(step.caption));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagram::layout::{NARROW, WIDE};
    use crate::diagram::model::FLOWS;

    #[test]
    fn the_skeleton_offers_every_flow_and_control_and_the_adversaries_unless_compact() {
        let full = skeleton(false);
        for f in FLOWS {
            assert!(
                full.contains(&format!(">{}</option>", escape(f.title))),
                "{}",
                f.id
            );
        }
        for (action, text) in ACTIONS {
            assert!(full.contains(&format!(r#"data-action="{action}">{text}</button>"#)));
        }
        for a in ADVERSARIES {
            assert!(full.contains(&format!(">{}</option>", a.label)));
        }
        assert_eq!(full.matches(r#"aria-live="polite""#).count(), 1);
        assert!(full.contains("<title id=\"diagram-title\">"));
        let compact = skeleton(true);
        assert!(!compact.contains(r#"name="adversary""#));
        let more = format!(r#"href="{}""#, href("/architecture#diagram"));
        assert!(compact.contains(&more));
        assert!(!full.contains(&more));
    }

    #[test]
    fn what_is_drawn_reads_back_from_its_attribute() {
        let mut s = State::from_query(Some("kms"), Some("3"), Some("host"));
        s.selected_node = Some("gateway");
        for narrow in [false, true] {
            let drawn = Drawn::of(&s, narrow);
            assert_eq!(Drawn::parse(&drawn.attr()), Some(drawn));
        }
        let first = Drawn::of(&State::from_query(None, None, None), false);
        assert_eq!(first.attr(), "wide 0 0 - -");
        assert_eq!(Drawn::parse("wide 0 0 - -"), Some(first));
    }

    #[test]
    fn a_drawn_attribute_that_does_not_fit_the_model_is_refused() {
        let last_flow = FLOWS.len() - 1;
        let too_far = FLOWS[last_flow].steps.len();
        for value in [
            String::new(),
            "wide".into(),
            "tall 0 0 - -".into(),
            "wide 0 0 - - extra".into(),
            "wide x 0 - -".into(),
            format!("wide {} 0 - -", FLOWS.len()),
            format!("wide {last_flow} {too_far} - -"),
            "wide 0 0 nobody -".into(),
            format!("wide 0 0 - {}", ADVERSARIES.len()),
            "wide 0 0 -  -".into(),
        ] {
            assert_eq!(Drawn::parse(&value), None, "{value:?}");
        }
    }

    #[test]
    fn panels_say_what_a_node_does_and_what_an_adversary_can_and_cannot_do() {
        let kms = node("kms").unwrap();
        let panel = node_panel(kms);
        assert!(panel.contains(&escape(kms.does)));
        assert!(panel.contains(kms.source));
        assert!(
            panel.contains("dstack-guest-agent"),
            "talks-to names the nodes"
        );
        for a in ADVERSARIES {
            let panel = adversary_panel(a);
            assert_eq!(
                panel.matches("<li>").count(),
                a.can_still.len() + a.cannot.len(),
                "{}",
                a.id
            );
            assert!(panel.contains("<h4>Can still</h4>") && panel.contains("<h4>Cannot</h4>"));
            assert!(panel.contains(&format!("<strong>Sees: </strong>{}", escape(a.sees))));
        }
        let network = ADVERSARIES.iter().find(|a| a.id == "network").unwrap();
        assert!(adversary_panel(network).contains("none of the parts drawn here"));
    }

    /// Each adversary view renders its own panel: its label, what it sees and every
    /// claim with its source, and the controlled parts named by their labels.
    #[test]
    fn every_adversary_view_renders_its_claims_and_controlled_parts() {
        assert!(!ADVERSARIES.is_empty());
        for a in ADVERSARIES {
            let panel = adversary_panel(a);
            assert!(
                panel.contains(&format!("<h3>{}</h3>", escape(a.label))),
                "{}",
                a.id
            );
            for c in a.can_still.iter().chain(a.cannot) {
                assert!(panel.contains(&escape(c.text)), "{}: {}", a.id, c.text);
                assert!(
                    panel.contains(&format!(r#"href="{}""#, c.source)),
                    "{}",
                    a.id
                );
            }
            for id in a.controls {
                assert!(
                    panel.contains(&escape(node(id).unwrap().label)),
                    "{}: {id}",
                    a.id
                );
            }
        }
        let container = ADVERSARIES.iter().find(|a| a.id == "container").unwrap();
        assert!(adversary_panel(container).contains("Your containers, dstack-guest-agent"));
    }

    #[test]
    fn the_caption_counts_steps_from_one() {
        let s = State::from_query(Some("verify"), Some("2"), None);
        let verify = s.current_flow();
        assert_eq!(
            caption(&s),
            format!(
                "Step 2 of {}: {}",
                verify.steps.len(),
                verify.steps[1].caption
            )
        );
    }

    #[test]
    fn escaping_covers_markup_characters() {
        assert_eq!(
            escape(r#"<app-id> & "port""#),
            "&lt;app-id&gt; &amp; &quot;port&quot;"
        );
        assert_eq!(escape("plain"), "plain");
    }

    #[test]
    fn the_scene_has_every_node_as_a_labelled_focusable_button() {
        for layout in [WIDE, NARROW] {
            let svg = scene(&layout);
            for n in NODES {
                let tag = format!(
                    r#"data-node="{}" role="button" tabindex="0" aria-pressed="false" aria-label="{}""#,
                    n.id,
                    escape(n.label)
                );
                assert_eq!(svg.matches(&tag).count(), 1, "{}", n.id);
            }
            for r in layout.regions {
                assert!(svg.contains(&format!(">{}</text>", r.label)), "{}", r.label);
            }
            assert!(!svg.contains('.'), "whole-number coordinates only");
        }
    }

    #[test]
    fn a_message_draws_the_edge_between_its_nodes() {
        let step = &FLOWS[0].steps[2];
        let m = message(&WIDE, step);
        let d = WIDE.edge_path(step.from, step.to);
        assert_eq!(m.matches(&format!(r#"d="{d}""#)).count(), 2);
        assert!(m.contains(r#"marker-end="url(#arrow)""#));
        assert!(m.contains(r#"pathLength="100""#));
    }

    #[test]
    fn step_items_mark_only_the_current_step_and_escape_captions() {
        let flow = FLOWS.iter().find(|f| f.id == "request").unwrap();
        let items = step_items(flow, 1);
        assert_eq!(items.matches("<li").count(), flow.steps.len());
        assert_eq!(items.matches("aria-current").count(), 1);
        let second = items.split("</li>").nth(1).unwrap();
        assert!(second.starts_with(r#"<li aria-current="step">"#));
        assert!(items.contains("&lt;app-id&gt;"), "captions are escaped");
        assert!(!items.contains("<app-id>"));
    }
}
