//! The `DF` rules, one file each, their ordered registry, and the context they share: the
//! parsed file, the stage model, each `RUN`'s shell commands mapped back to original byte
//! offsets, and helpers to build findings and fixes.

use crate::Settings;
use crate::model::{Expanded, Model, expand};
use crate::parse::{CopyOperands, Dockerfile, Instruction, Kind};
use crate::shell::{self, Command};
use bulkhead_diagnostics::{Finding, LineIndex, Range, RuleMeta};

/// What every rule file imports.
pub mod prelude {
    pub use super::Ctx;
    pub use crate::parse::{Instruction, Kind};
    pub use crate::shell::Command;
    pub use bulkhead_diagnostics::{
        Alias, Category, Edit, Finding, Fix, FixKind, RuleMeta, Severity, Tool,
    };
}

macro_rules! rules {
    ($($m:ident),* $(,)?) => {
        $(pub mod $m;)*
        /// Every Dockerfile rule, in code order.
        pub static RULES: &[&RuleMeta] = &[$(&$m::META),*];
        type CheckFn = fn(&Ctx, &mut Vec<Finding>);
        static CHECKS: &[CheckFn] = &[$($m::check),*];
    };
}

rules! {
    df001_from_untagged,
    df002_from_latest,
    df003_from_not_digest_pinned,
    df004_registry_not_allowed,
    df005_duplicate_stage_name,
    df006_reserved_stage_name,
    df007_constant_platform,
    df008_redundant_target_platform,
    df009_undefined_arg_in_from,
    df010_first_instruction,
    df011_copy_from_unknown,
    df012_copy_from_self,
    df013_copy_from_root,
    df014_inconsistent_casing,
    df015_root_user,
    df016_no_user,
    df017_sudo,
    df018_non_numeric_user,
    df019_chpasswd,
    df020_useradd_lastlog,
    df021_secret_in_arg_env,
    df022_copy_secret_file,
    df023_tls_disabled_download,
    df024_pip_trusted_host,
    df025_tls_verify_env,
    df026_npm_strict_ssl,
    df027_yum_sslverify,
    df028_unsigned_packages,
    df029_curl_pipe_shell,
    df030_add_instead_of_copy,
    df031_add_url_no_checksum,
    df032_copy_dest_slash,
    df033_copy_relative_no_workdir,
    df034_copy_ignored_file,
    df035_workdir_relative,
    df036_workdir_system_dir,
    df037_run_cd,
    df038_apt_unpinned,
    df039_apt_missing_yes,
    df040_apt_recommends,
    df041_apt_lists_kept,
    df042_apt_not_apt_get,
    df043_update_without_install,
    df044_dist_upgrade,
    df045_apk_unpinned,
    df046_apk_no_cache,
    df047_yum_missing_yes,
    df048_yum_no_clean,
    df049_yum_unpinned,
    df050_dnf_missing_yes,
    df051_dnf_no_clean,
    df052_dnf_unpinned,
    df053_zypper_non_interactive,
    df054_zypper_no_clean,
    df055_zypper_unpinned,
    df056_pip_unpinned,
    df057_pip_no_cache_dir,
    df058_npm_unpinned,
    df059_gem_unpinned,
    df060_go_install_unpinned,
    df061_yarn_cache,
    df062_multiple_cmd,
    df063_multiple_entrypoint,
    df064_multiple_healthcheck,
    df065_no_healthcheck,
    df066_shell_form_cmd,
    df067_maintainer,
    df068_expose_invalid,
    df069_expose_ssh,
    df070_pipe_without_pipefail,
    df071_env_self_reference,
    df072_onbuild_forbidden,
    df073_legacy_key_value,
    df074_undefined_var,
    df075_empty_continuation,
    df076_wget_and_curl,
    df077_wget_progress,
    df078_consecutive_run,
    df079_pointless_command,
    df080_shell_symlink,
    df081_label_schema,
    df082_cd_without_check,
    df083_rm_unguarded_variable,
}

/// The shell commands of one `RUN`, with spans in the original text.
#[derive(Debug, Clone, Default)]
pub struct Script {
    pub commands: Vec<Command>,
    /// `set -o pipefail` (or `set -eo pipefail`...) appears in the script.
    pub sets_pipefail: bool,
}

/// Everything a rule may look at.
pub struct Ctx<'a> {
    pub path: &'a str,
    pub text: &'a str,
    pub df: &'a Dockerfile,
    pub model: &'a Model,
    pub settings: &'a Settings,
    pub index: LineIndex,
    /// Per instruction: the parsed script of a `RUN` (shell or exec form, heredocs included).
    pub scripts: Vec<Option<Script>>,
    /// Per instruction: the operands of a `COPY`/`ADD`, read once for every rule.
    pub operands: Vec<Option<CopyOperands>>,
}

