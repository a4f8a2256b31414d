//! `LoginSecurity\Sessions`: login sessions, force logout and bans in one Perfex database.

use ext_php_rs::binary::Binary;
use ext_php_rs::boxed::ZBox;
use ext_php_rs::flags::ClassFlags;
use ext_php_rs::prelude::*;
use ext_php_rs::types::ZendHashTable;
use serde_json::json;

use super::convert::{from_table, string_pairs, to_table};
use super::runtime::{now, store_from};
use crate::error::Error;
use crate::session::{self, Refusal, Rules, State, token_hash};
use crate::lockout::LoginGuard;
use crate::store::{Admission, Ban, LockoutCheck, LogFields, NewSession, Store, public_id};
use crate::user_agent;
use crate::vocabulary::{Method, Status};

/// Login sessions of one Perfex database.
#[php_class]
#[php(name = "LoginSecurity\\Sessions")]
#[php(flags = ClassFlags::Final)]
pub struct PhpSessions {
    store: Store,
}

fn user_kind(user_type: &str) -> PhpResult<()> {
    if user_type == "staff" || user_type == "contact" {
        Ok(())
    } else {
        Err(Error::invalid("user_type", "expected \"staff\" or \"contact\"").into())
    }
}

fn parse_user(user: &str) -> PhpResult<Option<(String, i64)>> {
    if user.is_empty() {
        return Ok(None);
    }
    let bad = || Error::invalid("user", "expected \"staff:ID\" or \"contact:ID\"");
    let (t, id) = user.split_once(':').ok_or_else(bad)?;
    user_kind(t)?;
    Ok(Some((t.to_string(), id.parse().map_err(|_| bad())?)))
}

#[php_impl]
impl PhpSessions {
    /// Builds the sessions view without connecting (same `$config` as `Store`).
    pub fn __construct(config: &ZendHashTable) -> PhpResult<Self> {
        Ok(PhpSessions { store: store_from(config)? })
    }

    /// A login (method "form" / "two_factor", with the e-mail typed), a remember-me arrival ("remember_me", with the
    /// md5 key of its cookie) or a takeover of a session older than the module (""): decided and recorded in one
    /// transaction. `live_window`: the single-login idle expiry when single login applies; `utc_offset` as for
    /// check(). With `lockout` (['settings' => the module's settings, 'claim' => ?string, 'same_request' => bool]) the
    /// lockout decides first, by the account's id (Store::login_succeeded / account_status). ['state' => 'allowed',
    /// 'token', 'id'] | ['state' => 'refused', 'reason' => banned|rejected, 'until'] | ['state' => 'revoked'] |
    /// ['state' => 'locked' | 'blocked', 'until'].
    #[allow(clippy::too_many_arguments)] // mirrors the PHP signature
    pub fn login(&self, user_type: String, user_id: i64, method: String, identifier: String, ip: String, user_agent: Binary<u8>,
                 autologin_key: Option<String>, live_window: Option<i64>, utc_offset: Option<i64>, anonymize_ip: Option<bool>,
                 lockout: Option<&ZendHashTable>) -> PhpResult<ZBox<ZendHashTable>> {
        user_kind(&user_type)?;
        if !method.is_empty() && Method::parse(&method).is_none() {
            return Err(Error::invalid("method", format!("expected \"\" or one of {:?}", Method::texts())).into());
        }
        let token = session::new_token()?;
        let hash = token_hash(&token)?;
        let ua_text = user_agent::sanitize(&user_agent);
        let s = NewSession { token_hash: hash.clone(), user_type, user_id, ip, ua: user_agent::summarize(&ua_text), user_agent: ua_text,
            method, autologin_key: autologin_key.unwrap_or_default(), identifier };
        let guard = lockout.map(|l| LoginGuard::from_settings(&l.get("settings").and_then(|z| z.array()).map(string_pairs).unwrap_or_default()));
        let claim = lockout.and_then(|l| l.get("claim")).and_then(|z| z.string());
        let check = guard.as_ref().map(|guard| LockoutCheck {
            guard, claim: claim.as_deref(), same_request: lockout.and_then(|l| l.get("same_request")).and_then(|z| z.bool()).unwrap_or(false),
        });
        let mut out = ZendHashTable::with_capacity(3);
        match self.store.admit_after_lockout(&s, check, live_window.filter(|w| *w > 0), utc_offset, anonymize_ip.unwrap_or(false), now())? {
            Admission::Started => {
                out.insert("state", "allowed")?;
                out.insert("token", token)?;
                out.insert("id", public_id(&hash))?;
            }
            Admission::Refused(refusal) => {
                out.insert("state", "refused")?;
                out.insert("reason", refusal.reason())?;
                if let Refusal::Banned { until } = refusal {
                    out.insert("until", until)?;
                }
            }
            Admission::Revoked => out.insert("state", "revoked")?,
            Admission::Lockout { blocked, until } => {
                out.insert("state", if blocked { Status::Blocked.as_str() } else { Status::Locked.as_str() })?;
                if let Some(until) = until {
                    out.insert("until", until)?;
                }
            }
        }
        Ok(out)
    }

