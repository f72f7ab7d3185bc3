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
//! cutoff from the generic [`Lindblad`] builder. Ordered by
//! excitation number the reduced generator is block-tridiagonal (jumps move one excitation), so
//! a point costs one banded real LU, linear in the cutoff, plus a residual check on the full
//! space with sparse operator products.

use nalgebra::{DMatrix, DVector};
use num_complex::Complex64;

use super::CavityError;
use super::banded::BandedMatrix;
use super::model::{CavityOperators, CavitySpace, fock_populations, qubit_state};
use super::params::{CavityParams, Frame};
use super::reduction::Reduction;
use crate::concurrence::wootters;
use crate::liouvillian::{Entry, Lindblad, entries};
use crate::steady_state::SteadyStateError;

/// A pivot of the normalised reduced system below this fraction of the largest pivot is taken
/// as zero: the kernel of `𝓛` is then more than one-dimensional (non-unique steady state).
/// LU with partial pivoting loses about `n ε` relative accuracy (`n ≤ 700` unknowns), so pivots
/// of a genuinely singular matrix sit near `1e-13`; physical slow rates in Fig. 2 (`p/κ ≥ 2e-7`)
/// stay far above the threshold. A steady state whose slowest relaxation is below `1e-11` of the
/// fastest rate is numerically indistinguishable from a non-unique one and is reported as such.
pub const SINGULAR_PIVOT: f64 = 1e-11;

/// The residual `max|𝓛ρ|` must not exceed this fraction of the largest entry of the reduced
/// generator. A backward-stable solve leaves about `n ε ≈ 1e-14`; a larger residual means the
/// solution is not trustworthy and is reported, not returned.
pub const RESIDUAL_TOLERANCE: f64 = 1e-10;

/// The reduced generator of Eq. (7)–(8) as a sparse list of entries, each with its value in the
/// five terms at unit coefficient, in the order `g, ω0, p, γ, κ`
/// (`M = g M_g + ω0 M_ω0 + p M_p + γ M_γ + κ M_κ`), and its bandwidths.
#[derive(Clone, Debug)]
struct ReducedGenerator {
    entries: Vec<(usize, usize, [f64; 5])>,
    lower_bandwidth: usize,
    upper_bandwidth: usize,
}

impl ReducedGenerator {
    fn new(terms: [DMatrix<f64>; 5]) -> Self {
        let n = terms[0].nrows();
        let mut entries = Vec::new();
        let (mut kl, mut ku) = (0, 0);
        for j in 0..n {
            for i in 0..n {
                let values = [0, 1, 2, 3, 4].map(|t| terms[t][(i, j)]);
                if values.iter().any(|&v| v != 0.0) {
                    entries.push((i, j, values));
                    kl = kl.max(i.saturating_sub(j));
                    ku = ku.max(j.saturating_sub(i));
                }
            }
        }
        ReducedGenerator {
            entries,
            lower_bandwidth: kl,
            upper_bandwidth: ku,
        }
    }
}

/// The coefficients `g, ω0, p, γ, κ` of the reduced terms at `params`.
fn coefficients(params: &CavityParams) -> [f64; 5] {
    let omega0 = match params.frame() {
        Frame::Rotating => 0.0,
        Frame::Lab { omega0 } => omega0,
    };
    [
        params.coupling(),
        omega0,
        params.pump(),
        params.gamma(),
        params.kappa(),
    ]
}

fn dot(values: &[f64; 5], coefficients: &[f64; 5]) -> f64 {
    values.iter().zip(coefficients).map(|(v, c)| v * c).sum()
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
    /// Photon-number distribution `P(0), …, P(N − 1)` (the diagonal of the cavity's reduced
    /// state).
    pub photon_distribution: Vec<f64>,
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
    generator: ReducedGenerator,
    /// The orbit of `|0,00⟩⟨0,00|`: its row of `M` is redundant and is replaced by a
    /// normalisation.
    ground: usize,
}

