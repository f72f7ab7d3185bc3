//! Block-tridiagonal LU for generators that couple each excitation number only to its
//! neighbours (Eq. 7–8 with N emitters: the coupling conserves the excitation, pump, decay and
//! cavity loss change it by one): dense LU with partial pivoting inside each diagonal block,
//! block elimination between blocks, and Hager's 1-norm condition estimate from the factors.
//!
//! For `A` with diagonal blocks `D_k`, sub-diagonal blocks `L_k = A[k, k−1]` and
//! super-diagonal blocks `U_k = A[k−1, k]` (both sparse), the factorisation is
//! ```text
//! S_0 = D_0,   S_k = D_k − L_k S_{k−1}⁻¹ U_k,   A = 𝓛 𝓤,
//! 𝓛 = unit block-lower with blocks L_k S_{k−1}⁻¹,   𝓤 = block-upper with S_k and U_k
//! ```
//! (Golub & Van Loan, *Matrix Computations*, 4th ed., §4.5.3). The cost is `Σ_k O(b_k³)`
//! instead of the fill of a general sparse LU (faer's sparse LU with its COLAMD ordering took
//! 4.5× longer on the N = 30 emitter system with 15 Fock states, and an AMD ordering of
//! `A + Aᵀ` needs 1.35× the Cholesky flops of this ordering at N = 50 with 18: measured); each
//! Schur complement takes the cheaper of triangular solves and an explicit inverse
//! (`schur_update`). The elimination runs from both ends towards the largest block
//! ([`BlockTridiagonal::factor_meeting_at`]: the two halves are independent and run side by
//! side, and the largest block's inverse is never formed; one solve at N = 50 with 14 Fock
//! states took 5.5 s instead of 6.5 s on two cores, three alternating `/usr/bin/time` runs
//! each, identical output).
//! Pivoting stays inside the blocks, so a caller
//! must vouch for the result (the N-emitter solver checks its residual on the unreduced
//! space and the condition estimate).

use faer::dyn_stack::{MemBuffer, MemStack};
use faer::linalg::lu::partial_pivoting::{factor, inverse, solve};
use faer::perm::PermRef;
use faer::{Conj, Mat, MatMut, Par};

/// A sparse block stored as `(local row, local column, value)` triplets.
type Triplets = Vec<(usize, usize, f64)>;

/// A square block-tridiagonal matrix, assembled sparse: [`BlockTridiagonal::factor`] turns
/// each diagonal block dense only when the elimination reaches it, so a factorisation holds
/// only the blocks it has reached (two solves run at the same time, N = 50 with 13 and 14
/// Fock states, peaked at 1.54–1.60 GB instead of 1.74 GB with every block allocated up
/// front; the time did not change, four runs each).
#[derive(Clone, Debug)]
pub struct BlockTridiagonal {
    /// Block `k` covers the indices `offsets[k]..offsets[k + 1]`.
    offsets: Vec<usize>,
    /// `D_k`, entries summed when the block is made dense.
    diagonal: Vec<Triplets>,
    /// `L_k = A[k, k−1]` (empty for `k = 0`).
    lower: Vec<Triplets>,
    /// `U_k = A[k−1, k]` (empty for `k = 0`).
    upper: Vec<Triplets>,
}

/// An entry that lies outside the three block diagonals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OutsideBand {
    /// Its global row.
    pub row: usize,
    /// Its global column.
    pub col: usize,
}

impl BlockTridiagonal {
    /// The zero matrix with blocks `offsets[k]..offsets[k + 1]` (`offsets` starts at 0 and
    /// increases strictly).
    pub fn zeros(offsets: Vec<usize>) -> Self {
        assert!(
            offsets.first() == Some(&0) && offsets.windows(2).all(|w| w[0] < w[1]),
            "block offsets start at 0 and increase"
        );
        let blocks = offsets.len() - 1;
        BlockTridiagonal {
            diagonal: vec![Vec::new(); blocks],
            lower: vec![Vec::new(); blocks],
            upper: vec![Vec::new(); blocks],
            offsets,
        }
    }

