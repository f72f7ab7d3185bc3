//! Exact certificates and their checker: identities, positivity on a domain, limits by continuity, exact kernels.
//!
//! A certificate is data that exact arithmetic verifies; whoever produced it (a search in
//! [`PositivityCertificate::search`], or a derivation) is not trusted. Sampling never proves
//! anything here: positivity is shown by non-negative coefficients after a substitution that
//! maps the domain onto the non-negative orthant, plus explicit weighted squares checked as a
//! polynomial identity. Every function carries its definition ([`Expr`]), so the exported
//! certificate (`proofs/certificates/`, [`super::export`]) says what each function is, and
//! `scripts/check_certificates.py` re-verifies every step except the stated lemmas.

use std::fmt::Write as _;

use nalgebra::DMatrix;
use num_traits::Zero;
use rug::Rational;

use super::expr::Expr;
use crate::diamond::symbolic::{
    ALPHA, ALPHA_INVERSE, NAMES, SIGMA, SIGMA_INVERSE, substitute_limit,
};
use crate::poly::polynomial::monomial_text;
use crate::poly::{Exponents, GaussRatFunc, MAX_VARS, Poly, RatFunc};

/// Index of the first auxiliary variable (`x`; `α = 1/x` in limits).
pub const X: usize = ALPHA_INVERSE;
/// Index of the second auxiliary variable (`y`; `σ = 1/y` in limits).
pub const Y: usize = SIGMA_INVERSE;

/// A region of the `(α, σ)` quadrant together with a polynomial parametrisation by
/// auxiliary variables that maps a (partly open) non-negative orthant onto it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Domain {
    /// `α, σ > 0`: all real `β_A, β_S` (identity map, both variables strictly positive).
    AllTemperatures,
    /// `α, σ ≥ 0`: all `β` including `β = −∞` (identity map, variables ≥ 0).
    ClosedQuadrant,
    /// `α > 0` with σ absent: a function of `α` alone (identity map).
    AlphaPositive,
    /// `α, σ ≥ 1`, i.e. `β_A, β_S ≥ 0` (thermal baths): `α = 1 + x`, `σ = 1 + y`, `x, y ≥ 0`.
    Thermal,
    /// `0 < α, σ ≤ 1`, i.e. `β_A, β_S ≤ 0`: `α = 1/(1 + x)`, `σ = 1/(1 + y)`, `x, y ≥ 0`.
    NegativeQuadrant,
    /// `σ ≥ α > 0`, i.e. `β_S ≥ β_A` (the cavity half-plane): `α = x`, `σ = x + y`, `x > 0`,
    /// `y ≥ 0`.
    CavityHalfPlane,
}

impl Domain {
    /// The region in words, in terms of Eq. (3)'s `α = e^{β_A}`, `σ = e^{β_S}`.
    pub fn describe(&self) -> &'static str {
        match self {
            Domain::AllTemperatures => "α, σ > 0 (all real β_A, β_S)",
            Domain::ClosedQuadrant => "α, σ ≥ 0 (all β_A, β_S including −∞)",
            Domain::AlphaPositive => "α > 0",
            Domain::Thermal => "α, σ ≥ 1 (β_A, β_S ≥ 0: thermal baths)",
            Domain::NegativeQuadrant => "0 < α, σ ≤ 1 (β_A, β_S ≤ 0)",
            Domain::CavityHalfPlane => "σ ≥ α > 0 (β_S ≥ β_A)",
        }
    }

    /// The substitution of Eq. (3)'s rates in words.
    pub fn substitution(&self) -> &'static str {
        match self {
            Domain::AllTemperatures => "none (α, σ > 0)",
            Domain::ClosedQuadrant => "none (α, σ ≥ 0)",
            Domain::AlphaPositive => "none (α > 0)",
            Domain::Thermal => "α = 1 + x, σ = 1 + y with x, y ≥ 0",
            Domain::NegativeQuadrant => {
                "α = 1/(1 + x), σ = 1/(1 + y) with x, y ≥ 0, multiplied by (1 + x)^deg_α (1 + y)^deg_σ > 0"
            }
            Domain::CavityHalfPlane => "α = x, σ = x + y with x > 0, y ≥ 0",
        }
    }

    /// Whether the rational point `(α, σ)` of Eq. (3) lies in the region.
    pub fn contains(&self, alpha: &Rational, sigma: &Rational) -> bool {
        match self {
            Domain::AllTemperatures | Domain::AlphaPositive => *alpha > 0 && *sigma > 0,
            Domain::ClosedQuadrant => *alpha >= 0 && *sigma >= 0,
            Domain::Thermal => *alpha >= 1 && *sigma >= 1,
            Domain::NegativeQuadrant => *alpha > 0 && *sigma > 0 && *alpha <= 1 && *sigma <= 1,
            Domain::CavityHalfPlane => *alpha > 0 && sigma >= alpha,
        }
    }

    /// Which variables are strictly positive on the parameter orthant (all are `≥ 0`).
    pub fn strictly_positive(&self) -> [bool; MAX_VARS] {
        match self {
            Domain::AllTemperatures => [true, true, false, false],
            Domain::AlphaPositive => [true, false, false, false],
            Domain::ClosedQuadrant | Domain::Thermal | Domain::NegativeQuadrant => {
                [false; MAX_VARS]
            }
            Domain::CavityHalfPlane => [false, false, true, false],
        }
    }

    /// `p(φ(x, y)) · m(x, y)` for a polynomial `p` in Eq. (3)'s `(α, σ)`, with the domain's parametrisation `φ` and a multiplier `m > 0`
    /// on the parameter orthant (1 except for [`Domain::NegativeQuadrant`]).
    pub fn transform(&self, p: &Poly) -> Poly {
        let one = Poly::one();
        let x = Poly::var(X);
        let y = Poly::var(Y);
        match self {
            Domain::AllTemperatures | Domain::ClosedQuadrant | Domain::AlphaPositive => p.clone(),
            Domain::Thermal => p
                .substitute(ALPHA, &(&one + &x))
                .substitute(SIGMA, &(&one + &y)),
            Domain::NegativeQuadrant => {
                let (q, _) = p.substitute_fraction(ALPHA, &one, &(&one + &x));
                q.substitute_fraction(SIGMA, &one, &(&one + &y)).0
            }
            Domain::CavityHalfPlane => p.substitute(SIGMA, &(&x + &y)).substitute(ALPHA, &x),
        }
    }
}

