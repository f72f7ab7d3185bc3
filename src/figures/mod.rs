//! The paper's figures: Fig. 1(b),(c) grid data over `(β_A, β_S)`, Fig. 2(b),(c) data types, and
//! the renderers (heat map with contours, log-x line plot) that draw them as SVG or PNG.
//!
//! Rendering never touches the file system: [`render_fig1`] and [`render_fig2`] return the
//! encoded bytes, and [`write_figure`] writes them atomically, so a failed command leaves
//! nothing behind. Text is drawn with the embedded DejaVu Sans font (see [`font`]), so a PNG
//! is the same bytes on every machine.

pub mod axis;
pub mod contour;
pub mod emitters;
pub mod fig1;
pub mod fig2;
pub mod font;
pub mod heatmap;
pub mod lineplot;
pub mod output;
pub mod text;

pub use axis::Axis;
pub use fig1::{Fig1Grid, Fig1Panel, Fig1Point, fig1_grid, fig1_grid_with_progress, render_fig1};
pub use fig2::{Fig2Data, Fig2Panel, Fig2Point, Fig2Series, fig2_data, render_fig2};
pub use output::{ImageFormat, write_atomically, write_figure};

/// Why a figure or its data could not be produced.
#[derive(Debug, thiserror::Error, PartialEq)]
#[non_exhaustive]
pub enum FigureError {
    /// A grid axis is empty, reversed, not finite or too fine.
    #[error("{name}: {message}")]
    InvalidAxis {
        /// The axis, e.g. `beta_a`.
        name: &'static str,
        /// What was wrong and what is accepted.
        message: String,
    },
    /// Plot data are unusable (no series, non-positive `κ/g` on a log axis, NaN values…).
    #[error("invalid plot data: {0}")]
    InvalidData(String),
    /// The output file name has no extension the renderers know.
    #[error("`{path}` has no .svg or .png extension; name the output FILE.svg or FILE.png")]
    UnknownFormat {
        /// The path given.
        path: String,
    },
    /// The f64 steady-state solve failed at one grid point.
    #[error("the steady state at β_A = {beta_a}, β_S = {beta_s} could not be solved: {reason}")]
    Solve {
        /// `β_A` of the point.
        beta_a: f64,
        /// `β_S` of the point.
        beta_s: f64,
        /// The solver's message.
        reason: String,
    },
    /// The plotting backend failed (a bug, or a font without a needed glyph).
    #[error("drawing failed: {0}")]
    Drawing(String),
    /// The figure could not be written.
    #[error("cannot write `{path}`: {reason}")]
    Write {
        /// The path given.
        path: String,
        /// The operating system's message.
        reason: String,
    },
}

/// Maps any plotters drawing error to [`FigureError::Drawing`].
pub(crate) fn drawing<E: std::fmt::Display>(e: E) -> FigureError {
    FigureError::Drawing(e.to_string())
}
