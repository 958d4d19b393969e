//! Reusable views shared by the routes: the page frame and its parts (rendered by the words
//! build only; [`crate::frame`] gives them behaviour), and small widgets.

mod code_block;
mod copy_markdown;
mod external_link;
mod filter_bar;
#[cfg(feature = "words")]
mod footer;
mod github_figures;
#[cfg(feature = "words")]
mod header;
mod island;
#[cfg(feature = "words")]
mod layout;
#[cfg(feature = "words")]
mod nav;
mod page_header;
mod page_meta;
pub(crate) mod search_dialog;
mod section;
#[cfg(feature = "words")]
mod skip_link;
mod static_html;
#[cfg(feature = "words")]
mod theme_switch;

pub use code_block::CodeBlock;
pub(crate) use code_block::{select_contents, write_clipboard};
pub(crate) use copy_markdown::copy as copy_markdown;
pub use copy_markdown::CopyMarkdown;
pub use external_link::{ExternalLink, SourceLinks};
pub use filter_bar::{use_url_filter, FilterBar, ListFilter};
#[cfg(feature = "words")]
pub use footer::Footer;
pub use github_figures::{CommunityFigures, HeroFigures, RepoFiguresList};
#[cfg(feature = "words")]
pub use header::Header;
pub use island::Island;
#[cfg(feature = "words")]
pub use layout::Layout;
#[cfg(feature = "words")]
pub use nav::Nav;
pub use page_header::PageHeader;
pub use page_meta::PageMeta;
#[cfg(feature = "words")]
pub use search_dialog::SearchDialog;
pub use section::Section;
#[cfg(feature = "words")]
pub use skip_link::SkipLink;
pub use static_html::StaticHtml;
#[cfg(feature = "words")]
pub use theme_switch::ThemeSwitch;
