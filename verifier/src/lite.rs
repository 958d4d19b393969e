//! "TDX lite": the expected MRTD and RTMR0–2 of a dstack CVM, computed from the OS
//! image's measurement material (`measurement.tdx.cbor`) and the VM's size, without the
//! image itself. Written from dstack `dstack-mr/src/tdx.rs`
//! (`tdx_measurements_from_measurement_document`) and `tdvf.rs` at `312dc60`.
//!
//! Every register is a SHA-384 chain over a short list of 48-byte digests:
//! `mr = SHA-384(mr || digest)`, starting from 48 zero bytes.

use sha2::{Digest, Sha384};

/// A 48-byte SHA-384 value.
pub type Digest48 = [u8; 48];

/// `TDX_KERNEL_HASH_STABLE_MIN_MEMORY` (2.75 GiB): from here up, QEMU patches the kernel
/// the same way whatever the RAM, so one precomputed kernel hash fits every size.
pub const STABLE_MIN_MEMORY: u64 = 0xB000_0000;
/// `TDX_KERNEL_HASH_COMPAT_2G_MEMORY`: exactly 2 GiB patches to the same kernel bytes.
pub const COMPAT_2G_MEMORY: u64 = 0x8000_0000;

/// Whether the lite path can compute RTMR1 for this much guest RAM
/// (`tdx_kernel_hash_uses_precomputed_high_mem`).
pub fn memory_supported(memory_size: u64) -> bool {
    memory_size == COMPAT_2G_MEMORY || memory_size >= STABLE_MIN_MEMORY
}

/// SHA-384 of `data`.
pub fn sha384(data: &[u8]) -> Digest48 {
    Sha384::digest(data).into()
}

/// Replays a list of digests into one register.
pub fn measure_log(log: &[Digest48]) -> Digest48 {
    log.iter().fold([0u8; 48], |mr, entry| {
        let mut h = Sha384::new();
        h.update(mr);
        h.update(entry);
        h.finalize().into()
    })
}

/// The three ACPI digests QEMU's tables leave in RTMR0, taken from the event log
/// (the guest names them `acpi-loader`, `acpi-rsdp`, `acpi-tables`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcpiDigests {
    pub loader: Digest48,
    pub rsdp: Digest48,
    pub tables: Digest48,
}

/// A UEFI GUID in its in-memory byte order: the first three groups little-endian.
fn guid_bytes(guid: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(16);
    for (i, group) in guid.split('-').enumerate() {
        let bytes = crate::input::hex_decode(group).unwrap_or_default();
        if i <= 2 {
            out.extend(bytes.iter().rev());
        } else {
            out.extend(bytes);
        }
    }
    out
}

/// The digest OVMF measures for an (empty) UEFI variable: GUID, name length in
/// characters, data length 0, then the name in UTF-16LE.
fn efi_variable(guid: &str, name: &str) -> Digest48 {
    let mut data = guid_bytes(guid);
    data.extend((name.len() as u64).to_le_bytes());
    data.extend(0u64.to_le_bytes());
    data.extend(name.encode_utf16().flat_map(u16::to_le_bytes));
    sha384(&data)
}

const EFI_GLOBAL: &str = "8BE4DF61-93CA-11D2-AA0D-00E098032B8C";
const EFI_IMAGE_SECURITY: &str = "D719B2CB-3D3A-4596-A3BC-DAD00E67656F";
/// The configuration firmware volume of the pre-202505 OVMF build dstack ships.
const CFV_IMAGE: &str = "344bc51c980ba621aaa00da3ed7436f7d6e549197dfe699515dfa2c6583d95e6412af21c097d473155875ffd561d6790";
/// `Boot0000`, OVMF's UiApp, for the same firmware.
const BOOT0000: &str = "23ada07f5261f12f34a0bd8e46760962d6b4d576a416f1fea1c64bc656b1d28eacf7047ae6e967c58fd2a98bfa74c298";

fn fixed(hex: &str) -> Digest48 {
    let mut out = [0u8; 48];
    if let Ok(bytes) = crate::input::hex_decode(hex) {
        out.copy_from_slice(&bytes);
    }
    out
}

