//! The OS image check ("TDX lite", as dstack-verifier's
//! `verify_os_image_hash_for_dstack_tdx_lite` does it at `312dc60`):
//! 1. `sha256(checksum_file) == os_image_hash`, and the checksum file's line for
//!    `measurement.tdx.cbor` equals `sha256(measurement)`: the material belongs to the image;
//! 2. the CBOR decodes (version 3);
//! 3. MRTD, RTMR0, RTMR1 and RTMR2 computed from it ([`crate::lite`]) equal the quote's.

use crate::cbor::{self, Cbor};
use crate::events::Event;
use crate::input::hex_decode;
use crate::lite::{self, AcpiDigests, Digest48};
use crate::quote::{Decoded, FieldKey};
use base64::Engine;
use core::fmt;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// The name the checksum file lists the measurement material under.
pub const MATERIAL_FILE: &str = "measurement.tdx.cbor";
/// The measurement document version this page reads.
pub const MATERIAL_VERSION: u64 = 3;
/// ACPI events in RTMR0: event type 10 ("EV_PLATFORM_CONFIG_FLAGS"), payload "ACPI DATA".
const ACPI_EVENT_TYPE: u32 = 10;
const ACPI_PAYLOAD: &[u8] = b"ACPI DATA";

/// The parts of a dstack `VmConfig` the OS image check reads.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VmConfig {
    pub os_image_hash: Vec<u8>,
    pub image: Option<String>,
    pub cpu_count: u64,
    pub memory_size: u64,
    pub qemu_version: Option<String>,
    pub single_pass_add_pages: Option<bool>,
    pub ovmf_variant: Option<String>,
    /// `tdx_attestation_variant`; absent means "legacy".
    pub variant: String,
    /// `tdx_measurement`: the raw checksum file and CBOR, base64-decoded.
    pub material: Option<(Vec<u8>, Vec<u8>)>,
}

/// Why the OS image could not be checked, or why it does not match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OsImageError {
    NoVmConfig,
    Json(String),
    Field { field: &'static str, detail: String },
    NotLite(String),
    NoMaterial,
    ImageHash { expected: Vec<u8>, actual: [u8; 32] },
    ChecksumEntry(String),
    MaterialHash { listed: Vec<u8>, actual: [u8; 32] },
    Cbor(String),
    Material(String),
    OvmfMismatch { config: String, material: String },
    Memory(u64),
    Qemu(String),
    Witness(&'static str),
    Acpi(String),
}

impl OsImageError {
    /// A mismatch (the evidence contradicts itself) rather than a refusal (this page
    /// cannot check it).
    pub fn is_mismatch(&self) -> bool {
        matches!(
            self,
            OsImageError::ImageHash { .. } | OsImageError::MaterialHash { .. }
        )
    }
}

fn mib(bytes: u64) -> String {
    format!("{} MiB", bytes / (1024 * 1024))
}

impl fmt::Display for OsImageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::input::hex_encode as hex;
        match self {
            OsImageError::NoVmConfig => write!(
                f,
                "No VM config was given. Paste a whole GetQuote response (it carries vm_config) \
                 or the vm_config JSON, to check the OS image."
            ),
            OsImageError::Json(d) => write!(f, "The VM config is not valid JSON: {d}."),
            OsImageError::Field { field, detail } => {
                write!(f, "The VM config's \"{field}\" {detail}.")
            }
            OsImageError::NotLite(v) => write!(
                f,
                "This CVM booted with tdx_attestation_variant \"{v}\". For it, dstack-verifier \
                 downloads the OS image and rebuilds the ACPI tables; this page does not fetch \
                 anything, so it checks only \"lite\" boots, whose vm_config carries the image's \
                 measurement material."
            ),
            OsImageError::NoMaterial => write!(
                f,
                "The VM config says \"lite\" but carries no tdx_measurement document, so there is \
                 nothing to compute the expected registers from."
            ),
            OsImageError::ImageHash { expected, actual } => write!(
                f,
                "The measurement material does not belong to this OS image: sha256 of its \
                 checksum file is {}, but os_image_hash is {}.",
                hex(actual),
                hex(expected)
            ),
            OsImageError::ChecksumEntry(d) => write!(f, "The image's checksum file {d}."),
            OsImageError::MaterialHash { listed, actual } => write!(
                f,
                "The checksum file lists {MATERIAL_FILE} as {}, but the material given hashes \
                 to {}: it was changed.",
                hex(listed),
                hex(actual)
            ),
            OsImageError::Cbor(d) => write!(f, "The measurement material is not valid CBOR ({d})."),
            OsImageError::Material(d) => write!(f, "The measurement material {d}."),
            OsImageError::OvmfMismatch { config, material } => write!(
                f,
                "The VM config names OVMF variant \"{config}\" but the image's material says \
                 \"{material}\"."
            ),
            OsImageError::Memory(size) => write!(
                f,
                "The CVM has {} of RAM. The lite path supports exactly 2048 MiB or at least {}: \
                 below that QEMU patches the kernel differently for each size, and only the \
                 image itself can give RTMR1. Use dstack-verifier with the image.",
                mib(*size),
                mib(lite::STABLE_MIN_MEMORY)
            ),
            OsImageError::Qemu(d) => write!(f, "The VM config cannot be measured: {d}."),
            OsImageError::Witness(d) => write!(
                f,
                "The TD HOB witness in the measurement material cannot be read: {d}."
            ),
            OsImageError::Acpi(d) => write!(f, "RTMR0 cannot be computed: {d}."),
        }
    }
}

