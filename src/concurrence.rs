//! Wootters concurrence (the entanglement measure under Eq. 4): numerically for any two-qubit
//! ρ, exactly for X-shaped states, and with certified enclosures.

use std::fmt;

use nalgebra::DMatrix;
use num_complex::Complex64;
use rug::{Integer, Rational};

use crate::arith::Enclosure;
use crate::interval::Interval;
use crate::ring::GaussQ;

/// Wootters concurrence `C = max{0, λ1 − λ2 − λ3 − λ4}` of a 4×4 density matrix, where `λ_i²`
/// are the eigenvalues of `ρ ρ̃`, `ρ̃ = (σ_y⊗σ_y) ρ* (σ_y⊗σ_y)` (paper, text above Eq. 4).
///
/// # Formula
/// ```text
/// λ_i = sqrt(eig(√ρ ρ̃ √ρ))      (Hermitian form of eig(ρ ρ̃), same spectrum)
/// ```
/// `√ρ` is taken from the Hermitian eigendecomposition with eigenvalues below zero (rounding)
/// clamped to zero. Accuracy is that of a Hermitian eigensolve, a few ulps of `‖ρ‖` for the
/// `λ_i²`; near `C = 0` the square root amplifies that to about `√ε ≈ 1e-8`, which is why
/// concurrences of numeric states are compared with `1e-9` only away from the separable edge.
///
/// # Panics
/// Never; a matrix that is not 4×4 returns `None`.
pub fn wootters(rho: &DMatrix<Complex64>) -> Option<f64> {
    if rho.shape() != (4, 4) {
        return None;
    }
    let hermitian = (rho + rho.adjoint()) * Complex64::new(0.5, 0.0);
    let eig = hermitian.clone().symmetric_eigen();
    let sqrt_vals = eig.eigenvalues.map(|v| v.max(0.0).sqrt());
    let sqrt_rho = &eig.eigenvectors
        * DMatrix::from_diagonal(&sqrt_vals.map(|v| Complex64::new(v, 0.0)))
        * eig.eigenvectors.adjoint();
    // σ_y ⊗ σ_y is real: anti-diagonal (−1, 1, 1, −1).
    let yy = DMatrix::from_fn(4, 4, |i, j| match (i, j) {
        (0, 3) | (3, 0) => Complex64::new(-1.0, 0.0),
        (1, 2) | (2, 1) => Complex64::new(1.0, 0.0),
        _ => Complex64::new(0.0, 0.0),
    });
    let tilde = &yy * hermitian.map(|z| z.conj()) * &yy;
    let r = &sqrt_rho * tilde * &sqrt_rho;
    let r = (&r + r.adjoint()) * Complex64::new(0.5, 0.0);
    let mut lambdas: Vec<f64> = r
        .symmetric_eigen()
        .eigenvalues
        .iter()
        .map(|v| v.max(0.0).sqrt())
        .collect();
    lambdas.sort_by(|a, b| b.total_cmp(a));
    Some((lambdas[0] - lambdas[1] - lambdas[2] - lambdas[3]).max(0.0))
}

/// The concurrence of an X-shaped state, exactly: `C = max(0, √U − √V)` with rationals `U`, `V`.
///
/// For an X state (non-zero entries only on the diagonal and anti-diagonal of the basis
/// `|00⟩,|01⟩,|10⟩,|11⟩`), `C = 2 max(0, |ρ_12| − √(ρ_00 ρ_33), |ρ_03| − √(ρ_11 ρ_22))`, and at
/// most one of the two terms is positive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExactConcurrence {
    /// `C = 0` exactly (both terms are provably ≤ 0).
    Zero,
    /// `C = √u − √v > 0` exactly.
    SqrtDifference {
        /// `u = 4|coherence|²`.
        u: Rational,
        /// `v = 4 · (product of the two populations)`.
        v: Rational,
    },
}

impl ExactConcurrence {
    /// Exact X-state concurrence of a 4×4 Gaussian-rational ρ; `None` when ρ is not X-shaped.
    pub fn of_x_state(rho: &DMatrix<GaussQ>) -> Option<Self> {
        if rho.shape() != (4, 4) {
            return None;
        }
        let x_shaped = (0..4).all(|i| {
            (0..4).all(|j| i == j || i + j == 3 || num_traits::Zero::is_zero(&rho[(i, j)]))
        });
        if !x_shaped {
            return None;
        }
        let re = |i, j| rho[(i, j)].re.as_rational().clone();
        let abs2 = |i: usize, j: usize| {
            let z = &rho[(i, j)];
            Rational::from(z.re.as_rational() * z.re.as_rational())
                + Rational::from(z.im.as_rational() * z.im.as_rational())
        };
        let four = Rational::from(4);
        let terms = [
            (abs2(1, 2) * &four, re(0, 0) * re(3, 3) * &four),
            (abs2(0, 3) * &four, re(1, 1) * re(2, 2) * four),
        ];
        Some(
            terms
                .into_iter()
                .find(|(u, v)| u > v)
                .map_or(ExactConcurrence::Zero, |(u, v)| {
                    ExactConcurrence::SqrtDifference { u, v }
                }),
        )
    }

