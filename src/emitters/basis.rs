//! The permutation-symmetric operator basis of N identical emitters and a cavity mode
//! (Kirton & Keeling, PRL 118, 123602 (2017)), restricted to the excitation-conserving sector
//! the steady state of Eq. (7)–(8) lies in.
//!
//! A single emitter's ket–bra `|a⟩⟨b|` carries the local label `2a + b` ([`GG`], [`GE`],
//! [`EG`], [`EE`]; `g = 0`, `e = 1`). For a count vector `q` of labels (`Σ q = N`) let `S(q)`
//! be the sum of all `N!/Π q_α!` distinct tensor products with those counts. A
//! permutation-invariant operator is `ρ = Σ c(q, n, m) |n⟩⟨m| ⊗ S(q)`; this module's
//! coordinates are the multinomially weighted `x = c · N!/Π q_α!`, in which every one-body
//! map has the integer coefficient "number of emitters that carry the source label"
//! ([`SymmetricSpace::one_body`]) and the populations are O(1).

use std::collections::HashMap;

/// Local label of `|g⟩⟨g|`.
pub const GG: usize = 0;
/// Local label of `|g⟩⟨e|` (ket ground, bra excited).
pub const GE: usize = 1;
/// Local label of `|e⟩⟨g|` (ket excited, bra ground).
pub const EG: usize = 2;
/// Local label of `|e⟩⟨e|`.
pub const EE: usize = 3;

/// The Hermitian conjugate of a local label: `|a⟩⟨b| ↦ |b⟩⟨a|`.
pub const fn conjugate_label(label: usize) -> usize {
    (label % 2) * 2 + label / 2
}

/// One basis element `|n⟩⟨m| ⊗ S(q)` of the symmetric operator space.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Element {
    /// Counts `q = [q_gg, q_ge, q_eg, q_ee]` of the local labels, `Σ q = N`.
    pub counts: [u16; 4],
    /// Photon number `n` of the cavity ket.
    pub ket: u16,
    /// Photon number `m` of the cavity bra.
    pub bra: u16,
}

impl Element {
    /// The ground population `|0⟩⟨0| ⊗ |g…g⟩⟨g…g|` of `emitters` emitters.
    pub fn ground(emitters: usize) -> Element {
        Element {
            counts: [emitters as u16, 0, 0, 0],
            ket: 0,
            bra: 0,
        }
    }

    /// The Hermitian conjugate element `|m⟩⟨n| ⊗ S(q†)` (`q_ge ↔ q_eg`).
    pub fn conjugate(&self) -> Element {
        let [gg, ge, eg, ee] = self.counts;
        Element {
            counts: [gg, eg, ge, ee],
            ket: self.bra,
            bra: self.ket,
        }
    }

    /// Whether this is a population: no emitter coherences and a photon-number diagonal
    /// (`q_ge = q_eg = 0`, `n = m`); these coordinates sum to `tr ρ` (Fock basis).
    pub fn is_population(&self) -> bool {
        self.counts[GE] == 0 && self.counts[EG] == 0 && self.ket == self.bra
    }

    /// Total excitation of the ket: photons plus emitters with ket label `e`.
    pub fn ket_excitation(&self) -> usize {
        usize::from(self.ket) + usize::from(self.counts[EG]) + usize::from(self.counts[EE])
    }

    /// Total excitation of the bra.
    pub fn bra_excitation(&self) -> usize {
        usize::from(self.bra) + usize::from(self.counts[GE]) + usize::from(self.counts[EE])
    }
}

/// The excitation-conserving sector of the symmetric operator space of `N` emitters and a
/// cavity with `cutoff` Fock states (`cutoff = 1`: no cavity, the effective model).
#[derive(Clone, Debug)]
pub struct SymmetricSpace {
    emitters: usize,
    cutoff: usize,
    elements: Vec<Element>,
    index: HashMap<Element, usize>,
}

impl SymmetricSpace {
    /// Every element with equal ket and bra excitation (the sector Eq. 7–8 leave invariant and
    /// the steady state lies in), ordered by excitation, then counts, then photon numbers.
    ///
    /// # Panics
    /// When `emitters` or `cutoff` exceed `u16` (callers validate far below that).
    pub fn new(emitters: usize, cutoff: usize) -> Self {
        let big = u16::try_from(emitters.max(cutoff)).is_err();
        assert!(!big, "N and the cutoff must fit in u16");
        let mut elements = Vec::new();
        Self::for_each(emitters, cutoff, |e| elements.push(e));
        elements.sort_by_key(|e| (e.ket_excitation(), *e));
        let index = elements.iter().enumerate().map(|(i, e)| (*e, i)).collect();
        SymmetricSpace {
            emitters,
            cutoff,
            elements,
            index,
        }
    }