    /// Order of the matrix.
    pub fn len(&self) -> usize {
        *self.offsets.last().expect("offsets are not empty")
    }

    /// Whether the matrix is `0 × 0`.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of diagonal blocks.
    pub fn blocks(&self) -> usize {
        self.diagonal.len()
    }

    /// The block holding global index `i`, and `i`'s index inside it.
    fn locate(&self, i: usize) -> (usize, usize) {
        let k = self.offsets.partition_point(|&o| o <= i) - 1;
        (k, i - self.offsets[k])
    }

    /// `A[row, col] += value` (repeated positions add up).
    ///
    /// # Errors
    /// [`OutsideBand`] when `row` and `col` lie in blocks more than one apart.
    pub fn add(&mut self, row: usize, col: usize, value: f64) -> Result<(), OutsideBand> {
        let ((kr, r), (kc, c)) = (self.locate(row), self.locate(col));
        if kr == kc {
            self.diagonal[kr].push((r, c, value));
        } else if kr == kc + 1 {
            self.lower[kr].push((r, c, value));
        } else if kc == kr + 1 {
            self.upper[kc].push((r, c, value));
        } else {
            return Err(OutsideBand { row, col });
        }
        Ok(())
    }

    /// The block LU of the module documentation, each `S_k` factored with partial pivoting
    /// on `par` threads, and `‖A‖₁` ([`BlockLu::norm1`]), eliminated from both ends towards
    /// the largest block ([`Self::factor_meeting_at`]). A singular `S_k` is not detected
    /// here: its zero pivot makes the solves non-finite and the condition estimate infinite,
    /// which the caller judges.
    pub fn factor(self, par: Par) -> BlockLu {
        let size = |k: usize| self.offsets[k + 1] - self.offsets[k];
        // The first largest block: its inverse is the one the elimination never forms.
        let meet = (0..self.blocks()).fold(0, |m, k| if size(k) > size(m) { k } else { m });
        self.factor_meeting_at(meet, par)
    }

