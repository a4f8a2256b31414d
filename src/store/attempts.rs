//! Login attempts: one row per key (an account of a login, or an IP), changed atomically.
//!
//! A claim locks the keys' rows (`SELECT … FOR UPDATE`, in a fixed order so two claims never deadlock), decides
//! with the pure [`crate::lockout`] arithmetic and writes the new state in the same transaction: however many
//! requests run in parallel, each attempt is counted exactly once and no more than `retries` are let through.

use mysql::prelude::Queryable;
use mysql::{Params, Value, params};

use super::Store;
use crate::error::Result;
use crate::ip;
use crate::lockout::{self, AttemptKey, Decision, Policy, State, Undo};

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
    /// The state.
    #[serde(flatten)]
    pub state: State,
    /// Last IP that failed for this key.
    pub last_ip: String,
}

const STATE_COLUMNS: &str = "failures, lockouts, locked_until, blocked_at, last_failure";

type StateTuple = (u32, u32, Option<i64>, Option<i64>, Option<i64>);

fn to_state((failures, lockouts, locked_until, blocked_at, last_failure): StateTuple) -> State {
    State { failures, lockouts, locked_until, blocked_at, last_failure }
}

impl Store {
    /// Claims one attempt for every key at once (e.g. the account and the IP): when any key refuses, nothing is
    /// counted and the refusal is returned; otherwise each key counts the attempt. Returns, per key in the order
    /// given, the decision for this attempt and the key's state after it.
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    pub fn claim_attempt(&self, keys: &[(AttemptKey, Policy)], ip_text: &str, now: i64) -> Result<Vec<(Decision, State)>> {
        let t = self.tables.attempts.clone();
        let mut order: Vec<usize> = (0..keys.len()).collect();
        order.sort_by(|a, b| keys[*a].0.cmp(&keys[*b].0));
        let last_ip = ip::to_bytes(ip_text);
        // Create missing rows outside the transaction: INSERT IGNORE takes a shared lock that would otherwise
        // deadlock against a parallel FOR UPDATE.
        for &i in &order {
            let k = &keys[i].0;
            self.run(|c| c.exec_drop(format!("INSERT IGNORE INTO `{t}` (kind, subject) VALUES (:k, :s)"), params! { "k" => &k.kind, "s" => &k.subject }))?;
        }
        self.transaction(|tx| {
            let mut states = vec![State::default(); keys.len()];
            for &i in &order {
                let k = &keys[i].0;
                let row: Option<StateTuple> = tx.exec_first(
                    format!("SELECT {STATE_COLUMNS} FROM `{t}` WHERE kind = :k AND subject = :s FOR UPDATE"),
                    params! { "k" => &k.kind, "s" => &k.subject },
                )?;
                states[i] = row.map(to_state).unwrap_or_default();
            }
            let refused = keys.iter().zip(&states).any(|((_, p), s)| !matches!(lockout::decide(p, *s, now), Decision::Allowed { .. }));
            let mut decisions = Vec::with_capacity(keys.len());
            for ((k, p), s) in keys.iter().zip(&states) {
                if refused {
                    decisions.push((lockout::decide(p, *s, now), *s));
                    continue;
                }
                let (d, next) = lockout::claim(p, *s, now);
                decisions.push((d, next));
                tx.exec_drop(
                    format!(
                        "UPDATE `{t}` SET failures = :f, lockouts = :l, locked_until = :u, blocked_at = :b, last_failure = :lf, \
                         last_ip = :ip WHERE kind = :k AND subject = :s"
                    ),
                    params! {
                        "f" => next.failures, "l" => next.lockouts, "u" => next.locked_until, "b" => next.blocked_at,
                        "lf" => next.last_failure, "ip" => &last_ip,
                        "k" => &k.kind, "s" => &k.subject,
                    },
                )?;
            }
            Ok(decisions)
        })
    }

