//! Lockout arithmetic (pure; `now` is a parameter).
//!
//! After `retries` counted attempts the key is locked for `lockout × n` on its n-th lockout; when the lockouts
//! exceed `max_lockouts` the key is blocked until an administrator re-enables it. Failures and lockouts reset
//! `reset_window` after the last failure; a block never expires by itself.
//!
//! Attempts are counted *before* the password is checked (a "claim"), in one atomic store operation, so that no
//! burst of parallel requests can check more than `retries` passwords between two lockouts; a successful login
//! then clears the failures.

use serde::Serialize;

use crate::error::{Error, Result};
use crate::ip::IpList;
use crate::settings::value_or_default;

/// The lockout policy (validated values).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// Attempts allowed before a lockout (≥ 1).
    pub retries: u32,
    /// Length of the first lockout, in seconds (≥ 1); the n-th lasts n times as long.
    pub lockout_secs: i64,
    /// Temporary lockouts allowed; one more blocks the key. `None`: never block (IP keys).
    pub max_lockouts: Option<u32>,
    /// Seconds after the last failure when failures and lockouts reset (≥ 1).
    pub reset_window: i64,
}

impl Policy {
    /// Builds a policy, refusing zero or negative values.
    ///
    /// # Errors
    /// [`Error::InvalidInput`].
    pub fn new(retries: u32, lockout_secs: i64, max_lockouts: Option<u32>, reset_window: i64) -> Result<Self> {
        if retries == 0 {
            return Err(Error::invalid("retries", "must be at least 1"));
        }
        if lockout_secs < 1 || reset_window < 1 {
            return Err(Error::invalid("lockout", "durations must be at least 1 second"));
        }
        Ok(Policy { retries, lockout_secs, max_lockouts, reset_window })
    }
}

/// What is stored for one key (an account or an IP).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct State {
    /// Counted attempts since the last lockout or success.
    pub failures: u32,
    /// Lockouts within the window.
    pub lockouts: u32,
    /// Unix time the current lockout ends.
    pub locked_until: Option<i64>,
    /// Unix time the key was blocked.
    pub blocked_at: Option<i64>,
    /// Unix time of the last counted attempt.
    pub last_failure: Option<i64>,
}

/// The answer to "may this key try a password now?".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Decision {
    /// Go on; `remaining` attempts are left before a lockout (counting this one).
    Allowed {
        /// Attempts left, this one included.
        remaining: u32,
    },
    /// Locked until the given unix time.
    Locked {
        /// When the lockout ends.
        until: i64,
    },
    /// Blocked until an administrator re-enables the key.
    Blocked,
}

/// The state as it stands at `now` (window reset applied; an expired lockout lifted).
#[must_use]
pub fn current(p: &Policy, s: State, now: i64) -> State {
    if s.blocked_at.is_some() {
        return s;
    }
    let mut s = s;
    if s.last_failure.is_some_and(|t| now - t >= p.reset_window) && s.locked_until.is_none_or(|u| u <= now) {
        s = State::default();
    }
    if s.locked_until.is_some_and(|u| u <= now) {
        s.locked_until = None;
    }
    s
}

/// The decision for a key at `now`, without counting anything.
#[must_use]
pub fn decide(p: &Policy, s: State, now: i64) -> Decision {
    let s = current(p, s, now);
    if s.blocked_at.is_some() {
        Decision::Blocked
    } else if let Some(until) = s.locked_until {
        Decision::Locked { until }
    } else {
        Decision::Allowed { remaining: p.retries.saturating_sub(s.failures) }
    }
}

/// Counts one attempt (claimed before the password is checked). Returns the decision for THIS attempt and the
/// new state: an attempt that is refused changes nothing; the attempt that uses the last retry is allowed, and
/// the key is locked (or blocked) right behind it.
#[must_use]
pub fn claim(p: &Policy, s: State, now: i64) -> (Decision, State) {
    let s = current(p, s, now);
    match decide(p, s, now) {
        Decision::Allowed { remaining } => {
            let mut next = State { failures: s.failures + 1, last_failure: Some(now), ..s };
            if next.failures >= p.retries {
                next.failures = 0;
                next.lockouts += 1;
                if p.max_lockouts.is_some_and(|max| next.lockouts > max) {
                    next.blocked_at = Some(now);
                } else {
                    let factor = i64::from(p.max_lockouts.map_or(next.lockouts, |max| next.lockouts.min(max)));
                    next.locked_until = Some(now + p.lockout_secs.saturating_mul(factor));
                }
            }
            (Decision::Allowed { remaining }, next)
        }
        refused => (refused, s),
    }
}

