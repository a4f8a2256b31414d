//! Login sessions and bans.
//!
//! The per-request check is ONE indexed SELECT (session by token hash, joined with an active ban of its user);
//! a write follows only when last activity is due (at most once a minute) or the session ends now.
//! Ending a user's sessions also removes their rows from Perfex's `tblsessions` (every regenerated id) and
//! `tbluser_auto_login` (the 2-month remember-me cookie), so nothing signs them straight back in.

use mysql::prelude::Queryable;
use mysql::{Params, Value, params};
use serde::Serialize;

use super::Store;
use crate::error::Result;
use crate::ip;
use crate::session::{self, Snapshot, State};
use crate::user_agent::Summary;

/// A session to start.
#[derive(Debug, Clone)]
pub struct NewSession {
    /// SHA-256 of the token.
    pub token_hash: Vec<u8>,
    /// `staff` or `contact`.
    pub user_type: String,
    /// Staff or contact id.
    pub user_id: i64,
    /// Client IP text.
    pub ip: String,
    /// Sanitised user agent.
    pub user_agent: String,
    /// Its summary.
    pub ua: Summary,
    /// `form`, `two_factor` or `remember_me`.
    pub method: String,
}

/// One session as the admin list and "My sessions" show it.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct SessionRow {
    /// A handle for admin actions: the hex of the first 16 bytes of the token hash (never the token).
    pub id: String,
    /// `staff` or `contact`.
    pub user_type: String,
    /// Staff or contact id.
    pub user_id: i64,
    /// Full name ("" when unknown).
    pub user_name: String,
    /// E-mail ("" when unknown).
    pub email: String,
    /// Client IP.
    pub ip: String,
    /// Sanitised user agent.
    pub user_agent: String,
    /// Device type.
    pub device: String,
    /// Browser family and version.
    pub browser: String,
    /// OS family and version.
    pub os: String,
    /// How it started.
    pub method: String,
    /// Unix time of the login.
    pub created_at: i64,
    /// Unix time of the last activity.
    pub last_seen: i64,
}

/// A ban on a user.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Ban {
    /// `staff` or `contact`.
    pub user_type: String,
    /// Staff or contact id.
    pub user_id: i64,
    /// Unix time it ends.
    pub until: i64,
    /// Optional reason given by the admin.
    pub reason: String,
    /// Who banned.
    pub created_by: String,
}

