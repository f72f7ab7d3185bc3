//! The exact steady state of N emitters (Eq. 7–8 with the sums to N at a fixed cutoff, or the
//! effective model of Eq. 9) over the rationals, in the same reduced representation as the
//! numeric engine: factorial picture for the cavity (integer ladder coefficients), photon
//! phase gauge (real), Hermitian orbits; uniqueness by exact nullity, `𝓛ρ = 0` checked
//! exactly on the unreduced symmetric space.

use nalgebra::DMatrix;
use rug::Rational;

use super::EmitterError;
use super::engine::check_cutoff;
use super::generator::{Generator, Reduction};
use super::observables::Observables;
use super::params::{ExactEmitterParams, Model};
use super::scalar::Scalar;
use crate::nullspace::rational_null_space;

/// Largest reduced system the exact path accepts: fraction-free elimination on a dense
/// `n × n` rational matrix costs `O(n³)` big-integer operations whose size grows with `n`
/// (measured: N = 6 at cutoff 6, 220 unknowns, 2.5 s wall on a loaded machine; see the README).
pub const MAX_EXACT_UNKNOWNS: usize = 900;

/// An exact steady state of N emitters with its observables.
#[derive(Clone, Debug)]
pub struct ExactEmitterState {
    /// Which model.
    pub model: Model,
    /// Number of Fock states (1 for the effective model).
    pub cutoff: usize,
    /// Rational unknowns of the reduced system.
    pub unknowns: usize,
    /// The exact observables.
    pub observables: Observables<Rational>,
}

/// The exact steady state of `model` at `params` and `cutoff` Fock states.
///
/// # Formula
/// ```text
/// M y = 0,  M = Σ_slot rate_slot · (reduced unit term),  dim ker M = 1  ⇒  unique;
/// ρ normalised by tr ρ = Σ_populations n! · y = 1;  𝓛 x = 0 checked exactly on all elements
/// ```
///
/// # Errors
/// [`EmitterError::CutoffOutOfRange`]; [`EmitterError::TooLarge`] above
/// [`MAX_EXACT_UNKNOWNS`]; [`EmitterError::ExactNotUnique`] when the nullity is not 1.
///
/// # Panics
/// When the kernel vector does not solve the unreduced equations exactly — a bug in the
/// reduction, never an input problem.
pub fn exact_steady_state(
    params: &ExactEmitterParams,
    model: Model,
    cutoff: usize,
) -> Result<ExactEmitterState, EmitterError> {
    let emitters = params.emitters();
    let cutoff = match model {
        Model::Full => {
            check_cutoff(cutoff)?;
            cutoff
        }
        Model::Effective => 1,
    };
    let generator: Generator<Rational> = match model {
        Model::Full => Generator::full(emitters, cutoff),
        Model::Effective => Generator::effective(emitters),
    };
    let reduction = Reduction::new(generator.space());
    let n = reduction.len();
    if n > MAX_EXACT_UNKNOWNS {
        return Err(EmitterError::TooLarge {
            emitters,
            cutoff,
            unknowns: n,
            cap: MAX_EXACT_UNKNOWNS,
        });
    }
    let rates = params.slot_rates(model);
    let mut matrix = DMatrix::from_element(n, n, Rational::new());
    for (r, c, values) in reduction.reduce(&generator) {
        for (value, rate) in values.iter().zip(&rates) {
            if !value.is_zero() && !rate.is_zero() {
                matrix[(r, c)] += Rational::from(value * rate);
            }
        }
    }
    let kernel = rational_null_space(&matrix);
    if kernel.len() != 1 {
        return Err(EmitterError::ExactNotUnique {
            emitters,
            cutoff,
            nullity: kernel.len(),
        });
    }
    let y = &kernel[0];
    let space = generator.space();
    let mut trace = Rational::new();
    for (s, e) in space.elements().iter().enumerate() {
        if e.is_population() {
            trace +=
                Rational::from(&y[reduction.orbit(s)] * &Rational::diagonal_weight(e.ket.into()));
        }
    }
    assert!(trace != 0, "a unique steady state has non-zero trace");
    let coordinates: Vec<Rational> = reduction
        .expand(y.as_slice())
        .into_iter()
        .map(|v| v / &trace)
        .collect();
    let image = generator.apply(&rates, &coordinates);
    assert!(
        image.iter().all(Scalar::is_zero),
        "the kernel vector of the reduced generator solves 𝓛x = 0 on every element"
    );
    Ok(ExactEmitterState {
        model,
        cutoff,
        unknowns: n,
        observables: Observables::of(space, &coordinates),
    })
}
