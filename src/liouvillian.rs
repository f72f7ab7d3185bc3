//! The Lindblad generator of Eq. (1)–(2) (and Eq. 8) with the paper's dissipator, built from
//! operators in any [`Ring`] and assembled as a superoperator matrix on a chosen [`Sector`].
//!
//! Convention, as in the paper: `∂_t ρ = i[ρ, H] + Σ_k (r_k/2) D_{o_k}(ρ)` with
//! `D_o(ρ) = 2 o ρ o† − {o†o, ρ}` (ħ = 1). A jump with rate `r` therefore moves population
//! from `|i⟩` to `|f⟩` at rate `r |⟨f|o|i⟩|²`. Superoperator matrices use row-major
//! vectorisation restricted to a sector: column `s` holds `𝓛(|i⟩⟨j|)` for the pair
//! `(i, j) = sector.pairs()[s]`.
//!
//! The builder evaluates the general form
//! `𝓛(ρ) = −i(Hρ − ρH†) + Σ_k (r_k/2)(2 o_k ρ o_k† − N_k ρ − ρ N_k†)` with `N_k = o_k†o_k`
//! unless given: for Hermitian `H` this is Eq. (1)–(2) exactly. The general form is the same
//! generator in a *congruence picture* `ρ = S r S†` (`S` invertible): `𝓛_S(r) =
//! S⁻¹ 𝓛(S r S†) S⁻†` has exactly this shape with `H ↦ S⁻¹HS`, `o ↦ S⁻¹oS`,
//! `N ↦ S⁻¹ o†o S` (see [`Lindblad::with_jump_number`]), which is how the cavity model of
//! Eq. (7)–(8) is made rational for its exact solve.

use nalgebra::DMatrix;
use thiserror::Error;

use crate::ring::Ring;

/// Errors of superoperator assembly.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum LiouvillianError {
    /// The generator maps a basis element of the sector outside it.
    #[error(
        "the sector is not invariant: 𝓛(|{from_ket}⟩⟨{from_bra}|) has a component on \
         |{to_ket}⟩⟨{to_bra}|; choose a sector closed under the dynamics"
    )]
    SectorNotInvariant {
        /// Ket index of the source basis element.
        from_ket: usize,
        /// Bra index of the source basis element.
        from_bra: usize,
        /// Ket index of the component outside the sector.
        to_ket: usize,
        /// Bra index of the component outside the sector.
        to_bra: usize,
    },
    /// An operator has the wrong shape for the Hilbert space.
    #[error("operator is {rows}×{cols} but the Hilbert space has dimension {dim}")]
    Shape {
        /// Rows of the offending operator.
        rows: usize,
        /// Columns of the offending operator.
        cols: usize,
        /// Hilbert-space dimension.
        dim: usize,
    },
}

/// A set of basis elements `|i⟩⟨j|` of operator space, closed under a generator: the unknowns
/// of a (restricted) steady-state solve.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sector {
    dim: usize,
    pairs: Vec<(usize, usize)>,
    index: Vec<Option<usize>>,
}

impl Sector {
    /// A sector from an explicit list of pairs `(ket, bra)`, each `< dim`.
    ///
    /// # Panics
    /// Never for pairs inside the space; out-of-range pairs are a programming error and panic.
    pub fn from_pairs(dim: usize, pairs: Vec<(usize, usize)>) -> Self {
        let mut index = vec![None; dim * dim];
        for (s, &(i, j)) in pairs.iter().enumerate() {
            assert!(
                i < dim && j < dim,
                "pair ({i}, {j}) outside dimension {dim}"
            );
            index[i * dim + j] = Some(s);
        }
        Sector { dim, pairs, index }
    }

    /// All `dim²` basis elements, in row-major order (the unreduced problem).
    pub fn full(dim: usize) -> Self {
        Self::from_pairs(
            dim,
            (0..dim)
                .flat_map(|i| (0..dim).map(move |j| (i, j)))
                .collect(),
        )
    }

    /// The pairs `(i, j)` with `charge[i] − charge[j] = difference`: for a generator that
    /// conserves the charge difference between ket and bra (e.g. excitation number under the
    /// rotating-wave Hamiltonians and jumps of Eq. 1–2 and 7–8), this is an invariant sector.
    pub fn charge_difference(charge: &[i64], difference: i64) -> Self {
        let dim = charge.len();
        let pairs = (0..dim)
            .flat_map(|i| (0..dim).map(move |j| (i, j)))
            .filter(|&(i, j)| charge[i] - charge[j] == difference)
            .collect();
        Self::from_pairs(dim, pairs)
    }