impl CavitySolver {
    /// Builds and caches the reduced matrices of the terms of Eq. (7)–(8) at `cutoff` Fock
    /// states.
    ///
    /// # Errors
    /// [`CavityError::CutoffOutOfRange`] outside `MIN_CUTOFF..=MAX_CUTOFF`;
    /// [`CavityError::SymmetryBroken`] if a term lacks a symmetry (a bug, not an input error).
    pub fn new(cutoff: usize) -> Result<Self, CavityError> {
        let operators = CavityOperators::new(cutoff)?;
        let space = operators.space();
        // The conserved sector, ordered by excitation number so that the reduced generator is
        // block-tridiagonal (jumps change it by ±1) and banded.
        let reduction = Reduction::new(space.conserved_sector(), &space.qubit_swap())?;
        let unit = CavityParams::new(1.0, 1.0, 1.0, 1.0)?;
        let gauged = operators.photon_gauge().generator(&unit);
        let unit_generator = operators.generator(&unit);
        let free_generator = Lindblad::new(operators.free_hamiltonian().clone());
        let sector = reduction.sector();
        let channel = |k: usize| gauged.dissipator_triplets(k, sector);
        let pair = |k: usize| -> Result<Vec<_>, CavityError> {
            Ok([channel(k)?, channel(k + 1)?].concat())
        };
        let real = |m: DMatrix<Complex64>| m.map(|z| z.re);
        let generator = ReducedGenerator::new([
            real(reduction.reduce(&gauged.hamiltonian_triplets(sector)?)?),
            real(reduction.reduce(&free_generator.hamiltonian_triplets(sector)?)?),
            real(reduction.reduce(&pair(0)?)?),
            real(reduction.reduce(&pair(2)?)?),
            real(reduction.reduce(&channel(4)?)?),
        ]);
        let ground = reduction
            .orbit(0, 0)
            .expect("the ground state |0 0 0⟩⟨0 0 0| is in the conserved sector");
        Ok(CavitySolver {
            operators,
            unit_generator,
            free_generator,
            reduction,
            generator,
            ground,
        })
    }

    /// Number of Fock states of the cavity mode of Eq. (7).
    pub fn cutoff(&self) -> usize {
        self.operators.space().cutoff()
    }

    /// The Hilbert space of Eq. (7).
    pub fn space(&self) -> CavitySpace {
        self.operators.space()
    }

    /// Number of real unknowns of the reduced steady-state problem of Eq. (7)–(8).
    pub fn unknowns(&self) -> usize {
        self.reduction.len()
    }

    /// The operators of Eq. (7)–(8) (for residuals and observables).
    pub fn operators(&self) -> &CavityOperators {
        &self.operators
    }