/// `weight · x^monomial · base²`, non-negative on the non-negative orthant when `weight > 0`.
#[derive(Clone, Debug, PartialEq)]
pub struct WeightedSquare {
    /// Positive rational weight.
    pub weight: Rational,
    /// A monomial factor (non-negative on the orthant).
    pub monomial: Exponents,
    /// The polynomial squared.
    pub base: Poly,
}

impl WeightedSquare {
    fn expand(&self) -> Poly {
        (&self.base * &self.base)
            .shift(&self.monomial)
            .scale(&self.weight)
    }
}

/// A certificate that a rational function `f = n/d` of `(α, σ)` is positive (or `≥ 0`) on a
/// [`Domain`]: after the domain's substitution, `d` has non-negative coefficients and a term
/// positive on the whole domain, and `n = Σ squares + r` with `r` of non-negative coefficients
/// (and, for strictness, a term positive on the whole domain).
#[derive(Clone, Debug, PartialEq)]
pub struct PositivityCertificate {
    /// What is being shown, in words.
    pub label: String,
    /// The function `f(α, σ)` and its definition.
    pub function: Expr,
    /// Where.
    pub domain: Domain,
    /// `f > 0` (true) or `f ≥ 0` (false).
    pub strict: bool,
    /// The explicit squares subtracted from the transformed numerator.
    pub squares: Vec<WeightedSquare>,
}

/// Why a certificate was rejected.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{label}: {reason}")]
pub struct CertificateFailure {
    /// The certificate's label.
    pub label: String,
    /// What did not check.
    pub reason: String,
}

fn fail(label: &str, reason: impl Into<String>) -> CertificateFailure {
    CertificateFailure {
        label: label.to_string(),
        reason: reason.into(),
    }
}

/// Whether `p` has non-negative coefficients and a positive term made only of strictly
/// positive variables (so `p > 0` on the orthant), or merely non-negative coefficients.
fn orthant_sign(p: &Poly, strict_vars: &[bool; MAX_VARS], strict: bool) -> Result<(), String> {
    if let Some((e, c)) = p.terms().find(|(_, c)| **c < 0) {
        return Err(format!(
            "coefficient {c} of the monomial {} is negative",
            monomial_or_one(e)
        ));
    }
    if strict {
        let positive_everywhere = p
            .terms()
            .any(|(e, _)| e.iter().zip(strict_vars).all(|(k, s)| *k == 0 || *s));
        if !positive_everywhere {
            return Err("no term is positive on the whole domain (it may vanish)".to_string());
        }
    }
    Ok(())
}

fn monomial_or_one(e: &Exponents) -> String {
    let m = monomial_text(e, &NAMES);
    if m.is_empty() { "1".to_string() } else { m }
}

