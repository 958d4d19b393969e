//! Fetching the site's own build-time files (a post's body, a page's Markdown, the search
//! index, the GitHub snapshot). The GitHub API has its own client (`github::client`).

/// The text of the site file at `path` (a site path: the base path is added here), or a
/// calm reason a visitor can read ("the server answered 404").
pub async fn get_text(path: &str) -> Result<String, String> {
    let response = gloo_net::http::Request::get(&crate::site::href(path))
        .send()
        .await
        .map_err(|_| "the network is unavailable".to_string())?;
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    response
        .text()
        .await
        .map_err(|_| "the answer was cut off".to_string())
}