    /// A request that Perfex did not log in despite its autologin cookie: ['user_type', 'user_id'] of the user whose
    /// token the module revoked, or null; with `log` (ip, user_agent, anonymize_ip) that refused arrival is recorded.
    pub fn revoked_remember_me(&self, autologin_key: String, utc_offset: Option<i64>, log: Option<&ZendHashTable>) -> PhpResult<Option<ZBox<ZendHashTable>>> {
        let log = log.map(|l| from_table::<LogFields>(l, "log")).transpose()?;
        match self.store.revoked_remember_me(&autologin_key, utc_offset, log.as_ref(), now())? {
            Some((user_type, user_id)) => Ok(Some(to_table(&json!({ "user_type": user_type, "user_id": user_id }))?)),
            None => Ok(None),
        }
    }

    /// Binds the remember-me row (md5 key id) that a login just created to its session.
    pub fn bind_autologin(&self, token: String, autologin_key: String) -> PhpResult<bool> {
        let Ok(hash) = token_hash(&token) else { return Ok(false) };
        Ok(self.store.bind_autologin(&hash, &autologin_key)?)
    }

    /// This session changed its own user's password at `since` (unix time) or later: it survives that change.
    pub fn accept_password_change(&self, token: String, since: i64, utc_offset: i64) -> PhpResult<bool> {
        let Ok(hash) = token_hash(&token) else { return Ok(false) };
        Ok(self.store.accept_password_change(&hash, since, utc_offset)?)
    }

    /// The per-request check: ['state' => active|ended|banned|idle|password_changed|unknown, 'reason', 'until',
    /// 'started_at'].
    #[allow(clippy::too_many_arguments)] // mirrors the PHP signature
    pub fn check(&self, token: String, idle_limit: Option<i64>, activity: bool, live_window: Option<i64>,
                 autologin_key: Option<String>, utc_offset: Option<i64>, anonymize_ip: Option<bool>) -> PhpResult<ZBox<ZendHashTable>> {
        // Built by hand rather than through serde: this runs on every request.
        let mut out = ZendHashTable::with_capacity(4);
        let Ok(hash) = token_hash(&token) else {
            out.insert("state", "unknown")?;
            return Ok(out);
        };
        let rules = Rules { idle_limit: idle_limit.filter(|l| *l > 0), live_window: live_window.filter(|l| *l > 0) };
        let (state, started) = self.store.check_session(&hash, now(), &rules, activity, autologin_key.as_deref().unwrap_or(""),
            utc_offset, anonymize_ip.unwrap_or(false))?;
        match state {
            State::Active { .. } => out.insert("state", "active")?,
            State::PasswordChanged => out.insert("state", "password_changed")?,
            State::Ended { reason } => {
                out.insert("state", "ended")?;
                out.insert("reason", reason)?;
            }
            State::Banned { until } => {
                out.insert("state", "banned")?;
                out.insert("until", until)?;
            }
            State::Idle => out.insert("state", "idle")?,
            State::Unknown => out.insert("state", "unknown")?,
        }
        if let Some(s) = started {
            out.insert("started_at", s)?;
        }
        Ok(out)
    }

    /// Records real activity now (the heartbeat); false when the session is not active.
    pub fn touch(&self, token: String) -> PhpResult<bool> {
        let Ok(hash) = token_hash(&token) else { return Ok(false) };
        Ok(self.store.touch_session(&hash, now())?)
    }

    /// Ends this session (logout, idle …) and, with `log` (see LogFields: this request's ip and user_agent …), records
    /// its logout event in the same transaction; returns its duration in seconds, or null when it was not active.
    pub fn end(&self, token: String, reason: String, by: String, log: Option<&ZendHashTable>) -> PhpResult<Option<i64>> {
        let log = log.map(|l| from_table::<LogFields>(l, "log")).transpose()?;
        let Ok(hash) = token_hash(&token) else { return Ok(None) };
        let t = now();
        Ok(self.store.end_session(&hash, &reason, &by, log.as_ref(), t)?.map(|start| t - start))
    }

    /// Ends every session of a user (but `keep_token`'s), removes their Perfex session rows (but
    /// `keep_php_session`) and remember-me rows (but the md5 `keep_autologin`), and with `log` records each one's
    /// logout event in the same transaction; returns the durations ended.
    #[allow(clippy::too_many_arguments)] // mirrors the PHP signature
    pub fn end_user(&self, user_type: String, user_id: i64, reason: String, by: String, keep_token: Option<String>,
                    keep_php_session: Option<String>, keep_autologin: Option<String>, log: Option<&ZendHashTable>) -> PhpResult<Vec<i64>> {
        user_kind(&user_type)?;
        let log = log.map(|l| from_table::<LogFields>(l, "log")).transpose()?;
        let keep = keep_token.as_deref().and_then(|t| token_hash(t).ok());
        let t = now();
        let starts = self.store.end_user_sessions(&user_type, user_id, &reason, &by, log.as_ref(), t, keep.as_deref(),
            keep_php_session.as_deref().unwrap_or(""), keep_autologin.as_deref().unwrap_or(""))?;
        Ok(starts.into_iter().map(|s| t - s).collect())
    }

