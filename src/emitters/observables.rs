//! Observables of an N-emitter steady state from its symmetric coordinates: one emitter's
//! excited population, the photon statistics (`⟨a†a⟩`, `g²(0)`), the reduced state of any
//! two emitters (and its Wootters concurrence), the collective spin moments and Tóth's
//! separability criterion — written once for f64 and for exact rationals.

use nalgebra::DMatrix;
use num_complex::{Complex, Complex64};
use rug::Rational;

use super::basis::{EE, EG, GE, GG, SymmetricSpace};
use super::scalar::Scalar;
use crate::concurrence::{ExactConcurrence, wootters};
use crate::ring::{GaussQ, Q};

/// The observables of a steady state of N emitters (Eq. 7–8 with N emitters, or Eq. 9
/// generalised), in the scalar type of the solve.
///
/// The two-emitter state is in the basis `|a₁ a₂⟩`, index `2a₁ + a₂` (`g = 0`, `e = 1`): all
/// pairs are equal by permutation symmetry, and in the excitation-conserving sector it is an X
/// state whose only coherence is `⟨ge|ρ₁₂|eg⟩`. Spin operators are `J = Σᵢ σᵢ/2`; in the
/// sector `⟨Jx⟩ = ⟨Jy⟩ = 0`.
#[derive(Clone, Debug, PartialEq)]
pub struct Observables<T> {
    /// Number of emitters `N`.
    pub emitters: usize,
    /// Photon-number distribution `P(n)`, `n = 0..cutoff`.
    pub photon_distribution: Vec<T>,
    /// `⟨σᵢ⁺σᵢ⁻⟩` of one emitter.
    pub excited_population: T,
    /// `⟨a†a⟩`.
    pub mean_photon_number: T,
    /// `⟨a†a†aa⟩`.
    pub photon_pair_moment: T,
    /// `g²(0) = ⟨a†a†aa⟩ / ⟨a†a⟩²`; `None` when the cavity is empty (`⟨a†a⟩ = 0`, e.g. the
    /// effective model).
    pub g2_zero: Option<T>,
    /// `ρ₁₂ = Tr_{3…N, cavity} ρ` (real symmetric in this sector); `None` for `N = 1`.
    pub pair_state: Option<[[T; 4]; 4]>,
    /// `⟨Jz⟩ = N (⟨σ⁺σ⁻⟩ − 1/2)`.
    pub spin_z: T,
    /// `⟨J²⟩ = ⟨Jx² + Jy² + Jz²⟩`.
    pub spin_squared: T,
    /// `(ΔJx)² + (ΔJy)² + (ΔJz)² = ⟨J²⟩ − ⟨Jz⟩²`.
    pub spin_variance_sum: T,
}

