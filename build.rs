//! Turns the browser and OS rules of the vendored uap-core `regexes.yaml` into static Rust tables
//! (`$OUT_DIR/uap_rules.rs`, included by `src/user_agent.rs`). Doing it here keeps the YAML parser out of the
//! extension, and each rule carries the literal texts a matching user agent must contain, so at run time a rule's
//! regex is only compiled and run for agents that can match it.
#![allow(clippy::expect_used)]

use std::fmt::Write as _;

use regex_syntax::hir::{Class, Hir, HirKind};
use serde_yaml::Value;

fn main() {
    println!("cargo:rerun-if-changed=data/uap-core/regexes.yaml");
    println!("cargo:rerun-if-changed=build.rs");
    let yaml = std::fs::read_to_string("data/uap-core/regexes.yaml").expect("data/uap-core/regexes.yaml");
    let doc: Value = serde_yaml::from_str(&yaml).expect("regexes.yaml is YAML");
    let mut out = String::new();
    table(&mut out, "BROWSER_RULES", &doc["user_agent_parsers"], ["family_replacement", "v1_replacement", "v2_replacement"]);
    table(&mut out, "OS_RULES", &doc["os_parsers"], ["os_replacement", "os_v1_replacement", "os_v2_replacement"]);
    let path = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("uap_rules.rs");
    std::fs::write(path, out).expect("write uap_rules.rs");
}

/// One `static NAME: [Rule; n]`; `keys` name the family, major and minor replacement fields.
fn table(out: &mut String, name: &str, entries: &Value, keys: [&str; 3]) {
    let entries = entries.as_sequence().expect("a list of rules");
    writeln!(out, "static {name}: [Rule; {}] = [", entries.len()).expect("fmt");
    for entry in entries {
        let pattern = clean_escapes(entry["regex"].as_str().expect("every rule has a regex"));
        let [family, major, minor] = keys.map(|k| entry[k].as_str().map(str::to_owned));
        let needles: Vec<String> = needles_of(&pattern).iter().map(|group| format!("&{group:?}")).collect();
        writeln!(out, "    Rule {{ pattern: {pattern:?}, needles: &[{}], family: {family:?}, major: {major:?}, minor: {minor:?} }},", needles.join(", ")).expect("fmt");
    }
    out.push_str("];\n");
}

/// The escapes uap-core writes for other regex dialects (`\/`, `\!`, `\ `), unescaped exactly as the `uaparser`
/// crate does before compiling.
fn clean_escapes(pattern: &str) -> String {
    pattern.replace("\\/", "/").replace("\\!", "!").replace("\\ ", " ")
}

/// Groups of lowercase texts: a match of `pattern` contains, up to ASCII case, a text of every group. Case-
/// insensitive checks let `[Ss]pider`-style rules have needles too.
fn needles_of(pattern: &str) -> Vec<Vec<String>> {
    let hir = regex_syntax::ParserBuilder::new().unicode(false).utf8(false).build().parse(pattern)
        .unwrap_or_else(|e| panic!("uap-core regex {pattern:?}: {e}"));
    let mut groups = required(&hir);
    // The most selective group first: most agents fail it and the rest are not checked.
    groups.sort_by_key(|group| std::cmp::Reverse(group.iter().map(Vec::len).min()));
    groups.into_iter()
        .filter(|group| group.iter().all(|text| !text.is_empty()))
        .filter_map(|group| group.into_iter().map(String::from_utf8).collect::<Result<Vec<_>, _>>().ok())
        .collect()
}

/// Most texts an exact set may have: longer alternations are kept as groups, not multiplied out.
const MAX_ALTERNATIVES: usize = 16;

/// The groups every match satisfies (see `needles_of`); empty: none.
fn required(hir: &Hir) -> Vec<Vec<Vec<u8>>> {
    if let Some(set) = exact(hir) {
        return vec![set];
    }
    match hir.kind() {
        HirKind::Capture(cap) => required(&cap.sub),
        HirKind::Repetition(rep) if rep.min >= 1 => required(&rep.sub),
        HirKind::Concat(parts) => {
            // Runs of exact parts make one group (their concatenations); every other part adds its own groups.
            let mut groups = Vec::new();
            let mut run: Option<Vec<Vec<u8>>> = None;
            for part in parts {
                match exact(part) {
                    Some(set) => run = Some(match run.take() {
                        Some(prefixes) if prefixes.len() * set.len() <= MAX_ALTERNATIVES => product(&prefixes, &set),
                        Some(prefixes) => {
                            groups.push(prefixes);
                            set
                        }
                        None => set,
                    }),
                    None => {
                        groups.extend(run.take());
                        groups.extend(required(part));
                    }
                }
            }
            groups.extend(run);
            groups
        }
        // Each branch contributes its most selective group (the longest shortest text); a branch without one makes
        // the whole alternation unconstrained.
        HirKind::Alternation(branches) => branches.iter()
            .map(|b| required(b).into_iter().max_by_key(|group| group.iter().map(Vec::len).min()))
            .collect::<Option<Vec<_>>>()
            .map(|best| best.concat())
            .into_iter()
            .collect(),
        _ => Vec::new(),
    }
}

/// Every text `hir` can match, lowercased, if there are few (`MAX_ALTERNATIVES`) and nothing but literals,
/// `[Xx]` classes, groups, concatenations and alternations is involved.
fn exact(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    let set = match hir.kind() {
        HirKind::Empty => vec![Vec::new()],
        HirKind::Literal(lit) => vec![lit.0.to_ascii_lowercase()],
        HirKind::Class(class) => vec![class.literal().or_else(|| one_letter_any_case(class))?.to_ascii_lowercase()],
        HirKind::Capture(cap) => exact(&cap.sub)?,
        HirKind::Concat(parts) => parts.iter().try_fold(vec![Vec::new()], |acc, part| Some(product(&acc, &exact(part)?)))?,
        HirKind::Alternation(branches) => branches.iter().map(exact).collect::<Option<Vec<_>>>()?.concat(),
        _ => return None,
    };
    (set.len() <= MAX_ALTERNATIVES).then_some(set)
}

/// Every `a` followed by every `b`.
fn product(a: &[Vec<u8>], b: &[Vec<u8>]) -> Vec<Vec<u8>> {
    a.iter().flat_map(|x| b.iter().map(move |y| [x.as_slice(), y].concat())).collect()
}

/// `[Xx]`: one ASCII letter in both cases.
fn one_letter_any_case(class: &Class) -> Option<Vec<u8>> {
    let ranges: Vec<(u32, u32)> = match class {
        Class::Bytes(c) => c.ranges().iter().map(|r| (r.start().into(), r.end().into())).collect(),
        Class::Unicode(c) => c.ranges().iter().map(|r| (r.start().into(), r.end().into())).collect(),
    };
    let [(upper, upper_end), (lower, lower_end)] = ranges[..] else { return None };
    let letter = u8::try_from(upper).ok().filter(u8::is_ascii_uppercase)?;
    (upper == upper_end && lower == lower_end && lower == u32::from(letter.to_ascii_lowercase())).then(|| vec![letter])
}
