//! What RTMR3's launch events claim, taken only from their place in the boot sequence
//! (facts file §12.5; dstack `docs/security/security-best-practices.md`): code with
//! enough privilege inside the CVM can extend RTMR3 after boot, so
//! - `app-id`, `compose-hash`, `instance-id` (and the init-script and GPU events) count
//!   only before `boot-mr-done`;
//! - `os-image-hash`, `key-provider`, `storage-fs` only before `system-ready` (dstack's
//!   own boot code emits them after `boot-mr-done`);
//! - a second event with a claim's name, and anything after `system-ready`, is flagged.

use crate::events::Event;

/// Where a claim must sit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Boundary {
    BootMrDone,
    SystemReady,
}

impl Boundary {
    pub fn event(self) -> &'static str {
        match self {
            Boundary::BootMrDone => "boot-mr-done",
            Boundary::SystemReady => "system-ready",
        }
    }
}

/// The launch events that carry a claim, each with its boundary.
pub const CLAIMS: [(&str, Boundary); 6] = [
    ("app-id", Boundary::BootMrDone),
    ("compose-hash", Boundary::BootMrDone),
    ("instance-id", Boundary::BootMrDone),
    ("os-image-hash", Boundary::SystemReady),
    ("key-provider", Boundary::SystemReady),
    ("storage-fs", Boundary::SystemReady),
];

/// Names that may appear more than once before `boot-mr-done` (0–5 init scripts,
/// one attestation per GPU).
const REPEATABLE: [&str; 2] = ["init-script-hash", "gpu-attestation"];

/// One problem with the log's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flag {
    /// `name` appears `count` times; none of its values is taken.
    Duplicate { name: String, count: usize },
    /// `name` (event `index`) comes after `boundary`; its value is not taken.
    Late {
        name: String,
        index: usize,
        boundary: Boundary,
    },
    /// Events after `system-ready`: the app's own, they prove nothing about boot.
    AfterSystemReady { names: Vec<(usize, String)> },
    /// The log has no `boot-mr-done` or no `system-ready`.
    Missing(Boundary),
}

impl Flag {
    /// Serious flags fail the identity check; events after `system-ready` are only
    /// pointed out (apps may extend RTMR3 themselves).
    pub fn is_serious(&self) -> bool {
        !matches!(self, Flag::AfterSystemReady { .. })
    }

    pub fn message(&self) -> String {
        match self {
            Flag::Duplicate { name, count } => format!(
                "The log has {count} \"{name}\" events. A second event with a claim's name can \
                 only come from code that extended RTMR3 itself, so no \"{name}\" value is taken."
            ),
            Flag::Late {
                name,
                index,
                boundary,
            } => format!(
                "Event {index}, \"{name}\", comes after \"{}\", where the boot sequence had already \
                 ended for it; its value is not taken.",
                boundary.event()
            ),
            Flag::AfterSystemReady { names } => {
                let list: Vec<String> = names.iter().map(|(i, n)| format!("{i} \"{n}\"")).collect();
                format!(
                    "{} event(s) follow \"system-ready\" (event {}). They were added after boot by \
                     software in the CVM and prove nothing about how it booted.",
                    names.len(),
                    list.join(", ")
                )
            }
            Flag::Missing(b) => format!(
                "The log has no \"{}\" event, so no claim can be placed in the boot sequence.",
                b.event()
            ),
        }
    }
}

/// The claims, by name, with the log index each came from, and the flags.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Claims {
    pub values: Vec<(&'static str, usize, Vec<u8>)>,
    pub flags: Vec<Flag>,
}

impl Claims {
    /// The payload of claim `name`, if it was taken.
    pub fn get(&self, name: &str) -> Option<&[u8]> {
        self.values
            .iter()
            .find(|(n, _, _)| *n == name)
            .map(|(_, _, v)| v.as_slice())
    }
}

