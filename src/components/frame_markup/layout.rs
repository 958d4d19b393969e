use leptos::prelude::*;

use super::{Footer, Header, SkipLink};

/// The frame every route shares: skip link, header, the `<main>` landmark and footer.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    // The path of the page inside, for the shipped app to adopt it (crate::boot).
    let page = move || crate::site::strip_base(&location.pathname.get()).to_string();
    view! {
        <SkipLink target="main"/>
        <Header/>
        // tabindex=-1 lets the skip link move focus here without adding a tab stop.
        <main id="main" tabindex="-1" data-page=page>
            {children()}
        </main>
        <Footer/>
    }
}
