//! Login security for Perfex CRM: the core of the `login_security` PHP extension.
//!
//! Layers (see `../shared/design.md`):
//! - pure core (this crate outside `store` and `php`): IP resolution, user-agent summary, settings validation,
//!   login-log vocabulary. No clock reads, no SQL, no PHP.
//! - [`store`]: every SQL statement and table name, against MariaDB/MySQL with bound values.
//! - `php` (feature `php`): the only code that names ext-php-rs.
#![warn(missing_docs)]
#![deny(clippy::unwrap_used, clippy::expect_used)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod error;
pub mod ip;
pub mod lockout;
pub mod login_log;
pub mod perfex_config;
pub mod session;
pub mod settings;
pub mod store;
pub mod user_agent;
pub mod vocabulary;

#[cfg(feature = "php")]
mod php;

pub use error::{Error, Result};

/// The extension's version (the crate version).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
