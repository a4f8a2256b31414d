//! Bulk synthetic data and reference statements for the benchmarks and the demo (never called by the module).

use mysql::params;
use mysql::prelude::Queryable;

use super::Store;
use crate::error::Result;

impl Store {
    /// Inserts `n` synthetic events spread evenly over the `days` days before `now`, for `users` staff members
    /// (ids 1..=users), alternating logins, failures and logouts. Uses MariaDB's sequence engine (`seq_1_to_N`).
    ///
    /// # Errors
    /// [`crate::Error::Db`] (also on MySQL, which has no sequence engine).
    pub fn insert_synthetic_events(&self, n: u64, users: u64, days: i64, now: i64) -> Result<u64> {
        let t = self.tables.events.clone();
        let span = days.max(1) * 86_400;
        self.run(|c| {
            c.exec_drop(
                format!(
                    "INSERT INTO `{t}` (created_at, event, user_type, user_id, identifier, identifier_norm, method, reason, ip, \
                     user_agent, device, browser, browser_version, os, os_version) \
                     SELECT :now - (seq * :span DIV :n), ELT(1 + seq % 3, 'login', 'failed', 'logout'), 'staff', \
                     1 + seq % :users, CONCAT('user', seq % :users, '@example.com'), CONCAT('user', seq % :users, '@example.com'), \
                     IF(seq % 3 = 0, 'form', ''), IF(seq % 3 = 1, 'wrong_password', ''), INET6_ATON(CONCAT('10.0.', seq % 250, '.', seq % 200)), \
                     'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/124.0.0.0 Safari/537.36', 'desktop', 'Chrome', '124.0', 'Windows', '10' \
                     FROM seq_1_to_{n}"
                ),
                params! { "now" => now, "span" => span, "n" => n, "users" => users.max(1) },
            )?;
            Ok(c.affected_rows())
        })
    }

    /// The floor the benchmarks compare against: a primary-key SELECT of one event on an open connection.
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    pub fn reference_point_select(&self, id: u64) -> Result<Option<i64>> {
        let sql = format!("SELECT created_at FROM `{}` WHERE id = :id", self.tables.events);
        self.run(|c| c.exec_first(&sql, params! { "id" => id }))
    }
}
