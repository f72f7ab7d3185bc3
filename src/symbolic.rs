//! The diamond model's steady state of Eq. (1)–(3), derived symbolically in `α = e^{β_A}` and `σ = e^{β_S}`.
//!
//! The 16×16 Liouvillian is built by the one builder, [`crate::diamond::generator`], over the field
//! `Q(i)(α, σ)` of Gaussian rational functions ([`GaussRatFunc`]); its kernel is computed by
//! the same exact null-space routine the numeric checks use ([`exact_steady_state`]). Nothing
//! about ρ_SS is typed in. Uniqueness (nullity 1) is shown for *every* `α, σ ≥ 0` by
//! determinants that are polynomials in `(α, σ)`: see [`SectorDeterminant`].

use nalgebra::DMatrix;
use num_complex::Complex;
use num_traits::Zero;
use rug::Rational;
use thiserror::Error;

use crate::concurrence::ExactConcurrence;
use crate::diamond::{Bath, DiamondRates, EXCITATIONS, generator, heat_current, populations};
use crate::liouvillian::{Lindblad, LiouvillianError, Sector};
use crate::operators::LadderConvention;
use crate::poly::{GaussRatFunc, Poly, RatFunc};
use crate::ring::{GaussQ, Q};
use crate::steady_state::{SteadyStateError, exact_steady_state};

/// Variable index of `α = e^{β_A} = Γ_A⁻/Γ⁺` (Eq. 3).
pub const ALPHA: usize = 0;
/// Variable index of `σ = e^{β_S} = Γ_S⁻/Γ⁺` (Eq. 3).
pub const SIGMA: usize = 1;
/// Display names of the variables: `α`, `σ` and two auxiliary variables used by substitutions.
pub const NAMES: [&str; 4] = ["α", "σ", "x", "y"];

/// Why the symbolic derivation failed (each would be a bug in the builder or the algebra).
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum SymbolicError {
    /// Superoperator assembly failed.
    #[error(transparent)]
    Liouvillian(#[from] LiouvillianError),
    /// The sector-0 kernel is not one-dimensional over `Q(i)(α, σ)`.
    #[error(transparent)]
    SteadyState(#[from] SteadyStateError),
    /// A quantity expected to be real or polynomial is not.
    #[error("the derived {what} is not {expected}")]
    Unexpected {
        /// What was inspected.
        what: String,
        /// What it should have been.
        expected: &'static str,
    },
}

/// The determinant of one charge-difference block of the 16×16 Liouvillian, a Gaussian
/// polynomial `re + i·im` in `(α, σ)`.
///
/// For the block holding ρ_SS (difference 0) one population row — redundant because
/// `tr 𝓛(ρ) = 0` makes the population rows sum to zero — is replaced by the trace functional
/// (`bordered = true`); a non-zero bordered determinant means kernel dimension exactly 1 with
/// a normalisable kernel vector. For the other blocks a non-zero determinant means no kernel.
#[derive(Clone, Debug, PartialEq)]
pub struct SectorDeterminant {
    /// Excitation-number difference between ket and bra, `−2 … 2`.
    pub difference: i64,
    /// Number of unknowns in the block.
    pub size: usize,
    /// Whether the trace row replaced a population row.
    pub bordered: bool,
    /// Real part of the determinant.
    pub re: Poly,
    /// Imaginary part of the determinant.
    pub im: Poly,
}

/// The symbolic steady state of Eq. (1)–(3) and the quantities of Eq. (4)–(6).
#[derive(Clone, Debug)]
pub struct SymbolicDiamond {
    /// The generator of Eq. (1)–(2) over `Q(i)(α, σ)`, `Γ⁺ = 1`.
    pub generator: Lindblad<GaussRatFunc>,
    /// ρ_SS in the basis `|00⟩, |01⟩, |10⟩, |11⟩` (real: the imaginary parts vanish identically).
    pub rho: DMatrix<RatFunc>,
    /// Populations of `|G⟩, |S⟩, |A⟩, |E⟩` (Fig. 1a).
    pub populations: [RatFunc; 4],
    /// `Q̇_A = Tr{H0 𝓛_A(ρ_SS)}` (text below Eq. 6).
    pub heat_current_a: RatFunc,
    /// `Q̇_S = Tr{H0 𝓛_S(ρ_SS)}`.
    pub heat_current_s: RatFunc,
    /// Whether the full 16×16 superoperator is block diagonal in the charge-difference sectors.
    pub block_diagonal: bool,
    /// Whether the population rows of the difference-0 block sum to zero (trace preservation).
    pub trace_rows_sum_to_zero: bool,
    /// Whether `𝓛(ρ_SS) = 0` identically, recomputed from the operator form of Eq. (1)–(2).
    pub residual_vanishes: bool,
    /// The block determinants (the nullity-1 argument).
    pub determinants: Vec<SectorDeterminant>,
}

/// Where a rate `α` or `σ` goes in a limit: `β = −∞ ↦ 0`, `β = +∞ ↦ ∞`, or kept symbolic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RateLimit {
    /// `e^β → 0`, i.e. `β → −∞` (negative temperature of vanishing magnitude).
    Zero,
    /// `e^β → ∞`, i.e. `β → +∞` (zero temperature).
    Infinity,
    /// The rate stays a free (positive) variable.
    Free,
}

/// Why a limit could not be taken by continuity.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum LimitError {
    /// After the substitution `rate = 1/t` the denominator vanishes at the limit point, so the
    /// value may depend on the direction of approach.
    #[error(
        "the limit (α → {alpha:?}, σ → {sigma:?}) is not decided by continuity: the denominator \
         of {what} vanishes at the limit point; give at least one rate a finite value"
    )]
    Indeterminate {
        /// Where α goes.
        alpha: RateLimit,
        /// Where σ goes.
        sigma: RateLimit,
        /// The quantity whose limit failed.
        what: &'static str,
    },
}

