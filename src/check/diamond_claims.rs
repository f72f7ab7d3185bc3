//! Claims about the diamond model (Eq. 1–6, Fig. 1) checked with exact rationals and MPFR
//! enclosures.

use rug::rand::RandState;
use rug::{Integer, Rational};
use serde_json::json;

use super::{Check, Claim, ClaimError, Context, Outcome, spearman};
use crate::concurrence::ExactConcurrence;
use crate::decimal::{ExtendedRational, raise_precision};
use crate::diamond::certify::solve_headroom_bits;
use crate::diamond::{DiamondEnclosure, DiamondSystem, ExactDiamond, PRECISION_CAP_BITS};
use crate::interval::Interval;
use crate::operators::LadderConvention;
use crate::paper;

/// Working precision of the grid enclosures (bits): far more than the 1e-12 margins decided.
const GRID_BITS: u32 = 128;
/// Precision at which the closed form and the exact concurrence are compared (bits).
const COMPARE_BITS: u32 = 256;
/// Random rational points per spot check.
const SPOT_POINTS: usize = 24;

/// The claims of this module, in report order.
pub fn claims() -> Vec<Claim> {
    vec![
        Claim {
            id: "eq4-5",
            paper: &[paper::EQ4_5],
            method: "exact steady state over the Gaussian rationals (16x16 kernel, nullity 1) at \
                     fresh random rational rate ratios; its Wootters concurrence and Eq. 4-5 as \
                     MPFR enclosures at 256 bits must overlap",

            theorems: &["eq4-5-wootters"],
            run: eq4_5,
        },
        Claim {
            id: "operator-convention",
            paper: &[paper::ANTICOMMUTATION],
            method: "exact steady states with commuting qubit operators and with Jordan-Wigner \
                     fermions at random rational points, each compared with Eq. 4-5",

            theorems: &["jordan-wigner-reading"],
            run: operator_convention,
        },
        Claim {
            id: "unique-steady-state",
            paper: &[paper::STEADY_STATE],
            method: "exact nullity of the 16x16 Liouvillian (Gaussian rationals) at random \
                     rational points, including zero decay rates",

            theorems: &["steady-state"],
            run: unique_steady_state,
        },
        Claim {
            id: "thermal-limit",
            paper: &[paper::THERMAL_BOUND, paper::THERMAL_SUPREMUM],
            method: "MPFR enclosures (128 bits) on the thermal grid beta in [0, 20]^2 (step 0.5) \
                     and along beta_A = 0, beta_S -> inf",

            theorems: &["thermal-bound", "thermal-supremum"],
            run: thermal_limit,
        },
        Claim {
            id: "negative-temperature-limit",
            paper: &[
                paper::NEGATIVE_TEMPERATURE_BOUND,
                paper::NEGATIVE_TEMPERATURE_LIMIT,
            ],
            method: "MPFR enclosures (128 bits) on beta in [-20, 20]^2 (step 1) and along \
                     beta_A = -beta_S -> -inf and its mirror",

            theorems: &["negative-temperature-bound", "negative-temperature-limit"],
            run: negative_temperature_limit,
        },
        Claim {
            id: "balanced-separable",
            paper: &[paper::BALANCED_SEPARABLE],
            method: "MPFR enclosures (128 bits) on beta_A = beta_S in [-20, 20] (step 0.25): \
                     the concurrence enclosure must be exactly 0",

            theorems: &["balanced-baths-separable"],
            run: balanced_separable,
        },
        Claim {
            id: "both-negative-separable",
            paper: &[paper::NEGATIVE_QUADRANT_SEPARABLE],
            method: "MPFR enclosures (128 bits) on beta in [-20, 0]^2 (step 0.5): the \
                     concurrence enclosure must be exactly 0",

            theorems: &["negative-quadrant-separable"],
            run: both_negative_separable,
        },
        Claim {
            id: "second-law",
            paper: &[paper::HEAT_CURRENTS, paper::SECOND_LAW],
            method: "exact heat currents at random rational points (Q_A + Q_S = 0 exactly); \
                     MPFR enclosures (128 bits) of S_irr on beta in [-10, 10]^2 (step 0.5)",

            theorems: &["heat-currents", "entropy-production"],
            run: second_law,
        },
        Claim {
            id: "entropy-tracks-entanglement",
            paper: &[paper::ENTROPY_TRACKS_ENTANGLEMENT],
            method: "Fig. 1 grid beta in [-10, 10]^2 (41x41, MPFR enclosures): location of the \
                     maxima of C and S_irr, Spearman rank correlation over the grid and over the \
                     entangled region",

            theorems: &[],
            run: entropy_tracks_entanglement,
        },
    ]
}

