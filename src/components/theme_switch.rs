use leptos::prelude::*;

use crate::theme::{ThemeChoice, STORAGE_KEY};

/// localStorage may be missing or throw (private modes, blocked cookies): then the
/// choice simply does not persist.
fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The theme control, in the navigation (so it is in the header on wide screens and in
/// the menu on narrow ones). The page was already painted in the stored theme by the
/// inline script in index.html; this keeps `data-theme` in step with the choice and,
/// for "system", with the operating system's setting as it changes.
#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let stored = storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
    let choice = RwSignal::new(ThemeChoice::parse(stored.as_deref()));
    let prefers_light = crate::watch::media_signal("(prefers-color-scheme: light)");
    Effect::new(move |_| {
        let root = document().document_element();
        if let Some(root) = root {
            let _ = root.set_attribute("data-theme", choice.get().resolve(prefers_light.get()));
        }
    });
    let on_change = move |ev| {
        let picked = ThemeChoice::parse(Some(&event_target_value(&ev)));
        if let Some(s) = storage() {
            let _ = s.set_item(STORAGE_KEY, picked.as_str());
        }
        choice.set(picked);
    };
    view! {
        <label class="theme-switch">
            <span>"Theme"</span>
            <select on:change=on_change prop:value=move || choice.get().as_str()>
                {ThemeChoice::ALL
                    .map(|c| {
                        view! {
                            <option value=c.as_str() selected=move || choice.get() == c>
                                {c.label()}
                            </option>
                        }
                    })}
            </select>
        </label>
    }
}
