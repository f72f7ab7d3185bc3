//! `steadyent check`: every claim of the paper as a verdict with evidence (table, JSON, JUnit).

use std::io::IsTerminal;
use std::time::{SystemTime, UNIX_EPOCH};

use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};

use super::{CliError, Output};
use crate::check::{Claim, Context, Verdict, registry, report, run_claims};

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
}

fn select(only: &[String]) -> Result<Vec<Claim>, CliError> {
    let all = registry();
    if only.is_empty() {
        return Ok(all);
    }
    let ids: Vec<&str> = all.iter().map(|c| c.id).collect();
    for id in only {
        if !ids.contains(&id.as_str()) {
            return Err(CliError::usage(
                "--only",
                format!("no claim '{id}'; accepted: {}", ids.join(", ")),
            ));
        }
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
    let claims = select(&args.only)?;
    if args.list {
        let mut out = String::new();
        for c in &claims {
            out.push_str(&format!(
                "{}\n  paper:  {}\n  method: {}\n",
                c.id, c.paper, c.method
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
    let reports = run_claims(&claims, &Context::new(seed));
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    let text = match args.format {
        ReportFormat::Table => report::table(&reports, seed),
        ReportFormat::Json => report::json(&reports, seed),
        ReportFormat::Junit => report::junit(&reports, seed),
    };
    let failing = |verdict| reports.iter().any(|r| r.verdict == verdict);
    if failing(Verdict::Error) {
        return Err(CliError::Verdict {
            report: text,
            message: "a claim could not be checked (see the report)".into(),
            code: 2,
        });
    }
    if failing(Verdict::Fail) {
        return Err(CliError::Verdict {
            report: text,
            message: "a claim of the paper fails (see the report)".into(),
            code: 1,
        });
    }
    Ok(text)
}
