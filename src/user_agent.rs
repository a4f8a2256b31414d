//! User-agent summary: device type, browser + version, OS + version.
//!
//! Uses the `uaparser` crate with the uap-core `regexes.yaml` (0.18.0, Apache-2.0, vendored in `data/uap-core`)
//! embedded at build time, unicode support off (same results, much faster). Only the browser and OS parsers are
//! built: the device-model parser (most of the regexes) would more than double the memory a PHP worker gains
//! (measured: +38 MiB with it, +15 MiB without) for a model name the log does not show; the device TYPE comes from
//! the OS and a few keywords. Results are cached per process.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use serde::Serialize;
use uaparser::{Parser, UserAgentParser};

/// The longest user agent kept, in bytes; longer ones are cut (at a character boundary).
pub const MAX_LEN: usize = 512;
/// How many distinct user agents the per-process cache holds before it starts over.
const CACHE_CAPACITY: usize = 2048;

static REGEXES: &[u8] = include_bytes!("../data/uap-core/regexes.yaml");

/// What the Login Log shows of a user agent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// `desktop`, `mobile`, `tablet`, `bot` or `unknown`.
    pub device: &'static str,
    /// Browser family, e.g. `Chrome` ("" when unknown).
    pub browser: String,
    /// e.g. `124.0` ("" when unknown).
    pub browser_version: String,
    /// OS family, e.g. `Windows` ("" when unknown).
    pub os: String,
    /// e.g. `10` ("" when unknown).
    pub os_version: String,
}

/// Makes any bytes safe to store: invalid UTF-8 replaced, NUL and other control characters removed,
/// surrounding space trimmed, cut to [`MAX_LEN`] bytes.
#[must_use]
pub fn sanitize(raw: &[u8]) -> String {
    let head = &raw[..raw.len().min(MAX_LEN * 4)];
    let text = String::from_utf8_lossy(head);
    let mut out = String::with_capacity(text.len().min(MAX_LEN));
    for c in text.chars().filter(|c| !c.is_control()) {
        if out.len() + c.len_utf8() > MAX_LEN {
            break;
        }
        out.push(c);
    }
    out.trim().to_string()
}

/// The process-wide parser, built on first use (about 0.2 s), never at module start-up.
fn parser() -> Option<&'static UserAgentParser> {
    static PARSER: OnceLock<Option<UserAgentParser>> = OnceLock::new();
    PARSER
        .get_or_init(|| UserAgentParser::builder().with_unicode_support(false).with_device(false).build_from_bytes(REGEXES).ok())
        .as_ref()
}

fn cache() -> &'static Mutex<HashMap<String, Summary>> {
    static CACHE: OnceLock<Mutex<HashMap<String, Summary>>> = OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(HashMap::new()))
}

/// Summarises a (sanitised) user agent, from the cache when it was seen before.
#[must_use]
pub fn summarize(ua: &str) -> Summary {
    if ua.is_empty() {
        return Summary { device: "unknown", ..Summary::default() };
    }
    if let Ok(map) = cache().lock()
        && let Some(hit) = map.get(ua)
    {
        return hit.clone();
    }
    let summary = parse_uncached(ua);
    if let Ok(mut map) = cache().lock() {
        if map.len() >= CACHE_CAPACITY {
            map.clear();
        }
        map.insert(ua.to_string(), summary.clone());
    }
    summary
}

/// Parses without the cache (benchmarks use it for the cold cost).
#[must_use]
pub fn parse_uncached(ua: &str) -> Summary {
    let Some(p) = parser() else { return Summary { device: "unknown", ..Summary::default() } };
    let client = p.parse(ua);
    let known = |s: &str| if s == "Other" { String::new() } else { s.to_string() };
    let version = |parts: [Option<&str>; 2]| parts.iter().flatten().copied().collect::<Vec<_>>().join(".");
    let browser = known(&client.user_agent.family);
    let os = known(&client.os.family);
    Summary {
        device: device_type(ua, &browser, &os),
        browser_version: if browser.is_empty() {
            String::new()
        } else {
            version([client.user_agent.major.as_deref(), client.user_agent.minor.as_deref()])
        },
        os_version: if os.is_empty() {
            String::new()
        } else {
            version([client.os.major.as_deref(), client.os.minor.as_deref()])
        },
        browser,
        os,
    }
}