impl PositivityCertificate {
    /// The transformed numerator and denominator `(n∘φ · m, d∘φ · m')` of a function of Eq. (3)'s
    /// rates, each divided by the
    /// absolute value of its rational content (integer coprime coefficients, signs kept).
    pub fn transformed(&self) -> (Poly, Poly) {
        let integral = |p: Poly| {
            let c = Rational::from(p.content().abs_ref());
            p.scale(&c.recip())
        };
        (
            integral(self.domain.transform(self.function.value().numer())),
            integral(self.domain.transform(self.function.value().denom())),
        )
    }

    /// The remainder `n∘φ·m − Σ squares` (non-negative coefficients prove e.g. Eq. 6's `Ṡ ≥ 0` factor).
    pub fn remainder(&self) -> Poly {
        let (n, _) = self.transformed();
        self.squares.iter().fold(n, |acc, s| &acc - &s.expand())
    }

    /// Checks the positivity certificate exactly (used for the bounds on Eq. 4's C).
    ///
    /// # Errors
    /// [`CertificateFailure`] naming the step that fails.
    pub fn check(&self) -> Result<(), CertificateFailure> {
        let strict_vars = self.domain.strictly_positive();
        let (_, d) = self.transformed();
        orthant_sign(&d, &strict_vars, true)
            .map_err(|r| fail(&self.label, format!("denominator: {r}")))?;
        for s in &self.squares {
            if s.weight <= 0 {
                return Err(fail(&self.label, format!("square weight {} ≤ 0", s.weight)));
            }
        }
        orthant_sign(&self.remainder(), &strict_vars, self.strict)
            .map_err(|r| fail(&self.label, format!("numerator remainder: {r}")))
    }

    /// Builds a positivity certificate for a function of Eq. (3)'s rates: no squares when the transformed numerator already has
    /// non-negative coefficients, otherwise completes squares `a v^{2k} + c v^k + b` with
    /// `c < 0`, `c² < 4ab` (variable `v`, constant term `b`). The result still has to pass
    /// [`PositivityCertificate::check`].
    pub fn search(label: impl Into<String>, function: Expr, domain: Domain, strict: bool) -> Self {
        let mut cert = PositivityCertificate {
            label: label.into(),
            function,
            domain,
            strict,
            squares: Vec::new(),
        };
        for _ in 0..4 {
            let r = cert.remainder();
            let Some((e, c)) = r
                .terms()
                .find(|(_, c)| **c < 0)
                .map(|(e, c)| (*e, c.clone()))
            else {
                break;
            };
            let vars: Vec<usize> = (0..MAX_VARS).filter(|&v| e[v] > 0).collect();
            let [v] = vars[..] else { break };
            let k = e[v];
            let square_e = crate::poly::polynomial::unit_exponents(v, 2 * k);
            let a = r
                .terms()
                .find(|(f, _)| **f == square_e)
                .map(|(_, a)| a.clone())
                .unwrap_or_default();
            let b = r.constant_term();
            let disc = Rational::from(&c * &c) - Rational::from(&a * &b) * 4;
            if a <= 0 || b <= 0 || disc >= 0 {
                break;
            }
            // a v^{2k} + c v^k + c²/(4a) = a (v^k + c/(2a))²
            let shift = c / Rational::from(&a * 2);
            let base = &Poly::monomial(
                Rational::from(1),
                crate::poly::polynomial::unit_exponents(v, k),
            ) + &Poly::constant(shift);
            cert.squares.push(WeightedSquare {
                weight: a,
                monomial: [0; MAX_VARS],
                base,
            });
        }
        cert
    }

