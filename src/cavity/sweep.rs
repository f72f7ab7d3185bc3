//! The Fig. 2(b) and 2(c) sweeps: full and effective concurrence over log-spaced `κ/g`, in
//! parallel over points.

use rayon::prelude::*;

use super::CavityError;
use super::engine::{CavityEngine, Cutoff};
use super::params::CavityParams;
use super::result::CavityResult;

/// Largest number of `κ` points per pump rate a sweep accepts (a 3-pump Fig. 2c sweep at this
/// size takes about a second at cutoff 6).
pub const MAX_POINTS: usize = 10_000;

/// Smallest and largest `log10(κ/g)` of the Fig. 2 grids.
pub const KAPPA_DECADES: (f64, f64) = (-2.0, 3.0);

/// A panel of Fig. 2.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Figure {
    /// Fig. 2(b): `γ = 0`, `p = 2·10⁻⁴ g`.
    Fig2b,
    /// Fig. 2(c): `γ = 10⁻³ g`, `p ∈ {2·10⁻⁴, 10⁻³, 5·10⁻³} g`.
    Fig2c,
}

impl Figure {
    /// Qubit decay rate `γ` of the panel (units `g`).
    pub const fn gamma(self) -> f64 {
        match self {
            Figure::Fig2b => 0.0,
            Figure::Fig2c => 1e-3,
        }
    }

    /// Pump rates `p` of the panel (units `g`), in the order of the output.
    pub fn pumps(self) -> &'static [f64] {
        match self {
            Figure::Fig2b => &[2e-4],
            Figure::Fig2c => &[2e-4, 1e-3, 5e-3],
        }
    }
}

/// One point of a sweep.
#[derive(Clone, Debug, PartialEq)]
pub struct SweepRow {
    /// Pump rate `p` (units `g`).
    pub pump: f64,
    /// Cavity decay `κ` (units `g`).
    pub kappa: f64,
    /// Concurrence of the full model, Eq. (7)–(8).
    pub concurrence: f64,
    /// Concurrence of the effective model, Eq. (9).
    pub concurrence_effective: f64,
    /// Photon cutoff used.
    pub cutoff: usize,
    /// `max|𝓛ρ|` of the full model.
    pub residual: f64,
    /// The point as every command prints it.
    pub result: CavityResult,
}

/// `points ≥ 2` values log-spaced from `10^start` to `10^stop`, computed as NumPy's
/// `logspace(start, stop, points)` does (`10^(start + i·step)`, last exponent set to the end),
/// so a grid matches the QuTiP baseline point for point. The one log-spaced grid of the Fig. 2
/// sweeps and the cavity claims (κ/g, p/γ).
///
/// # Panics
/// Never for `points ≥ 2`; fewer points are a caller's bug.
pub fn log_grid(start: f64, stop: f64, points: usize) -> Vec<f64> {
    assert!(points >= 2, "a log grid needs two ends");
    let step = (stop - start) / (points - 1) as f64;
    (0..points)
        .map(|i| {
            let exponent = if i == points - 1 {
                stop
            } else {
                i as f64 * step + start
            };
            10f64.powf(exponent)
        })
        .collect()
}

/// `points` values of `κ/g` log-spaced from `10⁻²` to `10³` ([`log_grid`] over
/// [`KAPPA_DECADES`]).
///
/// # Errors
/// [`CavityError::InvalidParameter`] unless `2 ≤ points ≤ MAX_POINTS`.
pub fn kappa_grid(points: usize) -> Result<Vec<f64>, CavityError> {
    if !(2..=MAX_POINTS).contains(&points) {
        return Err(CavityError::InvalidParameter {
            name: "points",
            value: points as f64,
            requirement: "an integer from 2 to 10000",
        });
    }
    let (start, stop) = KAPPA_DECADES;
    Ok(log_grid(start, stop, points))
}

/// The full and effective concurrence over a Fig. 2 panel at `g = 1`: for each pump rate (in
/// [`Figure::pumps`] order), `points` values of `κ` from [`kappa_grid`]. Points run in
/// parallel (rayon); the output order is fixed.
///
/// # Examples
/// ```
/// use steadyent::cavity::{Cutoff, Figure, sweep};
/// let rows = sweep(Figure::Fig2b, 3, Cutoff::Fixed(6)).unwrap();
/// assert_eq!(rows.len(), 3);
/// assert_eq!((rows[0].pump, rows[0].kappa), (2e-4, 0.01));
/// ```
///
/// # Errors
/// Invalid `points`, or the first point that fails to solve.
pub fn sweep(figure: Figure, points: usize, cutoff: Cutoff) -> Result<Vec<SweepRow>, CavityError> {
    sweep_with_progress(figure, points, cutoff, &|| ())
}

/// [`sweep()`], calling `progress` once per solved point (from any worker thread), e.g. to
/// advance a progress bar; there are `figure.pumps().len() * points` points.
///
/// # Errors
/// As [`sweep()`].
pub fn sweep_with_progress(
    figure: Figure,
    points: usize,
    cutoff: Cutoff,
    progress: &(dyn Fn() + Sync),
) -> Result<Vec<SweepRow>, CavityError> {
    let kappas = kappa_grid(points)?;
    let engine = CavityEngine::new();
    if let Cutoff::Fixed(n) = cutoff {
        engine.solver(n)?;
    }
    let grid: Vec<(f64, f64)> = figure
        .pumps()
        .iter()
        .flat_map(|&pump| kappas.iter().map(move |&kappa| (pump, kappa)))
        .collect();
    grid.par_iter()
        .with_min_len(16)
        .map(|&(pump, kappa)| {
            let params = CavityParams::new(1.0, kappa, pump, figure.gamma())?;
            let point = engine.solve_point(&params, cutoff)?;
            progress();
            Ok(SweepRow {
                pump,
                kappa,
                concurrence: point.full.concurrence,
                concurrence_effective: point.effective.concurrence,
                cutoff: point.cutoff.cutoff,
                residual: point.full.residual,
                result: CavityResult::of(&point),
            })
        })
        .collect()
}
