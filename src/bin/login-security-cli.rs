//! Recovery command for when the only administrator is locked out or blocked: lists and re-enables accounts and
//! IPs straight in the database, reading the connection from Perfex's `application/config/app-config.php`.
//!
//! ```text
//! login-security-cli [--config PATH] [--port N] [--socket PATH] list
//! login-security-cli [--config PATH] reenable staff:admin@example.com [ip:192.0.2.1 …]
//! login-security-cli [--config PATH] reenable --all
//! ```
#![deny(clippy::unwrap_used, clippy::expect_used)]

use std::process::ExitCode;

use chrono::DateTime;
use login_security::lockout::AttemptKey;
use login_security::login_log::NewEvent;
use login_security::perfex_config;
use login_security::store::Store;

const USAGE: &str = "usage: login-security-cli [--config PATH/application/config/app-config.php] [--port N] [--socket PATH] \
list | reenable KEY... | reenable --all\n  KEY is staff:<e-mail>, contact:<e-mail> or ip:<address>, as `list` shows it";

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
            let mut out = format!("{:<48} {:<8} {:>8} {:>8} {:<22} {}\n", "KEY", "STATE", "FAILURES", "LOCKOUTS", "LOCKED UNTIL", "LAST IP");
            for r in &locked {
                let state = if r.state.blocked_at.is_some() { "blocked" } else { "locked" };
                out += &format!("{:<48} {:<8} {:>8} {:>8} {:<22} {}\n", format!("{}:{}", r.kind, r.subject), state,
                    r.state.failures, r.state.lockouts, when(r.state.locked_until), r.last_ip);
            }
            Ok(out.trim_end().into())
        }
        Some("reenable") if rest.len() > 1 => {
            let keys: Vec<AttemptKey> = if rest[1] == "--all" {
                locked.iter().map(|r| AttemptKey { kind: r.kind.clone(), subject: r.subject.clone() }).collect()
            } else {
                rest[1..].iter().map(|k| AttemptKey::parse(k)).collect::<Result<_, _>>().map_err(|e| e.to_string())?
            };
            let n = store.reenable(&keys).map_err(|e| e.to_string())?;
            for k in &keys {
                let ev = NewEvent { event: "reenabled".into(), identifier: k.subject.clone(), actor_name: "login-security-cli".into(),
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
