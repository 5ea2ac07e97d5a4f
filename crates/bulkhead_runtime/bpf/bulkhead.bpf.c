// SPDX-License-Identifier: GPL-2.0
//
// Bulkhead's eBPF event source: process exec and file opens, streamed to user space through one
// BPF ring buffer. CO-RE without vmlinux.h: only the kernel types and fields read here are
// declared below (with preserve_access_index, so libbpf/aya relocate their offsets against the
// running kernel's BTF), which keeps the compiled object independent of the build machine's
// kernel and byte-for-byte reproducible (see build.sh).
//
// Attach points (no kprobe, fentry or BPF-LSM needed):
//   tp_btf/sched_process_exec  exec: pid, ppid, uid, comm, filename, argv (bounded), cgroup id,
//                              pid namespace
//   tp_btf/sched_process_exit  exit of a thread-group leader: pid only (user space forgets the
//                              process, so its table stays as small as the live processes)
//   tp_btf/sys_exit            open/openat/openat2 (filtered in kernel): dfd, flags, mode, path
//                              and result in one record of header + path (variable length), all
//                              read at exit (the argument registers are still in pt_regs and
//                              the path in the caller's memory): nothing is kept between entry
//                              and exit
//   tp_btf/sys_exit            symlink(at), link(at), rename(at,at2), unlink(at), socket,
//                              ptrace, (f)init_module, memfd_create, setuid/setgid/setres*id:
//                              one record at exit (paths, numeric arguments, result)
// Nothing is attached to sys_enter: every system call of the machine runs one program (at
// exit), which returns after one load and a switch unless the call is one of these.
//   tp_btf/sys_exit            connect to an AF_INET/AF_INET6 address, and dup/dup2/dup3 of an
//                              AF_INET/AF_INET6 socket (other calls and families are dropped in
//                              kernel): one record at exit with the result, the socket type and
//                              both ends (connect: the address the caller passed as the remote
//                              end; both: the socket's local address and port from the kernel)
// Events of the loader's own process (filter_tgid), and opens of paths under the prefixes the
// loader says are uninteresting (ignore), are dropped in kernel. A failed ring-buffer
// reservation increments the per-CPU `drops` counter. Submissions use BPF_RB_NO_WAKEUP: the
// loader drains the buffer in batches on its own schedule instead of being woken per event.

#include <linux/types.h>
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_tracing.h>

char LICENSE[] SEC("license") = "GPL";

#define PATH_LEN 256
#define COMM_LEN 16

#define ARGS_LEN 512

#define KIND_EXEC 1
#define KIND_OPEN 2
#define KIND_SYSCALL 3
#define KIND_SOCKET 4
#define KIND_EXIT 5

/* x86_64 syscall numbers (the only architecture this object is built for). */
#define NR_OPEN 2
#define NR_OPENAT 257
#define NR_OPENAT2 437
#define NR_SOCKET 41
#define NR_LINK 86
#define NR_SYMLINK 88
#define NR_PTRACE 101
#define NR_INIT_MODULE 175
#define NR_LINKAT 265
#define NR_SYMLINKAT 266
#define NR_FINIT_MODULE 313
#define NR_RENAME 82
#define NR_UNLINK 87
#define NR_SETUID 105
#define NR_SETGID 106
#define NR_SETRESUID 117
#define NR_SETRESGID 119
#define NR_UNLINKAT 263
#define NR_RENAMEAT 264
#define NR_RENAMEAT2 316
#define NR_MEMFD_CREATE 319
#define NR_DUP 32
#define NR_DUP2 33
#define NR_CONNECT 42
#define NR_DUP3 292

#define AF_INET 2
#define AF_INET6 10
#define S_IFMT 00170000
#define S_IFSOCK 0140000

struct ns_common {
	unsigned int inum;
} __attribute__((preserve_access_index));

struct pid_namespace {
	struct ns_common ns;
} __attribute__((preserve_access_index));

struct nsproxy {
	struct pid_namespace *pid_ns_for_children;
} __attribute__((preserve_access_index));

struct mm_struct {
	unsigned long arg_start;
	unsigned long arg_end;
} __attribute__((preserve_access_index));

