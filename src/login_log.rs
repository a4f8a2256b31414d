//! The Login Log's vocabulary: events, their validation, and the admin filter.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::vocabulary::{EndReason, Event, Method, Reason, UserType};
use crate::{ip, user_agent};

/// Longest identifier (e-mail as typed) kept; longer ones are cut.
pub const MAX_IDENTIFIER: usize = 191;
/// Longest free text (actor name, details) kept.
pub const MAX_TEXT: usize = 255;

/// An event as the module hands it over (unknown keys are refused so typos surface).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NewEvent {
    /// An [`Event`].
    pub event: String,
    /// A [`UserType`], or "" for an unknown account or a system event.
    pub user_type: String,
    /// The staff or contact id.
    pub user_id: Option<i64>,
    /// The e-mail as typed.
    pub identifier: String,
    /// A [`Method`], or "".
    pub method: String,
    /// A [`Reason`], or "".
    pub reason: String,
    /// The client IP (text).
    pub ip: String,
    /// The raw User-Agent.
    pub user_agent: String,
    /// Store the /24 or /48 network instead of the address.
    pub anonymize_ip: bool,
    /// Seconds the session lasted (logout).
    pub duration: Option<i64>,
    /// An [`EndReason`], or "".
    pub end_reason: String,
    /// The staff member who did an admin action.
    pub actor_id: Option<i64>,
    /// Their name.
    pub actor_name: String,
    /// Free text.
    pub details: String,
    /// Unix time; `None` = now.
    pub at: Option<i64>,
}

/// An event ready to be written: validated, cut to size, user agent parsed, IP in binary form.
#[derive(Debug, Clone, PartialEq)]
pub struct EventRecord {
    /// Unix time.
    pub at: i64,
    /// See [`NewEvent`].
    pub event: String,
    /// See [`NewEvent`].
    pub user_type: String,
    /// See [`NewEvent`].
    pub user_id: Option<i64>,
    /// Cut to [`MAX_IDENTIFIER`] characters.
    pub identifier: String,
    /// Trimmed and lower-cased identifier.
    pub identifier_norm: String,
    /// See [`NewEvent`].
    pub method: String,
    /// See [`NewEvent`].
    pub reason: String,
    /// 4 or 16 bytes, or `None` when the IP was not an address.
    pub ip: Option<Vec<u8>>,
    /// Sanitised user agent.
    pub user_agent: String,
    /// Parsed user agent.
    pub ua: user_agent::Summary,
    /// See [`NewEvent`].
    pub duration: Option<i64>,
    /// See [`NewEvent`].
    pub end_reason: String,
    /// See [`NewEvent`].
    pub actor_id: Option<i64>,
    /// Cut to [`MAX_TEXT`].
    pub actor_name: String,
    /// Cut to [`MAX_TEXT`].
    pub details: String,
}

/// `value` when it is one of `allowed` (or empty, when `empty` may be).
fn one_of(field: &'static str, value: &str, allowed: &[&str], empty: bool) -> Result<String> {
    if allowed.contains(&value) || (empty && value.is_empty()) {
        Ok(value.to_string())
    } else {
        Err(Error::invalid(field, format!("\"{}\" is not one of {allowed:?}", cut(value, 40))))
    }
}

/// Cuts to at most `max` characters, removing control characters.
#[must_use]
pub fn cut(s: &str, max: usize) -> String {
    s.chars().filter(|c| !c.is_control()).take(max).collect()
}

/// The identifier as counted and searched: trimmed and lower-cased.
#[must_use]
pub fn normalize_identifier(s: &str) -> String {
    cut(s.trim(), MAX_IDENTIFIER).to_lowercase()
}

impl NewEvent {
    /// Validates and prepares the event; `now` is used when `at` is absent.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an unknown event, user type, method, reason or end reason.
    pub fn prepare(self, now: i64) -> Result<EventRecord> {
        let ua_text = user_agent::sanitize(self.user_agent.as_bytes());
        let ip_text = if self.anonymize_ip { ip::anonymize(&self.ip).unwrap_or_default() } else { self.ip.clone() };
        Ok(EventRecord {
            at: self.at.unwrap_or(now),
            event: one_of("event", &self.event, &Event::texts(), false)?,
            user_type: one_of("user_type", &self.user_type, &UserType::texts(), true)?,
            user_id: self.user_id,
            identifier: cut(&self.identifier, MAX_IDENTIFIER),
            identifier_norm: normalize_identifier(&self.identifier),
            method: one_of("method", &self.method, &Method::texts(), true)?,
            reason: one_of("reason", &self.reason, &Reason::texts(), true)?,
            ip: ip::to_bytes(&ip_text),
            ua: user_agent::summarize(&ua_text),
            user_agent: ua_text,
            duration: self.duration.map(|d| d.max(0)),
            end_reason: one_of("end_reason", &self.end_reason, &EndReason::texts(), true)?,
            actor_id: self.actor_id,
            actor_name: cut(&self.actor_name, MAX_TEXT),
            details: cut(&self.details, MAX_TEXT),
        })
    }
}

/// The admin page's filter.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
pub struct Filter {
    /// `staff:ID` or `contact:ID`.
    pub user: String,
    /// Exact normalised identifier.
    pub identifier: String,
    /// Unix time, inclusive.
    pub from: Option<i64>,
    /// Unix time, inclusive.
    pub to: Option<i64>,
    /// An event name, or "" for all.
    pub event: String,
    /// An exact address.
    pub ip: String,
}

