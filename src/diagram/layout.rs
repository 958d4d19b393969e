//! Where things sit in the picture, as plain data and arithmetic (no DOM): one wide layout
//! for desktop screens and one tall layout that stays legible on a 360 px phone, plus the
//! geometry of a message between two boxes. Coordinates are whole numbers: the markup stays
//! short and no float formatting code ships in the wasm.

/// Every node box is this tall, in SVG user units; its width depends on the layout.
pub const NODE_H: i32 = 52;
/// Room left between an edge's end and the box it points at, so the arrowhead shows.
const GAP: f64 = 6.0;

/// A shaded region: what runs elsewhere, inside confidential VMs, or on the TDX host.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Region {
    /// CSS class (`zone`, `zone cvm`, `zone host`, `cvm-box`).
    pub class: &'static str,
    pub label: &'static str,
    pub x: i32,
    pub y: i32,
    pub w: i32,
    pub h: i32,
    /// Where the label's baseline starts.
    pub label_at: (i32, i32),
}

/// One arrangement of the diagram.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Layout {
    pub width: i32,
    /// Width of every node box.
    pub node_w: i32,
    pub height: i32,
    pub regions: &'static [Region],
    /// Top-left corner of each node box, by node id.
    pub nodes: &'static [(&'static str, i32, i32)],
}

const fn region(
    class: &'static str,
    label: &'static str,
    (x, y, w, h): (i32, i32, i32, i32),
    label_at: (i32, i32),
) -> Region {
    Region {
        class,
        label,
        x,
        y,
        w,
        h,
        label_at,
    }
}

/// Three bands side by side in a 760×520 picture.
pub const WIDE: Layout = Layout {
    width: 760,
    node_w: 156,
    height: 520,
    regions: &[
        region("zone", "Elsewhere", (10, 10, 740, 110), (24, 30)),
        region(
            "zone cvm",
            "Confidential VMs (Intel TDX)",
            (10, 140, 740, 230),
            (24, 160),
        ),
        region("cvm-box", "app CVM", (290, 178, 180, 152), (300, 346)),
        region(
            "zone host",
            "TDX host (untrusted)",
            (10, 390, 740, 120),
            (24, 410),
        ),
    ],
    nodes: &[
        ("visitor", 30, 40),
        ("developer", 302, 40),
        ("auth", 574, 40),
        ("gateway", 30, 215),
        ("guest-agent", 302, 190),
        ("app", 302, 265),
        ("kms", 574, 215),
        ("vmm", 170, 420),
        ("tdx", 434, 420),
    ],
};

/// The same bands stacked for narrow screens: 312 units wide, about the width the diagram
/// gets on a 360 px phone, so 13-unit labels show at about 13 px.
pub const NARROW: Layout = Layout {
    width: 312,
    node_w: 150,
    height: 640,
    regions: &[
        region("zone", "Elsewhere", (2, 4, 308, 172), (10, 22)),
        region(
            "zone cvm",
            "Confidential VMs (Intel TDX)",
            (2, 188, 308, 300),
            (10, 206),
        ),
        region("cvm-box", "app CVM", (73, 292, 166, 148), (81, 456)),
        region(
            "zone host",
            "TDX host (untrusted)",
            (2, 500, 308, 136),
            (10, 518),
        ),
    ],
    nodes: &[
        ("visitor", 4, 36),
        ("developer", 158, 36),
        ("auth", 81, 108),
        ("gateway", 4, 220),
        ("kms", 158, 220),
        ("guest-agent", 81, 304),
        ("app", 81, 372),
        ("vmm", 4, 550),
        ("tdx", 158, 550),
    ],
};

impl Layout {
    /// Top-left corner of a node's box (the origin for an unknown id, which the layout
    /// tests rule out).
    pub fn position(&self, id: &str) -> (i32, i32) {
        self.nodes
            .iter()
            .find(|(n, _, _)| *n == id)
            .map_or((0, 0), |&(_, x, y)| (x, y))
    }

    fn centre(&self, id: &str) -> (f64, f64) {
        let (x, y) = self.position(id);
        (f64::from(x + self.node_w / 2), f64::from(y + NODE_H / 2))
    }

    /// Where a message from `from` to `to` starts and ends, rounded to whole units: on the
    /// border of the source box and just short of the target's border (room for the
    /// arrowhead), along the line between their centres. A node's own work (`from == to`)
    /// has no segment.
    pub fn segment(&self, from: &str, to: &str) -> Option<((i32, i32), (i32, i32))> {
        let (x1, y1) = self.centre(from);
        let (x2, y2) = self.centre(to);
        let (dx, dy) = (x2 - x1, y2 - y1);
        let len = dx.hypot(dy);
        if from == to || len == 0.0 {
            return None;
        }
        let (ux, uy) = (dx / len, dy / len);
        // Distance from a box's centre to its border along (ux, uy).
        let half_w = f64::from(self.node_w) / 2.0 / ux.abs();
        let half_h = f64::from(NODE_H) / 2.0 / uy.abs();
        let border = half_w.min(half_h);
        let (a, b) = (border, border + GAP);
        let at = |x: f64, y: f64| (x.round() as i32, y.round() as i32);
        Some((at(x1 + ux * a, y1 + uy * a), at(x2 - ux * b, y2 - uy * b)))
    }

