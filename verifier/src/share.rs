//! "Copy link to this result": the inputs, compressed, in the URL fragment (which the
//! browser never sends to a server). A field holding one of the bundled samples is
//! written as a short token, so links built on a sample stay short.
//!
//! Format: `#v1=` + base64url(raw DEFLATE(JSON array of the six field texts)).

use crate::input::{hex_encode, MAX_INPUT_CHARS};
use crate::samples;
use base64::Engine;
use serde_json::Value;

/// The longest fragment this page writes. Browsers take far longer URLs, but chat apps
/// and mail clients cut them; past this the page says so instead.
pub const MAX_FRAGMENT: usize = 48_000;
const PREFIX: &str = "v1=";
const TOKEN: &str = "\u{1}sample:";

/// The six form fields, owned (see [`crate::report::Fields::named`] for the order).
pub type Texts = [String; 6];

/// Why a link could not be made or read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    TooLong(usize),
    Empty,
    Damaged(String),
}

impl core::fmt::Display for ShareError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            ShareError::TooLong(n) => write!(
                f,
                "These inputs compress to a {n}-character link, longer than the {MAX_FRAGMENT} \
                 characters this page puts in a link. Download the report instead, or share the \
                 inputs as files."
            ),
            ShareError::Empty => write!(f, "There is nothing to share yet: the fields are empty."),
            ShareError::Damaged(d) => write!(
                f,
                "This link's result data cannot be read ({d}). It may have been cut short when it \
                 was copied; ask for the link again."
            ),
        }
    }
}

fn sample_texts() -> [(&'static str, String); 5] {
    [
        ("dstack-quote", samples::dstack_quote_hex()),
        ("dstack-log", samples::dstack_event_log()),
        ("dstack-vm", samples::dstack_vm_config()),
        ("intel-quote", hex_encode(samples::INTEL_QUOTE)),
        ("intel-collateral", samples::INTEL_COLLATERAL.to_owned()),
    ]
}

/// The fragment (without `#`) for these fields.
pub fn encode(texts: &[&str; 6]) -> Result<String, ShareError> {
    if texts.iter().all(|t| t.trim().is_empty()) {
        return Err(ShareError::Empty);
    }
    let known = sample_texts();
    let fields: Vec<Value> = texts
        .iter()
        .map(|t| {
            let token = known.iter().find(|(_, s)| s.as_str() == *t);
            Value::String(match token {
                Some((name, _)) => format!("{TOKEN}{name}"),
                None => (*t).to_owned(),
            })
        })
        .collect();
    let json = Value::Array(fields).to_string();
    let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9);
    let fragment = format!(
        "{PREFIX}{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(packed)
    );
    if fragment.len() > MAX_FRAGMENT {
        return Err(ShareError::TooLong(fragment.len()));
    }
    Ok(fragment)
}

/// Reads a fragment (with or without `#`). `Ok(None)` when it is not a result link.
pub fn decode(fragment: &str) -> Result<Option<Texts>, ShareError> {
    let Some(data) = fragment.trim_start_matches('#').strip_prefix(PREFIX) else {
        return Ok(None);
    };
    if data.len() > MAX_FRAGMENT {
        return Err(ShareError::Damaged(
            "it is longer than any link this page makes".into(),
        ));
    }
    let damaged = |d: String| ShareError::Damaged(d);
    let packed = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(data.trim_end_matches('='))
        .map_err(|e| damaged(format!("not base64url: {e}")))?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, 6 * MAX_INPUT_CHARS)
        .map_err(|_| damaged("it does not decompress".into()))?;
    let value: Value =
        serde_json::from_slice(&json).map_err(|e| damaged(format!("not JSON: {e}")))?;
    let Some(items) = value.as_array().filter(|a| a.len() == 6) else {
        return Err(damaged("it does not hold the six fields".into()));
    };
    let known = sample_texts();
    let mut out: Texts = Default::default();
    for (slot, item) in out.iter_mut().zip(items) {
        let text = item
            .as_str()
            .ok_or_else(|| damaged("a field is not text".into()))?;
        *slot = match text.strip_prefix(TOKEN) {
            Some(name) => known
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, s)| s.clone())
                .ok_or_else(|| damaged(format!("it names an unknown sample \"{name}\"")))?,
            None => text.to_owned(),
        };
    }
    Ok(Some(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sample_with_a_pasted_file_round_trips_in_a_short_link() {
        let quote = samples::dstack_quote_hex();
        let log = samples::dstack_event_log();
        let vm = samples::dstack_vm_config();
        let texts = [
            quote.as_str(),
            log.as_str(),
            vm.as_str(),
            "",
            "{\"name\": \"x\"}\n",
            "",
        ];
        let link = encode(&texts).unwrap();
        assert!(link.len() < 200, "{}", link.len());
        let back = decode(&format!("#{link}")).unwrap().unwrap();
        assert_eq!(back.iter().map(String::as_str).collect::<Vec<_>>(), texts);
    }

    #[test]
    fn arbitrary_inputs_round_trip_and_oversized_ones_are_refused() {
        let texts = ["0400ab", "[]", "", "{}", "é\u{2028}<b>", "00"];
        let back = decode(&encode(&texts).unwrap()).unwrap().unwrap();
        assert_eq!(back.iter().map(String::as_str).collect::<Vec<_>>(), texts);
        // Random-looking hex does not compress below the limit.
        let mut x = 0x2545_f491_4f6c_dd1d_u64;
        let noise: String = (0..120_000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                char::from_digit((x >> 60) as u32, 16).unwrap()
            })
            .collect();
        let Err(e) = encode(&[noise.as_str(), "", "", "", "", ""]) else {
            panic!("noise compressed below the limit")
        };
        assert!(matches!(e, ShareError::TooLong(_)));
        assert!(e.to_string().contains("Download the report instead"));
        assert_eq!(encode(&["", " ", "", "", "", ""]), Err(ShareError::Empty));
    }

    #[test]
    fn damaged_links_get_a_calm_message() {
        assert_eq!(decode("#section-2").unwrap(), None);
        assert_eq!(decode("").unwrap(), None);
        for bad in ["v1=***", "v1=AAAA", "v1="] {
            let e = decode(bad).unwrap_err();
            assert!(e.to_string().contains("cannot be read"), "{bad}: {e}");
        }
        let not_six = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .encode(miniz_oxide::deflate::compress_to_vec(b"[\"a\"]", 9));
        assert!(decode(&format!("v1={not_six}"))
            .unwrap_err()
            .to_string()
            .contains("six"));
    }
}
