//! Runs every check on what the visitor pasted and gathers the results. No check stops
//! another: a broken event log still leaves the quote's verdict to show.

use crate::app::{self, App};
use crate::claims::{self, Claims};
use crate::error::InputError;
use crate::events::{self, Event, Replayed};
use crate::input::{self, Format};
use crate::os_image::{self, OsImage, OsImageError};
use crate::quote::{self, Decoded};
use crate::samples;
use crate::verdict::{self, Verdict};

/// What the visitor pasted, as the form's fields hold it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Fields<'a> {
    pub quote: &'a str,
    pub event_log: &'a str,
    pub vm_config: &'a str,
    pub collateral: &'a str,
    pub app_compose: &'a str,
    pub expected_compose: &'a str,
}

impl<'a> Fields<'a> {
    /// The fields with their names, in form order (for length checks and sharing).
    pub fn named(&self) -> [(&'static str, &'a str); 6] {
        [
            ("quote", self.quote),
            ("event log", self.event_log),
            ("VM config", self.vm_config),
            ("collateral", self.collateral),
            ("app-compose", self.app_compose),
            ("expected compose hash", self.expected_compose),
        ]
    }
}

#[derive(Debug, Clone)]
pub struct Report {
    pub format: Format,
    pub quote: Decoded,
    pub verdict: Result<Verdict, InputError>,
    /// Checked at the bundled sample's fixed instant rather than now.
    pub fixed_instant: bool,
    /// The instant the signature chain was (or would be) checked at.
    pub at: u64,
    /// `None` when no event log was given.
    pub replay: Option<Result<Replay, InputError>>,
    pub os_image: Result<OsImage, OsImageError>,
    /// The launch claims, read only when the RTMR3 replay matched the quote.
    pub claims: Option<Claims>,
    /// `None` when no app-compose.json was given.
    pub app: Option<Result<App, String>>,
    /// The compose hash the app check compared against, and where it came from.
    pub target: Option<(Vec<u8>, Target)>,
}

/// Where the compose hash to compare with came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The `compose-hash` event, from a log that replays to the quote's RTMR3.
    Event,
    /// `mr_config_id` (version 1), when there is no usable log.
    ConfigId,
    /// Typed by the visitor.
    Expected,
}

#[derive(Debug, Clone)]
pub struct Replay {
    pub events: Vec<Event>,
    pub rtmrs: [Replayed; 4],
}

impl Replay {
    /// Whether the replayed RTMR `i` equals the quote's.
    pub fn matches(&self, quote: &Decoded, i: u8) -> bool {
        self.rtmrs[usize::from(i)].value.as_slice() == quote.rtmr(i)
    }
}