const BOT_WORDS: [&str; 13] = ["bot", "crawl", "spider", "slurp", "facebookexternalhit", "curl/", "wget/", "python-requests",
    "python-urllib", "go-http-client", "okhttp", "headless", "libwww"];
const TABLET_WORDS: [&str; 9] = ["ipad", "tablet", "kindle", "silk/", "playbook", "sm-t", "nexus 7", "nexus 9", "nexus 10"];
const MOBILE_OS: [&str; 6] = ["iOS", "Android", "Windows Phone", "BlackBerry OS", "KaiOS", "Firefox OS"];
const DESKTOP_OS: [&str; 9] = ["Windows", "Mac OS X", "Linux", "Ubuntu", "Chrome OS", "Fedora", "Debian", "FreeBSD", "macOS"];

fn device_type(ua: &str, browser: &str, os: &str) -> &'static str {
    let lower = ua.to_ascii_lowercase();
    let browser = browser.to_ascii_lowercase();
    if BOT_WORDS.iter().any(|w| lower.contains(w) || browser.contains(w)) {
        return "bot";
    }
    if TABLET_WORDS.iter().any(|w| lower.contains(w))
        || (os == "Android" && !lower.contains("mobile"))
    {
        return "tablet";
    }
    if MOBILE_OS.contains(&os) || lower.contains("mobile") {
        return "mobile";
    }
    if DESKTOP_OS.iter().any(|d| os.starts_with(d)) {
        return "desktop";
    }
    "unknown"
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHROME_WIN: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
    const IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
    const IPAD: &str = "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1";
    const ANDROID_PHONE: &str = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36";
    const FIREFOX_LINUX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0";
    const GOOGLEBOT: &str = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

    #[test]
    fn desktop_browsers_are_recognised() {
        let s = summarize(CHROME_WIN);
        assert_eq!((s.device, s.browser.as_str(), s.browser_version.as_str(), s.os.as_str(), s.os_version.as_str()),
                   ("desktop", "Chrome", "124.0", "Windows", "10"));
        let f = summarize(FIREFOX_LINUX);
        assert_eq!((f.device, f.browser.as_str(), f.os.as_str()), ("desktop", "Firefox", "Linux"));
    }

    #[test]
    fn phones_tablets_and_bots_get_their_device_type() {
        assert_eq!(summarize(IPHONE).device, "mobile");
        assert_eq!(summarize(IPHONE).os, "iOS");
        assert_eq!(summarize(IPAD).device, "tablet");
        assert_eq!(summarize(ANDROID_PHONE).device, "mobile");
        assert_eq!(summarize(GOOGLEBOT).device, "bot");
        assert_eq!(summarize("curl/8.5.0").device, "bot");
        assert_eq!(summarize("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)").device, "bot");
        let galaxy_tab = "Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
        assert_eq!(summarize(galaxy_tab).device, "tablet", "Android without \"Mobile\" is a tablet");
    }

    #[test]
    fn empty_and_garbage_user_agents_are_unknown() {
        assert_eq!(summarize("").device, "unknown");
        let s = summarize("<script>alert(1)</script>");
        assert_eq!((s.device, s.browser.as_str(), s.os.as_str()), ("unknown", "", ""));
    }

    #[test]
    fn sanitize_cuts_replaces_and_strips() {
        let huge = vec![b'a'; 64 * 1024];
        assert_eq!(sanitize(&huge).len(), MAX_LEN);
        assert_eq!(sanitize(b"Mozilla\0/5.0\xff\xfe x"), "Mozilla/5.0\u{fffd}\u{fffd} x");
        let multibyte = "é".repeat(400); // 800 bytes: must cut at a character boundary
        let cut = sanitize(multibyte.as_bytes());
        assert!(cut.len() <= MAX_LEN && cut.chars().all(|c| c == 'é'));
    }

    #[test]
    fn cached_result_equals_fresh_parse() {
        assert_eq!(summarize(CHROME_WIN), parse_uncached(CHROME_WIN));
        assert_eq!(summarize(CHROME_WIN), summarize(CHROME_WIN));
    }
}
