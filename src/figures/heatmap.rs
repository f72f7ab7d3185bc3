//! A heat-map renderer for gridded data (Fig. 1b,c): colour cells, a labelled colour bar, and
//! dashed overlay curves with a legend.

use plotters::coord::Shift;
use plotters::coord::types::RangedCoordf64;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::colors::colormaps::ViridisRGB;
use plotters::style::text_anchor::HPos;

use super::output::{Figure, render};
use super::text::{RichText, TextMode};
use super::{Axis, FigureError, ImageFormat, drawing, font};

/// Canvas size of a heat map, pixels.
pub const HEAT_MAP_SIZE: (u32, u32) = (960, 800);

/// A dashed curve drawn over the heat map, with its legend entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Overlay {
    /// Polylines in data coordinates.
    pub lines: Vec<Vec<(f64, f64)>>,
    /// Line colour.
    pub colour: RGBColor,
    /// Legend text in [`RichText`] markup.
    pub legend: String,
}

/// A gridded field to draw as a heat map (the form of Fig. 1b,c).
#[derive(Clone, Debug)]
pub struct HeatMap<'a> {
    /// Horizontal axis of the grid.
    pub x: Axis,
    /// Vertical axis of the grid.
    pub y: Axis,
    /// `values[j * x.points() + i]` at `(x.value(i), y.value(j))`.
    pub values: &'a [f64],
    /// Values mapped to the ends of the colour scale; values outside are clamped.
    pub value_range: (f64, f64),
    /// Title ([`RichText`] markup).
    pub title: String,
    /// Horizontal axis label (markup).
    pub x_label: String,
    /// Vertical axis label (markup).
    pub y_label: String,
    /// Colour-bar label (markup).
    pub colour_bar_label: String,
    /// Dashed curves drawn over the cells, in order.
    pub overlays: Vec<Overlay>,
}

/// Tick label: integers without a decimal point, others with up to three decimals, and a true
/// minus sign.
pub(crate) fn tick_label(v: f64) -> String {
    let text = if (v - v.round()).abs() < 1e-9 {
        format!("{}", v.round())
    } else {
        let s = format!("{v:.3}");
        s.trim_end_matches('0').to_string()
    };
    let text = if text == "-0" { "0".to_string() } else { text };
    text.replace('-', "−")
}

/// Draws a label of one or more lines (separated by `\n`), centred at `(x, y)` as a block:
/// the vertical-axis labels, kept horizontal so that sub- and superscripts stay readable.
/// Draws a figure's title (top centre), x-axis label (below the plot area, whose bottom is
/// `bottom`) and multi-line y-axis label (centred on `y_label_x`), shared by Fig. 1 and Fig. 2.
pub(crate) fn draw_titles<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    [title, x_label, y_label]: [&str; 3],
    (centre_x, centre_y): (i32, i32),
    (y_label_x, bottom): (i32, i32),
    mode: TextMode,
) -> Result<(), FigureError> {
    RichText::parse(title).draw(root, (centre_x, 18), HPos::Center, 28.0, &BLACK, mode)?;
    RichText::parse(x_label).draw(
        root,
        (centre_x, bottom + 45),
        HPos::Center,
        26.0,
        &BLACK,
        mode,
    )?;
    draw_lines(root, y_label, (y_label_x, centre_y), 26.0, mode)
}

pub(crate) fn draw_lines<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    markup: &str,
    (x, y): (i32, i32),
    size: f64,
    mode: TextMode,
) -> Result<(), FigureError> {
    let lines: Vec<&str> = markup.lines().collect();
    let line_height = (size * 1.3).round() as i32;
    let count = i32::try_from(lines.len()).unwrap_or(1);
    let top = y - line_height * count / 2;
    for (k, line) in (0..).zip(&lines) {
        RichText::parse(line).draw(
            root,
            (x, top + k * line_height),
            HPos::Center,
            size,
            &BLACK,
            mode,
        )?;
    }
    Ok(())
}

