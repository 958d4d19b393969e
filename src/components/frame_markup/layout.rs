use leptos::prelude::*;

use super::{Footer, Header, SkipLink};

/// The frame every route shares: skip link, header, the `<main>` landmark and footer.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    view! {
        <SkipLink target="main"/>
        <Header/>
        // tabindex=-1 lets the skip link move focus here without adding a tab stop.
        <main id="main" tabindex="-1">
            {children()}
        </main>
        <Footer/>
    }
}
