//! The store: every SQL statement and table name of the product, against Perfex's MariaDB/MySQL.
//!
//! One [`Store`] wraps a small connection pool (0 idle connections, at most [`POOL_MAX`]), opened lazily: building a
//! store never connects. Statements are prepared with bound values (the crate caches them per connection). A
//! connection found broken (the server restarted) is thrown away and the statement retried on a fresh one.

mod attempts;
mod events;
mod people;
mod schema;
mod sessions;
mod synthetic;

use std::time::Duration;

use mysql::prelude::Queryable;
use mysql::{OptsBuilder, Pool, PoolConstraints, PoolOpts, PooledConn};

pub use attempts::AttemptRow;
pub use crate::lockout::AttemptKey;
pub use schema::{SCHEMA_VERSION, TableNames};
pub use sessions::{Arrival, Ban, NewSession, SessionRow, handle_key};

use crate::error::{Error, Result};

/// Most connections one PHP process keeps to one database.
pub const POOL_MAX: usize = 2;

/// Where the database is. Build it from Perfex's `APP_DB_*` constants.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DbConfig {
    /// Host name or IP; "localhost" with a `socket` uses the socket.
    pub host: String,
    /// TCP port.
    pub port: u16,
    /// Unix socket path, used only with host "localhost".
    pub socket: Option<String>,
    /// User name.
    pub user: String,
    /// Password (never shown in any message).
    pub password: String,
    /// Database name.
    pub database: String,
    /// Perfex's table prefix (`db_prefix()`).
    pub prefix: String,
}

/// The module's tables in one database.
#[derive(Clone)]
pub struct Store {
    pool: Pool,
    tables: TableNames,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("tables", &self.tables).finish_non_exhaustive()
    }
}

impl Store {
    /// Builds the pool without connecting.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an invalid prefix or an empty host/user/database.
    pub fn new(cfg: &DbConfig) -> Result<Self> {
        for (field, value) in [("host", &cfg.host), ("user", &cfg.user), ("database", &cfg.database)] {
            if value.is_empty() {
                return Err(Error::invalid(field, "must not be empty"));
            }
        }
        let tables = TableNames::with_prefix(&cfg.prefix)?;
        let constraints = PoolConstraints::new(0, POOL_MAX).ok_or_else(|| Error::invalid("pool", "bad constraints"))?;
        let pool_opts = PoolOpts::default().with_constraints(constraints).with_reset_connection(false).with_check_health(false);
        let use_socket = cfg.host == "localhost" && cfg.socket.as_deref().is_some_and(|s| !s.is_empty());
        let mut opts = OptsBuilder::new()
            .user(Some(&cfg.user))
            .pass(Some(&cfg.password))
            .db_name(Some(&cfg.database))
            .prefer_socket(false)
            .tcp_connect_timeout(Some(Duration::from_secs(3)))
            .read_timeout(Some(Duration::from_secs(30)))
            .write_timeout(Some(Duration::from_secs(30)))
            .init(vec!["SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci"])
            .pool_opts(pool_opts);
        opts = if use_socket {
            opts.socket(cfg.socket.clone())
        } else {
            opts.ip_or_hostname(Some(&cfg.host)).tcp_port(cfg.port)
        };
        let pool = Pool::new(opts).map_err(Error::from)?;
        Ok(Store { pool, tables })
    }

    /// The table names in use.
    #[must_use]
    pub fn tables(&self) -> &TableNames {
        &self.tables
    }

    /// Runs `f` on a pooled connection. A connection that turns out broken is discarded and `f` is retried on a
    /// fresh one (a restarted server costs one failed attempt, not an error).
    fn run<T>(&self, mut f: impl FnMut(&mut PooledConn) -> mysql::Result<T>) -> Result<T> {
        let mut last = None;
        for _ in 0..=POOL_MAX {
            let mut conn = self.pool.try_get_conn(Duration::from_secs(5))?;
            match f(&mut conn) {
                Ok(v) => return Ok(v),
                Err(e) if is_broken(&e) => {
                    drop(conn.unwrap()); // take it out of the pool and close it
                    last = Some(e);
                }
                Err(e) => return Err(e.into()),
            }
        }
        Err(last.map_or_else(|| Error::Db("no connection".into()), Error::from))
    }

    /// Runs `f` in a READ COMMITTED transaction, committed when `f` succeeds; a deadlock or lock-wait timeout
    /// (InnoDB errors 1213 / 1205) rolls back and runs it again, up to 5 times.
    fn transaction<T>(&self, mut f: impl FnMut(&mut mysql::Transaction<'_>) -> mysql::Result<T>) -> Result<T> {
        let opts = mysql::TxOpts::default().set_isolation_level(Some(mysql::IsolationLevel::ReadCommitted));
        let mut tries = 0;
        loop {
            let outcome = self.run(|c| {
                let mut tx = c.start_transaction(opts)?;
                let v = f(&mut tx)?;
                tx.commit()?;
                Ok(v)
            });
            match outcome {
                Err(Error::Conflict(_)) if tries < 5 => tries += 1,
                other => return other,
            }
        }
    }

    /// Whether the database answers (one round trip).
    ///
    /// # Errors
    /// [`Error::Db`] when it does not.
    pub fn ping(&self) -> Result<()> {
        self.run(|c| c.query_drop("SELECT 1"))
    }
}

fn is_broken(e: &mysql::Error) -> bool {
    use mysql::{DriverError, Error as E};
    match e {
        E::IoError(_) | E::CodecError(_) => true,
        E::DriverError(d) => matches!(d, DriverError::PacketOutOfSync),
        // 2006 server has gone away, 2013 lost connection, 1053 server shutdown, 1927 connection killed
        E::MySqlError(m) => matches!(m.code, 2006 | 2013 | 1053 | 1927),
        _ => false,
    }
}

/// MySQL's "table doesn't exist": reading Perfex's own tables tolerates it (store tests have none).
fn is_missing_table(e: &mysql::Error) -> bool {
    matches!(e, mysql::Error::MySqlError(m) if m.code == 1146)
}
