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

/// After a successful login: failures cleared, lockout history kept for the window.
#[must_use]
pub fn succeed(s: State) -> State {
    State { failures: 0, ..s }
}

#[cfg(test)]
mod tests {
    use super::*;

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
