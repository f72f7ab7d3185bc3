//! The Lindblad generator of N emitters and a cavity (Eq. 7–8 with the sums to N) and of the
//! effective model (Eq. 9 generalised) on the symmetric basis of [`super::basis`], in the
//! photon phase gauge where it is real, and its Hermitian reduction.
//!
//! Each channel is built from collective one-body maps `Σᵢ Tᵢ` (coefficient: the number of
//! emitters carrying the source label, [`SymmetricSpace::one_body`]) composed with cavity
//! ladder maps. In the gauge `x(n, m) = i^{−(n−m)} c(n, m)` the commutator `−i[H, ρ]` has real
//! coefficients (`−i · i = 1`), so the steady state has real coordinates; Hermiticity then
//! says `x(s) = x(s†)`, and one unknown per orbit `{s, s†}` suffices.

use super::basis::{EE, EG, Element, GE, GG, SymmetricSpace};
use super::params::{Model, SLOTS};
use super::scalar::Scalar;

/// Slot of the coupling `g` (Hamiltonian, Eq. 7).
pub const COUPLING: usize = 0;
/// Slot of the local pump, rate `p/2` on `D_{σ⁺}`.
pub const PUMP: usize = 1;
/// Slot of the local decay, rate `γ/2` on `D_{σ⁻}`.
pub const DECAY: usize = 2;
/// Slot of the local dephasing, rate `γ_φ/4` on `D_{σᶻ}`.
pub const DEPHASING: usize = 3;
/// Slot of the cavity loss, rate `κ/2` on `D_a`.
pub const CAVITY_LOSS: usize = 4;
/// Slot of the collective decay of the effective model, rate `Γ/2` on `D_{J⁻}`.
pub const COLLECTIVE_DECAY: usize = 5;

/// A one-body map on the two-emitter element basis: two `(from, to)` label moves.
type OneBody = [(usize, usize); 2];

/// Left products `σ⁺ ·` (`|g⟩⟨b| ↦ |e⟩⟨b|`) as label moves.
const LEFT_RAISE: [(usize, usize); 2] = [(GG, EG), (GE, EE)];
/// Left products `σ⁻ ·` (`|e⟩⟨b| ↦ |g⟩⟨b|`).
const LEFT_LOWER: [(usize, usize); 2] = [(EG, GG), (EE, GE)];
/// Right products `· σ⁺` (`|a⟩⟨e| ↦ |a⟩⟨g|`).
const RIGHT_RAISE: [(usize, usize); 2] = [(GE, GG), (EE, EG)];
/// Right products `· σ⁻` (`|a⟩⟨g| ↦ |a⟩⟨e|`).
const RIGHT_LOWER: [(usize, usize); 2] = [(GG, GE), (EG, EE)];

/// The unit-rate terms of a generator: `𝓛 = Σ_slot rate_slot · T_slot`, stored as merged
/// `(row, column, [value per slot])` entries over the elements of a [`SymmetricSpace`].
#[derive(Clone, Debug)]
pub struct Generator<T> {
    space: SymmetricSpace,
    model: Model,
    entries: Vec<(usize, usize, [T; SLOTS])>,
}

/// Collects the image of one source element: `(target, slot, coefficient)`.
struct Image<'a, T> {
    cutoff: usize,
    out: &'a mut Vec<(Element, usize, T)>,
}

