//! Exact null spaces by reduced row echelon form over a [`Field`] (Gaussian rationals): the
//! steady state of Eq. (1) is the kernel of the Liouvillian, and its dimension is the nullity.

use nalgebra::{DMatrix, DVector};

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
