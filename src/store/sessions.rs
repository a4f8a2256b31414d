//! Login sessions and bans.
//!
//! The per-request check is ONE indexed SELECT (session by token hash, joined with an active ban of its user);
//! a write follows only when last activity is due (at most once a minute) or the session ends now.
//! Ending a user's sessions also removes their rows from Perfex's `tblsessions` (every regenerated id) and
//! `tbluser_auto_login` (the 2-month remember-me cookie), so nothing signs them straight back in.

use mysql::prelude::Queryable;
use mysql::{Params, Value, params};
use serde::{Deserialize, Serialize};

use super::Store;
use crate::error::Result;
use crate::ip;
use crate::lockout::LoginGuard;
use crate::login_log::NewEvent;
use crate::session::{self, Refusal, Rules, Snapshot, State};
use crate::user_agent::Summary;
use crate::vocabulary::{EndReason, Event, Method, Reason, Status};

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
    /// md5 key id of the remember-me row behind it (`tbluser_auto_login.key_id`), "" when none.
    pub autologin_key: String,
    /// The e-mail the login was typed with ("" for a remember-me arrival or a takeover): its logout event names it.
    pub identifier: String,
}

/// What a login, a remember-me arrival or a takeover comes to (see [`Store::admit`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admission {
    /// The session started.
    Started,
    /// Refused: banned, or single login.
    Refused(Refusal),
    /// A remember-me token the module revoked (its session was ended, or the password changed since).
    Revoked,
    /// Refused by the lockout: the account is locked (until) or blocked (see [`Store::admit_after_lockout`]).
    Lockout {
        /// Blocked until an administrator re-enables it (else locked).
        blocked: bool,
        /// When the lockout ends.
        until: Option<i64>,
    },
}

/// The lockout's part of a login: the settings, and the claim its attempt got (see [`Store::login_succeeded`]).
#[derive(Debug, Clone, Copy)]
pub struct LockoutCheck<'a> {
    /// The lockout settings.
    pub guard: &'a LoginGuard,
    /// What the login's attempt counted ([`crate::lockout::Verdict::claim`]), when it had one.
    pub claim: Option<&'a str>,
    /// That attempt was claimed in this very request (its password was checked under that claim).
    pub same_request: bool,
}

/// What the Login Log records of an event the store writes besides what the store knows (for a session's end: its
/// user, e-mail, end reason and duration come from the session's row). `ip` / `user_agent`: this request's, when
/// the user's own browser is at the origin; "" for an action of someone else (not the user's device); absent: the
/// session's own (the per-request check signs the user out).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LogFields {
    /// Client IP text.
    pub ip: Option<String>,
    /// Raw user agent.
    pub user_agent: Option<String>,
    /// Store the /24 or /48 network instead of the address.
    pub anonymize_ip: bool,
    /// The staff member who ended it.
    pub actor_id: Option<i64>,
    /// Their name.
    pub actor_name: String,
    /// Free text.
    pub details: String,
}

/// The columns of a session being ended, for its logout event (see [`Ending`]).
const ENDING: &str = "token_hash, user_type, user_id, created_at, identifier, ip, user_agent, autologin_key";
/// A session being ended: token hash, user type, user id, start, identifier, IP bytes, user agent, remember-me key.
type Ending = (Vec<u8>, String, i64, i64, String, Option<Vec<u8>>, String, String);

/// The PHP-session key that holds a session's public handle (see [`SessionRow::id`]), per user type: how the
/// Perfex session rows of exactly one session are found.
#[must_use]
pub fn handle_key(user_type: &str) -> String {
    format!("login_security_sid_{user_type}")
}

/// The user's last password change as seconds since 1970 in the web server's local time (Perfex writes it with
/// `date()`): the caller subtracts PHP's UTC offset.
const PASSWORD_CHANGE: &str = "TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', COALESCE(st.last_password_change, ct.last_password_change))";

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

