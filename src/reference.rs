//! Certified reference values of the diamond model (Eq. 3–6) at many points — from a points
//! file or an exact grid — for authors of other solvers to test against.

use rayon::prelude::*;
use rug::Rational;
use thiserror::Error;

use std::io::BufRead;

use crate::decimal::{ExtendedRational, ParseNumberError, excerpt, parse_extended};
use crate::diamond::result::{DiamondHeader, DiamondPoint, DiamondTable, Mode};
use crate::diamond::{CertifiedDiamond, DiamondError, DiamondSystem, MAX_ABS_BETA, beta_in_range};
use crate::operators::LadderConvention;

/// Most points one run accepts (about 10 s of work at 50 digits on two cores).
pub const MAX_POINTS: usize = 100_000;

/// Longest line of a points file, in bytes (two exact decimals of a few hundred digits fit;
/// a longer line is rejected as soon as it is seen, without reading the rest of it).
pub const MAX_LINE_BYTES: usize = 4096;

/// Most bytes read from a points file (`MAX_POINTS` rows of about 160 bytes, comments
/// included): an endless input (a pipe, `/dev/zero`) is cut off here.
pub const MAX_INPUT_BYTES: u64 = 16 << 20;

/// Why a set of points could not be read.
#[derive(Debug, Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum PointsError {
    /// A row is malformed.
    #[error("line {line}: {message}; expected rows 'beta_a,beta_s' of exact decimals or inf/-inf")]
    Line {
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// A line longer than [`MAX_LINE_BYTES`].
    #[error("line {line} is longer than {MAX_LINE_BYTES} bytes; expected rows 'beta_a,beta_s'")]
    LineTooLong {
        /// 1-based line number.
        line: usize,
    },
    /// A line that is not UTF-8 text.
    #[error("line {line} is not UTF-8 text; expected rows 'beta_a,beta_s'")]
    NotText {
        /// 1-based line number.
        line: usize,
    },
    /// More input than [`MAX_INPUT_BYTES`].
    #[error(
        "more than {MAX_INPUT_BYTES} bytes of input; at most {MAX_POINTS} rows 'beta_a,beta_s' \
         are read (split the input)"
    )]
    TooLarge,
    /// The input could not be read.
    #[error("cannot be read: {0}")]
    Read(String),
    /// More rows than [`MAX_POINTS`].
    #[error("more than {MAX_POINTS} points in one run; use fewer points (split the input)")]
    TooMany,
    /// No data rows.
    #[error("no points (the file has no 'beta_a,beta_s' rows)")]
    Empty,
    /// A grid specification is malformed.
    #[error(
        "'{text}' is not a grid axis; expected FROM:TO:COUNT with exact decimals and 1 ≤ COUNT ≤ {MAX_POINTS} (e.g. -4:4:9)"
    )]
    Grid {
        /// What was given.
        text: String,
    },
}

/// One input point: exact inverse temperatures (Eq. 3) and their text as printed back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Point {
    /// `β_A`.
    pub beta_a: ExtendedRational,
    /// `β_S`.
    pub beta_s: ExtendedRational,
}

/// Reads a points file: rows `beta_a,beta_s` (exact decimals, `inf`, `-inf`). A UTF-8 byte
/// order mark, CRLF line ends, blank lines, `#` comments and a `beta_a,beta_s` header are
/// accepted; anything else is an error naming the line.
///
/// # Errors
/// [`PointsError`] naming the first bad line, or too many / no rows.
pub fn parse_points(text: &str) -> Result<Vec<Point>, PointsError> {
    read_points(text.as_bytes())
}

