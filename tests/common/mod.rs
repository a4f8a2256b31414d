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

/// Creates Perfex's staff, contacts and remember-me tables under the config's prefix (as Perfex declares them:
/// utf8mb4_unicode_ci e-mails) with the given staff and contacts as (id, e-mail).
pub fn perfex_people(cfg: &DbConfig, staff: &[(i64, &str)], contacts: &[(i64, &str)]) {
    use mysql::prelude::Queryable;
    let mut c = sql();
    let p = &cfg.prefix;
    let opts = "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci";
    for t in ["staff", "contacts", "user_auto_login"] {
        c.query_drop(format!("DROP TABLE IF EXISTS `{p}{t}`")).unwrap();
    }
    c.query_drop(format!("CREATE TABLE `{p}staff` (staffid INT NOT NULL AUTO_INCREMENT PRIMARY KEY, email VARCHAR(100) NOT NULL, \
        firstname VARCHAR(50) NOT NULL DEFAULT '', lastname VARCHAR(50) NOT NULL DEFAULT '', admin INT NOT NULL DEFAULT 0, active INT NOT NULL DEFAULT 1) {opts}")).unwrap();
    c.query_drop(format!("CREATE TABLE `{p}contacts` (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, userid INT NOT NULL DEFAULT 1, email VARCHAR(100) NOT NULL, \
        firstname VARCHAR(191) NOT NULL DEFAULT '', lastname VARCHAR(191) NOT NULL DEFAULT '', active TINYINT(1) NOT NULL DEFAULT 1) {opts}")).unwrap();
    c.query_drop(format!("CREATE TABLE `{p}user_auto_login` (key_id CHAR(32) NOT NULL, user_id INT NOT NULL, user_agent VARCHAR(150) NOT NULL DEFAULT '', \
        last_ip VARCHAR(40) NOT NULL DEFAULT '', last_login TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, staff INT NOT NULL) {opts}")).unwrap();
    for (id, email) in staff {
        c.exec_drop(format!("INSERT INTO `{p}staff` (staffid, email, firstname, lastname, admin) VALUES (?, ?, 'Staff', ?, 1)"), (id, email, id.to_string())).unwrap();
    }
    for (id, email) in contacts {
        c.exec_drop(format!("INSERT INTO `{p}contacts` (id, email, firstname, lastname) VALUES (?, ?, 'Contact', ?)"), (id, email, id.to_string())).unwrap();
    }
}

/// A plain connection to the test database (utf8mb4), for arranging and inspecting rows.
pub fn sql() -> mysql::Conn {
    use mysql::prelude::Queryable;
    let url = std::env::var("TEST_DATABASE_URL").unwrap();
    let mut c = mysql::Conn::new(mysql::Opts::from_url(&url).unwrap()).unwrap();
    c.query_drop("SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci").unwrap();
    c
}

/// The counters the attempts tests claim on: a fixed "now", keys by kind and subject, the default policies.
pub mod attempts {
    use login_security::lockout::{Decision, Policy};
    use login_security::store::{AttemptKey, Store};

    /// A fixed "now".
    pub const T0: i64 = 1_790_000_000;

    pub fn key(kind: &str, subject: &str) -> AttemptKey {
        AttemptKey { kind: kind.into(), subject: subject.into() }
    }

    /// The account policy of the default settings (3 retries, 3 minutes, 3 lockouts, 24 h).
    pub fn account_policy() -> Policy {
        Policy::new(3, 180, Some(3), 86_400).unwrap()
    }

    /// The decision for one key now, nothing counted.
    pub fn decision(s: &Store, k: &AttemptKey, p: &Policy, now: i64) -> Decision {
        s.attempt_status(&[(k.clone(), *p)], now).unwrap()[0].0
    }

    /// The per-IP policy of the default settings (20 attempts).
    pub fn ip_policy() -> Policy {
        Policy::new(20, 180, None, 86_400).unwrap()
    }
}