/// Refuses an end reason outside the Login Log's vocabulary before anything is ended.
fn end_reason(reason: &str) -> Result<()> {
    if reason.is_empty() || crate::vocabulary::EndReason::parse(reason).is_some() {
        Ok(())
    } else {
        Err(crate::Error::invalid("reason", format!("\"{}\" is not an end reason", crate::login_log::cut(reason, 40))))
    }
}

/// A session's public handle (see [`SessionRow::id`]): the hex of the first [`HANDLE_HEX`] / 2 bytes of its token
/// hash. Never the token, and not enough of the hash to stand for it.
#[must_use]
pub fn public_id(token_hash: &[u8]) -> String {
    token_hash.iter().take(HANDLE_HEX / 2).map(|b| format!("{b:02x}")).collect()
}

impl Store {
    /// Starts a session at `now`.
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    pub fn start_session(&self, s: &NewSession, now: i64) -> Result<()> {
        self.run(|c| self.insert_session(c, s, now))
    }

    fn insert_session(&self, c: &mut impl Queryable, s: &NewSession, now: i64) -> mysql::Result<()> {
        let sql = format!(
            "INSERT INTO `{}` (token_hash, user_type, user_id, ip, user_agent, device, browser, os, method, created_at, last_seen, autologin_key, identifier) \
             VALUES (:h, :t, :u, :ip, :ua, :d, :b, :o, :m, :now, :now, :k, :i)",
            self.tables.sessions
        );
        let browser = format!("{} {}", s.ua.browser, s.ua.browser_version).trim().to_string();
        let os = format!("{} {}", s.ua.os, s.ua.os_version).trim().to_string();
        c.exec_drop(&sql, params! { "h" => &s.token_hash, "t" => &s.user_type, "u" => s.user_id, "ip" => ip::to_bytes(&s.ip),
            "ua" => &s.user_agent, "d" => s.ua.device, "b" => browser, "o" => os, "m" => &s.method, "now" => now,
            "k" => &s.autologin_key, "i" => crate::login_log::cut(&s.identifier, crate::login_log::MAX_IDENTIFIER) })
    }

    /// A login (`s.method` "form" / "two_factor", before Perfex sets its session), a remember-me arrival ("remember_me",
    /// `s.autologin_key` its cookie's md5 key) or a takeover of a session older than the module (""): decides and
    /// records it in ONE transaction. Refused when the user is banned or — with `live_window` (single login, seconds)
    /// — has a live session (a "logout" event with that end reason and duration 0); a remember-me token the module
    /// revoked is refused too (`utc_offset` as for [`Store::check_session`]; its remember-me row is deleted and a
    /// "failed" event with reason "revoked" written). Otherwise the session starts, with its "login" event (none
    /// for a takeover: nobody logged in).
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    pub fn admit(&self, s: &NewSession, live_window: Option<i64>, utc_offset: Option<i64>, anonymize_ip: bool, now: i64) -> Result<Admission> {
        let t = &self.tables;
        // One statement: a ban in force and, when single login applies, the user's live sessions.
        let standing = format!(
            "SELECT (SELECT until FROM `{}` WHERE user_type = ? AND user_id = ? AND until > ?), \
             IF(?, (SELECT COUNT(*) FROM `{}` WHERE user_type = ? AND user_id = ? AND ended_at IS NULL AND last_seen > ?), NULL)",
            t.bans, t.sessions
        );
        let remember_me = s.method == "remember_me";
        let event = |name: &str, method: &str, reason: &str, end_reason: &str| NewEvent {
            event: name.into(), user_type: s.user_type.clone(), user_id: Some(s.user_id), identifier: s.identifier.clone(),
            method: method.into(), reason: reason.into(), ip: s.ip.clone(), user_agent: s.user_agent.clone(), anonymize_ip,
            duration: (name == "logout").then_some(0), end_reason: end_reason.into(), ..NewEvent::default()
        }.prepare(now);
        // Validated before anything is written (a refusal names the method only for a login typed in).
        let typed = if remember_me || s.method.is_empty() { "" } else { s.method.as_str() };
        let (login, refused_banned, refused_single, revoked) = (event("login", &s.method, "", "")?, event("logout", typed, "", "banned")?,
            event("logout", typed, "", "rejected")?, event("failed", "remember_me", "revoked", "")?);
        self.transaction(|c| {
            let (banned, others): (Option<i64>, Option<u64>) = c.exec_first(&standing, (&s.user_type, s.user_id, now, live_window.is_some(),
                &s.user_type, s.user_id, now - live_window.unwrap_or(0)))?.unwrap_or((None, None));
            if let Some(refusal) = session::refusal(banned, others, now) {
                self.insert_event(c, if matches!(refusal, Refusal::Banned { .. }) { &refused_banned } else { &refused_single })?;
                return Ok(Admission::Refused(refusal));
            }
            if remember_me && self.revoked_token(c, Some((&s.user_type, s.user_id)), &s.autologin_key, utc_offset)?.is_some() {
                let delete = format!("DELETE FROM `{}` WHERE key_id = ? AND user_id = ? AND staff = ?", t.autologin);
                match c.exec_drop(&delete, (&s.autologin_key, s.user_id, i32::from(s.user_type == "staff"))) {
                    Err(e) if super::is_missing_table(&e) => {}
                    other => other?,
                }
                self.insert_event(c, &revoked)?;
                return Ok(Admission::Revoked);
            }
            self.insert_session(c, s, now)?;
            if !s.method.is_empty() {
                self.insert_event(c, &login)?;
            }
            Ok(Admission::Started)
        })
    }

