//! Exact steady state of the truncated Tavis–Cummings model (Eq. 7–8) over the Gaussian rationals.
//!
//! The solve works in the factorial picture, which makes the generator rational.
//!
//! # The factorial picture
//! The cavity operator `a|n⟩ = √n|n−1⟩` of Eq. (7) has irrational entries, so the generator of
//! Eq. (8) is not a matrix over the rationals in the Fock basis. Write the state as a
//! congruence
//! ```text
//! ρ = S r S,     S = diag(√(n!)) ⊗ 1_qubits,     i.e.  ρ_{(n,q),(m,q')} = √(n! m!) r_{(n,q),(m,q')}
//! ```
//! and conjugate the generator: `𝓛_S(r) = S⁻¹ 𝓛(S r S) S⁻¹`. Every left product `Xρ` becomes
//! `(S⁻¹XS) r` and every right product `ρX` becomes `r (S X S⁻¹) = r (S⁻¹X†S)†`, so (module
//! doc of [`crate::liouvillian`])
//! ```text
//! 𝓛_S(r) = −i(H_S r − r H_S†) + Σ_k (r_k/2)(2 o_S r o_S† − N_S r − r N_S†)      (Eq. 8)
//! H_S = S⁻¹HS,  o_S = S⁻¹oS,  N_S = S⁻¹ o†o S
//! ```
//! with the cavity factors (S acts on the cavity only and commutes with every qubit operator)
//! ```text
//! S⁻¹ a S  : |n⟩ ↦ n |n−1⟩      (√(n!)/√((n−1)!) · √n = n)
//! S⁻¹ a† S : |n⟩ ↦ |n+1⟩        (√(n!)/√((n+1)!) · √(n+1) = 1)
//! S⁻¹ a†a S = a†a = diag(n)     (diagonal, commutes with S; note ≠ (S⁻¹aS)†(S⁻¹aS) = diag(n²))
//! ```
//! All entries are integers, so `𝓛_S` has entries in `Q[i]` for rational `g, κ, p, γ`.
//! Since `S` is invertible, `𝓛ρ = 0 ⇔ 𝓛_S r = 0`, and the kernels have equal dimension.
//! `S` is real positive diagonal, so `ρ` Hermitian ⇔ `r` Hermitian.
//!
//! # Sectors (as in the numeric engine, [`crate::cavity::solver`])
//! `S` is diagonal, so the excitation-conserving sector is unchanged; `S` commutes with the
//! photon phase gauge `U = diag(iⁿ)` and with the qubit swap, so in the gauge the
//! factorial-picture generator is real and swap-invariant, commutes with transposition, and
//! its steady state `r` is real symmetric and swap-invariant: one real unknown per orbit
//! ([`Reduction`]), e.g. 38 at cutoff 6 (of 84 sector pairs, 576 full-space entries).
//!
//! # Back to the Fock basis
//! The reduced two-qubit state is rational: `Tr_cav ρ` only involves the diagonal photon
//! blocks, where `√(n! n!) = n!`, so `(Tr_cav ρ)_{q q'} = Σ_n n! r_{(n,q),(n,q')}`. Likewise the
//! photon-number distribution `P(n) = n! Σ_q r_{(n,q),(n,q)}`. Off-diagonal photon blocks of ρ
//! carry `√(n! m!)` and are not rational.
//!
//! # Scope of the uniqueness proof
//! The exact kernel of the reduced generator has dimension 1 (nullity 1, else an error): the
//! steady state is unique among Hermitian, swap-symmetric states of the excitation-conserving
//! sector at this cutoff. A second steady state that breaks the swap symmetry, or a stationary
//! coherence between different excitation numbers, would not be seen here (the numeric
//! engine has the same scope). [`prove_full_uniqueness`] closes the gap on request
//! (`--full-uniqueness`): the exact kernel of every excitation-difference sector, which
//! together span the whole operator space, has dimension 1 in sector 0 and 0 elsewhere.

use nalgebra::DMatrix;
use num_complex::{Complex, Complex64};
use num_traits::Zero;
use rug::{Integer, Rational};
use thiserror::Error;

