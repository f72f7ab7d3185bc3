//! `steadyent cavity`: the full cavity-QED model (Eq. 7–8) and its effective diamond model
//! (Eq. 9) at one parameter point, units g = 1.

use std::fmt::Write as _;

use clap::{Args, ValueEnum};

use super::{CliError, Output};
use crate::cavity::engine::{CONCURRENCE_TOLERANCE, TOP_POPULATION_TOLERANCE};
use crate::cavity::params::PAPER_OMEGA0;
use crate::cavity::result::{AUTO_CUTOFF_DECIMALS, Beta, CavityReport, SOLVE_DECIMALS};
use crate::cavity::{
    CavityError, CavityParams, CavityPoint, CavityResult, Cutoff, Frame, MAX_CUTOFF, MIN_CUTOFF,
    solve_point,
};
use crate::schema;

/// Arguments of `steadyent cavity`.
#[derive(Debug, Args)]
pub struct CavityArgs {
    /// Cavity decay rate κ (units of g), > 0. With --exact: an exact rational (3/4, 0.125).
    #[arg(long, allow_hyphen_values = true, value_name = "K")]
    pub kappa: String,
    /// Incoherent pumping rate p of each qubit (units of g), > 0 (≥ 0 with --exact).
    #[arg(long, allow_hyphen_values = true, value_name = "P")]
    pub pump: String,
    /// Spontaneous decay rate γ of each qubit (units of g), ≥ 0; 0 gives β_A = −∞ (Fig. 2b).
    #[arg(long, allow_hyphen_values = true, value_name = "G")]
    pub gamma: String,
    /// Qubit–cavity coupling g; every rate is in the same unit as g.
    #[arg(long, default_value = "1", allow_hyphen_values = true)]
    pub g: String,
    /// Photon cutoff: `auto` (grow until the concurrence changes by ≤ 1e-10 and the top Fock
    /// level holds ≤ 1e-12) or a number of Fock states from 2 to 100 (default `auto`). With
    /// --exact: required, a number of Fock states from 2 to 50.
    #[arg(long, value_name = "auto|N")]
    pub cutoff: Option<String>,
    /// Solve the truncated model exactly over the Gaussian rationals (rotating frame): exact
    /// reduced two-qubit state, exact concurrence, and the concurrence to --digits certified
    /// digits. Rates are exact rationals; --cutoff is required.
    #[arg(long)]
    pub exact: bool,
    /// With --exact: also prove the steady state unique on the whole operator space (exact
    /// nullity of every ket–bra excitation-difference sector, no symmetry assumed; ~0.3 s at
    /// cutoff 6, ~1 s at 8).
    #[arg(long, requires = "exact")]
    pub full_uniqueness: bool,
    /// With --exact: significant digits of the concurrence (1–10000, default 20), each
    /// certified by an interval enclosure.
    #[arg(long, value_name = "D")]
    pub digits: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CavityFormat::Table)]
    pub format: CavityFormat,
    /// Frame of Eq. (7): `rotating` at ω0 = ω_cav, or `lab` with ω0 = ω_cav = --omega0.
    #[arg(long, value_enum, default_value_t = FrameArg::Rotating)]
    pub frame: FrameArg,
    /// Qubit and cavity frequency ω0 with --frame lab (units of g; default 1000, the paper's
    /// g/ω0 = 0.001).
    #[arg(long, allow_hyphen_values = true)]
    pub omega0: Option<f64>,
}

/// Output formats of `steadyent cavity`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CavityFormat {
    /// Aligned human-readable lines.
    Table,
    /// One JSON object.
    Json,
}

/// The frame of Eq. (7).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FrameArg {
    /// Rotating at ω0 = ω_cav (the free Hamiltonian drops out).
    Rotating,
    /// Laboratory frame with ω0 = ω_cav = --omega0.
    Lab,
}

/// Parses `--cutoff`: `auto` or a number of Fock states in `MIN_CUTOFF..=MAX_CUTOFF`.
///
/// # Errors
/// [`CliError::Usage`] naming `--cutoff` and the accepted values.
pub fn parse_cutoff(text: &str) -> Result<Cutoff, CliError> {
    let bad = || {
        CliError::usage(
            "--cutoff",
            format!(
                "expected `auto` or a number of Fock states from {MIN_CUTOFF} to {MAX_CUTOFF}, \
                 got '{text}'"
            ),
        )
    };
    if text == "auto" {
        return Ok(Cutoff::AUTO);
    }
    let n: usize = text.parse().map_err(|_| bad())?;
    if (MIN_CUTOFF..=MAX_CUTOFF).contains(&n) {
        Ok(Cutoff::Fixed(n))
    } else {
        Err(bad())
    }
}

/// Maps a library error to the exit-code contract: parameter errors are usage errors naming
/// the flag (exit 2), failed computations are internal errors (exit 2).
pub fn cavity_error(e: CavityError) -> CliError {
    match e {
        CavityError::InvalidParameter { name, .. } => {
            let message = e.to_string();
            let message = message.strip_prefix("invalid ").unwrap_or(&message);
            CliError::usage(&format!("--{name}"), message)
        }
        CavityError::CutoffOutOfRange { .. } => CliError::usage("--cutoff", e),
        CavityError::EffectiveModelNeedsPump => CliError::usage("--pump", e),
        _ => CliError::Internal(e.to_string()),
    }
}

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
