//! dstack event logs: parsing the guest agent's JSON and replaying RTMR0–3.
//!
//! Extend rule (dstack `cc-eventlog/src/runtime_events.rs`, `replay_events`): every RTMR
//! starts as 48 zero bytes and each event does `mr = SHA-384(mr || digest)`. Boot events
//! (RTMR0–2) carry their digest; dstack runtime events (type 0x08000001, RTMR3) are
//! recomputed from name and payload (`TdxEvent::digest()` in `cc-eventlog/src/tdx.rs`):
//! `SHA-384(u32_le(0x08000001) || ":" || name || ":" || payload)` for log version 1.

use crate::error::InputError;
use crate::input::{check_len, hex_decode};
use serde_json::Value;
use sha2::{Digest, Sha384};

/// `DSTACK_RUNTIME_EVENT_TYPE`.
pub const RUNTIME_EVENT_TYPE: u32 = 0x0800_0001;
/// More events than any real log; stops a pathological paste early.
const MAX_EVENTS: usize = 4096;

/// One entry of the guest agent's event log (`TdxEvent`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub imr: u32,
    pub event_type: u32,
    pub digest: Vec<u8>,
    pub name: String,
    pub payload: Vec<u8>,
}

impl Event {
    pub fn is_runtime(&self) -> bool {
        self.event_type == RUNTIME_EVENT_TYPE
    }

    /// The 48-byte value this event extends its RTMR with.
    pub fn digest(&self) -> Result<[u8; 48], String> {
        if self.is_runtime() {
            let mut h = Sha384::new();
            h.update(RUNTIME_EVENT_TYPE.to_le_bytes());
            h.update(b":");
            h.update(self.name.as_bytes());
            h.update(b":");
            h.update(&self.payload);
            return Ok(h.finalize().into());
        }
        self.digest.as_slice().try_into().map_err(|_| {
            format!(
                "its digest has {} bytes; a SHA-384 digest has 48",
                self.digest.len()
            )
        })
    }
}

/// Parses an event log: a JSON array of events, the same array inside a JSON string
/// (as `GetQuote` returns it), or a whole `GetQuote` response.
pub fn parse(text: &str) -> Result<Vec<Event>, InputError> {
    check_len("event log", text)?;
    let whole = |detail: String| InputError::EventLog {
        index: usize::MAX,
        detail,
    };
    let mut value: Value = serde_json::from_str(text.trim()).map_err(|e| InputError::Json {
        field: "event log",
        detail: e.to_string(),
    })?;
    if let Some(inner) = value.get("event_log") {
        value = inner.clone();
    }
    if let Value::String(s) = &value {
        value = serde_json::from_str(s).map_err(|e| InputError::Json {
            field: "event log",
            detail: e.to_string(),
        })?;
    }
    let Value::Array(items) = value else {
        return Err(whole(
            "it should be a JSON array of events (or a GetQuote response)".into(),
        ));
    };
    if items.len() > MAX_EVENTS {
        return Err(whole(format!(
            "it has {} events, more than the {MAX_EVENTS} this page replays",
            items.len()
        )));
    }
    items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            parse_event(item).map_err(|detail| InputError::EventLog { index, detail })
        })
        .collect()
}

fn parse_event(item: &Value) -> Result<Event, String> {
    let number = |key: &str| -> Result<u32, String> {
        let v = item.get(key).ok_or(format!("it has no \"{key}\""))?;
        v.as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .ok_or(format!("\"{key}\" is not a whole number"))
    };
    let text = |key: &str| -> Result<&str, String> {
        match item.get(key) {
            None | Some(Value::Null) => Ok(""),
            Some(Value::String(s)) => Ok(s),
            Some(_) => Err(format!("\"{key}\" is not a string")),
        }
    };
    let hex = |key: &str| -> Result<Vec<u8>, String> {
        hex_decode(text(key)?).map_err(|e| format!("\"{key}\" is not hex ({e})"))
    };
    if !item.is_object() {
        return Err("it is not a JSON object".into());
    }
    let imr = number("imr")?;
    if imr > 3 {
        return Err(format!("\"imr\" is {imr}; TDX has RTMR0 to RTMR3"));
    }
    // Log version 2 hashes canonical JSON instead; its JSON spelling is not documented
    // in the sources this page relies on, so it is refused rather than guessed.
    if let Some(version) = item.get("version") {
        if version.as_u64() != Some(1) {
            return Err(format!(
                "it uses event-log version {version}; this page replays version 1 logs"
            ));
        }
    }
    Ok(Event {
        imr,
        event_type: number("event_type")?,
        digest: hex("digest")?,
        name: text("event")?.to_owned(),
        payload: hex("event_payload")?,
    })
}

