//! Fig. 1(b),(c): steady-state concurrence (Eq. 4) and entropy production (Eq. 6) of the
//! diamond model over the `(β_A, β_S)` plane, enclosed in f64 intervals on both cores, and
//! their plots.

use plotters::style::{RED, WHITE};
use rayon::prelude::*;

use super::contour::contour_lines;
use super::heatmap::{HeatMap, Overlay, render_heat_map};
use super::{Axis, FigureError, ImageFormat};
use crate::decimal::{MAX_F64_DIGITS, decided_decimal, decides_a_digit, raise_precision};
use crate::diamond::DiamondSystem;
use crate::diamond::numeric::{F64_MAX_ABS_BETA, GridBeta, GridSolver, GridValues};
use crate::interval::Interval;
use crate::interval64::Interval64;
use crate::operators::LadderConvention;

/// The thermal limit of the concurrence, drawn as the red dashed contour of Fig. 1(b).
pub const THERMAL_LIMIT: f64 = 1.0 / 3.0;

/// Working precision (bits) at which a point the f64 enclosures leave undecided (a
/// concurrence within rounding of 0) is first enclosed in MPFR, and the largest tried.
const ESCALATION_BITS: (u32, u32) = (128, 1 << 14);

/// What every printed concurrence and entropy production of a Fig. 1 sweep (`to_csv`,
/// `to_json`, `steadyent sweep fig1b|fig1c`) guarantees; the `accuracy` of its JSON document.
pub const ACCURACY: &str = "concurrence and entropy_production: the exact value at the grid \
     point (beta_a, beta_s as printed, each the shortest decimal that reads back as the \
     binary64 number computed at) correctly rounded to its printed number d of significant \
     digits (every printed digit counts: 1.2e2, not 120, for two), so within half a unit of its \
     last digit; d (at most 17) is the largest number of digits to which both ends of the \
     value's rigorous enclosure round alike; 0 is exact (C = 0 decided, or beta_a = beta_s \
     where the entropy production vanishes identically)";

/// The steady-state quantities of Fig. 1(b),(c) at one point of the `(β_A, β_S)` plane.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fig1Point {
    /// `β_A` in units of `1/ω0`.
    pub beta_a: f64,
    /// `β_S` in units of `1/ω0`.
    pub beta_s: f64,
    /// Wootters concurrence of the solved `ρ_SS` (Eq. 4 gives it in closed form): the midpoint
    /// of [`Fig1Point::concurrence_enclosure`].
    pub concurrence: f64,
    /// `Ṡ_irr = −β_A Q̇_A − β_S Q̇_S` (Eq. 6) in units of `Γ⁺` (with `ω0 = 1`): the midpoint
    /// of [`Fig1Point::entropy_production_enclosure`].
    pub entropy_production: f64,
    /// A rigorous enclosure of the concurrence: the exact point 0 where `C = 0` is decided,
    /// else strictly positive.
    pub concurrence_enclosure: Interval64,
    /// A rigorous enclosure of the entropy production: the exact point 0 on `β_A = β_S`.
    pub entropy_production_enclosure: Interval64,
}

/// `value` as JSON text (a string, a number that reads back as the same f64, an axis).
fn json_text(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).expect("strings, finite numbers and axes serialise")
}

/// The printed digits of an enclosed value ([`decided_decimal`], at most 17), `None` when its
/// enclosure decides no digit (never for a point of [`fig1_grid`]).
fn decided_text(x: &Interval64) -> Option<String> {
    decided_decimal(x.lo(), x.hi(), MAX_F64_DIGITS).map(|(text, _)| text)
}

/// Whether both enclosures decide at least one digit, so that the point can be printed.
fn decides_digits(values: &GridValues) -> bool {
    [values.concurrence, values.entropy_production]
        .iter()
        .all(|x| decides_a_digit(x.lo(), x.hi()))
}

impl Fig1Point {
    /// The concurrence as printed by [`Fig1Grid::to_csv`] and [`Fig1Grid::to_json`]: the digits
    /// its enclosure decides ([`ACCURACY`]), `0` for an exact zero.
    pub fn concurrence_text(&self) -> Option<String> {
        decided_text(&self.concurrence_enclosure)
    }

    /// The entropy production as printed (as [`Fig1Point::concurrence_text`]).
    pub fn entropy_production_text(&self) -> Option<String> {
        decided_text(&self.entropy_production_enclosure)
    }
}

