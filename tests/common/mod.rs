//! Shared set-up of the store tests: a real MariaDB from `TEST_DATABASE_URL` (scripts/test starts one), a unique
//! table prefix per test so tests run in parallel without seeing each other.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::sync::atomic::{AtomicU32, Ordering};

use login_security::store::{DbConfig, Store};

/// The database named by `TEST_DATABASE_URL` (mysql://user:pw@host:port/db), or None (a skip locally, a failure
/// under CI=true).
pub fn config(prefix: &str) -> Option<DbConfig> {
    let Ok(url) = std::env::var("TEST_DATABASE_URL") else {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "TEST_DATABASE_URL is not set: the store tests need MariaDB");
        eprintln!("skipping: TEST_DATABASE_URL is not set (run scripts/test)");
        return None;
    };
    let rest = url.strip_prefix("mysql://").expect("mysql:// URL");
    let (cred, hostpart) = rest.split_once('@').expect("user:pw@host");
    let (user, password) = cred.split_once(':').expect("user:pw");
    let (hostport, database) = hostpart.split_once('/').expect("host/db");
    let (host, port) = hostport.split_once(':').unwrap_or((hostport, "3306"));
    Some(DbConfig {
        host: host.into(),
        port: port.parse().unwrap(),
        socket: None,
        user: user.into(),
        password: password.into(),
        database: database.into(),
        prefix: prefix.into(),
    })
}

/// A migrated store with a fresh, unique prefix (its tables are dropped first).
pub fn fresh_store(name: &str) -> Option<Store> {
    fresh_config(name).map(|c| Store::new(&c).unwrap())
}

/// The configuration of a migrated, empty database under a fresh, unique prefix: each `Store::new` of it is
/// another "PHP process" with its own pool.
pub fn fresh_config(name: &str) -> Option<DbConfig> {
    static N: AtomicU32 = AtomicU32::new(0);
    let prefix = format!("t{}_{}_{}_", std::process::id() % 100_000, N.fetch_add(1, Ordering::SeqCst), name);
    let cfg = config(&prefix)?;
    let store = Store::new(&cfg).unwrap();
    store.drop_schema().unwrap();
    store.migrate().unwrap();
    Some(cfg)
}
