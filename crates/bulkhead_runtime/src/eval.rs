//! Evaluating compiled conditions against an event, and extracting field values (also used to
//! render outputs).
//!
//! Owns: field extraction and the comparison semantics. Comparisons on the fields the default
//! rules use read borrowed slices of the event and allocate nothing; only transformers
//! (`tolower`, `toupper`, `b64`) and the rendered fields `evt.time`/`evt.args` build a string.
//!
//! Semantics follow Falco: a field without a value makes every comparison false (so
//! `not proc.pname in (...)` is true for a process without a parent); `proc.aname` (and
//! `aexe`, `aexepath`, `apid`) without an index compares every ancestor and is true when any
//! matches; `fd.ip`/`fd.net` compare both ends of a socket (any for `=`/`in`, neither for
//! `!=`); `regex` must match the whole value.

use crate::compile::{CRhs, Cmp, Expr, Lhs};
use crate::event::{Ancestor, ArgValue, Event, FdKind, errno_name};
use crate::fields::{FieldArg, FieldId};
use crate::matchers::{glob_match, icontains};
use crate::parse::{Op, Transformer};
use std::borrow::Cow;
use std::net::IpAddr;

/// An extracted value.
#[derive(Debug, Clone, PartialEq)]
pub enum Val<'a> {
    /// Text.
    S(Cow<'a, str>),
    /// Number.
    I(i64),
    /// Boolean.
    B(bool),
    /// Address.
    Ip(IpAddr),
}

/// Context an evaluation may read besides the event.
#[derive(Debug, Clone, Default)]
pub struct Cx {
    /// `evt.hostname`.
    pub hostname: String,
    /// The addresses of the host names the rules compare `fd.sip.name` with.
    pub resolver: std::sync::Arc<crate::dns::Resolver>,
}

/// Evaluate a compiled condition.
pub fn eval(e: &Expr, ev: &Event, cx: &Cx) -> bool {
    match e {
        Expr::Const(b) => *b,
        Expr::Types(m) => m & (1u64 << ev.ty.index()) != 0,
        Expr::And(xs) => xs.iter().all(|x| eval(x, ev, cx)),
        Expr::Or(xs) => xs.iter().any(|x| eval(x, ev, cx)),
        Expr::Not(x) => !eval(x, ev, cx),
        Expr::Cmp(c) => eval_cmp(c, ev, cx),
    }
}

fn ancestor_val(a: &Ancestor, id: FieldId) -> Val<'_> {
    match id {
        FieldId::ProcAname => Val::S(Cow::Borrowed(&*a.name)),
        FieldId::ProcAexe => Val::S(Cow::Borrowed(&*a.exe)),
        FieldId::ProcAexepath => Val::S(Cow::Borrowed(&*a.exepath)),
        _ => Val::I(a.pid),
    }
}

fn eval_cmp(c: &Cmp, ev: &Event, cx: &Cx) -> bool {
    if c.lhs.transforms.is_empty() {
        match (c.lhs.field.id, &c.lhs.field.arg) {
            (
                id @ (FieldId::ProcAname
                | FieldId::ProcAexe
                | FieldId::ProcAexepath
                | FieldId::ProcApid),
                FieldArg::None,
            ) => {
                if c.op == Op::Exists {
                    return !ev.proc.ancestors.is_empty();
                }
                return ev
                    .proc
                    .ancestors
                    .iter()
                    .any(|a| test(c.op, &ancestor_val(a, id), &c.rhs, ev, cx));
            }
            // A server address is named by the hosts file the process sees, and (as Falco
            // does) by every name of the rules that resolved to it.
            (FieldId::FdSipName, _) if c.op != Op::Exists && c.op != Op::Ne => {
                let Some(fd) = &ev.fd else { return false };
                if let Some(n) = &fd.sip_name
                    && test(c.op, &Val::S(Cow::Borrowed(n)), &c.rhs, ev, cx)
                {
                    return true;
                }
                let Some(ip) = fd.sip else { return false };
                return cx.resolver.any_name(ip, |n| {
                    test(c.op, &Val::S(Cow::Borrowed(n)), &c.rhs, ev, cx)
                });
            }
            (FieldId::FdIp | FieldId::FdNet, _) => {
                let Some(fd) = &ev.fd else { return false };
                let ends = [fd.cip, fd.sip];
                if c.op == Op::Exists {
                    return ends.iter().any(Option::is_some);
                }
                if c.op == Op::Ne {
                    return !ends
                        .iter()
                        .flatten()
                        .any(|ip| test(Op::Eq, &Val::Ip(*ip), &c.rhs, ev, cx))
                        && ends.iter().any(Option::is_some);
                }
                return ends
                    .iter()
                    .flatten()
                    .any(|ip| test(c.op, &Val::Ip(*ip), &c.rhs, ev, cx));
            }
            _ => {}
        }
    }
    match extract_lhs(&c.lhs, ev, cx) {
        None => false,
        Some(_) if c.op == Op::Exists => true,
        Some(v) => test(c.op, &v, &c.rhs, ev, cx),
    }
}

