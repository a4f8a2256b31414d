//! The module's settings: one table of keys with their kind, default, allowed range and place on the settings tabs,
//! and one validator that the module's `before_settings_updated` filter calls. Option names are
//! `login_security_<key>`. The module has no copy: it creates the options, renders the tabs' fields and validates
//! what they post from this table (exported as `LoginSecurity\settings_schema()`), so a new setting is a row here,
//! its label in the language file and a line in the README.

use crate::ip::{IpList, IpListError};

/// What a setting holds and what it allows.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// A whole number in `min..=max` (a unit is named in the message).
    Int {
        /// Smallest allowed value.
        min: i64,
        /// Largest allowed value.
        max: i64,
        /// The unit, for messages ("days").
        unit: &'static str,
    },
    /// Yes / no, stored as "1" / "0".
    Bool,
    /// IP addresses and CIDR ranges, stored one a line.
    IpList,
    /// Free text of at most `max` characters (control characters other than new lines removed).
    Text {
        /// Longest allowed text, in characters.
        max: usize,
        /// Lines of the input on the form: 1 is a one-line input, more a text area.
        lines: u8,
    },
}

/// The settings tab a setting is edited on; the module maps each to its Perfex tab (`hooks/menu.php`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// "Login Security": the Login Log and the client IP.
    General,
    /// "Login Attempt": lockouts.
    Lockout,
    /// "Login Session": single login and session ends.
    Sessions,
    /// "Inactivity Logout".
    Inactivity,
}

impl Tab {
    /// The name the module's views ask for.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Tab::General => "general",
            Tab::Lockout => "lockout",
            Tab::Sessions => "sessions",
            Tab::Inactivity => "inactivity",
        }
    }
}

/// One setting.
#[derive(Debug, Clone, Copy)]
pub struct Setting {
    /// The key, without the `login_security_` prefix.
    pub key: &'static str,
    /// Its kind and range.
    pub kind: Kind,
    /// The default, as stored.
    pub default: &'static str,
    /// The tab it is edited on; the fields of a tab show in the order of [`SETTINGS`].
    pub tab: Tab,
    /// The group within the tab: a rule separates groups.
    pub section: u8,
}

/// Every setting of the module.
pub const SETTINGS: &[Setting] = &[
    Setting { key: "log_retention_days", kind: Kind::Int { min: 1, max: 3650, unit: "days" }, default: "90", tab: Tab::General, section: 1 },
    Setting { key: "anonymize_ip", kind: Kind::Bool, default: "0", tab: Tab::General, section: 2 },
    Setting { key: "trusted_proxies", kind: Kind::IpList, default: "", tab: Tab::General, section: 3 },
    Setting { key: "lockout_staff_enabled", kind: Kind::Bool, default: "1", tab: Tab::Lockout, section: 1 },
    Setting { key: "lockout_customers_enabled", kind: Kind::Bool, default: "1", tab: Tab::Lockout, section: 1 },
    Setting { key: "lockout_retries", kind: Kind::Int { min: 1, max: 100, unit: "attempts" }, default: "3", tab: Tab::Lockout, section: 2 },
    Setting { key: "lockout_minutes", kind: Kind::Int { min: 1, max: 1440, unit: "minutes" }, default: "3", tab: Tab::Lockout, section: 2 },
    Setting { key: "lockout_max_lockouts", kind: Kind::Int { min: 1, max: 100, unit: "lockouts" }, default: "3", tab: Tab::Lockout, section: 2 },
    Setting { key: "lockout_reset_hours", kind: Kind::Int { min: 1, max: 720, unit: "hours" }, default: "24", tab: Tab::Lockout, section: 2 },
    Setting { key: "lockout_ip_limit", kind: Kind::Int { min: 1, max: 10000, unit: "failed attempts" }, default: "20", tab: Tab::Lockout, section: 2 },
    Setting { key: "lockout_allowlist", kind: Kind::IpList, default: "", tab: Tab::Lockout, section: 3 },
    Setting { key: "session_single_staff", kind: Kind::Bool, default: "0", tab: Tab::Sessions, section: 1 },
    Setting { key: "session_single_customers", kind: Kind::Bool, default: "0", tab: Tab::Sessions, section: 1 },
    Setting { key: "session_idle_minutes", kind: Kind::Int { min: 1, max: 1440, unit: "minutes" }, default: "30", tab: Tab::Sessions, section: 1 },
    Setting { key: "session_end_on_password_change", kind: Kind::Bool, default: "1", tab: Tab::Sessions, section: 2 },
    Setting { key: "inactivity_enabled", kind: Kind::Bool, default: "0", tab: Tab::Inactivity, section: 1 },
    Setting { key: "inactivity_staff", kind: Kind::Bool, default: "1", tab: Tab::Inactivity, section: 1 },
    Setting { key: "inactivity_customers", kind: Kind::Bool, default: "1", tab: Tab::Inactivity, section: 1 },
    Setting { key: "inactivity_timeout_minutes", kind: Kind::Int { min: 1, max: 1440, unit: "minutes" }, default: "15", tab: Tab::Inactivity, section: 2 },
    Setting { key: "inactivity_warning_seconds", kind: Kind::Int { min: 5, max: 3600, unit: "seconds" }, default: "60", tab: Tab::Inactivity, section: 2 },
    Setting { key: "inactivity_message", kind: Kind::Text { max: 500, lines: 3 }, default: "", tab: Tab::Inactivity, section: 2 },
];

