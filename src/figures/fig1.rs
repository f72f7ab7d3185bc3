//! Fig. 1(b),(c): steady-state concurrence (Eq. 4) and entropy production (Eq. 6) of the
//! diamond model over the `(β_A, β_S)` plane, computed in f64 on both cores, and their plots.

use nalgebra::{DMatrix, DVector};
use num_complex::Complex64;
use plotters::style::{RED, WHITE};
use rayon::prelude::*;
use serde::Serialize;

use super::contour::contour_lines;
use super::heatmap::{HeatMap, Overlay, render_heat_map};
use super::{Axis, FigureError, ImageFormat};
use crate::concurrence::wootters;
use crate::diamond::{CHANNELS, sector_pieces};
use crate::liouvillian::Sector;
use crate::operators::LadderConvention;

/// The thermal limit of the concurrence, drawn as the red dashed contour of Fig. 1(b).
pub const THERMAL_LIMIT: f64 = 1.0 / 3.0;

/// Largest accepted `|β|`: beyond it `e^{|β_A| + |β_S|}` makes the f64 system too ill-conditioned
/// for the residual check below (the certified path, `steadyent diamond`, has no such limit).
pub const MAX_ABS_BETA: f64 = 30.0;

/// Relative residual `max|Mx| / max|M|` a grid solve must meet. LU with partial pivoting on
/// this 6 × 6 system is backward stable, so residuals are a few `ε`; `1e-10` leaves room for
/// the condition number `~e^{|β_A| + |β_S|}` while still catching a failed solve.
const RESIDUAL_TOLERANCE: f64 = 1e-10;

/// The steady-state quantities of Fig. 1(b),(c) at one point of the `(β_A, β_S)` plane.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Fig1Point {
    /// `β_A` in units of `1/ω0`.
    pub beta_a: f64,
    /// `β_S` in units of `1/ω0`.
    pub beta_s: f64,
    /// Wootters concurrence of the solved `ρ_SS` (Eq. 4 gives it in closed form).
    pub concurrence: f64,
    /// `Ṡ_irr = −β_A Q̇_A − β_S Q̇_S` (Eq. 6) in units of `Γ⁺` (with `ω0 = 1`).
    pub entropy_production: f64,
}

/// The f64 form of Eq. (1)–(2) on the 6-unknown sector holding `ρ_SS`: unit-rate channel
/// superoperators and heat functionals, so each grid point is one small LU solve (the f64
/// counterpart of [`crate::diamond::DiamondSystem`], both from [`sector_pieces`]).
struct SectorSolver {
    sector: Sector,
    unit: Vec<DMatrix<f64>>,
    heat: Vec<DVector<f64>>,
}

impl SectorSolver {
    fn new() -> Self {
        let pieces = sector_pieces::<Complex64>(LadderConvention::CommutingQubits)
            .expect("the excitation-difference sector is invariant");
        SectorSolver {
            sector: pieces.sector,
            unit: pieces.unit.iter().map(|m| m.map(|z| z.re)).collect(),
            heat: pieces
                .heat
                .iter()
                .map(|h| DVector::from_iterator(h.len(), h.iter().map(|z| z.re)))
                .collect(),
        }
    }

    /// Solves `𝓛ρ = 0, tr ρ = 1` at `(β_A, β_S)` and evaluates Eq. (4) and Eq. (6).
    fn solve(&self, beta_a: f64, beta_s: f64) -> Result<Fig1Point, FigureError> {
        let fail = |reason: &str| FigureError::Solve {
            beta_a,
            beta_s,
            reason: reason.to_string(),
        };
        // Eq. (3) in units Γ⁺ = 1: Γ_A⁻ = e^{β_A}, Γ_S⁻ = e^{β_S}; channel order of CHANNELS.
        let rates = [1.0, beta_s.exp(), 1.0, beta_a.exp()];
        let n = self.sector.len();
        let generator = self
            .unit
            .iter()
            .zip(rates)
            .fold(DMatrix::zeros(n, n), |acc, (u, r)| acc + u * r);
        let scale = generator.amax();
        // Trace preservation makes the diagonal rows dependent: replace one by tr ρ = 1.
        let diagonal = self.sector.diagonal_positions();
        let mut system = generator.clone();
        let mut rhs = DVector::zeros(n);
        system.row_mut(diagonal[0]).fill(0.0);
        for &d in &diagonal {
            system[(diagonal[0], d)] = scale;
        }
        rhs[diagonal[0]] = scale;
        let x = system
            .lu()
            .solve(&rhs)
            .ok_or_else(|| fail("singular system"))?;
        let residual = (&generator * &x).amax();
        if residual.is_nan() || residual > RESIDUAL_TOLERANCE * scale {
            return Err(fail(&format!(
                "residual {residual:e} above {RESIDUAL_TOLERANCE:e} × {scale:e}"
            )));
        }
        let coords: Vec<Complex64> = x.iter().map(|&v| Complex64::new(v, 0.0)).collect();
        let rho = self.sector.to_matrix(&coords);
        let concurrence = wootters(&rho).ok_or_else(|| fail("not a 4 × 4 state"))?;
        let current = |bath| {
            CHANNELS
                .iter()
                .enumerate()
                .filter(|(_, (b, _))| *b == bath)
                .map(|(k, _)| rates[k] * self.heat[k].dot(&x))
                .sum::<f64>()
        };
        use crate::diamond::Bath;
        // Eq. (6): Ṡ_irr = −β_A Q̇_A − β_S Q̇_S (`+ 0.0` turns the −0 of β = 0 into 0).
        let entropy_production = -beta_a * current(Bath::A) - beta_s * current(Bath::S) + 0.0;
        Ok(Fig1Point {
            beta_a,
            beta_s,
            concurrence,
            entropy_production,
        })
    }
}