/// An MPFR enclosure rounded outward to f64.
fn outward(x: &Interval) -> Interval64 {
    Interval64::from_bounds(
        x.lo().to_f64_round(rug::float::Round::Down),
        x.hi().to_f64_round(rug::float::Round::Up),
    )
}

/// The Fig. 1 quantities at one point: f64 intervals, or MPFR enclosures where those leave the
/// concurrence's sign undecided (points within rounding of the `C = 0` edge) or do not decide a
/// digit of either value (an entropy production within rounding of 0, next to the diagonal:
/// `β_A`, `β_S` a few ulps apart).
fn solve_point(
    solver: &GridSolver,
    certified: &DiamondSystem,
    beta_a: &GridBeta,
    beta_s: &GridBeta,
) -> Result<Fig1Point, FigureError> {
    let values = match solver.solve(beta_a, beta_s) {
        Some(values) if decides_digits(&values) => values,
        _ => {
            let (start, max) = ESCALATION_BITS;
            let found = raise_precision(start, max, |prec| {
                Ok::<_, FigureError>(
                    certified
                        .enclose(beta_a.exact(), beta_s.exact(), prec)
                        .and_then(|e| {
                            Some(GridValues {
                                concurrence: outward(&e.concurrence),
                                entropy_production: outward(e.entropy_production.finite()?),
                            })
                        })
                        .filter(decides_digits),
                )
            })?;
            found
                .map(|(values, _)| values)
                .ok_or_else(|| FigureError::Solve {
                    beta_a: beta_a.value,
                    beta_s: beta_s.value,
                    reason: format!(
                        "enclosures of up to {max} bits leave the concurrence's sign or every \
                         digit of a value undecided (a point on the C = 0 edge)"
                    ),
                })?
        }
    };
    Ok(Fig1Point {
        beta_a: beta_a.value,
        beta_s: beta_s.value,
        concurrence: values.concurrence.midpoint(),
        entropy_production: values.entropy_production.midpoint(),
        concurrence_enclosure: values.concurrence,
        entropy_production_enclosure: values.entropy_production,
    })
}

/// The Fig. 1(b),(c) data on a `(β_A, β_S)` grid.
#[derive(Clone, Debug, PartialEq)]
pub struct Fig1Grid {
    /// The `β_A` axis (horizontal in Fig. 1).
    pub beta_a: Axis,
    /// The `β_S` axis (vertical in Fig. 1).
    pub beta_s: Axis,
    /// Point `(i, j)` at index `j * beta_a.points() + i`: `β_S` outer, `β_A` inner.
    pub points: Vec<Fig1Point>,
}

