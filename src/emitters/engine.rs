//! Solving the N-emitter model at one point: the photon cutoff (fixed, or grown until every
//! reported observable has converged), a cache of reduced solvers shared across threads, and
//! the full-versus-effective pair (Eq. 7–9 with N emitters).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use faer::Par;

use super::EmitterError;
use super::params::{EmitterParams, Model};
use super::solve::{EmitterSolver, NumericState, estimated_unknowns};
use crate::cavity::engine::{
    CONCURRENCE_TOLERANCE, Cutoff, CutoffReport, TOP_POPULATION_TOLERANCE, search_cutoff,
};
use crate::cavity::{MAX_CUTOFF, MIN_CUTOFF};

/// A solved point: the full model (Eq. 7–8, N emitters), how its cutoff was chosen, and the
/// effective model (Eq. 9 generalised).
#[derive(Clone, Debug)]
pub struct EmitterPoint {
    /// The parameters.
    pub params: EmitterParams,
    /// Steady state of the full model.
    pub full: NumericState,
    /// How the photon cutoff of [`Self::full`] was chosen.
    pub cutoff: CutoffReport,
    /// Steady state of the effective model.
    pub effective: NumericState,
}

/// The steady state of one model with its cutoff report (the effective model has none).
pub type EmitterSteadyState = (NumericState, CutoffReport);

type Key = (Model, usize, usize);
type Slot = Arc<OnceLock<Result<Arc<EmitterSolver>, EmitterError>>>;

/// Solvers whose [`estimated_unknowns`] exceed this are not kept by [`EmitterEngine`]:
/// building one takes about a tenth of a solve with it or less (measured at N = 50, the
/// Fig. 2(c) point, one run at load 3.8: 0.21 s of 2.1 s with 10 Fock states, 33 090 unknowns;
/// 0.44 s of 24.6 s with 18), while keeping every cutoff an automatic search tries raised its
/// peak memory at N = 50 from 2.44 GB to 2.75 GB (measured).
///
/// An engine for one point ([`EmitterEngine::new`]) keeps no full-model solver at all: it
/// solves each cutoff once, and dropping the solvers of the cutoffs already tried lowered the
/// peak at N = 50, the Fig. 2(c) point, from 1.88 GB to 1.75 GB (measured).
pub const CACHE_MAX_UNKNOWNS: usize = 30_000;

/// The two cutoffs of a [`crate::cavity::engine::Step::Pair`] are solved at the same time
/// (the smaller on one thread) when the larger has at most this many [`estimated_unknowns`].
/// A solve leaves part of its time to single-threaded work (first touches of the factors,
/// the Schur gathers, the condition estimate's block solves), which the other solve fills;
/// below 8 Fock states a solve at N = 50 uses about one core. Both factorisations are alive
/// at once, so the cap is a memory budget of about 2 GB at N = 50 (the issue's): at the
/// Fig. 2(c) point the search pairs 13 and 14 Fock states (estimated 48 239 and 55 202
/// unknowns) and peaks at 1.65 GB (1.54 GB before the twisted elimination added a workspace
/// per end); at p = 7·10⁻³ g it pairs 14 and 15 (62 526), which peaked at 2.03 GB, and at
/// p = 10⁻² g 15 and 16, 2.40 GB (measured with a cap of 80 000 before that change); above
/// the cap the two are solved one after the other.
pub const PAIR_MAX_UNKNOWNS: usize = 60_000;

/// Reduced solvers per (model, N, cutoff), built on first use and shared between threads.
#[derive(Debug)]
pub struct EmitterEngine {
    solvers: Mutex<HashMap<Key, Slot>>,
    par: Par,
    /// Whether full-model solvers are kept (up to [`CACHE_MAX_UNKNOWNS`]).
    keep_full: bool,
}

impl Default for EmitterEngine {
    fn default() -> Self {
        Self::new()
    }
}

/// The largest change between two cutoffs of the quantities `steadyent emitters` prints:
/// pair concurrence, excited population and `(ΔJ)²/N` (absolute), `⟨a†a⟩` and `⟨a†²a²⟩`
/// relative to `max(1, ·)` (so `g²(0)` is converged wherever it is printed, see
/// [`crate::emitters::report::G2_MIN_PAIR_MOMENT`], and a lasing cavity with many photons is
/// judged on its relative accuracy).
pub fn observable_change(a: &NumericState, b: &NumericState) -> f64 {
    let relative = |u: f64, v: f64| (u - v).abs() / u.abs().max(1.0);
    let (x, y) = (&a.observables, &b.observables);
    let n = x.emitters as f64;
    let mut change = [
        (x.excited_population - y.excited_population).abs(),
        relative(x.mean_photon_number, y.mean_photon_number),
        relative(x.photon_pair_moment, y.photon_pair_moment),
        (x.spin_variance_sum - y.spin_variance_sum).abs() / n,
    ]
    .into_iter()
    .fold(0.0, f64::max);
    if let (Some(c), Some(d)) = (x.pair_concurrence(), y.pair_concurrence()) {
        change = change.max((c - d).abs());
    }
    change
}

impl EmitterEngine {
    /// An engine with no solver built yet whose block LUs use every core, for one point: it
    /// keeps only the effective model's solver (see [`CACHE_MAX_UNKNOWNS`]).
    pub fn new() -> Self {
        EmitterEngine {
            solvers: Mutex::default(),
            par: Par::rayon(0),
            keep_full: false,
        }
    }

    /// An engine whose LUs run on one thread: for sweeps and searches that solve many points
    /// in parallel (nested parallelism only adds synchronisation).
    pub fn sequential() -> Self {
        EmitterEngine {
            solvers: Mutex::default(),
            par: Par::Seq,
            keep_full: true,
        }
    }