/// Helper: the real rational function `x` as a Gaussian one.
fn real(x: RatFunc) -> GaussRatFunc {
    Complex::new(x, RatFunc::zero())
}

/// The limit of `f(α, σ)` as `α`, `σ` go to the given endpoints, as a rational function of
/// the free rates (Eq. 3's `α = e^{β_A}`, `σ = e^{β_S}` at `β = ±∞`).
///
/// A rate going to ∞ is replaced by `1/t`; after reduction to lowest terms the point
/// (`t = 0` or rate `= 0`) is substituted. When the denominator does not vanish identically
/// there, the result is the joint limit by continuity wherever its denominator is non-zero.
///
/// # Errors
/// [`LimitError::Indeterminate`] when the denominator vanishes identically at the point.
pub fn limit(
    f: &RatFunc,
    alpha: RateLimit,
    sigma: RateLimit,
    what: &'static str,
) -> Result<RatFunc, LimitError> {
    let mut g = f.clone();
    for (var, endpoint) in [(ALPHA, alpha), (SIGMA, sigma)] {
        if endpoint == RateLimit::Infinity {
            g = g.substitute(
                var,
                &RatFunc::var(var).recip().expect("variable is non-zero"),
            );
        }
    }
    let mut num = g.numer().clone();
    let mut den = g.denom().clone();
    for (var, endpoint) in [(ALPHA, alpha), (SIGMA, sigma)] {
        if endpoint != RateLimit::Free {
            num = num.substitute(var, &Poly::zero());
            den = den.substitute(var, &Poly::zero());
        }
    }
    if den.is_zero() {
        return Err(LimitError::Indeterminate { alpha, sigma, what });
    }
    Ok(RatFunc::new(num, den))
}

/// The steady state and heat currents in a limit of Eq. (3)'s rates, as rational functions of
/// the rates left free; [`LimitState::rho_at`] and [`LimitState::concurrence_at`] evaluate
/// them exactly (Eq. 4's concurrence is continuous in ρ, so its limit is its value here).
#[derive(Clone, Debug)]
pub struct LimitState {
    /// Where α goes.
    pub alpha: RateLimit,
    /// Where σ goes.
    pub sigma: RateLimit,
    /// ρ_SS entries (basis `|00⟩, |01⟩, |10⟩, |11⟩`).
    pub rho: DMatrix<RatFunc>,
    /// Populations of `|G⟩, |S⟩, |A⟩, |E⟩`.
    pub populations: [RatFunc; 4],
    /// `Q̇_A`.
    pub heat_current_a: RatFunc,
    /// `Q̇_S`.
    pub heat_current_s: RatFunc,
}