    /// The block LU eliminated from both ends towards block `meet` (a twisted, or
    /// burn-at-both-ends, factorisation): blocks `0, 1, …, meet − 1` as in the module
    /// documentation, blocks `K − 1, K − 2, …, meet + 1` likewise from the other end
    /// (`T_{K−1} = D_{K−1}`, `T_k = D_k − U_{k+1} T_{k+1}⁻¹ L_{k+1}`), and
    /// `S_meet = D_meet − L_meet S_{meet−1}⁻¹ U_meet − U_{meet+1} T_{meet+1}⁻¹ L_{meet+1}`.
    /// The two ends are independent and run side by side (`join`), and no explicit inverse is
    /// formed for `meet` itself: with the largest block there (the N-emitter generator's
    /// widest excitation block, 2090 of 59 934 unknowns at N = 50 with 14 Fock states) that
    /// saves `4/3 b³` of the `Σ 2 b_k³`, ~4% of the flops (`bench/flop_model.py`).
    pub fn factor_meeting_at(self, meet: usize, par: Par) -> BlockLu {
        let BlockTridiagonal {
            offsets,
            diagonal,
            lower,
            upper,
        } = self;
        let blocks = diagonal.len();
        assert!(meet < blocks, "the meeting block is a block");
        let size = |k: usize| offsets[k + 1] - offsets[k];
        let mut diagonal: Vec<Option<Triplets>> = diagonal.into_iter().map(Some).collect();
        let mut meeting_entries = diagonal[meet].take().expect("each block once");
        let (low_end, high_end) = diagonal.split_at_mut(meet);
        let high_end = &mut high_end[1..];
        let ends = (&lower[..], &upper[..], size);
        let (from_low, from_high) = join(
            par,
            || eliminate((0..meet).map(|k| (k, low_end[k].take())), ends, par),
            || {
                let order = (meet + 1..blocks).rev();
                eliminate(order.map(|k| (k, high_end[k - meet - 1].take())), ends, par)
            },
        );
        let mut s = dense(&mut meeting_entries, size(meet));
        let meeting_sums = column_abs_sums(&s);
        let largest = [from_low.last(), from_high.last()]
            .into_iter()
            .flatten()
            .map(|(_, lu, _)| lu.len())
            .max()
            .unwrap_or(0);
        let mut workspace = Mat::<f64>::zeros(largest, largest);
        let mut buffer = MemBuffer::new(inverse::inverse_scratch::<usize, f64>(largest, par));
        for (k, previous, _) in [from_low.last(), from_high.last()].into_iter().flatten() {
            let (l, u) = (
                coupling(&lower, &upper, meet, *k),
                coupling(&lower, &upper, *k, meet),
            );
            let stack = MemStack::new(&mut buffer);
            schur_update(&mut s, previous, l, u, workspace.as_mut(), stack, par);
        }
        drop(workspace);
        let mut factors: Vec<Option<DenseLu>> = (0..blocks).map(|_| None).collect();
        let mut column_sums = vec![0.0_f64; *offsets.last().expect("offsets are not empty")];
        let mut place = |k: usize, lu: DenseLu, sums: Vec<f64>| {
            for (j, v) in sums.into_iter().enumerate() {
                column_sums[offsets[k] + j] += v;
            }
            factors[k] = Some(lu);
        };
        for (k, lu, sums) in from_low.into_iter().chain(from_high) {
            place(k, lu, sums);
        }
        let meeting = DenseLu::new(s, par);
        place(meet, meeting, meeting_sums);
        // ‖A‖₁ by columns: each D_k's (made dense above) and the off-diagonal blocks' entries.
        for k in 1..blocks {
            for &(_, c, v) in &lower[k] {
                column_sums[offsets[k - 1] + c] += v.abs();
            }
            for &(_, c, v) in &upper[k] {
                column_sums[offsets[k] + c] += v.abs();
            }
        }
        BlockLu {
            offsets,
            factors: factors
                .into_iter()
                .map(|f| f.expect("every block factored"))
                .collect(),
            meet,
            lower,
            upper,
            norm1: column_sums.into_iter().fold(0.0, f64::max),
        }
    }
}

/// `(a(), b())`, side by side (`rayon::join`) when `par` is parallel or the caller already
/// runs on a rayon worker (the smaller solve of a concurrent pair, whose second task a free
/// worker steals), else one after the other on the calling thread: a small solve on the main
/// thread must not start rayon's thread pool (a two-point `sweep emitters` at N = 5 took
/// 4.7 ms instead of 2.6 ms when it did, measured with `bench/compare_emitters.py`).
pub(crate) fn join<A, B>(
    par: Par,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B)
where
    A: Send,
    B: Send,
{
    if matches!(par, Par::Rayon(_)) || rayon::current_thread_index().is_some() {
        rayon::join(a, b)
    } else {
        (a(), b())
    }
}

/// The triplets of `A[row_block, col_block]` for neighbouring blocks: `L_row` below the
/// diagonal, `U_col` above it.
fn coupling<'a>(
    lower: &'a [Triplets],
    upper: &'a [Triplets],
    row_block: usize,
    col_block: usize,
) -> &'a Triplets {
    debug_assert_eq!(row_block.abs_diff(col_block), 1, "neighbouring blocks");
    if row_block == col_block + 1 {
        &lower[row_block]
    } else {
        &upper[col_block]
    }
}

