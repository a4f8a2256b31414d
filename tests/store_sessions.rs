//! Login sessions and bans against a real MariaDB.
#![allow(clippy::unwrap_used)]

mod common;

use login_security::login_log::{EventRow, ParsedFilter};
use login_security::session::{Rules, State, new_token, token_hash};
use login_security::session::Refusal;
use login_security::store::{Admission, Ban, LogFields, NewSession, Store};
use login_security::user_agent::Summary;
use mysql::prelude::Queryable;

const T0: i64 = 1_790_000_000;

fn idle(limit: i64) -> Rules {
    Rules { idle_limit: Some(limit), live_window: None }
}

fn start(s: &Store, user_type: &str, user_id: i64, now: i64) -> Vec<u8> {
    let h = token_hash(&new_token().unwrap()).unwrap();
    let ua = Summary { device: "desktop", browser: "Firefox".into(), ..Summary::default() };
    s.start_session(&NewSession { token_hash: h.clone(), user_type: user_type.into(), user_id, ip: "192.0.2.4".into(),
        user_agent: "Mozilla/5.0".into(), ua, method: "form".into(), autologin_key: String::new(), identifier: String::new() }, now).unwrap();
    h
}

/// A remember-me arrival of staff member 2 with the cookie whose md5 key is `key` (`utc_offset` as for the check).
fn arrive(s: &Store, key: &str, utc_offset: i64, now: i64) -> Admission {
    let ua = Summary { device: "desktop", browser: "Firefox".into(), ..Summary::default() };
    let arrival = NewSession { token_hash: token_hash(&new_token().unwrap()).unwrap(), user_type: "staff".into(), user_id: 2, ip: String::new(),
        user_agent: String::new(), ua, method: "remember_me".into(), autologin_key: key.into(), identifier: String::new() };
    s.admit(&arrival, None, Some(utc_offset), false, now).unwrap()
}

/// Perfex's own session and remember-me tables, shaped as perfex-facts §2/§4 describe, under the test prefix.
fn perfex_tables(cfg: &login_security::store::DbConfig) -> mysql::PooledConn {
    let url = format!("mysql://{}:{}@{}:{}/{}", cfg.user, cfg.password, cfg.host, cfg.port, cfg.database);
    let mut c = mysql::Pool::new(url.as_str()).unwrap().get_conn().unwrap();
    let p = &cfg.prefix;
    c.query_drop(format!("DROP TABLE IF EXISTS {p}sessions, {p}user_auto_login")).unwrap();
    c.query_drop(format!("CREATE TABLE {p}sessions (id VARCHAR(128) PRIMARY KEY, ip_address VARCHAR(45), timestamp INT UNSIGNED, data BLOB)")).unwrap();
    c.query_drop(format!("CREATE TABLE {p}user_auto_login (key_id CHAR(32), user_id INT, user_agent VARCHAR(150), last_ip VARCHAR(40), last_login TIMESTAMP, staff INT)")).unwrap();
    c
}

#[test]
fn a_session_is_active_touched_once_a_minute_and_ended_by_logout() {
    let Some(s) = common::fresh_store("sess") else { return };
    let h = start(&s, "staff", 1, T0);
    assert_eq!(s.check_session(&h, T0 + 30, &Rules::default(), true, "", None, false).unwrap(), (State::Active { touch: false }, Some(T0)));
    assert_eq!(s.check_session(&h, T0 + 61, &Rules::default(), true, "", None, false).unwrap().0, State::Active { touch: true });
    assert_eq!(s.check_session(&h, T0 + 62, &Rules::default(), true, "", None, false).unwrap().0, State::Active { touch: false }, "the touch was written");
    assert_eq!(s.live_sessions("", None, T0 + 62, 1800, 50).unwrap()[0].last_seen, T0 + 61);
    assert_eq!(s.end_session(&h, "logout", "", None, T0 + 100).unwrap(), Some(T0));
    assert_eq!(s.end_session(&h, "logout", "", None, T0 + 101).unwrap(), None, "ends once");
    assert_eq!(s.check_session(&h, T0 + 102, &Rules::default(), true, "", None, false).unwrap().0, State::Ended { reason: "logout".into() });
    assert_eq!(s.check_session(&[0; 32], T0, &Rules::default(), true, "", None, false).unwrap().0, State::Unknown);
}