    /// Hilbert-space dimension.
    pub fn dim(&self) -> usize {
        self.dim
    }

    /// Number of unknowns.
    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    /// Whether the sector is empty.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// The basis elements `(ket, bra)` in column order.
    pub fn pairs(&self) -> &[(usize, usize)] {
        &self.pairs
    }

    /// Position of `|i⟩⟨j|` in the sector, if present.
    pub fn position(&self, i: usize, j: usize) -> Option<usize> {
        self.index[i * self.dim + j]
    }

    /// Positions of the diagonal elements `|i⟩⟨i|` (the trace functional's support).
    pub fn diagonal_positions(&self) -> Vec<usize> {
        self.pairs
            .iter()
            .enumerate()
            .filter(|(_, (i, j))| i == j)
            .map(|(s, _)| s)
            .collect()
    }

    /// The trace condition `tr ρ = 1` as a row of a steady-state system: trace preservation
    /// (`tr 𝓛ρ = 0`) makes the rows of the diagonal unknowns sum to zero, so the first of them
    /// is redundant and is replaced by `weight · Σ_i ρ_ii` (right-hand side `weight`). Returns
    /// the position of the replaced row and the row (`weight` on the diagonal unknowns, `zero`
    /// elsewhere). The one place this rule is written.
    ///
    /// # Panics
    /// When the sector has no diagonal element (no trace to fix).
    pub fn trace_row<T: Clone>(&self, weight: T, zero: T) -> (usize, Vec<T>) {
        let diagonal = self.diagonal_positions();
        let row = (0..self.len())
            .map(|c| {
                if diagonal.contains(&c) {
                    weight.clone()
                } else {
                    zero.clone()
                }
            })
            .collect();
        (*diagonal.first().expect("a sector holding a trace"), row)
    }

    /// The operator with the given sector coordinates (zero outside the sector).
    pub fn to_matrix<T: Ring>(&self, coords: &[T]) -> DMatrix<T> {
        let mut rho = DMatrix::from_element(self.dim, self.dim, T::zero());
        for (&(i, j), c) in self.pairs.iter().zip(coords) {
            rho[(i, j)] = c.clone();
        }
        rho
    }

    /// The sector coordinates of an operator (entries outside the sector are ignored).
    pub fn coordinates<T: Ring>(&self, op: &DMatrix<T>) -> Vec<T> {
        self.pairs
            .iter()
            .map(|&(i, j)| op[(i, j)].clone())
            .collect()
    }
}

/// Sparse view of a square operator: non-zero entries by column and by row. A product with an
/// operator given by its entries costs one multiplication per pair of matching entries, so for
/// ladder operators (one entry per column) it is linear in the number of entries.
#[derive(Clone, Debug)]
struct SparseOp<T> {
    by_col: Vec<Vec<(usize, T)>>,
    by_row: Vec<Vec<(usize, T)>>,
}

impl<T: Ring> SparseOp<T> {
    fn new(op: &DMatrix<T>) -> Self {
        let n = op.nrows();
        let mut by_col = vec![Vec::new(); n];
        let mut by_row = vec![Vec::new(); n];
        for j in 0..n {
            for i in 0..n {
                let v = &op[(i, j)];
                if !v.is_zero() {
                    by_col[j].push((i, v.clone()));
                    by_row[i].push((j, v.clone()));
                }
            }
        }
        SparseOp { by_col, by_row }
    }

    /// `c·O X` for `X` given by entries: `(OX)_kl = Σ_m O_km X_ml`.
    fn left(&self, x: &[Entry<T>], c: &T) -> Vec<Entry<T>> {
        let mut out = Vec::with_capacity(x.len());
        for (m, l, v) in x {
            for (k, okm) in &self.by_col[*m] {
                out.push((*k, *l, c.clone() * okm.clone() * v.clone()));
            }
        }
        out
    }

    /// `c·O† X`: `(O†X)_kl = Σ_m conj(O_mk) X_ml`.
    fn adjoint_left(&self, x: &[Entry<T>], c: &T) -> Vec<Entry<T>> {
        let mut out = Vec::with_capacity(x.len());
        for (m, l, v) in x {
            for (k, omk) in &self.by_row[*m] {
                out.push((*k, *l, c.clone() * omk.conj() * v.clone()));
            }
        }
        out
    }