use super::CavityError;
use super::model::{CavityOperators, CavitySpace, MIN_CUTOFF};
use super::reduction::Reduction;
use crate::concurrence::ExactConcurrence;
use crate::decimal::max_precision;
use crate::liouvillian::{Lindblad, LiouvillianError, Sector};
use crate::nullspace::rational_null_space;
use crate::ring::{GaussQ, Q, gauss_real};

/// Largest photon cutoff of the exact solve. The reduced system has `7N − 4` unknowns and the
/// integers of its fraction-free elimination grow with `N`: measured for
/// `steadyent cavity --exact` as a whole process (release, 2-core reference machine, κ = 3.7,
/// p = 0.013, γ = 0.002): 0.02 s at `N = 4`, 0.03 s at 6, 0.05 s at 8, 0.5 s at 20, 1.7 s and
/// 180 MB at 40, 3.0 s and 300 MB at 50 (5.2 s and 450 MB at 60). The cap keeps a run within
/// seconds and a few hundred MB; the numeric engine covers larger cutoffs.
pub const MAX_EXACT_CUTOFF: usize = 50;

/// Why an exact cavity solve could not return an answer.
#[derive(Clone, Debug, Error, PartialEq)]
#[non_exhaustive]
pub enum ExactCavityError {
    /// A rate of Eq. (7)–(8) is out of its domain.
    #[error("invalid {name} = {value}: it must be {requirement}")]
    InvalidParameter {
        /// Parameter name as the user knows it (`kappa`, `pump`, …).
        name: &'static str,
        /// The rejected value, as an exact rational.
        value: String,
        /// What is accepted.
        requirement: &'static str,
    },
    /// A cutoff outside the range of the exact solve.
    #[error(
        "photon cutoff {cutoff} is outside {min}..={max} Fock states for the exact solve; the \
         cap bounds the time of exact rational elimination (choose a smaller cutoff, or the \
         numeric engine without --exact)"
    )]
    CutoffOutOfRange {
        /// Requested number of Fock states.
        cutoff: usize,
        /// Smallest supported cutoff.
        min: usize,
        /// Largest supported cutoff.
        max: usize,
    },
    /// The exact kernel of the reduced generator is not one-dimensional.
    #[error(
        "the steady state is not unique: the exact reduced Liouvillian of Eq. (7)-(8) has \
         nullity {nullity} (expected 1) on {unknowns} unknowns; e.g. pump = gamma = 0 keeps \
         the dark state |A,0> and the ground state stationary: give pump or gamma > 0"
    )]
    NotUnique {
        /// Dimension of the kernel.
        nullity: usize,
        /// Number of reduced unknowns.
        unknowns: usize,
    },
    /// A sector of the full operator space carries an unexpected kernel.
    #[error(
        "the steady state is not unique on the full space: the exact Liouvillian of Eq. \
         (7)-(8) has nullity {nullity} on the ket-bra excitation-difference sector \
         {difference} (expected {expected})"
    )]
    NotUniqueOnFullSpace {
        /// Ket minus bra excitation number of the sector.
        difference: i64,
        /// Its exact nullity.
        nullity: usize,
        /// The nullity a unique steady state implies (1 for difference 0, else 0).
        expected: usize,
    },
    /// The kernel vector has zero trace (cannot happen for a Lindblad generator; a bug).
    #[error("the stationary solution is traceless; report this as a bug")]
    Traceless,
    /// The state does not satisfy `𝓛_S r = 0` exactly on the full space (a bug).
    #[error(
        "the exact state fails 𝓛ρ = 0 on the full space at {nonzero} entries; report this as \
         a bug"
    )]
    NonZeroResidual {
        /// Number of non-zero entries of `𝓛_S r`.
        nonzero: usize,
    },
    /// The reduced two-qubit state is not X-shaped (the sector forbids it; a bug).
    #[error("the reduced two-qubit state is not X-shaped; report this as a bug")]
    NotXState,
    /// The certified decimal could not be decided within the precision cap.
    #[error(
        "the concurrence could not be certified to {digits} digits within {bits} bits; ask \
         for fewer --digits"
    )]
    PrecisionCap {
        /// Digits asked for.
        digits: usize,
        /// Highest precision tried.
        bits: u32,
    },
    /// Building the model or its reduction failed.
    #[error(transparent)]
    Cavity(#[from] CavityError),
}

