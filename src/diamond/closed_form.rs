//! Eq. (4)–(5), the paper's closed form of the steady-state concurrence, written once against
//! [`Arith`]: evaluated in MPFR intervals for certified values, in rational functions of
//! `α, σ` for the symbolic limits and the proofs.

use crate::arith::Arith;
use crate::interval::Interval;

/// The pieces of Eq. (5) at `α = e^{β_A}`, `σ = e^{β_S}`.
///
/// # Formula
/// ```text
/// 𝒮 = α + σ,  𝒜 = α − σ,  𝒫 = ασ,
/// d = 1 + 𝒮² + 𝒮(𝒫 + 3)/2 − 𝒫,
/// N1 = |𝒜 (𝒮/2 − 1)|,   N2² = (𝒮/2 + 1)[2𝒮² + 2𝒫(𝒮 − 2)]        (Eq. 5)
/// ```
/// (the transcript's "𝒜 = exp(β_A) exp(β_S)" lost its minus sign.)
#[derive(Clone, Debug, PartialEq)]
pub struct Eq5<T> {
    /// `d`.
    pub d: T,
    /// `𝒜 (𝒮/2 − 1)`, whose modulus is `N1`.
    pub n1_signed: T,
    /// `N2²`, the radicand of `N2`.
    pub n2_squared: T,
}

/// Eq. (5)'s `d`, `𝒜(𝒮/2 − 1)` and `N2²` from `α` and `σ`, in the arithmetic of the inputs;
/// `None` only where a halving is undecided (never for intervals or rational functions).
pub fn eq5<T: Arith>(alpha: &T, sigma: &T) -> Option<Eq5<T>> {
    let int = |n| alpha.int(n);
    let s = alpha.plus(sigma);
    let a = alpha.minus(sigma);
    let prod = alpha.times(sigma);
    let half_s = s.over(&int(2))?;
    let n1_signed = a.times(&half_s.minus(&int(1)));
    let n2_squared = half_s.plus(&int(1)).times(
        &int(2)
            .times(&s.times(&s))
            .plus(&int(2).times(&prod).times(&s.minus(&int(2)))),
    );
    let d = int(1)
        .plus(&s.times(&s))
        .plus(&s.times(&prod.plus(&int(3))).over(&int(2))?)
        .minus(&prod);
    Some(Eq5 {
        d,
        n1_signed,
        n2_squared,
    })
}

/// Eq. (4)–(5): the paper's closed form of the steady-state concurrence, as an enclosure.
///
/// # Formula
/// ```text
/// C_SS = max{0, (N1 − N2)/d}     (Eq. 4, with N1, N2, d of Eq. 5, see [`eq5`])
/// ```
/// Inputs are enclosures of `α = e^{β_A}` and `σ = e^{β_S}`. Returns `None` when the sign of
/// `N1 − N2` or of `d` is not decided at this precision.
pub fn closed_form_concurrence(alpha: &Interval, sigma: &Interval) -> Option<Interval> {
    let Eq5 {
        d,
        n1_signed,
        n2_squared,
    } = eq5(alpha, sigma)?;
    let numerator = n1_signed.abs().sub(&n2_squared.sqrt()?);
    if numerator.hi() < &0 || numerator.is_exact_zero() {
        return Some(alpha.int(0));
    }
    if !numerator.is_positive() {
        return None;
    }
    numerator.div(&d)
}

/// `max{0, √r1 − √r2}` from enclosures of `r1 = (N1/d)²` and `r2 = (N2/d)²` (Eq. 4–5), the form
/// in which the closed form's `β → ±∞` limits are taken; `None` when a value or the sign is not
/// decided at this precision.
pub fn closed_form_from_squares(r1: Option<Interval>, r2: Option<Interval>) -> Option<Interval> {
    let (n1, n2) = (r1?.sqrt()?, r2?.sqrt()?);
    let difference = n1.sub(&n2);
    if difference.hi() < &0 || difference.is_exact_zero() {
        Some(Interval::from_i64(0, difference.prec()))
    } else if difference.is_positive() {
        Some(difference)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::poly::RatFunc;
    use rug::Rational;

    /// The one formula, evaluated as rational functions, matches its value at a rational point.
    #[test]
    fn one_formula_in_both_arithmetics() {
        let symbolic = eq5(&RatFunc::var(0), &RatFunc::var(1)).unwrap();
        let (a, s) = (Rational::from((1, 7)), Rational::from(9));
        let point = [a.clone(), s.clone(), Rational::new(), Rational::new()];
        let enclosed = eq5(
            &Interval::from_rational(&a, 200),
            &Interval::from_rational(&s, 200),
        )
        .unwrap();
        for (f, x) in [
            (&symbolic.d, &enclosed.d),
            (&symbolic.n1_signed, &enclosed.n1_signed),
            (&symbolic.n2_squared, &enclosed.n2_squared),
        ] {
            let exact = f.eval(&point).unwrap();
            assert!(*x.lo() <= exact && *x.hi() >= exact);
        }
    }
}
