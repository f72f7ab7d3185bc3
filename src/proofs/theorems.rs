//! The theorems about the diamond model (Eq. 1–6, Eq. 9) and the certificates that prove them.
//!
//! Each theorem also carries an exact counterexample search, run only when a certificate
//! fails, to tell a false statement from an unproved one.

use std::sync::Arc;

use nalgebra::DMatrix;
use num_traits::{One, Zero};
use rug::Rational;

use super::certificate::{
    Approach, BlockCertificate, Certificate, Citation, Domain, KernelCertificate, LimitCertificate,
    NullityCertificate, PositivityCertificate,
};
use super::expr::{Expr, VARIABLES};
use crate::diamond::symbolic::{NAMES, SIGMA, SymbolicDiamond, derive_steady_state};
use crate::diamond::{DiamondRates, EXCITATIONS, generator};
use crate::liouvillian::Sector;
use crate::operators::LadderConvention;
use crate::paper;
use crate::poly::{MAX_VARS, RatFunc};
use crate::ring::{GaussQ, Q, gauss_real};
use crate::steady_state::exact_steady_state;

/// The model a theorem's certificates are about: the ladder convention of Eq. (1)–(2) and
/// the symbolic derivation (generator and ρ_SS) for it.
#[derive(Clone, Debug)]
pub struct Subject {
    /// How the qubit ladder operators relate (below Eq. 2).
    pub convention: LadderConvention,
    /// The derived steady state and generator.
    pub derivation: Arc<SymbolicDiamond>,
}

impl Subject {
    /// The subject for a derivation of Eq. (1)–(3) under `convention`.
    pub fn new(convention: LadderConvention, derivation: SymbolicDiamond) -> Self {
        Subject {
            convention,
            derivation: Arc::new(derivation),
        }
    }
}

/// A statement about the diamond model, the paper text it confirms, the derived expressions it
/// is about, and the certificates that prove it.
#[derive(Clone, Debug)]
pub struct Theorem {
    /// Stable identifier (file name of its page in `proofs/`).
    pub id: &'static str,
    /// One-line title.
    pub title: &'static str,
    /// The exact mathematical statement.
    pub statement: String,
    /// The paper's equation or sentence it confirms (or refutes).
    pub paper: &'static str,
    /// Derived expressions shown to the reader: `(name, expression)`.
    pub derived: Vec<(String, String)>,
    /// The certificates, in the order the argument uses them.
    pub certificates: Vec<Certificate>,
    /// How the certificates combine into the statement.
    pub conclusion: String,
    /// Exact search for a counterexample on rational points (never a proof; run only when a
    /// certificate fails, to tell "false" from "not proved").
    pub refute: Refuter,
    /// The model and steady state the certificates are about (exported with them).
    pub subject: Option<Subject>,
}

/// How to look for a counterexample when a certificate fails.
#[derive(Clone, Debug)]
pub enum Refuter {
    /// No pointwise search applies (limits).
    None,
    /// A search written for the theorem.
    Custom(fn(&SymbolicDiamond) -> Option<String>),
    /// Look for a grid point of `domain` where `C ≥ bound`.
    ConcurrenceAtLeast {
        /// The bound the theorem claims C stays below.
        bound: Rational,
        /// Where.
        domain: Domain,
    },
}

impl Refuter {
    /// Runs the search: `Some(point)` is an exact counterexample (e.g. to a bound on Eq. 4's C).
    pub fn search(&self, sd: &SymbolicDiamond) -> Option<String> {
        match self {
            Refuter::None => None,
            Refuter::Custom(f) => f(sd),
            Refuter::ConcurrenceAtLeast { bound, domain } => search_points(
                sd,
                |a, s| domain.contains(a, s),
                |_, _, z, p| concurrence_at_least(z, p, bound),
            ),
        }
    }
}

fn alpha() -> Expr {
    Expr::alpha()
}
fn sigma() -> Expr {
    Expr::sigma()
}
fn k(num: i64, den: u64) -> Expr {
    Expr::ratio(num, den)
}
fn show(f: &RatFunc) -> String {
    f.display(&NAMES).to_string()
}
fn show_e(f: &Expr) -> String {
    show(f.value())
}
fn ident(label: &str, lhs: Expr, rhs: Expr) -> Certificate {
    Certificate::identity(label, lhs, rhs)
}
fn positive(label: &str, f: Expr, domain: Domain, strict: bool) -> Certificate {
    Certificate::Positive(PositivityCertificate::search(label, f, domain, strict))
}
fn lemma(text: &str, citation: Citation) -> Certificate {
    Certificate::Lemma {
        text: text.to_string(),
        citation,
    }
}
/// Continuity of sums, products, quotients, compositions, `|·|`, `max` and `√` (on `[0, ∞)`).
const CONTINUITY: Citation = Citation::Literature(
    "continuity of sums, products, compositions, |·|, max and √ on [0, ∞): W. Rudin, Principles of Mathematical Analysis, 3rd ed. (1976), ch. 4",
);
fn limit(label: &str, f: &Expr, a: Approach, s: Approach, expected: Expr) -> Certificate {
    Certificate::Limit(LimitCertificate {
        label: label.to_string(),
        function: f.clone(),
        alpha: a,
        sigma: s,
        expected,
    })
}

/// Named pieces of the derived steady state used by several theorems, each under its name
/// in the certificate vocabulary (`proofs/README.md`).
struct Pieces {
    /// `z = ⟨01|ρ|10⟩`.
    z: Expr,
    /// `p_G p_E = ρ00 ρ33`.
    product: Expr,
    /// Populations of G, S, A, E.
    pops: [Expr; 4],
    /// `ρ11 = ⟨01|ρ|01⟩`.
    rho11: Expr,
    /// The common denominator `D` of the populations (stated as a literal polynomial).
    denominator: Expr,
}

/// The entry `ρ_ij` of the derived steady state under its vocabulary name `rho[i,j]`.
fn rho_entry(sd: &SymbolicDiamond, i: usize, j: usize) -> Expr {
    Expr::model(format!("rho[{i},{j}]"), sd.rho[(i, j)].clone())
}

fn pieces(sd: &SymbolicDiamond) -> Pieces {
    let pops = [(0, "p_G"), (1, "p_S"), (2, "p_A"), (3, "p_E")]
        .map(|(i, name)| Expr::model(name, sd.populations[i].clone()));
    Pieces {
        z: Expr::model("z", sd.coherence().clone()),
        product: &pops[0] * &pops[3],
        pops,
        rho11: rho_entry(sd, 1, 1),
        denominator: Expr::literal(
            RatFunc::from_poly(sd.populations[0].denom().clone()),
            &VARIABLES,
        )
        .bind("D"),
    }
}

/// Grid of rational rates used by the counterexample searches.
fn grid() -> Vec<Rational> {
    [
        (1, 1000),
        (1, 100),
        (1, 10),
        (1, 2),
        (1, 1),
        (2, 1),
        (10, 1),
        (100, 1),
        (1000, 1),
    ]
    .iter()
    .map(|&(n, d)| Rational::from((n, d)))
    .collect()
}

