//! Rational functions that remember the formula that built them, so a certificate can say what each function *is*.
//!
//! An [`Expr`] is a value (a [`RatFunc`] of Eq. (3)'s `α, σ`, or of a step's own variables)
//! together with its definition in the certificate grammar of `proofs/README.md`: numbers,
//! `+ − * /`, `^` with a natural exponent, `subs(f, sigma=alpha)`, the variables, the model's
//! quantities (`z`, `p_G`, `rho[i,j]`, `Q_A`, …, computed by an independent checker from the
//! steady state in the certificate) and named bindings. The arithmetic below builds the text
//! and the value together, so the two cannot drift apart; the checker re-evaluates every
//! definition and compares it with the value.

use std::ops::{Add, Div, Mul, Neg, Sub};

use num_traits::Zero;
use rug::Rational;

use crate::diamond::symbolic::{ALPHA, SIGMA};
use crate::poly::{MAX_VARS, Poly, RatFunc};

/// The certificate names of the variables `α, σ, x, y` (indices [`ALPHA`], [`SIGMA`], 2, 3).
pub const VARIABLES: [&str; MAX_VARS] = ["alpha", "sigma", "x", "y"];

/// Binding strength of the outermost operation of a definition (for parentheses).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Prec {
    Sum,
    Product,
    Unary,
    Power,
    Atom,
}

/// A named sub-expression of a definition: `name := definition`, with its value.
#[derive(Clone, Debug, PartialEq)]
pub struct Binding {
    /// The name used in later definitions.
    pub name: String,
    /// Its definition in the certificate grammar.
    pub definition: String,
    /// Its value.
    pub value: RatFunc,
}

/// A rational function together with the definition that built it (see the module doc).
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    value: RatFunc,
    text: String,
    prec: Prec,
    bindings: Vec<Binding>,
}

impl Expr {
    fn atom(text: impl Into<String>, value: RatFunc) -> Self {
        Expr {
            value,
            text: text.into(),
            prec: Prec::Atom,
            bindings: Vec::new(),
        }
    }

    /// Eq. (3)'s `α = e^{β_A}`.
    pub fn alpha() -> Self {
        Expr::atom(VARIABLES[ALPHA], RatFunc::var(ALPHA))
    }

    /// Eq. (3)'s `σ = e^{β_S}`.
    pub fn sigma() -> Self {
        Expr::atom(VARIABLES[SIGMA], RatFunc::var(SIGMA))
    }

    /// Variable `index` under a step's own name (e.g. `lam` for Wootters' eigenvalues).
    pub fn var(index: usize, name: &str) -> Self {
        Expr::atom(name, RatFunc::var(index))
    }

    /// A quantity of the model that the checker computes itself from the certified steady
    /// state (`z`, `p_G`, `rho[1,1]`, `Q_A`, `R[0,0]`, `det_re`, … — the vocabulary of
    /// `proofs/README.md`), with the value the derivation found for it.
    pub fn model(name: impl Into<String>, value: RatFunc) -> Self {
        Expr::atom(name, value)
    }

    /// The rational constant `c`.
    pub fn constant(c: Rational) -> Self {
        let text = c.to_string();
        let prec = if c < 0 {
            Prec::Unary
        } else if *c.denom() != 1 {
            Prec::Product
        } else {
            Prec::Atom
        };
        Expr {
            value: RatFunc::constant(c),
            text,
            prec,
            bindings: Vec::new(),
        }
    }

    /// `num/den`.
    pub fn ratio(num: i64, den: u64) -> Self {
        Expr::constant(Rational::from((num, den)))
    }

    /// `0`.
    pub fn zero() -> Self {
        Expr::constant(Rational::new())
    }

    /// `1`.
    pub fn one() -> Self {
        Expr::constant(Rational::from(1))
    }

    /// An explicit rational function written out term by term (for data such as a
    /// determinant or a denominator that the certificate states rather than defines).
    pub fn literal(value: RatFunc, variables: &[&str; MAX_VARS]) -> Self {
        let num = poly_text(value.numer(), variables);
        if value.denom() == &Poly::one() {
            let prec = if value.numer().len() > 1 {
                Prec::Sum
            } else {
                Prec::Product
            };
            return Expr {
                value,
                text: num,
                prec,
                bindings: Vec::new(),
            };
        }
        let den = poly_text(value.denom(), variables);
        Expr {
            text: format!("({num})/({den})"),
            value,
            prec: Prec::Product,
            bindings: Vec::new(),
        }
    }

    /// `name := self`: later definitions say `name`; the certificate lists the binding.
    pub fn bind(self, name: &str) -> Self {
        let mut bindings = self.bindings;
        push_binding(
            &mut bindings,
            Binding {
                name: name.to_string(),
                definition: self.text,
                value: self.value.clone(),
            },
        );
        Expr {
            value: self.value,
            text: name.to_string(),
            prec: Prec::Atom,
            bindings,
        }
    }

    /// The value.
    pub fn value(&self) -> &RatFunc {
        &self.value
    }

    /// The definition in the certificate grammar.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The named sub-expressions the definition uses, each after the bindings it uses.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// Whether the value is identically zero.
    pub fn is_zero(&self) -> bool {
        self.value.is_zero()
    }

    /// `self^n`.
    pub fn pow(&self, n: u32) -> Self {
        Expr {
            value: self.value.pow(n),
            text: format!("{}^{n}", self.wrap(Prec::Atom)),
            prec: Prec::Power,
            bindings: self.bindings.clone(),
        }
    }