/// One end of [`BlockTridiagonal::factor_meeting_at`]: the blocks in `order` (consecutive,
/// increasing or decreasing), each `D_k` made dense, Schur-updated from the block before it in
/// `order` and factored; returns `(k, LU of S_k, column sums of |D_k|)` in that order.
fn eliminate(
    order: impl Iterator<Item = (usize, Option<Triplets>)>,
    (lower, upper, size): (&[Triplets], &[Triplets], impl Fn(usize) -> usize),
    par: Par,
) -> Vec<(usize, DenseLu, Vec<f64>)> {
    let order: Vec<(usize, Option<Triplets>)> = order.collect();
    // One workspace for every Schur complement: a fresh ~b² allocation per block is
    // page-faulted in again each time (system time of one solve at N = 50 with 18 Fock
    // states: 2.1 s with this workspace, 3.9 s on the previous per-block allocation).
    let largest = order.iter().map(|&(k, _)| size(k)).max().unwrap_or(0);
    let mut workspace = Mat::<f64>::zeros(largest, largest);
    let mut buffer = MemBuffer::new(inverse::inverse_scratch::<usize, f64>(largest, par));
    let mut done: Vec<(usize, DenseLu, Vec<f64>)> = Vec::with_capacity(order.len());
    for (k, entries) in order {
        let mut entries = entries.expect("each block once");
        let mut s = dense(&mut entries, size(k));
        let sums = column_abs_sums(&s);
        if let Some((previous_k, previous, _)) = done.last() {
            let l = coupling(lower, upper, k, *previous_k);
            let u = coupling(lower, upper, *previous_k, k);
            let stack = MemStack::new(&mut buffer);
            schur_update(&mut s, previous, l, u, workspace.as_mut(), stack, par);
        }
        done.push((k, DenseLu::new(s, par), sums));
    }
    done
}

/// The dense `b × b` block of `entries` (repeated positions summed; the triplets are freed).
fn dense(entries: &mut Triplets, b: usize) -> Mat<f64> {
    let mut s = Mat::<f64>::zeros(b, b);
    for (r, c, v) in std::mem::take(entries) {
        s[(r, c)] += v;
    }
    s
}

/// `Σ_i |S[i, j]|` for every column `j`.
fn column_abs_sums(s: &Mat<f64>) -> Vec<f64> {
    (0..s.ncols())
        .map(|j| s.col(j).iter().map(|v| v.abs()).sum::<f64>())
        .collect()
}

/// `S ← S − L S_prev⁻¹ U` for sparse `L`, `U` (the Schur complement step of
/// [`BlockTridiagonal::factor`]), by the cheaper of two routes for the `b × b` factor of
/// `S_prev` and the `u` columns of `U` that hold an entry:
/// - `W = S_prev⁻¹ U` by triangular solves on those columns, `2 b² u` flops, then `S −= L W`;
/// - the explicit inverse `Z = S_prev⁻¹` from the LU factors, `4/3 b³` flops, then
///   `S[:, j] −= L (Z U[:, j])` column by column (`Z U[:, j]` combines the few columns of `Z`
///   that `U[:, j]` names).
///
/// Both use the same partial-pivoting factors and have forward errors of the same order
/// (`cond(S_prev) · ε` relative, Higham, *Accuracy and Stability of Numerical Algorithms*,
/// 2nd ed., §14.1–14.3); the solves with `A` keep using the LU factors, not `Z`, so the
/// backward stability of [`BlockLu::solve`] is untouched. The inverse wins when `u > 2b/3`,
/// which holds for most blocks of the N-emitter generator (every state of block `k` with an
/// excited emitter or a photon in both ket and bra decays into block `k − 1`).
fn schur_update(
    s: &mut Mat<f64>,
    previous: &DenseLu,
    lower: &Triplets,
    upper: &Triplets,
    work: MatMut<'_, f64>,
    stack: &mut MemStack,
    par: Par,
) {
    let b = previous.len();
    let mut columns: Vec<usize> = upper.iter().map(|&(_, c, _)| c).collect();
    columns.sort_unstable();
    columns.dedup();
    if 3 * columns.len() > 2 * b {
        let mut z = work.submatrix_mut(0, 0, b, b);
        previous.inverse(z.as_mut(), par, stack);
        // U by column: for each column j of S, the entries (c, value) of U's column j.
        let mut by_column: Vec<Vec<(usize, f64)>> = vec![Vec::new(); s.ncols()];
        for &(r, c, v) in upper {
            by_column[c].push((r, v));
        }
        // Column by column: `t = Z U[:, j]` as contiguous AXPYs over Z's columns, then
        // `S[:, j] −= L t`, instead of gathering Z[a, c] per entry of L.
        let mut t = vec![0.0_f64; b];
        for (j, entries) in by_column.iter().enumerate() {
            if entries.is_empty() {
                continue;
            }
            t.fill(0.0);
            for &(c, u) in entries {
                for (ti, &zi) in t.iter_mut().zip(z.as_ref().col(c).iter()) {
                    *ti += zi * u;
                }
            }
            let mut sj = s.col_mut(j);
            for &(i, a, l) in lower {
                sj[i] -= l * t[a];
            }
        }
        return;
    }
    let mut w = work.submatrix_mut(0, 0, b, columns.len());
    w.fill(0.0);
    for &(r, c, v) in upper {
        let j = columns.binary_search(&c).expect("column collected above");
        w[(r, j)] += v;
    }
    previous.solve(w.as_mut(), false, par);
    for (j, &c) in columns.iter().enumerate() {
        let wj = w.as_ref().col(j);
        let mut sc = s.col_mut(c);
        for &(r, m, v) in lower {
            sc[r] -= v * wj[m];
        }
    }
}