/// The RTMR0 event list for OVMF "pre202505", in the order the firmware extends it.
pub fn rtmr0_log(td_hob: Digest48, acpi: &AcpiDigests) -> Vec<Digest48> {
    vec![
        td_hob,
        fixed(CFV_IMAGE),
        efi_variable(EFI_GLOBAL, "SecureBoot"),
        efi_variable(EFI_GLOBAL, "PK"),
        efi_variable(EFI_GLOBAL, "KEK"),
        efi_variable(EFI_IMAGE_SECURITY, "db"),
        efi_variable(EFI_IMAGE_SECURITY, "dbx"),
        sha384(&[0, 0, 0, 0]), // separator
        acpi.loader,
        acpi.rsdp,
        acpi.tables,
        sha384(&[0, 0]), // BootOrder
        fixed(BOOT0000),
    ]
}

/// RTMR1: the (QEMU-patched) kernel's Authenticode hash, then OVMF's boot strings.
pub fn rtmr1_log(kernel_authenticode: Digest48) -> Vec<Digest48> {
    vec![
        kernel_authenticode,
        sha384(b"Calling EFI Application from Boot Option"),
        sha384(&[0, 0, 0, 0]),
        sha384(b"Exit Boot Services Invocation"),
        sha384(b"Exit Boot Services Returned with Success"),
    ]
}

/// RTMR2: the kernel command line, then the initrd.
pub fn rtmr2_log(cmdline: Digest48, initrd: Digest48) -> Vec<Digest48> {
    vec![cmdline, initrd]
}

/// Why the TD HOB could not be rebuilt from its witness.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WitnessError(pub &'static str);

/// LEB128-style unsigned integer, as the witness stores them.
fn varuint(input: &mut &[u8]) -> Result<u64, WitnessError> {
    let mut value = 0u64;
    let mut shift = 0u32;
    loop {
        let (&byte, rest) = input
            .split_first()
            .ok_or(WitnessError("it ends in the middle of a number"))?;
        *input = rest;
        value |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Ok(value);
        }
        shift += 7;
        if shift >= 64 {
            return Err(WitnessError("it holds a number larger than 64 bits"));
        }
    }
}

/// Memory ranges in address order, each accepted (added by the firmware) or not.
fn ranges(memory_size: u64, accepted: &[(u64, u64)]) -> Vec<(bool, u64, u64)> {
    let mut ranges = vec![(false, 0, memory_size)];
    for &(start, end) in accepted {
        if start >= end {
            continue;
        }
        let mut next = Vec::with_capacity(ranges.len() + 2);
        for &(is_accepted, s, e) in &ranges {
            if is_accepted || e <= start || s >= end {
                next.push((is_accepted, s, e));
            } else {
                if s < start {
                    next.push((false, s, start));
                }
                if e > end {
                    next.push((false, end, e));
                }
            }
        }
        next.push((true, start, end));
        next.sort_by_key(|&(_, s, _)| s);
        ranges = next;
    }
    ranges
}

/// Rebuilds the TD HOB (the memory map the firmware hands over) from the compact
/// witness in the measurement material and the VM's RAM, and returns its SHA-384.
pub fn td_hob_digest(witness: &[u8], memory_size: u64) -> Result<Digest48, WitnessError> {
    const OVERFLOW: WitnessError = WitnessError("an address in it overflows");
    let mut input = witness;
    let base_page = varuint(&mut input)?;
    let hob_page_delta = varuint(&mut input)?;
    let count = varuint(&mut input)?;
    if count > 1024 {
        return Err(WitnessError(
            "it lists more memory ranges than any firmware has",
        ));
    }
    let page = |delta: u64| {
        base_page
            .checked_add(delta)
            .and_then(|p| p.checked_mul(0x1000))
            .ok_or(OVERFLOW)
    };
    let hob_base = page(hob_page_delta)?;
    let mut accepted = Vec::new();
    for _ in 0..count {
        let start = page(varuint(&mut input)?)?;
        let len = varuint(&mut input)?.checked_mul(0x1000).ok_or(OVERFLOW)?;
        accepted.push((start, start.checked_add(len).ok_or(OVERFLOW)?));
    }
    if !input.is_empty() {
        return Err(WitnessError("bytes follow its last memory range"));
    }
    let mut all = ranges(memory_size, &accepted);
    let (_, last_start, last_end) = all.pop().ok_or(WitnessError("it has no ranges"))?;

    // The PHIT header (type 1, 56 bytes), then one resource descriptor (type 3, 48 bytes)
    // per range: type 0 = system memory the firmware accepted, 7 = unaccepted memory.
    let mut hob = Vec::with_capacity(56 + 48 * (all.len() + 2));
    hob.extend([1, 0]);
    hob.extend(56u16.to_le_bytes());
    hob.extend([0; 4]);
    hob.extend(9u32.to_le_bytes());
    hob.extend([0; 4 + 8 * 5]);
    let mut resource = |kind: u8, start: u64, len: u64| {
        hob.extend([3, 0]);
        hob.extend(48u16.to_le_bytes());
        hob.extend([0; 4 + 16]);
        hob.extend([kind, 0, 0, 0]);
        hob.extend(7u32.to_le_bytes());
        hob.extend(start.to_le_bytes());
        hob.extend(len.to_le_bytes());
    };
    for (is_accepted, start, end) in all.drain(..) {
        if end < start {
            return Err(WitnessError("a memory range ends before it starts"));
        }
        resource(if is_accepted { 0 } else { 7 }, start, end - start);
    }
    if last_end < last_start {
        return Err(WitnessError("the last memory range ends before it starts"));
    }
    const LOW_TOP: u64 = 0x8000_0000;
    if memory_size >= STABLE_MIN_MEMORY {
        // RAM above 2 GiB is mapped from 4 GiB up, past the PCI hole.
        if last_start < LOW_TOP {
            resource(7, last_start, LOW_TOP - last_start);
        }
        if last_end > LOW_TOP {
            resource(7, 0x1_0000_0000, last_end - LOW_TOP);
        }
    } else {
        resource(7, last_start, last_end - last_start);
    }
    let end_of_list = hob_base + hob.len() as u64 + 8;
    hob[48..56].copy_from_slice(&end_of_list.to_le_bytes());
    Ok(sha384(&hob))
}

