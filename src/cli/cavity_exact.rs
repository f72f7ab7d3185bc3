//! `steadyent cavity --exact`: the truncated cavity model (Eq. 7–8) solved exactly.
//!
//! Exact rational rates in, the exact two-qubit state, the exact concurrence and its certified
//! digits out.

use std::fmt::Write as _;

use rug::Rational;

use super::args::{CavityArgs, CavityFormat, FrameArg, validate_digits};
use super::error::{CliError, Output};
use crate::cavity::MIN_CUTOFF;
use crate::cavity::exact::{ExactCavityError, ExactCavityParams, MAX_EXACT_CUTOFF};
use crate::cavity::result::{EXACT_TRANSFORM, ExactCavityReport};
use crate::decimal::{exact_decimal, parse_rational};

/// Default significant digits of the certified concurrence.
pub const DEFAULT_DIGITS: usize = 20;

/// Parses `--cutoff` for the exact solve: a number of Fock states, no `auto`.
fn parse_exact_cutoff(text: Option<&str>) -> Result<usize, CliError> {
    let expected = format!(
        "the exact solve needs a fixed number of Fock states from {MIN_CUTOFF} to \
         {MAX_EXACT_CUTOFF}"
    );
    let Some(text) = text else {
        return Err(CliError::usage(
            "--cutoff",
            format!("missing; {expected} (e.g. --cutoff 6)"),
        ));
    };
    match text.trim().parse::<usize>() {
        Ok(n) if (MIN_CUTOFF..=MAX_EXACT_CUTOFF).contains(&n) => Ok(n),
        _ => Err(CliError::usage(
            "--cutoff",
            format!("{expected}, got '{text}'"),
        )),
    }
}

fn rate(argument: &str, text: &str) -> Result<Rational, CliError> {
    parse_rational(text).map_err(|e| CliError::usage(argument, e))
}

fn exact_error(e: ExactCavityError) -> CliError {
    match e {
        ExactCavityError::InvalidParameter { name, .. } => CliError::parameter(name, &e),
        ExactCavityError::CutoffOutOfRange { .. } => CliError::usage("--cutoff", e),
        ExactCavityError::PrecisionCap { .. } => CliError::usage("--digits", e),
        _ => CliError::Internal(e.to_string()),
    }
}

/// Runs `steadyent cavity --exact` (Eq. 7–8 solved over the Gaussian rationals).
///
/// # Errors
/// [`CliError::Usage`] for invalid arguments (rates that are not exact non-negative
/// rationals, `κ ≤ 0`, a missing or `auto` cutoff, the lab frame, `--digits` out of range);
/// [`CliError::Internal`] when the steady state is not unique.
pub fn run(args: &CavityArgs) -> Result<Output, CliError> {
    if args.frame == FrameArg::Lab || args.omega0.is_some() {
        let argument = if args.omega0.is_some() {
            "--omega0"
        } else {
            "--frame"
        };
        return Err(CliError::usage(
            argument,
            "the exact solve is in the rotating frame only (the lab frame has the same \
             steady state, see tests/cavity.rs); drop --frame/--omega0",
        ));
    }
    let report = exact_report(
        &args.kappa,
        &args.pump,
        &args.gamma,
        &args.g,
        args.cutoff.as_deref(),
        args.digits,
        args.full_uniqueness,
    )?;
    Ok(match args.format {
        CavityFormat::Json => {
            let mut text = serde_json::to_string_pretty(&report.to_json())
                .map_err(|e| CliError::Internal(e.to_string()))?;
            text.push('\n');
            text
        }
        CavityFormat::Table => table(&report),
    })
}

/// The exact solve of Eq. (7)–(8) from the command line's text (`--kappa`, `--pump`,
/// `--gamma`, `--g`, `--cutoff`, `--digits`, `--full-uniqueness`), checked as the command
/// checks them ([`ExactCavityReport::solve`]).
///
/// # Errors
/// [`CliError::Usage`] naming the argument; [`CliError::Internal`] when the steady state is
/// not unique.
pub fn exact_report(
    kappa: &str,
    pump: &str,
    gamma: &str,
    g: &str,
    cutoff: Option<&str>,
    digits: Option<usize>,
    full_uniqueness: bool,
) -> Result<ExactCavityReport, CliError> {
    let digits = validate_digits(digits.unwrap_or(DEFAULT_DIGITS))?;
    let kappa = rate("--kappa", kappa)?;
    let pump = rate("--pump", pump)?;
    let gamma = rate("--gamma", gamma)?;
    let g = rate("--g", g)?;
    let cutoff = parse_exact_cutoff(cutoff)?;
    let params = ExactCavityParams::new(g, kappa, pump, gamma).map_err(exact_error)?;
    ExactCavityReport::solve(params, cutoff, digits, full_uniqueness).map_err(exact_error)
}

fn table(report: &ExactCavityReport) -> String {
    let ExactCavityReport {
        params,
        state,
        concurrence,
        digits,
        scope,
    } = report;
    let mut out = String::new();
    let top = &state.fock_populations[state.cutoff - 1];
    let rows = [
        (
            "model",
            "cavity QED, Eq. (7)-(8), rotating frame, exact".to_string(),
        ),
        (
            "parameters",
            format!(
                "g = {}, kappa = {}, pump = {}, gamma = {}",
                exact_decimal(params.coupling()),
                exact_decimal(params.kappa()),
                exact_decimal(params.pump()),
                exact_decimal(params.gamma())
            ),
        ),
        (
            "photon cutoff",
            format!("{} Fock states (fixed)", state.cutoff),
        ),
        ("transform", EXACT_TRANSFORM.to_string()),
        (
            "unknowns",
            format!(
                "{} real (of {} sector pairs), nullity {}",
                state.unknowns, state.sector_size, state.nullity
            ),
        ),
        ("uniqueness", scope.to_string()),
        (
            "residual Lρ",
            format!(
                "{} (exact, full space, {} non-zero entries)",
                state.residual_nonzero, state.residual_nonzero
            ),
        ),
        ("top Fock population", top.to_string()),
        ("concurrence (exact)", state.concurrence.to_string()),
        (
            "concurrence",
            format!("{concurrence} ({digits} certified digits)"),
        ),
    ];
    for (label, value) in rows {
        let _ = writeln!(out, "{label:<24}{value}");
    }
    let _ = writeln!(
        out,
        "two-qubit state Tr_cav ρ (basis |00>, |01>, |10>, |11>):"
    );
    for row in report.qubit_rows() {
        let _ = writeln!(out, "  [{}]", row.join(", "));
    }
    out
}
