//! Exact decimal and rational input (no f64 rounding of what the user typed) and certified
//! decimal output: a digit is printed only when the enclosure of the value decides it.

use rug::float::Round;
use rug::{Integer, Rational};
use thiserror::Error;

use crate::interval::Interval;

/// Largest decimal exponent accepted in input (`1e1000`); larger ones are rejected rather
/// than expanded into enormous exact rationals.
pub const MAX_DECIMAL_EXPONENT: i64 = 1000;

/// Why a number could not be parsed.
#[derive(Debug, Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParseNumberError {
    /// Not of the accepted form.
    #[error("'{text}' is not {expected}")]
    Malformed {
        /// What was given.
        text: String,
        /// What is accepted, in words.
        expected: &'static str,
    },
    /// The decimal exponent is out of range.
    #[error("'{text}' has a decimal exponent beyond ±{MAX_DECIMAL_EXPONENT}")]
    ExponentRange {
        /// What was given.
        text: String,
    },
    /// A rational with zero denominator.
    #[error("'{text}' has a zero denominator")]
    ZeroDenominator {
        /// What was given.
        text: String,
    },
}

/// Longest value quoted whole in an error message; a longer one is cut (see [`excerpt`]).
pub const MAX_QUOTED_CHARS: usize = 40;

/// `text` for quoting in a one-line error: whole when at most [`MAX_QUOTED_CHARS`] characters,
/// else its first 32 characters, `…` and its length, so that a huge bad value (a 10 MB line)
/// never floods the error.
///
/// # Examples
/// ```
/// use steadyent::decimal::excerpt;
/// assert_eq!(excerpt("1.5x"), "1.5x");
/// assert_eq!(excerpt(&"9".repeat(100)), format!("{}… (100 bytes)", "9".repeat(32)));
/// ```
pub fn excerpt(text: &str) -> String {
    if text.chars().count() <= MAX_QUOTED_CHARS {
        return text.to_string();
    }
    let head: String = text.chars().take(32).collect();
    format!("{head}… ({} bytes)", text.len())
}

/// An extended real read exactly from text: a rational or `±∞`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExtendedRational {
    /// A finite exact value.
    Finite(Rational),
    /// `+∞`.
    PosInfinity,
    /// `−∞`.
    NegInfinity,
}

impl std::fmt::Display for ExtendedRational {
    /// The exact text of an input: its terminating decimal expansion, `p/q` otherwise, `inf`,
    /// `-inf` (the form every command prints a `β` in).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExtendedRational::Finite(q) => f.write_str(&exact_decimal(q)),
            ExtendedRational::PosInfinity => f.write_str("inf"),
            ExtendedRational::NegInfinity => f.write_str("-inf"),
        }
    }
}

const DECIMAL_FORM: &str =
    "an exact decimal number such as -2, 3.5 or 1.25e-3 (or inf / -inf where allowed)";
const RATIONAL_FORM: &str = "an exact rational such as 3/4, 0.125 or 2e-3";

/// Parses an exact decimal `[+-]digits[.digits][e[+-]digits]` into a rational, exactly.
///
/// # Errors
/// [`ParseNumberError`] for anything else (NaN, hex, empty, `1e99999`, …).
///
/// # Examples
/// ```
/// use rug::Rational;
/// use steadyent::decimal::parse_decimal;
/// assert_eq!(parse_decimal("-1.25e-1").unwrap(), Rational::from((-1, 8)));
/// assert!(parse_decimal("nan").is_err());
/// ```
pub fn parse_decimal(text: &str) -> Result<Rational, ParseNumberError> {
    let malformed = || ParseNumberError::Malformed {
        text: excerpt(text),
        expected: DECIMAL_FORM,
    };
    let s = text.trim();
    let (negative, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(k) => (&body[..k], Some(&body[k + 1..])),
        None => (body, None),
    };
    let (int_part, frac_part) = match mantissa.split_once('.') {
        Some((i, f)) => (i, f),
        None => (mantissa, ""),
    };
    let all_digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if (int_part.is_empty() && frac_part.is_empty())
        || !all_digits(int_part)
        || !all_digits(frac_part)
    {
        return Err(malformed());
    }
    let exp: i64 = match exponent {
        None => 0,
        Some(e) => {
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || !all_digits(digits) || digits.len() > 6 {
                return Err(if digits.len() > 6 && all_digits(digits) {
                    ParseNumberError::ExponentRange {
                        text: excerpt(text),
                    }
                } else {
                    malformed()
                });
            }
            e.parse().map_err(|_| malformed())?
        }
    };
    let scale = exp - frac_part.len() as i64;
    if exp.abs() > MAX_DECIMAL_EXPONENT || scale.abs() > MAX_DECIMAL_EXPONENT + 10_000 {
        return Err(ParseNumberError::ExponentRange {
            text: excerpt(text),
        });
    }
    let digits = format!("{int_part}{frac_part}");
    let mut value = Rational::from(
        Integer::from_str_radix(if digits.is_empty() { "0" } else { &digits }, 10)
            .map_err(|_| malformed())?,
    );
    let ten_pow = Integer::from(Integer::u_pow_u(10, scale.unsigned_abs() as u32));
    if scale >= 0 {
        value *= ten_pow;
    } else {
        value /= ten_pow;
    }
    if negative {
        value = -value;
    }
    Ok(value)
}