impl<'a> Ctx<'a> {
    pub fn new(
        path: &'a str,
        text: &'a str,
        df: &'a Dockerfile,
        model: &'a Model,
        settings: &'a Settings,
        index: LineIndex,
    ) -> Self {
        let scripts = df
            .instructions
            .iter()
            .map(|ins| (ins.kind == Kind::Run).then(|| run_script(text, ins)))
            .collect();
        let operands = df
            .instructions
            .iter()
            .map(|ins| {
                matches!(ins.kind, Kind::Copy | Kind::Add).then(|| ins.copy_operands(df.escape))
            })
            .collect();
        Ctx {
            path,
            text,
            df,
            model,
            settings,
            index,
            scripts,
            operands,
        }
    }

    /// The operands of instruction `i` when it is a `COPY` or `ADD`.
    pub fn operands(&self, i: usize) -> Option<&CopyOperands> {
        self.operands.get(i).and_then(Option::as_ref)
    }

    /// The range of a byte span of the original text.
    pub fn range(&self, start: usize, end: usize) -> Range {
        self.index.range(self.text, start, end)
    }

    /// A finding at a byte span.
    pub fn finding(
        &self,
        rule: &'static RuleMeta,
        start: usize,
        end: usize,
        message: impl Into<String>,
    ) -> Finding {
        Finding::new(rule, self.path, Some(self.range(start, end)), message)
    }

    /// A finding covering an instruction (its first line to the end of its continuation).
    pub fn at(
        &self,
        rule: &'static RuleMeta,
        ins: &Instruction,
        message: impl Into<String>,
    ) -> Finding {
        self.finding(rule, ins.start, ins.end, message)
    }

    /// A finding at a logical span of an instruction.
    pub fn at_l(
        &self,
        rule: &'static RuleMeta,
        ins: &Instruction,
        lstart: usize,
        lend: usize,
        message: impl Into<String>,
    ) -> Finding {
        self.finding(
            rule,
            ins.orig(lstart),
            ins.orig_end(lend).max(ins.orig(lstart)),
            message,
        )
    }

    /// Every `RUN` command with its instruction index.
    pub fn commands(&self) -> impl Iterator<Item = (usize, &Command)> {
        self.scripts
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.as_ref().map(|s| (i, s)))
            .flat_map(|(i, s)| s.commands.iter().map(move |c| (i, c)))
    }

    /// The instructions of a stage, with their indices (the `FROM` excluded).
    pub fn stage_body(&self, stage: usize) -> impl Iterator<Item = (usize, &Instruction)> {
        let s = &self.model.stages[stage];
        (s.from + 1..s.end).map(move |i| (i, &self.df.instructions[i]))
    }

    /// Whether instruction `i` belongs to the final stage or a stage it builds on.
    pub fn in_final_chain(&self, i: usize) -> bool {
        match self.model.stage_of[i] {
            Some(s) => self.model.final_chain().contains(&s),
            None => false,
        }
    }

    /// Variables visible to instruction `i` (stage ARGs and ENVs, inherited ENVs of parent
    /// stages; a stage ARG without value takes the global default).
    pub fn vars_before(&self, i: usize) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let Some(stage) = self.model.stage_of[i] else {
            return self
                .model
                .global_args
                .iter()
                .map(|(n, v)| (n.clone(), v.clone().unwrap_or_default()))
                .collect();
        };
        let mut chain = vec![stage];
        let mut cur = self.model.stages[stage].parent;
        while let Some(p) = cur {
            if chain.contains(&p) {
                break;
            }
            chain.push(p);
            cur = self.model.stages[p].parent;
        }
        for &s in chain.iter().rev() {
            let st = &self.model.stages[s];
            let upto = if s == stage { i } else { st.end };
            for j in st.from + 1..upto {
                let ins = &self.df.instructions[j];
                match ins.kind {
                    Kind::Env => {
                        for kv in key_values(ins) {
                            let v =
                                expand(&kv.value, self.df.escape, &|k: &str| lookup_in(&out, k))
                                    .value;
                            out.push((kv.key.clone(), v));
                        }
                    }
                    Kind::Arg if s == stage => {
                        for f in ins.fields() {
                            let (n, v) = crate::model::arg_decl(f.text);
                            let v = match v {
                                Some(v) => {
                                    expand(v, self.df.escape, &|k: &str| lookup_in(&out, k)).value
                                }
                                None => self.model.global_lookup(n).unwrap_or_default(),
                            };
                            out.push((n.to_string(), v));
                        }
                    }
                    _ => {}
                }
            }
        }
        out
    }

    /// Whether `name` is declared (by `ARG` or `ENV`) before instruction `i` in its stage or,
    /// for `ENV`, in a stage it builds on. Cheaper than [`Ctx::vars_before`].
    pub fn defined_before(&self, i: usize, name: &str) -> bool {
        let Some(stage) = self.model.stage_of[i] else {
            return self.model.global_declared(name);
        };
        for &s in &self.model.final_chain_of(stage) {
            let st = &self.model.stages[s];
            let upto = if s == stage { i } else { st.end };
            for j in st.from + 1..upto {
                let ins = &self.df.instructions[j];
                let found = match ins.kind {
                    Kind::Env => ins.kvs.iter().any(|kv| kv.key == name),
                    Kind::Arg if s == stage => ins.kvs.iter().any(|kv| kv.key == name),
                    _ => false,
                };
                if found {
                    return true;
                }
            }
        }
        false
    }

    /// Expand `s` with the variables visible to instruction `i`.
    pub fn expand_at(&self, i: usize, s: &str) -> Expanded {
        if !s.contains('$') {
            return expand(s, self.df.escape, &|_| None);
        }
        let vars = self.vars_before(i);
        let lookup = |k: &str| lookup_in(&vars, k);
        expand(s, self.df.escape, &lookup)
    }
}

