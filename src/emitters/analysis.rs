//! Analyses of the N-emitter model (Eq. 7–9 with N emitters) behind the `check` claims and the
//! `plot emitters` figure: the largest pair concurrence over `(p, κ)`, the full-versus-effective
//! deviation against κ, Tóth scans where the pair concurrence vanishes, and `g²(0)` against N.

use rayon::prelude::*;
use serde::Serialize;

use super::EmitterError;
use super::engine::{EmitterEngine, EmitterPoint};
use super::params::EmitterParams;
use crate::cavity::Cutoff;

/// The Fig. 2(c) point the issue's `g²(0)` claim and the scaling benchmark use:
/// `κ = 2.34 g`, `p = 5·10⁻³ g`, `γ = 10⁻³ g` (near the two-emitter maximum of Fig. 2c).
pub const FIG2C_POINT: (f64, f64, f64) = (2.34, 5e-3, 1e-3);

/// What [`optimise`] looks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Objective {
    /// The largest Wootters concurrence of a pair.
    MaxPairConcurrence,
    /// The smallest `(ΔJ)²/(N/2)`: the strongest violation of Tóth's separable bound.
    MinTothRatio,
}

/// The extremum of an [`Objective`] of the full model found over a `(p, κ)` box.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Maximum {
    /// What was optimised.
    pub objective: Objective,
    /// Number of emitters.
    pub n: usize,
    /// Local decay `γ`.
    pub gamma: f64,
    /// The pair concurrence at the optimum.
    pub pair_concurrence: f64,
    /// Where: pump `p`.
    pub pump: f64,
    /// Where: cavity loss `κ`.
    pub kappa: f64,
    /// The variance sum over `N/2` at the optimum (< 1: Tóth detects entanglement).
    pub variance_ratio: f64,
    /// Whether the maximiser sits on the edge of the box (a supremum approached outside it).
    pub at_edge: bool,
    /// `|objective(auto cutoff) − objective(search cutoff)|` at the optimum.
    pub search_error: f64,
    /// The automatic cutoff at the maximiser.
    pub cutoff: usize,
    /// Number of steady states solved.
    pub evaluations: usize,
}

/// The photon cutoff of the search steps of [`optimise`]; the maximiser found
/// is then solved again with the automatic cutoff, and that value is reported (its difference
/// from the search value is [`Maximum::search_error`]); see [`optimise`].
pub const SEARCH_CUTOFF: usize = 5;

/// Optimises `objective` for the full model over `log10 p ∈ pump_decades`,
/// `log10 κ ∈ kappa_decades` at fixed `γ`, `γ_φ = 0`: a coarse 5 × 7 grid, then a compass
/// search in log space from the best grid point, halving the step to `1/64` of a grid cell
/// (~0.01 decades in κ), at [`SEARCH_CUTOFF`] Fock states; the maximiser is re-solved with
/// the automatic cutoff.
///
/// # Errors
/// The first solve that fails.
pub fn optimise(
    engine: &EmitterEngine,
    objective: Objective,
    emitters: usize,
    gamma: f64,
    pump_decades: (f64, f64),
    kappa_decades: (f64, f64),
) -> Result<Maximum, EmitterError> {
    // Maximised: C, or −(ΔJ)²/(N/2).
    let score = |o: &super::Observables<f64>| match objective {
        Objective::MaxPairConcurrence => o.pair_concurrence().unwrap_or(0.0),
        Objective::MinTothRatio => -o.spin_variance_sum / (emitters as f64 / 2.0),
    };
    let solve = |lp: f64, lk: f64, cutoff| -> Result<(f64, EmitterPoint), EmitterError> {
        let params = EmitterParams::new(emitters, 1.0, 10f64.powf(lk), 10f64.powf(lp), gamma, 0.0)?;
        let point = engine.solve_point(&params, cutoff)?;
        Ok((score(&point.full.observables), point))
    };
    let evaluate = |lp: f64, lk: f64| solve(lp, lk, Cutoff::Fixed(SEARCH_CUTOFF));
    let (pn, kn) = (5, 7);
    let grid: Vec<(f64, f64)> = (0..pn)
        .flat_map(|i| {
            (0..kn).map(move |j| {
                let lp = pump_decades.0 + (pump_decades.1 - pump_decades.0) * i as f64 / 4.0;
                let lk = kappa_decades.0 + (kappa_decades.1 - kappa_decades.0) * j as f64 / 6.0;
                (lp, lk)
            })
        })
        .collect();
    let values: Vec<f64> = grid
        .par_iter()
        .map(|&(lp, lk)| evaluate(lp, lk).map(|v| v.0))
        .collect::<Result<_, _>>()?;
    let mut evaluations = grid.len();
    let best = (0..grid.len())
        .max_by(|&a, &b| values[a].total_cmp(&values[b]))
        .expect("the grid is not empty");
    let (mut lp, mut lk) = grid[best];
    let mut value = values[best];
    let mut step = [
        (pump_decades.1 - pump_decades.0) / 4.0,
        (kappa_decades.1 - kappa_decades.0) / 6.0,
    ];
    let clamp = |x: f64, (lo, hi): (f64, f64)| x.clamp(lo, hi);
    let stop = step.map(|s| s / 64.0);
    while step[0] > stop[0] || step[1] > stop[1] {
        let candidates = [
            (clamp(lp + step[0], pump_decades), lk),
            (clamp(lp - step[0], pump_decades), lk),
            (lp, clamp(lk + step[1], kappa_decades)),
            (lp, clamp(lk - step[1], kappa_decades)),
        ];
        let tried: Vec<f64> = candidates
            .par_iter()
            .map(|&(p, k)| evaluate(p, k).map(|v| v.0))
            .collect::<Result<_, _>>()?;
        evaluations += candidates.len();
        let (i, &c) = tried
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1))
            .expect("four candidates");
        if c > value {
            (lp, lk) = candidates[i];
            value = c;
        } else {
            step = step.map(|s| s / 2.0);
        }
    }
    let (best, point) = solve(lp, lk, Cutoff::AUTO)?;
    let edge = |x: f64, (a, b): (f64, f64)| (x - a).abs() < 1e-9 || (x - b).abs() < 1e-9;
    Ok(Maximum {
        objective,
        n: emitters,
        gamma,
        pair_concurrence: point.full.observables.pair_concurrence().unwrap_or(0.0),
        pump: 10f64.powf(lp),
        kappa: 10f64.powf(lk),
        variance_ratio: point.full.observables.spin_variance_sum / (emitters as f64 / 2.0),
        at_edge: edge(lp, pump_decades) || edge(lk, kappa_decades),
        search_error: (best - value).abs(),
        cutoff: point.cutoff.cutoff,
        evaluations: evaluations + 1,
    })
}

