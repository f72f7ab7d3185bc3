//! The full two-emitter Tavis–Cummings master equation of Eq. (7)–(8) on a truncated Fock
//! space: basis, operators, the Lindblad generator, and reductions of its states.

use nalgebra::DMatrix;
use num_complex::Complex64;

use super::CavityError;
use super::params::{CavityParams, Frame};
use crate::liouvillian::{Lindblad, Sector};
use crate::operators::{LadderConvention, dagger, identity, kron, two_qubit_lowering};
use crate::ring::Ring;

/// Smallest photon cutoff (Fock states `|0⟩, |1⟩`).
pub const MIN_CUTOFF: usize = 2;

/// Largest photon cutoff: the size cap of a solve. At `N` Fock states the conserved sector holds
/// `16N − 12` operator basis elements and the reduced problem `7N − 4` real unknowns; building
/// a solver holds five dense `(7N − 4)²` f64 term matrices (≈ 19 MB at `N = 100`) and each
/// solve two dense `(4N)²` complex matrices (ρ and 𝓛ρ, ≈ 5 MB). A cavity needing more Fock
/// states is lasing, outside the weak-pumping regime of Fig. 2.
pub const MAX_CUTOFF: usize = 100;

/// Channel labels of [`CavityOperators::generator`], in order: the jumps of Eq. (8).
pub const CHANNELS: [&str; 5] = ["pump c1†", "pump c2†", "decay c1", "decay c2", "cavity a"];

/// The truncated Hilbert space `cavity ⊗ qubit 1 ⊗ qubit 2` with `cutoff` Fock states.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CavitySpace {
    cutoff: usize,
}

impl CavitySpace {
    /// The space of Eq. (7) with the cavity mode truncated to Fock states `0..cutoff`.
    ///
    /// # Errors
    /// [`CavityError::CutoffOutOfRange`] outside `MIN_CUTOFF..=MAX_CUTOFF`.
    pub fn new(cutoff: usize) -> Result<Self, CavityError> {
        if (MIN_CUTOFF..=MAX_CUTOFF).contains(&cutoff) {
            Ok(CavitySpace { cutoff })
        } else {
            Err(CavityError::CutoffOutOfRange {
                cutoff,
                min: MIN_CUTOFF,
                max: MAX_CUTOFF,
            })
        }
    }

    /// Number of Fock states kept of the cavity mode of Eq. (7).
    pub fn cutoff(&self) -> usize {
        self.cutoff
    }

    /// Hilbert-space dimension `4N` (two qubits and `N` Fock states, Eq. 7).
    pub fn dim(&self) -> usize {
        4 * self.cutoff
    }

    /// Basis index of `|n⟩ ⊗ |q1⟩ ⊗ |q2⟩` (cavity photons `n`, qubits of Eq. 7).
    pub fn index(&self, photons: usize, q1: usize, q2: usize) -> usize {
        4 * photons + 2 * q1 + q2
    }

    /// Photon number `a†a` (Eq. 7) of basis state `k`.
    pub fn photons(&self, k: usize) -> usize {
        k / 4
    }

    /// Total excitation number `n + q1 + q2` of each basis state: the charge whose ket–bra
    /// difference Eq. (7)–(8) conserve (rotating-wave coupling, jumps that change it by ±1 on
    /// both sides of ρ at once).
    pub fn excitations(&self) -> Vec<i64> {
        (0..self.dim())
            .map(|k| (k / 4 + (k % 4) / 2 + k % 2) as i64)
            .collect()
    }

    /// The pairs `(k, l)` with equal excitation number, the sector Eq. (7)–(8) leave invariant
    /// and the steady state lies in, ordered by excitation number (then `k`, `l`): in that
    /// order the generator is block-tridiagonal (jumps move one excitation) and banded.
    pub fn conserved_sector(&self) -> Sector {
        let excitations = self.excitations();
        let mut pairs = Sector::charge_difference(&excitations, 0).pairs().to_vec();
        pairs.sort_by_key(|&(i, j)| (excitations[i], i, j));
        Sector::from_pairs(self.dim(), pairs)
    }

    /// The basis permutation exchanging the two qubits, `|n q1 q2⟩ ↦ |n q2 q1⟩`: a symmetry of
    /// Eq. (7)–(8), whose qubits are identical.
    pub fn qubit_swap(&self) -> Vec<usize> {
        (0..self.dim())
            .map(|k| self.index(k / 4, k % 2, (k % 4) / 2))
            .collect()
    }
}