/// Why a [`LimitState`] could not be evaluated at a point.
#[derive(Debug, Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum EvaluationError {
    /// A free rate was given a value that is not positive.
    #[error("the rate {name} = {value} is not positive; Eq. (3) rates are e^β > 0")]
    NonPositiveRate {
        /// `α` or `σ`.
        name: &'static str,
        /// The value given.
        value: String,
    },
    /// A denominator vanishes at the point.
    #[error("a denominator vanishes at α = {alpha}, σ = {sigma}")]
    Pole {
        /// α used.
        alpha: String,
        /// σ used.
        sigma: String,
    },
}

impl LimitState {
    /// Exact ρ_SS of Eq. (1)–(3) at the given values of the free rates (values for rates that
    /// are not free are ignored). Returns a Gaussian-rational 4×4 matrix.
    ///
    /// # Errors
    /// [`EvaluationError`] for a non-positive free rate or a pole.
    pub fn rho_at(
        &self,
        alpha: &Rational,
        sigma: &Rational,
    ) -> Result<DMatrix<GaussQ>, EvaluationError> {
        let point = self.point(alpha, sigma)?;
        let mut out = DMatrix::from_element(4, 4, GaussQ::zero());
        for i in 0..4 {
            for j in 0..4 {
                let v = self.rho[(i, j)]
                    .eval(&point)
                    .ok_or_else(|| EvaluationError::Pole {
                        alpha: alpha.to_string(),
                        sigma: sigma.to_string(),
                    })?;
                out[(i, j)] = Complex::new(Q(v), Q::zero());
            }
        }
        Ok(out)
    }

    /// Exact concurrence (Eq. 4) at the given free rates.
    ///
    /// # Errors
    /// As [`LimitState::rho_at`].
    pub fn concurrence_at(
        &self,
        alpha: &Rational,
        sigma: &Rational,
    ) -> Result<ExactConcurrence, EvaluationError> {
        let rho = self.rho_at(alpha, sigma)?;
        Ok(ExactConcurrence::of_x_state(&rho).expect("ρ_SS is an X state"))
    }

    /// Exact `(Q̇_A, Q̇_S)` (Eq. 6) at the given free rates.
    ///
    /// # Errors
    /// As [`LimitState::rho_at`].
    pub fn heat_currents_at(
        &self,
        alpha: &Rational,
        sigma: &Rational,
    ) -> Result<(Rational, Rational), EvaluationError> {
        let point = self.point(alpha, sigma)?;
        let pole = || EvaluationError::Pole {
            alpha: alpha.to_string(),
            sigma: sigma.to_string(),
        };
        Ok((
            self.heat_current_a.eval(&point).ok_or_else(pole)?,
            self.heat_current_s.eval(&point).ok_or_else(pole)?,
        ))
    }

    fn point(&self, alpha: &Rational, sigma: &Rational) -> Result<Vec<Rational>, EvaluationError> {
        for (limit, name, value) in [(self.alpha, "α", alpha), (self.sigma, "σ", sigma)] {
            if limit == RateLimit::Free && *value <= 0 {
                return Err(EvaluationError::NonPositiveRate {
                    name,
                    value: value.to_string(),
                });
            }
        }
        Ok(vec![
            alpha.clone(),
            sigma.clone(),
            Rational::new(),
            Rational::new(),
        ])
    }
}

impl SymbolicDiamond {
    /// The steady state in the limit `α → alpha`, `σ → sigma` (Eq. 3 at `β = ±∞`).
    ///
    /// # Examples
    /// `β_A = −∞` (α → 0) with `β_S = ln 3` exactly; for an irrational `σ = e^{β_S}` evaluate
    /// the entries with [`RatFunc::eval_interval`] instead.
    /// ```
    /// use rug::Rational;
    /// use steadyent::symbolic::{RateLimit, diamond_steady_state};
    /// let sd = diamond_steady_state().unwrap();
    /// let state = sd.limit_state(RateLimit::Zero, RateLimit::Free).unwrap();
    /// let rho = state.rho_at(&Rational::new(), &Rational::from(3)).unwrap();
    /// // p_G = σ²/(2σ² + 3σ + 2) at α = 0
    /// assert_eq!(rho[(0, 0)].re.0, Rational::from((9, 29)));
    /// let (q_a, q_s) = state.heat_currents_at(&Rational::new(), &Rational::from(3)).unwrap();
    /// assert_eq!(q_a, -q_s);
    /// ```
    ///
    /// # Errors
    /// [`LimitError::Indeterminate`] when continuity does not decide the limit (both rates
    /// infinite).
    pub fn limit_state(
        &self,
        alpha: RateLimit,
        sigma: RateLimit,
    ) -> Result<LimitState, LimitError> {
        let mut rho = DMatrix::from_element(4, 4, RatFunc::zero());
        for i in 0..4 {
            for j in 0..4 {
                rho[(i, j)] = limit(&self.rho[(i, j)], alpha, sigma, "ρ_SS")?;
            }
        }
        let pops = self
            .populations
            .clone()
            .map(|p| limit(&p, alpha, sigma, "a population"));
        let [g, s, a, e] = pops;
        Ok(LimitState {
            alpha,
            sigma,
            rho,
            populations: [g?, s?, a?, e?],
            heat_current_a: limit(&self.heat_current_a, alpha, sigma, "Q̇_A")?,
            heat_current_s: limit(&self.heat_current_s, alpha, sigma, "Q̇_S")?,
        })
    }

