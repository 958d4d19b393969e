//! The parts of GitHub's REST answers the site uses, parsed defensively: a body that is too
//! large, not JSON, the wrong shape or carrying impossible numbers is an error, not a panic.

use std::fmt;

use serde::de::{DeserializeOwned, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::error::GithubError;

/// Real answers are a few kilobytes; anything past this is not one.
pub const MAX_BODY_BYTES: usize = 512 * 1024;
/// No repository comes near this many stars or forks; a larger count is corrupt.
pub const MAX_COUNT: u64 = 1_000_000_000;

/// A successful answer from GitHub: what the parsers read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub status: u16,
    pub body: String,
    /// The `Link` header (pagination), when GitHub sent one.
    pub link: Option<String>,
}

impl Answer {
    /// A 200 answer with `body` and no `Link` header.
    pub fn ok(body: &str) -> Answer {
        Answer {
            status: 200,
            body: body.to_string(),
            link: None,
        }
    }
}

/// Stars and forks of a repository (also their shape in the cache record).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RepoFigures {
    pub stars: u64,
    pub forks: u64,
}

/// The latest release of a repository (also its shape in the cache record).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Release {
    pub tag: String,
    pub url: String,
    /// RFC 3339 publication time.
    pub published_at: String,
}

/// Reads `text`, a JSON document that opens with `open` (`{` or `[`), as a `T`.
/// `Err(true)` when the text is not JSON at all, `Err(false)` when it is JSON of another
/// shape. (The opener is checked because serde also reads a struct from an array of its
/// fields in order, a shape no document the site reads has.)
pub(crate) fn read_json<T: DeserializeOwned>(text: &str, open: char) -> Result<T, bool> {
    let value = parse::<T>(text)?;
    if text.trim_start().starts_with(open) {
        Ok(value)
    } else {
        Err(false)
    }
}

/// In the browser: its own `JSON.parse`, then serde-wasm-bindgen over the parsed value.
#[cfg(target_arch = "wasm32")]
fn parse<T: DeserializeOwned>(text: &str) -> Result<T, bool> {
    let value = js_sys::JSON::parse(text).map_err(|_| true)?;
    serde_wasm_bindgen::from_value(value).map_err(|_| false)
}

/// On the host (tests): serde_json. It stops at the first value of the wrong type;
/// whether the whole text is JSON decides between "not JSON" and "the wrong shape".
#[cfg(not(target_arch = "wasm32"))]
fn parse<T: DeserializeOwned>(text: &str) -> Result<T, bool> {
    match serde_json::from_str::<T>(text) {
        Ok(value) => Ok(value),
        Err(e) if e.is_data() => Err(serde_json::from_str::<IgnoredAny>(text).is_err()),
        Err(_) => Err(true),
    }
}

/// `value` as JSON text (strings, whole numbers, structs and maps with string keys:
/// writing cannot fail; an empty string if it ever did).
pub(crate) fn write_json<T: Serialize>(value: &T) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        // json_compatible: maps as plain objects and u64 as numbers, as JSON has them.
        value
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .ok()
            .and_then(|v| js_sys::JSON::stringify(&v).ok())
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        serde_json::to_string(value).unwrap_or_default()
    }
}

/// Parses a body that opens with `open`: too large is `TooLarge`, not JSON `Malformed`,
/// JSON of another shape `WrongShape`.
pub(super) fn document<T: DeserializeOwned>(body: &str, open: char) -> Result<T, GithubError> {
    if body.len() > MAX_BODY_BYTES {
        return Err(GithubError::TooLarge);
    }
    read_json(body, open).map_err(|not_json| {
        if not_json {
            GithubError::Malformed
        } else {
            GithubError::WrongShape
        }
    })
}

/// Any JSON number: `Some` for a plain non-negative integer that fits in a u64, `None` for
/// any other (negative, fractional, exponent, too large), which is never a valid count.
/// Anything that is not a number is the wrong shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Number(Option<u64>);

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Number;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number")
            }
            fn visit_u64<E>(self, n: u64) -> Result<Number, E> {
                Ok(Number(Some(n)))
            }
            // The browser's parser hands whole numbers over as i64, serde_json negative ones.
            fn visit_i64<E>(self, n: i64) -> Result<Number, E> {
                Ok(Number(u64::try_from(n).ok()))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Number, E> {
                Ok(Number(None))
            }
        }
        d.deserialize_any(V)
    }
}

