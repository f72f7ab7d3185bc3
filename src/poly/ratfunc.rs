//! Rational functions over Q in lowest terms: the field the Lindblad builder of Eq. (1)–(2) runs over.
//!
//! [`RatFunc`] implements `num_traits::Num`, so `Complex<RatFunc>` is a [`Ring`]/[`Field`].

use std::fmt;
use std::ops::{
    Add, AddAssign, Div, DivAssign, Mul, MulAssign, Neg, Rem, RemAssign, Sub, SubAssign,
};

use num_complex::Complex;
use num_traits::{Num, One, Zero};
use rug::Rational;

use super::gcd::gcd;
use super::polynomial::Poly;
use crate::interval::Interval;
use crate::ring::{Field, Ring};

/// A rational function `num/den` in lowest terms: `gcd(num, den) = 1` and `den` has integer
/// coprime coefficients with a positive leading coefficient, so equal functions have equal
/// representations (`0 = 0/1`).
#[derive(Clone, PartialEq, Eq)]
pub struct RatFunc {
    num: Poly,
    den: Poly,
}

/// Gaussian rational functions `f + i g`, the scalars of the symbolic Liouvillian.
pub type GaussRatFunc = Complex<RatFunc>;

impl RatFunc {
    /// `num/den` reduced to lowest terms (the form in which ρ_SS of Eq. 1–3 is reported).
    ///
    /// # Panics
    /// When `den` is zero.
    pub fn new(num: Poly, den: Poly) -> Self {
        assert!(!den.is_zero(), "rational function with zero denominator");
        if num.is_zero() {
            return RatFunc::zero();
        }
        let g = gcd(&num, &den);
        let (num, den) = if g.as_constant().is_some() {
            (num, den)
        } else {
            (
                num.div_exact(&g).expect("gcd divides"),
                den.div_exact(&g).expect("gcd divides"),
            )
        };
        let c = den.content();
        let inv = Rational::from(c.recip_ref());
        RatFunc {
            num: num.scale(&inv),
            den: den.scale(&inv),
        }
    }

    /// The polynomial `p` as a rational function.
    pub fn from_poly(p: Poly) -> Self {
        RatFunc::new(p, Poly::one())
    }

    /// The variable `x_index`.
    pub fn var(index: usize) -> Self {
        RatFunc::from_poly(Poly::var(index))
    }

    /// The constant `c`.
    pub fn constant(c: Rational) -> Self {
        RatFunc::from_poly(Poly::constant(c))
    }

    /// Numerator (in lowest terms).
    pub fn numer(&self) -> &Poly {
        &self.num
    }

    /// Denominator (in lowest terms, primitive, positive leading coefficient).
    pub fn denom(&self) -> &Poly {
        &self.den
    }

    /// The polynomial, when the denominator is 1.
    pub fn as_poly(&self) -> Option<&Poly> {
        (self.den == Poly::one()).then_some(&self.num)
    }

    /// The constant value, when the function is constant.
    pub fn as_constant(&self) -> Option<Rational> {
        let n = self.num.as_constant()?;
        let d = self.den.as_constant()?;
        Some(n / d)
    }

    /// The value at a rational point (e.g. Eq. 3's rates), or `None` where the denominator
    /// vanishes.
    pub fn eval(&self, point: &[Rational]) -> Option<Rational> {
        let d = self.den.eval(point);
        (d != 0).then(|| self.num.eval(point) / d)
    }

    /// A certified enclosure of the value on a box, or `None` when the denominator's enclosure
    /// contains zero (see [`Poly::eval_interval`]).
    pub fn eval_interval(&self, point: &[Interval]) -> Option<Interval> {
        self.num
            .eval_interval(point)
            .div(&self.den.eval_interval(point))
    }