    /// The solver of `model` for `emitters` emitters and `cutoff` Fock states, built on first
    /// use and kept for reuse up to [`CACHE_MAX_UNKNOWNS`] unknowns (larger ones, and full-model
    /// ones in an engine for one point, are built per call).
    ///
    /// # Errors
    /// [`EmitterError::CutoffOutOfRange`]; [`EmitterError::TooLarge`].
    pub fn solver(
        &self,
        model: Model,
        emitters: usize,
        cutoff: usize,
    ) -> Result<Arc<EmitterSolver>, EmitterError> {
        let cutoff = match model {
            Model::Full => {
                check_cutoff(cutoff)?;
                cutoff
            }
            Model::Effective => 1,
        };
        let keep = model == Model::Effective || self.keep_full;
        if !keep || estimated_unknowns(emitters, cutoff) > CACHE_MAX_UNKNOWNS {
            return EmitterSolver::new(model, emitters, cutoff).map(Arc::new);
        }
        let slot = {
            let mut map = self.solvers.lock().unwrap_or_else(|e| e.into_inner());
            map.entry((model, emitters, cutoff)).or_default().clone()
        };
        slot.get_or_init(|| EmitterSolver::new(model, emitters, cutoff).map(Arc::new))
            .clone()
    }

    /// The steady state of the full model (Eq. 7–8, N emitters) with the cutoff chosen as
    /// `cutoff` says. With [`Cutoff::Auto`] the search of [`search_cutoff`] stops when every
    /// printed observable changes by at most [`CONCURRENCE_TOLERANCE`] between consecutive
    /// cutoffs ([`observable_change`]) and the top Fock level holds at most
    /// [`TOP_POPULATION_TOLERANCE`].
    ///
    /// # Errors
    /// [`EmitterError::CutoffNotConverged`] when the cap is reached first; the solver's errors.
    pub fn solve_full(
        &self,
        params: &EmitterParams,
        cutoff: Cutoff,
    ) -> Result<EmitterSteadyState, EmitterError> {
        let effective = self.solve_effective(params)?;
        self.solve_full_pinned(params, cutoff, &effective)
    }

    /// [`Self::solve_full`] with the effective model's steady state at the same point already
    /// solved: its largest population is pinned first in every full solve (see
    /// [`EmitterSolver::solve`]).
    fn solve_full_pinned(
        &self,
        params: &EmitterParams,
        cutoff: Cutoff,
        effective: &NumericState,
    ) -> Result<EmitterSteadyState, EmitterError> {
        let space = self.solver(Model::Effective, params.emitters(), 1)?;
        let hint = effective.largest_population(space.space());
        let with = |n: usize, par: Par| {
            self.solver(Model::Full, params.emitters(), n)?
                .solve(params, par, Some(&hint))
        };
        let solve = |n: usize| with(n, self.par);
        // Two cutoffs at once only where the engine has cores to spare (not inside a
        // parallel sweep) and both factorisations fit in memory together.
        let pair = |low: usize, high: usize| {
            if matches!(self.par, Par::Seq)
                || estimated_unknowns(params.emitters(), high) > PAIR_MAX_UNKNOWNS
            {
                return None;
            }
            // The smaller on one thread; the larger with the engine's parallelism, so that
            // the first thread to finish helps it (rayon's work stealing).
            match rayon::join(|| with(low, Par::Seq), || with(high, self.par)) {
                (Ok(a), b) => Some(Ok((a, b))),
                (Err(e), _) => Some(Err(e)),
            }
        };
        search_cutoff(
            cutoff,
            solve,
            pair,
            observable_change,
            |s: &NumericState| &s.observables.photon_distribution[..],
            |tried, change, top_population| EmitterError::CutoffNotConverged {
                tried,
                change,
                change_tolerance: CONCURRENCE_TOLERANCE,
                top_population,
                population_tolerance: TOP_POPULATION_TOLERANCE,
            },
            |cutoff| EmitterError::CutoffOutOfRange {
                cutoff,
                min: MIN_CUTOFF,
                max: MAX_CUTOFF,
            },
        )
    }

    /// The steady state of the effective model (Eq. 9 generalised).
    ///
    /// # Errors
    /// The solver's errors.
    pub fn solve_effective(&self, params: &EmitterParams) -> Result<NumericState, EmitterError> {
        self.solver(Model::Effective, params.emitters(), 1)?
            .solve(params, self.par, None)
    }

    /// Both models at one point.
    ///
    /// # Errors
    /// As [`Self::solve_full`] and [`Self::solve_effective`].
    pub fn solve_point(
        &self,
        params: &EmitterParams,
        cutoff: Cutoff,
    ) -> Result<EmitterPoint, EmitterError> {
        let effective = self.solve_effective(params)?;
        let (full, report) = self.solve_full_pinned(params, cutoff, &effective)?;
        Ok(EmitterPoint {
            params: *params,
            full,
            cutoff: report,
            effective,
        })
    }
}

/// Checks a fixed photon cutoff against `MIN_CUTOFF..=MAX_CUTOFF`.
///
/// # Errors
/// [`EmitterError::CutoffOutOfRange`].
pub fn check_cutoff(cutoff: usize) -> Result<(), EmitterError> {
    if (MIN_CUTOFF..=MAX_CUTOFF).contains(&cutoff) {
        Ok(())
    } else {
        Err(EmitterError::CutoffOutOfRange {
            cutoff,
            min: MIN_CUTOFF,
            max: MAX_CUTOFF,
        })
    }
}
