//! `steadyent sweep`: the data behind the paper's figures as CSV or JSON — Fig. 1(b)/(c),
//! concurrence (Eq. 4) and entropy production (Eq. 6) of the diamond model over a
//! `(β_A, β_S)` grid, and Fig. 2(b)/(c), full versus effective concurrence over log-spaced κ/g.

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::args::{EmitterSweepArgs, Fig1GridArgs, Fig2Args, FigureName};
use super::emitters::sweep_text;
use super::error::{CliError, Output, cavity_error};
use super::progress::Progress;
use crate::cavity::result::ACCURACY;
use crate::cavity::{CavityResult, Cutoff, Figure, sweep_with_progress};
use crate::figures::write_atomically;
use crate::schema;

/// Arguments of `steadyent sweep`.
///
/// CSV columns: fig1b and fig1c both write `beta_a,beta_s,concurrence,entropy_production`
/// (every point carries both quantities; the panels differ only in which one the paper plots),
/// each value with the digits its rigorous enclosure decides
/// ([`crate::figures::fig1::ACCURACY`]); fig2b and fig2c write the fields of
/// `steadyent cavity --format json` ([`crate::cavity::CavityResult`], flattened by
/// [`crate::schema`]).
#[derive(Debug, Args)]
pub struct SweepArgs {
    /// Panel: fig1b / fig1c (diamond model over a (β_A, β_S) grid, units Γ⁺ = ω0 = 1; both
    /// give concurrence and entropy production), fig2b (γ = 0, p = 2e-4) or fig2c (γ = 1e-3,
    /// p ∈ {2e-4, 1e-3, 5e-3}), units g = 1, κ log-spaced from 1e-2 to 1e3.
    #[arg(value_enum)]
    pub figure: FigureName,
    /// Grid of Fig. 1(b),(c).
    #[command(flatten)]
    pub grid: Fig1GridArgs,
    /// κ sweep of Fig. 2(b),(c) and of `emitters` (rejected for Fig. 1).
    #[command(flatten)]
    pub kappa: Fig2Args,
    /// The N-emitter sweep (`sweep emitters` only).
    #[command(flatten)]
    pub emitters: EmitterSweepArgs,
    /// Output format: csv or json. CSV columns: fig1b and fig1c both
    /// `beta_a,beta_s,concurrence,entropy_production` (the same for both panels); fig2b and
    /// fig2c the fields of `steadyent cavity --format json` (g, kappa, pump, gamma, …,
    /// concurrence, concurrence_effective, …), nested keys joined by `.`. Fig. 1 digits: beta
    /// in shortest round-trip form (it reads back as the binary64 computed at); each
    /// concurrence and entropy production is the exact value there correctly rounded to its
    /// printed number d of significant digits (within half a unit of the d-th), d ≤ 17 the
    /// most to which both ends of its rigorous enclosure round alike; 0 is exact (C = 0
    /// decided, or beta_a = beta_s). The JSON states this in its `accuracy` field.
    #[arg(long, value_enum, default_value_t = SweepFormat::Csv)]
    pub format: SweepFormat,
    /// Write the data to FILE instead of stdout. The file is replaced only when the whole
    /// sweep has succeeded (written to a temporary file, then renamed).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// Output formats of `steadyent sweep`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SweepFormat {
    /// A header row and one row per point (Fig. 1: the digits each value's enclosure decides).
    Csv,
    /// One JSON object with the grid and the points.
    Json,
}

/// Checks before any work that `--out` can be written: not a directory, in an existing
/// directory.
fn check_out(path: &Path) -> Result<(), CliError> {
    let bad = |reason: &str| {
        CliError::usage(
            "--out",
            format!("cannot write `{}`: {reason}", path.display()),
        )
    };
    if path.is_dir() {
        return Err(bad("it is a directory"));
    }
    if path.file_name().is_none() {
        return Err(bad("no file name"));
    }
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !folder.is_dir() {
        return Err(bad("its folder does not exist"));
    }
    Ok(())
}

/// Runs `steadyent sweep`.
///
/// # Errors
/// [`CliError::Usage`] for invalid arguments, a flag of the other figure, or an unwritable
/// `--out`; [`CliError::Internal`] when a point fails to solve.
pub fn run(args: &SweepArgs) -> Result<Output, CliError> {
    let name = args.figure.name();
    if let Some(out) = &args.out {
        check_out(out)?;
    }
    let text = match args.figure {
        FigureName::Fig1b | FigureName::Fig1c => {
            args.kappa.reject_for(name)?;
            args.emitters.reject_for(name)?;
            let (beta_a, beta_s) = args.grid.axes()?;
            let progress = Progress::new(beta_a.points() * beta_s.points(), name);
            let grid = args.grid.grid(&|| progress.tick())?;
            drop(progress);
            match args.format {
                SweepFormat::Csv => grid.to_csv(),
                SweepFormat::Json => {
                    let mut text = grid.to_json();
                    text.push('\n');
                    text
                }
            }
        }
        FigureName::Fig2b | FigureName::Fig2c => {
            args.grid.reject_for(name)?;
            args.emitters.reject_for(name)?;
            fig2_text(args, name)?
        }
        FigureName::Emitters => {
            args.grid.reject_for(name)?;
            let (points, cutoff) = args.kappa.validated()?;
            let (sweep, shard) = args.emitters.sweep(points, cutoff)?;
            let count = sweep
                .points()
                .filter(|(i, _, _)| shard.contains(*i))
                .count();
            let progress = Progress::new(count, name);
            let text = sweep_text(&sweep, shard, args.format == SweepFormat::Json, &|| {
                progress.tick()
            })?;
            drop(progress);
            text
        }
    };
    match &args.out {
        None => Ok(text),
        Some(out) => {
            write_atomically(out, text.as_bytes()).map_err(|e| CliError::usage("--out", e))?;
            Ok(format!("wrote {}\n", out.display()))
        }
    }
}

/// The Fig. 2(b)/(c) sweep as CSV or JSON.
fn fig2_text(args: &SweepArgs, name: &'static str) -> Result<String, CliError> {
    let (points, cutoff) = args.kappa.validated()?;
    let figure = if args.figure == FigureName::Fig2b {
        Figure::Fig2b
    } else {
        Figure::Fig2c
    };
    let progress = Progress::new(figure.pumps().len() * points, name);
    let rows =
        sweep_with_progress(figure, points, cutoff, &|| progress.tick()).map_err(cavity_error)?;
    drop(progress);
    let results: Vec<CavityResult> = rows.into_iter().map(|r| r.result).collect();
    Ok(match args.format {
        SweepFormat::Csv => schema::csv(&results),
        SweepFormat::Json => schema::json(&Fig2Document {
            figure: name,
            units: "g",
            g: 1.0,
            gamma: figure.gamma(),
            pumps: figure.pumps(),
            points_per_pump: points,
            cutoff_mode: match cutoff {
                Cutoff::Auto { .. } => "auto",
                Cutoff::Fixed(_) => "fixed",
            },
            accuracy: ACCURACY,
            points: results,
        }),
    })
}

/// `steadyent sweep fig2b|fig2c --format json`: the panel and its points.
#[derive(serde::Serialize)]
struct Fig2Document {
    figure: &'static str,
    units: &'static str,
    g: f64,
    gamma: f64,
    pumps: &'static [f64],
    points_per_pump: usize,
    cutoff_mode: &'static str,
    accuracy: &'static str,
    points: Vec<CavityResult>,
}
