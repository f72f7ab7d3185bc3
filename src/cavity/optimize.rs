//! Searches over the full cavity model's steady-state concurrence (Eq. 7–8): its maximum over
//! `κ/g` and `p/γ`, the pump at which that maximum crosses a level, and the `κ` interval where
//! the qubits are entangled (the Fig. 2(c) statements the `check` claims test).

use rayon::prelude::*;

use super::CavityError;
use super::engine::{CavityEngine, Cutoff};
use super::params::CavityParams;
use super::sweep::{kappa_grid, log_grid};

/// `κ` values per pump of the Fig. 2 search grid (12 per decade over `10⁻² … 10³`, the
/// paper's axis).
pub const SEARCH_POINTS: usize = 61;

/// Golden-section steps of [`KappaSearch::maximum`]: the bracket (two grid spacings; on the
/// Fig. 2 grid a factor `10^{1/6}` in `κ`) shrinks by `0.618³⁰ ≈ 5·10⁻⁷`, far below where `C`
/// is flat to f64.
const GOLDEN_STEPS: usize = 30;

/// The largest concurrence over `κ` at one pump and decay.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KappaMaximum {
    /// `max_κ C_full`.
    pub concurrence: f64,
    /// The `κ/g` where it is attained.
    pub kappa: f64,
}

/// The largest concurrence over `κ` at one pump ratio `p/γ`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PumpMaximum {
    /// `p/γ`.
    pub pump_over_gamma: f64,
    /// `max_κ C_full` and its `κ`.
    pub maximum: KappaMaximum,
}

/// One edge of an entangled interval, bracketed: `C = 0` at `outside`, `C > 0` at `inside`,
/// with `|ln(inside/outside)| ≤` the requested tolerance.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Edge {
    /// `κ/g` of the last separable point found.
    pub outside: f64,
    /// `κ/g` of the first entangled point found.
    pub inside: f64,
}

impl Edge {
    /// The geometric midpoint of the bracket, the edge's estimate.
    pub fn estimate(&self) -> f64 {
        (self.outside * self.inside).sqrt()
    }
}

/// A maximal run of entangled grid points, its edges refined by bisection.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EntangledInterval {
    /// The lower edge; `None` when `C > 0` already at the grid's first point.
    pub lower: Option<Edge>,
    /// The upper edge; `None` when `C > 0` still at the grid's last point.
    pub upper: Option<Edge>,
}

/// The full model's concurrence as a function of `κ` on a fixed log grid of `κ/g`, with the
/// photon cutoff found automatically at every point ([`Cutoff::AUTO`]), units `g = 1`.
#[derive(Debug)]
pub struct KappaSearch<'a> {
    engine: &'a CavityEngine,
    kappas: Vec<f64>,
}

impl<'a> KappaSearch<'a> {
    /// The search on Fig. 2's axis: [`SEARCH_POINTS`] values of `κ/g` from `10⁻²` to `10³`.
    pub fn fig2(engine: &'a CavityEngine) -> Self {
        let kappas = kappa_grid(SEARCH_POINTS).expect("SEARCH_POINTS is within the sweep cap");
        KappaSearch { engine, kappas }
    }

    /// The search on `points ≥ 2` values of `κ/g` log-spaced from `10^start` to `10^stop`.
    pub fn log_spaced(engine: &'a CavityEngine, start: f64, stop: f64, points: usize) -> Self {
        KappaSearch {
            engine,
            kappas: log_grid(start, stop, points),
        }
    }

    /// The grid of `κ/g` values.
    pub fn kappas(&self) -> &[f64] {
        &self.kappas
    }

    /// `C_full` of Eq. (7)–(8) at `κ`, pump `p` and decay `γ`.
    ///
    /// # Errors
    /// Invalid rates, or a solve that fails (non-unique, cutoff not converged).
    pub fn concurrence(&self, kappa: f64, pump: f64, gamma: f64) -> Result<f64, CavityError> {
        let params = CavityParams::new(1.0, kappa, pump, gamma)?;
        Ok(self.engine.solve(&params, Cutoff::AUTO)?.0.concurrence)
    }

