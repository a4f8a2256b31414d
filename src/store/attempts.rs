//! Login attempts: one row per key (an account of a login, or an IP), changed atomically.
//!
//! A claim reads the keys' rows together with the account the e-mail resolves to (one statement), decides with
//! the pure [`crate::lockout`] arithmetic and writes every new state in one statement that applies only if no row
//! changed since that read (else it writes nothing). Two round trips; when a parallel claim got there first, the
//! claim runs again the locked way: a transaction that locks the rows (`SELECT … FOR UPDATE`, in a fixed order so
//! two claims never deadlock) before it reads them. However many requests run in parallel, each attempt is counted
//! exactly once and no more than `retries` are let through.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use mysql::prelude::Queryable;
use mysql::{Params, Value, params};

use super::events::insert_events;
use super::{Store, is_missing_table};
use crate::error::Result;
use crate::ip;
use crate::lockout::{self, AttemptKey, Claim, Decision, KeyText, Lock, LoginGuard, Policy, Resolved, State, Undo, Verdict};
use crate::login_log::EventRecord;

/// One row of the "Locked accounts" page.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AttemptRow {
    /// `staff`, `contact` or `ip`.
    pub kind: String,
    /// Normalised identifier or IP.
    pub subject: String,
    /// The staff or contact id, when the identifier belongs to an account.
    pub user_id: Option<i64>,
    /// Their full name ("" for unknown identifiers and IPs).
    pub user_name: String,
    /// Their e-mail; for an e-mail that matches no account, the last spelling typed ("" for IPs).
    pub email: String,
    /// The state.
    #[serde(flatten)]
    pub state: State,
    /// Last IP that failed for this key.
    pub last_ip: String,
}

const STATE_COLUMNS: &str = "failures, lockouts, locked_until, blocked_at, last_failure";

type StateTuple = (u32, u32, Option<i64>, Option<i64>, Option<i64>);

/// What a claim's first statement read: the account the e-mail resolved to, and the rows found of its keys.
type ClaimRead = (Resolved, Vec<(AttemptKey, State)>);

fn to_state((failures, lockouts, locked_until, blocked_at, last_failure): StateTuple) -> State {
    State { failures, lockouts, locked_until, blocked_at, last_failure }
}

/// Locks the rows of `keys` in one statement — in the primary key's order, so that two transactions never deadlock
/// on them — and reads their states, in the order of `keys` (`None`: no row).
fn lock_states(tx: &mut mysql::Transaction<'_>, table: &str, keys: &[&AttemptKey]) -> mysql::Result<Vec<Option<State>>> {
    read_states(tx, table, keys, " FOR UPDATE")
}

/// Reads the states of `keys` in one statement (`lock`: "" or " FOR UPDATE"), in the order of `keys`.
fn read_states(q: &mut impl Queryable, table: &str, keys: &[&AttemptKey], lock: &str) -> mysql::Result<Vec<Option<State>>> {
    let wanted = vec!["(kind = ? AND subject = ?)"; keys.len()].join(" OR ");
    let values: Vec<Value> = keys.iter().flat_map(|k| [k.kind.clone().into(), k.subject.clone().into()]).collect();
    let read: Vec<(String, String, u32, u32, Option<i64>, Option<i64>, Option<i64>)> = q.exec(
        format!("SELECT kind, subject, {STATE_COLUMNS} FROM `{table}` WHERE {wanted} ORDER BY kind, subject{lock}"),
        Params::Positional(values),
    )?;
    let mut states = vec![None; keys.len()];
    for (kind, subject, f, l, u, b, lf) in read {
        if let Some(i) = keys.iter().position(|k| k.kind == kind && k.subject == subject) {
            states[i] = Some(to_state((f, l, u, b, lf)));
        }
    }
    Ok(states)
}

/// One key's new state, written over the state read (`old`: `None` when it had no row).
struct Change<'a> {
    key: &'a AttemptKey,
    old: Option<State>,
    new: State,
}

