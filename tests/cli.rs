//! The recovery command against a real MariaDB: reads a Perfex app-config.php, lists and re-enables.
#![allow(clippy::unwrap_used)]

mod common;

use std::process::Command;

use login_security::lockout::{AttemptKey, Decision, Policy};
use login_security::login_log::Filter;
use login_security::store::Store;

use common::attempts::decision;

fn app_config(cfg: &login_security::store::DbConfig) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("ls-cli-{}-{}", std::process::id(), cfg.prefix));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("app-config.php");
    let text = format!(
        "<?php\ndefined('BASEPATH') or exit('No direct script access allowed');\n\
         define('APP_DB_HOSTNAME', '{}:{}');\ndefine('APP_DB_USERNAME', '{}');\ndefine('APP_DB_PASSWORD', '{}');\n\
         define('APP_DB_NAME', '{}');\ndefine('APP_DB_PREFIX', '{}');\n",
        cfg.host, cfg.port, cfg.user, cfg.password, cfg.database, cfg.prefix
    );
    std::fs::write(&path, text).unwrap();
    path
}

fn cli(config: &std::path::Path, args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_login-security-cli")).arg("--config").arg(config).args(args).output().unwrap();
    (out.status.success(), format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
}

#[test]
fn lists_and_reenables_a_blocked_admin_and_records_it() {
    let Some(cfg) = common::fresh_config("cli") else { return };
    let store = Store::new(&cfg).unwrap();
    let config = app_config(&cfg);
    assert_eq!(cli(&config, &["list"]), (true, "nothing is locked or blocked\n".into()));

    common::perfex_people(&cfg, &[(1, "admin@example.com")], &[]);
    let key = AttemptKey::account("staff", 1);
    let strict = Policy::new(1, 60, Some(1), 3600).unwrap();
    let now = chrono::Utc::now().timestamp();
    store.claim_attempt(&[(key.clone(), strict)], "192.0.2.9", now).unwrap(); // lockout 1
    store.claim_attempt(&[(key.clone(), strict)], "192.0.2.9", now + 61).unwrap(); // lockout 2 > max: blocked
    assert_eq!(decision(&store, &key, &strict, now + 62), Decision::Blocked);

    let (ok, listing) = cli(&config, &["list"]);
    assert!(ok && listing.contains("staff:1 ") && listing.contains("admin@example.com") && listing.contains("blocked")
        && listing.contains("192.0.2.9"), "{listing}");
    // the e-mail as an administrator remembers it, in any spelling the database treats as equal: the account and
    // the e-mail's folded key (nothing counted there)
    assert_eq!(cli(&config, &["reenable", "staff:Admin@EXÄMPLE.com"]), (true, "re-enabled 1 of 2 key(s)\n".into()));
    assert!(matches!(decision(&store, &key, &strict, now + 62), Decision::Allowed { .. }));
    let (_, rows) = store.events(&Filter { event: "reenabled".into(), ..Filter::default() }.parse().unwrap(), 1, 10).unwrap();
    assert_eq!((rows.len(), rows[0].actor_name.as_str()), (1, "login-security-cli"));
}

#[test]
fn bad_arguments_and_missing_config_are_clear_errors() {
    let (ok, out) = cli(std::path::Path::new("/nonexistent/app-config.php"), &["list"]);
    assert!(!ok && out.contains("cannot read /nonexistent/app-config.php"), "{out}");
    let Some(cfg) = common::fresh_config("cliargs") else { return };
    let config = app_config(&cfg);
    let (ok, out) = cli(&config, &["reenable", "root:x"]);
    assert!(!ok && out.contains("staff:<id or e-mail>"), "{out}");
    let (ok, out) = cli(&config, &["frobnicate"]);
    assert!(!ok && out.starts_with("usage:"), "{out}");
}
