//! The app check: the pasted `app-compose.json` (or the copy inside an `Info` response's
//! `tcb_info`) hashed as it is and in the two forms tools write, compared with the
//! compose hash the quote carries (the `compose-hash` event, and `mr_config_id` when it
//! is set) or with a hash the visitor expects.

use crate::compose::{self, Forms};
use crate::input::{check_len, hex_decode};
use serde_json::Value;

/// Where the file's text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Pasted as the file itself.
    File,
    /// The `app_compose` string of an `Info` response's `tcb_info` (the exact bytes the
    /// guest agent hashed).
    TcbInfo,
}

/// The file to hash, taken from what was pasted.
pub fn file_text(pasted: &str) -> Result<(String, Source), String> {
    let Ok(Value::Object(map)) = serde_json::from_str::<Value>(pasted) else {
        return Ok((pasted.to_owned(), Source::File));
    };
    let tcb = match map.get("tcb_info") {
        Some(Value::String(s)) => serde_json::from_str::<Value>(s)
            .map_err(|e| format!("its \"tcb_info\" string is not JSON ({e})"))?,
        Some(v @ Value::Object(_)) => v.clone(),
        Some(_) => return Err("its \"tcb_info\" is neither a JSON string nor an object".into()),
        // A tcb_info object itself, which has app_compose next to the registers.
        None if map.contains_key("app_compose") && map.contains_key("rtmr3") => {
            Value::Object(map.clone())
        }
        None => return Ok((pasted.to_owned(), Source::File)),
    };
    match tcb.get("app_compose") {
        Some(Value::String(s)) if !s.is_empty() => Ok((s.clone(), Source::TcbInfo)),
        _ => Err(
            "this Info response's tcb_info has no app_compose (the guest agent empties it for \
             outside callers unless public_tcbinfo is set)"
                .into(),
        ),
    }
}

/// A compose hash typed by the visitor: 64 hex digits, `0x` optional.
pub fn expected_hash(text: &str) -> Result<Option<Vec<u8>>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let h = hex_decode(t.strip_prefix("0x").unwrap_or(t))
        .map_err(|e| format!("The expected compose hash is not hex: {e}"))?;
    if h.len() != 32 {
        return Err(format!(
            "The expected compose hash has {} bytes; a SHA-256 hash has 32 (64 hex digits).",
            h.len()
        ));
    }
    Ok(Some(h))
}

/// Which of the file's forms gives the target hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// The bytes as pasted: the file is the one the CVM measured.
    Raw,
    /// The bytes without their final newline.
    WithoutFinalNewline,
    /// Not the bytes, but this generated form: the pasted file has the same content
    /// written differently.
    Form(&'static str),
    None,
}

/// The pasted file's hashes against one target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct App {
    pub source: Source,
    pub forms: Forms,
    pub matched: Match,
}

/// Hashes the pasted file and finds which form (if any) gives `target`.
pub fn check(pasted: &str, target: Option<&[u8]>) -> Result<App, String> {
    check_len("app-compose", pasted).map_err(|e| e.to_string())?;
    let (text, source) = file_text(pasted)?;
    let forms = compose::forms(&text);
    let matched = match target {
        None => Match::None,
        Some(t) if forms.raw.as_slice() == t => Match::Raw,
        Some(t)
            if forms
                .without_final_newline
                .is_some_and(|h| h.as_slice() == t) =>
        {
            Match::WithoutFinalNewline
        }
        Some(t) => match &forms.parsed {
            Some(Ok(generated)) => generated
                .iter()
                .find(|f| f.hash.as_slice() == t)
                .map_or(Match::None, |f| Match::Form(f.label)),
            _ => Match::None,
        },
    };
    Ok(App {
        source,
        forms,
        matched,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compose::sha256;

    const FILE: &str = "{\n    \"name\": \"demo\",\n    \"runner\": \"docker-compose\"\n}";

    #[test]
    fn the_exact_file_matches_and_a_reformatted_one_names_the_form_that_does() {
        let target = sha256(FILE.as_bytes());
        assert_eq!(check(FILE, Some(&target)).unwrap().matched, Match::Raw);
        let compact = r#"{"name":"demo","runner":"docker-compose"}"#;
        assert_eq!(
            check(compact, Some(&target)).unwrap().matched,
            Match::Form("VMM CLI")
        );
        let normalized = sha256(br#"{"name":"demo","runner":"docker-compose"}"#);
        assert_eq!(
            check(FILE, Some(&normalized)).unwrap().matched,
            Match::Form("normalized")
        );
        let with_newline = format!("{FILE}\n");
        assert_eq!(
            check(&with_newline, Some(&target)).unwrap().matched,
            Match::WithoutFinalNewline
        );
        assert_eq!(check(FILE, Some(&[0; 32])).unwrap().matched, Match::None);
    }

    #[test]
    fn info_responses_give_their_app_compose_bytes() {
        let tcb = serde_json::json!({ "rtmr3": "00", "app_compose": FILE }).to_string();
        let info = serde_json::json!({ "app_id": "x", "tcb_info": tcb }).to_string();
        assert_eq!(
            file_text(&info).unwrap(),
            (FILE.to_owned(), Source::TcbInfo)
        );
        assert_eq!(file_text(&tcb).unwrap(), (FILE.to_owned(), Source::TcbInfo));
        let empty = serde_json::json!({ "tcb_info": "{}" }).to_string();
        assert!(file_text(&empty).unwrap_err().contains("public_tcbinfo"));
        assert_eq!(file_text("not json").unwrap().1, Source::File);
    }

    #[test]
    fn expected_hashes() {
        assert_eq!(expected_hash(" ").unwrap(), None);
        assert_eq!(
            expected_hash(&format!("0x{}", "ab".repeat(32)))
                .unwrap()
                .unwrap()
                .len(),
            32
        );
        assert!(expected_hash("abcd").unwrap_err().contains("2 bytes"));
        assert!(expected_hash("xyz").unwrap_err().contains("not hex"));
    }
}
