//! Login attempt counters against a real MariaDB, including parallel bursts.
#![allow(clippy::unwrap_used)]

mod common;

use std::sync::{Arc, Barrier};

use mysql::prelude::Queryable;

use login_security::lockout::{Decision, Lock, LoginGuard, Policy, Resolved, Undo};
use login_security::login_log::NewEvent;
use login_security::store::{AttemptKey, DbConfig, Store};

use common::attempts::{T0, account_policy, decision, ip_policy, key};

#[test]
fn three_attempts_then_locked_then_reenabled() {
    let Some(s) = common::fresh_store("att") else { return };
    let k = key("staff", "admin@example.com");
    let claim = |now| s.claim_attempt(&[(k.clone(), account_policy())], "192.0.2.1", now).unwrap()[0].0;
    assert_eq!(claim(T0), Decision::Allowed { remaining: 3 });
    assert_eq!(claim(T0), Decision::Allowed { remaining: 2 });
    assert_eq!(claim(T0), Decision::Allowed { remaining: 1 });
    assert_eq!(claim(T0), Decision::Locked { until: T0 + 180 });
    assert_eq!(decision(&s, &k, &account_policy(), T0 + 179), Decision::Locked { until: T0 + 180 });
    let rows = s.locked_keys(T0, 100).unwrap();
    assert_eq!((rows.len(), rows[0].user_id, rows[0].last_ip.as_str()), (1, None, "192.0.2.1"));
    assert_eq!(s.reenable(std::slice::from_ref(&k)).unwrap(), 1);
    assert_eq!(decision(&s, &k, &account_policy(), T0), Decision::Allowed { remaining: 3 });
}

#[test]
fn success_clears_failures() {
    let Some(s) = common::fresh_store("succ") else { return };
    let k = key("contact", "c@example.com");
    for _ in 0..2 {
        s.claim_attempt(&[(k.clone(), account_policy())], "", T0).unwrap();
    }
    let after = s.attempt_succeeded_after_claim(&k, None, Undo::default()).unwrap().unwrap();
    assert_eq!((after.failures, after.lockouts), (0, 0));
    assert_eq!(decision(&s, &k, &account_policy(), T0), Decision::Allowed { remaining: 3 });
}

#[test]
fn a_locked_ip_refuses_without_counting_the_account() {
    let Some(s) = common::fresh_store("ipref") else { return };
    let ip = key("ip", "198.51.100.7");
    let tight_ip = Policy::new(2, 60, None, 3600).unwrap();
    for n in 0..2 {
        s.claim_attempt(&[(key("staff", &format!("u{n}@x")), account_policy()), (ip.clone(), tight_ip)], "198.51.100.7", T0).unwrap();
    }
    let d = s.claim_attempt(&[(key("staff", "victim@x"), account_policy()), (ip.clone(), tight_ip)], "198.51.100.7", T0).unwrap();
    assert_eq!(d.iter().map(|x| x.0).collect::<Vec<_>>(), vec![Decision::Allowed { remaining: 3 }, Decision::Locked { until: T0 + 60 }]);
    assert_eq!(decision(&s, &key("staff", "victim@x"), &account_policy(), T0), Decision::Allowed { remaining: 3 });
}

/// django-axes #592: a burst of 100 requests let 15–20 attempts through. Here: 200 parallel claims on one
/// account let exactly `retries` through and count each once.
#[test]
fn parallel_burst_on_one_account_lets_exactly_retries_through() {
    let Some(cfg) = common::fresh_config("burst") else { return };
    let allowed = burst(&cfg, 200, |_| vec![(key("staff", "target@example.com"), account_policy())]);
    assert_eq!(allowed, 3);
    let s = Store::new(&cfg).unwrap();
    let d = decision(&s, &key("staff", "target@example.com"), &account_policy(), T0);
    assert_eq!(d, Decision::Locked { until: T0 + 180 });
}

#[test]
fn parallel_burst_on_many_accounts_from_one_ip_is_cut_at_the_ip_limit() {
    let Some(cfg) = common::fresh_config("stuff") else { return };
    let allowed = burst(&cfg, 200, |i| vec![(key("staff", &format!("user{i}@example.com")), account_policy()), (key("ip", "203.0.113.50"), ip_policy())]);
    assert_eq!(allowed, 20);
}

