use leptos::prelude::*;

use crate::theme::ThemeChoice;

/// The theme control, in the navigation (so it is in the header on wide screens and in
/// the menu on narrow ones). Markup only: [`crate::frame`] shows the stored choice, stores
/// a new one and keeps `data-theme` in step with it (and, for "system", with the operating
/// system's setting as it changes).
#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let default = ThemeChoice::parse(None);
    view! {
        <label class="theme-switch">
            <span>"Theme"</span>
            <select>
                {ThemeChoice::ALL
                    .map(|c| view! { <option value=c.as_str() selected=c == default>{c.label()}</option> })}
            </select>
        </label>
    }
}
