//! Shared helpers of the runtime tests: locating ../shared and building synthetic events.
#![allow(dead_code)]

use bulkhead_runtime::event::{Ancestor, Container, Event, EventType, Process};
use std::net::IpAddr;
use std::path::PathBuf;
use std::sync::Arc;

/// The Falco rules file of ../shared, or None (and a message) when absent. Under `CI=true` a
/// missing file fails the test.
pub fn falco_rules() -> Option<(String, String)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    let path = root.join("conformance/falco/falco_rules.yaml");
    match std::fs::read_to_string(&path) {
        Ok(t) => Some((path.display().to_string(), t)),
        Err(e) => {
            if std::env::var("CI").as_deref() == Ok("true") {
                panic!("CI=true and {} is missing: {e}", path.display());
            }
            eprintln!("skipped: {} not readable ({e})", path.display());
            None
        }
    }
}

/// Event time used by the tests: 2026-12-05T07:18:05.123456789Z.
pub const TS: u64 = 1_796_455_085_123_456_789;

/// A process builder.
pub struct P(pub Process);

impl P {
    pub fn new(name: &str, exepath: &str, argv: &[&str]) -> P {
        let mut p = Process::new(4242, name, exepath, argv);
        p.ppid = 4000;
        p.start_ts = TS - 60_000_000_000;
        p.user_name = "root".into();
        P(p)
    }
    pub fn parents(mut self, names: &[&str]) -> P {
        self.0.ancestors = names
            .iter()
            .enumerate()
            .map(|(i, n)| Ancestor {
                pid: 4000 - i as i64,
                name: (*n).into(),
                exe: (*n).into(),
                exepath: format!("/usr/bin/{n}").into(),
                cmdline: (*n).into(),
            })
            .collect();
        self
    }
    pub fn parent_cmdline(mut self, c: &str) -> P {
        self.0.ancestors[0].cmdline = c.into();
        self
    }
    pub fn container(mut self) -> P {
        let mut c =
            Container::with_id("3f2a9c1b7d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8");
        c.name = Some("web".into());
        c.image = Some("docker.io/library/busybox:1.36".into());
        c.image_repository = Some("docker.io/library/busybox".into());
        c.image_tag = Some("1.36".into());
        c.privileged = Some(false);
        c.start_ts = Some(TS - 120_000_000_000);
        self.0.container = Arc::new(c);
        self
    }
    pub fn privileged(mut self) -> P {
        let mut c = (*self.0.container).clone();
        c.privileged = Some(true);
        self.0.container = Arc::new(c);
        self
    }
    pub fn user(mut self, uid: i64, name: &str) -> P {
        self.0.uid = uid;
        self.0.user_name = name.into();
        self
    }
    pub fn tty(mut self, t: i64) -> P {
        self.0.tty = t;
        self
    }
    pub fn caps(mut self, mask: u64) -> P {
        self.0.set_caps(mask);
        self
    }
    pub fn started_ago_ns(mut self, ns: u64) -> P {
        self.0.start_ts = TS - ns;
        self
    }
    pub fn upper_layer(mut self) -> P {
        self.0.exe_upper_layer = true;
        self
    }
    pub fn memfd(mut self) -> P {
        self.0.exe_from_memfd = true;
        self
    }
    pub fn cwd(mut self, c: &str) -> P {
        self.0.cwd = c.into();
        self
    }
    pub fn build(self) -> Arc<Process> {
        Arc::new(self.0)
    }
}

pub fn exec(p: Arc<Process>) -> Event {
    let mut e = Event::new(EventType::Execve, p);
    e.ts = TS;
    e.with_arg("flags", "")
}

pub fn open(p: Arc<Process>, path: &str, flags: u32) -> Event {
    let mut e = Event::open(EventType::Openat, p, path, flags, 3);
    e.ts = TS;
    e
}

pub fn ev(ty: EventType, p: Arc<Process>) -> Event {
    let mut e = Event::new(ty, p);
    e.ts = TS;
    e
}

pub fn ip(s: &str) -> IpAddr {
    s.parse().unwrap()
}