/// Reads a VM config: a JSON object, or a JSON string holding one (as `GetQuote`
/// returns it).
pub fn parse_vm_config(text: &str) -> Result<VmConfig, OsImageError> {
    let mut value: Value =
        serde_json::from_str(text.trim()).map_err(|e| OsImageError::Json(e.to_string()))?;
    if let Value::String(inner) = &value {
        value = serde_json::from_str(inner).map_err(|e| OsImageError::Json(e.to_string()))?;
    }
    vm_config_from(&value)
}

/// Reads a VM config from parsed JSON.
pub fn vm_config_from(value: &Value) -> Result<VmConfig, OsImageError> {
    if !value.is_object() {
        return Err(OsImageError::Json(
            "it is not a JSON object with os_image_hash, cpu_count and memory_size".into(),
        ));
    }
    let field = |field: &'static str, detail: &str| OsImageError::Field {
        field,
        detail: detail.into(),
    };
    let text = |key: &'static str| -> Result<Option<String>, OsImageError> {
        match value.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(field(key, "is not a string")),
        }
    };
    let number = |key: &'static str| -> Result<u64, OsImageError> {
        match value.get(key) {
            None | Some(Value::Null) => Ok(0),
            Some(v) => v
                .as_u64()
                .ok_or_else(|| field(key, "is not a whole number")),
        }
    };
    let os_image_hash = match text("os_image_hash")? {
        Some(h) => hex_decode(h.trim_start_matches("0x"))
            .map_err(|e| field("os_image_hash", &format!("is not hex ({e})")))?,
        None => return Err(field("os_image_hash", "is missing")),
    };
    let single_pass_add_pages = match value.get("qemu_single_pass_add_pages") {
        None | Some(Value::Null) => None,
        Some(Value::Bool(b)) => Some(*b),
        Some(_) => return Err(field("qemu_single_pass_add_pages", "is not true or false")),
    };
    let material = match value.get("tdx_measurement") {
        None | Some(Value::Null) => None,
        Some(doc) => {
            let part = |key: &'static str| -> Result<Vec<u8>, OsImageError> {
                let s = doc
                    .get(key)
                    .and_then(Value::as_str)
                    .ok_or_else(|| field("tdx_measurement", &format!("has no \"{key}\" string")))?;
                base64::engine::general_purpose::STANDARD_NO_PAD
                    .decode(s.trim().trim_end_matches('='))
                    .map_err(|e| {
                        field(
                            "tdx_measurement",
                            &format!("has a \"{key}\" that is not base64 ({e})"),
                        )
                    })
            };
            Some((part("checksum_file")?, part("measurement")?))
        }
    };
    Ok(VmConfig {
        os_image_hash,
        image: text("image")?,
        cpu_count: number("cpu_count")?,
        memory_size: number("memory_size")?,
        qemu_version: text("qemu_version")?,
        single_pass_add_pages,
        ovmf_variant: text("ovmf_variant")?,
        variant: text("tdx_attestation_variant")?.unwrap_or_else(|| "legacy".into()),
        material,
    })
}