impl<T: Scalar> Image<'_, T> {
    fn push(&mut self, target: Element, slot: usize, value: T) {
        if !value.is_zero() {
            self.out.push((target, slot, value));
        }
    }

    /// `a ·` on the ket: `|n⟩ ↦ lowering(n) |n−1⟩`.
    fn ket_lower(e: &Element) -> Option<(Element, T)> {
        (e.ket > 0).then(|| {
            let n = usize::from(e.ket);
            (
                Element {
                    ket: e.ket - 1,
                    ..*e
                },
                T::lowering(n),
            )
        })
    }

    /// `a† ·` on the ket (truncated: `a†|N−1⟩ = 0`).
    fn ket_raise(&self, e: &Element) -> Option<(Element, T)> {
        let n = usize::from(e.ket);
        (n + 1 < self.cutoff).then(|| {
            (
                Element {
                    ket: e.ket + 1,
                    ..*e
                },
                T::raising(n),
            )
        })
    }

    /// `· a†` on the bra: `⟨m| ↦ lowering(m) ⟨m−1|`.
    fn bra_lower(e: &Element) -> Option<(Element, T)> {
        (e.bra > 0).then(|| {
            let m = usize::from(e.bra);
            (
                Element {
                    bra: e.bra - 1,
                    ..*e
                },
                T::lowering(m),
            )
        })
    }

    /// `· a` on the bra (truncated).
    fn bra_raise(&self, e: &Element) -> Option<(Element, T)> {
        let m = usize::from(e.bra);
        (m + 1 < self.cutoff).then(|| {
            (
                Element {
                    bra: e.bra + 1,
                    ..*e
                },
                T::raising(m),
            )
        })
    }

    /// The coupling of Eq. (7) in the gauge: `−i[g(J⁺a + J⁻a†), ρ]` becomes
    /// `+J⁺a ρ − J⁻a† ρ − ρ J⁺a + ρ J⁻a†` (times `g`), each a one-body move times a cavity
    /// move.
    fn coupling(&mut self, e: &Element) {
        let moves: [(&[(usize, usize); 2], i64); 4] = [
            (&LEFT_RAISE, 1),
            (&LEFT_LOWER, -1),
            (&RIGHT_RAISE, -1),
            (&RIGHT_LOWER, 1),
        ];
        for (k, (labels, sign)) in moves.into_iter().enumerate() {
            for &(from, to) in labels {
                let Some((moved, count)) = SymmetricSpace::one_body(e, from, to) else {
                    continue;
                };
                let cavity = match k {
                    0 => Self::ket_lower(&moved),
                    1 => self.ket_raise(&moved),
                    2 => self.bra_raise(&moved),
                    _ => Self::bra_lower(&moved),
                };
                if let Some((target, factor)) = cavity {
                    self.push(target, COUPLING, factor.mul(&T::from_int(sign * count)));
                }
            }
        }
    }

    /// The local channels `Σᵢ D_{σᵢ⁺}`, `Σᵢ D_{σᵢ⁻}`, `Σᵢ D_{σᵢᶻ}` (Eq. 2 per emitter):
    /// `D_{σ⁺}: |g⟩⟨g| ↦ 2|e⟩⟨e| − 2|g⟩⟨g|`, coherences `↦ −1×`; `D_{σ⁻}` mirrored;
    /// `D_{σᶻ}`: coherences `↦ −4×`, populations fixed.
    fn local(&mut self, e: &Element) {
        let [gg, ge, eg, ee] = e.counts.map(i64::from);
        let coherences = ge + eg;
        if let Some((target, count)) = SymmetricSpace::one_body(e, GG, EE) {
            self.push(target, PUMP, T::from_int(2 * count));
        }
        if let Some((target, count)) = SymmetricSpace::one_body(e, EE, GG) {
            self.push(target, DECAY, T::from_int(2 * count));
        }
        self.push(*e, PUMP, T::from_int(-2 * gg - coherences));
        self.push(*e, DECAY, T::from_int(-2 * ee - coherences));
        self.push(*e, DEPHASING, T::from_int(-4 * coherences));
    }

    /// The cavity loss `D_a ρ = 2aρa† − a†aρ − ρa†a` (Eq. 8).
    fn cavity_loss(&mut self, e: &Element) {
        if let Some((down, l)) = Self::ket_lower(e)
            && let Some((target, r)) = Self::bra_lower(&down)
        {
            self.push(target, CAVITY_LOSS, l.mul(&r).mul(&T::from_int(2)));
        }
        let photons = i64::from(e.ket) + i64::from(e.bra);
        self.push(*e, CAVITY_LOSS, T::from_int(-photons));
    }

    /// The collective decay of the effective model, `D_{J⁻} ρ = 2J⁻ρJ⁺ − J⁺J⁻ρ − ρJ⁺J⁻`
    /// (Eq. 9 generalised), each term a composition of two one-body maps.
    fn collective_decay(&mut self, e: &Element) {
        let terms: [(&OneBody, &OneBody, i64); 3] = [
            (&RIGHT_RAISE, &LEFT_LOWER, 2),
            (&LEFT_LOWER, &LEFT_RAISE, -1),
            (&RIGHT_RAISE, &RIGHT_LOWER, -1),
        ];
        for (first, second, sign) in terms {
            for &(f1, t1) in first {
                let Some((mid, c1)) = SymmetricSpace::one_body(e, f1, t1) else {
                    continue;
                };
                for &(f2, t2) in second {
                    if let Some((target, c2)) = SymmetricSpace::one_body(&mid, f2, t2) {
                        self.push(target, COLLECTIVE_DECAY, T::from_int(sign * c1 * c2));
                    }
                }
            }
        }
    }
}