fn lookup_in(vars: &[(String, String)], k: &str) -> Option<String> {
    vars.iter()
        .rev()
        .find(|(n, _)| n == k)
        .map(|(_, v)| v.clone())
}

pub use crate::parse::KeyValue;

/// The pairs of an `ENV`/`LABEL`/`ARG` (parsed once by the parser).
pub fn key_values(ins: &Instruction) -> &[KeyValue] {
    &ins.kvs
}

fn run_script(text: &str, ins: &Instruction) -> Script {
    let mut commands = Vec::new();
    let map = |c: &mut Command, f: &dyn Fn(usize, bool) -> usize| {
        c.start = f(c.start, false);
        c.end = f(c.end, true);
        for w in c
            .words
            .iter_mut()
            .chain(c.assigns.iter_mut())
            .chain(c.redirects.iter_mut().map(|r| &mut r.1))
        {
            w.start = f(w.start, false);
            w.end = f(w.end, true);
        }
    };
    if let Some(json) = &ins.json {
        // Exec form: one command, or a shell's -c script.
        let st = ins.orig(ins.args_lstart());
        let en = ins.end;
        let mut c = Command {
            words: json
                .iter()
                .map(|v| shell::Word {
                    value: v.clone(),
                    start: st,
                    end: en,
                    quoted: true,
                })
                .collect(),
            start: st,
            end: en,
            nested: true,
            ..Default::default()
        };
        c.finalize();
        let mut extra = Vec::new();
        if matches!(c.name(), "sh" | "bash" | "ash" | "dash")
            && json.len() >= 3
            && json[1..json.len() - 1]
                .iter()
                .any(|a| a.starts_with('-') && a.contains('c'))
        {
            for mut n in shell::parse_script(&json[json.len() - 1], 0) {
                n.nested = true;
                map(&mut n, &|_, end| if end { en } else { st });
                extra.push(n);
            }
        }
        c.nested = true;
        commands.push(c);
        commands.extend(extra);
    } else {
        let ls = ins.args_lstart();
        let line = &ins.logical[ls..];
        let mut cmds = shell::parse_script(line, ls);
        for c in &mut cmds {
            let nested = c.nested;
            map(c, &|o, end| {
                if nested {
                    if end { ins.orig_end(o) } else { ins.orig(o) }
                } else if end {
                    ins.orig_end(o)
                } else {
                    ins.orig(o)
                }
            });
        }
        // Heredoc bodies that the shell (or the default shell) runs.
        let mut hd_iter = ins.heredocs.iter();
        let line_is_only_heredocs = cmds.iter().all(|c| c.words.is_empty());
        for c in &cmds {
            let is_shell = matches!(c.name(), "sh" | "bash" | "ash" | "dash" | "zsh");
            for (op, _) in &c.redirects {
                if op == "<<" {
                    let hd = hd_iter.next();
                    if let (true, Some(h)) = (is_shell, hd) {
                        commands.extend(heredoc_commands(text, ins, h));
                    }
                }
            }
        }
        if line_is_only_heredocs && let Some(h) = ins.heredocs.first() {
            commands.extend(heredoc_commands(text, ins, h));
        }
        commands.extend(cmds);
        commands.sort_by_key(|c| c.start);
    }
    let sets_pipefail = commands.iter().any(|c| {
        c.name() == "set"
            && c.args().windows(2).any(|w| {
                w[0].value.starts_with('-') && w[0].value.ends_with('o') && w[1].value == "pipefail"
            })
    });
    Script {
        commands,
        sets_pipefail,
    }
}