/// A JSON object, its members skipped: one contributor in GitHub's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Object;

impl<'de> Deserialize<'de> for Object {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Object;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Object, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Object)
            }
        }
        d.deserialize_map(V)
    }
}

/// A count: missing, null or not a number is the wrong shape; negative, fractional,
/// beyond u64 or beyond any real repository is absurd.
fn count(v: Option<Number>) -> Result<u64, GithubError> {
    match v {
        Some(Number(Some(n))) if n <= MAX_COUNT => Ok(n),
        Some(_) => Err(GithubError::Absurd),
        None => Err(GithubError::WrongShape),
    }
}

/// A short, non-blank string.
fn text(v: Option<String>) -> Result<String, GithubError> {
    v.filter(|s| !s.trim().is_empty() && s.len() <= 512)
        .ok_or(GithubError::WrongShape)
}

/// The answer to `GET /repos/{owner}/{repo}`, as far as the site reads it.
#[derive(Deserialize)]
struct RepoAnswer {
    stargazers_count: Option<Number>,
    forks_count: Option<Number>,
}

/// The answer to `GET /repos/{owner}/{repo}/releases/latest`, as far as the site reads it.
#[derive(Deserialize)]
struct ReleaseAnswer {
    tag_name: Option<String>,
    html_url: Option<String>,
    published_at: Option<String>,
}

/// Parses `GET /repos/{owner}/{repo}`.
pub fn parse_repo(body: &str) -> Result<RepoFigures, GithubError> {
    let doc: RepoAnswer = document(body, '{')?;
    Ok(RepoFigures {
        stars: count(doc.stargazers_count)?,
        forks: count(doc.forks_count)?,
    })
}

