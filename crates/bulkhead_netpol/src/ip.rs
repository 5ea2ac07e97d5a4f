//! IPv4 address ranges: CIDR parsing, `ipBlock` membership, the split of the external address
//! space into atoms at every `cidr`/`except` boundary, and netpol-analyzer's range rendering.
//! IPv6 blocks are parsed and ignored by the connectivity listing (as the reference tool's
//! listing shows only the IPv4 space).

use std::fmt;
use std::net::Ipv4Addr;

/// An inclusive IPv4 range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IpRange {
    pub lo: u32,
    pub hi: u32,
}

impl IpRange {
    pub const ALL: IpRange = IpRange {
        lo: 0,
        hi: u32::MAX,
    };
    pub fn contains_range(&self, o: &IpRange) -> bool {
        self.lo <= o.lo && o.hi <= self.hi
    }
    pub fn overlaps(&self, o: &IpRange) -> bool {
        self.lo <= o.hi && o.lo <= self.hi
    }
}

impl fmt::Display for IpRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", Ipv4Addr::from(self.lo), Ipv4Addr::from(self.hi))
    }
}

/// A CIDR that is not valid.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid CIDR `{0}`")]
pub struct CidrError(pub String);

/// A parsed CIDR: an IPv4 range, or `None` for a valid IPv6 CIDR.
pub fn parse_cidr(s: &str) -> Result<Option<IpRange>, CidrError> {
    let err = || CidrError(s.to_string());
    let (addr, len) = s.trim().split_once('/').ok_or_else(err)?;
    let len: u32 = len.parse().map_err(|_| err())?;
    if addr.contains(':') {
        let _: std::net::Ipv6Addr = addr.parse().map_err(|_| err())?;
        if len > 128 {
            return Err(err());
        }
        return Ok(None);
    }
    let a: Ipv4Addr = addr.parse().map_err(|_| err())?;
    if len > 32 {
        return Err(err());
    }
    let a = u32::from(a);
    let mask = if len == 0 { 0 } else { u32::MAX << (32 - len) };
    let lo = a & mask;
    Ok(Some(IpRange { lo, hi: lo | !mask }))
}

/// An `ipBlock`: a CIDR minus excepts.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct IpBlock {
    pub cidr_text: String,
    pub cidr: Option<IpRange>,
    pub except: Vec<(String, Option<IpRange>)>,
    /// The address set (cidr minus excepts), merged and sorted.
    pub set: Vec<IpRange>,
}

impl IpBlock {
    /// A block from its parts.
    pub fn new(
        cidr_text: String,
        cidr: Option<IpRange>,
        except: Vec<(String, Option<IpRange>)>,
    ) -> Self {
        let mut b = IpBlock {
            cidr_text,
            cidr,
            except,
            set: Vec::new(),
        };
        b.set = merge(b.ranges());
        b
    }

    /// Whether an atom (which never straddles a boundary of the set) lies in the block.
    pub fn contains_atom(&self, atom: &IpRange) -> bool {
        self.set.iter().any(|r| r.contains_range(atom))
    }
    /// The IPv4 ranges of the block (cidr minus excepts), sorted.
    pub fn ranges(&self) -> Vec<IpRange> {
        let Some(c) = self.cidr else {
            return Vec::new();
        };
        let mut out = vec![c];
        for (_, e) in &self.except {
            let Some(e) = e else { continue };
            let mut next = Vec::new();
            for r in out {
                if !r.overlaps(e) {
                    next.push(r);
                    continue;
                }
                if r.lo < e.lo {
                    next.push(IpRange {
                        lo: r.lo,
                        hi: e.lo - 1,
                    });
                }
                if r.hi > e.hi {
                    next.push(IpRange {
                        lo: e.hi + 1,
                        hi: r.hi,
                    });
                }
            }
            out = next;
        }
        out.sort();
        out
    }
}

/// Split the whole IPv4 space at the boundaries of `ranges`: every returned atom is either
/// inside or outside each input range.
pub fn atoms(ranges: &[IpRange]) -> Vec<IpRange> {
    let mut cuts: Vec<u64> = vec![0, 1u64 << 32];
    for r in ranges {
        cuts.push(u64::from(r.lo));
        cuts.push(u64::from(r.hi) + 1);
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| IpRange {
            lo: w[0] as u32,
            hi: (w[1] - 1) as u32,
        })
        .collect()
}

/// Merge ranges into sorted, disjoint, non-adjacent ranges.
pub fn merge(mut v: Vec<IpRange>) -> Vec<IpRange> {
    v.sort();
    let mut out: Vec<IpRange> = Vec::new();
    for r in v {
        match out.last_mut() {
            Some(l) if u64::from(r.lo) <= u64::from(l.hi) + 1 => l.hi = l.hi.max(r.hi),
            _ => out.push(r),
        }
    }
    out
}

/// The CIDRs that exactly cover an inclusive range (for synthesised policies).
pub fn range_to_cidrs(r: IpRange) -> Vec<String> {
    let mut out = Vec::new();
    let mut lo = u64::from(r.lo);
    let hi = u64::from(r.hi);
    while lo <= hi {
        let mut len = 32u32;
        while len > 0 {
            let size = 1u64 << (32 - (len - 1));
            if lo % size != 0 || lo + size - 1 > hi {
                break;
            }
            len -= 1;
        }
        out.push(format!("{}/{}", Ipv4Addr::from(lo as u32), len));
        lo += 1u64 << (32 - len);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cidrs() {
        let r = parse_cidr("10.0.0.0/8").unwrap().unwrap();
        assert_eq!(r.to_string(), "10.0.0.0-10.255.255.255");
        assert_eq!(parse_cidr("::/0").unwrap(), None);
        assert!(parse_cidr("10.0.0.0").is_err());
        let a = atoms(&[r]);
        assert_eq!(a.len(), 3);
        assert_eq!(range_to_cidrs(r), vec!["10.0.0.0/8"]);
        assert_eq!(range_to_cidrs(IpRange::ALL), vec!["0.0.0.0/0"]);
        assert_eq!(
            range_to_cidrs(IpRange { lo: 1, hi: 2 }),
            vec!["0.0.0.1/32", "0.0.0.2/32"]
        );
    }
}