    /// Ends the session with the public handle `id` of `live()` — only when it is `owner`'s ("staff:ID" /
    /// "contact:ID"), if given — with exactly its own remember-me row and Perfex session rows, and records its logout
    /// event (`log`: the event's other fields, e.g. actor and details) in the same transaction:
    /// ['user_type', 'user_id', 'duration'] or null.
    pub fn end_by_id(&self, id: String, reason: String, by: String, owner: Option<String>, log: Option<&ZendHashTable>)
                     -> PhpResult<Option<ZBox<ZendHashTable>>> {
        let owner = parse_user(owner.as_deref().unwrap_or(""))?;
        let log = log.map(|l| from_table::<LogFields>(l, "log")).transpose()?;
        let t = now();
        match self.store.end_session_by_handle(&id, owner.as_ref().map(|(t, id)| (t.as_str(), *id)), &reason, &by, log.as_ref(), t)? {
            Some((user_type, user_id, start)) => Ok(Some(to_table(&json!({ "user_type": user_type, "user_id": user_id, "duration": t - start }))?)),
            None => Ok(None),
        }
    }

    /// Why the session `public_id` of a user was signed out from elsewhere, for a browser that comes back without
    /// its Perfex session: ['reason' => banned|forced|logout, 'until' => end of a ban or null], or null.
    pub fn ended_why(&self, user_type: String, user_id: i64, public_id: String) -> PhpResult<Option<ZBox<ZendHashTable>>> {
        user_kind(&user_type)?;
        match self.store.ended_why(&user_type, user_id, &public_id, now())? {
            Some((reason, until)) => Ok(Some(to_table(&json!({ "reason": reason, "until": until }))?)),
            None => Ok(None),
        }
    }

    /// Ends sessions without activity for `idle_secs` (≥ 60) with reason "expired" (cron); with `record`, each end is
    /// recorded in the Login Log. Returns each ended session's ['user_type', 'user_id', 'duration'] (duration: login
    /// to last activity).
    pub fn expire_stale(&self, idle_secs: i64, record: Option<bool>) -> PhpResult<ZBox<ZendHashTable>> {
        let t = now();
        let ended = self.store.expire_stale_sessions(t - idle_secs.max(60), record.unwrap_or(false), t)?;
        to_table(&ended.into_iter().map(|(user_type, user_id, duration)| json!({ "user_type": user_type, "user_id": user_id, "duration": duration })).collect::<Vec<_>>())
    }

    /// Live sessions (active within `idle_secs`): `user_type` "" for all; `user` "" or "staff:ID" / "contact:ID".
    pub fn live(&self, user_type: String, user: String, idle_secs: i64, limit: i64) -> PhpResult<ZBox<ZendHashTable>> {
        let u = parse_user(&user)?;
        let rows = self.store.live_sessions(&user_type, u.as_ref().map(|(t, id)| (t.as_str(), *id)), now(), idle_secs.max(1), limit)?;
        to_table(&rows)
    }


    /// Bans a user for `minutes` (1 to 525600); returns when the ban ends. Does not end sessions: call endUser().
    pub fn ban(&self, user_type: String, user_id: i64, minutes: i64, reason: String, by: String) -> PhpResult<i64> {
        user_kind(&user_type)?;
        if !(1..=525_600).contains(&minutes) {
            return Err(Error::invalid("minutes", "a ban lasts 1 to 525600 minutes (one year)").into());
        }
        let t = now();
        let until = t + minutes * 60;
        let reason = crate::login_log::cut(&reason, 255);
        self.store.ban(&Ban { user_type, user_id, until, reason, created_by: by }, t)?;
        Ok(until)
    }

    /// Lifts a ban early; true when there was one.
    pub fn lift_ban(&self, user_type: String, user_id: i64) -> PhpResult<bool> {
        Ok(self.store.lift_ban(&user_type, user_id)?)
    }

    /// Bans in force: of one user ("staff:ID" / "contact:ID") or all ("").
    pub fn bans(&self, user: String) -> PhpResult<ZBox<ZendHashTable>> {
        let u = parse_user(&user)?;
        to_table(&self.store.active_bans(u.as_ref().map(|(t, id)| (t.as_str(), *id)), now())?)
    }
}

pub fn register(module: ModuleBuilder) -> ModuleBuilder {
    module.class::<PhpSessions>()
}