    /// The number of elements of [`Self::new`]`(emitters, cutoff)` (the excitation-conserving
    /// sector of the Kirton–Keeling basis), counted without building the space (for size
    /// checks before a large build).
    pub fn count(emitters: usize, cutoff: usize) -> usize {
        let mut count = 0;
        Self::for_each(emitters, cutoff, |_| count += 1);
        count
    }

    /// Every element of the sector, unordered. `N` and the cutoff fit in `u16` (checked by
    /// the callers).
    fn for_each(emitters: usize, cutoff: usize, mut visit: impl FnMut(Element)) {
        for ge in 0..=emitters {
            for eg in 0..=emitters - ge {
                for ee in 0..=emitters - ge - eg {
                    let gg = emitters - ge - eg - ee;
                    let counts = [gg, ge, eg, ee].map(|c| c as u16);
                    // n + q_eg = m + q_ge
                    for ket in 0..cutoff {
                        let Some(bra) = (ket + eg).checked_sub(ge) else {
                            continue;
                        };
                        if bra < cutoff {
                            visit(Element {
                                counts,
                                ket: ket as u16,
                                bra: bra as u16,
                            });
                        }
                    }
                }
            }
        }
    }

    /// Number of emitters `N`.
    pub fn emitters(&self) -> usize {
        self.emitters
    }

    /// Number of Fock states of the cavity (1 for the effective model).
    pub fn cutoff(&self) -> usize {
        self.cutoff
    }

    /// The elements, in index order.
    pub fn elements(&self) -> &[Element] {
        &self.elements
    }

    /// Number of elements (complex coordinates of the sector).
    pub fn len(&self) -> usize {
        self.elements.len()
    }

    /// Whether the space is empty (never, for `N ≥ 0` and `cutoff ≥ 1`).
    pub fn is_empty(&self) -> bool {
        self.elements.is_empty()
    }

    /// Index of `element`, if it lies in the sector.
    pub fn position(&self, element: &Element) -> Option<usize> {
        self.index.get(element).copied()
    }

    /// The one-body move "one emitter with label `from` gets label `to`" applied to `element`
    /// in the weighted coordinates: `Σᵢ T_i` with `T = |to⟩⟨from|` maps `x(q)` to
    /// `q_from · x` at `q − e_from + e_to`. `None` when no emitter carries `from`.
    pub fn one_body(element: &Element, from: usize, to: usize) -> Option<(Element, i64)> {
        let count = element.counts[from];
        if count == 0 {
            return None;
        }
        let mut moved = *element;
        moved.counts[from] -= 1;
        moved.counts[to] += 1;
        Some((moved, i64::from(count)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sector sizes against direct counting: without a cavity the sector holds the count
    /// vectors with `q_ge = q_eg`; with one emitter and two Fock states: `|0 g⟩⟨0 g|`,
    /// `|1 g⟩⟨1 g|`, `|0 e⟩⟨0 e|`, `|1 g⟩⟨0 e|`, `|0 e⟩⟨1 g|` — and `|1 e⟩⟨1 e|`.
    #[test]
    fn sector_sizes() {
        let no_cavity = SymmetricSpace::new(4, 1);
        let expected = (0..=4usize)
            .flat_map(|t| (0..=4usize).map(move |ee| (t, ee)))
            .filter(|(t, ee)| 2 * t + ee <= 4)
            .count();
        assert_eq!(no_cavity.len(), expected);
        assert_eq!(SymmetricSpace::new(1, 2).len(), 6);
        assert_eq!(SymmetricSpace::count(1, 2), 6);
        assert_eq!(SymmetricSpace::count(3, 4), SymmetricSpace::new(3, 4).len());
        let space = SymmetricSpace::new(3, 4);
        for e in space.elements() {
            assert_eq!(e.ket_excitation(), e.bra_excitation());
            assert!(space.position(&e.conjugate()).is_some());
        }
        assert_eq!(conjugate_label(GE), EG);
        assert_eq!(conjugate_label(EE), EE);
    }
}
