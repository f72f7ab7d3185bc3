//! The claim registry behind `steadyent check`: every claim of the paper, how it is checked,
//! and its verdict with the evidence that decided it.

use std::sync::OnceLock;
use std::time::Instant;

use rayon::prelude::*;
use serde::Serialize;
use serde_json::Value;

use crate::cavity::CavityError;
use crate::diamond::ExactDiamondError;
use crate::emitters::EmitterError;
use crate::interval::Interval;
use crate::liouvillian::LiouvillianError;
use crate::proofs::ProofError;
use crate::steady_state::SteadyStateError;

mod cavity_claims;
mod diamond_claims;
mod emitter_claims;
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

/// A claim's verdict read against what was expected of it: pytest's strict `xfail`, so that a
/// known finding (a sentence of the paper that does not hold) can stay visible in a green CI
/// job, and the job turns red when the finding changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Expected to pass, and passes.
    Pass,
    /// Expected to pass, and fails.
    Fail,
    /// Could not be checked (whatever was expected).
    Error,
    /// Expected to fail (`--expect-fail`), and fails.
    ExpectedFailure,
    /// Expected to fail (`--expect-fail`), but passes: counts as a failure.
    UnexpectedPass,
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

/// Why a claim could not be checked (verdict `error`, exit 2): the computation behind its
/// evidence failed, so there is no verdict to give.
#[derive(Debug, thiserror::Error)]
pub enum ClaimError {
    /// A cavity-model solve failed (Eq. 7–9).
    #[error(transparent)]
    Cavity(#[from] CavityError),
    /// An N-emitter solve failed.
    #[error(transparent)]
    Emitter(#[from] EmitterError),
    /// A steady-state solve failed.
    #[error(transparent)]
    SteadyState(#[from] SteadyStateError),
    /// A Liouvillian could not be built.
    #[error(transparent)]
    Liouvillian(#[from] LiouvillianError),
    /// The exact diamond solve failed (Eq. 1–3 over the rationals).
    #[error(transparent)]
    ExactDiamond(#[from] ExactDiamondError),
    /// Deriving or checking the theorems of `proofs/` failed.
    #[error("proofs/: {0}")]
    Proofs(&'static ProofError),
    /// A claim names a theorem that `proofs/` does not hold.
    #[error("no theorem '{0}' in proofs/")]
    NoTheorem(String),
    /// A certified enclosure left a decision open up to the precision cap.
    #[error("enclosure undecided at beta_A = {beta_a}, beta_S = {beta_s} (precision cap reached)")]
    Undecided {
        /// `β_A` of the point.
        beta_a: String,
        /// `β_S` of the point.
        beta_s: String,
    },
    /// A computation that always yields a value did not (empty grid, singular sample,
    /// divergent value at a finite point).
    #[error("{0}")]
    NoValue(&'static str),
}

/// A claim of the paper and how steadyent checks it.
#[derive(Clone, Copy, Debug)]
pub struct Claim {
    /// Stable identifier (`steadyent check --only ID`).
    pub id: &'static str,
    /// The paper's words or equations this claim checks ([`crate::paper`]).
    pub paper: &'static [&'static str],
    /// The method: exact proof, MPFR evaluation with its precision, numeric solve with its
    /// tolerance.
    pub method: &'static str,
    /// Theorems of `proofs/` that prove the claim (or its exact part); each becomes a
    /// sub-check that holds when the theorem's certificates all check.
    pub theorems: &'static [&'static str],
    /// Runs the numeric and exact spot checks.
    pub run: fn(&Context) -> Result<Outcome, ClaimError>,
}

impl Claim {
    /// The paper's words this claim checks, as one text.
    pub fn quoted(&self) -> String {
        self.paper.join(" ")
    }
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
    /// The paper's words or equations, joined by a space.
    pub paper: String,
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
    /// Whether the claim was named by `--expect-fail`.
    pub expected_failure: bool,
    /// The verdict read against the expectation.
    pub status: Status,
}

impl ClaimReport {
    /// Marks this claim as expected to fail (`check --expect-fail`) and updates its status.
    pub fn expect_failure(&mut self) {
        self.expected_failure = true;
        self.status = status(self.verdict, true);
    }
}

/// The status of `verdict` when the claim is (or is not) expected to fail.
fn status(verdict: Verdict, expected_failure: bool) -> Status {
    match (verdict, expected_failure) {
        (Verdict::Error, _) => Status::Error,
        (Verdict::Pass, false) => Status::Pass,
        (Verdict::Fail, false) => Status::Fail,
        (Verdict::Fail, true) => Status::ExpectedFailure,
        (Verdict::Pass, true) => Status::UnexpectedPass,
    }
}

/// Every claim, in report order.
pub fn registry() -> Vec<Claim> {
    let mut claims = diamond_claims::claims();
    claims.extend(cavity_claims::claims());
    claims.extend(emitter_claims::claims());
    claims
}

/// The theorems of `proofs/`, derived and checked once per process (shared by the claims).
fn theorems() -> Result<&'static [crate::proofs::TheoremReport], ClaimError> {
    static THEOREMS: OnceLock<Result<Vec<crate::proofs::TheoremReport>, ProofError>> =
        OnceLock::new();
    THEOREMS
        .get_or_init(crate::proofs::run_all)
        .as_deref()
        .map_err(ClaimError::Proofs)
}

/// A sub-check that holds when theorem `id` of `proofs/` is proved (every certificate checks).
///
/// # Errors
/// When the derivation fails or no theorem has this id.
fn theorem_check(id: &str) -> Result<Check, ClaimError> {
    let theorem = theorems()?
        .iter()
        .find(|t| t.id == id)
        .ok_or_else(|| ClaimError::NoTheorem(id.to_string()))?;
    Ok(Check::new(
        format!("theorem {id}: {}", theorem.title),
        theorem.verdict == crate::proofs::Verdict::Proved,
        format!(
            "{} by exact certificates ({}), proofs/{id}.md",
            theorem.verdict.word(),
            theorem.certificate_kinds.join(", ")
        ),
    ))
}

/// Runs `claims` (in parallel) against `context`, keeping registry order.
pub fn run_claims(claims: &[Claim], context: &Context) -> Vec<ClaimReport> {
    claims
        .par_iter()
        .map(|claim| {
            let start = Instant::now();
            let result = (claim.run)(context).and_then(|mut outcome| {
                for id in claim.theorems.iter().rev() {
                    outcome.checks.insert(0, theorem_check(id)?);
                }
                Ok(outcome)
            });
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
                        paper: claim.quoted(),
                        method: claim.method,
                        verdict,
                        evidence,
                        checks: outcome.checks,
                        data: outcome.data,
                        seconds,
                        expected_failure: false,
                        status: status(verdict, false),
                    }
                }
                Err(error) => ClaimReport {
                    id: claim.id,
                    paper: claim.quoted(),
                    method: claim.method,
                    verdict: Verdict::Error,
                    evidence: error.to_string(),
                    checks: Vec::new(),
                    data: Value::Null,
                    seconds,
                    expected_failure: false,
                    status: Status::Error,
                },
            }
        })
        .collect()
}