    /// The SVG path of a message: a straight segment between the boxes, or for a node's own
    /// work a small loop above its top border.
    pub fn edge_path(&self, from: &str, to: &str) -> String {
        match self.segment(from, to) {
            Some(((x1, y1), (x2, y2))) => format!("M{x1} {y1} L{x2} {y2}"),
            None => {
                let (x, y) = self.position(from);
                let (left, right, top) = (x + self.node_w / 3, x + self.node_w * 2 / 3, y - 34);
                format!("M{left} {y} C{left} {top} {right} {top} {right} {}", y - 6)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagram::model::{FLOWS, NODES};

    /// Whether a point lies in a node's box grown by `slack` on every side.
    fn inside(layout: &Layout, id: &str, (px, py): (i32, i32), slack: i32) -> bool {
        let (x, y) = layout.position(id);
        px >= x - slack
            && px <= x + layout.node_w + slack
            && py >= y - slack
            && py <= y + NODE_H + slack
    }

    fn overlap(w: i32, a: (i32, i32), b: (i32, i32)) -> bool {
        a.0 < b.0 + w && b.0 < a.0 + w && a.1 < b.1 + NODE_H && b.1 < a.1 + NODE_H
    }

    #[test]
    fn every_node_has_a_place_inside_the_picture_and_no_boxes_overlap() {
        for layout in [WIDE, NARROW] {
            assert_eq!(layout.nodes.len(), NODES.len());
            for node in NODES {
                assert!(
                    layout.nodes.iter().any(|(id, _, _)| *id == node.id),
                    "{} has no place",
                    node.id
                );
                let (x, y) = layout.position(node.id);
                assert!(x >= 0 && x + layout.node_w <= layout.width, "{} x", node.id);
                assert!(y >= 0 && y + NODE_H <= layout.height, "{} y", node.id);
            }
            for (i, a) in layout.nodes.iter().enumerate() {
                for b in &layout.nodes[i + 1..] {
                    assert!(
                        !overlap(layout.node_w, (a.1, a.2), (b.1, b.2)),
                        "{} and {}",
                        a.0,
                        b.0
                    );
                }
            }
            for r in layout.regions {
                assert!(r.x >= 0 && r.x + r.w <= layout.width, "{}", r.label);
                assert!(r.y >= 0 && r.y + r.h <= layout.height, "{}", r.label);
            }
        }
    }

    #[test]
    fn nodes_sit_in_the_region_of_their_zone() {
        use crate::diagram::model::Zone;
        for layout in [WIDE, NARROW] {
            for node in NODES {
                let class = match node.zone {
                    Zone::Outside => "zone",
                    Zone::Cvm => "zone cvm",
                    Zone::Host => "zone host",
                };
                let r = layout.regions.iter().find(|r| r.class == class).unwrap();
                let (x, y) = layout.position(node.id);
                assert!(
                    x >= r.x
                        && x + layout.node_w <= r.x + r.w
                        && y >= r.y
                        && y + NODE_H <= r.y + r.h,
                    "{} is outside {}",
                    node.id,
                    r.label
                );
            }
        }
    }

    #[test]
    fn segments_start_and_end_on_the_box_borders_not_inside() {
        for layout in [WIDE, NARROW] {
            for flow in FLOWS {
                for step in flow.steps.iter().filter(|s| s.from != s.to) {
                    let (start, end) = layout.segment(step.from, step.to).unwrap();
                    // The start lies on the source's border (within rounding), the end
                    // outside the target but within the arrowhead's gap of it.
                    let what = format!("{} -> {}", step.from, step.to);
                    assert!(inside(&layout, step.from, start, 1), "{what}");
                    assert!(!inside(&layout, step.from, start, -2), "{what}");
                    assert!(inside(&layout, step.to, end, GAP as i32 + 1), "{what}");
                    assert!(!inside(&layout, step.to, end, 2), "{what}");
                }
            }
        }
    }

    #[test]
    fn edge_paths_are_short_svg_commands() {
        let straight = WIDE.edge_path("developer", "vmm");
        assert!(
            straight.starts_with('M') && straight.contains(" L"),
            "{straight}"
        );
        let own = WIDE.edge_path("gateway", "gateway");
        assert!(own.contains(" C"), "{own}");
        assert!(!straight.contains('.'), "whole numbers only: {straight}");
        assert!(WIDE.segment("app", "app").is_none());
    }
}
