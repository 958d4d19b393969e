//! The report as a list of named checks in four sections, each with a state and a
//! plain-text sentence, and the overall verdict. The HTML view and the downloaded JSON
//! both read this list, so they never disagree.

use crate::app::Match;
use crate::claims::Flag;
use crate::html::utc;
use crate::identity::{self, AppIdOrigin, ConfigId};
use crate::input::hex_encode as hex;
use crate::os_image::OsImageError;
use crate::policy::{tcb_level, Level, INTEL_ROOT};
use crate::quote::FieldKey;
use crate::report::{Report, Target};
use crate::verdict::Verdict;

/// The page's sections, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Hardware,
    OsImage,
    App,
    Identity,
}

impl Section {
    pub const ALL: [Section; 4] = [
        Section::Hardware,
        Section::OsImage,
        Section::App,
        Section::Identity,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Section::Hardware => "Hardware",
            Section::OsImage => "OS image",
            Section::App => "App",
            Section::Identity => "Identity",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Section::Hardware => "hardware",
            Section::OsImage => "os_image",
            Section::App => "app",
            Section::Identity => "identity",
        }
    }
}

/// One check's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    pub section: Section,
    pub name: &'static str,
    pub level: Level,
    /// Plain text (the view escapes it).
    pub text: String,
}

/// All checks, in section order.
pub fn checks(r: &Report) -> Vec<Check> {
    let mut out = Vec::new();
    let mut add = |section, name, level, text: String| {
        out.push(Check {
            section,
            name,
            level,
            text,
        })
    };
    use Section::*;

    // Hardware.
    let q = &r.quote;
    add(
        Hardware,
        "Quote structure",
        Level::Pass,
        format!(
            "An Intel TDX quote, version {}, {} bytes ({}), read as {}{}.",
            q.version,
            q.len,
            q.body,
            r.format.label(),
            if q.trailing > 0 {
                format!(
                    "; {} bytes follow the signature data and are ignored",
                    q.trailing
                )
            } else {
                String::new()
            }
        ),
    );
    let fixed = if r.fixed_instant {
        ", a fixed instant: the bundled sample collateral was valid from 2025-06-19 to 2025-07-19"
    } else {
        ""
    };
    let (level, text) = match &r.verdict {
        Ok(Verdict::Verified {
            status,
            advisories,
            at,
        }) => {
            let level = tcb_level(status);
            let mut t = format!(
                "The quote's signature chains to the {} (key SHA-256 {}), checked with dcap-qvl at \
                 {}{fixed}. TCB status: {status}",
                INTEL_ROOT.name,
                INTEL_ROOT.key_sha256,
                utc(*at)
            );
            t.push_str(match level {
                Level::Pass => " (up to date).",
                Level::Warn => {
                    " (a warning: the platform needs an update or configuration change; judge the advisories for your use)."
                }
                _ => " (a status that fails: do not trust this platform).",
            });
            if !advisories.is_empty() {
                t.push_str(&format!(" Intel advisories: {}.", advisories.join(", ")));
            }
            (level, t)
        }
        Ok(Verdict::Failed { reason, at }) => (
            Level::Fail,
            format!(
                "dcap-qvl rejected the quote at {}{fixed}: \u{201c}{reason}\u{201d}. Do not trust its \
                 measurements.",
                utc(*at)
            ),
        ),
        Ok(Verdict::NotChecked) => (
            Level::Skip,
            "No collateral was given, so nothing proves this quote came from TDX hardware: every \
             value below is only what the bytes say. Paste the collateral (certificates, CRLs and \
             TCB info from a PCCS) to check the signature here."
                .into(),
        ),
        Err(e) => (Level::Skip, e.to_string()),
    };
    add(Hardware, "Signature chain", level, text);
    add(
        Hardware,
        "Debug mode",
        if q.debug { Level::Fail } else { Level::Pass },
        if q.debug {
            "The TD attributes say this TD runs in debug mode, where the host can read its memory. \
             dstack rejects debug quotes."
                .into()
        } else {
            "Off. The TD attributes' debug bit is clear (dstack rejects debug quotes).".into()
        },
    );

    // OS image.
    let (level, text) = match &r.os_image {
        Ok(os) if os.matches() => (
            Level::Pass,
            format!(
                "OS image matches. MRTD, RTMR0, RTMR1 and RTMR2 equal the values computed from the \
                 measurement material of OS image {}{}, for {} vCPUs and {} MiB of RAM. ACPI table \
                 contents are taken from the event log as measured, not rebuilt.",
                hex(&os.vm.os_image_hash),
                os.vm
                    .image
                    .as_ref()
                    .map(|i| format!(" ({i})"))
                    .unwrap_or_default(),
                os.vm.cpu_count,
                os.vm.memory_size / (1024 * 1024)
            ),
        ),
        Ok(os) => {
            let bad: Vec<String> = os
                .registers
                .iter()
                .filter(|reg| !reg.matches())
                .map(|reg| format!("{} ({})", reg.name, reg.what))
                .collect();
            (
                Level::Fail,
                format!(
                    "OS image does not match: {} differ(s) from what OS image {} gives. This CVM did \
                     not boot that image with this configuration.",
                    bad.join(", "),
                    hex(&os.vm.os_image_hash)
                ),
            )
        }
        Err(e) if e.is_mismatch() => (Level::Fail, e.to_string()),
        Err(e) => (Level::Skip, e.to_string()),
    };
    add(OsImage, "OS image", level, text);

    // App.
    let (level, text) = replay_check(r);
    add(App, "Event log replay", level, text);
    let (level, text) = compose_check(r);
    add(App, "Compose hash", level, text);
    if let Some((level, text)) = config_id_check(r) {
        add(App, "MRCONFIGID", level, text);
    }

    // Identity.
    for (name, level, text) in identity_checks(r) {
        add(Identity, name, level, text);
    }
    out
}

