//! `steadyent cavity`: the full cavity-QED model (Eq. 7–8) and its effective diamond model
//! (Eq. 9) at one parameter point, units g = 1.

use std::fmt::Write as _;

use super::args::{CavityArgs, CavityFormat, FrameArg, parse_cutoff};
use super::error::{CliError, Output, cavity_error};
use crate::cavity::engine::{CONCURRENCE_TOLERANCE, TOP_POPULATION_TOLERANCE};
use crate::cavity::params::PAPER_OMEGA0;
use crate::cavity::result::{AUTO_CUTOFF_DECIMALS, Beta, CavityReport, SOLVE_DECIMALS};
use crate::cavity::{CavityParams, CavityPoint, CavityResult, Frame, solve_point};
use crate::schema;

/// Runs `steadyent cavity`.
///
/// # Errors
/// [`CliError::Usage`] for invalid arguments; [`CliError::Internal`] when no trustworthy steady
/// state is found (non-unique, ill-conditioned, cutoff not converged).
pub fn run(args: &CavityArgs) -> Result<Output, CliError> {
    if args.exact {
        return super::cavity_exact::run(args);
    }
    if args.digits.is_some() {
        return Err(CliError::usage(
            "--digits",
            "certified digits are printed by the exact solve only; add --exact",
        ));
    }
    let cutoff = parse_cutoff(args.cutoff.as_deref().unwrap_or("auto"))?;
    let params = cavity_params(
        &args.kappa,
        &args.pump,
        &args.gamma,
        &args.g,
        args.frame == FrameArg::Lab,
        args.omega0,
    )?;
    let point = solve_point(&params, cutoff).map_err(cavity_error)?;
    Ok(match args.format {
        CavityFormat::Table => table(&point),
        CavityFormat::Json => schema::json(&CavityReport::of(&point)),
    })
}

/// The parameters of Eq. (7)–(8) from the command line's text (`--kappa`, `--pump`,
/// `--gamma`, `--g`; `lab` for `--frame lab`, `--omega0`), checked as the command checks them.
///
/// # Errors
/// [`CliError::Usage`] naming the argument.
pub fn cavity_params(
    kappa: &str,
    pump: &str,
    gamma: &str,
    g: &str,
    lab: bool,
    omega0: Option<f64>,
) -> Result<CavityParams, CliError> {
    let number = |argument: &str, text: &str| -> Result<f64, CliError> {
        text.trim().parse::<f64>().map_err(|_| {
            let hint = if text.contains('/') {
                "; exact rationals need --exact"
            } else {
                ""
            };
            CliError::usage(
                argument,
                format!("'{text}' is not a number (e.g. 3.7, 1e-3){hint}"),
            )
        })
    };
    let (kappa, pump, gamma, g) = (
        number("--kappa", kappa)?,
        number("--pump", pump)?,
        number("--gamma", gamma)?,
        number("--g", g)?,
    );
    let frame = match (lab, omega0) {
        (false, None) => Frame::Rotating,
        (false, Some(_)) => {
            return Err(CliError::usage(
                "--omega0",
                "ω0 only enters the lab frame; add --frame lab",
            ));
        }
        (true, omega0) => Frame::Lab {
            omega0: omega0.unwrap_or(PAPER_OMEGA0),
        },
    };
    if pump <= 0.0 {
        return Err(CliError::usage(
            "--pump",
            format!("pump = {pump} must be > 0 (the effective model's unit is Γ⁺ = p/2)"),
        ));
    }
    // Every rate is given in units of g, so g itself must be a positive, finite unit.
    if !(g.is_finite() && g > 0.0) {
        return Err(CliError::usage(
            "--g",
            format!("g = {g} must be a finite number > 0 (the unit of every rate)"),
        ));
    }
    CavityParams::new(g, kappa, pump, gamma)
        .and_then(|p| p.with_frame(frame))
        .map_err(cavity_error)
}

/// `β` for the table: the number, or `-inf` (γ = 0).
fn beta_text(beta: &Beta) -> String {
    match beta {
        Beta::Finite(x) => x.to_string(),
        Beta::Infinite(text) => (*text).to_string(),
    }
}

fn table(point: &CavityPoint) -> String {
    let result = CavityResult::of(point);
    let p = &point.params;
    let rates = &point.effective.rates;
    let full = &point.full;
    let report = &point.cutoff;
    let mut out = String::new();
    let frame = match result.omega0 {
        Some(w) => format!("{} (ω0 = ω_cav = {w})", result.frame),
        None => result.frame.to_string(),
    };
    let cutoff = match report.concurrence_change {
        Some(change) => format!(
            "{} Fock states (auto: tried {:?}, |ΔC| = {change:.1e} ≤ {CONCURRENCE_TOLERANCE:e}, \
             P(top) = {:.1e} ≤ {TOP_POPULATION_TOLERANCE:e})",
            report.cutoff, report.tried, report.top_fock_population
        ),
        None => format!(
            "{} Fock states (fixed; P(top) = {:.1e})",
            report.cutoff, report.top_fock_population
        ),
    };
    let rows = [
        ("model", "cavity QED, Eq. (7)-(8), units g".to_string()),
        ("frame", frame),
        (
            "parameters",
            format!(
                "g = {}, kappa = {}, pump = {}, gamma = {}",
                p.coupling(),
                p.kappa(),
                p.pump(),
                p.gamma()
            ),
        ),
        ("photon cutoff", cutoff),
        (
            "concurrence (full)",
            match report.concurrence_change {
                Some(_) => format!(
                    "{:.AUTO_CUTOFF_DECIMALS$} (converged in the cutoff to \
                     {CONCURRENCE_TOLERANCE:e})",
                    result.concurrence
                ),
                None => format!(
                    "{:.SOLVE_DECIMALS$} (at this fixed cutoff; truncation error not estimated, \
                     see --cutoff auto)",
                    result.concurrence
                ),
            },
        ),
        (
            "concurrence (effective, Eq. 9)",
            format!(
                "{:.SOLVE_DECIMALS$} (f64 solve, residual {:.1e})",
                result.concurrence_effective, point.effective.residual
            ),
        ),
        ("residual max|Lρ|", format!("{:.2e}", full.residual)),
        (
            "mean photon number",
            format!("{:.5e}", full.mean_photon_number),
        ),
        ("beta_A = ln(γ/p)", beta_text(&result.beta_a)),
        ("beta_S = ln((2Γ+γ)/p)", beta_text(&result.beta_s)),
        (
            "effective rates",
            format!(
                "Γ⁺ = {:.6e}, Γ_A⁻ = {:.6e}, Γ_S⁻ = {:.6e}, Γ = 4g²/κ = {:.6e}",
                rates.pump, rates.decay_a, rates.decay_s, rates.cavity_decay
            ),
        ),
    ];
    for (label, value) in rows {
        let _ = writeln!(out, "{label:<32}{value}");
    }
    out
}
