//! The cavity-QED realisation of the diamond model (Eq. 7–9): two incoherently pumped qubits in
//! one leaky cavity, its symmetry-reduced steady state, the automatic photon cutoff, the
//! effective model after adiabatic elimination of the cavity, and the Fig. 2 sweeps.
//!
//! Units `g = 1` unless a coupling is given; rates follow the paper's dissipator convention
//! `(r/2) D_o` with `D_o(ρ) = 2oρo† − {o†o, ρ}` (Eq. 2, Eq. 8). Hilbert space ordering is
//! `cavity ⊗ qubit 1 ⊗ qubit 2` (as in QuTiP's `tensor(destroy(N), qeye(2), qeye(2))`), basis
//! index `4n + 2q1 + q2` with `q = 0` the ground state.
//!
//! | paper | implemented by |
//! |---|---|
//! | Eq. (7) `H_TC`, Eq. (8) Liouvillian | [`model::CavityOperators::generator`] |
//! | `𝓛ρ_SS = 0` (symmetry-reduced) | [`solver::CavitySolver::solve`] |
//! | `𝓛ρ_SS = 0` exactly over `Q[i]` (factorial picture) | [`exact::exact_steady_state`] |
//! | photon truncation | [`engine::CavityEngine::solve`], [`engine::Cutoff`] |
//! | Eq. (9) effective model | [`effective::effective_steady_state`] |
//! | Fig. 2(b), 2(c) | [`sweep::sweep`] |
//! | maxima and entangled κ intervals of Fig. 2(c) | [`optimize::KappaSearch`] |
//! | the printed result (every command, every format) | [`result::CavityResult`] |

use thiserror::Error;

use crate::liouvillian::LiouvillianError;
use crate::steady_state::SteadyStateError;

pub mod banded;
pub mod effective;
pub mod engine;
pub mod exact;
pub mod model;
pub mod optimize;
pub mod params;
pub mod reduction;
pub mod result;
pub mod solver;
pub mod sweep;

pub use effective::{EffectiveRates, EffectiveSteadyState, effective_steady_state};
pub use engine::{CavityEngine, CavityPoint, Cutoff, CutoffReport, solve_point};
pub use model::{CavityOperators, CavitySpace, MAX_CUTOFF, MIN_CUTOFF};
pub use params::{CavityParams, Frame};
pub use result::CavityResult;
pub use solver::{CavitySolver, CavitySteadyState};
pub use sweep::{Figure, SweepRow, sweep, sweep_with_progress};

/// Why a cavity-model computation could not return an answer.
#[derive(Clone, Debug, Error, PartialEq)]
#[non_exhaustive]
pub enum CavityError {
    /// A physical parameter is out of its domain.
    #[error("invalid {name} = {value}: it must be {requirement}")]
    InvalidParameter {
        /// Parameter name as the user knows it (`kappa`, `pump`, …).
        name: &'static str,
        /// The rejected value.
        value: f64,
        /// What is accepted.
        requirement: &'static str,
    },
    /// A photon cutoff outside the supported range.
    #[error(
        "photon cutoff {cutoff} is outside {min}..={max} Fock states; the cap bounds memory \
         (~25 MB) and time (~0.1 s per cutoff) of a solve (choose a cutoff in range or `auto`)"
    )]
    CutoffOutOfRange {
        /// Requested number of Fock states.
        cutoff: usize,
        /// Smallest supported cutoff.
        min: usize,
        /// Largest supported cutoff.
        max: usize,
    },
    /// The automatic cutoff search reached its cap without meeting both tolerances.
    #[error(
        "the photon cutoff did not converge: tried {tried:?} Fock states; at the last one the \
         concurrence changed by {concurrence_change:e} from the previous (tolerance \
         {concurrence_tolerance:e}) and \
         the top Fock level holds {top_population:e} (tolerance {population_tolerance:e}); the \
         cavity is too strongly populated for a truncated Fock space: lower the pump, raise \
         kappa, or force a cutoff with --cutoff N"
    )]
    CutoffNotConverged {
        /// The cutoffs tried, in order; the last is the cap.
        tried: Vec<usize>,
        /// `|C(last) − C(previous cutoff tried)|`.
        concurrence_change: f64,
        /// Tolerance on the concurrence change.
        concurrence_tolerance: f64,
        /// Population of the top Fock level at the last cutoff.
        top_population: f64,
        /// Tolerance on the top-level population.
        population_tolerance: f64,
    },
    /// The generator lacks a symmetry the reduced solve relies on (a programming error in the
    /// model, never a user input problem).
    #[error(
        "the cavity generator is not {symmetry} (mismatch {mismatch:e}); the symmetry-reduced \
         solve does not apply: report this as a bug"
    )]
    SymmetryBroken {
        /// The symmetry that failed.
        symmetry: &'static str,
        /// Size of the violation.
        mismatch: f64,
    },
    /// The reduced Liouvillian of Eq. (7)–(8) has a numerically zero pivot besides the trace
    /// direction: the steady state is not unique, or not resolvable in double precision.
    #[error(
        "the steady state is not unique: the Liouvillian has nullity {nullity} (pivots below \
         1e-11 of the largest); either the rates leave several stationary states (e.g. pump = \
         gamma = 0 keeps the dark state |A,0> and the ground state) or they span too many \
         decades (here {rate_span:.1e}) to resolve the slowest relaxation in double precision: \
         give pump or gamma > 0, or bring the rates within ~1e10 of each other"
    )]
    NotUnique {
        /// One plus the number of zero pivots (the kernel dimension if the zero pivots are
        /// exact).
        nullity: usize,
        /// Largest over smallest non-zero rate among `g, ω0, p, γ, κ`.
        rate_span: f64,
    },
    /// The effective model of Eq. (9) is measured in units of `Γ⁺ = p/2` and needs `p > 0`.
    #[error(
        "the effective model (Eq. 9) needs a positive pump: its rates are ratios to Γ⁺ = p/2 \
         (give --pump > 0)"
    )]
    EffectiveModelNeedsPump,
    /// The steady-state solve failed (non-unique, ill-conditioned, bad sector).
    #[error(transparent)]
    SteadyState(#[from] SteadyStateError),
}

impl From<LiouvillianError> for CavityError {
    fn from(e: LiouvillianError) -> Self {
        CavityError::SteadyState(SteadyStateError::Liouvillian(e))
    }
}