    /// A successful login after a claim in the same request: the account's failures are cleared and whatever that
    /// claim locked or blocked is lifted; the attempt it counted on the IP is taken back. One transaction.
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    pub fn attempt_succeeded_after_claim(&self, account: &AttemptKey, ip: Option<(&AttemptKey, &Policy)>, undo: Undo) -> Result<()> {
        let t = self.tables.attempts.clone();
        let select = format!("SELECT {STATE_COLUMNS} FROM `{t}` WHERE kind = :k AND subject = :s FOR UPDATE");
        let update = format!(
            "UPDATE `{t}` SET failures = :f, lockouts = :l, locked_until = :u, blocked_at = :b WHERE kind = :k AND subject = :s"
        );
        let mut targets: Vec<(&AttemptKey, Option<&Policy>)> = vec![(account, None)];
        if let Some((k, p)) = ip {
            targets.push((k, Some(p)));
        }
        targets.sort_by(|a, b| a.0.cmp(b.0));
        self.transaction(|tx| {
            for (k, policy) in &targets {
                let row: Option<StateTuple> = tx.exec_first(&select, params! { "k" => &k.kind, "s" => &k.subject })?;
                let Some(state) = row.map(to_state) else { continue };
                let next = match policy {
                    None => lockout::succeed_after_claim(state, undo),
                    Some(p) => lockout::ip_after_success(p, state, undo),
                };
                if next != state {
                    tx.exec_drop(&update, params! { "f" => next.failures, "l" => next.lockouts, "u" => next.locked_until,
                        "b" => next.blocked_at, "k" => &k.kind, "s" => &k.subject })?;
                }
            }
            Ok(())
        })
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

    /// The decision for a key now, without counting anything (one round trip).
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    pub fn attempt_decision(&self, key: &AttemptKey, p: &Policy, now: i64) -> Result<Decision> {
        let status = self.attempt_status(&[(key.clone(), *p)], now)?;
        Ok(status.first().map_or(Decision::Allowed { remaining: p.retries }, |(d, _)| *d))
    }

    /// A successful login: the key's failures are cleared (a block stays).
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    pub fn attempt_succeeded(&self, key: &AttemptKey) -> Result<()> {
        let sql = format!("UPDATE `{}` SET failures = 0 WHERE kind = :k AND subject = :s AND failures > 0", self.tables.attempts);
        self.run(|c| c.exec_drop(&sql, params! { "k" => &key.kind, "s" => &key.subject }))
    }

    /// The normalised e-mail of a staff member or contact (for checks of users who arrive by remember-me).
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    pub fn email_of(&self, kind: &str, user_id: i64) -> Result<Option<String>> {
        Ok(self.people(kind, false, vec![user_id.into()])?.into_iter().next().map(|p| p.email))
    }

    /// Keys locked at `now` or blocked, most recent first (at most `limit`).
    ///
    /// # Errors
    /// [`crate::Error::Db`].
    pub fn locked_keys(&self, now: i64, limit: i64) -> Result<Vec<AttemptRow>> {
        let sql = format!(
            "SELECT kind, subject, {STATE_COLUMNS}, last_ip FROM `{}` \
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
                    state: to_state(state),
                    last_ip: r.take::<Option<Vec<u8>>, _>(7).flatten().as_deref().map(ip::from_bytes).unwrap_or_default(),
                }
            })
        })?;
        self.fill_accounts(&mut rows)?;
        Ok(rows)
    }

    /// Adds the account (id and name) an identifier belongs to, from Perfex's staff and contacts tables.
    fn fill_accounts(&self, rows: &mut [AttemptRow]) -> Result<()> {
        for kind in ["staff", "contact"] {
            let emails: Vec<Value> = rows.iter().filter(|r| r.kind == kind).map(|r| r.subject.clone().into()).collect();
            let people = self.people(kind, true, emails)?;
            for r in rows.iter_mut().filter(|r| r.kind == kind) {
                if let Some(p) = people.iter().find(|p| p.email == r.subject) {
                    r.user_id = Some(p.id);
                    r.user_name.clone_from(&p.name);
                }
            }
        }
        Ok(())
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