#[test]
fn idle_sessions_end_with_reason_idle_and_no_longer_count() {
    let Some(s) = common::fresh_store("idle") else { return };
    let h = start(&s, "contact", 5, T0);
    assert_eq!(s.live_sessions("contact", Some(("contact", 5)), T0 + 1799, 1800, 10).unwrap().len(), 1);
    assert_eq!(s.live_sessions("contact", Some(("contact", 5)), T0 + 1800, 1800, 10).unwrap().len(), 0, "released after the idle expiry");
    assert_eq!(s.check_session(&h, T0 + 1830, &idle(1800), false, "", None, false).unwrap().0, State::Idle);
    assert_eq!(s.check_session(&h, T0 + 1831, &idle(1800), false, "", None, false).unwrap().0, State::Ended { reason: "idle".into() });
}

#[test]
fn force_logout_ends_every_session_and_removes_perfex_sessions_and_remember_me() {
    let Some(cfg) = common::fresh_config("force") else { return };
    let s = Store::new(&cfg).unwrap();
    let mut c = perfex_tables(&cfg);
    let p = &cfg.prefix;
    c.query_drop(format!("INSERT INTO {p}sessions VALUES ('old', '', 0, 'staff_user_id|s:2:\"12\";staff_logged_in|b:1;'), \
        ('regen', '', 0, '__ci|i:1;staff_user_id|s:2:\"12\";'), ('other', '', 0, 'staff_user_id|s:3:\"123\";'), \
        ('contact', '', 0, 'contact_user_id|s:2:\"12\";client_logged_in|b:1;')")).unwrap();
    c.query_drop(format!("INSERT INTO {p}user_auto_login (key_id, user_id, staff) VALUES ('a', 12, 1), ('b', 12, 0), ('c', 13, 1)")).unwrap();
    let (a, b) = (start(&s, "staff", 12, T0), start(&s, "staff", 12, T0));
    let other = start(&s, "staff", 123, T0);
    assert_eq!(s.end_user_sessions("staff", 12, "forced", "Ada", None, T0 + 5, None, "", "").unwrap(), vec![T0, T0]);
    for h in [&a, &b] {
        assert_eq!(s.check_session(h, T0 + 6, &Rules::default(), true, "", None, false).unwrap().0, State::Ended { reason: "forced".into() });
    }
    assert_eq!(s.check_session(&other, T0 + 6, &Rules::default(), true, "", None, false).unwrap().0, State::Active { touch: false });
    let left: Vec<String> = c.query(format!("SELECT id FROM {p}sessions ORDER BY id")).unwrap();
    assert_eq!(left, ["contact", "other"]);
    let auto: Vec<String> = c.query(format!("SELECT key_id FROM {p}user_auto_login ORDER BY key_id")).unwrap();
    assert_eq!(auto, ["b", "c"]);
}

#[test]
fn sign_out_everywhere_else_keeps_the_current_session() {
    let Some(cfg) = common::fresh_config("else") else { return };
    let s = Store::new(&cfg).unwrap();
    let mut c = perfex_tables(&cfg);
    let p = &cfg.prefix;
    c.query_drop(format!("INSERT INTO {p}sessions VALUES ('mine', '', 0, 'staff_user_id|s:1:\"7\";'), ('theirs', '', 0, 'staff_user_id|s:1:\"7\";')")).unwrap();
    let (mine, theirs) = (start(&s, "staff", 7, T0), start(&s, "staff", 7, T0));
    assert_eq!(s.end_user_sessions("staff", 7, "forced", "self", None, T0, Some(&mine), "mine", "").unwrap().len(), 1);
    assert_eq!(s.check_session(&mine, T0, &Rules::default(), true, "", None, false).unwrap().0, State::Active { touch: false });
    assert_eq!(s.check_session(&theirs, T0, &Rules::default(), true, "", None, false).unwrap().0, State::Ended { reason: "forced".into() });
    let left: Vec<String> = c.query(format!("SELECT id FROM {p}sessions")).unwrap();
    assert_eq!(left, ["mine"]);
}