    /// The largest `C_full` over `κ` at pump `p` and decay `γ`: the best grid point, refined by
    /// golden-section search in `ln κ` between its neighbours (Fig. 2(c): `C` is unimodal in
    /// `κ` around its maximum). `C = 0` on the whole grid gives `(0, first κ)`.
    ///
    /// # Errors
    /// As [`KappaSearch::concurrence`].
    pub fn maximum(&self, pump: f64, gamma: f64) -> Result<KappaMaximum, CavityError> {
        let c = |kappa: f64| self.concurrence(kappa, pump, gamma);
        let values: Vec<f64> = self
            .kappas
            .iter()
            .map(|&k| c(k))
            .collect::<Result<_, _>>()?;
        let best = (0..values.len())
            .max_by(|&i, &j| values[i].total_cmp(&values[j]))
            .expect("a log grid has at least two points");
        let at_grid = KappaMaximum {
            concurrence: values[best],
            kappa: self.kappas[best],
        };
        if at_grid.concurrence == 0.0 {
            return Ok(at_grid);
        }
        let (mut lo, mut hi) = (
            self.kappas[best.saturating_sub(1)].ln(),
            self.kappas[(best + 1).min(self.kappas.len() - 1)].ln(),
        );
        let ratio = (5f64.sqrt() - 1.0) / 2.0;
        for _ in 0..GOLDEN_STEPS {
            let (a, b) = (hi - ratio * (hi - lo), lo + ratio * (hi - lo));
            if c(a.exp())? > c(b.exp())? {
                hi = b;
            } else {
                lo = a;
            }
        }
        let kappa = ((lo + hi) / 2.0).exp();
        let refined = c(kappa)?;
        Ok(if refined > at_grid.concurrence {
            KappaMaximum {
                concurrence: refined,
                kappa,
            }
        } else {
            at_grid
        })
    }

    /// [`KappaSearch::maximum`] at `p = r·γ` for every ratio `r` of `ratios`, in parallel
    /// (rayon), in the order given.
    ///
    /// # Errors
    /// The first failing solve.
    pub fn maxima(&self, gamma: f64, ratios: &[f64]) -> Result<Vec<PumpMaximum>, CavityError> {
        ratios
            .par_iter()
            .map(|&r| {
                Ok(PumpMaximum {
                    pump_over_gamma: r,
                    maximum: self.maximum(r * gamma, gamma)?,
                })
            })
            .collect()
    }