/// Fires `n` claims from 16 threads (each its own pool, like PHP workers) released together; returns how many
/// were allowed.
fn burst(cfg: &DbConfig, n: usize, keys: impl Fn(usize) -> Vec<(AttemptKey, Policy)> + Sync) -> usize {
    let threads = 16;
    let barrier = Arc::new(Barrier::new(threads));
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let barrier = Arc::clone(&barrier);
                let keys = &keys;
                let store = Store::new(cfg).unwrap();
                scope.spawn(move || {
                    barrier.wait();
                    (t..n).step_by(threads)
                        .filter(|i| {
                            let d = store.claim_attempt(&keys(*i), "203.0.113.50", T0).unwrap();
                            d.iter().all(|d| matches!(d.0, Decision::Allowed { .. }))
                        })
                        .count()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    })
}

fn guard(pairs: &[(&str, &str)]) -> LoginGuard {
    LoginGuard::from_settings(&pairs.iter().map(|(k, v)| ((*k).to_string(), (*v).to_string())).collect::<Vec<_>>())
}

/// Spellings of admin3@lab.test that utf8mb4_unicode_ci treats as equal (and Perfex's lookup finds).
const SPELLINGS: [&str; 10] = [
    "admin3@lab.test", "ADMIN3@LAB.TEST", " admin3@lab.test\t", "admin3@lâb.test", "admin3@ｌａｂ.test", "admin3@lab.tęst",
    "admin3@la\u{200B}b.test", "admin3@lab.test\u{3000}", "Ａdmin3@lăb.test", "admin3@lab\u{0301}.test",
];

#[test]
fn every_spelling_the_collation_folds_resolves_to_the_one_account() {
    let Some(cfg) = common::fresh_config("resolve") else { return };
    common::perfex_people(&cfg, &[(3, "admin3@lab.test"), (4, "other@lab.test")], &[(7, "c2@lab.test")]);
    let s = Store::new(&cfg).unwrap();
    for typed in SPELLINGS {
        assert_eq!(s.resolve_login("staff", typed.as_bytes()).unwrap(), Resolved::Account(3), "{typed:?}");
    }
    assert_eq!(s.resolve_login("contact", "C2@LÂB.TEST".as_bytes()).unwrap(), Resolved::Account(7));
    assert!(matches!(s.resolve_login("contact", b"admin3@lab.test").unwrap(), Resolved::Unknown(_)), "staff are not contacts");
    assert!(matches!(s.resolve_login("staff", b"admin3@lab.test\xff").unwrap(), Resolved::Unknown(_)), "invalid UTF-8 matches nothing");
}

#[test]
fn two_spellings_of_one_account_share_one_counter() {
    let Some(cfg) = common::fresh_config("spell") else { return };
    common::perfex_people(&cfg, &[(3, "admin3@lab.test")], &[]);
    let s = Store::new(&cfg).unwrap();
    let g = guard(&[]);
    let verdicts: Vec<_> = SPELLINGS.iter().enumerate()
        .map(|(i, typed)| s.claim_login(&g, "staff", typed.as_bytes(), &format!("198.51.100.{i}"), None, T0).unwrap())
        .collect();
    let allowed = verdicts.iter().filter(|v| v.status == "allowed").count();
    assert_eq!(allowed, 3, "{verdicts:?}");
    assert!(verdicts.iter().all(|v| v.user_id == Some(3)));
    assert_eq!(decision(&s, &AttemptKey::account("staff", 3), &account_policy(), T0), Decision::Locked { until: T0 + 180 });
}

#[test]
fn unknown_e_mails_fold_to_one_counter_per_address_the_database_treats_as_equal() {
    let Some(cfg) = common::fresh_config("unknown") else { return };
    common::perfex_people(&cfg, &[], &[]);
    let s = Store::new(&cfg).unwrap();
    let fold = |t: &str| match s.resolve_login("contact", t.as_bytes()).unwrap() { Resolved::Unknown(f) => f, other => panic!("{other:?}") };
    let ghost = fold("ghost@lab.test");
    for typed in ["GHOST@LÄB.TEST", "ghost@ｌａｂ.test ", "ghost@lab.test\u{a0}", "gh\u{200B}ost@lab.test"] {
        assert_eq!(fold(typed), ghost, "{typed:?}");
    }
    assert_ne!(fold("ghost2@lab.test"), ghost);
    let g = guard(&[]);
    let allowed = ["ghost@lab.test", "GHOST@lab.test", "ghost@LÄB.test", "ghost@lab.tést"].iter()
        .filter(|t| s.claim_login(&g, "contact", t.as_bytes(), "", None, T0).unwrap().status == "allowed").count();
    assert_eq!(allowed, 3, "unknown e-mails are limited exactly like accounts");
}