impl<T: Scalar> Generator<T> {
    /// The generator of Eq. (7)–(8) for `emitters` emitters and a cavity of `cutoff` Fock
    /// states, in the photon phase gauge, at unit rates per slot.
    ///
    /// # Formula
    /// ```text
    /// 𝓛 = g·(J⁺a· − J⁻a†· − ·J⁺a + ·J⁻a†) + (p/2) Σᵢ D_{σᵢ⁺} + (γ/2) Σᵢ D_{σᵢ⁻}
    ///     + (γ_φ/4) Σᵢ D_{σᵢᶻ} + (κ/2) D_a                       (Eq. 7–8, gauge a ↦ i a)
    /// ```
    pub fn full(emitters: usize, cutoff: usize) -> Self {
        Self::build(SymmetricSpace::new(emitters, cutoff), Model::Full)
    }

    /// The effective generator (Eq. 9 generalised): the local channels and `(Γ/2) D_{J⁻}`,
    /// no cavity.
    pub fn effective(emitters: usize) -> Self {
        Self::build(SymmetricSpace::new(emitters, 1), Model::Effective)
    }

    fn build(space: SymmetricSpace, model: Model) -> Self {
        let mut images = Vec::new();
        let mut entries: Vec<(usize, usize, [T; SLOTS])> = Vec::new();
        let zero = || std::array::from_fn(|_| T::from_int(0));
        for (col, e) in space.elements().iter().enumerate() {
            images.clear();
            let mut image = Image {
                cutoff: space.cutoff(),
                out: &mut images,
            };
            image.local(e);
            match model {
                Model::Full => {
                    image.coupling(e);
                    image.cavity_loss(e);
                }
                Model::Effective => image.collective_decay(e),
            }
            let start = entries.len();
            for (target, slot, value) in images.drain(..) {
                let row = space
                    .position(&target)
                    .expect("every channel conserves the ket–bra excitation difference");
                let mut values = zero();
                values[slot] = value;
                entries.push((row, col, values));
            }
            // Merge entries of this column at the same row.
            entries[start..].sort_by_key(|&(row, _, _)| row);
            let mut merged: Vec<(usize, usize, [T; SLOTS])> = Vec::new();
            for (row, c, values) in entries.drain(start..) {
                match merged.last_mut() {
                    Some((r, _, acc)) if *r == row => {
                        for (a, v) in acc.iter_mut().zip(&values) {
                            a.add_assign(v);
                        }
                    }
                    _ => merged.push((row, c, values)),
                }
            }
            entries.extend(merged);
        }
        Generator {
            space,
            model,
            entries,
        }
    }

    /// The symmetric space the generator acts on.
    pub fn space(&self) -> &SymmetricSpace {
        &self.space
    }

    /// Which model this is.
    pub fn model(&self) -> Model {
        self.model
    }

