//! Ladder operators of the two qubits (and helpers to build any operator from them) in any
//! [`Ring`], with the inter-qubit commutation convention made explicit and switchable.

use nalgebra::DMatrix;

use crate::ring::Ring;

/// How the ladder operators `c_i` of different qubits relate.
///
/// The paper (below Eq. 2) writes "anticommutation rules {c_i, c_j†} = δ_ij". Read literally for
/// i ≠ j this makes the `c_i` fermions (a Jordan–Wigner string). The closed form of Eq. (4)–(5)
/// is reproduced by *commuting* qubit operators (`{c_i, c_i†} = 1` on the same qubit only);
/// `steadyent check` (claim `operator-convention`) computes both readings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LadderConvention {
    /// `c_1 = σ⁻ ⊗ 1`, `c_2 = 1 ⊗ σ⁻`: operators on different qubits commute (default).
    CommutingQubits,
    /// `c_1 = σ⁻ ⊗ 1`, `c_2 = Z ⊗ σ⁻` with `Z = 1 − 2σ⁺σ⁻`: operators on different qubits
    /// anticommute, `{c_i, c_j†} = δ_ij` holds for all `i, j`.
    JordanWigner,
}

impl LadderConvention {
    /// The name printed by every command (`--convention` values, JSON `convention`).
    pub fn name(self) -> &'static str {
        match self {
            LadderConvention::CommutingQubits => "commuting",
            LadderConvention::JordanWigner => "jordan-wigner",
        }
    }
}

/// The `n × n` identity.
pub fn identity<T: Ring>(n: usize) -> DMatrix<T> {
    DMatrix::from_fn(n, n, |i, j| if i == j { T::one() } else { T::zero() })
}

/// Kronecker product `a ⊗ b` (the left factor is the most significant index).
pub fn kron<T: Ring>(a: &DMatrix<T>, b: &DMatrix<T>) -> DMatrix<T> {
    let (ar, ac) = a.shape();
    let (br, bc) = b.shape();
    DMatrix::from_fn(ar * br, ac * bc, |i, j| {
        a[(i / br, j / bc)].clone() * b[(i % br, j % bc)].clone()
    })
}

/// Hermitian conjugate `a†`.
pub fn dagger<T: Ring>(a: &DMatrix<T>) -> DMatrix<T> {
    let (r, c) = a.shape();
    DMatrix::from_fn(c, r, |i, j| a[(j, i)].conj())
}

/// Single-qubit lowering operator `σ⁻ = |0⟩⟨1|` in the basis (|0⟩ = ground, |1⟩ = excited).
pub fn qubit_lowering<T: Ring>() -> DMatrix<T> {
    DMatrix::from_fn(2, 2, |i, j| {
        if (i, j) == (0, 1) {
            T::one()
        } else {
            T::zero()
        }
    })
}

/// Single-qubit parity `Z = 1 − 2σ⁺σ⁻ = diag(1, −1)` (the Jordan–Wigner string factor).
pub fn qubit_parity<T: Ring>() -> DMatrix<T> {
    DMatrix::from_fn(2, 2, |i, j| match (i, j) {
        (0, 0) => T::one(),
        (1, 1) => -T::one(),
        _ => T::zero(),
    })
}

/// The two lowering operators `[c_1, c_2]` of Eq. (1)–(2) on the 4-dimensional two-qubit space
/// with basis `|q1 q2⟩`, index `2·q1 + q2` (so `|G⟩ = |00⟩` is 0 and `|E⟩ = |11⟩` is 3).
pub fn two_qubit_lowering<T: Ring>(convention: LadderConvention) -> [DMatrix<T>; 2] {
    let sm = qubit_lowering::<T>();
    let id = identity::<T>(2);
    let c1 = kron(&sm, &id);
    let c2 = match convention {
        LadderConvention::CommutingQubits => kron(&id, &sm),
        LadderConvention::JordanWigner => kron(&qubit_parity::<T>(), &sm),
    };
    [c1, c2]
}

/// Number operator `o†o` of a ladder operator `o`.
pub fn number<T: Ring>(o: &DMatrix<T>) -> DMatrix<T> {
    dagger(o) * o
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ring::GaussQ;

    fn anticommutator(a: &DMatrix<GaussQ>, b: &DMatrix<GaussQ>) -> DMatrix<GaussQ> {
        a * b + b * a
    }

    #[test]
    fn commuting_convention_commutes_between_qubits() {
        let [c1, c2] = two_qubit_lowering::<GaussQ>(LadderConvention::CommutingQubits);
        assert_eq!(&c1 * dagger(&c2), dagger(&c2) * &c1);
        assert_eq!(anticommutator(&c1, &dagger(&c1)), identity(4));
    }

    #[test]
    fn jordan_wigner_convention_anticommutes() {
        let [c1, c2] = two_qubit_lowering::<GaussQ>(LadderConvention::JordanWigner);
        let zero = DMatrix::from_element(4, 4, num_traits::Zero::zero());
        assert_eq!(anticommutator(&c1, &dagger(&c2)), zero);
        assert_eq!(anticommutator(&c1, &c2), zero);
        assert_eq!(anticommutator(&c2, &dagger(&c2)), identity(4));
    }
}
