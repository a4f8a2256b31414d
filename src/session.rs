//! Session rules (pure; `now` is a parameter): what one request's check decides, and the session token.
//!
//! Perfex's own session id changes every 5 minutes and regenerated ids stay valid, so the module mints its own
//! random token at login, keeps it in the PHP session and the store keeps only its SHA-256.

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

/// Last activity is written at most this often (seconds): most requests only read.
pub const TOUCH_EVERY: i64 = 60;

/// How often last activity is written under the idle rules in force (seconds): a sixtieth of the shortest rule,
/// 1 s to [`TOUCH_EVERY`]. So a 1-minute rule is measured to the second and a 30-minute one to 30 s.
#[must_use]
pub fn touch_interval(rules: &Rules) -> i64 {
    [rules.idle_limit, rules.live_window].into_iter().flatten().filter(|s| *s > 0).min()
        .map_or(TOUCH_EVERY, |shortest| (shortest / 60).clamp(1, TOUCH_EVERY))
}

/// The idle rules in force for one session (seconds; None: no such rule).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Rules {
    /// The server-side inactivity limit (the timeout plus its grace): idle longer, the session ends.
    pub idle_limit: Option<i64>,
    /// Single login: a session idle this long no longer counts as live.
    pub live_window: Option<i64>,
}

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
    /// When the session started (unix time).
    pub created_at: i64,
    /// The user's last password change (unix time), if known.
    pub password_changed_at: Option<i64>,
    /// The password change this session made itself (unix time, 0: none): it survives that one.
    pub password_seen: i64,
    /// md5 key id of the remember-me row bound to the session ("" when none).
    pub autologin_key: String,
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
    /// The user's password changed after this session began (and not by it): sign out.
    PasswordChanged,
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

/// Decides one request under `rules`; `activity` says whether this request is user activity (a page, or the
/// heartbeat sent on real input — never background AJAX).
///
/// Last activity is written at most every [`touch_interval`] seconds, so the last real activity lies less than that
/// after `last_seen`: the idle end waits for that much more, and a session is never ended idle before the limit.
#[must_use]
pub fn check(snapshot: Option<&Snapshot>, now: i64, rules: &Rules, activity: bool) -> State {
    let Some(s) = snapshot else { return State::Unknown };
    if s.ended_at.is_some() {
        return State::Ended { reason: s.end_reason.clone() };
    }
    if password_changed_since(s) {
        return State::PasswordChanged;
    }
    if let Some(until) = s.banned_until.filter(|u| *u > now) {
        return State::Banned { until };
    }
    let interval = touch_interval(rules);
    if rules.idle_limit.is_some_and(|limit| now - s.last_seen > limit + interval - 1) {
        return State::Idle;
    }
    State::Active { touch: activity && now - s.last_seen >= interval }
}

/// Whether the user's password changed after the session began, other than by the session itself.
#[must_use]
pub fn password_changed_since(s: &Snapshot) -> bool {
    s.password_changed_at.is_some_and(|changed| changed > s.created_at.max(s.password_seen))
}

/// Whether a remember-me token may log in again, from the newest session it was bound to (None: a token the module
/// never saw, e.g. older than the module: allowed). Refused when that session was ended other than by Perfex's
/// session expiry (an admin, a ban, a sign-out elsewhere, idle), or when the password changed after it began.
#[must_use]
pub fn remember_me_revoked(bound: Option<&Snapshot>) -> bool {
    bound.is_some_and(|s| (s.ended_at.is_some() && s.end_reason != "expired") || password_changed_since(s))
}

/// Why a new session is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The user is banned until then.
    Banned {
        /// End of the ban.
        until: i64,
    },
    /// Single login: the user has a live session already.
    Rejected,
}

impl Refusal {
    /// The end reason the Login Log records for it.
    #[must_use]
    pub fn reason(self) -> &'static str {
        match self {
            Refusal::Banned { .. } => "banned",
            Refusal::Rejected => "rejected",
        }
    }
}