/// Seconds between two notifications of blocked accounts to one administrator: blocks in between are counted into
/// the next one.
pub const NOTICE_INTERVAL: i64 = 600;

/// How far back an administrator's first notification looks for blocks (older ones are history, not news).
pub const NOTICE_LOOKBACK: i64 = 7 * 86_400;

/// Whether an administrator last notified at `notified_at` (0: never) may be notified again at `now`.
#[must_use]
pub fn notice_due(notified_at: i64, now: i64) -> bool {
    now - notified_at >= NOTICE_INTERVAL
}

/// What an administrator is told when `due`: how many blocks are news and up to which block id; nothing when none
/// is (they are not marked as told then).
#[must_use]
pub fn notice(due: bool, news: u32, last_block: u64) -> Option<(u32, u64)> {
    (due && news > 0).then_some((news, last_block))
}

/// Two counters that turn out to be one account (spellings re-keyed together): the stricter of each field.
#[must_use]
pub fn merge(a: State, b: State) -> State {
    State {
        failures: a.failures.max(b.failures),
        lockouts: a.lockouts.max(b.lockouts),
        locked_until: a.locked_until.max(b.locked_until),
        blocked_at: match (a.blocked_at, b.blocked_at) {
            (Some(x), Some(y)) => Some(x.min(y)),
            (x, y) => x.or(y),
        },
        last_failure: a.last_failure.max(b.last_failure),
    }
}

/// After a successful login: failures cleared, lockout history kept for the window.
#[must_use]
pub fn succeed(s: State) -> State {
    State { failures: 0, ..s }
}

/// What a successful login takes back of its own claim (attempts are counted before the password is known).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Undo {
    /// The claim locked the account (it used the last retry).
    pub account_locked: bool,
    /// The claim blocked the account.
    pub account_blocked: bool,
    /// The claim counted the attempt on the IP.
    pub ip_counted: bool,
    /// The claim locked the IP.
    pub ip_locked: bool,
}

/// The account after a successful login whose own claim may have locked or blocked it: failures cleared and
/// the lock or block that claim set lifted (the lockout it added is not counted).
#[must_use]
pub fn succeed_after_claim(s: State, undo: Undo) -> State {
    let mut s = succeed(s);
    if undo.account_locked && s.blocked_at.is_none() {
        s.locked_until = None;
        s.lockouts = s.lockouts.saturating_sub(1);
    }
    if undo.account_blocked {
        s.blocked_at = None;
        s.lockouts = s.lockouts.saturating_sub(1);
    }
    s
}

/// The IP after a successful login: the attempt it counted is taken back (a correct password is not a failure), and
/// a lockout that attempt set is lifted. The IP's other failures stay.
#[must_use]
pub fn ip_after_success(p: &Policy, s: State, undo: Undo) -> State {
    if !undo.ip_counted {
        return s;
    }
    if undo.ip_locked {
        State { locked_until: None, lockouts: s.lockouts.saturating_sub(1), failures: p.retries.saturating_sub(1), ..s }
    } else {
        State { failures: s.failures.saturating_sub(1), ..s }
    }
}

/// Which counter: the account a staff or customers login resolves to, the spelling-independent form of an
/// e-mail that matches no account, or an IP address.
///
/// Subjects: an account is its id (`staff:17`, `contact:5`); an e-mail that matches no account is `?` followed by
/// the SHA-256 of its collation weight ([`fold_subject`]), which every spelling the database treats as equal shares;
/// an IP is its text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AttemptKey {
    /// `staff`, `contact` or `ip`.
    pub kind: String,
    /// The account id, the folded unknown e-mail, or the IP's text.
    pub subject: String,
}

/// What an identifier typed at a login resolves to, the way Perfex will look it up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// The account Perfex will authenticate (staff id or contact id).
    Account(i64),
    /// No account: the spelling-independent subject ([`fold_subject`]).
    Unknown(String),
}

impl AttemptKey {
    /// The counter of a resolved login identifier of `kind` ("staff" / "contact").
    #[must_use]
    pub fn of(kind: &str, resolved: &Resolved) -> Self {
        let subject = match resolved {
            Resolved::Account(id) => id.to_string(),
            Resolved::Unknown(fold) => fold.clone(),
        };
        AttemptKey { kind: kind.into(), subject }
    }

