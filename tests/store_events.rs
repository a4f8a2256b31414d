//! The Login Log's store against a real MariaDB.
#![allow(clippy::unwrap_used)]

mod common;

use login_security::login_log::{Filter, NewEvent};
use login_security::store::{SCHEMA_VERSION, Store};

const DAY: i64 = 86_400;
const T0: i64 = 1_790_000_000; // a fixed "now"

fn ev(event: &str, user: Option<(&str, i64)>, at: i64) -> NewEvent {
    NewEvent {
        event: event.into(),
        user_type: user.map_or("", |u| u.0).into(),
        user_id: user.map(|u| u.1),
        identifier: "Person@Example.com".into(),
        reason: if event == "failed" { "wrong_password".into() } else { String::new() },
        method: if event == "login" { "form".into() } else { String::new() },
        ip: "203.0.113.5".into(),
        user_agent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36".into(),
        at: Some(at),
        ..NewEvent::default()
    }
}

fn record(s: &Store, e: NewEvent) -> u64 {
    s.record_event(&e.prepare(T0).unwrap()).unwrap()
}

#[test]
fn migrate_is_idempotent_and_versioned() {
    let Some(s) = common::fresh_store("mig") else { return };
    assert_eq!(s.migrate().unwrap(), SCHEMA_VERSION);
    assert_eq!(s.migrate().unwrap(), SCHEMA_VERSION);
    assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
    s.drop_schema().unwrap();
    assert_eq!(s.schema_version().unwrap(), 0);
}

#[test]
fn recorded_event_reads_back_with_parsed_agent_and_ip() {
    let Some(s) = common::fresh_store("read") else { return };
    let id = record(&s, ev("login", Some(("staff", 7)), T0));
    let (total, rows) = s.events(&Filter::default().parse().unwrap(), 1, 25).unwrap();
    assert_eq!(total, 1);
    let r = &rows[0];
    assert_eq!((r.id, r.at, r.event.as_str(), r.user_type.as_str(), r.user_id), (id, T0, "login", "staff", Some(7)));
    assert_eq!((r.ip.as_str(), r.browser.as_str(), r.os.as_str(), r.device.as_str()), ("203.0.113.5", "Chrome", "Windows", "desktop"));
    assert_eq!(r.identifier, "Person@Example.com");
}

#[test]
fn hostile_user_agents_and_identifiers_are_stored_safely() {
    let Some(s) = common::fresh_store("hostile") else { return };
    let mut e = ev("failed", None, T0);
    e.user_agent = format!("\0\u{7}<script>alert(1)</script>{}", "A".repeat(64 * 1024));
    e.identifier = "\u{202e}'; DROP TABLE x; --".repeat(50);
    record(&s, e);
    let (_, rows) = s.events(&Filter::default().parse().unwrap(), 1, 1).unwrap();
    assert!(rows[0].user_agent.starts_with("<script>alert(1)</script>AAA"));
    assert_eq!(rows[0].user_agent.len(), 512);
    assert_eq!(rows[0].identifier.chars().count(), 191);
}

#[test]
fn filters_select_by_user_event_ip_identifier_and_range() {
    let Some(s) = common::fresh_store("filter") else { return };
    record(&s, ev("login", Some(("staff", 1)), T0 - 3 * DAY));
    record(&s, ev("failed", Some(("staff", 1)), T0 - DAY));
    record(&s, ev("login", Some(("contact", 1)), T0));
    let mut other_ip = ev("failed", None, T0);
    other_ip.ip = "2001:db8::9".into();
    other_ip.identifier = "nobody@example.com".into();
    record(&s, other_ip);
    let count = |f: Filter| s.events(&f.parse().unwrap(), 1, 25).unwrap().0;
    assert_eq!(count(Filter { user: "staff:1".into(), ..Filter::default() }), 2);
    assert_eq!(count(Filter { user: "contact:1".into(), ..Filter::default() }), 1);
    assert_eq!(count(Filter { event: "failed".into(), ..Filter::default() }), 2);
    assert_eq!(count(Filter { ip: "2001:db8::9".into(), ..Filter::default() }), 1);
    assert_eq!(count(Filter { identifier: " NOBODY@example.com".into(), ..Filter::default() }), 1);
    assert_eq!(count(Filter { from: Some(T0 - 2 * DAY), to: Some(T0 - DAY), ..Filter::default() }), 1);
    // pagination: newest first, pages do not overlap
    let (_, p1) = s.events(&Filter::default().parse().unwrap(), 1, 2).unwrap();
    let (_, p2) = s.events(&Filter::default().parse().unwrap(), 2, 2).unwrap();
    assert!(p1[1].at >= p2[0].at && p1.iter().all(|a| p2.iter().all(|b| a.id != b.id)));
    assert!(s.events(&Filter::default().parse().unwrap(), 0, 25).is_err());
}

