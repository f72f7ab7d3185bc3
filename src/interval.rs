//! Rigorous interval arithmetic on MPFR floats (outward rounding), so that every decimal digit
//! steadyent prints for a quantity of Eq. (3)–(6) is certified by an enclosure.

use rug::float::Round;
use rug::{Float, Rational};

/// A closed interval `[lo, hi]` of reals with MPFR endpoints, `lo ≤ hi`. Every operation
/// rounds the lower end down and the upper end up, so the true value always stays inside.
#[derive(Clone, Debug, PartialEq)]
pub struct Interval {
    lo: Float,
    hi: Float,
}

impl Interval {
    /// The degenerate interval `[x, x]` for a value exactly representable at `prec` bits, or
    /// the tightest enclosure of the rational `x` otherwise.
    pub fn from_rational(x: &Rational, prec: u32) -> Self {
        Interval {
            lo: Float::with_val_round(prec, x, Round::Down).0,
            hi: Float::with_val_round(prec, x, Round::Up).0,
        }
    }

    /// The exact integer `n`.
    pub fn from_i64(n: i64, prec: u32) -> Self {
        Self::from_rational(&Rational::from(n), prec)
    }

    /// Lower end.
    pub fn lo(&self) -> &Float {
        &self.lo
    }

    /// Upper end.
    pub fn hi(&self) -> &Float {
        &self.hi
    }

    /// Working precision in bits.
    pub fn prec(&self) -> u32 {
        self.lo.prec().max(self.hi.prec())
    }

    /// Whether `0 ∈ [lo, hi]`.
    pub fn contains_zero(&self) -> bool {
        self.lo <= 0 && self.hi >= 0
    }

    /// Whether both ends are exactly zero.
    pub fn is_exact_zero(&self) -> bool {
        self.lo.is_zero() && self.hi.is_zero()
    }

    /// Whether the interval lies strictly above zero.
    pub fn is_positive(&self) -> bool {
        self.lo > 0
    }

    /// Whether the interval lies strictly below zero.
    pub fn is_negative(&self) -> bool {
        self.hi < 0
    }

    /// The smallest `|x|` over the interval.
    pub fn mag_lower(&self) -> Float {
        if self.contains_zero() {
            Float::new(self.prec())
        } else if self.lo > 0 {
            self.lo.clone()
        } else {
            Float::with_val(self.prec(), -&self.hi)
        }
    }

    /// Midpoint magnitude, for pivot choice (not a bound).
    pub fn mid_abs(&self) -> Float {
        let mut m = Float::with_val(self.prec(), &self.lo + &self.hi);
        m.abs_mut();
        m
    }

    /// Width `hi − lo`, rounded up.
    pub fn width(&self) -> Float {
        Float::with_val_round(self.prec(), &self.hi - &self.lo, Round::Up).0
    }

    /// `a + b`.
    pub fn add(&self, other: &Interval) -> Interval {
        let p = self.prec().max(other.prec());
        Interval {
            lo: Float::with_val_round(p, &self.lo + &other.lo, Round::Down).0,
            hi: Float::with_val_round(p, &self.hi + &other.hi, Round::Up).0,
        }
    }

    /// `a − b`.
    pub fn sub(&self, other: &Interval) -> Interval {
        let p = self.prec().max(other.prec());
        Interval {
            lo: Float::with_val_round(p, &self.lo - &other.hi, Round::Down).0,
            hi: Float::with_val_round(p, &self.hi - &other.lo, Round::Up).0,
        }
    }

    /// `−a` (exact).
    pub fn neg(&self) -> Interval {
        Interval {
            lo: Float::with_val(self.lo.prec(), -&self.hi),
            hi: Float::with_val(self.hi.prec(), -&self.lo),
        }
    }

    /// `a · b`, by the sign cases of the ends (two directed-rounding products unless both
    /// intervals straddle zero).
    pub fn mul(&self, other: &Interval) -> Interval {
        let p = self.prec().max(other.prec());
        let down = |a: &Float, b: &Float| Float::with_val_round(p, a * b, Round::Down).0;
        let up = |a: &Float, b: &Float| Float::with_val_round(p, a * b, Round::Up).0;
        let (a, b) = (self, other);
        let sign = |x: &Interval| {
            if x.lo >= 0 {
                1
            } else if x.hi <= 0 {
                -1
            } else {
                0
            }
        };
        let (lo, hi) = match (sign(a), sign(b)) {
            (1, 1) => (down(&a.lo, &b.lo), up(&a.hi, &b.hi)),
            (1, -1) => (down(&a.hi, &b.lo), up(&a.lo, &b.hi)),
            (-1, 1) => (down(&a.lo, &b.hi), up(&a.hi, &b.lo)),
            (-1, -1) => (down(&a.hi, &b.hi), up(&a.lo, &b.lo)),
            (1, 0) => (down(&a.hi, &b.lo), up(&a.hi, &b.hi)),
            (-1, 0) => (down(&a.lo, &b.hi), up(&a.lo, &b.lo)),
            (0, 1) => (down(&a.lo, &b.hi), up(&a.hi, &b.hi)),
            (0, -1) => (down(&a.hi, &b.lo), up(&a.lo, &b.lo)),
            _ => {
                let lo1 = down(&a.lo, &b.hi);
                let lo2 = down(&a.hi, &b.lo);
                let hi1 = up(&a.lo, &b.lo);
                let hi2 = up(&a.hi, &b.hi);
                (
                    if lo1 <= lo2 { lo1 } else { lo2 },
                    if hi1 >= hi2 { hi1 } else { hi2 },
                )
            }
        };
        Interval { lo, hi }
    }

