//! One routed component per section of the site.

mod architecture;
mod ecosystem;
mod examples;
mod features;
mod getting_started;
mod home;
mod not_found;
mod resources;
mod use_cases;
mod verify;

pub use architecture::Architecture;
pub use ecosystem::Ecosystem;
pub use examples::Examples;
pub use features::Features;
pub use getting_started::GettingStarted;
pub use home::Home;
pub use not_found::NotFound;
pub use resources::Resources;
pub use use_cases::UseCases;
pub use verify::Verify;
