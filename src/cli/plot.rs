//! `steadyent plot`: draws the paper's Fig. 1(b),(c) and Fig. 2(b),(c) as SVG or PNG files.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::cavity::cavity_error;
use super::emitters::{EmitterSweepArgs, emitter_error, parse_emitter_list};
use super::sweep::Fig2Args;
use super::{CliError, Output};
use crate::cavity::Figure;
use crate::emitters::EmitterEngine;
use crate::emitters::analysis::{Objective, optima};
use crate::figures::emitters::render_emitters;
use crate::figures::{
    Axis, Fig1Grid, Fig1Panel, Fig2Panel, FigureError, ImageFormat, fig1_grid_with_progress,
    fig2_data, render_fig1, render_fig2, write_figure,
};

/// The panels of the paper's figures that `plot` draws and `sweep` tabulates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FigureName {
    /// Fig. 1(b): steady-state concurrence over (β_A, β_S), Eq. (4).
    Fig1b,
    /// Fig. 1(c): entropy production rate over (β_A, β_S), Eq. (6).
    Fig1c,
    /// Fig. 2(b): concurrence against κ/g, full vs effective model, γ = 0, p = 2e-4 g.
    Fig2b,
    /// Fig. 2(c): concurrence against κ/g, γ = 1e-3 g, p ∈ {2e-4, 1e-3, 5e-3} g.
    Fig2c,
    /// N emitters in one cavity (Eq. 7–8 with N emitters): plot — the largest pair concurrence
    /// over (p, κ) and the variance sum over N/2 there, against N; sweep — full and effective
    /// model over a list of N × log-spaced κ.
    Emitters,
}

impl FigureName {
    /// The name as typed on the command line.
    pub fn name(self) -> &'static str {
        match self {
            FigureName::Fig1b => "fig1b",
            FigureName::Fig1c => "fig1c",
            FigureName::Fig2b => "fig2b",
            FigureName::Fig2c => "fig2c",
            FigureName::Emitters => "emitters",
        }
    }
}

/// The (β_A, β_S) grid of Fig. 1(b),(c); shared with `steadyent sweep fig1b|fig1c`.
///
/// The flags are optional (defaults applied by [`Fig1GridArgs::axes`]) so that a command can
/// tell whether one was given: `sweep fig2b --resolution 5` is a usage error.
#[derive(Clone, Debug, Default, Args)]
pub struct Fig1GridArgs {
    /// Fig. 1 only: β_A range MIN:MAX in units of 1/ω0, horizontal axis [default: -10:10].
    #[arg(long, allow_hyphen_values = true, value_name = "MIN:MAX")]
    pub beta_a_range: Option<String>,
    /// Fig. 1 only: β_S range MIN:MAX in units of 1/ω0, vertical axis [default: -10:10].
    #[arg(long, allow_hyphen_values = true, value_name = "MIN:MAX")]
    pub beta_s_range: Option<String>,
    /// Fig. 1 only: grid points per axis, both ends included, 2–2001 [default: 201].
    #[arg(long, value_name = "N")]
    pub resolution: Option<usize>,
}

/// Default `--beta-a-range` and `--beta-s-range` (the paper's Fig. 1 window).
pub const DEFAULT_BETA_RANGE: &str = "-10:10";

/// Default `--resolution`.
pub const DEFAULT_RESOLUTION: usize = 201;

/// Parses `MIN:MAX` into two finite numbers.
fn parse_range(flag: &str, text: &str) -> Result<(f64, f64), CliError> {
    let bad = || CliError::usage(flag, format!("`{text}` is not MIN:MAX, e.g. -4:4"));
    let (min, max) = text.split_once(':').ok_or_else(bad)?;
    let min: f64 = min.trim().parse().map_err(|_| bad())?;
    let max: f64 = max.trim().parse().map_err(|_| bad())?;
    Ok((min, max))
}

impl Fig1GridArgs {
    /// The validated axes (β_A, β_S) of the Fig. 1(b),(c) grid.
    ///
    /// # Errors
    /// [`CliError::Usage`] naming the flag for a malformed, empty or non-finite range or a
    /// resolution outside 2–2001.
    pub fn axes(&self) -> Result<(Axis, Axis), CliError> {
        let resolution = self.resolution.unwrap_or(DEFAULT_RESOLUTION);
        let axis = |flag: &str, name, text: &Option<String>| {
            let text = text.as_deref().unwrap_or(DEFAULT_BETA_RANGE);
            let (min, max) = parse_range(flag, text)?;
            Axis::new(name, min, max, resolution).map_err(|e| match e {
                FigureError::InvalidAxis { message, .. } if message.contains("points") => {
                    CliError::usage("--resolution", message)
                }
                e => CliError::usage(flag, e),
            })
        };
        Ok((
            axis("--beta-a-range", "beta_a", &self.beta_a_range)?,
            axis("--beta-s-range", "beta_s", &self.beta_s_range)?,
        ))
    }