#[test]
fn a_ban_ends_sessions_on_their_next_check_and_expires_by_itself() {
    let Some(s) = common::fresh_store("ban") else { return };
    let h = start(&s, "contact", 3, T0);
    s.ban(&Ban { user_type: "contact".into(), user_id: 3, until: T0 + 600, reason: "testing".into(), created_by: "Ada".into() }, T0).unwrap();
    assert_eq!(s.active_bans(Some(("contact", 3)), T0 + 599).unwrap().len(), 1);
    assert_eq!(s.check_session(&h, T0 + 1, &Rules::default(), true, "", None, false).unwrap().0, State::Banned { until: T0 + 600 });
    assert_eq!(s.check_session(&h, T0 + 2, &Rules::default(), true, "", None, false).unwrap().0, State::Ended { reason: "banned".into() });
    assert!(s.active_bans(None, T0 + 600).unwrap().is_empty(), "expired");
    assert!(s.lift_ban("contact", 3).unwrap());
    assert!(!s.lift_ban("contact", 3).unwrap());
}

#[test]
fn stale_sessions_expire() {
    let Some(s) = common::fresh_store("stale") else { return };
    let (old, fresh) = (start(&s, "staff", 1, T0), start(&s, "staff", 2, T0 + 500));
    assert_eq!(s.expire_stale_sessions(T0 + 100, true, T0 + 1000).unwrap(), vec![("staff".to_string(), 1, 0)]);
    assert!(s.expire_stale_sessions(T0 + 100, true, T0 + 1001).unwrap().is_empty(), "ends once");
    let (total, rows) = s.events(&ParsedFilter::default(), 1, 25).unwrap();
    assert_eq!((total, rows[0].event.as_str(), rows[0].end_reason.as_str(), rows[0].user_id, rows[0].duration), (1, "logout", "expired", Some(1), Some(0)),
        "the end is recorded once, with it");
    assert_eq!(s.check_session(&old, T0 + 1000, &Rules::default(), true, "", None, false).unwrap().0, State::Ended { reason: "expired".into() });
    assert_eq!(s.check_session(&fresh, T0 + 1000, &Rules::default(), false, "", None, false).unwrap().0, State::Active { touch: false });
}

#[test]
fn sessions_are_found_by_their_public_handle_only() {
    let Some(s) = common::fresh_store("handle") else { return };
    let h = start(&s, "staff", 2, T0);
    let row = &s.live_sessions("staff", Some(("staff", 2)), T0, 1800, 10).unwrap()[0];
    assert_eq!(row.id.len(), 32);
    assert_eq!(s.end_session_by_handle("zz' OR 1=1 --", None, "forced", "Ada", None, T0 + 1).unwrap(), None);
    assert_eq!(s.end_session_by_handle(&row.id, None, "forced", "Ada", None, T0 + 1).unwrap(), Some(("staff".into(), 2, T0)));
    assert_eq!(s.check_session(&h, T0 + 2, &Rules::default(), true, "", None, false).unwrap().0, State::Ended { reason: "forced".into() });
    assert_eq!(s.end_session_by_handle(&row.id, None, "forced", "Ada", None, T0 + 3).unwrap(), None, "ends once");
}

#[test]
fn ending_a_session_by_its_handle_checks_the_owner_in_sql_and_logs_it_in_the_same_transaction() {
    let Some(s) = common::fresh_store("owner") else { return };
    start(&s, "staff", 2, T0);
    let id = s.live_sessions("staff", Some(("staff", 2)), T0, 1800, 10).unwrap()[0].id.clone();
    let log = LogFields { actor_name: "Ada".into(), actor_id: Some(1), details: "by hand".into(), ip: Some(String::new()),
        user_agent: Some(String::new()), ..LogFields::default() };
    assert_eq!(s.end_session_by_handle(&id, Some(("staff", 3)), "forced", "Ada", Some(&log), T0 + 5).unwrap(), None, "another user's");
    assert_eq!(s.end_session_by_handle(&id, Some(("contact", 2)), "forced", "Ada", Some(&log), T0 + 5).unwrap(), None, "same id, other type");
    assert_eq!(s.events(&ParsedFilter::default(), 1, 10).unwrap().0, 0, "nothing logged for a refusal");
    assert_eq!(s.end_session_by_handle(&id, Some(("staff", 2)), "forced", "Ada", Some(&log), T0 + 5).unwrap(), Some(("staff".into(), 2, T0)));
    let (total, rows) = s.events(&ParsedFilter::default(), 1, 10).unwrap();
    assert_eq!(total, 1);
    assert_eq!((rows[0].event.as_str(), rows[0].user_type.as_str(), rows[0].user_id, rows[0].duration, rows[0].end_reason.as_str(), rows[0].details.as_str()),
        ("logout", "staff", Some(2), Some(5), "forced", "by hand"));
}