/// A dense LU with partial pivoting `P S = L U`, stored in place.
#[derive(Clone, Debug)]
struct DenseLu {
    lu: Mat<f64>,
    forward: Vec<usize>,
    inverse: Vec<usize>,
}

impl DenseLu {
    fn new(mut lu: Mat<f64>, par: Par) -> Self {
        let n = lu.nrows();
        let mut forward = vec![0usize; n];
        let mut inverse = vec![0usize; n];
        let mut buffer = MemBuffer::new(factor::lu_in_place_scratch::<usize, f64>(
            n,
            n,
            par,
            Default::default(),
        ));
        factor::lu_in_place(
            lu.as_mut(),
            &mut forward,
            &mut inverse,
            par,
            MemStack::new(&mut buffer),
            Default::default(),
        );
        DenseLu {
            lu,
            forward,
            inverse,
        }
    }

    fn len(&self) -> usize {
        self.lu.nrows()
    }

    /// `out ← S⁻¹ = U⁻¹ L⁻¹ P` from the factors (`stack`: [`inverse::inverse_scratch`] for at
    /// least this size).
    fn inverse(&self, out: MatMut<'_, f64>, par: Par, stack: &mut MemStack) {
        let n = self.len();
        let perm = PermRef::new_checked(&self.forward, &self.inverse, n);
        let lu = self.lu.as_ref();
        inverse::inverse(out, lu, lu, perm, par, stack);
    }

    /// `rhs ← S⁻¹ rhs` (or `S⁻ᵀ rhs`).
    fn solve(&self, rhs: MatMut<'_, f64>, transpose: bool, par: Par) {
        let n = self.len();
        let perm = PermRef::new_checked(&self.forward, &self.inverse, n);
        let mut buffer = MemBuffer::new(solve::solve_in_place_scratch::<usize, f64>(
            n,
            rhs.ncols(),
            par,
        ));
        let stack = MemStack::new(&mut buffer);
        let lu = self.lu.as_ref();
        if transpose {
            solve::solve_transpose_in_place_with_conj(lu, lu, perm, Conj::No, rhs, par, stack);
        } else {
            solve::solve_in_place_with_conj(lu, lu, perm, Conj::No, rhs, par, stack);
        }
    }
}

/// The factors of [`BlockTridiagonal::factor`], for solves with `A` and `Aᵀ`.
#[derive(Clone, Debug)]
pub struct BlockLu {
    offsets: Vec<usize>,
    factors: Vec<DenseLu>,
    /// The block where the two ends of the elimination meet.
    meet: usize,
    lower: Vec<Triplets>,
    upper: Vec<Triplets>,
    norm1: f64,
}

impl BlockLu {
    /// Order of the matrix.
    pub fn len(&self) -> usize {
        *self.offsets.last().expect("offsets are not empty")
    }