    /// Markdown rendering for `proofs/*.md` (the pages confirming Eq. 4–6 and Eq. 9).
    pub fn render(&self) -> String {
        let mut s = String::new();
        let (n, d) = self.transformed();
        let sign = if self.strict { "> 0" } else { "≥ 0" };
        let _ = writeln!(s, "**Positivity** — {}.", self.label);
        let _ = writeln!(s);
        let _ = writeln!(s, "Claim: f {sign} on {}, where", self.domain.describe());
        let _ = writeln!(s);
        let _ = writeln!(s, "```text\n{}```", definition_block("f", &self.function));
        let _ = writeln!(s);
        let _ = writeln!(
            s,
            "Substitution: {}. Numerator and denominator become (up to positive constant factors)",
            self.domain.substitution()
        );
        let _ = writeln!(s);
        let _ = writeln!(
            s,
            "```text\nnumerator   = {}\ndenominator = {}\n```",
            n.display(&NAMES),
            d.display(&NAMES)
        );
        if !self.squares.is_empty() {
            let _ = writeln!(s);
            let _ = writeln!(s, "Completed squares (checked by expansion):");
            let _ = writeln!(s);
            let _ = writeln!(s, "```text");
            for sq in &self.squares {
                let m = monomial_text(&sq.monomial, &NAMES);
                let _ = writeln!(s, "{}·{}({})²", sq.weight, m, sq.base.display(&NAMES));
            }
            let _ = writeln!(
                s,
                "numerator − squares = {}",
                self.remainder().display(&NAMES)
            );
            let _ = writeln!(s, "```");
        }
        let _ = writeln!(s);
        let numerator = if self.squares.is_empty() {
            "numerator"
        } else {
            "numerator − squares"
        };
        let conclusion = if self.strict {
            format!(
                "Every coefficient of the denominator and of the {numerator} is ≥ 0 and each \
                 has a term that is positive on the whole domain (a constant, or a monomial in \
                 strictly positive variables only), so f > 0 there."
            )
        } else {
            format!(
                "Every coefficient of the denominator and of the {numerator} is ≥ 0 (and the \
                 denominator has a term positive on the whole domain), so f ≥ 0 there."
            )
        };
        let _ = writeln!(s, "{conclusion}");
        s
    }
}

/// Where a rate goes in a [`LimitCertificate`]: the one description of a limit point, shared
/// with the certified `β → ±∞` values.
pub use crate::diamond::symbolic::RateLimit as Approach;

/// A limit by continuity: after `rate = 1/aux` for rates going to ∞, `f` is a rational
/// function `g = n/d` whose denominator does not vanish at the limit point (for free `α`, it is
/// positive for all `α > 0`), so the joint limit is `n/d` evaluated there.
#[derive(Clone, Debug, PartialEq)]
pub struct LimitCertificate {
    /// What is being limited, in words.
    pub label: String,
    /// `f(α, σ)` and its definition.
    pub function: Expr,
    /// Where α goes.
    pub alpha: Approach,
    /// Where σ goes.
    pub sigma: Approach,
    /// The claimed limit (a function of the free rate, or a constant).
    pub expected: Expr,
}

impl LimitCertificate {
    /// `(g, n at point, d at point)`: `g` is `f` after `rate = 1/aux` for every rate going
    /// to ∞, in lowest terms; `n`, `d` its numerator and denominator at the limit point
    /// ([`substitute_limit`]).
    pub fn evaluate(&self) -> (RatFunc, Poly, Poly) {
        substitute_limit(self.function.value(), &self.alpha, &self.sigma)
    }

    /// Checks the limit certificate exactly (the `β → ±∞` limits of Eq. 4's C).
    ///
    /// # Errors
    /// [`CertificateFailure`] when the denominator may vanish at the point or the value differs.
    pub fn check(&self) -> Result<(), CertificateFailure> {
        let (_, n, d) = self.evaluate();
        if d.is_zero() {
            return Err(fail(
                &self.label,
                "the denominator vanishes at the limit point",
            ));
        }
        let free_positive = [
            self.alpha == Approach::Free,
            self.sigma == Approach::Free,
            false,
            false,
        ];
        let one_sign = orthant_sign(&d, &free_positive, true).is_ok()
            || orthant_sign(&-&d, &free_positive, true).is_ok();
        if !one_sign {
            return Err(fail(
                &self.label,
                format!(
                    "the denominator at the limit point, {}, is not of one strict sign for free rates > 0",
                    d.display(&NAMES)
                ),
            ));
        }
        let value = RatFunc::new(n, d);
        if value != *self.expected.value() {
            return Err(fail(
                &self.label,
                format!(
                    "the limit is {}, not the claimed {}",
                    value.display(&NAMES),
                    self.expected.value().display(&NAMES)
                ),
            ));
        }
        Ok(())
    }

    /// Markdown rendering for `proofs/*.md` (limits of Eq. 4–6 quantities).
    pub fn render(&self) -> String {
        let (g, n, d) = self.evaluate();
        let mut s = String::new();
        let _ = writeln!(
            s,
            "**Limit by continuity** — {} as {}, {}.",
            self.label,
            self.alpha.describe("α", "x"),
            self.sigma.describe("σ", "y")
        );
        let _ = writeln!(s);
        let _ = writeln!(
            s,
            "```text\n{}after substitution, in lowest terms: {}\nnumerator at the point   = {}\ndenominator at the point = {}\nlimit = {}\n```",
            definition_block("f", &self.function),
            g.display(&NAMES),
            n.display(&NAMES),
            d.display(&NAMES),
            self.expected.value().display(&NAMES)
        );
        let _ = writeln!(s);
        let _ = writeln!(
            s,
            "The denominator does not vanish at the point (for a free rate it has coefficients of \
             one sign and a non-zero term for every rate > 0), so the substituted function is \
             continuous there and the joint limit is its value."
        );
        s
    }
}