#[test]
fn blocking_an_account_deletes_its_remember_me_rows_only() {
    let Some(cfg) = common::fresh_config("blockrm") else { return };
    common::perfex_people(&cfg, &[(3, "admin3@lab.test")], &[(3, "c3@lab.test")]);
    let s = Store::new(&cfg).unwrap();
    let mut c = common::sql();
    let t = format!("{}user_auto_login", cfg.prefix);
    for (key, staff) in [("a", 1), ("b", 1), ("c", 0)] {
        c.exec_drop(format!("INSERT INTO `{t}` (key_id, user_id, staff) VALUES (?, 3, ?)"), (key, staff)).unwrap();
    }
    let g = guard(&[("lockout_retries", "1"), ("lockout_max_lockouts", "1")]);
    assert!(!s.claim_login(&g, "staff", b"admin3@lab.test", "", None, T0).unwrap().blocked_now, "first lockout");
    let v = s.claim_login(&g, "staff", b"ADMIN3@lab.test", "", None, T0 + 181).unwrap();
    assert!(v.blocked_now, "{v:?}");
    let left: Vec<(String, i32)> = c.query(format!("SELECT key_id, staff FROM `{t}` ORDER BY key_id")).unwrap();
    assert_eq!(left, vec![("c".to_string(), 0)], "the staff member's cookies are gone, the contact 3's stay");
}

#[test]
fn at_login_a_locked_or_blocked_account_is_refused_unless_its_own_claim_let_the_password_be_checked() {
    let Some(cfg) = common::fresh_config("atlogin") else { return };
    common::perfex_people(&cfg, &[(3, "admin3@lab.test")], &[]);
    let s = Store::new(&cfg).unwrap();
    let g = guard(&[]);
    let now = chrono::Utc::now().timestamp();
    let claims: Vec<_> = (0..3).map(|_| s.claim_login(&g, "staff", b"admin3@lab.test", "192.0.2.7", None, now).unwrap()).collect();
    assert!(claims[2].locked_now);
    // the third (locking) attempt had the right password: its own lock is taken back
    assert_eq!(s.login_succeeded(&g, "staff", 3, Some(&claims[2].claim), true, None, now).unwrap().status, "allowed");
    assert_eq!(s.account_status(&g, "staff", 3, None, now).unwrap().status, "allowed");
    // locked by other attempts: refused at the moment of login without a claim of this request (e.g. the 2FA step)
    let more: Vec<_> = (0..3).map(|_| s.claim_login(&g, "staff", b"ADMIN3@lab.test", "192.0.2.7", None, now).unwrap()).collect();
    assert!(more[2].locked_now);
    let v = s.login_succeeded(&g, "staff", 3, Some(&more[0].claim), false, None, now).unwrap();
    assert_eq!((v.status, v.scope), ("locked", "account"));
    assert_eq!(s.login_succeeded(&g, "staff", 3, None, true, None, now).unwrap().status, "locked", "no claim: another path");
    // ... but allowed when this very request's claim let its password be checked (the lock came from a parallel one)
    assert_eq!(s.login_succeeded(&g, "staff", 3, Some(&more[0].claim), true, None, now).unwrap().status, "allowed");
    // a claim of another account does not count as this one's
    assert_eq!(s.login_succeeded(&g, "staff", 4, Some(&more[0].claim), true, None, now).unwrap().status, "allowed");
    s.reenable(&[AttemptKey::account("staff", 3)]).unwrap();
    common::sql().exec_drop(format!("INSERT INTO `{}login_security_attempts` (kind, subject, blocked_at) VALUES ('staff', '3', ?)", cfg.prefix), (now,)).unwrap();
    assert_eq!(s.login_succeeded(&g, "staff", 3, None, true, None, now).unwrap().status, "blocked");
}