/// Extract a field with its transformers applied.
pub fn extract_lhs<'a>(l: &Lhs, ev: &'a Event, cx: &'a Cx) -> Option<Val<'a>> {
    let mut v = extract(l.field.id, &l.field.arg, ev, cx)?;
    for t in l.transforms.iter() {
        let Val::S(s) = v else { return None };
        v = match t {
            Transformer::ToLower => Val::S(Cow::Owned(s.to_lowercase())),
            Transformer::ToUpper => Val::S(Cow::Owned(s.to_uppercase())),
            Transformer::Basename => match s {
                Cow::Borrowed(b) => Val::S(Cow::Borrowed(crate::event::basename(b))),
                Cow::Owned(o) => Val::S(Cow::Owned(crate::event::basename(&o).to_string())),
            },
            Transformer::Len => Val::I(s.len() as i64),
            Transformer::B64 => Val::S(Cow::Owned(b64_decode(&s)?)),
        };
    }
    Some(v)
}

fn b64_decode(s: &str) -> Option<String> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let mut acc = 0u32;
    let mut bits = 0;
    for &c in s.as_bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => break,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    String::from_utf8(out).ok()
}

fn s(x: &str) -> Option<Val<'_>> {
    Some(Val::S(Cow::Borrowed(x)))
}

fn os(x: &Option<String>) -> Option<Val<'_>> {
    x.as_deref().map(|v| Val::S(Cow::Borrowed(v)))
}

