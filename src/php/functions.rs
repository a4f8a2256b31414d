//! Plain functions: version, user-agent parsing, client IP, anonymisation, settings validation.

use ext_php_rs::binary::Binary;
use ext_php_rs::boxed::ZBox;
use ext_php_rs::prelude::*;
use ext_php_rs::types::ZendHashTable;
use serde_json::json;

use super::convert::{string_pairs, to_table};
use crate::{ip, settings, user_agent};

/// The extension's version.
#[php_function]
#[php(name = "LoginSecurity\\version")]
pub fn version() -> &'static str {
    crate::VERSION
}

/// The schema version this extension's `Store::migrate()` brings a database to (no database needed).
#[php_function]
#[php(name = "LoginSecurity\\schema_version")]
pub fn schema_version() -> i64 {
    i64::from(crate::store::SCHEMA_VERSION)
}

/// Parses a User-Agent (any bytes).
#[php_function]
#[php(name = "LoginSecurity\\parse_user_agent")]
pub fn parse_user_agent(user_agent: Binary<u8>) -> PhpResult<ZBox<ZendHashTable>> {
    to_table(&user_agent::summarize(&user_agent::sanitize(&user_agent)))
}

/// The client's IP behind trusted proxies.
#[php_function]
#[php(name = "LoginSecurity\\client_ip")]
pub fn client_ip(remote_addr: &str, headers: &ZendHashTable, trusted_proxies: &str) -> String {
    let pairs = string_pairs(headers);
    // A malformed list trusts nobody (the settings form refuses such a list; this is the safe reading of an old one).
    let trusted = ip::IpList::parse(trusted_proxies).unwrap_or_default();
    ip::client_ip(remote_addr, &pairs, &trusted)
}

/// IPv4 → /24, IPv6 → /48; "" for anything else.
#[php_function]
#[php(name = "LoginSecurity\\anonymize_ip")]
pub fn anonymize_ip(ip: &str) -> String {
    ip::anonymize(ip).unwrap_or_default()
}

/// Validates the module's settings.
#[php_function]
#[php(name = "LoginSecurity\\validate_settings")]
pub fn validate_settings(settings: &ZendHashTable) -> PhpResult<ZBox<ZendHashTable>> {
    let r = settings::validate(&string_pairs(settings));
    let values: serde_json::Map<String, serde_json::Value> = r.values.iter().map(|(k, v)| (k.clone(), json!(v))).collect();
    let errors: serde_json::Map<String, serde_json::Value> =
        r.errors.iter().map(|(k, e)| (k.clone(), json!({ "code": e.code, "params": e.params, "message": e.to_string() }))).collect();
    to_table(&json!({ "ok": r.ok(), "values": values, "errors": errors }))
}

/// The module's settings as the extension defines them, in the order the tabs show them: the module creates the
/// options, renders the fields and sends the posted values for validation from this alone.
#[php_function]
#[php(name = "LoginSecurity\\settings_schema")]
pub fn settings_schema() -> PhpResult<ZBox<ZendHashTable>> {
    let rows: Vec<serde_json::Value> = settings::SETTINGS
        .iter()
        .map(|s| {
            let (kind, min, max, unit, lines) = match s.kind {
                settings::Kind::Int { min, max, unit } => ("int", Some(min), Some(max), Some(unit.replace(' ', "_")), None),
                settings::Kind::Bool => ("bool", None, None, None, None),
                settings::Kind::IpList => ("ip_list", None, None, None, None),
                settings::Kind::Text { max, lines } => ("text", None, i64::try_from(max).ok(), None, Some(lines)),
            };
            json!({
                "key": s.key, "kind": kind, "default": s.default, "min": min, "max": max, "unit": unit, "lines": lines,
                "tab": s.tab.name(), "section": s.section,
            })
        })
        .collect();
    to_table(&rows)
}

/// The Login Log's vocabulary as the extension accepts it: events, user types, methods, reasons, end reasons.
#[php_function]
#[php(name = "LoginSecurity\\vocabulary")]
pub fn vocabulary() -> PhpResult<ZBox<ZendHashTable>> {
    use crate::vocabulary::{EndReason, Event, Method, Reason, Status, UserType};
    to_table(&json!({
        "events": Event::texts(), "user_types": UserType::texts(), "methods": Method::texts(),
        "reasons": Reason::texts(), "end_reasons": EndReason::texts(), "verdicts": Status::texts(),
    }))
}

pub fn register(module: ModuleBuilder) -> ModuleBuilder {
    module
        .function(wrap_function!(schema_version))
        .function(wrap_function!(vocabulary))
        .function(wrap_function!(settings_schema))
        .function(wrap_function!(version))
        .function(wrap_function!(parse_user_agent))
        .function(wrap_function!(client_ip))
        .function(wrap_function!(anonymize_ip))
        .function(wrap_function!(validate_settings))
}