    /// The X-state coherence `z = ⟨01|ρ_SS|10⟩` (Eq. 4's `N1 = 2|z|d`).
    pub fn coherence(&self) -> &RatFunc {
        &self.rho[(1, 2)]
    }

    /// `ρ_00 ρ_33 = p_G p_E` (Eq. 4's `N2 = 2 d √(p_G p_E)`).
    pub fn population_product(&self) -> RatFunc {
        &self.rho[(0, 0)] * &self.rho[(3, 3)]
    }
}

/// Derives ρ_SS of Eq. (1)–(3) symbolically: builds the generator with `Γ⁺ = 1`, `Γ_A⁻ = α`,
/// `Γ_S⁻ = σ` over `Q(i)(α, σ)`, assembles the full 16×16 superoperator, checks its block
/// structure, computes the block determinants, and solves the difference-0 block exactly.
///
/// # Formula
/// ```text
/// 𝓛ρ = i[ρ, H0] + Σ_{i=A,S} (Γ⁺/2) D_{J_i†}(ρ) + (Γ_i⁻/2) D_{J_i}(ρ) = 0,  tr ρ = 1   (Eq. 1–3)
/// ```
///
/// Qubit operators commute between the qubits ([`LadderConvention::CommutingQubits`], the
/// reading that reproduces Eq. 4–5); [`derive_steady_state`] takes the convention.
///
/// # Errors
/// [`SymbolicError`] if the builder or the algebra misbehaves (never for the diamond model).
pub fn diamond_steady_state() -> Result<SymbolicDiamond, SymbolicError> {
    derive_steady_state(LadderConvention::CommutingQubits)
}