#[test]
fn daily_counts_cover_every_day_of_the_range() {
    let Some(s) = common::fresh_store("daily") else { return };
    record(&s, ev("login", Some(("staff", 1)), T0 - 2 * DAY));
    record(&s, ev("failed", Some(("staff", 1)), T0 - 2 * DAY));
    record(&s, ev("failed", None, T0 - 2 * DAY));
    record(&s, ev("logout", Some(("staff", 1)), T0));
    let f = Filter { from: Some(T0 - 3 * DAY), to: Some(T0), ..Filter::default() }.parse().unwrap();
    let days = s.daily_counts(&f, 0, T0).unwrap();
    assert_eq!(days.len(), 4);
    assert_eq!((days[1].success, days[1].failed), (1, 2));
    assert_eq!(days.iter().map(|d| d.success + d.failed).sum::<i64>(), 3);
    // no range: the 30 days up to now
    assert_eq!(s.daily_counts(&Filter::default().parse().unwrap(), 3600, T0).unwrap().len(), 30);
}

#[test]
fn clear_empties_the_log_and_records_who_did_it() {
    let Some(s) = common::fresh_store("clear") else { return };
    for i in 0..5 {
        record(&s, ev("login", Some(("staff", 1)), T0 + i));
    }
    let cleared = NewEvent { event: "log_cleared".into(), actor_id: Some(1), actor_name: "Ada Admin".into(), ..NewEvent::default() };
    assert_eq!(s.clear_events(&cleared.prepare(T0).unwrap()).unwrap(), 5);
    let (total, rows) = s.events(&Filter::default().parse().unwrap(), 1, 25).unwrap();
    assert_eq!(total, 1);
    assert_eq!((rows[0].event.as_str(), rows[0].actor_name.as_str()), ("log_cleared", "Ada Admin"));
}

#[test]
fn purge_removes_only_events_older_than_the_cutoff() {
    let Some(s) = common::fresh_store("purge") else { return };
    record(&s, ev("login", None, T0 - 100 * DAY));
    record(&s, ev("login", None, T0 - 91 * DAY));
    record(&s, ev("login", None, T0 - 89 * DAY));
    assert_eq!(s.purge_events(T0 - 90 * DAY).unwrap(), 2);
    assert_eq!(s.events(&Filter::default().parse().unwrap(), 1, 25).unwrap().0, 1);
    let purged = ev("purged", None, T0).prepare(T0).unwrap();
    assert_eq!(s.purge_events_recorded(T0 - 90 * DAY, &purged).unwrap(), 0, "nothing to remove: nothing recorded");
    assert_eq!(s.purge_events_recorded(T0, &purged).unwrap(), 1);
    let (total, rows) = s.events(&Filter::default().parse().unwrap(), 1, 25).unwrap();
    assert_eq!((total, rows[0].event.as_str(), rows[0].details.as_str()), (1, "purged", "1"), "the purge is recorded with its count");
}

#[test]
fn unreachable_database_is_an_error_not_a_hang_or_panic() {
    let Some(mut cfg) = common::config("unreach_") else { return };
    cfg.port = 1; // nothing listens there
    let s = Store::new(&cfg).unwrap(); // building never connects
    let err = s.ping().unwrap_err().to_string();
    assert!(err.starts_with("database error"), "{err}");
    assert!(!err.contains(&cfg.password), "the password leaked: {err}");
}

#[test]
fn a_refused_login_is_linked_to_its_account_by_email() {
    let Some(cfg) = common::fresh_config("link") else { return };
    let s = Store::new(&cfg).unwrap();
    let url = format!("mysql://{}:{}@{}:{}/{}", cfg.user, cfg.password, cfg.host, cfg.port, cfg.database);
    let mut c = mysql::Pool::new(url.as_str()).unwrap().get_conn().unwrap();
    let staff = format!("{}staff", cfg.prefix);
    mysql::prelude::Queryable::query_drop(&mut c, format!("DROP TABLE IF EXISTS {staff}")).unwrap();
    mysql::prelude::Queryable::query_drop(&mut c, format!("CREATE TABLE {staff} (staffid INT PRIMARY KEY, firstname VARCHAR(50), lastname VARCHAR(50), email VARCHAR(100))")).unwrap();
    mysql::prelude::Queryable::query_drop(&mut c, format!("INSERT INTO {staff} VALUES (7, 'Ada', 'Admin', 'Ada@Example.com')")).unwrap();
    let mut refused = ev("failed", Some(("staff", 0)), T0);
    refused.user_id = None;
    refused.identifier = " ada@example.COM".into();
    refused.reason = "locked_out".into();
    record(&s, refused);
    let (_, rows) = s.events(&Filter { user: "staff:7".into(), ..Filter::default() }.parse().unwrap(), 1, 5).unwrap();
    assert_eq!((rows.len(), rows[0].user_name.as_str()), (1, "Ada Admin"));
    mysql::prelude::Queryable::query_drop(&mut c, format!("DROP TABLE {staff}")).unwrap();
}

#[test]
fn search_users_tolerates_missing_perfex_tables() {
    let Some(s) = common::fresh_store("search") else { return };
    assert!(s.search_users("%", 10).unwrap().is_empty());
}
