//! The compose hash: SHA-256 of the raw bytes of `app-compose.json`
//! (`sha256_file(app_compose_file)` in dstack-util's `measure_app_info`). Two tools
//! write that file, in two forms that hash differently:
//! - the **normalized** form of `docs/normalized-app-compose.md`: keys sorted, no
//!   whitespace, non-ASCII as UTF-8 (Python
//!   `json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`);
//! - the **VMM CLI** form of `vmm-cli.py compose`: Python
//!   `json.dumps(v, indent=4, ensure_ascii=False)`, keys in the order they were written.
//!
//! Both are written here the way Python writes them, checked against vectors Python
//! produced (`verifier/fixtures/compose/`).

use core::fmt::Write;
use serde_json::{Map, Number, Value};
use sha2::{Digest, Sha256};

/// SHA-256 of `bytes`.
pub fn sha256(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// The JSON-parsing error for an `app-compose.json` that is not JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotJson(pub String);

/// Parses `app-compose.json`, keeping the keys in the order they were written.
pub fn parse(text: &str) -> Result<Value, NotJson> {
    serde_json::from_str(text).map_err(|e| NotJson(e.to_string()))
}

/// The normalized form: sorted keys, compact, UTF-8.
pub fn normalized(value: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, value, None, 0, true);
    out
}

/// The VMM CLI form: four-space indent, insertion order, UTF-8.
pub fn vmm_cli(value: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, value, Some(4), 0, false);
    out
}

fn newline(out: &mut String, indent: Option<usize>, level: usize) {
    if let Some(n) = indent {
        out.push('\n');
        for _ in 0..n * level {
            out.push(' ');
        }
    }
}

fn write_value(out: &mut String, v: &Value, indent: Option<usize>, level: usize, sort: bool) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => write_number(out, n),
        Value::String(s) => write_string(out, s),
        Value::Array(items) if items.is_empty() => out.push_str("[]"),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, indent, level + 1);
                write_value(out, item, indent, level + 1, sort);
            }
            newline(out, indent, level);
            out.push(']');
        }
        Value::Object(map) if map.is_empty() => out.push_str("{}"),
        Value::Object(map) => {
            out.push('{');
            for (i, (k, item)) in entries(map, sort).into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, indent, level + 1);
                write_string(out, k);
                out.push_str(if indent.is_some() { ": " } else { ":" });
                write_value(out, item, indent, level + 1, sort);
            }
            newline(out, indent, level);
            out.push('}');
        }
    }
}

/// Object entries, sorted by code point when asked (UTF-8 byte order is code-point order).
fn entries(map: &Map<String, Value>, sort: bool) -> Vec<(&String, &Value)> {
    let mut e: Vec<_> = map.iter().collect();
    if sort {
        e.sort_by(|a, b| a.0.cmp(b.0));
    }
    e
}

/// A string as Python's encoder writes it with `ensure_ascii=False`: only `"`, `\` and
/// control characters are escaped.
fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Integers as written; floats as Python's `repr(float)`: the shortest digits that
/// round-trip, positional from 1e-4 up to 1e16, otherwise `d.ddde+XX`.
fn write_number(out: &mut String, n: &Number) {
    if n.is_i64() || n.is_u64() {
        let _ = write!(out, "{n}");
        return;
    }
    let Some(f) = n.as_f64() else {
        out.push_str("null");
        return;
    };
    out.push_str(&python_float(f));
}