/// The cavity lowering operator `a` on `cutoff` Fock states: `a|n⟩ = √n |n−1⟩` (QuTiP's
/// `destroy(N)`).
pub fn cavity_lowering(cutoff: usize) -> DMatrix<Complex64> {
    DMatrix::from_fn(cutoff, cutoff, |i, j| {
        if j == i + 1 {
            Complex64::new((j as f64).sqrt(), 0.0)
        } else {
            Complex64::new(0.0, 0.0)
        }
    })
}

/// The cavity ladder factors of Eq. (7) in the factorial picture `ρ = S r S`,
/// `S = diag(√n!)` on the Fock space: `[S⁻¹ a S, S⁻¹ a† S]`, i.e. `|n⟩ ↦ n |n−1⟩` and
/// `|n⟩ ↦ |n+1⟩`, both with integer entries (see [`crate::cavity::exact`] for the derivation).
///
/// # Formula
/// ```text
/// (S⁻¹ a S)_{n−1,n}  = √(n!)/√((n−1)!) · √n = √n · √n = n
/// (S⁻¹ a† S)_{n+1,n} = √(n!)/√((n+1)!) · √(n+1)            = 1
/// ```
pub fn factorial_cavity_factors<T: Ring>(cutoff: usize) -> [DMatrix<T>; 2] {
    let lowering = DMatrix::from_fn(cutoff, cutoff, |i, j| {
        if j == i + 1 {
            T::from_ratio(j as i64, 1)
        } else {
            T::zero()
        }
    });
    let raising = DMatrix::from_fn(cutoff, cutoff, |i, j| {
        if i == j + 1 { T::one() } else { T::zero() }
    });
    [lowering, raising]
}

/// The operators of Eq. (7)–(8) on a [`CavitySpace`]: `a`, the commuting qubit lowering
/// operators `c1`, `c2`, and (built once, since every solve needs them) the coupling
/// Hamiltonian, the free Hamiltonian and the jump operators.
///
/// Over `Complex64` in the Fock basis ([`CavityOperators::new`]); over any [`Ring`] in the
/// factorial picture ([`CavityOperators::factorial_picture`]), where every entry is an integer.
#[derive(Clone, Debug)]
pub struct CavityOperators<T = Complex64> {
    space: CavitySpace,
    /// The cavity factors `[a_N, a_N†]` (in a picture: `[S⁻¹a_N S, S⁻¹a_N† S]`), `N × N`.
    factors: [DMatrix<T>; 2],
    cavity: DMatrix<T>,
    qubits: [DMatrix<T>; 2],
    coupling: DMatrix<T>,
    free: DMatrix<T>,
    jumps: [DMatrix<T>; 5],
    /// `S⁻¹ a†a S` for the cavity channel when it is not `o†o` of the cavity jump (a
    /// non-unitary picture); `None` in the Fock basis and its unitary gauges.
    cavity_number: Option<DMatrix<T>>,
}

impl CavityOperators<Complex64> {
    /// The operators `a ⊗ 1 ⊗ 1`, `1 ⊗ c1`, `1 ⊗ c2` of Eq. (7)–(8) with `cutoff` Fock states.
    ///
    /// # Errors
    /// [`CavityError::CutoffOutOfRange`] outside `MIN_CUTOFF..=MAX_CUTOFF`.
    pub fn new(cutoff: usize) -> Result<Self, CavityError> {
        let lowering = cavity_lowering(cutoff);
        let raising = dagger(&lowering);
        Ok(Self::with_cavity_factors(
            CavitySpace::new(cutoff)?,
            [lowering, raising],
            None,
        ))
    }

    /// The generator `∂_t ρ = i[ρ, H_TC] + 𝓛(ρ)` of Eq. (7)–(8), with `ω_cav = ω0`:
    ///
    /// # Formula
    /// ```text
    /// H_TC = ω0 (Σ_i c_i†c_i + a†a) + g Σ_i (c_i† a + c_i a†)          (Eq. 7; ω0 = 0 rotating)
    /// 𝓛(ρ) = (p/2) Σ_i D_{c_i†}(ρ) + (γ/2) Σ_i D_{c_i}(ρ) + (κ/2) D_a(ρ)   (Eq. 8)
    /// ```
    /// Channels in the order of [`CHANNELS`]. The paper's `(p/2) D_{c†}` is QuTiP's collapse
    /// operator `√p c†`.
    pub fn generator(&self, params: &CavityParams) -> Lindblad<Complex64> {
        let re = |x: f64| Complex64::new(x, 0.0);
        let omega0 = match params.frame() {
            Frame::Rotating => None,
            Frame::Lab { omega0 } => Some(re(omega0)),
        };
        self.generator_with(
            re(params.coupling()),
            omega0,
            [
                params.pump(),
                params.pump(),
                params.gamma(),
                params.gamma(),
                params.kappa(),
            ]
            .map(re),
        )
    }
}

