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
    /// Increase `N` from [`MIN_CUTOFF`] (by one Fock state up to 8, then as the tail of the
    /// photon distribution predicts, see [`next_cutoff`]) until both [`CONCURRENCE_TOLERANCE`] (between consecutive cutoffs tried)
    /// and [`TOP_POPULATION_TOLERANCE`] hold, up to `max` (at most [`MAX_CUTOFF`];
    /// [`Cutoff::AUTO`] searches the whole range).
    Auto {
        /// Largest cutoff tried.
        max: usize,
    },
    /// Exactly this many Fock states.
    Fixed(usize),
}

impl Cutoff {
    /// The automatic cutoff over the whole supported range.
    pub const AUTO: Cutoff = Cutoff::Auto { max: MAX_CUTOFF };
}

/// The automatic search steps by one Fock state below this cutoff; from it on, the step comes
/// from the tail of the photon distribution ([`predicted_cutoff`]). The prediction from 7 Fock
/// states equals the one from 8 for N = 10, 20, 30, 40 and 50 emitters at the Fig. 2(c) point
/// and at N = 50 with p = 7·10⁻³ g, 10⁻² g or κ = 10 g (measured; one above it, 22 for 21, at
/// N = 30, κ = g, p = 2·10⁻² g), so the search no longer solves the 8-state model first: the
/// N = 50 search took 10.2 s instead of 10.9 s (medians of four alternating `/usr/bin/time`
/// runs).
pub const STEP_BY_ONE_BELOW: usize = 7;

/// The cutoffs the automatic search tries after a solve with `n` Fock states.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// One cutoff.
    One(usize),
    /// Two consecutive cutoffs `(c − 1, c)`, tried in that order (solved together where the
    /// caller allows, see [`search_cutoff`]).
    Pair(usize, usize),
}

/// The cutoffs (truncations of Eq. 7's cavity mode) tried after a solve with `n` Fock states
/// whose photon distribution is `distribution`, capped at `max`:
/// - `n + 1` and `n + 2` below [`STEP_BY_ONE_BELOW`] (`n + 1` alone where `n + 2` would pass
///   it or the cap), the steps of one;
/// - from it on, the cutoff `c` that [`predicted_cutoff`] expects to meet
///   [`TOP_POPULATION_TOLERANCE`] and the one below it, `c` clamped to `n + 2 ..= 2n` (a
///   slowly decaying, lasing tail grows the cutoff geometrically); `n + 1` alone when the
///   prediction is at most `n + 1`;
/// - `n + ⌊n/4⌋` when the distribution has no decaying tail to read.
///
/// The step decides only which cutoffs are solved, never what is accepted: acceptance stays
/// the change and top-population test of [`search_cutoff`] between consecutive cutoffs tried.
/// At N = 50 emitters at the Fig. 2(c) point the previous fixed steps `…, 8, 10, 12, 15, 18`
/// ended at 18 Fock states (12 → 15 changed the observables by more than 1e-10); the
/// prediction from the 7-state solve is 14, and the search tries 13 and 14 (see
/// `bench/compare_emitters.py`).
pub fn next_cutoff(n: usize, max: usize, distribution: &[f64]) -> Step {
    if n < STEP_BY_ONE_BELOW {
        return if n + 2 <= STEP_BY_ONE_BELOW.min(max) {
            Step::Pair(n + 1, n + 2)
        } else {
            Step::One((n + 1).min(max))
        };
    }
    match predicted_cutoff(distribution, TOP_POPULATION_TOLERANCE) {
        None => Step::One((n + n / 4).min(max)),
        Some(c) => {
            let c = c.min(2 * n).min(max);
            if c >= n + 2 {
                Step::Pair(c - 1, c)
            } else {
                Step::One((n + 1).min(max))
            }
        }
    }
}

/// The smallest cutoff whose top Fock level the geometric tail of `distribution` (the photon
/// distribution `P(0), …, P(n − 1)` of a solve with `n` Fock states) predicts to hold at most
/// `tolerance`, or `None` when there is no decaying tail to read.
///
/// # Formula
/// ```text
/// i = n − 3,   r² = P(i) / P(i − 2),   P(l) ≈ P(i) · r^(l − i),
/// cutoff = i + 1 + ⌈ln(tolerance / P(i)) / ln r⌉
/// ```
/// The top two levels are left out (the truncation distorts them most), and the ratio is taken
/// over two levels because the photon distribution of the pumped Tavis–Cummings model
/// alternates between even and odd levels (measured at N = 50, the Fig. 2(c) point: `P(n)` =
/// 9.8e-11, 7.9e-12, 9.7e-13, 7.1e-14 for `n` = 10 … 13).
pub fn predicted_cutoff(distribution: &[f64], tolerance: f64) -> Option<usize> {
    let i = distribution.len().checked_sub(3).filter(|&i| i >= 2)?;
    let (before, last) = (distribution[i - 2], distribution[i]);
    if !(before.is_finite() && last > 0.0 && last < before) {
        return None;
    }
    if last <= tolerance {
        return Some(i + 1);
    }
    let ratio = (last / before).sqrt();
    let levels = ((tolerance / last).ln() / ratio.ln()).ceil();
    // `levels ≥ 1` here; a ratio within rounding of 1 gives a huge count, clamped by the caller.
    Some(i + 1 + levels.min(1e6) as usize)
}