/// The value of `key` in `input` when it is valid, else the setting's default (settings are validated when saved;
/// this is the safe reading of anything else).
#[must_use]
pub fn value_or_default(input: &[(String, String)], key: &str) -> String {
    let Some(setting) = SETTINGS.iter().find(|s| s.key == key) else { return String::new() };
    input
        .iter()
        .find(|(k, _)| k == key)
        .and_then(|(_, raw)| check(setting.kind, raw.trim()).ok())
        .unwrap_or_else(|| setting.default.to_string())
}

/// Why a value was refused: a code the module translates with its language files, and the values to put in.
/// A parameter `unit:<name>` names a unit (translated too).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingError {
    /// `not_a_number`, `out_of_range`, `not_yes_no`, `too_long`, `not_an_ip`, `bad_prefix`, `too_many_ips` or
    /// `warning_too_long`.
    pub code: &'static str,
    /// The values the message names, in order.
    pub params: Vec<String>,
}

impl SettingError {
    fn new(code: &'static str, params: &[&dyn std::fmt::Display]) -> Self {
        SettingError { code, params: params.iter().map(ToString::to_string).collect() }
    }
}

/// The English text (the module's own language file says the same, and can say it in other languages).
impl std::fmt::Display for SettingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let p = |i: usize| self.params.get(i).map_or("", |s| s.strip_prefix("unit:").unwrap_or(s)).replace('_', " ");
        let raw = |i: usize| self.params.get(i).cloned().unwrap_or_default();
        match self.code {
            "not_a_number" => write!(f, "\"{}\" is not a number; enter a whole number of {} from {} to {}", raw(0), p(1), p(2), p(3)),
            "out_of_range" => write!(f, "{} is out of range; enter a whole number of {} from {} to {}", raw(0), p(1), p(2), p(3)),
            "not_yes_no" => write!(f, "\"{}\" is not yes or no", raw(0)),
            "too_long" => write!(f, "the text is longer than {} characters", p(0)),
            "not_an_ip" => write!(f, "\"{}\" is not an IP address or CIDR range; enter IP addresses or CIDR ranges, one a line", raw(0)),
            "bad_prefix" => write!(f, "\"{}\" has a prefix length outside 0-{}; enter IP addresses or CIDR ranges, one a line", raw(0), p(1)),
            "too_many_ips" => write!(f, "at most {} entries are allowed, {} were given", p(0), p(1)),
            "warning_too_long" => write!(f, "the warning ({} s) must be shorter than the timeout ({} min)", p(0), p(1)),
            other => write!(f, "{other}"),
        }
    }
}

/// The outcome of [`validate`]: normalised values of the known keys, and an error per bad key.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Validation {
    /// key → normalised value, for every known key that was given.
    pub values: Vec<(String, String)>,
    /// key → what is wrong and what is allowed.
    pub errors: Vec<(String, SettingError)>,
}

impl Validation {
    /// True when no key was rejected.
    #[must_use]
    pub fn ok(&self) -> bool {
        self.errors.is_empty()
    }
}

/// Validates posted settings (keys without the prefix). Unknown keys are ignored.
#[must_use]
pub fn validate(input: &[(String, String)]) -> Validation {
    let mut out = Validation::default();
    for (key, raw) in input {
        let Some(setting) = SETTINGS.iter().find(|s| s.key == key) else { continue };
        match check(setting.kind, raw.trim()) {
            Ok(v) => out.values.push((key.clone(), v)),
            Err(e) => out.errors.push((key.clone(), e)),
        }
    }
    // The warning must fit inside the timeout (when both were given and valid).
    let num = |k: &str| out.values.iter().find(|(key, _)| key == k).and_then(|(_, v)| v.parse::<i64>().ok());
    if let (Some(timeout), Some(warning)) = (num("inactivity_timeout_minutes"), num("inactivity_warning_seconds"))
        && warning >= timeout * 60
    {
        out.errors.push(("inactivity_warning_seconds".into(), SettingError::new("warning_too_long", &[&warning, &timeout])));
    }
    out
}

