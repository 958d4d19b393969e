//! A small, strict JSON reader and string writer for the few documents the site handles
//! (GitHub answers, its own localStorage record, the committed snapshot).
//!
//! Why not serde: serde's derive code, serde-wasm-bindgen and the float formatting its error
//! messages pull in cost about 6 KB of brotli'd wasm; this reader needs no float parsing
//! (the site only reads whole numbers) and runs the same on the host, where it is tested.

use std::fmt::Write;

/// Documents nest far less than this; deeper input is refused rather than recursed into.
const MAX_DEPTH: usize = 64;

/// A parsed JSON value. Objects keep their members in document order.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

/// A JSON number as far as the site cares: a whole number that fits in a u64, or anything
/// else (negative, fractional, exponent, too large), which is never a valid count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Number {
    Unsigned(u64),
    Other,
}

/// The text is not JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotJson;

impl Value {
    /// The member `key` of an object (the last one if repeated); `None` for other values.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(Number::Unsigned(n)) => Some(*n),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[(String, Value)]> {
        match self {
            Value::Object(members) => Some(members),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
}

/// Parses a complete JSON document (surrounding whitespace allowed, nothing else).
pub fn parse(text: &str) -> Result<Value, NotJson> {
    let mut p = Parser {
        bytes: text.as_bytes(),
        at: 0,
    };
    let value = p.value(0)?;
    p.skip_ws();
    if p.at == p.bytes.len() {
        Ok(value)
    } else {
        Err(NotJson)
    }
}

/// Appends `s` as a JSON string literal.
pub fn write_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn eat(&mut self, byte: u8) -> Result<(), NotJson> {
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(NotJson)
        }
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value, NotJson> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(NotJson)
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, NotJson> {
        if depth > MAX_DEPTH {
            return Err(NotJson);
        }
        self.skip_ws();
        match self.peek().ok_or(NotJson)? {
            b'{' => self.object(depth),
            b'[' => self.array(depth),
            b'"' => self.string().map(Value::String),
            b't' => self.literal("true", Value::Bool(true)),
            b'f' => self.literal("false", Value::Bool(false)),
            b'n' => self.literal("null", Value::Null),
            b'-' | b'0'..=b'9' => self.number().map(Value::Number),
            _ => Err(NotJson),
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, NotJson> {
        self.eat(b'{')?;
        let mut members = Vec::new();
        self.skip_ws();
        if self.eat(b'}').is_ok() {
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_ws();
            let key = self.string()?;
            self.skip_ws();
            self.eat(b':')?;
            members.push((key, self.value(depth + 1)?));
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Value::Object(members));
                }
                _ => return Err(NotJson),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, NotJson> {
        self.eat(b'[')?;
        let mut items = Vec::new();
        self.skip_ws();
        if self.eat(b']').is_ok() {
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(NotJson),
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }

    /// Checks the number grammar; only a plain non-negative integer keeps its value.
    fn number(&mut self) -> Result<Number, NotJson> {
        let negative = self.eat(b'-').is_ok();
        let start = self.at;
        let whole = self.digits();
        if whole == 0 || (whole > 1 && self.bytes[start] == b'0') {
            return Err(NotJson);
        }
        let end = self.at;
        let mut plain = !negative;
        if self.eat(b'.').is_ok() {
            if self.digits() == 0 {
                return Err(NotJson);
            }
            plain = false;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(NotJson);
            }
            plain = false;
        }
        let value = std::str::from_utf8(&self.bytes[start..end])
            .ok()
            .and_then(|d| d.parse::<u64>().ok());
        Ok(match value {
            Some(n) if plain => Number::Unsigned(n),
            _ => Number::Other,
        })
    }

    fn hex4(&mut self) -> Result<u32, NotJson> {
        let digits = self.bytes.get(self.at..self.at + 4).ok_or(NotJson)?;
        let text = std::str::from_utf8(digits).map_err(|_| NotJson)?;
        let n = u32::from_str_radix(text, 16).map_err(|_| NotJson)?;
        if text.starts_with('+') {
            return Err(NotJson);
        }
        self.at += 4;
        Ok(n)
    }

    fn string(&mut self) -> Result<String, NotJson> {
        self.eat(b'"')?;
        let mut out = String::new();
        loop {
            // Copy the run up to the next quote, backslash or control character at once.
            let start = self.at;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.at += 1;
            }
            // The input is a &str and the run stops only at ASCII bytes, so it is UTF-8.
            out.push_str(std::str::from_utf8(&self.bytes[start..self.at]).map_err(|_| NotJson)?);
            match self.peek().ok_or(NotJson)? {
                b'"' => {
                    self.at += 1;
                    return Ok(out);
                }
                b'\\' => {
                    self.at += 1;
                    let escape = self.peek().ok_or(NotJson)?;
                    self.at += 1;
                    out.push(match escape {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => return Err(NotJson),
                    });
                }
                _ => return Err(NotJson), // a raw control character
            }
        }
    }

    /// `\uXXXX`, joining a surrogate pair into one character; a lone surrogate is invalid.
    fn unicode_escape(&mut self) -> Result<char, NotJson> {
        let first = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&first) {
            self.eat(b'\\')?;
            self.eat(b'u')?;
            let second = self.hex4()?;
            if !(0xDC00..0xE000).contains(&second) {
                return Err(NotJson);
            }
            0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        } else {
            first
        };
        char::from_u32(code).ok_or(NotJson)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_objects_arrays_and_scalars() {
        let v = parse(r#" {"a": [1, true, null, "x"], "b": {"c": false}, "n": 0} "#).unwrap();
        assert_eq!(
            v.get("a"),
            Some(&Value::Array(vec![
                Value::Number(Number::Unsigned(1)),
                Value::Bool(true),
                Value::Null,
                Value::String("x".into()),
            ]))
        );
        assert_eq!(
            v.get("b").and_then(|b| b.get("c")),
            Some(&Value::Bool(false))
        );
        assert_eq!(v.get("n").and_then(Value::as_u64), Some(0));
        assert_eq!(v.get("missing"), None);
        assert_eq!(parse("[]"), Ok(Value::Array(vec![])));
        assert_eq!(parse("{}"), Ok(Value::Object(vec![])));
    }

    #[test]
    fn numbers_other_than_plain_counts_are_other() {
        for text in ["-5", "1.5", "1e3", "18446744073709551616", "-0", "2E-2"] {
            assert_eq!(parse(text), Ok(Value::Number(Number::Other)), "{text}");
        }
        assert_eq!(
            parse("18446744073709551615"),
            Ok(Value::Number(Number::Unsigned(u64::MAX)))
        );
        for bad in ["01", "1.", ".5", "-", "1e", "+1", "0x10", "NaN", "Infinity"] {
            assert_eq!(parse(bad), Err(NotJson), "{bad}");
        }
    }

    #[test]
    fn strings_decode_escapes_and_reject_what_json_forbids() {
        let v = parse(r#""a\"b\\c\/d\n\u00e9\ud83d\ude00 ünï""#).unwrap();
        assert_eq!(v.as_str(), Some("a\"b\\c/d\né😀 ünï"));
        for bad in [
            "\"open",
            "\"tab\there\"",
            r#""\x""#,
            r#""\ud83d""#,
            r#""\ude00""#,
            r#""\u12""#,
            r#""\u+123""#,
        ] {
            assert_eq!(parse(bad), Err(NotJson), "{bad}");
        }
    }

    #[test]
    fn rejects_malformed_documents_and_deep_nesting() {
        for bad in [
            "",
            "   ",
            "{",
            "[1,]",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "{a:1}",
            "[1] [2]",
            "<html>",
            "tru",
            "nul",
        ] {
            assert_eq!(parse(bad), Err(NotJson), "{bad:?}");
        }
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 2), "]".repeat(MAX_DEPTH + 2));
        assert_eq!(parse(&deep), Err(NotJson));
        let fine = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&fine).is_ok());
    }

    #[test]
    fn written_strings_read_back_unchanged() {
        for s in [
            "plain",
            "quote \" and \\ slash",
            "line\nbreak\ttab\u{1}",
            "é😀",
        ] {
            let mut out = String::new();
            write_str(&mut out, s);
            assert_eq!(parse(&out).unwrap().as_str(), Some(s), "{out}");
        }
    }

    #[test]
    fn repeated_keys_read_the_last() {
        let v = parse(r#"{"a":1,"a":2}"#).unwrap();
        assert_eq!(v.get("a").and_then(Value::as_u64), Some(2));
    }
}