fn replay_check(r: &Report) -> (Level, String) {
    let q = &r.quote;
    match &r.replay {
        None => (
            Level::Skip,
            "No event log was given. Without it, RTMR3 is a hash you cannot read: the log says \
             which app, compose file and key provider it stands for."
                .into(),
        ),
        Some(Err(e)) => (Level::Fail, e.to_string()),
        Some(Ok(replay)) if replay.matches(q, 3) => {
            let boot: Vec<String> = (0..3u8)
                .filter(|&i| replay.rtmrs[usize::from(i)].events > 0)
                .map(|i| {
                    let word = if replay.matches(q, i) {
                        "matches"
                    } else {
                        "does not match"
                    };
                    format!("RTMR{i} {word}")
                })
                .collect();
            let boot = if boot.is_empty() {
                String::new()
            } else {
                format!(" The boot events replay too: {}.", boot.join(", "))
            };
            (
                Level::Pass,
                format!(
                    "Replaying the {} RTMR3 events gives exactly the quote's RTMR3, so the events \
                     below are the ones this CVM measured.{boot}",
                    replay.rtmrs[3].events
                ),
            )
        }
        Some(Ok(replay)) => (
            Level::Fail,
            format!(
                "Replaying the {} RTMR3 events gives {}, but the quote's RTMR3 is {}. This log does \
                 not belong to this quote, or it was changed.",
                replay.rtmrs[3].events,
                hex(&replay.rtmrs[3].value),
                hex(q.rtmr(3))
            ),
        ),
    }
}

fn target_words(t: Target) -> &'static str {
    match t {
        Target::Event => "the compose-hash event",
        Target::ConfigId => "MRCONFIGID",
        Target::Expected => "the compose hash you expect",
    }
}

fn compose_check(r: &Report) -> (Level, String) {
    let Some(app) = &r.app else {
        return match &r.target {
            Some((h, t)) => (
                Level::Skip,
                format!(
                    "{} says the compose hash is {}. Paste your app-compose.json to compare it.",
                    capitalize(target_words(*t)),
                    hex(h)
                ),
            ),
            None => (
                Level::Skip,
                "No compose hash to compare with: give an event log that replays to the quote, or \
                 type the hash you expect."
                    .into(),
            ),
        };
    };
    let app = match app {
        Ok(a) => a,
        Err(e) => return (Level::Skip, e.clone()),
    };
    let source = match app.source {
        crate::app::Source::File => "Your app-compose.json",
        crate::app::Source::TcbInfo => "The app_compose in your Info response",
    };
    let Some((target, t)) = &r.target else {
        return (
            Level::Skip,
            format!(
                "{source} hashes to {}. There is nothing to compare it with: give an event log \
                 that replays to the quote, or type the hash you expect.",
                hex(&app.forms.raw)
            ),
        );
    };
    let against = target_words(*t);
    match app.matched {
        Match::Raw => (
            Level::Pass,
            format!(
                "Match. {source} hashes to {}, exactly {against}: this is the file the CVM measured.",
                hex(target)
            ),
        ),
        Match::WithoutFinalNewline => (
            Level::Pass,
            format!(
                "Match, once the final newline of the paste is removed: {source} without it hashes \
                 to {}, exactly {against}.",
                hex(target)
            ),
        ),
        Match::Form(form) => (
            Level::Warn,
            format!(
                "No match for the bytes you pasted ({}), but the {form} form of the same content \
                 matches {against} ({}). The CVM runs this content; it was written as the {form} \
                 form, and the hash covers the exact bytes. See \u{201c}Why is my hash \
                 different?\u{201d}.",
                hex(&app.forms.raw),
                hex(target)
            ),
        ),
        Match::None => (
            Level::Fail,
            format!(
                "No match. {source} hashes to {}, and neither its normalized nor its VMM CLI form \
                 gives {against} ({}). The CVM runs a different app-compose.json.",
                hex(&app.forms.raw),
                hex(target)
            ),
        ),
    }
}

