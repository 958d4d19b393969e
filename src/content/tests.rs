//! Invariants over all content: what a reviewer would otherwise check by hand.

use super::*;
use crate::sections::{
    architecture::words as architecture, ecosystem::words as ecosystem,
    features::words as features, getting_started::words as getting_started,
    resources::words as resources, use_cases::words as use_cases,
};
use std::collections::HashSet;

/// Every link the content holds, with where it appears.
fn all_links() -> Vec<(String, Link)> {
    let mut links = Vec::new();
    for uc in use_cases::USE_CASES {
        links.extend(
            uc.sources
                .iter()
                .map(|l| (format!("use case {}", uc.slug), *l)),
        );
    }
    for group in features::GROUPS {
        links.extend(
            group
                .features
                .iter()
                .map(|f| (format!("feature {}", f.title), f.source)),
        );
    }
    links.extend(
        features::LIMITS
            .iter()
            .map(|f| (format!("limit {}", f.title), f.source)),
    );
    for path in getting_started::PATHS {
        links.push((format!("path {}", path.slug), path.source));
    }
    links.extend(
        getting_started::YOUR_APP_SOURCES
            .iter()
            .map(|l| ("your app".into(), *l)),
    );
    for party in ecosystem::STEWARDS.iter().chain(ecosystem::ADOPTERS) {
        links.push((format!("party {}", party.name), party.home));
        links.push((format!("party {}", party.name), party.source));
    }
    links.extend(
        ecosystem::COMMUNITY
            .iter()
            .map(|l| ("community".into(), *l)),
    );
    for group in resources::GROUPS {
        links.extend(
            group
                .links
                .iter()
                .map(|l| (format!("resources {}", group.slug), *l)),
        );
    }
    for c in architecture::COMPONENTS {
        links.push((format!("component {}", c.name), c.source));
    }
    links.extend(
        architecture::TRUST_MODEL
            .iter()
            .map(|(_, l)| ("trust model".into(), *l)),
    );
    links
}

#[test]
fn every_link_is_https_or_mailto_and_labelled() {
    let links = all_links();
    assert!(links.len() > 60, "only {} links found", links.len());
    for (place, link) in links {
        assert!(!link.label.trim().is_empty(), "{place}: empty label");
        assert!(
            link.href.starts_with("https://") || link.href.starts_with("mailto:"),
            "{place}: {} is not https",
            link.href
        );
        assert!(!link.href.contains(' '), "{place}: space in {}", link.href);
        if link.href.starts_with("https://") {
            assert!(link.host().is_some(), "{place}: no host in {}", link.href);
        }
    }
}

#[test]
fn dstack_links_use_the_default_branch_next() {
    // The main repository has no `master` branch: such links break.
    for (place, link) in all_links() {
        if let Some(rest) = link
            .href
            .strip_prefix("https://github.com/Dstack-TEE/dstack/")
        {
            assert!(
                !rest.starts_with("blob/master") && !rest.starts_with("tree/master"),
                "{place}: {}",
                link.href
            );
        }
        assert!(
            !link.href.contains("meta-dstack"),
            "{place}: meta-dstack is archived"
        );
    }
}

#[test]
fn host_names_where_a_link_goes() {
    let link = |href| Link::new("x", href);
    assert_eq!(
        link("https://github.com/Dstack-TEE/dstack").host(),
        Some("github.com")
    );
    assert_eq!(
        link("https://www.flashbots.net/").host(),
        Some("flashbots.net")
    );
    assert_eq!(
        link("https://trust.phala.com").host(),
        Some("trust.phala.com")
    );
    assert_eq!(link("https://t.me/+UO4bS4jflr45YmUx").host(), Some("t.me"));
    assert_eq!(link("mailto:support@phala.network").host(), None);
    assert_eq!(link("https://").host(), None);
}

