//! N identical emitters in one cavity: the paper's mechanism (Eq. 7–9) beyond two emitters,
//! solved in the permutation-symmetric representation, exactly and numerically.
//!
//! # The model (stated once; `--help` and the README quote it)
//! `N` identical two-level emitters with commuting ladder operators `σᵢ±`, each with local
//! incoherent pump `p`, local decay `γ` and local pure dephasing `γ_φ` (each emitter's
//! coherence decays at rate `γ_φ`), coupled at rate `g` to one resonant cavity mode with loss
//! `κ`, in the frame rotating at the common frequency (units `g = 1`, `ħ = 1`):
//! ```text
//! H    = g Σᵢ (σᵢ⁺ a + σᵢ⁻ a†)                                           (Eq. 7, Σ to N)
//! ∂_t ρ = −i[H, ρ] + (p/2) Σᵢ D_{σᵢ⁺} ρ + (γ/2) Σᵢ D_{σᵢ⁻} ρ
//!         + (γ_φ/4) Σᵢ D_{σᵢᶻ} ρ + (κ/2) D_a ρ                            (Eq. 8, Σ to N)
//! D_o ρ = 2 o ρ o† − o†o ρ − ρ o†o                                        (Eq. 2)
//! ```
//! A channel `(r/2) D_o` is QuTiP's collapse operator `√r · o`: the dephasing channel is
//! `√(γ_φ/2) σᵢᶻ`. The effective model (Eq. 9 generalised, cavity eliminated) keeps the local
//! channels and replaces the cavity by collective decay `(Γ/2) D_{J⁻}`, `J⁻ = Σᵢ σᵢ⁻`,
//! `Γ = 4g²/κ`. `N = 2`, `γ_φ = 0` is the two-emitter model of [`crate::cavity`].
//!
//! # The method
//! Identical emitters with identical local rates keep ρ in the span of permutation-symmetrised
//! products of single-emitter ket–bras (Kirton & Keeling, PRL 118, 123602 (2017); Shammah et
//! al., PRA 98, 063815 (2018); Gegg & Richter, NJP 18, 043037 (2016)): one coordinate per
//! count vector `q = (q_gg, q_ge, q_eg, q_ee)` of local labels `|a⟩⟨b|` and per cavity
//! ket–bra `|n⟩⟨m|`, `O(N³ N_c²)` coordinates instead of `4ᴺ N_c²`
//! ([`basis::SymmetricSpace`]). Excitation conservation, the photon phase gauge (real
//! generator) and Hermiticity shrink it further ([`generator::Reduction`]); the numeric solve
//! is a block-tridiagonal LU by excitation number ([`solve`]), the exact one a fraction-free rational kernel ([`exact`]).
//!
//! | paper / reference | implemented by |
//! |---|---|
//! | Eq. (7)–(8) for N emitters, permutation-symmetric generator | [`generator::Generator::full`] |
//! | Eq. (9) generalised: collective decay `Γ = 4g²/κ` | [`generator::Generator::effective`] |
//! | `𝓛ρ = 0` in f64, block-tridiagonal LU, uniqueness by condition estimate | [`solve::EmitterSolver::solve`] |
//! | `𝓛ρ = 0` over the rationals, uniqueness by exact nullity | [`exact::exact_steady_state`] |
//! | pair state, Wootters concurrence, `g²(0)`, `⟨J²⟩`, Tóth's criterion | [`observables::Observables`] |
//! | automatic photon cutoff | [`engine::EmitterEngine::solve_full`] |
//! | independent tensor-space reference (tests, benchmarks) | [`tensor`] |

use thiserror::Error;

use crate::steady_state::SteadyStateError;

pub mod analysis;
pub mod basis;
pub mod engine;
pub mod exact;
pub mod generator;
pub mod observables;
pub mod params;
pub mod report;
pub mod scalar;
pub mod solve;
pub mod sweep;
pub mod tensor;

pub use engine::{EmitterEngine, EmitterPoint, EmitterSteadyState};
pub use observables::Observables;
pub use params::{EmitterParams, ExactEmitterParams, MAX_EMITTERS, Model};

