//! `bulkhead version compare SCHEME A B` and `bulkhead version satisfies SCHEME VERSION RANGE`:
//! ask the version orderings and range languages of `bulkhead_pkg` directly, to debug why an
//! advisory did or did not match a package.
//!
//! Prints `<`, `=` or `>` (compare) and `true` or `false` (satisfies), exit 0; a version or
//! range that does not parse exits 2 with the reason.

use anyhow::Context as _;
use bulkhead_pkg::range::npm::{NpmOptions, npm_satisfies};
use bulkhead_pkg::range::pep440::SpecifierSet;
use bulkhead_pkg::{RangeLanguage, Scheme};
use std::cmp::Ordering;
use std::io::Write;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: VersionCommand,
}

#[derive(Debug, clap::Subcommand)]
enum VersionCommand {
    /// Compare two versions as the scheme's native tool does; prints `<`, `=` or `>`.
    ///
    /// Schemes: dpkg, rpm, apk (apk-tools v2, Alpine <= 3.22), apk3 (apk-tools v3, Alpine
    /// >= 3.23), pep440, semver, go, maven, gem, nuget.
    Compare {
        /// Version scheme.
        #[arg(value_parser = parse_scheme)]
        scheme: Scheme,
        /// First version.
        #[arg(allow_hyphen_values = true)]
        a: String,
        /// Second version.
        #[arg(allow_hyphen_values = true)]
        b: String,
    },
    /// Whether a version lies in a range; prints `true` or `false`.
    ///
    /// Range languages: npm-range (node-semver), pep440 (specifiers such as `>=1.0,!=1.3.*`),
    /// maven (`[1.0,2.0)`), nuget (`[1.0,2.0)`, bare `1.0` is a minimum), gem (`~> 2.2`), and
    /// for dpkg, rpm, apk, apk3, semver and go a comparator list such as `>=1.0, <2.0 || =3`
    /// (semver lists take full versions: use npm-range for `>=1.0`, `^1.2`, `1.x`; rpm lists
    /// ignore the release of a bound or version that has none, as rpm's dependency matching).
    Satisfies {
        /// Range language: a scheme name or `npm-range`.
        #[arg(value_parser = parse_language)]
        scheme: RangeLanguage,
        /// The version to test.
        #[arg(allow_hyphen_values = true, value_name = "VERSION")]
        candidate: String,
        /// The range.
        #[arg(allow_hyphen_values = true)]
        range: String,
        /// Let prereleases match (npm-range: node-semver `includePrerelease`; pep440:
        /// `prereleases=True`).
        #[arg(long)]
        include_prerelease: bool,
        /// npm-range only: node-semver loose mode (`1.2.3beta`, `=v1.2.3`).
        #[arg(long)]
        loose: bool,
    },
}

fn parse_scheme(s: &str) -> Result<Scheme, String> {
    s.parse()
        .map_err(|e: bulkhead_pkg::VersionError| e.to_string())
}

fn parse_language(s: &str) -> Result<RangeLanguage, String> {
    s.parse()
        .map_err(|e: bulkhead_pkg::VersionError| e.to_string())
}

pub fn run(args: Args) -> anyhow::Result<i32> {
    let answer = match args.command {
        VersionCommand::Compare { scheme, a, b } => {
            match bulkhead_pkg::compare(scheme, &a, &b).context("cannot compare")? {
                Ordering::Less => "<",
                Ordering::Equal => "=",
                Ordering::Greater => ">",
            }
        }
        VersionCommand::Satisfies {
            scheme,
            candidate: version,
            range,
            include_prerelease,
            loose,
        } => {
            let yes = match scheme {
                RangeLanguage::NpmRange => npm_satisfies(
                    &version,
                    &range,
                    NpmOptions {
                        loose,
                        include_prerelease,
                    },
                ),
                RangeLanguage::Scheme(Scheme::Pep440) => SpecifierSet::parse(&range)
                    .and_then(|s| s.contains(&version, include_prerelease.then_some(true))),
                other => {
                    if loose {
                        anyhow::bail!("--loose only applies to npm-range");
                    }
                    bulkhead_pkg::satisfies(other, &version, &range)
                }
            }
            .context("cannot evaluate the range")?;
            if yes { "true" } else { "false" }
        }
    };
    let mut out = std::io::stdout().lock();
    writeln!(out, "{answer}")?;
    out.flush()?;
    Ok(0)
}