/// Writes new states in one statement, all of them or none: a row the claim read (`old` is `Some`) must still hold
/// that state, and a row it found missing must still be missing. Otherwise the update of that row writes NULL into
/// the NOT NULL `failures`, which strict mode (set on every connection) turns into error 1048, rolling the statement
/// back whole. `Ok(false)`: nothing was written. One case it cannot see: a row deleted between the read and the write
/// (an administrator re-enabled the key in that millisecond) is inserted again with the state the attempt computed
/// from the row it read — the attempt counts as if it came just before the re-enable (the locked way, by contrast,
/// let such an attempt through uncounted). A claim (`claimed`: the IP and the e-mail as typed) also writes the time
/// of the failure, the IP and the label (kept on IP rows); a success writes the counters only.
fn upsert_states(q: &mut impl Queryable, table: &str, changes: &[Change<'_>], claimed: Option<(&Option<Vec<u8>>, &str)>) -> mysql::Result<bool> {
    if changes.is_empty() {
        return Ok(true);
    }
    let rows = vec!["(?, ?, ?, ?, ?, ?, ?, ?, ?)"; changes.len()].join(", ");
    let mut values: Vec<Value> = Vec::new();
    for Change { key: k, new, .. } in changes {
        let (last_ip, label) = claimed.map_or((None, ""), |(ip, label)| (ip.clone(), if k.kind == "ip" { "" } else { label }));
        values.extend([k.kind.clone().into(), k.subject.clone().into(), label.into(), new.failures.into(), new.lockouts.into(),
            new.locked_until.into(), new.blocked_at.into(), new.last_failure.into(), last_ip.into()]);
    }
    let read: Vec<_> = changes.iter().filter_map(|c| c.old.map(|o| (c.key, o))).collect();
    let failures = if read.is_empty() {
        "NULL".to_string()
    } else {
        let when = "WHEN kind = ? AND subject = ? AND failures <=> ? AND lockouts <=> ? AND locked_until <=> ? AND blocked_at <=> ? \
                    AND last_failure <=> ? THEN VALUES(failures)";
        for (k, o) in &read {
            values.extend([k.kind.clone().into(), k.subject.clone().into(), o.failures.into(), o.lockouts.into(), o.locked_until.into(),
                o.blocked_at.into(), o.last_failure.into()]);
        }
        format!("CASE {} ELSE NULL END", vec![when; read.len()].join(" "))
    };
    let claim_columns = if claimed.is_some() {
        ", last_failure = VALUES(last_failure), last_ip = VALUES(last_ip), label = IF(VALUES(label) = '', label, VALUES(label))"
    } else {
        ""
    };
    let sql = format!(
        "INSERT INTO `{table}` (kind, subject, label, {STATE_COLUMNS}, last_ip) VALUES {rows} ON DUPLICATE KEY UPDATE \
         failures = {failures}, lockouts = VALUES(lockouts), locked_until = VALUES(locked_until), blocked_at = VALUES(blocked_at){claim_columns}"
    );
    match q.exec_drop(sql, Params::Positional(values)) {
        Ok(()) => Ok(true),
        Err(mysql::Error::MySqlError(e)) if e.code == 1048 => Ok(false),
        Err(e) => Err(e),
    }
}

/// [`upsert_states`] inside the locked transaction: on a Galera cluster a `FOR UPDATE` lock is the local node's only,
/// so a write over a stale read is a conflict there too, and the transaction is retried.
fn write_states(tx: &mut mysql::Transaction<'_>, table: &str, changes: &[Change<'_>], claimed: Option<(&Option<Vec<u8>>, &str)>) -> mysql::Result<()> {
    if upsert_states(tx, table, changes, claimed)? { Ok(()) } else { Err(stale_read()) }
}

impl Store {
    /// Claims one attempt for every key at once (e.g. the account and the IP): when any key refuses, nothing is
    /// counted and the refusal is returned; otherwise each key counts the attempt. Returns, per key in the order
    /// given, the decision for this attempt and the key's state after it.
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    pub fn claim_attempt(&self, keys: &[(AttemptKey, Policy)], ip_text: &str, now: i64) -> Result<Vec<(Decision, State)>> {
        self.claim_attempt_labelled(keys, ip_text, "", None, now)
    }

    /// [`Store::claim_attempt`], remembering `label` (the e-mail as typed) on the keys for display. When the claim
    /// blocks an account, the account's remember-me rows are deleted in the same transaction; when it refuses the
    /// attempt, `refused` (a `failed` event) is recorded in it, naming the account and why.
    ///
    /// Round trips: the missing rows (one statement), then a transaction of one `SELECT … FOR UPDATE` of every key,
    /// one `UPDATE` of them, the commit.
    fn claim_attempt_labelled(&self, keys: &[(AttemptKey, Policy)], ip_text: &str, label: &str, refused: Option<&EventRecord>,
                              now: i64) -> Result<Vec<(Decision, State)>> {
        if keys.is_empty() {
            return Ok(Vec::new());
        }
        let t = self.tables.attempts.clone();
        let autologin = self.tables.autologin.clone();
        let blocks = self.tables.blocks.clone();
        let events = self.tables.events.clone();
        let mut order: Vec<usize> = (0..keys.len()).collect();
        order.sort_by(|a, b| keys[*a].0.cmp(&keys[*b].0));
        let last_ip = ip::to_bytes(ip_text);
        let label_of = |k: &AttemptKey| if k.kind == "ip" { "" } else { label };
        // Create missing rows outside the transaction: INSERT IGNORE takes a shared lock that would otherwise
        // deadlock against a parallel FOR UPDATE.
        let rows = vec!["(?, ?, ?)"; keys.len()].join(", ");
        let values: Vec<Value> = order.iter().flat_map(|&i| {
            let k = &keys[i].0;
            [k.kind.clone().into(), k.subject.clone().into(), label_of(k).into()]
        }).collect();
        self.run(|c| c.exec_drop(format!("INSERT IGNORE INTO `{t}` (kind, subject, label) VALUES {rows}"), Params::Positional(values.clone())))?;
        let key_refs: Vec<&AttemptKey> = keys.iter().map(|(k, _)| k).collect();
        self.transaction(|tx| {
            let read = lock_states(tx, &t, &key_refs)?;
            let found: Vec<bool> = read.iter().map(Option::is_some).collect();
            let states: Vec<State> = read.into_iter().map(Option::unwrap_or_default).collect();
            let refusing = keys.iter().zip(&states).any(|((_, p), s)| !matches!(lockout::decide(p, *s, now), Decision::Allowed { .. }));
            if refusing {
                let decisions: Vec<(Decision, State)> = keys.iter().zip(&states).map(|((_, p), s)| (lockout::decide(p, *s, now), *s)).collect();
                if let Some(event) = refused.and_then(|e| refusal(e, &Verdict::from_outcomes(keys, &decisions))) {
                    insert_events(tx, &events, &[&event])?;
                }
                return Ok(decisions);
            }
            let decisions: Vec<(Decision, State)> = keys.iter().zip(&states).map(|((_, p), s)| lockout::claim(p, *s, now)).collect();
            let changes: Vec<Change<'_>> = order.iter().filter(|&&i| found[i] && decisions[i].1 != states[i])
                .map(|&i| Change { key: &keys[i].0, old: Some(states[i]), new: decisions[i].1 }).collect();
            write_states(tx, &t, &changes, Some((&last_ip, label)))?;
            for (i, (k, _)) in keys.iter().enumerate() {
                if decisions[i].1.blocked_at.is_none() || states[i].blocked_at.is_some() {
                    continue;
                }
                // administrators are told of each block (Store::announce_blocks)
                tx.exec_drop(format!("INSERT INTO `{blocks}` (kind, subject, blocked_at) VALUES (:k, :s, :at)"),
                    params! { "k" => &k.kind, "s" => &k.subject, "at" => now })?;
                // a blocked account's remember-me cookies must not log it back in
                if let Some(id) = k.account_id() {
                    match tx.exec_drop(format!("DELETE FROM `{autologin}` WHERE user_id = :id AND staff = :staff"),
                        params! { "id" => id, "staff" => i32::from(k.kind == "staff") }) {
                        Err(e) if is_missing_table(&e) => {}
                        other => other?,
                    }
                }
            }
            Ok(decisions)
        })
    }