#[test]
fn a_browser_back_without_its_session_learns_why_from_its_own_row() {
    let Some(s) = common::fresh_store("why") else { return };
    start(&s, "staff", 4, T0);
    start(&s, "staff", 4, T0);
    let ids: Vec<String> = s.live_sessions("staff", Some(("staff", 4)), T0, 1800, 10).unwrap().into_iter().map(|r| r.id).collect();
    assert_eq!(s.ended_why("staff", 4, &ids[0], T0 + 1).unwrap(), None, "still active");
    s.end_session_by_handle(&ids[0], None, "forced", "Ada", None, T0 + 2).unwrap();
    assert_eq!(s.ended_why("staff", 4, &ids[0], T0 + 3).unwrap(), Some(("forced", None)));
    assert_eq!(s.ended_why("staff", 5, &ids[0], T0 + 3).unwrap(), None, "nobody asks about another user's session");
    assert_eq!(s.ended_why("staff", 4, "zz' OR 1=1 --", T0 + 3).unwrap(), None);
    s.ban(&Ban { user_type: "staff".into(), user_id: 4, until: T0 + 600, reason: String::new(), created_by: "Ada".into() }, T0).unwrap();
    assert_eq!(s.ended_why("staff", 4, &ids[1], T0 + 3).unwrap(), Some(("banned", Some(T0 + 600))), "a ban in force, even before the check ended it");
}

/// Perfex's staff and contacts tables, reduced to what the check reads.
fn user_tables(c: &mut mysql::PooledConn, p: &str) {
    c.query_drop(format!("DROP TABLE IF EXISTS {p}staff, {p}contacts")).unwrap();
    c.query_drop(format!("CREATE TABLE {p}staff (staffid INT PRIMARY KEY, firstname VARCHAR(50), lastname VARCHAR(50), email VARCHAR(100), last_password_change DATETIME NULL)")).unwrap();
    c.query_drop(format!("CREATE TABLE {p}contacts (id INT PRIMARY KEY, firstname VARCHAR(50), lastname VARCHAR(50), email VARCHAR(100), last_password_change DATETIME NULL)")).unwrap();
    c.query_drop(format!("INSERT INTO {p}staff (staffid, email) VALUES (2, 's@x.test')")).unwrap();
    c.query_drop(format!("INSERT INTO {p}contacts (id, email) VALUES (2, 'c@x.test')")).unwrap();
}

