//! Invariants over all content: what a reviewer would otherwise check by hand.

use super::ruled_out::{files_in, literals_at, read};
use super::*;
use crate::sections::{
    architecture::words as architecture, ecosystem::words as ecosystem,
    examples::words as examples, features::words as features,
    getting_started::words as getting_started, home::words as home, resources::words as resources,
    use_cases::words as use_cases,
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
    links.extend(getting_started::REQUIREMENTS_SOURCES.map(|l| ("requirements".into(), l)));
    for party in ecosystem::STEWARDS.iter().chain(ecosystem::ADOPTERS) {
        links.push((format!("party {}", party.name), party.home));
        links.push((format!("party {}", party.name), party.source));
    }
    links.extend(
        ecosystem::COMMUNITY
            .iter()
            .map(|l| ("community".into(), *l)),
    );
    for sdk in resources::SDKS {
        links.push((format!("sdk {}", sdk.language), sdk.readme));
    }
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
    links.push(("boot modes".into(), architecture::BOOT_MODES_SOURCE));
    for audience in [home::DEVELOPERS, home::ENTERPRISES] {
        links.push((format!("home {}", audience.label), audience.elsewhere));
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
        page_headings()
            .into_iter()
            .flat_map(|(_, headings)| headings)
            .map(|h| h.title),
    );
    texts.extend([
        home::BADGE,
        architecture::DIAGRAM_INTRO,
        ecosystem::ADOPTERS_INTRO,
        ecosystem::AROUND_INTRO,
        examples::INTRO,
    ]);
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

/// The `<h2>` headings of each section page, in page order. /examples has none of its own
/// (its cards' headings are the example paths) and /verify's words module writes its HTML.
fn page_headings() -> Vec<(&'static str, Vec<Heading>)> {
    vec![
        (
            "/",
            vec![home::WHY_HEADING, home::HOW_HEADING, home::EXPLORE_HEADING],
        ),
        (
            "/architecture",
            vec![
                architecture::PROBLEM_HEADING,
                architecture::DIAGRAM_HEADING,
                architecture::PARTS_HEADING,
                architecture::BOOT_MODES_HEADING,
                architecture::TRUST_HEADING,
            ],
        ),
        (
            "/use-cases",
            use_cases::SECTIONS.iter().map(|(_, h)| *h).collect(),
        ),
        (
            "/features",
            features::GROUPS
                .iter()
                .map(|g| Heading::new(g.slug, g.title))
                .chain([features::LIMITS_HEADING])
                .collect(),
        ),
        (
            "/getting-started",
            vec![
                getting_started::REQUIREMENTS_HEADING,
                getting_started::PATHS_HEADING,
                getting_started::YOUR_APP_HEADING,
            ],
        ),
        (
            "/ecosystem",
            vec![
                ecosystem::STEWARDS_HEADING,
                ecosystem::ADOPTERS_HEADING,
                ecosystem::AROUND_HEADING,
                ecosystem::COMMUNITY_HEADING,
            ],
        ),
        (
            "/resources",
            [resources::LIVE_HEADING, resources::SDKS_HEADING]
                .into_iter()
                .chain(
                    resources::GROUPS
                        .iter()
                        .map(|g| Heading::new(g.slug, g.title)),
                )
                .collect(),
        ),
    ]
}

/// An id that works as a fragment as it is: lower-case words joined by single hyphens.
fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[test]
fn section_headings_are_unique_per_page_and_linkable() {
    let pages = page_headings();
    for page in crate::site::PAGES {
        let own_headings = page.path != "/examples" && page.path != "/verify";
        if crate::site::is_section(page.path) && own_headings {
            assert!(
                pages.iter().any(|(path, _)| *path == page.path),
                "{}: its headings are not checked",
                page.path
            );
        }
    }
    for (path, headings) in pages {
        let h1 = crate::site::page_for(path).unwrap().heading;
        assert!(headings.len() >= 3, "{path}: {} headings", headings.len());
        // Every other id the page's words put in the document shares the headings' space.
        let mut ids: Vec<String> = headings.iter().map(|h| h.id.to_string()).collect();
        match path {
            "/use-cases" => ids.extend(use_cases::USE_CASES.iter().map(|u| u.slug.into())),
            "/getting-started" => ids.extend(
                getting_started::PATHS
                    .iter()
                    .flat_map(|p| [format!("tab-{}", p.slug), format!("panel-{}", p.slug)]),
            ),
            _ => {}
        }
        let unique: HashSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "{path}: an id repeats: {ids:?}");
        let titles: HashSet<_> = headings.iter().map(|h| h.title).collect();
        assert_eq!(titles.len(), headings.len(), "{path}: a heading repeats");
        for h in &headings {
            assert!(is_slug(h.id), "{path}: id {:?}", h.id);
            assert!(
                !h.title.is_empty() && h.title.trim() == h.title && !h.title.ends_with('.'),
                "{path}: heading {:?}",
                h.title
            );
            assert_ne!(h.title, h1, "{path}: an h2 repeats the h1");
        }
    }
    assert!(!is_slug("Boot-modes") && !is_slug("boot modes") && !is_slug("-x"));
}

