//! Reusable views shared by every route: the page frame and its parts.

mod fact_list;
mod footer;
mod header;
mod layout;
mod nav;
mod page_header;
mod page_meta;
mod section_page;
mod skip_link;

pub use fact_list::FactList;
pub use footer::Footer;
pub use header::Header;
pub use layout::Layout;
pub use nav::Nav;
pub use page_header::PageHeader;
pub use page_meta::PageMeta;
pub use section_page::SectionPage;
pub use skip_link::SkipLink;
