//! `steadyent check`: every claim of the paper as a verdict with evidence (table, JSON, JUnit),
//! with strict expected failures (`--expect-fail`) for CI.

use std::io::IsTerminal;
use std::time::{SystemTime, UNIX_EPOCH};

use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};

use super::error::{CliError, Output};
use crate::check::{Claim, Context, Status, registry, report, run_claims};

/// Report format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// One line per claim: verdict, id, evidence.
    Table,
    /// One JSON object with every claim, its checks and data.
    Json,
    /// JUnit XML, one test case per claim.
    Junit,
}

/// Arguments of `steadyent check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Check only these claims (repeat or comma-separate ids; see --list).
    #[arg(long, value_name = "ID", value_delimiter = ',', num_args = 1..)]
    pub only: Vec<String>,
    /// List the claims (id, the paper's words, method) and exit.
    #[arg(long)]
    pub list: bool,
    /// Report format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,
    /// Seed of the random spot checks (default: drawn from the clock and printed).
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Claims expected to fail, as pytest's strict xfail (repeat or comma-separate ids): exit 0
    /// when exactly these fail and every other claim passes, 1 when one of them passes or
    /// another claim fails. Reported as XFAIL / XPASS (JSON `status`, JUnit `<skipped>`), so a
    /// known finding stays visible while a CI job stays green.
    #[arg(long, value_name = "ID", value_delimiter = ',', num_args = 1..)]
    pub expect_fail: Vec<String>,
}

/// Checks that every id in `ids` names a claim of `all`.
fn known(argument: &str, ids: &[String], all: &[Claim]) -> Result<(), CliError> {
    let names: Vec<&str> = all.iter().map(|c| c.id).collect();
    match ids.iter().find(|id| !names.contains(&id.as_str())) {
        Some(id) => Err(CliError::usage(
            argument,
            format!("no claim '{id}'; accepted: {}", names.join(", ")),
        )),
        None => Ok(()),
    }
}

fn select(only: &[String], expect_fail: &[String]) -> Result<Vec<Claim>, CliError> {
    let all = registry();
    known("--only", only, &all)?;
    known("--expect-fail", expect_fail, &all)?;
    if !only.is_empty()
        && let Some(id) = expect_fail.iter().find(|id| !only.contains(id))
    {
        return Err(CliError::usage(
            "--expect-fail",
            format!("'{id}' is not among the claims --only selects; add it to --only"),
        ));
    }
    if only.is_empty() {
        return Ok(all);
    }
    Ok(all
        .into_iter()
        .filter(|c| only.iter().any(|id| id == c.id))
        .collect())
}

/// Runs `steadyent check`.
///
/// # Errors
/// [`CliError::Usage`] for an unknown claim id; [`CliError::Verdict`] carrying the report
/// when a claim fails (exit 1) or could not be checked (exit 2).
pub fn run(args: &CheckArgs) -> Result<Output, CliError> {
    let claims = select(&args.only, &args.expect_fail)?;
    if args.list {
        let mut out = String::new();
        for c in &claims {
            out.push_str(&format!(
                "{}\n  paper:  {}\n  method: {}\n",
                c.id,
                c.quoted(),
                c.method
            ));
        }
        return Ok(out);
    }
    let seed = args.seed.unwrap_or_else(|| {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64)
    });
    let progress = std::io::stderr().is_terminal().then(|| {
        let bar = ProgressBar::new_spinner();
        bar.set_style(
            ProgressStyle::with_template("{spinner} checking {msg} ({elapsed})")
                .expect("static template"),
        );
        bar.set_message(format!("{} claims", claims.len()));
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        bar
    });
    let mut reports = run_claims(&claims, &Context::new(seed));
    for report in &mut reports {
        if args.expect_fail.iter().any(|id| id == report.id) {
            report.expect_failure();
        }
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    let text = match args.format {
        ReportFormat::Table => report::table(&reports, seed),
        ReportFormat::Json => report::json(&reports, seed),
        ReportFormat::Junit => report::junit(&reports, seed),
    };
    if reports.iter().any(|r| r.status == Status::Error) {
        return Err(CliError::Verdict {
            report: text,
            message: "a claim could not be checked (see the report)".into(),
            code: 2,
        });
    }
    let unexpected: Vec<&str> = reports
        .iter()
        .filter(|r| r.status == Status::UnexpectedPass)
        .map(|r| r.id)
        .collect();
    if reports.iter().any(|r| r.status == Status::Fail) {
        return Err(CliError::Verdict {
            report: text,
            message: "a claim of the paper fails (see the report)".into(),
            code: 1,
        });
    }
    if !unexpected.is_empty() {
        return Err(CliError::Verdict {
            report: text,
            message: format!(
                "expected to fail but passes (strict --expect-fail): {}",
                unexpected.join(", ")
            ),
            code: 1,
        });
    }
    Ok(text)
}
