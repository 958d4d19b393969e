//! The result as an HTML fragment. Every pasted string is escaped: event names and
//! payloads come from whoever produced the log. Meanings are from the facts file
//! (section 3d, "Remote attestation and verification", and section 11).

use crate::checks::Section;
use crate::error::InputError;
use crate::events::Event;
use crate::input::hex_encode;
use crate::policy::Level;
use crate::quote::{Decoded, FieldKey};
use crate::report::{Replay, Report};
use core::fmt::Write;

const ATTESTATION_DOC: &str =
    "https://github.com/Dstack-TEE/dstack/blob/next/docs/attestation-tdx.md";

// The project's one escaper and calendar (src/html.rs), shared with the site and its build.
#[path = "../../src/html.rs"]
#[allow(dead_code)] // the day-counting half serves the site
mod shared;
pub use shared::escape;

/// The report's status line for sharing and downloading (`web` writes to it).
pub const SHARE_STATUS: &str = "verify-share-status";

/// An input error as a calm alert.
pub fn error(e: &InputError) -> String {
    format!(
        "<div class=\"vr-error\" role=\"alert\"><h2>Nothing was checked</h2><p>{}</p></div>",
        escape(&e.to_string())
    )
}

/// The whole report: verdict, the four sections, then the quote's fields and the log.
pub fn report(r: &Report) -> String {
    let mut out = String::with_capacity(24 * 1024);
    let checks = crate::checks::checks(r);
    let overall = crate::checks::overall(&checks, r.at);
    let _ = write!(
        out,
        "<section class=\"vr-verdict {}\" aria-labelledby=\"vr-verdict\"><h2 id=\"vr-verdict\">Verdict: {}</h2><p>{}</p>\
         <div class=\"actions\"><button type=\"button\" class=\"button\" data-action=\"share\">Copy link to this result</button>\
         <button type=\"button\" class=\"button\" data-action=\"download\">Download report (JSON)</button></div>\
         <p class=\"vr-share\" id=\"{SHARE_STATUS}\" role=\"status\"></p></section>",
        overall.level.class(),
        overall.headline,
        escape(&overall.text)
    );
    for section in Section::ALL {
        let _ = write!(
            out,
            "<section class=\"vr-section\" aria-labelledby=\"vr-s-{key}\"><h2 id=\"vr-s-{key}\">{}</h2><ul class=\"vr-checks\">",
            section.title(),
            key = section.key()
        );
        for c in checks.iter().filter(|c| c.section == section) {
            check_item(&mut out, c.level, c.name, &escape(&c.text));
        }
        out.push_str("</ul>");
        match section {
            Section::OsImage => crate::view::registers(&mut out, r),
            Section::App => crate::view::why_different(&mut out, r),
            _ => {}
        }
        out.push_str("</section>");
    }
    measurements(&mut out, &r.quote);
    if let Some(Ok(replay)) = &r.replay {
        event_log(&mut out, replay);
    }
    out
}

fn check_item(out: &mut String, level: Level, title: &str, body: &str) {
    let _ = write!(
        out,
        "<li class=\"{}\"><span class=\"vr-badge\">{}</span> <strong>{title}.</strong> <span>{body}</span></li>",
        level.class(),
        level.word()
    );
}

/// What each field measures in a dstack CVM.
fn meaning(key: FieldKey, q: &Decoded) -> (&'static str, String) {
    let neutral =
        "Reported by the TDX module. dstack's documentation gives it no dstack-specific meaning."
            .to_owned();
    match key {
        FieldKey::MrTd => ("MRTD", "The virtual firmware (OVMF) the CVM booted. A verifier rebuilds the OS image and computes the expected value with <code>dstack-mr</code>.".into()),
        FieldKey::Rtmr(0) => ("RTMR0", "The virtual hardware configuration: CPU count and memory.".into()),
        FieldKey::Rtmr(1) => ("RTMR1", "The Linux kernel.".into()),
        FieldKey::Rtmr(2) => ("RTMR2", "The kernel command line, which includes the root filesystem's hash, and the initrd.".into()),
        FieldKey::Rtmr(_) => ("RTMR3", "The app: the initrd records the compose hash, app ID, instance ID, key provider and other launch events here. Replay the event log to read it.".into()),
        FieldKey::MrConfigId => {
            let zero = q.field(key).iter().all(|&b| b == 0);
            ("MRCONFIGID", if zero {
                "All zeros, so unused here. Since dstack v0.5.1 it can carry the app's compose hash, which lets a verifier skip the RTMR3 replay.".into()
            } else {
                "Set. Since dstack v0.5.1 it can carry the app's compose hash, which lets a verifier skip the RTMR3 replay.".into()
            })
        }
        FieldKey::ReportData => ("Report data", "Up to 64 bytes the app chose when it asked the guest agent for this quote (<code>GetQuote?report_data=…</code>), binding the quote to the app's own data.".into()),
        FieldKey::TdAttributes => ("TD attributes", format!("Flags of the trust domain. Bit 0 is debug mode, which is {} here.", if q.debug { "on" } else { "off" })),
        FieldKey::TeeTcbSvn => ("TEE TCB SVN", neutral),
        FieldKey::MrSeam => ("MRSEAM", neutral),
        FieldKey::MrSignerSeam => ("MRSIGNERSEAM", neutral),
        FieldKey::SeamAttributes => ("SEAM attributes", neutral),
        FieldKey::Xfam => ("XFAM", neutral),
        FieldKey::MrOwner => ("MROWNER", neutral),
        FieldKey::MrOwnerConfig => ("MROWNERCONFIG", neutral),
    }
}

