//! Symmetry reduction of a sector superoperator to a small real matrix: the steady state is
//! Hermitian, invariant under a basis permutation (the qubit swap) and, in a suitable phase
//! gauge, real, so one real unknown per orbit of `(ket, bra)` pairs suffices.

use nalgebra::DMatrix;
use num_complex::Complex64;

use super::CavityError;
use crate::liouvillian::Sector;
use crate::ring::{GaussQ, Ring};

/// Relative tolerance of the symmetry checks in [`Reduction::reduce`]: entries of the same
/// superoperator that agree in exact arithmetic differ by rounding of a few summed products,
/// well below `64 ε` of the largest entry.
pub const SYMMETRY_TOLERANCE: f64 = 64.0 * f64::EPSILON;

/// Scalars a symmetry reduction can check: whether a defect (an imaginary part, or the
/// difference of two entries that a symmetry makes equal) vanishes — up to rounding in f64
/// ([`SYMMETRY_TOLERANCE`]), exactly over the Gaussian rationals.
pub trait SymmetryScalar: Ring {
    /// `|z|` in f64, for the scale of a superoperator and for error reports.
    fn magnitude(&self) -> f64;
    /// Whether `defect` vanishes in a superoperator whose largest entry has magnitude `scale`.
    fn vanishes(defect: &Self, scale: f64) -> bool;
}

impl SymmetryScalar for Complex64 {
    fn magnitude(&self) -> f64 {
        self.norm()
    }
    fn vanishes(defect: &Self, scale: f64) -> bool {
        defect.norm() <= SYMMETRY_TOLERANCE * scale
    }
}

impl SymmetryScalar for GaussQ {
    fn magnitude(&self) -> f64 {
        self.re
            .as_rational()
            .to_f64()
            .hypot(self.im.as_rational().to_f64())
    }
    fn vanishes(defect: &Self, _scale: f64) -> bool {
        num_traits::Zero::is_zero(defect)
    }
}

/// The orbits of a sector's pairs `(i, j)` under transposition `(i, j) ↦ (j, i)` and an
/// involutive basis permutation `P`, `(i, j) ↦ (P i, P j)`.
///
/// A real symmetric, `P`-invariant operator supported on the sector is fixed by one real number
/// per orbit; if the generator commutes with transposition (real generator) and with `P`, the
/// span of the orbit sums `B_o = Σ_{(i,j) ∈ o} |i⟩⟨j|` is invariant and the steady state lies in
/// it.
#[derive(Clone, Debug)]
pub struct Reduction {
    sector: Sector,
    members: Vec<Vec<usize>>,
    orbit_of: Vec<usize>,
    trace_weights: Vec<f64>,
}

impl Reduction {
    /// The orbits of `sector` under transposition and `permutation` (for Eq. 7–8: the conserved
    /// sector and the qubit swap).
    ///
    /// # Errors
    /// [`CavityError::SymmetryBroken`] when `permutation` is not an involution of the basis or
    /// the sector is not closed under the two maps.
    pub fn new(sector: Sector, permutation: &[usize]) -> Result<Self, CavityError> {
        let dim = sector.dim();
        let involution = permutation.len() == dim
            && permutation
                .iter()
                .enumerate()
                .all(|(i, &p)| p < dim && permutation[p] == i);
        let broken = |symmetry| CavityError::SymmetryBroken {
            symmetry,
            mismatch: f64::INFINITY,
        };
        if !involution {
            return Err(broken("invariant under an involutive basis permutation"));
        }
        let mut orbit_of = vec![usize::MAX; sector.len()];
        let mut members: Vec<Vec<usize>> = Vec::new();
        for (s, &(i, j)) in sector.pairs().iter().enumerate() {
            if orbit_of[s] != usize::MAX {
                continue;
            }
            let o = members.len();
            let mut orbit = Vec::with_capacity(4);
            let (pi, pj) = (permutation[i], permutation[j]);
            for (k, l) in [(i, j), (j, i), (pi, pj), (pj, pi)] {
                let t = sector
                    .position(k, l)
                    .ok_or_else(|| broken("closed on the sector under transposition and swap"))?;
                if orbit_of[t] == usize::MAX {
                    orbit_of[t] = o;
                    orbit.push(t);
                }
            }
            members.push(orbit);
        }
        let trace_weights = members
            .iter()
            .map(|orbit| {
                orbit
                    .iter()
                    .filter(|&&s| {
                        let (i, j) = sector.pairs()[s];
                        i == j
                    })
                    .count() as f64
            })
            .collect();
        Ok(Reduction {
            sector,
            members,
            orbit_of,
            trace_weights,
        })
    }

    /// The sector being reduced (for Eq. 7–8, ket–bra excitation difference 0).
    pub fn sector(&self) -> &Sector {
        &self.sector
    }

