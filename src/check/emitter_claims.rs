//! Claims about the paper's mechanism beyond two emitters (Eq. 7–9 with N emitters, Ref. [35]),
//! checked with the permutation-symmetric N-emitter engine.

use serde_json::json;

use super::{Check, Claim, ClaimError, Context, Outcome};
use crate::cavity::optimize::KappaSearch;
use crate::cavity::sweep::log_grid;
use crate::cavity::{CavityEngine, CavityParams, Cutoff, Figure, solve_point};
use crate::emitters::analysis::{
    FIG2C_POINT, Objective, elimination_deviation, optima, photon_statistics, toth_scan,
};
use crate::emitters::{EmitterEngine, EmitterError, EmitterParams};

/// The emitters' decay of Fig. 2(c), `γ = 10⁻³ g`, at which the claims run.
const GAMMA: f64 = Figure::Fig2c.gamma();

/// The claims of this module, in report order.
pub fn claims() -> Vec<Claim> {
    vec![
        Claim {
            id: "emitters-two-equals-cavity",
            paper: &["N = 2 of the N-emitter model is the paper's cavity model (Eq. 7-9)"],
            method: "symmetric N-emitter engine at N = 2, gamma_phi = 0 against the two-emitter \
                     engine on the Fig. 2(c) pumps at 9 kappa values (fixed cutoff 8); full and \
                     effective concurrence, tolerance 1e-9",
            theorems: &[],
            run: two_equals_cavity,
        },
        Claim {
            id: "emitters-adiabatic-elimination",
            paper: &[
                "the cavity acts as an additional collective dissipation channel Gamma = \
                    4g^2/kappa for kappa/g > 1 (Eq. 9), for N = 3 and 4 emitters",
            ],
            method: "full model (automatic cutoff) against the effective model at p = 5e-3 g, \
                     gamma = 1e-3 g, 31 kappa values over [1e-2, 1e3]: largest deviation of C, \
                     <s+s-> and the variance sum / N per decade, and its decay exponent",
            theorems: &[],
            run: adiabatic_elimination,
        },
        Claim {
            id: "emitters-largest-concurrence",
            paper: &[
                "finding: the largest pair concurrence of the full model for N = 2 ... 10 \
                    (Ref. [35]: few emitters in a cavity)",
            ],
            method: "maximum over log p in a 3-decade box and log kappa/g in [-2, 3] (5 x 7 grid \
                     and compass search to 1/64 of a cell at cutoff 5, the maximiser re-solved \
                     with the automatic cutoff) at gamma = 1e-3 g (p/gamma in [0.1, 100]) and \
                     gamma = 0 (p in [1e-5, 1e-2] g)",
            theorems: &[],
            run: largest_concurrence,
        },
        Claim {
            id: "emitters-toth-beyond-pairs",
            paper: &[
                "finding: where every pair is separable, Toth's criterion (PRL 99, 250405 \
                    (2007): separable states have (dJx)^2 + (dJy)^2 + (dJz)^2 >= N/2) can still \
                    detect entanglement",
            ],
            method: "full model (automatic cutoff) on 5 pumps p in [1e-4, 1e-2] g (weak pumping, \
                     p << g) x 9 kappa values in [1e-2, 1e3] g at gamma = 1e-3 g for N = 3, 4, \
                     6, 8; verdicts with a margin of 2e-9 N/2",
            theorems: &[],
            run: toth_beyond_pairs,
        },
        Claim {
            id: "emitters-koashi-buzek-imoto",
            paper: &[
                "Koashi, Buzek, Imoto, PRA 62, 050302 (2000): the pairwise concurrence of a \
                    permutation-symmetric N-qubit state is at most 2/N",
            ],
            method: "every steady state of the emitters claims' scans and maxima (N = 2 ... 10): \
                     largest C N/2",
            theorems: &[],
            run: koashi_buzek_imoto,
        },
        Claim {
            id: "emitters-photon-parity",
            paper: &[
                "Ref. [35] (Auffeves et al., NJP 13, 093020 (2011)): the photon statistics of \
                    few pumped emitters in a cavity depend on the parity of N",
            ],
            method: "g2(0) of the full model (automatic cutoff) at the Fig. 2(c) point kappa = \
                     2.34 g, p = 5e-3 g, gamma = 1e-3 g for N = 1 ... 10: does the sign of \
                     g2(N+1) - g2(N) alternate?",
            theorems: &[],
            run: photon_parity,
        },
    ]
}