    /// `self` with variable `var` replaced by the rational function `value` (e.g. `σ = 1/t` for
    /// the limit `β_S → +∞` of Eq. 3).
    pub fn substitute(&self, var: usize, value: &RatFunc) -> RatFunc {
        let (n, dn) = self.num.substitute_fraction(var, &value.num, &value.den);
        let (d, dd) = self.den.substitute_fraction(var, &value.num, &value.den);
        // num(v)/den(v) = (n / q^dn) / (d / q^dd) = n q^dd / (d q^dn)
        let (n, d) = if dn >= dd {
            (n, &d * &value.den.pow(dn - dd))
        } else {
            (&n * &value.den.pow(dd - dn), d)
        };
        RatFunc::new(n, d)
    }

    /// `self^n`.
    pub fn pow(&self, n: u32) -> RatFunc {
        RatFunc {
            num: self.num.pow(n),
            den: self.den.pow(n),
        }
    }

    /// A displayable form with the given variable names (`α, σ` of Eq. 3).
    pub fn display<'a>(&'a self, names: &'a [&'a str]) -> RatFuncDisplay<'a> {
        RatFuncDisplay { f: self, names }
    }
}

/// Display helper returned by [`RatFunc::display`]: `f = c·P/Q` with `P`, `Q` integer
/// primitive polynomials shown as `±n(P)/(m(Q))` where `c = ±n/m` (factors of 1 omitted).
pub struct RatFuncDisplay<'a> {
    f: &'a RatFunc,
    names: &'a [&'a str],
}

impl fmt::Display for RatFuncDisplay<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.f.num.is_zero() {
            return write!(f, "0");
        }
        let c = self.f.num.content();
        let p = self.f.num.primitive();
        let q = &self.f.den;
        let n = Rational::from(c.abs_ref());
        let (n, m) = (n.numer().clone(), n.denom().clone());
        let has_den = *q != Poly::one() || m != 1;
        let p_text = p.display(self.names).to_string();
        let q_text = q.display(self.names).to_string();
        if c < 0 {
            write!(f, "-")?;
        }
        match (p == Poly::one(), n == 1) {
            (true, _) => write!(f, "{n}")?,
            (false, true) if p.len() > 1 && (has_den || c < 0) => write!(f, "({p_text})")?,
            (false, true) => write!(f, "{p_text}")?,
            (false, false) if p.len() > 1 => write!(f, "{n}({p_text})")?,
            (false, false) => write!(f, "{n}{p_text}")?,
        }
        match (*q == Poly::one(), m == 1) {
            (true, true) => Ok(()),
            (true, false) => write!(f, "/{m}"),
            (false, true) if q.len() > 1 => write!(f, "/({q_text})"),
            (false, true) => write!(f, "/{q_text}"),
            (false, false) if q.len() > 1 => write!(f, "/({m}({q_text}))"),
            (false, false) => write!(f, "/({m}{q_text})"),
        }
    }
}

impl fmt::Debug for RatFunc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.display(&["x0", "x1", "x2", "x3"]))
    }
}

impl Add for RatFunc {
    type Output = RatFunc;
    fn add(self, rhs: RatFunc) -> RatFunc {
        &self + &rhs
    }
}

impl Add for &RatFunc {
    type Output = RatFunc;
    fn add(self, rhs: &RatFunc) -> RatFunc {
        if self.num.is_zero() {
            return rhs.clone();
        }
        if rhs.num.is_zero() {
            return self.clone();
        }
        if self.den == rhs.den {
            return RatFunc::new(&self.num + &rhs.num, self.den.clone());
        }
        RatFunc::new(
            &(&self.num * &rhs.den) + &(&rhs.num * &self.den),
            &self.den * &rhs.den,
        )
    }
}

impl Neg for RatFunc {
    type Output = RatFunc;
    fn neg(self) -> RatFunc {
        RatFunc {
            num: -self.num,
            den: self.den,
        }
    }
}

impl Neg for &RatFunc {
    type Output = RatFunc;
    fn neg(self) -> RatFunc {
        -self.clone()
    }
}

impl Sub for RatFunc {
    type Output = RatFunc;
    fn sub(self, rhs: RatFunc) -> RatFunc {
        &self + &(-rhs)
    }
}

