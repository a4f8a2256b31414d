//! The Login Log's SQL.

use std::collections::HashMap;

use mysql::prelude::Queryable;
use mysql::{Params, Value, params};

use super::{Store, is_missing_table};
use crate::error::{Error, Result};
use crate::ip;
use crate::lockout::Lock;
use crate::login_log::{DayCount, EventRecord, EventRow, ParsedFilter};

/// Rows deleted per statement when purging, so a purge never holds long locks.
const PURGE_BATCH: u64 = 5000;
/// Longest range the chart covers.
const MAX_CHART_DAYS: i64 = 366;
const DAY: i64 = 86_400;

const ROW_COLUMNS: &str = "id, created_at, user_type, user_id, identifier, event, method, reason, ip, user_agent, \
     device, browser, browser_version, os, os_version, duration, end_reason, actor_name, details";

/// WHERE clause and its bound values for a filter (`event` optional: the chart ignores it).
fn where_clause(f: &ParsedFilter, with_event: bool) -> (String, Vec<Value>) {
    let mut sql = Vec::new();
    let mut binds: Vec<Value> = Vec::new();
    if let Some((kind, id)) = &f.user {
        sql.push("user_type = ? AND user_id = ?");
        binds.push(kind.clone().into());
        binds.push((*id).into());
    }
    if let Some(ident) = &f.identifier {
        sql.push("identifier_norm = ?");
        binds.push(ident.clone().into());
    }
    if let Some(addr) = &f.ip {
        sql.push("ip = ?");
        binds.push(addr.clone().into());
    }
    if let (true, Some(ev)) = (with_event, &f.event) {
        sql.push("event = ?");
        binds.push(ev.clone().into());
    }
    if let Some(from) = f.from {
        sql.push("created_at >= ?");
        binds.push(from.into());
    }
    if let Some(to) = f.to {
        sql.push("created_at <= ?");
        binds.push(to.into());
    }
    let clause = if sql.is_empty() { String::new() } else { format!(" WHERE {}", sql.join(" AND ")) };
    (clause, binds)
}

fn to_row(mut r: mysql::Row) -> mysql::Result<EventRow> {
    fn col<T: mysql::prelude::FromValue>(r: &mut mysql::Row, i: usize) -> mysql::Result<T> {
        match r.take_opt::<T, usize>(i) {
            Some(Ok(v)) => Ok(v),
            Some(Err(e)) => Err(mysql::Error::FromValueError(e.0)),
            None => Err(mysql::Error::DriverError(mysql::DriverError::PacketOutOfSync)),
        }
    }
    let ip_bytes: Option<Vec<u8>> = col(&mut r, 8)?;
    let event: String = col(&mut r, 5)?;
    let details: String = col(&mut r, 18)?;
    let lock = if event == "lockout" { Lock::from_details(&details) } else { None };
    Ok(EventRow {
        id: col(&mut r, 0)?,
        at: col(&mut r, 1)?,
        user_type: col(&mut r, 2)?,
        user_id: col(&mut r, 3)?,
        user_name: String::new(),
        identifier: col(&mut r, 4)?,
        event,
        method: col(&mut r, 6)?,
        reason: col(&mut r, 7)?,
        ip: ip_bytes.as_deref().map(ip::from_bytes).unwrap_or_default(),
        user_agent: col(&mut r, 9)?,
        device: col(&mut r, 10)?,
        browser: col(&mut r, 11)?,
        browser_version: col(&mut r, 12)?,
        os: col(&mut r, 13)?,
        os_version: col(&mut r, 14)?,
        duration: col(&mut r, 15)?,
        end_reason: col(&mut r, 16)?,
        actor_name: col(&mut r, 17)?,
        details,
        lock_scope: lock.map_or("", |l| l.scope),
        lock_until: lock.and_then(|l| l.until),
    })
}

/// Writes events into `table` on `q` (a connection, or the transaction that changes the state they record), in one
/// statement: all of them or none.
pub(super) fn insert_events<Q: Queryable>(q: &mut Q, table: &str, events: &[&EventRecord]) -> mysql::Result<()> {
    if events.is_empty() {
        return Ok(());
    }
    let row = format!("({})", vec!["?"; 20].join(", "));
    let sql = format!(
        "INSERT INTO `{table}` (created_at, event, user_type, user_id, identifier, identifier_norm, method, reason, ip, \
         user_agent, device, browser, browser_version, os, os_version, duration, end_reason, actor_id, actor_name, details) \
         VALUES {}",
        vec![row; events.len()].join(", ")
    );
    let values: Vec<Value> = events.iter().flat_map(|e| -> [Value; 20] {
        [e.at.into(), e.event.clone().into(), e.user_type.clone().into(), e.user_id.into(), e.identifier.clone().into(),
            e.identifier_norm.clone().into(), e.method.clone().into(), e.reason.clone().into(), e.ip.clone().into(),
            e.user_agent.clone().into(), e.ua.device.into(), e.ua.browser.clone().into(), e.ua.browser_version.clone().into(),
            e.ua.os.clone().into(), e.ua.os_version.clone().into(), e.duration.into(), e.end_reason.clone().into(),
            e.actor_id.into(), e.actor_name.clone().into(), e.details.clone().into()]
    }).collect();
    q.exec_drop(sql, Params::Positional(values))
}

