//! Rigorous interval arithmetic on f64 at hardware speed: every IEEE-754 operation is correctly
//! rounded, so widening its result by one ulp on each side encloses the exact value. The Fig. 1
//! sweep (Eq. 4 and Eq. 6 on millions of points) prints only digits these enclosures decide.

use rug::float::Round;
use rug::{Float, Rational};

use crate::arith::{Arith, Enclosure};

/// A closed interval `[lo, hi]` of reals with f64 ends, `lo ≤ hi`, containing the true value.
///
/// Each `+ − × ÷ √` computes the round-to-nearest result of the ends and moves it one ulp
/// outward ([`f64::next_down`], [`f64::next_up`]): round-to-nearest is off by at most half an
/// ulp, so the exact result stays inside (also at overflow, where the ends become `±∞`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval64 {
    lo: f64,
    hi: f64,
}

/// The exact rational `q` rounded down and up to f64.
fn bounds(q: &Rational) -> (f64, f64) {
    (
        Float::with_val_round(53, q, Round::Down).0.to_f64(),
        Float::with_val_round(53, q, Round::Up).0.to_f64(),
    )
}

impl Interval64 {
    /// The point `[x, x]` (exact: `x` is the value meant, e.g. a grid's `β`).
    pub fn point(x: f64) -> Self {
        Interval64 { lo: x, hi: x }
    }

    /// The interval `[lo, hi]` from ends already known to enclose a value (e.g. an MPFR
    /// enclosure rounded outward to f64).
    ///
    /// # Panics
    /// When `lo > hi` or an end is NaN (not an interval).
    pub fn from_bounds(lo: f64, hi: f64) -> Self {
        assert!(lo <= hi, "an interval needs lo <= hi, got [{lo}, {hi}]");
        Interval64 { lo, hi }
    }

    /// A value inside the enclosure: its midpoint (`0` for an exact zero).
    pub fn midpoint(&self) -> f64 {
        if self.lo == self.hi {
            self.lo
        } else {
            self.lo / 2.0 + self.hi / 2.0
        }
    }

    /// The tightest f64 enclosure of the rational `q`.
    pub fn from_rational(q: &Rational) -> Self {
        let (lo, hi) = bounds(q);
        Interval64 { lo, hi }
    }

    /// A certified enclosure of `e^x` for the exact f64 `x` (MPFR with directed rounding; the
    /// platform's `exp` carries no error bound).
    pub fn exp_of(x: f64) -> Self {
        let x = Float::with_val(53, x);
        Interval64 {
            lo: Float::with_val_round(53, x.exp_ref(), Round::Down)
                .0
                .to_f64(),
            hi: Float::with_val_round(53, x.exp_ref(), Round::Up).0.to_f64(),
        }
    }

    /// Lower end.
    pub fn lo(&self) -> f64 {
        self.lo
    }

    /// Upper end.
    pub fn hi(&self) -> f64 {
        self.hi
    }

    /// Whether both ends are exactly zero.
    pub fn is_exact_zero(&self) -> bool {
        self.lo == 0.0 && self.hi == 0.0
    }

    /// Whether `0 ∈ [lo, hi]`.
    pub fn contains_zero(&self) -> bool {
        self.lo <= 0.0 && self.hi >= 0.0
    }

    /// `−a` (exact).
    pub fn neg(&self) -> Self {
        Interval64 {
            lo: -self.hi,
            hi: -self.lo,
        }
    }

    /// `|a|`.
    pub fn abs(&self) -> Self {
        if self.lo >= 0.0 {
            *self
        } else if self.hi <= 0.0 {
            self.neg()
        } else {
            Interval64 {
                lo: 0.0,
                hi: self.hi.max(-self.lo),
            }
        }
    }

    /// `√a` for `a ≥ 0` (a lower end below zero is clamped to 0), or `None` when the interval
    /// lies entirely below zero.
    pub fn sqrt(&self) -> Option<Self> {
        if self.hi < 0.0 {
            return None;
        }
        let lo = if self.lo <= 0.0 {
            0.0
        } else {
            down(self.lo.sqrt())
        };
        Some(Interval64 {
            lo,
            hi: up(self.hi.sqrt()),
        })
    }

