//! The claim registry behind `steadyent check`: every claim of the paper, how it is checked,
//! and its verdict with the evidence that decided it.

use std::time::Instant;

use rayon::prelude::*;
use serde::Serialize;
use serde_json::Value;

use crate::interval::Interval;

mod diamond_claims;
pub mod report;
mod stats;

pub use stats::spearman;

/// The outcome of checking one claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Every check of the claim holds.
    Pass,
    /// Some check fails: the paper's claim (as read) does not hold.
    Fail,
    /// The claim could not be checked (an internal error; exit code 2).
    Error,
}

/// One sub-check of a claim: what was checked, whether it held, the numbers.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Check {
    /// What is checked, in words.
    pub what: String,
    /// Whether it holds.
    pub holds: bool,
    /// The numbers that decided it.
    pub detail: String,
}

impl Check {
    /// A sub-check.
    pub fn new(what: impl Into<String>, holds: bool, detail: impl Into<String>) -> Self {
        Check {
            what: what.into(),
            holds,
            detail: detail.into(),
        }
    }
}

/// What a claim's checker returns: its sub-checks, a one-line summary and data for tools.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// Sub-checks; the claim passes when all hold.
    pub checks: Vec<Check>,
    /// One line of evidence for the table.
    pub summary: String,
    /// Structured evidence for the JSON report.
    pub data: Value,
}

/// A claim of the paper and how steadyent checks it.
#[derive(Clone, Copy, Debug)]
pub struct Claim {
    /// Stable identifier (`steadyent check --only ID`).
    pub id: &'static str,
    /// The paper's words or equation this claim checks.
    pub paper: &'static str,
    /// The method: exact proof, MPFR evaluation with its precision, numeric solve with its
    /// tolerance.
    pub method: &'static str,
    /// Runs the check.
    pub run: fn(&Context) -> Result<Outcome, String>,
}

/// What the checks run against. Tests swap in broken ingredients to show a claim can fail.
#[derive(Clone, Copy, Debug)]
pub struct Context {
    /// Seed of the run-time random spot checks (printed in the evidence for reproduction).
    pub seed: u64,
    /// The closed form under test, Eq. (4)–(5).
    pub closed_form: fn(&Interval, &Interval) -> Option<Interval>,
}

impl Context {
    /// The real ingredients with a given seed.
    pub fn new(seed: u64) -> Self {
        Context {
            seed,
            closed_form: crate::diamond::closed_form_concurrence,
        }
    }
}

/// The report on one claim.
#[derive(Clone, Debug, Serialize)]
pub struct ClaimReport {
    /// Claim id.
    pub id: &'static str,
    /// The paper's words or equation.
    pub paper: &'static str,
    /// How it was checked.
    pub method: &'static str,
    /// The verdict.
    pub verdict: Verdict,
    /// One line of evidence.
    pub evidence: String,
    /// Every sub-check.
    pub checks: Vec<Check>,
    /// Structured evidence.
    pub data: Value,
    /// Wall time of the check in seconds.
    pub seconds: f64,
}

/// Every claim, in report order.
pub fn registry() -> Vec<Claim> {
    diamond_claims::claims()
}

/// Runs `claims` (in parallel) against `context`, keeping registry order.
pub fn run_claims(claims: &[Claim], context: &Context) -> Vec<ClaimReport> {
    claims
        .par_iter()
        .map(|claim| {
            let start = Instant::now();
            let result = (claim.run)(context);
            let seconds = start.elapsed().as_secs_f64();
            match result {
                Ok(outcome) => {
                    let verdict = if outcome.checks.iter().all(|c| c.holds) {
                        Verdict::Pass
                    } else {
                        Verdict::Fail
                    };
                    let evidence = match outcome.checks.iter().find(|c| !c.holds) {
                        Some(failed) => format!("FAILED: {} ({})", failed.what, failed.detail),
                        None => outcome.summary,
                    };
                    ClaimReport {
                        id: claim.id,
                        paper: claim.paper,
                        method: claim.method,
                        verdict,
                        evidence,
                        checks: outcome.checks,
                        data: outcome.data,
                        seconds,
                    }
                }
                Err(message) => ClaimReport {
                    id: claim.id,
                    paper: claim.paper,
                    method: claim.method,
                    verdict: Verdict::Error,
                    evidence: message,
                    checks: Vec::new(),
                    data: Value::Null,
                    seconds,
                },
            }
        })
        .collect()
}
