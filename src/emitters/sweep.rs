//! Sweeps of the N-emitter model (Eq. 7–9 with N emitters) over lists of N and κ, in parallel,
//! optionally one shard `K/M` of the points, so a sweep too large for one machine runs as a
//! job array (each part an independent process; the parts are joined by their `index`).

use rayon::prelude::*;
use serde::Serialize;

use super::EmitterError;
use super::engine::EmitterEngine;
use super::params::EmitterParams;
use super::report::EmitterValues;
use crate::cavity::Cutoff;

/// Largest number of points of one sweep (before sharding).
pub const MAX_SWEEP_POINTS: usize = 1_000_000;

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

    /// Solves the points of `shard` in parallel (rayon), calling `progress` once per solved
    /// point; rows come in index order.
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
        points
            .par_iter()
            .map(|&(index, n, kappa)| {
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
            })
            .collect()
    }
}
