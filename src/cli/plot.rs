//! `steadyent plot`: draws the paper's Fig. 1(b),(c) and Fig. 2(b),(c) as SVG or PNG files.

use std::path::PathBuf;

use clap::Args;

use super::args::{EmitterSweepArgs, Fig1GridArgs, Fig2Args, FigureName, parse_emitter_list};
use super::error::{CliError, Output, cavity_error, emitter_error};
use crate::cavity::Figure;
use crate::emitters::EmitterEngine;
use crate::emitters::analysis::{Objective, optima};
use crate::figures::emitters::render_emitters;
use crate::figures::{
    Fig1Panel, Fig2Panel, FigureError, ImageFormat, fig2_data, render_fig1, render_fig2,
    write_figure,
};

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