/// Parses an exact decimal or `inf`, `+inf`, `-inf` (also `infinity`).
///
/// # Errors
/// [`ParseNumberError`] for anything else.
pub fn parse_extended(text: &str) -> Result<ExtendedRational, ParseNumberError> {
    match text.trim().to_ascii_lowercase().as_str() {
        "inf" | "+inf" | "infinity" | "+infinity" => Ok(ExtendedRational::PosInfinity),
        "-inf" | "-infinity" => Ok(ExtendedRational::NegInfinity),
        _ => parse_decimal(text).map(ExtendedRational::Finite),
    }
}

/// Parses an exact rational `p/q` (integers) or an exact decimal.
///
/// # Errors
/// [`ParseNumberError`] for malformed input or a zero denominator.
///
/// # Examples
/// ```
/// use rug::Rational;
/// use steadyent::decimal::parse_rational;
/// assert_eq!(parse_rational("-6/8").unwrap(), Rational::from((-3, 4)));
/// assert_eq!(parse_rational("0.5").unwrap(), Rational::from((1, 2)));
/// assert!(parse_rational("1/0").is_err());
/// ```
pub fn parse_rational(text: &str) -> Result<Rational, ParseNumberError> {
    let s = text.trim();
    let Some((p, q)) = s.split_once('/') else {
        return parse_decimal(s).map_err(|e| match e {
            ParseNumberError::Malformed { text, .. } => ParseNumberError::Malformed {
                text,
                expected: RATIONAL_FORM,
            },
            other => other,
        });
    };
    let int = |t: &str| {
        let t = t.trim();
        let digits = t.strip_prefix(['+', '-']).unwrap_or(t);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Integer::from_str_radix(t.trim_start_matches('+'), 10).ok()
    };
    let malformed = || ParseNumberError::Malformed {
        text: excerpt(text),
        expected: RATIONAL_FORM,
    };
    let (p, q) = (int(p).ok_or_else(malformed)?, int(q).ok_or_else(malformed)?);
    if q == 0 {
        return Err(ParseNumberError::ZeroDenominator {
            text: excerpt(text),
        });
    }
    Ok(Rational::from((p, q)))
}

/// The exact decimal expansion of `q` when it terminates (denominator `2^a 5^b`), else `p/q`.
pub fn exact_decimal(q: &Rational) -> String {
    let mut den = q.denom().clone();
    let (mut twos, mut fives) = (0u32, 0u32);
    while den.is_divisible_u(2) {
        den /= 2;
        twos += 1;
    }
    while den.is_divisible_u(5) {
        den /= 5;
        fives += 1;
    }
    if den != 1 {
        return q.to_string();
    }
    let places = twos.max(fives);
    let scaled = Rational::from(q * Integer::from(Integer::u_pow_u(10, places)))
        .numer()
        .clone();
    let (sign, digits) = if scaled < 0 {
        ("-", (-scaled).to_string())
    } else {
        ("", scaled.to_string())
    };
    if places == 0 {
        return format!("{sign}{digits}");
    }
    let places = places as usize;
    let padded = format!("{digits:0>width$}", width = places + 1);
    let (int, frac) = padded.split_at(padded.len() - places);
    format!("{sign}{int}.{frac}")
}