    /// A successful login after a claim: the account's failures are cleared and whatever that claim locked or
    /// blocked is lifted; the attempt it counted on the IP is taken back. One transaction; returns the account's
    /// state after it (`None`: it has no counter).
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    pub fn attempt_succeeded_after_claim(&self, account: &AttemptKey, ip: Option<(&AttemptKey, &Policy)>, undo: Undo) -> Result<Option<State>> {
        self.succeed_after_claim(account, ip, undo, |_| None)
    }

    /// [`Store::attempt_succeeded_after_claim`]; `refuse` looks at the account's state after it and names the event
    /// that records a refused login. Round trips: one read, one write that applies only over that read (none when
    /// nothing changes), the event (when refused); on a conflict, the locked transaction (`SELECT … FOR UPDATE`,
    /// `UPDATE`, the event, the commit).
    fn succeed_after_claim(&self, account: &AttemptKey, ip: Option<(&AttemptKey, &Policy)>, undo: Undo,
                           refuse: impl Fn(Option<State>) -> Option<EventRecord>) -> Result<Option<State>> {
        let t = self.tables.attempts.clone();
        let events = self.tables.events.clone();
        let mut targets: Vec<(&AttemptKey, Option<&Policy>)> = vec![(account, None)];
        if let Some((k, p)) = ip {
            targets.push((k, Some(p)));
        }
        targets.sort_by(|a, b| a.0.cmp(b.0));
        let keys: Vec<&AttemptKey> = targets.iter().map(|(k, _)| *k).collect();
        // What the success changes, from the states read: the account's state after it, and the changes.
        let after = |states: Vec<Option<State>>| {
            let mut account_after = None;
            let mut changes = Vec::new();
            for ((k, policy), state) in targets.iter().zip(states) {
                let Some(state) = state else { continue };
                let next = match policy {
                    None => lockout::succeed_after_claim(state, undo),
                    Some(p) => lockout::ip_after_success(p, state, undo),
                };
                if next != state {
                    changes.push(Change { key: k, old: Some(state), new: next });
                }
                if policy.is_none() {
                    account_after = Some(next);
                }
            }
            (account_after, changes)
        };
        // Without locks first (a read, a write that applies only over that read), as a claim; a conflict takes the
        // locked way.
        let (account_after, changes) = after(self.run(|c| read_states(c, &t, &keys, ""))?);
        let account_after = match self.run(|c| upsert_states(c, &t, &changes, None)) {
            Ok(true) => {
                if let Some(event) = refuse(account_after) {
                    self.run(|c| insert_events(c, &events, &[&event]))?;
                }
                account_after
            }
            Ok(false) | Err(crate::Error::Conflict(_)) => self.transaction(|tx| {
                let (account_after, changes) = after(lock_states(tx, &t, &keys)?);
                write_states(tx, &t, &changes, None)?;
                if let Some(event) = refuse(account_after) {
                    insert_events(tx, &events, &[&event])?;
                }
                Ok(account_after)
            })?,
            Err(e) => return Err(e),
        };
        Ok(account_after)
    }

    /// The decision and state of each key now, without counting anything.
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    pub fn attempt_status(&self, keys: &[(AttemptKey, Policy)], now: i64) -> Result<Vec<(Decision, State)>> {
        let sql = format!("SELECT {STATE_COLUMNS} FROM `{}` WHERE kind = :k AND subject = :s", self.tables.attempts);
        keys.iter()
            .map(|(k, p)| {
                let row: Option<StateTuple> = self.run(|c| c.exec_first(&sql, params! { "k" => &k.kind, "s" => &k.subject }))?;
                let state = lockout::current(p, row.map(to_state).unwrap_or_default(), now);
                Ok((lockout::decide(p, state, now), state))
            })
            .collect()
    }

