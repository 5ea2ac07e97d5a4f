//! The netlink process connector: the kernel's fork/exec/exit notifications (no eBPF, no
//! tracefs; CAP_NET_ADMIN).
//!
//! Owns: the socket, the subscription message and the parsing of `proc_event` records. Every
//! byte from the socket is bounds-checked; a truncated or unknown record is skipped.

use rustix::net::netlink::{self, SocketAddrNetlink};
use rustix::net::{
    AddressFamily, RecvFlags, SendFlags, SocketType, bind, recv, sendto, socket, sockopt,
};
use std::os::fd::OwnedFd;
use std::time::Duration;

const CN_IDX_PROC: u32 = 1;
const CN_VAL_PROC: u32 = 1;
const PROC_CN_MCAST_LISTEN: u32 = 1;
const NLMSG_DONE: u16 = 3;
const NLMSG_HDR: usize = 16;
const CN_MSG: usize = 20;

/// One process event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProcEvent {
    /// A new process or thread.
    Fork {
        parent: i64,
        child_pid: i64,
        child_tgid: i64,
    },
    /// A process replaced its image.
    Exec { pid: i64, tgid: i64 },
    /// A process or thread exited.
    Exit { pid: i64, tgid: i64 },
    /// Anything else (uid/gid/sid/comm changes).
    Other,
}

/// A subscribed process-connector socket.
pub struct ProcConnector {
    fd: OwnedFd,
}

impl ProcConnector {
    /// Open and subscribe (needs CAP_NET_ADMIN).
    pub fn open() -> std::io::Result<ProcConnector> {
        let fd = socket(
            AddressFamily::NETLINK,
            SocketType::DGRAM,
            Some(netlink::CONNECTOR),
        )?;
        let _ = sockopt::set_socket_recv_buffer_size_force(&fd, 8 << 20)
            .or_else(|_| sockopt::set_socket_recv_buffer_size(&fd, 8 << 20));
        bind(&fd, &SocketAddrNetlink::new(0, CN_IDX_PROC))?;
        sockopt::set_socket_timeout(
            &fd,
            sockopt::Timeout::Recv,
            Some(Duration::from_millis(200)),
        )?;
        let mut msg = Vec::with_capacity(NLMSG_HDR + CN_MSG + 4);
        let total = (NLMSG_HDR + CN_MSG + 4) as u32;
        msg.extend_from_slice(&total.to_ne_bytes());
        msg.extend_from_slice(&NLMSG_DONE.to_ne_bytes());
        msg.extend_from_slice(&0u16.to_ne_bytes());
        msg.extend_from_slice(&0u32.to_ne_bytes());
        msg.extend_from_slice(&std::process::id().to_ne_bytes());
        msg.extend_from_slice(&CN_IDX_PROC.to_ne_bytes());
        msg.extend_from_slice(&CN_VAL_PROC.to_ne_bytes());
        msg.extend_from_slice(&0u32.to_ne_bytes());
        msg.extend_from_slice(&0u32.to_ne_bytes());
        msg.extend_from_slice(&4u16.to_ne_bytes());
        msg.extend_from_slice(&0u16.to_ne_bytes());
        msg.extend_from_slice(&PROC_CN_MCAST_LISTEN.to_ne_bytes());
        sendto(
            &fd,
            &msg,
            SendFlags::empty(),
            &SocketAddrNetlink::new(0, CN_IDX_PROC),
        )?;
        Ok(ProcConnector { fd })
    }

    /// Receive one datagram's events into `out`. `Ok(false)` on timeout; an `ENOBUFS` error
    /// means the kernel dropped events (the socket buffer overflowed).
    pub fn recv(&self, buf: &mut [u8], out: &mut Vec<ProcEvent>) -> std::io::Result<bool> {
        match recv(&self.fd, &mut *buf, RecvFlags::empty()) {
            Ok((n, _)) => {
                parse(&buf[..n.min(buf.len())], out);
                Ok(true)
            }
            Err(e) if e == rustix::io::Errno::AGAIN || e == rustix::io::Errno::INTR => Ok(false),
            Err(e) => Err(e.into()),
        }
    }
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    b.get(at..at + 4)
        .map(|s| u32::from_ne_bytes(s.try_into().unwrap()))
}

/// Parse the netlink messages of one datagram.
pub fn parse(mut b: &[u8], out: &mut Vec<ProcEvent>) {
    while b.len() >= NLMSG_HDR {
        let len = u32_at(b, 0).unwrap_or(0) as usize;
        if len < NLMSG_HDR || len > b.len() {
            return;
        }
        let msg = &b[..len];
        let payload = &msg[NLMSG_HDR..];
        if payload.len() >= CN_MSG {
            let ev = &payload[CN_MSG..];
            if let Some(e) = parse_event(ev) {
                out.push(e);
            }
        }
        let adv = (len + 3) & !3;
        if adv >= b.len() {
            return;
        }
        b = &b[adv..];
    }
}

fn parse_event(ev: &[u8]) -> Option<ProcEvent> {
    let what = u32_at(ev, 0)?;
    let d = ev.get(16..)?;
    let i = |k: usize| u32_at(d, k * 4).map(|v| i64::from(v as i32));
    Some(match what {
        0x1 => ProcEvent::Fork {
            parent: i(1)?,
            child_pid: i(2)?,
            child_tgid: i(3)?,
        },
        0x2 => ProcEvent::Exec {
            pid: i(0)?,
            tgid: i(1)?,
        },
        0x8000_0000 => ProcEvent::Exit {
            pid: i(0)?,
            tgid: i(1)?,
        },
        _ => ProcEvent::Other,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(what: u32, data: &[u32]) -> Vec<u8> {
        let mut ev = Vec::new();
        ev.extend_from_slice(&what.to_ne_bytes());
        ev.extend_from_slice(&0u32.to_ne_bytes());
        ev.extend_from_slice(&0u64.to_ne_bytes());
        for d in data {
            ev.extend_from_slice(&d.to_ne_bytes());
        }
        let mut m = Vec::new();
        let len = (NLMSG_HDR + CN_MSG + ev.len()) as u32;
        m.extend_from_slice(&len.to_ne_bytes());
        m.extend_from_slice(&[0u8; 12]);
        m.extend_from_slice(&[0u8; CN_MSG]);
        m.extend_from_slice(&ev);
        while m.len() % 4 != 0 {
            m.push(0);
        }
        m
    }

    #[test]
    fn parses_exec_fork_exit_and_ignores_garbage() {
        let mut b = record(2, &[10, 10]);
        b.extend(record(1, &[1, 1, 11, 11]));
        b.extend(record(0x8000_0000, &[11, 11, 0, 17]));
        b.extend_from_slice(&[0xff; 7]);
        let mut out = Vec::new();
        parse(&b, &mut out);
        assert_eq!(
            out,
            [
                ProcEvent::Exec { pid: 10, tgid: 10 },
                ProcEvent::Fork {
                    parent: 1,
                    child_pid: 11,
                    child_tgid: 11
                },
                ProcEvent::Exit { pid: 11, tgid: 11 }
            ]
        );
        let mut out = Vec::new();
        parse(&[0xff; 40], &mut out);
        parse(&[], &mut out);
        assert!(out.is_empty());
    }
}