/// [`diamond_steady_state`] for either reading of the paper's ladder operators (below Eq. 2:
/// commuting qubits, or literal anticommutation `{c_i, c_j†} = δ_ij` via Jordan–Wigner).
///
/// # Errors
/// As [`diamond_steady_state`].
pub fn derive_steady_state(convention: LadderConvention) -> Result<SymbolicDiamond, SymbolicError> {
    let rates =
        DiamondRates::from_alpha_sigma(real(RatFunc::var(ALPHA)), real(RatFunc::var(SIGMA)));
    let generator = generator(&rates, convention)?;
    let full = Sector::full(4);
    let superop = generator.superoperator(&full)?;

    let difference = |s: usize| {
        let (i, j) = full.pairs()[s];
        EXCITATIONS[i] - EXCITATIONS[j]
    };
    let block_diagonal = (0..16)
        .all(|r| (0..16).all(|c| difference(r) == difference(c) || superop[(r, c)].is_zero()));

    let mut determinants = Vec::new();
    let mut trace_rows_sum_to_zero = false;
    for d in -2..=2 {
        let positions: Vec<usize> = (0..16).filter(|&s| difference(s) == d).collect();
        let mut block: Vec<Vec<(Poly, Poly)>> = Vec::new();
        for &r in &positions {
            let mut row = Vec::new();
            for &c in &positions {
                row.push(gauss_poly(&superop[(r, c)], "Liouvillian entry")?);
            }
            block.push(row);
        }
        let bordered = d == 0;
        if bordered {
            let diagonal: Vec<usize> = (0..positions.len())
                .filter(|&k| {
                    let (i, j) = full.pairs()[positions[k]];
                    i == j
                })
                .collect();
            trace_rows_sum_to_zero = (0..positions.len()).all(|c| {
                let (re, im) = diagonal
                    .iter()
                    .fold((Poly::zero(), Poly::zero()), |acc, &r| {
                        (&acc.0 + &block[r][c].0, &acc.1 + &block[r][c].1)
                    });
                re.is_zero() && im.is_zero()
            });
            let replaced = diagonal[0];
            block[replaced] = (0..positions.len())
                .map(|k| {
                    let v = if diagonal.contains(&k) { 1 } else { 0 };
                    (Poly::from_i64(v), Poly::zero())
                })
                .collect();
        }
        let (re, im) = gauss_det(&block);
        determinants.push(SectorDeterminant {
            difference: d,
            size: positions.len(),
            bordered,
            re,
            im,
        });
    }

    let sector = Sector::charge_difference(&EXCITATIONS, 0);
    let rho_gauss = exact_steady_state(&generator, &sector)?;
    let residual = generator.apply(&rho_gauss);
    let residual_vanishes = residual.iter().all(Zero::is_zero);

    let mut rho = DMatrix::from_element(4, 4, RatFunc::zero());
    for i in 0..4 {
        for j in 0..4 {
            let z = &rho_gauss[(i, j)];
            if !z.im.is_zero() {
                return Err(SymbolicError::Unexpected {
                    what: format!("ρ_SS entry ({i}, {j})"),
                    expected: "real",
                });
            }
            rho[(i, j)] = z.re.clone();
        }
    }
    let pops = populations(&rho_gauss).map(|z| z.re);
    let heat_current_a = heat_current(&generator, &rho_gauss, Bath::A).re;
    let heat_current_s = heat_current(&generator, &rho_gauss, Bath::S).re;
    Ok(SymbolicDiamond {
        generator,
        rho,
        populations: pops,
        heat_current_a,
        heat_current_s,
        block_diagonal,
        trace_rows_sum_to_zero,
        residual_vanishes,
        determinants,
    })
}

/// A Gaussian rational function with polynomial real and imaginary parts, as `(re, im)`.
fn gauss_poly(z: &GaussRatFunc, what: &str) -> Result<(Poly, Poly), SymbolicError> {
    match (z.re.as_poly(), z.im.as_poly()) {
        (Some(re), Some(im)) => Ok((re.clone(), im.clone())),
        _ => Err(SymbolicError::Unexpected {
            what: what.to_string(),
            expected: "a polynomial",
        }),
    }
}

/// Determinant of a small matrix of Gaussian polynomials `(re, im)` by cofactor expansion
/// along the first column (zero entries skipped): division-free, so exact over `Q[α, σ]`.
fn gauss_det(m: &[Vec<(Poly, Poly)>]) -> (Poly, Poly) {
    let n = m.len();
    if n == 0 {
        return (Poly::one(), Poly::zero());
    }
    let mut re = Poly::zero();
    let mut im = Poly::zero();
    for r in 0..n {
        let (a, b) = &m[r][0];
        if a.is_zero() && b.is_zero() {
            continue;
        }
        let minor: Vec<Vec<(Poly, Poly)>> = (0..n)
            .filter(|&k| k != r)
            .map(|k| m[k][1..].to_vec())
            .collect();
        let (c, d) = gauss_det(&minor);
        // (a + ib)(c + id) = (ac − bd) + i(ad + bc), sign (−1)^r
        let pr = &(a * &c) - &(b * &d);
        let pi = &(a * &d) + &(b * &c);
        if r % 2 == 0 {
            re += &pr;
            im += &pi;
        } else {
            re -= &pr;
            im -= &pi;
        }
    }
    (re, im)
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_traits::One;

    #[test]
    fn limit_of_a_reciprocal_rate() {
        // σ/(σ + α) → 1 as σ → ∞ with α free; → 0 as σ → 0.
        let a = RatFunc::var(ALPHA);
        let s = RatFunc::var(SIGMA);
        let f = &s / &(&s + &a);
        assert_eq!(
            limit(&f, RateLimit::Free, RateLimit::Infinity, "f"),
            Ok(RatFunc::one())
        );
        assert_eq!(
            limit(&f, RateLimit::Free, RateLimit::Zero, "f"),
            Ok(RatFunc::zero())
        );
        assert!(limit(&f, RateLimit::Zero, RateLimit::Zero, "f").is_err());
    }
}