/// Which MRTD candidate QEMU's page-adding order selects, as `dstack-mr`'s
/// `Machine::versioned_options` decides it. `two_pass_override` is the VM config's
/// `qemu_single_pass_add_pages`, which dstack-mr passes as the two-pass option
/// (`maybe_two_pass_add_pages(vm_config.qemu_single_pass_add_pages)`); this page
/// follows dstack-mr so that its answer is the one dstack's own verifier gives.
pub fn two_pass(
    qemu_version: Option<&str>,
    two_pass_override: Option<bool>,
) -> Result<bool, String> {
    let version = match qemu_version {
        None => (9, 1, 0),
        Some(v) => {
            let parts: Vec<u32> = v
                .split('.')
                .map(str::parse)
                .collect::<Result<_, _>>()
                .map_err(|_| format!("its QEMU version {v:?} is not MAJOR.MINOR.PATCH"))?;
            match parts[..] {
                [a, b, c] => (a, b, c),
                _ => return Err(format!("its QEMU version {v:?} is not MAJOR.MINOR.PATCH")),
            }
        }
    };
    if version < (8, 0, 0) {
        return Err(format!(
            "it names QEMU {}.{}.{}; dstack-mr supports QEMU 8.0 and later",
            version.0, version.1, version.2
        ));
    }
    let default = version < (9, 0, 0);
    Ok(two_pass_override.unwrap_or(default))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guids_are_mixed_endian() {
        assert_eq!(
            guid_bytes("8BE4DF61-93CA-11D2-AA0D-00E098032B8C"),
            crate::input::hex_decode("61dfe48bca93d211aa0d00e098032b8c").unwrap()
        );
    }

    #[test]
    fn varuints_and_bad_witnesses() {
        let mut input: &[u8] = &[0x80, 0x10, 0x09];
        assert_eq!(varuint(&mut input), Ok(0x800));
        assert_eq!(varuint(&mut input), Ok(9));
        assert!(td_hob_digest(&[0x80], 1 << 31).is_err(), "cut in a number");
        assert!(
            td_hob_digest(&[1, 0, 0, 5], 1 << 31).is_err(),
            "trailing byte"
        );
        assert!(
            td_hob_digest(&[1, 0, 1, 2], 1 << 31).is_err(),
            "missing range"
        );
    }

    #[test]
    fn memory_sizes_the_lite_path_supports() {
        assert!(memory_supported(2 << 30));
        assert!(!memory_supported((2 << 30) + 4096));
        assert!(!memory_supported(1 << 30));
        assert!(memory_supported(STABLE_MIN_MEMORY));
        assert!(memory_supported(64 << 30));
    }

    #[test]
    fn qemu_versions_pick_the_page_order() {
        assert_eq!(two_pass(Some("8.2.2"), None), Ok(true));
        assert_eq!(two_pass(Some("9.1.0"), None), Ok(false));
        assert_eq!(two_pass(None, None), Ok(false));
        assert_eq!(two_pass(Some("9.1.0"), Some(true)), Ok(true));
        assert!(two_pass(Some("7.2.0"), None).unwrap_err().contains("8.0"));
        assert!(two_pass(Some("9.1"), None).is_err());
    }
}
