//! Alpine package versions, ordered as apk-tools v2 (Alpine 3.22 and older) and apk-tools v3
//! (Alpine 3.23 and newer) order them.
//!
//! Owns: both tokenisers. The grammar is `digit{.digit}...{letter}{_suffix{number}}...
//! {~hash}{-rN}`; suffixes `alpha`, `beta`, `pre`, `rc` sort before the bare version, `cvs`,
//! `svn`, `git`, `hg`, `p` after it. The two generations differ on components with leading
//! zeros (v2 counts the zeros, v3 compares the text) and on `~commit` hashes (v3 only).
//!
//! Like `apk version -t`, comparison accepts any text and orders invalid tails the way apk
//! does; [`ApkVersion`] parsing is strict and accepts only what `apk_version_validate` does.

use crate::{Scheme, VersionError};
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// Which apk-tools generation's ordering to follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ApkGeneration {
    /// apk-tools 2.x (Alpine 3.22 and older).
    V2,
    /// apk-tools 3.x (Alpine 3.23 and newer).
    V3,
}

impl ApkGeneration {
    fn scheme(self) -> Scheme {
        match self {
            ApkGeneration::V2 => Scheme::Apk,
            ApkGeneration::V3 => Scheme::Apk3,
        }
    }
}

/// A validated Alpine version, ordered by the generation it was parsed for.
#[derive(Debug, Clone)]
pub struct ApkVersion {
    text: Box<str>,
    generation: ApkGeneration,
}

impl ApkVersion {
    /// Parses and validates `s` for one apk-tools generation.
    pub fn parse(s: &str, generation: ApkGeneration) -> Result<Self, VersionError> {
        check_text(s, generation.scheme())?;
        let valid = match generation {
            ApkGeneration::V2 => v2::validate(s.as_bytes()),
            ApkGeneration::V3 => v3::validate(s.as_bytes()),
        };
        if !valid {
            return Err(VersionError::invalid(
                generation.scheme(),
                s,
                "not digit{.digit}...{letter}{_suffix{number}}...{~hash}{-rN}",
            ));
        }
        Ok(ApkVersion {
            text: s.into(),
            generation,
        })
    }

    /// The generation whose ordering this version follows.
    pub fn generation(&self) -> ApkGeneration {
        self.generation
    }

    /// The version text.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

/// Parses with apk-tools v3 rules (the current Alpine).
impl FromStr for ApkVersion {
    type Err = VersionError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ApkVersion::parse(s, ApkGeneration::V3)
    }
}

impl fmt::Display for ApkVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// Orders by the generation of `self` (both sides are expected to share it), then, between
/// versions apk calls equal, by generation and text so that `Ord` stays consistent with `Eq`.
impl Ord for ApkVersion {
    fn cmp(&self, other: &Self) -> Ordering {
        compare_bytes(self.text.as_bytes(), other.text.as_bytes(), self.generation)
    }
}

impl PartialOrd for ApkVersion {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for ApkVersion {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for ApkVersion {}

pub(crate) fn check_text(s: &str, scheme: Scheme) -> Result<(), VersionError> {
    if s.is_empty() {
        return Err(VersionError::invalid(scheme, s, "version string is empty"));
    }
    if s.bytes()
        .any(|c| c.is_ascii_whitespace() || c.is_ascii_control())
    {
        return Err(VersionError::invalid(
            scheme,
            s,
            "version string has whitespace or control characters",
        ));
    }
    Ok(())
}

pub(crate) fn compare_bytes(a: &[u8], b: &[u8], generation: ApkGeneration) -> Ordering {
    match generation {
        ApkGeneration::V2 => v2::compare(a, b),
        ApkGeneration::V3 => v3::compare(a, b),
    }
}

/// Compares like `apk version -t` of the given generation.
pub(crate) fn compare_str(
    a: &str,
    b: &str,
    generation: ApkGeneration,
) -> Result<Ordering, VersionError> {
    check_text(a, generation.scheme())?;
    check_text(b, generation.scheme())?;
    Ok(compare_bytes(a.as_bytes(), b.as_bytes(), generation))
}

/// Whether `s` is a valid version for the generation (`apk_version_validate`).
pub fn is_valid(s: &str, generation: ApkGeneration) -> bool {
    ApkVersion::parse(s, generation).is_ok()
}

/// apk-tools 2.x: a state machine over token types, where a run of leading zeros in a
/// component is its own token worth minus the number of zeros.
mod v2 {
    use std::cmp::Ordering;