impl From<LiouvillianError> for ExactCavityError {
    fn from(e: LiouvillianError) -> Self {
        ExactCavityError::Cavity(e.into())
    }
}

/// Exact rates of Eq. (7)–(8): coupling `g ≥ 0`, cavity decay `κ > 0`, pumping `p ≥ 0`, qubit
/// decay `γ ≥ 0`, rationals in any common unit (rotating frame at `ω0 = ω_cav`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExactCavityParams {
    coupling: Rational,
    kappa: Rational,
    pump: Rational,
    gamma: Rational,
}

impl ExactCavityParams {
    /// Validated exact rates of Eq. (7)–(8).
    ///
    /// # Errors
    /// [`ExactCavityError::InvalidParameter`] for a negative `g`, `p` or `γ`, or `κ ≤ 0`.
    pub fn new(
        coupling: Rational,
        kappa: Rational,
        pump: Rational,
        gamma: Rational,
    ) -> Result<Self, ExactCavityError> {
        let check = |name, value: &Rational, ok: bool, requirement| {
            if ok {
                Ok(())
            } else {
                Err(ExactCavityError::InvalidParameter {
                    name,
                    value: value.to_string(),
                    requirement,
                })
            }
        };
        check("g", &coupling, !coupling.is_negative(), "a rational ≥ 0")?;
        check("kappa", &kappa, kappa.is_positive(), "a rational > 0")?;
        check("pump", &pump, !pump.is_negative(), "a rational ≥ 0")?;
        check("gamma", &gamma, !gamma.is_negative(), "a rational ≥ 0")?;
        Ok(ExactCavityParams {
            coupling,
            kappa,
            pump,
            gamma,
        })
    }

    /// Coupling `g` (Eq. 7).
    pub fn coupling(&self) -> &Rational {
        &self.coupling
    }

    /// Cavity decay rate `κ` (Eq. 8).
    pub fn kappa(&self) -> &Rational {
        &self.kappa
    }

    /// Pumping rate `p` of each qubit (Eq. 8).
    pub fn pump(&self) -> &Rational {
        &self.pump
    }

    /// Decay rate `γ` of each qubit (Eq. 8).
    pub fn gamma(&self) -> &Rational {
        &self.gamma
    }

    /// The rates of Eq. (7)–(8) as f64 (nearest), for comparison with the numeric engine.
    ///
    /// # Errors
    /// [`CavityError::InvalidParameter`] when a rate is beyond the f64 range.
    pub fn to_f64(&self) -> Result<super::CavityParams, CavityError> {
        super::CavityParams::new(
            self.coupling.to_f64(),
            self.kappa.to_f64(),
            self.pump.to_f64(),
            self.gamma.to_f64(),
        )
    }

    /// The factorial-picture generator `𝓛_S` of Eq. (7)–(8) (module doc) on `operators`.
    fn generator(&self, operators: &CavityOperators<GaussQ>) -> Lindblad<GaussQ> {
        let q = |r: &Rational| gauss_real(r.clone());
        operators.generator_with(
            q(&self.coupling),
            None,
            [
                q(&self.pump),
                q(&self.pump),
                q(&self.gamma),
                q(&self.gamma),
                q(&self.kappa),
            ],
        )
    }
}

