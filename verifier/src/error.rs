//! Every way a paste can be wrong, each with the calm, precise sentence the page shows.

use core::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    Empty,
    TooLong {
        field: &'static str,
        chars: usize,
    },
    OddHex {
        digits: usize,
    },
    BadCharacter {
        ch: char,
        position: usize,
    },
    Base64(String),
    Json {
        field: &'static str,
        detail: String,
    },
    Shape {
        field: &'static str,
        detail: String,
    },
    Truncated {
        have: usize,
        need: usize,
        part: &'static str,
    },
    UnsupportedVersion(u16),
    NotTdx {
        tee_type: u32,
    },
    BodyType(u16),
    Malformed(String),
    EventLog {
        index: usize,
        detail: String,
    },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Empty => write!(
                f,
                "The quote field is empty. Paste a quote, or load a sample."
            ),
            InputError::TooLong { field, chars } => write!(
                f,
                "The {field} field holds {chars} characters, more than the {max} this page reads. \
                 A TDX quote is about 10,000 hex characters; paste only the quote.",
                max = crate::input::MAX_INPUT_CHARS
            ),
            InputError::OddHex { digits } => write!(
                f,
                "The quote has {digits} hex digits, an odd number: every byte takes two, so part \
                 of it is missing or a character slipped in."
            ),
            InputError::BadCharacter { ch, position } => write!(
                f,
                "Character {ch:?} at position {position} (not counting spaces) is neither hex nor \
                 base64. Paste the quote as hex or base64."
            ),
            InputError::Base64(detail) => {
                write!(
                    f,
                    "The quote looks like base64 but does not decode: {detail}."
                )
            }
            InputError::Json { field, detail } => {
                write!(f, "The {field} field is not valid JSON: {detail}.")
            }
            InputError::Shape { field, detail } => write!(f, "In the {field} field, {detail}."),
            InputError::Truncated { have, need, part } => write!(
                f,
                "The quote is truncated: it has {have} bytes, but {part} needs {need}."
            ),
            InputError::UnsupportedVersion(v) => write!(
                f,
                "The quote says it is version {v}; Intel DCAP quotes are versions 3, 4 and 5 \
                 (TDX uses 4 and 5). This is probably not a quote, or its first bytes are damaged."
            ),
            InputError::NotTdx { tee_type } if *tee_type == 0 => write!(
                f,
                "This is an SGX enclave quote (TEE type 0x00000000). dstack runs apps in Intel \
                 TDX virtual machines, and this page reads TDX quotes (TEE type 0x00000081)."
            ),
            InputError::NotTdx { tee_type } => write!(
                f,
                "The quote's TEE type is {tee_type:#010x}, which is neither SGX nor TDX \
                 (0x00000081)."
            ),
            InputError::BodyType(t) => write!(
                f,
                "The version 5 quote carries body type {t}; TDX reports are types 2 and 3."
            ),
            InputError::Malformed(detail) => write!(
                f,
                "The quote's signature data does not decode ({detail}). The quote is damaged or \
                 incomplete."
            ),
            InputError::EventLog {
                index: usize::MAX,
                detail,
            } => {
                write!(f, "The event log cannot be read: {detail}.")
            }
            InputError::EventLog { index, detail } => {
                write!(
                    f,
                    "Event {index} of the event log cannot be read: {detail}."
                )
            }
        }
    }
}