    pub(super) const INVALID: i8 = -1;
    const DIGIT_OR_ZERO: i8 = 0;
    const DIGIT: i8 = 1;
    const LETTER: i8 = 2;
    const SUFFIX: i8 = 3;
    const SUFFIX_NO: i8 = 4;
    const REVISION_NO: i8 = 5;
    pub(super) const END: i8 = 6;

    const PRE: [&[u8]; 4] = [b"alpha", b"beta", b"pre", b"rc"];
    const POST: [&[u8]; 5] = [b"cvs", b"svn", b"git", b"hg", b"p"];

    fn next_token(t: &mut i8, s: &mut &[u8]) {
        let mut n = INVALID;
        if s.is_empty() || s[0] == 0 {
            n = END;
        } else if (*t == DIGIT || *t == DIGIT_OR_ZERO) && s[0].is_ascii_lowercase() {
            n = LETTER;
        } else if *t == LETTER && s[0].is_ascii_digit() {
            n = DIGIT;
        } else if *t == SUFFIX && s[0].is_ascii_digit() {
            n = SUFFIX_NO;
        } else {
            match s[0] {
                b'.' => n = DIGIT_OR_ZERO,
                b'_' => n = SUFFIX,
                b'-' if s.len() > 1 && s[1] == b'r' => {
                    n = REVISION_NO;
                    *s = &s[1..];
                }
                _ => {}
            }
            *s = &s[1..];
        }
        if n < *t
            && !((n == DIGIT_OR_ZERO && *t == DIGIT)
                || (n == SUFFIX && *t == SUFFIX_NO)
                || (n == DIGIT && *t == LETTER))
        {
            n = INVALID;
        }
        *t = n;
    }

    pub(super) fn get_token(t: &mut i8, s: &mut &[u8]) -> i64 {
        if s.is_empty() {
            *t = END;
            return 0;
        }
        let mut v: i64 = 0;
        let mut i = 0;
        let mut nt = INVALID;
        match *t {
            DIGIT_OR_ZERO if s[0] == b'0' => {
                // All but the last leading zero form a token worth minus their count; the
                // last zero stays for the number that follows.
                while i + 1 < s.len() && s[i + 1] == b'0' {
                    i += 1;
                }
                nt = DIGIT;
                v = -(i as i64);
            }
            DIGIT_OR_ZERO | DIGIT | SUFFIX_NO | REVISION_NO => {
                while i < s.len() && s[i].is_ascii_digit() {
                    v = v.wrapping_mul(10).wrapping_add(i64::from(s[i] - b'0'));
                    i += 1;
                }
                // apk-tools 2.x refuses numbers of 18 or more digits: an invalid token
                // worth -1 (so `1 > 123456789012345678`).
                if i >= 18 {
                    *t = INVALID;
                    return -1;
                }
            }
            LETTER => {
                v = i64::from(s[0]);
                i = 1;
            }
            SUFFIX => {
                if let Some(k) = PRE.iter().position(|p| s.starts_with(p)) {
                    v = k as i64 - PRE.len() as i64;
                    i = PRE[k].len();
                } else if let Some(k) = POST.iter().position(|p| s.starts_with(p)) {
                    v = k as i64;
                    i = POST[k].len();
                } else {
                    *t = INVALID;
                    return -1;
                }
            }
            _ => {
                *t = INVALID;
                return -1;
            }
        }
        *s = &s[i..];
        if s.is_empty() {
            *t = END;
        } else if nt != INVALID {
            *t = nt;
        } else {
            next_token(t, s);
        }
        v
    }