    /// The value to `digits` correctly rounded significant digits: exactly when `√u − √v` is
    /// rational (both perfect squares, where a decimal rounding tie is possible), else from
    /// enclosures of increasing precision — an irrational value is never a tie, so every digit
    /// is decided at a finite precision. `None` if [`crate::decimal::max_precision`] is reached.
    pub fn decimal(&self, digits: usize) -> Option<String> {
        use crate::decimal::{
            certified_decimal, initial_precision, max_precision, raise_precision,
            rational_to_decimal,
        };
        match self {
            ExactConcurrence::Zero => Some("0".to_string()),
            ExactConcurrence::SqrtDifference { u, v } => {
                if let (Some(su), Some(sv)) = (rational_sqrt(u), rational_sqrt(v)) {
                    return Some(rational_to_decimal(&(su - sv), digits));
                }
                let found =
                    raise_precision(initial_precision(digits), max_precision(digits), |prec| {
                        Ok::<_, std::convert::Infallible>(certified_decimal(
                            &self.enclosure(prec),
                            digits,
                        ))
                    });
                found.ok().flatten().map(|(text, _)| text)
            }
        }
    }

    /// A certified enclosure of the value at `prec` bits.
    pub fn enclosure(&self, prec: u32) -> Interval {
        match self {
            ExactConcurrence::Zero => Interval::from_i64(0, prec),
            ExactConcurrence::SqrtDifference { u, v } => {
                let su = Interval::from_rational(u, prec).sqrt().expect("u > v ≥ 0");
                let sv = Interval::from_rational(v, prec).sqrt().expect("v ≥ 0");
                su.sub(&sv)
            }
        }
    }
}

/// `√q` when `q ≥ 0` is the square of a rational.
pub fn rational_sqrt(q: &Rational) -> Option<Rational> {
    let (rn, remn) = q.numer().clone().sqrt_rem(Integer::new());
    let (rd, remd) = q.denom().clone().sqrt_rem(Integer::new());
    (remn == 0 && remd == 0).then(|| Rational::from((rn, rd)))
}

/// `√q` as text: the exact rational when `q` is a perfect square, else `√(q)`.
fn sqrt_text(q: &Rational) -> String {
    rational_sqrt(q).map_or_else(|| format!("√({q})"), |r| r.to_string())
}

impl fmt::Display for ExactConcurrence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExactConcurrence::Zero => write!(f, "0"),
            ExactConcurrence::SqrtDifference { u, v } => {
                write!(f, "{} - {}", sqrt_text(u), sqrt_text(v))
            }
        }
    }
}

/// Certified X-state concurrence `2 max(0, |c| − √(p q))` from enclosures of the coherence
/// `c = ρ_12` (real) and the populations `p = ρ_00`, `q = ρ_33` (Eq. 4 for the diamond model),
/// in MPFR or f64 intervals. Returns `None` when the sign of `|c| − √(pq)` is not decided at
/// this precision.
pub fn x_state_enclosure<T: Enclosure>(coherence: &T, p: &T, q: &T) -> Option<T> {
    let inner = coherence.magnitude().minus(&p.times(q).square_root()?);
    if inner.is_nonpositive() {
        Some(coherence.int(0))
    } else if inner.is_strictly_positive() {
        Some(inner.times(&coherence.int(2)))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bell_mixture(w: f64) -> DMatrix<Complex64> {
        // w |Ψ⁻⟩⟨Ψ⁻| + (1−w) |00⟩⟨00|
        let mut rho = DMatrix::from_element(4, 4, Complex64::new(0.0, 0.0));
        rho[(0, 0)] = Complex64::new(1.0 - w, 0.0);
        rho[(1, 1)] = Complex64::new(w / 2.0, 0.0);
        rho[(2, 2)] = Complex64::new(w / 2.0, 0.0);
        rho[(1, 2)] = Complex64::new(-w / 2.0, 0.0);
        rho[(2, 1)] = Complex64::new(-w / 2.0, 0.0);
        rho
    }

    #[test]
    fn bell_state_has_unit_concurrence_and_mixtures_scale() {
        // |Ψ⁻⟩ mixed with |00⟩: ρ ρ̃ has a single non-zero eigenvalue w², so C = w exactly.
        // Tolerance 1e-12: a few ulps of a 4×4 Hermitian eigensolve, amplified by one sqrt of
        // an O(1) eigenvalue (no amplification).
        for w in [1.0, 0.5, 1.0 / 3.0] {
            approx::assert_abs_diff_eq!(wootters(&bell_mixture(w)).unwrap(), w, epsilon = 1e-12);
        }
    }

    /// A rational concurrence on a decimal rounding tie (0.15 to one digit) is rounded exactly
    /// instead of refining enclosures forever; an irrational one is decided by enclosures.
    #[test]
    fn exact_concurrence_decimals_terminate_on_ties() {
        let tie = ExactConcurrence::SqrtDifference {
            u: Rational::from((9, 100)),
            v: Rational::from((9, 400)),
        };
        assert_eq!(tie.decimal(1).unwrap(), "0.2");
        assert_eq!(tie.to_string(), "3/10 - 3/20");
        let irrational = ExactConcurrence::SqrtDifference {
            u: Rational::from(2),
            v: Rational::from(1),
        };
        assert_eq!(irrational.decimal(5).unwrap(), "0.41421");
        assert_eq!(ExactConcurrence::Zero.decimal(3).unwrap(), "0");
    }

    #[test]
    fn product_state_is_separable() {
        let mut rho = DMatrix::from_element(4, 4, Complex64::new(0.0, 0.0));
        rho[(0, 0)] = Complex64::new(1.0, 0.0);
        assert_eq!(wootters(&rho), Some(0.0));
    }
}