    /// The steady state `𝓛ρ_SS = 0`, `tr ρ_SS = 1` of Eq. (7)–(8) at this cutoff.
    ///
    /// # Formula
    /// ```text
    /// 0 = i[ρ, H_TC] + (p/2) Σ_i D_{c_i†}ρ + (γ/2) Σ_i D_{c_i}ρ + (κ/2) D_a ρ    (Eq. 7–8)
    /// ```
    /// solved in reduced coordinates. The row of the ground population is redundant (the trace
    /// of `𝓛ρ` vanishes identically); it is replaced by `ρ_ground = 1`, which keeps the system
    /// banded, and ρ is normalised to `tr ρ = 1` afterwards: banded LU with partial pivoting,
    /// cost linear in the cutoff. If that system is singular (the ground state is empty, e.g.
    /// `g = γ = 0`, or the steady state is not unique) the dense system with the trace row
    /// `tr ρ = 1` decides. Uniqueness is judged on the reduced (swap-symmetric, gauge-real)
    /// problem, which holds every Hermitian steady state averaged over the symmetries; a second
    /// steady state that only breaks the swap symmetry would not be seen here; the unreduced
    /// solves of `tests/cavity.rs` (which would fail on any extra kernel) agree at the points
    /// they test.
    ///
    /// # Errors
    /// [`CavityError::NotUnique`] when the reduced generator with the trace row has a
    /// numerically zero pivot (e.g. `p = γ = 0`, where the dark state `|A, 0⟩` and the ground
    /// state are both stationary; the reported nullity is one plus the number of zero pivots);
    /// [`SteadyStateError::IllConditioned`] (through [`CavityError::SteadyState`]) when the
    /// residual on the full space exceeds [`RESIDUAL_TOLERANCE`] of the generator's scale.
    pub fn solve(&self, params: &CavityParams) -> Result<CavitySteadyState, CavityError> {
        let n = self.unknowns();
        let c = coefficients(params);
        let g = &self.generator;
        let mut band = BandedMatrix::zeros(n, g.lower_bandwidth, g.upper_bandwidth);
        let mut scale = f64::MIN_POSITIVE;
        for (i, j, values) in &g.entries {
            let value = dot(values, &c);
            scale = scale.max(value.abs());
            if *i != self.ground {
                band.add(*i, *j, value);
            }
        }
        band.set_unit_row(self.ground, scale);
        let mut x = vec![0.0; n];
        x[self.ground] = scale;
        if band.solve_in_place(&mut x).count_below(SINGULAR_PIVOT) > 0 {
            x = self.solve_dense(&c, scale).map_err(|nullity| {
                let rates = c.iter().filter(|&&r| r > 0.0);
                let (low, high) =
                    rates.fold((f64::INFINITY, 0.0_f64), |(l, h), &r| (l.min(r), h.max(r)));
                CavityError::NotUnique {
                    nullity,
                    rate_span: high / low,
                }
            })?;
        }
        let trace: f64 = x
            .iter()
            .zip(self.reduction.trace_weights())
            .map(|(v, w)| v * w)
            .sum();
        let coords: Vec<f64> = x.iter().map(|v| v / trace).collect();
        let rho_entries = self.state_entries(&coords);
        let dim = self.space().dim();
        let mut rho = DMatrix::from_element(dim, dim, Complex64::new(0.0, 0.0));
        for &(k, l, value) in &rho_entries {
            rho[(k, l)] = value;
        }
        let residual = self.residual_of_entries(params, &rho_entries, dim);
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
            photon_distribution: fock,
            qubits,
            rho,
        })
    }

    /// The reduced system with the ground row replaced by the trace row `tr ρ = 1`, dense LU:
    /// the definitive uniqueness test. Fails with the estimated nullity (one plus the number
    /// of zero pivots).
    fn solve_dense(&self, c: &[f64; 5], scale: f64) -> Result<Vec<f64>, usize> {
        let n = self.unknowns();
        let mut m = DMatrix::<f64>::zeros(n, n);
        for (i, j, values) in &self.generator.entries {
            m[(*i, *j)] = dot(values, c);
        }
        for (col, &w) in self.reduction.trace_weights().iter().enumerate() {
            m[(self.ground, col)] = w * scale;
        }
        let mut rhs = DVector::zeros(n);
        rhs[self.ground] = scale;
        let lu = m.lu();
        let pivots = lu.u().diagonal().map(f64::abs);
        let largest = pivots.max();
        let zero_pivots = pivots
            .iter()
            .filter(|&&p| p <= SINGULAR_PIVOT * largest)
            .count();
        if zero_pivots > 0 {
            return Err(zero_pivots + 1);
        }
        let x = lu.solve(&rhs).ok_or(2_usize)?;
        Ok(x.as_slice().to_vec())
    }

    /// `max|𝓛ρ|` of Eq. (7)–(8) at `params`, computed with sparse operator products on the full
    /// space in the original basis (independent of the sector, gauge and swap reduction), as
    /// `g·i[ρ, H_g] + ω0·i[ρ, H_0] + Σ_k r_k (1/2) D_{o_k}(ρ)` from unit-rate terms.
    pub fn residual(&self, params: &CavityParams, rho: &DMatrix<Complex64>) -> f64 {
        self.residual_of_entries(params, &entries(rho), rho.nrows())
    }

    /// [`Self::residual`] for ρ given by its entries on a `dim`-dimensional space.
    fn residual_of_entries(
        &self,
        params: &CavityParams,
        rho: &[Entry<Complex64>],
        dim: usize,
    ) -> f64 {
        let re = |x: f64| Complex64::new(x, 0.0);
        let mut image = DMatrix::from_element(dim, dim, re(0.0));
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
        image
            .iter()
            .map(|z| z.norm_sqr())
            .fold(0.0, f64::max)
            .sqrt()
    }

    /// The entries of ρ in the original basis from reduced coordinates:
    /// `ρ_kl = i^{n_k − n_l} r_kl`, undoing the photon phase gauge.
    fn state_entries(&self, reduced: &[f64]) -> Vec<Entry<Complex64>> {
        let space = self.space();
        let sector = self.reduction.sector();
        sector
            .pairs()
            .iter()
            .zip(self.reduction.expand(reduced))
            .map(|(&(k, l), r)| {
                let shift = space.photons(k) as i64 - space.photons(l) as i64;
                let value = match shift.rem_euclid(4) {
                    0 => Complex64::new(r, 0.0),
                    1 => Complex64::new(0.0, r),
                    2 => Complex64::new(-r, 0.0),
                    _ => Complex64::new(0.0, -r),
                };
                (k, l, value)
            })
            .collect()
    }
}