/// Checks everything; `now` is seconds since 1970. Fails only when the quote itself
/// cannot be read; every other problem lands in the report.
pub fn check(fields: Fields<'_>, now: u64) -> Result<Report, InputError> {
    // Length first, for every field, before any parsing.
    for (name, text) in fields.named() {
        input::check_len(name, text)?;
    }

    let pasted = input::decode_quote(fields.quote)?;
    let decoded = quote::decode(&pasted.quote)?;

    let fixed_instant = samples::is_intel_collateral(fields.collateral);
    let at = if fixed_instant {
        samples::INTEL_SAMPLE_INSTANT
    } else {
        now
    };
    let verdict = if fields.collateral.trim().is_empty() {
        Ok(Verdict::NotChecked)
    } else {
        verdict::parse_collateral(fields.collateral).map(|c| verdict::verify(&pasted.quote, &c, at))
    };

    let log_text = if fields.event_log.trim().is_empty() {
        pasted.event_log.as_deref()
    } else {
        Some(fields.event_log)
    };
    let replay = log_text.map(|text| {
        let events = events::parse(text)?;
        let rtmrs = events::replay(&events)?;
        Ok(Replay { events, rtmrs })
    });
    let good_log = match &replay {
        Some(Ok(r)) if r.matches(&decoded, 3) => Some(r),
        _ => None,
    };

    let vm_text = if fields.vm_config.trim().is_empty() {
        pasted.vm_config.as_deref()
    } else {
        Some(fields.vm_config)
    };
    let os_image = match (vm_text, &replay) {
        (None, _) => Err(OsImageError::NoVmConfig),
        (Some(text), Some(Ok(r))) => {
            os_image::parse_vm_config(text).and_then(|vm| os_image::check(vm, &decoded, &r.events))
        }
        (Some(text), _) => os_image::parse_vm_config(text).and_then(|_| {
            Err(OsImageError::Acpi(
                "RTMR0's ACPI digests come from the event log, and no readable log was given"
                    .into(),
            ))
        }),
    };

    let claims = good_log.map(|r| claims::read(&r.events));
    let expected = app::expected_hash(fields.expected_compose);
    let target = match &expected {
        Ok(Some(h)) => Some((h.clone(), Target::Expected)),
        _ => match claims.as_ref().and_then(|c| c.get("compose-hash")) {
            Some(h) => Some((h.to_vec(), Target::Event)),
            None => match crate::identity::config_id(decoded.field(quote::FieldKey::MrConfigId)) {
                crate::identity::ConfigId::ComposeHash(h) => Some((h, Target::ConfigId)),
                _ => None,
            },
        },
    };
    let app = if fields.app_compose.trim().is_empty() {
        None
    } else {
        Some(expected.and_then(|_| {
            app::check(
                fields.app_compose,
                target.as_ref().map(|(h, _)| h.as_slice()),
            )
        }))
    };

    Ok(Report {
        format: pasted.format,
        quote: decoded,
        verdict,
        fixed_instant,
        at,
        replay,
        os_image,
        claims,
        app,
        target,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::hex_encode;

    #[test]
    fn intel_sample_with_collateral() {
        let quote = hex_encode(samples::INTEL_QUOTE);
        let r = check(
            Fields {
                quote: &quote,
                collateral: samples::INTEL_COLLATERAL,
                ..Fields::default()
            },
            1_796_000_000,
        )
        .unwrap();
        assert!(r.fixed_instant);
        assert!(
            matches!(r.verdict, Ok(Verdict::Verified { ref status, .. }) if status == "UpToDate")
        );
        assert!(r.replay.is_none());
        assert_eq!(r.os_image.unwrap_err(), OsImageError::NoVmConfig);
    }

    #[test]
    fn dstack_get_quote_json_checks_log_os_image_and_claims() {
        let r = check(
            Fields {
                quote: samples::DSTACK_GETQUOTE,
                ..Fields::default()
            },
            0,
        )
        .unwrap();
        assert_eq!(r.format, Format::GetQuoteJson);
        assert!(matches!(r.verdict, Ok(Verdict::NotChecked)));
        let replay = r.replay.as_ref().unwrap().as_ref().unwrap();
        assert!((0..4).all(|i| replay.matches(&r.quote, i)));
        assert!(r.os_image.as_ref().unwrap().matches());
        assert_eq!(r.claims.as_ref().unwrap().values.len(), 6);
        assert_eq!(r.target.as_ref().unwrap().1, Target::Event);
        assert!(r.app.is_none());
    }

    #[test]
    fn the_quote_alone_still_yields_the_compose_hash_from_mr_config_id() {
        let quote = samples::dstack_quote_hex();
        let r = check(
            Fields {
                quote: &quote,
                app_compose: "{}",
                ..Fields::default()
            },
            0,
        )
        .unwrap();
        assert_eq!(r.target.as_ref().unwrap().1, Target::ConfigId);
        assert_eq!(r.os_image.unwrap_err(), OsImageError::NoVmConfig);
        assert_eq!(r.app.unwrap().unwrap().matched, crate::app::Match::None);
    }

    #[test]
    fn a_broken_event_log_or_collateral_leaves_the_quote_readable() {
        let quote = samples::dstack_quote_hex();
        let r = check(
            Fields {
                quote: &quote,
                event_log: "[{]",
                collateral: "nonsense",
                vm_config: "{}",
                ..Fields::default()
            },
            0,
        )
        .unwrap();
        assert!(matches!(
            r.verdict,
            Err(InputError::Json {
                field: "collateral",
                ..
            })
        ));
        assert!(matches!(
            r.replay,
            Some(Err(InputError::Json {
                field: "event log",
                ..
            }))
        ));
        assert!(r.claims.is_none());
        assert!(matches!(r.os_image, Err(OsImageError::Field { .. })));
    }

    #[test]
    fn another_quote_with_the_sample_log_does_not_match() {
        let quote = hex_encode(samples::INTEL_QUOTE);
        let log = samples::dstack_event_log();
        let r = check(
            Fields {
                quote: &quote,
                event_log: &log,
                ..Fields::default()
            },
            0,
        )
        .unwrap();
        let replay = r.replay.unwrap().unwrap();
        assert!(!replay.matches(&r.quote, 3));
        assert!(r.claims.is_none(), "claims only from a log that replays");
    }

    #[test]
    fn a_ten_megabyte_paste_is_refused_before_parsing() {
        let big = "0".repeat(10 * 1024 * 1024);
        for i in 0..6 {
            let mut texts = ["00"; 6];
            texts[i] = &big;
            let fields = Fields {
                quote: texts[0],
                event_log: texts[1],
                vm_config: texts[2],
                collateral: texts[3],
                app_compose: texts[4],
                expected_compose: texts[5],
            };
            assert!(
                matches!(check(fields, 0), Err(InputError::TooLong { .. })),
                "{i}"
            );
        }
    }
}