/// [`parse_points`] streamed from `reader`, bounded: at most [`MAX_INPUT_BYTES`] bytes,
/// lines of at most [`MAX_LINE_BYTES`] bytes and [`MAX_POINTS`] rows are read, each checked as
/// it arrives, so an endless or binary input fails at once with the line it stopped at.
///
/// # Errors
/// As [`parse_points`], plus [`PointsError::LineTooLong`], [`PointsError::NotText`],
/// [`PointsError::TooLarge`] and [`PointsError::Read`].
pub fn read_points(mut reader: impl BufRead) -> Result<Vec<Point>, PointsError> {
    let mut points = Vec::new();
    let mut raw: Vec<u8> = Vec::with_capacity(128);
    let (mut line, mut total) = (1, 0u64);
    let row = |raw: &[u8], line: usize, points: &mut Vec<Point>| {
        let text = std::str::from_utf8(raw).map_err(|_| PointsError::NotText { line })?;
        let text = if line == 1 {
            text.strip_prefix('\u{feff}').unwrap_or(text)
        } else {
            text
        };
        if let Some(point) = parse_row(text, line, points.is_empty())? {
            if points.len() == MAX_POINTS {
                return Err(PointsError::TooMany);
            }
            points.push(point);
        }
        Ok(())
    };
    loop {
        let buffer = reader
            .fill_buf()
            .map_err(|e| PointsError::Read(e.to_string()))?;
        if buffer.is_empty() {
            if !raw.is_empty() {
                row(&raw, line, &mut points)?;
            }
            break;
        }
        if raw.is_empty() {
            // A run of blank lines is skipped in one step (an endless stream of them, too).
            let blanks = buffer.iter().take_while(|&&b| b == b'\n').count();
            if blanks > 0 {
                reader.consume(blanks);
                line += blanks;
                total += blanks as u64;
                if total > MAX_INPUT_BYTES {
                    return Err(PointsError::TooLarge);
                }
                continue;
            }
        }
        let (taken, ends_line) = match buffer.iter().position(|&b| b == b'\n') {
            Some(k) => (k, true),
            None => (buffer.len(), false),
        };
        if raw.len() + taken > MAX_LINE_BYTES {
            return Err(PointsError::LineTooLong { line });
        }
        raw.extend_from_slice(&buffer[..taken]);
        let consumed = taken + usize::from(ends_line);
        reader.consume(consumed);
        total += consumed as u64;
        if total > MAX_INPUT_BYTES {
            return Err(PointsError::TooLarge);
        }
        if ends_line {
            row(&raw, line, &mut points)?;
            raw.clear();
            line += 1;
        }
    }
    if points.is_empty() {
        return Err(PointsError::Empty);
    }
    Ok(points)
}

/// One line of a points file: `None` for a blank line, a comment or (before the first row) the
/// header.
fn parse_row(raw: &str, line: usize, first: bool) -> Result<Option<Point>, PointsError> {
    let row = raw.trim_end_matches(['\n', '\r']).trim();
    if row.is_empty() || row.starts_with('#') {
        return Ok(None);
    }
    let fields: Vec<&str> = row.split(',').map(str::trim).collect();
    if first && fields == ["beta_a", "beta_s"] {
        return Ok(None);
    }
    if fields.len() != 2 {
        return Err(PointsError::Line {
            line,
            message: format!("{} fields", fields.len()),
        });
    }
    let parse = |f: &str| {
        let beta = parse_extended(f).map_err(|e: ParseNumberError| PointsError::Line {
            line,
            message: e.to_string(),
        })?;
        if beta_in_range(&beta) {
            Ok(beta)
        } else {
            Err(PointsError::Line {
                line,
                message: format!(
                    "'{}' is beyond ±{MAX_ABS_BETA:e} (use inf or -inf for the limit)",
                    excerpt(f)
                ),
            })
        }
    };
    Ok(Some(Point {
        beta_a: parse(fields[0])?,
        beta_s: parse(fields[1])?,
    }))
}

/// One axis of an exact grid: `count` equally spaced exact rationals from `from` to `to`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GridAxis {
    /// First value.
    pub from: Rational,
    /// Last value.
    pub to: Rational,
    /// Number of values (1 gives `from` alone).
    pub count: usize,
}

impl GridAxis {
    /// Parses `FROM:TO:COUNT`.
    ///
    /// # Errors
    /// [`PointsError::Grid`] for anything else.
    pub fn parse(text: &str) -> Result<Self, PointsError> {
        let bad = || PointsError::Grid {
            text: text.to_string(),
        };
        let parts: Vec<&str> = text.split(':').collect();
        let [from, to, count] = parts.as_slice() else {
            return Err(bad());
        };
        let from = crate::decimal::parse_decimal(from).map_err(|_| bad())?;
        let to = crate::decimal::parse_decimal(to).map_err(|_| bad())?;
        let count: usize = count.trim().parse().map_err(|_| bad())?;
        if count == 0 || count > MAX_POINTS {
            return Err(bad());
        }
        Ok(GridAxis { from, to, count })
    }

