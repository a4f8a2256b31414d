//! The user-agent parser against the uap-core test corpus: it must keep the browser family, browser major and OS
//! family of the `uaparser` crate it replaced (same rules), and what the corpus itself expects. The thresholds are
//! the measured agreement (see `benches/user_agents.rs`), rounded down.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

#[path = "common/ua_corpus.rs"]
mod ua_corpus;


#[test]
fn the_old_parsers_browser_major_and_os_are_kept_on_the_corpus() {
    let (browsers, oses) = (ua_corpus::load("test_ua.yaml"), ua_corpus::load("test_os.yaml"));
    let agents: Vec<&str> = browsers.iter().chain(&oses).map(|c| c.ua.as_str()).collect();
    let a = ua_corpus::against_reference(&ua_corpus::reference(), &agents);
    eprintln!("against uaparser: n={} browser {:.2}% major {:.2}% os {:.2}% all {:.2}%, full versions {}",
        a.n, a.percent(a.browser), a.percent(a.major), a.percent(a.os), a.percent(a.all), a.versions);
    assert!(a.n > 1800, "corpus too small: {}", a.n);
    assert_eq!((a.all, a.versions), (a.n, a.n), "every agent keeps its browser, major and OS, and both full versions");
}

#[test]
fn the_corpus_expectations_are_met_as_before() {
    let (b, o) = ua_corpus::against_corpus(&ua_corpus::load("test_ua.yaml"), &ua_corpus::load("test_os.yaml"));
    eprintln!("as the corpus expects: browser {:.2}% major {:.2}% (n={}), os {:.2}% (n={})",
        b.percent(b.browser), b.percent(b.major), b.n, o.percent(o.os), o.n);
    assert!(b.percent(b.browser) >= 99.9 && b.percent(b.major) >= 99.9 && o.percent(o.os) >= 99.9);
}