    /// The moment of login, lockout first: a form or 2FA login of a blocked account, or of a locked one unless its
    /// password was checked under this request's own claim ([`Store::login_succeeded`]), or a remember-me arrival of a
    /// locked or blocked account ([`Store::account_status`]), is refused with its `failed` event recorded; otherwise
    /// [`Store::admit`]. A takeover (method "") has no login to check. One extension call for the whole moment.
    ///
    /// # Errors
    /// [`crate::Error::Db`]; [`crate::Error::InvalidInput`] for a session outside the vocabulary.
    pub fn admit_after_lockout(&self, s: &NewSession, lockout: Option<LockoutCheck<'_>>, live_window: Option<i64>, utc_offset: Option<i64>,
                               anonymize_ip: bool, now: i64) -> Result<Admission> {
        if let Some(l) = lockout.filter(|_| !s.method.is_empty()) {
            let refused = NewEvent {
                event: Event::Failed.as_str().into(), user_type: s.user_type.clone(), user_id: Some(s.user_id), identifier: s.identifier.clone(),
                method: s.method.clone(), reason: Reason::LockedOut.as_str().into(), ip: s.ip.clone(), user_agent: s.user_agent.clone(),
                anonymize_ip, ..NewEvent::default()
            }.prepare(now)?;
            let verdict = if s.method == Method::RememberMe.as_str() {
                self.account_status(l.guard, &s.user_type, s.user_id, Some(&refused), now)?
            } else {
                self.login_succeeded(l.guard, &s.user_type, s.user_id, l.claim, l.same_request, Some(&refused), now)?
            };
            if verdict.status != Status::Allowed.as_str() {
                return Ok(Admission::Lockout { blocked: verdict.status == Status::Blocked.as_str(), until: verdict.until });
            }
        }
        self.admit(s, live_window, utc_offset, anonymize_ip, now)
    }

    /// The joins that give a session's user's last password change (see [`PASSWORD_CHANGE`]).
    fn password_joins(&self) -> String {
        format!(
            "LEFT JOIN `{}` st ON s.user_type = 'staff' AND st.staffid = s.user_id \
             LEFT JOIN `{}` ct ON s.user_type = 'contact' AND ct.id = s.user_id",
            self.tables.staff, self.tables.contacts
        )
    }