fn two_equals_cavity(_: &Context) -> Result<Outcome, ClaimError> {
    let engine = EmitterEngine::sequential();
    let mut worst = 0.0_f64;
    let mut points = 0;
    for &pump in Figure::Fig2c.pumps() {
        for kappa in log_grid(-2.0, 3.0, 9) {
            let cavity = solve_point(
                &CavityParams::new(1.0, kappa, pump, GAMMA)?,
                Cutoff::Fixed(8),
            )?;
            let params = EmitterParams::new(2, 1.0, kappa, pump, GAMMA, 0.0)?;
            let point = engine.solve_point(&params, Cutoff::Fixed(8))?;
            let c = |s: &crate::emitters::solve::NumericState| {
                s.observables.pair_concurrence().unwrap_or(f64::NAN)
            };
            worst = worst
                .max((c(&point.full) - cavity.full.concurrence).abs())
                .max((c(&point.effective) - cavity.effective.concurrence).abs())
                .max(
                    (point.full.observables.mean_photon_number - cavity.full.mean_photon_number)
                        .abs(),
                );
            points += 1;
        }
    }
    Ok(Outcome {
        summary: format!(
            "N = 2 of the symmetric engine equals the two-emitter engine at {points} points: \
             largest |dC|, |d<n>| = {worst:.1e}"
        ),
        data: json!({"points": points, "largest_difference": worst}),
        checks: vec![Check::new(
            "full and effective concurrence and <n> agree to 1e-9",
            worst <= 1e-9,
            format!("{worst:.2e}"),
        )],
    })
}