struct inode {
	unsigned short i_mode;
} __attribute__((preserve_access_index));

struct file {
	struct inode *f_inode;
	void *private_data;
} __attribute__((preserve_access_index));

struct fdtable {
	unsigned int max_fds;
	struct file **fd;
} __attribute__((preserve_access_index));

struct files_struct {
	struct fdtable *fdt;
} __attribute__((preserve_access_index));

struct in6_addr {
	__u8 s6_addr[16];
} __attribute__((preserve_access_index));

/* The kernel nests these in anonymous unions and structs; CO-RE finds them by name. */
struct sock_common {
	__u32 skc_daddr;
	__u32 skc_rcv_saddr;
	__u16 skc_dport;
	__u16 skc_num;
	unsigned short skc_family;
	struct in6_addr skc_v6_daddr;
	struct in6_addr skc_v6_rcv_saddr;
} __attribute__((preserve_access_index));

struct sock {
	struct sock_common __sk_common;
} __attribute__((preserve_access_index));

struct socket {
	short type;
	struct sock *sk;
} __attribute__((preserve_access_index));

struct task_struct {
	int pid;
	int tgid;
	struct task_struct *real_parent;
	struct nsproxy *nsproxy;
	struct mm_struct *mm;
	struct files_struct *files;
} __attribute__((preserve_access_index));

struct linux_binprm {
	const char *filename;
} __attribute__((preserve_access_index));

struct pt_regs {
	unsigned long r8;
	unsigned long dx;
	unsigned long si;
	unsigned long di;
	unsigned long orig_ax;
	unsigned long r10;
} __attribute__((preserve_access_index));

/* The record layout user space parses (src/ebpf/mod.rs, `Record::parse`): an open is the
 * 88-byte header then its path up to and including the NUL (at most 344 bytes), 856 bytes for
 * an exec (the same header and path, then argv) and for the other system calls
 * (seen at exit with the result: the same header, the first path, then the second path; `flags`
 * and `mode` hold the numeric arguments, `dfd` the directory fd). */
struct event {
	__u64 ts_ns;
	__u32 kind;
	__u32 pid;
	__u32 tid;
	__u32 ppid;
	__u32 uid;
	__u32 syscall_nr;
	__u64 flags;
	__u64 mode;
	__s32 dfd;
	__s32 res;
	__u64 cgroup_id;
	__u32 pidns;
	__u32 args_len;
	char comm[COMM_LEN];
	char path[PATH_LEN];
};
_Static_assert(sizeof(struct event) == 344, "user space parses 344-byte records");
#define HEADER_LEN 88
_Static_assert(__builtin_offsetof(struct event, path) == HEADER_LEN, "the path follows the header");

/* A process exit (KIND_EXIT): the first 16 bytes of the header. */
struct exit_event {
	__u64 ts_ns;
	__u32 kind;
	__u32 pid;
};

struct exec_event {
	struct event h;
	char args[ARGS_LEN];
};
_Static_assert(sizeof(struct exec_event) == 856, "user space parses 856-byte exec records");

/* A socket record (KIND_SOCKET) is a 344-byte `struct event` whose `path` holds this: `dfd` is
 * the descriptor the call used (connect's socket, dup's old fd), `flags` dup3's flags, `res`
 * the result. Addresses in network byte order (IPv4 in the first 4 bytes), ports in host
 * order. */
struct sock_info {
	__u16 family;
	__u16 type;
	__u16 lport;
	__u16 rport;
	__u8 laddr[16];
	__u8 raddr[16];
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 1 << 24); /* 16 MiB: about 230 ms of records at 200,000 opens/s */
} events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} drops SEC(".maps");

/* Per-CPU scratch space for building an open record (too big for the BPF stack); it is then
 * copied into the ring buffer with only the bytes the path uses. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct event);
} scratch SEC(".maps");

/* Set by the loader before load (read-only afterwards): the tgid whose events are dropped. */
const volatile __u32 filter_tgid = 0;