    /// Resolves an identifier typed at the login of `kind` ("staff" / "contact") the way Perfex will look it up:
    /// trimmed as its form validation does, then `WHERE email = ?` on its own table, so under the column's
    /// collation (which folds case, accents, width and ignorable characters). An e-mail that matches no account
    /// gets its folded subject ([`lockout::fold_subject`]). One round trip (plus, once per process and table, the
    /// column's collation).
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    pub fn resolve_login(&self, kind: &str, typed: &[u8]) -> Result<Resolved> {
        let typed = trim_bytes(typed).to_vec();
        let (table, id_col) = self.login_table(kind);
        let (charset, collation) = self.email_collation(&table)?;
        let weights = format!("WEIGHT_STRING(CONVERT(? USING {charset}) COLLATE {collation}), WEIGHT_STRING(CONVERT(' ' USING {charset}) COLLATE {collation})");
        let sql = format!("SELECT (SELECT {id_col} FROM `{table}` WHERE email = ? ORDER BY {id_col} LIMIT 1), {weights}");
        type Row = (Option<i64>, Option<Vec<u8>>, Option<Vec<u8>>);
        let row: Option<Row> = self.run(|c| match c.exec_first(&sql, Params::Positional(vec![typed.clone().into(), typed.clone().into()])) {
            Err(e) if is_missing_table(&e) => c
                .exec_first::<(Option<Vec<u8>>, Option<Vec<u8>>), _, _>(format!("SELECT {weights}"), Params::Positional(vec![typed.clone().into()]))
                .map(|r| r.map(|(w, s)| (None, w, s))),
            other => other,
        })?;
        let (id, weight, space) = row.unwrap_or((None, None, None));
        Ok(match id {
            Some(id) if id > 0 => Resolved::Account(id),
            _ => Resolved::Unknown(lockout::fold_subject(&weight.unwrap_or_default(), &space.unwrap_or_default())),
        })
    }

    /// Counts one login attempt of `kind` for the identifier as typed, from `ip`, before its password is checked:
    /// resolves the account ([`Store::resolve_login`]) and claims its counter and the IP's at once.
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    pub fn claim_login(&self, guard: &LoginGuard, kind: &str, typed: &[u8], ip_text: &str, refused: Option<&EventRecord>, now: i64) -> Result<Verdict> {
        if !guard.applies(kind, ip_text) {
            return Ok(Verdict::allowed(None));
        }
        let label = String::from_utf8_lossy(trim_bytes(typed)).chars().take(191).collect::<String>();
        let (account, read) = match self.read_claim(kind, typed, ip_text)? {
            Some((account, read)) => (account, Some(read)),
            None => (self.resolve_login(kind, typed)?, None),
        };
        let keys = guard.keys(kind, &account, ip_text);
        if let Some(read) = read {
            let states: Vec<Option<State>> = keys.iter().map(|(k, _)| read.iter().find(|(rk, _)| rk == k).map(|(_, s)| *s)).collect();
            if let Some(outcomes) = self.claim_unlocked(&keys, &states, ip_text, &label, refused, now)? {
                return Ok(Verdict::from_outcomes(&keys, &outcomes));
            }
        }
        match self.claim_attempt_labelled(&keys, ip_text, &label, refused, now) {
            Ok(outcomes) => Ok(Verdict::from_outcomes(&keys, &outcomes)),
            // counted or refused, never checked uncounted: a claim that lost to concurrent ones refuses its attempt
            Err(crate::Error::Conflict(_)) => {
                let busy = Verdict::busy();
                if let Some(event) = refused.and_then(|e| refusal(e, &busy)) {
                    self.record_event(&event)?;
                }
                Ok(busy)
            }
            Err(e) => Err(e),
        }
    }

    /// The first round trip of a claim: resolves the identifier as [`Store::resolve_login`] does and reads the rows
    /// of the keys it will claim — the account's (or the folded e-mail's) and the IP's — in one statement. The row of
    /// an unknown e-mail is found by its folded subject computed in SQL (the SHA-256 of its collation weight without
    /// trailing space weights, as [`lockout::fold_subject`] computes it); should the two ever differ, the row is not
    /// found here and the claim's write conflicts with it, so the claim runs the locked way: never a wrong count.
    /// `None` when Perfex's table is missing (then [`Store::resolve_login`] answers).
    fn read_claim(&self, kind: &str, typed: &[u8], ip_text: &str) -> Result<Option<ClaimRead>> {
        let typed = trim_bytes(typed).to_vec();
        let (table, id_col) = self.login_table(kind);
        let (charset, collation) = self.email_collation(&table)?;
        let attempts = &self.tables.attempts;
        let sql = format!(
            "SELECT r.id, r.w, r.sp, a.kind, a.subject, a.{} FROM (SELECT (SELECT {id_col} FROM `{table}` WHERE email = ? ORDER BY {id_col} LIMIT 1) AS id, \
             WEIGHT_STRING(CONVERT(? USING {charset}) COLLATE {collation}) AS w, WEIGHT_STRING(CONVERT(' ' USING {charset}) COLLATE {collation}) AS sp) r \
             LEFT JOIN `{attempts}` a ON (a.kind, a.subject) IN ((?, IF(r.id > 0, CAST(r.id AS CHAR), CONCAT('?', SHA2(IF(LENGTH(r.sp) > 0 AND LENGTH(r.w) MOD LENGTH(r.sp) = 0, \
             TRIM(TRAILING r.sp FROM r.w), r.w), 256)))), ('ip', ?))",
            STATE_COLUMNS.replace(", ", ", a.")
        );
        type Row = (Option<i64>, Option<Vec<u8>>, Option<Vec<u8>>, Option<String>, Option<String>, Option<u32>, Option<u32>, Option<i64>, Option<i64>, Option<i64>);
        let values = vec![typed.clone().into(), typed.into(), kind.into(), ip_text.into()];
        let rows: Option<Vec<Row>> = self.run(|c| match c.exec(&sql, Params::Positional(values.clone())) {
            Err(e) if is_missing_table(&e) => Ok(None),
            other => other.map(Some),
        })?;
        let Some(rows) = rows else { return Ok(None) };
        let Some((id, w, sp, ..)) = rows.first().cloned() else { return Ok(None) };
        let account = match id {
            Some(id) if id > 0 => Resolved::Account(id),
            _ => Resolved::Unknown(lockout::fold_subject(&w.unwrap_or_default(), &sp.unwrap_or_default())),
        };
        let read = rows.into_iter().filter_map(|(_, _, _, kind, subject, f, l, u, b, lf)| {
            Some((AttemptKey { kind: kind?, subject: subject? }, to_state((f?, l?, u, b, lf))))
        }).collect();
        Ok(Some((account, read)))
    }