#[test]
fn ending_one_session_removes_exactly_its_own_remember_me_and_perfex_rows() {
    let Some(cfg) = common::fresh_config("one") else { return };
    let s = Store::new(&cfg).unwrap();
    let mut c = perfex_tables(&cfg);
    let p = &cfg.prefix;
    user_tables(&mut c, p);
    let (mine, other) = (start(&s, "staff", 2, T0), start(&s, "staff", 2, T0));
    assert!(s.bind_autologin(&mine, "k1").unwrap());
    assert_eq!(s.check_session(&other, T0 + 1, &Rules::default(), true, "k2", None, false).unwrap().0, State::Active { touch: false }, "bound on its request");
    let rows = s.live_sessions("staff", Some(("staff", 2)), T0 + 1, 1800, 10).unwrap();
    let hex = |h: &[u8]| h.iter().map(|b| format!("{b:02x}")).collect::<String>();
    let handle = |h: &[u8]| rows.iter().find(|r| hex(h).starts_with(&r.id)).unwrap().id.clone();
    let (mine_id, other_id) = (handle(&mine), handle(&other));
    c.query_drop(format!("INSERT INTO {p}sessions VALUES ('a', '', 0, 'staff_user_id|s:1:\"2\";login_security_sid_staff|s:32:\"{mine_id}\";'), \
        ('b', '', 0, 'staff_user_id|s:1:\"2\";login_security_sid_staff|s:32:\"{other_id}\";')")).unwrap();
    c.query_drop(format!("INSERT INTO {p}user_auto_login (key_id, user_id, staff) VALUES ('k1', 2, 1), ('k2', 2, 1), ('k1', 2, 0)")).unwrap();

    assert!(s.end_session_by_handle(&mine_id, None, "forced", "Ada", None, T0 + 2).unwrap().is_some());

    let left: Vec<String> = c.query(format!("SELECT id FROM {p}sessions")).unwrap();
    assert_eq!(left, vec!["b".to_string()]);
    let keys: Vec<(String, i32)> = c.query(format!("SELECT key_id, staff FROM {p}user_auto_login ORDER BY key_id, staff")).unwrap();
    assert_eq!(keys, vec![("k1".to_string(), 0), ("k2".to_string(), 1)], "a contact's row with the same key stays");
    assert_eq!(s.revoked_remember_me("k1", Some(0), None, T0).unwrap(), Some(("staff".into(), 2)), "a replay is told apart");
    assert_eq!(s.revoked_remember_me("k2", Some(0), None, T0).unwrap(), None);
    assert_eq!(arrive(&s, "k1", 0, T0), Admission::Revoked, "its token no longer logs in");
    assert_eq!(arrive(&s, "k2", 0, T0), Admission::Started);
    assert_eq!(arrive(&s, "unknown", 0, T0), Admission::Started, "older than the module");
}

#[test]
fn a_password_change_ends_every_session_but_the_one_that_made_it() {
    let Some(cfg) = common::fresh_config("pw") else { return };
    let s = Store::new(&cfg).unwrap();
    let mut c = perfex_tables(&cfg);
    let p = &cfg.prefix;
    user_tables(&mut c, p);
    let now = chrono::Utc::now().timestamp();
    let (mine, other, contact) = (start(&s, "staff", 2, now - 100), start(&s, "staff", 2, now - 100), start(&s, "contact", 2, now - 100));
    assert!(s.bind_autologin(&other, "k-other").unwrap());
    // Perfex writes local time with date(): here UTC+2.
    c.query_drop(format!("UPDATE {p}staff SET last_password_change = '{}'", chrono::DateTime::from_timestamp(now - 50 + 7200, 0).unwrap().format("%Y-%m-%d %H:%M:%S"))).unwrap();

    assert!(s.accept_password_change(&mine, now - 60, 7200).unwrap(), "made during this request");
    assert!(!s.accept_password_change(&contact, now - 60, 7200).unwrap(), "another user's change");
    assert_eq!(s.check_session(&mine, now, &Rules::default(), true, "", Some(7200), false).unwrap().0, State::Active { touch: true });
    assert_eq!(s.check_session(&contact, now, &Rules::default(), false, "", Some(7200), false).unwrap().0, State::Active { touch: false });
    assert_eq!(s.check_session(&other, now, &Rules::default(), false, "", None, false).unwrap().0, State::Active { touch: false }, "the rule off");
    assert_eq!(s.check_session(&other, now, &Rules::default(), true, "", Some(7200), false).unwrap().0, State::PasswordChanged);
    assert_eq!(s.check_session(&other, now, &Rules::default(), true, "", Some(7200), false).unwrap().0, State::Ended { reason: "password_changed".into() });
    assert_eq!(arrive(&s, "k-other", 7200, now), Admission::Revoked);
    assert_eq!(s.revoked_remember_me("k-other", Some(7200), None, now).unwrap(), Some(("staff".into(), 2)));
    assert!(!s.accept_password_change(&mine, now + 1, 7200).unwrap(), "a change before this request is not its own");
}