    /// The pump ratio `p/γ` in `[lo, hi]` where `max_κ C_full` crosses `level`, by `steps`
    /// bisections (the bracket shrinks to `(hi − lo)/2^steps`). The caller vouches that the
    /// maximum grows with `p/γ` on `[lo, hi]` and crosses `level` there.
    ///
    /// # Errors
    /// As [`KappaSearch::maximum`].
    pub fn pump_threshold(
        &self,
        gamma: f64,
        level: f64,
        (mut lo, mut hi): (f64, f64),
        steps: usize,
    ) -> Result<f64, CavityError> {
        for _ in 0..steps {
            let mid = (lo + hi) / 2.0;
            if self.maximum(mid * gamma, gamma)?.concurrence > level {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        Ok((lo + hi) / 2.0)
    }

    /// The `κ` intervals where `C_full > 0` at pump `p` and decay `γ`: every maximal run of
    /// entangled grid points, each edge bisected in `ln κ` until its bracket is at most
    /// `log_tolerance` wide (`|ln(inside/outside)| ≤ log_tolerance`, a relative tolerance on
    /// `κ`). Empty when no grid point is entangled.
    ///
    /// # Errors
    /// [`CavityError::InvalidParameter`] unless `log_tolerance > 0` (finite); otherwise as
    /// [`KappaSearch::concurrence`].
    pub fn entangled_intervals(
        &self,
        pump: f64,
        gamma: f64,
        log_tolerance: f64,
    ) -> Result<Vec<EntangledInterval>, CavityError> {
        if !(log_tolerance > 0.0 && log_tolerance.is_finite()) {
            return Err(CavityError::InvalidParameter {
                name: "log_tolerance",
                value: log_tolerance,
                requirement: "a finite number > 0 (the width of an edge bracket in ln kappa)",
            });
        }
        let entangled =
            |kappa: f64| Ok::<_, CavityError>(self.concurrence(kappa, pump, gamma)? > 0.0);
        let flags: Vec<bool> = self
            .kappas
            .par_iter()
            .map(|&k| entangled(k))
            .collect::<Result<_, _>>()?;
        let refine = |outside: f64, inside: f64| -> Result<Edge, CavityError> {
            let (mut outside, mut inside) = (outside.ln(), inside.ln());
            while (inside - outside).abs() > log_tolerance {
                let mid = (outside + inside) / 2.0;
                if entangled(mid.exp())? {
                    inside = mid;
                } else {
                    outside = mid;
                }
            }
            Ok(Edge {
                outside: outside.exp(),
                inside: inside.exp(),
            })
        };
        let mut intervals = Vec::new();
        let mut start = None;
        for i in 0..=flags.len() {
            let on = flags.get(i).copied().unwrap_or(false);
            match (start, on) {
                (None, true) => start = Some(i),
                (Some(s), false) => {
                    let lower = (s > 0)
                        .then(|| refine(self.kappas[s - 1], self.kappas[s]))
                        .transpose()?;
                    let upper = (i < flags.len())
                        .then(|| refine(self.kappas[i], self.kappas[i - 1]))
                        .transpose()?;
                    intervals.push(EntangledInterval { lower, upper });
                    start = None;
                }
                _ => {}
            }
        }
        Ok(intervals)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fig. 2(c), `p = 5·10⁻³ g`, `γ = 10⁻³ g`: the maximum near `κ ≈ 2.3 g` (README's Fig. 2c
    /// point) exceeds the grid's best value, and refinement never lowers it.
    #[test]
    fn golden_section_refines_the_grid_maximum() {
        let engine = CavityEngine::new();
        let search = KappaSearch::fig2(&engine);
        let best = search.maximum(5e-3, 1e-3).unwrap();
        let grid_best = search
            .kappas()
            .iter()
            .map(|&k| search.concurrence(k, 5e-3, 1e-3).unwrap())
            .fold(0.0, f64::max);
        assert!(best.concurrence >= grid_best);
        assert!((1.0..5.0).contains(&best.kappa), "kappa = {}", best.kappa);
    }

    /// Every edge brackets the sign change it claims, to the tolerance asked.
    #[test]
    fn entangled_edges_bracket_the_sign_change() {
        let engine = CavityEngine::new();
        let search = KappaSearch::log_spaced(&engine, -3.0, 4.0, 15);
        let (pump, gamma, tolerance) = (1e-3, 1e-3, 1e-3);
        let intervals = search.entangled_intervals(pump, gamma, tolerance).unwrap();
        assert_eq!(intervals.len(), 1);
        for bad in [0.0, -1e-3, f64::NAN, f64::INFINITY] {
            assert!(matches!(
                search.entangled_intervals(pump, gamma, bad),
                Err(CavityError::InvalidParameter { .. })
            ));
        }
        for edge in [intervals[0].lower, intervals[0].upper] {
            let edge = edge.expect("both edges inside 1e-3 ... 1e4");
            assert!((edge.inside / edge.outside).ln().abs() <= tolerance);
            assert_eq!(search.concurrence(edge.outside, pump, gamma).unwrap(), 0.0);
            assert!(search.concurrence(edge.inside, pump, gamma).unwrap() > 0.0);
        }
    }
}
