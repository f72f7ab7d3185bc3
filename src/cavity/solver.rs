//! The steady state of Eq. (7)–(8) at a fixed photon cutoff, solved on the smallest invariant
//! real subspace that holds it, then checked on the full space with operator products.
//!
//! Three exact symmetries of Eq. (7)–(8) shrink the problem (cutoff 6: 576 complex unknowns →
//! 84 in the conserved sector → 38 real ones):
//! 1. the excitation number `n + q1 + q2` is conserved between ket and bra, so `ρ_SS` lies in
//!    the ket–bra difference-0 sector;
//! 2. in the gauge `|n q1 q2⟩ ↦ iⁿ |n q1 q2⟩` (`a ↦ i a`) the Hamiltonian is `i ×` a real
//!    antisymmetric matrix and the jumps are real, so the generator maps real matrices to real
//!    matrices and the unique `ρ_SS` is real symmetric there;
//! 3. the qubits are exchangeable, so `ρ_SS` is invariant under the swap.
//!
//! The generator is linear in `g, p, γ, κ, ω0`; each term's reduced matrix is built once per
//! cutoff from the generic [`Lindblad`](crate::liouvillian::Lindblad) builder, and a point costs
//! one small dense real LU.

use nalgebra::{DMatrix, DVector};
use num_complex::Complex64;

use super::CavityError;
use super::model::{CavityOperators, CavitySpace, fock_populations, qubit_state};
use super::params::{CavityParams, Frame};
use super::reduction::Reduction;
use crate::concurrence::wootters;
use crate::liouvillian::{Lindblad, Sector};
use crate::steady_state::SteadyStateError;

/// A pivot of the trace-augmented reduced system below this fraction of the largest pivot is
/// taken as zero: the kernel of `𝓛` is then more than one-dimensional (non-unique steady state).
/// LU with partial pivoting loses about `n ε` relative accuracy (`n ≤ 700` unknowns), so pivots
/// of a genuinely singular matrix sit near `1e-13`; physical slow rates in Fig. 2 (`p/κ ≥ 2e-7`)
/// stay far above the threshold.
pub const SINGULAR_PIVOT: f64 = 1e-11;

/// The residual `max|𝓛ρ|` must not exceed this fraction of the largest entry of the reduced
/// generator. A backward-stable solve leaves about `n ε ≈ 1e-14`; a larger residual means the
/// solution is not trustworthy and is reported, not returned.
pub const RESIDUAL_TOLERANCE: f64 = 1e-10;

/// The reduced matrices of the terms of Eq. (7)–(8) at unit coefficient.
#[derive(Clone, Debug)]
struct ReducedTerms {
    coupling: DMatrix<f64>,
    free: DMatrix<f64>,
    pump: DMatrix<f64>,
    decay: DMatrix<f64>,
    cavity: DMatrix<f64>,
}

/// A steady state of the full model with its quality figures.
#[derive(Clone, Debug)]
pub struct CavitySteadyState {
    /// Number of Fock states.
    pub cutoff: usize,
    /// `ρ_SS` on `cavity ⊗ qubit 1 ⊗ qubit 2` (original basis, Hermitian, `tr ρ = 1`).
    pub rho: DMatrix<Complex64>,
    /// The two-qubit state `Tr_cavity ρ_SS`.
    pub qubits: DMatrix<Complex64>,
    /// Wootters concurrence of [`Self::qubits`] (Fig. 2b–c, full model).
    pub concurrence: f64,
    /// `max|𝓛ρ|` of Eq. (7)–(8) from operator products on the full space (units of the rates).
    pub residual: f64,
    /// Population of the highest Fock level kept, `P(N − 1)`.
    pub top_fock_population: f64,
    /// Mean photon number `⟨a†a⟩`.
    pub mean_photon_number: f64,
}

/// The symmetry-reduced steady-state solver of Eq. (7)–(8) at one photon cutoff.
#[derive(Clone, Debug)]
pub struct CavitySolver {
    operators: CavityOperators,
    /// Eq. (7)–(8) at `g = p = γ = κ = 1` in the original basis, for residuals by linearity.
    unit_generator: Lindblad<Complex64>,
    /// `i[·, Σ_i c_i†c_i + a†a]` (the lab-frame part at `ω0 = 1`), for residuals.
    free_generator: Lindblad<Complex64>,
    reduction: Reduction,
    terms: ReducedTerms,
    trace_row: usize,
}