/// Extract one field's raw value.
pub fn extract<'a>(id: FieldId, arg: &FieldArg, ev: &'a Event, cx: &'a Cx) -> Option<Val<'a>> {
    let p = &*ev.proc;
    let file_fd = || {
        ev.fd
            .as_ref()
            .filter(|f| matches!(f.kind, FdKind::File | FdKind::Directory | FdKind::Memfd))
    };
    match id {
        FieldId::EvtNum => Some(Val::I(ev.num as i64)),
        FieldId::EvtTime => Some(Val::S(Cow::Owned(crate::output::format_time(ev.ts)))),
        FieldId::EvtType => s(ev.ty.name()),
        FieldId::EvtRes => s(if ev.res >= 0 {
            "SUCCESS"
        } else {
            errno_name(-ev.res)
        }),
        FieldId::EvtRawres => Some(Val::I(ev.res)),
        FieldId::EvtIsOpenRead => ev.open_flags.map(|f| Val::B(f & 3 != 1)),
        FieldId::EvtIsOpenWrite => ev.open_flags.map(|f| Val::B(f & 3 != 0)),
        FieldId::EvtIsOpenExec => ev.open_flags.map(|_| Val::B(false)),
        FieldId::EvtArg => {
            let FieldArg::Name(n) = arg else { return None };
            match ev.arg(n)? {
                ArgValue::Str(v) => s(v),
                ArgValue::Int(i) => Some(Val::I(*i)),
            }
        }
        FieldId::EvtArgs => Some(Val::S(Cow::Owned(crate::output::render_args(ev)))),
        FieldId::EvtHostname => s(&cx.hostname),
        FieldId::ProcPid => Some(Val::I(p.pid)),
        FieldId::ProcPpid => Some(Val::I(p.ppid)),
        FieldId::ProcName => s(&p.name),
        FieldId::ProcExe => s(&p.exe),
        FieldId::ProcExepath => s(&p.exepath),
        FieldId::ProcArgs => s(&p.args_joined),
        FieldId::ProcCmdline => s(&p.cmdline),
        FieldId::ProcCwd => s(&p.cwd),
        FieldId::ProcTty => Some(Val::I(p.tty)),
        FieldId::ProcDuration => {
            (p.start_ts > 0 && ev.ts >= p.start_ts).then(|| Val::I((ev.ts - p.start_ts) as i64))
        }
        FieldId::ProcPname => p.ancestors.first().map(|a| Val::S(Cow::Borrowed(&*a.name))),
        FieldId::ProcPexe => p.ancestors.first().map(|a| Val::S(Cow::Borrowed(&*a.exe))),
        FieldId::ProcPexepath => p
            .ancestors
            .first()
            .map(|a| Val::S(Cow::Borrowed(&*a.exepath))),
        FieldId::ProcPcmdline => p
            .ancestors
            .first()
            .map(|a| Val::S(Cow::Borrowed(&*a.cmdline))),
        FieldId::ProcAname | FieldId::ProcAexe | FieldId::ProcAexepath | FieldId::ProcApid => {
            let i = match arg {
                FieldArg::Index(i) => *i as usize,
                // Without an index (outputs): the parent.
                _ => 1,
            };
            if i == 0 {
                return Some(match id {
                    FieldId::ProcAname => Val::S(Cow::Borrowed(&p.name)),
                    FieldId::ProcAexe => Val::S(Cow::Borrowed(&p.exe)),
                    FieldId::ProcAexepath => Val::S(Cow::Borrowed(&p.exepath)),
                    _ => Val::I(p.pid),
                });
            }
            p.ancestors.get(i - 1).map(|a| ancestor_val(a, id))
        }
        FieldId::ProcSname => os(&p.sname),
        FieldId::ProcIsExeUpperLayer => Some(Val::B(p.exe_upper_layer)),
        FieldId::ProcIsExeFromMemfd => Some(Val::B(p.exe_from_memfd)),
        FieldId::ProcIsExeWritable => Some(Val::B(p.exe_writable)),
        FieldId::ProcExeInoCtime => p.exe_ino_ctime.map(|v| Val::I(v as i64)),
        FieldId::ProcExeInoMtime => p.exe_ino_mtime.map(|v| Val::I(v as i64)),
        FieldId::ProcExeInoCtimeDurationProcStart => p
            .exe_ino_ctime
            .filter(|&c| p.start_ts >= c)
            .map(|c| Val::I((p.start_ts - c) as i64)),
        FieldId::ThreadCapEffective => s(&p.cap_effective_str),
        FieldId::UserUid => Some(Val::I(p.uid)),
        FieldId::UserName => s(&p.user_name),
        FieldId::UserLoginuid => Some(Val::I(p.loginuid)),
        FieldId::UserLoginname => s(&p.loginname),
        FieldId::GroupGid => Some(Val::I(p.gid)),
        FieldId::GroupName => s(&p.group_name),
        FieldId::FdNum => ev.fd.as_ref().map(|f| Val::I(f.num)),
        FieldId::FdName => ev.fd.as_ref().map(|f| Val::S(Cow::Borrowed(&f.name))),
        FieldId::FdNameraw => ev.fd.as_ref().map(|f| Val::S(Cow::Borrowed(&f.nameraw))),
        FieldId::FdDirectory => file_fd().map(|f| Val::S(Cow::Borrowed(f.directory()))),
        FieldId::FdFilename => file_fd().map(|f| Val::S(Cow::Borrowed(f.filename()))),
        FieldId::FdTypechar => ev
            .fd
            .as_ref()
            .map(|f| Val::S(Cow::Borrowed(f.kind.typechar()))),
        FieldId::FdType => ev.fd.as_ref().map(|f| Val::S(Cow::Borrowed(f.kind.name()))),
        FieldId::FdL4proto => ev
            .fd
            .as_ref()
            .and_then(|f| f.l4proto)
            .map(|v| Val::S(Cow::Borrowed(v))),
        FieldId::FdIp | FieldId::FdNet => ev.fd.as_ref().and_then(|f| f.sip.or(f.cip)).map(Val::Ip),
        FieldId::FdSip | FieldId::FdSnet => ev.fd.as_ref().and_then(|f| f.sip).map(Val::Ip),
        FieldId::FdCip | FieldId::FdCnet => ev.fd.as_ref().and_then(|f| f.cip).map(Val::Ip),
        FieldId::FdSport | FieldId::FdRport => ev
            .fd
            .as_ref()
            .and_then(|f| f.sport)
            .map(|v| Val::I(i64::from(v))),
        FieldId::FdCport | FieldId::FdLport => ev
            .fd
            .as_ref()
            .and_then(|f| f.cport)
            .map(|v| Val::I(i64::from(v))),
        FieldId::FdConnected => ev.fd.as_ref().map(|f| Val::B(f.connected)),
        FieldId::FdNameChanged => ev.fd.as_ref().map(|f| Val::B(f.name_changed)),
        FieldId::FdSipName => ev
            .fd
            .as_ref()
            .and_then(|f| f.sip_name.as_deref())
            .map(|v| Val::S(Cow::Borrowed(v))),
        FieldId::ContainerId => s(&p.container.id),
        FieldId::ContainerFullId => os(&p.container.full_id),
        FieldId::ContainerName => os(&p.container.name),
        FieldId::ContainerImage => os(&p.container.image),
        FieldId::ContainerImageRepository => os(&p.container.image_repository),
        FieldId::ContainerImageTag => os(&p.container.image_tag),
        FieldId::ContainerPrivileged => p.container.privileged.map(Val::B),
        FieldId::ContainerStartTs => p.container.start_ts.map(|v| Val::I(v as i64)),
        FieldId::K8sNsName => os(&p.container.k8s_ns),
        FieldId::K8sPodName => os(&p.container.k8s_pod),
    }
}