    /// The per-request check (see [`session::check`]): ONE SELECT — the session, an active ban of its user and the
    /// user's last password change — plus a write when last activity is due, the remember-me key of this request
    /// is not bound yet, or the session ends now (idle, banned, password changed: ended with its logout event in one
    /// transaction, the IP stored as the /24 or /48 network when `anonymize_ip`). `autologin_key` is the md5 key
    /// of this request's remember-me cookie ("" without); `utc_offset` PHP's offset in seconds (Perfex writes
    /// `last_password_change` in local time), None when the password rule is off (then nothing of it is read).
    /// Returns the state and the session's start time.
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    #[allow(clippy::too_many_arguments)] // the hot path: plain values, no struct to build per request
    pub fn check_session(&self, token_hash: &[u8], now: i64, rules: &Rules, activity: bool, autologin_key: &str,
                         utc_offset: Option<i64>, anonymize_ip: bool) -> Result<(State, Option<i64>)> {
        let t = &self.tables;
        let select = |joins: bool| {
            let (cols, from) = if joins { (PASSWORD_CHANGE.to_string(), self.password_joins()) } else { ("NULL".to_string(), String::new()) };
            format!(
                "SELECT s.ended_at, s.end_reason, s.last_seen, b.until, s.created_at, s.password_seen, s.autologin_key, {cols} FROM `{}` s \
                 LEFT JOIN `{}` b ON b.user_type = s.user_type AND b.user_id = s.user_id AND b.until > ? {from} \
                 WHERE s.token_hash = ?",
                t.sessions, t.bans
            )
        };
        let (with, without) = (select(true), select(false));
        type Row = (Option<i64>, String, i64, Option<i64>, i64, i64, String, Option<i64>);
        // Positional parameters: no named-parameter rewriting on this hot path.
        let row: Option<Row> = self.run(|c| match c.exec_first(if utc_offset.is_some() { &with } else { &without }, (now, token_hash)) {
            Err(e) if super::is_missing_table(&e) => c.exec_first(&without, (now, token_hash)), // no Perfex user tables
            other => other,
        })?;
        let snapshot = row.map(|r| Snapshot {
            ended_at: r.0, end_reason: r.1, last_seen: r.2, banned_until: r.3, created_at: r.4, password_seen: r.5,
            // A change time still in the future is not a change yet: Perfex wrote it in local time under an offset
            // that no longer holds (its timezone was changed, or a clock went back for daylight saving). Without this,
            // every new session would be ended until that moment passed.
            autologin_key: r.6, password_changed_at: r.7.and_then(|local| utc_offset.map(|o| local - o)).filter(|changed| *changed <= now),
        });
        let state = session::check(snapshot.as_ref(), now, rules, activity);
        let bind = !autologin_key.is_empty() && snapshot.as_ref().is_some_and(|s| s.autologin_key != autologin_key);
        match &state {
            State::Active { touch } if *touch || bind => {
                let sql = format!(
                    "UPDATE `{}` SET last_seen = IF(?, ?, last_seen), autologin_key = IF(? <> '', ?, autologin_key) WHERE token_hash = ?",
                    t.sessions
                );
                let key = if bind { autologin_key } else { "" };
                self.run(|c| c.exec_drop(&sql, (*touch, now, key, key, token_hash)))?;
            }
            State::Idle | State::Banned { .. } | State::PasswordChanged => {
                // The user's own browser, signed out by this check: its logout event names the session's IP and device.
                let reason = match state { State::Idle => "idle", State::Banned { .. } => "banned", _ => "password_changed" };
                self.end_session(token_hash, reason, "", Some(&LogFields { anonymize_ip, ..LogFields::default() }), now)?;
            }
            _ => {}
        }
        Ok((state, snapshot.map(|s| s.created_at)))
    }

    /// Binds the remember-me row with md5 key id `autologin_key` to a session (the login that created it).
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    pub fn bind_autologin(&self, token_hash: &[u8], autologin_key: &str) -> Result<bool> {
        let sql = format!("UPDATE `{}` SET autologin_key = :k WHERE token_hash = :h AND ended_at IS NULL", self.tables.sessions);
        self.run(|c| c.exec_iter(&sql, params! { "k" => autologin_key, "h" => token_hash }).map(|r| r.affected_rows() > 0))
    }

