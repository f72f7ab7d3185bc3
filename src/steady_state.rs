//! Steady states `𝓛(ρ_SS) = 0` of Eq. (1): exactly (kernel over the Gaussian rationals, with
//! the nullity as the uniqueness proof) and in f64 (LU solve with the trace condition).

use nalgebra::{DMatrix, DVector};
use num_complex::Complex64;
use num_traits::Zero;
use thiserror::Error;

use crate::liouvillian::{Lindblad, LiouvillianError, Sector};
use crate::nullspace::null_space;
use crate::ring::{Field, GaussQ};

/// Why a steady state could not be returned.
#[derive(Clone, Debug, Error, PartialEq)]
#[non_exhaustive]
pub enum SteadyStateError {
    /// The kernel of `𝓛` is not one-dimensional: there is no unique steady state to report.
    #[error(
        "the steady state is not unique: the Liouvillian has nullity {nullity} (expected 1); \
         every choice of rates that leaves two stationary states (e.g. all rates zero) has no \
         single answer"
    )]
    NotUnique {
        /// Dimension of the kernel.
        nullity: usize,
    },
    /// The kernel vector has zero trace and cannot be normalised to a density matrix.
    #[error("the stationary solution is traceless and cannot be normalised to tr ρ = 1")]
    Traceless,
    /// The numeric solve failed or its residual exceeds the tolerance.
    #[error(
        "the numeric steady-state solve is ill-conditioned: residual ‖𝓛ρ‖ = {residual:e} \
         exceeds {tolerance:e}"
    )]
    IllConditioned {
        /// Max-norm of `𝓛ρ` for the candidate solution (infinite when the LU solve failed).
        residual: f64,
        /// The tolerance it had to meet.
        tolerance: f64,
    },
    /// Superoperator assembly failed.
    #[error(transparent)]
    Liouvillian(#[from] LiouvillianError),
}

/// The exact steady state on `sector`, normalised to `tr ρ = 1`.
///
/// The kernel of the sector superoperator is computed exactly; a nullity other than 1 is an
/// error, so a returned state is a proof of uniqueness within the sector (for
/// [`Sector::full`], uniqueness outright).
///
/// # Errors
/// [`SteadyStateError::NotUnique`] when the nullity is not 1, [`SteadyStateError::Traceless`]
/// when the kernel vector is traceless, [`SteadyStateError::Liouvillian`] for a bad sector.
pub fn exact_steady_state<F: Field>(
    generator: &Lindblad<F>,
    sector: &Sector,
) -> Result<DMatrix<F>, SteadyStateError> {
    let superop = generator.superoperator(sector)?;
    let kernel = null_space(&superop);
    if kernel.len() != 1 {
        return Err(SteadyStateError::NotUnique {
            nullity: kernel.len(),
        });
    }
    let v = &kernel[0];
    let trace = sector
        .diagonal_positions()
        .into_iter()
        .fold(F::zero(), |acc, s| acc + v[s].clone());
    let inv = trace.inv().ok_or(SteadyStateError::Traceless)?;
    let coords: Vec<F> = v.iter().map(|x| x.clone() * inv.clone()).collect();
    Ok(sector.to_matrix(&coords))
}

/// Nullity of the exact Liouvillian on `sector` (1 means a unique steady state there).
///
/// # Errors
/// [`SteadyStateError::Liouvillian`] for a sector not closed under the generator.
pub fn exact_nullity(
    generator: &Lindblad<GaussQ>,
    sector: &Sector,
) -> Result<usize, SteadyStateError> {
    Ok(null_space(&generator.superoperator(sector)?).len())
}

/// A numeric steady state with its quality figures.
#[derive(Clone, Debug)]
pub struct NumericSteadyState {
    /// `ρ_SS`, Hermitian part taken, `tr ρ = 1`.
    pub rho: DMatrix<Complex64>,
    /// Max-norm of `𝓛(ρ_SS)` computed from the operator form (independent of the solve).
    pub residual: f64,
}

/// The f64 steady state on `sector`: one trace-redundant row of the superoperator is replaced
/// by the trace condition `tr ρ = 1` and the system is solved by LU with partial pivoting.
///
/// The residual `max|𝓛ρ|` is recomputed with operator products and must not exceed
/// `tolerance · max|𝓛 entries|`; otherwise the solve is reported as ill-conditioned rather
/// than returned.
///
/// # Errors
/// [`SteadyStateError::IllConditioned`] when LU fails or the residual is above tolerance.
pub fn numeric_steady_state(
    generator: &Lindblad<Complex64>,
    sector: &Sector,
    tolerance: f64,
) -> Result<NumericSteadyState, SteadyStateError> {
    let mut superop = generator.superoperator(sector)?;
    let scale = superop
        .iter()
        .map(|z| z.norm())
        .fold(0.0, f64::max)
        .max(f64::MIN_POSITIVE);
    let weight = Complex64::new(scale, 0.0);
    let (replaced, trace) = sector.trace_row(weight, Complex64::zero());
    let mut rhs = DVector::from_element(sector.len(), Complex64::zero());
    for (col, value) in trace.into_iter().enumerate() {
        superop[(replaced, col)] = value;
    }
    rhs[replaced] = weight;
    let ill = |residual| SteadyStateError::IllConditioned {
        residual,
        tolerance: tolerance * scale,
    };
    let x = superop.lu().solve(&rhs).ok_or_else(|| ill(f64::INFINITY))?;
    let rho = sector.to_matrix(x.as_slice());
    let rho = (&rho + rho.adjoint()) * Complex64::new(0.5, 0.0);
    let residual = generator
        .apply(&rho)
        .iter()
        .map(|z| z.norm())
        .fold(0.0, f64::max);
    if residual.is_nan() || residual > tolerance * scale {
        return Err(ill(residual));
    }
    Ok(NumericSteadyState { rho, residual })
}
