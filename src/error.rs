//! The one error type of the crate. Lockouts and expiries are outcomes, not errors.

/// Everything that can go wrong in the core or the store.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A caller passed something malformed; `field` names it, `reason` says what is allowed.
    #[error("invalid {field}: {reason}")]
    InvalidInput {
        /// The argument or key at fault.
        field: &'static str,
        /// What is wrong and what is allowed.
        reason: String,
    },
    /// The database could not be reached or a statement failed. The message never holds credentials.
    #[error("database error: {0}")]
    Db(String),
    /// A statement or transaction still lost to concurrent ones after its retries (deadlock, lock wait timeout, a
    /// Galera certification failure or a node not ready): nothing it did was kept. Transient, unlike [`Error::Db`].
    #[error("database busy: {0}")]
    Conflict(String),
}

impl Error {
    /// Shorthand for [`Error::InvalidInput`].
    pub fn invalid(field: &'static str, reason: impl Into<String>) -> Self {
        Error::InvalidInput { field, reason: reason.into() }
    }
}

impl From<mysql::Error> for Error {
    fn from(e: mysql::Error) -> Self {
        // mysql::Error's Display holds server messages and addresses, never the password.
        if crate::store::is_conflict(&e) { Error::Conflict(e.to_string()) } else { Error::Db(e.to_string()) }
    }
}

/// The crate's result type.
pub type Result<T> = std::result::Result<T, Error>;