/// `(z, p_G p_E)` at a rational point.
fn parts_at(sd: &SymbolicDiamond, a: &Rational, s: &Rational) -> Option<(Rational, Rational)> {
    let point = [a.clone(), s.clone(), Rational::new(), Rational::new()];
    Some((
        sd.coherence().eval(&point)?,
        sd.population_product().eval(&point)?,
    ))
}

/// Whether `C = 2 max(0, |z| − √p) ≥ bound` at a rational point, decided exactly.
fn concurrence_at_least(z: &Rational, p: &Rational, bound: &Rational) -> bool {
    // 2|z| − 2√p ≥ b  ⇔  2|z| − b ≥ 2√p  ⇔  (2|z| − b ≥ 0 and (2|z| − b)² ≥ 4p)
    let lhs = Rational::from(z.abs_ref()) * 2 - bound;
    if *bound <= 0 {
        return true;
    }
    lhs >= 0 && Rational::from(&lhs * &lhs) >= Rational::from(p * 4)
}

fn search_points(
    sd: &SymbolicDiamond,
    in_domain: impl Fn(&Rational, &Rational) -> bool,
    violates: impl Fn(&Rational, &Rational, &Rational, &Rational) -> bool,
) -> Option<String> {
    let g = grid();
    for a in &g {
        for s in &g {
            if !in_domain(a, s) {
                continue;
            }
            let (z, p) = parts_at(sd, a, s)?;
            if violates(a, s, &z, &p) {
                return Some(format!("α = {a}, σ = {s} (z = {z}, p_G p_E = {p})"));
            }
        }
    }
    None
}

/// Builds every theorem (Eq. 1–6, Eq. 9, the 1/3 and 1/2 limits) from the derived steady state.
pub fn theorems(sd: &SymbolicDiamond) -> Vec<Theorem> {
    let builders: [fn(&SymbolicDiamond) -> Theorem; 12] = [
        steady_state,
        wootters,
        thermal_bound,
        thermal_supremum,
        negative_temperature_bound,
        negative_temperature_limit,
        balanced_baths,
        negative_quadrant,
        heat_currents,
        entropy_production,
        cavity_threshold,
        jordan_wigner_reading,
    ];
    let subject = Subject::new(LadderConvention::CommutingQubits, sd.clone());
    builders
        .iter()
        .map(|build| {
            // A builder that sets no subject is about the commuting-qubit model `sd`.
            let mut t = build(sd);
            t.subject.get_or_insert_with(|| subject.clone());
            t
        })
        .collect()
}

/// `"+1"`, `"0"`, `"−2"`.
fn signed(d: i64) -> String {
    match d {
        0 => "0".to_string(),
        d if d > 0 => format!("+{d}"),
        d => format!("−{}", -d),
    }
}

fn rho_derived(sd: &SymbolicDiamond) -> Vec<(String, String)> {
    let p = pieces(sd);
    let mut v = vec![
        ("D (common denominator)".to_string(), show_e(&p.denominator)),
        ("p_G = ⟨00|ρ|00⟩".to_string(), show_e(&p.pops[0])),
        ("p_S = ⟨S|ρ|S⟩".to_string(), show_e(&p.pops[1])),
        ("p_A = ⟨A|ρ|A⟩".to_string(), show_e(&p.pops[2])),
        ("p_E = ⟨11|ρ|11⟩".to_string(), show_e(&p.pops[3])),
        ("ρ11 = ρ22 = ⟨01|ρ|01⟩".to_string(), show(&sd.rho[(1, 1)])),
        ("z = ρ12 = ρ21 = ⟨01|ρ|10⟩".to_string(), show_e(&p.z)),
    ];
    v.push((
        "all other entries of ρ_SS".to_string(),
        if (0..4).all(|i| {
            (0..4)
                .all(|j| i == j || (i, j) == (1, 2) || (i, j) == (2, 1) || sd.rho[(i, j)].is_zero())
        }) {
            "0".to_string()
        } else {
            "NOT ALL ZERO".to_string()
        },
    ));
    v
}

fn refute_steady_state(sd: &SymbolicDiamond) -> Option<String> {
    // Compare with the independent exact solve over the Gaussian rationals on the full space.
    for (a, s) in [((2, 1), (3, 1)), ((1, 7), (5, 2))] {
        let (a, s) = (Rational::from(a), Rational::from(s));
        let rates = DiamondRates::from_alpha_sigma(gauss_real(a.clone()), gauss_real(s.clone()));
        let generator = generator(&rates, LadderConvention::CommutingQubits).ok()?;
        let exact = exact_steady_state(&generator, &Sector::full(4)).ok()?;
        let point = [a.clone(), s.clone(), Rational::new(), Rational::new()];
        let symbolic = DMatrix::from_fn(4, 4, |i, j| {
            num_complex::Complex::new(
                Q(sd.rho[(i, j)].eval(&point).unwrap_or_default()),
                Q::zero(),
            )
        });
        let symbolic: DMatrix<GaussQ> = symbolic;
        if symbolic != exact {
            return Some(format!("α = {a}, σ = {s}: the exact numeric solve differs"));
        }
    }
    None
}

/// The nullity-1 argument: block structure, trace dependency and non-vanishing determinants
/// (for every α, σ ≥ 0), then the kernel vector with the superoperator that annihilates it.
fn uniqueness_certificates(sd: &SymbolicDiamond) -> Vec<Certificate> {
    let full = Sector::full(4);
    let matrix = match sd.generator.superoperator(&full) {
        Ok(m) => m,
        Err(e) => {
            return vec![Certificate::Computation {
                label: format!("assembling the 16×16 superoperator: {e}"),
                holds: false,
            }];
        }
    };
    let blocks = sd
        .determinants
        .iter()
        .map(|det| {
            let positions: Vec<usize> = Sector::charge_difference(&EXCITATIONS, det.difference)
                .pairs()
                .iter()
                .filter_map(|&(i, j)| full.position(i, j))
                .collect();
            // The derivation replaces the block's first population row (⟨00|·|00⟩ in block 0).
            let bordered_row = if det.bordered {
                positions.iter().copied().find(|&s| {
                    let (i, j) = full.pairs()[s];
                    i == j
                })
            } else {
                None
            };
            let what = format!(
                "the determinant of the difference {} block ({}×{}){} is non-zero for all α, σ ≥ 0",
                signed(det.difference),
                det.size,
                det.size,
                if det.bordered {
                    ", with the ⟨00|·|00⟩ row replaced by the trace,"
                } else {
                    ""
                }
            );
            let re = Expr::model("det_re", RatFunc::from_poly(det.re.clone()));
            let im = Expr::model("det_im", RatFunc::from_poly(det.im.clone()));
            let candidates = [
                (re.clone(), "f = Re det"),
                (-&re, "f = −Re det"),
                (im.clone(), "f = Im det"),
                (-&im, "f = −Im det"),
            ];
            let nonzero = candidates
                .iter()
                .filter(|(p, _)| !p.is_zero())
                .map(|(p, f)| {
                    PositivityCertificate::search(
                        format!("{what}: {f} > 0"),
                        p.clone(),
                        Domain::ClosedQuadrant,
                        true,
                    )
                })
                .find(|c| c.check().is_ok())
                .unwrap_or_else(|| {
                    PositivityCertificate::search(
                        format!("{what}: f = Re det > 0"),
                        re.clone(),
                        Domain::ClosedQuadrant,
                        true,
                    )
                });
            BlockCertificate {
                difference: det.difference,
                positions,
                bordered_row,
                re: det.re.clone(),
                im: det.im.clone(),
                nonzero,
            }
        })
        .collect();
    vec![
        Certificate::Nullity(NullityCertificate {
            label: "the 16×16 superoperator of diamond::generator (over Q(i)(α, σ)) is block \
                    diagonal in the ket−bra excitation difference −2, …, 2 (block sizes 1, 4, 6, 4, 1) \
                    and its kernel is one-dimensional for every α, σ ≥ 0"
                .to_string(),
            blocks,
            block_diagonal: sd.block_diagonal,
            trace_rows_sum_to_zero: sd.trace_rows_sum_to_zero,
        }),
        Certificate::Kernel(KernelCertificate {
            label: "the kernel vector of the difference-0 block, normalised to trace 1, is \
                    annihilated by the full 16×16 superoperator"
                .to_string(),
            matrix,
            basis: full.pairs().to_vec(),
            state: sd.rho.clone(),
        }),
    ]
}