fn heredoc_commands(text: &str, ins: &Instruction, h: &crate::parse::Heredoc) -> Vec<Command> {
    let exact = text.get(h.body_start..h.body_end) == Some(h.body.as_str());
    let mut cmds = shell::parse_script(&h.body, if exact { h.body_start } else { 0 });
    if !exact {
        let (s, e) = (ins.orig(h.marker_lstart), ins.orig_end(h.marker_lend));
        for c in &mut cmds {
            c.nested = true;
            c.start = s;
            c.end = e;
            for w in c.words.iter_mut().chain(c.assigns.iter_mut()) {
                w.start = s;
                w.end = e;
            }
        }
    }
    cmds
}

/// How messages name stage `s`: "The final stage", "The target stage `build`" (with
/// `--target`), or "Stage `build`" / "Stage 2" for the others (`--all-stages-user`).
pub fn stage_label(ctx: &Ctx, s: usize) -> String {
    let st = &ctx.model.stages[s];
    let name = match &st.alias {
        Some(a) => format!("`{a}`"),
        None => format!("{}", s),
    };
    if ctx.model.final_stage == Some(s) {
        if ctx.settings.target.is_some() {
            format!("The target stage {name}")
        } else {
            "The final stage".to_string()
        }
    } else {
        format!("Stage {name}")
    }
}

/// Run every rule, on the instructions and on the `ONBUILD` triggers.
pub fn run_all(ctx: &Ctx) -> Vec<Finding> {
    let mut out = Vec::new();
    for check in CHECKS {
        check(ctx, &mut out);
    }
    run_triggers(ctx, &mut out);
    out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    out
}

/// Rules about a stage or the whole file rather than one instruction: a trigger runs in the
/// build of another Dockerfile (`FROM this-image`), whose stages, `WORKDIR`s, build context,
/// user and variables this file does not show, so these are not applied to triggers.
const NOT_FOR_TRIGGERS: &[&str] = &[
    "DF010", "DF011", "DF012", "DF013", "DF014", "DF015", "DF016", "DF033", "DF034", "DF062",
    "DF063", "DF064", "DF065", "DF072", "DF074", "DF075", "DF078", "DF081",
];

/// Lint each stage's `ONBUILD` triggers as the instructions they wrap, as hadolint does: in
/// a stage of their own (the stage's `FROM` followed by its triggers, in order), reported at
/// the `ONBUILD` lines (the triggers keep their offsets in this file, so fixes apply in
/// place).
fn run_triggers(ctx: &Ctx, out: &mut Vec<Finding>) {
    for stage in &ctx.model.stages {
        // (the ONBUILD, its trigger)
        let triggers: Vec<(&Instruction, &Instruction)> = (stage.from + 1..stage.end)
            .filter_map(|i| {
                let outer = &ctx.df.instructions[i];
                outer.onbuild.as_deref().map(|t| (outer, t))
            })
            .collect();
        if triggers.is_empty() {
            continue;
        }
        let mut instructions = vec![ctx.df.instructions[stage.from].clone()];
        instructions.extend(triggers.iter().map(|(_, t)| (*t).clone()));
        let sub = Dockerfile {
            directives: ctx.df.directives.clone(),
            escape: ctx.df.escape,
            instructions,
            comments: Vec::new(),
            errors: Vec::new(),
        };
        let model = Model::build(&sub, None);
        let sctx = Ctx::new(
            ctx.path,
            ctx.text,
            &sub,
            &model,
            ctx.settings,
            ctx.index.clone(),
        );
        let mut found = Vec::new();
        for (meta, check) in RULES.iter().zip(CHECKS) {
            if !NOT_FOR_TRIGGERS.contains(&meta.code) {
                check(&sctx, &mut found);
            }
        }
        // Only what is reported on a trigger: the `FROM` was checked with the file.
        out.extend(found.into_iter().filter(|f| {
            f.range.is_some_and(|r| {
                triggers
                    .iter()
                    .any(|(o, _)| (o.line..=o.end_line).contains(&r.start.line))
            })
        }));
    }
}

/// Helpers shared by the package-manager rules.
pub mod pm {
    use crate::shell::{Command, Word};