/// The decimal text of `x` to `digits` significant digits, correctly rounded, or `None` when
/// the enclosure is too wide to decide every digit (the caller retries at higher precision).
///
/// An exact-zero enclosure prints `0`. Positional notation is used for decimal exponents in
/// `[-5, 6]`, scientific (`1.25e-12`) otherwise.
pub fn certified_decimal(x: &Interval, digits: usize) -> Option<String> {
    if x.is_exact_zero() {
        return Some("0".to_string());
    }
    if x.contains_zero() || !x.is_finite() {
        return None;
    }
    let round = |f: &rug::Float| f.to_sign_string_exp_round(10, Some(digits), Round::Nearest);
    let lo = round(x.lo());
    let hi = round(x.hi());
    if lo != hi {
        return None;
    }
    let (negative, mantissa, exp) = lo;
    let exp = exp.unwrap_or(0) as i64 - 1;
    Some(format_digits(negative, &mantissa, exp))
}

/// Most significant digits an f64 enclosure is printed with: 17 decimal digits tell any two
/// f64 apart, so no enclosure with f64 ends decides more.
pub const MAX_F64_DIGITS: usize = 17;

/// `|x|` rounded to `digits` (1–17) significant decimal digits as `(m, e)`, the integer
/// mantissa `10^(digits−1) ≤ m < 10^digits` and decimal exponent `e` of `m · 10^(e−digits+1)`
/// (`(0, 0)` for zero). Rust's `{:.*e}` prints the exact binary value correctly rounded, so
/// this is the correctly rounded decimal of `|x|`.
fn round_significant(x: f64, digits: usize) -> (u64, i64) {
    use std::io::Write;
    let mut buffer = [0u8; 48];
    let free = {
        let mut cursor = &mut buffer[..];
        write!(cursor, "{:.*e}", digits - 1, x.abs()).expect("at most 25 bytes");
        cursor.len()
    };
    let text = &buffer[..buffer.len() - free];
    let split = text
        .iter()
        .position(|&b| b == b'e')
        .expect("scientific notation");
    let mantissa = text[..split]
        .iter()
        .filter(|b| b.is_ascii_digit())
        .fold(0u64, |m, &b| m * 10 + u64::from(b - b'0'));
    let exponent = std::str::from_utf8(&text[split + 1..])
        .ok()
        .and_then(|e| e.parse().ok())
        .expect("an integer exponent");
    (mantissa, exponent)
}

/// `|x|` rounded to `digits ≤ 17` significant digits, from `full`, its rounding to 17 digits:
/// a digit string cut short rounds like the exact value unless the cut-off tail is exactly
/// half a unit (where `full` may itself have been rounded onto the tie), and then `|x|` is
/// rounded afresh. (Every rounding boundary at `digits < 17` digits has at most 17 significant
/// digits, so `|x|` lies on one only when `full` does.)
fn round_from(full: (u64, i64), x: f64, digits: usize) -> (u64, i64) {
    if digits == MAX_F64_DIGITS {
        return full;
    }
    let (mantissa, exponent) = full;
    let unit = 10u64.pow((MAX_F64_DIGITS - digits) as u32);
    let (kept, tail) = (mantissa / unit, mantissa % unit);
    let kept = match tail.cmp(&(unit / 2)) {
        std::cmp::Ordering::Less => kept,
        std::cmp::Ordering::Greater => kept + 1,
        std::cmp::Ordering::Equal => return round_significant(x, digits),
    };
    if kept == 10u64.pow(digits as u32) {
        (kept / 10, exponent + 1)
    } else {
        (kept, exponent)
    }
}

/// The decision of [`decided_digits`]: sign, mantissa, exponent and number of digits.
struct Decided {
    negative: bool,
    mantissa: u64,
    exponent: i64,
    digits: usize,
}

