//! A small app-compose.json builder: a docker-compose.yaml plus the usual options, as
//! dstack's VMM CLI writes it (`vmm-cli.py compose`, `create_app_compose`, at
//! `312dc60`: `manifest_version` 2, fields in its order), in both forms, with the
//! compose hash of each, and a warning for every image referenced by tag.

use crate::compose::{self, Form};
use serde_json::{json, Map, Value};

/// The builder's options, named as the VMM CLI's flags.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    pub name: String,
    pub kms: bool,
    pub gateway: bool,
    pub local_key_provider: bool,
    /// `--key-provider`: "", "none", "kms", "local" or "tpm".
    pub key_provider: String,
    pub key_provider_id: String,
    pub public_logs: bool,
    pub public_sysinfo: bool,
    /// Names of encrypted environment variables (`--env-file` keys).
    pub allowed_envs: Vec<String>,
    pub no_instance_id: bool,
    pub secure_time: bool,
}

/// A docker-compose file this page refuses, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum YamlError {
    NoName,
    Empty,
    Tab { line: usize },
    NotText,
}

impl core::fmt::Display for YamlError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            YamlError::NoName => write!(
                f,
                "Give the app a name: the VMM CLI requires --name, and the name is part of the file."
            ),
            YamlError::Empty => write!(
                f,
                "The docker-compose.yaml field is empty. Paste your compose file."
            ),
            YamlError::Tab { line } => write!(
                f,
                "YAML error on line {line}: it is indented with a tab, and YAML allows only spaces \
                 for indentation. Docker would refuse this file too."
            ),
            YamlError::NotText => write!(
                f,
                "The docker-compose.yaml holds control characters; paste the file as text."
            ),
        }
    }
}

/// An image referenced by tag (or by nothing): what it pulls can change after deploy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagWarning {
    pub line: usize,
    pub image: String,
}

/// The built file in both forms, and the warnings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Built {
    pub forms: [Form; 2],
    pub tags: Vec<TagWarning>,
    pub no_services: bool,
}

/// Light checks on the YAML (this page does not parse it: the compose hash covers it
/// as text), and the `image:` lines that name a tag instead of a digest.
pub fn scan(yaml: &str) -> Result<(Vec<TagWarning>, bool), YamlError> {
    if yaml.trim().is_empty() {
        return Err(YamlError::Empty);
    }
    if yaml
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(YamlError::NotText);
    }
    let mut tags = Vec::new();
    for (i, line) in yaml.lines().enumerate() {
        let indent: String = line.chars().take_while(|c| c.is_whitespace()).collect();
        if indent.contains('\t') && !line.trim().is_empty() {
            return Err(YamlError::Tab { line: i + 1 });
        }
        let body = line.trim_start().trim_start_matches("- ");
        let Some(value) = body.strip_prefix("image:") else {
            continue;
        };
        let value = value.split(" #").next().unwrap_or_default().trim();
        let image = value.trim_matches(|c| c == '"' || c == '\'').to_owned();
        if !image.contains("@sha256:") {
            tags.push(TagWarning { line: i + 1, image });
        }
    }
    let no_services = !yaml.lines().any(|l| l.starts_with("services:"));
    Ok((tags, no_services))
}

/// The app-compose value, keys in the VMM CLI's order.
pub fn app_compose(yaml: &str, o: &Options) -> Value {
    let mut m = Map::new();
    m.insert("manifest_version".into(), json!(2));
    m.insert("name".into(), json!(o.name));
    m.insert("runner".into(), json!("docker-compose"));
    m.insert("docker_compose_file".into(), json!(yaml));
    m.insert("kms_enabled".into(), json!(o.kms));
    m.insert("gateway_enabled".into(), json!(o.gateway));
    m.insert(
        "local_key_provider_enabled".into(),
        json!(o.local_key_provider),
    );
    m.insert("key_provider_id".into(), json!(o.key_provider_id));
    m.insert("public_logs".into(), json!(o.public_logs));
    m.insert("public_sysinfo".into(), json!(o.public_sysinfo));
    m.insert("allowed_envs".into(), json!(o.allowed_envs));
    m.insert("no_instance_id".into(), json!(o.no_instance_id));
    m.insert("secure_time".into(), json!(o.secure_time));
    if !o.key_provider.is_empty() {
        m.insert("key_provider".into(), json!(o.key_provider));
    }
    Value::Object(m)
}

