//! Why live GitHub figures could not be had, each with a calm sentence for the page.

use std::fmt;

/// A failure to get figures from GitHub.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GithubError {
    /// HTTP 403/429 with no requests left; no request is made before `reset_at` (Unix s).
    RateLimited { reset_at: u64 },
    /// HTTP 404: the repository or release does not exist (a repo with no release).
    NotFound,
    /// Any other non-success status (5xx, 401, …).
    Status(u16),
    /// The body is not JSON.
    Malformed,
    /// JSON, but not the shape we expect (e.g. `{"message":"Not Found"}`).
    WrongShape,
    /// A count that cannot be true (negative, beyond any real repository).
    Absurd,
    /// The body is far larger than any real answer.
    TooLarge,
    /// The request failed before any answer (offline, DNS, CORS).
    Network,
    /// No answer within the time limit.
    Timeout,
}

impl fmt::Display for GithubError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            GithubError::RateLimited { .. } => "GitHub's rate limit is reached for now",
            GithubError::NotFound => "GitHub did not find it",
            GithubError::Status(_) => "GitHub did not answer normally",
            GithubError::Malformed | GithubError::WrongShape | GithubError::Absurd => {
                "GitHub's answer could not be read"
            }
            GithubError::TooLarge => "GitHub's answer was unexpectedly large",
            GithubError::Network => "GitHub could not be reached",
            GithubError::Timeout => "GitHub did not answer in time",
        };
        f.write_str(text)
    }
}

impl std::error::Error for GithubError {}
