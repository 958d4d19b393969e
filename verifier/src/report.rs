//! Runs every check on what the visitor pasted and gathers the results. No check stops
//! another: a broken event log still leaves the quote's verdict to show.

use crate::error::InputError;
use crate::events::{self, Event, Replayed};
use crate::input::{self, Format};
use crate::quote::{self, Decoded};
use crate::samples;
use crate::verdict::{self, Verdict};

/// What the visitor pasted, as the three text fields hold it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Fields<'a> {
    pub quote: &'a str,
    pub event_log: &'a str,
    pub collateral: &'a str,
}

#[derive(Debug, Clone)]
pub struct Report {
    pub format: Format,
    pub quote: Decoded,
    pub verdict: Result<Verdict, InputError>,
    /// Checked at the bundled sample's fixed instant rather than now.
    pub fixed_instant: bool,
    /// `None` when no event log was given.
    pub replay: Option<Result<Replay, InputError>>,
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
    input::check_len("quote", fields.quote)?;
    input::check_len("event log", fields.event_log)?;
    input::check_len("collateral", fields.collateral)?;

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

    Ok(Report {
        format: pasted.format,
        quote: decoded,
        verdict,
        fixed_instant,
        replay,
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
                event_log: "",
                collateral: samples::INTEL_COLLATERAL,
            },
            1_796_000_000,
        )
        .unwrap();
        assert!(r.fixed_instant);
        assert!(
            matches!(r.verdict, Ok(Verdict::Verified { ref status, .. }) if status == "UpToDate")
        );
        assert!(r.replay.is_none());
    }

    #[test]
    fn dstack_get_quote_json_replays_without_collateral() {
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
        let replay = r.replay.unwrap().unwrap();
        assert!((0..4).all(|i| replay.matches(&r.quote, i)));
    }

    #[test]
    fn a_broken_event_log_or_collateral_leaves_the_quote_readable() {
        let quote = samples::dstack_quote_hex();
        let r = check(
            Fields {
                quote: &quote,
                event_log: "[{]",
                collateral: "nonsense",
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
    }

    #[test]
    fn another_quote_with_the_sample_log_does_not_match() {
        let quote = hex_encode(samples::INTEL_QUOTE);
        let log = samples::dstack_event_log();
        let r = check(
            Fields {
                quote: &quote,
                event_log: &log,
                collateral: "",
            },
            0,
        )
        .unwrap();
        let replay = r.replay.unwrap().unwrap();
        assert!(!replay.matches(&r.quote, 3));
    }

    #[test]
    fn a_ten_megabyte_paste_is_refused_before_parsing() {
        let big = "0".repeat(10 * 1024 * 1024);
        for fields in [
            Fields {
                quote: &big,
                ..Fields::default()
            },
            Fields {
                quote: "00",
                event_log: &big,
                collateral: "",
            },
            Fields {
                quote: "00",
                event_log: "",
                collateral: &big,
            },
        ] {
            assert!(matches!(check(fields, 0), Err(InputError::TooLong { .. })));
        }
    }
}