impl<T: Scalar> Observables<T> {
    /// The observables of the state with coordinates `x` over the elements of `space` (the
    /// picture of `T`: Fock basis for f64, factorial picture for rationals).
    ///
    /// # Formula
    /// ```text
    /// P(n)     = Σ_{q: q_ge = q_eg = 0} w(n) x(q, n, n)                 w(n) = 1 or n!
    /// ⟨σ⁺σ⁻⟩   = Σ P-weights · q_ee / N
    /// ρ₁₂[α,β] = Σ_{q − e_α − e_β diagonal} w(n) x(q, n, n) · q_α (q_β − δ_αβ) / (N(N − 1))
    /// ⟨J²⟩     = 3N/4 + N(N − 1) (ρ₁₂[ge,eg] + ⟨s₁ᶻ s₂ᶻ⟩)
    /// ```
    /// (`α = 2a₁ + b₁` is emitter 1's label `|a₁⟩⟨b₁|`, `β` emitter 2's.)
    pub fn of(space: &SymmetricSpace, x: &[T]) -> Self {
        let zero = || T::from_int(0);
        let emitters = space.emitters();
        let big_n = T::from_int(emitters as i64);
        let mut photon_distribution = vec![zero(); space.cutoff()];
        let mut excited = zero();
        let mut pair: [[T; 4]; 4] = std::array::from_fn(|_| std::array::from_fn(|_| zero()));
        for (e, value) in space.elements().iter().zip(x) {
            if e.ket != e.bra || value.is_zero() {
                continue;
            }
            let n = usize::from(e.ket);
            let weighted = value.mul(&T::diagonal_weight(n));
            let q = e.counts.map(i64::from);
            if q[GE] == 0 && q[EG] == 0 {
                photon_distribution[n].add_assign(&weighted);
                excited.add_assign(&weighted.mul(&T::from_int(q[EE])));
            }
            if emitters < 2 {
                continue;
            }
            for alpha in [GG, GE, EG, EE] {
                for beta in [GG, GE, EG, EE] {
                    let mut rest = q;
                    rest[alpha] -= 1;
                    rest[beta] -= 1;
                    if rest.iter().any(|&c| c < 0) || rest[GE] != 0 || rest[EG] != 0 {
                        continue;
                    }
                    let multiplicity = q[alpha] * (q[beta] - i64::from(alpha == beta));
                    let (row, col) = (2 * (alpha / 2) + beta / 2, 2 * (alpha % 2) + beta % 2);
                    pair[row][col].add_assign(&weighted.mul(&T::from_int(multiplicity)));
                }
            }
        }
        let excited_population = excited.div(&big_n);
        let pairs = T::from_int((emitters * emitters.saturating_sub(1)) as i64);
        let pair_state = (emitters >= 2).then(|| pair.map(|row| row.map(|v| v.div(&pairs))));
        let mut mean = zero();
        let mut pair_moment = zero();
        for (n, p) in photon_distribution.iter().enumerate() {
            let n = n as i64;
            mean.add_assign(&p.mul(&T::from_int(n)));
            pair_moment.add_assign(&p.mul(&T::from_int(n * (n - 1))));
        }
        let g2_zero = (!mean.is_zero()).then(|| pair_moment.div(&mean.mul(&mean)));
        // ⟨Jz⟩ = N⟨σ⁺σ⁻⟩ − N/2
        let half = |v: T| v.div(&T::from_int(2));
        let mut spin_z = excited_population.mul(&big_n);
        spin_z.add_assign(&half(T::from_int(-(emitters as i64))));
        // ⟨J²⟩ = 3N/4 + N(N−1)(ρ[ge,eg] + (ρgg − ρge − ρeg + ρee)/4)
        let mut spin_squared = T::from_int(3 * emitters as i64).div(&T::from_int(4));
        if let Some(p) = &pair_state {
            let mut zz = p[0][0].clone();
            zz.add_assign(&p[1][1].mul(&T::from_int(-1)));
            zz.add_assign(&p[2][2].mul(&T::from_int(-1)));
            zz.add_assign(&p[3][3]);
            let mut correlation = zz.div(&T::from_int(4));
            correlation.add_assign(&p[1][2]);
            spin_squared.add_assign(&correlation.mul(&pairs));
        }
        let mut spin_variance_sum = spin_squared.clone();
        spin_variance_sum.add_assign(&spin_z.mul(&spin_z).mul(&T::from_int(-1)));
        Observables {
            emitters,
            photon_distribution,
            excited_population,
            mean_photon_number: mean,
            photon_pair_moment: pair_moment,
            g2_zero,
            pair_state,
            spin_z,
            spin_squared,
            spin_variance_sum,
        }
    }

    /// Tóth's bound (Tóth, Knapp, Gühne, Briegel, PRL 99, 250405 (2007)): every separable
    /// state of N spin-1/2 has `(ΔJx)² + (ΔJy)² + (ΔJz)² ≥ N/2`. Returns `N/2 − variance sum`:
    /// positive proves entanglement.
    pub fn toth_margin(&self) -> T {
        let mut margin = T::from_int(self.emitters as i64).div(&T::from_int(2));
        margin.add_assign(&self.spin_variance_sum.mul(&T::from_int(-1)));
        margin
    }

    /// The Koashi–Bužek–Imoto bound (PRA 62, 050302 (2000)): the pairwise concurrence of a
    /// permutation-symmetric state of N qubits is at most `2/N`.
    pub fn koashi_buzek_imoto_bound(&self) -> f64 {
        2.0 / self.emitters as f64
    }
}

impl Observables<f64> {
    /// Wootters concurrence of the pair state (paper, text above Eq. 4); `None` for `N = 1`.
    pub fn pair_concurrence(&self) -> Option<f64> {
        let p = self.pair_state.as_ref()?;
        let rho = DMatrix::from_fn(4, 4, |i, j| Complex64::new(p[i][j], 0.0));
        wootters(&rho)
    }

    /// The pair state as a complex 4×4 matrix (basis `|a₁ a₂⟩`).
    pub fn pair_matrix(&self) -> Option<DMatrix<Complex64>> {
        let p = self.pair_state.as_ref()?;
        Some(DMatrix::from_fn(4, 4, |i, j| Complex64::new(p[i][j], 0.0)))
    }
}

impl Observables<Rational> {
    /// The exact X-state concurrence `√u − √v` of the pair state; `None` for `N = 1`.
    pub fn pair_concurrence(&self) -> Option<ExactConcurrence> {
        let p = self.pair_state.as_ref()?;
        let rho = DMatrix::from_fn(4, 4, |i, j| -> GaussQ {
            Complex::new(Q(p[i][j].clone()), Q::new(0, 1))
        });
        ExactConcurrence::of_x_state(&rho)
    }
}
