//! Sweeps of the N-emitter model (Eq. 7–9 with N emitters) over lists of N and κ, in parallel,
//! optionally one shard `K/M` of the points, so a sweep too large for one machine runs as a
//! job array (each part an independent process; the parts are joined by their `index`).

use rayon::prelude::*;
use serde::Serialize;

use super::EmitterError;
use super::engine::EmitterEngine;
use super::params::EmitterParams;
use super::report::EmitterValues;
use super::solve::estimated_unknowns;
use crate::cavity::Cutoff;

/// Largest number of points of one sweep (before sharding).
pub const MAX_SWEEP_POINTS: usize = 1_000_000;

/// A sweep at a fixed cutoff whose estimated work is below this runs on the calling thread,
/// the work of a point being `1 + u/100` for `u` [`estimated_unknowns`] (about 0.1 ms per
/// unit for the small systems this decides on): starting rayon's pool and handing out the
/// points costs about 1 ms here, more than such a sweep. Measured, whole processes (`perf
/// stat`, 40 runs, cutoff 5): N = 5 on 2 points (94 unknowns each, work 3.9) 4.2–4.6 ms in
/// parallel, 2.9–3.8 ms on one thread; N = 3 on 50 points (39 each, work 70) 7.2 ms in
/// parallel, 8.3 ms on one thread.
pub const SEQUENTIAL_BELOW_WORK: f64 = 10.0;

/// Part `part` of `parts` disjoint parts of a sweep, numbered from 1 (as cargo-nextest's
/// `--partition count:K/M`): the points whose global index `i` has `i mod M = K − 1`, so every
/// part gets a similar mix of small and large N.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    part: usize,
    parts: usize,
}

impl Shard {
    /// The whole sweep.
    pub const ALL: Shard = Shard { part: 1, parts: 1 };

    /// Part `part` of `parts`.
    ///
    /// # Errors
    /// [`EmitterError::InvalidParameter`] naming `shard` unless `1 ≤ part ≤ parts`.
    pub fn new(part: usize, parts: usize) -> Result<Self, EmitterError> {
        if part >= 1 && part <= parts {
            Ok(Shard { part, parts })
        } else {
            Err(EmitterError::InvalidParameter {
                name: "shard",
                value: format!("{part}/{parts}"),
                requirement: "K/M with 1 ≤ K ≤ M (part K of M, numbered from 1)".to_string(),
            })
        }
    }

    /// Whether the point with global index `index` belongs to this part.
    pub fn contains(&self, index: usize) -> bool {
        index % self.parts == self.part - 1
    }

    /// `(K, M)`.
    pub fn parts(&self) -> (usize, usize) {
        (self.part, self.parts)
    }
}

/// A sweep of the N-emitter model: every `N` of `emitters` at every `κ` of `kappas` (N-major
/// order), the other rates fixed.
#[derive(Clone, Debug, PartialEq)]
pub struct EmitterSweep {
    /// The numbers of emitters.
    pub emitters: Vec<usize>,
    /// The cavity losses.
    pub kappas: Vec<f64>,
    /// Coupling `g`.
    pub coupling: f64,
    /// Local pump `p`.
    pub pump: f64,
    /// Local decay `γ`.
    pub gamma: f64,
    /// Local dephasing `γ_φ`.
    pub dephasing: f64,
    /// Photon cutoff of every full solve.
    pub cutoff: Cutoff,
}

/// One point of a sweep: the full model and the effective model.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EmitterSweepRow {
    /// Global index of the point (N-major order over the whole sweep, before sharding).
    pub index: usize,
    /// Number of emitters.
    pub n: usize,
    /// Cavity loss `κ`.
    pub kappa: f64,
    /// Photon cutoff used by the full solve.
    pub cutoff: usize,
    /// The full model's values.
    pub full: EmitterValues,
    /// The effective model's values.
    pub effective: EmitterValues,
}