    /// The merged entries `(row, column, [unit-rate value per slot])`.
    pub fn entries(&self) -> &[(usize, usize, [T; SLOTS])] {
        &self.entries
    }

    /// `𝓛 x` at the slot rates `rates`, for coordinates `x` over the elements.
    pub fn apply(&self, rates: &[T; SLOTS], x: &[T]) -> Vec<T> {
        let mut out = vec![T::from_int(0); self.space.len()];
        for (row, col, values) in &self.entries {
            let mut v = T::from_int(0);
            for (value, rate) in values.iter().zip(rates) {
                if !value.is_zero() && !rate.is_zero() {
                    v.add_assign(&value.mul(rate));
                }
            }
            out[*row].add_assign(&v.mul(&x[*col]));
        }
        out
    }
}

/// The orbits `{s, s†}` of the elements under Hermitian conjugation: one real unknown per
/// orbit of the steady state in the photon phase gauge.
#[derive(Clone, Debug)]
pub struct Reduction {
    orbit_of: Vec<usize>,
    representatives: Vec<usize>,
    populations: Vec<usize>,
}

impl Reduction {
    /// The orbits of `space` (populations are their own conjugates).
    pub fn new(space: &SymmetricSpace) -> Self {
        let mut orbit_of = vec![usize::MAX; space.len()];
        let mut representatives = Vec::new();
        let mut populations = Vec::new();
        for (s, e) in space.elements().iter().enumerate() {
            if orbit_of[s] != usize::MAX {
                continue;
            }
            let o = representatives.len();
            let conj = space
                .position(&e.conjugate())
                .expect("the sector is closed under conjugation");
            orbit_of[s] = o;
            orbit_of[conj] = o;
            representatives.push(s);
            if e.is_population() {
                populations.push(o);
            }
        }
        Reduction {
            orbit_of,
            representatives,
            populations,
        }
    }

    /// Number of real unknowns.
    pub fn len(&self) -> usize {
        self.representatives.len()
    }

    /// Whether there are no orbits.
    pub fn is_empty(&self) -> bool {
        self.representatives.is_empty()
    }

    /// The orbit of element `s`.
    pub fn orbit(&self, s: usize) -> usize {
        self.orbit_of[s]
    }

    /// The representative element of each orbit (the first of `{s, s†}` in element order).
    pub fn representatives(&self) -> &[usize] {
        &self.representatives
    }

    /// The orbits that are populations (their coordinates sum to `tr ρ` with the picture's
    /// diagonal weights).
    pub fn populations(&self) -> &[usize] {
        &self.populations
    }

    /// The reduced generator: rows of the orbit representatives, columns summed over each
    /// orbit (`x_s = y_{orbit(s)}`), merged per position.
    pub fn reduce<T: Scalar>(&self, generator: &Generator<T>) -> Vec<(usize, usize, [T; SLOTS])> {
        let mut reduced: Vec<(usize, usize, [T; SLOTS])> = generator
            .entries()
            .iter()
            .filter(|(row, _, _)| self.representatives[self.orbit_of[*row]] == *row)
            .map(|(row, col, v)| (self.orbit_of[*row], self.orbit_of[*col], v.clone()))
            .collect();
        reduced.sort_by_key(|&(r, c, _)| (c, r));
        let mut merged: Vec<(usize, usize, [T; SLOTS])> = Vec::with_capacity(reduced.len());
        for (r, c, v) in reduced {
            match merged.last_mut() {
                Some((lr, lc, acc)) if *lr == r && *lc == c => {
                    for (a, x) in acc.iter_mut().zip(&v) {
                        a.add_assign(x);
                    }
                }
                _ => merged.push((r, c, v)),
            }
        }
        merged
    }

    /// Element coordinates `x_s = y_{orbit(s)}` from orbit coordinates `y`.
    pub fn expand<T: Clone>(&self, reduced: &[T]) -> Vec<T> {
        self.orbit_of.iter().map(|&o| reduced[o].clone()).collect()
    }
}