fn config_id_check(r: &Report) -> Option<(Level, String)> {
    let event = r.claims.as_ref().and_then(|c| c.get("compose-hash"));
    Some(match identity::config_id(r.quote.field(FieldKey::MrConfigId)) {
        ConfigId::Unused => return None,
        ConfigId::ComposeHash(h) => match event {
            Some(e) if e == h.as_slice() => (
                Level::Pass,
                format!(
                    "MRCONFIGID (version 1) carries the same compose hash as the compose-hash event, \
                     {}.",
                    hex(&h)
                ),
            ),
            Some(e) => (
                Level::Fail,
                format!(
                    "MRCONFIGID (version 1) carries compose hash {}, but the compose-hash event says {}.",
                    hex(&h),
                    hex(e)
                ),
            ),
            None => (
                Level::Pass,
                format!(
                    "MRCONFIGID (version 1) carries compose hash {}, set by the host when it created \
                     the TD and signed with the quote.",
                    hex(&h)
                ),
            ),
        },
        ConfigId::Binding(v) => (
            Level::Skip,
            format!(
                "MRCONFIGID is a version {v} binding (a digest over the compose hash, app ID and key \
                 provider); this page does not recompute it."
            ),
        ),
        ConfigId::Unknown(v) => (
            Level::Warn,
            format!("MRCONFIGID is set with a first byte of {v}, a layout dstack does not define."),
        ),
    })
}

