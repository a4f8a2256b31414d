//! Reading Perfex's staff and contacts tables: who a user id or an e-mail belongs to (for display only).

use mysql::prelude::Queryable;
use mysql::{Params, Value};

use super::{Store, is_missing_table};
use crate::error::Result;

/// A staff member or contact as the admin pages show them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Person {
    /// Staff or contact id.
    pub id: i64,
    /// Full name.
    pub name: String,
    /// E-mail, trimmed and lower-cased.
    pub email: String,
}

impl Store {
    /// The staff members (`kind` "staff") or contacts ("contact") with the given ids, or — `by_email` — the given
    /// normalised e-mails. Tolerates Perfex's tables being absent (store tests have none).
    pub(super) fn people(&self, kind: &str, by_email: bool, keys: Vec<Value>) -> Result<Vec<Person>> {
        if keys.is_empty() {
            return Ok(Vec::new());
        }
        let (table, id_col) = if kind == "staff" { (&self.tables.staff, "staffid") } else { (&self.tables.contacts, "id") };
        let key_col = if by_email { "LOWER(TRIM(email))".to_string() } else { id_col.to_string() };
        let marks = vec!["?"; keys.len()].join(",");
        let sql = format!("SELECT {id_col}, CONCAT_WS(' ', firstname, lastname), LOWER(TRIM(email)) FROM `{table}` WHERE {key_col} IN ({marks})");
        let rows: Vec<(i64, String, String)> = self.run(|c| match c.exec(&sql, Params::Positional(keys.clone())) {
            Err(e) if is_missing_table(&e) => Ok(Vec::new()),
            other => other,
        })?;
        Ok(rows.into_iter().map(|(id, name, email)| Person { id, name, email }).collect())
    }

    /// The ids of the active administrators (who Perfex notifies of a blocked account).
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    pub fn active_admin_ids(&self) -> Result<Vec<i64>> {
        let sql = format!("SELECT staffid FROM `{}` WHERE admin = 1 AND active = 1 ORDER BY staffid", self.tables.staff);
        self.run(|c| match c.query(&sql) {
            Err(e) if is_missing_table(&e) => Ok(Vec::new()),
            other => other,
        })
    }
}