#[test]
fn use_cases_are_honest_about_their_evidence() {
    use use_cases::Status;
    let slugs: HashSet<_> = use_cases::USE_CASES.iter().map(|u| u.slug).collect();
    assert_eq!(
        slugs.len(),
        use_cases::USE_CASES.len(),
        "duplicate use-case slug"
    );
    for uc in use_cases::USE_CASES {
        assert!(!uc.title.is_empty() && uc.summary.len() > 40, "{}", uc.slug);
        assert!(!uc.tags.is_empty(), "{} has no tag", uc.slug);
        match uc.status {
            Status::InProduction => {
                assert!(
                    !uc.who.is_empty(),
                    "{}: production without who runs it",
                    uc.slug
                );
                assert!(
                    !uc.sources.is_empty(),
                    "{}: production without a source",
                    uc.slug
                );
            }
            Status::Integration | Status::Announced => {
                assert!(
                    !uc.who.is_empty() && !uc.sources.is_empty(),
                    "{}: an integration or announcement names who and where",
                    uc.slug
                );
            }
            Status::Pattern => {
                assert!(
                    uc.who.is_empty(),
                    "{}: a pattern claims an adopter",
                    uc.slug
                );
                assert!(
                    !uc.sources.is_empty(),
                    "{}: pattern without an example",
                    uc.slug
                );
            }
            Status::Idea => {
                assert!(uc.who.is_empty() && uc.sources.is_empty(), "{}", uc.slug);
                assert!(
                    uc.summary.to_lowercase().contains("example or adopter"),
                    "{}: an idea says it has no example or adopter",
                    uc.slug
                );
            }
        }
    }
    // Adopters the facts file marks UNVERIFIED must never appear.
    for uc in use_cases::USE_CASES {
        let text = format!("{} {} {:?}", uc.title, uc.summary, uc.who).to_lowercase();
        for unverified in ["0g", "morpheus", "lumerin", "first op-succinct", "gdpr"] {
            assert!(
                !text.contains(unverified),
                "{} mentions {unverified}",
                uc.slug
            );
        }
    }
}

#[test]
fn the_four_use_case_categories_each_have_entries() {
    use tags::Tag;
    for tag in [Tag::Ai, Tag::Blockchain, Tag::Privacy, Tag::Infrastructure] {
        assert!(
            use_cases::USE_CASES.iter().any(|u| u.tags.contains(&tag)),
            "no use case tagged {tag:?}"
        );
    }
}

