//! Banded LU with partial pivoting (the LAPACK `gbtrf`/`gbtrs` scheme) for the reduced cavity
//! generator, which is block-tridiagonal in the excitation number: the cost of a solve grows
//! linearly with the photon cutoff instead of cubically.

/// A square real matrix with `kl` sub- and `ku` super-diagonals, stored row by row with room
/// for the `kl` extra super-diagonals that row interchanges create.
#[derive(Clone, Debug, PartialEq)]
pub struct BandedMatrix {
    n: usize,
    kl: usize,
    ku: usize,
    width: usize,
    data: Vec<f64>,
}

/// The outcome of [`BandedMatrix::solve_in_place`]: the pivots' magnitudes, from which the
/// caller judges singularity.
#[derive(Clone, Debug, PartialEq)]
pub struct Pivots {
    /// `|U_jj|` for each column `j`.
    pub magnitudes: Vec<f64>,
}

impl Pivots {
    /// Number of pivots at or below `relative · max pivot` (numerically zero).
    pub fn count_below(&self, relative: f64) -> usize {
        let largest = self.magnitudes.iter().copied().fold(0.0, f64::max);
        self.magnitudes
            .iter()
            .filter(|&&p| p <= relative * largest)
            .count()
    }
}

impl BandedMatrix {
    /// The `n × n` zero matrix with bandwidths `kl` (below) and `ku` (above the diagonal).
    pub fn zeros(n: usize, kl: usize, ku: usize) -> Self {
        let width = 2 * kl + ku + 1;
        BandedMatrix {
            n,
            kl,
            ku,
            width,
            data: vec![0.0; n * width],
        }
    }

    /// Dimension.
    pub fn n(&self) -> usize {
        self.n
    }

    /// Resets every entry to zero, keeping the shape.
    pub fn clear(&mut self) {
        self.data.fill(0.0);
    }

    fn offset(&self, i: usize, j: usize) -> usize {
        i * self.width + (j + self.kl - i)
    }

    /// Adds `value` to entry `(i, j)`.
    ///
    /// # Panics
    /// When `(i, j)` lies outside the band (`j + kl < i` or `j > i + ku`): a caller bug.
    pub fn add(&mut self, i: usize, j: usize, value: f64) {
        assert!(
            i < self.n && j < self.n && j + self.kl >= i && j <= i + self.ku,
            "({i}, {j}) outside the band (kl = {}, ku = {})",
            self.kl,
            self.ku
        );
        let k = self.offset(i, j);
        self.data[k] += value;
    }

    /// Sets row `i` to `value · e_i` (a normalisation row).
    pub fn set_unit_row(&mut self, i: usize, value: f64) {
        let start = i * self.width;
        self.data[start..start + self.width].fill(0.0);
        let k = self.offset(i, i);
        self.data[k] = value;
    }

    /// Solves `A x = b` in place (`b` becomes `x`) by LU with partial pivoting restricted to the
    /// band, destroying `A`. Returns the pivot magnitudes; a zero pivot leaves `b` undefined
    /// (non-finite), so check [`Pivots::count_below`] first.
    ///
    /// # Panics
    /// When `b.len() != n`.
    pub fn solve_in_place(&mut self, b: &mut [f64]) -> Pivots {
        let (n, kl, ku) = (self.n, self.kl, self.ku);
        assert_eq!(b.len(), n, "right-hand side of the wrong length");
        let upper = kl + ku;
        let mut magnitudes = Vec::with_capacity(n);
        for j in 0..n {
            let last_row = (j + kl).min(n - 1);
            let last_col = (j + upper).min(n - 1);
            // The first row with the largest magnitude (no interchange for a zero column).
            let mut pivot_row = j;
            for i in j + 1..=last_row {
                if self.data[self.offset(i, j)].abs() > self.data[self.offset(pivot_row, j)].abs() {
                    pivot_row = i;
                }
            }
            if pivot_row != j {
                for c in j..=last_col {
                    let (a, p) = (self.offset(j, c), self.offset(pivot_row, c));
                    self.data.swap(a, p);
                }
                b.swap(j, pivot_row);
            }
            let pivot = self.data[self.offset(j, j)];
            magnitudes.push(pivot.abs());
            if pivot == 0.0 {
                continue;
            }
            for i in j + 1..=last_row {
                let lij = self.data[self.offset(i, j)] / pivot;
                if lij == 0.0 {
                    continue;
                }
                let (row_j, row_i) = (self.offset(j, j), self.offset(i, j));
                for c in 0..=(last_col - j) {
                    self.data[row_i + c] -= lij * self.data[row_j + c];
                }
                b[i] -= lij * b[j];
            }
        }
        for j in (0..n).rev() {
            let last_col = (j + upper).min(n - 1);
            let row = self.offset(j, j);
            let tail: f64 = (1..=(last_col - j))
                .map(|c| self.data[row + c] * b[j + c])
                .sum();
            b[j] = (b[j] - tail) / self.data[row];
        }
        Pivots { magnitudes }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use nalgebra::{DMatrix, DVector};

    /// A banded system that needs row interchanges, against nalgebra's dense LU. Tolerance
    /// 1e-13: both are backward stable on a matrix of condition ≈ 10.
    #[test]
    fn matches_dense_lu_with_pivoting() {
        let (n, kl, ku) = (9, 2, 1);
        let entry = |i: usize, j: usize| -> f64 {
            if j + kl < i || j > i + ku {
                0.0
            } else if i == j {
                0.1 + (i % 3) as f64 * 0.01
            } else {
                1.0 + ((3 * i + 7 * j) % 5) as f64
            }
        };
        let mut banded = BandedMatrix::zeros(n, kl, ku);
        for i in 0..n {
            for j in 0..n {
                if entry(i, j) != 0.0 {
                    banded.add(i, j, entry(i, j));
                }
            }
        }
        let dense = DMatrix::from_fn(n, n, entry);
        let rhs: Vec<f64> = (0..n).map(|i| 1.0 + i as f64).collect();
        let expected = dense.lu().solve(&DVector::from_vec(rhs.clone())).unwrap();
        let mut x = rhs;
        let pivots = banded.solve_in_place(&mut x);
        assert_eq!(pivots.count_below(1e-12), 0);
        for (a, b) in x.iter().zip(expected.iter()) {
            assert!((a - b).abs() <= 1e-13 * b.abs().max(1.0));
        }
    }

    #[test]
    fn singular_matrix_has_a_zero_pivot() {
        let mut m = BandedMatrix::zeros(3, 1, 1);
        for (i, j, v) in [
            (0, 0, 1.0),
            (0, 1, 2.0),
            (1, 0, 2.0),
            (1, 1, 4.0),
            (2, 2, 1.0),
        ] {
            m.add(i, j, v);
        }
        let mut b = vec![1.0, 2.0, 3.0];
        assert_eq!(m.solve_in_place(&mut b).count_below(1e-12), 1);
    }
}