/// Draws a polyline as dashes of `dash` pixels separated by `gap` pixels.
fn dashed<DB: DrawingBackend>(
    chart: &mut ChartContext<'_, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
    line: &[(f64, f64)],
    style: ShapeStyle,
    (dash, gap): (i32, i32),
) -> Result<(), FigureError> {
    chart
        .draw_series(std::iter::once(DashedPathElement::new(
            line.iter().copied(),
            dash,
            gap,
            style,
        )))
        .map_err(drawing)?;
    Ok(())
}

impl Figure for HeatMap<'_> {
    fn size(&self) -> (u32, u32) {
        HEAT_MAP_SIZE
    }

    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        mode: TextMode,
    ) -> Result<(), FigureError> {
        let (nx, ny) = (self.x.points(), self.y.points());
        if self.values.len() != nx * ny {
            return Err(FigureError::InvalidData(format!(
                "{} values for a {nx} × {ny} grid",
                self.values.len()
            )));
        }
        let (low, high) = self.value_range;
        if !(low.is_finite() && high.is_finite() && low < high) {
            return Err(FigureError::InvalidData(format!(
                "colour range {low}..{high} is empty or not finite"
            )));
        }
        root.fill(&WHITE).map_err(drawing)?;
        let (main, bar) = root.split_horizontally(780);

        let tick_font = (font::FAMILY, 20).into_font();
        let mut chart = ChartBuilder::on(&main)
            .margin_top(70)
            .margin_right(30)
            .margin_left(20)
            .margin_bottom(20)
            .x_label_area_size(80)
            .y_label_area_size(100)
            .build_cartesian_2d(self.x.min()..self.x.max(), self.y.min()..self.y.max())
            .map_err(drawing)?;

        // Cells centred on the grid points, clipped to the axis ranges; neighbours in a row
        // with the same colour share one rectangle (SVG size).
        let (hx, hy) = (self.x.step() / 2.0, self.y.step() / 2.0);
        let clip = |v: f64, axis: &Axis| v.clamp(axis.min(), axis.max());
        let colour_of = |v: f64| {
            if v.is_finite() {
                ViridisRGB::get_color_normalized(v.clamp(low, high), low, high)
            } else {
                RGBColor(128, 128, 128)
            }
        };
        let mut cells = Vec::new();
        for j in 0..ny {
            let row = &self.values[j * nx..(j + 1) * nx];
            let cy = self.y.value(j);
            let mut start = 0;
            while start < nx {
                let colour = colour_of(row[start]);
                let mut end = start + 1;
                while end < nx && colour_of(row[end]) == colour {
                    end += 1;
                }
                cells.push(Rectangle::new(
                    [
                        (
                            clip(self.x.value(start) - hx, &self.x),
                            clip(cy - hy, &self.y),
                        ),
                        (
                            clip(self.x.value(end - 1) + hx, &self.x),
                            clip(cy + hy, &self.y),
                        ),
                    ],
                    colour.filled(),
                ));
                start = end;
            }
        }
        chart.draw_series(cells).map_err(drawing)?;

        chart
            .configure_mesh()
            .disable_mesh()
            .set_all_tick_mark_size(7)
            .x_labels(9)
            .y_labels(9)
            .x_label_formatter(&|v| tick_label(*v))
            .y_label_formatter(&|v| tick_label(*v))
            .label_style(tick_font.clone())
            .axis_style(BLACK.stroke_width(2))
            .draw()
            .map_err(drawing)?;

        for overlay in &self.overlays {
            for line in &overlay.lines {
                dashed(&mut chart, line, overlay.colour.stroke_width(3), (14, 9))?;
            }
        }

        // Axis labels, title and legend in pixel coordinates of the root area.
        let (px, py) = chart.plotting_area().get_pixel_range();
        let centre_x = (px.start + px.end) / 2;
        let centre_y = (py.start + py.end) / 2;
        draw_titles(
            root,
            [&self.title, &self.x_label, &self.y_label],
            (centre_x, centre_y),
            (px.start - 72, py.end),
            mode,
        )?;
        self.draw_legend(root, (px.start + 14, py.end - 14), mode)?;
        self.draw_colour_bar(&bar, (py.start, py.end), mode)
    }
}