/* Set by the loader: opens of absolute paths starting with one of the first `ignore_n` of these
 * prefixes (`ignore_len[i]` bytes, zero-padded) are dropped in kernel, unless the path contains
 * "..". */
#define IGNORE_MAX 4
#define IGNORE_LEN 64
const volatile __u32 ignore_n = 0;
const volatile __u32 ignore_len[IGNORE_MAX] = {};
const volatile __u64 ignore[IGNORE_MAX][IGNORE_LEN / 8] = {};

/* Whether the `n` bytes (NUL included) of `path`, 8-byte aligned, are ignored: the prefix is
 * compared a word at a time (the last word masked), then the path is scanned for "..". */
static __always_inline int ignored(const char *path, long n)
{
	const __u64 *words = (const __u64 *)path;
	int i, w, j, match = 0;

	if (ignore_n == 0 || path[0] != '/')
		return 0;
	for (i = 0; i < IGNORE_MAX && !match; i++) {
		__u32 len;

		if (i >= ignore_n)
			return 0;
		len = ignore_len[i];
		match = 1;
		for (w = 0; w < IGNORE_LEN / 8; w++) {
			__u64 mask = ~0ULL;

			if (w * 8 >= len)
				break;
			if (len - w * 8 < 8)
				mask = (1ULL << ((len - w * 8) * 8)) - 1;
			if ((words[w] ^ ignore[i][w]) & mask) {
				match = 0;
				break;
			}
		}
	}
	if (!match)
		return 0;
	/* A path climbing out of the prefix with ".." is not ignored. */
	for (j = 0; j < PATH_LEN - 1; j++) {
		if (j + 1 >= n)
			break;
		if (path[j] == '.' && path[j + 1] == '.')
			return 0;
	}
	return 1;
}

static __always_inline void count_drop(void)
{
	__u32 zero = 0;
	__u64 *n = bpf_map_lookup_elem(&drops, &zero);

	if (n)
		*n += 1;
}

static __always_inline void fill(struct event *e, __u32 kind, __u64 pid_tgid)
{
	/* A trusted BTF pointer: the fields below are plain loads, not probe-read helper calls. */
	struct task_struct *task = bpf_get_current_task_btf();

	e->ts_ns = bpf_ktime_get_ns();
	e->kind = kind;
	e->pid = pid_tgid >> 32;
	e->tid = (__u32)pid_tgid;
	e->ppid = task->real_parent->tgid;
	e->uid = (__u32)bpf_get_current_uid_gid();
	e->syscall_nr = 0;
	e->flags = 0;
	e->mode = 0;
	e->dfd = 0;
	e->res = 0;
	e->cgroup_id = bpf_get_current_cgroup_id();
	e->pidns = task->nsproxy->pid_ns_for_children->ns.inum;
	e->args_len = 0;
	bpf_get_current_comm(e->comm, sizeof(e->comm));
}

SEC("tp_btf/sched_process_exec")
int BPF_PROG(bulkhead_exec, struct task_struct *p, int old_pid, struct linux_binprm *bprm)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	struct task_struct *task;
	struct exec_event *e;
	const char *filename;
	unsigned long start, end, len;

	if ((pid_tgid >> 32) == filter_tgid)
		return 0;
	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e) {
		count_drop();
		return 0;
	}
	fill(&e->h, KIND_EXEC, pid_tgid);
	filename = BPF_CORE_READ(bprm, filename);
	if (bpf_probe_read_kernel_str(e->h.path, sizeof(e->h.path), filename) < 0)
		e->h.path[0] = 0;
	/* argv: the NUL-separated strings between mm->arg_start and arg_end, bounded. */
	task = (struct task_struct *)bpf_get_current_task();
	start = BPF_CORE_READ(task, mm, arg_start);
	end = BPF_CORE_READ(task, mm, arg_end);
	len = end > start ? end - start : 0;
	if (len > ARGS_LEN)
		len = ARGS_LEN;
	if (len > 0 &&
	    bpf_probe_read_user(e->args, len, (const void *)start) == 0)
		e->h.args_len = len;
	bpf_ringbuf_submit(e, BPF_RB_NO_WAKEUP);
	return 0;
}