impl<T: Ring> CavityOperators<T> {
    /// The operators of Eq. (7)–(8) in the factorial picture `ρ = S r S`, `S = diag(√n!) ⊗ 1`
    /// (see [`crate::cavity::exact`]): every entry is an integer, so over the Gaussian
    /// rationals the generator is exact.
    ///
    /// # Errors
    /// [`CavityError::CutoffOutOfRange`] outside `MIN_CUTOFF..=MAX_CUTOFF`.
    pub fn factorial_picture(cutoff: usize) -> Result<Self, CavityError> {
        let space = CavitySpace::new(cutoff)?;
        let photons = DMatrix::from_fn(space.dim(), space.dim(), |i, j| {
            if i == j {
                T::from_ratio(space.photons(i) as i64, 1)
            } else {
                T::zero()
            }
        });
        Ok(Self::with_cavity_factors(
            space,
            factorial_cavity_factors(cutoff),
            Some(photons),
        ))
    }

    /// The operators with the cavity factors `[lowering, raising]` (`N × N`) given; every
    /// product is a Kronecker product of small factors (`c_i† a = a_N ⊗ c_i†` since they act on
    /// different factors), so building costs `O(dim²)`, not `O(dim³)`.
    fn with_cavity_factors(
        space: CavitySpace,
        factors: [DMatrix<T>; 2],
        cavity_number: Option<DMatrix<T>>,
    ) -> Self {
        let id_cavity = identity::<T>(space.cutoff());
        let [c1, c2] = two_qubit_lowering::<T>(LadderConvention::CommutingQubits);
        let collective = &c1 + &c2;
        let [lowering, raising] = &factors;
        // Eq. (7) coupling: Σ_i (c_i† a + c_i a†) = a_N ⊗ (c1 + c2)† + a_N† ⊗ (c1 + c2)
        let coupling = kron(lowering, &dagger(&collective)) + kron(raising, &collective);
        let cavity = kron(lowering, &identity(4));
        let qubits = [kron(&id_cavity, &c1), kron(&id_cavity, &c2)];
        let excitations = space.excitations();
        // Σ_i c_i†c_i + a†a as an exact integer diagonal (a†a from √n·√n would carry rounding).
        let free = DMatrix::from_fn(space.dim(), space.dim(), |i, j| {
            if i == j {
                T::from_ratio(excitations[i], 1)
            } else {
                T::zero()
            }
        });
        let [q1, q2] = &qubits;
        let jumps = [
            dagger(q1),
            dagger(q2),
            q1.clone(),
            q2.clone(),
            cavity.clone(),
        ];
        CavityOperators {
            space,
            factors,
            cavity,
            qubits,
            coupling,
            free,
            jumps,
            cavity_number,
        }
    }

    /// The same model in the photon phase gauge `|n q1 q2⟩ ↦ iⁿ|n q1 q2⟩`, i.e. `a ↦ U†aU = i a`:
    /// a unitary change of basis under which the generator of Eq. (7)–(8) maps real matrices to
    /// real matrices (the Hamiltonian becomes `i ×` real antisymmetric, the jumps stay real).
    /// `U` is diagonal, so it commutes with the factorial picture's `S`: the gauge of that
    /// picture is real too.
    pub fn photon_gauge(&self) -> Self {
        let [lowering, raising] = &self.factors;
        let i = T::imag_unit();
        let factors = [
            lowering.map(|z| z * i.clone()),
            raising.map(|z| z * -i.clone()),
        ];
        Self::with_cavity_factors(self.space, factors, self.cavity_number.clone())
    }

    /// The Hilbert space of Eq. (7).
    pub fn space(&self) -> CavitySpace {
        self.space
    }

    /// The cavity lowering operator `a` of Eq. (7).
    pub fn cavity_lowering(&self) -> &DMatrix<T> {
        &self.cavity
    }

    /// The qubit lowering operators `[c1, c2]` of Eq. (7) (commuting between qubits).
    pub fn qubit_lowering(&self) -> &[DMatrix<T>; 2] {
        &self.qubits
    }

    /// The coupling of Eq. (7) at `g = 1`: `Σ_i (c_i† a + c_i a†)`.
    pub fn coupling_hamiltonian(&self) -> &DMatrix<T> {
        &self.coupling
    }

    /// The free part of Eq. (7) at `ω0 = ω_cav = 1`: `Σ_i c_i†c_i + a†a`, the excitation
    /// number (an exact integer diagonal).
    pub fn free_hamiltonian(&self) -> &DMatrix<T> {
        &self.free
    }

