//! One scalar interface for the formulas steadyent writes once — Eq. (4)–(5) and the sector
//! solve of Eq. (1)–(2) — and the arithmetics they run in: MPFR intervals (certified values),
//! rational functions of `α, σ` (the symbolic derivation and the proofs) and f64 intervals (the
//! Fig. 1 sweep).

use std::cmp::Ordering;

use num_traits::Zero;
use rug::{Float, Rational};

use crate::interval::Interval;
use crate::poly::RatFunc;

/// The arithmetic of an ordered field in which a division, or a sign, may be undecided: exact
/// for [`RatFunc`], enclosing for [`Interval`].
///
/// A formula written against this trait is one formula whatever it is evaluated in; the
/// implementations decide what "zero" and "a usable pivot" mean.
pub trait Arith: Clone {
    /// Ordering key of a pivot candidate (larger is better).
    type Magnitude: PartialOrd;
    /// The exact rational `q` in the arithmetic of `self` (an interval at `self`'s precision,
    /// a constant rational function).
    fn lift(&self, q: &Rational) -> Self;
    /// The integer `n` in the arithmetic of `self`.
    fn int(&self, n: i64) -> Self {
        self.lift(&Rational::from(n))
    }
    /// `self + other`.
    fn plus(&self, other: &Self) -> Self;
    /// `self − other`.
    fn minus(&self, other: &Self) -> Self;
    /// `self · other`.
    fn times(&self, other: &Self) -> Self;
    /// `self / other`, or `None` where `other` is zero (or, for an enclosure, may be).
    fn over(&self, other: &Self) -> Option<Self>;
    /// Whether `self` is exactly zero: structural zeros are skipped by [`solve`] and stay exact.
    fn is_exact_zero(&self) -> bool;
    /// `Some(key)` when `self` can be a pivot (provably non-zero), with its ordering key.
    fn pivot_magnitude(&self) -> Option<Self::Magnitude>;
    /// Solves the square system `A x = b` in this arithmetic ([`solve`] by default: exact for
    /// rational functions, an enclosure for intervals); `None` when it cannot be decided.
    fn solve_system(a: Vec<Vec<Self>>, b: Vec<Self>) -> Option<Vec<Self>> {
        solve(a, b)
    }
}

/// An [`Arith`] whose values are enclosures of reals, with the operations that need a decided
/// sign: what the X-state concurrence and Eq. (4) take beyond a field's operations.
pub trait Enclosure: Arith {
    /// `|self|`.
    fn magnitude(&self) -> Self;
    /// `√self`, or `None` when the enclosure lies entirely below zero.
    fn square_root(&self) -> Option<Self>;
    /// Whether every value of the enclosure is `≤ 0`.
    fn is_nonpositive(&self) -> bool;
    /// Whether every value of the enclosure is `> 0`.
    fn is_strictly_positive(&self) -> bool;
}

impl Enclosure for Interval {
    fn magnitude(&self) -> Self {
        self.abs()
    }
    fn square_root(&self) -> Option<Self> {
        self.sqrt()
    }
    fn is_nonpositive(&self) -> bool {
        self.hi() < &0 || self.hi().is_zero()
    }
    fn is_strictly_positive(&self) -> bool {
        self.is_positive()
    }
}

impl Arith for Interval {
    type Magnitude = Float;
    fn lift(&self, q: &Rational) -> Self {
        Interval::from_rational(q, self.prec())
    }
    fn plus(&self, other: &Self) -> Self {
        self.add(other)
    }
    fn minus(&self, other: &Self) -> Self {
        self.sub(other)
    }
    fn times(&self, other: &Self) -> Self {
        self.mul(other)
    }
    fn over(&self, other: &Self) -> Option<Self> {
        self.div(other)
    }
    fn is_exact_zero(&self) -> bool {
        Interval::is_exact_zero(self)
    }
    fn pivot_magnitude(&self) -> Option<Float> {
        (!self.contains_zero()).then(|| self.mid_abs())
    }
}

