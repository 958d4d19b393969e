//! What a visitor pastes: a quote as hex or base64, or a whole guest-agent `GetQuote`
//! response (JSON with `quote` and `event_log`). Everything here rejects bad input with
//! an [`InputError`] that says what is wrong; nothing panics.

use crate::error::InputError;
use base64::Engine;

/// The most characters any one field may hold. A TDX quote is about 10,000 hex
/// characters and a full event log about 20,000; longer input is refused before it is
/// parsed, so a mistaken 10 MB paste costs nothing.
pub const MAX_INPUT_CHARS: usize = 262_144;

/// A decoded quote field: the quote's bytes, plus the event log and report data when the
/// visitor pasted a whole `GetQuote` response.
#[derive(Debug, PartialEq)]
pub struct Pasted {
    pub quote: Vec<u8>,
    pub format: Format,
    pub event_log: Option<String>,
    /// The response's `vm_config` (a JSON string, or the object as JSON text).
    pub vm_config: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Hex,
    Base64,
    GetQuoteJson,
}

impl Format {
    pub fn label(self) -> &'static str {
        match self {
            Format::Hex => "hex",
            Format::Base64 => "base64",
            Format::GetQuoteJson => "a GetQuote response (JSON)",
        }
    }
}

/// Refuses a field longer than [`MAX_INPUT_CHARS`].
pub fn check_len(field: &'static str, text: &str) -> Result<(), InputError> {
    let chars = text.len();
    if chars > MAX_INPUT_CHARS {
        return Err(InputError::TooLong { field, chars });
    }
    Ok(())
}

/// Decodes the quote field.
pub fn decode_quote(text: &str) -> Result<Pasted, InputError> {
    check_len("quote", text)?;
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(InputError::Empty);
    }
    if trimmed.starts_with('{') {
        return decode_get_quote(trimmed);
    }
    let (quote, format) = decode_bytes(trimmed)?;
    Ok(Pasted {
        quote,
        format,
        event_log: None,
        vm_config: None,
    })
}

/// A `GetQuote` response: `quote` is hex, `event_log` a string holding a JSON array
/// (guest-agent `GetQuoteResponse`, see the facts file section 11).
fn decode_get_quote(text: &str) -> Result<Pasted, InputError> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| InputError::Json {
        field: "quote",
        detail: e.to_string(),
    })?;
    let quote =
        match value.get("quote") {
            Some(serde_json::Value::String(s)) => s,
            Some(_) => {
                return Err(InputError::Shape {
                    field: "quote",
                    detail: "the \"quote\" field is not a string".into(),
                })
            }
            None => return Err(InputError::Shape {
                field: "quote",
                detail:
                    "this JSON has no \"quote\" field; paste a GetQuote response or the quote alone"
                        .into(),
            }),
        };
    let (quote, _) = decode_bytes(quote.trim())?;
    let event_log = match value.get("event_log") {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
        Some(v @ serde_json::Value::Array(_)) => Some(v.to_string()),
        _ => None,
    };
    let vm_config = match value.get("vm_config") {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
        Some(v @ serde_json::Value::Object(_)) => Some(v.to_string()),
        _ => None,
    };
    Ok(Pasted {
        quote,
        format: Format::GetQuoteJson,
        event_log,
        vm_config,
    })
}

/// Hex (optionally `0x`-prefixed, any whitespace) or base64 (standard or URL-safe,
/// padded or not). Hex wins when a string could be both.
pub fn decode_bytes(text: &str) -> Result<(Vec<u8>, Format), InputError> {
    let body = text
        .strip_prefix("0x")
        .or_else(|| text.strip_prefix("0X"))
        .unwrap_or(text);
    let compact: String = body.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.is_empty() {
        return Err(InputError::Empty);
    }
    if compact.bytes().all(|b| b.is_ascii_hexdigit()) {
        return hex_decode(&compact).map(|bytes| (bytes, Format::Hex));
    }
    if let Some((position, ch)) = compact
        .chars()
        .enumerate()
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '=' | '-' | '_')))
    {
        return Err(InputError::BadCharacter { ch, position });
    }
    let unpadded = compact.trim_end_matches('=');
    let engine = if unpadded.contains(['-', '_']) {
        base64::engine::general_purpose::URL_SAFE_NO_PAD
    } else {
        base64::engine::general_purpose::STANDARD_NO_PAD
    };
    engine
        .decode(unpadded)
        .map(|bytes| (bytes, Format::Base64))
        .map_err(|e| InputError::Base64(e.to_string()))
}

/// Lowercase or uppercase hex to bytes; an odd count is an error, not a silent drop.
pub fn hex_decode(hex: &str) -> Result<Vec<u8>, InputError> {
    if hex.len() % 2 == 1 {
        return Err(InputError::OddHex { digits: hex.len() });
    }
    let nibble = |b: u8, position: usize| -> Result<u8, InputError> {
        match b {
            b'0'..=b'9' => Ok(b - b'0'),
            b'a'..=b'f' => Ok(b - b'a' + 10),
            b'A'..=b'F' => Ok(b - b'A' + 10),
            _ => Err(InputError::BadCharacter {
                ch: char::from(b),
                position,
            }),
        }
    };
    hex.as_bytes()
        .chunks(2)
        .enumerate()
        .map(|(i, pair)| Ok(nibble(pair[0], 2 * i)? << 4 | nibble(pair[1], 2 * i + 1)?))
        .collect()
}

