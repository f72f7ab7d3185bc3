//! `steadyent prove`: re-derive ρ_SS symbolically, check every certificate, render or compare `proofs/`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::Args;

use super::error::{CliError, Output};
use crate::proofs::{Verdict, compare_with_dir, render_pages, run_all, write_dir};

/// Arguments of `steadyent prove`.
#[derive(Debug, Args)]
pub struct ProveArgs {
    /// Write the proof pages (proofs/*.md) and certificates (proofs/certificates/*.json) from
    /// the current derivation.
    #[arg(long, conflicts_with = "check")]
    pub write: bool,
    /// Fail (exit 1) when the pages or certificates differ from what the code derives now.
    #[arg(long)]
    pub check: bool,
    /// Directory of the proof pages [default: ./proofs, else the proofs/ of the enclosing
    /// repository (the nearest parent folder with a .git or Cargo.toml)].
    #[arg(long)]
    pub dir: Option<PathBuf>,
}

/// `./proofs` when it exists, else `proofs/` of the nearest enclosing folder that holds a
/// `.git` or a `Cargo.toml` (the repository the command runs in), else `./proofs`.
fn default_dir(cwd: &Path) -> PathBuf {
    let here = cwd.join("proofs");
    if here.is_dir() {
        return here;
    }
    cwd.ancestors()
        .find(|d| d.join(".git").exists() || d.join("Cargo.toml").is_file())
        .map_or(here, |root| root.join("proofs"))
}

/// Runs `steadyent prove`: one line per theorem (verdict, id, certificate kinds); the
/// theorems confirm Eq. (4)–(6), the C = 1/3 and 1/2 limits and the p > γ threshold of Eq. (9).
///
/// # Errors
/// [`CliError::Verdict`] (exit 1, report on stdout) when a theorem is not proved or (with
/// `--check`) `proofs/` drifted; [`CliError::Internal`] when the derivation or file access fails.
pub fn run(args: &ProveArgs) -> Result<Output, CliError> {
    let start = Instant::now();
    let reports = run_all().map_err(|e| CliError::Internal(e.to_string()))?;
    let pages = render_pages(&reports);
    let elapsed = start.elapsed();
    let dir = match &args.dir {
        Some(d) => d.clone(),
        None => {
            let cwd = std::env::current_dir().map_err(|e| {
                CliError::Internal(format!("cannot read the current directory: {e}"))
            })?;
            default_dir(&cwd)
        }
    };
    let mut out = String::new();
    for r in &reports {
        let _ = writeln!(
            out,
            "{:<9} {:<28} {}",
            r.verdict.word(),
            r.id,
            r.certificate_kinds.join(", ")
        );
    }
    let proved = reports
        .iter()
        .filter(|r| r.verdict == Verdict::Proved)
        .count();
    let _ = writeln!(
        out,
        "{proved}/{} theorems proved; derivation and certificate checks took {} ms",
        reports.len(),
        elapsed.as_millis()
    );
    let mut problems: Vec<String> = reports
        .iter()
        .filter(|r| r.verdict != Verdict::Proved)
        .map(|r| format!("{} is {}", r.id, r.verdict.word()))
        .collect();
    if args.write {
        write_dir(&pages, &dir)
            .map_err(|e| CliError::Internal(format!("cannot write {}: {e}", dir.display())))?;
        let certificates = pages.keys().filter(|k| k.ends_with(".json")).count();
        let _ = writeln!(
            out,
            "wrote {} pages and {certificates} certificates to {}",
            pages.len() - certificates,
            dir.display()
        );
    }
    if args.check {
        let drift = compare_with_dir(&pages, &dir)
            .map_err(|e| CliError::Internal(format!("cannot read {}: {e}", dir.display())))?;
        for d in &drift {
            let _ = writeln!(out, "drift: {d}");
        }
        if !dir.is_dir() {
            problems.push(format!(
                "{} is not a directory; run inside a checkout of steadyent or pass --dir DIR",
                dir.display()
            ));
        }
        let _ = writeln!(
            out,
            "checked {} ({} pages and certificates)",
            dir.display(),
            pages.len()
        );
        if drift.is_empty() {
            let _ = writeln!(out, "{} matches the derivation", dir.display());
        } else {
            problems.push(format!(
                "{} differs from the derivation ({} file(s)); run `steadyent prove --write`",
                dir.display(),
                drift.len()
            ));
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(CliError::Verdict {
            report: out,
            message: problems.join("; "),
            code: 1,
        })
    }
}