    /// The generator of Eq. (7)–(8) (see [`CavityOperators::generator`]) with the coupling
    /// `g`, the lab-frame frequency `ω0` (`None`: rotating frame) and the channel rates
    /// `[p, p, γ, γ, κ]` in the order of [`CHANNELS`], in this operator set's picture.
    pub fn generator_with(&self, coupling: T, omega0: Option<T>, rates: [T; 5]) -> Lindblad<T> {
        let mut hamiltonian = self.coupling.map(|z| z * coupling.clone());
        if let Some(omega0) = omega0 {
            hamiltonian += self.free.map(|z| z * omega0.clone());
        }
        self.jumps.iter().zip(rates).zip(CHANNELS).enumerate().fold(
            Lindblad::new(hamiltonian),
            |lindblad, (k, ((op, rate), label))| {
                match (&self.cavity_number, k) {
                    (Some(number), 4) => {
                        lindblad.with_jump_number(label, rate, op.clone(), number.clone())
                    }
                    _ => lindblad.with_jump(label, rate, op.clone()),
                }
                .expect("every operator is built on the same space")
            },
        )
    }
}

/// The generator of Eq. (7)–(8) at `cutoff` Fock states in the original basis (for unreduced
/// solves and independent checks).
///
/// # Errors
/// [`CavityError::CutoffOutOfRange`] outside `MIN_CUTOFF..=MAX_CUTOFF`.
pub fn generator(params: &CavityParams, cutoff: usize) -> Result<Lindblad<Complex64>, CavityError> {
    Ok(CavityOperators::new(cutoff)?.generator(params))
}

/// The two-qubit state `Tr_cavity ρ` (basis `|q1 q2⟩`, index `2q1 + q2`), the input of the
/// concurrence of Fig. 2(b)–(c).
///
/// # Panics
/// Never for a `4N × 4N` ρ; other shapes are a programming error and panic.
pub fn qubit_state(rho: &DMatrix<Complex64>) -> DMatrix<Complex64> {
    assert!(
        rho.nrows().is_multiple_of(4) && rho.is_square(),
        "ρ must be 4N × 4N"
    );
    let cutoff = rho.nrows() / 4;
    DMatrix::from_fn(4, 4, |q, r| {
        (0..cutoff).map(|n| rho[(4 * n + q, 4 * n + r)]).sum()
    })
}

/// Photon-number distribution `P(n) = Σ_q ⟨n q|ρ|n q⟩`, `n = 0..N`, of a state of Eq. (7)–(8)
/// (its top entry measures the truncation).
///
/// # Panics
/// Never for a `4N × 4N` ρ; other shapes are a programming error and panic.
pub fn fock_populations(rho: &DMatrix<Complex64>) -> Vec<f64> {
    assert!(
        rho.nrows().is_multiple_of(4) && rho.is_square(),
        "ρ must be 4N × 4N"
    );
    (0..rho.nrows() / 4)
        .map(|n| (0..4).map(|q| rho[(4 * n + q, 4 * n + q)].re).sum())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excitations_and_swap_follow_the_basis_order() {
        let space = CavitySpace::new(3).unwrap();
        assert_eq!(space.index(2, 1, 0), 10);
        assert_eq!(space.excitations()[10], 3);
        assert_eq!(
            space.qubit_swap()[space.index(2, 1, 0)],
            space.index(2, 0, 1)
        );
        assert_eq!(
            space.qubit_swap()[space.index(1, 1, 1)],
            space.index(1, 1, 1)
        );
    }

    /// `[a, a†] = 1` below the truncation and the coupling conserves the excitation number.
    #[test]
    fn operators_are_those_of_eq_7() {
        let ops = CavityOperators::new(4).unwrap();
        let a = ops.cavity_lowering();
        let comm = a * dagger(a) - dagger(a) * a;
        assert_eq!(comm[(0, 0)], Complex64::new(1.0, 0.0));
        let h = ops.coupling_hamiltonian();
        let n = ops.free_hamiltonian();
        let number = |o: &DMatrix<Complex64>| dagger(o) * o;
        let [c1, c2] = ops.qubit_lowering();
        let sum = number(a) + number(c1) + number(c2);
        assert!((&sum - n).iter().all(|z| z.norm() < 1e-15));
        let by_products = [c1, c2]
            .iter()
            .map(|&c| dagger(c) * a + c * dagger(a))
            .fold(DMatrix::zeros(16, 16), |acc, t| acc + t);
        assert_eq!(&by_products, h);
        assert_eq!(h * n - n * h, DMatrix::zeros(16, 16));
    }
}