/// How the cutoff of a solve was obtained.
#[derive(Clone, Debug, PartialEq)]
pub struct CutoffReport {
    /// Number of Fock states used.
    pub cutoff: usize,
    /// Whether it was chosen automatically.
    pub automatic: bool,
    /// The cutoffs solved, in order (just `[cutoff]` when fixed).
    pub tried: Vec<usize>,
    /// The convergence measure between the chosen `N` and the cutoff `N'` tried before it
    /// (automatic only): `|C(N) − C(N')|` for two emitters, the largest change of any printed
    /// observable for N emitters ([`crate::emitters::engine::observable_change`]).
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
    /// An engine for Eq. (7)–(9) with no solver built yet.
    pub fn new() -> Self {
        CavityEngine {
            solvers: (0..=MAX_CUTOFF).map(|_| OnceLock::new()).collect(),
        }
    }

    /// The engine shared by the whole process: each cutoff's solver is built once and kept
    /// (the automatic search visits ~20 cutoffs at most), so a program that solves many
    /// points one call at a time, such as the Python bindings, pays for construction once.
    pub fn shared() -> &'static CavityEngine {
        static ENGINE: OnceLock<CavityEngine> = OnceLock::new();
        ENGINE.get_or_init(CavityEngine::new)
    }

    /// The solver of Eq. (7)–(8) at `cutoff` Fock states, built on first use.
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
    /// With [`Cutoff::Auto`], `N = 2, 3, …` ([`next_cutoff`]) until `|C(N) − C(N')| ≤`
    /// [`CONCURRENCE_TOLERANCE`] for the previous cutoff `N'` and `P(N−1) ≤`
    /// [`TOP_POPULATION_TOLERANCE`].
    ///
    /// # Errors
    /// [`CavityError::CutoffNotConverged`] when the search cap is reached first;
    /// [`CavityError::CutoffOutOfRange`] for a fixed cutoff or cap outside
    /// `MIN_CUTOFF + 1..=MAX_CUTOFF`; the solver's errors otherwise.
    pub fn solve(
        &self,
        params: &CavityParams,
        cutoff: Cutoff,
    ) -> Result<(CavitySteadyState, CutoffReport), CavityError> {
        search_cutoff(
            cutoff,
            |n| self.solver(n)?.solve(params),
            // Two-emitter solves take milliseconds; sweeps run their points in parallel.
            |_, _| None,
            |a: &CavitySteadyState, b: &CavitySteadyState| (a.concurrence - b.concurrence).abs(),
            |s: &CavitySteadyState| &s.photon_distribution[..],
            |tried, concurrence_change, top_population| CavityError::CutoffNotConverged {
                tried,
                concurrence_change,
                concurrence_tolerance: CONCURRENCE_TOLERANCE,
                top_population,
                population_tolerance: TOP_POPULATION_TOLERANCE,
            },
            |cutoff| CavityError::CutoffOutOfRange {
                cutoff,
                min: MIN_CUTOFF + 1,
                max: MAX_CUTOFF,
            },
        )
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

/// The photon-cutoff search shared by the two-emitter engine and the N-emitter engine
/// ([`crate::emitters::EmitterEngine`]): a fixed cutoff is solved once; [`Cutoff::Auto`]
/// solves `N = 2, 3, …` ([`next_cutoff`]) until `change(state(N), state(N')) ≤`
/// [`CONCURRENCE_TOLERANCE`] for the cutoff `N'` tried before `N` and the top Fock level of the
/// photon distribution `distribution(state(N))` holds at most [`TOP_POPULATION_TOLERANCE`].
///
/// `solve(n)` solves with `n` Fock states. `pair(c − 1, c)` may solve the two cutoffs of a
/// [`Step::Pair`] at the same time and return the first's result and, when it succeeded,
/// the second's; `None` solves them one after the other, the second only when the first is
/// not accepted. Either way the cutoffs are tried, compared and accepted in increasing order.
///
/// # Errors
/// `out_of_range(max)` for a cap outside `MIN_CUTOFF + 1..=MAX_CUTOFF`;
/// `not_converged(tried, last change, last top population)` when the cap is reached first;
/// the solver's errors otherwise (the first in cutoff order).
pub fn search_cutoff<S, E>(
    cutoff: Cutoff,
    solve: impl Fn(usize) -> Result<S, E>,
    pair: impl Fn(usize, usize) -> Option<Result<(S, Result<S, E>), E>>,
    change: impl Fn(&S, &S) -> f64,
    distribution: impl Fn(&S) -> &[f64],
    not_converged: impl FnOnce(Vec<usize>, f64, f64) -> E,
    out_of_range: impl FnOnce(usize) -> E,
) -> Result<(S, CutoffReport), E> {
    let max = match cutoff {
        Cutoff::Fixed(n) => {
            let state = solve(n)?;
            let report = CutoffReport {
                cutoff: n,
                automatic: false,
                tried: vec![n],
                concurrence_change: None,
                top_fock_population: top(distribution(&state)),
            };
            return Ok((state, report));
        }
        Cutoff::Auto { max } => max,
    };
    if !(MIN_CUTOFF + 1..=MAX_CUTOFF).contains(&max) {
        return Err(out_of_range(max));
    }
    let mut previous = solve(MIN_CUTOFF)?;
    let mut tried = vec![MIN_CUTOFF];
    let mut n = MIN_CUTOFF;
    loop {
        let (first, mut second) = match next_cutoff(n, max, distribution(&previous)) {
            Step::One(m) => ((m, solve(m)?), None),
            Step::Pair(low, high) => match pair(low, high) {
                Some(solved) => {
                    let (a, b) = solved?;
                    ((low, a), Some((high, Some(b))))
                }
                None => ((low, solve(low)?), Some((high, None))),
            },
        };
        let mut candidate = Some(first);
        while let Some((m, state)) = candidate.take() {
            n = m;
            tried.push(n);
            let delta = change(&state, &previous);
            let top_population = top(distribution(&state));
            if delta <= CONCURRENCE_TOLERANCE && top_population <= TOP_POPULATION_TOLERANCE {
                let report = CutoffReport {
                    cutoff: n,
                    automatic: true,
                    tried,
                    concurrence_change: Some(delta),
                    top_fock_population: top_population,
                };
                return Ok((state, report));
            }
            if n == max {
                return Err(not_converged(tried, delta, top_population));
            }
            previous = state;
            if let Some((high, solved)) = second.take() {
                let state = match solved {
                    Some(result) => result?,
                    None => solve(high)?,
                };
                candidate = Some((high, state));
            }
        }
    }
}

/// The top Fock level's population of a photon distribution (`NaN` when empty, which no
/// tolerance accepts).
fn top(distribution: &[f64]) -> f64 {
    distribution.last().copied().unwrap_or(f64::NAN)
}

/// The full and effective steady states at one point with the process-wide engine
/// ([`CavityEngine::shared`], so repeated calls reuse its solvers; see
/// [`CavityEngine::solve_point`]).
///
/// # Examples
/// ```
/// use steadyent::cavity::{CavityParams, Cutoff, solve_point};
/// // κ = 3.7 g, p = 0.013 g, γ = 0.002 g (units g = 1), photon cutoff chosen automatically.
/// let params = CavityParams::new(1.0, 3.7, 0.013, 0.002).unwrap();
/// let point = solve_point(&params, Cutoff::AUTO).unwrap();
/// assert!((point.full.concurrence - 0.346_481_039_587_656).abs() < 1e-12);
/// assert!(point.effective.concurrence > point.full.concurrence);
/// assert_eq!(point.cutoff.cutoff, 6);
/// ```
///
/// # Errors
/// As [`CavityEngine::solve_point`].
pub fn solve_point(params: &CavityParams, cutoff: Cutoff) -> Result<CavityPoint, CavityError> {
    CavityEngine::shared().solve_point(params, cutoff)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An alternating geometric tail `P(l) = a_l · 10^(−l)` (`a_l` = 1 at even `l`, 3 at odd),
    /// read at `i = n − 3`: the prediction is the first cutoff whose top level the extrapolation
    /// `P(i) · r^(l − i)`, `r² = P(i)/P(i − 2) = 10⁻²`, puts at or below the tolerance.
    #[test]
    fn a_geometric_tail_predicts_its_cutoff() {
        let tail = |n: usize| -> Vec<f64> {
            (0..n)
                .map(|l| if l % 2 == 0 { 1.0 } else { 3.0 } * 10f64.powi(-(l as i32)))
                .collect()
        };
        // n = 8: i = 5, P(5) = 3e-5; 3e-5 · 10^(−m) ≤ 1e-12 first at m = 8: top level 13.
        assert_eq!(predicted_cutoff(&tail(8), 1e-12), Some(14));
        assert_eq!(next_cutoff(8, MAX_CUTOFF, &tail(8)), Step::Pair(13, 14));
        // A tail already below the tolerance at i: the next cutoff is one more.
        assert_eq!(predicted_cutoff(&tail(16), 1e-12), Some(14));
        assert_eq!(next_cutoff(16, MAX_CUTOFF, &tail(16)), Step::One(17));
        // Below STEP_BY_ONE_BELOW the steps are of one, whatever the tail says; the cap holds.
        assert_eq!(next_cutoff(5, MAX_CUTOFF, &tail(5)), Step::Pair(6, 7));
        assert_eq!(next_cutoff(6, MAX_CUTOFF, &tail(6)), Step::One(7));
        // n = 7: i = 4, P(4) = 1e-4; 1e-4 · 10^(−m) reaches 1e-12 exactly at m = 8, which the
        // rounded logarithms put one level higher (the conservative side): top level 13.
        assert_eq!(next_cutoff(7, MAX_CUTOFF, &tail(7)), Step::Pair(13, 14));
        assert_eq!(next_cutoff(5, 6, &tail(5)), Step::One(6));
        assert_eq!(next_cutoff(8, 11, &tail(8)), Step::Pair(10, 11));
        assert_eq!(next_cutoff(8, 9, &tail(8)), Step::One(9));
    }

    /// No decaying tail (too short, flat, rising, zero or NaN): no prediction, and the search
    /// falls back to geometric steps; a slowly decaying tail grows the cutoff at most twofold.
    #[test]
    fn without_a_decaying_tail_the_step_is_geometric() {
        assert_eq!(predicted_cutoff(&[0.5, 0.3, 0.2, 0.1], 1e-12), None);
        assert_eq!(predicted_cutoff(&[0.1; 10], 1e-12), None);
        let rising: Vec<f64> = (0..10).map(|l| l as f64).collect();
        assert_eq!(predicted_cutoff(&rising, 1e-12), None);
        let mut broken = vec![0.1; 10];
        broken[5] = f64::NAN;
        assert_eq!(predicted_cutoff(&broken, 1e-12), None);
        assert_eq!(next_cutoff(12, MAX_CUTOFF, &broken), Step::One(15));
        let slow: Vec<f64> = (0..12).map(|l| 0.99f64.powi(l)).collect();
        assert_eq!(next_cutoff(12, MAX_CUTOFF, &slow), Step::Pair(23, 24));
    }

    /// The search gives the same state and report whether a caller solves the pairs at once
    /// (`pair` returns both) or leaves them to be solved one after the other (`None`), and the
    /// same first error in cutoff order; lazily, only the cutoffs tried are solved.
    #[test]
    fn pairs_solved_at_once_or_lazily_give_the_same_search() {
        use std::cell::RefCell;
        // A truncated geometric photon distribution, ratio 0.1: converged near 13 levels.
        let distribution = |n: usize| -> Vec<f64> {
            let weights: Vec<f64> = (0..n).map(|l| 0.1f64.powi(l as i32)).collect();
            let total: f64 = weights.iter().sum();
            weights.iter().map(|w| w / total).collect()
        };
        let mean = |p: &Vec<f64>| p.iter().enumerate().map(|(l, v)| l as f64 * v).sum::<f64>();
        let run = |failing: Option<usize>, at_once: bool| {
            let solved = RefCell::new(Vec::new());
            let solve = |n: usize| {
                solved.borrow_mut().push(n);
                if failing == Some(n) {
                    Err(n)
                } else {
                    Ok(distribution(n))
                }
            };
            let result = search_cutoff(
                Cutoff::AUTO,
                solve,
                |low, high| at_once.then(|| solve(low).map(|a| (a, solve(high)))),
                |a, b| (mean(a) - mean(b)).abs(),
                |s| &s[..],
                |_, _, _| usize::MAX,
                |_| usize::MAX - 1,
            );
            (result, solved.into_inner())
        };
        let (lazily, solved_lazily) = run(None, false);
        let (at_once, solved_at_once) = run(None, true);
        let (state, report) = lazily.clone().unwrap();
        assert_eq!(lazily, at_once);
        // 0.1¹² · 0.9 ≤ 1e-12 first at 13 levels; the 7-level tail predicts 13.
        assert_eq!(report.tried, [2, 3, 4, 5, 6, 7, 12, 13]);
        assert!(report.top_fock_population <= TOP_POPULATION_TOLERANCE);
        assert_eq!(state.len(), report.cutoff);
        assert_eq!(solved_lazily, report.tried);
        assert!(report.tried.iter().all(|n| solved_at_once.contains(n)));
        // A failure at the lower or the upper cutoff of a pair is the search's error either way.
        for failing in [5, 6, report.cutoff] {
            let (lazily, _) = run(Some(failing), false);
            let (at_once, _) = run(Some(failing), true);
            assert_eq!(lazily.unwrap_err(), failing);
            assert_eq!(at_once.unwrap_err(), failing);
        }
    }
}