/// The theorem that proves the steady state of the commuting-qubit model unique; every other
/// theorem about that model uses it.
pub const UNIQUENESS_THEOREM: &str = "steady-state";

fn steady_state(sd: &SymbolicDiamond) -> Theorem {
    let p = pieces(sd);
    let mut certificates = uniqueness_certificates(sd);
    let trace = &(&p.pops[0] + &p.pops[1]) + &(&p.pops[2] + &p.pops[3]);
    certificates.push(ident(
        "tr ρ_SS = p_G + p_S + p_A + p_E = 1",
        trace,
        Expr::one(),
    ));
    certificates.push(ident(
        "ρ11 + ρ12 = p_S (eigenvalue of the {01, 10} block on |S⟩)",
        &p.rho11 + &p.z,
        p.pops[1].clone(),
    ));
    certificates.push(ident(
        "ρ11 − ρ12 = p_A (eigenvalue on |A⟩)",
        &p.rho11 - &p.z,
        p.pops[2].clone(),
    ));
    for (name, pop) in ["p_G", "p_S", "p_A", "p_E"].iter().zip(&p.pops) {
        certificates.push(positive(
            &format!("{name} > 0 for all real β_A, β_S"),
            pop.clone(),
            Domain::AllTemperatures,
            true,
        ));
    }
    Theorem {
        id: UNIQUENESS_THEOREM,
        title: "The steady state ρ_SS exists, is unique, and is the X state below",
        statement: "For every α = e^{β_A} ≥ 0 and σ = e^{β_S} ≥ 0 (Γ⁺ = 1; β = −∞ included), the \
            Liouvillian of Eq. (1)–(2) with commuting qubit operators has a one-dimensional kernel \
            spanned by a trace-one operator; for α, σ > 0 it is the density matrix ρ_SS whose \
            entries are the rational functions below (real, X-shaped, eigenvalues p_G, p_S, p_A, \
            p_E > 0)."
            .to_string(),
        paper: paper::STEADY_STATE,
        derived: {
            let mut derived = rho_derived(sd);
            for det in &sd.determinants {
                derived.push((
                    format!(
                        "det of the difference {} block{}",
                        signed(det.difference),
                        if det.bordered {
                            " (trace-bordered)"
                        } else {
                            ""
                        }
                    ),
                    format!(
                        "{} + i·({})",
                        det.re.display(&NAMES),
                        det.im.display(&NAMES)
                    ),
                ));
            }
            derived
        },
        certificates,
        conclusion: "The full superoperator is the direct sum of its five blocks. The blocks of \
            difference ±1 and ±2 have non-zero determinants for all α, σ ≥ 0, so they contribute \
            no kernel. In the difference-0 block the population rows are dependent (trace \
            preservation); replacing one by the trace functional gives a non-singular matrix for \
            all α, σ ≥ 0, so the remaining five rows have rank 5, the kernel is one-dimensional \
            and its vector has non-zero trace. The kernel vector computed over Q(i)(α, σ), \
            normalised to trace 1, is annihilated identically by 𝓛, hence at every α, σ where it \
            is defined (its denominator D has positive coefficients, so everywhere on α, σ ≥ 0). \
            Its eigenvalues are p_G, p_E and ρ11 ± ρ12 = p_S, p_A, all positive for α, σ > 0. \
            No determinant vanishes anywhere on α, σ ≥ 0 (their zeros need negative rates), so \
            there is no exceptional point where uniqueness could fail."
            .to_string(),
        subject: None,
        refute: Refuter::Custom(refute_steady_state),
    }
}

/// Eq. (5)'s `S, A, P, d, N1², N2²` built from α, σ as written in the paper, with every
/// intermediate bound by name for the exported certificate (the checker reads `S, A, P, d,
/// N1sq, N2sq`); its values equal [`crate::diamond::closed_form::eq5`] in rational functions
/// (test `eq5_is_the_closed_form`).
struct Eq5 {
    d: Expr,
    n1_squared: Expr,
    n2_squared: Expr,
}

fn eq5() -> Eq5 {
    let s = (&alpha() + &sigma()).bind("S");
    let a = (&alpha() - &sigma()).bind("A");
    let p = (&alpha() * &sigma()).bind("P");
    let two = k(2, 1);
    let half_s = &s * &k(1, 2);
    let d = &(&(&Expr::one() + &s.pow(2)) + &(&(&s * &(&p + &k(3, 1))) * &k(1, 2))) - &p;
    let n1_squared = (&a * &(&half_s - &Expr::one())).pow(2);
    let n2_squared =
        &(&half_s + &Expr::one()) * &(&(&two * &s.pow(2)) + &(&(&two * &p) * &(&s - &two)));
    Eq5 {
        d: d.bind("d"),
        n1_squared: n1_squared.bind("N1sq"),
        n2_squared: n2_squared.bind("N2sq"),
    }
}

fn refute_wootters(sd: &SymbolicDiamond) -> Option<String> {
    let e = eq5();
    for a in grid() {
        for s in grid() {
            let point = [a.clone(), s.clone(), Rational::new(), Rational::new()];
            let (z, p) = parts_at(sd, &a, &s)?;
            let d = e.d.value().eval(&point)?;
            let lhs1 = Rational::from(&z * &d) * 2;
            let lhs2 = Rational::from(&p * &d) * &d * 4;
            if Rational::from(&lhs1 * &lhs1) != e.n1_squared.value().eval(&point)?
                || lhs2 != e.n2_squared.value().eval(&point)?
            {
                return Some(format!(
                    "α = {a}, σ = {s}: Eq. 5 and the derived ρ_SS disagree"
                ));
            }
        }
    }
    None
}

