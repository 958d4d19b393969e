/// Links a stylesheet that only some pages need (`/verify.css`, `/blog.css`) in the
/// document head, once, so other pages never download it. Marked `data-keep`: the
/// prerendered copy stays through the takeover (a detached link would only load when
/// attached, and the swap would flash unstyled).
pub fn page_style(path: &str) {
    let document = leptos::prelude::document();
    let href = crate::site::href(path);
    let selector = format!("link[href=\"{href}\"]");
    if document.query_selector(&selector).ok().flatten().is_some() {
        return;
    }
    let (Ok(link), Ok(Some(head))) = (
        document.create_element("link"),
        document.query_selector("head"),
    ) else {
        return;
    };
    let _ = link.set_attribute("rel", "stylesheet");
    let _ = link.set_attribute("href", &href);
    let _ = link.set_attribute("data-keep", "");
    let _ = head.append_child(&link);
}
