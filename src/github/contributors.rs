//! The contributor count of a repository, read cheaply: `GET …/contributors?per_page=1&anon=true`
//! lists one contributor per page, so the page number of the `rel="last"` link in the `Link`
//! header is the count. A repository with one contributor (or none) gets no `Link` header;
//! then the body's items are the count.

use super::error::GithubError;
use super::types::{document, Answer, Object, MAX_COUNT};

/// The `page` of the `rel="last"` link in a `Link` header
/// (`<https://…?per_page=1&page=57>; rel="last", …`). `None` when there is no such link, or
/// its URL has no whole page number, or it lists more than one item per page (then the page
/// number is not the count).
pub fn last_page(header: &str) -> Option<u64> {
    // Each link is `<uri>` followed by `; param` pairs; URIs cannot contain `<` or `>`.
    header.split('<').skip(1).find_map(|link| {
        let (uri, params) = link.split_once('>')?;
        let is_last = params.split(';').any(|param| {
            let Some((key, value)) = param.split_once('=') else {
                return false;
            };
            key.trim().eq_ignore_ascii_case("rel")
                && value
                    .trim()
                    .trim_end_matches(',')
                    .trim()
                    .trim_matches('"')
                    .split_ascii_whitespace()
                    .any(|rel| rel.eq_ignore_ascii_case("last"))
        });
        if !is_last {
            return None;
        }
        let query = uri.split_once('?')?.1.split('#').next()?;
        let param = |name: &str| {
            query
                .split('&')
                .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
        };
        if param("per_page").is_some_and(|n| n != "1") {
            return None;
        }
        let page = param("page")?;
        if page.is_empty() || !page.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        page.parse().ok()
    })
}

