//! Scalar rings the Lindblad generator is built over: f64 complex numbers and exact
//! Gaussian rationals (GMP rationals through `rug`), so one builder serves both arithmetics.

use std::fmt;
use std::ops::{
    Add, AddAssign, Div, DivAssign, Mul, MulAssign, Neg, Rem, RemAssign, Sub, SubAssign,
};

use num_complex::Complex;
use num_traits::{Num, One, Zero};
use rug::Rational;

/// A commutative ring with the complex structure the Lindblad generator of Eq. (1)–(2) needs:
/// the imaginary unit (for `−i[H, ρ]`), complex conjugation (for `o†`) and exact small ratios
/// (for the `1/2` of the dissipator prefactor).
pub trait Ring:
    Clone
    + PartialEq
    + fmt::Debug
    + Zero
    + One
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Neg<Output = Self>
    + AddAssign
    + SubAssign
    + MulAssign
    + 'static
{
    /// The imaginary unit `i`.
    fn imag_unit() -> Self;
    /// Complex conjugate.
    fn conj(&self) -> Self;
    /// The exact ratio `num/den` (`den > 0`).
    fn from_ratio(num: i64, den: u64) -> Self;
}

/// A [`Ring`] in which every non-zero element has an inverse (needed by exact elimination).
pub trait Field: Ring {
    /// The inverse, or `None` for zero.
    fn inv(&self) -> Option<Self>;
}

impl Ring for Complex<f64> {
    fn imag_unit() -> Self {
        Complex::new(0.0, 1.0)
    }
    fn conj(&self) -> Self {
        Complex::conj(self)
    }
    fn from_ratio(num: i64, den: u64) -> Self {
        Complex::new(num as f64 / den as f64, 0.0)
    }
}

impl Field for Complex<f64> {
    fn inv(&self) -> Option<Self> {
        (!self.is_zero()).then(|| Complex::inv(self))
    }
}

/// An exact rational number: a newtype over [`rug::Rational`] that implements
/// [`num_traits::Num`], so that `num_complex::Complex<Q>` is the field of Gaussian rationals.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Q(pub Rational);

/// Exact Gaussian rationals `a + ib`, `a, b ∈ Q`.
pub type GaussQ = Complex<Q>;

impl Q {
    /// The rational `num/den`; `den` must be non-zero.
    pub fn new(num: i64, den: u64) -> Self {
        Q(Rational::from((num, den)))
    }
    /// Borrow the underlying GMP rational.
    pub fn as_rational(&self) -> &Rational {
        &self.0
    }
}

impl fmt::Debug for Q {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl fmt::Display for Q {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl From<Rational> for Q {
    fn from(r: Rational) -> Self {
        Q(r)
    }
}

impl From<i64> for Q {
    fn from(n: i64) -> Self {
        Q(Rational::from(n))
    }
}

macro_rules! q_binop {
    ($trait:ident, $method:ident, $op:tt) => {
        impl $trait for Q {
            type Output = Q;
            fn $method(self, rhs: Q) -> Q {
                Q(self.0 $op rhs.0)
            }
        }
        impl<'a> $trait<&'a Q> for &'a Q {
            type Output = Q;
            fn $method(self, rhs: &'a Q) -> Q {
                Q(Rational::from(&self.0 $op &rhs.0))
            }
        }
    };
}
q_binop!(Add, add, +);
q_binop!(Sub, sub, -);
q_binop!(Mul, mul, *);
q_binop!(Div, div, /);

macro_rules! q_assignop {
    ($trait:ident, $method:ident, $op:tt) => {
        impl $trait for Q {
            fn $method(&mut self, rhs: Q) {
                self.0 $op rhs.0;
            }
        }
    };
}
q_assignop!(AddAssign, add_assign, +=);
q_assignop!(SubAssign, sub_assign, -=);
q_assignop!(MulAssign, mul_assign, *=);
q_assignop!(DivAssign, div_assign, /=);

impl RemAssign for Q {
    fn rem_assign(&mut self, rhs: Q) {
        *self = std::mem::take(self) % rhs;
    }
}

impl Rem for Q {
    type Output = Q;
    /// Euclidean remainder `a − b·⌊a/b⌋` (part of [`Num`]; not used by the physics).
    fn rem(self, rhs: Q) -> Q {
        let quotient = Rational::from(&self.0 / &rhs.0).floor();
        Q(self.0 - rhs.0 * quotient)
    }
}

impl Neg for Q {
    type Output = Q;
    fn neg(self) -> Q {
        Q(-self.0)
    }
}

impl Zero for Q {
    fn zero() -> Self {
        Q(Rational::new())
    }
    fn is_zero(&self) -> bool {
        self.0.is_zero()
    }
}

impl One for Q {
    fn one() -> Self {
        Q(Rational::from(1))
    }
}

impl Num for Q {
    type FromStrRadixErr = rug::rational::ParseRationalError;
    fn from_str_radix(s: &str, radix: u32) -> Result<Self, Self::FromStrRadixErr> {
        Rational::from_str_radix(s, radix as i32).map(Q)
    }
}

impl Ring for GaussQ {
    fn imag_unit() -> Self {
        Complex::new(Q::zero(), Q::one())
    }
    fn conj(&self) -> Self {
        Complex::conj(self)
    }
    fn from_ratio(num: i64, den: u64) -> Self {
        Complex::new(Q::new(num, den), Q::zero())
    }
}

impl Field for GaussQ {
    fn inv(&self) -> Option<Self> {
        if self.is_zero() {
            return None;
        }
        let norm = &(&self.re * &self.re) + &(&self.im * &self.im);
        Some(Complex::new(&self.re / &norm, -(&self.im / &norm)))
    }
}

/// The exact real Gaussian rational `r + 0i`.
pub fn gauss_real(r: Rational) -> GaussQ {
    Complex::new(Q(r), Q::zero())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaussian_rational_inverse_is_exact() {
        let z = Complex::new(Q::new(3, 2), Q::new(-5, 7));
        let one = z.clone() * Field::inv(&z).unwrap();
        assert_eq!(one, GaussQ::one());
        assert!(Field::inv(&GaussQ::zero()).is_none());
    }

    #[test]
    fn euclidean_remainder() {
        assert_eq!(Q::new(7, 2) % Q::new(1, 1), Q::new(1, 2));
        assert_eq!(Q::new(-7, 2) % Q::new(1, 1), Q::new(1, 2));
    }
}
