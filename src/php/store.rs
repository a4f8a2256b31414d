//! `LoginSecurity\Store`: the module's tables in one Perfex database.

use ext_php_rs::boxed::ZBox;
use ext_php_rs::flags::ClassFlags;
use ext_php_rs::prelude::*;
use ext_php_rs::types::ZendHashTable;
use serde_json::json;

use super::convert::{from_table, string_pairs, to_table};
use super::runtime::{now, store_from};
use crate::lockout::{AttemptKey, LoginGuard, Undo, Verdict};
use crate::login_log::{Filter, NewEvent};
use crate::store::Store;

const DAY: i64 = 86_400;

/// The extension's view of one Perfex database.
#[php_class]
#[php(name = "LoginSecurity\\Store")]
#[php(flags = ClassFlags::Final)]
pub struct PhpStore {
    store: Store,
}

#[php_impl]
impl PhpStore {
    /// Builds the store without connecting.
    pub fn __construct(config: &ZendHashTable) -> PhpResult<Self> {
        Ok(PhpStore { store: store_from(config)? })
    }

    /// Creates or upgrades the module's tables; returns the schema version.
    pub fn migrate(&self) -> PhpResult<i64> {
        Ok(i64::from(self.store.migrate()?))
    }

    /// Drops every table of the module.
    pub fn drop_schema(&self) -> PhpResult<()> {
        Ok(self.store.drop_schema()?)
    }

    /// Records one event; returns its id.
    pub fn record_event(&self, event: &ZendHashTable) -> PhpResult<i64> {
        let record = from_table::<NewEvent>(event, "event")?.prepare(now())?;
        Ok(i64::try_from(self.store.record_event(&record)?).unwrap_or(i64::MAX))
    }

    /// One page of the log: ['total' => int, 'rows' => list].
    pub fn events(&self, filter: &ZendHashTable, page: i64, per_page: i64) -> PhpResult<ZBox<ZendHashTable>> {
        let f = from_table::<Filter>(filter, "filter")?.parse()?;
        let (total, rows) = self.store.events(&f, page, per_page)?;
        to_table(&json!({ "total": total, "rows": rows }))
    }

    /// Successful and failed logins per day.
    pub fn daily_counts(&self, filter: &ZendHashTable, utc_offset: i64) -> PhpResult<ZBox<ZendHashTable>> {
        let f = from_table::<Filter>(filter, "filter")?.parse()?;
        to_table(&self.store.daily_counts(&f, utc_offset, now())?)
    }

    /// Every matching event, newest first, at most `limit`.
    pub fn export_events(&self, filter: &ZendHashTable, limit: i64) -> PhpResult<ZBox<ZendHashTable>> {
        let f = from_table::<Filter>(filter, "filter")?.parse()?;
        to_table(&self.store.export_events(&f, limit)?)
    }

    /// Empties the log and records who did it; returns the rows removed.
    pub fn clear_events(&self, actor_id: i64, actor_name: String) -> PhpResult<i64> {
        let cleared = NewEvent { event: "log_cleared".into(), actor_id: Some(actor_id), actor_name, ..NewEvent::default() }.prepare(now())?;
        Ok(i64::try_from(self.store.clear_events(&cleared)?).unwrap_or(i64::MAX))
    }

    /// Deletes events older than `retention_days` days; returns the rows removed.
    pub fn purge_events(&self, retention_days: i64) -> PhpResult<i64> {
        if retention_days < 1 {
            return Err(crate::Error::invalid("retention_days", "must be at least 1").into());
        }
        let removed = self.store.purge_events(now() - retention_days.saturating_mul(DAY))?;
        Ok(i64::try_from(removed).unwrap_or(i64::MAX))
    }

    /// Staff members and contacts matching `term`: list of ['key' => 'staff:1', 'label' => 'Name <email>'].
    pub fn search_users(&self, term: String, limit: i64) -> PhpResult<ZBox<ZendHashTable>> {
        let found = self.store.search_users(&term, limit)?;
        to_table(&found.into_iter().map(|(key, label)| json!({ "key": key, "label": label })).collect::<Vec<_>>())
    }

    // --- login attempts ---------------------------------------------------------------------------------

