//! The parts of GitHub's REST answers the site uses, parsed defensively: a body that is too
//! large, not JSON, the wrong shape or carrying impossible numbers is an error, not a panic.

use super::error::GithubError;
use crate::json::{self, Number, Value};

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

/// Stars and forks of a repository.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RepoFigures {
    pub stars: u64,
    pub forks: u64,
}

/// The latest release of a repository.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Release {
    pub tag: String,
    pub url: String,
    /// RFC 3339 publication time.
    pub published_at: String,
}

/// Maps an HTTP status and GitHub's rate-limit headers to success or the error to report.
pub fn check_status(
    status: u16,
    ratelimit_remaining: Option<&str>,
    ratelimit_reset: Option<&str>,
) -> Result<(), GithubError> {
    match status {
        200..=299 => Ok(()),
        403 | 429 if ratelimit_remaining.map(str::trim) == Some("0") || status == 429 => {
            let reset_at = ratelimit_reset
                .and_then(|r| r.trim().parse().ok())
                .unwrap_or(0);
            Err(GithubError::RateLimited { reset_at })
        }
        404 => Err(GithubError::NotFound),
        other => Err(GithubError::Status(other)),
    }
}

/// Parses a body as JSON: too large is `TooLarge`, not JSON is `Malformed`.
pub(super) fn document(body: &str) -> Result<Value, GithubError> {
    if body.len() > MAX_BODY_BYTES {
        return Err(GithubError::TooLarge);
    }
    json::parse(body).map_err(|_| GithubError::Malformed)
}

/// A count: missing or not a number is the wrong shape; negative, fractional, beyond u64
/// or beyond any real repository is absurd.
fn count(v: Option<&Value>) -> Result<u64, GithubError> {
    match v {
        Some(Value::Number(Number::Unsigned(n))) if *n <= MAX_COUNT => Ok(*n),
        Some(Value::Number(_)) => Err(GithubError::Absurd),
        _ => Err(GithubError::WrongShape),
    }
}

/// A short, non-blank string.
fn text(v: Option<&Value>) -> Result<String, GithubError> {
    v.and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty() && s.len() <= 512)
        .map(str::to_string)
        .ok_or(GithubError::WrongShape)
}

/// Parses `GET /repos/{owner}/{repo}`.
pub fn parse_repo(body: &str) -> Result<RepoFigures, GithubError> {
    let doc = document(body)?;
    Ok(RepoFigures {
        stars: count(doc.get("stargazers_count"))?,
        forks: count(doc.get("forks_count"))?,
    })
}

/// Parses `GET /repos/{owner}/{repo}/releases/latest`.
pub fn parse_release(body: &str) -> Result<Release, GithubError> {
    let doc = document(body)?;
    let url = text(doc.get("html_url"))?;
    if !url.starts_with("https://github.com/") {
        return Err(GithubError::WrongShape);
    }
    let published_at = text(doc.get("published_at"))?;
    if super::format::days_from_rfc3339(&published_at).is_none() {
        return Err(GithubError::WrongShape);
    }
    Ok(Release {
        tag: text(doc.get("tag_name"))?,
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
    }

    #[test]
    fn rejects_absurd_counts_and_huge_bodies() {
        for stars in ["-5", "1.5", "18446744073709551616", "1e30", "1000000001"] {
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
    }

    #[test]
    fn statuses_and_rate_limits() {
        assert_eq!(check_status(200, None, None), Ok(()));
        assert_eq!(
            check_status(403, Some("0"), Some("1767225600")),
            Err(GithubError::RateLimited {
                reset_at: 1_767_225_600
            })
        );
        assert_eq!(
            check_status(429, None, None),
            Err(GithubError::RateLimited { reset_at: 0 })
        );
        assert_eq!(
            check_status(403, Some("17"), None),
            Err(GithubError::Status(403))
        );
        assert_eq!(
            check_status(403, Some("0"), Some("soon")),
            Err(GithubError::RateLimited { reset_at: 0 })
        );
        assert_eq!(check_status(404, None, None), Err(GithubError::NotFound));
        assert_eq!(check_status(502, None, None), Err(GithubError::Status(502)));
    }
}