    pub(super) fn validate(mut s: &[u8]) -> bool {
        let mut t = DIGIT;
        while t != END && t != INVALID {
            get_token(&mut t, &mut s);
        }
        t == END
    }

    pub(super) fn compare(mut a: &[u8], mut b: &[u8]) -> Ordering {
        let (mut at, mut bt) = (DIGIT, DIGIT);
        let (mut av, mut bv) = (0, 0);
        while at == bt && at != END && at != INVALID && av == bv {
            av = get_token(&mut at, &mut a);
            bv = get_token(&mut bt, &mut b);
        }
        if av != bv {
            return av.cmp(&bv);
        }
        if at == bt {
            return Ordering::Equal;
        }
        let mut tt = at;
        if at == SUFFIX && get_token(&mut tt, &mut a) < 0 {
            return Ordering::Less;
        }
        tt = bt;
        if bt == SUFFIX && get_token(&mut tt, &mut b) < 0 {
            return Ordering::Greater;
        }
        bt.cmp(&at)
    }
}

/// apk-tools 3.x: typed tokens compared pairwise; components with a leading zero compare as
/// text; `~hash` sits between suffixes and the revision.
mod v3 {
    use std::cmp::Ordering;

    const INITIAL_DIGIT: u8 = 0;
    const DIGIT: u8 = 1;
    const LETTER: u8 = 2;
    const SUFFIX: u8 = 3;
    const SUFFIX_NO: u8 = 4;
    const COMMIT_HASH: u8 = 5;
    const REVISION_NO: u8 = 6;
    const END: u8 = 7;
    const INVALID: u8 = 8;

    const SUFFIX_INVALID: u8 = 0;
    const SUFFIX_NONE: u8 = 5;

    #[derive(Clone, Copy)]
    struct Tok<'a> {
        token: u8,
        suffix: u8,
        number: u64,
        value: &'a [u8],
    }

    fn suffix_value(s: &[u8]) -> u8 {
        match s {
            b"alpha" => 1,
            b"beta" => 2,
            b"pre" => 3,
            b"rc" => 4,
            b"cvs" => 6,
            b"svn" => 7,
            b"git" => 8,
            b"hg" => 9,
            b"p" => 10,
            _ => SUFFIX_INVALID,
        }
    }

