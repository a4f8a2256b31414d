//! Client IP resolution behind trusted proxies, and IP anonymisation.
//!
//! Perfex's own `ip_address()` believes an `X-Sucuri-ClientIP` header from anyone (perfex-facts §5). Here a
//! forwarded header counts only when the TCP peer (`REMOTE_ADDR`) is a configured trusted proxy.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// Why a list of IP addresses / CIDR ranges was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IpListError {
    /// The entry is neither an IP address nor a CIDR range.
    NotAnAddress(String),
    /// The entry's prefix length is beyond the address's (32 or 128).
    BadPrefix(String, u8),
    /// More entries than allowed (the limit, the number given).
    TooMany(usize, usize),
}

impl std::fmt::Display for IpListError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IpListError::NotAnAddress(t) => write!(f, "\"{t}\" is not an IP address or CIDR range"),
            IpListError::BadPrefix(t, max) => write!(f, "\"{t}\" has a prefix length outside 0-{max}"),
            IpListError::TooMany(max, n) => write!(f, "at most {max} entries are allowed, {n} were given"),
        }
    }
}

/// One IP network: an address and a prefix length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    addr: IpAddr,
    prefix: u8,
}

impl Cidr {
    /// Parses `"10.0.0.0/8"`, `"2001:db8::/32"` or a bare address (a /32 or /128).
    ///
    /// # Errors
    /// A message naming the bad entry.
    pub fn parse(text: &str) -> Result<Self, IpListError> {
        let (addr_text, prefix_text) = match text.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (text, None),
        };
        let addr = parse_ip(addr_text).ok_or_else(|| IpListError::NotAnAddress(text.to_string()))?;
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix_text {
            None => max,
            Some(p) => match p.parse::<u8>() {
                Ok(n) if n <= max => n,
                _ => return Err(IpListError::BadPrefix(text.to_string(), max)),
            },
        };
        Ok(Cidr { addr: mask(addr, prefix), prefix })
    }

    /// Whether `ip` lies inside this network (IPv4 never matches an IPv6 network and vice versa).
    #[must_use]
    pub fn contains(&self, ip: IpAddr) -> bool {
        ip.is_ipv4() == self.addr.is_ipv4() && mask(ip, self.prefix) == self.addr
    }
}

impl std::fmt::Display for Cidr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let max = if self.addr.is_ipv4() { 32 } else { 128 };
        if self.prefix == max { write!(f, "{}", self.addr) } else { write!(f, "{}/{}", self.addr, self.prefix) }
    }
}

/// A list of IPs and CIDR ranges: trusted proxies, the lockout allow-list (at most [`IpList::MAX`] entries).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IpList(Vec<Cidr>);

impl IpList {
    /// The most entries a list may hold.
    pub const MAX: usize = 200;

    /// Parses entries separated by commas, spaces or new lines; an empty text is an empty list.
    ///
    /// # Errors
    /// A message naming the first bad entry, or saying the list is too long.
    pub fn parse(text: &str) -> Result<Self, IpListError> {
        let entries = text
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|s| !s.is_empty())
            .map(Cidr::parse)
            .collect::<Result<Vec<_>, _>>()?;
        if entries.len() > Self::MAX {
            return Err(IpListError::TooMany(Self::MAX, entries.len()));
        }
        Ok(IpList(entries))
    }

    /// Whether `ip` is inside one of the entries.
    #[must_use]
    pub fn contains(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|c| c.contains(ip))
    }

    /// Whether the address text is inside one of the entries (false for text that is not an address).
    #[must_use]
    pub fn contains_text(&self, ip: &str) -> bool {
        parse_ip(ip).is_some_and(|a| self.contains(a))
    }

    /// The canonical text: one entry a line.
    #[must_use]
    pub fn to_text(&self) -> String {
        self.0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
    }
}