/// The exact steady state of Eq. (7)–(8) at a fixed cutoff.
#[derive(Clone, Debug)]
pub struct ExactCavityState {
    /// Number of Fock states.
    pub cutoff: usize,
    /// Pairs of the conserved sector (`16N − 12`).
    pub sector_size: usize,
    /// Real unknowns of the reduced problem (`7N − 4`).
    pub unknowns: usize,
    /// Exact nullity of the reduced generator (always 1 for a returned state).
    pub nullity: usize,
    /// The state `r = S⁻¹ρS⁻¹` in the factorial picture, Fock phases (no gauge), `4N × 4N`.
    pub scaled_state: DMatrix<GaussQ>,
    /// The two-qubit state `Tr_cavity ρ` (basis `|q1 q2⟩`, index `2q1 + q2`), exact.
    pub qubits: DMatrix<GaussQ>,
    /// The photon-number distribution `P(n)`, `n = 0..N`, exact.
    pub fock_populations: Vec<Rational>,
    /// The concurrence of [`Self::qubits`] (X-state form), exact.
    pub concurrence: ExactConcurrence,
    /// Non-zero entries of `𝓛_S r` on the full space (always 0 for a returned state).
    pub residual_nonzero: usize,
}

/// `n!` as an exact rational.
fn factorial(n: usize) -> Rational {
    Rational::from(Integer::factorial(n as u32))
}

/// `i^k` for an integer `k`.
fn i_power(k: i64) -> GaussQ {
    let (re, im) = match k.rem_euclid(4) {
        0 => (1, 0),
        1 => (0, 1),
        2 => (-1, 0),
        _ => (0, -1),
    };
    Complex::new(Q::from(re), Q::from(im))
}

/// The exact steady state `𝓛ρ_SS = 0`, `tr ρ_SS = 1` of Eq. (7)–(8) truncated to `cutoff` Fock
/// states, with its uniqueness (nullity 1 of the reduced generator) proven and `𝓛_S r = 0`
/// checked exactly on the full space with operator products.
///
/// # Formula
/// ```text
/// 0 = −i g Σ_i [c_i† a + c_i a†, ρ] + (p/2) Σ_i D_{c_i†}ρ + (γ/2) Σ_i D_{c_i}ρ + (κ/2) D_a ρ
///                                                     (Eq. 7–8, rotating frame, ω0 = ω_cav)
/// ρ = S r S,  S = diag(√n!) ⊗ 1,   solved for r over Q[i] (module doc)
/// ```
///
/// # Errors
/// [`ExactCavityError::CutoffOutOfRange`] outside `MIN_CUTOFF..=MAX_EXACT_CUTOFF`;
/// [`ExactCavityError::NotUnique`] when the reduced kernel is not one-dimensional (e.g.
/// `p = γ = 0`); the other variants signal bugs.
///
/// # Examples
/// ```
/// use rug::Rational;
/// use steadyent::cavity::exact::{ExactCavityParams, exact_steady_state};
/// let q = |n: i64, d: i64| Rational::from((n, d));
/// let params = ExactCavityParams::new(q(1, 1), q(37, 10), q(13, 1000), q(2, 1000)).unwrap();
/// let state = exact_steady_state(&params, 4).unwrap();
/// assert_eq!((state.unknowns, state.nullity, state.residual_nonzero), (24, 1, 0));
/// let trace = (0..4).fold(Rational::new(), |t, k| t + state.qubits[(k, k)].re.as_rational());
/// assert_eq!(trace, 1);
/// ```
pub fn exact_steady_state(
    params: &ExactCavityParams,
    cutoff: usize,
) -> Result<ExactCavityState, ExactCavityError> {
    if !(MIN_CUTOFF..=MAX_EXACT_CUTOFF).contains(&cutoff) {
        return Err(ExactCavityError::CutoffOutOfRange {
            cutoff,
            min: MIN_CUTOFF,
            max: MAX_EXACT_CUTOFF,
        });
    }
    let operators = CavityOperators::<GaussQ>::factorial_picture(cutoff)?;
    let space = operators.space();
    let reduction = Reduction::new(space.conserved_sector(), &space.qubit_swap())?;
    let sector = reduction.sector();
    let gauged = params.generator(&operators.photon_gauge());
    let reduced = real_part(&reduction.reduce(&gauged.superoperator_triplets(sector)?)?)?;
    let kernel = rational_null_space(&reduced);
    if kernel.len() != 1 {
        return Err(ExactCavityError::NotUnique {
            nullity: kernel.len(),
            unknowns: reduction.len(),
        });
    }
    let coords: Vec<GaussQ> = kernel[0].iter().map(|x| gauss_real(x.clone())).collect();
    let coords = reduction.expand(&coords);
    // Undo the gauge: r_kl = i^{n_k − n_l} r'_kl (U = diag(iⁿ) commutes with S).
    let mut scaled_state = DMatrix::from_element(space.dim(), space.dim(), GaussQ::zero());
    for (&(k, l), value) in sector.pairs().iter().zip(coords) {
        let shift = space.photons(k) as i64 - space.photons(l) as i64;
        scaled_state[(k, l)] = i_power(shift) * value;
    }
    // tr ρ = Σ_k n_k! r_kk, not tr r.
    let trace = (0..space.dim()).fold(GaussQ::zero(), |acc, k| {
        acc + scaled_state[(k, k)].clone() * gauss_real(factorial(space.photons(k)))
    });
    let inverse = crate::ring::Field::inv(&trace).ok_or(ExactCavityError::Traceless)?;
    scaled_state = scaled_state.map(|z| z * inverse.clone());
    let residual_nonzero = factorial_residual_nonzero(params, &operators, &scaled_state);
    if residual_nonzero != 0 {
        return Err(ExactCavityError::NonZeroResidual {
            nonzero: residual_nonzero,
        });
    }
    let qubits = qubit_state(space, &scaled_state);
    let concurrence = ExactConcurrence::of_x_state(&qubits).ok_or(ExactCavityError::NotXState)?;
    let fock_populations = (0..cutoff)
        .map(|n| {
            let block: Rational = (0..4)
                .map(|q| {
                    scaled_state[(4 * n + q, 4 * n + q)]
                        .re
                        .as_rational()
                        .clone()
                })
                .sum();
            block * factorial(n)
        })
        .collect();
    Ok(ExactCavityState {
        cutoff,
        sector_size: sector.len(),
        unknowns: reduction.len(),
        nullity: 1,
        scaled_state,
        qubits,
        fock_populations,
        concurrence,
        residual_nonzero,
    })
}

