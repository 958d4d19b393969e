//! The parts of a build-time page that move: an island is an element of the static markup
//! named by `data-island` (section views mark them with [`crate::components::Island`]) or
//! `data-widget` (`{{widget:NAME}}` in Markdown). Once the page's body is in the document,
//! each is brought to life here: a Leptos component mounted in its place, or a module
//! loaded for it. Everything else on such a page stays the HTML the build wrote.

use leptos::portal::Portal;
use leptos::prelude::*;

use crate::components::{CommunityFigures, HeroFigures, ListFilter, RepoFiguresList};

/// An island found in the body, and whether its turn to come alive has come.
type Found = (String, web_sys::Element, RwSignal<bool>);

/// The islands of one page's body: empty until the body is in place.
#[derive(Clone, Copy)]
pub struct Islands(RwSignal<Vec<Found>>);

impl Islands {
    pub fn new() -> Self {
        Islands(RwSignal::new(Vec::new()))
    }

    /// What a page runs once its build-time body is in place: static behaviour attached
    /// ([`crate::static_enhance::enhance`]) and, when `mount` is set, the islands found.
    pub fn on_ready(self, mount: bool) -> Callback<web_sys::Element> {
        Callback::new(move |body: web_sys::Element| {
            crate::static_enhance::enhance(&body);
            if mount {
                let found: Vec<Found> = mounts(&body)
                    .into_iter()
                    .map(|(name, el)| (name, el, RwSignal::new(false)))
                    .collect();
                // Each island comes alive in a task of its own (total blocking time: the
                // home page's diagram and figures together made one long task).
                for (_, _, live) in &found {
                    let live = *live;
                    crate::boot::step(move || live.set(true));
                }
                self.0.set(found);
            }
        })
    }

    /// The shipped build's first page: the islands of the prerendered body in `main`,
    /// brought to life where they are, and their live views.
    #[cfg(not(feature = "words"))]
    pub fn adopt(main: &web_sys::Element) -> AnyView {
        let islands = Self::new();
        if let Some(body) = crate::static_enhance::find::<web_sys::Element>(main, "[data-static]") {
            // After the mount, in a task of its own (see crate::boot::step).
            crate::boot::step(move || islands.on_ready(true).run(body));
        }
        view! { {islands.views()} }.into_any()
    }

    /// The live views of the islands found.
    pub fn views(self) -> impl Fn() -> AnyView {
        move || {
            self.0
                .get()
                .into_iter()
                .map(|(name, el, live)| move || live.get().then(|| view(&name, el.clone())))
                .collect_view()
                .into_any()
        }
    }
}

impl Default for Islands {
    fn default() -> Self {
        Self::new()
    }
}

/// The islands under `body`, as (name, element), in document order.
pub fn mounts(body: &web_sys::Element) -> Vec<(String, web_sys::Element)> {
    crate::static_enhance::elements(body, "[data-island], [data-widget]")
        .into_iter()
        .filter_map(|el| {
            let name = el
                .get_attribute("data-island")
                .or_else(|| el.get_attribute("data-widget"))?;
            Some((name, el))
        })
        .collect()
}

/// The live view of one island. A component replaces the island's prerendered copy (the
/// same markup, so nothing moves); an unknown name leaves the static markup as it is.
pub fn view(name: &str, el: web_sys::Element) -> AnyView {
    match name {
        "transparency-check" => {
            crate::static_enhance::load_module(&el, "/transparency-check.js");
            ().into_any()
        }
        "verifier" => {
            mount_verifier(el);
            ().into_any()
        }
        // The prerendered diagram is taken over, not drawn again (total blocking time).
        "diagram" | "diagram-compact" => {
            crate::diagram::adopt(&el, name == "diagram-compact");
            ().into_any()
        }
        _ => match component(name) {
            Some(live) => {
                el.set_inner_html("");
                view! { <Portal mount=el>{live()}</Portal> }.into_any()
            }
            None => ().into_any(),
        },
    }
}

/// The component an island named `name` mounts.
fn component(name: &str) -> Option<fn() -> AnyView> {
    Some(match name {
        "hero-figures" => || view! { <HeroFigures/> }.into_any(),
        "repo-figures" => || view! { <RepoFiguresList/> }.into_any(),
        "github-figures" => || view! { <CommunityFigures/> }.into_any(),
        "filter-use-cases" => {
            || view! { <ListFilter spec=&crate::sections::use_cases::words::FILTER/> }.into_any()
        }
        "filter-examples" => {
            || view! { <ListFilter spec=&crate::sections::examples::words::FILTER/> }.into_any()
        }
        _ => return None,
    })
}

/// /verify's form is static markup; its engine (the `verifier/` crate, a wasm module of its
/// own) is fetched now and takes the form over. A failure says so in the form's status.
pub fn mount_verifier(el: web_sys::Element) {
    if crate::static_enhance::prerendering() {
        return;
    }
    leptos::task::spawn_local(async move {
        if let Err(e) = crate::verifier::mount(&el).await {
            let status = format!("#{}", crate::sections::verify::form::id::STATUS);
            if let Ok(Some(status)) = el.query_selector(&status) {
                status.set_text_content(Some(&crate::sections::verify::words::load_failed(&e)));
            }
        }
    });
}