    /// `c·X O`: `(XO)_kl = Σ_m X_km O_ml`.
    fn right(&self, x: &[Entry<T>], c: &T) -> Vec<Entry<T>> {
        let mut out = Vec::with_capacity(x.len());
        for (k, m, v) in x {
            for (l, oml) in &self.by_row[*m] {
                out.push((*k, *l, c.clone() * v.clone() * oml.clone()));
            }
        }
        out
    }

    /// `c·X O†`: `(XO†)_kl = Σ_m X_km conj(O_lm)`.
    fn right_adjoint(&self, x: &[Entry<T>], c: &T) -> Vec<Entry<T>> {
        let mut out = Vec::with_capacity(x.len());
        for (k, m, v) in x {
            for (l, olm) in &self.by_col[*m] {
                out.push((*k, *l, c.clone() * v.clone() * olm.conj()));
            }
        }
        out
    }
}

/// An operator entry `(row, column, value)`; lists of entries may repeat a position, the
/// values then add up.
pub type Entry<T> = (usize, usize, T);

/// The non-zero entries of a matrix, column by column.
pub fn entries<T: Ring>(m: &DMatrix<T>) -> Vec<Entry<T>> {
    let mut out = Vec::new();
    for j in 0..m.ncols() {
        for i in 0..m.nrows() {
            if !m[(i, j)].is_zero() {
                out.push((i, j, m[(i, j)].clone()));
            }
        }
    }
    out
}

fn accumulate<T: Ring>(out: &mut DMatrix<T>, entries: Vec<Entry<T>>) {
    for (i, j, v) in entries {
        out[(i, j)] += v;
    }
}

/// One dissipative channel `(r/2) D_o` of Eq. (2) / Eq. (8).
#[derive(Clone, Debug)]
pub struct Jump<T> {
    /// Rate `r` (the prefactor of `D_o` is `r/2`).
    pub rate: T,
    /// Jump operator `o`.
    pub op: DMatrix<T>,
    /// Name of the channel, e.g. `"pump J_S†"`.
    pub label: String,
    /// The operator `N` of the anticommutator term `−(N ρ + ρ N†)` when it is not `o†o` (a
    /// generator in a congruence picture, [`Lindblad::with_jump_number`]); `None` means `o†o`.
    pub number: Option<DMatrix<T>>,
}

/// A Lindblad generator `𝓛(ρ) = i[ρ, H] + Σ_k (r_k/2) D_{o_k}(ρ)`, Eq. (1)–(2).
///
/// Right products use `H†` (`𝓛(ρ) = −i(Hρ − ρH†) + …`), identical for a Hermitian `H`; a
/// non-Hermitian `H` is the Hamiltonian `S⁻¹HS` of a congruence picture (see the module doc).
#[derive(Clone, Debug)]
pub struct Lindblad<T> {
    hamiltonian: DMatrix<T>,
    jumps: Vec<Jump<T>>,
    /// Sparse views of `H` and of each jump operator, for the operator-form [`Lindblad::apply`].
    sparse_hamiltonian: SparseOp<T>,
    sparse_jumps: Vec<SparseOp<T>>,
    /// Sparse views of the given anticommutator operators `N_k` (`None`: `o_k†o_k`).
    sparse_numbers: Vec<Option<SparseOp<T>>>,
}

impl<T: Ring> Lindblad<T> {
    /// A generator with Hamiltonian `H` (Eq. 1) and no dissipation.
    pub fn new(hamiltonian: DMatrix<T>) -> Self {
        Lindblad {
            sparse_hamiltonian: SparseOp::new(&hamiltonian),
            hamiltonian,
            jumps: Vec::new(),
            sparse_jumps: Vec::new(),
            sparse_numbers: Vec::new(),
        }
    }

    /// Adds the channel `(rate/2) D_op` (Eq. 2's convention).
    ///
    /// # Errors
    /// [`LiouvillianError::Shape`] when `op` does not act on the generator's space.
    pub fn with_jump(
        mut self,
        label: impl Into<String>,
        rate: T,
        op: DMatrix<T>,
    ) -> Result<Self, LiouvillianError> {
        let dim = self.dim();
        if op.shape() != (dim, dim) {
            return Err(LiouvillianError::Shape {
                rows: op.nrows(),
                cols: op.ncols(),
                dim,
            });
        }
        self.sparse_jumps.push(SparseOp::new(&op));
        self.sparse_numbers.push(None);
        self.jumps.push(Jump {
            rate,
            op,
            label: label.into(),
            number: None,
        });
        Ok(self)
    }