/// The Fig. 1(b),(c) data on a `(β_A, β_S)` grid.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Fig1Grid {
    /// The `β_A` axis (horizontal in Fig. 1).
    pub beta_a: Axis,
    /// The `β_S` axis (vertical in Fig. 1).
    pub beta_s: Axis,
    /// Point `(i, j)` at index `j * beta_a.points() + i`: `β_S` outer, `β_A` inner.
    pub points: Vec<Fig1Point>,
}

/// The Fig. 1(b),(c) grid: at every `(β_A, β_S)` of the two axes, the steady state of
/// Eq. (1)–(3) solved in f64, its Wootters concurrence (Eq. 4) and its entropy production
/// (Eq. 6). Points are solved in parallel on all cores (rayon).
///
/// Accuracy: a few `ε · e^{|β_A| + |β_S|}` in the state; the concurrence agrees with Eq. (4)–(5)
/// to about `1e-8` near `C = 0` (where Wootters' square root amplifies rounding) and better
/// elsewhere (see `tests/figures.rs`).
///
/// # Errors
/// [`FigureError::InvalidAxis`] when an axis reaches beyond `±MAX_ABS_BETA`;
/// [`FigureError::Solve`] if a point fails its residual check.
///
/// # Examples
/// ```
/// use steadyent::figures::{Axis, fig1_grid};
/// let axis = Axis::new("beta", -8.0, 8.0, 3).unwrap();
/// let grid = fig1_grid(axis, axis).unwrap();
/// // (β_A, β_S) = (−8, 8): the A bath is inverted, S is cold: C > 1/3 (Fig. 1b).
/// assert!(grid.points[6].concurrence > 1.0 / 3.0);
/// ```
pub fn fig1_grid(beta_a: Axis, beta_s: Axis) -> Result<Fig1Grid, FigureError> {
    fig1_grid_with_progress(beta_a, beta_s, &|| ())
}

/// [`fig1_grid`], calling `progress` once per solved point (from any worker thread), e.g. to
/// advance a progress bar for `steadyent sweep fig1b|fig1c`.
///
/// # Errors
/// As [`fig1_grid`].
pub fn fig1_grid_with_progress(
    beta_a: Axis,
    beta_s: Axis,
    progress: &(dyn Fn() + Sync),
) -> Result<Fig1Grid, FigureError> {
    for (name, axis) in [("beta_a", &beta_a), ("beta_s", &beta_s)] {
        if axis.min().abs().max(axis.max().abs()) > MAX_ABS_BETA {
            return Err(FigureError::InvalidAxis {
                name,
                message: format!(
                    "range {}..{} leaves |β| ≤ {MAX_ABS_BETA}, where the f64 grid is reliable",
                    axis.min(),
                    axis.max()
                ),
            });
        }
    }
    let solver = SectorSolver::new();
    let nx = beta_a.points();
    let points = (0..nx * beta_s.points())
        .into_par_iter()
        .map(|k| {
            let point = solver.solve(beta_a.value(k % nx), beta_s.value(k / nx));
            progress();
            point
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Fig1Grid {
        beta_a,
        beta_s,
        points,
    })
}

impl Fig1Grid {
    /// The concurrence at every point, in grid order (Fig. 1b).
    pub fn concurrence(&self) -> Vec<f64> {
        self.points.iter().map(|p| p.concurrence).collect()
    }

    /// The entropy production at every point, in grid order (Fig. 1c).
    pub fn entropy_production(&self) -> Vec<f64> {
        self.points.iter().map(|p| p.entropy_production).collect()
    }

    /// The red dashed `C = 1/3` contour of Fig. 1(b), by marching squares on the grid.
    pub fn thermal_limit_contour(&self) -> Vec<Vec<(f64, f64)>> {
        contour_lines(
            &self.beta_a,
            &self.beta_s,
            &self.concurrence(),
            THERMAL_LIMIT,
        )
    }

    /// The Fig. 1(b),(c) data as CSV: a header `beta_a,beta_s,concurrence,entropy_production`
    /// and one row per point in grid order; numbers in Rust's shortest round-trip form.
    pub fn to_csv(&self) -> String {
        let mut out = String::from("beta_a,beta_s,concurrence,entropy_production\n");
        for p in &self.points {
            out.push_str(&format!(
                "{},{},{},{}\n",
                p.beta_a, p.beta_s, p.concurrence, p.entropy_production
            ));
        }
        out
    }

    /// The Fig. 1(b),(c) data as one JSON object: units, both axes and the points.
    ///
    /// # Panics
    /// Never: every field is a finite number or a string.
    pub fn to_json(&self) -> String {
        let document = serde_json::json!({
            "figure": "Fig. 1(b),(c)",
            "units": "beta in 1/omega_0; entropy_production in Gamma^+ (omega_0 = Gamma^+ = 1)",
            "beta_a": self.beta_a,
            "beta_s": self.beta_s,
            "points": self.points,
        });
        serde_json::to_string_pretty(&document).expect("finite numbers serialise")
    }
}

/// Which panel of Fig. 1 to draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fig1Panel {
    /// Fig. 1(b): steady-state concurrence with the `C = 1/3` contour.
    Concurrence,
    /// Fig. 1(c): entropy production rate, Eq. (6).
    EntropyProduction,
}