/// Parses `GET /repos/{owner}/{repo}/releases/latest`.
pub fn parse_release(body: &str) -> Result<Release, GithubError> {
    let doc: ReleaseAnswer = document(body, '{')?;
    let url = text(doc.html_url)?;
    if !url.starts_with("https://github.com/") {
        return Err(GithubError::WrongShape);
    }
    let published_at = text(doc.published_at)?;
    if super::format::days_from_rfc3339(&published_at).is_none() {
        return Err(GithubError::WrongShape);
    }
    Ok(Release {
        tag: text(doc.tag_name)?,
        url,
        published_at,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_real_shaped_repo_answer() {
        let body = r#"{"id":1,"full_name":"Dstack-TEE/dstack","stargazers_count":1234,
                       "forks_count":56,"owner":{"login":"Dstack-TEE"}}"#;
        assert_eq!(
            parse_repo(body),
            Ok(RepoFigures {
                stars: 1234,
                forks: 56
            })
        );
    }

    #[test]
    fn rejects_wrong_shapes_and_non_json() {
        assert_eq!(
            parse_repo(r#"{"message":"Not Found"}"#),
            Err(GithubError::WrongShape)
        );
        assert_eq!(parse_repo("[]"), Err(GithubError::WrongShape));
        assert_eq!(parse_repo("null"), Err(GithubError::WrongShape));
        assert_eq!(
            parse_repo(r#"{"stargazers_count":"12","forks_count":1}"#),
            Err(GithubError::WrongShape)
        );
        assert_eq!(
            parse_repo("<html>rate limited</html>"),
            Err(GithubError::Malformed)
        );
        assert_eq!(
            parse_repo(r#"{"stargazers_count":1"#),
            Err(GithubError::Malformed)
        );
        assert_eq!(parse_repo(""), Err(GithubError::Malformed));
        assert_eq!(
            parse_repo(r#"{"stargazers_count":null,"forks_count":1}"#),
            Err(GithubError::WrongShape)
        );
        assert_eq!(
            parse_repo(r#"{"stargazers_count":1}"#),
            Err(GithubError::WrongShape),
            "a missing count"
        );
        // serde would read a struct from an array of its fields; GitHub never sends one.
        assert_eq!(parse_repo("[1,2]"), Err(GithubError::WrongShape));
        assert_eq!(
            parse_repo(r#"{"stargazers_count":1,"stargazers_count":2,"forks_count":1}"#),
            Err(GithubError::WrongShape),
            "a repeated member"
        );
        // A member of the wrong type stops serde early; the rest still decides whether the
        // body is JSON at all.
        assert_eq!(
            parse_repo(r#"{"stargazers_count":"12","#),
            Err(GithubError::Malformed)
        );
        assert_eq!(
            parse_repo(r#"{"stargazers_count":"12","forks_count":1} trailing"#),
            Err(GithubError::Malformed)
        );
        let deep = |n| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert_eq!(parse_repo(&deep(200)), Err(GithubError::WrongShape));
        assert_eq!(
            parse_repo(&format!("{}]", deep(200))),
            Err(GithubError::Malformed)
        );
        // Members the site does not read are skipped without recursion, however deep.
        let padded = format!(
            r#"{{"pad":{},"stargazers_count":3,"forks_count":4}}"#,
            deep(100_000)
        );
        assert_eq!(parse_repo(&padded), Ok(RepoFigures { stars: 3, forks: 4 }));
    }

    #[test]
    fn other_members_are_ignored() {
        let body = r#" {"stargazers_count":7,"license":null,"topics":["tee",{"x":[1.5,-2]}],
                        "forks_count":0,"owner":{"login":"a","id":1e3}} "#;
        assert_eq!(parse_repo(body), Ok(RepoFigures { stars: 7, forks: 0 }));
    }

    #[test]
    fn read_json_tells_not_json_from_the_wrong_shape() {
        assert_eq!(read_json::<Vec<u64>>(" [1, 2] ", '['), Ok(vec![1, 2]));
        assert_eq!(read_json::<Vec<u64>>("[1, 2", '['), Err(true));
        assert_eq!(read_json::<Vec<u64>>("", '['), Err(true));
        assert_eq!(read_json::<Vec<u64>>(r#"["a"]"#, '['), Err(false));
        assert_eq!(read_json::<Vec<u64>>(r#"{"a":1}"#, '['), Err(false));
        assert_eq!(read_json::<RepoFigures>("[1, 2]", '{'), Err(false));
        assert_eq!(
            read_json::<RepoFigures>(r#"{"stars":1,"forks":2}"#, '{'),
            Ok(RepoFigures { stars: 1, forks: 2 })
        );
    }

    #[test]
    fn rejects_absurd_counts_and_huge_bodies() {
        for stars in [
            "-5",
            "-0",
            "1.5",
            "0.0",
            "18446744073709551616",
            "1e30",
            "1000000001",
        ] {
            let body = format!(r#"{{"stargazers_count":{stars},"forks_count":1}}"#);
            assert_eq!(parse_repo(&body), Err(GithubError::Absurd), "{stars}");
        }
        let huge = format!(
            r#"{{"stargazers_count":1,"forks_count":1,"pad":"{}"}}"#,
            "x".repeat(MAX_BODY_BYTES)
        );
        assert_eq!(parse_repo(&huge), Err(GithubError::TooLarge));
    }

    #[test]
    fn parses_a_release_and_rejects_a_bad_one() {
        let body = r#"{"tag_name":"v0.5.11","html_url":"https://github.com/Dstack-TEE/dstack/releases/tag/v0.5.11","published_at":"2026-05-11T10:00:00Z"}"#;
        let release = parse_release(body).unwrap();
        assert_eq!(release.tag, "v0.5.11");
        assert!(release.url.ends_with("/v0.5.11"));
        let bad_url = body.replace("https://github.com/", "javascript:alert(1)//");
        assert_eq!(parse_release(&bad_url), Err(GithubError::WrongShape));
        let bad_date = body.replace("2026-05-11T10:00:00Z", "last Tuesday");
        assert_eq!(parse_release(&bad_date), Err(GithubError::WrongShape));
        assert_eq!(
            parse_release(r#"{"message":"Not Found"}"#),
            Err(GithubError::WrongShape)
        );
        for tag in [r#""  ""#, "null", "5", &format!("{:?}", "v".repeat(513))] {
            let bad_tag = body.replace(r#""v0.5.11""#, tag);
            assert_eq!(
                parse_release(&bad_tag),
                Err(GithubError::WrongShape),
                "{tag}"
            );
        }
        let no_tag = body.replace(r#""tag_name":"v0.5.11","#, "");
        assert_eq!(parse_release(&no_tag), Err(GithubError::WrongShape));
        assert_eq!(parse_release(&body[..40]), Err(GithubError::Malformed));
    }
}