#[test]
fn labels_keep_the_spacing_the_markup_relies_on() {
    use use_cases::Status;
    // A label runs straight into the link or text after it, so it carries the space.
    let mut before_a_link = vec![
        SOURCE_LABEL,
        SOURCES_LABEL,
        getting_started::NOTE_LABEL,
        getting_started::MORE_LABEL,
    ];
    let statuses = [
        Status::InProduction,
        Status::Integration,
        Status::Announced,
        Status::Pattern,
        Status::Idea,
    ];
    before_a_link.extend(statuses.map(Status::sources_label));
    for label in before_a_link {
        assert!(
            label.ends_with(": ") && !label.starts_with(' '),
            "{label:?}"
        );
    }
    for status in statuses {
        // The names follow in a list of their own.
        assert!(status.who_label().ends_with(':'), "{status:?}");
    }
    assert!(architecture::FORMERLY_LABEL.ends_with(' '));
    assert!(getting_started::OPTIONAL_MARK.starts_with(' '));
    let columns: HashSet<_> = architecture::BOOT_MODES_TABLE.columns.into_iter().collect();
    assert_eq!(
        columns.len(),
        6,
        "a boot-modes column repeats or is missing"
    );
    assert!(!columns.contains(""));
    for name in [
        architecture::BOOT_MODES_TABLE.label,
        architecture::BOOT_MODES_TABLE.caption,
        examples::TAGS_LABEL,
        use_cases::CATEGORIES_LABEL,
        getting_started::PATHS_LABEL,
        getting_started::HOST_CHECK_LABEL,
    ] {
        assert!(!name.is_empty() && name.trim() == name, "{name:?}");
    }
}

#[test]
fn home_calls_to_action_lead_to_pages_that_exist() {
    for audience in [home::DEVELOPERS, home::ENTERPRISES] {
        let href = audience.page.href;
        assert!(
            crate::site::page_for(href).is_some() || crate::prose::find(href).is_some(),
            "{}: no page at {href}",
            audience.label
        );
    }
}

/// Attributes and props whose values are names for the machine (classes, ids, URLs, ARIA
/// references, island names), not words. A literal given to any other one (`title=`,
/// `aria-label=`, `label=`) is read like a text node.
const MACHINE_ATTRIBUTES: [&str; 9] = [
    "class",
    "attr:class",
    "id",
    "href",
    "rel",
    "role",
    "scope",
    "tabindex",
    "name",
];

/// The literals of a view's source that a visitor would read. A simple heuristic: a literal
/// holding a letter is words, unless it is one lower-case token of letters, digits and
/// `-_/.{}` (`"true"`, `"col"`, `"tab-{}"`, `"/getting-started"`) or the value of one of
/// [`MACHINE_ATTRIBUTES`], directly or through `format!(` (a class list such as
/// `"card-grid three"`). Punctuation between values (`", "`) has no letter and stays. Its
/// blind spot: a single lower-case word outside those attributes passes for a name.
fn prose_in_view(source: &str) -> Vec<String> {
    let is_token = |text: &str| {
        text.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_/.{}".contains(c))
    };
    let attribute_before = |at: usize| {
        let before = source[..at].trim_end();
        let before = before.strip_suffix("format!(").unwrap_or(before).trim_end();
        before.strip_suffix('=').map(|rest| {
            let name_char = |c: char| c.is_ascii_alphanumeric() || "-_:".contains(c);
            &rest[rest.rfind(|c| !name_char(c)).map_or(0, |i| i + 1)..]
        })
    };
    literals_at(source)
        .into_iter()
        .filter(|(at, text)| {
            text.chars().any(char::is_alphabetic)
                && !is_token(text)
                && !attribute_before(*at).is_some_and(|name| MACHINE_ATTRIBUTES.contains(&name))
        })
        .map(|(_, text)| text)
        .collect()
}

#[test]
fn the_prose_heuristic_tells_words_from_names() {
    let view = r#"
        <Section id="limits" title="Costs and limits">
        <div class=s role="region" aria-label="Boot modes table" data-filter-group="">
        <p class=format!("{s} note")>"Source: " <a href="/x" rel="noopener noreferrer">{x}</a> ", "</p>
        <button aria-selected=if selected { "true" } else { "false" } tabindex="-1" id=format!("tab-{}", slug)>
        {r.optional.then_some(" (optional)")}
        <ul class="card-grid three"><th class=s scope="col">"Mode"</th>
        {match status { Status::Idea => "Who announced it:", _ => "" }}
    "#;
    assert_eq!(
        prose_in_view(view),
        [
            "Costs and limits",
            "Boot modes table",
            "Source: ",
            " (optional)",
            "Mode",
            "Who announced it:"
        ]
    );
}

/// Every word of a section page is data in its words.rs, where the checks in this module and
/// in ruled_out.rs see it; its view (view.rs, and a widget beside it such as path_tabs.rs)
/// only arranges it. /verify is left out: its view renders HTML built by its words module (the notes) and by
/// the verifier crate (the form, verifier/src/form.rs).
#[test]
fn section_views_hold_no_prose() {
    let mut problems = Vec::new();
    for path in files_in("src/sections", "rs") {
        if path.ends_with("words.rs") || path.components().any(|c| c.as_os_str() == "verify") {
            continue;
        }
        for text in prose_in_view(&read(&path)) {
            problems.push(format!("{}: {text:?}", path.display()));
        }
    }
    assert!(
        problems.is_empty(),
        "words in a view; move them to the section's words.rs:\n{}",
        problems.join("\n")
    );
}