    /// The rest of a claim without locks, over the states [`Store::read_claim`] read (`None`: no row): a refusal
    /// records `refused` (nothing else changes); an attempt let through writes every key's new state at once, unless
    /// a parallel claim changed a row since the read. `None` when it must run the locked way: that conflict, or an
    /// attempt that blocks an account (a block also deletes its remember-me rows and is told to administrators, in
    /// the locked transaction).
    fn claim_unlocked(&self, keys: &[(AttemptKey, Policy)], read: &[Option<State>], ip_text: &str, label: &str, refused: Option<&EventRecord>,
                      now: i64) -> Result<Option<Vec<(Decision, State)>>> {
        let states: Vec<State> = read.iter().map(|s| s.unwrap_or_default()).collect();
        let decided: Vec<(Decision, State)> = keys.iter().zip(&states).map(|((_, p), s)| (lockout::decide(p, *s, now), *s)).collect();
        if decided.iter().any(|(d, _)| !matches!(d, Decision::Allowed { .. })) {
            if let Some(event) = refused.and_then(|e| refusal(e, &Verdict::from_outcomes(keys, &decided))) {
                let events = self.tables.events.clone();
                self.run(|c| insert_events(c, &events, &[&event]))?;
            }
            return Ok(Some(decided));
        }
        let claimed: Vec<(Decision, State)> = keys.iter().zip(&states).map(|((_, p), s)| lockout::claim(p, *s, now)).collect();
        if claimed.iter().zip(&states).any(|((_, after), before)| after.blocked_at.is_some() && before.blocked_at.is_none()) {
            return Ok(None);
        }
        let mut changes: Vec<Change<'_>> = keys.iter().zip(read).zip(&claimed)
            .filter(|((_, old), (_, new))| old.is_none() || old.unwrap_or_default() != *new)
            .map(|(((k, _), old), (_, new))| Change { key: k, old: *old, new: *new }).collect();
        changes.sort_by(|a, b| a.key.cmp(b.key)); // rows are locked in the order written: the primary key's, as the locked way
        let (table, last_ip) = (self.tables.attempts.clone(), ip::to_bytes(ip_text));
        match self.run(|c| upsert_states(c, &table, &changes, Some((&last_ip, label)))) {
            Ok(true) => Ok(Some(claimed)),
            Ok(false) | Err(crate::Error::Conflict(_)) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// The moment of login (the password and any 2FA code were right) of account `user_id` of `kind`. `claim` is
    /// what this login's attempt counted ([`Verdict::claim`]); `same_request` says it was counted in this very
    /// request (its password was checked under that claim).
    ///
    /// What the claim counted is taken back (a correct password is no failure); otherwise the account's failures
    /// are cleared. Then an account that is blocked — or locked, unless this request's own claim let its password be
    /// checked — is refused, whatever path led here; `refused` (a `failed` event) is then recorded in the same
    /// transaction, with its reason.
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    pub fn login_succeeded(&self, guard: &LoginGuard, kind: &str, user_id: i64, claim: Option<&str>, same_request: bool,
                           refused: Option<&EventRecord>, now: i64) -> Result<Verdict> {
        let account = AttemptKey::account(kind, user_id);
        let own = claim.and_then(Claim::decode).filter(|c| c.key == account);
        let (ip, undo) = match &own {
            Some(c) => (c.ip.as_ref().filter(|_| c.undo.ip_counted).map(|s| (AttemptKey { kind: "ip".into(), subject: s.clone() }, guard.ip_policy())), c.undo),
            None => (None, Undo::default()), // no claim of its own: its failures are cleared all the same
        };
        let applies = guard.applies(kind, "");
        let checked_under_own_claim = own.is_some() && same_request;
        let verdict_of = |after: Option<State>| {
            let verdict = Verdict::of_account(&account, &guard.account_policy(), after.unwrap_or_default(), now);
            match verdict.status {
                _ if !applies => Verdict::allowed(Some(user_id)),
                "locked" if checked_under_own_claim => Verdict::allowed(Some(user_id)),
                _ => verdict,
            }
        };
        let after = self.succeed_after_claim(&account, ip.as_ref().map(|(k, p)| (k, p)), undo,
            |after| refused.and_then(|e| refusal(e, &verdict_of(after))))?;
        Ok(verdict_of(after))
    }

    /// The standing of account `user_id` of `kind` now (nothing counted): allowed, locked until, or blocked; a
    /// refusal records `refused` (a `failed` event) with its reason. Lockouts switched off for that kind: allowed.
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    pub fn account_status(&self, guard: &LoginGuard, kind: &str, user_id: i64, refused: Option<&EventRecord>, now: i64) -> Result<Verdict> {
        if !guard.applies(kind, "") || user_id <= 0 {
            return Ok(Verdict::allowed(Some(user_id).filter(|id| *id > 0)));
        }
        let key = AttemptKey::account(kind, user_id);
        let policy = guard.account_policy();
        let state = self.attempt_status(&[(key.clone(), policy)], now)?.first().map(|(_, s)| *s).unwrap_or_default();
        let verdict = Verdict::of_account(&key, &policy, state, now);
        if let Some(event) = refused.and_then(|e| refusal(e, &verdict)) {
            self.record_event(&event)?;
        }
        Ok(verdict)
    }

    /// A login attempt that failed (wrong password, unknown or inactive account, a form Perfex refused): records
    /// `failed` and — when the attempt's `claim` locked or blocked the account or the IP — the `lockout` / `blocked`
    /// event, in one statement. Returns that lock, and for a block the active administrators to notify (all
    /// but the blocked staff member).
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    pub fn login_failed(&self, claim: Option<&str>, failed: &EventRecord) -> Result<(Option<Lock>, Vec<i64>)> {
        let claim = claim.and_then(Claim::decode).filter(|c| c.key.kind == failed.user_type);
        let lock = claim.as_ref().and_then(Claim::lock);
        let user_id = claim.as_ref().and_then(|c| c.key.account_id()).or(failed.user_id);
        let events = self.tables.events.clone();
        let recorded = lock.map(|l| EventRecord {
            event: if l.blocked { "blocked".into() } else { "lockout".into() },
            reason: String::new(),
            method: String::new(),
            user_id,
            details: l.details(),
            ..failed.clone()
        });
        // one statement: the failure and its lock are written together or not at all
        let rows: Vec<&EventRecord> = std::iter::once(failed).chain(recorded.as_ref()).collect();
        self.run(|c| insert_events(c, &events, &rows))?;
        let notify = match lock {
            Some(Lock { blocked: true, .. }) => {
                let blocked_staff = if failed.user_type == "staff" { user_id } else { None };
                self.active_admin_ids()?.into_iter().filter(|id| Some(*id) != blocked_staff).collect()
            }
            _ => Vec::new(),
        };
        Ok((lock, notify))
    }

    /// The keys an administrator or the CLI named: stored keys as they are; an e-mail as its account's key (when
    /// it has one) and its folded form (what it was counted under before it matched an account).
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    pub fn resolve_keys(&self, texts: &[KeyText]) -> Result<Vec<AttemptKey>> {
        let mut keys = Vec::new();
        for t in texts {
            match t {
                KeyText::Key(k) => keys.push(k.clone()),
                KeyText::Email { kind, email } => {
                    let resolved = self.resolve_login(kind, email.as_bytes())?;
                    if let Resolved::Account(_) = resolved {
                        keys.push(AttemptKey::of(kind, &resolved));
                    }
                    let (table, _) = self.login_table(kind);
                    let (charset, collation) = self.email_collation(&table)?;
                    let sql = format!("SELECT WEIGHT_STRING(CONVERT(? USING {charset}) COLLATE {collation}), WEIGHT_STRING(CONVERT(' ' USING {charset}) COLLATE {collation})");
                    let typed = trim_bytes(email.as_bytes()).to_vec();
                    let w: Option<(Vec<u8>, Vec<u8>)> = self.run(|c| c.exec_first(&sql, Params::Positional(vec![typed.clone().into()])))?;
                    let (w, space) = w.unwrap_or_default();
                    keys.push(AttemptKey { kind: kind.clone(), subject: lockout::fold_subject(&w, &space) });
                }
            }
        }
        keys.sort();
        keys.dedup();
        Ok(keys)
    }

    /// Blocks administrator `staff_id` has not been told of, at most one notification per
    /// [`lockout::NOTICE_INTERVAL`]: returns how many to tell now (0: none, or not yet due) and whether any is
    /// still to be told later. When the count is not 0 they are marked as told — atomically: parallel blocks are
    /// each counted exactly once (the count is a locking read, which waits for blocks still being committed), and
    /// two requests of one administrator never both tell. The administrator's own block is not news to them.
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    pub fn announce_blocks(&self, staff_id: i64, now: i64) -> Result<(u32, bool)> {
        let (blocks, notices) = (self.tables.blocks.clone(), self.tables.notices.clone());
        let own = staff_id.to_string();
        self.run(|c| c.exec_drop(format!("INSERT IGNORE INTO `{notices}` (staff_id) VALUES (?)"), (staff_id,)))?;
        self.transaction(|tx| {
            let (notified_at, seen): (i64, u64) =
                tx.exec_first(format!("SELECT notified_at, seen_block FROM `{notices}` WHERE staff_id = ? FOR UPDATE"), (staff_id,))?.unwrap_or((0, 0));
            let (news, last): (u32, Option<u64>) = tx
                .exec_first(
                    format!("SELECT COUNT(*), MAX(id) FROM `{blocks}` WHERE id > ? AND blocked_at > ? \
                             AND NOT (kind = 'staff' AND subject = ?) LOCK IN SHARE MODE"),
                    (seen, now - lockout::NOTICE_LOOKBACK, &own),
                )?
                .unwrap_or((0, None));
            let due = lockout::notice_due(notified_at, now);
            let Some((count, last)) = lockout::notice(due, news, last.unwrap_or(seen)) else {
                return Ok((0, news > 0));
            };
            tx.exec_drop(format!("UPDATE `{notices}` SET notified_at = ?, seen_block = ? WHERE staff_id = ?"), (now, last, staff_id))?;
            tx.exec_drop(format!("DELETE FROM `{blocks}` WHERE blocked_at <= ?"), (now - lockout::NOTICE_LOOKBACK,))?;
            Ok((count, false))
        })
    }

    /// Perfex's table and id column of a login kind.
    fn login_table(&self, kind: &str) -> (String, &'static str) {
        if kind == "staff" { (self.tables.staff.clone(), "staffid") } else { (self.tables.contacts.clone(), "id") }
    }

    /// The character set and collation of `table`.email (what Perfex's lookup compares under), cached per process;
    /// `utf8mb4_unicode_ci` (Perfex's) while the table does not exist.
    fn email_collation(&self, table: &str) -> Result<(String, String)> {
        static CACHE: OnceLock<Mutex<HashMap<String, (String, String)>>> = OnceLock::new();
        let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
        if let Some(found) = cache.lock().ok().and_then(|m| m.get(table).cloned()) {
            return Ok(found);
        }
        let sql = "SELECT CHARACTER_SET_NAME, COLLATION_NAME FROM information_schema.COLUMNS \
                   WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME = 'email'";
        let row: Option<(Option<String>, Option<String>)> = self.run(|c| c.exec_first(sql, (table,)))?;
        let plain = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
        match row {
            Some((Some(cs), Some(coll))) if plain(&cs) && plain(&coll) => {
                if let Ok(mut m) = cache.lock() {
                    m.insert(table.to_string(), (cs.clone(), coll.clone()));
                }
                Ok((cs, coll))
            }
            _ => Ok(("utf8mb4".into(), "utf8mb4_unicode_ci".into())),
        }
    }

    /// Keys locked at `now` or blocked, most recent first (at most `limit`).
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    pub fn locked_keys(&self, now: i64, limit: i64) -> Result<Vec<AttemptRow>> {
        let sql = format!(
            "SELECT kind, subject, {STATE_COLUMNS}, last_ip, label FROM `{}` \
             WHERE blocked_at IS NOT NULL OR locked_until > :now ORDER BY last_failure DESC LIMIT :n",
            self.tables.attempts
        );
        let mut rows = self.run(|c| {
            c.exec_map(&sql, params! { "now" => now, "n" => limit.clamp(1, 10_000) }, |mut r: mysql::Row| {
                let state = (
                    r.take::<u32, _>(2).unwrap_or(0), r.take::<u32, _>(3).unwrap_or(0), r.take::<Option<i64>, _>(4).flatten(),
                    r.take::<Option<i64>, _>(5).flatten(), r.take::<Option<i64>, _>(6).flatten(),
                );
                AttemptRow {
                    kind: r.take(0).unwrap_or_default(),
                    subject: r.take(1).unwrap_or_default(),
                    user_id: None,
                    user_name: String::new(),
                    email: r.take::<Option<String>, _>(8).flatten().unwrap_or_default(),
                    state: to_state(state),
                    last_ip: r.take::<Option<Vec<u8>>, _>(7).flatten().as_deref().map(ip::from_bytes).unwrap_or_default(),
                }
            })
        })?;
        self.fill_accounts(&mut rows)?;
        Ok(rows)
    }

    /// Adds the account (id, name, e-mail) of each account key, from Perfex's staff and contacts tables.
    fn fill_accounts(&self, rows: &mut [AttemptRow]) -> Result<()> {
        for kind in ["staff", "contact"] {
            let ids: Vec<Value> = rows.iter().filter(|r| r.kind == kind).filter_map(|r| r.subject.parse::<i64>().ok()).map(Value::from).collect();
            let people = self.people(kind, false, ids)?;
            for r in rows.iter_mut().filter(|r| r.kind == kind) {
                if let Some(p) = people.iter().find(|p| p.id.to_string() == r.subject) {
                    r.user_id = Some(p.id);
                    r.user_name.clone_from(&p.name);
                    r.email.clone_from(&p.email);
                }
            }
        }
        Ok(())
    }

    /// Re-enables the keys an administrator named ([`Store::resolve_keys`]: an e-mail is its account and every
    /// spelling of it) and records a `reenabled` event (from `template`: who did it, from where) for each one that
    /// was locked or blocked, in the transaction that deletes the counters. Returns the names of those lifted (the
    /// account's e-mail, the e-mail last typed, or the IP), in the order named.
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    pub fn reenable_recorded(&self, texts: &[KeyText], template: &EventRecord, now: i64) -> Result<Vec<String>> {
        let locked = self.locked_keys(now, 10_000)?;
        let (mut keys, mut lifted) = (Vec::new(), Vec::<&AttemptRow>::new());
        for text in texts {
            for k in self.resolve_keys(std::slice::from_ref(text))? {
                if let Some(row) = locked.iter().find(|row| k.kind == row.kind && k.subject == row.subject && !lifted.contains(row)) {
                    lifted.push(row);
                }
                keys.push(k);
            }
        }
        let events: Vec<EventRecord> = lifted.iter().map(|row| {
            let ip = row.kind == "ip";
            let name = if ip || row.email.is_empty() { row.subject.clone() } else { row.email.clone() };
            EventRecord { user_type: if ip { String::new() } else { row.kind.clone() }, user_id: row.user_id,
                identifier_norm: crate::login_log::normalize_identifier(&name), identifier: name, ..template.clone() }
        }).collect();
        let (t, table) = (self.tables.attempts.clone(), self.tables.events.clone());
        let marks = vec!["(?, ?)"; keys.len().max(1)].join(", ");
        let binds: Vec<Value> = keys.iter().flat_map(|k| [k.kind.clone().into(), k.subject.clone().into()]).collect();
        self.transaction(|tx| {
            if !keys.is_empty() {
                tx.exec_drop(format!("DELETE FROM `{t}` WHERE (kind, subject) IN ({marks})"), Params::Positional(binds.clone()))?;
            }
            insert_events(tx, &table, &events.iter().collect::<Vec<_>>())
        })?;
        Ok(events.into_iter().map(|e| e.identifier).collect())
    }

    /// Re-enables keys: their counters, lockouts and blocks are removed. Returns how many keys had a row.
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    pub fn reenable(&self, keys: &[AttemptKey]) -> Result<u64> {
        if keys.is_empty() {
            return Ok(0);
        }
        let marks = vec!["(?, ?)"; keys.len()].join(", ");
        let sql = format!("DELETE FROM `{}` WHERE (kind, subject) IN ({marks})", self.tables.attempts);
        let binds: Vec<Value> = keys.iter().flat_map(|k| [k.kind.clone().into(), k.subject.clone().into()]).collect();
        self.run(|c| c.exec_iter(&sql, Params::Positional(binds.clone())).map(|r| r.affected_rows()))
    }
}

/// Migration 4's data step: counters keyed by an e-mail as typed (`staff:admin@example.com`) move to the account
/// that e-mail resolves to (`staff:1`), or to its folded form; spellings that land on one key are merged (the
/// stricter state wins: [`lockout::merge`]).
pub(super) fn rekey(c: &mut mysql::PooledConn, t: &super::TableNames) -> mysql::Result<()> {
    type Row = (String, String, u32, u32, Option<i64>, Option<i64>, Option<i64>, Option<Vec<u8>>);
    let old: Vec<Row> = c.query(format!(
        "SELECT kind, subject, failures, lockouts, locked_until, blocked_at, last_failure, last_ip FROM `{}` \
         WHERE kind IN ('staff', 'contact') AND subject LIKE '%@%'",
        t.attempts
    ))?;
    for (kind, subject, failures, lockouts, locked_until, blocked_at, last_failure, last_ip) in old {
        let (table, id_col) = if kind == "staff" { (&t.staff, "staffid") } else { (&t.contacts, "id") };
        let id: Option<i64> = match c.exec_first(format!("SELECT {id_col} FROM `{table}` WHERE email = ? ORDER BY {id_col} LIMIT 1"), (&subject,)) {
            Ok(found) => found,
            Err(e) if is_missing_table(&e) => None,
            Err(e) => return Err(e),
        };
        let new_subject = match id {
            Some(id) => id.to_string(),
            None => {
                let (w, space): (Vec<u8>, Vec<u8>) = c
                    .exec_first("SELECT WEIGHT_STRING(CONVERT(? USING utf8mb4) COLLATE utf8mb4_unicode_ci), WEIGHT_STRING(_utf8mb4' ' COLLATE utf8mb4_unicode_ci)", (&subject,))?
                    .unwrap_or_default();
                lockout::fold_subject(&w, &space)
            }
        };
        let state = State { failures, lockouts, locked_until, blocked_at, last_failure };
        let existing: Option<StateTuple> = c.exec_first(
            format!("SELECT failures, lockouts, locked_until, blocked_at, last_failure FROM `{}` WHERE kind = ? AND subject = ?", t.attempts),
            (&kind, &new_subject),
        )?;
        let merged = existing.map_or(state, |e| lockout::merge(state, to_state(e)));
        c.exec_drop(
            format!(
                "INSERT INTO `{}` (kind, subject, failures, lockouts, locked_until, blocked_at, last_failure, last_ip, label) \
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE failures = VALUES(failures), lockouts = VALUES(lockouts), \
                 locked_until = VALUES(locked_until), blocked_at = VALUES(blocked_at), last_failure = VALUES(last_failure), \
                 last_ip = COALESCE(VALUES(last_ip), last_ip), label = VALUES(label)",
                t.attempts
            ),
            (&kind, &new_subject, merged.failures, merged.lockouts, merged.locked_until, merged.blocked_at, merged.last_failure, &last_ip, &subject),
        )?;
        c.exec_drop(format!("DELETE FROM `{}` WHERE kind = ? AND subject = ?", t.attempts), (&kind, &subject))?;
    }
    Ok(())
}

/// The error a claim's write returns when the row changed under its read (retried like a deadlock).
/// The event of a refused login (`refused` names the attempt), with why the verdict refused it; `None` when allowed.
fn refusal(refused: &EventRecord, verdict: &Verdict) -> Option<EventRecord> {
    let reason = match verdict.status {
        "blocked" => "blocked",
        "locked" | "busy" => "locked_out",
        _ => return None,
    };
    Some(EventRecord { reason: reason.into(), user_id: verdict.user_id.or(refused.user_id), ..refused.clone() })
}

fn stale_read() -> mysql::Error {
    mysql::Error::MySqlError(mysql::MySqlError { state: "40001".into(), message: "the counter changed under the claim's read".into(), code: 1213 })
}

/// PHP's `trim()` on bytes (space, tab, LF, CR, NUL, VT), as Perfex's form validation trims the e-mail.
fn trim_bytes(b: &[u8]) -> &[u8] {
    let keep = |c: &u8| !matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0 | 0x0B);
    let start = b.iter().position(keep).unwrap_or(b.len());
    let end = b.iter().rposition(keep).map_or(start, |i| i + 1);
    &b[start..end]
}
