//! Exact null spaces by reduced row echelon form over a [`Field`] (Gaussian rationals): the
//! steady state of Eq. (1) is the kernel of the Liouvillian, and its dimension is the nullity.

use nalgebra::{DMatrix, DVector};
use rug::{Integer, Rational};

use crate::ring::Field;

/// A basis of the kernel `{x : M x = 0}`, computed exactly (no pivoting tolerance: a pivot is
/// any non-zero entry). The basis has one vector per free column, with a 1 in that column.
///
/// # Examples
/// ```
/// use nalgebra::DMatrix;
/// use num_complex::Complex;
/// use steadyent::ring::{GaussQ, Q};
/// use steadyent::nullspace::null_space;
/// let g = |n| Complex::new(Q::new(n, 1), Q::new(0, 1));
/// let m: DMatrix<GaussQ> = DMatrix::from_row_slice(2, 2, &[g(1), g(2), g(2), g(4)]);
/// let kernel = null_space(&m);
/// assert_eq!(kernel.len(), 1);
/// assert_eq!(kernel[0][0], g(-2));
/// ```
pub fn null_space<F: Field>(m: &DMatrix<F>) -> Vec<DVector<F>> {
    let (rows, cols) = m.shape();
    let mut a = m.clone();
    let mut pivot_cols = Vec::new();
    let mut r = 0;
    for c in 0..cols {
        if r == rows {
            break;
        }
        let Some(p) = (r..rows).find(|&i| !a[(i, c)].is_zero()) else {
            continue;
        };
        a.swap_rows(r, p);
        let inv = a[(r, c)].inv().expect("pivot is non-zero");
        for j in c..cols {
            let v = a[(r, j)].clone() * inv.clone();
            a[(r, j)] = v;
        }
        for i in 0..rows {
            if i == r || a[(i, c)].is_zero() {
                continue;
            }
            let factor = a[(i, c)].clone();
            for j in c..cols {
                if a[(r, j)].is_zero() {
                    continue;
                }
                let v = a[(i, j)].clone() - factor.clone() * a[(r, j)].clone();
                a[(i, j)] = v;
            }
        }
        pivot_cols.push(c);
        r += 1;
    }
    let free: Vec<usize> = (0..cols).filter(|c| !pivot_cols.contains(c)).collect();
    free.iter()
        .map(|&f| {
            let mut v = DVector::from_element(cols, F::zero());
            v[f] = F::one();
            for (row, &pc) in pivot_cols.iter().enumerate() {
                v[pc] = -a[(row, f)].clone();
            }
            v
        })
        .collect()
}