    /// Adds the channel `(rate/2)(2 o ρ o† − N ρ − ρ N†)`: Eq. (2)'s dissipator written in a
    /// congruence picture `ρ = S r S†`, where `o = S⁻¹ o_phys S` and `N = S⁻¹ o_phys† o_phys S`
    /// (no longer `o†o` unless `S` is unitary). With `N = o†o` it is [`Self::with_jump`].
    ///
    /// # Formula
    /// ```text
    /// S⁻¹ [ (r/2) D_o(S r S†) ] S⁻† = (r/2) (2 o_S r o_S† − N_S r − r N_S†)      (Eq. 2)
    /// o_S = S⁻¹ o S,   N_S = S⁻¹ o†o S
    /// ```
    ///
    /// # Errors
    /// [`LiouvillianError::Shape`] when `op` or `number` does not act on the generator's space.
    pub fn with_jump_number(
        mut self,
        label: impl Into<String>,
        rate: T,
        op: DMatrix<T>,
        number: DMatrix<T>,
    ) -> Result<Self, LiouvillianError> {
        let dim = self.dim();
        if number.shape() != (dim, dim) {
            return Err(LiouvillianError::Shape {
                rows: number.nrows(),
                cols: number.ncols(),
                dim,
            });
        }
        self = self.with_jump(label, rate, op)?;
        let k = self.jumps.len() - 1;
        self.sparse_numbers[k] = Some(SparseOp::new(&number));
        self.jumps[k].number = Some(number);
        Ok(self)
    }

    /// Hilbert-space dimension.
    pub fn dim(&self) -> usize {
        self.hamiltonian.nrows()
    }

    /// The Hamiltonian `H`.
    pub fn hamiltonian(&self) -> &DMatrix<T> {
        &self.hamiltonian
    }

    /// The dissipative channels in the order they were added.
    pub fn jumps(&self) -> &[Jump<T>] {
        &self.jumps
    }

    /// `(r/2) D_o(ρ)` for channel `k` alone (Eq. 2), e.g. for the heat currents of Eq. (6).
    ///
    /// Computed with sparse operator products (`O(nnz(ρ))` for ladder operators), so the
    /// residual check of a large steady state costs far less than the solve it checks.
    pub fn apply_jump(&self, k: usize, rho: &DMatrix<T>) -> DMatrix<T> {
        let mut out = DMatrix::from_element(rho.nrows(), rho.ncols(), T::zero());
        self.add_jump(k, &entries(rho), &T::one(), &mut out);
        out
    }

    /// `out += weight · (r/2) D_o(ρ)` for channel `k` (Eq. 2), with ρ given by its entries
    /// (see [`entries`]): linear combinations of channels (e.g. a residual from unit-rate
    /// channels) and sparse states cost no dense matrix passes.
    ///
    /// # Formula
    /// ```text
    /// (r/2) D_o(ρ) = (r/2) (2 oρo† − o†(oρ) − (ρo†)o)
    /// ```
    pub fn add_jump(&self, k: usize, rho: &[Entry<T>], weight: &T, out: &mut DMatrix<T>) {
        let o = &self.sparse_jumps[k];
        let one = T::one();
        let half = weight.clone() * self.jumps[k].rate.clone() * T::from_ratio(1, 2);
        let o_rho = o.left(rho, &one);
        accumulate(out, o.right_adjoint(&o_rho, &(half.clone() + half.clone())));
        match &self.sparse_numbers[k] {
            None => {
                let rho_od = o.right_adjoint(rho, &one);
                accumulate(out, o.adjoint_left(&o_rho, &(-half.clone())));
                accumulate(out, o.right(&rho_od, &(-half)));
            }
            Some(n) => {
                accumulate(out, n.left(rho, &(-half.clone())));
                accumulate(out, n.right_adjoint(rho, &(-half)));
            }
        }
    }

