//! Figure encoding (SVG text or PNG bytes, rendered in memory) and atomic writing to `--out`.

use std::path::Path;

use plotters::coord::Shift;
use plotters::prelude::*;

use super::text::TextMode;
use super::{FigureError, drawing, font};

/// The two output formats, chosen by the file extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageFormat {
    /// Scalable vector graphics; text stays text (`font-family="sans-serif"`).
    Svg,
    /// 8-bit RGB PNG with text rasterised from the embedded font.
    Png,
}

impl ImageFormat {
    /// The format named by `path`'s extension (`.svg` or `.png`, any letter case) in which
    /// Fig. 1(b),(c) or 2(b),(c) is written.
    ///
    /// # Errors
    /// [`FigureError::UnknownFormat`] for any other or a missing extension.
    ///
    /// # Examples
    /// ```
    /// use steadyent::figures::ImageFormat;
    /// assert_eq!(ImageFormat::from_path("fig1b.PNG".as_ref()).unwrap(), ImageFormat::Png);
    /// assert!(ImageFormat::from_path("fig1b.pdf".as_ref()).is_err());
    /// ```
    pub fn from_path(path: &Path) -> Result<Self, FigureError> {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("svg") => Ok(ImageFormat::Svg),
            Some("png") => Ok(ImageFormat::Png),
            _ => Err(FigureError::UnknownFormat {
                path: path.display().to_string(),
            }),
        }
    }
}

/// Something that draws itself on a plotters drawing area of any backend.
pub(crate) trait Figure {
    /// Canvas size in pixels (width, height).
    fn size(&self) -> (u32, u32);

    /// Draws the whole figure on `root`, setting labels as `mode` says.
    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        mode: TextMode,
    ) -> Result<(), FigureError>;
}

/// Renders `figure` in memory and returns the encoded file contents.
pub(crate) fn render(figure: &impl Figure, format: ImageFormat) -> Result<Vec<u8>, FigureError> {
    font::register();
    let (width, height) = figure.size();
    match format {
        ImageFormat::Svg => {
            let mut svg = String::new();
            {
                let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
                figure.draw(&root, TextMode::Strings)?;
                root.present().map_err(drawing)?;
            }
            Ok(svg.into_bytes())
        }
        ImageFormat::Png => {
            let mut rgb = vec![0u8; width as usize * height as usize * 3];
            {
                let root =
                    BitMapBackend::with_buffer(&mut rgb, (width, height)).into_drawing_area();
                figure.draw(&root, TextMode::Glyphs)?;
                root.present().map_err(drawing)?;
            }
            encode_png(&rgb, width, height)
        }
    }
}

/// Encodes an RGB buffer as PNG (no timestamps or other varying chunks: same pixels, same bytes).
fn encode_png(rgb: &[u8], width: u32, height: u32) -> Result<Vec<u8>, FigureError> {
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(drawing)?;
    writer.write_image_data(rgb).map_err(drawing)?;
    writer.finish().map_err(drawing)?;
    Ok(bytes)
}

/// Writes a rendered figure (Fig. 1b,c or 2b,c) to `path` atomically (see
/// [`write_atomically`]).
///
/// # Errors
/// [`FigureError::Write`] naming the path and the operating system's reason.
pub fn write_figure(path: &Path, bytes: &[u8]) -> Result<(), FigureError> {
    write_atomically(path, bytes)
}

/// Writes `bytes` (a figure, or a sweep's CSV/JSON) to `path` atomically: they go to a
/// temporary file in the same folder, which is renamed over `path` only when complete, so a
/// failure leaves nothing behind.
///
/// # Errors
/// [`FigureError::Write`] naming the path and the operating system's reason.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), FigureError> {
    let fail = |reason: String| FigureError::Write {
        path: path.display().to_string(),
        reason,
    };
    if path.is_dir() {
        return Err(fail("it is a directory".into()));
    }
    let name = path
        .file_name()
        .ok_or_else(|| fail("no file name".into()))?;
    let mut temporary_name = std::ffi::OsString::from(".");
    temporary_name.push(name);
    temporary_name.push(format!(".{}.tmp", std::process::id()));
    let temporary = path.with_file_name(temporary_name);
    let result = std::fs::write(&temporary, bytes).and_then(|()| std::fs::rename(&temporary, path));
    if let Err(e) = result {
        // The temporary file may not exist (e.g. the folder is missing); nothing else to undo.
        let _ = std::fs::remove_file(&temporary);
        return Err(fail(e.to_string()));
    }
    Ok(())
}