#[test]
fn a_password_change_time_that_a_timezone_change_put_in_the_future_ends_no_new_session() {
    let Some(cfg) = common::fresh_config("pwtz") else { return };
    let s = Store::new(&cfg).unwrap();
    let mut c = perfex_tables(&cfg);
    let p = &cfg.prefix;
    user_tables(&mut c, p);
    let now = chrono::Utc::now().timestamp();
    // changed at now - 50 while Perfex ran at UTC+5:30; the administrator has since switched Perfex to UTC
    c.query_drop(format!("UPDATE {p}staff SET last_password_change = '{}'", chrono::DateTime::from_timestamp(now - 50 + 19_800, 0).unwrap().format("%Y-%m-%d %H:%M:%S"))).unwrap();
    let fresh = start(&s, "staff", 2, now - 10); // a login after the change
    for _ in 0..3 {
        let state = s.check_session(&fresh, now, &Rules::default(), true, "", Some(0), false).unwrap().0;
        assert!(matches!(state, State::Active { .. }), "the new session is not ended on each request for five and a half hours: {state:?}");
    }
}

fn events(s: &Store) -> Vec<EventRow> {
    let mut rows = s.events(&ParsedFilter::default(), 1, 50).unwrap().1;
    rows.sort_by_key(|e| e.id); // in the order written
    rows
}

fn login(user_type: &str, user_id: i64, method: &str, key: &str) -> NewSession {
    let ua = Summary { device: "desktop", browser: "Firefox".into(), ..Summary::default() };
    NewSession { token_hash: token_hash(&new_token().unwrap()).unwrap(), user_type: user_type.into(), user_id, ip: "192.0.2.4".into(),
        user_agent: "Mozilla/5.0".into(), ua, method: method.into(), autologin_key: key.into(), identifier: if method == "form" { "ada@x.test".into() } else { String::new() } }
}

#[test]
fn a_login_is_decided_and_recorded_in_one_transaction() {
    let Some(s) = common::fresh_store("admit") else { return };
    let first = login("staff", 8, "form", "");
    assert_eq!(s.admit(&first, Some(1800), None, false, T0).unwrap(), Admission::Started);
    assert_eq!(s.admit(&login("staff", 8, "form", ""), Some(1800), None, false, T0 + 1).unwrap(), Admission::Refused(Refusal::Rejected), "single login");
    assert_eq!(s.admit(&login("staff", 8, "two_factor", ""), None, None, false, T0 + 2).unwrap(), Admission::Started, "single login off");
    s.ban(&Ban { user_type: "staff".into(), user_id: 8, until: T0 + 600, reason: String::new(), created_by: "Ada".into() }, T0).unwrap();
    assert_eq!(s.admit(&login("staff", 8, "remember_me", "k"), None, None, false, T0 + 3).unwrap(), Admission::Refused(Refusal::Banned { until: T0 + 600 }));
    assert_eq!(s.admit(&login("staff", 8, "", ""), None, None, false, T0 + 4).unwrap(), Admission::Refused(Refusal::Banned { until: T0 + 600 }), "a takeover too");
    let got: Vec<(String, String, String, Option<i64>, String)> = events(&s).into_iter()
        .map(|e| (e.event, e.method, e.end_reason, e.duration, e.identifier)).collect();
    let row = |ev: &str, m: &str, r: &str, d: Option<i64>, i: &str| (ev.to_string(), m.to_string(), r.to_string(), d, i.to_string());
    assert_eq!(got, vec![row("login", "form", "", None, "ada@x.test"), row("logout", "form", "rejected", Some(0), "ada@x.test"),
        row("login", "two_factor", "", None, ""), row("logout", "", "banned", Some(0), ""), row("logout", "", "banned", Some(0), "")]);
    assert_eq!(s.live_sessions("staff", Some(("staff", 8)), T0 + 5, 1800, 10).unwrap().len(), 2, "refusals start nothing");
}

#[test]
fn a_takeover_starts_silently_and_a_revoked_remember_me_token_is_refused_and_recorded() {
    let Some(cfg) = common::fresh_config("arrive") else { return };
    let s = Store::new(&cfg).unwrap();
    let mut c = perfex_tables(&cfg);
    let p = &cfg.prefix;
    c.query_drop(format!("INSERT INTO {p}user_auto_login (key_id, user_id, staff) VALUES ('k1', 6, 0)")).unwrap();
    let first = login("contact", 6, "remember_me", "k1");
    assert_eq!(s.admit(&first, None, None, false, T0).unwrap(), Admission::Started);
    assert_eq!(s.admit(&login("contact", 6, "", ""), None, None, false, T0).unwrap(), Admission::Started);
    assert_eq!(s.end_session(&first.token_hash, "forced", "Ada", None, T0 + 1).unwrap(), Some(T0));
    assert_eq!(s.admit(&login("contact", 6, "remember_me", "k1"), None, None, false, T0 + 2).unwrap(), Admission::Revoked);
    let auto: Vec<String> = c.query(format!("SELECT key_id FROM {p}user_auto_login")).unwrap();
    assert!(auto.is_empty(), "its row is deleted");
    let got: Vec<(String, String, String)> = events(&s).into_iter().map(|e| (e.event, e.method, e.reason)).collect();
    assert_eq!(got, vec![("login".into(), "remember_me".into(), String::new()), ("failed".into(), "remember_me".into(), "revoked".into())],
        "the takeover logs no login");
}