/// Random rational rate ratios from the run's seed: `p/q · 10^k` with `1 ≤ p, q ≤ 1000` and
/// `|k| ≤ 4`. One point in three is drawn from each entangled wedge (`α < 1/10 < 10 < σ` and
/// its mirror), so the spot checks see `C > 0` as often as `C = 0`.
fn random_points(seed: u64, n: usize) -> Vec<(Rational, Rational)> {
    let mut state = RandState::new();
    state.seed(&Integer::from(seed));
    let mut below =
        |n: u32| Integer::from(Integer::random_below_ref(&Integer::from(n), &mut state));
    let mut draw = |min_exp: i32, max_exp: i32| {
        let p = below(1000) + 1;
        let q = below(1000) + 1;
        let k = below((max_exp - min_exp + 1) as u32)
            .to_i32()
            .expect("small")
            + min_exp;
        let scale = Rational::from(Integer::u_pow_u(10, k.unsigned_abs()));
        let r = Rational::from((p, q));
        if k >= 0 { r * scale } else { r / scale }
    };
    (0..n)
        .map(|i| match i % 3 {
            0 => (draw(-4, -4), draw(4, 4)),
            1 => (draw(4, 4), draw(-4, -4)),
            _ => (draw(-4, 4), draw(-4, 4)),
        })
        .collect()
}

fn enclosures_overlap(a: &Interval, b: &Interval) -> bool {
    a.lo() <= b.hi() && b.lo() <= a.hi()
}

/// Whether the exact concurrence at `(α, σ)` agrees with Eq. (4)–(5) under `closed_form`.
fn matches_closed_form(
    context: &Context,
    alpha: &Rational,
    sigma: &Rational,
    exact: &ExactConcurrence,
) -> Result<(bool, f64), ClaimError> {
    let closed = (context.closed_form)(
        &Interval::from_rational(alpha, COMPARE_BITS),
        &Interval::from_rational(sigma, COMPARE_BITS),
    )
    .ok_or(ClaimError::NoValue(
        "Eq. 4-5 could not be evaluated at 256 bits",
    ))?;
    let exact = exact.enclosure(COMPARE_BITS);
    let difference = closed.sub(&exact).abs().hi().to_f64();
    Ok((enclosures_overlap(&closed, &exact), difference))
}

fn solve(
    alpha: &Rational,
    sigma: &Rational,
    convention: LadderConvention,
) -> Result<ExactDiamond, ClaimError> {
    Ok(ExactDiamond::solve(alpha, sigma, convention)?)
}

fn eq4_5(context: &Context) -> Result<Outcome, ClaimError> {
    let points = random_points(context.seed, SPOT_POINTS);
    let mut checks = Vec::new();
    let mut worst: f64 = 0.0;
    let mut entangled = 0;
    for (alpha, sigma) in &points {
        let d = solve(alpha, sigma, LadderConvention::CommutingQubits)?;
        let (ok, diff) = matches_closed_form(context, alpha, sigma, &d.concurrence)?;
        worst = worst.max(diff);
        entangled += usize::from(d.concurrence != ExactConcurrence::Zero);
        checks.push(Check::new(
            format!("Eq. 4-5 = C(rho_SS) at alpha = {alpha}, sigma = {sigma}"),
            ok,
            format!("|difference| <= {diff:.1e}; exact C = {}", d.concurrence),
        ));
    }
    Ok(Outcome {
        summary: format!(
            "Eq. 4-5 equals the Wootters concurrence of the exact rho_SS at {} random rational \
             points ({entangled} entangled); largest |difference| {worst:.1e} at 256 bits",
            points.len()
        ),
        data: json!({"points": points.len(), "entangled_points": entangled, "max_difference": worst}),
        checks,
    })
}