impl Sub for &RatFunc {
    type Output = RatFunc;
    fn sub(self, rhs: &RatFunc) -> RatFunc {
        self + &(-rhs)
    }
}

impl Mul for &RatFunc {
    type Output = RatFunc;
    fn mul(self, rhs: &RatFunc) -> RatFunc {
        self.product(rhs)
    }
}

impl Mul for RatFunc {
    type Output = RatFunc;
    fn mul(self, rhs: RatFunc) -> RatFunc {
        &self * &rhs
    }
}

impl RatFunc {
    /// The product, cross-cancelling common factors.
    fn product(&self, rhs: &RatFunc) -> RatFunc {
        if self.num.is_zero() || rhs.num.is_zero() {
            return RatFunc::zero();
        }
        if self.den == Poly::one() && rhs.den == Poly::one() {
            return RatFunc::from_poly(&self.num * &rhs.num);
        }
        // Cross-cancel first: both factors are already in lowest terms.
        let g1 = gcd(&self.num, &rhs.den);
        let g2 = gcd(&rhs.num, &self.den);
        let q = |p: &Poly, g: &Poly| p.div_exact(g).expect("gcd divides");
        RatFunc::new(
            &q(&self.num, &g1) * &q(&rhs.num, &g2),
            &q(&self.den, &g2) * &q(&rhs.den, &g1),
        )
    }

    /// The multiplicative inverse, `None` for zero.
    pub fn recip(&self) -> Option<RatFunc> {
        (!self.num.is_zero()).then(|| RatFunc::new(self.den.clone(), self.num.clone()))
    }
}

impl Div for RatFunc {
    type Output = RatFunc;
    /// Field division.
    ///
    /// # Panics
    /// On division by zero.
    fn div(self, rhs: RatFunc) -> RatFunc {
        self.product(&rhs.recip().expect("division by the zero rational function"))
    }
}

impl Div for &RatFunc {
    type Output = RatFunc;
    /// Field division.
    ///
    /// # Panics
    /// On division by zero.
    fn div(self, rhs: &RatFunc) -> RatFunc {
        self.product(&rhs.recip().expect("division by the zero rational function"))
    }
}

impl Rem for RatFunc {
    type Output = RatFunc;
    /// In a field every division is exact: the remainder is zero (part of [`Num`]).
    fn rem(self, _rhs: RatFunc) -> RatFunc {
        RatFunc::zero()
    }
}

impl AddAssign for RatFunc {
    fn add_assign(&mut self, rhs: RatFunc) {
        *self = &*self + &rhs;
    }
}

impl SubAssign for RatFunc {
    fn sub_assign(&mut self, rhs: RatFunc) {
        *self = &*self - &rhs;
    }
}

impl MulAssign for RatFunc {
    fn mul_assign(&mut self, rhs: RatFunc) {
        *self = &*self * &rhs;
    }
}

impl DivAssign for RatFunc {
    fn div_assign(&mut self, rhs: RatFunc) {
        *self = std::mem::take(self) / rhs;
    }
}

impl RemAssign for RatFunc {
    fn rem_assign(&mut self, _rhs: RatFunc) {
        *self = RatFunc::zero();
    }
}

impl Default for RatFunc {
    fn default() -> Self {
        RatFunc::zero()
    }
}

impl Zero for RatFunc {
    fn zero() -> Self {
        RatFunc {
            num: Poly::zero(),
            den: Poly::one(),
        }
    }
    fn is_zero(&self) -> bool {
        self.num.is_zero()
    }
}

impl One for RatFunc {
    fn one() -> Self {
        RatFunc::from_poly(Poly::one())
    }
}

impl Num for RatFunc {
    type FromStrRadixErr = rug::rational::ParseRationalError;
    /// Parses a rational constant (`"3/4"`).
    fn from_str_radix(s: &str, radix: u32) -> Result<Self, Self::FromStrRadixErr> {
        Rational::from_str_radix(s, radix as i32).map(RatFunc::constant)
    }
}

