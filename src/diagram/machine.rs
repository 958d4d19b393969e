//! The diagram's state as a pure step machine: which flow, which step, playing or not,
//! reduced motion, the adversary view and the selected node, plus its URL form
//! (`?flow=kms&step=3&adversary=host`, steps counted from 1 as visitors read them).

use super::model::{node, Adversary, Flow, Step, Zone, ADVERSARIES, FLOWS};

/// Everything the view needs to draw the diagram. The default is the first flow at its
/// first step, paused, off screen, with no adversary and no node selected.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    /// Index into [`FLOWS`].
    pub flow: usize,
    /// Index into the flow's steps (0-based).
    pub step: usize,
    /// Whether the visitor (or autoplay) wants the flow to play; it only moves while
    /// [`State::running`].
    pub playing: bool,
    /// The diagram intersects the viewport (IntersectionObserver).
    pub on_screen: bool,
    /// The tab is in the background (`document.hidden`).
    pub tab_hidden: bool,
    /// `prefers-reduced-motion: reduce`: no movement, only highlighting.
    pub reduced_motion: bool,
    /// Index into [`ADVERSARIES`].
    pub adversary: Option<usize>,
    pub selected_node: Option<&'static str>,
    /// Loops completed while playing (the home page stops after one).
    pub loops: u32,
}

