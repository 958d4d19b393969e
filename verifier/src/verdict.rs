//! The signature chain: dcap-qvl's `verify::verify(quote, collateral, now)` checks the
//! quote's ECDSA signature, the QE report, the PCK certificate chain up to Intel's root,
//! the CRLs and the TCB info, at a given instant.

use crate::error::InputError;
use crate::input::check_len;
use dcap_qvl::QuoteCollateralV3;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The chain verified; `status` is the TCB status from Intel's TCB info.
    Verified {
        status: String,
        advisories: Vec<String>,
        at: u64,
    },
    /// dcap-qvl refused the quote; `reason` is its message.
    Failed { reason: String, at: u64 },
    /// No collateral was given: the signature chain was not checked.
    NotChecked,
}

/// Parses collateral JSON (`QuoteCollateralV3`, as a PCCS serves it).
pub fn parse_collateral(text: &str) -> Result<QuoteCollateralV3, InputError> {
    check_len("collateral", text)?;
    serde_json::from_str(text.trim()).map_err(|e| InputError::Json {
        field: "collateral",
        detail: e.to_string(),
    })
}

/// Verifies `quote` against `collateral` at `at` (seconds since 1970).
pub fn verify(quote: &[u8], collateral: &QuoteCollateralV3, at: u64) -> Verdict {
    match dcap_qvl::verify::verify(quote, collateral, at) {
        Ok(report) => Verdict::Verified {
            status: report.status,
            advisories: report.advisory_ids,
            at,
        },
        Err(e) => Verdict::Failed {
            reason: format!("{e:#}"),
            at,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::samples::{INTEL_COLLATERAL, INTEL_QUOTE, INTEL_SAMPLE_INSTANT};

    fn collateral() -> QuoteCollateralV3 {
        parse_collateral(INTEL_COLLATERAL).unwrap()
    }

    #[test]
    fn the_intel_sample_is_up_to_date_at_the_fixed_instant() {
        match verify(INTEL_QUOTE, &collateral(), INTEL_SAMPLE_INSTANT) {
            Verdict::Verified { status, at, .. } => {
                assert_eq!(status, "UpToDate");
                assert_eq!(at, INTEL_SAMPLE_INSTANT);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn one_flipped_byte_breaks_the_signature() {
        let mut q = INTEL_QUOTE.to_vec();
        q[600] ^= 1; // inside report_data, which the quote's signature covers
        match verify(&q, &collateral(), INTEL_SAMPLE_INSTANT) {
            Verdict::Failed { reason, .. } => assert!(reason.contains("signature"), "{reason}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn expired_collateral_fails_today() {
        // 2026-11-29: long after the sample's TCB info expired.
        assert!(matches!(
            verify(INTEL_QUOTE, &collateral(), 1_796_000_000),
            Verdict::Failed { .. }
        ));
    }

    #[test]
    fn collateral_that_is_not_collateral() {
        assert!(matches!(
            parse_collateral("{}"),
            Err(InputError::Json { .. })
        ));
        assert!(matches!(
            parse_collateral("[1,2"),
            Err(InputError::Json { .. })
        ));
    }
}