/// The decoded `measurement.tdx.cbor`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Material {
    pub cmdline: Digest48,
    pub kernel: Digest48,
    pub initrd: Digest48,
    pub ovmf: String,
    pub mrtd_single_pass: Digest48,
    pub mrtd_two_pass: Digest48,
    pub td_hob_witness: Vec<u8>,
}

/// Decodes the measurement CBOR (dstack-types `CborTdxOsImageMeasurement`, version 3).
pub fn decode_material(bytes: &[u8]) -> Result<Material, OsImageError> {
    let doc = cbor::decode(bytes).map_err(OsImageError::Cbor)?;
    let bad = |d: String| OsImageError::Material(d);
    let get = |v: &'_ Cbor, path: &'static str| -> Result<Cbor, OsImageError> {
        let mut at = v;
        for key in path.split('.') {
            at = at
                .get(key)
                .ok_or_else(|| bad(format!("has no \"{path}\"")))?;
        }
        Ok(at.clone())
    };
    let digest = |path: &'static str| -> Result<Digest48, OsImageError> {
        match get(&doc, path)? {
            Cbor::Bytes(b) => b.as_slice().try_into().map_err(|_| {
                bad(format!(
                    "has a \"{path}\" of {} bytes; a SHA-384 digest has 48",
                    b.len()
                ))
            }),
            other => Err(bad(format!(
                "has \"{path}\" as {}, not bytes",
                other.kind()
            ))),
        }
    };
    match get(&doc, "version")? {
        Cbor::Uint(MATERIAL_VERSION) => {}
        Cbor::Uint(v) => {
            return Err(bad(format!(
                "is version {v}; this page reads version {MATERIAL_VERSION}"
            )))
        }
        other => return Err(bad(format!("has \"version\" as {}", other.kind()))),
    }
    let ovmf = match get(&doc, "tdvf.ovmf")? {
        Cbor::Text(t) => t,
        other => return Err(bad(format!("has \"tdvf.ovmf\" as {}", other.kind()))),
    };
    let td_hob_witness = match get(&doc, "tdvf.td_hob")? {
        Cbor::Bytes(b) => b,
        other => return Err(bad(format!("has \"tdvf.td_hob\" as {}", other.kind()))),
    };
    Ok(Material {
        cmdline: digest("image.cmdline_sha384")?,
        kernel: digest("image.kernel_authenticode")?,
        initrd: digest("image.initrd_sha384")?,
        ovmf,
        mrtd_single_pass: digest("tdvf.mrtd.single_pass")?,
        mrtd_two_pass: digest("tdvf.mrtd.two_pass")?,
        td_hob_witness,
    })
}

/// The hash `sha256sum.txt` lists for `name` (one line each: hash, spaces, file name).
pub fn checksum_entry(file: &[u8], name: &str) -> Result<Vec<u8>, OsImageError> {
    let bad = |d: String| OsImageError::ChecksumEntry(d);
    let text = core::str::from_utf8(file).map_err(|_| bad("is not UTF-8 text".into()))?;
    let mut found = None;
    for (n, line) in text.lines().enumerate() {
        let mut parts = line.split_whitespace();
        let (Some(hash), Some(path)) = (parts.next(), parts.next()) else {
            continue;
        };
        if path != name {
            continue;
        }
        if found.is_some() {
            return Err(bad(format!("lists {name} twice")));
        }
        let hash = hex_decode(hash)
            .ok()
            .filter(|h| h.len() == 32)
            .ok_or_else(|| bad(format!("has no SHA-256 for {name} on line {}", n + 1)))?;
        found = Some(hash);
    }
    found.ok_or_else(|| bad(format!("does not list {name}")))
}