    /// The Hamiltonian part `i[ρ, H]` of Eq. (1).
    pub fn apply_hamiltonian(&self, rho: &DMatrix<T>) -> DMatrix<T> {
        let mut out = DMatrix::from_element(rho.nrows(), rho.ncols(), T::zero());
        self.add_hamiltonian(&entries(rho), &T::one(), &mut out);
        out
    }

    /// `out += weight · i[ρ, H]` (Eq. 1), ρ given by its entries; computed as
    /// `−i(Hρ − ρH†)`, the same for Hermitian `H`.
    pub fn add_hamiltonian(&self, rho: &[Entry<T>], weight: &T, out: &mut DMatrix<T>) {
        let h = &self.sparse_hamiltonian;
        let c = weight.clone() * T::imag_unit();
        accumulate(out, h.right_adjoint(rho, &c));
        accumulate(out, h.left(rho, &(-c)));
    }

    /// `𝓛(ρ)` of Eq. (1)–(2), computed with operator products (independent of the
    /// superoperator assembly, so it serves as a residual check).
    pub fn apply(&self, rho: &DMatrix<T>) -> DMatrix<T> {
        let one = T::one();
        let rho_entries = entries(rho);
        let mut out = DMatrix::from_element(rho.nrows(), rho.ncols(), T::zero());
        self.add_hamiltonian(&rho_entries, &one, &mut out);
        for k in 0..self.jumps.len() {
            self.add_jump(k, &rho_entries, &one, &mut out);
        }
        out
    }

    /// The superoperator of `i[·, H]` on `sector`.
    ///
    /// # Errors
    /// [`LiouvillianError::SectorNotInvariant`] when `sector` is not closed under it.
    pub fn hamiltonian_superoperator(
        &self,
        sector: &Sector,
    ) -> Result<DMatrix<T>, LiouvillianError> {
        Ok(dense(sector, self.hamiltonian_triplets(sector)?))
    }

    /// [`Self::hamiltonian_superoperator`] as `(row, column, value)` triplets, entries at the
    /// same position to be added: the sparse form for sectors too large to hold densely.
    ///
    /// # Errors
    /// [`LiouvillianError::SectorNotInvariant`] when `sector` is not closed under it.
    pub fn hamiltonian_triplets(
        &self,
        sector: &Sector,
    ) -> Result<Vec<(usize, usize, T)>, LiouvillianError> {
        let h = &self.sparse_hamiltonian;
        let minus_i = -T::imag_unit();
        let plus_i = T::imag_unit();
        assemble(sector, |i, j, out| {
            // −i H|i⟩⟨j| = −i Σ_k H_ki |k⟩⟨j| ;  +i |i⟩⟨j| H† = +i Σ_l conj(H_lj) |i⟩⟨l|
            for (k, hki) in &h.by_col[i] {
                out(*k, j, minus_i.clone() * hki.clone());
            }
            for (l, hlj) in &h.by_col[j] {
                out(i, *l, plus_i.clone() * hlj.conj());
            }
        })
    }

    /// The superoperator of `(1/2) D_o` for channel `k` at unit rate, on `sector`.
    ///
    /// # Errors
    /// [`LiouvillianError::SectorNotInvariant`] when `sector` is not closed under it.
    pub fn dissipator_superoperator(
        &self,
        k: usize,
        sector: &Sector,
    ) -> Result<DMatrix<T>, LiouvillianError> {
        Ok(dense(sector, self.dissipator_triplets(k, sector)?))
    }

    /// [`Self::dissipator_superoperator`] as `(row, column, value)` triplets, entries at the
    /// same position to be added.
    ///
    /// # Errors
    /// [`LiouvillianError::SectorNotInvariant`] when `sector` is not closed under it.
    pub fn dissipator_triplets(
        &self,
        k: usize,
        sector: &Sector,
    ) -> Result<Vec<(usize, usize, T)>, LiouvillianError> {
        let o = &self.sparse_jumps[k];
        let op = &self.jumps[k].op;
        let n = match &self.sparse_numbers[k] {
            Some(n) => n.clone(),
            None => {
                // n = o†o by a sparse product (O(nnz), not O(dim³)).
                let mut n = DMatrix::from_element(op.nrows(), op.ncols(), T::zero());
                accumulate(&mut n, o.adjoint_left(&entries(op), &T::one()));
                SparseOp::new(&n)
            }
        };
        let minus_half = -T::from_ratio(1, 2);
        assemble(sector, |i, j, out| {
            // o|i⟩⟨j|o† = Σ_{k,l} o_ki conj(o_lj) |k⟩⟨l|
            for (k, oki) in &o.by_col[i] {
                for (l, olj) in &o.by_col[j] {
                    out(*k, *l, oki.clone() * olj.conj());
                }
            }
            // −(1/2)(n|i⟩⟨j| + |i⟩⟨j|n†), n = o†o unless given
            for (k, nki) in &n.by_col[i] {
                out(*k, j, minus_half.clone() * nki.clone());
            }
            for (l, nlj) in &n.by_col[j] {
                out(i, *l, minus_half.clone() * nlj.conj());
            }
        })
    }