/// The largest `d ≤ max_digits` at which `lo` and `hi` round to the same `d`-digit decimal.
fn decide(lo: f64, hi: f64, max_digits: usize) -> Option<Decided> {
    if lo == 0.0 && hi == 0.0 {
        return Some(Decided {
            negative: false,
            mantissa: 0,
            exponent: 0,
            digits: 1,
        });
    }
    if !(lo.is_finite() && hi.is_finite()) || lo > hi || (lo <= 0.0 && hi >= 0.0) {
        return None;
    }
    let max_digits = max_digits.clamp(1, MAX_F64_DIGITS);
    let (full_lo, full_hi) = (
        round_significant(lo, MAX_F64_DIGITS),
        round_significant(hi, MAX_F64_DIGITS),
    );
    // Both ends round to one d-digit decimal D only if [lo, hi] fits in D's rounding cell,
    // at most 10^(e−d+1) wide for 10^e ≤ max(|lo|, |hi|): so d ≤ log10(max / width) + 1. One
    // more digit covers the rounding of the estimate; agreement is not monotone in d
    // ([0.1249, 0.1251] agrees at 3 digits, not at 2), so every d from there down is tried.
    let magnitude = lo.abs().max(hi.abs());
    let width = hi - lo;
    let upper = if width > 0.0 {
        ((magnitude / width).log10().floor() + 2.0).clamp(1.0, max_digits as f64) as usize
    } else {
        max_digits
    };
    (1..=upper).rev().find_map(|digits| {
        let (a, b) = (
            round_from(full_lo, lo, digits),
            round_from(full_hi, hi, digits),
        );
        (a == b).then_some(Decided {
            negative: hi < 0.0,
            mantissa: a.0,
            exponent: a.1,
            digits,
        })
    })
}

/// The number of significant digits [`decided_decimal`] prints for the real enclosed by
/// `[lo, hi]` (without forming the text): the largest `d ≤ max_digits` at which both ends
/// round to the same `d`-digit decimal; `1` for an exact zero; `None` when no `d` does (the
/// sign, or even the leading digit, is undecided).
///
/// # Examples
/// ```
/// use steadyent::decimal::decided_digits;
/// assert_eq!(decided_digits(0.1249, 0.1251, 17), Some(3));
/// assert_eq!(decided_digits(-1e-20, 1e-20, 17), None);
/// ```
pub fn decided_digits(lo: f64, hi: f64, max_digits: usize) -> Option<usize> {
    decide(lo, hi, max_digits).map(|d| d.digits)
}

/// Whether [`decided_decimal`] prints `[lo, hi]` (at up to 17 digits): `decided_digits(lo, hi,
/// 17).is_some()`, answered without formatting for an enclosure narrower than 1/256 of its
/// smaller end. Such an interval decides one or two digits: take `a = min(|lo|, |hi|)`,
/// `10^j ≤ a < 10^(j+1)`, width `w < a/200 < 10^(j−1)/2`. If no 1-digit rounding boundary
/// `(k + ½)·10^j` lies in it, both ends round alike to 1 digit (the next decade's first
/// boundary, `1.5·10^(j+1)`, is beyond `1.005·a`); if one does, it is the 2-digit number
/// `(10k + 5)·10^(j−1)`, and every point within `w < 10^(j−1)/2` of it rounds to it at 2 digits.
pub fn decides_a_digit(lo: f64, hi: f64) -> bool {
    let smaller = lo.abs().min(hi.abs());
    // 256·w is exact, and above 200·w by more than the rounding of `hi − lo`.
    let narrow = lo.is_finite() && hi.is_finite() && (lo > 0.0 || hi < 0.0) && {
        (hi - lo) * 256.0 < smaller
    };
    narrow || decided_digits(lo, hi, MAX_F64_DIGITS).is_some()
}

