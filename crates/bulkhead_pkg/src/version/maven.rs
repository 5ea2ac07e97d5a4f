//! Maven artifact versions, ordered as Maven's `ComparableVersion`: a sub-list sorts above any
//! qualifier as in Maven 3.9 and master (`1.abc > 1.abc.1`), and a release qualifier with a
//! number compares by its number as master does (`2-ga3 > 2`; 3.9 says `=`, which is not
//! transitive).
//!
//! Owns: the item tree (numbers, qualifiers, qualifier+number combinations, and nested lists
//! opened by `-` and by digit/letter transitions), its normalisation (trailing and redundant
//! zeros dropped), and the comparison. Well-known qualifiers order `alpha` < `beta` <
//! `milestone` < `rc` = `cr` < `snapshot` < (release = `ga` = `final` = `release`) < `sp` <
//! unknown qualifiers (alphabetical, case-insensitive). Ranges live in `range::maven`.

use crate::{Scheme, VersionError};
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// Maven refuses longer version strings (bounds parsing and comparison cost).
const MAX_LEN: usize = 256;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Item {
    /// Digits without leading zeros (`"0"` for zero).
    Num(Box<str>),
    /// A qualifier, lowercased, aliases resolved.
    Str(Box<str>),
    /// A qualifier directly followed by a number (`rc1`, `sp-1`).
    Comb(Box<str>, Box<str>),
    /// A sub-list.
    List(Vec<Item>),
}

/// The qualifier ranks as strings, so that unknown qualifiers compare after them
/// alphabetically (`"7-<name>"`).
fn comparable_qualifier(q: &str) -> std::borrow::Cow<'static, str> {
    const KNOWN: [&str; 7] = ["alpha", "beta", "milestone", "rc", "snapshot", "", "sp"];
    if matches!(q, "ga" | "final" | "release") {
        return "5".into();
    }
    match KNOWN.iter().position(|k| *k == q) {
        Some(i) => ["0", "1", "2", "3", "4", "5", "6"][i].into(),
        None => format!("7-{q}").into(),
    }
}

fn make_str(value: &str, followed_by_digit: bool) -> Box<str> {
    let v = if followed_by_digit && value.len() == 1 {
        match value {
            "a" => "alpha",
            "b" => "beta",
            "m" => "milestone",
            other => other,
        }
    } else {
        value
    };
    if v == "cr" { "rc".into() } else { v.into() }
}

fn strip_zeros(s: &str) -> Box<str> {
    let t = s.trim_start_matches('0');
    if t.is_empty() { "0".into() } else { t.into() }
}

fn parse_item(combination: bool, digit: bool, buf: &str) -> Item {
    if combination {
        let buf = buf.replace('-', "");
        let idx = buf.find(|c: char| c.is_ascii_digit()).unwrap_or(buf.len());
        let (s, d) = buf.split_at(idx);
        let digits: String = d.chars().filter(char::is_ascii_digit).collect();
        Item::Comb(make_str(s, true), strip_zeros(&digits))
    } else if digit {
        Item::Num(strip_zeros(buf))
    } else {
        Item::Str(make_str(buf, false))
    }
}

