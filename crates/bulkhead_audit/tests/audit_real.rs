//! The audit on real images built here with umoci from a debootstrap minbase root filesystem:
//! every planted problem is found with its layer; the clean minbase image has no secret and only
//! the configuration findings it really has.

mod support;

use bulkhead_audit::image::{Audit, ImageAuditor, Settings};
use bulkhead_image::{ScanOptions, scan_image_with};
use std::path::Path;
use support::*;

fn audit(layout: &Path, name: &str) -> Audit {
    // For the side-by-side with Trivy (docs/sections/audit.md): keep the layouts.
    if let Ok(keep) = std::env::var("BULKHEAD_AUDIT_KEEP") {
        let dst = Path::new(&keep).join(name.replace(':', "-"));
        let _ = std::fs::remove_dir_all(&dst);
        std::fs::create_dir_all(&keep).unwrap();
        run(std::process::Command::new("cp")
            .arg("-a")
            .arg(layout)
            .arg(&dst));
    }
    let auditor = ImageAuditor::new(Settings::default());
    let reference = layout.to_str().unwrap();
    let scan = scan_image_with(reference, &ScanOptions::default(), Some(&auditor)).unwrap();
    auditor.finish(name, &scan)
}

/// `CODE layer N [deleted in M] path: message` per finding, in report order.
fn lines(a: &Audit) -> Vec<String> {
    a.findings
        .iter()
        .map(|f| {
            let mut s = format!("{} ", f.finding.rule.code);
            if let Some(l) = &f.layer {
                s.push_str(&format!("layer {} ", l.index + 1));
            }
            if let Some(d) = &f.deleted_in {
                s.push_str(&format!("deleted in {} ", d.index + 1));
            }
            if let Some(h) = &f.history {
                s.push_str(&format!("history {} ", h.index + 1));
            }
            if f.base {
                s.push_str("base ");
            }
            let line = f
                .finding
                .range
                .map(|r| format!(":{}", r.start.line))
                .unwrap_or_default();
            s.push_str(&format!("{}{line}: {}", f.finding.path, f.finding.message));
            s
        })
        .collect()
}

/// Minbase as a base image: the rootfs ADD, then its CMD.
fn base(dir: &Path, tag: &str, rootfs: &Path) -> Builder {
    let mut b = Builder::new(dir, tag);
    copy_tree(rootfs, &b.rootfs());
    b.layer("/bin/sh -c #(nop) ADD file:5b1d0a0e0d2f4bd3c0ffee in / ");
    b.config(
        &["--config.cmd", "bash"],
        "/bin/sh -c #(nop)  CMD [\"bash\"]",
    );
    b
}

#[test]
fn clean_minbase() {
    let Some(rootfs) = minbase() else { return };
    let dir = tempfile::tempdir().unwrap();
    let layout = base(dir.path(), "clean", &rootfs).done();
    let a = audit(&layout, "minbase:clean");
    // No secret anywhere in Debian's files; the two configuration findings it really has; the
    // rootfs ADD and the base CMD are not findings; every file was scanned.
    assert_eq!(
        lines(&a),
        [
            "IM001 minbase:clean (config): no `User` is set: the image runs as root",
            "IM002 minbase:clean (config): no HEALTHCHECK in the image configuration",
        ]
    );
    assert_eq!(a.notes, Vec::<String>::new());
}

