//! The bundled samples (licences in `verifier/samples/README.md`).

use serde_json::Value;

/// dcap-qvl `sample/tdx_quote` (MIT).
pub const INTEL_QUOTE: &[u8] = include_bytes!("../samples/intel-tdx-quote.bin");
/// dcap-qvl `sample/tdx_quote_collateral.json` (MIT).
pub const INTEL_COLLATERAL: &str = include_str!("../samples/intel-tdx-collateral.json");
/// dstack `dstack/verifier/fixtures/tdx-lite-getquote.json` (CC0-1.0).
pub const DSTACK_GETQUOTE: &str = include_str!("../samples/dstack-getquote.json");

/// 2025-07-01 00:00:00 UTC. The sample collateral's TCB info is valid from 2025-06-19 to
/// 2025-07-19, so dcap-qvl's sample quote is checked at this instant and the demo never expires.
pub const INTEL_SAMPLE_INSTANT: u64 = 1_751_328_000;

fn dstack() -> Value {
    serde_json::from_str(DSTACK_GETQUOTE).unwrap_or(Value::Null)
}

/// The dstack sample's quote bytes.
pub fn dstack_quote() -> Vec<u8> {
    dstack()["quote"]
        .as_str()
        .and_then(|hex| crate::input::hex_decode(hex).ok())
        .unwrap_or_default()
}

/// The dstack sample's quote as the hex a visitor would paste.
pub fn dstack_quote_hex() -> String {
    dstack()["quote"].as_str().unwrap_or_default().to_owned()
}

/// The dstack sample's event log, pretty-printed for the text area.
pub fn dstack_event_log() -> String {
    let log = dstack();
    log["event_log"]
        .as_str()
        .and_then(|s| serde_json::from_str::<Value>(s).ok())
        .and_then(|v| serde_json::to_string_pretty(&v).ok())
        .unwrap_or_default()
}

/// Whether the collateral field holds the bundled dcap-qvl sample collateral (then the fixed
/// instant applies, even to a tampered quote, so a failure is the tampering's fault).
pub fn is_intel_collateral(text: &str) -> bool {
    text.trim() == INTEL_COLLATERAL.trim()
}

/// The dstack sample's `vm_config`, pretty-printed for the text area.
pub fn dstack_vm_config() -> String {
    dstack()["vm_config"]
        .as_str()
        .and_then(|s| serde_json::from_str::<Value>(s).ok())
        .and_then(|v| serde_json::to_string_pretty(&v).ok())
        .unwrap_or_default()
}
