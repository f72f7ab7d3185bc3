//! Claims about the cavity-QED realisation (Eq. 7–9, Fig. 2) checked with the full
//! Tavis–Cummings steady state against the effective diamond model.

use serde_json::json;

use super::{Check, Claim, ClaimError, Context, Outcome};
use crate::cavity::optimize::{KappaSearch, SEARCH_POINTS};
use crate::cavity::sweep::log_grid;
use crate::cavity::{CavityEngine, CavityParams, Cutoff, Figure, Frame, sweep};
use crate::paper;

/// The qubit decay of Fig. 2(c), `γ = 10⁻³ g`.
const GAMMA_FIG2C: f64 = Figure::Fig2c.gamma();

/// The claims of this module, in report order.
pub fn claims() -> Vec<Claim> {
    vec![
        Claim {
            id: "adiabatic-elimination",
            paper: &[paper::ADIABATIC_ELIMINATION],
            method: "full Tavis-Cummings steady state (automatic photon cutoff, residual-checked) \
                     against the effective model of Eq. 9 on the Fig. 2(b),(c) grids, 61 kappa \
                     values per pump; largest |C_full - C_eff| per decade of kappa/g",

            theorems: &[],
            run: adiabatic_elimination,
        },
        Claim {
            id: "ideal-dark-state",
            paper: &[paper::IDEAL_DARK_STATE],
            method: "full model at gamma = 0, kappa = 10 g (Gamma = 4g^2/kappa = 0.4 g), \
                     p from 1e-3 g to 1e-7 g",

            theorems: &[],
            run: ideal_dark_state,
        },
        Claim {
            id: "realistic-maximum",
            paper: &[paper::REALISTIC_MAXIMUM],
            method: "full model on p/gamma in [0.5, 50] (31 log-spaced values) x kappa/g in \
                     [1e-2, 1e3] (61 log-spaced values, golden-section refined), automatic \
                     cutoff; the same maximisation at gamma = 1e-4 g and 1e-5 g",

            theorems: &[],
            run: realistic_maximum,
        },
        Claim {
            id: "nonseparability-narrows",
            paper: &[paper::NONSEPARABILITY_NARROWS],
            method: "full model (gamma = 1e-3 g, automatic cutoff) at the three pumps of Fig. \
                     2(c): the kappa/g where C > 0 on a 109-point log grid over [1e-4, 1e5], \
                     each edge bisected in ln kappa to a relative 1e-4; the intervals must nest",
            theorems: &[],
            run: nonseparability_narrows,
        },
        Claim {
            id: "beyond-thermal-iff-pump-exceeds-decay",
            paper: &[paper::BEYOND_THERMAL],
            method: "exact proof in the effective model (proofs/cavity-threshold.md); full model \
                     (gamma = 1e-3 g): max over kappa/g in [1e-2, 1e3] (61-point log grid refined \
                     by golden section) at p/gamma from 0.5 to 5, and the threshold by bisection",

            theorems: &["cavity-threshold"],
            run: beyond_thermal,
        },
        Claim {
            id: "subradiant-dark-state",
            paper: &[paper::SUBRADIANT_DARK_STATE],
            method: "full model on the Fig. 2(c) grid (61 kappa values per pump, automatic \
                     cutoff): populations of |A> and |S> of the reduced two-qubit state wherever \
                     C > 0, and the effective inverse temperatures of Eq. 9",
            theorems: &[],
            run: subradiant_dark_state,
        },
        Claim {
            id: "rotating-frame",
            paper: &[paper::ROTATING_FRAME],
            method: "full model in the laboratory frame (omega0 = omega_cav = 1000 g), solved on \
                     the whole operator space without symmetry reduction, against the reduced \
                     rotating-frame solve at cutoff 5; tolerance 1e-9 in C",

            theorems: &[],
            run: rotating_frame,
        },
    ]
}

