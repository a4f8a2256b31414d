//! The store: every SQL statement and table name of the product, against Perfex's MariaDB/MySQL.
//!
//! One [`Store`] wraps a small connection pool (0 idle connections, at most [`POOL_MAX`]), opened lazily: building a
//! store never connects. Statements are prepared with bound values (the crate caches them per connection). A
//! connection found broken (the server restarted) is thrown away and the statement retried on a fresh one.
//!
//! On a MariaDB Galera cluster (several app servers, each on its own node) two more things hold:
//! - a write that conflicts with another node's is refused at certification (error 1213, like an InnoDB deadlock;
//!   `SELECT … FOR UPDATE` locks only on the local node), and a node briefly not ready answers 1047 / 1180. The
//!   statement or transaction was rolled back: [`Store::run`] runs it again, a bounded number of times with a short
//!   growing pause, for single statements as for transactions.
//! - reads are causal only with `wsrep_sync_wait`: every connection sets `wsrep_sync_wait = 1` (reads wait until
//!   the node has applied what the cluster committed before), so that the per-request session check sees a force
//!   logout or ban decided on another node, and a lockout claim's `FOR UPDATE` reads start from the latest counters.
//!   It is written in a MariaDB-only comment: MySQL skips it, and a MariaDB without Galera (wsrep off) ignores it.

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
pub use sessions::{Admission, Ban, LockoutCheck, LogFields, NewSession, SessionRow, handle_key, public_id};

use crate::error::{Error, Result};

/// Most connections one PHP process keeps to one database.
pub const POOL_MAX: usize = 2;

/// How many times a statement or transaction refused by a conflict (deadlock, Galera certification failure, lock
/// wait timeout, a node briefly not ready) is run again before the error is returned.
pub const CONFLICT_RETRIES: u32 = 12;

/// Run on every new connection. `/*M! … */` is executed by MariaDB only; `wsrep_sync_wait = 1` makes reads causal
/// on a Galera node and has no effect where wsrep is off. Every transaction of the store runs at READ COMMITTED:
/// set once here, not with a round trip per transaction. The SQL mode is MariaDB's default whatever the server's
/// (a host may run with sql_mode = ''): strict, so that a value that does not fit is an error, never silently
/// changed — the lockout's optimistic write relies on it ([`attempts`]).
const CONNECTION_INIT: [&str; 2] = [
    "SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci, \
     sql_mode = 'STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION' \
     /*M!100400 , wsrep_sync_wait = 1 */",
    "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED",
];

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
            .init(CONNECTION_INIT.to_vec())
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
    /// fresh one (a restarted server costs one failed attempt, not an error). A conflict ([`is_conflict`]: the work
    /// of `f` was rolled back) runs `f` again after a short pause, at most [`CONFLICT_RETRIES`] times: `f` must be
    /// safe to run again (one statement, or a transaction it opens itself).
    fn run<T>(&self, mut f: impl FnMut(&mut PooledConn) -> mysql::Result<T>) -> Result<T> {
        let (mut broken, mut conflicts) = (0, 0);
        loop {
            let mut conn = self.pool.try_get_conn(Duration::from_secs(5))?;
            match f(&mut conn) {
                Ok(v) => return Ok(v),
                Err(e) if is_broken(&e) => {
                    drop(conn.unwrap()); // take it out of the pool and close it
                    broken += 1;
                    if broken > POOL_MAX {
                        return Err(e.into());
                    }
                }
                Err(e) if is_conflict(&e) && conflicts < CONFLICT_RETRIES => {
                    drop(conn);
                    conflicts += 1;
                    std::thread::sleep(conflict_pause(conflicts));
                }
                Err(e) => return Err(e.into()),
            }
        }
    }

    /// Runs `f` in a transaction (READ COMMITTED: [`CONNECTION_INIT`]), committed when `f` succeeds. A conflict at
    /// any point (a deadlock, a lock-wait timeout, a Galera certification failure at commit) rolls back and runs it
    /// again (see [`Store::run`]).
    fn transaction<T>(&self, mut f: impl FnMut(&mut mysql::Transaction<'_>) -> mysql::Result<T>) -> Result<T> {
        self.run(|c| {
            let mut tx = c.start_transaction(mysql::TxOpts::default())?;
            let v = f(&mut tx)?;
            tx.commit()?;
            Ok(v)
        })
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

/// An error after which the statement or transaction was rolled back and may simply be run again:
/// 1213 deadlock (also a Galera certification failure or a brute-force abort by a replicated write), 1205 lock wait
/// timeout, 1047 "WSREP has not yet prepared node for application use" (a node between views), 1180 "Got error
/// during COMMIT" (on Galera: the replication of the commit failed, nothing was committed), 1614 a transaction
/// branch rolled back as a deadlock.
pub(crate) fn is_conflict(e: &mysql::Error) -> bool {
    matches!(e, mysql::Error::MySqlError(m) if matches!(m.code, 1213 | 1205 | 1047 | 1180 | 1614))
}

/// A pause before the `n`-th retry after a conflict: 2, 4, 8 … ms, at most 64 ms, plus up to as much again at
/// random so that the conflicting requests do not meet again in step.
fn conflict_pause(n: u32) -> Duration {
    let base = 1u64 << n.clamp(1, 6);
    let jitter = u64::from(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos())) % (base + 1);
    Duration::from_millis(base + jitter)
}

/// MySQL's "table doesn't exist": reading Perfex's own tables tolerates it (store tests have none).
fn is_missing_table(e: &mysql::Error) -> bool {
    matches!(e, mysql::Error::MySqlError(m) if m.code == 1146)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server_error(code: u16) -> mysql::Error {
        mysql::Error::MySqlError(mysql::error::MySqlError { state: "HY000".into(), message: String::new(), code })
    }

    #[test]
    fn conflicts_are_the_errors_that_rolled_back() {
        for code in [1213, 1205, 1047, 1180, 1614] {
            assert!(is_conflict(&server_error(code)), "{code}");
        }
        for code in [1062, 1146, 2006, 1045] {
            assert!(!is_conflict(&server_error(code)), "{code}");
        }
    }

    #[test]
    fn the_pause_grows_and_stays_short() {
        for n in 1..=CONFLICT_RETRIES {
            let p = conflict_pause(n).as_millis();
            let base = 1u128 << n.clamp(1, 6);
            assert!((base..=2 * base).contains(&p), "{n}: {p}");
        }
    }
}