impl Store {
    /// Writes one event; returns its id.
    ///
    /// # Errors
    /// [`Error::Db`].
    pub fn record_event(&self, e: &EventRecord) -> Result<u64> {
        // A login refused before its password was checked names the account only by the e-mail typed: link it to
        // the account (when there is one) so the log shows the person and the user filter finds the row.
        if e.user_id.is_none() && matches!(e.reason.as_str(), "locked_out" | "blocked") && matches!(e.user_type.as_str(), "staff" | "contact") {
            let found = self.people(&e.user_type, true, vec![e.identifier_norm.clone().into()])?;
            if let Some(p) = found.first() {
                return self.record_event(&EventRecord { user_id: Some(p.id), ..e.clone() });
            }
        }
        let table = self.tables.events.clone();
        self.run(|c| {
            insert_events(c, &table, &[e])?;
            Ok(c.last_insert_id())
        })
    }

    /// Writes one prepared event on `c` (a connection or an open transaction, so that an event is recorded in the
    /// same transaction as the change it reports).
    pub(super) fn insert_event(&self, c: &mut impl Queryable, e: &EventRecord) -> mysql::Result<()> {
        insert_events(c, &self.tables.events, &[e])
    }

    /// One page of the log, newest first, with the total number of matching rows.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for a page or page size below 1 or a page size over 500; [`Error::Db`].
    pub fn events(&self, f: &ParsedFilter, page: i64, per_page: i64) -> Result<(u64, Vec<EventRow>)> {
        if page < 1 || !(1..=500).contains(&per_page) {
            return Err(Error::invalid("page", "page must be ≥ 1 and per_page 1 to 500"));
        }
        let (clause, binds) = where_clause(f, true);
        let count_sql = format!("SELECT COUNT(*) FROM `{}`{clause}", self.tables.events);
        let total: u64 = self.run(|c| c.exec_first(&count_sql, Params::Positional(binds.clone())))?.unwrap_or(0);
        let offset = (page - 1).saturating_mul(per_page);
        let rows = self.select_rows(f, per_page, offset)?;
        Ok((total, rows))
    }

    /// Every matching row, newest first, at most `limit`.
    ///
    /// # Errors
    /// [`Error::Db`].
    pub fn export_events(&self, f: &ParsedFilter, limit: i64) -> Result<Vec<EventRow>> {
        self.select_rows(f, limit.max(0), 0)
    }

    fn select_rows(&self, f: &ParsedFilter, limit: i64, offset: i64) -> Result<Vec<EventRow>> {
        let (clause, mut binds) = where_clause(f, true);
        binds.push(limit.into());
        binds.push(offset.into());
        let sql = format!(
            "SELECT {ROW_COLUMNS} FROM `{}`{clause} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
            self.tables.events
        );
        let mut rows = self.run(|c| {
            c.exec_iter(&sql, Params::Positional(binds.clone()))?.map(|r| r.and_then(to_row)).collect::<mysql::Result<Vec<_>>>()
        })?;
        self.fill_names(&mut rows)?;
        Ok(rows)
    }

    /// Adds the users' current names (Perfex's staff and contacts tables; tolerated when missing).
    fn fill_names(&self, rows: &mut [EventRow]) -> Result<()> {
        for kind in ["staff", "contact"] {
            let ids: Vec<Value> = rows.iter().filter(|r| r.user_type == kind).filter_map(|r| r.user_id).map(Value::from).collect();
            let people = self.people(kind, false, ids)?;
            for r in rows.iter_mut().filter(|r| r.user_type == kind) {
                if let Some(p) = people.iter().find(|p| Some(p.id) == r.user_id) {
                    r.user_name.clone_from(&p.name);
                }
            }
        }
        Ok(())
    }