fn operator_convention(context: &Context) -> Result<Outcome, ClaimError> {
    let points = random_points(context.seed ^ 0x5eed, SPOT_POINTS);
    let mut agree = [0usize; 2];
    let mut jw_heat_zero = true;
    for (alpha, sigma) in &points {
        for (k, convention) in [
            LadderConvention::CommutingQubits,
            LadderConvention::JordanWigner,
        ]
        .into_iter()
        .enumerate()
        {
            let d = solve(alpha, sigma, convention)?;
            agree[k] += usize::from(matches_closed_form(context, alpha, sigma, &d.concurrence)?.0);
            if k == 1 {
                jw_heat_zero &= d.heat_current_a == 0;
            }
        }
    }
    // The Jordan-Wigner reading at a thermal point: beta_A = 0, beta_S = ln 10^6.
    let (one, million) = (Rational::from(1), Rational::from(1_000_000));
    let jw = solve(&one, &million, LadderConvention::JordanWigner)?;
    let jw_c = jw.concurrence.enclosure(GRID_BITS).lo().to_f64();
    let n = points.len();
    let checks = vec![
        Check::new(
            "commuting qubit operators reproduce Eq. 4-5 at every point",
            agree[0] == n,
            format!("{}/{n} points agree", agree[0]),
        ),
        Check::new(
            "the literal anticommuting (Jordan-Wigner) reading does not reproduce Eq. 4-5",
            agree[1] < n,
            format!("{}/{n} points agree", agree[1]),
        ),
    ];
    Ok(Outcome {
        summary: format!(
            "finding: Eq. 4-5 needs commuting qubit operators ({}/{n} points agree); read as \
             fermions (Jordan-Wigner, {}/{n} agree) the model predicts C = {jw_c:.4} > 1/3 at the \
             thermal point beta_A = 0, beta_S = ln 1e6{}",
            agree[0],
            agree[1],
            if jw_heat_zero {
                " and zero heat currents at every sampled point"
            } else {
                ""
            }
        ),
        data: json!({
            "points": n,
            "commuting_agree": agree[0],
            "jordan_wigner_agree": agree[1],
            "jordan_wigner_thermal_concurrence": jw_c,
            "jordan_wigner_heat_currents_zero": jw_heat_zero,
        }),
        checks,
    })
}

fn unique_steady_state(context: &Context) -> Result<Outcome, ClaimError> {
    let mut points = random_points(context.seed ^ 7, SPOT_POINTS / 2);
    points.push((Rational::new(), Rational::new()));
    points.push((Rational::new(), Rational::from(3)));
    let mut checks = Vec::new();
    for (alpha, sigma) in &points {
        let unique = solve(alpha, sigma, LadderConvention::CommutingQubits).is_ok();
        checks.push(Check::new(
            format!("nullity 1 at alpha = {alpha}, sigma = {sigma}"),
            unique,
            if unique {
                "exact kernel is one-dimensional".into()
            } else {
                "not unique".to_string()
            },
        ));
    }
    // The cavity model (Eq. 7–8): unique with pumping or decay, not unique without either
    // (the dark state |A, 0⟩ and the ground state are both stationary).
    let cavity = |pump, gamma| {
        crate::cavity::CavityParams::new(1.0, 2.0, pump, gamma).and_then(|p| {
            crate::cavity::CavityEngine::new().solve(&p, crate::cavity::Cutoff::Fixed(6))
        })
    };
    let generic = cavity(5e-3, 1e-3);
    let degenerate = cavity(0.0, 0.0);
    checks.push(Check::new(
        "cavity model (cutoff 6): unique at p = 5e-3 g, gamma = 1e-3 g, kappa = 2 g",
        generic.is_ok(),
        generic.as_ref().map_or_else(
            |e| e.to_string(),
            |(s, _)| format!("residual {:.1e}", s.residual),
        ),
    ));
    checks.push(Check::new(
        "cavity model: p = gamma = 0 is reported as not unique, not solved",
        matches!(
            degenerate,
            Err(crate::cavity::CavityError::NotUnique { .. })
        ),
        degenerate.map_or_else(|e| e.to_string(), |_| "a state was returned".into()),
    ));
    Ok(Outcome {
        summary: format!(
            "exact kernel of the 16x16 Liouvillian is one-dimensional at {} points (random \
             rationals, and zero decay rates); cavity model unique with pumping, p = gamma = 0 \
             reported as not unique",
            points.len()
        ),
        data: json!({"points": points.len()}),
        checks,
    })
}