/// The white dashed borders of the thermal region `β_A, β_S ≥ 0` (Fig. 1b,c), clipped to the
/// grid; empty when the region is outside it.
fn thermal_borders(grid: &Fig1Grid) -> Vec<Vec<(f64, f64)>> {
    let (a, s) = (&grid.beta_a, &grid.beta_s);
    let mut lines = Vec::new();
    if a.min() <= 0.0 && 0.0 <= a.max() && s.max() > 0.0 {
        lines.push(vec![(0.0, s.min().max(0.0)), (0.0, s.max())]);
    }
    if s.min() <= 0.0 && 0.0 <= s.max() && a.max() > 0.0 {
        lines.push(vec![(a.min().max(0.0), 0.0), (a.max(), 0.0)]);
    }
    lines
}

/// The smallest multiple of `10^⌊log10 x⌋ / 5` at or above `x` (`39.996 ↦ 40`, `15.4 ↦ 16`),
/// so the colour bar ends on a tick; `1` for `x ≤ 0`.
fn nice_ceiling(x: f64) -> f64 {
    if x <= 0.0 || !x.is_finite() {
        return 1.0;
    }
    let step = 10f64.powf(x.log10().floor()) / 5.0;
    (x / step).ceil() * step
}

/// Renders Fig. 1(b) or 1(c) from a grid: heat map over `(β_A, β_S)`, white dashed thermal
/// borders, and for (b) the red dashed `C = 1/3` contour; colour scale `[0, 1/2]` for the
/// concurrence (its supremum, Eq. 4) and `[0, max]`, rounded up to a tick, for the entropy
/// production (in units of `Γ⁺`: `β` is in `1/ω0` and `Q̇` in `ω0 Γ⁺`).
///
/// # Errors
/// [`FigureError::Drawing`] if the backend fails.
pub fn render_fig1(
    grid: &Fig1Grid,
    panel: Fig1Panel,
    format: ImageFormat,
) -> Result<Vec<u8>, FigureError> {
    let thermal = Overlay {
        lines: thermal_borders(grid),
        colour: WHITE,
        legend: "thermal region (β_A, β_S ≥ 0)".into(),
    };
    let (values, value_range, title, label, overlays) = match panel {
        Fig1Panel::Concurrence => (
            grid.concurrence(),
            (0.0, 0.5),
            "(b) steady-state concurrence C_{SS}",
            "C_{SS}",
            vec![
                thermal,
                Overlay {
                    lines: grid.thermal_limit_contour(),
                    colour: RED,
                    legend: "C_{SS} = 1/3".into(),
                },
            ],
        ),
        Fig1Panel::EntropyProduction => {
            let values = grid.entropy_production();
            let max = values.iter().copied().fold(0.0, f64::max);
            (
                values,
                (0.0, nice_ceiling(max)),
                "(c) entropy production rate Ṡ_{irr}",
                "Ṡ_{irr} / Γ^+",
                vec![thermal],
            )
        }
    };
    let map = HeatMap {
        x: grid.beta_a,
        y: grid.beta_s,
        values: &values,
        value_range,
        title: title.into(),
        x_label: "β_A (1/ω_0)".into(),
        y_label: "β_S\n(1/ω_0)".into(),
        colour_bar_label: label.into(),
        overlays,
    };
    render_heat_map(&map, format)
}
