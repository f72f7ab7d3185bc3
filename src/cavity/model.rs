//! The full two-emitter Tavis–Cummings master equation of Eq. (7)–(8) on a truncated Fock
//! space: basis, operators, the Lindblad generator, and reductions of its states.

use nalgebra::DMatrix;
use num_complex::Complex64;

use super::CavityError;
use super::params::{CavityParams, Frame};
use crate::liouvillian::Lindblad;
use crate::operators::{LadderConvention, dagger, identity, kron, two_qubit_lowering};

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

/// The operators of Eq. (7)–(8) on a [`CavitySpace`]: `a`, the commuting qubit lowering
/// operators `c1`, `c2`, and (built once, since every solve needs them) the coupling
/// Hamiltonian, the free Hamiltonian and the jump operators.
#[derive(Clone, Debug)]
pub struct CavityOperators {
    space: CavitySpace,
    cavity: DMatrix<Complex64>,
    qubits: [DMatrix<Complex64>; 2],
    coupling: DMatrix<Complex64>,
    free: DMatrix<Complex64>,
    jumps: [DMatrix<Complex64>; 5],
}

impl CavityOperators {
    /// The operators `a ⊗ 1 ⊗ 1`, `1 ⊗ c1`, `1 ⊗ c2` of Eq. (7)–(8) with `cutoff` Fock states.
    ///
    /// # Errors
    /// [`CavityError::CutoffOutOfRange`] outside `MIN_CUTOFF..=MAX_CUTOFF`.
    pub fn new(cutoff: usize) -> Result<Self, CavityError> {
        Ok(Self::with_cavity_factor(
            CavitySpace::new(cutoff)?,
            cavity_lowering(cutoff),
        ))
    }

    /// The operators with the cavity factor `a_N` (`N × N`) given; every product is a Kronecker
    /// product of small factors (`c_i† a = a_N ⊗ c_i†` since they act on different factors), so
    /// building costs `O(dim²)`, not `O(dim³)`.
    fn with_cavity_factor(space: CavitySpace, cavity_factor: DMatrix<Complex64>) -> Self {
        let id_cavity = identity::<Complex64>(space.cutoff());
        let [c1, c2] = two_qubit_lowering::<Complex64>(LadderConvention::CommutingQubits);
        let collective = &c1 + &c2;
        // Eq. (7) coupling: Σ_i (c_i† a + c_i a†) = a_N ⊗ (c1 + c2)† + a_N† ⊗ (c1 + c2)
        let coupling =
            kron(&cavity_factor, &dagger(&collective)) + kron(&dagger(&cavity_factor), &collective);
        let cavity = kron(&cavity_factor, &identity(4));
        let qubits = [kron(&id_cavity, &c1), kron(&id_cavity, &c2)];
        let excitations = space.excitations();
        // Σ_i c_i†c_i + a†a as an exact integer diagonal (a†a from √n·√n would carry rounding).
        let free = DMatrix::from_fn(space.dim(), space.dim(), |i, j| {
            Complex64::new(if i == j { excitations[i] as f64 } else { 0.0 }, 0.0)
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
            cavity,
            qubits,
            coupling,
            free,
            jumps,
        }
    }

    /// The same model in the photon phase gauge `|n q1 q2⟩ ↦ iⁿ|n q1 q2⟩`, i.e. `a ↦ U†aU = i a`:
    /// a unitary change of basis under which the generator of Eq. (7)–(8) maps real matrices to
    /// real matrices (the Hamiltonian becomes `i ×` real antisymmetric, the jumps stay real).
    pub fn photon_gauge(&self) -> Self {
        let factor = cavity_lowering(self.space.cutoff()) * Complex64::new(0.0, 1.0);
        Self::with_cavity_factor(self.space, factor)
    }

    /// The Hilbert space of Eq. (7).
    pub fn space(&self) -> CavitySpace {
        self.space
    }

    /// The cavity lowering operator `a` of Eq. (7).
    pub fn cavity_lowering(&self) -> &DMatrix<Complex64> {
        &self.cavity
    }

    /// The qubit lowering operators `[c1, c2]` of Eq. (7) (commuting between qubits).
    pub fn qubit_lowering(&self) -> &[DMatrix<Complex64>; 2] {
        &self.qubits
    }

    /// The coupling of Eq. (7) at `g = 1`: `Σ_i (c_i† a + c_i a†)`.
    pub fn coupling_hamiltonian(&self) -> &DMatrix<Complex64> {
        &self.coupling
    }

    /// The free part of Eq. (7) at `ω0 = ω_cav = 1`: `Σ_i c_i†c_i + a†a`, the excitation
    /// number (an exact integer diagonal).
    pub fn free_hamiltonian(&self) -> &DMatrix<Complex64> {
        &self.free
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
        let mut hamiltonian = &self.coupling * re(params.coupling());
        if let Frame::Lab { omega0 } = params.frame() {
            hamiltonian += &self.free * re(omega0);
        }
        let rates = [
            params.pump(),
            params.pump(),
            params.gamma(),
            params.gamma(),
            params.kappa(),
        ];
        self.jumps.iter().zip(rates).zip(CHANNELS).fold(
            Lindblad::new(hamiltonian),
            |lindblad, ((op, rate), label)| {
                lindblad
                    .with_jump(label, re(rate), op.clone())
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
