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
//! (`schur_update`). Pivoting stays inside the blocks, so a caller
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
    /// on `par` threads, and `‖A‖₁` ([`BlockLu::norm1`]). A singular `S_k` is not detected
    /// here: its zero pivot makes the solves non-finite and the condition estimate infinite,
    /// which the caller judges.
    pub fn factor(self, par: Par) -> BlockLu {
        let mut factors: Vec<DenseLu> = Vec::with_capacity(self.blocks());
        let BlockTridiagonal {
            offsets,
            diagonal,
            lower,
            upper,
        } = self;
        // One workspace for every Schur complement: a fresh ~b² allocation per block is
        // page-faulted in again each time (system time of one solve at N = 50 with 18 Fock
        // states: 2.1 s with this workspace, 3.9 s on the previous per-block allocation).
        let size = |k: usize| offsets[k + 1] - offsets[k];
        let largest = (0..diagonal.len()).map(size).max().unwrap_or(0);
        let mut workspace = Mat::<f64>::zeros(largest, largest);
        let mut buffer = MemBuffer::new(inverse::inverse_scratch::<usize, f64>(largest, par));
        // ‖A‖₁ by columns: the off-diagonal blocks' entries now, each D_k when made dense.
        let mut column_sums = vec![0.0_f64; *offsets.last().expect("offsets are not empty")];
        for k in 1..diagonal.len() {
            for &(_, c, v) in &lower[k] {
                column_sums[offsets[k - 1] + c] += v.abs();
            }
            for &(_, c, v) in &upper[k] {
                column_sums[offsets[k] + c] += v.abs();
            }
        }
        for (k, entries) in diagonal.into_iter().enumerate() {
            let mut s = Mat::<f64>::zeros(size(k), size(k));
            for (r, c, v) in entries {
                s[(r, c)] += v;
            }
            for j in 0..s.ncols() {
                column_sums[offsets[k] + j] += s.col(j).iter().map(|v| v.abs()).sum::<f64>();
            }
            if k > 0 {
                let stack = MemStack::new(&mut buffer);
                let work = workspace.as_mut();
                schur_update(
                    &mut s,
                    &factors[k - 1],
                    &lower[k],
                    &upper[k],
                    work,
                    stack,
                    par,
                );
            }
            factors.push(DenseLu::new(s, par));
        }
        BlockLu {
            offsets,
            factors,
            lower,
            upper,
            norm1: column_sums.into_iter().fold(0.0, f64::max),
        }
    }
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

    /// `x ← A⁻¹ x`: `𝓛 z = x` block by block upward, then `𝓤 y = z` downward.
    pub fn solve(&self, x: &mut [f64], par: Par) {
        let n = x.len();
        self.solve_columns(MatMut::from_column_major_slice_mut(x, n, 1), par);
    }

    /// `X ← A⁻¹ X` for every column of `X` at once, as [`Self::solve`]: one pass over the
    /// factors serves all columns (a block solve reads every factor twice and is bound by
    /// memory: two columns at once took 0.22 s on one thread and 0.14 s on two for 60 blocks
    /// of 2000, one column 0.18 s either way, measured with faer 0.24).
    pub fn solve_columns(&self, mut x: MatMut<'_, f64>, par: Par) {
        let blocks = self.factors.len();
        let columns = x.ncols();
        // Forward: z_k = x_k − L_k S_{k−1}⁻¹ z_{k−1}.
        for k in 1..blocks {
            let previous = self.range(k - 1);
            let mut t = x
                .as_ref()
                .subrows(previous.start, previous.len())
                .to_owned();
            self.factors[k - 1].solve(t.as_mut(), false, par);
            let o = self.offsets[k];
            for j in 0..columns {
                for &(r, c, v) in &self.lower[k] {
                    x[(o + r, j)] -= v * t[(c, j)];
                }
            }
        }
        // Backward: y_k = S_k⁻¹ (z_k − U_{k+1} y_{k+1}).
        for k in (0..blocks).rev() {
            if k + 1 < blocks {
                let (o, next) = (self.offsets[k], self.offsets[k + 1]);
                for j in 0..columns {
                    for &(r, c, v) in &self.upper[k + 1] {
                        let y = x[(next + c, j)];
                        x[(o + r, j)] -= v * y;
                    }
                }
            }
            let range = self.range(k);
            let mut t = x.as_ref().subrows(range.start, range.len()).to_owned();
            self.factors[k].solve(t.as_mut(), false, par);
            x.as_mut()
                .subrows_mut(range.start, range.len())
                .copy_from(&t);
        }
    }

    /// `x ← A⁻ᵀ x`: `𝓤ᵀ w = x` downward-first, then `𝓛ᵀ y = w`.
    pub fn solve_transpose(&self, x: &mut [f64], par: Par) {
        let blocks = self.factors.len();
        // 𝓤ᵀ: w_k = S_k⁻ᵀ (x_k − U_kᵀ w_{k−1}).
        for k in 0..blocks {
            if k > 0 {
                let (previous, o) = (self.offsets[k - 1], self.offsets[k]);
                for &(r, c, v) in &self.upper[k] {
                    x[o + c] -= v * x[previous + r];
                }
            }
            let range = self.range(k);
            let mut t = column(&x[range.clone()]);
            self.factors[k].solve(t.as_mut(), true, par);
            for (i, xi) in x[range].iter_mut().enumerate() {
                *xi = t[(i, 0)];
            }
        }
        // 𝓛ᵀ: y_{k−1} = w_{k−1} − S_{k−1}⁻ᵀ L_kᵀ y_k.
        for k in (1..blocks).rev() {
            let mut t = Mat::<f64>::zeros(self.factors[k - 1].len(), 1);
            let o = self.offsets[k];
            for &(r, c, v) in &self.lower[k] {
                t[(c, 0)] += v * x[o + r];
            }
            self.factors[k - 1].solve(t.as_mut(), true, par);
            for (i, xi) in x[self.range(k - 1)].iter_mut().enumerate() {
                *xi -= t[(i, 0)];
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

fn column(values: &[f64]) -> Mat<f64> {
    Mat::from_fn(values.len(), 1, |i, _| values[i])
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

    #[test]
    fn solves_match_the_dense_matrix() {
        for narrow_upper in [false, true] {
            let (a, dense) = example(narrow_upper);
            check_against_dense(a, &dense);
        }
    }

    fn check_against_dense(mut a: BlockTridiagonal, dense: &Mat<f64>) {
        let n = a.len();
        assert_eq!(a.add(0, 8, 1.0), Err(OutsideBand { row: 0, col: 8 }));
        let expected_norm = (0..n)
            .map(|j| dense.col(j).iter().map(|v| v.abs()).sum::<f64>())
            .fold(0.0, f64::max);
        let lu = a.factor(Par::Seq);
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