    fn span<'a>(s: &mut &'a [u8], f: impl Fn(u8) -> bool) -> &'a [u8] {
        let n = s.iter().take_while(|&&c| f(c)).count();
        let (l, r) = s.split_at(n);
        *s = r;
        l
    }

    fn parse_digits<'a>(t: &mut Tok<'a>, s: &mut &'a [u8]) {
        let v = span(s, |c| c.is_ascii_digit());
        t.number = v.iter().fold(0u64, |n, &d| {
            n.wrapping_mul(10).wrapping_add(u64::from(d - b'0'))
        });
        t.value = v;
        if v.is_empty() {
            t.token = INVALID;
        }
    }

    fn first<'a>(s: &mut &'a [u8]) -> Tok<'a> {
        let mut t = Tok {
            token: INITIAL_DIGIT,
            suffix: 0,
            number: 0,
            value: b"",
        };
        parse_digits(&mut t, s);
        t
    }

    fn next<'a>(t: &mut Tok<'a>, s: &mut &'a [u8]) {
        let Some(&c) = s.first() else {
            t.token = END;
            return;
        };
        match c {
            b'a'..=b'z' if t.token <= DIGIT => {
                t.value = &s[..1];
                t.token = LETTER;
                *s = &s[1..];
            }
            b'.' | b'0'..=b'9' => {
                if c == b'.' {
                    if t.token > DIGIT {
                        t.token = INVALID;
                        return;
                    }
                    *s = &s[1..];
                }
                t.token = match t.token {
                    INITIAL_DIGIT | DIGIT => DIGIT,
                    SUFFIX => SUFFIX_NO,
                    _ => {
                        t.token = INVALID;
                        return;
                    }
                };
                parse_digits(t, s);
            }
            b'_' if t.token <= SUFFIX_NO => {
                *s = &s[1..];
                t.value = span(s, |c| c.is_ascii_lowercase());
                t.suffix = suffix_value(t.value);
                t.token = if t.suffix == SUFFIX_INVALID {
                    INVALID
                } else {
                    SUFFIX
                };
            }
            b'~' if t.token < COMMIT_HASH => {
                *s = &s[1..];
                t.value = span(s, |c| c.is_ascii_digit() || (b'a'..=b'f').contains(&c));
                t.token = if t.value.is_empty() {
                    INVALID
                } else {
                    COMMIT_HASH
                };
            }
            b'-' if t.token < REVISION_NO => {
                if s.starts_with(b"-r") {
                    *s = &s[2..];
                    t.token = REVISION_NO;
                    parse_digits(t, s);
                } else {
                    t.token = INVALID;
                }
            }
            _ => t.token = INVALID,
        }
    }

    fn token_cmp(a: &Tok<'_>, b: &Tok<'_>) -> Ordering {
        match a.token {
            DIGIT if a.value.first() == Some(&b'0') || b.value.first() == Some(&b'0') => {
                a.value.cmp(b.value)
            }
            DIGIT | INITIAL_DIGIT | SUFFIX_NO | REVISION_NO => a.number.cmp(&b.number),
            LETTER => a.value.first().cmp(&b.value.first()),
            SUFFIX => a.suffix.cmp(&b.suffix),
            _ => a.value.cmp(b.value),
        }
    }

    pub(super) fn validate(mut s: &[u8]) -> bool {
        let mut t = first(&mut s);
        while t.token < END {
            next(&mut t, &mut s);
        }
        t.token == END
    }

    pub(super) fn compare(mut a: &[u8], mut b: &[u8]) -> Ordering {
        let mut ta = first(&mut a);
        let mut tb = first(&mut b);
        while ta.token == tb.token && ta.token < END {
            let r = token_cmp(&ta, &tb);
            if r != Ordering::Equal {
                return r;
            }
            next(&mut ta, &mut a);
            next(&mut tb, &mut b);
        }
        if ta.token == tb.token {
            return Ordering::Equal;
        }
        if ta.token == SUFFIX && ta.suffix < SUFFIX_NONE {
            return Ordering::Less;
        }
        if tb.token == SUFFIX && tb.suffix < SUFFIX_NONE {
            return Ordering::Greater;
        }
        tb.token.cmp(&ta.token)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generations_differ_on_leading_zeros_and_hashes() {
        let c = |a, b, g| compare_str(a, b, g).unwrap();
        assert_eq!(c("8.2.0", "8.2.001", ApkGeneration::V2), Ordering::Greater);
        assert_eq!(c("8.2.0", "8.2.001", ApkGeneration::V3), Ordering::Less);
        assert_eq!(
            c("1.0~1234", "1.0~2345", ApkGeneration::V2),
            Ordering::Equal
        );
        assert_eq!(c("1.0~1234", "1.0~2345", ApkGeneration::V3), Ordering::Less);
        assert_eq!(c("1.2_rc1", "1.2", ApkGeneration::V3), Ordering::Less);
        assert_eq!(c("1.2_p1", "1.2-r9", ApkGeneration::V2), Ordering::Greater);
    }

    #[test]
    fn strict_parse() {
        assert!(ApkVersion::parse("1.2.3_rc1-r0", ApkGeneration::V2).is_ok());
        assert!(ApkVersion::parse("1.0~abc-r1", ApkGeneration::V3).is_ok());
        assert!(ApkVersion::parse("1.0~abc-r1", ApkGeneration::V2).is_err());
        for bad in ["", "a", "1.0bc", "1.0-1", "1_foo", "1.0 ", "1..2"] {
            assert!(bad.parse::<ApkVersion>().is_err(), "{bad:?}");
        }
    }
}