    /// The session of this request made a password change of its own user at `since` or later: it survives that
    /// change (see [`session::password_changed_since`]). True when there was such a change.
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    pub fn accept_password_change(&self, token_hash: &[u8], since: i64, utc_offset: i64) -> Result<bool> {
        let sql = format!(
            "UPDATE `{}` s {} SET s.password_seen = {PASSWORD_CHANGE} - ? \
             WHERE s.token_hash = ? AND s.ended_at IS NULL AND {PASSWORD_CHANGE} - ? >= ?",
            self.tables.sessions, self.password_joins()
        );
        self.run(|c| c.exec_iter(&sql, (utc_offset, token_hash, utc_offset, since)).map(|r| r.affected_rows() > 0))
    }

    /// The user whose remember-me token with md5 key `autologin_key` the module revoked (see
    /// [`session::remember_me_revoked`]), from the newest session it was bound to (of `user` only, when given).
    fn revoked_token(&self, c: &mut impl Queryable, user: Option<(&str, i64)>, autologin_key: &str, utc_offset: Option<i64>)
                     -> mysql::Result<Option<(String, i64)>> {
        if autologin_key.is_empty() {
            return Ok(None);
        }
        let (user_type, user_id) = user.unwrap_or(("", 0));
        // The user's last password change is read only when the password rule is on (as in the check).
        let (changed, joins) = if utc_offset.is_some() { (PASSWORD_CHANGE, self.password_joins()) } else { ("NULL", String::new()) };
        let sql = format!(
            "SELECT s.user_type, s.user_id, s.ended_at, s.end_reason, s.created_at, s.password_seen, {changed} FROM `{}` s {joins} \
             WHERE s.autologin_key = ? AND (? = '' OR (s.user_type = ? AND s.user_id = ?)) ORDER BY s.created_at DESC LIMIT 1",
            self.tables.sessions
        );
        type Row = (String, i64, Option<i64>, String, i64, i64, Option<i64>);
        let row: Option<Row> = c.exec_first(&sql, (autologin_key, user_type, user_type, user_id))?;
        Ok(row.and_then(|r| {
            let bound = Snapshot { ended_at: r.2, end_reason: r.3, created_at: r.4, password_seen: r.5,
                password_changed_at: r.6.and_then(|local| utc_offset.map(|o| local - o)), ..Snapshot::default() };
            session::remember_me_revoked(Some(&bound)).then_some((r.0, r.1))
        }))
    }

    /// Records real activity now (the heartbeat), whatever the last write.
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    pub fn touch_session(&self, token_hash: &[u8], now: i64) -> Result<bool> {
        let sql = format!("UPDATE `{}` SET last_seen = :now WHERE token_hash = :h AND ended_at IS NULL", self.tables.sessions);
        self.run(|c| c.exec_iter(&sql, params! { "now" => now, "h" => token_hash }).map(|r| r.affected_rows() > 0))
    }

    /// Ends one session (when still active), and with `log` writes its logout event (see [`LogFields`]) in the same
    /// transaction. Returns its start time when it was ended now.
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    pub fn end_session(&self, token_hash: &[u8], reason: &str, by: &str, log: Option<&LogFields>, now: i64) -> Result<Option<i64>> {
        end_reason(reason)?;
        let t = &self.tables.sessions;
        let select = format!("SELECT {ENDING} FROM `{t}` WHERE token_hash = ? AND ended_at IS NULL FOR UPDATE");
        let update = format!("UPDATE `{t}` SET ended_at = ?, end_reason = ?, ended_by = ? WHERE token_hash = ?");
        self.transaction(|c| {
            let Some(row) = c.exec_first::<Ending, _, _>(&select, (token_hash,))? else { return Ok(None) };
            c.exec_drop(&update, (now, reason, by, token_hash))?;
            if let Some(log) = log {
                self.log_end(c, &row, reason, log, now)?;
            }
            Ok(Some(row.3))
        })
    }

