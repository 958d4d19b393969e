use std::cell::RefCell;
use std::rc::Rc;

use leptos::either::Either;
use leptos::ev;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlDialogElement, HtmlElement, HtmlInputElement, KeyboardEvent};

use crate::search::{parse_index, rows, search, status_text, Entry, Hit, Piece, Row};
use crate::static_enhance::{find, listen, target_closest};

/// Results shown at most.
const LIMIT: usize = 12;

struct State {
    /// The router's navigate, taken while the component was created.
    navigate: Box<dyn Fn(&str)>,
    /// `None` until loaded; `Err` when loading failed.
    index: Option<Result<Rc<Vec<Entry>>, String>>,
    loading: bool,
    hits: Vec<Hit>,
    active: usize,
    /// Where focus was when the dialog opened (a shortcut can open it from anywhere).
    return_to: Option<HtmlElement>,
    wired: bool,
    /// The options on show; dropping it takes them out of the list.
    shown: Option<Box<dyn std::any::Any>>,
}

impl State {
    fn new(navigate: Box<dyn Fn(&str)>) -> State {
        State {
            navigate,
            index: None,
            loading: false,
            hits: Vec::new(),
            active: 0,
            return_to: None,
            wired: false,
            shown: None,
        }
    }
}

type Shared = Rc<RefCell<State>>;

async fn load_index() -> Result<Vec<Entry>, String> {
    let text = crate::static_file::get_text("/search-index.json").await?;
    parse_index(&text).map_err(str::to_string)
}

/// The results as listbox options (`search-option-N`; the target in `data-href`, as an
/// option may not hold a link), option `active` selected, the query's matches in `<mark>`.
fn options(rows: Vec<Row>, active: usize) -> impl IntoView {
    rows.into_iter()
        .enumerate()
        .map(|(i, row)| {
            view! {
                <li
                    role="option"
                    id=format!("search-option-{i}")
                    aria-selected=(i == active).to_string()
                    data-href=row.href
                >
                    <span class="search-page">{row.page}</span>
                    <span class="search-heading">{marked(row.heading)}</span>
                    <span class="search-text">{marked(row.text)}</span>
                </li>
            }
        })
        .collect_view()
}

fn marked(pieces: Vec<Piece>) -> impl IntoView {
    pieces
        .into_iter()
        .map(|p| {
            if p.matched {
                Either::Left(view! { <mark>{p.text}</mark> })
            } else {
                Either::Right(p.text)
            }
        })
        .collect_view()
}

/// Redraws the status line and the results from the state and the input's text.
fn render(root: &Element, state: &mut State) {
    let (Some(input), Some(list), Some(status)) = (
        find::<HtmlInputElement>(root, "#site-search"),
        find::<Element>(root, "#search-results"),
        find::<Element>(root, ".search-status"),
    ) else {
        return;
    };
    let query = input.value();
    let ready = match &state.index {
        None => Ok(false),
        Some(Ok(_)) => Ok(true),
        Some(Err(e)) => Err(e.as_str()),
    };
    status.set_text_content(Some(&status_text(ready, &query, state.hits.len())));
    let rows = match &state.index {
        Some(Ok(entries)) => rows(entries, &state.hits, &query),
        _ => Vec::new(),
    };
    // The previous options go first (dropping their handle unmounts them); the new ones are
    // in the list when this returns, for aria-activedescendant and the scroll below.
    state.shown = None;
    let active = state.active;
    let list: HtmlElement = list.unchecked_into();
    state.shown = Some(Box::new(leptos::mount::mount_to(list, move || {
        options(rows, active)
    })));
    let _ = input.set_attribute(
        "aria-expanded",
        if state.hits.is_empty() {
            "false"
        } else {
            "true"
        },
    );
    if state.hits.is_empty() {
        let _ = input.remove_attribute("aria-activedescendant");
    } else {
        let _ = input.set_attribute(
            "aria-activedescendant",
            &format!("search-option-{}", state.active),
        );
        if let Some(option) = find::<Element>(root, &format!("#search-option-{}", state.active)) {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            option.scroll_into_view_with_scroll_into_view_options(&options);
        }
    }
}