#[test]
fn every_end_writes_its_logout_event_with_the_duration_from_the_row() {
    let Some(s) = common::fresh_store("endlog") else { return };
    let mine = login("staff", 9, "form", "");
    s.admit(&mine, None, None, false, T0).unwrap();
    let log = LogFields { ip: Some("203.0.113.5".into()), user_agent: Some("curl/8".into()), ..LogFields::default() };
    assert_eq!(s.end_session(&mine.token_hash, "logout", "", Some(&log), T0 + 42).unwrap(), Some(T0));
    assert_eq!(s.end_session(&mine.token_hash, "logout", "", Some(&log), T0 + 43).unwrap(), None, "ends and logs once");
    let idle = login("staff", 9, "form", "");
    s.admit(&idle, None, None, false, T0).unwrap();
    assert_eq!(s.check_session(&idle.token_hash, T0 + 200, &Rules { idle_limit: Some(100), live_window: None }, false, "", None, true).unwrap().0, State::Idle);
    let (a, b) = (login("staff", 9, "form", ""), login("staff", 9, "form", ""));
    s.admit(&a, None, None, false, T0).unwrap();
    s.admit(&b, None, None, false, T0 + 10).unwrap();
    assert_eq!(s.end_user_sessions("staff", 9, "forced", "Ada", Some(&LogFields { actor_name: "Ada".into(), ..LogFields::default() }), T0 + 50, None, "", "").unwrap().len(), 2);
    assert!(s.end_session(&a.token_hash, "nonsense", "", None, T0).is_err(), "an end reason outside the vocabulary");
    let mut ends: Vec<(String, Option<i64>, String, String, String, String)> = events(&s).into_iter().filter(|e| e.event == "logout")
        .map(|e| (e.end_reason, e.duration, e.identifier, e.ip, e.browser, e.actor_name)).collect();
    ends[2..].sort(); // one user's sessions end in the order the store reads them
    let end = |r: &str, d: i64, ip: &str, browser: &str, actor: &str| (r.to_string(), Some(d), "ada@x.test".to_string(), ip.to_string(), browser.to_string(), actor.to_string());
    assert_eq!(ends, vec![end("logout", 42, "203.0.113.5", "curl", ""), end("idle", 200, "192.0.2.0", "", ""),
        end("forced", 40, "192.0.2.4", "", "Ada"), end("forced", 50, "192.0.2.4", "", "Ada")]);
}

#[test]
fn a_revoked_cookie_that_perfex_refused_is_told_apart_and_recorded_once_asked_to() {
    let Some(s) = common::fresh_store("replay") else { return };
    let first = login("contact", 3, "remember_me", "k9");
    s.admit(&first, None, None, false, T0).unwrap();
    s.end_session(&first.token_hash, "forced", "Ada", None, T0 + 1).unwrap();
    let log = LogFields { ip: Some("198.51.100.7".into()), user_agent: Some("Mozilla/5.0".into()), ..LogFields::default() };
    assert_eq!(s.revoked_remember_me("k9", None, Some(&log), T0 + 2).unwrap(), Some(("contact".into(), 3)));
    assert_eq!(s.revoked_remember_me("k8", None, Some(&log), T0 + 2).unwrap(), None, "a key the module never saw");
    let got: Vec<(String, String, String, String)> = events(&s).into_iter().filter(|e| e.event == "failed")
        .map(|e| (e.method, e.reason, e.user_type, e.ip)).collect();
    assert_eq!(got, vec![("remember_me".into(), "revoked".into(), "contact".into(), "198.51.100.7".into())]);
}