/// Parses the answer to `GET /repos/{owner}/{repo}/contributors?per_page=1&anon=true` into
/// the number of contributors.
///
/// - `204 No Content` (GitHub's answer for an empty repository): 0.
/// - A `Link` header: its `rel="last"` page, and the body must be a list of one contributor;
///   a header without a usable `rel="last"` link is the wrong shape, a page of 0 or beyond
///   [`MAX_COUNT`] absurd.
/// - No (or a blank) `Link` header: the body's 0 or 1 items; more is the wrong shape (we asked
///   for one per page).
pub fn parse_contributors(answer: &Answer) -> Result<u64, GithubError> {
    if answer.status == 204 {
        return Ok(0);
    }
    // A list of objects; anything else in it is the wrong shape.
    let items: Vec<Object> = document(&answer.body, '[')?;
    let link = answer.link.as_deref().filter(|l| !l.trim().is_empty());
    match (link, items.len()) {
        (None, n @ (0 | 1)) => Ok(n as u64),
        (Some(link), 1) => match last_page(link).ok_or(GithubError::WrongShape)? {
            0 => Err(GithubError::Absurd),
            n if n > MAX_COUNT => Err(GithubError::Absurd),
            n => Ok(n),
        },
        _ => Err(GithubError::WrongShape),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const API: &str = "https://api.github.com/repositories/812345/contributors";
    const ONE: &str = r#"[{"login":"kvinwang","id":1,"type":"User","contributions":900}]"#;

    fn link(next: u64, last: u64) -> String {
        format!(
            r#"<{API}?per_page=1&anon=true&page={next}>; rel="next", <{API}?per_page=1&anon=true&page={last}>; rel="last""#
        )
    }

    fn answer(body: &str, link: Option<&str>) -> Answer {
        Answer {
            link: link.map(str::to_string),
            ..Answer::ok(body)
        }
    }

    #[test]
    fn last_page_reads_githubs_link_header() {
        assert_eq!(last_page(&link(2, 57)), Some(57));
        // Order, spacing, quoting and case do not matter; other rels are ignored.
        let reordered = format!(
            r#"<{API}?page=1&per_page=1>;rel=first,<{API}?anon=true&page=312&per_page=1>; REL="last", <{API}?page=3>; rel="prev""#
        );
        assert_eq!(last_page(&reordered), Some(312));
        assert_eq!(
            last_page(&format!(r#"<{API}?page=9>; rel="next last""#)),
            Some(9)
        );
        assert_eq!(
            last_page(&format!(r#"<{API}?page=4#frag>; rel="last""#)),
            Some(4)
        );
    }

    #[test]
    fn last_page_refuses_unusable_headers() {
        for bad in [
            String::new(),
            "garbage".into(),
            format!(r#"<{API}?page=2>; rel="next""#),
            format!(r#"<{API}?page=57; rel="last""#),
            format!(r#"{API}?page=57; rel="last""#),
            format!(r#"<{API}>; rel="last""#),
            format!(r#"<{API}?per_page=1>; rel="last""#),
            format!(r#"<{API}?page=>; rel="last""#),
            format!(r#"<{API}?page=-3>; rel="last""#),
            format!(r#"<{API}?page=5x>; rel="last""#),
            format!(r#"<{API}?page=+5>; rel="last""#),
            format!(r#"<{API}?page=99999999999999999999999>; rel="last""#),
            format!(r#"<{API}?per_page=30&page=2>; rel="last""#),
            format!(r#"<{API}?subpage=7>; rel="last""#),
            format!(r#"<{API}?page=7>; relation="last""#),
            format!(r#"<{API}?page=7>; rel="lastly""#),
        ] {
            assert_eq!(last_page(&bad), None, "{bad:?}");
        }
    }

    #[test]
    fn counts_from_the_link_header_or_the_body() {
        assert_eq!(parse_contributors(&answer(ONE, Some(&link(2, 57)))), Ok(57));
        assert_eq!(
            parse_contributors(&answer(ONE, None)),
            Ok(1),
            "one contributor"
        );
        assert_eq!(
            parse_contributors(&answer(ONE, Some("  "))),
            Ok(1),
            "blank Link"
        );
        assert_eq!(parse_contributors(&answer("[]", None)), Ok(0));
        assert_eq!(parse_contributors(&answer(" [ {} ] ", None)), Ok(1));
        let empty_repo = Answer {
            status: 204,
            ..Answer::ok("")
        };
        assert_eq!(parse_contributors(&empty_repo), Ok(0));
    }

    #[test]
    fn failure_paths_are_typed_errors() {
        use GithubError::*;
        let two = format!("[{},{}]", &ONE[1..ONE.len() - 1], &ONE[1..ONE.len() - 1]);
        let cases = [
            (answer("", None), Malformed),
            (
                answer("<html>Unicorn!</html>", Some(&link(2, 57))),
                Malformed,
            ),
            (answer(r#"[{"login":"a"}"#, None), Malformed),
            (answer(r#"{"message":"Not Found"}"#, None), WrongShape),
            (answer(r#"{"message":"x"}"#, Some(&link(2, 5))), WrongShape),
            (answer("[1]", None), WrongShape),
            (answer("[null]", Some(&link(2, 5))), WrongShape),
            (answer(&two, None), WrongShape),
            (answer(&two, Some(&link(2, 5))), WrongShape),
            (answer("[]", Some(&link(2, 5))), WrongShape),
            (answer(ONE, Some("not a link header")), WrongShape),
            (
                answer(ONE, Some(&format!(r#"<{API}?page=2>; rel="next""#))),
                WrongShape,
            ),
            (answer("[[]]", None), WrongShape),
            (answer(r#"[{"login":"a"}] trailing"#, None), Malformed),
            (answer(r#"[{"login":"a",}]"#, None), Malformed),
            (answer(ONE, Some(&link(2, 0))), Absurd),
            (answer(ONE, Some(&link(2, MAX_COUNT + 1))), Absurd),
        ];
        for (answer, want) in cases {
            assert_eq!(parse_contributors(&answer), Err(want), "{answer:?}");
        }
        let huge = format!(
            r#"[{{"login":"{}"}}]"#,
            "x".repeat(super::super::types::MAX_BODY_BYTES)
        );
        assert_eq!(parse_contributors(&answer(&huge, None)), Err(TooLarge));
    }
}
