// SPDX-License-Identifier: GPL-2.0
//
// Bulkhead's eBPF event source: process exec and file opens, streamed to user space through one
// BPF ring buffer. CO-RE without vmlinux.h: only the kernel types and fields read here are
// declared below (with preserve_access_index, so libbpf/aya relocate their offsets against the
// running kernel's BTF), which keeps the compiled object independent of the build machine's
// kernel and byte-for-byte reproducible (see build.sh).
//
// Attach points (no kprobe, fentry or BPF-LSM needed):
//   tp_btf/sched_process_exec  exec: pid, ppid, uid, comm, filename
//   raw_tp/sys_enter           openat/openat2 only (filtered in kernel): dfd, flags, mode, path
// Events of the loader's own process (filter_tgid) are dropped in kernel. A failed ring-buffer
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

#define KIND_EXEC 1
#define KIND_OPEN 2

/* x86_64 syscall numbers (the only architecture this object is built for). */
#define NR_OPENAT 257
#define NR_OPENAT2 437

struct task_struct {
	int tgid;
	struct task_struct *real_parent;
} __attribute__((preserve_access_index));

struct linux_binprm {
	const char *filename;
} __attribute__((preserve_access_index));

struct pt_regs {
	unsigned long dx;
	unsigned long si;
	unsigned long di;
	unsigned long r10;
} __attribute__((preserve_access_index));

/* The record layout user space parses (src/ebpf/mod.rs, `Record::parse`): 328 bytes. */
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
	__u32 pad;
	char comm[COMM_LEN];
	char path[PATH_LEN];
};
_Static_assert(sizeof(struct event) == 328, "user space parses 328-byte records");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 1 << 22);
} events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} drops SEC(".maps");

/* Set by the loader before load (read-only afterwards): the tgid whose events are dropped. */
const volatile __u32 filter_tgid = 0;

static __always_inline void count_drop(void)
{
	__u32 zero = 0;
	__u64 *n = bpf_map_lookup_elem(&drops, &zero);

	if (n)
		*n += 1;
}

static __always_inline struct event *reserve(__u32 kind, __u64 pid_tgid)
{
	struct event *e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	struct task_struct *task;

	if (!e) {
		count_drop();
		return 0;
	}
	task = (struct task_struct *)bpf_get_current_task();
	e->ts_ns = bpf_ktime_get_ns();
	e->kind = kind;
	e->pid = pid_tgid >> 32;
	e->tid = (__u32)pid_tgid;
	e->ppid = BPF_CORE_READ(task, real_parent, tgid);
	e->uid = (__u32)bpf_get_current_uid_gid();
	e->syscall_nr = 0;
	e->flags = 0;
	e->mode = 0;
	e->dfd = 0;
	e->pad = 0;
	bpf_get_current_comm(e->comm, sizeof(e->comm));
	return e;
}

SEC("tp_btf/sched_process_exec")
int BPF_PROG(bulkhead_exec, struct task_struct *p, int old_pid, struct linux_binprm *bprm)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	struct event *e;
	const char *filename;

	if ((pid_tgid >> 32) == filter_tgid)
		return 0;
	e = reserve(KIND_EXEC, pid_tgid);
	if (!e)
		return 0;
	filename = BPF_CORE_READ(bprm, filename);
	if (bpf_probe_read_kernel_str(e->path, sizeof(e->path), filename) < 0)
		e->path[0] = 0;
	bpf_ringbuf_submit(e, BPF_RB_NO_WAKEUP);
	return 0;
}

SEC("raw_tp/sys_enter")
int bulkhead_sys_enter(struct bpf_raw_tracepoint_args *ctx)
{
	long nr = (long)ctx->args[1];
	struct pt_regs *regs;
	__u64 pid_tgid;
	struct event *e;
	const char *path;

	if (nr != NR_OPENAT && nr != NR_OPENAT2)
		return 0;
	pid_tgid = bpf_get_current_pid_tgid();
	if ((pid_tgid >> 32) == filter_tgid)
		return 0;
	e = reserve(KIND_OPEN, pid_tgid);
	if (!e)
		return 0;
	regs = (struct pt_regs *)ctx->args[0];
	e->syscall_nr = nr;
	e->dfd = (__s32)BPF_CORE_READ(regs, di);
	path = (const char *)BPF_CORE_READ(regs, si);
	if (nr == NR_OPENAT) {
		e->flags = BPF_CORE_READ(regs, dx);
		e->mode = BPF_CORE_READ(regs, r10);
	} else {
		/* openat2(dfd, path, struct open_how *how, size): how = { flags, mode, resolve } */
		__u64 how[2] = {0, 0};
		const void *uhow = (const void *)BPF_CORE_READ(regs, dx);

		if (bpf_probe_read_user(how, sizeof(how), uhow) == 0) {
			e->flags = how[0];
			e->mode = how[1];
		}
	}
	if (bpf_probe_read_user_str(e->path, sizeof(e->path), path) < 0)
		e->path[0] = 0;
	bpf_ringbuf_submit(e, BPF_RB_NO_WAKEUP);
	return 0;
}