/// The full-versus-effective comparison at one κ (adiabatic elimination, Eq. 9).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Deviation {
    /// Cavity loss `κ`.
    pub kappa: f64,
    /// `|C_full − C_eff|`.
    pub concurrence: f64,
    /// `|⟨σ⁺σ⁻⟩_full − ⟨σ⁺σ⁻⟩_eff|`.
    pub excited_population: f64,
    /// `|ΔJ²_full − ΔJ²_eff| / N` (variance sums).
    pub variance: f64,
}

impl Deviation {
    /// The largest of the three deviations.
    pub fn largest(&self) -> f64 {
        self.concurrence
            .max(self.excited_population)
            .max(self.variance)
    }
}

/// Full and effective model (automatic cutoff) at every `κ` of `kappas` for `emitters`
/// emitters at pump `p`, decay `γ`.
///
/// # Errors
/// The first solve that fails.
pub fn elimination_deviation(
    engine: &EmitterEngine,
    emitters: usize,
    pump: f64,
    gamma: f64,
    kappas: &[f64],
) -> Result<Vec<Deviation>, EmitterError> {
    kappas
        .par_iter()
        .map(|&kappa| {
            let params = EmitterParams::new(emitters, 1.0, kappa, pump, gamma, 0.0)?;
            let p = engine.solve_point(&params, Cutoff::AUTO)?;
            let (f, e) = (&p.full.observables, &p.effective.observables);
            Ok(Deviation {
                kappa,
                concurrence: (f.pair_concurrence().unwrap_or(0.0)
                    - e.pair_concurrence().unwrap_or(0.0))
                .abs(),
                excited_population: (f.excited_population - e.excited_population).abs(),
                variance: (f.spin_variance_sum - e.spin_variance_sum).abs() / emitters as f64,
            })
        })
        .collect()
}

/// Where the pair concurrence vanishes, whether Tóth's criterion still detects entanglement:
/// counts over a `(p, κ)` grid of the full model.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TothScan {
    /// Number of emitters.
    pub n: usize,
    /// Grid points solved.
    pub points: usize,
    /// Points with pair concurrence 0.
    pub separable_pairs: usize,
    /// Of those, points where the variance sum is below `N/2` (entangled, Tóth).
    pub toth_detected: usize,
    /// Points with `C > 0` that Tóth misses (variance sum ≥ N/2).
    pub toth_misses: usize,
    /// The smallest variance sum over `N/2` among the pair-separable points, and where
    /// (`p`, `κ`).
    pub smallest_ratio_where_separable: Option<(f64, f64, f64)>,
    /// The largest `C · N/2` seen (the Koashi–Bužek–Imoto bound says ≤ 1).
    pub largest_kbi_ratio: f64,
}