/// dstack-specific fields first, then the rest.
const ORDER: [FieldKey; 15] = [
    FieldKey::MrTd,
    FieldKey::Rtmr(0),
    FieldKey::Rtmr(1),
    FieldKey::Rtmr(2),
    FieldKey::Rtmr(3),
    FieldKey::MrConfigId,
    FieldKey::ReportData,
    FieldKey::TdAttributes,
    FieldKey::TeeTcbSvn,
    FieldKey::MrSeam,
    FieldKey::MrSignerSeam,
    FieldKey::SeamAttributes,
    FieldKey::Xfam,
    FieldKey::MrOwner,
    FieldKey::MrOwnerConfig,
];

fn measurements(out: &mut String, q: &Decoded) {
    let _ = write!(
        out,
        "<section class=\"vr-section\" aria-labelledby=\"vr-fields\"><h2 id=\"vr-fields\">What the quote measures</h2>\
         <p>The TD report inside the quote, field by field. Offsets count bytes from the start of the quote. \
         How these values are built: <a href=\"{ATTESTATION_DOC}\">dstack's TDX attestation guide</a>.</p><dl class=\"vr-fields\">"
    );
    for key in ORDER {
        let Some(field) = q.fields.iter().find(|f| f.key == key) else {
            continue;
        };
        let (name, text) = meaning(key, q);
        let _ = write!(
            out,
            "<div class=\"vr-field\"><dt>{name} <span class=\"vr-at\">bytes {}–{}</span></dt><dd><code class=\"vr-hex\">{}</code><p>{text}</p></dd></div>",
            field.offset,
            field.offset + field.bytes.len() - 1,
            hex_encode(&field.bytes)
        );
    }
    out.push_str("</dl></section>");
}

/// A plain-words line for a dstack launch event (`dstack-util` `system_setup.rs`).
fn event_meaning(name: &str) -> &'static str {
    match name {
        "system-preparing" => "The launch begins.",
        "app-id" => "The app ID. The KMS derives the app's keys from it.",
        "compose-hash" => "The hash of the app-compose manifest: exactly which containers and settings this CVM runs.",
        "init-script-hash" => "The hash of an init script.",
        "gpu-policy-hash" => "The hash of the GPU policy.",
        "gpu-attestation" => "The GPU attestation.",
        "instance-id" => "This instance's ID. Per-instance disk keys use it.",
        "boot-mr-done" => "Boot measurements end here.",
        "os-image-hash" => "The hash of the OS image.",
        "key-provider" => "Where this CVM gets its keys, which binds the app to one KMS.",
        "storage-fs" => "The data disk's filesystem.",
        "system-ready" => "The launch is complete; later events are the app's own.",
        "acpi-loader" | "acpi-rsdp" | "acpi-tables" => "ACPI tables, measured at boot.",
        _ => "",
    }
}

/// Printable ASCII payloads read as text, others as (shortened) hex.
fn payload(bytes: &[u8]) -> String {
    if bytes.is_empty() {
        return "<span class=\"vr-muted\">empty</span>".into();
    }
    if bytes.iter().all(|b| (0x20..0x7f).contains(b)) {
        let text = core::str::from_utf8(bytes).unwrap_or_default();
        return format!("<code>{}</code>", escape(text));
    }
    const SHOWN: usize = 64;
    if bytes.len() > SHOWN {
        format!(
            "<code class=\"vr-hex\">{}…</code> <span class=\"vr-muted\">({} bytes)</span>",
            hex_encode(&bytes[..SHOWN]),
            bytes.len()
        )
    } else {
        format!("<code class=\"vr-hex\">{}</code>", hex_encode(bytes))
    }
}

fn event_row(out: &mut String, n: usize, e: &Event) {
    let name = if e.name.is_empty() {
        format!("type {:#x}", e.event_type)
    } else {
        escape(&e.name)
    };
    let _ = write!(
        out,
        "<tr><td>{n}</td><td>RTMR{}</td><th scope=\"row\">{name}</th><td>{}</td><td>{}</td></tr>",
        e.imr,
        payload(&e.payload),
        event_meaning(&e.name)
    );
}