    /// The full generator's superoperator on `sector` (Eq. 1–2) as `(row, column, value)`
    /// triplets, entries at the same position to be added; channels at rate zero contribute
    /// nothing.
    ///
    /// # Errors
    /// [`LiouvillianError::SectorNotInvariant`] when `sector` is not closed under `𝓛`.
    pub fn superoperator_triplets(
        &self,
        sector: &Sector,
    ) -> Result<Vec<(usize, usize, T)>, LiouvillianError> {
        let mut triplets = self.hamiltonian_triplets(sector)?;
        for (k, jump) in self.jumps.iter().enumerate() {
            if jump.rate.is_zero() {
                continue;
            }
            triplets.extend(
                self.dissipator_triplets(k, sector)?
                    .into_iter()
                    .map(|(row, col, v)| (row, col, v * jump.rate.clone())),
            );
        }
        Ok(triplets)
    }

    /// The full generator's superoperator on `sector`: `i[·,H] + Σ_k r_k (1/2) D_{o_k}`.
    ///
    /// # Errors
    /// [`LiouvillianError::SectorNotInvariant`] when `sector` is not closed under `𝓛`.
    pub fn superoperator(&self, sector: &Sector) -> Result<DMatrix<T>, LiouvillianError> {
        let mut total = self.hamiltonian_superoperator(sector)?;
        for (k, jump) in self.jumps.iter().enumerate() {
            total += self.dissipator_superoperator(k, sector)? * jump.rate.clone();
        }
        Ok(total)
    }
}

/// Collects a sector superoperator column by column, as triplets `(row, column, value)`, from
/// a rule that emits the components `(ket, bra, value)` of the image of `|i⟩⟨j|`.
fn assemble<T: Ring>(
    sector: &Sector,
    image: impl Fn(usize, usize, &mut dyn FnMut(usize, usize, T)),
) -> Result<Vec<(usize, usize, T)>, LiouvillianError> {
    let mut triplets = Vec::new();
    let mut error = None;
    for (col, &(i, j)) in sector.pairs().iter().enumerate() {
        image(i, j, &mut |k, l, v| {
            if v.is_zero() {
                return;
            }
            match sector.position(k, l) {
                Some(row) => triplets.push((row, col, v)),
                None => {
                    error.get_or_insert(LiouvillianError::SectorNotInvariant {
                        from_ket: i,
                        from_bra: j,
                        to_ket: k,
                        to_bra: l,
                    });
                }
            }
        });
    }
    match error {
        Some(e) => Err(e),
        None => Ok(triplets),
    }
}