impl State {
    pub fn current_flow(&self) -> &'static Flow {
        &FLOWS[self.flow.min(FLOWS.len() - 1)]
    }

    pub fn current_adversary(&self) -> Option<&'static Adversary> {
        self.adversary.and_then(|i| ADVERSARIES.get(i))
    }

    pub fn current_step(&self) -> &'static Step {
        let steps = self.current_flow().steps;
        &steps[self.step.min(steps.len() - 1)]
    }

    /// The class list of a node's box: `active` when the current step's message starts or
    /// ends there; with an adversary chosen, `controlled` when it controls the node, or
    /// `protected` for a part inside a confidential VM that it does not control.
    pub fn node_class(&self, id: &str) -> String {
        let step = self.current_step();
        let mut class = String::from("node");
        if step.from == id || step.to == id {
            class.push_str(" active");
        }
        if let Some(adversary) = self.current_adversary() {
            if adversary.controls.contains(&id) {
                class.push_str(" controlled");
            } else if node(id).is_some_and(|n| n.zone == Zone::Cvm) {
                class.push_str(" protected");
            }
        }
        class
    }

    fn last_step(&self) -> usize {
        self.current_flow().steps.len().saturating_sub(1)
    }

    /// The next step; after the last it wraps to the first and counts a loop.
    pub fn next(&mut self) {
        if self.step >= self.last_step() {
            self.step = 0;
            self.loops += 1;
        } else {
            self.step += 1;
        }
    }

    /// The previous step; stays on the first (no wrap backwards, so "back" never jumps to
    /// the end of a flow).
    pub fn prev(&mut self) {
        self.step = self.step.saturating_sub(1);
    }

    /// Whether steps advance on their own now: wanted, on screen and in a visible tab.
    pub fn running(&self) -> bool {
        self.playing && self.on_screen && !self.tab_hidden
    }

    /// Autoplay's start: play, unless the visitor prefers reduced motion or arrived on a
    /// particular step through a link (then they came to read that step).
    pub fn autoplay(&mut self, deep_linked_step: bool) {
        self.playing = !self.reduced_motion && !deep_linked_step;
    }

    /// The visitor's "next": stepping by hand pauses autoplay.
    pub fn forward(&mut self) {
        self.playing = false;
        self.next();
    }

    /// The visitor's "previous", which pauses autoplay too.
    pub fn back(&mut self) {
        self.playing = false;
        self.prev();
    }

    /// Back to the first step, loops reset.
    pub fn restart(&mut self) {
        self.step = 0;
        self.loops = 0;
    }

    /// Shows another flow from its first step; an unknown index is ignored.
    pub fn select_flow(&mut self, flow: usize) {
        if flow < FLOWS.len() && flow != self.flow {
            self.flow = flow;
            self.restart();
        }
    }

    /// One autoplay tick. Returns `false` (and stops playing) when `stop_after_loops` loops
    /// are done, as on the home page; a machine that is not running does not move.
    pub fn tick(&mut self, stop_after_loops: Option<u32>) -> bool {
        if !self.running() {
            return false;
        }
        self.next();
        if stop_after_loops.is_some_and(|max| self.loops >= max) {
            self.playing = false;
        }
        self.playing
    }

    /// Reads `flow`, `step` (1-based) and `adversary` query values. Anything unknown or out
    /// of range falls back to the default (first flow, first step, no adversary).
    pub fn from_query(flow: Option<&str>, step: Option<&str>, adversary: Option<&str>) -> Self {
        let known = flow.map(|id| FLOWS.iter().position(|f| f.id == id.trim()));
        // A step only means something in its own flow: an unknown flow drops it too.
        let (flow, step) = match known {
            Some(None) => (0, None),
            Some(Some(flow)) => (flow, step),
            None => (0, step),
        };
        let steps = FLOWS[flow].steps.len();
        let step = step
            .and_then(|s| s.trim().parse::<usize>().ok())
            .filter(|s| (1..=steps).contains(s))
            .map_or(0, |s| s - 1);
        let adversary = adversary.and_then(|id| ADVERSARIES.iter().position(|a| a.id == id.trim()));
        State {
            flow,
            step,
            adversary,
            ..State::default()
        }
    }

    /// The query string for this state, omitting defaults (`""` for the default state).
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if self.flow != 0 || self.step != 0 {
            parts.push(format!("flow={}", self.current_flow().id));
        }
        if self.step != 0 {
            parts.push(format!("step={}", self.step + 1));
        }
        if let Some(adv) = self.current_adversary() {
            parts.push(format!("adversary={}", adv.id));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(flow: &str, step: usize) -> State {
        State::from_query(Some(flow), Some(&step.to_string()), None)
    }

    #[test]
    fn next_wraps_and_counts_loops_prev_clamps() {
        let mut s = at("request", 1);
        let steps = s.current_flow().steps.len();
        for expected in 1..steps {
            s.next();
            assert_eq!(s.step, expected);
        }
        s.next();
        assert_eq!((s.step, s.loops), (0, 1), "wraps after the last step");
        s.prev();
        assert_eq!(s.step, 0, "prev clamps at the first step");
        s.next();
        s.prev();
        assert_eq!(s.step, 0);
    }

    #[test]
    fn changing_flow_resets_the_step_and_ignores_unknown_flows() {
        let mut s = at("kms", 3);
        s.loops = 2;
        s.select_flow(3);
        assert_eq!((s.flow, s.step, s.loops), (3, 0, 0));
        s.step = 2;
        s.select_flow(3);
        assert_eq!(s.step, 2, "selecting the current flow keeps the step");
        s.select_flow(99);
        assert_eq!(s.flow, 3);
    }

    #[test]
    fn autoplay_stops_after_one_loop_when_asked() {
        let mut s = State {
            playing: true,
            on_screen: true,
            ..State::default()
        };
        let steps = s.current_flow().steps.len();
        let mut ticks = 0;
        while s.tick(Some(1)) {
            ticks += 1;
            assert!(ticks < 100);
        }
        assert_eq!(ticks + 1, steps, "one full loop, then stop");
        assert!(!s.playing);
        assert_eq!(s.step, 0);
        let mut paused = State::default();
        assert!(!paused.tick(None), "a paused machine does not move");
        assert_eq!(paused.step, 0);
    }

    #[test]
    fn only_a_wanted_visible_on_screen_flow_runs() {
        let mut s = State {
            playing: true,
            ..State::default()
        };
        assert!(!s.running(), "off screen");
        assert!(!s.tick(None));
        assert_eq!(s.step, 0, "off screen it does not move");
        s.on_screen = true;
        s.tab_hidden = true;
        assert!(!s.running(), "background tab");
        s.tab_hidden = false;
        assert!(s.running());
        assert!(s.tick(None));
        assert_eq!(s.step, 1);
        s.forward();
        assert_eq!((s.step, s.playing), (2, false), "stepping by hand pauses");
        s.playing = true;
        s.back();
        assert_eq!((s.step, s.playing), (1, false));
    }

    #[test]
    fn autoplay_respects_reduced_motion_and_deep_links() {
        let mut s = State::default();
        s.autoplay(false);
        assert!(s.playing);
        s.autoplay(true);
        assert!(!s.playing, "a linked step stays put");
        s.reduced_motion = true;
        s.autoplay(false);
        assert!(!s.playing, "reduced motion never autoplays");
    }

    #[test]
    fn node_classes_follow_the_step_and_the_adversary() {
        let mut s = State::from_query(Some("kms"), Some("2"), Some("host"));
        let step = s.current_step();
        assert_eq!((step.from, step.to), ("guest-agent", "kms"));
        assert_eq!(s.node_class("guest-agent"), "node active protected");
        assert_eq!(s.node_class("gateway"), "node protected", "inside a CVM");
        assert_eq!(s.node_class("visitor"), "node", "outside: neither");
        let host = s.current_adversary().unwrap();
        let controlled = host.controls[0];
        assert!(s.node_class(controlled).ends_with(" controlled"));
        s.adversary = None;
        assert!(!s.node_class(controlled).contains("controlled"));
        assert_eq!(s.node_class("gateway"), "node", "no adversary, no shading");
    }

    #[test]
    fn every_adversary_has_a_link_and_shades_what_it_controls() {
        use crate::diagram::model::NODES;
        assert!(!ADVERSARIES.is_empty());
        for (i, adv) in ADVERSARIES.iter().enumerate() {
            let s = State::from_query(None, None, Some(adv.id));
            assert_eq!(s.adversary, Some(i), "{}", adv.id);
            assert_eq!(s.to_query(), format!("?adversary={}", adv.id));
            for n in NODES {
                let class = s.node_class(n.id);
                let expected = if adv.controls.contains(&n.id) {
                    "controlled"
                } else if n.zone == Zone::Cvm {
                    "protected"
                } else {
                    ""
                };
                assert_eq!(
                    class.ends_with(" controlled") || class.ends_with(" protected"),
                    !expected.is_empty(),
                    "{} on {}: {class}",
                    adv.id,
                    n.id
                );
                if !expected.is_empty() {
                    assert!(class.ends_with(expected), "{} on {}: {class}", adv.id, n.id);
                }
            }
        }
        // A malicious container reaches the whole app CVM; a co-tenant reaches none of it.
        let container = State::from_query(None, None, Some("container"));
        assert!(container.node_class("guest-agent").ends_with("controlled"));
        assert!(container.node_class("kms").ends_with("protected"));
        let neighbour = State::from_query(None, None, Some("neighbour"));
        assert!(neighbour.node_class("app").ends_with("protected"));
        let gateway = State::from_query(None, None, Some("gateway"));
        assert!(gateway.node_class("gateway").ends_with("protected"));
    }

    /// Reads a query string as the view does (`?flow=kms&step=3`, `&`-separated `key=value`
    /// pairs) into the state, so the tests below go through the text a URL carries.
    fn parse(query: &str) -> State {
        let mut values = std::collections::HashMap::new();
        for pair in query
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty())
        {
            let (key, value) = pair.split_once('=').expect("key=value");
            assert!(
                values.insert(key, value).is_none(),
                "{key} twice in {query}"
            );
        }
        State::from_query(
            values.get("flow").copied(),
            values.get("step").copied(),
            values.get("adversary").copied(),
        )
    }

    #[test]
    fn url_state_round_trips() {
        let s = parse("?flow=kms&step=3&adversary=host");
        assert_eq!((s.current_flow().id, s.step), ("kms", 2));
        assert_eq!(s.current_adversary().map(|a| a.id), Some("host"));
        assert_eq!(s.to_query(), "?flow=kms&step=3&adversary=host");
        assert_eq!(State::default().to_query(), "");
        assert_eq!(at("verify", 1).to_query(), "?flow=verify");
        // Every flow, step and adversary view (or none): state -> query -> state is the
        // identity, and so is query -> state -> query.
        let adversaries = (0..ADVERSARIES.len()).map(Some).chain([None]);
        for adversary in adversaries {
            for (flow, f) in FLOWS.iter().enumerate() {
                for step in 0..f.steps.len() {
                    let s = State {
                        flow,
                        step,
                        adversary,
                        ..State::default()
                    };
                    let query = s.to_query();
                    let back = parse(&query);
                    assert_eq!(back, s, "{query}");
                    assert_eq!(back.to_query(), query);
                }
            }
        }
    }

    #[test]
    fn invalid_url_values_fall_back_calmly() {
        let cases = [
            (Some("nope"), Some("2"), None),
            (Some("kms"), Some("0"), None),
            (Some("kms"), Some("99"), None),
            (Some("kms"), Some("-1"), None),
            (Some("kms"), Some("two"), None),
            (None, None, Some("martians")),
        ];
        for (flow, step, adversary) in cases {
            let s = State::from_query(flow, step, adversary);
            assert_eq!(s.step, 0, "{flow:?} {step:?}");
            assert!(s.adversary.is_none());
        }
        assert_eq!(State::from_query(Some("nope"), Some("2"), None).flow, 0);
        assert_eq!(
            State::from_query(Some(" kms "), None, None)
                .current_flow()
                .id,
            "kms"
        );
        assert_eq!(
            State::from_query(None, Some("2"), None).step,
            1,
            "a step alone applies to the first flow"
        );
    }
}
