//! The embedded DejaVu Sans font (assets/fonts, Bitstream Vera licence): PNG text never
//! depends on the fonts a machine has installed.

use std::sync::OnceLock;

use ab_glyph::FontRef;
use plotters::style::FontStyle;

/// The family name every figure uses. SVG files name it too (`font-family="sans-serif"`), so
/// an SVG viewer substitutes its own sans-serif face while PNG files carry DejaVu Sans pixels.
pub const FAMILY: &str = "sans-serif";

/// DejaVu Sans 2.37, unmodified (see `assets/fonts/LICENSE-DejaVu.txt`).
static DEJAVU_SANS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// Registers the embedded font under [`FAMILY`] with plotters, once per process, for the
/// text of every figure (Fig. 1b,c and 2b,c). Every renderer calls this first; calling it
/// again is free.
///
/// # Panics
/// Never: the embedded file is a valid TrueType font (checked by the tests that render).
pub fn register() {
    static REGISTERED: OnceLock<()> = OnceLock::new();
    REGISTERED.get_or_init(|| {
        let registered = plotters::style::register_font(FAMILY, FontStyle::Normal, DEJAVU_SANS);
        assert!(
            registered.is_ok(),
            "the embedded DejaVu Sans is a valid TrueType font"
        );
    });
}

/// The embedded font parsed for metrics (advances, kerning, side bearings) and per-glyph layout
/// of the labels of Fig. 1(b),(c) and 2(b),(c).
///
/// # Panics
/// Never: the embedded file is a valid TrueType font.
pub fn dejavu_sans() -> &'static FontRef<'static> {
    static FONT: OnceLock<FontRef<'static>> = OnceLock::new();
    FONT.get_or_init(|| {
        FontRef::try_from_slice(DEJAVU_SANS).expect("the embedded DejaVu Sans is a valid font")
    })
}
