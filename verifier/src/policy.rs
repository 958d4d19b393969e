//! Verdict semantics a relying party can act on (facts file §12.5): which TCB statuses
//! pass, which warn, which fail; and the trust anchor every signature check ends at.

/// The state of one check, worst last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Pass,
    /// Not checked: a missing input, or something this page cannot check.
    Skip,
    /// Passed, with something the relying party must judge.
    Warn,
    Fail,
}

impl Level {
    /// The badge word.
    pub fn word(self) -> &'static str {
        match self {
            Level::Pass => "Passed",
            Level::Skip => "Not checked",
            Level::Warn => "Warning",
            Level::Fail => "Failed",
        }
    }

    /// The CSS class.
    pub fn class(self) -> &'static str {
        match self {
            Level::Pass => "vr-pass",
            Level::Skip => "vr-skip",
            Level::Warn => "vr-warn",
            Level::Fail => "vr-fail",
        }
    }

    /// The lowercase key used in the downloaded report.
    pub fn key(self) -> &'static str {
        match self {
            Level::Pass => "pass",
            Level::Skip => "not_checked",
            Level::Warn => "warning",
            Level::Fail => "fail",
        }
    }
}

/// What a TCB status means: only `UpToDate` is a clean pass; the `*Needed` and
/// `OutOfDate*` statuses (and TD 1.5's relaunch advice) are warnings whose advisory IDs
/// the relying party judges; `Revoked`, and any status this page does not know, fail.
pub fn tcb_level(status: &str) -> Level {
    match status {
        "UpToDate" => Level::Pass,
        "SWHardeningNeeded"
        | "ConfigurationNeeded"
        | "ConfigurationAndSWHardeningNeeded"
        | "OutOfDate"
        | "OutOfDateConfigurationNeeded"
        | "TDRelaunchAdvised"
        | "TDRelaunchAdvisedConfigurationNeeded" => Level::Warn,
        _ => Level::Fail,
    }
}

/// The trust anchor dcap-qvl 0.7 verifies against: Intel's SGX Root CA, embedded in
/// dcap-qvl (`src/TrustedRootCA.der`); the PCK chain in every collateral ends at it.
pub struct TrustAnchor {
    pub name: &'static str,
    /// SHA-256 of the certificate (DER), as `openssl x509 -fingerprint -sha256` prints it.
    pub cert_sha256: &'static str,
    /// SHA-256 of its public key (the DER SubjectPublicKeyInfo).
    pub key_sha256: &'static str,
}

/// Intel SGX Root CA (CN=Intel SGX Root CA, O=Intel Corporation, valid 2018-05-21 to 2049-12-31).
pub const INTEL_ROOT: TrustAnchor = TrustAnchor {
    name: "Intel SGX Root CA",
    cert_sha256: "44a0196b2b99f889b8e149e95b807a350e7424964399e885a7cbb8ccfab674d3",
    key_sha256: "a0af031289f5d5d4132f9186068a7fc13628633ba235777472e29b6b6c67a49e",
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compose::sha256;
    use crate::input::hex_encode;
    use base64::Engine;

    #[test]
    fn each_tcb_status_maps_to_its_verdict() {
        let cases = [
            ("UpToDate", Level::Pass),
            ("SWHardeningNeeded", Level::Warn),
            ("ConfigurationNeeded", Level::Warn),
            ("ConfigurationAndSWHardeningNeeded", Level::Warn),
            ("OutOfDate", Level::Warn),
            ("OutOfDateConfigurationNeeded", Level::Warn),
            ("TDRelaunchAdvised", Level::Warn),
            ("TDRelaunchAdvisedConfigurationNeeded", Level::Warn),
            ("Revoked", Level::Fail),
            ("SomethingNew", Level::Fail),
            ("", Level::Fail),
        ];
        for (status, level) in cases {
            assert_eq!(tcb_level(status), level, "{status}");
        }
        assert!(
            Level::Fail > Level::Warn && Level::Warn > Level::Skip && Level::Skip > Level::Pass
        );
    }

    /// The last certificate of the sample collateral's chains is Intel's root: its
    /// fingerprints are the ones this page prints.
    #[test]
    fn the_fingerprints_are_the_sample_chains_root() {
        let c: serde_json::Value = serde_json::from_str(crate::samples::INTEL_COLLATERAL).unwrap();
        let chain = c["tcb_info_issuer_chain"].as_str().unwrap();
        let last = chain.split("-----BEGIN CERTIFICATE-----").last().unwrap();
        let b64: String = last
            .split("-----END CERTIFICATE-----")
            .next()
            .unwrap()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let der = base64::engine::general_purpose::STANDARD
            .decode(b64)
            .unwrap();
        assert_eq!(hex_encode(&sha256(&der)), INTEL_ROOT.cert_sha256);
        let prefix =
            crate::input::hex_decode("3059301306072a8648ce3d020106082a8648ce3d030107034200")
                .unwrap();
        let at = der.windows(prefix.len()).position(|w| w == prefix).unwrap();
        assert_eq!(
            hex_encode(&sha256(&der[at..at + 91])),
            INTEL_ROOT.key_sha256
        );
    }
}
