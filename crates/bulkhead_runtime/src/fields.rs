//! The field catalogue: every Falco field the engine can evaluate, its type, and whether it
//! takes an argument (`proc.aname[2]`, `evt.arg.flags`).
//!
//! Owns: field names and types, and parsing a field reference. Does not own extraction
//! (`eval`) nor which fields a given sensor fills (`Capabilities`).

use std::collections::BTreeSet;

/// The type of a field's value, which decides how the right-hand side is parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    /// Text.
    Str,
    /// Signed integer.
    Int,
    /// `true` / `false`.
    Bool,
    /// An IP address (compared with addresses).
    Ip,
    /// An IP address compared with networks (`fd.net = 10.0.0.0/8`).
    Net,
}

/// Fields known to the engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FieldId {
    EvtNum,
    EvtTime,
    EvtType,
    EvtRes,
    EvtRawres,
    EvtIsOpenRead,
    EvtIsOpenWrite,
    EvtIsOpenExec,
    EvtArg,
    EvtArgs,
    EvtHostname,
    ProcPid,
    ProcPpid,
    ProcName,
    ProcExe,
    ProcExepath,
    ProcArgs,
    ProcCmdline,
    ProcCwd,
    ProcTty,
    ProcDuration,
    ProcPname,
    ProcPexe,
    ProcPexepath,
    ProcPcmdline,
    ProcAname,
    ProcAexe,
    ProcAexepath,
    ProcApid,
    ProcSname,
    ProcIsExeUpperLayer,
    ProcIsExeFromMemfd,
    ProcIsExeWritable,
    ProcExeInoCtime,
    ProcExeInoMtime,
    ProcExeInoCtimeDurationProcStart,
    ThreadCapEffective,
    UserUid,
    UserName,
    UserLoginuid,
    UserLoginname,
    GroupGid,
    GroupName,
    FdNum,
    FdName,
    FdNameraw,
    FdDirectory,
    FdFilename,
    FdTypechar,
    FdType,
    FdL4proto,
    FdIp,
    FdNet,
    FdSip,
    FdSnet,
    FdCip,
    FdCnet,
    FdSport,
    FdCport,
    FdLport,
    FdRport,
    FdConnected,
    FdNameChanged,
    FdSipName,
    ContainerId,
    ContainerFullId,
    ContainerName,
    ContainerImage,
    ContainerImageRepository,
    ContainerImageTag,
    ContainerPrivileged,
    ContainerStartTs,
    K8sNsName,
    K8sPodName,
}

/// What argument a field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArgKind {
    /// None.
    None,
    /// An optional ancestor index `[N]` (none means "any ancestor").
    Ancestor,
    /// A required argument name (`evt.arg.NAME` or `evt.arg[NAME]`).
    Name,
}

/// One catalogue entry.
#[derive(Debug)]
pub struct FieldDef {
    /// Falco's name.
    pub name: &'static str,
    /// The field.
    pub id: FieldId,
    /// Value type.
    pub ty: FieldType,
    /// Argument.
    pub arg: ArgKind,
}

macro_rules! f {
    ($n:literal, $id:ident, $ty:ident) => {
        FieldDef {
            name: $n,
            id: FieldId::$id,
            ty: FieldType::$ty,
            arg: ArgKind::None,
        }
    };
    ($n:literal, $id:ident, $ty:ident, $arg:ident) => {
        FieldDef {
            name: $n,
            id: FieldId::$id,
            ty: FieldType::$ty,
            arg: ArgKind::$arg,
        }
    };
}

/// Every field, by name.
pub static CATALOGUE: &[FieldDef] = &[
    f!("evt.num", EvtNum, Int),
    f!("evt.time", EvtTime, Str),
    f!("evt.type", EvtType, Str),
    f!("evt.res", EvtRes, Str),
    f!("evt.rawres", EvtRawres, Int),
    f!("evt.is_open_read", EvtIsOpenRead, Bool),
    f!("evt.is_open_write", EvtIsOpenWrite, Bool),
    f!("evt.is_open_exec", EvtIsOpenExec, Bool),
    f!("evt.arg", EvtArg, Str, Name),
    f!("evt.args", EvtArgs, Str),
    f!("evt.hostname", EvtHostname, Str),
    f!("proc.pid", ProcPid, Int),
    f!("proc.ppid", ProcPpid, Int),
    f!("proc.name", ProcName, Str),
    f!("proc.exe", ProcExe, Str),
    f!("proc.exepath", ProcExepath, Str),
    f!("proc.args", ProcArgs, Str),
    f!("proc.cmdline", ProcCmdline, Str),
    f!("proc.cwd", ProcCwd, Str),
    f!("proc.tty", ProcTty, Int),
    f!("proc.duration", ProcDuration, Int),
    f!("proc.pname", ProcPname, Str),
    f!("proc.pexe", ProcPexe, Str),
    f!("proc.pexepath", ProcPexepath, Str),
    f!("proc.pcmdline", ProcPcmdline, Str),
    f!("proc.aname", ProcAname, Str, Ancestor),
    f!("proc.aexe", ProcAexe, Str, Ancestor),
    f!("proc.aexepath", ProcAexepath, Str, Ancestor),
    f!("proc.apid", ProcApid, Int, Ancestor),
    f!("proc.sname", ProcSname, Str),
    f!("proc.is_exe_upper_layer", ProcIsExeUpperLayer, Bool),
    f!("proc.is_exe_from_memfd", ProcIsExeFromMemfd, Bool),
    f!("proc.is_exe_writable", ProcIsExeWritable, Bool),
    f!("proc.exe_ino.ctime", ProcExeInoCtime, Int),
    f!("proc.exe_ino.mtime", ProcExeInoMtime, Int),
    f!(
        "proc.exe_ino.ctime_duration_proc_start",
        ProcExeInoCtimeDurationProcStart,
        Int
    ),
    f!("thread.cap_effective", ThreadCapEffective, Str),
    f!("user.uid", UserUid, Int),
    f!("user.name", UserName, Str),
    f!("user.loginuid", UserLoginuid, Int),
    f!("user.loginname", UserLoginname, Str),
    f!("group.gid", GroupGid, Int),
    f!("group.name", GroupName, Str),
    f!("fd.num", FdNum, Int),
    f!("fd.name", FdName, Str),
    f!("fd.nameraw", FdNameraw, Str),
    f!("fd.directory", FdDirectory, Str),
    f!("fd.filename", FdFilename, Str),
    f!("fd.typechar", FdTypechar, Str),
    f!("fd.type", FdType, Str),
    f!("fd.l4proto", FdL4proto, Str),
    f!("fd.ip", FdIp, Ip),
    f!("fd.net", FdNet, Net),
    f!("fd.sip", FdSip, Ip),
    f!("fd.snet", FdSnet, Net),
    f!("fd.cip", FdCip, Ip),
    f!("fd.cnet", FdCnet, Net),
    f!("fd.sport", FdSport, Int),
    f!("fd.cport", FdCport, Int),
    f!("fd.lport", FdLport, Int),
    f!("fd.rport", FdRport, Int),
    f!("fd.connected", FdConnected, Bool),
    f!("fd.name_changed", FdNameChanged, Bool),
    f!("fd.sip.name", FdSipName, Str),
    f!("container.id", ContainerId, Str),
    f!("container.full_id", ContainerFullId, Str),
    f!("container.name", ContainerName, Str),
    f!("container.image", ContainerImage, Str),
    f!("container.image.repository", ContainerImageRepository, Str),
    f!("container.image.tag", ContainerImageTag, Str),
    f!("container.privileged", ContainerPrivileged, Bool),
    f!("container.start_ts", ContainerStartTs, Int),
    f!("k8s.ns.name", K8sNsName, Str),
    f!("k8s.pod.name", K8sPodName, Str),
];