/// Lowercase hex, for display.
pub fn hex_encode(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    out
}

/// The quote text with one bit of byte `byte` flipped (the lowest bit of its low nibble),
/// so a visitor can watch the signature check fail. `None` unless the text is hex (an
/// optional `0x`, any whitespace) with more than `byte` bytes.
pub fn flip_hex_byte(text: &str, byte: usize) -> Option<String> {
    let trimmed = text.trim();
    let (prefix, body) = match trimmed.strip_prefix("0x") {
        Some(body) => ("0x", body),
        None => ("", trimmed),
    };
    if !body
        .chars()
        .all(|c| c.is_ascii_hexdigit() || c.is_whitespace())
    {
        return None;
    }
    let target = 2 * byte + 1;
    let mut digits = 0;
    let mut flipped = false;
    let mut out = String::with_capacity(trimmed.len());
    out.push_str(prefix);
    for c in body.chars() {
        if c.is_ascii_hexdigit() {
            if digits == target {
                out.push(char::from_digit(c.to_digit(16)? ^ 1, 16)?);
                flipped = true;
            } else {
                out.push(c);
            }
            digits += 1;
        } else {
            out.push(c);
        }
    }
    flipped.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_with_prefix_and_whitespace() {
        let p = decode_quote("  0x04 00\n0a\tFF ").unwrap();
        assert_eq!(p.quote, vec![4, 0, 10, 255]);
        assert_eq!(p.format, Format::Hex);
    }

    #[test]
    fn base64_standard_and_url_safe() {
        assert_eq!(
            decode_bytes("BAAK/w==").unwrap(),
            (vec![4, 0, 10, 255], Format::Base64)
        );
        assert_eq!(
            decode_bytes("BAAK_w").unwrap(),
            (vec![4, 0, 10, 255], Format::Base64)
        );
    }

    #[test]
    fn odd_hex_is_named() {
        assert_eq!(decode_bytes("abc"), Err(InputError::OddHex { digits: 3 }));
    }

    #[test]
    fn a_character_that_is_neither_is_located() {
        assert_eq!(
            decode_bytes("04000200zz!"),
            Err(InputError::BadCharacter {
                ch: '!',
                position: 10
            })
        );
    }

    #[test]
    fn broken_base64_is_an_error() {
        assert_eq!(decode_bytes("QUJD=").unwrap().0, b"ABC".to_vec());
        assert!(matches!(decode_bytes("Q"), Err(InputError::Base64(_))));
    }

    #[test]
    fn empty_and_oversized_fields() {
        assert_eq!(decode_quote(" \n "), Err(InputError::Empty));
        let big = "a".repeat(MAX_INPUT_CHARS + 2);
        assert_eq!(
            decode_quote(&big),
            Err(InputError::TooLong {
                field: "quote",
                chars: MAX_INPUT_CHARS + 2
            })
        );
    }

    #[test]
    fn get_quote_json_brings_its_event_log() {
        let p = decode_quote(r#"{"quote":"0400","event_log":"[]"}"#).unwrap();
        assert_eq!(p.quote, vec![4, 0]);
        assert_eq!(p.format, Format::GetQuoteJson);
        assert_eq!(p.event_log.as_deref(), Some("[]"));
    }

    #[test]
    fn json_without_a_quote_or_broken_json() {
        assert!(matches!(
            decode_quote(r#"{"event_log":"[]"}"#),
            Err(InputError::Shape { .. })
        ));
        assert!(matches!(
            decode_quote(r#"{"quote":5}"#),
            Err(InputError::Shape { .. })
        ));
        assert!(matches!(
            decode_quote(r#"{"quote":"#),
            Err(InputError::Json { .. })
        ));
    }

    #[test]
    fn flips_one_bit_of_the_named_byte() {
        assert_eq!(flip_hex_byte("0400aa", 2).as_deref(), Some("0400ab"));
        assert_eq!(
            flip_hex_byte("0x04 00\naa", 1).as_deref(),
            Some("0x04 01\naa")
        );
        let once = flip_hex_byte("deadbeef", 3).unwrap();
        assert_eq!(
            flip_hex_byte(&once, 3).as_deref(),
            Some("deadbeef"),
            "twice undoes it"
        );
    }

    #[test]
    fn refuses_what_it_cannot_flip() {
        assert_eq!(flip_hex_byte("0400", 2), None, "too short");
        assert_eq!(flip_hex_byte("BAAK/w==", 0), None, "base64");
        assert_eq!(flip_hex_byte("{\"quote\":\"04\"}", 0), None, "JSON");
    }

    #[test]
    fn hex_round_trip() {
        let bytes: Vec<u8> = (0..=255).collect();
        assert_eq!(hex_decode(&hex_encode(&bytes)).unwrap(), bytes);
    }
}