/// Why an N-emitter computation could not return an answer.
#[derive(Clone, Debug, Error, PartialEq)]
#[non_exhaustive]
pub enum EmitterError {
    /// A parameter is out of its domain.
    #[error("invalid {name} = {value}: it must be {requirement}")]
    InvalidParameter {
        /// Parameter name as the user knows it (`n`, `kappa`, `pump`, …).
        name: &'static str,
        /// The rejected value, as text.
        value: String,
        /// What is accepted.
        requirement: String,
    },
    /// `p = γ = γ_φ = 0`: nothing relaxes the emitters individually, so every dark state of
    /// the collective coupling (`J⁻|ψ⟩ = 0`, e.g. the singlet) is stationary.
    #[error(
        "the steady state is not unique for pump = gamma = dephasing = 0: every collective dark \
         state (J-|psi> = 0, e.g. the two-emitter singlet with an empty cavity) is stationary \
         besides the ground state; give pump > 0, gamma > 0 or dephasing > 0"
    )]
    NoLocalRelaxation,
    /// The steady-state problem is singular or too ill-conditioned to resolve.
    #[error(
        "the steady state is not unique or not resolvable in double precision: the reduced \
         Liouvillian (N = {emitters}, {cutoff} Fock states) has estimated condition number \
         {condition:.1e} (limit {limit:.0e}); rates spanning {rate_span:.1e} — bring them \
         within ~1e10 of each other, or use --exact to decide uniqueness"
    )]
    NotUnique {
        /// Number of emitters.
        emitters: usize,
        /// Number of Fock states.
        cutoff: usize,
        /// 1-norm condition estimate of the reduced system (∞ when the LU broke down).
        condition: f64,
        /// The limit it exceeded.
        limit: f64,
        /// Largest over smallest non-zero rate among `g, p, γ, γ_φ, κ`.
        rate_span: f64,
    },
    /// Extra-precise iterative refinement of the f64 solve stopped before its correction
    /// fell below the tolerance (the system is too ill-conditioned for f64 to resolve it).
    #[error(
        "the f64 steady state (N = {emitters}, {cutoff} Fock states) could not be refined: the \
         last correction was {correction:.1e} of the solution (tolerance {tolerance:.0e}, \
         condition ~{condition:.1e}); use --exact"
    )]
    NotRefined {
        /// Number of emitters.
        emitters: usize,
        /// Number of Fock states.
        cutoff: usize,
        /// The last refinement step's correction relative to the solution's max-norm.
        correction: f64,
        /// The tolerance it had to meet.
        tolerance: f64,
        /// 1-norm condition estimate of the reduced system.
        condition: f64,
    },
    /// The exact kernel is not one-dimensional.
    #[error(
        "the steady state is not unique: the exact reduced Liouvillian (N = {emitters}, \
         {cutoff} Fock states) has nullity {nullity} (expected 1)"
    )]
    ExactNotUnique {
        /// Number of emitters.
        emitters: usize,
        /// Number of Fock states.
        cutoff: usize,
        /// Dimension of the exact kernel.
        nullity: usize,
    },
    /// A photon cutoff outside the supported range.
    #[error(
        "photon cutoff {cutoff} is outside {min}..={max} Fock states (choose a cutoff in range \
         or `auto`)"
    )]
    CutoffOutOfRange {
        /// Requested number of Fock states.
        cutoff: usize,
        /// Smallest supported cutoff.
        min: usize,
        /// Largest supported cutoff.
        max: usize,
    },
    /// The problem would exceed the size cap of a solve.
    #[error(
        "N = {emitters} emitters with {cutoff} Fock states need {unknowns} real unknowns, above \
         the cap of {cap} (memory and time of one block LU); lower --n or fix a smaller --cutoff"
    )]
    TooLarge {
        /// Number of emitters.
        emitters: usize,
        /// Number of Fock states.
        cutoff: usize,
        /// Real unknowns of the reduced problem.
        unknowns: usize,
        /// The cap.
        cap: usize,
    },
    /// The automatic cutoff search reached its cap without meeting the tolerances.
    #[error(
        "the photon cutoff did not converge: tried {tried:?} Fock states; at the last one the \
         observables changed by {change:e} from the previous (tolerance {change_tolerance:e}) \
         and the top Fock level holds {top_population:e} (tolerance {population_tolerance:e}); \
         the cavity is too strongly populated: lower the pump, raise kappa, or force --cutoff N"
    )]
    CutoffNotConverged {
        /// The cutoffs tried, in order.
        tried: Vec<usize>,
        /// Largest observable change between the last two cutoffs.
        change: f64,
        /// Its tolerance.
        change_tolerance: f64,
        /// Population of the top Fock level at the last cutoff.
        top_population: f64,
        /// Its tolerance.
        population_tolerance: f64,
    },
    /// The residual of the candidate steady state exceeds its tolerance.
    #[error(transparent)]
    SteadyState(#[from] SteadyStateError),
}