/// `name = definition` (and every binding it uses) for the pages, one line each.
fn definition_block(name: &str, e: &Expr) -> String {
    let mut s = String::new();
    for b in e.bindings() {
        let _ = writeln!(s, "where {} := {}", b.name, b.definition);
    }
    let _ = writeln!(s, "{name} := {}", e.text());
    let _ = writeln!(s, "{name} = {}", e.value().display(&NAMES));
    s
}

/// A step's source for a stated lemma: another theorem of `proofs/`, or the literature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Citation {
    /// A theorem proved in `proofs/<id>.md` (its certificate must check too).
    Theorem(&'static str),
    /// A textbook or paper reference for an analytic fact.
    Literature(&'static str),
}

impl Citation {
    /// The citation in words.
    pub fn text(&self) -> String {
        match self {
            Citation::Theorem(id) => format!("theorem {id} (proofs/{id}.md)"),
            Citation::Literature(r) => (*r).to_string(),
        }
    }
}

/// The least common denominator `D` (primitive) of the entries of a matrix of rational
/// functions (ρ_SS of Eq. 1–3) and the numerators over it: `m_ij = N_ij / D`.
pub fn common_denominator(m: &DMatrix<RatFunc>) -> (Poly, DMatrix<Poly>) {
    let mut lcm = Poly::one();
    for f in m.iter() {
        let g = crate::poly::gcd(&lcm, f.denom());
        lcm = &lcm * &f.denom().div_exact(&g).expect("the gcd divides");
    }
    let lcm = lcm.primitive();
    let numerators = m.map(|f| {
        (f.numer() * &lcm)
            .div_exact(f.denom())
            .expect("the lcm is a multiple of every denominator")
    });
    (lcm, numerators)
}

/// The exact kernel of the 16×16 Liouvillian of Eq. (1)–(2): the superoperator `M` (basis
/// `|i⟩⟨j|` in the order of `basis`) annihilates `vec(ρ)` identically, `tr ρ = 1`, and the
/// common denominator of `ρ` is positive on `α, σ ≥ 0`.
#[derive(Clone, Debug, PartialEq)]
pub struct KernelCertificate {
    /// What is shown.
    pub label: String,
    /// The superoperator over `Q(i)[α, σ]`.
    pub matrix: DMatrix<GaussRatFunc>,
    /// `basis[s] = (i, j)`: coordinate `s` of `vec(ρ)` is `ρ_ij`.
    pub basis: Vec<(usize, usize)>,
    /// The claimed kernel vector as a (real) matrix of rational functions.
    pub state: DMatrix<RatFunc>,
}

impl KernelCertificate {
    /// Checks `M vec(ρ) = 0`, `tr ρ = 1` and `D > 0` on `α, σ ≥ 0` exactly (Eq. 1–2's kernel),
    /// with `ρ = N/D` over its common denominator so that only polynomials are multiplied.
    ///
    /// # Errors
    /// [`CertificateFailure`] naming what fails.
    pub fn check(&self) -> Result<(), CertificateFailure> {
        let (d, numerators) = common_denominator(&self.state);
        let v: Vec<&Poly> = self
            .basis
            .iter()
            .map(|&(i, j)| &numerators[(i, j)])
            .collect();
        for r in 0..self.basis.len() {
            let mut re = Poly::zero();
            let mut im = Poly::zero();
            for (c, x) in v.iter().enumerate() {
                let entry = &self.matrix[(r, c)];
                let (Some(a), Some(b)) = (entry.re.as_poly(), entry.im.as_poly()) else {
                    return Err(fail(
                        &self.label,
                        format!("entry ({r}, {c}) of M is not a polynomial"),
                    ));
                };
                re += &(a * *x);
                im += &(b * *x);
            }
            if !re.is_zero() || !im.is_zero() {
                return Err(fail(
                    &self.label,
                    format!("row {r} of M vec(ρ) does not vanish"),
                ));
            }
        }
        let trace = (0..self.state.nrows()).fold(Poly::zero(), |acc, i| &acc + &numerators[(i, i)]);
        if trace != d {
            return Err(fail(&self.label, "tr ρ ≠ 1"));
        }
        orthant_sign(&d, &[false; MAX_VARS], true)
            .map_err(|r| fail(&self.label, format!("common denominator: {r}")))
    }
}

/// One charge-difference block of the Liouvillian with its determinant and a certificate
/// that one part of the determinant (±Re or ±Im) is positive on `α, σ ≥ 0`.
#[derive(Clone, Debug, PartialEq)]
pub struct BlockCertificate {
    /// Ket–bra excitation difference of the block.
    pub difference: i64,
    /// Basis positions (rows = columns) of the block.
    pub positions: Vec<usize>,
    /// The population row replaced by the trace functional (difference-0 block only).
    pub bordered_row: Option<usize>,
    /// Real part of the (bordered) determinant.
    pub re: Poly,
    /// Imaginary part.
    pub im: Poly,
    /// `±det_re > 0` or `±det_im > 0` on the closed quadrant.
    pub nonzero: PositivityCertificate,
}

/// Nullity 1 of the Liouvillian of Eq. (1)–(2) for every `α, σ ≥ 0`: block diagonal in the
/// ket–bra excitation difference, population rows of the difference-0 block summing to zero,
/// and every (bordered) block determinant non-vanishing.
#[derive(Clone, Debug, PartialEq)]
pub struct NullityCertificate {
    /// What is shown.
    pub label: String,
    /// The blocks, in order of difference.
    pub blocks: Vec<BlockCertificate>,
    /// Whether the superoperator has no entry between different blocks (from the derivation).
    pub block_diagonal: bool,
    /// Whether the population rows of the bordered block sum to zero (from the derivation).
    pub trace_rows_sum_to_zero: bool,
}

impl NullityCertificate {
    /// Checks the recorded structure and every block's non-vanishing certificate (Eq. 1–2).
    ///
    /// # Errors
    /// [`CertificateFailure`] naming what fails.
    pub fn check(&self) -> Result<(), CertificateFailure> {
        if !self.block_diagonal {
            return Err(fail(&self.label, "the superoperator is not block diagonal"));
        }
        if !self.trace_rows_sum_to_zero {
            return Err(fail(&self.label, "the population rows do not sum to zero"));
        }
        for b in &self.blocks {
            let f = b.nonzero.function.value();
            let parts = [&b.re, &b.im].map(|p| RatFunc::from_poly(p.clone()));
            let is_part = parts.iter().any(|p| !p.is_zero() && (f == p || *f == -p));
            if !is_part {
                return Err(fail(
                    &self.label,
                    format!(
                        "block {}: the positivity certificate is not about ±Re or ±Im of its determinant",
                        b.difference
                    ),
                ));
            }
            b.nonzero.check()?;
        }
        Ok(())
    }
}

/// One verifiable step of a proof.
#[derive(Clone, Debug, PartialEq)]
pub enum Certificate {
    /// `lhs = rhs` identically as rational functions (checked by expanding `lhs − rhs`).
    Identity {
        /// What the identity says, in words.
        label: String,
        /// Left side.
        lhs: Expr,
        /// Right side.
        rhs: Expr,
        /// Variable names for display (the identity may use its own variables).
        names: [&'static str; MAX_VARS],
        /// The same variables' names in the certificate grammar.
        variables: [&'static str; MAX_VARS],
    },
    /// Positivity on a domain.
    Positive(PositivityCertificate),
    /// A limit by continuity.
    Limit(LimitCertificate),
    /// `𝓛 ρ_SS = 0` with the superoperator and the vector.
    Kernel(KernelCertificate),
    /// The kernel of 𝓛 is one-dimensional on the whole closed quadrant.
    Nullity(NullityCertificate),
    /// A 4×4 matrix of the model is an X state (zero off the diagonal and the anti-diagonal),
    /// with further entry equalities.
    XState {
        /// What is shown.
        label: String,
        /// The vocabulary name of the matrix (`rho` or `R`).
        matrix_name: &'static str,
        /// The matrix.
        matrix: DMatrix<RatFunc>,
        /// Further equalities `lhs = rhs`.
        conditions: Vec<(Expr, Expr)>,
    },
    /// A function evaluated exactly at a rational point is non-zero.
    Evaluation {
        /// What is shown.
        label: String,
        /// The function.
        function: Expr,
        /// `(α, σ)`.
        point: [Rational; 2],
    },
    /// A statement decided by an exact computation whose data the certificate cannot carry
    /// (only the failure path of a derivation; the independent checker rejects it).
    Computation {
        /// What was computed.
        label: String,
        /// Whether it holds.
        holds: bool,
    },
    /// An analytic step stated explicitly; it is not machine-checked.
    Lemma {
        /// The step.
        text: String,
        /// Where it is proved.
        citation: Citation,
    },
}

impl Certificate {
    /// An identity in Eq. (3)'s `(α, σ)`.
    pub fn identity(label: impl Into<String>, lhs: Expr, rhs: Expr) -> Self {
        Certificate::Identity {
            label: label.into(),
            lhs,
            rhs,
            names: NAMES,
            variables: super::expr::VARIABLES,
        }
    }

    /// Short name of the certificate's kind (printed by `steadyent prove` next to Eq. 4–6 theorems).
    pub fn kind(&self) -> &'static str {
        match self {
            Certificate::Identity { .. } => "identity",
            Certificate::Positive(c) if c.squares.is_empty() => "non-negative coefficients",
            Certificate::Positive(_) => "completed squares + non-negative coefficients",
            Certificate::Limit(_) => "limit by continuity",
            Certificate::Kernel(_) => "exact kernel",
            Certificate::Nullity(_) => "nullity",
            Certificate::XState { .. } => "X-state pattern",
            Certificate::Evaluation { .. } => "exact evaluation",
            Certificate::Computation { .. } => "exact computation",
            Certificate::Lemma { .. } => "stated lemma",
        }
    }

    /// The value of [`Certificate::Evaluation`]'s function at its point (`None` at a pole).
    pub fn evaluation_value(function: &Expr, point: &[Rational; 2]) -> Option<Rational> {
        function.value().eval(&[
            point[0].clone(),
            point[1].clone(),
            Rational::new(),
            Rational::new(),
        ])
    }

    /// Checks the certificate exactly ([`Certificate::Lemma`] always passes: it is stated); the
    /// steps of the proofs of Eq. (4)–(6) and Eq. (9).
    ///
    /// # Errors
    /// [`CertificateFailure`] naming what fails.
    pub fn check(&self) -> Result<(), CertificateFailure> {
        match self {
            Certificate::Identity {
                label,
                lhs,
                rhs,
                names,
                ..
            } => {
                let diff = lhs.value() - rhs.value();
                if diff.is_zero() {
                    Ok(())
                } else {
                    Err(fail(
                        label,
                        format!("lhs − rhs = {} ≠ 0", diff.display(names)),
                    ))
                }
            }
            Certificate::Positive(c) => c.check(),
            Certificate::Limit(c) => c.check(),
            Certificate::Kernel(c) => c.check(),
            Certificate::Nullity(c) => c.check(),
            Certificate::XState {
                label,
                matrix,
                conditions,
                ..
            } => {
                let off_x = (0..4)
                    .any(|i| (0..4).any(|j| i != j && i + j != 3 && !matrix[(i, j)].is_zero()));
                if off_x {
                    return Err(fail(
                        label,
                        "an entry off the diagonal and anti-diagonal is not 0",
                    ));
                }
                match conditions.iter().find(|(l, r)| l.value() != r.value()) {
                    Some((l, r)) => Err(fail(label, format!("{} ≠ {}", l.text(), r.text()))),
                    None => Ok(()),
                }
            }
            Certificate::Evaluation {
                label,
                function,
                point,
            } => match Self::evaluation_value(function, point) {
                Some(v) if v != 0 => Ok(()),
                Some(_) => Err(fail(label, "the value is 0")),
                None => Err(fail(label, "the point is a pole")),
            },
            Certificate::Computation { label, holds } => {
                if *holds {
                    Ok(())
                } else {
                    Err(fail(label, "the exact computation says it does not hold"))
                }
            }
            Certificate::Lemma { .. } => Ok(()),
        }
    }

    /// Markdown rendering of one proof step of Eq. (4)–(6) / Eq. (9) for `proofs/*.md`.
    pub fn render(&self) -> String {
        match self {
            Certificate::Identity {
                label,
                lhs,
                rhs,
                names,
                ..
            } => {
                let mut s = format!("**Identity** — {label}.\n\n```text\n");
                for b in lhs.bindings().iter().chain(rhs.bindings()) {
                    let _ = writeln!(s, "where {} := {}", b.name, b.definition);
                }
                let _ = writeln!(s, "left side  := {}", lhs.text());
                let _ = writeln!(s, "right side := {}", rhs.text());
                if lhs.value() == rhs.value() {
                    let _ = writeln!(
                        s,
                        "both sides in lowest terms: {}",
                        lhs.value().display(names)
                    );
                } else {
                    let _ = writeln!(s, "left side  = {}", lhs.value().display(names));
                    let _ = writeln!(s, "right side = {}", rhs.value().display(names));
                }
                let _ = writeln!(
                    s,
                    "```\n\nChecked by reducing left − right to lowest terms: the numerator \
                     expands to the zero polynomial.{}",
                    if lhs.value() == rhs.value() {
                        ""
                    } else {
                        " IT DOES NOT."
                    }
                );
                s
            }
            Certificate::Positive(c) => c.render(),
            Certificate::Limit(c) => c.render(),
            Certificate::Kernel(c) => {
                let nonzero = c.matrix.iter().filter(|e| !e.is_zero()).count();
                let (d, _) = common_denominator(&c.state);
                format!(
                    "**Exact kernel** — {}.\n\nThe {n}×{n} superoperator (coordinates ρ_ij in \
                     row-major order, {nonzero} non-zero entries; the matrix and the vector are \
                     in the certificate file) times vec(ρ_SS) is the zero vector over \
                     Q(i)(α, σ), tr ρ_SS = 1, and the common denominator\n\n```text\nD = {}\n```\n\n\
                     has non-negative coefficients and a positive constant term, so ρ_SS is \
                     defined and in the kernel at every α, σ ≥ 0.\n",
                    c.label,
                    d.display(&NAMES),
                    n = c.basis.len(),
                )
            }
            Certificate::Nullity(c) => {
                let mut s = format!(
                    "**Nullity** — {}.\n\nThe superoperator has no entry between blocks of \
                     different ket−bra excitation difference; in the difference-0 block the \
                     population rows sum to zero (tr 𝓛ρ = 0) and the row of ⟨00|·|00⟩ is \
                     replaced by the trace functional. Each block's determinant is non-zero \
                     for all α, σ ≥ 0 because one of ±Re det, ±Im det is positive there:\n\n",
                    c.label
                );
                for b in &c.blocks {
                    let _ = writeln!(
                        s,
                        "- difference {} ({}×{}{}): det = {} + i·({})\n",
                        b.difference,
                        b.positions.len(),
                        b.positions.len(),
                        if b.bordered_row.is_some() {
                            ", trace-bordered"
                        } else {
                            ""
                        },
                        b.re.display(&NAMES),
                        b.im.display(&NAMES)
                    );
                    for line in b.nonzero.render().lines() {
                        if line.is_empty() {
                            let _ = writeln!(s);
                        } else {
                            let _ = writeln!(s, "  {line}");
                        }
                    }
                    let _ = writeln!(s);
                }
                s
            }
            Certificate::XState {
                label,
                matrix_name,
                conditions,
                ..
            } => {
                let mut s = format!(
                    "**X-state pattern** — {label}: every entry of `{matrix_name}` off the \
                     diagonal and the anti-diagonal is identically 0"
                );
                if !conditions.is_empty() {
                    let list: Vec<String> = conditions
                        .iter()
                        .map(|(l, r)| format!("`{} = {}`", l.text(), r.text()))
                        .collect();
                    let _ = write!(s, ", and {}", list.join(", "));
                }
                s.push_str(".\n");
                s
            }
            Certificate::Evaluation {
                label,
                function,
                point,
            } => format!(
                "**Exact evaluation** — {label}.\n\n```text\n{}at α = {}, σ = {}: {}\n```\n",
                definition_block("f", function),
                point[0],
                point[1],
                Self::evaluation_value(function, point)
                    .map_or("a pole".to_string(), |v| format!("f = {v}"))
            ),
            Certificate::Computation { label, holds } => format!(
                "**Exact computation** — {label}: {}.\n",
                if *holds { "holds" } else { "DOES NOT HOLD" }
            ),
            Certificate::Lemma { text, citation } => {
                format!(
                    "**Lemma (stated, not machine-checked)** — {text} Source: {}.\n",
                    citation.text()
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_completed_square_is_found_and_checked() {
        // 4α² − α + 2 > 0 for all real α: 4(α − 1/8)² + 31/16.
        let a = Poly::var(ALPHA);
        let p = &(&a.pow(2).scale(&Rational::from(4)) - &a) + &Poly::from_i64(2);
        let cert = PositivityCertificate::search(
            "quadratic",
            Expr::literal(RatFunc::from_poly(p), &super::super::expr::VARIABLES),
            Domain::AllTemperatures,
            true,
        );
        assert_eq!(cert.squares.len(), 1);
        assert_eq!(cert.remainder(), Poly::constant(Rational::from((31, 16))));
        assert!(cert.check().is_ok());
        let mut broken = cert.clone();
        broken.squares[0].weight = Rational::from(5);
        assert!(broken.check().is_err());
    }
}