    /// Whether the matrix is `0 × 0`.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// `‖A‖₁` of the factored matrix, the largest absolute column sum.
    pub fn norm1(&self) -> f64 {
        self.norm1
    }

    fn range(&self, k: usize) -> std::ops::Range<usize> {
        self.offsets[k]..self.offsets[k + 1]
    }

    /// `x ← A⁻¹ x`: forward from both ends to the meeting block, then back out to both ends
    /// ([`Self::solve_columns`]).
    pub fn solve(&self, x: &mut [f64], par: Par) {
        let n = x.len();
        self.solve_columns(MatMut::from_column_major_slice_mut(x, n, 1), par);
    }

    /// `X ← A⁻¹ X` for every column of `X` at once, as [`Self::solve`]: one pass over the
    /// factors serves all columns (a block solve reads every factor twice and is bound by
    /// memory: two columns at once took 0.22 s on one thread and 0.14 s on two for 60 blocks
    /// of 2000, one column 0.18 s either way, measured with faer 0.24 by a throwaway program
    /// that is not in the repository).
    pub fn solve_columns(&self, x: MatMut<'_, f64>, par: Par) {
        self.sweep(x, false, par);
    }

    /// `x ← A⁻ᵀ x`, by the same sweep with the transposed factors: the twisted factorisation
    /// of `Aᵀ` has the blocks `S_kᵀ` (and `T_kᵀ`) with the couplings transposed.
    pub fn solve_transpose(&self, x: &mut [f64], par: Par) {
        let n = x.len();
        self.sweep(MatMut::from_column_major_slice_mut(x, n, 1), true, par);
    }

    /// The solve of [`BlockTridiagonal::factor_meeting_at`]'s factors (of `Aᵀ` with
    /// `transpose`), `m` the meeting block:
    /// ```text
    /// forward:  z_k = x_k − A[k, k−1] S_{k−1}⁻¹ z_{k−1},  k = 1 … m
    ///           z_k = x_k − A[k, k+1] T_{k+1}⁻¹ z_{k+1},  k = K − 2 … m
    /// meeting:  y_m = S_m⁻¹ z_m
    /// back:     y_k = S_k⁻¹ (z_k − A[k, k+1] y_{k+1}),     k = m − 1 … 0
    ///           y_k = T_k⁻¹ (z_k − A[k, k−1] y_{k−1}),     k = m + 1 … K − 1
    /// ```
    fn sweep(&self, mut x: MatMut<'_, f64>, transpose: bool, par: Par) {
        let (blocks, m) = (self.factors.len(), self.meet);
        let forward = (1..=m).map(|k| (k, k - 1));
        let forward = forward.chain((m..blocks - 1).rev().map(|k| (k, k + 1)));
        for (to, from) in forward {
            let range = self.range(from);
            let mut t = x.as_ref().subrows(range.start, range.len()).to_owned();
            self.factors[from].solve(t.as_mut(), transpose, par);
            self.couple(x.as_mut(), to, from, &t, transpose);
        }
        let back = std::iter::once((m, None));
        let back = back.chain((0..m).rev().map(|k| (k, Some(k + 1))));
        let back = back.chain((m + 1..blocks).map(|k| (k, Some(k - 1))));
        for (k, from) in back {
            if let Some(from) = from {
                let range = self.range(from);
                let y = x.as_ref().subrows(range.start, range.len()).to_owned();
                self.couple(x.as_mut(), k, from, &y, transpose);
            }
            let range = self.range(k);
            let mut t = x.as_ref().subrows(range.start, range.len()).to_owned();
            self.factors[k].solve(t.as_mut(), transpose, par);
            x.as_mut()
                .subrows_mut(range.start, range.len())
                .copy_from(&t);
        }
    }

