//! A line-plot renderer with a logarithmic (Fig. 2b,c) or linear (N-emitter figure) x axis:
//! solid and dashed series, labelled horizontal reference lines and a legend.

use plotters::coord::Shift;
use plotters::coord::cartesian::Cartesian2d;
use plotters::coord::ranged1d::{Ranged, ValueFormatter};
use plotters::coord::types::RangedCoordf64;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

use super::output::{Figure, render};
use super::text::{RichText, TextMode};
use super::{FigureError, ImageFormat, drawing, font};

/// Canvas size of a line plot, pixels.
pub const LINE_PLOT_SIZE: (u32, u32) = (960, 700);

/// One curve.
#[derive(Clone, Debug, PartialEq)]
pub struct Curve {
    /// `(x, y)` points, `x > 0`, in drawing order.
    pub points: Vec<(f64, f64)>,
    /// Line colour.
    pub colour: RGBColor,
    /// Dashed (`true`) or solid.
    pub dashed: bool,
}

/// A legend row: a line sample and its label.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    /// Sample colour.
    pub colour: RGBColor,
    /// Dashed sample (`true`) or solid.
    pub dashed: bool,
    /// Label in [`RichText`] markup.
    pub label: String,
}

/// A horizontal reference line `y = value`, labelled at the right end.
#[derive(Clone, Debug, PartialEq)]
pub struct ReferenceLine {
    /// Height of the line.
    pub value: f64,
    /// Label (markup), drawn in the right margin beside the line (about 90 px available).
    pub label: String,
}

/// A plot of curves against a logarithmic x axis (the form of Fig. 2b,c).
#[derive(Clone, Debug, PartialEq)]
pub struct LogLinePlot {
    /// Title (markup).
    pub title: String,
    /// x-axis label (markup).
    pub x_label: String,
    /// y-axis label (markup).
    pub y_label: String,
    /// The curves, drawn in order.
    pub curves: Vec<Curve>,
    /// Horizontal reference lines (thin grey dots).
    pub references: Vec<ReferenceLine>,
    /// Legend rows, top to bottom.
    pub legend: Vec<LegendEntry>,
    /// The y range shown.
    pub y_range: (f64, f64),
    /// Logarithmic x axis (`true`, Fig. 2) or linear with integer ticks (`false`).
    pub log_x: bool,
    /// Legend at the top centre of the plot area (`true`) or the bottom centre (Fig. 2).
    pub legend_at_top: bool,
}

/// Unicode superscript form of an integer exponent, e.g. `−3 ↦ "⁻³"`.
fn superscript(n: i32) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let digits: String = n
        .unsigned_abs()
        .to_string()
        .chars()
        .map(|c| DIGITS[c.to_digit(10).unwrap_or(0) as usize])
        .collect();
    let sign = if n < 0 { "⁻" } else { "" };
    format!("{sign}{digits}")
}

/// Log-axis tick label: `10ⁿ` at powers of ten, nothing between them.
fn log_tick_label(v: f64) -> String {
    let exponent = v.log10();
    if (exponent - exponent.round()).abs() < 1e-9 {
        format!("10{}", superscript(exponent.round() as i32))
    } else {
        String::new()
    }
}

impl LogLinePlot {
    /// The x range covered by the curves, widened to whole decades.
    fn x_range(&self) -> Result<(f64, f64), FigureError> {
        let xs = self
            .curves
            .iter()
            .flat_map(|c| c.points.iter().map(|p| p.0));
        let (lo, hi) = xs.fold((f64::INFINITY, 0.0_f64), |(lo, hi), x| {
            (lo.min(x), hi.max(x))
        });
        if !self.log_x {
            if !(lo.is_finite() && hi.is_finite() && lo < hi) {
                return Err(FigureError::InvalidData(format!(
                    "the x values must span a finite range; got {lo}..{hi}"
                )));
            }
            let pad = (hi - lo) * 0.03;
            return Ok((lo - pad, hi + pad));
        }
        if !(lo > 0.0 && hi.is_finite() && lo < hi) {
            return Err(FigureError::InvalidData(format!(
                "the x values must be positive and span a range on a log axis; got {lo}..{hi}"
            )));
        }
        Ok((
            10f64.powf(lo.log10().floor()),
            10f64.powf(hi.log10().ceil()),
        ))
    }
}

impl Figure for LogLinePlot {
    fn size(&self) -> (u32, u32) {
        LINE_PLOT_SIZE
    }

    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        mode: TextMode,
    ) -> Result<(), FigureError> {
        let (x_lo, x_hi) = self.x_range()?;
        let (y_lo, y_hi) = self.y_range;
        if let Some(bad) = self
            .curves
            .iter()
            .flat_map(|c| &c.points)
            .find(|(_, y)| !y.is_finite())
        {
            return Err(FigureError::InvalidData(format!(
                "non-finite value at x = {}",
                bad.0
            )));
        }
        root.fill(&WHITE).map_err(drawing)?;
        let mut builder = ChartBuilder::on(root);
        builder
            .margin_top(70)
            .margin_right(110)
            .margin_left(20)
            .margin_bottom(20)
            .x_label_area_size(80)
            .y_label_area_size(110);
        if self.log_x {
            let chart = builder
                .build_cartesian_2d((x_lo..x_hi).log_scale(), y_lo..y_hi)
                .map_err(drawing)?;
            self.draw_chart(root, mode, chart, (x_lo, x_hi), &|v| log_tick_label(*v))
        } else {
            let chart = builder
                .build_cartesian_2d(x_lo..x_hi, y_lo..y_hi)
                .map_err(drawing)?;
            let integer = |v: &f64| {
                if (v - v.round()).abs() < 1e-9 {
                    format!("{}", v.round())
                } else {
                    String::new()
                }
            };
            self.draw_chart(root, mode, chart, (x_lo, x_hi), &integer)
        }
    }
}

