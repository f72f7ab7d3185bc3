//! Exact certificates and their checker: identities, positivity on a domain, limits by continuity.
//!
//! A certificate is data that exact arithmetic verifies; whoever produced it (a search in
//! [`PositivityCertificate::search`], or a derivation) is not trusted. Sampling never proves
//! anything here: positivity is shown by non-negative coefficients after a substitution that
//! maps the domain onto the non-negative orthant, plus explicit weighted squares checked as a
//! polynomial identity.

use std::fmt::Write as _;

use num_traits::Zero;
use rug::Rational;

use crate::diamond::symbolic::{ALPHA, NAMES, SIGMA, substitute_limit};
use crate::poly::polynomial::monomial_text;
use crate::poly::{Exponents, MAX_VARS, Poly, RatFunc};

/// Index of the first auxiliary variable (`x`).
pub const X: usize = 2;
/// Index of the second auxiliary variable (`y`).
pub const Y: usize = 3;

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
    fn strictly_positive(&self) -> [bool; MAX_VARS] {
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
    /// The function `f(α, σ)`.
    pub function: RatFunc,
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
            integral(self.domain.transform(self.function.numer())),
            integral(self.domain.transform(self.function.denom())),
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
    pub fn search(
        label: impl Into<String>,
        function: RatFunc,
        domain: Domain,
        strict: bool,
    ) -> Self {
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
        let _ = writeln!(s, "```text\nf = {}\n```", self.function.display(&NAMES));
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
    /// `f(α, σ)`.
    pub function: RatFunc,
    /// Where α goes.
    pub alpha: Approach,
    /// Where σ goes.
    pub sigma: Approach,
    /// The claimed limit (a function of the free rate, or a constant).
    pub expected: RatFunc,
}

impl LimitCertificate {
    /// `(g, n at point, d at point)`.
    fn evaluate(&self) -> (RatFunc, Poly, Poly) {
        substitute_limit(&self.function, &self.alpha, &self.sigma)
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
        if value != self.expected {
            return Err(fail(
                &self.label,
                format!(
                    "the limit is {}, not the claimed {}",
                    value.display(&NAMES),
                    self.expected.display(&NAMES)
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
            "```text\nf = {}\nafter substitution, in lowest terms: {}\nnumerator at the point   = {}\ndenominator at the point = {}\nlimit = {}\n```",
            self.function.display(&NAMES),
            g.display(&NAMES),
            n.display(&NAMES),
            d.display(&NAMES),
            self.expected.display(&NAMES)
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

/// One verifiable step of a proof.
#[derive(Clone, Debug, PartialEq)]
pub enum Certificate {
    /// `lhs = rhs` identically as rational functions (checked by expanding `lhs − rhs`).
    Identity {
        /// What the identity says, in words.
        label: String,
        /// Left side.
        lhs: RatFunc,
        /// Right side.
        rhs: RatFunc,
        /// The right side as the proof builds it (e.g. factored), shown above its normal form;
        /// empty when the normal form says it all.
        rhs_form: String,
        /// Variable names for display (the identity may use its own variables).
        names: [&'static str; MAX_VARS],
    },
    /// Positivity on a domain.
    Positive(PositivityCertificate),
    /// A limit by continuity.
    Limit(LimitCertificate),
    /// A statement decided by an exact computation done during the derivation (recorded
    /// result, recomputed on every run).
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
    },
}

impl Certificate {
    /// An identity in Eq. (3)'s `(α, σ)`.
    pub fn identity(label: impl Into<String>, lhs: RatFunc, rhs: RatFunc) -> Self {
        Certificate::Identity {
            label: label.into(),
            lhs,
            rhs,
            rhs_form: String::new(),
            names: NAMES,
        }
    }

    /// Short name of the certificate's kind (printed by `steadyent prove` next to Eq. 4–6 theorems).
    pub fn kind(&self) -> &'static str {
        match self {
            Certificate::Identity { .. } => "identity",
            Certificate::Positive(c) if c.squares.is_empty() => "non-negative coefficients",
            Certificate::Positive(_) => "completed squares + non-negative coefficients",
            Certificate::Limit(_) => "limit by continuity",
            Certificate::Computation { .. } => "exact computation",
            Certificate::Lemma { .. } => "stated lemma",
        }
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
                let diff = lhs - rhs;
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
                rhs_form,
                names,
            } => {
                let mut s = format!("**Identity** — {label}.\n\n```text\n");
                if lhs == rhs {
                    let _ = writeln!(s, "both sides in lowest terms: {}", lhs.display(names));
                } else {
                    let _ = writeln!(s, "left side:  {}", lhs.display(names));
                    let _ = writeln!(s, "right side: {}", rhs.display(names));
                }
                if !rhs_form.is_empty() {
                    let _ = writeln!(s, "right side as built: {rhs_form}");
                }
                let _ = writeln!(
                    s,
                    "```\n\nChecked by reducing left − right to lowest terms: the numerator \
                     expands to the zero polynomial.{}",
                    if lhs == rhs { "" } else { " IT DOES NOT." }
                );
                s
            }
            Certificate::Positive(c) => c.render(),
            Certificate::Limit(c) => c.render(),
            Certificate::Computation { label, holds } => format!(
                "**Exact computation** — {label}: {}.\n",
                if *holds { "holds" } else { "DOES NOT HOLD" }
            ),
            Certificate::Lemma { text } => {
                format!("**Lemma (stated, not machine-checked)** — {text}\n")
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
            RatFunc::from_poly(p),
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