/// Parses an address, accepting `[v6]` brackets and unwrapping IPv4-mapped IPv6 (`::ffff:1.2.3.4`).
#[must_use]
pub fn parse_ip(text: &str) -> Option<IpAddr> {
    let t = text.trim().trim_start_matches('[').trim_end_matches(']');
    match t.parse::<IpAddr>().ok()? {
        IpAddr::V6(v6) => Some(v6.to_ipv4_mapped().map_or(IpAddr::V6(v6), IpAddr::V4)),
        v4 => Some(v4),
    }
}

fn mask(ip: IpAddr, prefix: u8) -> IpAddr {
    match ip {
        IpAddr::V4(v4) => {
            let bits = u32::from(v4);
            let m = if prefix == 0 { 0 } else { u32::MAX << (32 - u32::from(prefix)) };
            IpAddr::V4(Ipv4Addr::from(bits & m))
        }
        IpAddr::V6(v6) => {
            let bits = u128::from(v6);
            let m = if prefix == 0 { 0 } else { u128::MAX << (128 - u32::from(prefix)) };
            IpAddr::V6(Ipv6Addr::from(bits & m))
        }
    }
}

/// The forwarded headers believed from a trusted proxy, in order of preference.
const FORWARD_HEADERS: [&str; 3] = ["x-forwarded-for", "x-real-ip", "cf-connecting-ip"];

/// Normalises a header name: `HTTP_X_FORWARDED_FOR` and `X-Forwarded-For` both become `x-forwarded-for`.
fn header_key(name: &str) -> String {
    let n = name.trim();
    let n = n.strip_prefix("HTTP_").unwrap_or(n);
    n.to_ascii_lowercase().replace('_', "-")
}

/// The client's address.
///
/// `remote_addr` is the TCP peer. Only when it is a trusted proxy are `X-Forwarded-For` (walked from the right,
/// skipping trusted hops, stopping at the first malformed entry), then `X-Real-IP`, then `CF-Connecting-IP`
/// believed. Returns the normalised address, or `remote_addr` unchanged when it is not an address.
#[must_use]
pub fn client_ip(remote_addr: &str, headers: &[(String, String)], trusted: &IpList) -> String {
    let Some(peer) = parse_ip(remote_addr) else { return remote_addr.to_string() };
    if !trusted.contains(peer) {
        return peer.to_string();
    }
    let lookup = |wanted: &str| headers.iter().find(|(k, _)| header_key(k) == wanted).map(|(_, v)| v.as_str());
    for name in FORWARD_HEADERS {
        let Some(value) = lookup(name) else { continue };
        let mut candidate = peer;
        for hop in value.rsplit(',') {
            match parse_ip(hop) {
                Some(ip) => {
                    candidate = ip;
                    if !trusted.contains(ip) {
                        break;
                    }
                }
                None => break,
            }
        }
        if candidate != peer {
            return candidate.to_string();
        }
    }
    peer.to_string()
}

/// IPv4 → its /24 network address, IPv6 → its /48; `None` for text that is not an address.
#[must_use]
pub fn anonymize(text: &str) -> Option<String> {
    let ip = parse_ip(text)?;
    Some(mask(ip, if ip.is_ipv4() { 24 } else { 48 }).to_string())
}

/// The 4- or 16-byte form stored in the database (`INET6_NTOA` reads it back).
#[must_use]
pub fn to_bytes(text: &str) -> Option<Vec<u8>> {
    match parse_ip(text)? {
        IpAddr::V4(v4) => Some(v4.octets().to_vec()),
        IpAddr::V6(v6) => Some(v6.octets().to_vec()),
    }
}