fn research(root: &Element, shared: &Shared) {
    let mut state = shared.borrow_mut();
    let query = find::<HtmlInputElement>(root, "#site-search")
        .map(|i| i.value())
        .unwrap_or_default();
    state.hits = match &state.index {
        Some(Ok(entries)) => search(entries, &query, LIMIT),
        _ => Vec::new(),
    };
    state.active = 0;
    render(root, &mut state);
}

/// Goes to a result: closes the dialog (focus is not sent back: the visitor moves on),
/// navigates, and brings the section into view once the page has rendered.
fn follow(root: &Element, shared: &Shared, active: usize) {
    let Some(url) = find::<Element>(root, &format!("#search-option-{active}"))
        .and_then(|o| o.get_attribute("data-href"))
    else {
        return;
    };
    shared.borrow_mut().return_to = None;
    close(root);
    (shared.borrow().navigate)(&url);
    if let Some((_, id)) = url.split_once('#') {
        let id = id.to_string();
        set_timeout(
            move || {
                if let Some(target) = document().get_element_by_id(&id) {
                    target.scroll_into_view();
                }
            },
            std::time::Duration::from_millis(60),
        );
    }
}

fn close(root: &Element) {
    if let Some(d) = find::<HtmlDialogElement>(root, "dialog") {
        d.close();
    }
}

/// Listeners on the dialog, attached once; they live as long as the page does.
fn wire(root: &Element, shared: &Shared) {
    let (Some(dialog), Some(input)) = (
        find::<HtmlDialogElement>(root, "dialog"),
        find::<HtmlInputElement>(root, "#site-search"),
    ) else {
        return;
    };
    {
        let (root, shared) = (root.clone(), shared.clone());
        listen(&input, "input", move |_: web_sys::Event| {
            research(&root, &shared)
        });
    }
    {
        let (root, shared) = (root.clone(), shared.clone());
        listen(&input, "keydown", move |ev: KeyboardEvent| {
            let mut state = shared.borrow_mut();
            let n = state.hits.len();
            if n == 0 {
                return;
            }
            match ev.key().as_str() {
                "ArrowDown" => state.active = (state.active + 1) % n,
                "ArrowUp" => state.active = (state.active + n - 1) % n,
                "Enter" => {
                    ev.prevent_default();
                    let active = state.active.min(n - 1);
                    drop(state);
                    follow(&root, &shared, active);
                    return;
                }
                _ => return,
            }
            ev.prevent_default();
            render(&root, &mut state);
        });
    }
    {
        let (root, shared) = (root.clone(), shared.clone());
        let backdrop = dialog.clone();
        listen(&dialog, "click", move |ev: web_sys::MouseEvent| {
            if let Some(option) = target_closest(&ev, "[role=option]") {
                let active = option
                    .id()
                    .strip_prefix("search-option-")
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(0);
                follow(&root, &shared, active);
            } else if ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                .is_some_and(|t| t.is_same_node(Some(&backdrop)))
                || target_closest(&ev, ".search-close").is_some()
            {
                // The backdrop (the dialog element itself) or Close.
                close(&root);
            }
        });
    }
    let shared = shared.clone();
    listen(&dialog, "close", move |_: web_sys::Event| {
        if let Some(el) = shared.borrow_mut().return_to.take() {
            let _ = el.focus();
        }
    });
}

