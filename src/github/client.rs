//! The one place that talks to api.github.com: a GET with a time limit, mapped to
//! [`GithubError`] on every failure path.

use gloo_net::http::Request;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::error::GithubError;
use super::types::{Answer, MAX_BODY_BYTES};

/// A request that has not answered by then is abandoned and the fallback shown.
pub const TIMEOUT_MS: i32 = 5_000;

/// Aborts a request after [`TIMEOUT_MS`]. Dropping it clears the timer first, so the
/// abort closure is never called after it is freed (which would be a page error).
struct Deadline {
    window: web_sys::Window,
    handle: i32,
    _abort: Closure<dyn FnMut()>,
}

impl Deadline {
    fn start(controller: web_sys::AbortController) -> Option<Self> {
        let window = web_sys::window()?;
        let abort = Closure::<dyn FnMut()>::new(move || controller.abort());
        let handle = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                abort.as_ref().unchecked_ref(),
                TIMEOUT_MS,
            )
            .ok()?;
        Some(Deadline {
            window,
            handle,
            _abort: abort,
        })
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        self.window.clear_timeout_with_handle(self.handle);
    }
}

/// GETs `url` and returns its status, body and `Link` header, or why not.
pub async fn get(url: &str) -> Result<Answer, GithubError> {
    let controller = web_sys::AbortController::new().map_err(|_| GithubError::Network)?;
    let signal = controller.signal();
    let _deadline = Deadline::start(controller).ok_or(GithubError::Network)?;
    let failed = |signal: &web_sys::AbortSignal| {
        if signal.aborted() {
            GithubError::Timeout
        } else {
            GithubError::Network
        }
    };

    let response = Request::get(url)
        .header("Accept", "application/vnd.github+json")
        .abort_signal(Some(&signal))
        .send()
        .await
        .map_err(|_| failed(&signal))?;
    let headers = response.headers();
    let status = response.status();
    check_status(
        status,
        headers.get("x-ratelimit-remaining").as_deref(),
        headers.get("x-ratelimit-reset").as_deref(),
    )?;
    let declared = headers
        .get("content-length")
        .and_then(|l| l.parse::<usize>().ok());
    if declared.is_some_and(|l| l > MAX_BODY_BYTES) {
        return Err(GithubError::TooLarge);
    }
    let link = headers.get("link");
    let body = response.text().await.map_err(|_| failed(&signal))?;
    Ok(Answer { status, body, link })
}

/// Maps an HTTP status and GitHub's rate-limit headers to success or the error to report.
fn check_status(
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

#[cfg(test)]
mod tests {
    use super::*;

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