    /// The counter of an account by id.
    #[must_use]
    pub fn account(kind: &str, id: i64) -> Self {
        AttemptKey { kind: kind.into(), subject: id.to_string() }
    }

    /// The account id of an account key (`None` for IPs and unknown e-mails).
    #[must_use]
    pub fn account_id(&self) -> Option<i64> {
        if self.kind == "ip" { None } else { self.subject.parse().ok().filter(|id| *id > 0) }
    }

    /// Parses `"staff:17"`, `"contact:5"`, `"staff:?<fold>"`, `"ip:192.0.2.1"`, or — to be resolved by the store —
    /// `"staff:someone@example.com"` ([`KeyText::Email`]).
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for anything else.
    pub fn parse(text: &str) -> Result<KeyText> {
        match text.split_once(':') {
            Some(("ip", subject)) if !subject.is_empty() => Ok(KeyText::Key(AttemptKey { kind: "ip".into(), subject: subject.into() })),
            Some((kind @ ("staff" | "contact"), subject)) if !subject.is_empty() => {
                let is_id = subject.bytes().all(|b| b.is_ascii_digit()) && subject.parse::<i64>().is_ok_and(|id| id > 0);
                let is_fold = subject.len() == 65 && subject.starts_with('?') && subject[1..].bytes().all(|b| b.is_ascii_hexdigit());
                if is_id || is_fold {
                    Ok(KeyText::Key(AttemptKey { kind: kind.into(), subject: subject.into() }))
                } else if subject.contains('@') {
                    Ok(KeyText::Email { kind: kind.into(), email: subject.into() })
                } else {
                    Err(Error::invalid("key", "expected an account id or an e-mail after \"staff:\" / \"contact:\""))
                }
            }
            _ => Err(Error::invalid("key", "expected \"staff:<id or e-mail>\", \"contact:<id or e-mail>\" or \"ip:<address>\"")),
        }
    }
}

/// A key as an administrator or the CLI writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyText {
    /// A key as stored.
    Key(AttemptKey),
    /// An e-mail of a login kind: the store resolves it (its account, and its folded form).
    Email {
        /// `staff` or `contact`.
        kind: String,
        /// As typed.
        email: String,
    },
}