fn identity_checks(r: &Report) -> Vec<(&'static str, Level, String)> {
    let mut out = Vec::new();
    let Some(claims) = &r.claims else {
        out.push((
            "Launch claims",
            Level::Skip,
            "No event log that replays to the quote's RTMR3, so no launch event can be trusted: \
             app ID, instance ID and key provider are unknown."
                .to_string(),
        ));
        return out;
    };
    let serious: Vec<String> = claims
        .flags
        .iter()
        .filter(|f| f.is_serious())
        .map(Flag::message)
        .collect();
    let notes: Vec<String> = claims
        .flags
        .iter()
        .filter(|f| !f.is_serious())
        .map(Flag::message)
        .collect();
    out.push(if !serious.is_empty() {
        (
            "Boot sequence",
            Level::Fail,
            [serious, notes].concat().join(" "),
        )
    } else if !notes.is_empty() {
        ("Boot sequence", Level::Warn, notes.join(" "))
    } else {
        (
            "Boot sequence",
            Level::Pass,
            "Every claim comes from its place: app-id, compose-hash and instance-id before \
             boot-mr-done; os-image-hash, key-provider and storage-fs before system-ready. No name \
             repeats and nothing follows system-ready."
                .into(),
        )
    });
    let compose = claims.get("compose-hash");
    out.push(match claims.get("app-id") {
        None => (
            "App ID",
            Level::Fail,
            "No app-id claim was taken from the log.".into(),
        ),
        Some(id) => match identity::app_id_origin(id, compose.unwrap_or_default()) {
            AppIdOrigin::Derived => (
                "App ID",
                Level::Pass,
                format!(
                    "{}: the first 20 bytes of the compose hash, dstack's default derivation.",
                    hex(id)
                ),
            ),
            AppIdOrigin::Pinned => (
                "App ID",
                Level::Warn,
                format!(
                    "{}: pinned at deploy time (not the first 20 bytes of the compose hash), for \
                     example an on-chain app contract. Check that it is the app you expect.",
                    hex(id)
                ),
            ),
            AppIdOrigin::Invalid => (
                "App ID",
                Level::Fail,
                format!(
                    "{} has {} bytes; dstack app IDs have 20.",
                    hex(id),
                    id.len()
                ),
            ),
        },
    });
    out.push(match claims.get("instance-id") {
        None => (
            "Instance ID",
            Level::Skip,
            "No instance-id claim was taken from the log.".into(),
        ),
        Some([]) => (
            "Instance ID",
            Level::Pass,
            "Empty: the app sets no_instance_id, so instances share one identity.".into(),
        ),
        Some(id) => (
            "Instance ID",
            Level::Pass,
            format!(
                "{}: this CVM instance (derived from a per-instance seed and the app ID).",
                hex(id)
            ),
        ),
    });
    out.push(
        match claims.get("key-provider").map(identity::key_provider) {
            None => (
                "Key provider",
                Level::Skip,
                "No key-provider claim was taken from the log.".into(),
            ),
            Some(Err(e)) => (
                "Key provider",
                Level::Fail,
                format!("The key-provider event cannot be read: {e}."),
            ),
            Some(Ok(kp)) => {
                let level = if kp.name == "kms" {
                    Level::Pass
                } else {
                    Level::Warn
                };
                let key = if kp.p256_key {
                    format!(
                        " Root key: P-256 public key, SHA-256 {}.",
                        hex(&kp.fingerprint())
                    )
                } else if kp.id.is_empty() {
                    String::new()
                } else {
                    format!(" ID SHA-256 {}.", hex(&kp.fingerprint()))
                };
                (
                    "Key provider",
                    level,
                    format!("\u{201c}{}\u{201d}: {}.{key}", kp.name, kp.meaning()),
                )
            }
        },
    );
    let event = claims.get("os-image-hash");
    let event_text = event
        .map(|e| {
            format!(
                " The os-image-hash event (the hash the key provider reported at boot) reads {}.",
                hex(e)
            )
        })
        .unwrap_or_default();
    out.push(match &r.os_image {
        Ok(os) if os.matches() => (
            "OS image hash",
            Level::Pass,
            format!(
                "{}, verified above from the measured registers.{event_text}",
                hex(&os.vm.os_image_hash)
            ),
        ),
        Ok(_) | Err(OsImageError::ImageHash { .. } | OsImageError::MaterialHash { .. }) => (
            "OS image hash",
            Level::Fail,
            format!(
                "The OS image check failed, so the OS image hash is not established.{event_text}"
            ),
        ),
        Err(_) => (
            "OS image hash",
            Level::Skip,
            format!("The OS image was not checked.{event_text}"),
        ),
    });
    out
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The overall answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overall {
    pub level: Level,
    pub headline: &'static str,
    pub text: String,
}

/// Fail if anything failed; "incomplete" if a check was not made; otherwise pass, with
/// or without warnings.
pub fn overall(checks: &[Check], at: u64) -> Overall {
    let names = |level: Level| -> Vec<&str> {
        checks
            .iter()
            .filter(|c| c.level == level)
            .map(|c| c.name)
            .collect()
    };
    let (failed, skipped, warned) = (names(Level::Fail), names(Level::Skip), names(Level::Warn));
    let anchor = format!(
        " Trust anchor: the {} (certificate SHA-256 {}); checked at {}.",
        INTEL_ROOT.name,
        INTEL_ROOT.cert_sha256,
        utc(at)
    );
    if !failed.is_empty() {
        Overall {
            level: Level::Fail,
            headline: "Do not trust this CVM",
            text: format!("Failed: {}.{anchor}", failed.join(", ")),
        }
    } else if !skipped.is_empty() {
        Overall {
            level: Level::Skip,
            headline: "Incomplete",
            text: format!(
                "Nothing failed, but these checks were not made: {}. A relying party cannot act on \
                 this result until they are.{anchor}",
                skipped.join(", ")
            ),
        }
    } else if !warned.is_empty() {
        Overall {
            level: Level::Warn,
            headline: "Verified, with warnings",
            text: format!(
                "Every check passed; judge these: {}.{anchor}",
                warned.join(", ")
            ),
        }
    } else {
        Overall {
            level: Level::Pass,
            headline: "Verified",
            text: format!("Every check passed.{anchor}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{check, Fields};
    use crate::samples;

    fn level_of(checks: &[Check], name: &str) -> Level {
        checks.iter().find(|c| c.name == name).unwrap().level
    }

    #[test]
    fn the_dstack_sample_passes_everything_but_the_unchecked_signature() {
        let r = check(
            Fields {
                quote: samples::DSTACK_GETQUOTE,
                ..Fields::default()
            },
            1_796_000_000,
        )
        .unwrap();
        let c = checks(&r);
        for (name, level) in [
            ("Quote structure", Level::Pass),
            ("Signature chain", Level::Skip),
            ("Debug mode", Level::Pass),
            ("OS image", Level::Pass),
            ("Event log replay", Level::Pass),
            ("Compose hash", Level::Skip),
            ("MRCONFIGID", Level::Pass),
            ("Boot sequence", Level::Pass),
            ("App ID", Level::Pass),
            ("Instance ID", Level::Pass),
            ("Key provider", Level::Pass),
            ("OS image hash", Level::Pass),
        ] {
            assert_eq!(level_of(&c, name), level, "{name}");
        }
        assert!(c.iter().any(|x| x.text.starts_with("OS image matches.")));
        let o = overall(&c, r.at);
        assert_eq!(o.headline, "Incomplete");
        assert!(
            o.text.contains("Signature chain, Compose hash"),
            "{}",
            o.text
        );
        assert!(o.text.contains(INTEL_ROOT.cert_sha256));
        assert!(
            o.text.contains("checked at 2026-11-30 00:53 UTC"),
            "{}",
            o.text
        );
    }

    #[test]
    fn the_intel_sample_signature_names_the_anchor_and_instant() {
        let quote = hex(samples::INTEL_QUOTE);
        let r = check(
            Fields {
                quote: &quote,
                collateral: samples::INTEL_COLLATERAL,
                ..Fields::default()
            },
            0,
        )
        .unwrap();
        let c = checks(&r);
        let sig = c.iter().find(|x| x.name == "Signature chain").unwrap();
        assert_eq!(sig.level, Level::Pass);
        assert!(sig.text.contains("Intel SGX Root CA (key SHA-256 a0af0312"));
        assert!(sig.text.contains("2025-07-01 00:00 UTC, a fixed instant"));
        assert!(sig.text.contains("TCB status: UpToDate (up to date)."));
    }

    #[test]
    fn overall_is_the_worst_state() {
        let mk = |level| Check {
            section: Section::App,
            name: "x",
            level,
            text: String::new(),
        };
        assert_eq!(overall(&[mk(Level::Pass)], 0).headline, "Verified");
        assert_eq!(
            overall(&[mk(Level::Pass), mk(Level::Warn)], 0).level,
            Level::Warn
        );
        assert_eq!(
            overall(&[mk(Level::Warn), mk(Level::Skip)], 0).level,
            Level::Skip
        );
        assert_eq!(
            overall(&[mk(Level::Skip), mk(Level::Fail)], 0).level,
            Level::Fail
        );
    }

    #[test]
    fn a_debug_td_fails() {
        let mut q = samples::dstack_quote();
        q[48 + 120] |= 1; // td_attributes bit 0
        let r = check(
            Fields {
                quote: &hex(&q),
                ..Fields::default()
            },
            0,
        )
        .unwrap();
        let c = checks(&r);
        assert_eq!(level_of(&c, "Debug mode"), Level::Fail);
        assert_eq!(overall(&c, 0).level, Level::Fail);
    }

    #[test]
    fn compose_states_against_an_expected_hash() {
        let file = "{\n    \"name\": \"demo\"\n}";
        let quote = samples::dstack_quote_hex();
        let expected = hex(&crate::compose::sha256(file.as_bytes()));
        let run = |app: &str| {
            let r = check(
                Fields {
                    quote: &quote,
                    app_compose: app,
                    expected_compose: &expected,
                    ..Fields::default()
                },
                0,
            )
            .unwrap();
            checks(&r)
                .into_iter()
                .find(|c| c.name == "Compose hash")
                .unwrap()
        };
        assert_eq!(run(file).level, Level::Pass);
        assert!(run(file).text.starts_with("Match."));
        let spaced = run("{\"name\":   \"demo\"}");
        assert_eq!(spaced.level, Level::Warn);
        assert!(spaced
            .text
            .contains("the VMM CLI form of the same content matches"));
        assert_eq!(run("{\"name\": \"other\"}").level, Level::Fail);
    }
}