fn test(op: Op, v: &Val<'_>, rhs: &CRhs, ev: &Event, cx: &Cx) -> bool {
    match (v, rhs) {
        (Val::S(s), CRhs::Str(r)) => {
            let (s, r) = (&**s, &**r);
            match op {
                Op::Eq => s == r,
                Op::Ne => s != r,
                Op::Contains | Op::BContains => s.contains(r),
                Op::IContains => icontains(s, r),
                Op::StartsWith | Op::BStartsWith => s.starts_with(r),
                Op::EndsWith => s.ends_with(r),
                Op::Glob => glob_match(r, s, false),
                Op::IGlob => glob_match(r, s, true),
                Op::Lt => s < r,
                Op::Le => s <= r,
                Op::Gt => s > r,
                Op::Ge => s >= r,
                _ => false,
            }
        }
        (Val::S(s), CRhs::StrSet(set)) => set.contains(&**s),
        (Val::S(s), CRhs::Trie(t)) => t.matches(s),
        (Val::S(s), CRhs::Regex(re)) => re.is_match(s),
        (Val::I(i), CRhs::Int(r)) => match op {
            Op::Eq => i == r,
            Op::Ne => i != r,
            Op::Lt => i < r,
            Op::Le => i <= r,
            Op::Gt => i > r,
            Op::Ge => i >= r,
            _ => false,
        },
        (Val::I(i), CRhs::IntSet(set)) => set.contains(i),
        (Val::B(b), CRhs::Bool(r)) => match op {
            Op::Eq => b == r,
            Op::Ne => b != r,
            _ => false,
        },
        (Val::Ip(a), CRhs::Ip(r)) => match op {
            Op::Eq => a == r,
            Op::Ne => a != r,
            _ => false,
        },
        (Val::Ip(a), CRhs::IpSet(set)) => set.contains(a),
        (Val::Ip(a), CRhs::Net(n)) => match op {
            Op::Eq => n.contains(*a),
            Op::Ne => !n.contains(*a),
            _ => false,
        },
        (Val::Ip(a), CRhs::NetSet(set)) => set.iter().any(|n| n.contains(*a)),
        (_, CRhs::Field(r)) => {
            let Some(w) = extract_lhs(r, ev, cx) else {
                return false;
            };
            match (v, &w) {
                (Val::S(a), Val::S(b)) => {
                    let b: Box<str> = if op == Op::IContains {
                        b.to_ascii_lowercase().into()
                    } else {
                        (**b).into()
                    };
                    test(op, &Val::S(Cow::Borrowed(a)), &CRhs::Str(b), ev, cx)
                }
                (Val::I(_), Val::I(b)) => test(op, v, &CRhs::Int(*b), ev, cx),
                (Val::B(_), Val::B(b)) => test(op, v, &CRhs::Bool(*b), ev, cx),
                (Val::Ip(_), Val::Ip(b)) => test(op, v, &CRhs::Ip(*b), ev, cx),
                _ => false,
            }
        }
        _ => false,
    }
}