    /// Counts one login attempt of `kind` ("staff" / "contact") for `identifier` from `ip` (before the password is
    /// checked) and returns the verdict; `settings` are the module's options without their prefix.
    pub fn claim_login(&self, kind: String, identifier: String, ip: String, settings: &ZendHashTable) -> PhpResult<ZBox<ZendHashTable>> {
        let keys = LoginGuard::from_settings(&string_pairs(settings)).keys(&kind, &identifier, &ip);
        let outcomes = if keys.is_empty() { Vec::new() } else { self.store.claim_attempt(&keys, &ip, now())? };
        to_table(&Verdict::from_outcomes(&keys, &outcomes))
    }

    /// The verdict for a login now, without counting it (2FA step, remember-me, password already checked).
    pub fn login_status(&self, kind: String, identifier: String, ip: String, settings: &ZendHashTable) -> PhpResult<ZBox<ZendHashTable>> {
        let keys = LoginGuard::from_settings(&string_pairs(settings)).keys(&kind, &identifier, &ip);
        let outcomes = self.store.attempt_status(&keys, now())?;
        to_table(&Verdict { locked_now: false, ip_locked_now: false, blocked_now: false, ..Verdict::from_outcomes(&keys, &outcomes) })
    }

    /// A successful login: the account's failures are cleared (a block stays). With the verdict `claim` of this
    /// request's claimLogin() (and the same `ip` and `settings`), what that claim counted is taken back: a lock or
    /// block it set on the account, and the attempt it counted on the IP.
    pub fn login_succeeded(&self, kind: String, identifier: String, ip: Option<String>, settings: Option<&ZendHashTable>,
                           claim: Option<&ZendHashTable>) -> PhpResult<()> {
        let account = AttemptKey { kind: kind.clone(), subject: crate::login_log::normalize_identifier(&identifier) };
        let verdict = claim.map(string_pairs).unwrap_or_default();
        let flag = |k: &str| verdict.iter().any(|(key, v)| key == k && v == "1");
        let claimed = verdict.iter().any(|(k, v)| k == "status" && v == "allowed");
        if !claimed {
            return Ok(self.store.attempt_succeeded(&account)?);
        }
        let ip = ip.unwrap_or_default();
        let keys = LoginGuard::from_settings(&settings.map(string_pairs).unwrap_or_default()).keys(&kind, &identifier, &ip);
        let ip_key = keys.iter().find(|(k, _)| k.kind == "ip");
        let undo = Undo { account_locked: flag("locked_now"), account_blocked: flag("blocked_now"), ip_counted: ip_key.is_some(), ip_locked: flag("ip_locked_now") };
        Ok(self.store.attempt_succeeded_after_claim(&account, ip_key.map(|(k, p)| (k, p)), undo)?)
    }

    /// The verdict for a logged-in user (e.g. arriving by the remember-me cookie), by user id: "allowed" when the
    /// id has no account.
    pub fn login_status_of_user(&self, kind: String, user_id: i64, ip: String, settings: &ZendHashTable) -> PhpResult<ZBox<ZendHashTable>> {
        let email = self.store.email_of(&kind, user_id)?.unwrap_or_default();
        let keys = if email.is_empty() { Vec::new() } else { LoginGuard::from_settings(&string_pairs(settings)).keys(&kind, &email, &ip) };
        let outcomes = self.store.attempt_status(&keys, now())?;
        to_table(&Verdict { locked_now: false, ip_locked_now: false, blocked_now: false, ..Verdict::from_outcomes(&keys, &outcomes) })
    }

    /// The ids of Perfex's active administrators (to notify them of a blocked account).
    pub fn active_admin_ids(&self) -> PhpResult<Vec<i64>> {
        Ok(self.store.active_admin_ids()?)
    }

    /// Accounts, unknown identifiers and IPs currently locked or blocked.
    pub fn locked_accounts(&self, limit: i64) -> PhpResult<ZBox<ZendHashTable>> {
        to_table(&self.store.locked_keys(now(), limit)?)
    }

    /// Re-enables keys ("staff:<e-mail>", "contact:<e-mail>", "ip:<address>"); returns how many were locked.
    pub fn reenable(&self, keys: &ZendHashTable) -> PhpResult<i64> {
        let parsed = keys.iter().map(|(_, v)| AttemptKey::parse(&v.string().unwrap_or_default())).collect::<crate::Result<Vec<_>>>()?;
        Ok(i64::try_from(self.store.reenable(&parsed)?).unwrap_or(i64::MAX))
    }
}

pub fn register(module: ModuleBuilder) -> ModuleBuilder {
    module.class::<PhpStore>()
}