impl HeatMap<'_> {
    /// The legend, its lower left corner at `(left, bottom)`: one dashed sample and label per
    /// overlay that has a curve in range, on a dark translucent box so that white and coloured dashes both show.
    fn draw_legend<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        (left, bottom): (i32, i32),
        mode: TextMode,
    ) -> Result<(), FigureError> {
        // Curves outside the plotted range get no legend entry.
        let shown: Vec<&Overlay> = self
            .overlays
            .iter()
            .filter(|o| !o.lines.is_empty())
            .collect();
        if shown.is_empty() {
            return Ok(());
        }
        let size = 20.0;
        let row = 32;
        let sample = 44;
        let labels: Vec<RichText> = shown.iter().map(|o| RichText::parse(&o.legend)).collect();
        let text_width = labels
            .iter()
            .map(|l| l.width(size, mode))
            .fold(0.0, f64::max);
        let width = sample + 30 + text_width.ceil() as i32;
        let height = row * i32::try_from(labels.len()).unwrap_or(0) + 8;
        let top = bottom - height;
        root.draw(&Rectangle::new(
            [(left, top), (left + width, top + height)],
            BLACK.mix(0.55).filled(),
        ))
        .map_err(drawing)?;
        for (k, (overlay, label)) in shown.iter().zip(&labels).enumerate() {
            let y = top + 8 + row * i32::try_from(k).unwrap_or(0);
            root.draw(&DashedPathElement::new(
                [(left + 10, y + 12), (left + 10 + sample, y + 12)],
                12,
                6,
                overlay.colour.stroke_width(3),
            ))
            .map_err(drawing)?;
            label.draw(
                root,
                (left + sample + 20, y),
                HPos::Left,
                size,
                &WHITE,
                mode,
            )?;
        }
        Ok(())
    }

    /// The colour bar: a vertical gradient over the value range with ticks and the label above.
    fn draw_colour_bar<DB: DrawingBackend>(
        &self,
        bar: &DrawingArea<DB, Shift>,
        (top, bottom): (i32, i32),
        mode: TextMode,
    ) -> Result<(), FigureError> {
        let (low, high) = self.value_range;
        let root_top = bar.get_base_pixel().1;
        let mut chart = ChartBuilder::on(bar)
            .margin_top(u32::try_from(top - root_top).unwrap_or(0))
            .margin_bottom(u32::try_from(bar.dim_in_pixel().1 as i32 - bottom).unwrap_or(0))
            .margin_left(10)
            .right_y_label_area_size(110)
            .build_cartesian_2d(0.0..1.0, low..high)
            .map_err(drawing)?;
        let steps = 256;
        chart
            .draw_series((0..steps).map(|k| {
                let a = low + (high - low) * f64::from(k) / f64::from(steps);
                let b = low + (high - low) * f64::from(k + 1) / f64::from(steps);
                let colour = ViridisRGB::get_color_normalized((a + b) / 2.0, low, high);
                Rectangle::new([(0.0, a), (1.0, b)], colour.filled())
            }))
            .map_err(drawing)?;
        chart
            .configure_mesh()
            .disable_mesh()
            .disable_x_axis()
            .set_all_tick_mark_size(7)
            .y_labels(6)
            .y_label_formatter(&|v| tick_label(*v))
            .label_style((font::FAMILY, 20).into_font())
            .axis_style(BLACK.stroke_width(2))
            .draw()
            .map_err(drawing)?;
        chart
            .plotting_area()
            .draw(&Rectangle::new(
                [(0.0, low), (1.0, high)],
                BLACK.stroke_width(1),
            ))
            .map_err(drawing)?;
        let (cx, _) = chart.plotting_area().get_pixel_range();
        let label_x = (cx.start + cx.end) / 2;
        RichText::parse(&self.colour_bar_label).draw(
            bar,
            (label_x - bar.get_base_pixel().0, top - root_top - 44),
            HPos::Center,
            24.0,
            &BLACK,
            mode,
        )
    }
}

/// Renders a heat map (the form of Fig. 1b,c) as SVG or PNG bytes.
///
/// # Errors
/// [`FigureError::InvalidData`] when `values` does not fit the grid or the colour range is
/// empty; [`FigureError::Drawing`] if the backend fails.
pub fn render_heat_map(map: &HeatMap<'_>, format: ImageFormat) -> Result<Vec<u8>, FigureError> {
    render(map, format)
}