/// The argument of a field reference.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FieldArg {
    /// No argument.
    None,
    /// `[N]`.
    Index(u32),
    /// `.name` or `[name]`.
    Name(Box<str>),
}

/// A resolved field reference: catalogue entry plus argument.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FieldRef {
    /// The field.
    pub id: FieldId,
    /// Its argument.
    pub arg: FieldArg,
}

impl FieldRef {
    /// The catalogue entry.
    pub fn def(&self) -> &'static FieldDef {
        CATALOGUE.iter().find(|d| d.id == self.id).unwrap()
    }

    /// Canonical text (`proc.aname[2]`, `evt.arg.flags`).
    pub fn text(&self) -> String {
        let d = self.def();
        match &self.arg {
            FieldArg::None => d.name.to_string(),
            FieldArg::Index(i) => format!("{}[{i}]", d.name),
            FieldArg::Name(n) => format!("{}.{n}", d.name),
        }
    }
}

/// Why a field reference did not resolve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldError {
    /// No such field.
    Unknown,
    /// Known field, wrong argument.
    BadArg(String),
}

/// Resolve `name` (as written, e.g. `proc.aname`, `evt.arg.flags`) with an optional bracket
/// argument (`2` in `proc.aname[2]`).
pub fn resolve(name: &str, bracket: Option<&str>) -> Result<FieldRef, FieldError> {
    if let Some(d) = CATALOGUE.iter().find(|d| d.name == name) {
        let arg = match (d.arg, bracket) {
            (ArgKind::None, None) => FieldArg::None,
            (ArgKind::None, Some(b)) => {
                return Err(FieldError::BadArg(format!(
                    "field `{name}` takes no argument, got `[{b}]`"
                )));
            }
            (ArgKind::Ancestor, None) => FieldArg::None,
            (ArgKind::Ancestor, Some(b)) => match b.trim().parse::<u32>() {
                Ok(i) => FieldArg::Index(i),
                Err(_) => {
                    return Err(FieldError::BadArg(format!(
                        "field `{name}` needs a numeric index, got `[{b}]`"
                    )));
                }
            },
            (ArgKind::Name, Some(b)) => FieldArg::Name(b.trim().into()),
            (ArgKind::Name, None) => {
                return Err(FieldError::BadArg(format!(
                    "field `{name}` needs an argument name"
                )));
            }
        };
        return Ok(FieldRef { id: d.id, arg });
    }
    // `evt.arg.NAME`
    if let Some(rest) = name.strip_prefix("evt.arg.") {
        if bracket.is_some() || rest.is_empty() {
            return Err(FieldError::BadArg(format!("bad argument field `{name}`")));
        }
        return Ok(FieldRef {
            id: FieldId::EvtArg,
            arg: FieldArg::Name(rest.into()),
        });
    }
    Err(FieldError::Unknown)
}

/// The set of fields a sensor fills. Rules whose conditions need other fields are skipped
/// and listed at load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Capabilities {
    /// Fields filled.
    pub fields: BTreeSet<FieldId>,
    /// Event types produced.
    pub event_types: BTreeSet<crate::event::EventType>,
    /// Name of the sensor, for messages.
    pub sensor: &'static str,
}

impl Capabilities {
    /// Every field and event type (synthetic events, recorded streams).
    pub fn all() -> Capabilities {
        Capabilities {
            fields: CATALOGUE.iter().map(|d| d.id).collect(),
            event_types: crate::event::EventType::ALL.into_iter().collect(),
            sensor: "synthetic",
        }
    }

    /// Whether `id` is filled.
    pub fn has(&self, id: FieldId) -> bool {
        self.fields.contains(&id)
    }
}