/* symlink(at), link(at), rename(at,at2), unlink(at), socket, ptrace, (f)init_module,
 * memfd_create, set(res)uid, set(res)gid at exit: one record with the arguments (still in the
 * saved registers, the paths in the caller's memory) and the result. */
static __always_inline int other_syscall(struct pt_regs *regs, long nr, long res, __u64 pid_tgid)
{
	struct exec_event *e;
	const char *p1 = 0, *p2 = 0;

	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e) {
		count_drop();
		return 0;
	}
	fill(&e->h, KIND_SYSCALL, pid_tgid);
	e->h.syscall_nr = nr;
	e->h.res = (__s32)res;
	e->h.dfd = -100;
	switch (nr) {
	case NR_SYMLINK: /* symlink(target, linkpath) */
	case NR_LINK:    /* link(oldpath, newpath) */
		p1 = (const char *)BPF_CORE_READ(regs, di);
		p2 = (const char *)BPF_CORE_READ(regs, si);
		break;
	case NR_SYMLINKAT: /* symlinkat(target, newdirfd, linkpath) */
		p1 = (const char *)BPF_CORE_READ(regs, di);
		e->h.dfd = (__s32)BPF_CORE_READ(regs, si);
		p2 = (const char *)BPF_CORE_READ(regs, dx);
		break;
	case NR_LINKAT:    /* linkat(olddirfd, oldpath, newdirfd, newpath, flags) */
	case NR_RENAMEAT:  /* renameat(olddirfd, oldpath, newdirfd, newpath) */
	case NR_RENAMEAT2: /* renameat2(olddirfd, oldpath, newdirfd, newpath, flags) */
		e->h.dfd = (__s32)BPF_CORE_READ(regs, di);
		p1 = (const char *)BPF_CORE_READ(regs, si);
		p2 = (const char *)BPF_CORE_READ(regs, r10);
		if (nr != NR_RENAMEAT)
			e->h.flags = BPF_CORE_READ(regs, r8);
		break;
	case NR_RENAME: /* rename(oldpath, newpath) */
		p1 = (const char *)BPF_CORE_READ(regs, di);
		p2 = (const char *)BPF_CORE_READ(regs, si);
		break;
	case NR_UNLINK:       /* unlink(path) */
	case NR_MEMFD_CREATE: /* memfd_create(name, flags) */
		p1 = (const char *)BPF_CORE_READ(regs, di);
		e->h.flags = BPF_CORE_READ(regs, si);
		break;
	case NR_UNLINKAT: /* unlinkat(dirfd, path, flags) */
		e->h.dfd = (__s32)BPF_CORE_READ(regs, di);
		p1 = (const char *)BPF_CORE_READ(regs, si);
		e->h.flags = BPF_CORE_READ(regs, dx);
		break;
	case NR_SETRESUID: /* setresuid(ruid, euid, suid): the third in dfd */
	case NR_SETRESGID:
		e->h.flags = BPF_CORE_READ(regs, di);
		e->h.mode = BPF_CORE_READ(regs, si);
		e->h.dfd = (__s32)BPF_CORE_READ(regs, dx);
		break;
	default: /* socket(domain, type, protocol), ptrace(request, pid, ...), modules */
		e->h.flags = BPF_CORE_READ(regs, di);
		e->h.mode = BPF_CORE_READ(regs, si);
		break;
	}
	e->h.path[0] = 0;
	e->args[0] = 0;
	if (p1 && bpf_probe_read_user_str(e->h.path, sizeof(e->h.path), p1) < 0)
		e->h.path[0] = 0;
	if (p2 && bpf_probe_read_user_str(e->args, PATH_LEN, p2) > 0)
		e->h.args_len = PATH_LEN;
	bpf_ringbuf_submit(e, BPF_RB_NO_WAKEUP);
	return 0;
}

/* open(path, flags, mode), openat(dfd, path, flags, mode), openat2(dfd, path, how, size) at
 * exit: the arguments are still in the saved registers and the path in the caller's memory
 * (as the kernel read it, unless another thread rewrote it meanwhile). One record of the
 * header and the path's bytes, NUL included. */