/// The three named ACPI digests from RTMR0's events; exactly one of each.
pub fn acpi_digests(events: &[Event]) -> Result<AcpiDigests, OsImageError> {
    let acpi: Vec<&Event> = events
        .iter()
        .filter(|e| e.imr == 0 && e.event_type == ACPI_EVENT_TYPE && e.payload == ACPI_PAYLOAD)
        .collect();
    let one = |name: &str| -> Result<Digest48, OsImageError> {
        let found: Vec<&&Event> = acpi.iter().filter(|e| e.name == name).collect();
        match found[..] {
            [e] => e.digest.as_slice().try_into().map_err(|_| {
                OsImageError::Acpi(format!(
                    "the {name} event's digest has {} bytes, not 48",
                    e.digest.len()
                ))
            }),
            _ => Err(OsImageError::Acpi(format!(
                "the event log should hold exactly one RTMR0 \"ACPI DATA\" event named {name}; \
                 it holds {}",
                found.len()
            ))),
        }
    };
    Ok(AcpiDigests {
        loader: one("acpi-loader")?,
        rsdp: one("acpi-rsdp")?,
        tables: one("acpi-tables")?,
    })
}

/// One register: what the OS image says it should be, and what the quote says it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Register {
    pub name: &'static str,
    pub what: &'static str,
    pub expected: Digest48,
    pub actual: Vec<u8>,
}

impl Register {
    pub fn matches(&self) -> bool {
        self.expected.as_slice() == self.actual.as_slice()
    }
}

/// The expected MRTD and RTMR0–2 for this material, VM size and ACPI digests.
pub fn expected(
    material: &Material,
    vm: &VmConfig,
    acpi: &AcpiDigests,
) -> Result<[Digest48; 4], OsImageError> {
    if material.ovmf != "pre202505" {
        return Err(OsImageError::Material(format!(
            "names OVMF variant \"{}\"; dstack-mr knows only \"pre202505\"",
            material.ovmf
        )));
    }
    if let Some(config) = &vm.ovmf_variant {
        if *config != material.ovmf {
            return Err(OsImageError::OvmfMismatch {
                config: config.clone(),
                material: material.ovmf.clone(),
            });
        }
    }
    if !lite::memory_supported(vm.memory_size) {
        return Err(OsImageError::Memory(vm.memory_size));
    }
    let two_pass = lite::two_pass(vm.qemu_version.as_deref(), vm.single_pass_add_pages)
        .map_err(OsImageError::Qemu)?;
    let mrtd = if two_pass {
        material.mrtd_two_pass
    } else {
        material.mrtd_single_pass
    };
    let td_hob = lite::td_hob_digest(&material.td_hob_witness, vm.memory_size)
        .map_err(|e| OsImageError::Witness(e.0))?;
    Ok([
        mrtd,
        lite::measure_log(&lite::rtmr0_log(td_hob, acpi)),
        lite::measure_log(&lite::rtmr1_log(material.kernel)),
        lite::measure_log(&lite::rtmr2_log(material.cmdline, material.initrd)),
    ])
}

/// The OS image check's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OsImage {
    pub vm: VmConfig,
    pub material: Material,
    pub registers: [Register; 4],
}

impl OsImage {
    /// All four registers match: the CVM booted the OS image `vm.os_image_hash` names.
    pub fn matches(&self) -> bool {
        self.registers.iter().all(Register::matches)
    }
}

