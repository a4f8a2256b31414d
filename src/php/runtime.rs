//! Per-process state: one [`Store`] (connection pool) per distinct database configuration, built on first use —
//! never at module start-up, since php-fpm forks after it — and reused across requests.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use ext_php_rs::types::ZendHashTable;
use serde::Deserialize;

use super::convert::from_table;
use crate::error::{Error, Result};
use crate::store::{DbConfig, Store};

/// The `$config` array of `new Store()` / `new Sessions()`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Config {
    host: String,
    #[serde(default = "default_port")]
    port: u16,
    #[serde(default)]
    socket: Option<String>,
    user: String,
    password: String,
    database: String,
    #[serde(default = "default_prefix")]
    prefix: String,
}
fn default_port() -> u16 {
    3306
}
fn default_prefix() -> String {
    "tbl".into()
}

/// The process's store for a PHP `$config` array.
pub fn store_from(config: &ZendHashTable) -> ext_php_rs::exception::PhpResult<Store> {
    let c: Config = from_table(config, "config")?;
    let cfg = DbConfig { host: c.host, port: c.port, socket: c.socket, user: c.user, password: c.password, database: c.database, prefix: c.prefix };
    Ok(store_for(&cfg)?)
}

/// The process's store for `cfg`.
pub fn store_for(cfg: &DbConfig) -> Result<Store> {
    static STORES: OnceLock<Mutex<HashMap<DbConfig, Store>>> = OnceLock::new();
    let mut map = STORES.get_or_init(|| Mutex::new(HashMap::new())).lock().map_err(|_| Error::Db("store cache poisoned".into()))?;
    if let Some(s) = map.get(cfg) {
        return Ok(s.clone());
    }
    let store = Store::new(cfg)?;
    if map.len() >= 8 {
        map.clear(); // a process never needs many; bound it all the same
    }
    map.insert(cfg.clone(), store.clone());
    Ok(store)
}

/// Now, as unix seconds (the core takes time as a parameter; this is where it is read).
pub fn now() -> i64 {
    chrono::Utc::now().timestamp()
}