    /// `x[to] −= C t` for the coupling `C = A[to, from]` between neighbouring blocks (or
    /// `Aᵀ[to, from] = A[from, to]ᵀ` with `transpose`), `t` over block `from`.
    fn couple(
        &self,
        mut x: MatMut<'_, f64>,
        to: usize,
        from: usize,
        t: &Mat<f64>,
        transpose: bool,
    ) {
        let (row_block, col_block) = if transpose { (from, to) } else { (to, from) };
        let entries = coupling(&self.lower, &self.upper, row_block, col_block);
        let o = self.offsets[to];
        for j in 0..t.ncols() {
            for &(r, c, v) in entries {
                let (i, a) = if transpose { (c, r) } else { (r, c) };
                x[(o + i, j)] -= v * t[(a, j)];
            }
        }
    }

    /// Hager's estimate of `‖A⁻¹‖₁` (Hager, ACM TOMS 10, 311 (1984); Higham, ACM TOMS 14,
    /// 381 (1988)) from solves with `A` and `Aᵀ`: a lower bound that is almost always within a
    /// small factor of the true norm, at the price of a few block solves. `∞` when a solve
    /// is not finite (a singular block).
    pub fn inverse_norm1_estimate(&self, par: Par) -> f64 {
        let mut first = self.uniform();
        self.solve(&mut first, par);
        self.inverse_norm1_estimate_from(first, par)
    }

    /// The vector `(1/n, …, 1/n)` whose solve starts [`Self::inverse_norm1_estimate`].
    pub fn uniform(&self) -> Vec<f64> {
        vec![1.0 / self.len() as f64; self.len()]
    }

