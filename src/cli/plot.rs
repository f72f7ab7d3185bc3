//! `steadyent plot`: draws the paper's Fig. 1(b),(c) and Fig. 2(b),(c) as SVG or PNG files.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::{CliError, Output};
use crate::figures::{
    Axis, Fig1Panel, FigureError, ImageFormat, fig1_grid, render_fig1, write_figure,
};

/// The figures `steadyent plot` draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FigureName {
    /// Fig. 1(b): steady-state concurrence over (β_A, β_S), Eq. (4).
    Fig1b,
    /// Fig. 1(c): entropy production rate over (β_A, β_S), Eq. (6).
    Fig1c,
    /// Fig. 2(b): concurrence against κ/g, full vs effective model, γ = 0.
    Fig2b,
    /// Fig. 2(c): concurrence against κ/g for three pump rates, γ = 10⁻³ g.
    Fig2c,
}

/// The (β_A, β_S) grid of Fig. 1(b),(c); shared with `steadyent sweep fig1b|fig1c`.
#[derive(Clone, Debug, Args)]
pub struct Fig1GridArgs {
    /// β_A range MIN:MAX in units of 1/ω0 (horizontal axis of Fig. 1b,c).
    #[arg(
        long,
        default_value = "-10:10",
        allow_hyphen_values = true,
        value_name = "MIN:MAX"
    )]
    pub beta_a_range: String,
    /// β_S range MIN:MAX in units of 1/ω0 (vertical axis of Fig. 1b,c).
    #[arg(
        long,
        default_value = "-10:10",
        allow_hyphen_values = true,
        value_name = "MIN:MAX"
    )]
    pub beta_s_range: String,
    /// Grid points per axis, both ends included (2–2001).
    #[arg(long, default_value_t = 201, value_name = "N")]
    pub resolution: usize,
}

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
        let axis = |flag: &str, name, text: &str| {
            let (min, max) = parse_range(flag, text)?;
            Axis::new(name, min, max, self.resolution).map_err(|e| match e {
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
    /// Grid of Fig. 1(b),(c) (ignored for Fig. 2).
    #[command(flatten)]
    pub grid: Fig1GridArgs,
}

/// Runs `steadyent plot` (Fig. 1b,c; Fig. 2b,c once the cavity sweep is wired): validates `--out` and the grid, renders in memory, writes the file.
///
/// # Errors
/// [`CliError::Usage`] naming `--out` for an unknown extension or an unwritable path, or the
/// grid flag at fault; [`CliError::Internal`] when a grid point cannot be solved or the figure
/// is not available in this build (Fig. 2 needs the cavity model).
pub fn run(args: &PlotArgs) -> Result<Output, CliError> {
    let format = ImageFormat::from_path(&args.out).map_err(|e| CliError::usage("--out", e))?;
    let bytes = match args.figure {
        FigureName::Fig1b | FigureName::Fig1c => {
            let (beta_a, beta_s) = args.grid.axes()?;
            let grid = fig1_grid(beta_a, beta_s).map_err(|e| match e {
                FigureError::InvalidAxis { name, .. } => CliError::usage(
                    if name == "beta_a" {
                        "--beta-a-range"
                    } else {
                        "--beta-s-range"
                    },
                    e,
                ),
                e => CliError::Internal(e.to_string()),
            })?;
            let panel = if args.figure == FigureName::Fig1b {
                Fig1Panel::Concurrence
            } else {
                Fig1Panel::EntropyProduction
            };
            render_fig1(&grid, panel, format).map_err(|e| CliError::Internal(e.to_string()))?
        }
        FigureName::Fig2b | FigureName::Fig2c => {
            return Err(CliError::Internal(
                "Fig. 2 needs the cavity-model sweep (Eq. 7–9), which this build does not \
                 include yet; fig1b and fig1c are available"
                    .into(),
            ));
        }
    };
    write_figure(&args.out, &bytes).map_err(|e| CliError::usage("--out", e))?;
    Ok(format!("wrote {}\n", args.out.display()))
}
