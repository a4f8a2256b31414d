//! Session rules (pure; `now` is a parameter): what one request's check decides, and the session token.
//!
//! Perfex's own session id changes every 5 minutes and regenerated ids stay valid, so the module mints its own
//! random token at login, keeps it in the PHP session and the store keeps only its SHA-256.

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

/// Last activity is written at most this often (seconds): most requests only read.
pub const TOUCH_EVERY: i64 = 60;

/// What the store knows about one session (and a ban on its user), read in one query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Snapshot {
    /// When it ended, if it did.
    pub ended_at: Option<i64>,
    /// Why it ended ("" while active).
    pub end_reason: String,
    /// Last activity (unix time).
    pub last_seen: i64,
    /// An active ban on the user ends then.
    pub banned_until: Option<i64>,
}

/// The decision of one request's check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum State {
    /// Go on; `touch`: write the last activity now.
    Active {
        /// Write last activity.
        touch: bool,
    },
    /// The session was ended (by an admin, a logout elsewhere, a password change …): sign the user out.
    Ended {
        /// The recorded reason.
        reason: String,
    },
    /// The user is banned until then: sign out.
    Banned {
        /// End of the ban.
        until: i64,
    },
    /// No activity for longer than the idle limit: sign out (reason "idle").
    Idle,
    /// The token is unknown to the store (a session from before the module, or its row was removed).
    Unknown,
}

/// Decides one request: `idle_limit` is the inactivity limit in seconds (None: no idle logout); `activity` says
/// whether this request is user activity (a page, or the heartbeat sent on real input — never background AJAX).
#[must_use]
pub fn check(snapshot: Option<&Snapshot>, now: i64, idle_limit: Option<i64>, activity: bool) -> State {
    let Some(s) = snapshot else { return State::Unknown };
    if s.ended_at.is_some() {
        return State::Ended { reason: s.end_reason.clone() };
    }
    if let Some(until) = s.banned_until.filter(|u| *u > now) {
        return State::Banned { until };
    }
    if idle_limit.is_some_and(|limit| now - s.last_seen > limit) {
        return State::Idle;
    }
    State::Active { touch: activity && now - s.last_seen >= TOUCH_EVERY }
}

/// Whether a session still counts for single login: not ended, and active within `idle_secs`.
#[must_use]
pub fn counts_as_live(ended_at: Option<i64>, last_seen: i64, now: i64, idle_secs: i64) -> bool {
    ended_at.is_none() && now - last_seen < idle_secs
}

/// A fresh random session token (64 hex characters, 256 bits). It goes to the PHP session only.
///
/// # Errors
/// [`Error::InvalidInput`] when the system has no randomness to give.
pub fn new_token() -> Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| Error::invalid("random", e.to_string()))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// What the store keeps of a token: its SHA-256. Refuses anything that is not a token of ours.
///
/// # Errors
/// [`Error::InvalidInput`] unless `token` is 64 hex characters.
pub fn token_hash(token: &str) -> Result<Vec<u8>> {
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(Error::invalid("token", "not a session token"));
    }
    Ok(Sha256::digest(token.as_bytes()).to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snap(last_seen: i64) -> Snapshot {
        Snapshot { last_seen, ..Snapshot::default() }
    }

    #[test]
    fn active_sessions_touch_at_most_once_a_minute_and_only_on_activity() {
        assert_eq!(check(Some(&snap(1000)), 1059, None, true), State::Active { touch: false });
        assert_eq!(check(Some(&snap(1000)), 1060, None, true), State::Active { touch: true });
        assert_eq!(check(Some(&snap(1000)), 5000, None, false), State::Active { touch: false }, "polling never touches");
    }

    #[test]
    fn ended_beats_banned_beats_idle() {
        let s = Snapshot { ended_at: Some(1), end_reason: "forced".into(), last_seen: 0, banned_until: Some(9999) };
        assert_eq!(check(Some(&s), 100, Some(10), true), State::Ended { reason: "forced".into() });
        let b = Snapshot { banned_until: Some(500), ..snap(0) };
        assert_eq!(check(Some(&b), 100, Some(10), true), State::Banned { until: 500 });
        assert_eq!(check(Some(&b), 500, None, true), State::Active { touch: true }, "a ban ends by itself");
    }

    #[test]
    fn idle_is_strictly_past_the_limit() {
        assert_eq!(check(Some(&snap(0)), 1800, Some(1800), true), State::Active { touch: true });
        assert_eq!(check(Some(&snap(0)), 1801, Some(1800), true), State::Idle);
        assert_eq!(check(None, 0, None, true), State::Unknown);
    }

    #[test]
    fn single_login_releases_a_session_idle_for_the_expiry() {
        assert!(counts_as_live(None, 0, 1799, 1800));
        assert!(!counts_as_live(None, 0, 1800, 1800));
        assert!(!counts_as_live(Some(5), 100, 101, 1800));
    }

    #[test]
    fn tokens_are_random_hex_and_only_their_hash_is_kept() {
        let (a, b) = (new_token().unwrap(), new_token().unwrap());
        assert_ne!(a, b);
        assert_eq!(a.len(), 64);
        assert_eq!(token_hash(&a).unwrap().len(), 32);
        assert_ne!(token_hash(&a).unwrap(), token_hash(&b).unwrap());
        assert!(token_hash("../../etc").is_err());
    }
}