fn check(kind: Kind, raw: &str) -> Result<String, SettingError> {
    match kind {
        Kind::Int { min, max, unit } => {
            let unit = format!("unit:{}", unit.replace(' ', "_"));
            if raw.is_empty() || !raw.bytes().all(|b| b.is_ascii_digit() || b == b'-' || b == b'+') {
                return Err(SettingError::new("not_a_number", &[&clip(raw), &unit, &min, &max]));
            }
            match raw.parse::<i64>() {
                Ok(n) if (min..=max).contains(&n) => Ok(n.to_string()),
                _ => Err(SettingError::new("out_of_range", &[&clip(raw), &unit, &min, &max])),
            }
        }
        Kind::Bool => match raw {
            "1" | "yes" | "on" | "true" => Ok("1".into()),
            "0" | "no" | "off" | "false" | "" => Ok("0".into()),
            _ => Err(SettingError::new("not_yes_no", &[&clip(raw)])),
        },
        Kind::Text { max, .. } => {
            let text: String = raw.chars().filter(|c| *c == '\n' || !c.is_control()).collect::<String>().trim().to_string();
            if text.chars().count() > max {
                Err(SettingError::new("too_long", &[&max]))
            } else {
                Ok(text)
            }
        }
        Kind::IpList => IpList::parse(raw).map(|t| t.to_text()).map_err(|e| match e {
            IpListError::NotAnAddress(entry) => SettingError::new("not_an_ip", &[&clip(&entry)]),
            IpListError::BadPrefix(entry, max) => SettingError::new("bad_prefix", &[&clip(&entry), &max]),
            IpListError::TooMany(max, given) => SettingError::new("too_many_ips", &[&max, &given]),
        }),
    }
}

/// Keeps messages short when someone posts a huge value.
fn clip(raw: &str) -> String {
    let mut s: String = raw.chars().take(40).collect();
    if s.len() < raw.len() {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(pairs: &[(&str, &str)]) -> Validation {
        validate(&pairs.iter().map(|(k, v)| ((*k).to_string(), (*v).to_string())).collect::<Vec<_>>())
    }

    #[test]
    fn good_values_are_normalised() {
        let r = v(&[("log_retention_days", " 30 "), ("anonymize_ip", "yes"), ("trusted_proxies", "10.0.0.1, 10.0.0.0/8")]);
        assert!(r.ok());
        assert_eq!(r.values, vec![
            ("log_retention_days".into(), "30".into()),
            ("anonymize_ip".into(), "1".into()),
            ("trusted_proxies".into(), "10.0.0.1\n10.0.0.0/8".into()),
        ]);
    }

    #[test]
    fn negative_zero_non_numeric_and_huge_retention_are_refused() {
        for bad in ["-1", "0", "abc", "1e3", "99999999999999999999999", "3651", "", "12.5"] {
            let r = v(&[("log_retention_days", bad)]);
            assert!(!r.ok(), "{bad} accepted");
            assert!(r.errors[0].1.to_string().contains("from 1 to 3650"), "{}", r.errors[0].1);
            assert!(["not_a_number", "out_of_range"].contains(&r.errors[0].1.code));
            assert_eq!(r.errors[0].1.params[1..], ["unit:days", "1", "3650"], "the unit and range go to the language file");
        }
    }

    #[test]
    fn bad_proxy_entry_is_named() {
        let r = v(&[("trusted_proxies", "10.0.0.1\nproxy.local")]);
        assert_eq!((r.errors[0].1.code, r.errors[0].1.params.clone()), ("not_an_ip", vec!["proxy.local".to_string()]));
    }

    #[test]
    fn unknown_keys_are_ignored_and_huge_values_clipped_in_messages() {
        assert_eq!(v(&[("nope", "x")]), Validation::default());
        let r = v(&[("anonymize_ip", &"x".repeat(10_000))]);
        assert!(r.errors[0].1.to_string().len() < 100);
    }

    #[test]
    fn inactivity_warning_must_be_shorter_than_the_timeout() {
        let r = v(&[("inactivity_timeout_minutes", "1"), ("inactivity_warning_seconds", "60")]);
        assert_eq!((r.errors[0].1.code, r.errors[0].1.params.clone()), ("warning_too_long", vec!["60".to_string(), "1".to_string()]));
        assert!(r.errors[0].1.to_string().contains("shorter than the timeout"));
        assert!(v(&[("inactivity_timeout_minutes", "2"), ("inactivity_warning_seconds", "60")]).ok());
        let long = v(&[("inactivity_message", &"x".repeat(501))]);
        assert!(!long.ok());
        assert_eq!(v(&[("inactivity_message", "Still there?\r\n\u{0}")]).values[0].1, "Still there?");
    }

    #[test]
    fn each_tab_lists_its_fields_in_groups_that_only_move_forward() {
        for tab in [Tab::General, Tab::Lockout, Tab::Sessions, Tab::Inactivity] {
            let sections: Vec<u8> = SETTINGS.iter().filter(|s| s.tab == tab).map(|s| s.section).collect();
            assert!(!sections.is_empty(), "{}", tab.name());
            assert!(sections.windows(2).all(|w| w[0] <= w[1]), "{}: {sections:?}", tab.name());
        }
    }

    #[test]
    fn every_default_is_valid() {
        for s in SETTINGS {
            assert!(check(s.kind, s.default).is_ok(), "{}", s.key);
        }
    }
}