/// The Fig. 1(b),(c) grid: at every `(β_A, β_S)` of the two axes, the steady state of
/// Eq. (1)–(3) solved in rigorous f64 interval arithmetic, its concurrence (Eq. 4, X-state
/// form) and its entropy production (Eq. 6), each with an enclosure of the exact value at that
/// (exactly represented) `β`. Points are solved in parallel on all cores (rayon).
///
/// Accuracy: the enclosures are certified; their width grows like `ε · e^{|β_A| + |β_S|}`.
/// Where they leave the concurrence's sign undecided (within rounding of `C = 0`) or decide no
/// digit of a value, the point is enclosed in MPFR instead ([`DiamondSystem::enclose`]); exact
/// zeros are exact points: `C = 0` decided (Eq. 4's `max(0, ·)`), and `Ṡ = 0` on `β_A = β_S`,
/// where both heat currents vanish identically (their factor `σ − α`,
/// `proofs/heat-currents.md`; Ṡ = 0 exactly iff `β_A = β_S`, `proofs/entropy-production.md`,
/// claim `second-law`), imposed by [`crate::diamond::symbolic::heat_currents_vanish`] on both
/// the f64 and the MPFR path rather than left to an enclosure. The printed digits
/// ([`Fig1Grid::to_csv`]) satisfy [`ACCURACY`].
///
/// # Errors
/// [`FigureError::InvalidAxis`] when an axis reaches beyond `±F64_MAX_ABS_BETA`;
/// [`FigureError::Solve`] if a point's concurrence sign, or every digit of a value, stays
/// undecided.
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
        if axis.min().abs().max(axis.max().abs()) > F64_MAX_ABS_BETA {
            return Err(FigureError::InvalidAxis {
                name,
                message: format!(
                    "range {}..{} leaves |β| ≤ {F64_MAX_ABS_BETA}, where the f64 grid is reliable",
                    axis.min(),
                    axis.max()
                ),
            });
        }
    }
    let internal = |e: crate::liouvillian::LiouvillianError| FigureError::Solve {
        beta_a: f64::NAN,
        beta_s: f64::NAN,
        reason: e.to_string(),
    };
    let solver = GridSolver::new().map_err(internal)?;
    let certified = DiamondSystem::new(LadderConvention::CommutingQubits).map_err(internal)?;
    let a_values: Vec<GridBeta> = beta_a.values().into_iter().map(GridBeta::new).collect();
    let s_values: Vec<GridBeta> = beta_s.values().into_iter().map(GridBeta::new).collect();
    let nx = a_values.len();
    let points = (0..nx * s_values.len())
        .into_par_iter()
        .map(|k| {
            let point = solve_point(&solver, &certified, &a_values[k % nx], &s_values[k / nx]);
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
    /// and one row per point in grid order; `β` in Rust's shortest round-trip form (it reads
    /// back as the f64 computed at), each value with the digits its enclosure decides
    /// ([`ACCURACY`]: correctly rounded to the printed significant digits; `0` exact). A value
    /// whose enclosure decides no digit (never for a grid of [`fig1_grid`]) is an empty field.
    /// Rows are formatted in parallel.
    pub fn to_csv(&self) -> String {
        let mut out = String::from("beta_a,beta_s,concurrence,entropy_production\n");
        self.append_rows(&mut out, |_, p, row| {
            use std::fmt::Write;
            let (c, s) = (p.concurrence_text(), p.entropy_production_text());
            let (c, s) = (c.as_deref().unwrap_or(""), s.as_deref().unwrap_or(""));
            writeln!(row, "{},{},{c},{s}", p.beta_a, p.beta_s).expect("writing to a String");
        });
        out
    }

    /// The Fig. 1(b),(c) data as one JSON object: figure, units, [`ACCURACY`], both axes and
    /// the points, one line each: `β` as JSON numbers that read back as the f64 computed at,
    /// the values as JSON numbers with the digits their enclosures decide (as in
    /// [`Fig1Grid::to_csv`]; `null` where none is decided, never for [`fig1_grid`]).
    ///
    /// # Panics
    /// Never: every field is a finite number or a string.
    pub fn to_json(&self) -> String {
        let mut out = format!(
            "{{\n  \"figure\": \"Fig. 1(b),(c)\",\n  \"units\": {},\n  \"accuracy\": {},\n  \
             \"beta_a\": {},\n  \"beta_s\": {},\n  \"points\": [\n",
            json_text(&"beta in 1/omega_0; entropy_production in Gamma^+ (omega_0 = Gamma^+ = 1)"),
            json_text(&ACCURACY),
            json_text(&self.beta_a),
            json_text(&self.beta_s),
        );
        let last = self.points.len().saturating_sub(1);
        self.append_rows(&mut out, |index, p, row| {
            use std::fmt::Write;
            let number = |text: Option<String>| text.unwrap_or_else(|| "null".into());
            write!(
                row,
                "    {{\"beta_a\": {}, \"beta_s\": {}, \"concurrence\": {}, \
                 \"entropy_production\": {}}}{}",
                json_text(&p.beta_a),
                json_text(&p.beta_s),
                number(p.concurrence_text()),
                number(p.entropy_production_text()),
                if index == last { "\n" } else { ",\n" },
            )
            .expect("writing to a String");
        });
        out.push_str("  ]\n}");
        out
    }

    /// Appends the points written by `row(index, point, text)` to `out` in grid order, formatted
    /// in parallel one chunk of rows to a string, a batch of chunks at a time (a 4·10⁶-point
    /// grid is formatted on every core without a string per row or a second copy of the text).
    fn append_rows(&self, out: &mut String, row: impl Fn(usize, &Fig1Point, &mut String) + Sync) {
        const CHUNK: usize = 4096;
        const BATCH: usize = 64 * CHUNK;
        for (b, batch) in self.points.chunks(BATCH).enumerate() {
            let texts: Vec<String> = batch
                .par_chunks(CHUNK)
                .enumerate()
                .map(|(k, chunk)| {
                    let mut text = String::with_capacity(chunk.len() * 64);
                    for (i, p) in chunk.iter().enumerate() {
                        row(b * BATCH + k * CHUNK + i, p, &mut text);
                    }
                    text
                })
                .collect();
            for text in texts {
                out.push_str(&text);
            }
        }
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
