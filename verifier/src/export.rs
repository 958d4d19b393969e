//! "Download report": the checks and the values they compared, as JSON.

use crate::checks::{checks, overall};
use crate::html::utc;
use crate::input::hex_encode as hex;
use crate::policy::INTEL_ROOT;
use crate::quote::FieldKey;
use crate::report::Report;
use serde_json::{json, Map, Value};

/// The report as pretty-printed JSON.
pub fn report_json(r: &Report) -> String {
    let list = checks(r);
    let verdict = overall(&list, r.at);
    let q = &r.quote;
    let mut values = Map::new();
    values.insert(
        "quote".into(),
        json!({
            "version": q.version,
            "bytes": q.len,
            "debug": q.debug,
            "mrtd": hex(q.field(FieldKey::MrTd)),
            "rtmr0": hex(q.rtmr(0)),
            "rtmr1": hex(q.rtmr(1)),
            "rtmr2": hex(q.rtmr(2)),
            "rtmr3": hex(q.rtmr(3)),
            "mr_config_id": hex(q.field(FieldKey::MrConfigId)),
            "report_data": hex(q.field(FieldKey::ReportData)),
            "td_attributes": hex(q.field(FieldKey::TdAttributes)),
        }),
    );
    if let Ok(os) = &r.os_image {
        let regs: Vec<Value> = os
            .registers
            .iter()
            .map(|reg| {
                json!({
                    "register": reg.name,
                    "expected": hex(&reg.expected),
                    "measured": hex(&reg.actual),
                    "match": reg.matches(),
                })
            })
            .collect();
        values.insert(
            "os_image".into(),
            json!({
                "os_image_hash": hex(&os.vm.os_image_hash),
                "image": os.vm.image,
                "cpu_count": os.vm.cpu_count,
                "memory_size": os.vm.memory_size,
                "registers": regs,
            }),
        );
    }
    if let Some(c) = &r.claims {
        let claims: Map<String, Value> = c
            .values
            .iter()
            .map(|(name, _, v)| {
                let shown = match *name {
                    "key-provider" | "storage-fs" => String::from_utf8_lossy(v).into_owned(),
                    _ => hex(v),
                };
                ((*name).to_owned(), Value::String(shown))
            })
            .collect();
        values.insert("launch_claims".into(), Value::Object(claims));
    }
    if let Some(Ok(app)) = &r.app {
        let mut a =
            json!({ "raw_sha256": hex(&app.forms.raw), "match": format!("{:?}", app.matched) });
        if let Some(Ok(forms)) = &app.forms.parsed {
            for f in forms {
                a[format!("{}_sha256", f.label.to_lowercase().replace(' ', "_"))] =
                    Value::String(hex(&f.hash));
            }
        }
        values.insert("app_compose".into(), a);
    }
    if let Some((h, _)) = &r.target {
        values.insert("compose_hash_compared".into(), Value::String(hex(h)));
    }
    let checks: Vec<Value> = list
        .iter()
        .map(|c| {
            json!({
                "section": c.section.key(),
                "check": c.name,
                "state": c.level.key(),
                "detail": c.text,
            })
        })
        .collect();
    let doc = json!({
        "tool": "dstack.info /verify",
        "checked_at": utc(r.at),
        "checked_at_unix": r.at,
        "trust_anchor": {
            "name": INTEL_ROOT.name,
            "certificate_sha256": INTEL_ROOT.cert_sha256,
            "public_key_sha256": INTEL_ROOT.key_sha256,
        },
        "verdict": { "state": verdict.level.key(), "headline": verdict.headline, "detail": verdict.text },
        "checks": checks,
        "values": values,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{check, Fields};
    use crate::samples;

    #[test]
    fn the_dstack_sample_report_is_json_with_every_check() {
        let r = check(
            Fields {
                quote: samples::DSTACK_GETQUOTE,
                app_compose: "{\"x\": \"</script>\"}",
                ..Fields::default()
            },
            0,
        )
        .unwrap();
        let v: Value = serde_json::from_str(&report_json(&r)).unwrap();
        assert_eq!(
            v["verdict"]["state"], "fail",
            "the pasted file is not the measured one"
        );
        assert_eq!(v["checks"].as_array().unwrap().len(), checks(&r).len());
        assert_eq!(v["values"]["os_image"]["registers"][3]["match"], true);
        assert_eq!(v["values"]["launch_claims"]["storage-fs"], "zfs");
        assert_eq!(v["values"]["app_compose"]["match"], "None");
        assert!(v["values"]["app_compose"]["vmm_cli_sha256"].is_string());
        assert_eq!(
            v["trust_anchor"]["certificate_sha256"],
            INTEL_ROOT.cert_sha256
        );
    }
}