    /// Number of real unknowns (orbits) of the reduced `𝓛ρ = 0`.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Whether there are no orbits.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// The orbit holding the pair `(i, j)`, if the pair is in the sector.
    pub fn orbit(&self, i: usize, j: usize) -> Option<usize> {
        self.sector.position(i, j).map(|s| self.orbit_of[s])
    }

    /// `tr B_o` for each orbit: the trace functional `tr ρ = 1` in reduced coordinates.
    pub fn trace_weights(&self) -> &[f64] {
        &self.trace_weights
    }

    /// The real matrix `M` of a sector superoperator `S`, given as `(row, column, value)`
    /// triplets (entries at the same position add up), on the orbit sums:
    /// `S B_o = Σ_o' M_{o'o} B_o'` (for the generator of Eq. 7–8). Generic over the arithmetic: in f64 (the numeric engine)
    /// the symmetries hold up to rounding, over the Gaussian rationals (the exact solve of
    /// [`crate::cavity::exact`]) exactly; `M` is returned in the same ring, real-valued.
    ///
    /// # Errors
    /// [`CavityError::SymmetryBroken`] when `S B_o` is not real or not constant on some orbit
    /// (the generator is then not real or not swap-invariant): beyond [`SYMMETRY_TOLERANCE`] of
    /// the largest entry in f64, at all over the Gaussian rationals.
    pub fn reduce<T: SymmetryScalar>(
        &self,
        triplets: &[(usize, usize, T)],
    ) -> Result<DMatrix<T>, CavityError> {
        let scale = triplets.iter().map(|t| t.2.magnitude()).fold(0.0, f64::max);
        // Row r of S summed over each orbit of columns: (S B_o)_r.
        let mut rows: Vec<Vec<(usize, T)>> = vec![Vec::new(); self.sector.len()];
        for (r, c, v) in triplets {
            rows[*r].push((self.orbit_of[*c], v.clone()));
        }
        let n = self.len();
        let mut reduced = DMatrix::from_element(n, n, T::zero());
        let mut row_sums = vec![T::zero(); n];
        let half = T::from_ratio(1, 2);
        let (mut imaginary, mut mismatch) = (0.0_f64, 0.0_f64);
        for (o_row, members) in self.members.iter().enumerate() {
            for (m, &r) in members.iter().enumerate() {
                row_sums.fill(T::zero());
                for (o, v) in &rows[r] {
                    row_sums[*o] += v.clone();
                }
                for (o, w) in row_sums.iter().enumerate() {
                    // w − re(w) = i·im(w); re(w) = (w + w*)/2 is exact in both arithmetics.
                    let mut real = w.conj();
                    real += w.clone();
                    real *= half.clone();
                    let imaginary_part = w.clone() - real.clone();
                    if !T::vanishes(&imaginary_part, scale) {
                        imaginary = imaginary.max(imaginary_part.magnitude());
                    }
                    if m == 0 {
                        reduced[(o_row, o)] = real;
                    } else {
                        let defect = real - reduced[(o_row, o)].clone();
                        if !T::vanishes(&defect, scale) {
                            mismatch = mismatch.max(defect.magnitude());
                        }
                    }
                }
            }
        }
        if imaginary > 0.0 {
            return Err(CavityError::SymmetryBroken {
                symmetry: "real in the photon phase gauge",
                mismatch: imaginary,
            });
        }
        if mismatch > 0.0 {
            return Err(CavityError::SymmetryBroken {
                symmetry: "invariant under transposition and qubit swap",
                mismatch,
            });
        }
        Ok(reduced)
    }

    /// Sector coordinates of `ρ = Σ_o x_o B_o` (the steady state of Eq. 7–8 from its reduced
    /// coordinates).
    pub fn expand<T: Clone>(&self, reduced: &[T]) -> Vec<T> {
        self.orbit_of.iter().map(|&o| reduced[o].clone()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Three-level toy: states 1 and 2 swapped; the full sector has 9 pairs, orbits
    /// {00}, {01,10,02,20}, {11,22}, {12,21}.
    #[test]
    fn orbits_of_a_swap() {
        let r = Reduction::new(Sector::full(3), &[0, 2, 1]).unwrap();
        assert_eq!(r.len(), 4);
        assert_eq!(r.orbit(0, 1), r.orbit(2, 0));
        assert_eq!(r.orbit(1, 1), r.orbit(2, 2));
        assert_ne!(r.orbit(1, 2), r.orbit(1, 1));
        assert_eq!(r.trace_weights(), &[1.0, 0.0, 2.0, 0.0]);
        assert!(Reduction::new(Sector::full(3), &[1, 2, 0]).is_err());
    }
}