fn wootters(sd: &SymbolicDiamond) -> Theorem {
    let p = pieces(sd);
    let rho = &sd.rho;
    let e = eq5();
    // ρ̃ = (σ_y⊗σ_y) ρ* (σ_y⊗σ_y); ρ is real, σ_y⊗σ_y is the anti-diagonal (−1, 1, 1, −1).
    let yy = DMatrix::from_fn(4, 4, |i, j| match (i, j) {
        (0, 3) | (3, 0) => -RatFunc::one(),
        (1, 2) | (2, 1) => RatFunc::one(),
        _ => RatFunc::zero(),
    });
    let product = |a: &DMatrix<RatFunc>, b: &DMatrix<RatFunc>| {
        DMatrix::from_fn(4, 4, |i, j| {
            (0..4).fold(RatFunc::zero(), |acc, l| &acc + &(&a[(i, l)] * &b[(l, j)]))
        })
    };
    let tilde = product(&product(&yy, rho), &yy);
    let r = product(rho, &tilde);
    let re = |i: usize, j: usize| Expr::model(format!("R[{i},{j}]"), r[(i, j)].clone());
    let lambda_names = ["λ", "r", "w", "·"];
    let lambda_variables = ["lam", "r", "w", "unused"];
    let (l, rr, w) = (
        Expr::var(0, lambda_variables[0]),
        Expr::var(1, lambda_variables[1]),
        Expr::var(2, lambda_variables[2]),
    );
    let lambda_lhs = &(&l - &(&rr + &w).pow(2)) * &(&l - &(&rr - &w).pow(2));
    let lambda_rhs = &(&l.pow(2) - &(&(&k(2, 1) * &(&rr.pow(2) + &w.pow(2))) * &l))
        + &(&rr.pow(2) - &w.pow(2)).pow(2);
    let rho11 = p.rho11.clone();
    let entry = |i, j| rho_entry(sd, i, j);
    let certificates = vec![
        Certificate::XState {
            label: "ρ_SS is X-shaped with ⟨00|ρ|11⟩ = 0, ρ11 = ρ22 and ρ12 = ρ21 (real)"
                .to_string(),
            matrix_name: "rho",
            matrix: rho.clone(),
            conditions: vec![
                (entry(0, 3), Expr::zero()),
                (entry(3, 0), Expr::zero()),
                (entry(1, 1), entry(2, 2)),
                (entry(1, 2), entry(2, 1)),
            ],
        },
        Certificate::XState {
            label: "R = ρ ρ̃ with ρ̃ = (σ_y⊗σ_y)ρ*(σ_y⊗σ_y) is X-shaped with R03 = R30 = 0"
                .to_string(),
            matrix_name: "R",
            matrix: r.clone(),
            conditions: vec![(re(0, 3), Expr::zero()), (re(3, 0), Expr::zero())],
        },
        ident("R00 = p_G p_E", re(0, 0), p.product.clone()),
        ident("R33 = p_G p_E", re(3, 3), p.product.clone()),
        ident(
            "trace of the {01, 10} block of R: R11 + R22 = 2(ρ11² + z²)",
            &re(1, 1) + &re(2, 2),
            &k(2, 1) * &(&rho11.pow(2) + &p.z.pow(2)),
        ),
        ident(
            "determinant of the {01, 10} block of R: R11 R22 − R12 R21 = (ρ11² − z²)²",
            &(&re(1, 1) * &re(2, 2)) - &(&re(1, 2) * &re(2, 1)),
            (&rho11.pow(2) - &p.z.pow(2)).pow(2),
        ),
        identity_in(
            "roots of λ² − 2(r² + w²)λ + (r² − w²)² are (r ± w)²",
            lambda_lhs,
            lambda_rhs,
            lambda_names,
            lambda_variables,
        ),
        positive(
            "ρ11 − z = p_A > 0",
            &rho11 - &p.z,
            Domain::AllTemperatures,
            true,
        ),
        positive(
            "ρ11 + z = p_S > 0",
            &rho11 + &p.z,
            Domain::AllTemperatures,
            true,
        ),
        lemma(
            "With r = ρ11 and w = |z| (so r ≥ w ≥ 0 by the two positivity certificates), the \
             eigenvalues of ρρ̃ are (ρ11 + |z|)², (ρ11 − |z|)² and p_G p_E twice, so Wootters' λ_i \
             are ρ11 + |z| ≥ ρ11 − |z| ≥ 0 and √(p_G p_E) twice. If ρ11 + |z| is the largest, \
             λ1 − λ2 − λ3 − λ4 = 2|z| − 2√(p_G p_E). Otherwise √(p_G p_E) ≥ ρ11 + |z| and both \
             λ1 − λ2 − λ3 − λ4 = −2ρ11 ≤ 0 and 2|z| − 2√(p_G p_E) ≤ −2ρ11 ≤ 0. In both cases \
             C(ρ_SS) = max{0, 2|z| − 2√(p_G p_E)}.",
            Citation::Literature(
                "the concurrence C(ρ) = max{0, λ1 − λ2 − λ3 − λ4}, λ_i the square roots of the eigenvalues of ρρ̃ in decreasing order: W. K. Wootters, Phys. Rev. Lett. 80, 2245 (1998)",
            ),
        ),
        ident(
            "(2 z d)² = N1² with Eq. (5)'s d and N1 = |𝒜(𝒮/2 − 1)|, 𝒮 = α + σ, 𝒜 = α − σ, 𝒫 = ασ",
            (&(&k(2, 1) * &p.z) * &e.d).pow(2),
            e.n1_squared.clone(),
        ),
        ident(
            "4 p_G p_E d² = N2² with N2² = (𝒮/2 + 1)(2𝒮² + 2𝒫(𝒮 − 2))",
            &(&k(4, 1) * &p.product) * &e.d.pow(2),
            e.n2_squared.clone(),
        ),
        positive("d > 0", e.d.clone(), Domain::AllTemperatures, true),
        positive(
            "N2² ≥ 0 (the square root in Eq. 5 is real)",
            e.n2_squared.clone(),
            Domain::AllTemperatures,
            false,
        ),
    ];
    Theorem {
        id: "eq4-5-wootters",
        title: "Eq. (4)–(5) is the Wootters concurrence of the derived ρ_SS",
        statement: "For all α, σ > 0, C(ρ_SS) = max{0, λ1 − λ2 − λ3 − λ4} (Wootters) equals \
            max{0, (N1 − N2)/d} with N1, N2, d as in Eq. (5) and 𝒜 = e^{β_A} − e^{β_S}."
            .to_string(),
        paper: paper::EQ4_5,
        derived: vec![
            ("z = ρ12".to_string(), show_e(&p.z)),
            ("p_G p_E".to_string(), show_e(&p.product)),
            ("d (Eq. 5)".to_string(), show_e(&e.d)),
            ("N1² (Eq. 5)".to_string(), show_e(&e.n1_squared)),
            ("N2² (Eq. 5)".to_string(), show_e(&e.n2_squared)),
        ],
        certificates,
        conclusion: "Since d > 0, 2|z| d ≥ 0 and N1 ≥ 0 have equal squares, so 2|z| = N1/d; \
            likewise 2√(p_G p_E) = N2/d (N2² ≥ 0, both sides ≥ 0). Hence C(ρ_SS) = \
            max{0, 2|z| − 2√(p_G p_E)} = max{0, (N1 − N2)/d}, which is Eq. (4), identically."
            .to_string(),
        subject: None,
        refute: Refuter::Custom(refute_wootters),
    }
}