#[test]
fn migration_re_keys_counters_kept_by_the_e_mail_as_typed() {
    let Some(cfg) = common::fresh_config("rekey") else { return };
    common::perfex_people(&cfg, &[(3, "admin3@lab.test")], &[(8, "c8@lab.test")]);
    let s = Store::new(&cfg).unwrap();
    let mut c = common::sql();
    let p = &cfg.prefix;
    c.query_drop(format!("UPDATE `{p}login_security_schema` SET version = 3")).unwrap();
    for (kind, subject, failures, lockouts, blocked) in [
        ("staff", "admin3@lab.test", 2, 1, None), ("staff", "admin3@lâb.test", 1, 3, Some(T0)), ("contact", "c8@lab.test", 1, 0, None),
        ("contact", "nobody@lab.test", 2, 0, None), ("ip", "192.0.2.1", 5, 0, None),
    ] {
        c.exec_drop(format!("INSERT INTO `{p}login_security_attempts` (kind, subject, failures, lockouts, blocked_at, last_failure) VALUES (?, ?, ?, ?, ?, ?)"),
            (kind, subject, failures, lockouts, blocked, T0)).unwrap();
    }
    assert_eq!(s.migrate().unwrap(), login_security::store::SCHEMA_VERSION);
    let rows: Vec<(String, String, u32, u32, Option<i64>)> = c.query(format!(
        "SELECT kind, subject, failures, lockouts, blocked_at FROM `{p}login_security_attempts` ORDER BY kind, subject")).unwrap();
    let nobody = match s.resolve_login("contact", b"nobody@lab.test").unwrap() { Resolved::Unknown(f) => f, other => panic!("{other:?}") };
    assert_eq!(rows, vec![
        ("contact".into(), "8".into(), 1, 0, None),
        ("contact".into(), nobody, 2, 0, None),
        ("ip".into(), "192.0.2.1".into(), 5, 0, None),
        ("staff".into(), "3".into(), 2, 3, Some(T0)),
    ], "two spellings of one account merged, the stricter state kept");
    assert_eq!(s.migrate().unwrap(), login_security::store::SCHEMA_VERSION, "again: nothing to do");
}

#[test]
fn parallel_blocks_are_each_announced_exactly_once_and_at_most_every_ten_minutes() {
    let Some(cfg) = common::fresh_config("notices") else { return };
    let ids: Vec<(i64, String)> = (1..=40).map(|i| (i, format!("u{i}@x.test"))).collect();
    let staff: Vec<(i64, &str)> = ids.iter().map(|(i, e)| (*i, e.as_str())).collect();
    common::perfex_people(&cfg, &staff, &[]);
    let g = guard(&[("lockout_retries", "1"), ("lockout_max_lockouts", "1"), ("lockout_minutes", "1")]);
    let told = std::sync::atomic::AtomicU32::new(0);
    let now = chrono::Utc::now().timestamp();
    std::thread::scope(|scope| {
        for t in 0..8 {
            let (cfg, g, told, ids) = (&cfg, &g, &told, &ids);
            scope.spawn(move || {
                let s = Store::new(cfg).unwrap();
                for (i, email) in ids.iter().skip(t).step_by(8) {
                    assert!(s.claim_login(g, "staff", email.as_bytes(), "", None, now).unwrap().locked_now);
                    let v = s.claim_login(g, "staff", email.as_bytes(), "", None, now + 60).unwrap(); // the second lockout blocks
                    assert!(v.blocked_now, "{i}: {v:?}");
                    // administrator 1 asks after every block, ten minutes apart (the interval): nothing twice, nothing lost
                    let (n, _) = s.announce_blocks(1, now + 600 * i64::from(u32::try_from(*i).unwrap())).unwrap();
                    told.fetch_add(n, std::sync::atomic::Ordering::SeqCst);
                }
            });
        }
    });
    let s = Store::new(&cfg).unwrap();
    let (rest, pending) = s.announce_blocks(1, now + 600 * 1000).unwrap();
    assert!(!pending);
    assert_eq!(told.into_inner() + rest, 39, "40 blocks, administrator 1's own is not news to them");
    let (first, pending) = s.announce_blocks(2, now + 60).unwrap();
    assert_eq!((first, pending), (39, false), "another administrator hears of all of them at once");
    assert_eq!(s.announce_blocks(2, now + 61).unwrap(), (0, false), "nothing new");
}