fn adiabatic_elimination(_: &Context) -> Result<Outcome, ClaimError> {
    let mut rows = sweep(Figure::Fig2b, SEARCH_POINTS, Cutoff::AUTO)?;
    rows.extend(sweep(Figure::Fig2c, SEARCH_POINTS, Cutoff::AUTO)?);
    // Largest deviation per decade [10^k, 10^(k+1)), k = -2 … 2 (κ = 1e3 joins the last).
    let mut decades = [0.0f64; 5];
    for r in &rows {
        let k = (r.kappa.log10().floor() as i64 + 2).clamp(0, 4) as usize;
        decades[k] = decades[k].max((r.concurrence - r.concurrence_effective).abs());
    }
    let above: Vec<f64> = decades[2..].to_vec();
    let shrinking = above.windows(2).all(|w| w[1] < w[0]);
    // Rate: the deviation falls like (κ/g)^(-s); s from the decades [10, 100) and [100, 1000].
    let rate = (decades[3] / decades[4]).log10();
    let below = decades[0].max(decades[1]);
    let fmt = |v: &[f64]| {
        v.iter()
            .map(|d| format!("{d:.1e}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    Ok(Outcome {
        summary: format!(
            "max |C_full - C_eff| per decade of kappa/g from 1e-2: {}; above kappa/g = 1 it \
             shrinks ~ (kappa/g)^-{rate:.1}; below 1 the elimination breaks down (up to {below:.2})",
            fmt(&decades)
        ),
        data: json!({"decades_from": -2, "max_deviation_per_decade": decades, "decay_exponent": rate}),
        checks: vec![
            Check::new(
                "for kappa/g > 1 the deviation shrinks decade by decade",
                shrinking,
                format!("decades 1-10, 10-100, 100-1000: {}", fmt(&above)),
            ),
            Check::new(
                "the full model follows the effective one for kappa/g >= 10 (|dC| < 0.01)",
                decades[3] < 0.01,
                format!("{:.1e}", decades[3]),
            ),
            Check::new(
                "below kappa/g = 1 the effective model fails (|dC| > 0.1 somewhere)",
                below > 0.1,
                format!("{below:.3}"),
            ),
        ],
    })
}

fn ideal_dark_state(_: &Context) -> Result<Outcome, ClaimError> {
    let engine = CavityEngine::new();
    let kappa = 10.0;
    let mut gaps = Vec::new();
    for k in 3..=7 {
        let pump = 10f64.powi(-k);
        let params = CavityParams::new(1.0, kappa, pump, 0.0)?;
        let (state, _) = engine.solve(&params, Cutoff::AUTO)?;
        gaps.push((pump, 0.5 - state.concurrence));
    }
    let shrinking = gaps.windows(2).all(|w| 0.0 < w[1].1 && w[1].1 < w[0].1);
    // Scaling 1/2 − C ∝ (p/Γ)^s over the last two decades.
    let exponent = (gaps[2].1 / gaps[4].1).log10() / 2.0;
    let last = gaps[gaps.len() - 1];
    Ok(Outcome {
        summary: format!(
            "gamma = 0, kappa = 10 g: 1/2 - C_full = {} for p = 1e-3 ... 1e-7 g, i.e. C -> 1/2 \
             like (p/Gamma)^{exponent:.2}",
            gaps.iter()
                .map(|(_, g)| format!("{g:.1e}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        data: json!({"kappa": kappa, "gaps": gaps, "exponent": exponent}),
        checks: vec![Check::new(
            "C_full -> 1/2 from below as p/Gamma -> 0",
            shrinking && last.1 < 1e-3,
            format!("1/2 - C = {:.2e} at p/Gamma = {:.1e}", last.1, last.0 / 0.4),
        )],
    })
}

fn realistic_maximum(_: &Context) -> Result<Outcome, ClaimError> {
    let engine = CavityEngine::new();
    let search = KappaSearch::fig2(&engine);
    // (p/γ, max_κ C, argmax κ) at every ratio, and the best of them.
    let maxima_over = |gamma: f64, ratios: &[f64]| -> Result<Vec<(f64, f64, f64)>, ClaimError> {
        Ok(search
            .maxima(gamma, ratios)?
            .into_iter()
            .map(|m| (m.pump_over_gamma, m.maximum.concurrence, m.maximum.kappa))
            .collect())
    };
    let best_of = |results: &[(f64, f64, f64)]| {
        results
            .iter()
            .copied()
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .ok_or(ClaimError::NoValue("empty p/gamma grid"))
    };
    let results = maxima_over(
        GAMMA_FIG2C,
        &log_grid((0.5f64).log10(), (50f64).log10(), 31),
    )?;
    let (ratio, c, kappa) = best_of(&results)?;
    let at_five = results
        .iter()
        .min_by(|a, b| (a.0 - 5.0).abs().total_cmp(&(b.0 - 5.0).abs()))
        .ok_or(ClaimError::NoValue("empty p/gamma grid"))?;
    // "…it can be even larger and approaching the C_SS = 0.5 limit for smaller values of γ/g":
    // the same maximisation at γ = 1e-4 g and 1e-5 g (p/γ up to 1e3).
    let wide = log_grid(0.0, 3.0, 16);
    let mut smaller_gamma = Vec::new();
    for gamma in [1e-4, 1e-5] {
        let best = best_of(&maxima_over(gamma, &wide)?)?;
        smaller_gamma.push((gamma, best.1, best.0, best.2));
    }
    let maxima: Vec<f64> = std::iter::once(c)
        .chain(smaller_gamma.iter().map(|g| g.1))
        .collect();
    let rising = maxima.windows(2).all(|w| w[1] > w[0]) && maxima.iter().all(|&m| m < 0.5);
    let fmt_small = smaller_gamma
        .iter()
        .map(|(g, c, r, k)| {
            format!("{c:.4} at gamma = {g:.0e} g (p/gamma = {r:.0}, kappa/g = {k:.2})")
        })
        .collect::<Vec<_>>()
        .join(", ");
    Ok(Outcome {
        summary: format!(
            "max C_full = {c:.4} at p/gamma = {ratio:.2}, kappa/g = {kappa:.2} (gamma = 1e-3 g, \
             grid 31 x 61); at p/gamma = {:.2}: {:.4}; smaller gamma: {fmt_small}",
            at_five.0, at_five.1
        ),
        data: json!({
            "maximum": {"concurrence": c, "pump_over_gamma": ratio, "kappa_over_g": kappa},
            "near_five": {"pump_over_gamma": at_five.0, "concurrence": at_five.1, "kappa_over_g": at_five.2},
            "smaller_gamma": smaller_gamma,
        }),
        checks: vec![
            Check::new(
                "the maximum is ~0.4 (within 0.05)",
                (c - 0.4).abs() < 0.05,
                format!("{c:.4}"),
            ),
            Check::new(
                "it lies around p/gamma ~ 5 (within a factor 2)",
                (2.5..=10.0).contains(&ratio),
                format!("p/gamma = {ratio:.2}"),
            ),
            Check::new(
                "smaller gamma/g gives larger maxima, approaching 1/2 from below",
                rising,
                format!("{c:.4} at gamma = 1e-3 g, {fmt_small}"),
            ),
        ],
    })
}

/// The κ range of [`nonseparability_narrows`]: `10⁻⁴ … 10⁵ g`, wide enough that every
/// entangled interval of Fig. 2(c) ends inside it, 12 points per decade as on Fig. 2's axis.
const NARROWS_DECADES: (f64, f64) = (-4.0, 5.0);
/// Relative tolerance on the located edges, `|ln(inside/outside)| ≤ 1e-4`.
const EDGE_TOLERANCE: f64 = 1e-4;

fn nonseparability_narrows(_: &Context) -> Result<Outcome, ClaimError> {
    let engine = CavityEngine::new();
    let (start, stop) = NARROWS_DECADES;
    let points = ((stop - start) * 12.0) as usize + 1;
    let search = KappaSearch::log_spaced(&engine, start, stop, points);
    let pumps = Figure::Fig2c.pumps();
    let mut found = Vec::new();
    for &pump in pumps {
        found.push(search.entangled_intervals(pump, GAMMA_FIG2C, EDGE_TOLERANCE)?);
    }
    // One interval per pump with both edges inside the search range.
    let closed: Vec<_> = found
        .iter()
        .filter_map(|intervals| match intervals.as_slice() {
            [only] => Some((only.lower?, only.upper?)),
            _ => None,
        })
        .collect();
    let single = closed.len() == pumps.len();
    // Strictly nested: every edge bracket of the larger pump lies strictly inside the
    // previous pump's bracket of the same edge.
    let nested = single
        && closed.windows(2).all(|w| {
            let ((lo0, hi0), (lo1, hi1)) = (w[0], w[1]);
            lo1.outside > lo0.inside && hi1.outside < hi0.inside
        });
    let describe = |intervals: &[crate::cavity::optimize::EntangledInterval]| {
        intervals
            .iter()
            .map(|i| {
                let end = |e: Option<crate::cavity::optimize::Edge>, open: &str| {
                    e.map_or(open.to_string(), |e| format!("{:.3e}", e.estimate()))
                };
                format!("[{}, {}]", end(i.lower, "<1e-4"), end(i.upper, ">1e5"))
            })
            .collect::<Vec<_>>()
            .join(" u ")
    };
    let table = pumps
        .iter()
        .zip(&found)
        .map(|(p, intervals)| format!("p = {p:e} g: {}", describe(intervals)))
        .collect::<Vec<_>>()
        .join("; ");
    let edges: Vec<_> = pumps
        .iter()
        .zip(&found)
        .map(|(p, intervals)| {
            let pairs: Vec<_> = intervals
                .iter()
                .map(|i| {
                    let bracket =
                        |e: Option<crate::cavity::optimize::Edge>| e.map(|e| [e.outside, e.inside]);
                    json!({"lower": bracket(i.lower), "upper": bracket(i.upper)})
                })
                .collect();
            json!({"pump": p, "intervals": pairs})
        })
        .collect();
    Ok(Outcome {
        summary: format!(
            "C > 0 for kappa/g in {table} (edges to a relative {EDGE_TOLERANCE:e}): each \
             interval lies inside the previous one"
        ),
        data: json!({"gamma": GAMMA_FIG2C, "edge_tolerance": EDGE_TOLERANCE, "pumps": edges}),
        checks: vec![
            Check::new(
                "at each pump C > 0 on one kappa interval, closed inside [1e-4, 1e5] g",
                single,
                table.clone(),
            ),
            Check::new(
                "the interval narrows as p increases (both edges move inward)",
                nested,
                table,
            ),
        ],
    })
}

fn beyond_thermal(_: &Context) -> Result<Outcome, ClaimError> {
    let engine = CavityEngine::new();
    let search = KappaSearch::fig2(&engine);
    let third = 1.0 / 3.0;
    let mut table = Vec::new();
    for ratio in [0.5, 0.9, 1.0, 1.1, 1.25, 1.5, 2.0, 5.0] {
        let best = search.maximum(ratio * GAMMA_FIG2C, GAMMA_FIG2C)?;
        table.push((ratio, best.concurrence, best.kappa));
    }
    // The full model's own threshold: bisection on p/γ for max_κ C = 1/3 (C grows with p/γ
    // in this range, table above).
    let threshold = search.pump_threshold(GAMMA_FIG2C, third, (1.0, 5.0), 20)?;
    let only_if = table.iter().filter(|t| t.0 <= 1.0).all(|t| t.1 < third);
    let just_above: Vec<_> = table.iter().filter(|t| t.0 > 1.0 && t.1 <= third).collect();
    let fmt = table
        .iter()
        .map(|(r, c, _)| format!("{c:.4} at p/gamma = {r}"))
        .collect::<Vec<_>>()
        .join(", ");
    Ok(Outcome {
        summary: format!(
            "effective model: proved (sup C = 1/(2 + gamma/p) > 1/3 iff p > gamma); full model \
             (Fig. 2c, gamma = 1e-3 g) exceeds 1/3 only for p/gamma > {threshold:.3}"
        ),
        data: json!({
            "full_model_max_over_kappa": table,
            "full_model_threshold_pump_over_gamma": threshold,
        }),
        checks: vec![
            Check::new(
                "full model: no kappa gives C > 1/3 when p <= gamma",
                only_if,
                fmt.clone(),
            ),
            Check::new(
                "full model: C > 1/3 for some kappa as soon as p > gamma",
                just_above.is_empty(),
                format!(
                    "max over kappa/g in [1e-2, 1e3]: {fmt}; the full model's threshold is \
                     p/gamma = {threshold:.3} (bisection), so 1 < p/gamma < {threshold:.3} stays \
                     below 1/3 - the 'as soon as' holds in the effective model only, where the \
                     supremum is approached as kappa -> 0 and the elimination fails"
                ),
            ),
        ],
    })
}

fn subradiant_dark_state(_: &Context) -> Result<Outcome, ClaimError> {
    let engine = CavityEngine::new();
    let search = KappaSearch::fig2(&engine);
    let (mut entangled, mut dark_dominant, mut min_ratio) = (0usize, 0usize, f64::INFINITY);
    let mut beta_order = true;
    for &pump in Figure::Fig2c.pumps() {
        for &kappa in search.kappas() {
            let params = CavityParams::new(1.0, kappa, pump, GAMMA_FIG2C)?;
            let (state, _) = engine.solve(&params, Cutoff::AUTO)?;
            let rates = crate::cavity::EffectiveRates::from_params(&params);
            beta_order &= rates.beta_s() > rates.beta_a();
            if state.concurrence > 0.0 {
                let [_, s, a, _] = crate::diamond::populations(&state.qubits).map(|z| z.re);
                entangled += 1;
                dark_dominant += usize::from(a > s);
                min_ratio = min_ratio.min(a / s);
            }
        }
    }
    Ok(Outcome {
        summary: format!(
            "at all {entangled} entangled points of the Fig. 2(c) grid P(A) > P(S) (smallest \
             ratio P(A)/P(S) = {min_ratio:.3}): the entanglement is the dark singlet's; \
             beta_S > beta_A at every point"
        ),
        data: json!({"entangled_points": entangled, "dark_dominant": dark_dominant, "min_ratio": min_ratio}),
        checks: vec![
            Check::new(
                "wherever C > 0 the dark state |A> outweighs |S>",
                entangled > 0 && dark_dominant == entangled,
                format!("{dark_dominant} of {entangled} entangled points"),
            ),
            Check::new(
                "Eq. 9 gives beta_S > beta_A at every point",
                beta_order,
                "Gamma_S- = Gamma + gamma/2 > Gamma_A- = gamma/2".to_string(),
            ),
        ],
    })
}

fn rotating_frame(_: &Context) -> Result<Outcome, ClaimError> {
    use crate::liouvillian::Sector;
    use crate::steady_state::numeric_steady_state;
    // Cutoff 5: the unreduced laboratory-frame problem has (4·5)² = 400 unknowns.
    const CUTOFF: usize = 5;
    let mut worst = 0.0f64;
    let points = [(3.7, 0.013, 0.002), (2.0, 2e-4, 0.0)];
    for (kappa, pump, gamma) in points {
        let rotating = CavityParams::new(1.0, kappa, pump, gamma)?;
        let lab = rotating.with_frame(Frame::Lab { omega0: 1000.0 })?;
        let reduced = crate::cavity::solve_point(&rotating, Cutoff::Fixed(CUTOFF))?
            .full
            .concurrence;
        // The laboratory frame solved on the whole operator space, no symmetry used: there
        // ω0 = 1000 g rotates every coherence between excitation numbers.
        let generator = crate::cavity::model::generator(&lab, CUTOFF)?;
        let full = numeric_steady_state(&generator, &Sector::full(4 * CUTOFF), 1e-10)?;
        let unreduced = crate::concurrence::wootters(&crate::cavity::model::qubit_state(&full.rho))
            .ok_or(ClaimError::NoValue("the reduced qubit state is not 4x4"))?;
        worst = worst.max((reduced - unreduced).abs());
    }
    Ok(Outcome {
        summary: format!(
            "laboratory frame (omega0 = 1000 g, unreduced {}-unknown solve) and the rotating-frame \
             sector solve agree at {} points: largest |dC| = {worst:.1e}",
            (4 * CUTOFF).pow(2),
            points.len()
        ),
        data: json!({"points": points.len(), "cutoff": CUTOFF, "max_difference": worst}),
        checks: vec![Check::new(
            "lab and rotating frames give the same concurrence (1e-9: the lab-frame Liouvillian \
             has entries 1000x the others, costing ~3 of f64's 16 digits in the LU solve)",
            worst < 1e-9,
            format!("{worst:.1e}"),
        )],
    })
}