/// Enclosures at the exact point `(β_A, β_S)`, from [`GRID_BITS`] plus the solve's headroom
/// for `|β_A| + |β_S|` ([`solve_headroom_bits`], the rule the certified path uses), doubling
/// the precision while a pivot or sign is undecided.
fn at(
    system: &DiamondSystem,
    beta_a: &Rational,
    beta_s: &Rational,
) -> Result<DiamondEnclosure, ClaimError> {
    let (a, s) = (
        ExtendedRational::Finite(beta_a.clone()),
        ExtendedRational::Finite(beta_s.clone()),
    );
    let start = GRID_BITS + solve_headroom_bits(&a, &s).ceil() as u32;
    raise_precision(start, PRECISION_CAP_BITS, |bits| {
        Ok::<_, ClaimError>(system.enclose(&a, &s, bits))
    })?
    .map(|(enclosure, _)| enclosure)
    .ok_or_else(|| ClaimError::Undecided {
        beta_a: beta_a.to_string(),
        beta_s: beta_s.to_string(),
    })
}

/// `from, from + step, …, to` as exact rationals (`step = 1/denominator`·`numerator`).
fn range(from: i64, to: i64, step: (i64, u64)) -> Vec<Rational> {
    let step = Rational::from(step);
    let mut values = Vec::new();
    let mut x = Rational::from(from);
    while x <= to {
        values.push(x.clone());
        x += &step;
    }
    values
}

fn system() -> Result<DiamondSystem, ClaimError> {
    Ok(DiamondSystem::new(LadderConvention::CommutingQubits)?)
}

/// Whether the certified concurrence stays below `bound` on `grid × grid`, and the largest
/// upper end of its enclosures there.
fn grid_concurrence_below(
    system: &DiamondSystem,
    grid: &[Rational],
    bound: &Rational,
) -> Result<(bool, f64), ClaimError> {
    let (mut below, mut max_c) = (true, 0.0f64);
    for a in grid {
        for s in grid {
            let e = at(system, a, s)?;
            below &= e.concurrence.hi() < bound;
            max_c = max_c.max(e.concurrence.hi().to_f64());
        }
    }
    Ok((below, max_c))
}