static __always_inline int open_exit(struct pt_regs *regs, long nr, long res, __u64 pid_tgid)
{
	struct event *e;
	const char *path;
	__u32 zero = 0;
	long n;
	__u64 size;

	e = bpf_map_lookup_elem(&scratch, &zero);
	if (!e)
		return 0;
	path = (const char *)(nr == NR_OPEN ? regs->di : regs->si);
	n = bpf_probe_read_user_str(e->path, sizeof(e->path), path);
	if (n <= 0) {
		e->path[0] = 0;
		n = 1;
	}
	/* Filter before anything else is read: an ignored open costs only its path. */
	if (ignored(e->path, n))
		return 0;
	fill(e, KIND_OPEN, pid_tgid);
	e->syscall_nr = nr;
	e->res = (__s32)res;
	if (nr == NR_OPEN) {
		e->dfd = -100;
		e->flags = regs->si;
		e->mode = regs->dx;
	} else {
		e->dfd = (__s32)regs->di;
		if (nr == NR_OPENAT) {
			e->flags = regs->dx;
			e->mode = regs->r10;
		} else {
			/* struct open_how { flags, mode, resolve } */
			__u64 how[2] = {0, 0};

			if (bpf_probe_read_user(how, sizeof(how), (const void *)regs->dx) == 0) {
				e->flags = how[0];
				e->mode = how[1];
			}
		}
	}
	size = HEADER_LEN + (n & (PATH_LEN - 1 + PATH_LEN));
	if (size > sizeof(*e))
		size = sizeof(*e);
	if (bpf_ringbuf_output(&events, e, size, BPF_RB_NO_WAKEUP) != 0)
		count_drop();
	return 0;
}

/* The socket behind descriptor `fd` of the current task, or 0 when it is not a socket. */
static __always_inline struct socket *fd_socket(__u32 fd)
{
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	struct fdtable *fdt = BPF_CORE_READ(task, files, fdt);
	struct file **fds, *f = 0;
	struct inode *inode;

	if (!fdt || fd >= BPF_CORE_READ(fdt, max_fds))
		return 0;
	fds = BPF_CORE_READ(fdt, fd);
	if (bpf_probe_read_kernel(&f, sizeof(f), &fds[fd]) != 0 || !f)
		return 0;
	inode = BPF_CORE_READ(f, f_inode);
	if (!inode || (BPF_CORE_READ(inode, i_mode) & S_IFMT) != S_IFSOCK)
		return 0;
	return (struct socket *)BPF_CORE_READ(f, private_data);
}