/// `repr(f)` in Python 3 (NaN and infinities as `null`, as the normalized form asks).
pub fn python_float(f: f64) -> String {
    if !f.is_finite() {
        return "null".into();
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0.0" } else { "0.0" }.into();
    }
    // Rust's `{:e}` gives the shortest round-trip digits: "-1.2345e-7".
    let sci = format!("{f:e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let mut out = String::from(sign);
    if (-4..16).contains(&exp) {
        if exp < 0 {
            out.push_str("0.");
            for _ in 0..(-exp - 1) {
                out.push('0');
            }
            out.push_str(&digits);
        } else {
            let point = exp as usize + 1;
            if digits.len() <= point {
                out.push_str(&digits);
                for _ in digits.len()..point {
                    out.push('0');
                }
                out.push_str(".0");
            } else {
                out.push_str(&digits[..point]);
                out.push('.');
                out.push_str(&digits[point..]);
            }
        }
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let _ = write!(out, "e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs());
    }
    out
}

/// One way of writing the file, its bytes' hash, and whether that hash is the one
/// the quote (or the visitor) expects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub label: &'static str,
    pub text: String,
    pub hash: [u8; 32],
}

/// The pasted file's hash and the hashes of the forms a tool might have written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forms {
    pub raw: [u8; 32],
    /// `None` when the paste is not JSON (the raw hash still stands).
    pub parsed: Option<Result<[Form; 2], NotJson>>,
    /// The paste with one trailing newline removed, when it ends with one: editors
    /// and `echo` add it, the VMM CLI does not write it.
    pub without_final_newline: Option<[u8; 32]>,
}

/// All the hashes of one pasted `app-compose.json`.
pub fn forms(text: &str) -> Forms {
    let parsed = Some(parse(text).map(|v| {
        [
            Form {
                label: "normalized",
                hash: sha256(normalized(&v).as_bytes()),
                text: normalized(&v),
            },
            Form {
                label: "VMM CLI",
                hash: sha256(vmm_cli(&v).as_bytes()),
                text: vmm_cli(&v),
            },
        ]
    }));
    let trimmed = text
        .strip_suffix("\r\n")
        .or_else(|| text.strip_suffix('\n'));
    Forms {
        raw: sha256(text.as_bytes()),
        parsed,
        without_final_newline: trimmed.map(|t| sha256(t.as_bytes())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::hex_encode;

    /// Vectors from Python's json.dumps; the command that wrote them is in
    /// fixtures/compose/make-vectors.py.
    const VECTORS: &str = include_str!("../fixtures/compose/vectors.json");

    #[test]
    fn both_forms_match_python_byte_for_byte() {
        let vectors: Value = serde_json::from_str(VECTORS).unwrap();
        let cases = vectors["cases"].as_array().unwrap();
        assert!(cases.len() >= 5);
        for case in cases {
            let name = case["name"].as_str().unwrap();
            let input = case["input"].as_str().unwrap();
            let f = forms(input);
            assert_eq!(hex_encode(&f.raw), case["raw_sha256"], "{name}: raw");
            let [norm, cli] = f.parsed.unwrap().unwrap();
            assert_eq!(norm.text, case["normalized"], "{name}: normalized");
            assert_eq!(hex_encode(&norm.hash), case["normalized_sha256"], "{name}");
            assert_eq!(cli.text, case["vmm_cli"], "{name}: VMM CLI");
            assert_eq!(hex_encode(&cli.hash), case["vmm_cli_sha256"], "{name}");
        }
    }

    #[test]
    fn python_float_repr() {
        let vectors: Value = serde_json::from_str(VECTORS).unwrap();
        for pair in vectors["floats"].as_array().unwrap() {
            let f = pair[0].as_f64().unwrap();
            assert_eq!(python_float(f), pair[1].as_str().unwrap(), "{f:e}");
        }
        assert_eq!(python_float(f64::NAN), "null");
    }

    #[test]
    fn raw_bytes_count_whitespace_and_the_final_newline() {
        let a = forms("{\"a\":1}");
        let b = forms("{\"a\": 1}");
        assert_ne!(a.raw, b.raw);
        let [na, _] = a.parsed.unwrap().unwrap();
        let [nb, _] = b.parsed.unwrap().unwrap();
        assert_eq!(na.hash, nb.hash, "same normalized form");
        assert_eq!(
            na.hash, a.raw,
            "the compact paste is its own normalized form"
        );
        let c = forms("{\"a\":1}\n");
        assert_eq!(c.without_final_newline, Some(a.raw));
        assert!(forms("{\"a\":1}").without_final_newline.is_none());
    }

    #[test]
    fn not_json_still_has_a_raw_hash() {
        let f = forms("name: app\n");
        assert_eq!(f.raw, sha256(b"name: app\n"));
        assert!(matches!(f.parsed, Some(Err(NotJson(_)))));
    }
}