    /// The package arguments of an install-like subcommand: non-option words after the
    /// subcommand, skipping the values of options that take one (`--opt value`; the
    /// `--opt=value` form is one word) and a `true`/`false` written after a boolean option
    /// (`--use-system-libraries true`, which npm and gem read as the option's value).
    pub fn packages<'c>(c: &'c Command, sub: &[&str], opts_with_value: &[&str]) -> Vec<&'c Word> {
        let args = c.args();
        let Some(pos) = args.iter().position(|w| sub.contains(&w.value.as_str())) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut skip = false;
        let mut after_option = false;
        let mut options_done = false;
        for w in &args[pos + 1..] {
            let v = w.value.as_str();
            if skip {
                skip = false;
                continue;
            }
            if options_done {
                out.push(w);
                continue;
            }
            if v == "--" {
                options_done = true;
                continue;
            }
            if v.starts_with('-') {
                skip = opts_with_value.contains(&v);
                after_option = !skip && !v.contains('=');
                continue;
            }
            if after_option && matches!(v, "true" | "false") {
                after_option = false;
                continue;
            }
            after_option = false;
            out.push(w);
        }
        out
    }

    /// `pip install` (any `pip*` program but pipenv and pipx, or `python -m pip`).
    pub fn is_pip_install(c: &Command) -> bool {
        let name = c.name();
        let args = c.args();
        let pip = (name.starts_with("pip") && !name.starts_with("pipenv"))
            || (name.starts_with("python")
                && args
                    .windows(2)
                    .any(|w| w[0].value == "-m" && w[1].value == "pip"));
        pip && args.iter().any(|w| w.value == "install")
    }

    /// `pip install` options that take a value (`--opt value`).
    pub const PIP_OPTS_WITH_VALUE: &[&str] = &[
        "-e",
        "--editable",
        "-i",
        "--index-url",
        "--extra-index-url",
        "-f",
        "--find-links",
        "-t",
        "--target",
        "--prefix",
        "--root",
        "--src",
        "--trusted-host",
        "--platform",
        "--python-version",
        "--implementation",
        "--abi",
        "--only-binary",
        "--no-binary",
        "--progress-bar",
        "--root-user-action",
        "--upgrade-strategy",
        "--report",
        "-C",
        "--config-settings",
        "--global-option",
        "--python",
        "--proxy",
        "--retries",
        "--timeout",
        "--exists-action",
        "--cert",
        "--client-cert",
        "--cache-dir",
        "--log",
        "--keyring-provider",
        "--use-feature",
        "--use-deprecated",
        "-b",
        "--build",
        "-m",
    ];

    /// `npm install` options that take a value (`--opt value`).
    pub const NPM_OPTS_WITH_VALUE: &[&str] = &[
        "--prefix",
        "--registry",
        "--tag",
        "-w",
        "--workspace",
        "--loglevel",
        "--cache",
        "--userconfig",
        "--globalconfig",
        "--save-prefix",
        "--omit",
        "--include",
        "--install-strategy",
        "--before",
        "--otp",
        "--scope",
        "--auth-type",
        "--fetch-retries",
        "--fetch-timeout",
        "--proxy",
        "--https-proxy",
        "--cafile",
        "--script-shell",
        "--location",
        "--only",
        "--also",
        "--lockfile-version",
    ];

    /// A VCS URL (`git+https://`, `git://`, `hg+`, `svn+`, `bzr+`, `github:`...).
    pub fn is_vcs_url(v: &str) -> bool {
        [
            "git+",
            "git://",
            "hg+",
            "svn+",
            "svn://",
            "bzr+",
            "github:",
            "gitlab:",
            "bitbucket:",
            "gist:",
        ]
        .iter()
        .any(|p| v.starts_with(p))
    }

    /// Whether a `pip install` argument names what it installs exactly enough: a version
    /// specifier, a local path or archive, a non-VCS URL, or a VCS URL with `@ref` after its
    /// path (`git+https://host/repo.git@v1.2#egg=x`; the `git@` of an ssh user is no ref).
    pub fn pip_pinned(v: &str) -> bool {
        if v.contains('$') {
            return true;
        }
        if is_vcs_url(v) {
            let url = v.split('#').next().unwrap_or(v);
            return url
                .rsplit('/')
                .next()
                .is_some_and(|last| last.contains('@'));
        }
        ["==", ">=", "<=", "~=", "!=", "<", ">", "@"]
            .iter()
            .any(|s| v.contains(s))
            || v.contains('/')
            || v.starts_with('.')
            || [".whl", ".tar.gz", ".zip", ".tar.bz2", ".tgz"]
                .iter()
                .any(|e| v.ends_with(e))
    }

    /// Whether an `npm install` argument names what it installs exactly enough: `name@range`,
    /// a local folder or tarball, a tarball URL, or a git URL or GitHub shorthand with
    /// `#<ref>`.
    pub fn npm_pinned(v: &str) -> bool {
        if v.contains('$')
            || v.starts_with(['.', '/', '~'])
            || [".tgz", ".tar", ".tar.gz"].iter().any(|e| v.ends_with(e))
        {
            return true;
        }
        if is_vcs_url(v) || (v.contains('/') && !v.starts_with('@') && !v.contains("://")) {
            return v.contains('#');
        }
        if v.contains("://") {
            return true;
        }
        match v.strip_prefix('@') {
            Some(scoped) => scoped.contains('@'),
            None => v.contains('@'),
        }
    }

    /// The dnf subcommands (and their short aliases) that download and install packages.
    pub const DNF_INSTALLS: &[&str] = &[
        "install",
        "in",
        "groupinstall",
        "localinstall",
        "reinstall",
        "rei",
        "update",
        "upgrade",
        "up",
        "upgrade-minimal",
        "up-min",
        "distro-sync",
        "dsync",
    ];

    /// The modules of `dnf|yum module install M...` that name no stream (`tomcat`, not
    /// `tomcat:9`): they install whatever stream is the default at build time.
    pub fn unpinned_modules(c: &Command) -> Vec<&Word> {
        let plain: Vec<&Word> = c
            .args()
            .iter()
            .filter(|w| !w.value.starts_with('-'))
            .collect();
        if plain.len() < 2
            || plain[0].value != "module"
            || !matches!(plain[1].value.as_str(), "install" | "enable")
        {
            return Vec::new();
        }
        plain[2..]
            .iter()
            .copied()
            .filter(|w| {
                !w.value.contains(':') && !w.value.contains('$') && !w.value.starts_with('@')
            })
            .collect()
    }

    /// Whether the command is `<name> <sub>` for one of the names and subcommands.
    pub fn is(c: &Command, names: &[&str], subs: &[&str]) -> bool {
        names.contains(&c.name())
            && c.subcommand()
                .is_some_and(|w| subs.contains(&w.value.as_str()))
    }

    /// Position right after the subcommand word (for inserting options).
    pub fn after_subcommand(c: &Command) -> Option<&Word> {
        c.subcommand()
    }

    /// Report install commands (`names` + one of `subs`) lacking every listed option; the
    /// safe fix inserts `insert` right after the command name.
    #[expect(
        clippy::too_many_arguments,
        reason = "a table-driven helper shared by many rules"
    )]
    pub fn missing_opt(
        ctx: &super::Ctx,
        out: &mut Vec<bulkhead_diagnostics::Finding>,
        meta: &'static bulkhead_diagnostics::RuleMeta,
        names: &[&str],
        subs: &[&str],
        short: &[char],
        long: &[&str],
        insert: &str,
        after_sub: bool,
        message: &str,
    ) {
        use bulkhead_diagnostics::{Edit, Fix};
        for (_, c) in ctx.commands() {
            if !is(c, names, subs) || c.has_opt(short, long) {
                continue;
            }
            // `-qq` (also written `-q -q` or `--quiet --quiet`) implies `-y` for apt.
            let quiet2 = |v: &str| matches!(v, "-qq" | "-q=2" | "--quiet=2");
            let quiets = c
                .args()
                .iter()
                .filter(|w| matches!(w.value.as_str(), "-q" | "--quiet"))
                .count();
            if short.contains(&'y') && (quiets >= 2 || c.args().iter().any(|w| quiet2(&w.value))) {
                continue;
            }
            if long
                .iter()
                .any(|l| l.contains("::") && c.args().iter().any(|w| w.value.contains(l)))
            {
                continue;
            }
            let anchor = if after_sub {
                c.subcommand()
            } else {
                c.effective().first()
            };
            let f = ctx.finding(meta, c.start, c.end, message);
            out.push(match (anchor, c.nested) {
                (Some(w), false) => f.with_fix(Fix::safe(
                    format!("Add `{}`", insert.trim()),
                    vec![Edit::insert(w.end, insert)],
                )),
                _ => f,
            });
        }
    }

    /// Like [`missing_opt`] for any subcommand, with extra exact words that also satisfy it.
    #[expect(
        clippy::too_many_arguments,
        reason = "a table-driven helper shared by many rules"
    )]
    pub fn missing_opt_any(
        ctx: &super::Ctx,
        out: &mut Vec<bulkhead_diagnostics::Finding>,
        meta: &'static bulkhead_diagnostics::RuleMeta,
        names: &[&str],
        short: &[char],
        long: &[&str],
        words: &[&str],
        insert: &str,
        message: &str,
    ) {
        use bulkhead_diagnostics::{Edit, Fix};
        for (_, c) in ctx.commands() {
            if !names.contains(&c.name())
                || c.has_opt(short, long)
                || c.args().iter().any(|w| words.contains(&w.value.as_str()))
            {
                continue;
            }
            let f = ctx.finding(meta, c.start, c.end, message);
            out.push(match (c.effective().first(), c.nested) {
                (Some(w), false) => f.with_fix(Fix::safe(
                    format!("Add `{}`", insert.trim()),
                    vec![Edit::insert(w.end, insert)],
                )),
                _ => f,
            });
        }
    }

    /// Whether the `RUN` of instruction `i` has a command matching `pred`.
    pub fn run_has(ctx: &super::Ctx, i: usize, pred: impl Fn(&Command) -> bool) -> bool {
        ctx.scripts[i]
            .as_ref()
            .is_some_and(|s| s.commands.iter().any(pred))
    }

    /// Whether a command removes a path starting with one of `prefixes`.
    pub fn removes(c: &Command, prefixes: &[&str]) -> bool {
        c.name() == "rm"
            && c.args()
                .iter()
                .any(|w| prefixes.iter().any(|p| w.value.starts_with(p)))
    }

    /// Whether the `RUN` of instruction `i` has, after the command `after`, a command
    /// matching `pred(after, command)` (a cleanup before the install cleans nothing).
    pub fn run_has_after(
        ctx: &super::Ctx,
        i: usize,
        after: &Command,
        pred: &dyn Fn(&Command, &Command) -> bool,
    ) -> bool {
        ctx.scripts[i].as_ref().is_some_and(|s| {
            s.commands
                .iter()
                .any(|k| k.start > after.start && pred(after, k))
        })
    }

    /// Report installs (`names` + `subs`) in the final chain whose `RUN` has no cleanup
    /// after them (`clean(install, command)`) and no cache or tmpfs mount on
    /// `cache_targets`.
    #[expect(
        clippy::too_many_arguments,
        reason = "a table-driven helper shared by many rules"
    )]
    pub fn no_cleanup(
        ctx: &super::Ctx,
        out: &mut Vec<bulkhead_diagnostics::Finding>,
        meta: &'static bulkhead_diagnostics::RuleMeta,
        names: &[&str],
        subs: &[&str],
        clean: &dyn Fn(&Command, &Command) -> bool,
        cache_targets: &[&str],
        message: &str,
    ) {
        let mut seen = Vec::new();
        for (i, c) in ctx.commands() {
            if seen.contains(&i) || !is(c, names, subs) || !ctx.in_final_chain(i) {
                continue;
            }
            let ins = &ctx.df.instructions[i];
            if run_has_after(ctx, i, c, clean) || has_cache_mount(ins, cache_targets) {
                continue;
            }
            seen.push(i);
            out.push(ctx.finding(meta, c.start, c.end, message));
        }
    }

    /// Report package arguments of `names` + `subs` for which `pinned(pkg)` is false, unless
    /// `skip(command)`.
    #[expect(
        clippy::too_many_arguments,
        reason = "a table-driven helper shared by many rules"
    )]
    pub fn unpinned(
        ctx: &super::Ctx,
        out: &mut Vec<bulkhead_diagnostics::Finding>,
        meta: &'static bulkhead_diagnostics::RuleMeta,
        names: &[&str],
        subs: &[&str],
        opts_with_value: &[&str],
        pinned: &dyn Fn(&str) -> bool,
        skip: &dyn Fn(&Command) -> bool,
        what: &str,
    ) {
        for (_, c) in ctx.commands() {
            if !is(c, names, subs) || skip(c) {
                continue;
            }
            for w in packages(c, subs, opts_with_value) {
                let v = w.value.as_str();
                let local =
                    v.contains('/') || v.starts_with('.') || v.contains('$') || v.contains('*');
                if !local && !pinned(v) {
                    out.push(ctx.finding(
                        meta,
                        w.start,
                        w.end,
                        format!("`{v}` is not pinned: {what}"),
                    ));
                }
            }
        }
    }

    /// The RUN has a cache or tmpfs mount on one of the `targets` (so caches never reach the
    /// image).
    pub fn has_cache_mount(ins: &crate::parse::Instruction, targets: &[&str]) -> bool {
        ins.flags.iter().any(|f| {
            f.name == "mount"
                && f.value.as_deref().is_some_and(|v| {
                    (v.contains("type=cache") || v.contains("type=tmpfs"))
                        && v.split(',').any(|kv| {
                            kv.split_once('=').is_some_and(|(k, val)| {
                                matches!(k, "target" | "dst" | "destination")
                                    && targets
                                        .iter()
                                        .any(|t| val.trim_end_matches('/').starts_with(t))
                            })
                        })
                })
        })
    }
}

