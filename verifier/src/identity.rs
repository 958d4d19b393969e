//! The app's identity as the launch events state it (dstack-util `measure_app_info`):
//! the app ID is the first 20 bytes of the compose hash unless it was pinned at deploy
//! time; the instance ID is derived from a per-instance seed (or empty with
//! `no_instance_id`); `key-provider` says where the CVM's keys come from.

use crate::compose::sha256;
use crate::input::hex_encode;
use serde_json::Value;

/// How the app ID relates to the compose hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppIdOrigin {
    /// `app-id` == the first 20 bytes of `compose-hash`.
    Derived,
    /// Any other 20 bytes: set at deploy time (e.g. an on-chain app contract's address).
    Pinned,
    /// Not 20 bytes: dstack refuses to boot such a CVM, so the log is not dstack's.
    Invalid,
}

/// Compares the app ID with the compose hash it would be derived from.
pub fn app_id_origin(app_id: &[u8], compose_hash: &[u8]) -> AppIdOrigin {
    if app_id.len() != 20 {
        AppIdOrigin::Invalid
    } else if compose_hash.len() >= 20 && app_id == &compose_hash[..20] {
        AppIdOrigin::Derived
    } else {
        AppIdOrigin::Pinned
    }
}

/// The DER prefix of a P-256 SubjectPublicKeyInfo (id-ecPublicKey, prime256v1).
const P256_SPKI_PREFIX: &str = "3059301306072a8648ce3d020106082a8648ce3d030107034200";

/// The decoded `key-provider` event (`{"name": "kms", "id": "<hex>"}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyProvider {
    pub name: String,
    pub id: Vec<u8>,
    /// The id is a P-256 public key in SubjectPublicKeyInfo form (a KMS root key).
    pub p256_key: bool,
}

impl KeyProvider {
    /// SHA-256 of the provider's id, a short fingerprint to compare.
    pub fn fingerprint(&self) -> [u8; 32] {
        sha256(&self.id)
    }

    /// What the name means for the keys (dstack verifier README: `local` means the
    /// CVM is not KMS-backed).
    pub fn meaning(&self) -> &'static str {
        match self.name.as_str() {
            "kms" => "a dstack KMS: the app's keys come from the KMS whose root key is below, after it checked this CVM's attestation",
            "local" => "the local key provider on the host: this CVM is not KMS-backed, so its keys are bound to this one machine",
            "none" => "none: the CVM got no keys from any provider",
            "tpm" => "a TPM-based key provider",
            _ => "a key provider this page does not know",
        }
    }
}

/// Decodes a `key-provider` payload.
pub fn key_provider(payload: &[u8]) -> Result<KeyProvider, String> {
    let v: Value =
        serde_json::from_slice(payload).map_err(|e| format!("its payload is not JSON ({e})"))?;
    let name = v
        .get("name")
        .and_then(Value::as_str)
        .ok_or("its payload has no \"name\"")?
        .to_owned();
    let id = match v.get("id") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::String(s)) => crate::input::hex_decode(s.trim_start_matches("0x"))
            .map_err(|e| format!("its \"id\" is not hex ({e})"))?,
        Some(_) => return Err("its \"id\" is not a string".into()),
    };
    let p256_key = hex_encode(&id).starts_with(P256_SPKI_PREFIX) && id.len() == 91;
    Ok(KeyProvider { name, id, p256_key })
}

/// What `mr_config_id` carries (dstack-types `MrConfig::to_mr_config_id`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigId {
    /// All zeros: not used.
    Unused,
    /// Version 1: byte 0 is 1, bytes 1–32 are the compose hash.
    ComposeHash(Vec<u8>),
    /// Version 2 or 3: a digest binding compose hash, app ID and key provider.
    Binding(u8),
    Unknown(u8),
}

/// Reads the quote's `mr_config_id`.
pub fn config_id(field: &[u8]) -> ConfigId {
    match field.first() {
        _ if field.iter().all(|&b| b == 0) => ConfigId::Unused,
        Some(1) if field.len() >= 33 => ConfigId::ComposeHash(field[1..33].to_vec()),
        Some(&v @ (2 | 3)) => ConfigId::Binding(v),
        Some(&v) => ConfigId::Unknown(v),
        None => ConfigId::Unused,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{claims, events, quote, samples};

    #[test]
    fn the_sample_app_id_is_derived_from_its_compose_hash() {
        let c = claims::read(&events::parse(samples::DSTACK_GETQUOTE).unwrap());
        let app_id = c.get("app-id").unwrap();
        let compose = c.get("compose-hash").unwrap();
        assert_eq!(app_id_origin(app_id, compose), AppIdOrigin::Derived);
        let mut pinned = app_id.to_vec();
        pinned[19] ^= 1;
        assert_eq!(app_id_origin(&pinned, compose), AppIdOrigin::Pinned);
        assert_eq!(app_id_origin(&pinned[..19], compose), AppIdOrigin::Invalid);
    }

    #[test]
    fn the_sample_key_provider_is_a_kms_with_a_p256_root_key() {
        let c = claims::read(&events::parse(samples::DSTACK_GETQUOTE).unwrap());
        let kp = key_provider(c.get("key-provider").unwrap()).unwrap();
        assert_eq!(kp.name, "kms");
        assert!(kp.p256_key);
        assert_eq!(kp.id.len(), 91);
        assert!(kp.meaning().starts_with("a dstack KMS"));
    }

    #[test]
    fn key_provider_payloads_that_are_not() {
        assert!(key_provider(b"zfs").unwrap_err().contains("not JSON"));
        assert!(key_provider(b"{}").unwrap_err().contains("no \"name\""));
        assert!(key_provider(br#"{"name":"kms","id":"zz"}"#)
            .unwrap_err()
            .contains("not hex"));
        let local = key_provider(br#"{"name":"local","id":"00"}"#).unwrap();
        assert!(!local.p256_key);
        assert!(local.meaning().contains("not KMS-backed"));
    }

    #[test]
    fn the_sample_mr_config_id_carries_the_compose_hash() {
        let q = quote::decode(&samples::dstack_quote()).unwrap();
        let c = claims::read(&events::parse(samples::DSTACK_GETQUOTE).unwrap());
        assert_eq!(
            config_id(q.field(quote::FieldKey::MrConfigId)),
            ConfigId::ComposeHash(c.get("compose-hash").unwrap().to_vec())
        );
        assert_eq!(config_id(&[0; 48]), ConfigId::Unused);
        let mut v2 = [0u8; 48];
        v2[0] = 2;
        assert_eq!(config_id(&v2), ConfigId::Binding(2));
    }
}