/// Scans the full model (automatic cutoff, `γ_φ = 0`) over `pumps × kappas` at decay `γ`.
///
/// # Errors
/// The first solve that fails.
pub fn toth_scan(
    engine: &EmitterEngine,
    emitters: usize,
    gamma: f64,
    pumps: &[f64],
    kappas: &[f64],
) -> Result<TothScan, EmitterError> {
    let grid: Vec<(f64, f64)> = pumps
        .iter()
        .flat_map(|&p| kappas.iter().map(move |&k| (p, k)))
        .collect();
    let results: Vec<(f64, f64, f64, f64)> = grid
        .par_iter()
        .map(|&(pump, kappa)| {
            let params = EmitterParams::new(emitters, 1.0, kappa, pump, gamma, 0.0)?;
            let (state, _) = engine.solve_full(&params, Cutoff::AUTO)?;
            let o = &state.observables;
            let ratio = o.spin_variance_sum / (emitters as f64 / 2.0);
            Ok((pump, kappa, o.pair_concurrence().unwrap_or(0.0), ratio))
        })
        .collect::<Result<_, EmitterError>>()?;
    let margin = super::report::TOTH_TOLERANCE * 2.0;
    let mut scan = TothScan {
        n: emitters,
        points: results.len(),
        separable_pairs: 0,
        toth_detected: 0,
        toth_misses: 0,
        smallest_ratio_where_separable: None,
        largest_kbi_ratio: 0.0,
    };
    for &(pump, kappa, c, ratio) in &results {
        scan.largest_kbi_ratio = scan.largest_kbi_ratio.max(c * emitters as f64 / 2.0);
        if c == 0.0 {
            scan.separable_pairs += 1;
            if ratio < 1.0 - margin {
                scan.toth_detected += 1;
            }
            if scan
                .smallest_ratio_where_separable
                .is_none_or(|(_, _, r)| ratio < r)
            {
                scan.smallest_ratio_where_separable = Some((pump, kappa, ratio));
            }
        } else if ratio >= 1.0 - margin {
            scan.toth_misses += 1;
        }
    }
    Ok(scan)
}

/// Photon statistics of the full model at one point for one N.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PhotonStatistics {
    /// Number of emitters.
    pub n: usize,
    /// `g²(0)`.
    pub g2_zero: f64,
    /// `⟨a†a⟩`.
    pub mean_photon_number: f64,
    /// Pair concurrence (0 for N = 1).
    pub pair_concurrence: f64,
    /// Photon cutoff used.
    pub cutoff: usize,
}

/// `g²(0)` and `⟨a†a⟩` of the full model (automatic cutoff) for each `N` of `emitters` at
/// `(κ, p, γ)`.
///
/// # Errors
/// The first solve that fails, or an empty cavity (no `g²(0)`).
pub fn photon_statistics(
    engine: &EmitterEngine,
    emitters: &[usize],
    (kappa, pump, gamma): (f64, f64, f64),
) -> Result<Vec<PhotonStatistics>, EmitterError> {
    emitters
        .par_iter()
        .map(|&n| {
            let params = EmitterParams::new(n, 1.0, kappa, pump, gamma, 0.0)?;
            let (state, report) = engine.solve_full(&params, Cutoff::AUTO)?;
            let o = &state.observables;
            Ok(PhotonStatistics {
                n,
                g2_zero: o.g2_zero.ok_or(EmitterError::InvalidParameter {
                    name: "pump",
                    value: pump.to_string(),
                    requirement: "> 0 so that the cavity holds photons".to_string(),
                })?,
                mean_photon_number: o.mean_photon_number,
                pair_concurrence: o.pair_concurrence().unwrap_or(0.0),
                cutoff: report.cutoff,
            })
        })
        .collect()
}

/// The `(p, κ)` boxes of [`optima`]: at `γ = 10⁻³ g` (Fig. 2c) `p/γ ∈ [0.1, 100]`,
/// at `γ = 0` (Fig. 2b) `p ∈ [10⁻⁵, 10⁻²] g`; `κ/g ∈ [10⁻², 10³]` for both.
pub const MAXIMUM_BOXES: [(f64, (f64, f64)); 2] = [(1e-3, (-4.0, -1.0)), (0.0, (-5.0, -2.0))];

/// The optimum of `objective` over the boxes of [`MAXIMUM_BOXES`] for every N of `emitters`
/// (N-major, then the boxes in order).
///
/// # Errors
/// The first solve that fails.
pub fn optima(
    engine: &EmitterEngine,
    objective: Objective,
    emitters: &[usize],
) -> Result<Vec<Maximum>, EmitterError> {
    let mut out = Vec::new();
    for &n in emitters {
        for (gamma, pumps) in MAXIMUM_BOXES {
            out.push(optimise(engine, objective, n, gamma, pumps, (-2.0, 3.0))?);
        }
    }
    Ok(out)
}