/// The decimal text of the real enclosed by `[lo, hi]` (f64 ends, e.g. an
/// [`crate::interval64::Interval64`]) to as many significant digits `d` as both ends round to
/// alike, the largest such `d ≤ max_digits` (≤ 17), with `d`. Rounding to `d` digits is
/// monotone, so every real in `[lo, hi]` — the enclosed value too — rounds to the printed
/// decimal: it is the value correctly rounded to `d` significant digits, within half a unit of
/// its `d`-th significant digit. An exact zero (`lo = hi = 0`) prints `0`; `None` when not even
/// one digit (or the sign) is decided. Same notation as [`certified_decimal`], except that a
/// number whose integer part would need zeros after its `d` digits is scientific (`1.2e2`, not
/// `120`), so the printed digits are exactly the `d` decided ones.
///
/// # Examples
/// ```
/// use steadyent::decimal::decided_decimal;
/// assert_eq!(decided_decimal(0.333_333_1, 0.333_333_4, 17), Some(("0.333333".into(), 6)));
/// // Not monotone in the digits: both ends round to 0.125, not to one 2-digit decimal.
/// assert_eq!(decided_decimal(0.1249, 0.1251, 17), Some(("0.125".into(), 3)));
/// assert_eq!(decided_decimal(0.0, 0.0, 17), Some(("0".into(), 1)));
/// assert_eq!(decided_decimal(118.7, 121.2, 17), Some(("1.2e2".into(), 2)));
/// assert_eq!(decided_decimal(-1e-20, 1e-20, 17), None);
/// ```
pub fn decided_decimal(lo: f64, hi: f64, max_digits: usize) -> Option<(String, usize)> {
    let d = decide(lo, hi, max_digits)?;
    if d.mantissa == 0 {
        return Some(("0".to_string(), 1));
    }
    let mantissa = d.mantissa.to_string();
    // Zeros holding places (`120` for 1.2·10²) would read as decided digits: scientific then.
    let text = if d.exponent >= d.digits as i64 {
        scientific_digits(d.negative, &mantissa, d.exponent)
    } else {
        format_digits(d.negative, &mantissa, d.exponent)
    };
    Some((text, d.digits))
}

/// Formats `±d.ddd × 10^exp` given the significant digits `ddd…`.
fn format_digits(negative: bool, mantissa: &str, exp: i64) -> String {
    let sign = if negative { "-" } else { "" };
    if (-5..=6).contains(&exp) {
        if exp < 0 {
            let zeros = "0".repeat((-exp - 1) as usize);
            format!("{sign}0.{zeros}{mantissa}")
        } else {
            let e = exp as usize;
            if mantissa.len() > e + 1 {
                format!("{sign}{}.{}", &mantissa[..=e], &mantissa[e + 1..])
            } else {
                format!("{sign}{mantissa}{}", "0".repeat(e + 1 - mantissa.len()))
            }
        }
    } else {
        scientific_digits(negative, mantissa, exp)
    }
}

/// Formats `±d.ddd × 10^exp` as `±d.ddde<exp>` given the significant digits `ddd…`.
fn scientific_digits(negative: bool, mantissa: &str, exp: i64) -> String {
    let sign = if negative { "-" } else { "" };
    let (first, rest) = mantissa.split_at(1);
    if rest.is_empty() {
        format!("{sign}{first}e{exp}")
    } else {
        format!("{sign}{first}.{rest}e{exp}")
    }
}

/// Ziv's strategy, the one precision-raising loop of steadyent: `attempt(prec)` at `start`,
/// `2·start`, `4·start`, … bits while the precision is at most `max`; the first `Some` is the
/// answer, with the precision that gave it. `Ok(None)` when `max` is passed first (including
/// `start > max`); an `Err` from `attempt` stops at once.
///
/// # Errors
/// The first error `attempt` returns.
///
/// # Examples
/// ```
/// use steadyent::decimal::{certified_decimal, raise_precision};
/// use steadyent::interval::Interval;
/// let third = |prec| Interval::from_i64(1, prec).div(&Interval::from_i64(3, prec));
/// let found = raise_precision(8, 1024, |prec| {
///     Ok::<_, ()>(third(prec).and_then(|x| certified_decimal(&x, 30)))
/// });
/// assert_eq!(found.unwrap().unwrap().0, "0.333333333333333333333333333333");
/// ```
pub fn raise_precision<T, E>(
    start: u32,
    max: u32,
    mut attempt: impl FnMut(u32) -> Result<Option<T>, E>,
) -> Result<Option<(T, u32)>, E> {
    let mut prec = start.max(2);
    while prec <= max {
        if let Some(value) = attempt(prec)? {
            return Ok(Some((value, prec)));
        }
        match prec.checked_mul(2) {
            Some(next) => prec = next,
            None => break,
        }
    }
    Ok(None)
}

/// Starting precision in bits for `digits` decimal digits (with 32 guard bits).
pub fn initial_precision(digits: usize) -> u32 {
    (digits as f64 * std::f64::consts::LOG2_10).ceil() as u32 + 32
}

/// Highest working precision tried before giving up on certifying a digit string.
pub fn max_precision(digits: usize) -> u32 {
    initial_precision(digits) * 16 + 4096
}