/// Whether a new session of a user may start (a login, a remember-me arrival, a takeover): a ban in force refuses
/// it first; then, when single login applies (`live`: how many live sessions the user has), any live session.
#[must_use]
pub fn refusal(banned_until: Option<i64>, live: Option<u64>, now: i64) -> Option<Refusal> {
    if let Some(until) = banned_until.filter(|u| *u > now) {
        return Some(Refusal::Banned { until });
    }
    live.is_some_and(|n| n > 0).then_some(Refusal::Rejected)
}

/// Why a browser that comes back with no Perfex session at all was signed out from elsewhere (ending a user's
/// sessions deletes their Perfex session rows, so the per-request check never sees the ended session): the notice
/// code for the login page and the end of a ban. `ended`: when and why its own session ended (None: no such
/// session); `banned_until`: a ban of its user. None for a session still active, one that simply expired, or ended
/// by this browser itself (a logout, idle, a password change it was told of then).
#[must_use]
pub fn signed_out_why(ended: Option<(Option<i64>, &str)>, banned_until: Option<i64>, now: i64) -> Option<(&'static str, Option<i64>)> {
    if let Some(until) = banned_until.filter(|u| *u > now) {
        return Some(("banned", Some(until)));
    }
    match ended? {
        (None, _) => None,
        (Some(_), "forced" | "banned") => Some(("forced", None)),
        (Some(_), "logout") => Some(("logout", None)), // signed out everywhere else, or the password was reset
        (Some(_), _) => None,
    }
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

    const NONE: Rules = Rules { idle_limit: None, live_window: None };

    fn idle(limit: i64) -> Rules {
        Rules { idle_limit: Some(limit), live_window: None }
    }

    #[test]
    fn active_sessions_touch_at_most_once_a_minute_and_only_on_activity() {
        assert_eq!(check(Some(&snap(1000)), 1059, &NONE, true), State::Active { touch: false });
        assert_eq!(check(Some(&snap(1000)), 1060, &NONE, true), State::Active { touch: true });
        assert_eq!(check(Some(&snap(1000)), 5000, &NONE, false), State::Active { touch: false }, "polling never touches");
    }

    #[test]
    fn ended_beats_banned_beats_idle() {
        let s = Snapshot { ended_at: Some(1), end_reason: "forced".into(), banned_until: Some(9999), ..snap(0) };
        assert_eq!(check(Some(&s), 100, &idle(10), true), State::Ended { reason: "forced".into() });
        let b = Snapshot { banned_until: Some(500), ..snap(0) };
        assert_eq!(check(Some(&b), 100, &idle(10), true), State::Banned { until: 500 });
        assert_eq!(check(Some(&b), 500, &NONE, true), State::Active { touch: true }, "a ban ends by itself");
    }

    #[test]
    fn idle_is_strictly_past_the_limit() {
        // A 1800 s limit: last activity written every 30 s, so the end waits 29 s more.
        assert_eq!(check(Some(&snap(0)), 1829, &idle(1800), true), State::Active { touch: true });
        assert_eq!(check(Some(&snap(0)), 1830, &idle(1800), true), State::Idle);
        assert_eq!(check(None, 0, &NONE, true), State::Unknown);
    }

    #[test]
    fn the_write_interval_scales_with_the_shortest_idle_rule() {
        assert_eq!(touch_interval(&NONE), 60);
        assert_eq!(touch_interval(&Rules { idle_limit: Some(15 * 60 + 60), live_window: Some(1800) }), 16);
        assert_eq!(touch_interval(&Rules { idle_limit: None, live_window: Some(60) }), 1, "1-minute single login");
        assert_eq!(touch_interval(&idle(120)), 2, "1-minute timeout + 60 s grace");
        assert_eq!(touch_interval(&idle(86_400 + 60)), 60);
    }

    #[test]
    fn at_a_one_minute_rule_every_page_a_second_apart_writes_its_activity() {
        let single = Rules { idle_limit: None, live_window: Some(60) };
        assert_eq!(check(Some(&snap(0)), 50, &single, true), State::Active { touch: true }, "issue 9: 50 s after the login");
        assert_eq!(check(Some(&snap(0)), 1, &single, true), State::Active { touch: true });
        assert_eq!(check(Some(&snap(0)), 0, &single, true), State::Active { touch: false });
    }

    #[test]
    fn the_no_js_idle_end_is_never_before_timeout_plus_grace() {
        // Timeout 1 min + 60 s grace = 120 s, written every 2 s: activity at last_seen + 1 may be unwritten.
        let rules = idle(120);
        assert_eq!(check(Some(&snap(0)), 121, &rules, false), State::Active { touch: false }, "maybe active at 1 s");
        assert_eq!(check(Some(&snap(0)), 122, &rules, false), State::Idle);
        assert_eq!(check(Some(&snap(0)), 65, &rules, false), State::Active { touch: false }, "issue 9: 65 s idle");
    }

    #[test]
    fn a_password_change_after_the_start_ends_the_session_unless_it_made_it() {
        let s = Snapshot { created_at: 100, password_changed_at: Some(150), ..snap(100) };
        assert_eq!(check(Some(&s), 200, &NONE, true), State::PasswordChanged);
        let own = Snapshot { password_seen: 150, ..s.clone() };
        assert_eq!(check(Some(&own), 200, &NONE, true), State::Active { touch: true });
        let before = Snapshot { password_changed_at: Some(100), ..s.clone() };
        assert_eq!(check(Some(&before), 200, &NONE, true), State::Active { touch: true }, "changed, then signed in");
        let later = Snapshot { password_changed_at: Some(300), ..own };
        assert_eq!(check(Some(&later), 400, &NONE, true), State::PasswordChanged, "a later change by someone else");
    }

    #[test]
    fn a_remember_me_token_is_revoked_with_its_session_but_not_by_expiry() {
        assert!(!remember_me_revoked(None), "a token the module never saw");
        let live = Snapshot { created_at: 100, ..snap(100) };
        assert!(!remember_me_revoked(Some(&live)));
        let expired = Snapshot { ended_at: Some(200), end_reason: "expired".into(), ..live.clone() };
        assert!(!remember_me_revoked(Some(&expired)), "Perfex's session ran out: that is what remember-me is for");
        for reason in ["forced", "banned", "logout", "idle", "password_changed"] {
            let ended = Snapshot { ended_at: Some(200), end_reason: reason.into(), ..live.clone() };
            assert!(remember_me_revoked(Some(&ended)), "{reason}");
        }
        let changed = Snapshot { ended_at: Some(200), end_reason: "expired".into(), password_changed_at: Some(150), ..live };
        assert!(remember_me_revoked(Some(&changed)), "the password changed after the token was made");
    }

    #[test]
    fn a_ban_refuses_a_new_session_before_single_login_does() {
        assert_eq!(refusal(Some(500), Some(1), 100), Some(Refusal::Banned { until: 500 }));
        assert_eq!(refusal(Some(100), Some(1), 100), Some(Refusal::Rejected), "the ban ended");
        assert_eq!(refusal(None, Some(0), 100), None);
        assert_eq!(refusal(None, None, 100), None, "single login off");
        assert_eq!(Refusal::Rejected.reason(), "rejected");
        assert_eq!(Refusal::Banned { until: 1 }.reason(), "banned");
    }

    #[test]
    fn a_browser_without_its_session_learns_why_from_the_row_and_a_ban() {
        assert_eq!(signed_out_why(None, Some(900), 100), Some(("banned", Some(900))), "a ban in force says so first");
        assert_eq!(signed_out_why(Some((Some(50), "forced")), Some(100), 100), Some(("forced", None)), "a ban that ended");
        assert_eq!(signed_out_why(Some((Some(50), "banned")), None, 100), Some(("forced", None)));
        assert_eq!(signed_out_why(Some((Some(50), "logout")), None, 100), Some(("logout", None)));
        assert_eq!(signed_out_why(Some((None, "")), None, 100), None, "still active");
        for reason in ["expired", "idle", "password_changed", "rejected"] {
            assert_eq!(signed_out_why(Some((Some(50), reason)), None, 100), None, "{reason}");
        }
        assert_eq!(signed_out_why(None, None, 100), None, "no such session");
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
