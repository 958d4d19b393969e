//! Just enough CBOR to read `measurement.tdx.cbor`: unsigned integers, byte and text
//! strings, arrays and maps with text keys, read with minicbor's decoder into a small
//! tree. Anything else (tags, floats, negative numbers) is refused by name.

use minicbor::data::Type;
use minicbor::Decoder;

/// A decoded CBOR item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cbor {
    Uint(u64),
    Bytes(Vec<u8>),
    Text(String),
    Bool(bool),
    Array(Vec<Cbor>),
    Map(Vec<(String, Cbor)>),
}

impl Cbor {
    /// The value under `key`, when this is a map.
    pub fn get(&self, key: &str) -> Option<&Cbor> {
        match self {
            Cbor::Map(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// What kind of item this is, for messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Cbor::Uint(_) => "a number",
            Cbor::Bytes(_) => "a byte string",
            Cbor::Text(_) => "a text string",
            Cbor::Bool(_) => "a boolean",
            Cbor::Array(_) => "an array",
            Cbor::Map(_) => "a map",
        }
    }
}

/// Deeper than any measurement document; stops a hostile paste from recursing.
const MAX_DEPTH: usize = 16;
/// More items in one array or map than any measurement document holds.
const MAX_ITEMS: u64 = 4096;

/// Decodes one complete CBOR item; bytes after it are an error.
pub fn decode(bytes: &[u8]) -> Result<Cbor, String> {
    let mut d = Decoder::new(bytes);
    let item = item(&mut d, 0)?;
    if d.position() != bytes.len() {
        return Err(format!(
            "{} bytes follow the document",
            bytes.len() - d.position()
        ));
    }
    Ok(item)
}

fn item(d: &mut Decoder<'_>, depth: usize) -> Result<Cbor, String> {
    if depth > MAX_DEPTH {
        return Err("it nests deeper than a measurement document does".into());
    }
    let at = d.position();
    let err = |e: minicbor::decode::Error| format!("at byte {at}: {e}");
    let ty = d.datatype().map_err(err)?;
    Ok(match ty {
        Type::U8 | Type::U16 | Type::U32 | Type::U64 => Cbor::Uint(d.u64().map_err(err)?),
        Type::Bytes => Cbor::Bytes(d.bytes().map_err(err)?.to_vec()),
        Type::String => Cbor::Text(d.str().map_err(err)?.to_owned()),
        Type::Bool => Cbor::Bool(d.bool().map_err(err)?),
        Type::Array => {
            let n = d
                .array()
                .map_err(err)?
                .ok_or_else(|| format!("at byte {at}: an array of unstated length"))?;
            if n > MAX_ITEMS {
                return Err(format!("at byte {at}: an array of {n} items"));
            }
            let mut items = Vec::new();
            for _ in 0..n {
                items.push(item(d, depth + 1)?);
            }
            Cbor::Array(items)
        }
        Type::Map => {
            let n = d
                .map()
                .map_err(err)?
                .ok_or_else(|| format!("at byte {at}: a map of unstated length"))?;
            if n > MAX_ITEMS {
                return Err(format!("at byte {at}: a map of {n} entries"));
            }
            let mut entries = Vec::new();
            for _ in 0..n {
                let key_at = d.position();
                let key = match d.datatype().map_err(err)? {
                    Type::String => d.str().map_err(err)?.to_owned(),
                    other => {
                        return Err(format!("at byte {key_at}: a map key of type {other}"));
                    }
                };
                entries.push((key, item(d, depth + 1)?));
            }
            Cbor::Map(entries)
        }
        other => return Err(format!("at byte {at}: an item of type {other}")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_maps_bytes_text_and_numbers() {
        // {"a": 3, "b": h'0102', "c": ["x"]}
        let doc = [
            0xa3, 0x61, b'a', 0x03, 0x61, b'b', 0x42, 1, 2, 0x61, b'c', 0x81, 0x61, b'x',
        ];
        let v = decode(&doc).unwrap();
        assert_eq!(v.get("a"), Some(&Cbor::Uint(3)));
        assert_eq!(v.get("b"), Some(&Cbor::Bytes(vec![1, 2])));
        assert_eq!(v.get("c"), Some(&Cbor::Array(vec![Cbor::Text("x".into())])));
    }

    #[test]
    fn refuses_what_it_does_not_read() {
        assert!(decode(&[]).is_err(), "empty");
        assert!(decode(&[0x58, 0x30, 1]).is_err(), "truncated byte string");
        assert!(decode(&[0x03, 0x04]).unwrap_err().contains("follow"));
        assert!(decode(&[0x20]).unwrap_err().contains("type"), "negative");
        assert!(decode(&[0xa1, 0x01, 0x01]).unwrap_err().contains("map key"));
        assert!(decode(&[0x9f, 0xff]).is_err(), "indefinite length");
        let deep = [0x81; 40];
        assert!(decode(&deep).unwrap_err().contains("deeper"));
    }
}