impl EmitterSweep {
    /// The points `(index, N, κ)` of the sweep, in order.
    pub fn points(&self) -> impl Iterator<Item = (usize, usize, f64)> + '_ {
        self.emitters
            .iter()
            .flat_map(|&n| self.kappas.iter().map(move |&k| (n, k)))
            .enumerate()
            .map(|(i, (n, k))| (i, n, k))
    }

    /// Number of points before sharding.
    pub fn len(&self) -> usize {
        self.emitters.len() * self.kappas.len()
    }

    /// Whether the sweep has no points.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Validates every point's parameters before any solve.
    ///
    /// # Errors
    /// The first invalid parameter; [`EmitterError::InvalidParameter`] naming `points` when
    /// the sweep is empty or above [`MAX_SWEEP_POINTS`].
    pub fn validate(&self) -> Result<(), EmitterError> {
        if self.is_empty() || self.len() > MAX_SWEEP_POINTS {
            return Err(EmitterError::InvalidParameter {
                name: "points",
                value: self.len().to_string(),
                requirement: format!("a sweep of 1 to {MAX_SWEEP_POINTS} points"),
            });
        }
        for (_, n, kappa) in self.points() {
            self.params(n, kappa)?;
        }
        Ok(())
    }

    fn params(&self, n: usize, kappa: f64) -> Result<EmitterParams, EmitterError> {
        EmitterParams::new(
            n,
            self.coupling,
            kappa,
            self.pump,
            self.gamma,
            self.dephasing,
        )
    }

    /// Solves the points of `shard` in parallel (rayon; on the calling thread below
    /// [`SEQUENTIAL_BELOW_WORK`]), calling `progress` once per solved point; rows come in
    /// index order.
    ///
    /// # Errors
    /// The first point that fails (validation, non-unique, cutoff not converged).
    pub fn run(
        &self,
        shard: Shard,
        progress: &(dyn Fn() + Sync),
    ) -> Result<Vec<EmitterSweepRow>, EmitterError> {
        self.validate()?;
        let engine = EmitterEngine::sequential();
        let points: Vec<_> = self
            .points()
            .filter(|(i, _, _)| shard.contains(*i))
            .collect();
        let solve = |&(index, n, kappa): &(usize, usize, f64)| {
            let point = engine.solve_point(&self.params(n, kappa)?, self.cutoff)?;
            progress();
            Ok(EmitterSweepRow {
                index,
                n,
                kappa,
                cutoff: point.cutoff.cutoff,
                full: EmitterValues::of(&point.full, true),
                effective: EmitterValues::of(&point.effective, false),
            })
        };
        if self.is_small(&points) {
            points.iter().map(solve).collect()
        } else {
            points.par_iter().map(solve).collect()
        }
    }

    /// Whether the estimated work of `points` at a fixed cutoff is below
    /// [`SEQUENTIAL_BELOW_WORK`] (summed until the bound is passed; an automatic cutoff is
    /// never small).
    fn is_small(&self, points: &[(usize, usize, f64)]) -> bool {
        let Cutoff::Fixed(cutoff) = self.cutoff else {
            return false;
        };
        let mut work = 0.0;
        for &(_, n, _) in points {
            work += 1.0 + estimated_unknowns(n, cutoff) as f64 / 100.0;
            if work >= SEQUENTIAL_BELOW_WORK {
                return false;
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sweep(emitters: Vec<usize>, points: usize, cutoff: Cutoff) -> EmitterSweep {
        EmitterSweep {
            emitters,
            kappas: (0..points).map(|i| 0.1 + i as f64).collect(),
            coupling: 1.0,
            pump: 5e-3,
            gamma: 1e-3,
            dephasing: 0.0,
            cutoff,
        }
    }

    fn small(s: &EmitterSweep) -> bool {
        let points: Vec<_> = s.points().collect();
        s.is_small(&points)
    }

    /// The grain-size rule of [`SEQUENTIAL_BELOW_WORK`] on the cases it was measured on, and
    /// both paths give the same rows.
    #[test]
    fn tiny_fixed_cutoff_sweeps_run_on_the_calling_thread() {
        assert!(small(&sweep(vec![5], 2, Cutoff::Fixed(5))));
        assert!(!small(&sweep(vec![3], 50, Cutoff::Fixed(5))));
        assert!(!small(&sweep(vec![5], 2, Cutoff::AUTO)));
        // Three points of N = 2 run on one thread; with N = 20 added the sweep runs in
        // parallel, and its N = 2 rows are the same.
        let one_thread = sweep(vec![2], 3, Cutoff::Fixed(4));
        assert!(small(&one_thread));
        assert!(!small(&sweep(vec![2, 20], 3, Cutoff::Fixed(4))));
        let rows = one_thread.run(Shard::ALL, &|| {}).unwrap();
        let parallel: Vec<EmitterSweepRow> = sweep(vec![2, 20], 3, Cutoff::Fixed(4))
            .run(Shard::ALL, &|| {})
            .unwrap()
            .into_iter()
            .filter(|r| r.n == 2)
            .collect();
        assert_eq!(rows, parallel);
    }
}
