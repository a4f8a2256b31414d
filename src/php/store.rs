//! `LoginSecurity\Store`: the module's tables in one Perfex database.

use ext_php_rs::boxed::ZBox;
use ext_php_rs::flags::ClassFlags;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendHashTable, Zval};
use serde_json::json;

use super::convert::{from_table, string_pairs, to_table, zval_bytes};
use super::runtime::{now, store_from};
use crate::lockout::{AttemptKey, KeyText, LoginGuard};
use crate::login_log::{EventRecord, Filter, NewEvent};
use crate::store::Store;
use crate::vocabulary::Event;

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
        let cleared = NewEvent { event: Event::LogCleared.as_str().into(), actor_id: Some(actor_id), actor_name, ..NewEvent::default() }.prepare(now())?;
        Ok(i64::try_from(self.store.clear_events(&cleared)?).unwrap_or(i64::MAX))
    }

    /// Deletes events older than `retention_days` days; returns the rows removed. With `record`, a purge that removed
    /// any is recorded (event "purged", details: how many).
    pub fn purge_events(&self, retention_days: i64, record: Option<bool>) -> PhpResult<i64> {
        if retention_days < 1 {
            return Err(crate::Error::invalid("retention_days", "must be at least 1").into());
        }
        let before = now() - retention_days.saturating_mul(DAY);
        let removed = if record.unwrap_or(false) {
            let purged = NewEvent { event: Event::Purged.as_str().into(), ..NewEvent::default() }.prepare(now())?;
            self.store.purge_events_recorded(before, &purged)?
        } else {
            self.store.purge_events(before)?
        };
        Ok(i64::try_from(removed).unwrap_or(i64::MAX))
    }

    /// Staff members and contacts matching `term`: list of ['key' => 'staff:1', 'label' => 'Name <email>'].
    pub fn search_users(&self, term: String, limit: i64) -> PhpResult<ZBox<ZendHashTable>> {
        let found = self.store.search_users(&term, limit)?;
        to_table(&found.into_iter().map(|(key, label)| json!({ "key": key, "label": label })).collect::<Vec<_>>())
    }

    // --- login attempts ---------------------------------------------------------------------------------

    /// Counts one login attempt of `kind` ("staff" / "contact") for `identifier` as typed, from `ip`, before the
    /// password is checked: the identifier is resolved to the account Perfex will authenticate (its table, its
    /// collation), and that account's counter and the IP's are claimed at once. `settings` are the module's options
    /// without their prefix. The verdict's `claim` goes back to loginFailed() or Sessions::login(). A refused attempt
    /// records `refused` (a `failed` event as recordEvent() takes it) with its reason, in the claim's transaction.
    pub fn claim_login(&self, kind: String, identifier: &Zval, ip: String, settings: &ZendHashTable,
                       refused: Option<&ZendHashTable>) -> PhpResult<ZBox<ZendHashTable>> {
        let guard = LoginGuard::from_settings(&string_pairs(settings));
        let refused = event_of(refused)?;
        to_table(&self.store.claim_login(&guard, &kind, &zval_bytes(identifier), &ip, refused.as_ref(), now())?)
    }

    /// A failed login attempt (`failed`: its `failed` event as recordEvent() takes it) under its `claim`: records it
    /// and the lockout or block the claim set, in one transaction. Returns ['status' => 'locked' | 'blocked' | '',
    /// 'scope' => 'account' | 'ip' | '', 'until' => ?int, 'notify' => the administrators to tell of a block].
    pub fn login_failed(&self, claim: Option<String>, failed: &ZendHashTable) -> PhpResult<ZBox<ZendHashTable>> {
        let failed = from_table::<NewEvent>(failed, "failed")?.prepare(now())?;
        let (lock, notify) = self.store.login_failed(claim.as_deref(), &failed)?;
        let status = lock.map_or("", |l| if l.blocked { "blocked" } else { "locked" });
        to_table(&json!({ "status": status, "scope": lock.map_or("", |l| l.scope), "until": lock.and_then(|l| l.until), "notify": notify }))
    }

    /// Blocks administrator `staff_id` has not been told of, at most once per 10 minutes: ['count' => how many to
    /// tell now (they are marked as told), 'pending' => whether some wait for the next time]. Atomic.
    pub fn announce_blocks(&self, staff_id: i64) -> PhpResult<ZBox<ZendHashTable>> {
        let (count, pending) = self.store.announce_blocks(staff_id, now())?;
        to_table(&json!({ "count": count, "pending": pending }))
    }

    /// Accounts, unknown identifiers and IPs currently locked or blocked.
    pub fn locked_accounts(&self, limit: i64) -> PhpResult<ZBox<ZendHashTable>> {
        to_table(&self.store.locked_keys(now(), limit)?)
    }

    /// Re-enables keys ("staff:<id>", "contact:<id>", as lockedAccounts() lists them, "ip:<address>", or
    /// "staff:<e-mail>" / "contact:<e-mail>": the account and every spelling of the address) and records, for each one
    /// that lockedAccounts() lists now, a "reenabled" event — `event` (the actor, the request's IP …) with that row's
    /// user type, id and name as identifier (the IP, the account's e-mail or the e-mail last typed) — in the
    /// transaction that lifts them. Returns those names.
    pub fn reenable_recorded(&self, keys: &ZendHashTable, event: &ZendHashTable) -> PhpResult<ZBox<ZendHashTable>> {
        let template = NewEvent { event: Event::Reenabled.as_str().into(), ..from_table::<NewEvent>(event, "event")? }.prepare(now())?;
        let names = self.store.reenable_recorded(&key_texts(keys)?, &template, now())?;
        to_table(&names)
    }
}

/// The keys of a PHP list, parsed.
fn key_texts(keys: &ZendHashTable) -> crate::Result<Vec<KeyText>> {
    keys.iter().map(|(_, v)| AttemptKey::parse(&v.string().unwrap_or_default())).collect()
}

/// The event template a PHP array gives, validated (`None`: none given).
fn event_of(table: Option<&ZendHashTable>) -> PhpResult<Option<EventRecord>> {
    Ok(match table {
        Some(t) => Some(from_table::<NewEvent>(t, "refused")?.prepare(now())?),
        None => None,
    })
}

pub fn register(module: ModuleBuilder) -> ModuleBuilder {
    module.class::<PhpStore>()
}