impl Ring for GaussRatFunc {
    fn imag_unit() -> Self {
        Complex::new(RatFunc::zero(), RatFunc::one())
    }
    fn conj(&self) -> Self {
        Complex::conj(self)
    }
    fn from_ratio(num: i64, den: u64) -> Self {
        Complex::new(
            RatFunc::constant(Rational::from((num, den))),
            RatFunc::zero(),
        )
    }
}

impl Field for GaussRatFunc {
    fn inv(&self) -> Option<Self> {
        if self.is_zero() {
            return None;
        }
        let norm = &(&self.re * &self.re) + &(&self.im * &self.im);
        let inv_norm = norm.recip()?;
        Some(Complex::new(&self.re * &inv_norm, -(&self.im * &inv_norm)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::poly::polynomial::MAX_VARS;
    use proptest::prelude::*;

    /// A random polynomial in two variables of degree ≤ 2 in each, coefficients in −3..=3.
    fn small_poly() -> impl Strategy<Value = Poly> {
        proptest::collection::vec(-3i64..=3, 9).prop_map(|c| {
            let mut p = Poly::zero();
            for (k, v) in c.into_iter().enumerate() {
                let mut e = [0; MAX_VARS];
                e[0] = (k / 3) as u32;
                e[1] = (k % 3) as u32;
                p += &Poly::monomial(Rational::from(v), e);
            }
            p
        })
    }

    proptest! {
        /// Field identities hold exactly and results stay in lowest terms (equal functions have
        /// equal representations), checked against evaluation at a rational point.
        #[test]
        fn field_identities(p in small_poly(), q in small_poly(), r in small_poly()) {
            prop_assume!(!q.is_zero() && !r.is_zero());
            let f = RatFunc::new(p.clone(), q.clone());
            let g = RatFunc::new(r.clone(), q.clone());
            let sum = &f + &g;
            prop_assert_eq!(&sum, &RatFunc::new(&p + &r, q.clone()));
            prop_assert_eq!(&(&sum - &g), &f);
            let h = RatFunc::from_poly(r.clone());
            prop_assert_eq!(&(&(&f * &h) / &h), &f);
            let common = RatFunc::new(&p * &r, &q * &r);
            prop_assert_eq!(&common, &f);
            let point = [Rational::from((2, 7)), Rational::from((-5, 3)), Rational::new(), Rational::new()];
            if let (Some(a), Some(b), Some(c)) = (f.eval(&point), g.eval(&point), sum.eval(&point)) {
                prop_assert_eq!(a + b, c);
            }
        }
    }

    #[test]
    fn lowest_terms_make_equality_structural() {
        let a = RatFunc::var(0);
        let s = RatFunc::var(1);
        let f = (a.clone() * a.clone() - s.clone() * s.clone()) / (a.clone() - s.clone());
        assert_eq!(f, a.clone() + s.clone());
        let g = RatFunc::one() / (a.clone() + s.clone()) + RatFunc::one() / (a.clone() - s);
        assert_eq!(g.display(&["α", "σ"]).to_string(), "2α/(α² - σ²)");
    }

    #[test]
    fn interval_evaluation_encloses_the_exact_value() {
        // (α² + 1)/(α + 3) at α = 1/3 is (10/9)/(10/3) = 1/3.
        let a = RatFunc::var(0);
        let f =
            (a.clone() * a.clone() + RatFunc::one()) / (a + RatFunc::constant(Rational::from(3)));
        let third = Rational::from((1, 3));
        let enclosure = f
            .eval_interval(&[Interval::from_rational(&third, 64)])
            .unwrap();
        assert!(*enclosure.lo() <= third && *enclosure.hi() >= third);
        assert!(enclosure.width() < 1e-15);
    }

    #[test]
    fn substitution_of_a_reciprocal() {
        // (α + 1)/α at α = 1/t is 1 + t.
        let a = RatFunc::var(0);
        let f = (a.clone() + RatFunc::one()) / a;
        let t = RatFunc::var(2);
        let g = f.substitute(0, &(RatFunc::one() / t.clone()));
        assert_eq!(g, RatFunc::one() + t);
    }
}
