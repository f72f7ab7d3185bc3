//! `steadyent sweep`: the Fig. 2(b)/(c) curves, full versus effective concurrence over
//! log-spaced κ/g, as CSV or JSON.

use std::fmt::Write as _;

use clap::{Args, ValueEnum};
use serde_json::json;

use super::cavity::{cavity_error, parse_cutoff};
use super::{CliError, Output};
use crate::cavity::sweep::MAX_POINTS;
use crate::cavity::{Cutoff, Figure, sweep};

/// Arguments of `steadyent sweep`.
#[derive(Debug, Args)]
pub struct SweepArgs {
    /// Panel: fig2b (γ = 0, p = 2e-4) or fig2c (γ = 1e-3, p ∈ {2e-4, 1e-3, 5e-3}); units g = 1,
    /// κ log-spaced from 1e-2 to 1e3.
    #[arg(value_enum)]
    pub figure: FigureArg,
    /// Number of κ values per pump rate, from 2 to 10000.
    #[arg(long, default_value_t = 200)]
    pub points: usize,
    /// Photon cutoff: `auto` (per point) or a number of Fock states from 2 to 100.
    #[arg(long, default_value = "auto")]
    pub cutoff: String,
    /// Output format: csv (`pump,kappa,concurrence,concurrence_effective`) or json.
    #[arg(long, value_enum, default_value_t = SweepFormat::Csv)]
    pub format: SweepFormat,
}

/// The panels of Fig. 2 that `sweep` reproduces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FigureArg {
    /// Fig. 2(b): γ = 0, p = 2e-4 g.
    Fig2b,
    /// Fig. 2(c): γ = 1e-3 g, p ∈ {2e-4, 1e-3, 5e-3} g.
    Fig2c,
}

/// Output formats of `steadyent sweep`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SweepFormat {
    /// Header `pump,kappa,concurrence,concurrence_effective`, round-trip floats.
    Csv,
    /// One JSON object with the grid and per-point cutoff and residual.
    Json,
}

/// Runs `steadyent sweep`.
///
/// # Errors
/// [`CliError::Usage`] for invalid arguments; [`CliError::Internal`] when a point fails to
/// solve.
pub fn run(args: &SweepArgs) -> Result<Output, CliError> {
    let cutoff = parse_cutoff(&args.cutoff)?;
    if !(2..=MAX_POINTS).contains(&args.points) {
        return Err(CliError::usage(
            "--points",
            format!(
                "expected an integer from 2 to {MAX_POINTS}, got {}",
                args.points
            ),
        ));
    }
    let (figure, name) = match args.figure {
        FigureArg::Fig2b => (Figure::Fig2b, "fig2b"),
        FigureArg::Fig2c => (Figure::Fig2c, "fig2c"),
    };
    let rows = sweep(figure, args.points, cutoff).map_err(cavity_error)?;
    Ok(match args.format {
        SweepFormat::Csv => {
            let mut out = String::from("pump,kappa,concurrence,concurrence_effective\n");
            for r in &rows {
                let _ = writeln!(
                    out,
                    "{:.17e},{:.17e},{:.17e},{:.17e}",
                    r.pump, r.kappa, r.concurrence, r.concurrence_effective
                );
            }
            out
        }
        SweepFormat::Json => {
            let points: Vec<_> = rows
                .iter()
                .map(|r| {
                    json!({
                        "pump": r.pump,
                        "kappa": r.kappa,
                        "concurrence": r.concurrence,
                        "concurrence_effective": r.concurrence_effective,
                        "cutoff": r.cutoff,
                        "residual": r.residual,
                    })
                })
                .collect();
            let value = json!({
                "figure": name,
                "units": "g",
                "g": 1.0,
                "gamma": figure.gamma(),
                "pumps": figure.pumps(),
                "points_per_pump": args.points,
                "cutoff_mode": match cutoff { Cutoff::Auto { .. } => "auto", Cutoff::Fixed(_) => "fixed" },
                "points": points,
            });
            let mut text = serde_json::to_string_pretty(&value)
                .map_err(|e| CliError::Internal(e.to_string()))?;
            text.push('\n');
            text
        }
    })
}