/// Number of non-zero entries of `𝓛_S r` (Eq. 7–8 in the factorial picture, Fock phases,
/// full `4N × 4N` space), computed exactly with operator products: independent of the
/// sector, gauge and swap reduction that produced `r`. `operators` are those of
/// [`CavityOperators::factorial_picture`] (0 then means `𝓛ρ = 0` exactly for `ρ = S r S`).
pub fn factorial_residual_nonzero(
    params: &ExactCavityParams,
    operators: &CavityOperators<GaussQ>,
    scaled_state: &DMatrix<GaussQ>,
) -> usize {
    params
        .generator(operators)
        .apply(scaled_state)
        .iter()
        .filter(|z| !z.is_zero())
        .count()
}

/// Proves uniqueness of the steady state of Eq. (7)–(8) at `cutoff` on the whole operator
/// space, exactly: the `(4N)²` operators split into the ket–bra excitation-difference sectors
/// `d = −(N+1) … N+1`, each invariant under `𝓛`, so `ker 𝓛` is the direct sum of the sector
/// kernels. The kernel of a Lindblad generator is spanned by density matrices (it is closed
/// under `†`, and the positive and negative parts of a Hermitian element are stationary, as
/// for any trace-preserving positive semigroup), so total nullity 1 — 1 for `d = 0`, 0 for
/// every other `d` — is uniqueness of the steady state. Computed on the
/// factorial-picture generator in the photon phase gauge, where it is real (`S` invertible,
/// the gauge unitary, both diagonal: the sectors and their nullities are those of `𝓛`; the
/// rank of a rational matrix is that over `C`), by fraction-free elimination, without swap
/// reduction. Returns
/// `(d, sector size, nullity)` for every sector.
///
/// # Errors
/// [`ExactCavityError::NotUniqueOnFullSpace`] for the first sector with another nullity;
/// [`ExactCavityError::CutoffOutOfRange`] outside `MIN_CUTOFF..=MAX_EXACT_CUTOFF`.
pub fn prove_full_uniqueness(
    params: &ExactCavityParams,
    cutoff: usize,
) -> Result<Vec<(i64, usize, usize)>, ExactCavityError> {
    if !(MIN_CUTOFF..=MAX_EXACT_CUTOFF).contains(&cutoff) {
        return Err(ExactCavityError::CutoffOutOfRange {
            cutoff,
            min: MIN_CUTOFF,
            max: MAX_EXACT_CUTOFF,
        });
    }
    let operators = CavityOperators::<GaussQ>::factorial_picture(cutoff)?;
    let generator = params.generator(&operators.photon_gauge());
    let excitations = operators.space().excitations();
    let top = excitations.iter().copied().max().unwrap_or(0);
    (-top..=top)
        .map(|difference| {
            let sector = Sector::charge_difference(&excitations, difference);
            let superoperator = real_part(&generator.superoperator(&sector)?)?;
            let nullity = rational_null_space(&superoperator).len();
            let expected = usize::from(difference == 0);
            if nullity == expected {
                Ok((difference, sector.len(), nullity))
            } else {
                Err(ExactCavityError::NotUniqueOnFullSpace {
                    difference,
                    nullity,
                    expected,
                })
            }
        })
        .collect()
}

