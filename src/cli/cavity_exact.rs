//! `steadyent cavity --exact`: the truncated cavity model (Eq. 7–8) solved exactly.
//!
//! Exact rational rates in, the exact two-qubit state, the exact concurrence and its certified
//! digits out.

use std::fmt::Write as _;

use rug::Rational;
use serde_json::{Value, json};

use super::cavity::{CavityArgs, CavityFormat, FrameArg};
use super::diamond::validate_digits;
use super::{CliError, Output};
use crate::cavity::MIN_CUTOFF;
use crate::cavity::exact::{
    ExactCavityError, ExactCavityParams, ExactCavityState, MAX_EXACT_CUTOFF, exact_steady_state,
    prove_full_uniqueness,
};
use crate::decimal::{exact_decimal, parse_rational};

/// Default significant digits of the certified concurrence.
pub const DEFAULT_DIGITS: usize = 20;

const TRANSFORM: &str = "rho = S r S with S = diag(sqrt(n!)) on the Fock space (factorial \
                         picture; its generator has integer-coefficient entries)";

const SCOPE: &str = "nullity 1 of the exact reduced generator: unique among Hermitian, \
                     qubit-swap-symmetric states of the excitation-conserving sector at this \
                     cutoff";

const FULL_SCOPE: &str = "unique on the whole operator space at this cutoff: exact nullity 1 \
                          on the excitation-difference-0 sector and 0 on every other sector \
                          (no symmetry assumed)";

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
        ExactCavityError::InvalidParameter { name, .. } => {
            let message = e.to_string();
            let message = message.strip_prefix("invalid ").unwrap_or(&message);
            CliError::usage(&format!("--{name}"), message)
        }
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
    let digits = validate_digits(args.digits.unwrap_or(DEFAULT_DIGITS))?;
    let kappa = rate("--kappa", &args.kappa)?;
    let pump = rate("--pump", &args.pump)?;
    let gamma = rate("--gamma", &args.gamma)?;
    let g = rate("--g", &args.g)?;
    let cutoff = parse_exact_cutoff(args.cutoff.as_deref())?;
    let params = ExactCavityParams::new(g, kappa, pump, gamma).map_err(exact_error)?;
    let state = exact_steady_state(&params, cutoff).map_err(exact_error)?;
    let scope = if args.full_uniqueness {
        prove_full_uniqueness(&params, cutoff).map_err(exact_error)?;
        FULL_SCOPE
    } else {
        SCOPE
    };
    let concurrence = state.concurrence_decimal(digits).map_err(exact_error)?;
    let report = Report {
        params: &params,
        state: &state,
        concurrence: &concurrence,
        digits,
        scope,
    };
    Ok(match args.format {
        CavityFormat::Json => {
            let mut text = serde_json::to_string_pretty(&report.to_json())
                .map_err(|e| CliError::Internal(e.to_string()))?;
            text.push('\n');
            text
        }
        CavityFormat::Table => report.table(),
    })
}

fn qubit_rows(state: &ExactCavityState) -> Vec<Vec<String>> {
    (0..4)
        .map(|i| {
            (0..4)
                .map(|j| {
                    let z = &state.qubits[(i, j)];
                    debug_assert!(num_traits::Zero::is_zero(&z.im));
                    z.re.to_string()
                })
                .collect()
        })
        .collect()
}

/// What `steadyent cavity --exact` prints.
struct Report<'a> {
    params: &'a ExactCavityParams,
    state: &'a ExactCavityState,
    concurrence: &'a str,
    digits: usize,
    scope: &'static str,
}

impl Report<'_> {
    fn to_json(&self) -> Value {
        let Report {
            params,
            state,
            concurrence,
            digits,
            scope,
        } = *self;
        let top = &state.fock_populations[state.cutoff - 1];
        json!({
            "model": "cavity QED, Eq. (7)-(8), truncated, rotating frame",
            "mode": "exact",
            "units": "those of the rates (g = 1 by default)",
            "g": exact_decimal(params.coupling()),
            "kappa": exact_decimal(params.kappa()),
            "pump": exact_decimal(params.pump()),
            "gamma": exact_decimal(params.gamma()),
            "cutoff": state.cutoff,
            "transform": TRANSFORM,
            "sector_size": state.sector_size,
            "unknowns": state.unknowns,
            "nullity": state.nullity,
            "uniqueness_scope": scope,
            "residual": state.residual_nonzero.to_string(),
            "residual_check": "L_S r = 0 exactly on the full 4N x 4N space (operator products, \
                               factorial picture, no symmetry reduction)",
            "exact_qubit_state": qubit_rows(state),
            "fock_populations": state.fock_populations.iter().map(ToString::to_string)
                .collect::<Vec<_>>(),
            "top_fock_population": top.to_string(),
            "concurrence_exact": state.concurrence.to_string(),
            "concurrence": concurrence,
            "digits": digits,
        })
    }

    fn table(&self) -> String {
        let Report {
            params,
            state,
            concurrence,
            digits,
            scope,
        } = *self;
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
            ("transform", TRANSFORM.to_string()),
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
        for row in qubit_rows(state) {
            let _ = writeln!(out, "  [{}]", row.join(", "));
        }
        out
    }
}
