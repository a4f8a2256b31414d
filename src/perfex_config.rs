//! Reads the database settings out of Perfex's `application/config/app-config.php` (for the recovery command).
//! Only `define('NAME', 'value');` lines with literal strings are understood; nothing is executed.

use crate::error::{Error, Result};
use crate::store::DbConfig;

/// The literal value of `define('name', '…')` / `define("name", "…")` in `text`.
fn defined(text: &str, name: &str) -> Option<String> {
    for line in text.lines() {
        let l = line.trim();
        if l.starts_with("//") || l.starts_with('#') || l.starts_with('*') {
            continue;
        }
        let Some(at) = l.find("define(") else { continue };
        let rest = &l[at + "define(".len()..];
        let rest = rest.trim_start();
        let quote = rest.chars().next()?;
        if quote != '\'' && quote != '"' {
            continue;
        }
        let Some(after_name) = rest[1..].strip_prefix(name).and_then(|r| r.strip_prefix(quote)) else { continue };
        let value_part = after_name.trim_start().strip_prefix(',')?.trim_start();
        let q = value_part.chars().next()?;
        if q != '\'' && q != '"' {
            return None;
        }
        let mut out = String::new();
        let mut chars = value_part[1..].chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => out.push(chars.next()?),
                c if c == q => return Some(out),
                c => out.push(c),
            }
        }
        return None;
    }
    None
}

/// The database configuration of a Perfex install from the text of its `app-config.php`. `APP_DB_HOSTNAME`
/// may carry a port (`host:3307`); the prefix is `APP_DB_PREFIX` or `tbl`; "localhost" uses `socket`.
///
/// # Errors
/// [`Error::InvalidInput`] when a required constant is missing.
pub fn parse(text: &str, default_port: u16, socket: Option<String>) -> Result<DbConfig> {
    let need = |n: &'static str| defined(text, n).ok_or_else(|| Error::invalid("app-config.php", format!("no define('{n}', '…') found")));
    let host_text = need("APP_DB_HOSTNAME")?;
    let (host, port) = match host_text.rsplit_once(':') {
        Some((h, p)) if !h.contains(':') => (h.to_string(), p.parse().map_err(|_| Error::invalid("APP_DB_HOSTNAME", "bad port"))?),
        _ => (host_text.clone(), default_port),
    };
    Ok(DbConfig {
        host,
        port,
        socket,
        user: need("APP_DB_USERNAME")?,
        password: defined(text, "APP_DB_PASSWORD").unwrap_or_default(),
        database: need("APP_DB_NAME")?,
        prefix: defined(text, "APP_DB_PREFIX").unwrap_or_else(|| "tbl".into()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<?php
defined('BASEPATH') or exit('No direct script access allowed');
// define('APP_DB_HOSTNAME', 'commented-out');
define('APP_BASE_URL', 'https://crm.example.com/');
define('APP_DB_HOSTNAME', 'db.internal:3307');
define('APP_DB_USERNAME', "perfex");
define('APP_DB_PASSWORD', 'it\'s "secret"');
define('APP_DB_NAME', 'perfex_crm');
"#;

    #[test]
    fn reads_the_constants_perfex_defines() {
        let c = parse(SAMPLE, 3306, None).unwrap();
        assert_eq!((c.host.as_str(), c.port, c.user.as_str(), c.password.as_str(), c.database.as_str(), c.prefix.as_str()),
                   ("db.internal", 3307, "perfex", "it's \"secret\"", "perfex_crm", "tbl"));
    }

    #[test]
    fn missing_constants_are_named() {
        let err = parse("<?php define('APP_DB_HOSTNAME', 'localhost');", 3306, None).unwrap_err().to_string();
        assert!(err.contains("APP_DB_USERNAME"), "{err}");
    }

    #[test]
    fn custom_prefix_and_default_port() {
        let text = format!("{SAMPLE}\ndefine('APP_DB_PREFIX', 'crm_');").replace("db.internal:3307", "localhost");
        let c = parse(&text, 3306, Some("/run/mysqld/mysqld.sock".into())).unwrap();
        assert_eq!((c.host.as_str(), c.port, c.prefix.as_str()), ("localhost", 3306, "crm_"));
    }
}