    /// Rejects these flags for a Fig. 2 panel `name`.
    ///
    /// # Errors
    /// [`CliError::Usage`] naming the first grid flag given.
    pub fn reject_for(&self, name: &str) -> Result<(), CliError> {
        let given = [
            (self.beta_a_range.is_some(), "--beta-a-range"),
            (self.beta_s_range.is_some(), "--beta-s-range"),
            (self.resolution.is_some(), "--resolution"),
        ]
        .into_iter()
        .find_map(|(given, flag)| given.then_some(flag));
        match given {
            Some(flag) => Err(CliError::Usage(format!(
                "{flag} applies to fig1b/fig1c only; {name} takes --points and --cutoff"
            ))),
            None => Ok(()),
        }
    }

    /// Solves the Fig. 1(b),(c) grid ([`fig1_grid_with_progress`]), calling `progress` once
    /// per point.
    ///
    /// # Errors
    /// [`CliError::Usage`] naming the grid flag at fault; [`CliError::Internal`] when a point
    /// cannot be solved.
    pub fn grid(&self, progress: &(dyn Fn() + Sync)) -> Result<Fig1Grid, CliError> {
        let (beta_a, beta_s) = self.axes()?;
        fig1_grid_with_progress(beta_a, beta_s, progress).map_err(|e| match e {
            FigureError::InvalidAxis { name, .. } => CliError::usage(
                if name == "beta_a" {
                    "--beta-a-range"
                } else {
                    "--beta-s-range"
                },
                e,
            ),
            e => CliError::Internal(e.to_string()),
        })
    }
}

/// Arguments of `steadyent plot`.
#[derive(Debug, Args)]
pub struct PlotArgs {
    /// The figure to draw.
    #[arg(value_enum)]
    pub figure: FigureName,
    /// Output file; its extension, .svg or .png, selects the format. Written only when the
    /// whole figure has rendered.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Grid of Fig. 1(b),(c) (rejected for Fig. 2).
    #[command(flatten)]
    pub grid: Fig1GridArgs,
    /// κ sweep of Fig. 2(b),(c) (rejected for Fig. 1).
    #[command(flatten)]
    pub kappa: Fig2Args,
    /// The N-emitter flags (`plot emitters` takes --n only).
    #[command(flatten)]
    pub emitters: EmitterSweepArgs,
}

/// Runs `steadyent plot`: validates `--out` and the grid, computes the data (Fig. 1: diamond
/// model, Eq. 1–6; Fig. 2: cavity sweep, Eq. 7–9), renders in memory, writes the file.
///
/// # Errors
/// [`CliError::Usage`] naming `--out` for an unknown extension or an unwritable path, or the
/// grid flag at fault; [`CliError::Internal`] when a point cannot be solved.
pub fn run(args: &PlotArgs) -> Result<Output, CliError> {
    let format = ImageFormat::from_path(&args.out).map_err(|e| CliError::usage("--out", e))?;
    let bytes = match args.figure {
        FigureName::Fig1b | FigureName::Fig1c => {
            args.kappa.reject_for(args.figure.name())?;
            args.emitters.reject_for(args.figure.name())?;
            let grid = args.grid.grid(&|| ())?;
            let panel = if args.figure == FigureName::Fig1b {
                Fig1Panel::Concurrence
            } else {
                Fig1Panel::EntropyProduction
            };
            render_fig1(&grid, panel, format).map_err(|e| CliError::Internal(e.to_string()))?
        }
        FigureName::Fig2b | FigureName::Fig2c => {
            args.grid.reject_for(args.figure.name())?;
            args.emitters.reject_for(args.figure.name())?;
            let (points, cutoff) = args.kappa.validated()?;
            let (figure, panel) = if args.figure == FigureName::Fig2b {
                (Figure::Fig2b, Fig2Panel::B)
            } else {
                (Figure::Fig2c, Fig2Panel::C)
            };
            let data = fig2_data(figure, points, cutoff).map_err(cavity_error)?;
            render_fig2(&data, panel, format).map_err(|e| CliError::Internal(e.to_string()))?
        }
        FigureName::Emitters => {
            args.grid.reject_for("emitters")?;
            args.kappa.reject_for("emitters")?;
            let only_n = EmitterSweepArgs {
                n: None,
                ..args.emitters.clone()
            };
            if let Some(flag) = only_n.given() {
                return Err(CliError::Usage(format!(
                    "{flag} applies to `sweep emitters`; `plot emitters` takes --n only (the \
                     figure maximises over p and kappa at gamma = 1e-3 g and 0)"
                )));
            }
            let ns = parse_emitter_list(args.emitters.n.as_deref().unwrap_or("2:10"))?;
            let engine = EmitterEngine::sequential();
            let [maxima, minima] = [Objective::MaxPairConcurrence, Objective::MinTothRatio]
                .map(|objective| optima(&engine, objective, &ns));
            let (maxima, minima) = (
                maxima.map_err(emitter_error)?,
                minima.map_err(emitter_error)?,
            );
            render_emitters(&maxima, &minima, format).map_err(|e| match e {
                FigureError::InvalidData(_) => CliError::usage("--n", e),
                e => CliError::Internal(e.to_string()),
            })?
        }
    };
    write_figure(&args.out, &bytes).map_err(|e| CliError::usage("--out", e))?;
    Ok(format!("wrote {}\n", args.out.display()))
}