/// `C ≤ 2|z|`, with `2|z| < bound` certified on a domain by `bound ∓ 2z > 0`.
fn bound_certificates(
    z: &Expr,
    bound: &Expr,
    bound_text: &str,
    domain: Domain,
) -> Vec<Certificate> {
    let two_z = &k(2, 1) * z;
    vec![
        lemma(
            "C(ρ_SS) = max{0, 2|z| − 2√(p_G p_E)} ≤ 2|z| (theorem eq4-5-wootters; the square root is ≥ 0).",
            Citation::Theorem("eq4-5-wootters"),
        ),
        positive(
            &format!("{bound_text} − 2z > 0"),
            bound - &two_z,
            domain,
            true,
        ),
        positive(
            &format!("{bound_text} + 2z > 0"),
            bound + &two_z,
            domain,
            true,
        ),
    ]
}

fn thermal_bound(sd: &SymbolicDiamond) -> Theorem {
    let p = pieces(sd);
    Theorem {
        id: "thermal-bound",
        title: "Thermal baths: C < 1/3",
        statement: "For all β_A, β_S ≥ 0 (α, σ ≥ 1): C(ρ_SS) < 1/3.".to_string(),
        paper: paper::THERMAL_BOUND,
        derived: vec![("2z".to_string(), show_e(&(&k(2, 1) * &p.z)))],
        certificates: bound_certificates(&p.z, &k(1, 3), "1/3", Domain::Thermal),
        conclusion: "Both certificates give 2|z| < 1/3 on α, σ ≥ 1, hence C ≤ 2|z| < 1/3."
            .to_string(),
        subject: None,
        refute: Refuter::ConcurrenceAtLeast {
            bound: Rational::from((1, 3)),
            domain: Domain::Thermal,
        },
    }
}

fn population_limits(
    p: &Pieces,
    a: &Approach,
    s: &Approach,
    expected: [(i64, u64); 4],
    z: (i64, u64),
) -> Vec<Certificate> {
    let mut v = vec![
        limit("z", &p.z, a.clone(), s.clone(), k(z.0, z.1)),
        limit("p_G p_E", &p.product, a.clone(), s.clone(), Expr::zero()),
    ];
    for ((name, pop), (n, d)) in ["p_G", "p_S", "p_A", "p_E"]
        .iter()
        .zip(&p.pops)
        .zip(expected)
    {
        v.push(limit(name, pop, a.clone(), s.clone(), k(n, d)));
    }
    v
}

fn thermal_supremum(sd: &SymbolicDiamond) -> Theorem {
    let p = pieces(sd);
    let one = Approach::To(Rational::from(1));
    let mut certificates = population_limits(
        &p,
        &one,
        &Approach::Infinity,
        [(2, 3), (0, 1), (1, 3), (0, 1)],
        (-1, 6),
    );
    certificates.extend(population_limits(
        &p,
        &Approach::Infinity,
        &one,
        [(2, 3), (1, 3), (0, 1), (0, 1)],
        (1, 6),
    ));
    certificates.push(lemma(
        "C = 2 max{0, |z| − √(p_G p_E)} is a continuous function of (z, p_G p_E), so its limit is \
         2 max{0, 1/6 − 0} = 1/3 along any approach to either point.",
        CONTINUITY,
    ));
    Theorem {
        id: "thermal-supremum",
        title: "Thermal baths: 1/3 is the supremum, approached as (β_hot, β_cold) → (0, +∞)",
        statement: "C(ρ_SS) → 1/3 as (β_A, β_S) → (0, +∞) jointly, with (p_G, p_S, p_A, p_E) → \
            (2/3, 0, 1/3, 0); and as (β_A, β_S) → (+∞, 0), with (p_G, p_S, p_A, p_E) → \
            (2/3, 1/3, 0, 0). With thermal-bound: sup over β_A, β_S ≥ 0 of C is 1/3, not attained."
            .to_string(),
        paper: paper::THERMAL_SUPREMUM,
        derived: vec![],
        certificates,
        conclusion: "The limits hold jointly (not only along lines) because the substituted \
            functions are continuous at the limit points. Together with C < 1/3 on the thermal \
            quadrant (thermal-bound), 1/3 is the supremum and is not attained."
            .to_string(),
        subject: None,
        refute: Refuter::None,
    }
}

fn negative_temperature_bound(sd: &SymbolicDiamond) -> Theorem {
    let p = pieces(sd);
    Theorem {
        id: "negative-temperature-bound",
        title: "Any temperatures, negative included: C < 1/2",
        statement: "For all real β_A, β_S (α, σ > 0): C(ρ_SS) < 1/2.".to_string(),
        paper: paper::NEGATIVE_TEMPERATURE_BOUND,
        derived: vec![("2z".to_string(), show_e(&(&k(2, 1) * &p.z)))],
        certificates: bound_certificates(&p.z, &k(1, 2), "1/2", Domain::AllTemperatures),
        conclusion: "Both certificates give 2|z| < 1/2 for all α, σ > 0, hence C ≤ 2|z| < 1/2."
            .to_string(),
        subject: None,
        refute: Refuter::ConcurrenceAtLeast {
            bound: Rational::from((1, 2)),
            domain: Domain::AllTemperatures,
        },
    }
}

fn negative_temperature_limit(sd: &SymbolicDiamond) -> Theorem {
    let p = pieces(sd);
    let zero = Approach::To(Rational::new());
    let mut certificates = population_limits(
        &p,
        &zero,
        &Approach::Infinity,
        [(1, 2), (0, 1), (1, 2), (0, 1)],
        (-1, 4),
    );
    certificates.extend(population_limits(
        &p,
        &Approach::Infinity,
        &zero,
        [(1, 2), (1, 2), (0, 1), (0, 1)],
        (1, 4),
    ));
    certificates.push(lemma(
        "C = 2 max{0, |z| − √(p_G p_E)} is continuous in (z, p_G p_E): its limit is 2 · 1/4 = 1/2.",
        CONTINUITY,
    ));
    Theorem {
        id: "negative-temperature-limit",
        title: "Negative temperature: C → 1/2, half the population in the Bell state of the negative-temperature bath",
        statement: "As (β_A, β_S) → (−∞, +∞) jointly, C(ρ_SS) → 1/2 and (p_G, p_S, p_A, p_E) → \
            (1/2, 0, 1/2, 0); as (β_A, β_S) → (+∞, −∞), C → 1/2 and (p_G, p_S, p_A, p_E) → \
            (1/2, 1/2, 0, 0). With negative-temperature-bound: sup C = 1/2, not attained."
            .to_string(),
        paper: paper::NEGATIVE_TEMPERATURE_LIMIT,
        derived: vec![],
        certificates,
        conclusion: "Joint limits by continuity; with C < 1/2 everywhere, 1/2 is the supremum \
            over all real β_A, β_S and is approached only at the corners (−∞, +∞) and (+∞, −∞)."
            .to_string(),
        subject: None,
        refute: Refuter::None,
    }
}