impl CavitySolver {
    /// Builds and caches the reduced term matrices at `cutoff` Fock states.
    ///
    /// # Errors
    /// [`CavityError::CutoffOutOfRange`] outside `MIN_CUTOFF..=MAX_CUTOFF`;
    /// [`CavityError::SymmetryBroken`] if a term lacks a symmetry (a bug, not an input error).
    pub fn new(cutoff: usize) -> Result<Self, CavityError> {
        let operators = CavityOperators::new(cutoff)?;
        let space = operators.space();
        let sector = Sector::charge_difference(&space.excitations(), 0);
        let reduction = Reduction::new(sector, &space.qubit_swap())?;
        let unit = CavityParams::new(1.0, 1.0, 1.0, 1.0)?;
        let gauged = operators.photon_gauge().generator(&unit);
        let unit_generator = operators.generator(&unit);
        let free_generator = Lindblad::new(operators.free_hamiltonian().clone());
        let sector = reduction.sector();
        let channel = |k: usize| gauged.dissipator_triplets(k, sector);
        let pair = |k: usize| -> Result<Vec<_>, CavityError> {
            Ok([channel(k)?, channel(k + 1)?].concat())
        };
        let terms = ReducedTerms {
            coupling: reduction.reduce(&gauged.hamiltonian_triplets(sector)?)?,
            free: reduction.reduce(&free_generator.hamiltonian_triplets(sector)?)?,
            pump: reduction.reduce(&pair(0)?)?,
            decay: reduction.reduce(&pair(2)?)?,
            cavity: reduction.reduce(&channel(4)?)?,
        };
        let trace_row = reduction
            .orbit(0, 0)
            .expect("the ground state |0 0 0⟩⟨0 0 0| is in the conserved sector");
        Ok(CavitySolver {
            operators,
            unit_generator,
            free_generator,
            reduction,
            terms,
            trace_row,
        })
    }

    /// Number of Fock states.
    pub fn cutoff(&self) -> usize {
        self.operators.space().cutoff()
    }

    /// The Hilbert space.
    pub fn space(&self) -> CavitySpace {
        self.operators.space()
    }

    /// Number of real unknowns of the reduced problem.
    pub fn unknowns(&self) -> usize {
        self.reduction.len()
    }

    /// The operators of the model (for residuals and observables).
    pub fn operators(&self) -> &CavityOperators {
        &self.operators
    }

    /// The reduced real generator `M` of Eq. (7)–(8) at `params`:
    /// `M = g M_g + ω0 M_ω0 + p M_p + γ M_γ + κ M_κ`.
    fn reduced_generator(&self, params: &CavityParams) -> DMatrix<f64> {
        let t = &self.terms;
        let omega0 = match params.frame() {
            Frame::Rotating => 0.0,
            Frame::Lab { omega0 } => omega0,
        };
        let mut m = t.coupling.clone() * params.coupling();
        for (coefficient, term) in [
            (omega0, &t.free),
            (params.pump(), &t.pump),
            (params.gamma(), &t.decay),
            (params.kappa(), &t.cavity),
        ] {
            m.zip_apply(term, |mi, ti| *mi += coefficient * ti);
        }
        m
    }