/// Numbers without leading zeros: more digits is bigger, then digit by digit.
fn num_cmp(a: &str, b: &str) -> Ordering {
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

/// A number against a missing item: only zero is equal.
fn num_cmp_null(n: &str) -> Ordering {
    if n == "0" {
        Ordering::Equal
    } else {
        Ordering::Greater
    }
}

/// A qualifier against a missing item (the release): `1-rc < 1`, `1-ga == 1`, `1-sp > 1`.
fn str_cmp_null(s: &str) -> Ordering {
    comparable_qualifier(s).as_ref().cmp("5")
}

impl Item {
    fn is_null(&self) -> bool {
        match self {
            Item::Num(n) => &**n == "0",
            Item::Str(s) => s.is_empty(),
            Item::Comb(..) => false,
            Item::List(l) => l.is_empty(),
        }
    }

    /// `compareTo(null)`: against a missing item.
    fn cmp_null(&self) -> Ordering {
        match self {
            Item::Num(n) => num_cmp_null(n),
            Item::Str(s) => str_cmp_null(s),
            Item::Comb(s, d) => str_cmp_null(s).then_with(|| num_cmp_null(d)),
            Item::List(l) => l
                .iter()
                .map(Item::cmp_null)
                .find(|o| *o != Ordering::Equal)
                .unwrap_or(Ordering::Equal),
        }
    }

    fn cmp_item(&self, other: &Item) -> Ordering {
        use Item::*;
        match (self, other) {
            (Num(a), Num(b)) => num_cmp(a, b),
            (Num(_), _) => Ordering::Greater,
            (Str(_) | Comb(..) | List(_), Num(_)) => Ordering::Less,
            (Str(a), Str(b)) => comparable_qualifier(a).cmp(&comparable_qualifier(b)),
            (Str(a), Comb(s, d)) => {
                let r = comparable_qualifier(a).cmp(&comparable_qualifier(s));
                if r == Ordering::Equal {
                    if str_cmp_null(a) == Ordering::Equal {
                        return num_cmp_null(d).reverse();
                    }
                    return Ordering::Less;
                }
                r
            }
            (Comb(s, d), Str(b)) => {
                let r = comparable_qualifier(s).cmp(&comparable_qualifier(b));
                if r == Ordering::Equal {
                    if str_cmp_null(s) == Ordering::Equal {
                        return num_cmp_null(d);
                    }
                    return Ordering::Greater;
                }
                r
            }
            (Comb(s1, d1), Comb(s2, d2)) => {
                let r = comparable_qualifier(s1).cmp(&comparable_qualifier(s2));
                if r == Ordering::Equal {
                    num_cmp(d1, d2)
                } else {
                    r
                }
            }
            // A sub-list sorts above any qualifier (`1-1 > 1-sp`, `1.abc > 1.abc.1`).
            (Str(_) | Comb(..), List(_)) => Ordering::Less,
            (List(_), Str(_) | Comb(..)) => Ordering::Greater,
            (List(a), List(b)) => {
                let n = a.len().max(b.len());
                for i in 0..n {
                    let r = match (a.get(i), b.get(i)) {
                        (Some(x), Some(y)) => x.cmp_item(y),
                        (Some(x), None) => x.cmp_null(),
                        (None, Some(y)) => y.cmp_null().reverse(),
                        (None, None) => Ordering::Equal,
                    };
                    if r != Ordering::Equal {
                        return r;
                    }
                }
                Ordering::Equal
            }
        }
    }

    fn fmt_canonical(&self, out: &mut String) {
        match self {
            Item::Num(n) => out.push_str(n),
            Item::Str(s) => out.push_str(s),
            Item::Comb(s, d) => {
                out.push_str(s);
                out.push_str(d);
            }
            Item::List(l) => {
                for (i, it) in l.iter().enumerate() {
                    if i > 0 {
                        out.push(if matches!(it, Item::List(_)) {
                            '-'
                        } else {
                            '.'
                        });
                    }
                    it.fmt_canonical(out);
                }
            }
        }
    }
}

fn normalize(list: &mut Vec<Item>) {
    let mut i = list.len();
    while i > 0 {
        i -= 1;
        if !list[i].is_null() {
            continue;
        }
        let remove = match list.get(i + 1) {
            None | Some(Item::Str(_)) => true,
            Some(Item::List(next)) => {
                matches!(next.first(), Some(Item::Comb(..) | Item::Str(_)))
            }
            _ => false,
        };
        if remove {
            list.remove(i);
        }
    }
}

/// Builds the tree: the current list is always the last (innermost) open one.
struct Builder {
    /// Open lists, outermost first; each is the last element of its parent once closed.
    stack: Vec<Vec<Item>>,
}

impl Builder {
    fn cur(&mut self) -> &mut Vec<Item> {
        self.stack
            .last_mut()
            .expect("the root list is never popped while parsing")
    }

    fn open(&mut self) {
        self.stack.push(Vec::new());
    }

    fn finish(mut self) -> Vec<Item> {
        while self.stack.len() > 1 {
            let mut inner = self.stack.pop().unwrap_or_default();
            normalize(&mut inner);
            self.cur().push(Item::List(inner));
        }
        let mut root = self.stack.pop().unwrap_or_default();
        normalize(&mut root);
        root
    }
}

fn parse_items(version: &str) -> Vec<Item> {
    let v = version.to_lowercase();
    let chars: Vec<(usize, char)> = v.char_indices().collect();
    let mut b = Builder {
        stack: vec![Vec::new()],
    };
    let mut is_digit = false;
    let mut is_comb = false;
    let mut start = 0usize; // index into `chars`
    let sub = |s: usize, e: usize| -> &str {
        let bs = chars.get(s).map_or(v.len(), |c| c.0);
        let be = chars.get(e).map_or(v.len(), |c| c.0);
        &v[bs..be]
    };
    let n = chars.len();
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if c == '.' {
            let item = if i == start {
                Item::Num("0".into())
            } else {
                parse_item(is_comb, is_digit, sub(start, i))
            };
            b.cur().push(item);
            is_comb = false;
            start = i + 1;
        } else if c == '-' {
            if i == start {
                b.cur().push(Item::Num("0".into()));
            } else {
                if !is_digit && i != n - 1 && chars[i + 1].1.is_ascii_digit() {
                    is_comb = true;
                    i += 1;
                    continue;
                }
                let item = parse_item(is_comb, is_digit, sub(start, i));
                b.cur().push(item);
            }
            start = i + 1;
            if !b.cur().is_empty() {
                b.open();
            }
            is_comb = false;
        } else if c.is_ascii_digit() {
            if !is_digit && i > start {
                is_comb = true;
                if !b.cur().is_empty() {
                    b.open();
                }
            }
            is_digit = true;
        } else {
            if is_digit && i > start {
                let item = parse_item(is_comb, true, sub(start, i));
                b.cur().push(item);
                start = i;
                b.open();
                is_comb = false;
            }
            is_digit = false;
        }
        i += 1;
    }
    if n > start {
        if !is_digit && !b.cur().is_empty() {
            b.open();
        }
        let item = parse_item(is_comb, is_digit, sub(start, n));
        b.cur().push(item);
    }
    b.finish()
}