fn thermal_limit(_: &Context) -> Result<Outcome, ClaimError> {
    let system = system()?;
    let third = Rational::from((1, 3));
    let grid = range(0, 20, (1, 2));
    let (below, max_c) = grid_concurrence_below(&system, &grid, &third)?;
    let mut gaps = Vec::new();
    let mut populations = Vec::new();
    for beta in [10, 20, 40, 80] {
        let e = at(&system, &Rational::new(), &Rational::from(beta))?;
        gaps.push((
            beta,
            Interval::from_rational(&third, GRID_BITS)
                .sub(&e.concurrence)
                .lo()
                .to_f64(),
        ));
        populations.push((
            e.populations[0].lo().to_f64(),
            e.populations[2].lo().to_f64(),
        ));
    }
    let shrinking = gaps.windows(2).all(|w| w[1].1 < w[0].1) && gaps.iter().all(|g| g.1 > 0.0);
    let (g, a) = populations[populations.len() - 1];
    let checks = vec![
        Check::new(
            "C < 1/3 on the thermal grid beta_A, beta_S in [0, 20]",
            below,
            format!("max C = {max_c:.6} over {} points", grid.len() * grid.len()),
        ),
        Check::new(
            "1/3 is approached as beta_hot = 0, beta_cold -> inf",
            shrinking && gaps[gaps.len() - 1].1 < 1e-8,
            format!(
                "1/3 - C = {}",
                gaps.iter()
                    .map(|(b, g)| format!("{g:.2e} (beta_S = {b})"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ),
        Check::new(
            "in the limit 1/3 of the weight is in the Bell state of the hot bath, 2/3 in |G>",
            (g - 2.0 / 3.0).abs() < 1e-8 && (a - 1.0 / 3.0).abs() < 1e-8,
            format!("P(G) = {g:.10}, P(A) = {a:.10} at beta_A = 0, beta_S = 80"),
        ),
    ];
    Ok(Outcome {
        summary: format!(
            "C < 1/3 on all of [0, 20]^2 (max {max_c:.6}); 1/3 - C = {:.1e} at beta = (0, 80), \
             populations G, A -> 2/3, 1/3",
            gaps[gaps.len() - 1].1
        ),
        data: json!({"grid_max": max_c, "gaps": gaps, "limit_populations": {"G": g, "A": a}}),
        checks,
    })
}

fn negative_temperature_limit(_: &Context) -> Result<Outcome, ClaimError> {
    let system = system()?;
    let half = Rational::from((1, 2));
    let grid = range(-20, 20, (1, 1));
    let (below, max_c) = grid_concurrence_below(&system, &grid, &half)?;
    let mut gaps = Vec::new();
    let mut limit = Vec::new();
    for beta in [10i64, 20, 40] {
        let e = at(&system, &Rational::from(-beta), &Rational::from(beta))?;
        let m = at(&system, &Rational::from(beta), &Rational::from(-beta))?;
        gaps.push((
            beta,
            0.5 - e.concurrence.lo().to_f64(),
            0.5 - m.concurrence.lo().to_f64(),
        ));
        limit.push([
            e.populations[0].lo().to_f64(),
            e.populations[2].lo().to_f64(),
            m.populations[1].lo().to_f64(),
        ]);
    }
    let last = limit[limit.len() - 1];
    let approached = gaps.windows(2).all(|w| w[1].1 < w[0].1 && w[1].2 < w[0].2)
        && gaps[gaps.len() - 1].1 < 1e-8
        && gaps[gaps.len() - 1].2 < 1e-8;
    let checks = vec![
        Check::new(
            "C < 1/2 on beta in [-20, 20]^2",
            below,
            format!("max C = {max_c:.9} over {} points", grid.len() * grid.len()),
        ),
        Check::new(
            "C -> 1/2 as beta_A -> -inf, beta_S -> +inf and in the mirror",
            approached,
            format!(
                "1/2 - C = {}",
                gaps.iter()
                    .map(|(b, g, m)| format!("{g:.1e} / {m:.1e} (|beta| = {b})"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ),
        Check::new(
            "populations -> 1/2 in |G> and 1/2 in the Bell state of the negative-temperature bath",
            last.iter().all(|p| (p - 0.5).abs() < 1e-8),
            format!(
                "P(G) = {:.10}, P(A) = {:.10}; mirror P(S) = {:.10} at |beta| = 40",
                last[0], last[1], last[2]
            ),
        ),
    ];
    Ok(Outcome {
        summary: format!(
            "C < 1/2 on [-20, 20]^2 (max {max_c:.9}); C -> 1/2 with P(G), P(Bell) -> 1/2 as \
             beta_A = -beta_S -> -inf (gap {:.1e} at |beta| = 40) and in the mirror",
            gaps[gaps.len() - 1].1
        ),
        data: json!({"grid_max": max_c, "gaps": gaps, "limit_populations": last}),
        checks,
    })
}

fn separable_on(points: &[(Rational, Rational)], what: &str) -> Result<Outcome, ClaimError> {
    let system = system()?;
    let mut nonzero = Vec::new();
    for (a, s) in points {
        if !at(&system, a, s)?.concurrence.is_exact_zero() {
            nonzero.push(format!("({a}, {s})"));
        }
    }
    Ok(Outcome {
        summary: format!(
            "C = 0 exactly (certified) at all {} points of {what}",
            points.len()
        ),
        data: json!({"points": points.len(), "nonzero": nonzero}),
        checks: vec![Check::new(
            format!("C = 0 on {what}"),
            nonzero.is_empty(),
            format!(
                "{} of {} points entangled {}",
                nonzero.len(),
                points.len(),
                nonzero.join(" ")
            ),
        )],
    })
}

fn balanced_separable(_: &Context) -> Result<Outcome, ClaimError> {
    let points: Vec<_> = range(-20, 20, (1, 4))
        .into_iter()
        .map(|b| (b.clone(), b))
        .collect();
    separable_on(&points, "beta_A = beta_S in [-20, 20]")
}

fn both_negative_separable(_: &Context) -> Result<Outcome, ClaimError> {
    let grid = range(-20, 0, (1, 2));
    let points: Vec<_> = grid
        .iter()
        .flat_map(|a| grid.iter().map(move |s| (a.clone(), s.clone())))
        .collect();
    separable_on(&points, "beta_A, beta_S in [-20, 0]")
}

fn second_law(context: &Context) -> Result<Outcome, ClaimError> {
    let mut balance = true;
    for (alpha, sigma) in random_points(context.seed ^ 0xbeef, SPOT_POINTS) {
        let d = solve(&alpha, &sigma, LadderConvention::CommutingQubits)?;
        balance &= Rational::from(&d.heat_current_a + &d.heat_current_s) == 0;
    }
    let system = system()?;
    let grid = range(-10, 10, (1, 2));
    let (mut negative, mut min_off_diagonal) = (Vec::new(), f64::INFINITY);
    for a in &grid {
        for s in &grid {
            let e = at(&system, a, s)?;
            let sdot = e
                .entropy_production
                .finite()
                .cloned()
                .ok_or(ClaimError::NoValue(
                    "entropy production diverges on a finite grid",
                ))?;
            if a == s {
                if !sdot.is_exact_zero() {
                    negative.push(format!("({a}, {s}) not exactly 0"));
                }
            } else if !sdot.is_positive() {
                negative.push(format!("({a}, {s})"));
            } else {
                min_off_diagonal = min_off_diagonal.min(sdot.lo().to_f64());
            }
        }
    }
    let n = grid.len() * grid.len();
    Ok(Outcome {
        summary: format!(
            "Q_A + Q_S = 0 exactly at {SPOT_POINTS} random rational points; S_irr > 0 certified \
             at all {} off-diagonal points of [-10, 10]^2 (min {min_off_diagonal:.3e}), = 0 on \
             beta_A = beta_S",
            n - grid.len()
        ),
        data: json!({"grid_points": n, "min_off_diagonal": min_off_diagonal}),
        checks: vec![
            Check::new(
                "Q_A + Q_S = 0 exactly",
                balance,
                format!("{SPOT_POINTS} exact steady states"),
            ),
            Check::new(
                "S_irr >= 0, with equality on beta_A = beta_S",
                negative.is_empty(),
                format!(
                    "violations: {}",
                    if negative.is_empty() {
                        "none".into()
                    } else {
                        negative.join(" ")
                    }
                ),
            ),
        ],
    })
}

fn entropy_tracks_entanglement(_: &Context) -> Result<Outcome, ClaimError> {
    let system = system()?;
    let grid = range(-10, 10, (1, 2));
    let (mut c, mut s, mut at_points) = (Vec::new(), Vec::new(), Vec::new());
    for a in &grid {
        for b in &grid {
            let e = at(&system, a, b)?;
            c.push(e.concurrence.lo().to_f64());
            s.push(
                e.entropy_production
                    .finite()
                    .ok_or(ClaimError::NoValue(
                        "entropy production diverges on a finite grid",
                    ))?
                    .lo()
                    .to_f64(),
            );
            at_points.push((a.to_f64(), b.to_f64()));
        }
    }
    let argmax = |v: &[f64]| {
        (0..v.len())
            .max_by(|&i, &j| v[i].total_cmp(&v[j]))
            .expect("grid")
    };
    let (ic, is) = (argmax(&c), argmax(&s));
    let corner = |(a, b): (f64, f64)| a.abs() == 10.0 && b.abs() == 10.0 && a * b < 0.0;
    let rho_all = spearman(&c, &s).ok_or(ClaimError::NoValue("constant sample"))?;
    let entangled: Vec<usize> = (0..c.len()).filter(|&k| c[k] > 0.0).collect();
    let pick = |v: &[f64]| entangled.iter().map(|&k| v[k]).collect::<Vec<_>>();
    let rho_entangled =
        spearman(&pick(&c), &pick(&s)).ok_or(ClaimError::NoValue("constant sample"))?;
    let zero_c_positive_s = (0..c.len()).filter(|&k| c[k] == 0.0 && s[k] > 0.0).count();
    Ok(Outcome {
        summary: format!(
            "max C ({:.4}) at beta = {:?} and max S_irr ({:.3}) at {:?}: the same \
             negative-temperature corners; Spearman rho(C, S_irr) = {rho_all:.3} over the \
             grid, {rho_entangled:.3} where C > 0; {zero_c_positive_s} of {} points have C = 0 \
             but S_irr > 0 (correlation, not a function of S_irr alone)",
            c[ic],
            at_points[ic],
            s[is],
            at_points[is],
            c.len()
        ),
        data: json!({
            "grid": "beta in [-10, 10]^2, step 0.5",
            "max_concurrence": {"value": c[ic], "at": at_points[ic]},
            "max_entropy_production": {"value": s[is], "at": at_points[is]},
            "spearman_all": rho_all,
            "spearman_entangled": rho_entangled,
            "points_c_zero_s_positive": zero_c_positive_s,
        }),
        checks: vec![
            Check::new(
                "the largest C and the largest S_irr lie in the negative-temperature corners",
                corner(at_points[ic]) && corner(at_points[is]),
                format!(
                    "argmax C = {:?}, argmax S_irr = {:?}",
                    at_points[ic], at_points[is]
                ),
            ),
            Check::new(
                "C and S_irr are positively rank-correlated over the grid",
                rho_all > 0.0,
                format!("Spearman rho = {rho_all:.3}"),
            ),
        ],
    })
}