    /// `self ∩ other`, for two enclosures of the same value (`None` if they are disjoint,
    /// which would mean one of them is wrong).
    pub fn intersect(&self, other: &Self) -> Option<Self> {
        let (lo, hi) = (self.lo.max(other.lo), self.hi.min(other.hi));
        (lo <= hi).then_some(Interval64 { lo, hi })
    }

    /// Whether both ends are finite.
    pub fn is_finite(&self) -> bool {
        self.lo.is_finite() && self.hi.is_finite()
    }
}

/// One ulp down: below any round-to-nearest result's exact value.
fn down(x: f64) -> f64 {
    x.next_down()
}

/// One ulp up: above any round-to-nearest result's exact value.
fn up(x: f64) -> f64 {
    x.next_up()
}

impl Arith for Interval64 {
    type Magnitude = f64;

    fn lift(&self, q: &Rational) -> Self {
        Interval64::from_rational(q)
    }

    fn plus(&self, other: &Self) -> Self {
        if self.is_exact_zero() {
            return *other;
        }
        if other.is_exact_zero() {
            return *self;
        }
        Interval64 {
            lo: down(self.lo + other.lo),
            hi: up(self.hi + other.hi),
        }
    }

    fn minus(&self, other: &Self) -> Self {
        self.plus(&other.neg())
    }

    fn times(&self, other: &Self) -> Self {
        if self.is_exact_zero() || other.is_exact_zero() {
            return Interval64::point(0.0);
        }
        let products = [
            self.lo * other.lo,
            self.lo * other.hi,
            self.hi * other.lo,
            self.hi * other.hi,
        ];
        let (lo, hi) = products
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &p| {
                (lo.min(p), hi.max(p))
            });
        Interval64 {
            lo: down(lo),
            hi: up(hi),
        }
    }

    fn over(&self, other: &Self) -> Option<Self> {
        if other.contains_zero() || !other.is_finite() {
            return None;
        }
        if self.is_exact_zero() {
            return Some(*self);
        }
        let quotients = [
            self.lo / other.lo,
            self.lo / other.hi,
            self.hi / other.lo,
            self.hi / other.hi,
        ];
        let (lo, hi) = quotients
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &q| {
                (lo.min(q), hi.max(q))
            });
        Some(Interval64 {
            lo: down(lo),
            hi: up(hi),
        })
    }

    fn is_exact_zero(&self) -> bool {
        Interval64::is_exact_zero(self)
    }

    fn pivot_magnitude(&self) -> Option<f64> {
        (!self.contains_zero() && self.is_finite()).then(|| (self.lo + self.hi).abs())
    }

    /// Rump's verified solve instead of interval elimination (which overestimates by the
    /// wrapping effect, like `e^{|β_A| + |β_S|}` on the diamond model): see [`verified_solve`].
    fn solve_system(a: Vec<Vec<Self>>, b: Vec<Self>) -> Option<Vec<Self>> {
        verified_solve(&a, &b)
    }
}

/// `Σ_k a_k · x_k` of intervals.
fn dot(a: impl Iterator<Item = Interval64>, x: impl Iterator<Item = Interval64>) -> Interval64 {
    a.zip(x)
        .fold(Interval64::point(0.0), |acc, (a, x)| acc.plus(&a.times(&x)))
}