/// A filter checked and split into what the store binds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedFilter {
    /// (user type, id).
    pub user: Option<(String, i64)>,
    /// Normalised identifier.
    pub identifier: Option<String>,
    /// Unix time, inclusive.
    pub from: Option<i64>,
    /// Unix time, inclusive.
    pub to: Option<i64>,
    /// Event name.
    pub event: Option<String>,
    /// Binary address.
    pub ip: Option<Vec<u8>>,
}

impl Filter {
    /// Checks the filter.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for a malformed user, an unknown event, an IP that is not an address, or
    /// `from` after `to`.
    pub fn parse(&self) -> Result<ParsedFilter> {
        let user = if self.user.is_empty() {
            None
        } else {
            let bad = || Error::invalid("user", "expected \"staff:ID\" or \"contact:ID\"");
            let (kind, id) = self.user.split_once(':').ok_or_else(bad)?;
            if kind != "staff" && kind != "contact" {
                return Err(bad());
            }
            Some((kind.to_string(), id.parse::<i64>().map_err(|_| bad())?))
        };
        let event = if self.event.is_empty() { None } else { Some(one_of("event", &self.event, &Event::texts(), false)?) };
        let ip = if self.ip.trim().is_empty() {
            None
        } else {
            Some(ip::to_bytes(&self.ip).ok_or_else(|| Error::invalid("ip", "not an IP address"))?)
        };
        if let (Some(f), Some(t)) = (self.from, self.to)
            && f > t
        {
            return Err(Error::invalid("from", "the start of the range is after its end"));
        }
        let identifier = Some(normalize_identifier(&self.identifier)).filter(|s| !s.is_empty());
        Ok(ParsedFilter { user, identifier, from: self.from, to: self.to, event, ip })
    }
}

/// One row of the log as the admin page shows it.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct EventRow {
    /// Row id.
    pub id: u64,
    /// Unix time.
    pub at: i64,
    /// "staff", "contact" or "".
    pub user_type: String,
    /// Staff or contact id.
    pub user_id: Option<i64>,
    /// The user's current full name ("" when unknown).
    pub user_name: String,
    /// As typed.
    pub identifier: String,
    /// Event name.
    pub event: String,
    /// Login method.
    pub method: String,
    /// Failure reason.
    pub reason: String,
    /// Text address.
    pub ip: String,
    /// Sanitised user agent.
    pub user_agent: String,
    /// Device type.
    pub device: String,
    /// Browser family.
    pub browser: String,
    /// Browser version.
    pub browser_version: String,
    /// OS family.
    pub os: String,
    /// OS version.
    pub os_version: String,
    /// Seconds.
    pub duration: Option<i64>,
    /// Why the session ended.
    pub end_reason: String,
    /// Who did an admin action.
    pub actor_name: String,
    /// Free text.
    pub details: String,
    /// A `lockout` event's scope (`account` or `ip`, read from its details; "" otherwise).
    pub lock_scope: &'static str,
    /// When that lockout ends.
    pub lock_until: Option<i64>,
}

/// Logins per day, for the chart.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct DayCount {
    /// `YYYY-MM-DD`.
    pub day: String,
    /// Successful logins.
    pub success: i64,
    /// Failed attempts.
    pub failed: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(event: &str) -> NewEvent {
        NewEvent { event: event.into(), ..NewEvent::default() }
    }

    #[test]
    fn unknown_vocabulary_is_refused() {
        assert!(ev("hack").prepare(0).is_err());
        assert!(NewEvent { user_type: "admin".into(), ..ev("login") }.prepare(0).is_err());
        assert!(NewEvent { reason: "bad".into(), ..ev("failed") }.prepare(0).is_err());
    }

    #[test]
    fn identifiers_are_cut_and_normalised() {
        let long = format!("  User@Example.COM{}", "x".repeat(500));
        let r = NewEvent { identifier: long, ..ev("failed") }.prepare(7).unwrap();
        assert_eq!(r.identifier.chars().count(), MAX_IDENTIFIER);
        assert!(r.identifier_norm.starts_with("user@example.com"));
        assert_eq!(r.at, 7);
    }

    #[test]
    fn ip_is_anonymised_before_it_is_stored() {
        let r = NewEvent { ip: "203.0.113.9".into(), anonymize_ip: true, ..ev("login") }.prepare(0).unwrap();
        assert_eq!(r.ip, Some(vec![203, 0, 113, 0]));
        let r = NewEvent { ip: "junk".into(), ..ev("login") }.prepare(0).unwrap();
        assert_eq!(r.ip, None);
    }

    #[test]
    fn filter_parsing() {
        let f = Filter { user: "staff:12".into(), event: "failed".into(), ip: "::1".into(), ..Filter::default() };
        let p = f.parse().unwrap();
        assert_eq!(p.user, Some(("staff".into(), 12)));
        assert_eq!(p.ip.map(|b| b.len()), Some(16));
        for bad in ["staff", "admin:1", "staff:x"] {
            assert!(Filter { user: bad.into(), ..Filter::default() }.parse().is_err());
        }
        assert!(Filter { from: Some(10), to: Some(5), ..Filter::default() }.parse().is_err());
        assert!(Filter { ip: "nope".into(), ..Filter::default() }.parse().is_err());
    }
}
