//! Fig. 2(b),(c): steady-state concurrence against `κ/g` for the full cavity model (Eq. 7–8) and
//! the effective diamond model (Eq. 2 with the rates of Eq. 9), one curve pair per pump rate.

use plotters::style::RGBColor;
use serde::{Deserialize, Serialize};

use super::lineplot::{Curve, LegendEntry, LogLinePlot, ReferenceLine, render_log_line_plot};
use super::{FigureError, ImageFormat};
use crate::cavity::{CavityError, Cutoff, Figure, SweepRow, sweep};

/// The concurrences at one cavity decay rate.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fig2Point {
    /// `κ/g`, the cavity decay rate in units of the coupling (log axis of Fig. 2b,c).
    pub kappa_over_g: f64,
    /// Concurrence of the reduced two-qubit steady state of the full model, Eq. (8).
    pub concurrence_full: f64,
    /// Concurrence of the effective model, Eq. (2) with the rates of Eq. (9).
    pub concurrence_effective: f64,
}

/// One pump rate's sweep over `κ/g`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fig2Series {
    /// `p/g`, the incoherent pump rate in units of `g` (e.g. `0.0002`, `0.001`, `0.005`).
    pub pump_over_g: f64,
    /// The sweep, in increasing `κ/g`.
    pub points: Vec<Fig2Point>,
}

/// The data of Fig. 2(b) or 2(c): sweeps at one qubit decay rate `γ/g`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fig2Data {
    /// `γ/g`, the qubits' own decay rate (`0` in Fig. 2b, `10⁻³` in Fig. 2c).
    pub decay_over_g: f64,
    /// One series per pump rate.
    pub series: Vec<Fig2Series>,
}

impl Fig2Data {
    /// Groups the rows of a cavity sweep (Eq. 7–9) into one series per pump rate.
    pub fn from_sweep(figure: Figure, rows: &[SweepRow]) -> Self {
        let series = figure
            .pumps()
            .iter()
            .map(|&pump| Fig2Series {
                pump_over_g: pump,
                points: rows
                    .iter()
                    .filter(|r| r.pump == pump)
                    .map(|r| Fig2Point {
                        kappa_over_g: r.kappa,
                        concurrence_full: r.concurrence,
                        concurrence_effective: r.concurrence_effective,
                    })
                    .collect(),
            })
            .collect();
        Fig2Data {
            decay_over_g: figure.gamma(),
            series,
        }
    }
}

/// The data of Fig. 2(b) or 2(c): the full model (Eq. 7–8) and the effective model (Eq. 9)
/// over `points` log-spaced values of `κ/g` per pump rate ([`sweep()`]).
///
/// # Errors
/// [`CavityError`] when a point cannot be solved.
pub fn fig2_data(figure: Figure, points: usize, cutoff: Cutoff) -> Result<Fig2Data, CavityError> {
    Ok(Fig2Data::from_sweep(
        figure,
        &sweep(figure, points, cutoff)?,
    ))
}

/// Which panel of Fig. 2 the data are drawn as (sets the title's letter).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fig2Panel {
    /// Fig. 2(b): the ideal case `γ = 0`.
    B,
    /// Fig. 2(c): finite `γ` and several pump rates.
    C,
}

/// One colour per pump rate (the first three are those of the paper's three pump values).
const PALETTE: [RGBColor; 6] = [
    RGBColor(31, 119, 180),
    RGBColor(214, 39, 40),
    RGBColor(44, 160, 44),
    RGBColor(148, 103, 189),
    RGBColor(255, 127, 14),
    RGBColor(23, 190, 207),
];

/// A rate in units of `g` as the paper writes it, e.g. `0.0002 g`, `0`.
fn rate_in_g(v: f64) -> String {
    if v == 0.0 {
        "0".to_string()
    } else {
        format!("{v} g")
    }
}

/// Renders Fig. 2(b) or 2(c): concurrence against `κ/g` on a log axis, the full model (Eq. 8)
/// as solid lines and the effective model (Eq. 2, 9) as dashed lines, one colour per pump rate,
/// with the thermal limit `C = 1/3` and the negative-temperature limit `C = 1/2` (Eq. 4) as
/// dotted reference lines.
///
/// # Errors
/// [`FigureError::InvalidData`] for data without points, with `κ/g ≤ 0` or non-finite values;
/// [`FigureError::Drawing`] if the backend fails.
///
/// # Examples
/// ```
/// use steadyent::figures::{Fig2Data, Fig2Panel, Fig2Point, Fig2Series, ImageFormat, render_fig2};
/// let points = (0..=40)
///     .map(|k| {
///         let kappa_over_g = 10f64.powf(-2.0 + 0.1 * f64::from(k));
///         Fig2Point { kappa_over_g, concurrence_full: 0.4, concurrence_effective: 0.45 }
///     })
///     .collect();
/// let data = Fig2Data { decay_over_g: 0.0, series: vec![Fig2Series { pump_over_g: 2e-4, points }] };
/// let svg = render_fig2(&data, Fig2Panel::B, ImageFormat::Svg).unwrap();
/// assert!(String::from_utf8(svg).unwrap().starts_with("<svg"));
/// ```
pub fn render_fig2(
    data: &Fig2Data,
    panel: Fig2Panel,
    format: ImageFormat,
) -> Result<Vec<u8>, FigureError> {
    if data.series.iter().all(|s| s.points.is_empty()) {
        return Err(FigureError::InvalidData(
            "Fig. 2 data without points".into(),
        ));
    }
    let mut curves = Vec::new();
    let mut legend = Vec::new();
    for (series, &colour) in data.series.iter().zip(PALETTE.iter().cycle()) {
        let line = |effective: bool| Curve {
            points: series
                .points
                .iter()
                .map(|p| {
                    let c = if effective {
                        p.concurrence_effective
                    } else {
                        p.concurrence_full
                    };
                    (p.kappa_over_g, c)
                })
                .collect(),
            colour,
            dashed: effective,
        };
        curves.push(line(false));
        curves.push(line(true));
        legend.push(LegendEntry {
            colour,
            dashed: false,
            label: format!("p = {}", rate_in_g(series.pump_over_g)),
        });
    }
    let black = RGBColor(0, 0, 0);
    legend.push(LegendEntry {
        colour: black,
        dashed: false,
        label: "full model, Eq. (8)".into(),
    });
    legend.push(LegendEntry {
        colour: black,
        dashed: true,
        label: "effective model, Eq. (2), (9)".into(),
    });
    let letter = match panel {
        Fig2Panel::B => "b",
        Fig2Panel::C => "c",
    };
    let plot = LogLinePlot {
        log_x: true,
        legend_at_top: false,
        title: format!(
            "({letter}) concurrence vs cavity decay, γ = {}",
            rate_in_g(data.decay_over_g)
        ),
        x_label: "κ / g".into(),
        y_label: "C_{SS}".into(),
        curves,
        references: vec![
            ReferenceLine {
                value: 1.0 / 3.0,
                label: "C = 1/3".into(),
            },
            ReferenceLine {
                value: 0.5,
                label: "C = 1/2".into(),
            },
        ],
        legend,
        y_range: (0.0, 0.55),
    };
    render_log_line_plot(&plot, format)
}
