//! Login Log benchmark: prints what it measures (no thresholds; targets are stated next to the figures).
//!
//! Needs `TEST_DATABASE_URL` (scripts/bench sets it up). Run: `scripts/bench`.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use login_security::login_log::{Filter, NewEvent};
use login_security::user_agent;

const DAY: i64 = 86_400;

fn per_call(total: Duration, n: u32) -> f64 {
    total.as_secs_f64() * 1e6 / f64::from(n)
}

fn time<T>(n: u32, mut f: impl FnMut(u32) -> T) -> f64 {
    let start = Instant::now();
    for i in 0..n {
        std::hint::black_box(f(i));
    }
    per_call(start.elapsed(), n)
}

fn main() {
    let now = chrono::Utc::now().timestamp();
    // --- user agents -------------------------------------------------------------------------------------
    let start = Instant::now();
    let _ = user_agent::parse_uncached("warm-up");
    println!("ua: first parse in a process                  {:>10.1} ms", start.elapsed().as_secs_f64() * 1e3);
    let agents: Vec<String> = (0..2000)
        .map(|i| format!("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{}.0.{i}.0 Safari/537.36", 90 + i % 40))
        .collect();
    let cold = time(2000, |i| user_agent::summarize(&agents[i as usize]));
    let warm = time(200_000, |i| user_agent::summarize(&agents[(i % 2000) as usize]));
    println!("ua: parse cold (distinct agents)              {cold:>10.2} µs/call");
    println!("ua: parse warm (cached)                       {warm:>10.2} µs/call   ratio cold/warm {:.0}x", cold / warm);

    // --- store ---------------------------------------------------------------------------------------------
    let Some(store) = common::fresh_store("bench") else { return };
    let ev = |i: u32| NewEvent {
        event: "failed".into(),
        user_type: "staff".into(),
        user_id: Some(i64::from(i % 50)),
        identifier: format!("user{i}@example.com"),
        reason: "wrong_password".into(),
        ip: "203.0.113.7".into(),
        user_agent: agents[(i % 10) as usize].clone(),
        ..NewEvent::default()
    };
    let record = time(2000, |i| store.record_event(&ev(i).prepare(now).unwrap()).unwrap());
    let floor = time(2000, |i| store.reference_point_select(u64::from(i % 2000 + 1)).unwrap());
    println!("store: primary-key SELECT (reference floor)   {floor:>10.1} µs/call");
    println!("store: record one event                       {record:>10.1} µs/call   ratio to floor {:.2}x", record / floor);

    let rows = 1_000_000;
    let start = Instant::now();
    store.insert_synthetic_events(rows, 500, 365, now).unwrap();
    println!("store: insert {rows} synthetic events          {:>10.2} s (set-up, not a target)", start.elapsed().as_secs_f64());

    let filter = Filter { user: "staff:42".into(), from: Some(now - 30 * DAY), to: Some(now), ..Filter::default() }.parse().unwrap();
    let (total, _) = store.events(&filter, 1, 25).unwrap();
    let page = time(50, |i| store.events(&filter, i64::from(i % 3) + 1, 25).unwrap());
    println!("store: log page, user + 30-day range ({total} matches of {}) {:>8.2} ms/page   target <= 20 ms   ratio to floor {:.1}x",
        rows + 2000, page / 1e3, page / floor);
    let range_only = Filter { from: Some(now - 7 * DAY), to: Some(now), ..Filter::default() }.parse().unwrap();
    let page_range = time(20, |_| store.events(&range_only, 1, 25).unwrap());
    println!("store: log page, 7-day range only                {:>8.2} ms/page", page_range / 1e3);
    let chart = time(20, |_| store.daily_counts(&filter, 0, now).unwrap());
    println!("store: chart counts, user + 30 days              {:>8.2} ms", chart / 1e3);

    let cleared = NewEvent { event: "log_cleared".into(), actor_name: "bench".into(), ..NewEvent::default() }.prepare(now).unwrap();
    let start = Instant::now();
    let removed = store.clear_events(&cleared).unwrap();
    println!("store: clear {removed} events                   {:>10.3} s   target <= 2 s", start.elapsed().as_secs_f64());
    store.drop_schema().unwrap();
}