/// Length of the public handle of a session (hex characters of its token hash).
const HANDLE_HEX: usize = 32;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Store {
    /// Starts a session at `now`.
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    pub fn start_session(&self, s: &NewSession, now: i64) -> Result<()> {
        let sql = format!(
            "INSERT INTO `{}` (token_hash, user_type, user_id, ip, user_agent, device, browser, os, method, created_at, last_seen) \
             VALUES (:h, :t, :u, :ip, :ua, :d, :b, :o, :m, :now, :now)",
            self.tables.sessions
        );
        let browser = format!("{} {}", s.ua.browser, s.ua.browser_version).trim().to_string();
        let os = format!("{} {}", s.ua.os, s.ua.os_version).trim().to_string();
        let p = params! { "h" => &s.token_hash, "t" => &s.user_type, "u" => s.user_id, "ip" => ip::to_bytes(&s.ip),
            "ua" => &s.user_agent, "d" => s.ua.device, "b" => browser, "o" => os, "m" => &s.method, "now" => now };
        self.run(|c| c.exec_drop(&sql, p.clone()))
    }

    /// The per-request check (see [`session::check`]): one SELECT, plus a write when last activity is due or the
    /// session ends now (idle or banned). Returns the state and the session's start time.
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    pub fn check_session(&self, token_hash: &[u8], now: i64, idle_limit: Option<i64>, activity: bool) -> Result<(State, Option<i64>)> {
        let sql = format!(
            "SELECT s.ended_at, s.end_reason, s.last_seen, b.until, s.created_at FROM `{}` s \
             LEFT JOIN `{}` b ON b.user_type = s.user_type AND b.user_id = s.user_id AND b.until > ? \
             WHERE s.token_hash = ?",
            self.tables.sessions, self.tables.bans
        );
        type Row = (Option<i64>, String, i64, Option<i64>, i64);
        // Positional parameters: no named-parameter rewriting on this hot path.
        let row: Option<Row> = self.run(|c| c.exec_first(&sql, (now, token_hash)))?;
        let snapshot = row.as_ref().map(|r| Snapshot { ended_at: r.0, end_reason: r.1.clone(), last_seen: r.2, banned_until: r.3 });
        let state = session::check(snapshot.as_ref(), now, idle_limit, activity);
        match &state {
            State::Active { touch: true } => {
                let sql = format!("UPDATE `{}` SET last_seen = :now WHERE token_hash = :h", self.tables.sessions);
                self.run(|c| c.exec_drop(&sql, params! { "now" => now, "h" => token_hash }))?;
            }
            State::Idle => {
                self.end_session(token_hash, "idle", "", now)?;
            }
            State::Banned { .. } => {
                self.end_session(token_hash, "banned", "", now)?;
            }
            _ => {}
        }
        Ok((state, row.map(|r| r.4)))
    }

    /// Records real activity now (the heartbeat), whatever the last write.
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    pub fn touch_session(&self, token_hash: &[u8], now: i64) -> Result<bool> {
        let sql = format!("UPDATE `{}` SET last_seen = :now WHERE token_hash = :h AND ended_at IS NULL", self.tables.sessions);
        self.run(|c| c.exec_iter(&sql, params! { "now" => now, "h" => token_hash }).map(|r| r.affected_rows() > 0))
    }

    /// Ends one session (when still active). Returns its start time when it was ended now.
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    pub fn end_session(&self, token_hash: &[u8], reason: &str, by: &str, now: i64) -> Result<Option<i64>> {
        let t = &self.tables.sessions;
        let update = format!("UPDATE `{t}` SET ended_at = :now, end_reason = :r, ended_by = :by WHERE token_hash = :h AND ended_at IS NULL");
        let select = format!("SELECT created_at FROM `{t}` WHERE token_hash = :h");
        self.run(|c| {
            let n = c.exec_iter(&update, params! { "now" => now, "r" => reason, "by" => by, "h" => token_hash })?.affected_rows();
            if n == 0 {
                return Ok(None);
            }
            c.exec_first(&select, params! { "h" => token_hash })
        })
    }

    /// Ends every active session of a user (except the one whose handle is `keep`), and removes their Perfex
    /// session rows (all but `keep_php_session`) and remember-me rows (all but the md5 key `keep_autologin`).
    /// Returns the start times of the sessions ended.
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    #[allow(clippy::too_many_arguments)]
    pub fn end_user_sessions(&self, user_type: &str, user_id: i64, reason: &str, by: &str, now: i64,
                             keep: Option<&[u8]>, keep_php_session: &str, keep_autologin: &str) -> Result<Vec<i64>> {
        let t = &self.tables;
        let keep = keep.map(<[u8]>::to_vec).unwrap_or_default();
        let starts = format!("SELECT created_at FROM `{}` WHERE user_type = :t AND user_id = :u AND ended_at IS NULL AND token_hash <> :keep", t.sessions);
        let update = format!(
            "UPDATE `{}` SET ended_at = :now, end_reason = :r, ended_by = :by WHERE user_type = :t AND user_id = :u AND ended_at IS NULL AND token_hash <> :keep",
            t.sessions
        );
        let key = if user_type == "staff" { "staff_user_id" } else { "contact_user_id" };
        let id = user_id.to_string();
        let pattern = format!("%{key}|s:{}:\"{id}\";%", id.len());
        let php_sessions = format!("DELETE FROM `{}` WHERE data LIKE :p AND id <> :keep", t.php_sessions);
        let autologin = format!("DELETE FROM `{}` WHERE user_id = :u AND staff = :staff AND key_id <> :keep", t.autologin);
        let staff = i32::from(user_type == "staff");
        self.run(|c| {
            let ended: Vec<i64> = c.exec(&starts, params! { "t" => user_type, "u" => user_id, "keep" => &keep })?;
            c.exec_drop(&update, params! { "now" => now, "r" => reason, "by" => by, "t" => user_type, "u" => user_id, "keep" => &keep })?;
            for (sql, p) in [(&php_sessions, params! { "p" => &pattern, "keep" => keep_php_session }),
                             (&autologin, params! { "u" => user_id, "staff" => staff, "keep" => keep_autologin })] {
                match c.exec_drop(sql, p) {
                    Err(e) if super::is_missing_table(&e) => {}
                    other => other?,
                }
            }
            Ok(ended)
        })
    }

    /// Ends sessions without activity since `before` (unix time) with reason "expired": their Perfex session is gone
    /// (Perfex's `sess_expiration`, 8 h by default). Returns (user type, user id, seconds from login to last
    /// activity) of each session ended, at most 1000 a call.
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    pub fn expire_stale_sessions(&self, before: i64, now: i64) -> Result<Vec<(String, i64, i64)>> {
        let t = &self.tables.sessions;
        let select = format!(
            "SELECT token_hash, user_type, user_id, last_seen - created_at FROM `{t}` WHERE ended_at IS NULL AND last_seen < :before LIMIT 1000"
        );
        let update = format!("UPDATE `{t}` SET ended_at = :now, end_reason = 'expired' WHERE token_hash = :h AND ended_at IS NULL");
        self.run(|c| {
            let stale: Vec<(Vec<u8>, String, i64, i64)> = c.exec(&select, params! { "before" => before })?;
            let mut ended = Vec::with_capacity(stale.len());
            for (h, user_type, user_id, duration) in stale {
                if c.exec_iter(&update, params! { "now" => now, "h" => &h })?.affected_rows() > 0 {
                    ended.push((user_type, user_id, duration));
                }
            }
            Ok(ended)
        })
    }

    /// The active session with the public handle (see [`SessionRow::id`]): (token hash, user type, user id), or
    /// None when no active session has that handle.
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    pub fn session_by_handle(&self, handle: &str) -> Result<Option<(Vec<u8>, String, i64)>> {
        if handle.len() != HANDLE_HEX || !handle.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(None);
        }
        let sql = format!("SELECT token_hash, user_type, user_id FROM `{}` WHERE LEFT(HEX(token_hash), {HANDLE_HEX}) = UPPER(:h) AND ended_at IS NULL", self.tables.sessions);
        self.run(|c| c.exec_first(&sql, params! { "h" => handle }))
    }

    /// Active sessions (not ended, active within `idle_secs`), newest activity first; `user_type` "" for all,
    /// `user` Some((type, id)) for one user. Names and e-mails come from Perfex's tables.
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    pub fn live_sessions(&self, user_type: &str, user: Option<(&str, i64)>, now: i64, idle_secs: i64, limit: i64) -> Result<Vec<SessionRow>> {
        let mut sql = format!(
            "SELECT token_hash, user_type, user_id, ip, user_agent, device, browser, os, method, created_at, last_seen FROM `{}` \
             WHERE ended_at IS NULL AND last_seen > ?",
            self.tables.sessions
        );
        let mut binds: Vec<Value> = vec![(now - idle_secs).into()];
        if !user_type.is_empty() {
            sql += " AND user_type = ?";
            binds.push(user_type.into());
        }
        if let Some((t, id)) = user {
            sql += " AND user_type = ? AND user_id = ?";
            binds.push(t.into());
            binds.push(id.into());
        }
        sql += " ORDER BY last_seen DESC LIMIT ?";
        binds.push(limit.clamp(1, 5000).into());
        type Row = (Vec<u8>, String, i64, Option<Vec<u8>>, String, String, String, String, String, i64, i64);
        let rows: Vec<Row> = self.run(|c| c.exec(&sql, Params::Positional(binds.clone())))?;
        let mut out: Vec<SessionRow> = rows
            .into_iter()
            .map(|(h, user_type, user_id, ip_b, user_agent, device, browser, os, method, created_at, last_seen)| SessionRow {
                id: hex(&h)[..HANDLE_HEX].to_string(),
                user_type, user_id, user_name: String::new(), email: String::new(),
                ip: ip_b.as_deref().map(ip::from_bytes).unwrap_or_default(),
                user_agent, device, browser, os, method, created_at, last_seen,
            })
            .collect();
        self.fill_people(&mut out)?;
        Ok(out)
    }

    /// How many other live sessions the user has (single login).
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    pub fn count_live_sessions(&self, user_type: &str, user_id: i64, now: i64, idle_secs: i64) -> Result<u64> {
        let sql = format!(
            "SELECT COUNT(*) FROM `{}` WHERE user_type = :t AND user_id = :u AND ended_at IS NULL AND last_seen > :since",
            self.tables.sessions
        );
        Ok(self.run(|c| c.exec_first(&sql, params! { "t" => user_type, "u" => user_id, "since" => now - idle_secs }))?.unwrap_or(0))
    }

    fn fill_people(&self, rows: &mut [SessionRow]) -> Result<()> {
        for kind in ["staff", "contact"] {
            let ids: Vec<Value> = rows.iter().filter(|r| r.user_type == kind).map(|r| r.user_id.into()).collect();
            let people = self.people(kind, false, ids)?;
            for r in rows.iter_mut().filter(|r| r.user_type == kind) {
                if let Some(p) = people.iter().find(|p| p.id == r.user_id) {
                    r.user_name.clone_from(&p.name);
                    r.email.clone_from(&p.email);
                }
            }
        }
        Ok(())
    }

    /// Bans a user until `until` (replacing any ban).
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    pub fn ban(&self, b: &Ban, now: i64) -> Result<()> {
        let sql = format!(
            "INSERT INTO `{}` (user_type, user_id, until, reason, created_by, created_at) VALUES (:t, :u, :until, :r, :by, :now) \
             ON DUPLICATE KEY UPDATE until = VALUES(until), reason = VALUES(reason), created_by = VALUES(created_by), created_at = VALUES(created_at)",
            self.tables.bans
        );
        self.run(|c| c.exec_drop(&sql, params! { "t" => &b.user_type, "u" => b.user_id, "until" => b.until, "r" => &b.reason, "by" => &b.created_by, "now" => now }))
    }

    /// Lifts a ban; true when there was one.
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    pub fn lift_ban(&self, user_type: &str, user_id: i64) -> Result<bool> {
        let sql = format!("DELETE FROM `{}` WHERE user_type = :t AND user_id = :u", self.tables.bans);
        self.run(|c| c.exec_iter(&sql, params! { "t" => user_type, "u" => user_id }).map(|r| r.affected_rows() > 0))
    }

    /// Bans in force at `now` (one user, or all when `user` is None).
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    pub fn active_bans(&self, user: Option<(&str, i64)>, now: i64) -> Result<Vec<Ban>> {
        let mut sql = format!("SELECT user_type, user_id, until, reason, created_by FROM `{}` WHERE until > ?", self.tables.bans);
        let mut binds: Vec<Value> = vec![now.into()];
        if let Some((t, id)) = user {
            sql += " AND user_type = ? AND user_id = ?";
            binds.push(t.into());
            binds.push(id.into());
        }
        sql += " ORDER BY until";
        let rows: Vec<(String, i64, i64, String, String)> = self.run(|c| c.exec(&sql, Params::Positional(binds.clone())))?;
        Ok(rows.into_iter().map(|(user_type, user_id, until, reason, created_by)| Ban { user_type, user_id, until, reason, created_by }).collect())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn handles_are_a_prefix_of_the_hash_hex() {
        assert_eq!(super::hex(&[0xab, 0x01]), "ab01");
    }
}