    /// Writes the logout event of a session ended now: user, identifier and duration from its row; IP and user agent
    /// as `log` gives them, else the session's own.
    fn log_end(&self, c: &mut impl Queryable, row: &Ending, reason: &str, log: &LogFields, now: i64) -> mysql::Result<()> {
        let event = NewEvent {
            event: "logout".into(), user_type: row.1.clone(), user_id: Some(row.2), identifier: row.4.clone(),
            ip: log.ip.clone().unwrap_or_else(|| row.5.as_deref().map(ip::from_bytes).unwrap_or_default()),
            user_agent: log.user_agent.clone().unwrap_or_else(|| row.6.clone()), anonymize_ip: log.anonymize_ip,
            duration: Some(now - row.3), end_reason: reason.into(), actor_id: log.actor_id, actor_name: log.actor_name.clone(),
            details: log.details.clone(), ..NewEvent::default()
        };
        // The end reason was checked before the transaction began (see end_reason()): prepare() cannot refuse it.
        match event.prepare(now) {
            Ok(record) => self.insert_event(c, &record).map(drop),
            Err(_) => Ok(()),
        }
    }

    /// Ends every active session of a user (except the one whose handle is `keep`), and removes their Perfex
    /// session rows (all but `keep_php_session`) and remember-me rows (all but the md5 key `keep_autologin`). With
    /// `log`, each session's logout event is written in the same transaction. Returns the start times of the
    /// sessions ended.
    ///
    /// # Errors
    /// [`crate::Error::Db`]; [`crate::Error::InvalidInput`] for an end reason outside the vocabulary.
    #[allow(clippy::too_many_arguments)]
    pub fn end_user_sessions(&self, user_type: &str, user_id: i64, reason: &str, by: &str, log: Option<&LogFields>, now: i64,
                             keep: Option<&[u8]>, keep_php_session: &str, keep_autologin: &str) -> Result<Vec<i64>> {
        end_reason(reason)?;
        let t = &self.tables;
        let keep = keep.map(<[u8]>::to_vec).unwrap_or_default();
        let select = format!("SELECT {ENDING} FROM `{}` WHERE user_type = ? AND user_id = ? AND ended_at IS NULL AND token_hash <> ? FOR UPDATE", t.sessions);
        let update = format!(
            "UPDATE `{}` SET ended_at = ?, end_reason = ?, ended_by = ? WHERE user_type = ? AND user_id = ? AND ended_at IS NULL AND token_hash <> ?",
            t.sessions
        );
        let key = if user_type == "staff" { "staff_user_id" } else { "contact_user_id" };
        let id = user_id.to_string();
        let pattern = format!("%{key}|s:{}:\"{id}\";%", id.len());
        let php_sessions = format!("DELETE FROM `{}` WHERE data LIKE ? AND id <> ?", t.php_sessions);
        let autologin = format!("DELETE FROM `{}` WHERE user_id = ? AND staff = ? AND key_id <> ?", t.autologin);
        let staff = i32::from(user_type == "staff");
        self.transaction(|c| {
            let ended: Vec<Ending> = c.exec(&select, (user_type, user_id, &keep))?;
            c.exec_drop(&update, (now, reason, by, user_type, user_id, &keep))?;
            if let Some(log) = log {
                for row in &ended {
                    self.log_end(c, row, reason, log, now)?;
                }
            }
            for (sql, p) in [(&php_sessions, Params::Positional(vec![pattern.clone().into(), keep_php_session.into()])),
                             (&autologin, Params::Positional(vec![user_id.into(), staff.into(), keep_autologin.into()]))] {
                match c.exec_drop(sql, p) {
                    Err(e) if super::is_missing_table(&e) => {}
                    other => other?,
                }
            }
            Ok(ended.into_iter().map(|r| r.3).collect())
        })
    }

