//! Reusable views shared by the routes: the page frame and its parts, and small widgets.

mod code_block;
mod copy_markdown;
mod external_link;
mod filter_bar;
mod footer;
mod github_figures;
mod header;
mod layout;
mod nav;
mod page_header;
mod page_meta;
mod page_style;
mod path_tabs;
mod search_dialog;
mod skip_link;
mod static_html;
mod theme_switch;

pub use code_block::CodeBlock;
pub(crate) use code_block::{select_contents, write_clipboard};
pub use copy_markdown::CopyMarkdown;
pub use external_link::{ExternalLink, SourceLinks};
pub use filter_bar::{use_url_filter, FilterBar};
pub use footer::Footer;
pub use github_figures::{CommunityFigures, HeroFigures, RepoFiguresList};
pub use header::Header;
pub use layout::Layout;
pub use nav::Nav;
pub use page_header::PageHeader;
pub use page_meta::PageMeta;
pub use page_style::page_style;
pub use path_tabs::PathTabs;
pub use search_dialog::SearchDialog;
pub use skip_link::SkipLink;
pub use static_html::StaticHtml;
pub use theme_switch::ThemeSwitch;