/// Encloses the solution of `A x = b` for every `A ∈ [A]`, `b ∈ [b]` by Rump's a-posteriori
/// verification (Rump, "Verification methods", Acta Numerica 19, 287–449 (2010), Thm. 10.7):
/// with an approximate solution `x̃` and an approximate inverse `R` of the midpoint matrix (f64
/// LU), `z = R(b − A x̃)` and `C = I − R A` in interval arithmetic; if `z + C·Y ⊂ int(Y)` for an
/// interval vector `Y` (found by ε-inflation), then `A` is non-singular and the solution lies in
/// `x̃ + z + C·Y`. The enclosure's width is then about the rounding error of `x̃` itself.
///
/// Returns `None` when the verification fails (a singular or too ill-conditioned system).
pub fn verified_solve(a: &[Vec<Interval64>], b: &[Interval64]) -> Option<Vec<Interval64>> {
    use nalgebra::{DMatrix, DVector};
    let n = b.len();
    let mid = DMatrix::from_fn(n, n, |i, j| a[i][j].midpoint());
    let lu = mid.clone().lu();
    let inverse = lu.try_inverse()?;
    let mut x = lu.solve(&DVector::from_fn(n, |i, _| b[i].midpoint()))?;
    // One step of refinement in f64 sharpens x̃; the verification below does not rely on it.
    let residual = DVector::from_fn(n, |i, _| {
        b[i].midpoint() - (0..n).map(|j| mid[(i, j)] * x[j]).sum::<f64>()
    });
    x += &inverse * residual;
    if x.iter().chain(inverse.iter()).any(|v| !v.is_finite()) {
        return None;
    }
    let point = Interval64::point;
    let r: Vec<Interval64> = (0..n)
        .map(|i| b[i].minus(&dot(a[i].iter().copied(), x.iter().map(|&v| point(v)))))
        .collect();
    let z: Vec<Interval64> = (0..n)
        .map(|i| dot((0..n).map(|k| point(inverse[(i, k)])), r.iter().copied()))
        .collect();
    let c: Vec<Vec<Interval64>> = (0..n)
        .map(|i| {
            (0..n)
                .map(|j| {
                    let ra = dot(
                        (0..n).map(|k| point(inverse[(i, k)])),
                        (0..n).map(|k| a[k][j]),
                    );
                    point(if i == j { 1.0 } else { 0.0 }).minus(&ra)
                })
                .collect()
        })
        .collect();
    let mut y = z.clone();
    for _ in 0..10 {
        // ε-inflation: widen Y a little and by the smallest normal number.
        let inflated: Vec<Interval64> = y
            .iter()
            .map(|v| {
                let w = 0.1 * (v.hi - v.lo) + f64::MIN_POSITIVE;
                Interval64 {
                    lo: down(v.lo - w),
                    hi: up(v.hi + w),
                }
            })
            .collect();
        let next: Vec<Interval64> = (0..n)
            .map(|i| z[i].plus(&dot(c[i].iter().copied(), inflated.iter().copied())))
            .collect();
        let inside = next
            .iter()
            .zip(&inflated)
            .all(|(v, w)| v.lo > w.lo && v.hi < w.hi);
        if inside {
            return Some(
                next.iter()
                    .zip(x.iter())
                    .map(|(v, &xi)| point(xi).plus(v))
                    .collect(),
            );
        }
        y = next;
    }
    None
}

impl Enclosure for Interval64 {
    fn magnitude(&self) -> Self {
        self.abs()
    }
    fn square_root(&self) -> Option<Self> {
        self.sqrt()
    }
    fn is_nonpositive(&self) -> bool {
        self.hi <= 0.0
    }
    fn is_strictly_positive(&self) -> bool {
        self.lo > 0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Products, quotients and sums of exactly representable ends enclose the exact rational
    /// results, and an exact zero stays exact.
    #[test]
    fn operations_enclose_exact_results() {
        let third = Interval64::from_rational(&Rational::from((1, 3)));
        let exact = Rational::from((1, 3));
        assert!(Rational::from_f64(third.lo()).unwrap() < exact);
        assert!(Rational::from_f64(third.hi()).unwrap() > exact);
        let one = third.plus(&third).plus(&third);
        assert!(one.lo() < 1.0 && one.hi() > 1.0);
        let q = Interval64::point(1.0)
            .over(&Interval64::point(3.0))
            .unwrap()
            .times(&Interval64::point(-3.0));
        assert!(q.lo() < -1.0 && q.hi() > -1.0);
        assert!(Interval64::point(0.0).times(&third).is_exact_zero());
        assert!(
            Interval64::point(1.0)
                .over(&Interval64::point(0.0))
                .is_none()
        );
        let e = Interval64::exp_of(1.0);
        assert!(e.lo() < std::f64::consts::E.next_up() && e.hi() > std::f64::consts::E.next_down());
        assert!(e.hi() - e.lo() <= 2.0 * f64::EPSILON * 3.0);
    }
}