    /// [`Self::inverse_norm1_estimate`] from its first solve `first = A⁻¹ (1/n, …, 1/n)`,
    /// for a caller that made that solve together with its own ([`Self::solve_columns`]).
    pub fn inverse_norm1_estimate_from(&self, first: Vec<f64>, par: Par) -> f64 {
        let n = self.len();
        let mut v = self.uniform();
        let mut x = first;
        let mut estimate = 0.0_f64;
        for iteration in 0..5 {
            if iteration > 0 {
                x.clone_from(&v);
                self.solve(&mut x, par);
            }
            let norm: f64 = x.iter().map(|e| e.abs()).sum();
            if !norm.is_finite() {
                return f64::INFINITY;
            }
            if iteration > 0 && norm <= estimate {
                break;
            }
            estimate = norm;
            let mut z: Vec<f64> = x
                .iter()
                .map(|&e| if e >= 0.0 { 1.0 } else { -1.0 })
                .collect();
            self.solve_transpose(&mut z, par);
            let (j, zmax) = z
                .iter()
                .map(|e| e.abs())
                .enumerate()
                .fold((0, -1.0), |best, c| if c.1 > best.1 { c } else { best });
            // Stop when no vertex e_j promises a larger ‖A⁻¹ e_j‖₁ than the current vector.
            let ztv: f64 = z.iter().zip(&v).map(|(a, b)| a * b).sum();
            if zmax <= ztv {
                break;
            }
            v = vec![0.0; n];
            v[j] = 1.0;
        }
        estimate
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A random-looking diagonally weighted block-tridiagonal matrix, its dense copy; with
    /// `narrow_upper` the super-diagonal blocks hold entries in their first column only.
    /// Blocks of sizes 2, 3, 1, 3 send both variants through both routes of
    /// [`schur_update`] (narrow: solves at `k = 1, 2`, inverse at `k = 3`; full: inverse at
    /// `k = 1, 3`, solves at `k = 2`).
    fn example(narrow_upper: bool) -> (BlockTridiagonal, Mat<f64>) {
        let offsets = vec![0, 2, 5, 6, 9];
        let n = 9;
        let mut a = BlockTridiagonal::zeros(offsets.clone());
        let mut dense = Mat::<f64>::zeros(n, n);
        let block = |i: usize| offsets.partition_point(|&o| o <= i) - 1;
        let mut seed = 7_u64;
        for i in 0..n {
            for j in 0..n {
                if block(i).abs_diff(block(j)) > 1 {
                    continue;
                }
                let upper = block(j) == block(i) + 1;
                if narrow_upper && upper && j != offsets[block(j)] {
                    continue;
                }
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let v = ((seed >> 33) % 19) as f64 - 9.0 + if i == j { 3.0 } else { 0.0 };
                if v != 0.0 {
                    a.add(i, j, v).unwrap();
                    dense[(i, j)] += v;
                }
            }
        }
        (a, dense)
    }

    /// Every meeting block of the twisted elimination (the first, the last, inside), on one
    /// thread and on two, gives solves that match the dense matrix.
    #[test]
    fn solves_match_the_dense_matrix() {
        for narrow_upper in [false, true] {
            let (a, dense) = example(narrow_upper);
            for meet in 0..a.blocks() {
                for par in [Par::Seq, Par::rayon(2)] {
                    check_against_dense(a.clone(), &dense, meet, par);
                }
            }
        }
    }

    /// The elimination meets at the first largest block (sizes 2, 3, 1, 3: block 1).
    #[test]
    fn the_ends_meet_at_the_largest_block() {
        assert_eq!(example(false).0.factor(Par::Seq).meet, 1);
    }

    fn check_against_dense(mut a: BlockTridiagonal, dense: &Mat<f64>, meet: usize, par: Par) {
        let n = a.len();
        assert_eq!(a.add(0, 8, 1.0), Err(OutsideBand { row: 0, col: 8 }));
        let expected_norm = (0..n)
            .map(|j| dense.col(j).iter().map(|v| v.abs()).sum::<f64>())
            .fold(0.0, f64::max);
        let lu = a.factor_meeting_at(meet, par);
        assert_eq!(lu.norm1(), expected_norm);
        let b: Vec<f64> = (0..n).map(|i| (i as f64) - 2.5).collect();
        for transpose in [false, true] {
            let mut x = b.clone();
            if transpose {
                lu.solve_transpose(&mut x, Par::Seq);
            } else {
                lu.solve(&mut x, Par::Seq);
            }
            // A x (or Aᵀ x) must give back b; entries are O(10), x is O(1): a backward-stable
            // solve leaves ~n·ε·‖A‖·‖x‖ ≈ 1e-13.
            for i in 0..n {
                let row: f64 = (0..n)
                    .map(|j| if transpose { dense[(j, i)] } else { dense[(i, j)] } * x[j])
                    .sum();
                assert!((row - b[i]).abs() < 1e-11, "row {i}: {row} vs {}", b[i]);
            }
        }
        // Two columns at once solve each as one column alone (to rounding: other kernels).
        let mut two = Mat::<f64>::from_fn(n, 2, |i, j| b[i] * (1.0 + j as f64));
        lu.solve_columns(two.as_mut(), Par::Seq);
        let mut x = b.clone();
        lu.solve(&mut x, Par::Seq);
        for i in 0..n {
            assert!((two[(i, 0)] - x[i]).abs() < 1e-13 && (two[(i, 1)] - 2.0 * x[i]).abs() < 1e-13);
        }
        // ‖A⁻¹‖₁ from the dense inverse (columns by solves) bounds the estimate from above.
        let mut exact = 0.0_f64;
        for j in 0..n {
            let mut e = vec![0.0; n];
            e[j] = 1.0;
            lu.solve(&mut e, Par::Seq);
            exact = exact.max(e.iter().map(|v| v.abs()).sum());
        }
        let estimate = lu.inverse_norm1_estimate(Par::Seq);
        assert!(estimate <= exact * (1.0 + 1e-12) && estimate >= exact / 10.0);
    }

    #[test]
    fn a_singular_block_gives_an_infinite_estimate() {
        let mut a = BlockTridiagonal::zeros(vec![0, 1, 2]);
        a.add(0, 0, 1.0).unwrap();
        a.add(1, 0, 1.0).unwrap();
        a.add(0, 1, 1.0).unwrap();
        a.add(1, 1, 1.0).unwrap(); // S_1 = 1 − 1·1⁻¹·1 = 0
        let estimate = a.factor(Par::Seq).inverse_norm1_estimate(Par::Seq);
        assert!(estimate.is_infinite());
    }
}