/// The subject of an e-mail that matches no account, from its collation weight (MariaDB's `WEIGHT_STRING` under
/// the e-mail column's collation): every spelling the database treats as equal has the same weight, except for
/// trailing spaces, which a PAD SPACE collation ignores in comparisons but weighs — trailing space weights are
/// dropped first. `space` is the weight of one space (`WEIGHT_STRING(' ')`).
#[must_use]
pub fn fold_subject(weight: &[u8], space: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    let mut w = weight;
    if !space.is_empty() {
        while w.len() >= space.len() && w.ends_with(space) && (w.len() - space.len()).is_multiple_of(space.len()) {
            w = &w[..w.len() - space.len()];
        }
    }
    let digest = Sha256::digest(w);
    let mut out = String::with_capacity(65);
    out.push('?');
    for b in digest {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// The lockout settings of a login, read from the module's options (invalid values read as defaults).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoginGuard {
    staff: bool,
    customers: bool,
    account: Policy,
    ip: Policy,
    allowlist: IpList,
}

impl LoginGuard {
    /// Builds the guard from option values (keys without the `login_security_` prefix).
    #[must_use]
    pub fn from_settings(input: &[(String, String)]) -> Self {
        let get = |k: &str| value_or_default(input, k);
        let num = |k: &str| get(k).parse::<i64>().unwrap_or(1).max(1);
        let count = |k: &str| u32::try_from(num(k)).unwrap_or(u32::MAX);
        let reset = num("lockout_reset_hours") * 3600;
        let base = num("lockout_minutes") * 60;
        LoginGuard {
            staff: get("lockout_staff_enabled") == "1",
            customers: get("lockout_customers_enabled") == "1",
            account: Policy { retries: count("lockout_retries"), lockout_secs: base, max_lockouts: Some(count("lockout_max_lockouts")), reset_window: reset },
            ip: Policy { retries: count("lockout_ip_limit"), lockout_secs: base, max_lockouts: None, reset_window: reset },
            allowlist: IpList::parse(&get("lockout_allowlist")).unwrap_or_default(),
        }
    }

    /// Whether lockouts apply to logins of `kind` ("staff" / "contact") from `ip` (on for that kind, IP not
    /// allow-listed).
    #[must_use]
    pub fn applies(&self, kind: &str, ip: &str) -> bool {
        let enabled = match kind {
            "staff" => self.staff,
            "contact" => self.customers,
            _ => false,
        };
        enabled && !self.allowlist.contains_text(ip)
    }

    /// The counters a login attempt of `kind` ("staff" / "contact") whose identifier resolved to `account` goes
    /// through from `ip`: the account's and the IP's; none when lockouts do not apply.
    #[must_use]
    pub fn keys(&self, kind: &str, account: &Resolved, ip: &str) -> Vec<(AttemptKey, Policy)> {
        if !self.applies(kind, ip) {
            return Vec::new();
        }
        let mut keys = vec![(AttemptKey::of(kind, account), self.account)];
        if !ip.is_empty() {
            keys.push((AttemptKey { kind: "ip".into(), subject: ip.into() }, self.ip));
        }
        keys
    }

    /// The account policy.
    #[must_use]
    pub fn account_policy(&self) -> Policy {
        self.account
    }

    /// The per-IP policy.
    #[must_use]
    pub fn ip_policy(&self) -> Policy {
        self.ip
    }
}

/// What the module needs to know about one login attempt, over all its keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    /// `allowed`, `locked`, `blocked` (`allowed` also when no key applies), or `busy` (not counted: try again).
    pub status: &'static str,
    /// When the lockout ends: the refusing key's (`locked`), or the lock this attempt set (`allowed`).
    pub until: Option<i64>,
    /// Attempts left before a lockout, this one included (`allowed` with an account key).
    pub remaining: Option<u32>,
    /// Which key refused, or which key this attempt locked: `account` or `ip` ("" otherwise).
    pub scope: &'static str,
    /// This attempt locked the account (the next one will be refused).
    pub locked_now: bool,
    /// This attempt locked the IP.
    pub ip_locked_now: bool,
    /// This attempt blocked the account.
    pub blocked_now: bool,
    /// The account the identifier resolved to (staff or contact id).
    pub user_id: Option<i64>,
    /// What this attempt counted, for [`Claim::decode`] when its login succeeds ("" when nothing was counted).
    pub claim: String,
}

impl Verdict {
    /// Folds the per-key outcomes (decision, state after) of [`LoginGuard::keys`] into one verdict: the first
    /// refusal wins; a block beats a lockout.
    #[must_use]
    pub fn from_outcomes(keys: &[(AttemptKey, Policy)], outcomes: &[(Decision, State)]) -> Self {
        let scope = |k: &AttemptKey| if k.kind == "ip" { "ip" } else { "account" };
        let user_id = keys.iter().find_map(|(k, _)| k.account_id());
        let mut refusals: Vec<(&AttemptKey, Decision)> =
            keys.iter().zip(outcomes).filter(|(_, (d, _))| !matches!(d, Decision::Allowed { .. })).map(|((k, _), (d, _))| (k, *d)).collect();
        refusals.sort_by_key(|(_, d)| !matches!(d, Decision::Blocked));
        if let Some((k, d)) = refusals.first() {
            let (status, until) = match d {
                Decision::Locked { until } => ("locked", Some(*until)),
                _ => ("blocked", None),
            };
            return Verdict { status, until, remaining: None, scope: scope(k), locked_now: false, ip_locked_now: false,
                blocked_now: false, user_id, claim: String::new() };
        }
        let account = keys.iter().zip(outcomes).find(|((k, _), _)| k.kind != "ip");
        let ip = keys.iter().zip(outcomes).find(|((k, _), _)| k.kind == "ip");
        let remaining = account.and_then(|(_, (d, _))| match d { Decision::Allowed { remaining } => Some(*remaining), _ => None });
        // an allowed attempt found no active lockout, so a lockout in the state after it is this attempt's
        let account_until = account.and_then(|(_, (_, s))| s.locked_until);
        let ip_until = ip.and_then(|(_, (_, s))| s.locked_until);
        let undo = Undo {
            account_locked: account_until.is_some(),
            account_blocked: account.is_some_and(|(_, (_, s))| s.blocked_at.is_some()),
            ip_counted: ip.is_some(),
            ip_locked: ip_until.is_some(),
        };
        let (until, locked_scope) = match (account_until, ip_until) {
            (Some(u), _) => (Some(u), "account"),
            (None, Some(u)) => (Some(u), "ip"),
            _ => (None, ""),
        };
        let claim = account.map(|((k, _), _)| Claim { key: k.clone(), ip: ip.map(|((k, _), _)| k.subject.clone()), undo, until }.encode());
        Verdict {
            status: "allowed",
            until,
            remaining,
            scope: if undo.account_blocked { "account" } else { locked_scope },
            locked_now: undo.account_locked,
            ip_locked_now: undo.ip_locked,
            blocked_now: undo.account_blocked,
            user_id,
            claim: claim.unwrap_or_default(),
        }
    }