/// The dense sector matrix of a list of triplets (entries at the same position add up).
fn dense<T: Ring>(sector: &Sector, triplets: Vec<(usize, usize, T)>) -> DMatrix<T> {
    let n = sector.len();
    let mut m = DMatrix::from_element(n, n, T::zero());
    for (row, col, v) in triplets {
        m[(row, col)] += v;
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::operators::{dagger, qubit_lowering};
    use crate::ring::{GaussQ, Q};
    use num_complex::Complex;

    fn q(n: i64, d: u64) -> GaussQ {
        Complex::new(Q::new(n, d), Q::new(0, 1))
    }

    /// A single decaying, driven qubit: superoperator columns equal 𝓛 applied to |i⟩⟨j|.
    #[test]
    fn superoperator_matches_operator_form() {
        let sm = qubit_lowering::<GaussQ>();
        let h = DMatrix::from_fn(2, 2, |i, j| match (i, j) {
            (0, 1) | (1, 0) => q(1, 3),
            (1, 1) => q(5, 7),
            _ => q(0, 1),
        });
        let l = Lindblad::new(h)
            .with_jump("decay", q(3, 2), sm.clone())
            .unwrap()
            .with_jump("pump", q(1, 5), dagger(&sm))
            .unwrap();
        let sector = Sector::full(2);
        let m = l.superoperator(&sector).unwrap();
        for (col, &(i, j)) in sector.pairs().iter().enumerate() {
            let mut e = DMatrix::from_element(2, 2, q(0, 1));
            e[(i, j)] = q(1, 1);
            let image = l.apply(&e);
            for (row, &(k, m_)) in sector.pairs().iter().enumerate() {
                assert_eq!(m[(row, col)], image[(k, m_)]);
            }
        }
    }

    /// A congruence picture `ρ = S r S†` with a non-unitary `S`: the generator built from
    /// `S⁻¹HS`, `S⁻¹oS` and `N = S⁻¹o†oS` ([`Lindblad::with_jump_number`]) equals
    /// `S⁻¹ 𝓛(S r S†) S⁻†`, exactly.
    #[test]
    fn congruence_picture_is_the_conjugated_generator() {
        let dim = 3;
        let s = DMatrix::from_fn(dim, dim, |i, j| match (i, j) {
            (0, 0) => q(1, 1),
            (1, 1) => q(3, 2),
            (2, 2) => q(5, 1),
            (0, 2) => q(1, 3),
            _ => q(0, 1),
        });
        let s_inv = {
            // Upper triangular inverse, by hand: [[1, 0, −1/15], [0, 2/3, 0], [0, 0, 1/5]].
            let mut m = DMatrix::from_element(dim, dim, q(0, 1));
            m[(0, 0)] = q(1, 1);
            m[(1, 1)] = q(2, 3);
            m[(2, 2)] = q(1, 5);
            m[(0, 2)] = q(-1, 15);
            m
        };
        assert_eq!(
            &s * &s_inv,
            DMatrix::from_fn(dim, dim, |i, j| q((i == j) as i64, 1))
        );
        let h = DMatrix::from_fn(dim, dim, |i, j| {
            let re = Q::new((i + 2 * j) as i64 % 3 + (j + 2 * i) as i64 % 3, 2);
            let im = Q::new(i as i64 - j as i64, 7);
            Complex::new(re, im)
        });
        assert_eq!(dagger(&h), h);
        let o = DMatrix::from_fn(
            dim,
            dim,
            |i, j| if j == i + 1 { q(j as i64, 1) } else { q(0, 1) },
        );
        let rate = q(3, 4);
        let physical = Lindblad::new(h.clone())
            .with_jump("o", rate.clone(), o.clone())
            .unwrap();
        let conj = |m: &DMatrix<GaussQ>| &s_inv * m * &s;
        let picture = Lindblad::new(conj(&h))
            .with_jump_number("o", rate, conj(&o), conj(&(dagger(&o) * &o)))
            .unwrap();
        let r = DMatrix::from_fn(dim, dim, |i, j| {
            Complex::new(
                Q::new((i * 3 + j) as i64 - 4, 5),
                Q::new(j as i64 - i as i64, 3),
            )
        });
        let expected = &s_inv * physical.apply(&(&s * &r * dagger(&s))) * dagger(&s_inv);
        assert_eq!(picture.apply(&r), expected);
        let sector = Sector::full(dim);
        let columns = picture.superoperator(&sector).unwrap();
        for (col, &(i, j)) in sector.pairs().iter().enumerate() {
            let mut e = DMatrix::from_element(dim, dim, q(0, 1));
            e[(i, j)] = q(1, 1);
            let image = &s_inv * physical.apply(&(&s * &e * dagger(&s))) * dagger(&s_inv);
            for (row, &(k, l)) in sector.pairs().iter().enumerate() {
                assert_eq!(columns[(row, col)], image[(k, l)]);
            }
        }
    }

    #[test]
    fn non_invariant_sector_is_an_error() {
        let sm = qubit_lowering::<GaussQ>();
        let h = DMatrix::from_fn(2, 2, |i, j| if i != j { q(1, 1) } else { q(0, 1) });
        let l = Lindblad::new(h).with_jump("decay", q(1, 1), sm).unwrap();
        let diagonal = Sector::from_pairs(2, vec![(0, 0), (1, 1)]);
        assert!(matches!(
            l.superoperator(&diagonal),
            Err(LiouvillianError::SectorNotInvariant { .. })
        ));
    }
}
