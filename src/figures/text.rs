//! Labels with sub- and superscripts (`β_A`, `Ṡ_{irr}`, `Γ^+`) drawn run by run, since plotters
//! draws plain strings only; in PNG files glyph by glyph, with the font's own metrics.

use ab_glyph::{Font, ScaleFont};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{FigureError, drawing, font};

/// How text reaches the output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextMode {
    /// Whole strings (SVG: the viewer lays the text out with its own sans-serif face).
    Strings,
    /// One glyph at a time at the embedded font's advance, kerning and side bearing (PNG).
    /// plotters' own rasteriser drops each glyph's left side bearing, which spaces words
    /// unevenly ("entrop y"); a single glyph drawn at `pen + bearing` lands where it should.
    Glyphs,
}

/// Vertical placement of a run relative to the baseline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Placement {
    Base,
    Subscript,
    Superscript,
}

/// Size of sub- and superscripts relative to the base text.
const SCRIPT_SCALE: f64 = 0.7;

/// A label in a small markup: `_x` or `_{xyz}` is a subscript, `^x` or `^{xyz}` a superscript;
/// everything else is literal text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RichText {
    runs: Vec<(String, Placement)>,
}

/// The ab_glyph scale at which text of plotters size `size` is set in `mode`: plotters'
/// rasteriser scales the font's full height (ascent − descent) to `size` pixels, while its SVG
/// backend writes `font-size = size / 1.24`, an em size that the viewer applies.
fn scale(size: f64, mode: TextMode) -> f32 {
    match mode {
        TextMode::Glyphs => size as f32,
        TextMode::Strings => {
            let font = font::dejavu_sans();
            let em = size / 1.24;
            let units_per_em = f64::from(font.units_per_em().unwrap_or(2048.0));
            (em * f64::from(font.height_unscaled()) / units_per_em) as f32
        }
    }
}

/// Pen advance of `text` at plotters size `size` in the embedded font, with kerning.
fn advance(text: &str, size: f64, mode: TextMode) -> f64 {
    let scaled = font::dejavu_sans().as_scaled(scale(size, mode));
    let mut width = 0.0f32;
    let mut previous = None;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(p) = previous {
            width += scaled.kern(p, id);
        }
        width += scaled.h_advance(id);
        previous = Some(id);
    }
    f64::from(width)
}

impl RichText {
    /// Parses the markup, e.g. the axis label `β_A (1/ω_0)` of Fig. 1(b),(c).
    ///
    /// # Examples
    /// ```
    /// use steadyent::figures::text::RichText;
    /// assert_eq!(RichText::parse("Ṡ_{irr} / (ω_0 Γ^+)").plain(), "Ṡirr / (ω0 Γ+)");
    /// ```
    pub fn parse(markup: &str) -> Self {
        let mut runs: Vec<(String, Placement)> = Vec::new();
        let mut push = |text: String, placement| {
            if !text.is_empty() {
                runs.push((text, placement));
            }
        };
        let mut base = String::new();
        let mut chars = markup.chars().peekable();
        while let Some(c) = chars.next() {
            let placement = match c {
                '_' => Placement::Subscript,
                '^' => Placement::Superscript,
                _ => {
                    base.push(c);
                    continue;
                }
            };
            push(std::mem::take(&mut base), Placement::Base);
            let script: String = if chars.peek() == Some(&'{') {
                chars.next();
                chars.by_ref().take_while(|&c| c != '}').collect()
            } else {
                chars.next().into_iter().collect()
            };
            push(script, placement);
        }
        push(base, Placement::Base);
        RichText { runs }
    }

    /// The text without markup, e.g. `βA (1/ω0)` for the Fig. 1 axis label (what a test compares).
    pub fn plain(&self) -> String {
        self.runs.iter().map(|(t, _)| t.as_str()).collect()
    }

    fn run_size(size: f64, placement: Placement) -> f64 {
        match placement {
            Placement::Base => size,
            Placement::Subscript | Placement::Superscript => size * SCRIPT_SCALE,
        }
    }

    /// Width in pixels of a figure label (Fig. 1b,c, 2b,c) at font size `size` when set as
    /// `mode` says (for SVG, assuming the
    /// viewer's sans-serif has DejaVu Sans metrics, as on most Linux systems).
    pub fn width(&self, size: f64, mode: TextMode) -> f64 {
        self.runs
            .iter()
            .map(|(text, placement)| advance(text, Self::run_size(size, *placement), mode))
            .sum()
    }

    /// Draws a figure label (titles, axis labels and legends of Fig. 1b,c and 2b,c) with its
    /// top edge at `y` and its left end, centre or right end at `x`
    /// as `align` says.
    ///
    /// # Errors
    /// [`FigureError::Drawing`] if the backend fails.
    pub fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        (x, y): (i32, i32),
        align: HPos,
        size: f64,
        colour: &RGBColor,
        mode: TextMode,
    ) -> Result<(), FigureError> {
        font::register();
        let width = self.width(size, mode);
        let mut pen = f64::from(x)
            - match align {
                HPos::Left => 0.0,
                HPos::Center => width / 2.0,
                HPos::Right => width,
            };
        for (text, placement) in &self.runs {
            let run_size = Self::run_size(size, *placement);
            // Scripts sit 0.25 size below or 0.35 size above the base line; a run's baseline
            // is about half its size below its top, hence the size-difference term.
            let baseline_shift = match placement {
                Placement::Base => 0.0,
                Placement::Subscript => 0.25 * size,
                Placement::Superscript => -0.35 * size,
            };
            let top = (f64::from(y) + (size - run_size) / 2.0 + baseline_shift).round() as i32;
            let style = (font::FAMILY, run_size)
                .into_font()
                .color(colour)
                .pos(Pos::new(HPos::Left, VPos::Top));
            match mode {
                TextMode::Strings => {
                    // SVG collapses leading white space in a <text>: advance past it here.
                    let trimmed = text.trim_start();
                    pen += advance(&text[..text.len() - trimmed.len()], run_size, mode);
                    area.draw_text(trimmed, &style, (pen.round() as i32, top))
                        .map_err(drawing)?;
                    pen += advance(trimmed, run_size, mode);
                }
                TextMode::Glyphs => {
                    let scaled = font::dejavu_sans().as_scaled(run_size as f32);
                    let mut previous = None;
                    for c in text.chars() {
                        let id = scaled.glyph_id(c);
                        if let Some(p) = previous {
                            pen += f64::from(scaled.kern(p, id));
                        }
                        previous = Some(id);
                        let bearing = scaled
                            .outline_glyph(scaled.scaled_glyph(c))
                            .map_or(0.0, |g| f64::from(g.px_bounds().min.x));
                        let mut buffer = [0u8; 4];
                        area.draw_text(
                            c.encode_utf8(&mut buffer),
                            &style,
                            ((pen + bearing).round() as i32, top),
                        )
                        .map_err(drawing)?;
                        pen += f64::from(scaled.h_advance(id));
                    }
                }
            }
        }
        Ok(())
    }
}