fn adiabatic_elimination(_: &Context) -> Result<Outcome, ClaimError> {
    let engine = EmitterEngine::sequential();
    let kappas = log_grid(-2.0, 3.0, 31);
    let mut checks = Vec::new();
    let mut data = Vec::new();
    let mut summary = Vec::new();
    for n in [3, 4] {
        let rows = elimination_deviation(&engine, n, FIG2C_POINT.1, FIG2C_POINT.2, &kappas)?;
        let mut decades = [0.0f64; 5];
        for r in &rows {
            let k = (r.kappa.log10().floor() as i64 + 2).clamp(0, 4) as usize;
            decades[k] = decades[k].max(r.largest());
        }
        let rate = (decades[3] / decades[4]).log10();
        let shrinking = decades[2..].windows(2).all(|w| w[1] < w[0]);
        let below = decades[0].max(decades[1]);
        checks.push(Check::new(
            format!("N = {n}: for kappa/g > 1 the deviation shrinks decade by decade"),
            shrinking,
            format!("{:.1e}, {:.1e}, {:.1e}", decades[2], decades[3], decades[4]),
        ));
        checks.push(Check::new(
            format!("N = {n}: full follows effective for kappa/g >= 10 (deviation < 0.01)"),
            decades[3] < 0.01,
            format!("{:.1e}", decades[3]),
        ));
        summary.push(format!(
            "N = {n}: {} per decade from 1e-2, ~ (kappa/g)^-{rate:.1} above 10, up to {below:.2} \
             below 1",
            decades
                .iter()
                .map(|d| format!("{d:.1e}"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
        data.push(json!({"n": n, "max_deviation_per_decade": decades, "decay_exponent": rate}));
    }
    Ok(Outcome {
        summary: format!(
            "max |full - effective| (C, <s+s->, dJ^2/N): {}",
            summary.join("; ")
        ),
        data: json!({"decades_from": -2, "by_n": data}),
        checks,
    })
}

/// The maxima of `emitters-largest-concurrence`, computed once per process (the KBI claim
/// reuses them).
fn maxima() -> Result<&'static [crate::emitters::analysis::Maximum], ClaimError> {
    use std::sync::OnceLock;
    static MAXIMA: OnceLock<Result<Vec<crate::emitters::analysis::Maximum>, EmitterError>> =
        OnceLock::new();
    MAXIMA
        .get_or_init(|| {
            let ns: Vec<usize> = (2..=10).collect();
            optima(
                &EmitterEngine::sequential(),
                Objective::MaxPairConcurrence,
                &ns,
            )
        })
        .as_deref()
        .map_err(|e| ClaimError::Emitter(e.clone()))
}

fn largest_concurrence(_: &Context) -> Result<Outcome, ClaimError> {
    let maxima = maxima()?;
    let row = |gamma: f64| {
        maxima
            .iter()
            .filter(|m| m.gamma == gamma)
            .map(|m| {
                if m.pair_concurrence == 0.0 {
                    format!("N={}: 0", m.n)
                } else {
                    format!(
                        "N={}: {:.4}{}",
                        m.n,
                        m.pair_concurrence,
                        if m.at_edge { "*" } else { "" }
                    )
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let two = maxima
        .iter()
        .find(|m| m.n == 2 && m.gamma == GAMMA)
        .ok_or(ClaimError::NoValue("no N = 2 maximum"))?;
    let cavity = CavityEngine::new();
    let search = KappaSearch::fig2(&cavity);
    let two_cavity = search.concurrence(two.kappa, two.pump, two.gamma)?;
    let best_kappa = search.maximum(two.pump, two.gamma)?;
    Ok(Outcome {
        summary: format!(
            "max C over (p, kappa): gamma = 1e-3 g: {}; gamma = 0: {} (* = on the edge of the \
             box: a supremum approached outside it; 0 = every pair separable on the whole search \
             grid)",
            row(GAMMA),
            row(0.0)
        ),
        data: json!({"maxima": maxima}),
        checks: vec![
            Check::new(
                "at the N = 2 maximiser the two-emitter engine (claim realistic-maximum's model) \
                 gives the same C (1e-9: the engines agree to ~1e-11, emitters-two-equals-cavity, \
                 and each automatic cutoff converges C to 1e-10)",
                (two_cavity - two.pair_concurrence).abs() < 1e-9,
                format!(
                    "{:.10} (N-emitter engine) vs {two_cavity:.10} (two-emitter engine) at \
                     p/gamma = {:.2}, kappa = {:.2} g",
                    two.pair_concurrence,
                    two.pump / GAMMA,
                    two.kappa
                ),
            ),
            Check::new(
                "no kappa does better at that pump: the two-emitter engine's golden-section maximum \
                 over kappa exceeds it by < 1e-5 (missing the maximiser by half the compass \
                 search's last step, 0.0065 decades in kappa, costs 2.7e-6 there: measured)",
                best_kappa.concurrence - two.pair_concurrence < 1e-5,
                format!(
                    "max over kappa {:.10} at kappa = {:.3} g, {:.1e} above",
                    best_kappa.concurrence,
                    best_kappa.kappa,
                    best_kappa.concurrence - two.pair_concurrence
                ),
            ),
        ],
    })
}

fn toth_beyond_pairs(_: &Context) -> Result<Outcome, ClaimError> {
    let engine = EmitterEngine::sequential();
    let pumps = log_grid(-4.0, -2.0, 5);
    let kappas = log_grid(-2.0, 3.0, 9);
    let mut scans = Vec::new();
    for n in [3, 4, 6, 8] {
        scans.push(toth_scan(&engine, n, GAMMA, &pumps, &kappas)?);
    }
    let detected: usize = scans.iter().map(|s| s.toth_detected).sum();
    let separable: usize = scans.iter().map(|s| s.separable_pairs).sum();
    let text = scans
        .iter()
        .map(|s| {
            format!(
                "N={}: {}/{} pair-separable points Toth-entangled",
                s.n, s.toth_detected, s.separable_pairs
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    Ok(Outcome {
        summary: format!("{text}; in all {detected} of {separable}"),
        data: json!({"scans": scans}),
        checks: vec![Check::new(
            "the scan ran (a finding, reported whatever it is)",
            true,
            format!("{detected} of {separable}"),
        )],
    })
}

fn koashi_buzek_imoto(_: &Context) -> Result<Outcome, ClaimError> {
    let maxima = maxima()?;
    let worst = maxima
        .iter()
        .map(|m| (m.n, m.pair_concurrence * m.n as f64 / 2.0))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .ok_or(ClaimError::NoValue("no maxima"))?;
    Ok(Outcome {
        summary: format!(
            "C <= 2/N at all {} maxima (N = 2 ... 10, gamma = 1e-3 g and 0): largest C N/2 = \
             {:.4} at N = {}",
            maxima.len(),
            worst.1,
            worst.0
        ),
        data: json!({"largest_ratio": worst.1, "at_n": worst.0}),
        checks: vec![Check::new(
            "C N/2 <= 1 (+1e-12 rounding)",
            worst.1 <= 1.0 + 1e-12,
            format!("{:.6}", worst.1),
        )],
    })
}

fn photon_parity(_: &Context) -> Result<Outcome, ClaimError> {
    let engine = EmitterEngine::sequential();
    let ns: Vec<usize> = (1..=10).collect();
    let stats = photon_statistics(&engine, &ns, FIG2C_POINT)?;
    let differences: Vec<f64> = stats
        .windows(2)
        .map(|w| w[1].g2_zero - w[0].g2_zero)
        .collect();
    let alternates = differences.windows(2).all(|w| w[0] * w[1] < 0.0);
    let text = stats
        .iter()
        .map(|s| format!("{}: {:.4}", s.n, s.g2_zero))
        .collect::<Vec<_>>()
        .join(", ");
    Ok(Outcome {
        summary: format!("g2(0) for N = {text}"),
        data: json!({"photon_statistics": stats}),
        checks: vec![Check::new(
            "g2(N+1) - g2(N) alternates in sign with the parity of N",
            alternates,
            format!(
                "differences {}",
                differences
                    .iter()
                    .map(|d| format!("{d:+.3e}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )],
    })
}