    /// Ends sessions without activity since `before` (unix time) with reason "expired": their Perfex session is gone
    /// (Perfex's `sess_expiration`, 8 h by default). With `record`, each end is recorded (a "logout" event: end
    /// reason "expired", the duration from login to last activity, no IP or device: nobody's request ended it) in
    /// the same transaction. Returns (user type, user id, seconds from login to last activity) of each session
    /// ended, at most 1000 a call.
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    pub fn expire_stale_sessions(&self, before: i64, record: bool, now: i64) -> Result<Vec<(String, i64, i64)>> {
        let t = &self.tables.sessions;
        let select = format!(
            "SELECT token_hash, user_type, user_id, last_seen - created_at FROM `{t}` WHERE ended_at IS NULL AND last_seen < :before LIMIT 1000"
        );
        let update = format!("UPDATE `{t}` SET ended_at = :now, end_reason = :reason WHERE token_hash = :h AND ended_at IS NULL");
        let expired = EndReason::Expired.as_str();
        self.transaction(|c| {
            let stale: Vec<(Vec<u8>, String, i64, i64)> = c.exec(&select, params! { "before" => before })?;
            let mut ended = Vec::with_capacity(stale.len());
            for (h, user_type, user_id, duration) in stale {
                if c.exec_iter(&update, params! { "now" => now, "reason" => expired, "h" => &h })?.affected_rows() == 0 {
                    continue;
                }
                let event = NewEvent {
                    event: Event::Logout.as_str().into(), user_type: user_type.clone(), user_id: Some(user_id), duration: Some(duration),
                    end_reason: expired.into(), ..NewEvent::default()
                };
                // a user type read from our own table and words of the vocabulary: prepare() cannot refuse them
                if let (true, Ok(e)) = (record, event.prepare(now)) {
                    self.insert_event(c, &e)?;
                }
                ended.push((user_type, user_id, duration));
            }
            Ok(ended)
        })
    }

    /// A request that Perfex did not log in although it carried a remember-me cookie (its row is gone): the user
    /// whose token it was, when the module revoked it (see [`session::remember_me_revoked`]), else None. With `log`
    /// that refused arrival is recorded (a "failed" event, method "remember_me", reason "revoked") in the same call.
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    pub fn revoked_remember_me(&self, autologin_key: &str, utc_offset: Option<i64>, log: Option<&LogFields>, now: i64) -> Result<Option<(String, i64)>> {
        self.transaction(|c| {
            let user = self.revoked_token(c, None, autologin_key, utc_offset)?;
            if let (Some((user_type, user_id)), Some(log)) = (&user, log) {
                let event = NewEvent { event: "failed".into(), user_type: user_type.clone(), user_id: Some(*user_id), method: "remember_me".into(),
                    reason: "revoked".into(), ip: log.ip.clone().unwrap_or_default(), user_agent: log.user_agent.clone().unwrap_or_default(),
                    anonymize_ip: log.anonymize_ip, ..NewEvent::default() };
                if let Ok(record) = event.prepare(now) {
                    self.insert_event(c, &record)?; // a vocabulary of constants above: prepare() cannot refuse it
                }
            }
            Ok(user)
        })
    }