    /// A login refused because its attempt could not be counted now (the store lost to concurrent attempts even
    /// after its retries): no password may be checked uncounted, so it is refused like a lockout, with no end.
    #[must_use]
    pub fn busy() -> Self {
        Verdict { status: "busy", ..Verdict::allowed(None) }
    }

    /// A login allowed (nothing to report).
    #[must_use]
    pub fn allowed(user_id: Option<i64>) -> Self {
        Verdict { status: "allowed", until: None, remaining: None, scope: "", locked_now: false, ip_locked_now: false,
            blocked_now: false, user_id, claim: String::new() }
    }

    /// The account's standing now (no attempt counted): allowed, locked until, or blocked.
    #[must_use]
    pub fn of_account(key: &AttemptKey, p: &Policy, s: State, now: i64) -> Self {
        let user_id = key.account_id();
        match decide(p, s, now) {
            Decision::Allowed { remaining } => Verdict { remaining: Some(remaining), ..Verdict::allowed(user_id) },
            Decision::Locked { until } => Verdict { status: "locked", until: Some(until), scope: "account", ..Verdict::allowed(user_id) },
            Decision::Blocked => Verdict { status: "blocked", scope: "account", ..Verdict::allowed(user_id) },
        }
    }
}

/// What one allowed attempt counted, carried (opaque to PHP) from the claim to the login it ends in — in the same
/// request, or after the 2FA step — so that a correct password takes back its own count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// The account (or unknown e-mail) counter.
    pub key: AttemptKey,
    /// The IP counter's subject, when the IP was counted.
    pub ip: Option<String>,
    /// What to take back.
    pub undo: Undo,
    /// When the lockout this attempt set ends (the account's, else the IP's).
    pub until: Option<i64>,
}

/// The lockout or block an attempt set, as the Login Log records it and the login page tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lock {
    /// The account is blocked (until an administrator re-enables it).
    pub blocked: bool,
    /// `account` or `ip`.
    pub scope: &'static str,
    /// When a lockout ends (`None` for a block).
    pub until: Option<i64>,
}

impl Lock {
    /// The `details` of its Login Log event: `account:<until>` / `ip:<until>` for a lockout, "" for a block.
    #[must_use]
    pub fn details(&self) -> String {
        match (self.blocked, self.until) {
            (false, Some(until)) => format!("{}:{until}", self.scope),
            _ => String::new(),
        }
    }

    /// The lockout a Login Log `details` text names (what [`Lock::details`] wrote), or `None`.
    #[must_use]
    pub fn from_details(details: &str) -> Option<Self> {
        let (scope, until) = details.split_once(':')?;
        let scope = match scope { "account" => "account", "ip" => "ip", _ => return None };
        Some(Lock { blocked: false, scope, until: Some(until.parse().ok()?) })
    }
}

impl Claim {
    /// `v2|kind|subject|ip|flags|until`.
    #[must_use]
    pub fn encode(&self) -> String {
        let f = |b: bool| if b { '1' } else { '0' };
        let u = self.undo;
        format!("v2|{}|{}|{}|{}{}{}{}|{}", self.key.kind, self.key.subject, self.ip.as_deref().unwrap_or(""),
            f(u.account_locked), f(u.account_blocked), f(u.ip_counted), f(u.ip_locked), self.until.map_or(String::new(), |t| t.to_string()))
    }

    /// What this attempt set when its password turns out wrong: a block of the account, a lockout of the account or
    /// of the IP, or nothing.
    #[must_use]
    pub fn lock(&self) -> Option<Lock> {
        let u = self.undo;
        if u.account_blocked {
            Some(Lock { blocked: true, scope: "account", until: None })
        } else if u.account_locked || u.ip_locked {
            Some(Lock { blocked: false, scope: if u.account_locked { "account" } else { "ip" }, until: self.until })
        } else {
            None
        }
    }