fn balanced_baths(sd: &SymbolicDiamond) -> Theorem {
    let p = pieces(sd);
    let on_diagonal = |f: &Expr| f.substitute(SIGMA, &alpha());
    Theorem {
        id: "balanced-baths-separable",
        title: "Balanced baths (β_A = β_S): C = 0",
        statement: "For all α = σ > 0 (β_A = β_S): z = 0, p_S = p_A and C(ρ_SS) = 0. Moreover \
            p_G + p_E − (p_S + p_A) = 2(α + 1)(α − 1)²/D(α, α) ≥ 0: at least half of the \
            population is in |G⟩ or |E⟩, with equality only at β_A = β_S = 0."
            .to_string(),
        paper: paper::BALANCED_SEPARABLE,
        derived: vec![
            ("p_G at σ = α".to_string(), show_e(&on_diagonal(&p.pops[0]))),
            (
                "p_S = p_A at σ = α".to_string(),
                show_e(&on_diagonal(&p.pops[1])),
            ),
            ("p_E at σ = α".to_string(), show_e(&on_diagonal(&p.pops[3]))),
        ],
        certificates: vec![
            ident("z(α, σ = α) = 0", on_diagonal(&p.z), Expr::zero()),
            ident(
                "p_S(α, α) = p_A(α, α)",
                on_diagonal(&p.pops[1]),
                on_diagonal(&p.pops[2]),
            ),
            lemma(
                "With z = 0, C = max{0, 0 − 2√(p_G p_E)} = 0.",
                Citation::Theorem("eq4-5-wootters"),
            ),
            ident(
                "p_G + p_E − p_S − p_A on σ = α",
                on_diagonal(&(&(&p.pops[0] + &p.pops[3]) - &(&p.pops[1] + &p.pops[2]))),
                &(&k(2, 1) * &(&(&alpha() + &Expr::one()) * &(&alpha() - &Expr::one()).pow(2)))
                    / &on_diagonal(&p.denominator),
            ),
            positive(
                "D(α, α) > 0",
                on_diagonal(&p.denominator),
                Domain::AlphaPositive,
                true,
            ),
        ],
        conclusion: "C = 0 on the whole diagonal β_A = β_S. The factored population imbalance is \
            ≥ 0 and vanishes only at α = 1, so the paper's “most of the stationary population is \
            either in |G⟩ or |E⟩” holds, as an equality at infinite temperature (all four \
            populations are 1/4 at β_A = β_S = 0)."
            .to_string(),
        subject: None,
        refute: Refuter::Custom(|sd| {
            search_points(
                sd,
                |a, s| a == s,
                |_, _, z, p| *z != 0 || concurrence_at_least(z, p, &Rational::from((1, 1_000_000))),
            )
        }),
    }
}

fn negative_quadrant(sd: &SymbolicDiamond) -> Theorem {
    let p = pieces(sd);
    let gap = &p.product - &p.z.pow(2);
    Theorem {
        id: "negative-quadrant-separable",
        title: "Both baths at negative (or infinite) temperature: C = 0",
        statement: "For all β_A, β_S ≤ 0 (0 < α, σ ≤ 1): p_G p_E ≥ z², hence C(ρ_SS) = 0."
            .to_string(),
        paper: paper::NEGATIVE_QUADRANT_SEPARABLE,
        derived: vec![("p_G p_E − z²".to_string(), show_e(&gap))],
        certificates: vec![
            positive(
                "p_G p_E − z² ≥ 0 on β_A, β_S ≤ 0",
                gap,
                Domain::NegativeQuadrant,
                false,
            ),
            lemma(
                "|z| ≤ √(p_G p_E) gives C = 2 max{0, |z| − √(p_G p_E)} = 0.",
                Citation::Theorem("eq4-5-wootters"),
            ),
            positive(
                "p_E − p_G ≥ 0 on β_A, β_S ≤ 0",
                &p.pops[3] - &p.pops[0],
                Domain::NegativeQuadrant,
                false,
            ),
            positive(
                "p_E − p_S ≥ 0 on β_A, β_S ≤ 0",
                &p.pops[3] - &p.pops[1],
                Domain::NegativeQuadrant,
                false,
            ),
            positive(
                "p_E − p_A ≥ 0 on β_A, β_S ≤ 0",
                &p.pops[3] - &p.pops[2],
                Domain::NegativeQuadrant,
                false,
            ),
        ],
        conclusion: "C = 0 on the closed quadrant β_A, β_S ≤ 0, where the separable |E⟩ is the \
            most populated state (the paper's explanation)."
            .to_string(),
        subject: None,
        refute: Refuter::Custom(|sd| {
            search_points(
                sd,
                |a, s| *a <= 1 && *s <= 1,
                |_, _, z, p| Rational::from(z * z) > *p,
            )
        }),
    }
}

fn heat_current_factor(p: &Pieces) -> Expr {
    // W = 4(σ + α)/D, so that Q̇_A = (σ − α) W.
    &(&k(4, 1) * &(&sigma() + &alpha())) / &p.denominator
}

fn heat_currents(sd: &SymbolicDiamond) -> Theorem {
    let p = pieces(sd);
    let w = heat_current_factor(&p);
    Theorem {
        id: "heat-currents",
        title: "Heat currents: Q̇_A + Q̇_S = 0 and Q̇_A = 4(σ − α)(σ + α)/D",
        statement: "For all α, σ > 0: Q̇_A + Q̇_S = 0 identically, and Q̇_A = 4(σ − α)(σ + α)/D \
            with D > 0 the common denominator of ρ_SS; so Q̇_A has the sign of σ − α, i.e. of \
            β_S − β_A, and vanishes exactly on β_A = β_S."
            .to_string(),
        paper: paper::HEAT_CURRENTS,
        derived: vec![
            ("Q̇_A".to_string(), show(&sd.heat_current_a)),
            ("Q̇_S".to_string(), show(&sd.heat_current_s)),
            ("D".to_string(), show_e(&p.denominator)),
        ],
        certificates: vec![
            ident(
                "Q̇_A + Q̇_S = 0",
                &heat_current(sd, "Q_A") + &heat_current(sd, "Q_S"),
                Expr::zero(),
            ),
            ident(
                "Q̇_A = (σ − α) · 4(σ + α)/D",
                heat_current(sd, "Q_A"),
                &(&sigma() - &alpha()) * &w,
            ),
            positive("4(σ + α)/D > 0", w, Domain::AllTemperatures, true),
        ],
        conclusion: "The factorisation is checked by expansion and its second factor is positive, \
            so sign Q̇_A = sign(σ − α)."
            .to_string(),
        subject: None,
        refute: Refuter::Custom(|sd| {
            search_points(
                sd,
                |_, _| true,
                |a, s, _, _| {
                    let point = [a.clone(), s.clone(), Rational::new(), Rational::new()];
                    let sum = (&sd.heat_current_a + &sd.heat_current_s).eval(&point);
                    sum != Some(Rational::new())
                },
            )
        }),
    }
}