impl Arith for RatFunc {
    type Magnitude = ();
    fn lift(&self, q: &Rational) -> Self {
        RatFunc::constant(q.clone())
    }
    fn plus(&self, other: &Self) -> Self {
        self + other
    }
    fn minus(&self, other: &Self) -> Self {
        self - other
    }
    fn times(&self, other: &Self) -> Self {
        self * other
    }
    fn over(&self, other: &Self) -> Option<Self> {
        (!other.is_zero()).then(|| self / other)
    }
    fn is_exact_zero(&self) -> bool {
        self.is_zero()
    }
    fn pivot_magnitude(&self) -> Option<()> {
        (!self.is_zero()).then_some(())
    }
}

/// Solves the square system `A x = b` by Gaussian elimination, pivoting on the candidate of
/// largest [`Arith::pivot_magnitude`] (the last of equals). Exact zeros are skipped and stay
/// exact, so structural sparsity is preserved.
///
/// Returns `None` when no usable pivot is left in a column: the matrix is singular, or (for
/// enclosures) the working precision is too low to tell — the caller raises it and retries.
pub fn solve<T: Arith>(mut a: Vec<Vec<T>>, mut b: Vec<T>) -> Option<Vec<T>> {
    let n = b.len();
    for col in 0..n {
        let pivot = (col..n)
            .filter_map(|r| a[r][col].pivot_magnitude().map(|m| (r, m)))
            .max_by(|(_, m), (_, k)| m.partial_cmp(k).unwrap_or(Ordering::Equal))
            .map(|(r, _)| r)?;
        a.swap(col, pivot);
        b.swap(col, pivot);
        let (upper, lower) = a.split_at_mut(col + 1);
        let pivot_row = &upper[col];
        for (offset, row) in lower.iter_mut().enumerate() {
            if row[col].is_exact_zero() {
                continue;
            }
            let factor = row[col].over(&pivot_row[col])?;
            for (entry, pivot_entry) in row.iter_mut().zip(pivot_row).skip(col) {
                if !pivot_entry.is_exact_zero() {
                    *entry = entry.minus(&factor.times(pivot_entry));
                }
            }
            let r = col + 1 + offset;
            b[r] = b[r].minus(&factor.times(&b[col]));
        }
    }
    let mut x = vec![b.first()?.int(0); n];
    for row in (0..n).rev() {
        let mut acc = b[row].clone();
        for c in row + 1..n {
            if !a[row][c].is_exact_zero() {
                acc = acc.minus(&a[row][c].times(&x[c]));
            }
        }
        x[row] = acc.over(&a[row][row])?;
    }
    Some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interval_solve_encloses_rational_solution() {
        // [[2, 1], [1, 3]] x = [1, 2]  →  x = (1/5, 3/5)
        let p = 100;
        let i = |n| Interval::from_i64(n, p);
        let x = solve(vec![vec![i(2), i(1)], vec![i(1), i(3)]], vec![i(1), i(2)]).unwrap();
        let want = [Rational::from((1, 5)), Rational::from((3, 5))];
        for (xi, w) in x.iter().zip(&want) {
            assert!(*xi.lo() <= *w && *xi.hi() >= *w);
        }
        assert!(solve(vec![vec![i(1), i(2)], vec![i(2), i(4)]], vec![i(1), i(1)]).is_none());
    }

    #[test]
    fn rational_function_solve_is_exact() {
        // [[α, 1], [1, 1]] x = [1, 0]  →  x = (1/(α − 1), −1/(α − 1))
        let alpha = RatFunc::var(0);
        let one = alpha.int(1);
        let x = solve(
            vec![
                vec![alpha.clone(), one.clone()],
                vec![one.clone(), one.clone()],
            ],
            vec![one.clone(), one.int(0)],
        )
        .unwrap();
        let expected = (&alpha - &one).recip().unwrap();
        assert_eq!(x[0], expected);
        assert_eq!(x[1], -expected);
    }
}