#[test]
fn getting_started_paths_are_complete_and_uniquely_linkable() {
    let slugs: HashSet<_> = getting_started::PATHS.iter().map(|p| p.slug).collect();
    assert_eq!(slugs.len(), getting_started::PATHS.len());
    for expected in ["self-host", "production", "cloud", "managed", "local"] {
        assert!(slugs.contains(expected), "missing path {expected}");
    }
    for path in getting_started::PATHS {
        assert!(!path.steps.is_empty(), "{}", path.slug);
        assert!(
            path.steps.iter().any(|s| !s.command.is_empty()),
            "{}: no command",
            path.slug
        );
        for step in path.steps {
            assert!(
                !step.title.is_empty() && !step.body.is_empty(),
                "{}",
                path.slug
            );
            assert_eq!(
                step.command.trim(),
                step.command,
                "{}: stray whitespace",
                path.slug
            );
        }
    }
    let all: String = getting_started::PATHS
        .iter()
        .flat_map(|p| p.steps)
        .map(|s| s.command)
        .collect::<Vec<_>>()
        .join("\n");
    // Regression (issue #15, facts §12.3): the commands that changed upstream.
    let path = |slug| {
        getting_started::PATHS
            .iter()
            .find(|p| p.slug == slug)
            .unwrap()
    };
    let cloud = path("cloud");
    assert!(cloud.steps[0]
        .command
        .contains("export PATH=\"$PATH:$(pwd)/dstack/dstack/scripts/bin\""));
    assert!(cloud.steps[0].note.contains("quickstart still shows"));
    let local: String = path("local").steps.iter().map(|s| s.command).collect();
    assert!(local.contains("git clone https://github.com/Dstack-TEE/dstack.git"));
    assert!(local.contains("sdk/simulator/dstack.sock") && !local.contains("localhost:8090"));
    let production = path("production");
    let production_text: String = production
        .steps
        .iter()
        .map(|s| format!("{} {} {} ", s.title, s.body, s.command))
        .chain([production.intro.to_string()])
        .collect();
    for required in [
        "osImages",
        "kms.mrAggregated",
        "Onboard.GetAttestationInfo",
        "Register the gateway app",
        "composeHashes",
        "Run deploy-simple.sh twice",
        "Run deploy-to-vmm.sh twice",
        "kms_urls and gateway_urls",
        "root of your dstack clone",
    ] {
        assert!(
            production_text.contains(required),
            "production path lacks {required:?}"
        );
    }
    let more: Vec<Link> = getting_started::PATHS
        .iter()
        .flat_map(|p| p.steps)
        .filter_map(|s| s.more)
        .collect();
    for page in [
        "/tutorials/production-plan",
        "/tutorials/kms",
        "/tutorials/gateway",
    ] {
        assert!(more.iter().any(|l| l.href == page), "no step links {page}");
    }
    for link in &more {
        assert!(
            link.href.starts_with("/tutorials/") || link.href.starts_with("https://"),
            "{}",
            link.href
        );
    }
    let self_host: String = path("self-host").steps.iter().map(|s| s.body).collect();
    assert!(self_host.contains("keeps the configuration and the KMS keys"));
    // The current onboarding path, not the v0.5 meta-dstack build the seed quoted.
    assert!(all.contains("sudo dstackup install"));
    assert!(!all.contains("meta-dstack"));
    assert!(getting_started::REQUIREMENTS
        .iter()
        .any(|r| r.text.contains("SGX")));
    assert!(getting_started::REQUIREMENTS.iter().any(|r| r.optional));
}

#[test]
fn features_and_resources_have_unique_anchors_and_no_empty_fields() {
    // Anchors: unique, and usable as a fragment as they are.
    let groups: HashSet<_> = features::GROUPS.iter().map(|g| g.slug).collect();
    assert_eq!(groups.len(), features::GROUPS.len(), "duplicate group slug");
    for slug in &groups {
        assert!(
            !slug.is_empty() && slug.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
            "{slug}"
        );
    }
    for group in features::GROUPS {
        assert!(group.features.len() >= 3, "{}", group.slug);
        for f in group.features {
            assert!(!f.title.is_empty() && f.body.len() > 40, "{}", f.title);
        }
    }
    let slugs: HashSet<_> = resources::GROUPS.iter().map(|g| g.slug).collect();
    assert_eq!(slugs.len(), resources::GROUPS.len());
    let sdks: HashSet<_> = resources::SDKS.iter().map(|s| s.language).collect();
    assert_eq!(sdks.len(), resources::SDKS.len(), "one SDK per language");
    assert!(!sdks.contains(""));
    assert!(resources::SDKS
        .iter()
        .all(|s| s.readme.starts_with("https://")));
}

#[test]
fn no_stale_star_counts_or_superlatives() {
    let mut texts: Vec<&str> = use_cases::USE_CASES.iter().map(|u| u.summary).collect();
    texts.extend(
        features::GROUPS
            .iter()
            .flat_map(|g| g.features)
            .map(|f| f.body),
    );
    texts.extend(architecture::COMPONENTS.iter().map(|c| c.does));
    texts.extend(
        ecosystem::STEWARDS
            .iter()
            .chain(ecosystem::ADOPTERS)
            .map(|p| p.role),
    );
    for text in texts {
        let lower = text.to_lowercase();
        for banned in [
            "stars",
            "the only",
            "first ",
            "no performance",
            "compliance",
        ] {
            assert!(!lower.contains(banned), "{banned:?} in {text:?}");
        }
    }
}