fn open(root: &Element, shared: &Shared) {
    let Some(dialog) = find::<HtmlDialogElement>(root, "dialog") else {
        return;
    };
    if dialog.open() {
        return;
    }
    {
        let mut state = shared.borrow_mut();
        if !state.wired {
            state.wired = true;
            drop(state);
            wire(root, shared);
            state = shared.borrow_mut();
        }
        state.return_to = document()
            .active_element()
            .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    }
    let _ = dialog.show_modal();
    if let Some(input) = find::<HtmlInputElement>(root, "#site-search") {
        let _ = input.focus();
        input.select();
    }
    research(root, shared);
    let needs_index = {
        let state = shared.borrow();
        !state.loading && !matches!(state.index, Some(Ok(_)))
    };
    if needs_index {
        shared.borrow_mut().loading = true;
        let (root, shared) = (root.clone(), shared.clone());
        leptos::task::spawn_local(async move {
            let loaded = load_index().await.map(Rc::new);
            {
                let mut state = shared.borrow_mut();
                state.loading = false;
                state.index = Some(loaded);
            }
            research(&root, &shared);
        });
    }
}

/// Whether the visitor is typing somewhere, so `/` is theirs, not a shortcut.
fn typing() -> bool {
    document().active_element().is_some_and(|el| {
        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
            || el.has_attribute("contenteditable")
    })
}

/// Site search: the header button, and `/` or Ctrl/Cmd-K anywhere, open the dialog. The
/// index (scripts/site-text.mjs) is fetched the first time it opens. `navigate` follows a
/// result (the router's). Called once by [`crate::frame::Frame`], in both builds; the
/// shortcut's listener goes with the frame's owner.
pub fn attach(navigate: impl Fn(&str) + 'static) {
    let Some(html) = document().document_element() else {
        return;
    };
    let (Some(root), Some(button)) = (
        find::<Element>(&html, ".search-root"),
        find::<Element>(&html, ".search-button"),
    ) else {
        return;
    };
    let shared: Shared = Rc::new(RefCell::new(State::new(Box::new(navigate))));
    let open_now = SendWrapper::new(move || open(&root, &shared));
    {
        let open_now = open_now.clone();
        listen(&button, "click", move |_: web_sys::Event| (*open_now)());
    }
    let shortcut = window_event_listener(ev::keydown, move |ev: KeyboardEvent| {
        let key = ev.key();
        let command = (ev.ctrl_key() || ev.meta_key()) && key.eq_ignore_ascii_case("k");
        let slash = key == "/" && !ev.ctrl_key() && !ev.meta_key() && !ev.alt_key() && !typing();
        if command || slash {
            ev.prevent_default();
            (*open_now)();
        }
    });
    on_cleanup(move || shortcut.remove());
}

/// The search button and the dialog's markup. Words build only: the shipped build keeps the
/// prerendered copy and [`attach`]es to it, so this tree costs the shipped wasm nothing.
#[cfg(feature = "words")]
#[component]
pub fn SearchDialog() -> impl IntoView {
    view! {
        <button
            type="button"
            class="search-button"
            aria-haspopup="dialog"
            aria-keyshortcuts="/ Control+K Meta+K"
        >
            <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <circle cx="11" cy="11" r="6.5" fill="none" stroke="currentColor" stroke-width="2"></circle>
                <path d="M16 16l4.5 4.5" stroke="currentColor" stroke-width="2" stroke-linecap="round"></path>
            </svg>
            <span>"Search"</span>
            <kbd aria-hidden="true">"/"</kbd>
        </button>
        // WAI-ARIA: a modal dialog holding a combobox that owns a listbox; the status line
        // is a live region. `wire` above binds these ids and classes.
        <div class="search-root">
            <dialog class="search-dialog" aria-label="Search dstack.info">
                <div class="search-panel">
                    <div class="search-box">
                        <label for="site-search" class="visually-hidden">"Search the site"</label>
                        <input
                            id="site-search"
                            type="text"
                            role="combobox"
                            autocomplete="off"
                            spellcheck="false"
                            placeholder="Search dstack.info"
                            aria-autocomplete="list"
                            aria-controls="search-results"
                            aria-expanded="false"
                        />
                        <button type="button" class="control search-close">"Close"</button>
                    </div>
                    <p class="search-status" role="status"></p>
                    <ul id="search-results" role="listbox" aria-label="Results"></ul>
                </div>
            </dialog>
        </div>
    }
}