/* connect(fd, addr, len) and dup(old) / dup2(old, new) / dup3(old, new, flags) at exit. */
static __always_inline int socket_exit(struct pt_regs *regs, long nr, long res, __u64 pid_tgid)
{
	struct socket *sock;
	struct sock *sk;
	struct event *e;
	struct sock_info *si;
	__u32 fd = (__u32)BPF_CORE_READ(regs, di);
	__u16 family, ufamily = 0;
	const void *uaddr = 0;

	if (nr == NR_CONNECT) {
		uaddr = (const void *)BPF_CORE_READ(regs, si);
		if (bpf_probe_read_user(&ufamily, sizeof(ufamily), uaddr) != 0 ||
		    (ufamily != AF_INET && ufamily != AF_INET6))
			return 0;
	}
	/* dup's new descriptor is the same socket as the old one: read the old one (still open
	 * unless dup2 closed it onto itself, then the result is the same descriptor). */
	sock = fd_socket(fd);
	if (!sock && nr != NR_CONNECT)
		return 0;
	family = ufamily;
	sk = sock ? BPF_CORE_READ(sock, sk) : 0;
	if (sk)
		family = BPF_CORE_READ(sk, __sk_common.skc_family);
	if (family != AF_INET && family != AF_INET6)
		return 0;
	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e) {
		count_drop();
		return 0;
	}
	fill(e, KIND_SOCKET, pid_tgid);
	e->syscall_nr = nr;
	e->dfd = (__s32)fd;
	e->res = (__s32)res;
	if (nr == NR_DUP3)
		e->flags = BPF_CORE_READ(regs, dx);
	__builtin_memset(e->path, 0, sizeof(e->path));
	si = (struct sock_info *)e->path;
	si->family = family;
	if (sock)
		si->type = (__u16)BPF_CORE_READ(sock, type);
	if (sk) {
		si->lport = BPF_CORE_READ(sk, __sk_common.skc_num);
		si->rport = __builtin_bswap16(BPF_CORE_READ(sk, __sk_common.skc_dport));
		if (family == AF_INET) {
			__u32 l = BPF_CORE_READ(sk, __sk_common.skc_rcv_saddr);
			__u32 r = BPF_CORE_READ(sk, __sk_common.skc_daddr);

			__builtin_memcpy(si->laddr, &l, 4);
			__builtin_memcpy(si->raddr, &r, 4);
		} else {
			BPF_CORE_READ_INTO(&si->laddr, sk, __sk_common.skc_v6_rcv_saddr);
			BPF_CORE_READ_INTO(&si->raddr, sk, __sk_common.skc_v6_daddr);
		}
	}
	if (nr == NR_CONNECT) {
		/* The remote end as the caller asked for it (a refused connect resets the socket's):
		 * sockaddr_in { family, port, addr } / sockaddr_in6 { family, port, flowinfo, addr }. */
		__u16 port = 0;

		bpf_probe_read_user(&port, sizeof(port), uaddr + 2);
		si->rport = __builtin_bswap16(port);
		__builtin_memset(si->raddr, 0, sizeof(si->raddr));
		if (ufamily == AF_INET)
			bpf_probe_read_user(si->raddr, 4, uaddr + 4);
		else
			bpf_probe_read_user(si->raddr, 16, uaddr + 8);
		si->family = ufamily;
	}
	bpf_ringbuf_submit(e, BPF_RB_NO_WAKEUP);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(bulkhead_sys_exit, struct pt_regs *regs, long ret)
{
	long nr = regs->orig_ax;
	__u64 pid_tgid;

	switch (nr) {
	case NR_OPENAT:
	case NR_OPEN:
	case NR_OPENAT2:
		pid_tgid = bpf_get_current_pid_tgid();
		if ((pid_tgid >> 32) == filter_tgid)
			return 0;
		return open_exit(regs, nr, ret, pid_tgid);
	case NR_CONNECT:
	case NR_DUP:
	case NR_DUP2:
	case NR_DUP3:
		pid_tgid = bpf_get_current_pid_tgid();
		if ((pid_tgid >> 32) == filter_tgid)
			return 0;
		return socket_exit(regs, nr, ret, pid_tgid);
	case NR_SYMLINK:
	case NR_SYMLINKAT:
	case NR_LINK:
	case NR_LINKAT:
	case NR_SOCKET:
	case NR_PTRACE:
	case NR_INIT_MODULE:
	case NR_FINIT_MODULE:
	case NR_RENAME:
	case NR_RENAMEAT:
	case NR_RENAMEAT2:
	case NR_UNLINK:
	case NR_UNLINKAT:
	case NR_MEMFD_CREATE:
	case NR_SETUID:
	case NR_SETGID:
	case NR_SETRESUID:
	case NR_SETRESGID:
		pid_tgid = bpf_get_current_pid_tgid();
		if ((pid_tgid >> 32) == filter_tgid)
			return 0;
		return other_syscall(regs, nr, ret, pid_tgid);
	default:
		return 0;
	}
}

/* A thread-group leader's exit: user space drops the process from its table. */
SEC("tp_btf/sched_process_exit")
int BPF_PROG(bulkhead_exit, struct task_struct *p)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	struct exit_event *e;

	if ((__u32)pid_tgid != (pid_tgid >> 32) || (pid_tgid >> 32) == filter_tgid)
		return 0;
	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e) {
		count_drop();
		return 0;
	}
	e->ts_ns = bpf_ktime_get_ns();
	e->kind = KIND_EXIT;
	e->pid = pid_tgid >> 32;
	bpf_ringbuf_submit(e, BPF_RB_NO_WAKEUP);
	return 0;
}