/// Checks a VM config against a quote and its event log.
pub fn check(vm: VmConfig, quote: &Decoded, events: &[Event]) -> Result<OsImage, OsImageError> {
    if vm.variant != "lite" {
        return Err(OsImageError::NotLite(vm.variant.clone()));
    }
    let Some((checksum_file, cbor_bytes)) = &vm.material else {
        return Err(OsImageError::NoMaterial);
    };
    let image_hash: [u8; 32] = Sha256::digest(checksum_file).into();
    if image_hash.as_slice() != vm.os_image_hash.as_slice() {
        return Err(OsImageError::ImageHash {
            expected: vm.os_image_hash.clone(),
            actual: image_hash,
        });
    }
    let listed = checksum_entry(checksum_file, MATERIAL_FILE)?;
    let actual: [u8; 32] = Sha256::digest(cbor_bytes).into();
    if listed != actual {
        return Err(OsImageError::MaterialHash { listed, actual });
    }
    let material = decode_material(cbor_bytes)?;
    let acpi = acpi_digests(events)?;
    let [mrtd, rtmr0, rtmr1, rtmr2] = expected(&material, &vm, &acpi)?;
    let reg = |name, what, expected, key| Register {
        name,
        what,
        expected,
        actual: quote.field(key).to_vec(),
    };
    Ok(OsImage {
        registers: [
            reg("MRTD", "virtual firmware (OVMF)", mrtd, FieldKey::MrTd),
            reg(
                "RTMR0",
                "virtual hardware: memory map and ACPI tables",
                rtmr0,
                FieldKey::Rtmr(0),
            ),
            reg("RTMR1", "Linux kernel", rtmr1, FieldKey::Rtmr(1)),
            reg(
                "RTMR2",
                "kernel command line (with the root filesystem's hash) and initrd",
                rtmr2,
                FieldKey::Rtmr(2),
            ),
        ],
        vm,
        material,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{events, quote, samples};

    fn sample() -> (VmConfig, Decoded, Vec<Event>) {
        let whole: Value = serde_json::from_str(samples::DSTACK_GETQUOTE).unwrap();
        let vm = vm_config_from(
            &serde_json::from_str::<Value>(whole["vm_config"].as_str().unwrap()).unwrap(),
        )
        .unwrap();
        let q = quote::decode(&samples::dstack_quote()).unwrap();
        let events = events::parse(samples::DSTACK_GETQUOTE).unwrap();
        (vm, q, events)
    }

    #[test]
    fn the_dstack_sample_matches_its_os_image() {
        let (vm, q, events) = sample();
        assert_eq!(vm.memory_size, 2 << 30);
        assert_eq!(vm.variant, "lite");
        let r = check(vm, &q, &events).unwrap();
        for reg in &r.registers {
            assert!(reg.matches(), "{}", reg.name);
        }
        assert!(r.matches());
        assert_eq!(
            crate::input::hex_encode(&r.vm.os_image_hash),
            "e6f5cfec20c02e7b97baa213d0f718020b55e040172d90ccbcb946d56c8b09db"
        );
    }

    /// Which of MRTD, RTMR0, RTMR1, RTMR2 match after a change.
    fn matching(material: &Material, vm: &VmConfig, acpi: &AcpiDigests, q: &Decoded) -> [bool; 4] {
        let e = expected(material, vm, acpi).unwrap();
        let keys = [
            FieldKey::MrTd,
            FieldKey::Rtmr(0),
            FieldKey::Rtmr(1),
            FieldKey::Rtmr(2),
        ];
        core::array::from_fn(|i| e[i].as_slice() == q.field(keys[i]))
    }

    #[test]
    fn one_changed_input_fails_exactly_its_register() {
        let (vm, q, events) = sample();
        let material = decode_material(&vm.material.as_ref().unwrap().1).unwrap();
        let acpi = acpi_digests(&events).unwrap();
        assert_eq!(matching(&material, &vm, &acpi, &q), [true; 4]);

        let mut m = material.clone();
        m.mrtd_two_pass[7] ^= 1;
        assert_eq!(
            matching(&m, &vm, &acpi, &q),
            [false, true, true, true],
            "MRTD"
        );

        let mut a = acpi.clone();
        a.tables[0] ^= 1;
        assert_eq!(
            matching(&material, &vm, &a, &q),
            [true, false, true, true],
            "ACPI"
        );
        let mut m = material.clone();
        *m.td_hob_witness.last_mut().unwrap() ^= 1;
        assert_eq!(
            matching(&m, &vm, &acpi, &q),
            [true, false, true, true],
            "TD HOB"
        );

        let mut m = material.clone();
        m.kernel[0] ^= 1;
        assert_eq!(
            matching(&m, &vm, &acpi, &q),
            [true, true, false, true],
            "kernel"
        );

        let mut m = material.clone();
        m.cmdline[47] ^= 1;
        assert_eq!(
            matching(&m, &vm, &acpi, &q),
            [true, true, true, false],
            "cmdline"
        );
        let mut m = material.clone();
        m.initrd[3] ^= 1;
        assert_eq!(
            matching(&m, &vm, &acpi, &q),
            [true, true, true, false],
            "initrd"
        );

        // The VM's own settings: the page order picks the other MRTD candidate.
        let mut v = vm.clone();
        v.qemu_version = Some("9.1.0".into());
        assert_eq!(
            matching(&material, &v, &acpi, &q),
            [false, true, true, true],
            "QEMU"
        );
        // More memory changes the memory map, so RTMR0 only.
        let mut v = vm.clone();
        v.memory_size = 4 << 30;
        assert_eq!(
            matching(&material, &v, &acpi, &q),
            [true, false, true, true],
            "RAM"
        );
    }

    #[test]
    fn changed_material_is_caught_before_any_register() {
        let (vm, q, events) = sample();
        let mut v = vm.clone();
        v.material.as_mut().unwrap().1[100] ^= 1;
        let e = check(v, &q, &events).unwrap_err();
        assert!(matches!(e, OsImageError::MaterialHash { .. }), "{e}");
        assert!(e.is_mismatch());

        let mut v = vm.clone();
        v.material.as_mut().unwrap().0[0] ^= 1;
        assert!(matches!(
            check(v, &q, &events).unwrap_err(),
            OsImageError::ImageHash { .. }
        ));

        let mut v = vm.clone();
        v.os_image_hash[0] ^= 1;
        assert!(check(v, &q, &events)
            .unwrap_err()
            .to_string()
            .contains("does not belong"));
    }

    #[test]
    fn what_the_lite_path_refuses() {
        let (vm, q, events) = sample();
        let refuse = |v: VmConfig, ev: &[Event]| check(v, &q, ev).unwrap_err().to_string();

        let mut v = vm.clone();
        v.memory_size = 1 << 30;
        assert!(refuse(v, &events).contains("1024 MiB of RAM"));
        let mut v = vm.clone();
        v.variant = "legacy".into();
        assert!(refuse(v, &events).contains("\"legacy\""));
        let mut v = vm.clone();
        v.material = None;
        assert!(refuse(v, &events).contains("no tdx_measurement"));
        let mut v = vm.clone();
        v.ovmf_variant = Some("post202505".into());
        assert!(refuse(v, &events).contains("OVMF variant"));
        let no_acpi: Vec<Event> = events
            .iter()
            .filter(|e| e.name != "acpi-rsdp")
            .cloned()
            .collect();
        assert!(refuse(vm.clone(), &no_acpi).contains("acpi-rsdp; it holds 0"));
    }

    #[test]
    fn broken_material_gets_its_own_message() {
        assert!(matches!(
            decode_material(&[0xa1]),
            Err(OsImageError::Cbor(_))
        ));
        // {"version": 2}
        let v2 = [0xa1, 0x67, b'v', b'e', b'r', b's', b'i', b'o', b'n', 0x02];
        assert!(decode_material(&v2)
            .unwrap_err()
            .to_string()
            .contains("version 2"));
        // {"version": 3}
        let v3 = [0xa1, 0x67, b'v', b'e', b'r', b's', b'i', b'o', b'n', 0x03];
        assert!(decode_material(&v3)
            .unwrap_err()
            .to_string()
            .contains("no \"tdvf.ovmf\""));
    }

    #[test]
    fn vm_configs_that_are_not() {
        let err = |s: &str| parse_vm_config(s).unwrap_err().to_string();
        assert!(err("{").contains("not valid JSON"));
        assert!(err("[]").contains("not a JSON object"));
        assert!(err("{}").contains("os_image_hash\" is missing"));
        assert!(err(r#"{"os_image_hash":"zz"}"#).contains("not hex"));
        assert!(err(r#"{"os_image_hash":"00","memory_size":"2G"}"#).contains("whole number"));
        assert!(
            err(r#"{"os_image_hash":"00","tdx_measurement":{"checksum_file":"!"}}"#)
                .contains("measurement")
        );
        // A JSON string holding the object, as GetQuote returns it.
        let inner = serde_json::to_string(r#"{"os_image_hash":"00ff"}"#).unwrap();
        assert_eq!(parse_vm_config(&inner).unwrap().os_image_hash, vec![0, 255]);
    }

    #[test]
    fn checksum_files() {
        let file = b"aa  other\n8c9e955f0b577cc8945a891a34ccfa5b8e08bb5e5d249992603e64dd14870e3c  measurement.tdx.cbor\n";
        assert_eq!(checksum_entry(file, MATERIAL_FILE).unwrap().len(), 32);
        assert!(checksum_entry(b"", MATERIAL_FILE)
            .unwrap_err()
            .to_string()
            .contains("does not list"));
        let twice = [&file[..], &file[..]].concat();
        assert!(checksum_entry(&twice, MATERIAL_FILE)
            .unwrap_err()
            .to_string()
            .contains("twice"));
    }
}
