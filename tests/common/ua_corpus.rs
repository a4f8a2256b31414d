//! The uap-core test corpus (`data/uap-core/tests`, 0.18.0, the release of the vendored rules) and the `uaparser`
//! crate the extension used before, set up as it was (same rules, unicode and device parsing off): the two
//! references the extension's user-agent parser is compared with, by `tests/user_agent_corpus.rs` and
//! `benches/user_agents.rs`.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use login_security::user_agent::{self, Summary};
use serde_yaml::Value;
use uaparser::{Parser, UserAgentParser};

/// One corpus entry: the agent and the family and major version uap-core expects ("" for none, as in `Summary`).
pub struct Case {
    pub ua: String,
    pub family: String,
    pub major: String,
}

/// `tests/test_ua.yaml` (browsers) or `tests/test_os.yaml` (OS), agents sanitised as the extension stores them.
pub fn load(file: &str) -> Vec<Case> {
    let path = format!("{}/data/uap-core/tests/{file}", env!("CARGO_MANIFEST_DIR"));
    let doc: Value = serde_yaml::from_str(&std::fs::read_to_string(&path).expect(&path)).expect("corpus is YAML");
    let text = |v: &Value| v.as_str().filter(|s| *s != "Other").unwrap_or_default().to_string();
    doc["test_cases"].as_sequence().expect("test_cases").iter()
        .map(|c| Case {
            ua: user_agent::sanitize(c["user_agent_string"].as_str().expect("user_agent_string").as_bytes()),
            family: text(&c["family"]),
            major: text(&c["major"]),
        })
        .collect()
}

/// The parser the extension used before, built as it was.
pub fn reference() -> UserAgentParser {
    let rules = std::fs::read(format!("{}/data/uap-core/regexes.yaml", env!("CARGO_MANIFEST_DIR"))).expect("regexes.yaml");
    UserAgentParser::builder().with_unicode_support(false).with_device(false).build_from_bytes(&rules).expect("uaparser")
}

/// What the extension's summary was with `reference()` (its old `parse_uncached`, device type aside).
pub fn reference_summary(parser: &UserAgentParser, ua: &str) -> Summary {
    let client = parser.parse(ua);
    let known = |s: &str| if s == "Other" { String::new() } else { s.to_string() };
    let version = |parts: [Option<&str>; 2]| parts.iter().flatten().copied().collect::<Vec<_>>().join(".");
    let browser = known(&client.user_agent.family);
    let os = known(&client.os.family);
    Summary {
        device: "",
        browser_version: if browser.is_empty() { String::new() } else { version([client.user_agent.major.as_deref(), client.user_agent.minor.as_deref()]) },
        os_version: if os.is_empty() { String::new() } else { version([client.os.major.as_deref(), client.os.minor.as_deref()]) },
        browser,
        os,
    }
}

/// The major version in a `Summary` version ("124.0" → "124").
pub fn major(version: &str) -> &str {
    version.split('.').next().unwrap_or_default()
}

/// Counts of agreeing fields over `n` agents.
#[derive(Default)]
pub struct Agreement {
    pub n: usize,
    pub browser: usize,
    pub major: usize,
    pub os: usize,
    /// Browser family, major and OS family all agree.
    pub all: usize,
    /// Browser and OS versions (major.minor) both agree in full (counted against the old parser only).
    pub versions: usize,
}

impl Agreement {
    pub fn add(&mut self, browser: bool, major: bool, os: bool) {
        self.n += 1;
        self.browser += usize::from(browser);
        self.major += usize::from(major);
        self.os += usize::from(os);
        self.all += usize::from(browser && major && os);
    }

    pub fn percent(&self, count: usize) -> f64 {
        100.0 * count as f64 / self.n.max(1) as f64
    }
}

/// Ours against the old parser on every agent of both corpus files.
pub fn against_reference(parser: &UserAgentParser, agents: &[&str]) -> Agreement {
    let mut a = Agreement::default();
    for ua in agents {
        let (ours, old) = (user_agent::parse_uncached(ua), reference_summary(parser, ua));
        a.add(ours.browser == old.browser, major(&ours.browser_version) == major(&old.browser_version), ours.os == old.os);
        a.versions += usize::from((&ours.browser_version, &ours.os_version) == (&old.browser_version, &old.os_version));
    }
    a
}

/// Ours against what the corpus expects: browser family and major on `test_ua.yaml`, OS family on `test_os.yaml`.
pub fn against_corpus(browsers: &[Case], oses: &[Case]) -> (Agreement, Agreement) {
    let (mut b, mut o) = (Agreement::default(), Agreement::default());
    for c in browsers {
        let s = user_agent::parse_uncached(&c.ua);
        b.add(s.browser == c.family, major(&s.browser_version) == c.major, true);
    }
    for c in oses {
        o.add(true, true, user_agent::parse_uncached(&c.ua).os == c.family);
    }
    (b, o)
}
