//! The N-emitter figure: the largest pair concurrence of the full model (Eq. 7–8 with N
//! emitters) and the smallest collective spin variance sum over Tóth's bound `N/2`, each over
//! `(p, κ)`, against N, with the Koashi–Bužek–Imoto bound `2/N`.

use plotters::style::RGBColor;

use super::lineplot::{Curve, LegendEntry, LogLinePlot, ReferenceLine, render_log_line_plot};
use super::{FigureError, ImageFormat};
use crate::emitters::analysis::Maximum;

const BLUE: RGBColor = RGBColor(31, 119, 180);
const RED: RGBColor = RGBColor(214, 39, 40);
const GREY: RGBColor = RGBColor(110, 110, 110);

/// Renders, against N and for every decay rate present, the largest pair concurrence
/// (`maxima`, solid) and the smallest variance ratio `(ΔJ)²/(N/2)` (`minima`, dashed; below 1
/// Tóth's criterion, PRL 99, 250405 (2007), detects entanglement), with the bound `2/N` on the
/// pair concurrence (PRA 62, 050302 (2000)).
///
/// # Errors
/// [`FigureError::InvalidData`] when `maxima` spans fewer than two N.
pub fn render_emitters(
    maxima: &[Maximum],
    minima: &[Maximum],
    format: ImageFormat,
) -> Result<Vec<u8>, FigureError> {
    let mut gammas: Vec<f64> = maxima.iter().map(|m| m.gamma).collect();
    gammas.sort_by(f64::total_cmp);
    gammas.dedup();
    let mut curves = Vec::new();
    let mut legend = Vec::new();
    for (&gamma, colour) in gammas.iter().zip([BLUE, RED].iter().cycle()) {
        let line = |set: &[Maximum], f: &dyn Fn(&Maximum) -> f64, dashed| Curve {
            points: set
                .iter()
                .filter(|m| m.gamma == gamma)
                .map(|m| (m.n as f64, f(m)))
                .collect(),
            colour: *colour,
            dashed,
        };
        curves.push(line(maxima, &|m| m.pair_concurrence, false));
        curves.push(line(minima, &|m| m.variance_ratio, true));
        let label = if gamma == 0.0 {
            "γ = 0".to_string()
        } else {
            format!("γ = {gamma} g")
        };
        legend.push(LegendEntry {
            colour: *colour,
            dashed: false,
            label: format!("max C_{{pair}}, {label}"),
        });
        legend.push(LegendEntry {
            colour: *colour,
            dashed: true,
            label: format!("min (ΔJ)² / (N/2), {label}"),
        });
    }
    let ns: Vec<f64> = maxima.iter().map(|m| m.n as f64).collect();
    let (lo, hi) = ns
        .iter()
        .fold((f64::INFINITY, 0.0_f64), |(l, h), &n| (l.min(n), h.max(n)));
    if lo.partial_cmp(&hi) != Some(std::cmp::Ordering::Less) {
        return Err(FigureError::InvalidData(
            "the emitters figure needs maxima for at least two N".into(),
        ));
    }
    let steps = (hi - lo).round() as usize * 8;
    curves.push(Curve {
        points: (0..=steps)
            .map(|k| {
                let n = lo + (hi - lo) * k as f64 / steps as f64;
                (n, 2.0 / n)
            })
            .collect(),
        colour: GREY,
        dashed: true,
    });
    legend.push(LegendEntry {
        colour: GREY,
        dashed: true,
        label: "Koashi–Bužek–Imoto bound 2/N".into(),
    });
    let top = minima
        .iter()
        .map(|m| m.variance_ratio)
        .chain(maxima.iter().map(|m| m.pair_concurrence))
        .fold(1.0_f64, f64::max);
    let plot = LogLinePlot {
        log_x: false,
        title: "N emitters in one cavity: pairs vs collective entanglement".into(),
        x_label: "N".into(),
        y_label: "".into(),
        curves,
        references: vec![ReferenceLine {
            value: 1.0,
            label: "Tóth: N/2".into(),
        }],
        legend,
        y_range: (0.0, (top * 1.1).max(1.1) + 0.55),
        legend_at_top: true,
    };
    render_log_line_plot(&plot, format)
}