fn event_table(out: &mut String, caption: &str, rows: &[(usize, &Event)]) {
    let _ = write!(
        out,
        "<div class=\"vr-table\" tabindex=\"0\" role=\"region\" aria-label=\"{caption}\"><table><caption>{caption}</caption>\
         <thead><tr><th scope=\"col\">#</th><th scope=\"col\">Register</th><th scope=\"col\">Event</th><th scope=\"col\">Payload</th><th scope=\"col\">Meaning</th></tr></thead><tbody>"
    );
    for (n, e) in rows {
        event_row(out, *n, e);
    }
    out.push_str("</tbody></table></div>");
}

fn event_log(out: &mut String, replay: &Replay) {
    out.push_str("<section class=\"vr-section\" aria-labelledby=\"vr-events\"><h2 id=\"vr-events\">What the event log says</h2>");
    let (app, boot): (Vec<_>, Vec<_>) = replay
        .events
        .iter()
        .enumerate()
        .partition(|(_, e)| e.imr == 3);
    if app.is_empty() {
        out.push_str("<p>The log has no RTMR3 events.</p>");
    } else {
        event_table(out, "Launch events measured into RTMR3", &app);
    }
    if !boot.is_empty() {
        let _ = write!(
            out,
            "<details class=\"vr-boot\"><summary>{} boot events (RTMR0–2)</summary>",
            boot.len()
        );
        event_table(out, "Boot events measured into RTMR0 to RTMR2", &boot);
        out.push_str("</details>");
    }
    out.push_str("</section>");
}

/// Seconds since 1970 as `YYYY-MM-DD HH:MM UTC` (civil-from-days, proleptic Gregorian).
pub fn utc(secs: u64) -> String {
    let (y, m, d) = shared::civil_from_days((secs / 86_400) as i64);
    let rem = secs % 86_400;
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02} UTC",
        rem / 3600,
        rem % 3600 / 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{check, Fields};
    use crate::samples;

    #[test]
    fn dates() {
        assert_eq!(utc(0), "1970-01-01 00:00 UTC");
        assert_eq!(utc(samples::INTEL_SAMPLE_INSTANT), "2025-07-01 00:00 UTC");
        assert_eq!(utc(1_709_210_096), "2024-02-29 12:34 UTC");
    }

    #[test]
    fn hostile_event_names_are_escaped() {
        let quote = samples::dstack_quote_hex();
        let log = r#"[{"imr":3,"event_type":134217729,"digest":"","event":"<img src=x onerror=alert(1)>","event_payload":"3c623e"}]"#;
        let html = report(
            &check(
                Fields {
                    quote: &quote,
                    event_log: log,
                    ..Fields::default()
                },
                0,
            )
            .unwrap(),
        );
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assert!(html.contains("<code>&lt;b&gt;</code>"));
        assert!(html.contains("does not belong to this quote"));
    }

    #[test]
    fn the_dstack_sample_report_reads_in_plain_words() {
        let r = check(
            Fields {
                quote: samples::DSTACK_GETQUOTE,
                ..Fields::default()
            },
            0,
        )
        .unwrap();
        let html = report(&r);
        assert!(html.contains("Replaying the 9 RTMR3 events gives exactly the quote's RTMR3"));
        assert!(html.contains("RTMR0 matches, RTMR1 matches, RTMR2 matches"));
        assert!(html.contains("<th scope=\"row\">compose-hash</th>"));
        assert!(html.contains("20 boot events (RTMR0–2)"));
        assert!(html.contains("<code>zfs</code>"));
        assert!(html.contains("Not checked</span> <strong>Signature chain.</strong>"));
        assert!(html.contains("Verdict: Incomplete"));
        assert!(html.contains("Passed</span> <strong>OS image.</strong> <span>OS image matches."));
        for title in ["Hardware", "OS image", "App", "Identity"] {
            assert!(html.contains(&format!("\">{title}</h2>")), "{title}");
        }
        // Every field is shown once, with its byte range.
        assert_eq!(html.matches("class=\"vr-field\"").count(), ORDER.len());
        assert!(html.contains("MRTD <span class=\"vr-at\">bytes 184–231</span>"));
        assert_eq!(html.matches(&format!("id=\"{SHARE_STATUS}\"")).count(), 1);
    }

    #[test]
    fn the_intel_sample_report_states_the_instant_and_status() {
        let quote = hex_encode(samples::INTEL_QUOTE);
        let r = check(
            Fields {
                quote: &quote,
                collateral: samples::INTEL_COLLATERAL,
                ..Fields::default()
            },
            0,
        )
        .unwrap();
        let html = report(&r);
        assert!(html.contains("TCB status: UpToDate (up to date)."));
        assert!(html.contains("2025-07-01 00:00 UTC, a fixed instant"));
    }

    #[test]
    fn errors_are_alerts_with_escaped_text() {
        let html = error(&InputError::BadCharacter {
            ch: '<',
            position: 3,
        });
        assert!(html.contains("role=\"alert\""));
        assert!(html.contains("'&lt;'"));
    }
}