/// A Maven version.
#[derive(Debug, Clone)]
pub struct MavenVersion {
    text: Box<str>,
    items: Vec<Item>,
}

impl MavenVersion {
    /// Parses like `new ComparableVersion(s)`; rejects the empty string, whitespace and
    /// control characters, and strings longer than 256 characters.
    pub fn parse(input: &str) -> Result<Self, VersionError> {
        let err = |r| VersionError::invalid(Scheme::Maven, input, r);
        if input.is_empty() {
            return Err(err("version string is empty"));
        }
        if input.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(err("version string has whitespace or control characters"));
        }
        if input.encode_utf16().count() > MAX_LEN {
            return Err(err("version string is longer than 256 characters"));
        }
        Ok(MavenVersion {
            text: input.into(),
            items: parse_items(input),
        })
    }

    /// Maven's canonical form (`1-rc-1` -> `1-rc1`, `1.0.0` -> `1`).
    pub fn canonical(&self) -> String {
        let mut s = String::new();
        Item::List(self.items.clone()).fmt_canonical(&mut s);
        s
    }

    /// Whether the version contains `SNAPSHOT` (case-insensitive).
    pub fn is_snapshot(&self) -> bool {
        self.text.to_ascii_lowercase().ends_with("snapshot")
    }
}

impl FromStr for MavenVersion {
    type Err = VersionError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        MavenVersion::parse(s)
    }
}

impl fmt::Display for MavenVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Ord for MavenVersion {
    fn cmp(&self, other: &Self) -> Ordering {
        // Compare the roots as lists without cloning them.
        let n = self.items.len().max(other.items.len());
        for i in 0..n {
            let r = match (self.items.get(i), other.items.get(i)) {
                (Some(x), Some(y)) => x.cmp_item(y),
                (Some(x), None) => x.cmp_null(),
                (None, Some(y)) => y.cmp_null().reverse(),
                (None, None) => Ordering::Equal,
            };
            if r != Ordering::Equal {
                return r;
            }
        }
        Ordering::Equal
    }
}

impl PartialOrd for MavenVersion {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for MavenVersion {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for MavenVersion {}

pub(crate) fn compare_str(a: &str, b: &str) -> Result<Ordering, VersionError> {
    Ok(MavenVersion::parse(a)?.cmp(&MavenVersion::parse(b)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_and_order() {
        let v = |s: &str| MavenVersion::parse(s).unwrap();
        assert_eq!(v("1.0.0").canonical(), "1");
        assert_eq!(v("1-alpha-1").canonical(), "1-alpha1");
        assert!(v("1.0-SNAPSHOT") < v("1.0"));
        assert!(v("1.0") < v("1.0-sp1"));
        assert_eq!(v("1.0.FINAL"), v("1"));
        assert!(MavenVersion::parse("").is_err());
        assert!(MavenVersion::parse(&"1".repeat(300)).is_err());
    }
}
