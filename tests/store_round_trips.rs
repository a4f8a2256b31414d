//! How many statements the lockout sends to the database, counted by the server itself (its global `Questions`
//! counter): this file holds one test, and cargo runs test files one after the other, so nothing else counts.
#![allow(clippy::unwrap_used)]

mod common;

use mysql::prelude::Queryable;

use login_security::lockout::LoginGuard;
use login_security::login_log::NewEvent;
use login_security::store::Store;

/// A claim is two round trips — one statement that resolves the e-mail and reads the counters, one that writes
/// them (or, refused, its `failed` event) — for an account and for an unknown e-mail alike, in every spelling the
/// collation folds (a folded subject computed in SQL that missed the row would cost the locked way's five more).
/// A wrong password is then one more: its `failed` event, with the lockout it caused, in one statement.
#[test]
fn a_claim_takes_two_round_trips_for_accounts_and_unknown_e_mails_in_any_spelling() {
    let Some(cfg) = common::fresh_config("trips") else { return };
    common::perfex_people(&cfg, &[(3, "admin3@lab.test"), (4, "locked4@lab.test")], &[]);
    let s = Store::new(&cfg).unwrap();
    let g = LoginGuard::from_settings(&[("lockout_retries".to_string(), "9".to_string())]);
    let now = chrono::Utc::now().timestamp();
    let event = |reason: &str| NewEvent {
        event: "failed".into(), user_type: "staff".into(), identifier: "x".into(), method: "form".into(), reason: reason.into(),
        ip: "192.0.2.7".into(), ..NewEvent::default()
    }.prepare(now).unwrap();
    let refused = event("locked_out");
    let mut server = common::sql();
    let mut statements = |f: &mut dyn FnMut()| {
        let questions = |c: &mut mysql::Conn| -> u64 {
            c.query_first::<(String, u64), _>("SHOW GLOBAL STATUS LIKE 'Questions'").unwrap().unwrap().1
        };
        let before = questions(&mut server);
        f();
        questions(&mut server) - before - 1 // the SHOW itself
    };
    // Each statement shape once, so that the pool's connection has it prepared (as a PHP worker has after its
    // first logins): an account, an unknown e-mail, a refusal, a failure.
    for typed in ["admin3@lab.test", "ghost@lab.test"] {
        s.claim_login(&g, "staff", typed.as_bytes(), "192.0.2.7", Some(&refused), now).unwrap();
    }
    for _ in 0..10 {
        s.claim_login(&g, "staff", b"locked4@lab.test", "198.51.100.4", Some(&refused), now).unwrap();
    }
    s.login_failed(None, &event("wrong_password")).unwrap();

    for typed in ["ADMIN3@LAB.TEST", "admin3@ｌａｂ.test", "admin3@lab.test\u{3000}", "GHOST@LÄB.TEST", "ghost@ｌａｂ.test ", "ghost@lab.test\u{a0}",
        "gh\u{200B}ost@lab.test"] {
        let mut verdict = None;
        let sent = statements(&mut || verdict = Some(s.claim_login(&g, "staff", typed.as_bytes(), "192.0.2.7", Some(&refused), now).unwrap()));
        assert_eq!(verdict.unwrap().status, "allowed");
        assert_eq!(sent, 2, "{typed:?}");
    }
    let mut verdict = None;
    let sent = statements(&mut || verdict = Some(s.claim_login(&g, "staff", b"LOCKED4@lab.test", "198.51.100.4", Some(&refused), now).unwrap()));
    assert_eq!((verdict.unwrap().status, sent), ("locked", 2), "a refusal: the read, and its event");
    assert_eq!(statements(&mut || { s.login_failed(None, &event("wrong_password")).unwrap(); }), 1);
}