    /// The exact values `from + k (to − from)/(count − 1)`.
    pub fn values(&self) -> Vec<Rational> {
        if self.count == 1 {
            return vec![self.from.clone()];
        }
        let step = Rational::from(&self.to - &self.from) / (self.count as u64 - 1);
        (0..self.count)
            .map(|k| &self.from + Rational::from(&step * k as u64))
            .collect()
    }
}

/// The exact grid `β_A × β_S` (row-major in `β_A`).
///
/// # Errors
/// [`PointsError::TooMany`] when the grid has more than [`MAX_POINTS`] points.
pub fn grid(beta_a: &GridAxis, beta_s: &GridAxis) -> Result<Vec<Point>, PointsError> {
    if beta_a.count.saturating_mul(beta_s.count) > MAX_POINTS {
        return Err(PointsError::TooMany);
    }
    let s_values = beta_s.values();
    Ok(beta_a
        .values()
        .into_iter()
        .flat_map(|a| {
            s_values.iter().map(move |s| Point {
                beta_a: ExtendedRational::Finite(a.clone()),
                beta_s: ExtendedRational::Finite(s.clone()),
            })
        })
        .collect())
}

/// Certified values (Eq. 3–6) at every point to `digits` significant digits, in input order,
/// computed on all cores.
///
/// # Errors
/// The first failing point's index and error (e.g. the precision cap for extreme β).
pub fn certify_points(
    system: &DiamondSystem,
    points: &[Point],
    digits: usize,
) -> Result<Vec<CertifiedDiamond>, (usize, DiamondError)> {
    points
        .par_iter()
        .enumerate()
        .map(|(k, p)| {
            system
                .certify(&p.beta_a, &p.beta_s, digits)
                .map_err(|e| (k, e))
        })
        .collect()
}

/// The document of `steadyent reference --format json` (and of the Python binding's
/// `reference()`): every point certified (Eq. 3–6) to `digits` digits on all cores
/// ([`certify_points`]), commuting qubit operators, in input order.
///
/// # Errors
/// The first failing point's index and error, as [`certify_points`].
pub fn certify_table(
    system: &DiamondSystem,
    points: &[Point],
    digits: usize,
) -> Result<DiamondTable, (usize, DiamondError)> {
    let values = certify_points(system, points, digits)?;
    Ok(DiamondTable {
        header: DiamondHeader::new(LadderConvention::CommutingQubits, Mode::Certified),
        points: points
            .par_iter()
            .zip(&values)
            .map(|(p, c)| DiamondPoint::certified(&p.beta_a, &p.beta_s, c, digits))
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_file_tolerates_bom_crlf_blank_lines_and_header() {
        let text = "\u{feff}beta_a,beta_s\r\n\r\n-2,3.5\r\n# comment\n inf , -inf \n";
        let points = parse_points(text).unwrap();
        assert_eq!(points.len(), 2);
        assert_eq!(points[1].beta_a, ExtendedRational::PosInfinity);
    }

    #[test]
    fn malformed_rows_name_their_line() {
        let err = parse_points("beta_a,beta_s\n1,2\n1,2,3\n").unwrap_err();
        assert_eq!(
            err,
            PointsError::Line {
                line: 3,
                message: "3 fields".into()
            }
        );
        assert!(matches!(
            parse_points("1,x"),
            Err(PointsError::Line { line: 1, .. })
        ));
        assert_eq!(parse_points("\n# nothing\n"), Err(PointsError::Empty));
    }

    #[test]
    fn grid_values_are_exact() {
        let axis = GridAxis::parse("-1:1:4").unwrap();
        assert_eq!(
            axis.values(),
            vec![
                Rational::from(-1),
                Rational::from((-1, 3)),
                Rational::from((1, 3)),
                Rational::from(1)
            ]
        );
        assert!(GridAxis::parse("1:2").is_err());
        assert!(GridAxis::parse("1:2:0").is_err());
    }
}