fn entropy_production(sd: &SymbolicDiamond) -> Theorem {
    let p = pieces(sd);
    let w = heat_current_factor(&p);
    Theorem {
        id: "entropy-production",
        title: "Entropy production Ṡ_irr ≥ 0 for all real β, zero exactly on β_A = β_S",
        statement: "For all real β_A, β_S (negative temperatures included): Ṡ_irr = −β_A Q̇_A − \
            β_S Q̇_S = (β_S − β_A)(σ − α) · 4(σ + α)/D ≥ 0, with equality if and only if β_A = β_S."
            .to_string(),
        paper: paper::SECOND_LAW,
        derived: vec![("Q̇_A".to_string(), show(&sd.heat_current_a))],
        certificates: vec![
            ident(
                "Q̇_S = −Q̇_A",
                heat_current(sd, "Q_S"),
                -&heat_current(sd, "Q_A"),
            ),
            ident(
                "Q̇_A = (σ − α) · 4(σ + α)/D",
                heat_current(sd, "Q_A"),
                &(&sigma() - &alpha()) * &w,
            ),
            positive("4(σ + α)/D > 0", w, Domain::AllTemperatures, true),
            lemma(
                "ln is strictly increasing on (0, ∞). With β_A = ln α and β_S = ln σ, β_S − β_A = \
                 ln σ − ln α has the sign of σ − α, so (β_S − β_A)(σ − α) > 0 for σ ≠ α and = 0 for \
                 σ = α.",
                Citation::Literature(
                    "the logarithm is the strictly increasing inverse of exp on (0, ∞): W. Rudin, Principles of Mathematical Analysis, 3rd ed. (1976), ch. 8",
                ),
            ),
        ],
        conclusion: "By the first identity Ṡ_irr = −β_A Q̇_A + β_S Q̇_A = (β_S − β_A) Q̇_A = \
            (β_S − β_A)(σ − α) · 4(σ + α)/D: a product of a factor ≥ 0 (the lemma, = 0 only for \
            β_A = β_S) and a factor > 0. Hence Ṡ_irr ≥ 0 with equality exactly on β_A = β_S."
            .to_string(),
        subject: None,
        refute: Refuter::Custom(|sd| {
            // sign(β_S − β_A) = sign(σ − α): a violation is (σ − α) Q̇_A < 0.
            search_points(
                sd,
                |_, _| true,
                |a, s, _, _| {
                    let point = [a.clone(), s.clone(), Rational::new(), Rational::new()];
                    let q = sd.heat_current_a.eval(&point).unwrap_or_default();
                    Rational::from(s - a) * q < 0
                },
            )
        }),
    }
}

fn cavity_threshold(sd: &SymbolicDiamond) -> Theorem {
    let p = pieces(sd);
    let bound = &Expr::one() / &(&k(2, 1) + &alpha());
    let mut certificates = bound_certificates(&p.z, &bound, "1/(2 + α)", Domain::CavityHalfPlane);
    certificates.push(limit(
        "z",
        &p.z,
        Approach::Free,
        Approach::Infinity,
        &k(-1, 2) * &bound,
    ));
    certificates.push(limit(
        "p_G p_E",
        &p.product,
        Approach::Free,
        Approach::Infinity,
        Expr::zero(),
    ));
    certificates.push(lemma(
        "By continuity of C in (z, p_G p_E): C → 2 max{0, 1/(2(2 + α)) − 0} = 1/(2 + α) as β_S → +∞ at fixed β_A.",
        CONTINUITY,
    ));
    certificates.push(ident(
        "1/(2 + α) − 1/3 = (1 − α)/(3(2 + α))",
        &bound - &k(1, 3),
        &(&Expr::one() - &alpha()) / &(&k(3, 1) * &(&k(2, 1) + &alpha())),
    ));
    certificates.push(lemma(
        "Eq. (9): Γ⁺ = p/2, Γ_A⁻ = γ/2, Γ_S⁻ = Γ + γ/2 give α = Γ_A⁻/Γ⁺ = γ/p and σ = (γ + 2Γ)/p = \
         α + 2Γ/p ≥ α, so the cavity model lives in the half-plane β_S ≥ β_A, and β_A = ln(γ/p) < 0 \
         ⇔ p > γ.",
        Citation::Literature(
            "the effective rates of Eq. (9) in Tacchino et al., PRL 120, 063604 (2018), with Eq. (3)'s β = ln(Γ⁻/Γ⁺) and the monotonicity of ln",
        ),
    ));
    Theorem {
        id: "cavity-threshold",
        title: "Half-plane β_S ≥ β_A: sup C = 1/(2 + e^{β_A}); C > 1/3 reachable iff β_A < 0 (p > γ)",
        statement: "For every real β_A: C(ρ_SS) < 1/(2 + e^{β_A}) for all β_S ≥ β_A, and C → \
            1/(2 + e^{β_A}) as β_S → +∞; so sup_{β_S ≥ β_A} C = 1/(2 + e^{β_A}), not attained. \
            Hence some β_S ≥ β_A gives C > 1/3 if and only if β_A < 0; in the cavity mapping of \
            Eq. (9) (β_A = ln(γ/p)) if and only if p > γ."
            .to_string(),
        paper: paper::BEYOND_THERMAL,
        derived: vec![("2z".to_string(), show_e(&(&k(2, 1) * &p.z)))],
        certificates,
        conclusion:
            "On σ ≥ α > 0, C ≤ 2|z| < 1/(2 + α), and the bound is the limit β_S → +∞, so it is \
            the supremum. If α ≥ 1 then C < 1/(2 + α) ≤ 1/3 everywhere on the half-plane; if α < 1 \
            then 1/(2 + α) > 1/3 by the last identity, and C exceeds 1/3 for all large enough β_S. \
            The ideal cavity case γ = 0 of Fig. 2(b) is α = 0, σ = 2Γ/p: C → 1/2 as p/Γ → 0, the \
            corner (−∞, +∞) of negative-temperature-limit."
                .to_string(),
        subject: None,
        refute: Refuter::Custom(|sd| {
            search_points(
                sd,
                |a, s| s >= a,
                |a, _, z, p| {
                    let bound = Rational::from(a + 2).recip();
                    concurrence_at_least(z, p, &bound)
                },
            )
        }),
    }
}

