//! Login attempt counters against a real MariaDB, including parallel bursts.
#![allow(clippy::unwrap_used)]

mod common;

use std::sync::{Arc, Barrier};

use login_security::lockout::{Decision, Policy};
use login_security::store::{AttemptKey, DbConfig, Store};

const T0: i64 = 1_790_000_000;

fn key(kind: &str, subject: &str) -> AttemptKey {
    AttemptKey { kind: kind.into(), subject: subject.into() }
}
fn account_policy() -> Policy {
    Policy::new(3, 180, Some(3), 86_400).unwrap()
}
fn ip_policy() -> Policy {
    Policy::new(20, 180, None, 86_400).unwrap()
}

#[test]
fn three_attempts_then_locked_then_reenabled() {
    let Some(s) = common::fresh_store("att") else { return };
    let k = key("staff", "admin@example.com");
    let claim = |now| s.claim_attempt(&[(k.clone(), account_policy())], "192.0.2.1", now).unwrap()[0].0;
    assert_eq!(claim(T0), Decision::Allowed { remaining: 3 });
    assert_eq!(claim(T0), Decision::Allowed { remaining: 2 });
    assert_eq!(claim(T0), Decision::Allowed { remaining: 1 });
    assert_eq!(claim(T0), Decision::Locked { until: T0 + 180 });
    assert_eq!(s.attempt_decision(&k, &account_policy(), T0 + 179).unwrap(), Decision::Locked { until: T0 + 180 });
    let rows = s.locked_keys(T0, 100).unwrap();
    assert_eq!((rows.len(), rows[0].user_id, rows[0].last_ip.as_str()), (1, None, "192.0.2.1"));
    assert_eq!(s.reenable(std::slice::from_ref(&k)).unwrap(), 1);
    assert_eq!(s.attempt_decision(&k, &account_policy(), T0).unwrap(), Decision::Allowed { remaining: 3 });
}

#[test]
fn success_clears_failures() {
    let Some(s) = common::fresh_store("succ") else { return };
    let k = key("contact", "c@example.com");
    for _ in 0..2 {
        s.claim_attempt(&[(k.clone(), account_policy())], "", T0).unwrap();
    }
    s.attempt_succeeded(&k).unwrap();
    assert_eq!(s.attempt_decision(&k, &account_policy(), T0).unwrap(), Decision::Allowed { remaining: 3 });
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
    assert_eq!(s.attempt_decision(&key("staff", "victim@x"), &account_policy(), T0).unwrap(), Decision::Allowed { remaining: 3 });
}

/// django-axes #592: a burst of 100 requests let 15–20 attempts through. Here: 200 parallel claims on one
/// account let exactly `retries` through and count each once.
#[test]
fn parallel_burst_on_one_account_lets_exactly_retries_through() {
    let Some(cfg) = common::fresh_config("burst") else { return };
    let allowed = burst(&cfg, 200, |_| vec![(key("staff", "target@example.com"), account_policy())]);
    assert_eq!(allowed, 3);
    let s = Store::new(&cfg).unwrap();
    let d = s.attempt_decision(&key("staff", "target@example.com"), &account_policy(), T0).unwrap();
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