    /// The claim [`Claim::encode`] wrote, or `None` for anything else.
    #[must_use]
    pub fn decode(text: &str) -> Option<Self> {
        let mut parts = text.split('|');
        let (Some("v2"), Some(kind @ ("staff" | "contact")), Some(subject), Some(ip), Some(flags), Some(until), None) =
            (parts.next(), parts.next(), parts.next(), parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return None;
        };
        let bits: Vec<bool> = flags.chars().map(|c| c == '1').collect();
        let until = if until.is_empty() { None } else { Some(until.parse().ok()?) };
        if bits.len() != 4 || subject.is_empty() {
            return None;
        }
        Some(Claim {
            key: AttemptKey { kind: kind.into(), subject: subject.into() },
            ip: Some(ip.to_string()).filter(|s| !s.is_empty()),
            undo: Undo { account_locked: bits[0], account_blocked: bits[1], ip_counted: bits[2], ip_locked: bits[3] },
            until,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guard(pairs: &[(&str, &str)]) -> LoginGuard {
        LoginGuard::from_settings(&pairs.iter().map(|(k, v)| ((*k).to_string(), (*v).to_string())).collect::<Vec<_>>())
    }

    #[test]
    fn guard_defaults_match_the_seed() {
        let g = guard(&[]);
        let keys = g.keys("staff", &Resolved::Account(17), "192.0.2.1");
        assert_eq!(keys[0].0, AttemptKey { kind: "staff".into(), subject: "17".into() });
        assert_eq!(keys[0].1, Policy { retries: 3, lockout_secs: 180, max_lockouts: Some(3), reset_window: 86_400 });
        assert_eq!(keys[1].1, Policy { retries: 20, lockout_secs: 180, max_lockouts: None, reset_window: 86_400 });
    }

    #[test]
    fn guard_obeys_toggles_and_the_allowlist_and_reads_bad_values_as_defaults() {
        let g = guard(&[("lockout_customers_enabled", "0"), ("lockout_allowlist", "10.0.0.0/8"), ("lockout_retries", "-5")]);
        let a = Resolved::Account(1);
        assert!(g.keys("contact", &a, "192.0.2.1").is_empty());
        assert!(g.keys("staff", &a, "10.1.2.3").is_empty());
        assert_eq!(g.keys("staff", &a, "192.0.2.1")[0].1.retries, 3);
        assert!(guard(&[]).keys("admin", &a, "").is_empty());
    }

    #[test]
    fn verdict_reports_the_attempt_that_locks_and_the_one_that_blocks() {
        let g = guard(&[]);
        let keys = g.keys("staff", &Resolved::Account(9), "192.0.2.1");
        let (mut acc, mut ip) = (State::default(), State::default());
        let mut verdicts = Vec::new();
        for now in [0, 0, 0, 0] {
            let outcomes: Vec<(Decision, State)> = [(&keys[0].1, &mut acc), (&keys[1].1, &mut ip)]
                .into_iter()
                .map(|(p, s)| { let (d, n) = claim(p, *s, now); *s = n; (d, n) })
                .collect();
            verdicts.push(Verdict::from_outcomes(&keys, &outcomes));
        }
        assert_eq!((verdicts[1].locked_now, verdicts[2].locked_now), (false, true));
        assert_eq!(verdicts[2].remaining, Some(1));
        assert_eq!((verdicts[2].until, verdicts[2].scope, verdicts[2].user_id), (Some(180), "account", Some(9)), "the lock it set");
        assert_eq!((verdicts[3].status, verdicts[3].scope, verdicts[3].until), ("locked", "account", Some(180)));
        let claim = Claim::decode(&verdicts[2].claim).unwrap();
        assert_eq!(claim.key, AttemptKey::account("staff", 9));
        assert_eq!(claim.ip.as_deref(), Some("192.0.2.1"));
        assert_eq!(claim.undo, Undo { account_locked: true, account_blocked: false, ip_counted: true, ip_locked: false });
        assert_eq!(claim.lock(), Some(Lock { blocked: false, scope: "account", until: Some(180) }), "what a wrong password set");
        assert_eq!(Lock::from_details(&claim.lock().unwrap().details()), claim.lock());
        assert_eq!(Claim::decode(&verdicts[1].claim).unwrap().lock(), None);
        assert_eq!(verdicts[3].claim, "", "a refused attempt counted nothing");
        let blocked = State { blocked_at: Some(1), ..State::default() };
        let v = Verdict::from_outcomes(&keys, &[(Decision::Locked { until: 9 }, State::default()), (Decision::Blocked, blocked)]);
        assert_eq!((v.status, v.scope), ("blocked", "ip"));
    }

    #[test]
    fn a_correct_password_on_the_last_retry_takes_its_own_lock_back() {
        let p = policy();
        let mut s = State::default();
        claims(&p, &mut s, 3, 0); // the third attempt locked
        let s = succeed_after_claim(s, Undo { account_locked: true, ..Undo::default() });
        assert_eq!((s.failures, s.lockouts, s.locked_until), (0, 0, None));
        assert_eq!(decide(&p, s, 1), Decision::Allowed { remaining: 3 });
    }

    #[test]
    fn a_success_is_not_a_failure_of_its_ip() {
        let ip = Policy::new(2, 60, None, 3600).unwrap();
        let mut s = State::default();
        claims(&ip, &mut s, 1, 0);
        assert_eq!(ip_after_success(&ip, s, Undo { ip_counted: true, ..Undo::default() }).failures, 0);
        claims(&ip, &mut s, 1, 0); // the IP's second attempt locked it
        let back = ip_after_success(&ip, s, Undo { ip_counted: true, ip_locked: true, ..Undo::default() });
        assert_eq!((back.failures, back.locked_until, back.lockouts), (1, None, 0));
        assert_eq!(ip_after_success(&ip, s, Undo::default()), s, "nothing counted, nothing taken back");
    }

    #[test]
    fn attempt_keys_parse_ids_folds_ips_and_leave_e_mails_to_resolve() {
        let key = |t: &str| match AttemptKey::parse(t).unwrap() { KeyText::Key(k) => k, other => panic!("{other:?}") };
        assert_eq!(key("ip:1.2.3.4").kind, "ip");
        assert_eq!(key("staff:17").account_id(), Some(17));
        let fold = format!("?{}", "ab".repeat(32));
        assert_eq!(key(&format!("contact:{fold}")).account_id(), None);
        assert_eq!(AttemptKey::parse("contact:A@b.test").unwrap(), KeyText::Email { kind: "contact".into(), email: "A@b.test".into() });
        for bad in ["root:x", "staff:", "nothing", "staff:0", "staff:abc", "staff:?12", "ip:"] {
            assert!(AttemptKey::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn an_administrator_hears_of_blocks_at_most_every_ten_minutes_and_only_of_news() {
        assert!(notice_due(0, 1_000), "never told");
        assert!(!notice_due(1_000, 1_000 + NOTICE_INTERVAL - 1));
        assert!(notice_due(1_000, 1_000 + NOTICE_INTERVAL));
        assert_eq!(notice(true, 0, 7), None, "nothing new: not marked as told");
        assert_eq!(notice(false, 3, 7), None);
        assert_eq!(notice(true, 3, 7), Some((3, 7)));
    }

    #[test]
    fn claims_survive_their_round_trip_and_nothing_else_decodes() {
        let c = Claim { key: AttemptKey::account("contact", 5), ip: None, undo: Undo { ip_locked: true, ..Undo::default() }, until: Some(99) };
        assert_eq!(Claim::decode(&c.encode()), Some(c.clone()));
        let open = Claim { until: None, undo: Undo::default(), ..c };
        assert_eq!(Claim::decode(&open.encode()), Some(open));
        for bad in ["", "v1|staff|1||0000", "v2|staff|1|", "v2|staff|1||0000", "v2|ip|1||0000|", "v2|staff|1||000|", "v2|staff|1||0000|x",
            "v2|staff|1||0000||x"] {
            assert_eq!(Claim::decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn unknown_e_mails_fold_like_the_collation_pads_trailing_spaces() {
        let space = [0x02, 0x09];
        let w = [0x0e, 0x33, 0x02, 0xc7];
        let padded = [0x0e, 0x33, 0x02, 0xc7, 0x02, 0x09, 0x02, 0x09];
        assert_eq!(fold_subject(&w, &space), fold_subject(&padded, &space));
        assert_ne!(fold_subject(&w, &space), fold_subject(&[0x0e, 0x33], &space));
        assert_eq!(fold_subject(&w, &space).len(), 65);
    }

    const MIN: i64 = 60;
    const HOUR: i64 = 3600;

    fn policy() -> Policy {
        Policy::new(3, 3 * MIN, Some(3), 24 * HOUR).unwrap()
    }

    /// Claims `n` attempts at `now`, returning the decisions.
    fn claims(p: &Policy, s: &mut State, n: u32, now: i64) -> Vec<Decision> {
        (0..n).map(|_| { let (d, next) = claim(p, *s, now); *s = next; d }).collect()
    }

    #[test]
    fn exactly_retries_attempts_are_allowed_then_locked() {
        let p = policy();
        let mut s = State::default();
        let d = claims(&p, &mut s, 4, 1000);
        assert_eq!(d[..3], [Decision::Allowed { remaining: 3 }, Decision::Allowed { remaining: 2 }, Decision::Allowed { remaining: 1 }]);
        assert_eq!(d[3], Decision::Locked { until: 1000 + 3 * MIN });
        assert_eq!(s.lockouts, 1);
    }

    #[test]
    fn the_nth_lockout_lasts_n_times_the_base() {
        let p = policy();
        let mut s = State::default();
        let mut now = 0;
        for n in 1..=3 {
            claims(&p, &mut s, 3, now);
            assert_eq!(decide(&p, s, now), Decision::Locked { until: now + 3 * MIN * n });
            assert_eq!(decide(&p, s, now + 3 * MIN * n - 1), Decision::Locked { until: now + 3 * MIN * n });
            now += 3 * MIN * n; // the lockout ends exactly here
            assert_eq!(decide(&p, s, now), Decision::Allowed { remaining: 3 });
        }
    }

    #[test]
    fn exceeding_max_lockouts_blocks_for_good() {
        let p = policy();
        let mut s = State::default();
        let mut now = 0;
        for n in 1..=3 {
            claims(&p, &mut s, 3, now);
            now += 3 * MIN * n;
        }
        claims(&p, &mut s, 3, now);
        assert_eq!(decide(&p, s, now), Decision::Blocked);
        assert_eq!(decide(&p, s, now + 365 * 24 * HOUR), Decision::Blocked, "a block never expires");
        assert_eq!(claim(&p, s, now).0, Decision::Blocked);
        assert_eq!(decide(&p, succeed(s), now), Decision::Blocked, "a success does not lift a block");
    }

    #[test]
    fn the_window_resets_failures_and_lockouts_24h_after_the_last_failure() {
        let p = policy();
        let mut s = State::default();
        claims(&p, &mut s, 3, 0); // lockout 1
        claims(&p, &mut s, 2, 3 * MIN); // two more failures
        let last = 3 * MIN;
        assert_eq!(current(&p, s, last + 24 * HOUR - 1).failures, 2);
        let reset = current(&p, s, last + 24 * HOUR);
        assert_eq!((reset.failures, reset.lockouts), (0, 0));
        // after the reset, the next lockout is the first again (3 min)
        let mut r = s;
        claims(&p, &mut r, 3, last + 24 * HOUR);
        assert_eq!(decide(&p, r, last + 24 * HOUR), Decision::Locked { until: last + 24 * HOUR + 3 * MIN });
    }

    #[test]
    fn success_clears_failures_but_keeps_lockout_count() {
        let p = policy();
        let mut s = State::default();
        claims(&p, &mut s, 3, 0);
        claims(&p, &mut s, 2, 3 * MIN);
        let s = succeed(s);
        assert_eq!((s.failures, s.lockouts), (0, 1));
        assert_eq!(decide(&p, s, 3 * MIN), Decision::Allowed { remaining: 3 });
    }

    #[test]
    fn refused_attempts_are_not_counted() {
        let p = policy();
        let mut s = State::default();
        claims(&p, &mut s, 3, 0);
        let before = s;
        claims(&p, &mut s, 50, 10);
        assert_eq!(s, before);
    }

    #[test]
    fn keys_without_max_lockouts_are_never_blocked_and_cap_the_multiplier_at_their_count() {
        let p = Policy::new(2, MIN, None, HOUR).unwrap();
        let mut s = State::default();
        let mut now = 0;
        for n in 1..=10 {
            claims(&p, &mut s, 2, now);
            assert_eq!(decide(&p, s, now), Decision::Locked { until: now + MIN * n });
            now += MIN * n;
        }
    }

    #[test]
    fn zero_values_are_refused() {
        assert!(Policy::new(0, 60, Some(3), 60).is_err());
        assert!(Policy::new(3, 0, Some(3), 60).is_err());
        assert!(Policy::new(3, 60, Some(3), 0).is_err());
    }
}