/// The Login Log rows of a store: (event, user id, reason, details), oldest first.
fn logged(cfg: &DbConfig) -> Vec<(String, Option<i64>, String, String)> {
    common::sql().query(format!("SELECT event, user_id, reason, details FROM `{}login_security_events` ORDER BY id", cfg.prefix)).unwrap()
}

#[test]
fn refusals_and_failures_are_recorded_with_the_state_change_that_decided_them() {
    let Some(cfg) = common::fresh_config("decided") else { return };
    common::perfex_people(&cfg, &[(1, "admin1@lab.test"), (3, "admin3@lab.test")], &[]);
    let s = Store::new(&cfg).unwrap();
    let g = guard(&[("lockout_retries", "2"), ("lockout_max_lockouts", "1")]);
    let failed = |reason: &str, user_id: Option<i64>| NewEvent {
        event: "failed".into(), user_type: "staff".into(), user_id, identifier: "ADMIN3@lab.test".into(), method: "form".into(),
        reason: reason.into(), ip: "192.0.2.7".into(), ..NewEvent::default()
    }.prepare(T0).unwrap();
    let refused = failed("locked_out", None);
    let now = chrono::Utc::now().timestamp();
    let first = s.claim_login(&g, "staff", b"ADMIN3@lab.test", "192.0.2.7", Some(&refused), now).unwrap();
    assert_eq!(s.login_failed(Some(&first.claim), &failed("wrong_password", Some(3))).unwrap(), (None, vec![]), "nothing locked yet");
    let second = s.claim_login(&g, "staff", b"admin3@lab.test", "192.0.2.7", Some(&refused), now).unwrap();
    let (lock, notify) = s.login_failed(Some(&second.claim), &failed("wrong_password", Some(3))).unwrap();
    assert_eq!(lock, Some(Lock { blocked: false, scope: "account", until: second.until }));
    assert!(notify.is_empty(), "a lockout notifies nobody");
    let third = s.claim_login(&g, "staff", b"admin3@lab.test", "192.0.2.7", Some(&refused), now).unwrap();
    assert_eq!(third.status, "locked");
    let until = second.until.unwrap();
    assert_eq!(logged(&cfg), vec![
        ("failed".into(), Some(3), "wrong_password".into(), String::new()),
        ("failed".into(), Some(3), "wrong_password".into(), String::new()),
        ("lockout".into(), Some(3), String::new(), format!("account:{until}")),
        ("failed".into(), Some(3), "locked_out".into(), String::new()),
    ], "the refusal names the account the e-mail resolved to");
    // after the lockout: the next two attempts block (max 1 lockout); a block notifies the other administrators
    let later = until + 1;
    let blocking: Vec<_> = (0..2).map(|_| s.claim_login(&g, "staff", b"admin3@lab.test", "", Some(&refused), later).unwrap()).collect();
    assert!(blocking[1].blocked_now, "{:?}", blocking[1]);
    let (lock, notify) = s.login_failed(Some(&blocking[1].claim), &failed("wrong_password", Some(3))).unwrap();
    assert_eq!((lock.map(|l| l.blocked), notify), (Some(true), vec![1]), "administrator 3 is the one blocked");
    assert_eq!(logged(&cfg).last().map(|r| (r.0.as_str(), r.1)), Some(("blocked", Some(3))));
    // a claim of another kind, or none: only the failure
    let before = logged(&cfg).len();
    assert_eq!(s.login_failed(Some("v2|contact|3||1000|"), &failed("unknown_account", None)).unwrap().0, None);
    assert_eq!(s.login_failed(None, &failed("inactive_account", Some(3))).unwrap().0, None);
    assert_eq!(logged(&cfg).len(), before + 2);
    // the moment of login refuses a blocked account and records why, once
    let v = s.login_succeeded(&g, "staff", 3, None, true, Some(&failed("locked_out", Some(3))), later).unwrap();
    assert_eq!(v.status, "blocked");
    assert_eq!(logged(&cfg).last().map(|r| (r.0.as_str(), r.2.as_str())), Some(("failed", "blocked")));
    assert_eq!(s.account_status(&g, "staff", 3, Some(&refused), later).unwrap().status, "blocked");
    assert_eq!(logged(&cfg).len(), before + 4);
    assert_eq!(s.account_status(&g, "staff", 1, Some(&refused), later).unwrap().status, "allowed");
    assert_eq!(logged(&cfg).len(), before + 4, "an allowed account records nothing");
}
