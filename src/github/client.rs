//! The one place that talks to api.github.com: a GET with a time limit, mapped to
//! [`GithubError`] on every failure path.

use gloo_net::http::Request;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::error::GithubError;
use super::types::{check_status, Answer, MAX_BODY_BYTES};

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