    /// Successful and failed logins per day over the filter's range (event part ignored), days without events
    /// included. Days start at `utc_offset` seconds east of UTC. Without `to`, the range ends at `now`; without
    /// `from`, it covers 30 days; at most [`MAX_CHART_DAYS`].
    ///
    /// # Errors
    /// [`Error::Db`].
    pub fn daily_counts(&self, f: &ParsedFilter, utc_offset: i64, now: i64) -> Result<Vec<DayCount>> {
        let to = f.to.unwrap_or(now);
        let last_day = (to + utc_offset).div_euclid(DAY);
        let first_day = f.from.map_or(last_day - 29, |from| (from + utc_offset).div_euclid(DAY)).max(last_day - MAX_CHART_DAYS + 1);
        let bounded = ParsedFilter { from: Some(first_day * DAY - utc_offset), to: Some(to), ..f.clone() };
        let (clause, mut binds) = where_clause(&bounded, false);
        let sql = format!(
            "SELECT FLOOR((created_at + ?) / {DAY}) AS d, SUM(event = 'login'), SUM(event = 'failed') FROM `{}`{clause} \
             {} event IN ('login', 'failed') GROUP BY d",
            self.tables.events,
            if clause.is_empty() { "WHERE" } else { "AND" }
        );
        binds.insert(0, utc_offset.into());
        let found: HashMap<i64, (i64, i64)> = self
            .run(|c| c.exec::<(i64, i64, i64), _, _>(&sql, Params::Positional(binds.clone())))?
            .into_iter()
            .map(|(d, s, fl)| (d, (s, fl)))
            .collect();
        Ok((first_day..=last_day)
            .map(|d| {
                let (success, failed) = found.get(&d).copied().unwrap_or((0, 0));
                let day = chrono::DateTime::from_timestamp(d * DAY, 0).map(|t| t.format("%Y-%m-%d").to_string()).unwrap_or_default();
                DayCount { day, success, failed }
            })
            .collect())
    }

    /// Empties the log (TRUNCATE; batched DELETE when the user may not truncate), then records `cleared`.
    /// Returns the rows removed.
    ///
    /// # Errors
    /// [`Error::Db`].
    pub fn clear_events(&self, cleared: &EventRecord) -> Result<u64> {
        let t = self.tables.events.clone();
        let removed: u64 = self.run(|c| c.query_first(format!("SELECT COUNT(*) FROM `{t}`")))?.unwrap_or(0);
        if self.run(|c| c.query_drop(format!("TRUNCATE TABLE `{t}`"))).is_err() {
            self.delete_batches(&format!("DELETE FROM `{t}` LIMIT {PURGE_BATCH}"), &Params::Empty)?;
        }
        self.record_event(cleared)?;
        Ok(removed)
    }

    /// Deletes events older than `before` (unix time), in batches. Returns the rows removed.
    ///
    /// # Errors
    /// [`Error::Db`].
    pub fn purge_events(&self, before: i64) -> Result<u64> {
        let sql = format!("DELETE FROM `{}` WHERE created_at < :before LIMIT {PURGE_BATCH}", self.tables.events);
        self.delete_batches(&sql, &params! { "before" => before })
    }

    /// [`Store::purge_events`], then — when it removed any — records `purged` (its details: how many).
    ///
    /// # Errors
    /// [`Error::Db`].
    pub fn purge_events_recorded(&self, before: i64, purged: &EventRecord) -> Result<u64> {
        let removed = self.purge_events(before)?;
        if removed > 0 {
            self.record_event(&EventRecord { details: removed.to_string(), ..purged.clone() })?;
        }
        Ok(removed)
    }

    fn delete_batches(&self, sql: &str, p: &Params) -> Result<u64> {
        let mut total = 0;
        loop {
            let n = self.run(|c| c.exec_iter(sql, p.clone()).map(|r| r.affected_rows()))?;
            total += n;
            if n < PURGE_BATCH {
                return Ok(total);
            }
        }
    }

    /// Staff members and contacts whose name or e-mail contains `term`: (key, label) pairs, `staff:ID` /
    /// `contact:ID` and "Name <email>".
    ///
    /// # Errors
    /// [`Error::Db`].
    pub fn search_users(&self, term: &str, limit: i64) -> Result<Vec<(String, String)>> {
        let escaped: String = term.trim().chars().take(100).flat_map(|c| match c {
            '%' | '_' | '\\' => vec!['\\', c],
            _ => vec![c],
        }).collect();
        let like = format!("%{escaped}%");
        let mut out = Vec::new();
        for (kind, table, id_col) in [("staff", &self.tables.staff, "staffid"), ("contact", &self.tables.contacts, "id")] {
            let sql = format!(
                "SELECT {id_col}, CONCAT_WS(' ', firstname, lastname), email FROM `{table}` \
                 WHERE CONCAT_WS(' ', firstname, lastname) LIKE :t OR email LIKE :t ORDER BY firstname, lastname LIMIT :n"
            );
            let found: Vec<(i64, String, String)> = self.run(|c| match c.exec(&sql, params! { "t" => &like, "n" => limit.clamp(1, 100) }) {
                Err(e) if is_missing_table(&e) => Ok(Vec::new()),
                other => other,
            })?;
            out.extend(found.into_iter().map(|(id, name, email)| (format!("{kind}:{id}"), format!("{name} <{email}>"))));
        }
        out.truncate(usize::try_from(limit.clamp(1, 100)).unwrap_or(100));
        Ok(out)
    }
}