/// A basis of the kernel `{x : M x = 0}` of a rational matrix by fraction-free (Bareiss)
/// elimination: each row is scaled to integers, the forward elimination keeps every entry an
/// integer (a minor of the scaled matrix; each division is exact), and only the back
/// substitution uses rationals. Same basis convention as [`null_space`] (one vector per free
/// column, with a 1 there), without the gcd of every intermediate rational that dominates
/// Gauss–Jordan elimination on the steady states of Eq. (7)–(8).
///
/// # Formula
/// ```text
/// a_ij ← (a_rc a_ij − a_ic a_rj) / p,   p = previous pivot       (Bareiss, exact division)
/// ```
///
/// # Examples
/// ```
/// use nalgebra::DMatrix;
/// use rug::Rational;
/// use steadyent::nullspace::rational_null_space;
/// let r = |n: i64, d: i64| Rational::from((n, d));
/// let m = DMatrix::from_row_slice(2, 3, &[r(1, 2), r(1, 1), r(0, 1), r(0, 1), r(1, 3), r(1, 1)]);
/// let kernel = rational_null_space(&m);
/// assert_eq!(kernel.len(), 1);
/// assert_eq!(kernel[0].as_slice(), &[r(6, 1), r(-3, 1), r(1, 1)]);
/// ```
pub fn rational_null_space(m: &DMatrix<Rational>) -> Vec<DVector<Rational>> {
    let (rows, cols) = m.shape();
    let mut a: Vec<Vec<Integer>> = (0..rows)
        .map(|i| {
            let lcm = (0..cols).fold(Integer::from(1), |l, j| l.lcm(m[(i, j)].denom()));
            (0..cols)
                .map(|j| {
                    let x = &m[(i, j)];
                    x.numer() * Integer::from(&lcm / x.denom())
                })
                .collect()
        })
        .collect();
    let mut pivot_cols = Vec::new();
    let mut previous = Integer::from(1);
    let mut r = 0;
    for c in 0..cols {
        if r == rows {
            break;
        }
        let Some(p) = (r..rows).find(|&i| a[i][c] != 0) else {
            continue;
        };
        a.swap(r, p);
        let (upper, lower) = a.split_at_mut(r + 1);
        let pivot_row = &upper[r];
        for row in lower.iter_mut() {
            let factor = std::mem::take(&mut row[c]);
            for j in c + 1..cols {
                let mut v = Integer::from(&pivot_row[c] * &row[j]);
                if factor != 0 && pivot_row[j] != 0 {
                    v -= Integer::from(&factor * &pivot_row[j]);
                }
                v.div_exact_mut(&previous);
                row[j] = v;
            }
        }
        previous = a[r][c].clone();
        pivot_cols.push(c);
        r += 1;
    }
    let free: Vec<usize> = (0..cols).filter(|c| !pivot_cols.contains(c)).collect();
    free.iter()
        .map(|&f| {
            let mut v = DVector::from_element(cols, Rational::new());
            v[f] = Rational::from(1);
            for (row, &pc) in pivot_cols.iter().enumerate().rev() {
                let mut sum = Rational::new();
                for j in pc + 1..cols {
                    if a[row][j] != 0 && v[j] != 0 {
                        sum += Rational::from(&v[j] * &a[row][j]);
                    }
                }
                v[pc] = -sum / &a[row][pc];
            }
            v
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ring::{GaussQ, Q};
    use num_complex::Complex;
    use proptest::prelude::*;

    fn g(n: i64) -> GaussQ {
        Complex::new(Q::new(n, 1), Q::new(0, 1))
    }

    proptest! {
        /// The fraction-free kernel equals the Gauss–Jordan kernel (same free columns, same
        /// vectors) on random rational matrices, rank-deficient ones included.
        #[test]
        fn fraction_free_kernel_equals_gauss_jordan(
            entries in proptest::collection::vec((-3i64..=3, 1i64..=4), 20),
            rows in 1usize..=5,
        ) {
            let cols = 4;
            let m = DMatrix::from_fn(rows, cols, |i, j| {
                let (n, d) = entries[(cols * i + j) % entries.len()];
                Rational::from((n, d))
            });
            let gauss = DMatrix::from_fn(rows, cols, |i, j| {
                Complex::new(Q(m[(i, j)].clone()), Q::new(0, 1))
            });
            let expected = null_space(&gauss);
            let kernel = rational_null_space(&m);
            prop_assert_eq!(kernel.len(), expected.len());
            for (v, w) in kernel.iter().zip(&expected) {
                for (x, y) in v.iter().zip(w.iter()) {
                    prop_assert_eq!(x, y.re.as_rational());
                    prop_assert!(y.im.as_rational().is_zero());
                }
            }
        }

        /// Every kernel vector is annihilated exactly, and rank + nullity = columns.
        #[test]
        fn kernel_vectors_are_exact(entries in proptest::collection::vec(-3i64..=3, 12)) {
            let m = DMatrix::from_fn(3, 4, |i, j| g(entries[4 * i + j]));
            let kernel = null_space(&m);
            prop_assert!(!kernel.is_empty());
            for v in &kernel {
                let image = &m * v;
                prop_assert!(image.iter().all(num_traits::Zero::is_zero));
            }
        }
    }
}