#[cfg(test)]
pub mod testing {
    //! Test helpers: run the whole engine on a snippet and look at one rule.
    use crate::{Settings, check};
    use bulkhead_diagnostics::{Applicability, RuleMeta, fix_until_stable};

    /// Start lines of the findings of `rule` in `src`.
    pub fn lines_with(rule: &RuleMeta, src: &str, settings: &Settings) -> Vec<u32> {
        check("Dockerfile", src, settings)
            .findings
            .iter()
            .filter(|f| f.rule.code == rule.code)
            .map(|f| f.range.map(|r| r.start.line).unwrap_or(0))
            .collect()
    }

    /// Assert the lines `rule` reports in `src` with default settings.
    #[track_caller]
    pub fn assert_lines(rule: &RuleMeta, src: &str, expected: &[u32]) {
        assert_eq!(
            lines_with(rule, src, &Settings::default()),
            expected,
            "{}",
            rule.code
        );
    }

    /// Apply `rule`'s fixes (safe, or also unsafe) until stable; assert the result, that
    /// the fixed file no longer has the finding, and that fixing again changes nothing.
    #[track_caller]
    pub fn assert_fix(rule: &RuleMeta, src: &str, unsafe_ok: bool, expected: &str) {
        let mode = if unsafe_ok {
            Applicability::Unsafe
        } else {
            Applicability::Safe
        };
        // The binary's fix loop, on this rule's fixes only.
        let looped = fix_until_stable(src, 10, |text| {
            check("Dockerfile", text, &Settings::default())
                .findings
                .into_iter()
                .filter(|f| f.rule.code == rule.code)
                .filter_map(|f| f.fix)
                .filter(|f| f.applicability <= mode)
                .collect()
        });
        assert!(looped.converged, "{}: fixes did not converge", rule.code);
        let text = looped.fixed.unwrap_or_else(|| src.to_string());
        assert_eq!(text, expected, "{}", rule.code);
        let again = check("Dockerfile", &text, &Settings::default());
        assert!(again.errors.is_empty(), "{:?}", again.errors);
        assert!(
            !again.findings.iter().any(|f| f.rule.code == rule.code
                && f.fix.as_ref().is_some_and(|x| x.applicability <= mode)),
            "{} still reported after its fix",
            rule.code
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_is_well_formed_and_ordered() {
        assert_eq!(
            bulkhead_diagnostics::registry_problems(RULES),
            Vec::<String>::new()
        );
        for (i, r) in RULES.iter().enumerate() {
            assert_eq!(r.code, format!("DF{:03}", i + 1));
        }
    }

    #[test]
    fn key_values_forms() {
        let df = crate::parse::parse("ENV A=1 B=\"two words\" C='x'\nENV LEGACY a value\n");
        let kv = key_values(&df.instructions[0]);
        let k: Vec<_> = kv
            .iter()
            .map(|k| (k.key.as_str(), k.value.as_str()))
            .collect();
        assert_eq!(k, [("A", "1"), ("B", "\"two words\""), ("C", "'x'")]);
        let kv = key_values(&df.instructions[1]);
        assert!(kv[0].legacy);
        assert_eq!(kv[0].value, "a value");
    }

    #[test]
    fn run_scripts_map_to_original_offsets() {
        let text = "FROM x\nRUN apt-get update \\\n && apt-get install -y curl\nRUN <<EOF\nset -o pipefail\ncurl x | sh\nEOF\n";
        let df = crate::parse::parse(text);
        let m = Model::build(&df, None);
        let s = Settings::default();
        let ctx = Ctx::new("D", text, &df, &m, &s, LineIndex::new(text));
        let cmds: Vec<_> = ctx.commands().collect();
        let install = cmds[1].1;
        let w = &install.words[2];
        assert_eq!(&text[w.start..w.end], "-y");
        let sc = ctx.scripts[2].as_ref().unwrap();
        assert!(sc.sets_pipefail);
        let curl = &sc.commands[1];
        assert_eq!(&text[curl.start..curl.start + 4], "curl");
        assert!(curl.pipe_out);
    }
}