    /// The steady state `𝓛ρ_SS = 0`, `tr ρ_SS = 1` of Eq. (7)–(8) at this cutoff.
    ///
    /// # Formula
    /// ```text
    /// 0 = i[ρ, H_TC] + (p/2) Σ_i D_{c_i†}ρ + (γ/2) Σ_i D_{c_i}ρ + (κ/2) D_a ρ    (Eq. 7–8)
    /// ```
    /// solved in reduced coordinates with one redundant row (the trace of `𝓛ρ` vanishes
    /// identically) replaced by `tr ρ = 1`; LU with partial pivoting.
    ///
    /// # Errors
    /// [`SteadyStateError::NotUnique`] (through [`CavityError::SteadyState`]) when the reduced
    /// generator has a numerically zero pivot besides the trace direction (e.g. `p = γ = 0`,
    /// where the dark state `|A, 0⟩` and the ground state are both stationary; the reported
    /// nullity counts the zero pivots); [`SteadyStateError::IllConditioned`] when the residual
    /// on the full space exceeds [`RESIDUAL_TOLERANCE`] of the generator's scale.
    pub fn solve(&self, params: &CavityParams) -> Result<CavitySteadyState, CavityError> {
        let n = self.unknowns();
        let mut m = self.reduced_generator(params);
        let scale = m.amax().max(f64::MIN_POSITIVE);
        for (col, &w) in self.reduction.trace_weights().iter().enumerate() {
            m[(self.trace_row, col)] = w * scale;
        }
        let mut rhs = DVector::zeros(n);
        rhs[self.trace_row] = scale;
        let lu = m.lu();
        let u = lu.u();
        let pivots = u.diagonal().map(f64::abs);
        let largest = pivots.max();
        let zero_pivots = pivots
            .iter()
            .filter(|&&p| p <= SINGULAR_PIVOT * largest)
            .count();
        if zero_pivots > 0 {
            return Err(SteadyStateError::NotUnique {
                nullity: zero_pivots + 1,
            }
            .into());
        }
        let x = lu
            .solve(&rhs)
            .ok_or(SteadyStateError::NotUnique { nullity: 2 })?;
        let trace: f64 = x
            .iter()
            .zip(self.reduction.trace_weights())
            .map(|(v, w)| v * w)
            .sum();
        let coords: Vec<f64> = x.iter().map(|v| v / trace).collect();
        let rho = self.density_matrix(&coords);
        let residual = self.residual(params, &rho);
        let tolerance = RESIDUAL_TOLERANCE * scale;
        if residual.is_nan() || residual > tolerance {
            return Err(SteadyStateError::IllConditioned {
                residual,
                tolerance,
            }
            .into());
        }
        let qubits = qubit_state(&rho);
        let concurrence = wootters(&qubits).expect("the qubit state is 4×4");
        let fock = fock_populations(&rho);
        Ok(CavitySteadyState {
            cutoff: self.cutoff(),
            concurrence,
            residual,
            top_fock_population: fock[fock.len() - 1],
            mean_photon_number: fock.iter().enumerate().map(|(k, p)| k as f64 * p).sum(),
            qubits,
            rho,
        })
    }

    /// `max|𝓛ρ|` of Eq. (7)–(8) at `params`, computed with sparse operator products on the full
    /// space in the original basis (independent of the sector, gauge and swap reduction), as
    /// `g·i[ρ, H_g] + ω0·i[ρ, H_0] + Σ_k r_k (1/2) D_{o_k}(ρ)` from unit-rate terms.
    pub fn residual(&self, params: &CavityParams, rho: &DMatrix<Complex64>) -> f64 {
        let re = |x: f64| Complex64::new(x, 0.0);
        let mut image = DMatrix::from_element(rho.nrows(), rho.ncols(), re(0.0));
        self.unit_generator
            .add_hamiltonian(rho, &re(params.coupling()), &mut image);
        if let Frame::Lab { omega0 } = params.frame() {
            self.free_generator
                .add_hamiltonian(rho, &re(omega0), &mut image);
        }
        let rates = [
            params.pump(),
            params.pump(),
            params.gamma(),
            params.gamma(),
            params.kappa(),
        ];
        for (k, rate) in rates.into_iter().enumerate() {
            self.unit_generator.add_jump(k, rho, &re(rate), &mut image);
        }
        image.iter().map(|z| z.norm()).fold(0.0, f64::max)
    }

    /// ρ in the original basis from reduced coordinates: `ρ_kl = i^{n_k − n_l} r_kl`, undoing
    /// the photon phase gauge.
    fn density_matrix(&self, reduced: &[f64]) -> DMatrix<Complex64> {
        let space = self.space();
        let sector = self.reduction.sector();
        let mut rho = DMatrix::from_element(space.dim(), space.dim(), Complex64::new(0.0, 0.0));
        for (&(k, l), r) in sector.pairs().iter().zip(self.reduction.expand(reduced)) {
            let shift = space.photons(k) as i64 - space.photons(l) as i64;
            rho[(k, l)] = match shift.rem_euclid(4) {
                0 => Complex64::new(r, 0.0),
                1 => Complex64::new(0.0, r),
                2 => Complex64::new(-r, 0.0),
                _ => Complex64::new(0.0, -r),
            };
        }
        rho
    }
}