#[test]
fn planted_problems() {
    let Some(rootfs) = minbase() else { return };
    let dir = tempfile::tempdir().unwrap();
    let p = planted();
    let mut b = base(dir.path(), "planted", &rootfs);
    let r = b.rootfs();
    std::fs::copy(r.join("bin/dash"), r.join("usr/local/bin/rootsh")).unwrap();
    chmod(&r.join("usr/local/bin/rootsh"), 0o4755);
    std::fs::create_dir_all(r.join("srv/shared")).unwrap();
    chmod(&r.join("srv/shared"), 0o777);
    append(&r.join("etc/shadow"), "guest::19000:0:99999:7:::\n");
    append(&r.join("etc/passwd"), "toor:x:0:0:root:/root:/bin/bash\n");
    write(
        &r.join("app/.git/config"),
        "[core]\n\trepositoryformatversion = 0\n",
    );
    write(&r.join("app/.git/HEAD"), "ref: refs/heads/main\n");
    write(
        &r.join("root/.aws/credentials"),
        &format!(
            "[default]\naws_access_key_id = {}\naws_secret_access_key = {}\n",
            p.aws_id, p.aws_secret
        ),
    );
    write(&r.join("root/deploy_key.pem"), &p.pem);
    b.layer("RUN |1 APP_VERSION=1.0 /bin/sh -c apt-get update # buildkit");
    let r = b.rootfs();
    std::fs::remove_dir_all(r.join("root/.aws")).unwrap();
    std::fs::remove_file(r.join("root/deploy_key.pem")).unwrap();
    b.layer("RUN /bin/sh -c rm -rf /root/.aws /root/deploy_key.pem # buildkit");
    let env = format!("DB_PASSWORD={}", p.db_password);
    b.config(&["--config.env", &env], &format!("ENV {env} # buildkit"));
    let layout = b.done();
    let a = audit(&layout, "minbase:planted");
    let masked = |s: &str| bulkhead_audit::secrets::mask(s.as_bytes());
    assert_eq!(
        lines(&a),
        [
            "IM001 minbase:planted (config): no `User` is set: the image runs as root".to_string(),
            "IM002 minbase:planted (config): no HEALTHCHECK in the image configuration".into(),
            format!("IM004 minbase:planted (config): Env DB_PASSWORD looks like a secret and has a value (`{}`)", masked(&p.db_password)),
            format!("SC065 minbase:planted (config):1: Secret in an environment variable assignment in Env DB_PASSWORD: `{}`", masked(&p.db_password)),
            format!("SC065 history 5 minbase:planted (history): Secret in an environment variable assignment in history entry 5: `{}`", masked(&p.db_password)),
            "DF041 layer 2 history 3 minbase:planted (history):5: apt lists are left in the layer: add `&& rm -rf /var/lib/apt/lists/*` to this RUN".into(),
            "DF043 layer 2 history 3 minbase:planted (history):5: `apt-get update` without an install in the same RUN leaves a stale cache layer".into(),
            "DF021 history 5 minbase:planted (history):7: `ENV DB_PASSWORD` looks like a secret: its value stays in the image; use `RUN --mount=type=secret`".into(),
            "IM012 layer 2 minbase:planted:/app/.git: unnecessary directory /app/.git in the image".into(),
            "IM011 layer 2 minbase:planted:/etc/passwd:19: `toor` has UID 0 like `root` in /etc/passwd".into(),
            "IM010 layer 2 minbase:planted:/etc/shadow:19: account `guest` has an empty password in /etc/shadow".into(),
            "IM012 layer 2 deleted in 3 minbase:planted:/root/.aws: unnecessary directory /root/.aws in the image".into(),
            "IM013 layer 2 deleted in 3 minbase:planted:/root/.aws/credentials: credential file /root/.aws/credentials (deleted by layer 3, but its bytes stay in layer 2)".into(),
            format!("SC001 layer 2 deleted in 3 minbase:planted:/root/.aws/credentials:2: AWS access key ID (deleted by layer 3, but its bytes stay in layer 2): `{}`", masked(&p.aws_id)),
            format!("SC002 layer 2 deleted in 3 minbase:planted:/root/.aws/credentials:3: AWS secret access key (deleted by layer 3, but its bytes stay in layer 2): `{}`", masked(&p.aws_secret)),
            format!("SC059 layer 2 deleted in 3 minbase:planted:/root/deploy_key.pem:1: Private key (PEM block) (deleted by layer 3, but its bytes stay in layer 2): `{}`", masked(&p.pem.lines().skip(1).take(12).collect::<Vec<_>>().join("\n"))),
            "IM009 layer 2 minbase:planted:/srv/shared: /srv/shared is a world-writable directory without the sticky bit (mode 0777)".into(),
            "IM008 layer 2 minbase:planted:/usr/local/bin/rootsh: /usr/local/bin/rootsh is setuid (mode 4755, owner 0:0)".into(),
        ]
    );
    // The history rebuilt as a Dockerfile, secrets masked (it feeds code frames).
    let df = a.history_dockerfile.as_deref().unwrap();
    assert_eq!(
        df,
        format!(
            "FROM scratch\nADD file:5b1d0a0e0d2f4bd3c0ffee /\nCMD [\"bash\"]\nARG APP_VERSION=1.0\nRUN apt-get update\nRUN rm -rf /root/.aws /root/deploy_key.pem\nENV DB_PASSWORD={}\n",
            masked(&p.db_password)
        )
    );
    let text = format!("{:?}", a);
    for s in [&p.aws_id, &p.aws_secret, &p.db_password] {
        assert!(!text.contains(s.as_str()), "a secret is printed whole");
    }
}