impl LogLinePlot {
    /// Draws mesh, references, curves, titles and legend on a built chart (either x scale).
    fn draw_chart<DB: DrawingBackend, X>(
        &self,
        root: &DrawingArea<DB, Shift>,
        mode: TextMode,
        mut chart: ChartContext<'_, DB, Cartesian2d<X, RangedCoordf64>>,
        (x_lo, x_hi): (f64, f64),
        x_ticks: &dyn Fn(&f64) -> String,
    ) -> Result<(), FigureError>
    where
        X: Ranged<ValueType = f64> + ValueFormatter<f64>,
    {
        chart
            .configure_mesh()
            .light_line_style(TRANSPARENT)
            .bold_line_style(RGBColor(225, 225, 225))
            .set_all_tick_mark_size(7)
            .x_label_formatter(x_ticks)
            .y_label_formatter(&|v| super::heatmap::tick_label(*v))
            .y_labels(7)
            .label_style((font::FAMILY, 22).into_font())
            .axis_style(BLACK.stroke_width(2))
            .draw()
            .map_err(drawing)?;

        let grey = RGBColor(110, 110, 110);
        for reference in &self.references {
            chart
                .draw_series(std::iter::once(DashedPathElement::new(
                    [(x_lo, reference.value), (x_hi, reference.value)],
                    3,
                    5,
                    grey.stroke_width(2),
                )))
                .map_err(drawing)?;
        }
        for curve in &self.curves {
            let style = curve.colour.stroke_width(3);
            if curve.dashed {
                chart
                    .draw_series(std::iter::once(DashedPathElement::new(
                        curve.points.iter().copied(),
                        12,
                        8,
                        style,
                    )))
                    .map_err(drawing)?;
            } else {
                chart
                    .draw_series(LineSeries::new(curve.points.iter().copied(), style))
                    .map_err(drawing)?;
            }
        }

        let (px, py) = chart.plotting_area().get_pixel_range();
        let centre_x = (px.start + px.end) / 2;
        for reference in &self.references {
            let (_, y) = chart.backend_coord(&(x_hi, reference.value));
            RichText::parse(&reference.label).draw(
                root,
                (px.end + 8, y - 11),
                HPos::Left,
                20.0,
                &grey,
                mode,
            )?;
        }
        super::heatmap::draw_titles(
            root,
            [&self.title, &self.x_label, &self.y_label],
            (centre_x, (py.start + py.end) / 2),
            (px.start - 80, py.end),
            mode,
        )?;
        // Bottom centre of the plot area: Fig. 2's curves leave it empty (C > 0.1 around
        // κ/g ~ 1–10 in panel c; everything in panel b is above 0.3).
        let rows = i32::try_from(self.legend.len()).unwrap_or(0);
        let bottom = if self.legend_at_top {
            py.start + 14 + 30 * rows + 10
        } else {
            py.end - 14
        };
        self.draw_legend(root, ((px.start + px.end) / 2, bottom), mode)
    }
}

impl LogLinePlot {
    fn draw_legend<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        (centre, bottom): (i32, i32),
        mode: TextMode,
    ) -> Result<(), FigureError> {
        if self.legend.is_empty() {
            return Ok(());
        }
        let size = 20.0;
        let row = 30;
        let sample = 48;
        let labels: Vec<RichText> = self
            .legend
            .iter()
            .map(|e| RichText::parse(&e.label))
            .collect();
        let text_width = labels
            .iter()
            .map(|l| l.width(size, mode))
            .fold(0.0, f64::max);
        let width = sample + 34 + text_width.ceil() as i32;
        let height = row * i32::try_from(labels.len()).unwrap_or(0) + 10;
        let (left, top) = (centre - width / 2, bottom - height);
        let corners = [(left, top), (left + width, top + height)];
        root.draw(&Rectangle::new(corners, WHITE.mix(0.9).filled()))
            .map_err(drawing)?;
        root.draw(&Rectangle::new(
            corners,
            RGBColor(150, 150, 150).stroke_width(1),
        ))
        .map_err(drawing)?;
        for (k, (entry, label)) in self.legend.iter().zip(&labels).enumerate() {
            let y = top + 8 + row * i32::try_from(k).unwrap_or(0);
            let ends = [(left + 10, y + 12), (left + 10 + sample, y + 12)];
            let style = entry.colour.stroke_width(3);
            if entry.dashed {
                root.draw(&DashedPathElement::new(ends, 12, 6, style))
                    .map_err(drawing)?;
            } else {
                root.draw(&PathElement::new(ends, style)).map_err(drawing)?;
            }
            label.draw(
                root,
                (left + sample + 22, y),
                HPos::Left,
                size,
                &BLACK,
                mode,
            )?;
        }
        Ok(())
    }
}

/// Renders a log-x line plot (the form of Fig. 2b,c) as SVG or PNG bytes.
///
/// # Errors
/// [`FigureError::InvalidData`] for non-positive x values or non-finite y values;
/// [`FigureError::Drawing`] if the backend fails.
pub fn render_log_line_plot(
    plot: &LogLinePlot,
    format: ImageFormat,
) -> Result<Vec<u8>, FigureError> {
    render(plot, format)
}