    /// `self` with `var` replaced by `value` (e.g. the diagonal `σ = α` of Eq. 3).
    pub fn substitute(&self, var: usize, value: &Expr) -> Self {
        Expr {
            value: self.value.substitute(var, &value.value),
            text: format!("subs({}, {}={})", self.text, VARIABLES[var], value.text),
            prec: Prec::Atom,
            bindings: merged(&self.bindings, &value.bindings),
        }
    }

    fn wrap(&self, at_least: Prec) -> String {
        if self.prec >= at_least {
            self.text.clone()
        } else {
            format!("({})", self.text)
        }
    }

    fn binary(&self, rhs: &Expr, op: &str, value: RatFunc, left: Prec, right: Prec) -> Expr {
        let prec = if op == "+" || op == "-" {
            Prec::Sum
        } else {
            Prec::Product
        };
        Expr {
            value,
            text: format!("{} {op} {}", self.wrap(left), rhs.wrap(right)),
            prec,
            bindings: merged(&self.bindings, &rhs.bindings),
        }
    }
}

fn push_binding(bindings: &mut Vec<Binding>, b: Binding) {
    match bindings.iter().find(|x| x.name == b.name) {
        Some(existing) => assert!(
            *existing == b,
            "two different definitions bound to the name {}",
            b.name
        ),
        None => bindings.push(b),
    }
}

fn merged(a: &[Binding], b: &[Binding]) -> Vec<Binding> {
    let mut out = a.to_vec();
    for x in b {
        push_binding(&mut out, x.clone());
    }
    out
}

/// A polynomial in the certificate grammar: `3*alpha^2*sigma - 1/2*x + 7`.
pub fn poly_text(p: &Poly, variables: &[&str; MAX_VARS]) -> String {
    if p.is_zero() {
        return "0".to_string();
    }
    let mut s = String::new();
    for (k, (e, c)) in p.terms().enumerate() {
        let magnitude = Rational::from(c.abs_ref());
        let factors: Vec<String> = e
            .iter()
            .enumerate()
            .filter(|(_, k)| **k > 0)
            .map(|(i, &k)| {
                if k == 1 {
                    variables[i].to_string()
                } else {
                    format!("{}^{k}", variables[i])
                }
            })
            .collect();
        let term = match (factors.is_empty(), magnitude == 1) {
            (true, _) => magnitude.to_string(),
            (false, true) => factors.join("*"),
            (false, false) => format!("{magnitude}*{}", factors.join("*")),
        };
        match (k, *c < 0) {
            (0, true) => s.push_str(&format!("-{term}")),
            (0, false) => s.push_str(&term),
            (_, true) => s.push_str(&format!(" - {term}")),
            (_, false) => s.push_str(&format!(" + {term}")),
        }
    }
    s
}

impl Add for &Expr {
    type Output = Expr;
    fn add(self, rhs: &Expr) -> Expr {
        self.binary(rhs, "+", &self.value + &rhs.value, Prec::Sum, Prec::Product)
    }
}

impl Sub for &Expr {
    type Output = Expr;
    fn sub(self, rhs: &Expr) -> Expr {
        self.binary(rhs, "-", &self.value - &rhs.value, Prec::Sum, Prec::Product)
    }
}

impl Mul for &Expr {
    type Output = Expr;
    fn mul(self, rhs: &Expr) -> Expr {
        self.binary(
            rhs,
            "*",
            &self.value * &rhs.value,
            Prec::Product,
            Prec::Unary,
        )
    }
}

impl Div for &Expr {
    type Output = Expr;
    fn div(self, rhs: &Expr) -> Expr {
        self.binary(
            rhs,
            "/",
            &self.value / &rhs.value,
            Prec::Product,
            Prec::Power,
        )
    }
}

impl Neg for &Expr {
    type Output = Expr;
    fn neg(self) -> Expr {
        Expr {
            value: -&self.value,
            text: format!("-{}", self.wrap(Prec::Power)),
            prec: Prec::Unary,
            bindings: self.bindings.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_value_agree_and_parenthesise() {
        let a = Expr::alpha();
        let s = Expr::sigma();
        let e = &(&Expr::ratio(1, 3) - &(&Expr::ratio(2, 1) * &(&a + &s))) / &(&a - &s).pow(2);
        assert_eq!(e.text(), "(1/3 - 2 * (alpha + sigma)) / (alpha - sigma)^2");
        let n = -&(&a - &s);
        assert_eq!(n.text(), "-(alpha - sigma)");
        assert_eq!(n.value(), &(&RatFunc::var(SIGMA) - &RatFunc::var(ALPHA)));
        let m = &a * &Expr::ratio(-1, 2);
        assert_eq!(m.text(), "alpha * -1/2");
        let d = &a / &(&a * &s);
        assert_eq!(d.text(), "alpha / (alpha * sigma)");
    }

    #[test]
    fn bindings_travel_with_the_expression() {
        let s = (&Expr::alpha() + &Expr::sigma()).bind("S");
        let d = (&s * &s).bind("d");
        assert_eq!(d.text(), "d");
        let names: Vec<&str> = d.bindings().iter().map(|b| b.name.as_str()).collect();
        assert_eq!(names, ["S", "d"]);
        assert_eq!(d.bindings()[1].definition, "S * S");
    }

    #[test]
    fn literals_are_written_term_by_term() {
        let p = &(&Poly::var(ALPHA).pow(2).scale(&Rational::from(3)) - &Poly::var(2))
            + &Poly::constant(Rational::from((1, 2)));
        let text = poly_text(&p, &VARIABLES);
        assert!(text.contains("3*alpha^2"), "{text}");
        assert!(text.contains(" - x"), "{text}");
        assert!(text.contains("1/2"), "{text}");
    }
}