/// The text form of a stored 4- or 16-byte address ("" for anything else).
#[must_use]
pub fn from_bytes(bytes: &[u8]) -> String {
    match bytes.len() {
        4 => <[u8; 4]>::try_from(bytes).map(|b| Ipv4Addr::from(b).to_string()).unwrap_or_default(),
        16 => <[u8; 16]>::try_from(bytes).map(|b| Ipv6Addr::from(b).to_string()).unwrap_or_default(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| ((*k).to_string(), (*v).to_string())).collect()
    }
    fn trusted(t: &str) -> IpList {
        IpList::parse(t).unwrap()
    }

    #[test]
    fn forwarded_headers_from_an_untrusted_peer_are_ignored() {
        let headers = h(&[("X-Forwarded-For", "1.2.3.4"), ("X-Real-IP", "5.6.7.8"), ("CF-Connecting-IP", "9.9.9.9")]);
        assert_eq!(client_ip("203.0.113.7", &headers, &trusted("10.0.0.0/8")), "203.0.113.7");
        assert_eq!(client_ip("203.0.113.7", &headers, &IpList::default()), "203.0.113.7");
    }

    #[test]
    fn x_forwarded_for_is_walked_from_the_right_past_trusted_hops() {
        let headers = h(&[("HTTP_X_FORWARDED_FOR", "6.6.6.6, 198.51.100.9, 10.0.0.2")]);
        // 6.6.6.6 was written by the client itself: the first untrusted hop from the right is the client.
        assert_eq!(client_ip("10.0.0.1", &headers, &trusted("10.0.0.0/8")), "198.51.100.9");
    }

    #[test]
    fn all_trusted_chain_gives_the_leftmost_hop() {
        let headers = h(&[("x-forwarded-for", "10.1.1.1, 10.0.0.2")]);
        assert_eq!(client_ip("10.0.0.1", &headers, &trusted("10.0.0.0/8")), "10.1.1.1");
    }

    #[test]
    fn malformed_hop_stops_the_walk() {
        let headers = h(&[("X-Forwarded-For", "1.1.1.1, <script>, 10.0.0.3")]);
        assert_eq!(client_ip("10.0.0.1", &headers, &trusted("10.0.0.0/8")), "10.0.0.3");
        let garbage = h(&[("X-Forwarded-For", "not-an-ip")]);
        assert_eq!(client_ip("10.0.0.1", &garbage, &trusted("10.0.0.0/8")), "10.0.0.1");
    }

    #[test]
    fn real_ip_and_cloudflare_headers_are_used_from_trusted_proxies() {
        let t = trusted("2001:db8::/32 192.0.2.10");
        assert_eq!(client_ip("192.0.2.10", &h(&[("X-Real-IP", "8.8.8.8")]), &t), "8.8.8.8");
        assert_eq!(client_ip("2001:db8::1", &h(&[("CF-Connecting-IP", "2001:4860::8888")]), &t), "2001:4860::8888");
    }

    #[test]
    fn ipv4_mapped_ipv6_peers_are_treated_as_ipv4() {
        assert_eq!(client_ip("::ffff:10.0.0.1", &h(&[("X-Real-IP", "8.8.4.4")]), &trusted("10.0.0.0/8")), "8.8.4.4");
    }

    #[test]
    fn non_address_remote_is_returned_unchanged() {
        assert_eq!(client_ip("", &[], &IpList::default()), "");
        assert_eq!(client_ip("unix:", &[], &IpList::default()), "unix:");
    }

    #[test]
    fn cidr_parsing_rejects_bad_entries() {
        assert!(Cidr::parse("10.0.0.0/33").is_err());
        assert!(Cidr::parse("::/129").is_err());
        assert!(Cidr::parse("example.com").is_err());
        assert_eq!(IpList::parse("10.0.0.1, nope").unwrap_err(), IpListError::NotAnAddress("nope".into()));
        assert_eq!(trusted(" 10.0.0.9/8 ,\n::1 ").to_text(), "10.0.0.0/8\n::1");
    }

    #[test]
    fn anonymize_keeps_the_24_or_48_network() {
        assert_eq!(anonymize("203.0.113.77").as_deref(), Some("203.0.113.0"));
        assert_eq!(anonymize("2001:db8:abcd:1234::1").as_deref(), Some("2001:db8:abcd::"));
        assert_eq!(anonymize("junk"), None);
    }

    #[test]
    fn bytes_round_trip() {
        for ip in ["192.0.2.1", "2001:db8::42"] {
            assert_eq!(from_bytes(&to_bytes(ip).unwrap()), ip);
        }
        assert_eq!(from_bytes(&[1, 2, 3]), "");
    }
}
