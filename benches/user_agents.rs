//! User-agent parser benchmark: agreement with the `uaparser` crate the extension used before (same uap-core rules)
//! and with the uap-core test corpus, and the cost per agent of both. Prints what it measures (no thresholds;
//! `tests/user_agent_corpus.rs` asserts the agreement). The memory a PHP worker gains is measured from PHP
//! (`tests/bench/extension_memory.php`). Run: `scripts/bench`.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

#[path = "../tests/common/ua_corpus.rs"]
mod ua_corpus;

use std::time::Instant;

use login_security::user_agent;
use ua_corpus::Agreement;

fn show(what: &str, a: &Agreement) {
    println!("ua: {what:<34} n={:<5} browser {:>6.2}%  major {:>6.2}%  os {:>6.2}%  all three {:>6.2}%",
        a.n, a.percent(a.browser), a.percent(a.major), a.percent(a.os), a.percent(a.all));
}

/// µs per call of `f` over `agents`: on average, and for the slowest agent.
fn per_agent<T>(agents: &[&str], f: impl Fn(&str) -> T) -> (f64, f64) {
    let (mut total, mut slowest) = (0.0, 0.0_f64);
    for ua in agents {
        let start = Instant::now();
        std::hint::black_box(f(ua));
        let us = start.elapsed().as_secs_f64() * 1e6;
        total += us;
        slowest = slowest.max(us);
    }
    (total / agents.len() as f64, slowest)
}

fn main() {
    let (browsers, oses) = (ua_corpus::load("test_ua.yaml"), ua_corpus::load("test_os.yaml"));
    let agents: Vec<&str> = browsers.iter().chain(&oses).map(|c| c.ua.as_str()).collect();
    let typical = [user_agent::sanitize(b"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36")];
    let typical: Vec<&str> = typical.iter().map(String::as_str).cycle().take(2000).collect();

    let ours = per_agent(&agents, user_agent::parse_uncached);
    let ours_typical = per_agent(&typical, user_agent::parse_uncached);
    let start = Instant::now();
    let reference = ua_corpus::reference();
    let build_ms = start.elapsed().as_secs_f64() * 1e3;
    let old = per_agent(&agents, |ua| ua_corpus::reference_summary(&reference, ua));
    let old_typical = per_agent(&typical, |ua| ua_corpus::reference_summary(&reference, ua));

    let a = ua_corpus::against_reference(&reference, &agents);
    show("same as uaparser (both corpus files)", &a);
    println!("ua: {:<34} {} of {} agents (browser and OS major.minor)", "full versions same as uaparser", a.versions, a.n);
    let (b, o) = ua_corpus::against_corpus(&browsers, &oses);
    println!("ua: as the corpus expects: browser family {:.2}%, major {:.2}% (test_ua.yaml, n={}); OS family {:.2}% (test_os.yaml, n={})",
        b.percent(b.browser), b.percent(b.major), b.n, o.percent(o.os), o.n);
    println!("ua: parse uncached, corpus agents         {:>8.1} µs/agent   uaparser {:>8.1} µs/agent (+ {build_ms:.0} ms once to build it)", ours.0, old.0);
    println!("ua: parse uncached, slowest corpus agent  {:>8.1} µs         uaparser {:>8.1} µs", ours.1, old.1);
    println!("ua: parse uncached, Chrome/Windows agent  {:>8.1} µs/agent   uaparser {:>8.1} µs/agent", ours_typical.0, old_typical.0);
}