/// The rational matrix of a real Gaussian-rational one (a superoperator of Eq. 7–8 in the
/// photon phase gauge).
///
/// # Errors
/// [`CavityError::SymmetryBroken`] when an entry has an imaginary part (the gauge did not make
/// the generator real: a bug).
fn real_part(m: &DMatrix<GaussQ>) -> Result<DMatrix<Rational>, ExactCavityError> {
    if let Some(z) = m.iter().find(|z| !z.im.is_zero()) {
        return Err(CavityError::SymmetryBroken {
            symmetry: "real in the photon phase gauge",
            mismatch: z.im.as_rational().to_f64().abs(),
        }
        .into());
    }
    Ok(m.map(|z| z.re.as_rational().clone()))
}

/// `Tr_cavity ρ = Σ_n n! r_{(n,q),(n,q')}` from the factorial-picture state `r` (module doc):
/// the two-qubit state of Fig. 2(b)–(c), exact.
fn qubit_state(space: CavitySpace, scaled_state: &DMatrix<GaussQ>) -> DMatrix<GaussQ> {
    DMatrix::from_fn(4, 4, |q, s| {
        (0..space.cutoff()).fold(GaussQ::zero(), |acc, n| {
            acc + scaled_state[(4 * n + q, 4 * n + s)].clone() * gauss_real(factorial(n))
        })
    })
}

impl ExactCavityState {
    /// `ρ = S r S` in the Fock basis of Eq. (7), rounded to f64 (for comparison with the numeric
    /// engine; `√(n! m!)` is irrational in general).
    pub fn fock_state_f64(&self) -> DMatrix<Complex64> {
        let scale: Vec<f64> = (0..self.scaled_state.nrows())
            .map(|k| factorial(k / 4).to_f64().sqrt())
            .collect();
        DMatrix::from_fn(
            self.scaled_state.nrows(),
            self.scaled_state.ncols(),
            |k, l| {
                let z = &self.scaled_state[(k, l)];
                Complex64::new(z.re.as_rational().to_f64(), z.im.as_rational().to_f64())
                    * (scale[k] * scale[l])
            },
        )
    }

    /// The concurrence (Wootters, paper text above Eq. 4) of the exact two-qubit state to
    /// `digits` correctly rounded significant digits, each certified by an interval enclosure
    /// of `√u − √v` (or computed exactly when both are perfect squares).
    ///
    /// # Errors
    /// [`ExactCavityError::PrecisionCap`] when the enclosure does not decide the digits within
    /// [`max_precision`] bits.
    pub fn concurrence_decimal(&self, digits: usize) -> Result<String, ExactCavityError> {
        self.concurrence
            .decimal(digits)
            .ok_or(ExactCavityError::PrecisionCap {
                digits,
                bits: max_precision(digits),
            })
    }
}