/// The replayed value of one RTMR and how many events went into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replayed {
    pub value: [u8; 48],
    pub events: usize,
}

/// Replays all four RTMRs.
pub fn replay(events: &[Event]) -> Result<[Replayed; 4], InputError> {
    let mut out: [Replayed; 4] = core::array::from_fn(|_| Replayed {
        value: [0; 48],
        events: 0,
    });
    for (index, event) in events.iter().enumerate() {
        let digest = event
            .digest()
            .map_err(|detail| InputError::EventLog { index, detail })?;
        let slot = &mut out[event.imr as usize];
        let mut h = Sha384::new();
        h.update(slot.value);
        h.update(digest);
        slot.value = h.finalize().into();
        slot.events += 1;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{quote, samples};

    fn sample() -> Vec<Event> {
        parse(samples::DSTACK_GETQUOTE).unwrap()
    }

    #[test]
    fn the_dstack_sample_replays_to_its_quote() {
        let events = sample();
        assert_eq!(events.len(), 29);
        let q = quote::decode(&samples::dstack_quote()).unwrap();
        let replayed = replay(&events).unwrap();
        for i in 0..4u8 {
            assert_eq!(replayed[i as usize].value.as_slice(), q.rtmr(i), "RTMR{i}");
        }
        assert_eq!(replayed[3].events, 9);
    }

    #[test]
    fn the_three_input_shapes_parse_the_same() {
        let whole: Value = serde_json::from_str(samples::DSTACK_GETQUOTE).unwrap();
        let as_string = whole["event_log"].to_string();
        let as_array = whole["event_log"].as_str().unwrap().to_owned();
        assert_eq!(parse(&as_string).unwrap(), sample());
        assert_eq!(parse(&as_array).unwrap(), sample());
    }

    #[test]
    fn a_changed_payload_changes_rtmr3_only() {
        let mut events = sample();
        let compose = events
            .iter_mut()
            .find(|e| e.name == "compose-hash")
            .unwrap();
        compose.payload[0] ^= 1;
        let q = quote::decode(&samples::dstack_quote()).unwrap();
        let replayed = replay(&events).unwrap();
        assert_eq!(replayed[0].value.as_slice(), q.rtmr(0));
        assert_ne!(replayed[3].value.as_slice(), q.rtmr(3));
    }

    #[test]
    fn the_runtime_digest_follows_the_v1_preimage() {
        let e = Event {
            imr: 3,
            event_type: RUNTIME_EVENT_TYPE,
            digest: vec![],
            name: "x".into(),
            payload: vec![0xab],
        };
        let mut h = Sha384::new();
        h.update([0x01, 0x00, 0x00, 0x08, b':', b'x', b':', 0xab]);
        let expected: [u8; 48] = h.finalize().into();
        assert_eq!(e.digest().unwrap(), expected);
    }

    #[test]
    fn bad_logs_name_the_event_and_the_problem() {
        let err = |s: &str| parse(s).unwrap_err().to_string();
        assert!(err("not json").contains("not valid JSON"));
        assert!(err("{\"a\":1}").contains("JSON array"));
        assert!(err("[1]").starts_with("Event 0 "));
        assert!(err(r#"[{"imr":9,"event_type":1}]"#).contains("RTMR0 to RTMR3"));
        assert!(
            err(r#"[{"imr":0,"event_type":1,"digest":"zz"}]"#).contains("\"digest\" is not hex")
        );
        assert!(err(r#"[{"imr":3,"event_type":1,"version":2}]"#).contains("version 1"));
        let short = parse(r#"[{"imr":0,"event_type":1,"digest":"abcd"}]"#).unwrap();
        assert!(replay(&short)
            .unwrap_err()
            .to_string()
            .contains("has 2 bytes"));
    }
}