/// An Alpine-like image: busybox and its links, Alpine's historic empty root password
/// (CVE-2019-5021), a classic-builder history with `apk add` without `--no-cache`, `sudo`, a
/// second `ADD`, and a configuration exposing SSH and `/sys` with a shell-form entrypoint.
#[test]
fn busybox_alpine_like() {
    for t in ["umoci", "busybox"] {
        if !have(t) && skip(&format!("{t} not installed")) {
            return;
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let mut b = Builder::new(dir.path(), "bb");
    let r = b.rootfs();
    std::fs::create_dir_all(r.join("bin")).unwrap();
    std::fs::copy(which("busybox"), r.join("bin/busybox")).unwrap();
    chmod(&r.join("bin/busybox"), 0o4755);
    for l in ["sh", "su", "passwd", "ls"] {
        std::os::unix::fs::symlink("busybox", r.join("bin").join(l)).unwrap();
    }
    write(
        &r.join("etc/passwd"),
        "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n",
    );
    write(&r.join("etc/group"), "root:x:0:root\nnogroup:x:65534:\n");
    write(&r.join("etc/shadow"), "root:::0:::::\nnobody:!::0:::::\n");
    std::fs::create_dir_all(r.join("tmp")).unwrap();
    chmod(&r.join("tmp"), 0o1777);
    b.layer("/bin/sh -c #(nop) ADD file:be12a7c0ffee in / ");
    b.config(
        &["--config.cmd", "/bin/sh"],
        "/bin/sh -c #(nop)  CMD [\"/bin/sh\"]",
    );
    write(&b.rootfs().join("etc/motd"), "welcome\n");
    b.layer("/bin/sh -c apk add curl && sudo -u nobody true");
    write(&b.rootfs().join("opt/app.tar"), "not really a tar\n");
    b.layer("/bin/sh -c #(nop) ADD file:0a1b2c3d in /opt/app.tar ");
    b.config(
        &[
            "--config.user",
            "nobody",
            "--config.exposedports",
            "22/tcp",
            "--config.volume",
            "/sys",
            "--config.entrypoint",
            "/bin/sh",
            "--config.entrypoint",
            "-c",
            "--config.entrypoint",
            "exec app",
        ],
        "/bin/sh -c #(nop)  EXPOSE 22/tcp",
    );
    let layout = b.done();
    let a = audit(&layout, "bb:1");
    assert_eq!(
        lines(&a),
        [
            "IM002 bb:1 (config): no HEALTHCHECK in the image configuration",
            "IM003 bb:1 (config): VOLUME /sys exposes a kernel interface",
            "IM006 bb:1 (config): port 22/tcp (SSH) is exposed",
            "IM007 bb:1 (config): Entrypoint runs through a shell: signals are not forwarded",
            "DF046 layer 2 history 3 bb:1 (history):4: `apk add` without `--no-cache` keeps the index in the layer",
            "DF045 layer 2 history 3 bb:1 (history):4: `curl` is not pinned: pin it with `pkg=version`",
            "DF017 layer 2 history 3 bb:1 (history):4: `sudo` in RUN: run the step as root before `USER` instead",
            "DF030 layer 3 history 4 bb:1 (history):5: `ADD` of local files: use `COPY`, which does not download or unpack",
            "DF069 history 5 bb:1 (history):6: Port 22 (SSH) exposed: do not run SSH in containers",
            "IM010 layer 1 bb:1:/etc/shadow:1: account `root` has an empty password in /etc/shadow",
        ]
    );
}

fn which(tool: &str) -> std::path::PathBuf {
    std::path::PathBuf::from(
        run(std::process::Command::new("sh").args(["-c", &format!("command -v {tool}")])).trim(),
    )
}