/// Reads the claims from a log whose RTMR3 replay matched the quote. `index` in the
/// results is the event's position in the whole log.
pub fn read(events: &[Event]) -> Claims {
    let rt3: Vec<(usize, &Event)> = events
        .iter()
        .enumerate()
        .filter(|(_, e)| e.imr == 3)
        .collect();
    let first = |name: &str| rt3.iter().find(|(_, e)| e.name == name).map(|(i, _)| *i);
    let boot_done = first("boot-mr-done");
    let ready = first("system-ready");
    let mut claims = Claims::default();
    for (b, at) in [
        (Boundary::BootMrDone, boot_done),
        (Boundary::SystemReady, ready),
    ] {
        if at.is_none() {
            claims.flags.push(Flag::Missing(b));
        }
    }
    // Every name with a fixed place, counted: claims, markers and the other boot events.
    let mut counted: Vec<&str> = CLAIMS.iter().map(|(n, _)| *n).collect();
    counted.extend([
        "system-preparing",
        "boot-mr-done",
        "system-ready",
        "gpu-policy-hash",
    ]);
    for name in counted {
        let count = rt3.iter().filter(|(_, e)| e.name == name).count();
        if count > 1 {
            claims.flags.push(Flag::Duplicate {
                name: name.into(),
                count,
            });
        }
    }
    let duplicated = |name: &str| {
        claims
            .flags
            .iter()
            .any(|f| matches!(f, Flag::Duplicate { name: n, .. } if n == name))
    };
    let mut late = Vec::new();
    let mut values = Vec::new();
    for &(name, boundary) in &CLAIMS {
        let Some(&(index, event)) = rt3.iter().find(|(_, e)| e.name == name) else {
            continue;
        };
        let limit = match boundary {
            Boundary::BootMrDone => boot_done,
            Boundary::SystemReady => ready,
        };
        if limit.is_none_or(|l| index > l) {
            late.push(Flag::Late {
                name: name.into(),
                index,
                boundary,
            });
        } else if !duplicated(name) {
            values.push((name, index, event.payload.clone()));
        }
    }
    for (index, e) in &rt3 {
        let bounded = REPEATABLE.contains(&e.name.as_str()) || e.name == "gpu-policy-hash";
        if bounded && boot_done.is_none_or(|l| *index > l) {
            late.push(Flag::Late {
                name: e.name.clone(),
                index: *index,
                boundary: Boundary::BootMrDone,
            });
        }
    }
    claims.flags.extend(late);
    if let Some(r) = ready {
        let after: Vec<(usize, String)> = rt3
            .iter()
            .filter(|(i, _)| *i > r)
            .map(|(i, e)| (*i, e.name.clone()))
            .collect();
        if !after.is_empty() {
            claims.flags.push(Flag::AfterSystemReady { names: after });
        }
    }
    claims.values = values;
    claims
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::{self, RUNTIME_EVENT_TYPE};
    use crate::samples;

    fn sample() -> Vec<Event> {
        events::parse(samples::DSTACK_GETQUOTE).unwrap()
    }

    fn runtime(name: &str, payload: &[u8]) -> Event {
        Event {
            imr: 3,
            event_type: RUNTIME_EVENT_TYPE,
            digest: vec![],
            name: name.into(),
            payload: payload.to_vec(),
        }
    }

    #[test]
    fn the_dstack_sample_gives_every_claim_and_no_flag() {
        let c = read(&sample());
        assert_eq!(c.flags, vec![]);
        let names: Vec<&str> = c.values.iter().map(|(n, _, _)| *n).collect();
        assert_eq!(
            names,
            [
                "app-id",
                "compose-hash",
                "instance-id",
                "os-image-hash",
                "key-provider",
                "storage-fs"
            ]
        );
        assert_eq!(c.get("storage-fs"), Some(&b"zfs"[..]));
        assert_eq!(c.get("compose-hash").unwrap().len(), 32);
    }

    #[test]
    fn an_event_after_system_ready_is_flagged_and_not_taken() {
        let mut log = sample();
        log.push(runtime("compose-hash", &[0xee; 32]));
        log.push(runtime("my-app-event", b"x"));
        let c = read(&log);
        assert!(c.flags.contains(&Flag::Duplicate {
            name: "compose-hash".into(),
            count: 2
        }));
        assert!(c.get("compose-hash").is_none(), "neither value is taken");
        assert!(c
            .flags
            .iter()
            .any(|f| matches!(f, Flag::AfterSystemReady { names } if names.len() == 2)));
        assert!(c.flags.iter().any(Flag::is_serious));
        // The app's own event alone is pointed out but not serious.
        let mut log = sample();
        log.push(runtime("my-app-event", b"x"));
        let c = read(&log);
        assert_eq!(c.flags.len(), 1);
        assert!(!c.flags[0].is_serious());
        assert!(c.flags[0].message().contains("29 \"my-app-event\""));
        assert!(c.get("compose-hash").is_some());
    }

    #[test]
    fn a_claim_moved_past_its_boundary_is_not_taken() {
        // compose-hash after boot-mr-done (but before system-ready): too late for it.
        let mut log = sample();
        let at = log.iter().position(|e| e.name == "compose-hash").unwrap();
        let compose = log.remove(at);
        let done = log.iter().position(|e| e.name == "boot-mr-done").unwrap();
        log.insert(done + 1, compose);
        let c = read(&log);
        assert!(c.get("compose-hash").is_none());
        assert!(
            matches!(&c.flags[..], [Flag::Late { name, boundary: Boundary::BootMrDone, .. }] if name == "compose-hash")
        );
        assert!(c.flags[0].message().contains("after \"boot-mr-done\""));
        // key-provider after boot-mr-done is its normal place.
        assert!(c.get("key-provider").is_some());
    }

    #[test]
    fn a_log_without_markers_gives_no_claims() {
        let log: Vec<Event> = sample()
            .into_iter()
            .filter(|e| e.name != "boot-mr-done" && e.name != "system-ready")
            .collect();
        let c = read(&log);
        assert!(c.values.is_empty());
        assert!(c.flags.contains(&Flag::Missing(Boundary::BootMrDone)));
        assert!(c.flags.contains(&Flag::Missing(Boundary::SystemReady)));
    }

    #[test]
    fn init_scripts_may_repeat_before_boot_mr_done() {
        let mut log = sample();
        let done = log.iter().position(|e| e.name == "boot-mr-done").unwrap();
        log.insert(done, runtime("init-script-hash", &[1; 32]));
        log.insert(done, runtime("init-script-hash", &[2; 32]));
        assert_eq!(read(&log).flags, vec![]);
    }
}