/// An exact rational as a decimal string, rounded (half away from zero) to `digits`
/// significant digits by exact integer arithmetic.
pub fn rational_to_decimal(q: &Rational, digits: usize) -> String {
    if q.is_zero() {
        return "0".to_string();
    }
    let digits = digits.max(1);
    let abs = Rational::from(q.abs_ref());
    let ten = |k: i64| -> Rational {
        let p = Rational::from(Integer::u_pow_u(10, k.unsigned_abs() as u32));
        if k >= 0 { p } else { p.recip() }
    };
    // exp = ⌊log10 |q|⌋, found from an estimate and corrected exactly.
    let estimate = abs.to_f64().log10();
    let mut exp = if estimate.is_finite() {
        estimate.floor() as i64
    } else {
        let (num, den) = (abs.numer(), abs.denom());
        (num.significant_bits() as i64 - den.significant_bits() as i64) * 3 / 10
    };
    while abs < ten(exp) {
        exp -= 1;
    }
    while abs >= ten(exp + 1) {
        exp += 1;
    }
    let mut scaled = (abs * ten(digits as i64 - 1 - exp)).round();
    if scaled == ten(digits as i64) {
        scaled = ten(digits as i64 - 1);
        exp += 1;
    }
    let mantissa = scaled.numer().to_string();
    format_digits(q.is_negative(), &mantissa, exp)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rug::ops::Pow;

    #[test]
    fn decimals_are_exact() {
        assert_eq!(parse_decimal("3.5").unwrap(), Rational::from((7, 2)));
        assert_eq!(parse_decimal("-2").unwrap(), Rational::from(-2));
        assert_eq!(parse_decimal(".1").unwrap(), Rational::from((1, 10)));
        assert_eq!(parse_decimal("1E3").unwrap(), Rational::from(1000));
        for bad in [
            "",
            "-",
            ".",
            "1.2.3",
            "nan",
            "0x10",
            "1e",
            "1e+",
            "--1",
            "1e99999999",
        ] {
            assert!(parse_decimal(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn certified_printing_rounds_correctly() {
        let third = Interval::from_rational(&Rational::from((1, 3)), 200);
        assert_eq!(certified_decimal(&third, 5).unwrap(), "0.33333");
        let big = Interval::from_rational(&Rational::from((2_000_000_001, 3)), 200);
        assert_eq!(certified_decimal(&big, 4).unwrap(), "6.667e8");
        let small = Interval::from_rational(&Rational::from((-1, 800)), 200);
        assert_eq!(certified_decimal(&small, 3).unwrap(), "-0.00125");
        assert_eq!(rational_to_decimal(&Rational::from(12), 3), "12.0");
        assert_eq!(rational_to_decimal(&Rational::from((7, 2)), 1), "4");
        assert_eq!(rational_to_decimal(&Rational::from((3, 20)), 1), "0.2");
        assert_eq!(
            rational_to_decimal(&Rational::from((-999, 1000)), 2),
            "-1.0"
        );
        assert_eq!(rational_to_decimal(&Rational::from((1, 3)), 3), "0.333");
        assert_eq!(exact_decimal(&Rational::from((-7, 200))), "-0.035");
        assert_eq!(exact_decimal(&Rational::from((7, 2))), "3.5");
        assert_eq!(exact_decimal(&Rational::from(-2)), "-2");
        assert_eq!(exact_decimal(&Rational::from((1, 3))), "1/3");
    }

    /// The largest `d` at which `format!("{:.*e}")` (exact, correctly rounded) prints `lo`
    /// and `hi` alike, by trying every `d`: the definition [`decided_decimal`] implements.
    fn brute_force_digits(lo: f64, hi: f64, max_digits: usize) -> Option<usize> {
        (1..=max_digits)
            .rev()
            .find(|&d| format!("{:.*e}", d - 1, lo) == format!("{:.*e}", d - 1, hi))
    }

    /// The shortcut of `decides_a_digit` never claims a digit that is not decided: on intervals
    /// just inside its width bound, around rounding boundaries of 1 and 2 digits and powers of
    /// ten, every one decides a digit.
    #[test]
    fn narrow_enclosures_decide_a_digit() {
        let mut checked = 0;
        for j in -30..30 {
            for m in 100..1000 {
                // Centres on every 3-digit decimal (so on every 1- and 2-digit boundary).
                let centre = m as f64 * 10f64.powi(j - 2);
                for side in [-1.0, -0.5, 0.0, 0.5, 1.0] {
                    let w = centre / 256.0 * 0.999;
                    let lo = centre + side * w / 2.0 - w / 2.0;
                    let hi = lo + w;
                    if (hi - lo) * 256.0 < lo.abs().min(hi.abs()) {
                        checked += 1;
                        assert!(
                            decided_digits(lo, hi, MAX_F64_DIGITS).is_some(),
                            "[{lo:e}, {hi:e}]"
                        );
                        assert!(decided_digits(-hi, -lo, MAX_F64_DIGITS).is_some());
                    }
                }
            }
        }
        assert!(checked > 100_000, "{checked}");
        assert!(!decides_a_digit(-1e-20, 1e-20) && decides_a_digit(0.0, 0.0));
        assert!(!decides_a_digit(0.0, 1e-300) && decides_a_digit(0.1249, 0.1251));
    }

    /// `decided_decimal` picks the largest agreeing digit count (checked against trying all 17)
    /// on random intervals of every relative width, on ties and across powers of ten, and the
    /// enclosure lies within half a unit of the last printed digit (checked exactly).
    #[test]
    fn decided_digits_are_the_largest_that_agree() {
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut cases = vec![
            (0.124_99, 0.125_01),
            (0.125, 0.125),
            (0.999_96, 1.000_04),
            (9.999_999_999_999_99, 10.000_000_000_000_01),
            (0.0999, 0.1001),
            (-0.125_01, -0.124_99),
            (1.5, 1.5f64.next_up()),
            (f64::MIN_POSITIVE, 2.0 * f64::MIN_POSITIVE),
            (5e-324, 1e-323),
            (39.996, 39.996f64.next_up().next_up()),
        ];
        for _ in 0..20_000 {
            let mantissa = 1.0 + (next() >> 11) as f64 / (1u64 << 53) as f64;
            let x = mantissa * 10f64.powi((next() % 40) as i32 - 20);
            let relative = 10f64.powi(-((next() % 18) as i32)) * ((next() % 1000) as f64 / 1000.0);
            let x = if next() % 2 == 0 { x } else { -x };
            let (a, b) = (x, x + x.abs() * relative);
            cases.push((a.min(b), a.max(b)));
        }
        // A tie at 2 digits, rounded from the value itself (as `{:.1e}` rounds it), not from
        // its 17-digit rounding.
        assert_eq!(
            decided_decimal(0.125, 0.125, 2),
            Some((format!("{:.2}", 0.125), 2))
        );
        for (k, (lo, hi)) in cases.into_iter().enumerate() {
            let max_digits = if k % 3 == 0 {
                1 + k % MAX_F64_DIGITS
            } else {
                MAX_F64_DIGITS
            };
            let expected = brute_force_digits(lo, hi, max_digits);
            let found = decided_decimal(lo, hi, max_digits);
            assert_eq!(found.as_ref().map(|f| f.1), expected, "[{lo:e}, {hi:e}]");
            assert_eq!(decided_digits(lo, hi, max_digits), expected);
            let Some((text, digits)) = found else {
                continue;
            };
            let printed = parse_decimal(&text).unwrap();
            let (lo_q, hi_q) = (
                Rational::from_f64(lo).unwrap(),
                Rational::from_f64(hi).unwrap(),
            );
            // Half a unit of the d-th significant digit: 10^(e−d+1)/2 for 10^e ≤ |D| < 10^(e+1).
            let ten = |k: i32| Rational::from(10).pow(k);
            let magnitude = Rational::from(printed.abs_ref());
            let mut exponent = magnitude.to_f64().log10().floor() as i32;
            while magnitude < ten(exponent) {
                exponent -= 1;
            }
            while magnitude >= ten(exponent + 1) {
                exponent += 1;
            }
            let unit = Rational::from((1, 2)) * ten(exponent - digits as i32 + 1);
            assert!(
                Rational::from(&printed - &unit) <= lo_q
                    && hi_q <= Rational::from(&printed + &unit),
                "{text} ({digits} digits) for [{lo:e}, {hi:e}]"
            );
            let significant = text
                .split('e')
                .next()
                .unwrap()
                .chars()
                .filter(char::is_ascii_digit)
                .collect::<String>();
            // Exactly the decided digits: no zeros holding places.
            assert_eq!(significant.trim_start_matches('0').len(), digits, "{text}");
        }
    }
}
