//! Every table of the module has a primary key: Galera replicates row changes by key, and deletes from a table
//! without one are neither safe nor cheap there. Checked against the migrated schema in MariaDB.
#![allow(clippy::unwrap_used)]

mod common;

use mysql::prelude::Queryable;

#[test]
fn every_table_of_the_module_has_a_primary_key() {
    let Some(cfg) = common::fresh_config("pk") else { return };
    let store = login_security::store::Store::new(&cfg).unwrap();
    let opts = mysql::OptsBuilder::new()
        .ip_or_hostname(Some(cfg.host.clone()))
        .tcp_port(cfg.port)
        .prefer_socket(false)
        .user(Some(cfg.user.clone()))
        .pass(Some(cfg.password.clone()))
        .db_name(Some(cfg.database.clone()));
    let mut conn = mysql::Conn::new(opts).unwrap();
    for table in store.tables().owned() {
        let keys: Vec<String> = conn
            .exec(
                "SELECT CONSTRAINT_TYPE FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?",
                (table,),
            )
            .unwrap();
        assert!(keys.iter().any(|k| k == "PRIMARY KEY"), "{table} has no primary key ({keys:?})");
    }
}
