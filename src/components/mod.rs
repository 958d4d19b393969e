//! Reusable views shared by the routes: the page frame and its parts (rendered by the words
//! build only; [`crate::frame`] gives them behaviour), and small widgets.

mod code_block;
mod copy_markdown;
mod external_link;
mod filter_bar;
#[cfg(feature = "words")]
mod frame_markup;
mod github_figures;
mod island;
mod page_header;
mod page_meta;
pub(crate) mod search_dialog;
mod section;
mod static_html;

pub use code_block::CodeBlock;
pub(crate) use code_block::{select_contents, write_clipboard};
pub(crate) use copy_markdown::copy as copy_markdown;
pub use copy_markdown::CopyMarkdown;
pub use external_link::{ExternalLink, SourceLinks};
pub use filter_bar::{use_url_filter, FilterBar, ListFilter};
#[cfg(feature = "words")]
pub use frame_markup::{Footer, Header, Layout, Nav, SkipLink, ThemeSwitch};
pub use github_figures::{CommunityFigures, HeroFigures, RepoFiguresList};
pub use island::Island;
pub use page_header::PageHeader;
pub use page_meta::PageMeta;
#[cfg(feature = "words")]
pub use search_dialog::SearchDialog;
pub use section::Section;
pub use static_html::StaticHtml;
