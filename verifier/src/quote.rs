//! Reads a TDX quote: checks the outer structure by hand (so each problem gets a precise
//! message), then lets dcap-qvl's `Quote::parse` decode it. Offsets follow dcap-qvl's
//! `Header`/`TDReport10` structs (src/quote.rs in Phala-Network/dcap-qvl); multi-byte
//! integers are little-endian (SCALE).

use crate::error::InputError;
use dcap_qvl::quote::{Quote, Report};

pub const HEADER_LEN: usize = 48;
const TD_REPORT10_LEN: usize = 584;
const TD_REPORT15_LEN: usize = 648;
const TEE_TYPE_SGX: u32 = 0x0000_0000;
pub const TEE_TYPE_TDX: u32 = 0x0000_0081;
/// Intel's QE vendor ID (dcap-qvl src/constants.rs).
const INTEL_QE_VENDOR_ID: [u8; 16] = [
    0x93, 0x9a, 0x72, 0x33, 0xf7, 0x9c, 0x4c, 0xa9, 0x94, 0x0a, 0x0d, 0xb3, 0x95, 0x7f, 0x06, 0x07,
];

/// One field of the TD report, where it sits in the quote, and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub key: FieldKey,
    pub offset: usize,
    pub bytes: Vec<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKey {
    TeeTcbSvn,
    MrSeam,
    MrSignerSeam,
    SeamAttributes,
    TdAttributes,
    Xfam,
    MrTd,
    MrConfigId,
    MrOwner,
    MrOwnerConfig,
    Rtmr(u8),
    ReportData,
}

/// TD report fields in body order with their sizes (`TDReport10`).
const LAYOUT: [(FieldKey, usize); 15] = [
    (FieldKey::TeeTcbSvn, 16),
    (FieldKey::MrSeam, 48),
    (FieldKey::MrSignerSeam, 48),
    (FieldKey::SeamAttributes, 8),
    (FieldKey::TdAttributes, 8),
    (FieldKey::Xfam, 8),
    (FieldKey::MrTd, 48),
    (FieldKey::MrConfigId, 48),
    (FieldKey::MrOwner, 48),
    (FieldKey::MrOwnerConfig, 48),
    (FieldKey::Rtmr(0), 48),
    (FieldKey::Rtmr(1), 48),
    (FieldKey::Rtmr(2), 48),
    (FieldKey::Rtmr(3), 48),
    (FieldKey::ReportData, 64),
];

/// A decoded TDX quote.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub version: u16,
    pub attestation_key_type: u16,
    pub tee_type: u32,
    pub intel_qe: bool,
    /// "TDReport10" or "TDReport15".
    pub body: &'static str,
    pub fields: Vec<Field>,
    /// TD attributes bit 0: a debug TD's memory is open to the host.
    pub debug: bool,
    /// Bytes after the declared signature data (dstack's own quotes carry some zeros).
    pub trailing: usize,
    pub len: usize,
}

impl Decoded {
    pub fn field(&self, key: FieldKey) -> &[u8] {
        self.fields
            .iter()
            .find(|f| f.key == key)
            .map(|f| f.bytes.as_slice())
            .unwrap_or(&[])
    }

    pub fn rtmr(&self, index: u8) -> &[u8] {
        self.field(FieldKey::Rtmr(index))
    }
}