    /// `a / b`, or `None` when `0 ∈ b`.
    pub fn div(&self, other: &Interval) -> Option<Interval> {
        if other.contains_zero() {
            return None;
        }
        let p = self.prec().max(other.prec());
        let recip = Interval {
            lo: Float::with_val_round(p, 1 / &other.hi, Round::Down).0,
            hi: Float::with_val_round(p, 1 / &other.lo, Round::Up).0,
        };
        Some(self.mul(&recip))
    }

    /// `√a` for `a ≥ 0` (a lower end below zero, from rounding, is clamped to 0), or `None` when
    /// the interval lies entirely below zero.
    pub fn sqrt(&self) -> Option<Interval> {
        if self.hi < 0 {
            return None;
        }
        let p = self.prec();
        let lo = if self.lo <= 0 {
            Float::new(p)
        } else {
            Float::with_val_round(p, self.lo.sqrt_ref(), Round::Down).0
        };
        Some(Interval {
            lo,
            hi: Float::with_val_round(p, self.hi.sqrt_ref(), Round::Up).0,
        })
    }

    /// `exp(a)` (monotone).
    pub fn exp(&self) -> Interval {
        let p = self.prec();
        Interval {
            lo: Float::with_val_round(p, self.lo.exp_ref(), Round::Down).0,
            hi: Float::with_val_round(p, self.hi.exp_ref(), Round::Up).0,
        }
    }

    /// `ln(a)` for `a > 0`, or `None`.
    pub fn ln(&self) -> Option<Interval> {
        if !self.is_positive() {
            return None;
        }
        let p = self.prec();
        Some(Interval {
            lo: Float::with_val_round(p, self.lo.ln_ref(), Round::Down).0,
            hi: Float::with_val_round(p, self.hi.ln_ref(), Round::Up).0,
        })
    }

    /// `|a|`.
    pub fn abs(&self) -> Interval {
        if self.lo >= 0 {
            self.clone()
        } else if self.hi <= 0 {
            self.neg()
        } else {
            let hi = if -self.lo.clone() > self.hi {
                Float::with_val(self.prec(), -&self.lo)
            } else {
                self.hi.clone()
            };
            Interval {
                lo: Float::new(self.prec()),
                hi,
            }
        }
    }

    /// `max(a, b)`.
    pub fn max(&self, other: &Interval) -> Interval {
        let pick = |a: &Float, b: &Float| if a >= b { a.clone() } else { b.clone() };
        Interval {
            lo: pick(&self.lo, &other.lo),
            hi: pick(&self.hi, &other.hi),
        }
    }

    /// Whether the interval is finite at both ends (no overflow, no NaN).
    pub fn is_finite(&self) -> bool {
        self.lo.is_finite() && self.hi.is_finite()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqrt_two_is_enclosed() {
        let two = Interval::from_i64(2, 200);
        let r = two.sqrt().unwrap();
        let sq = r.mul(&r);
        assert!(sq.lo <= 2 && sq.hi >= 2);
        assert!(r.width() < Float::with_val(200, Float::i_exp(1, -190)));
    }

    /// Every sign case of `mul` encloses all products of the ends (checked against the
    /// four-product definition on exact small intervals).
    #[test]
    fn multiplication_sign_cases_enclose_all_end_products() {
        let p = 64;
        let ends = [-3i64, -1, 0, 2, 5];
        for &a0 in &ends {
            for &a1 in ends.iter().filter(|&&x| x >= a0) {
                for &b0 in &ends {
                    for &b1 in ends.iter().filter(|&&x| x >= b0) {
                        let a = Interval::from_i64(a0, p).add(&Interval::from_i64(0, p));
                        let a = Interval {
                            lo: a.lo,
                            hi: Float::with_val(p, a1),
                        };
                        let b = Interval {
                            lo: Float::with_val(p, b0),
                            hi: Float::with_val(p, b1),
                        };
                        let m = a.mul(&b);
                        let products = [a0 * b0, a0 * b1, a1 * b0, a1 * b1];
                        assert_eq!(m.lo, *products.iter().min().unwrap());
                        assert_eq!(m.hi, *products.iter().max().unwrap());
                    }
                }
            }
        }
    }

    #[test]
    fn exp_ln_round_trip_encloses() {
        let x = Interval::from_rational(&Rational::from((-7, 3)), 128);
        let y = x.exp().ln().unwrap();
        let target = Rational::from((-7, 3));
        assert!(y.lo <= target && y.hi >= target);
    }
}
