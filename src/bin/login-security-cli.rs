//! Recovery command for when the only administrator is locked out or blocked: lists and re-enables accounts and
//! IPs straight in the database, reading the connection from Perfex's `application/config/app-config.php`.
//!
//! ```text
//! login-security-cli [--config PATH] [--port N] [--socket PATH] list
//! login-security-cli [--config PATH] reenable staff:admin@example.com [staff:17 contact:5 ip:192.0.2.1 …]
//! login-security-cli [--config PATH] reenable --all
//! ```
#![deny(clippy::unwrap_used, clippy::expect_used)]

use std::process::ExitCode;

use chrono::DateTime;
use login_security::lockout::{AttemptKey, KeyText};
use login_security::login_log::NewEvent;
use login_security::perfex_config;
use login_security::store::Store;

const USAGE: &str = "usage: login-security-cli [--config PATH/application/config/app-config.php] [--port N] [--socket PATH] \
list | reenable KEY... | reenable --all\n  KEY is staff:<e-mail or id>, contact:<e-mail or id> or ip:<address>, as `list` shows it; \
an e-mail stands for its account and every spelling of it";

fn when(t: Option<i64>) -> String {
    t.and_then(|t| DateTime::from_timestamp(t, 0)).map_or_else(|| "-".into(), |d| d.format("%Y-%m-%d %H:%M UTC").to_string())
}

fn run(args: &[String]) -> Result<String, String> {
    let mut config = "application/config/app-config.php".to_string();
    let mut port = 3306;
    let mut socket = Some("/run/mysqld/mysqld.sock".to_string());
    let mut rest = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--config" => config = it.next().ok_or(USAGE)?.clone(),
            "--port" => port = it.next().and_then(|p| p.parse().ok()).ok_or(USAGE)?,
            "--socket" => socket = it.next().cloned(),
            "-h" | "--help" => return Ok(USAGE.into()),
            _ => rest.push(a.clone()),
        }
    }
    let text = std::fs::read_to_string(&config).map_err(|e| format!("cannot read {config}: {e} (use --config)"))?;
    let store = Store::new(&perfex_config::parse(&text, port, socket).map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
    let now = chrono::Utc::now().timestamp();
    let locked = store.locked_keys(now, 10_000).map_err(|e| e.to_string())?;
    match rest.first().map(String::as_str) {
        Some("list") => {
            if locked.is_empty() {
                return Ok("nothing is locked or blocked".into());
            }
            let mut out = format!("{:<16} {:<40} {:<8} {:>8} {:>8} {:<22} {}\n", "KEY", "E-MAIL", "STATE", "FAILURES", "LOCKOUTS", "LOCKED UNTIL", "LAST IP");
            for r in &locked {
                let state = if r.state.blocked_at.is_some() { "blocked" } else { "locked" };
                // an unknown e-mail's key is long: name it by the e-mail (which `reenable` accepts)
                let key = if r.user_id.is_none() && r.kind != "ip" { format!("{}:{}", r.kind, r.email) } else { format!("{}:{}", r.kind, r.subject) };
                let email = if r.user_id.is_some() { r.email.as_str() } else { "" };
                out += &format!("{key:<16} {email:<40} {state:<8} {:>8} {:>8} {:<22} {}\n",
                    r.state.failures, r.state.lockouts, when(r.state.locked_until), r.last_ip);
            }
            Ok(out.trim_end().into())
        }
        Some("reenable") if rest.len() > 1 => {
            let keys: Vec<AttemptKey> = if rest[1] == "--all" {
                locked.iter().map(|r| AttemptKey { kind: r.kind.clone(), subject: r.subject.clone() }).collect()
            } else {
                let texts: Vec<KeyText> = rest[1..].iter().map(|k| AttemptKey::parse(k)).collect::<Result<_, _>>().map_err(|e| e.to_string())?;
                store.resolve_keys(&texts).map_err(|e| e.to_string())?
            };
            let n = store.reenable(&keys).map_err(|e| e.to_string())?;
            // recorded: what was locked or blocked, and any account named (not the spellings it was counted under)
            for k in keys.iter().filter(|k| k.account_id().is_some() || locked.iter().any(|r| r.kind == k.kind && r.subject == k.subject)) {
                let named = locked.iter().find(|r| r.kind == k.kind && r.subject == k.subject).map(|r| r.email.clone()).filter(|e| !e.is_empty());
                let ev = NewEvent { event: "reenabled".into(), identifier: named.unwrap_or_else(|| k.subject.clone()), actor_name: "login-security-cli".into(),
                    user_id: k.account_id(),
                    user_type: if k.kind == "ip" { String::new() } else { k.kind.clone() }, details: format!("{}:{}", k.kind, k.subject), ..NewEvent::default() };
                if let Ok(rec) = ev.prepare(now) {
                    let _ = store.record_event(&rec);
                }
            }
            Ok(format!("re-enabled {n} of {} key(s)", keys.len()))
        }
        _ => Err(USAGE.into()),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            println!("{out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}