/// Builds app-compose.json in both forms.
pub fn build(yaml: &str, o: &Options) -> Result<Built, YamlError> {
    let (tags, no_services) = scan(yaml)?;
    if o.name.trim().is_empty() {
        return Err(YamlError::NoName);
    }
    let v = app_compose(yaml, o);
    let form = |label, text: String| Form {
        label,
        hash: compose::sha256(text.as_bytes()),
        text,
    };
    Ok(Built {
        forms: [
            form("VMM CLI", compose::vmm_cli(&v)),
            form("normalized", compose::normalized(&v)),
        ],
        tags,
        no_services,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The "vmm-cli app" vector in fixtures/compose/vectors.json was written by
    /// Python from the same inputs as the VMM CLI would: the builder must agree.
    #[test]
    fn builds_what_the_vmm_cli_writes() {
        let vectors: Value =
            serde_json::from_str(include_str!("../fixtures/compose/vectors.json")).unwrap();
        let case = &vectors["cases"][0];
        assert_eq!(case["name"], "vmm-cli app");
        let input: Value = serde_json::from_str(case["input"].as_str().unwrap()).unwrap();
        let yaml = input["docker_compose_file"].as_str().unwrap();
        let o = Options {
            name: "demo".into(),
            kms: true,
            gateway: true,
            public_logs: true,
            public_sysinfo: true,
            allowed_envs: vec!["API_KEY".into()],
            ..Options::default()
        };
        let b = build(yaml, &o).unwrap();
        assert_eq!(b.forms[0].text, case["vmm_cli"].as_str().unwrap());
        assert_eq!(
            crate::input::hex_encode(&b.forms[0].hash),
            case["vmm_cli_sha256"].as_str().unwrap()
        );
        assert_eq!(b.forms[1].text, case["normalized"].as_str().unwrap());
        assert!(b.tags.is_empty(), "pinned by digest");
        assert!(!b.no_services);
    }

    #[test]
    fn images_by_tag_are_named_with_their_line() {
        let yaml = "services:\n  a:\n    image: nginx:latest\n  b:\n    image: \"redis@sha256:abc\"\n  c:\n    image: 'postgres' # main db\n";
        let (tags, _) = scan(yaml).unwrap();
        assert_eq!(
            tags,
            vec![
                TagWarning {
                    line: 3,
                    image: "nginx:latest".into()
                },
                TagWarning {
                    line: 7,
                    image: "postgres".into()
                },
            ]
        );
    }

    #[test]
    fn yaml_errors_get_their_own_message() {
        assert_eq!(scan("  \n"), Err(YamlError::Empty));
        assert_eq!(
            scan("services:\n\tweb: {}\n"),
            Err(YamlError::Tab { line: 2 })
        );
        assert!(YamlError::Tab { line: 2 }.to_string().contains("line 2"));
        assert_eq!(scan("a\u{0}b"), Err(YamlError::NotText));
        assert!(scan("version: '3'\n").unwrap().1, "no services key");
        assert_eq!(
            build("services: {}\n", &Options::default()),
            Err(YamlError::NoName)
        );
    }

    #[test]
    fn key_provider_is_added_only_when_chosen() {
        let v = app_compose("x", &Options::default());
        assert!(v.get("key_provider").is_none());
        let v = app_compose(
            "x",
            &Options {
                key_provider: "kms".into(),
                ..Options::default()
            },
        );
        assert_eq!(
            v.as_object().unwrap().keys().next_back().unwrap(),
            "key_provider"
        );
    }
}