    /// Ends the active session with the public handle (see [`SessionRow::id`]) — of `owner` only, when given: the
    /// ownership check is this statement's WHERE, not a list fetched first — and removes exactly its own remember-me
    /// row and Perfex session rows (every regenerated id that carries its handle). With `log`, its logout event
    /// (user and duration filled in here) is written in the same transaction. Returns (user type, user id, start
    /// time), or None when no active session (of `owner`) has that handle.
    ///
    /// # Errors
    /// [`crate::Error::Db`]; [`crate::Error::InvalidInput`] for an event that does not validate.
    pub fn end_session_by_handle(&self, handle: &str, owner: Option<(&str, i64)>, reason: &str, by: &str, log: Option<&LogFields>,
                                 now: i64) -> Result<Option<(String, i64, i64)>> {
        end_reason(reason)?;
        if handle.len() != HANDLE_HEX || !handle.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(None);
        }
        let t = &self.tables;
        // With an owner, its (user_type, user_id) leads the search (idx_user); the handle is no index of its own.
        let of_owner = if owner.is_some() { " AND user_type = ? AND user_id = ?" } else { "" };
        let select = format!(
            "SELECT {ENDING} FROM `{}` WHERE LEFT(HEX(token_hash), {HANDLE_HEX}) = UPPER(?) AND ended_at IS NULL{of_owner} FOR UPDATE",
            t.sessions
        );
        let update = format!("UPDATE `{}` SET ended_at = ?, end_reason = ?, ended_by = ? WHERE token_hash = ?", t.sessions);
        let autologin = format!("DELETE FROM `{}` WHERE key_id = ? AND user_id = ? AND staff = ?", t.autologin);
        let php_sessions = format!("DELETE FROM `{}` WHERE data LIKE ?", t.php_sessions);
        let handle = handle.to_ascii_lowercase();
        let mut binds: Vec<Value> = vec![handle.as_str().into()];
        if let Some((owner_type, owner_id)) = owner {
            binds.extend([owner_type.into(), owner_id.into()]);
        }
        self.transaction(|c| {
            let Some(row) = c.exec_first::<Ending, _, _>(&select, Params::Positional(binds.clone()))? else {
                return Ok(None);
            };
            c.exec_drop(&update, (now, reason, by, &row.0))?;
            if let Some(log) = log {
                self.log_end(c, &row, reason, log, now)?;
            }
            let (user_type, user_id, created, key) = (row.1, row.2, row.3, row.7);
            let pattern = format!("%{}|s:{HANDLE_HEX}:\"{handle}\";%", handle_key(&user_type));
            let mut deletes: Vec<(&String, Params)> = vec![(&php_sessions, Params::Positional(vec![pattern.into()]))];
            if !key.is_empty() {
                deletes.push((&autologin, Params::Positional(vec![key.into(), user_id.into(), i32::from(user_type == "staff").into()])));
            }
            for (sql, p) in deletes {
                match c.exec_drop(sql, p) {
                    Err(e) if super::is_missing_table(&e) => {}
                    other => other?,
                }
            }
            Ok(Some((user_type, user_id, created)))
        })
    }

    /// Why the session with the public handle (see [`SessionRow::id`]) of a user was signed out, for a browser that
    /// comes back with no Perfex session (see [`session::signed_out_why`]): ONE SELECT of the session's end and a
    /// ban of the user in force. The notice code and the ban's end, or None.
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    pub fn ended_why(&self, user_type: &str, user_id: i64, handle: &str, now: i64) -> Result<Option<(&'static str, Option<i64>)>> {
        if handle.len() != HANDLE_HEX || !handle.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(None);
        }
        let t = &self.tables;
        let sql = format!(
            "SELECT s.token_hash IS NOT NULL, s.ended_at, COALESCE(s.end_reason, ''), b.until FROM (SELECT 1) one \
             LEFT JOIN `{}` s ON LEFT(HEX(s.token_hash), {HANDLE_HEX}) = UPPER(?) AND s.user_type = ? AND s.user_id = ? \
             LEFT JOIN `{}` b ON b.user_type = ? AND b.user_id = ? AND b.until > ? LIMIT 1",
            t.sessions, t.bans
        );
        type Row = (bool, Option<i64>, String, Option<i64>);
        let row: Option<Row> = self.run(|c| c.exec_first(&sql, (handle, user_type, user_id, user_type, user_id, now)))?;
        Ok(row.and_then(|(found, ended_at, reason, until)| {
            session::signed_out_why(found.then_some((ended_at, reason.as_str())), until, now)
        }))
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
                id: public_id(&h),
                user_type, user_id, user_name: String::new(), email: String::new(),
                ip: ip_b.as_deref().map(ip::from_bytes).unwrap_or_default(),
                user_agent, device, browser, os, method, created_at, last_seen,
            })
            .collect();
        self.fill_people(&mut out)?;
        Ok(out)
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
        assert_eq!(super::public_id(&[0xab, 0x01]), "ab01");
        assert_eq!(super::public_id(&[0xab; 32]).len(), 32);
    }
}
