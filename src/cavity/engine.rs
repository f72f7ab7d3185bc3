//! Solving the cavity model at one point: the photon cutoff (fixed, or chosen automatically by
//! convergence), a cache of reduced solvers shared across threads, and the full-versus-effective
//! comparison of Fig. 2.

use std::sync::OnceLock;

use super::CavityError;
use super::effective::{EffectiveSteadyState, effective_steady_state};
use super::model::{MAX_CUTOFF, MIN_CUTOFF};
use super::params::CavityParams;
use super::solver::{CavitySolver, CavitySteadyState};

/// The automatic cutoff stops when `|C(N) − C(N−1)|` is at most this. It sits one decade
/// below the 1e-9 agreement the Fig. 2 comparison with QuTiP demands, and two decades above the
/// solver's own error (~1e-12), so it measures truncation, not rounding.
pub const CONCURRENCE_TOLERANCE: f64 = 1e-10;

/// The automatic cutoff also requires the top Fock level `N − 1` to hold at most this
/// population: the weight the truncation can misplace is then far below what moves the
/// concurrence at the 1e-10 level, even when `C` happens to be flat in `N` (e.g. `C = 0`).
pub const TOP_POPULATION_TOLERANCE: f64 = 1e-12;

/// How the photon cutoff is chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cutoff {
    /// Increase `N` from [`MIN_CUTOFF`] one Fock state at a time until both
    /// [`CONCURRENCE_TOLERANCE`] and [`TOP_POPULATION_TOLERANCE`] hold, up to [`MAX_CUTOFF`].
    Auto,
    /// Exactly this many Fock states.
    Fixed(usize),
}

/// How the cutoff of a solve was obtained.
#[derive(Clone, Debug, PartialEq)]
pub struct CutoffReport {
    /// Number of Fock states used.
    pub cutoff: usize,
    /// Whether it was chosen automatically.
    pub automatic: bool,
    /// First cutoff tried (equal to `cutoff` when fixed).
    pub first_tried: usize,
    /// `|C(N) − C(N−1)|` at the chosen `N` (automatic only).
    pub concurrence_change: Option<f64>,
    /// Population of the top Fock level at the chosen `N`.
    pub top_fock_population: f64,
}

/// The full model and its effective counterpart at one parameter point (Fig. 2b–c).
#[derive(Clone, Debug)]
pub struct CavityPoint {
    /// The parameters.
    pub params: CavityParams,
    /// Steady state of Eq. (7)–(8).
    pub full: CavitySteadyState,
    /// How the photon cutoff was chosen.
    pub cutoff: CutoffReport,
    /// Steady state of the effective model, Eq. (1)–(2) with the rates of Eq. (9).
    pub effective: EffectiveSteadyState,
}

/// Reduced solvers for every cutoff, built on first use and shared between threads.
#[derive(Debug)]
pub struct CavityEngine {
    solvers: Vec<OnceLock<Result<CavitySolver, CavityError>>>,
}

impl Default for CavityEngine {
    fn default() -> Self {
        Self::new()
    }
}

impl CavityEngine {
    /// An engine with no solver built yet.
    pub fn new() -> Self {
        CavityEngine {
            solvers: (0..=MAX_CUTOFF).map(|_| OnceLock::new()).collect(),
        }
    }

    /// The solver at `cutoff` Fock states, built on first use.
    ///
    /// # Errors
    /// [`CavityError::CutoffOutOfRange`] outside `MIN_CUTOFF..=MAX_CUTOFF`, or the solver's
    /// construction error.
    pub fn solver(&self, cutoff: usize) -> Result<&CavitySolver, CavityError> {
        if !(MIN_CUTOFF..=MAX_CUTOFF).contains(&cutoff) {
            return Err(CavityError::CutoffOutOfRange {
                cutoff,
                min: MIN_CUTOFF,
                max: MAX_CUTOFF,
            });
        }
        self.solvers[cutoff]
            .get_or_init(|| CavitySolver::new(cutoff))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The steady state of Eq. (7)–(8) with the cutoff chosen as `cutoff` says.
    ///
    /// With [`Cutoff::Auto`], `N = 2, 3, …` until `|C(N) − C(N−1)| ≤` [`CONCURRENCE_TOLERANCE`]
    /// and `P(N−1) ≤` [`TOP_POPULATION_TOLERANCE`].
    ///
    /// # Errors
    /// [`CavityError::CutoffNotConverged`] when [`MAX_CUTOFF`] is reached first; the solver's
    /// errors otherwise.
    pub fn solve(
        &self,
        params: &CavityParams,
        cutoff: Cutoff,
    ) -> Result<(CavitySteadyState, CutoffReport), CavityError> {
        match cutoff {
            Cutoff::Fixed(n) => {
                let state = self.solver(n)?.solve(params)?;
                let report = CutoffReport {
                    cutoff: n,
                    automatic: false,
                    first_tried: n,
                    concurrence_change: None,
                    top_fock_population: state.top_fock_population,
                };
                Ok((state, report))
            }
            Cutoff::Auto => {
                let mut previous = self.solver(MIN_CUTOFF)?.solve(params)?;
                loop {
                    let n = previous.cutoff + 1;
                    let state = self.solver(n)?.solve(params)?;
                    let change = (state.concurrence - previous.concurrence).abs();
                    if change <= CONCURRENCE_TOLERANCE
                        && state.top_fock_population <= TOP_POPULATION_TOLERANCE
                    {
                        let report = CutoffReport {
                            cutoff: n,
                            automatic: true,
                            first_tried: MIN_CUTOFF,
                            concurrence_change: Some(change),
                            top_fock_population: state.top_fock_population,
                        };
                        return Ok((state, report));
                    }
                    if n == MAX_CUTOFF {
                        return Err(CavityError::CutoffNotConverged {
                            first: MIN_CUTOFF,
                            last: n,
                            concurrence_change: change,
                            concurrence_tolerance: CONCURRENCE_TOLERANCE,
                            top_population: state.top_fock_population,
                            population_tolerance: TOP_POPULATION_TOLERANCE,
                        });
                    }
                    previous = state;
                }
            }
        }
    }

    /// The full model (Eq. 7–8) and the effective model (Eq. 9) at one point of Fig. 2.
    ///
    /// # Errors
    /// As [`Self::solve`] and [`effective_steady_state`].
    pub fn solve_point(
        &self,
        params: &CavityParams,
        cutoff: Cutoff,
    ) -> Result<CavityPoint, CavityError> {
        let (full, report) = self.solve(params, cutoff)?;
        Ok(CavityPoint {
            params: *params,
            full,
            cutoff: report,
            effective: effective_steady_state(params)?,
        })
    }
}

/// The full and effective steady states at one point with a fresh engine (see
/// [`CavityEngine::solve_point`]; reuse an engine for many points).
///
/// # Errors
/// As [`CavityEngine::solve_point`].
pub fn solve_point(params: &CavityParams, cutoff: Cutoff) -> Result<CavityPoint, CavityError> {
    CavityEngine::new().solve_point(params, cutoff)
}
