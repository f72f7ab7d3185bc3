//! The two real arithmetics of the N-emitter engine — f64 in the Fock basis and exact
//! rationals in the factorial picture — behind one trait, so the generator and the
//! observables are written once.

use rug::Rational;

/// A real scalar of the N-emitter engine together with its cavity picture: the coefficients of
/// the cavity ladder operators of Eq. (7) on the coordinates `x(n, m)` of `|n⟩⟨m|`.
///
/// In the Fock basis (f64) `a|n⟩ = √n |n−1⟩`, `a†|n⟩ = √(n+1) |n+1⟩`. In the factorial
/// picture `ρ = S r S`, `S = diag(√n!)` (exact rationals; derivation in
/// [`crate::cavity::exact`]) the same maps have integer coefficients `n` and `1`, and the
/// diagonal weight of `|n⟩⟨n|` in `tr ρ` is `n!` instead of 1. On the bra side the right
/// products `ρ a†` (`m → m−1`) and `ρ a` (`m → m+1`) have the same coefficients
/// [`Self::lowering`]`(m)` and [`Self::raising`]`(m)` in both pictures.
pub trait Scalar: Clone + PartialEq + std::fmt::Debug + Send + Sync + 'static {
    /// The integer `v`.
    fn from_int(v: i64) -> Self;
    /// Whether this is exactly zero.
    fn is_zero(&self) -> bool;
    /// `self += other`.
    fn add_assign(&mut self, other: &Self);
    /// `self · other`.
    fn mul(&self, other: &Self) -> Self;
    /// `self / other` (`other ≠ 0`).
    fn div(&self, other: &Self) -> Self;
    /// The nearest f64.
    fn to_f64(&self) -> f64;
    /// Coefficient of `|n−1⟩` in the image of `|n⟩` under `a` (and of `|n⟩⟨m−1|` under
    /// `· a†` with `m = n`).
    fn lowering(n: usize) -> Self;
    /// Coefficient of `|n+1⟩` in the image of `|n⟩` under `a†` (and of `|n⟩⟨m+1|` under `· a`
    /// with `m = n`).
    fn raising(n: usize) -> Self;
    /// Weight of the coordinate of `|n⟩⟨n|` in `tr ρ`: the photon-number probability is
    /// `weight(n) · x(n, n)`.
    fn diagonal_weight(n: usize) -> Self;
}

impl Scalar for f64 {
    fn from_int(v: i64) -> Self {
        v as f64
    }
    fn is_zero(&self) -> bool {
        *self == 0.0
    }
    fn add_assign(&mut self, other: &Self) {
        *self += other;
    }
    fn mul(&self, other: &Self) -> Self {
        self * other
    }
    fn div(&self, other: &Self) -> Self {
        self / other
    }
    fn to_f64(&self) -> f64 {
        *self
    }
    fn lowering(n: usize) -> Self {
        (n as f64).sqrt()
    }
    fn raising(n: usize) -> Self {
        ((n + 1) as f64).sqrt()
    }
    fn diagonal_weight(_n: usize) -> Self {
        1.0
    }
}

impl Scalar for Rational {
    fn from_int(v: i64) -> Self {
        Rational::from(v)
    }
    fn is_zero(&self) -> bool {
        self.cmp0() == std::cmp::Ordering::Equal
    }
    fn add_assign(&mut self, other: &Self) {
        *self += other;
    }
    fn mul(&self, other: &Self) -> Self {
        Rational::from(self * other)
    }
    fn div(&self, other: &Self) -> Self {
        Rational::from(self / other)
    }
    fn to_f64(&self) -> f64 {
        nearest_f64(self)
    }
    fn lowering(n: usize) -> Self {
        Rational::from(n as u64)
    }
    fn raising(_n: usize) -> Self {
        Rational::from(1)
    }
    fn diagonal_weight(n: usize) -> Self {
        Rational::from(rug::Integer::factorial(n as u32).complete())
    }
}

use rug::Complete;

/// The f64 nearest to `q` (ties to even); rug's `Rational::to_f64` truncates toward zero, so
/// `1/200` would become `0.004999999999999999`.
pub fn nearest_f64(q: &Rational) -> f64 {
    rug::Float::with_val(53, q).to_f64()
}