/// An identity certificate with its own variable names (e.g. `λ, r, w` for the eigenvalues of
/// Wootters' `ρρ̃` above Eq. 4).
/// `variables` are their names in the certificate grammar (e.g. `lam, r, w`).
pub fn identity_in(
    label: &str,
    lhs: Expr,
    rhs: Expr,
    names: [&'static str; MAX_VARS],
    variables: [&'static str; MAX_VARS],
) -> Certificate {
    Certificate::Identity {
        label: label.to_string(),
        lhs,
        rhs,
        names,
        variables,
    }
}

/// `Q̇_A` or `Q̇_S` of the derivation (text below Eq. 6) under its vocabulary name.
fn heat_current(sd: &SymbolicDiamond, name: &str) -> Expr {
    let value = if name == "Q_A" {
        &sd.heat_current_a
    } else {
        &sd.heat_current_s
    };
    Expr::model(name, value.clone())
}

/// A bound `C < bound` on Eq. (4)'s concurrence over `domain`, built like thermal-bound; used
/// by the tests to show that a false bound is refuted, not proved.
pub fn concurrence_bound(sd: &SymbolicDiamond, bound: (i64, u64), domain: Domain) -> Theorem {
    let p = pieces(sd);
    let text = format!("{}/{}", bound.0, bound.1);
    let mut t = thermal_bound(sd);
    t.id = "concurrence-bound";
    t.statement = format!("C(ρ_SS) < {text} on {}", domain.describe());
    t.certificates = bound_certificates(&p.z, &k(bound.0, bound.1), &text, domain);
    t.refute = Refuter::ConcurrenceAtLeast {
        bound: Rational::from(bound),
        domain,
    };
    t
}

fn jordan_wigner_reading(_: &SymbolicDiamond) -> Theorem {
    let mut theorem = Theorem {
        id: "jordan-wigner-reading",
        title: "Read literally (anticommuting c_1, c_2), the model contradicts Eq. (4)–(5) and the 1/3 thermal limit",
        statement: "With ladder operators that anticommute between the qubits ({c_i, c_j†} = δ_ij \
            for all i, j, realised by Jordan–Wigner: c_2 = Z ⊗ σ⁻), the Liouvillian of Eq. (1)–(2) \
            has a unique steady state ρ_JW for all α, σ ≥ 0 (below); its heat currents vanish \
            identically, Eq. (4)–(5) is not its concurrence, and C(ρ_JW) → 1/2 as (β_A, β_S) → \
            (0, +∞), i.e. with thermal baths, beyond the paper's thermal limit 1/3. The paper's \
            results hold for qubit operators that commute between the qubits (the reading used by \
            every other theorem here), not for the anticommutation rules as written."
            .to_string(),
        paper: paper::ANTICOMMUTATION,
        derived: Vec::new(),
        certificates: Vec::new(),
        conclusion: "Under the literal reading the steady state carries no heat current and \
            thermal baths already give C → 1/2; the closed form of Eq. (4)–(5), the 1/3 thermal \
            limit and the entropy production of Eq. (6) all need commuting qubit operators."
            .to_string(),
        subject: None,
        refute: Refuter::None,
    };
    let jw = match derive_steady_state(LadderConvention::JordanWigner) {
        Ok(jw) => jw,
        Err(e) => {
            theorem.certificates.push(Certificate::Computation {
                label: format!("the symbolic derivation with Jordan–Wigner operators: {e}"),
                holds: false,
            });
            return theorem;
        }
    };
    let p = pieces(&jw);
    theorem.derived = rho_derived(&jw);
    theorem
        .derived
        .push(("Q̇_A".to_string(), show(&jw.heat_current_a)));
    theorem
        .derived
        .push(("Q̇_S".to_string(), show(&jw.heat_current_s)));
    let mut certificates = uniqueness_certificates(&jw);
    certificates.push(ident("Q̇_A = 0", heat_current(&jw, "Q_A"), Expr::zero()));
    certificates.push(ident("Q̇_S = 0", heat_current(&jw, "Q_S"), Expr::zero()));
    let e = eq5();
    let mismatch = &(&(&k(2, 1) * &p.z) * &e.d).pow(2) - &e.n1_squared;
    certificates.push(Certificate::Evaluation {
        label: "(2 z_JW d)² − N1² (Eq. 5) is not identically zero (it is non-zero at α = 1, \
                σ = 4), so 2|z_JW| ≠ N1/d and Eq. (4) is not the concurrence of ρ_JW"
            .to_string(),
        function: mismatch,
        point: [Rational::from(1), Rational::from(4)],
    });
    let one = Approach::To(Rational::from(1));
    certificates.push(limit(
        "z_JW",
        &p.z,
        one.clone(),
        Approach::Infinity,
        k(-1, 4),
    ));
    certificates.push(limit(
        "p_G p_E",
        &p.product,
        one,
        Approach::Infinity,
        Expr::zero(),
    ));
    let entry = |i, j| rho_entry(&jw, i, j);
    // r = ρ11 ≥ w = |z| ≥ 0, as the X-state formula of eq4-5-wootters needs.
    for (label, f) in [
        ("ρ11 − z_JW = p_A > 0", &p.rho11 - &p.z),
        ("ρ11 + z_JW = p_S > 0", &p.rho11 + &p.z),
    ] {
        certificates.push(positive(label, f, Domain::AllTemperatures, true));
    }
    certificates.push(Certificate::XState {
        label: "ρ_JW is X-shaped with ⟨00|ρ|11⟩ = 0, ρ11 = ρ22 and ρ12 = ρ21, so the X-state \
                formula of eq4-5-wootters applies: C(ρ_JW) = 2 max{0, |z_JW| − √(p_G p_E)}"
            .to_string(),
        matrix_name: "rho",
        matrix: jw.rho.clone(),
        conditions: vec![
            (entry(0, 3), Expr::zero()),
            (entry(3, 0), Expr::zero()),
            (entry(1, 1), entry(2, 2)),
            (entry(1, 2), entry(2, 1)),
        ],
    });
    certificates.push(lemma(
        "By continuity, C(ρ_JW) → 2 max{0, 1/4 − 0} = 1/2 as (β_A, β_S) → (0, +∞), a limit taken \
         inside the thermal quadrant β_A, β_S ≥ 0.",
        CONTINUITY,
    ));
    theorem.certificates = certificates;
    theorem.subject = Some(Subject::new(LadderConvention::JordanWigner, jw));
    theorem
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The proofs' Eq. (5), written with named steps, has the values of the one Eq. (5) of
    /// `diamond::closed_form` evaluated in rational functions (exact comparison).
    #[test]
    fn eq5_is_the_closed_form() {
        let named = eq5();
        let one = crate::diamond::closed_form::eq5(alpha().value(), sigma().value())
            .expect("halving is exact in rational functions");
        assert_eq!(named.d.value(), &one.d);
        assert_eq!(named.n1_squared.value(), &one.n1_signed.pow(2));
        assert_eq!(named.n2_squared.value(), &one.n2_squared);
    }
}