fn u16_at(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

fn need(bytes: &[u8], need: usize, part: &'static str) -> Result<(), InputError> {
    if bytes.len() < need {
        return Err(InputError::Truncated {
            have: bytes.len(),
            need,
            part,
        });
    }
    Ok(())
}

/// Decodes a TDX quote, or says precisely why it is not one.
pub fn decode(bytes: &[u8]) -> Result<Decoded, InputError> {
    need(bytes, HEADER_LEN, "the 48-byte header")?;
    let version = u16_at(bytes, 0);
    if !(3..=5).contains(&version) {
        return Err(InputError::UnsupportedVersion(version));
    }
    let tee_type = u32_at(bytes, 4);
    if tee_type != TEE_TYPE_TDX {
        return Err(InputError::NotTdx { tee_type });
    }
    if version == 3 {
        // Version 3 quotes are SGX-only (dcap-qvl `Quote::decode`).
        return Err(InputError::NotTdx {
            tee_type: TEE_TYPE_SGX,
        });
    }
    let (body_start, body_len, body) = if version == 5 {
        need(bytes, HEADER_LEN + 6, "the version 5 body descriptor")?;
        match u16_at(bytes, HEADER_LEN) {
            2 => (HEADER_LEN + 6, TD_REPORT10_LEN, "TDReport10"),
            3 => (HEADER_LEN + 6, TD_REPORT15_LEN, "TDReport15"),
            other => return Err(InputError::BodyType(other)),
        }
    } else {
        (HEADER_LEN, TD_REPORT10_LEN, "TDReport10")
    };
    let body_end = body_start + body_len;
    need(bytes, body_end, "the TD report")?;
    need(bytes, body_end + 4, "the signature-data length")?;
    let auth_len = u32_at(bytes, body_end) as usize;
    let end = (body_end + 4).saturating_add(auth_len);
    need(bytes, end, "the signature data it declares")?;

    let parsed = Quote::parse(bytes).map_err(|e| InputError::Malformed(format!("{e:#}")))?;
    let td = match &parsed.report {
        Report::SgxEnclave(_) => {
            return Err(InputError::NotTdx {
                tee_type: TEE_TYPE_SGX,
            })
        }
        report => report.as_td10().copied(),
    };
    let Some(td) = td else {
        return Err(InputError::Malformed("no TD report".into()));
    };
    let values: [&[u8]; 15] = [
        &td.tee_tcb_svn,
        &td.mr_seam,
        &td.mr_signer_seam,
        &td.seam_attributes,
        &td.td_attributes,
        &td.xfam,
        &td.mr_td,
        &td.mr_config_id,
        &td.mr_owner,
        &td.mr_owner_config,
        &td.rt_mr0,
        &td.rt_mr1,
        &td.rt_mr2,
        &td.rt_mr3,
        &td.report_data,
    ];
    let mut offset = body_start;
    let mut fields = Vec::with_capacity(LAYOUT.len());
    for ((key, len), value) in LAYOUT.iter().zip(values) {
        debug_assert_eq!(*len, value.len());
        fields.push(Field {
            key: *key,
            offset,
            bytes: value.to_vec(),
        });
        offset += len;
    }
    Ok(Decoded {
        version,
        attestation_key_type: parsed.header.attestation_key_type,
        tee_type,
        intel_qe: parsed.header.qe_vendor_id == INTEL_QE_VENDOR_ID,
        body,
        debug: td.td_attributes[0] & 1 == 1,
        fields,
        trailing: bytes.len() - end,
        len: bytes.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::samples;

    #[test]
    fn the_intel_sample_decodes_with_the_documented_offsets() {
        let q = decode(samples::INTEL_QUOTE).unwrap();
        assert_eq!(
            (q.version, q.tee_type, q.body),
            (4, TEE_TYPE_TDX, "TDReport10")
        );
        assert!(q.intel_qe);
        assert!(!q.debug);
        let at = |k| q.fields.iter().find(|f| f.key == k).unwrap().offset;
        // The absolute v4 offsets from the facts file, section 11.
        assert_eq!(at(FieldKey::MrTd), 184);
        assert_eq!(at(FieldKey::MrConfigId), 232);
        assert_eq!(at(FieldKey::Rtmr(0)), 376);
        assert_eq!(at(FieldKey::Rtmr(3)), 520);
        assert_eq!(at(FieldKey::ReportData), 568);
        for f in &q.fields {
            assert_eq!(
                &samples::INTEL_QUOTE[f.offset..f.offset + f.bytes.len()],
                f.bytes
            );
        }
    }

    #[test]
    fn the_dstack_sample_has_trailing_zeros() {
        let q = decode(&samples::dstack_quote()).unwrap();
        assert_eq!(q.len, 5006);
        assert_eq!(q.trailing, 70);
    }

    #[test]
    fn short_input_names_the_header() {
        assert_eq!(
            decode(&[4, 0, 2]).unwrap_err(),
            InputError::Truncated {
                have: 3,
                need: 48,
                part: "the 48-byte header"
            }
        );
    }

    #[test]
    fn wrong_version_and_tee_type() {
        let mut q = samples::INTEL_QUOTE.to_vec();
        q[0] = 7;
        assert_eq!(decode(&q).unwrap_err(), InputError::UnsupportedVersion(7));
        let mut q = samples::INTEL_QUOTE.to_vec();
        q[4] = 0;
        assert_eq!(decode(&q).unwrap_err(), InputError::NotTdx { tee_type: 0 });
    }

    #[test]
    fn truncation_is_reported_against_the_part_it_cuts() {
        let q = samples::INTEL_QUOTE;
        assert!(matches!(
            decode(&q[..600]).unwrap_err(),
            InputError::Truncated {
                have: 600,
                need: 632,
                ..
            }
        ));
        assert!(matches!(
            decode(&q[..1000]).unwrap_err(),
            InputError::Truncated {
                part: "the signature data it declares",
                ..
            }
        ));
    }

    #[test]
    fn damaged_signature_data_is_malformed_not_a_panic() {
        let mut q = samples::INTEL_QUOTE.to_vec();
        // The certification data's u32 length, after the two 64-byte keys and its u16 type:
        // now it claims more bytes than the quote has.
        q[636 + 130..636 + 134].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(matches!(decode(&q).unwrap_err(), InputError::Malformed(_)));
    }
}
