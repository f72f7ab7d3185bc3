//! Machine-readable certificates (`proofs/certificates/<id>.json`) for the independent checker `scripts/check_certificates.py`.
//!
//! One JSON file per theorem holds everything a checker needs without trusting steadyent:
//! the operators and rates of Eq. (1)–(3) the Liouvillian is built from, the claimed steady
//! state, and every step — identities to expand, positivity steps with their substitution,
//! the transformed polynomials, completed squares and remainders, limits with their
//! substitution and value, exact kernels with the matrix and the vector, the nullity argument
//! with every block determinant, X-state patterns, exact evaluations, and the stated lemmas
//! with their citations (counted separately). Exact rationals are strings (`"-3/4"`); a
//! polynomial is a list of `[coefficient, [exponents]]` terms over the file's `variables`;
//! a rational function is `{"num", "den"}`; every function has its `definition` in the
//! grammar of `proofs/README.md` next to its `value`. The format is described there.

use std::fmt::Write as _;

use nalgebra::DMatrix;
use num_traits::Zero;
use rug::Rational;
use serde_json::{Value, json};

use super::certificate::{
    Approach, Certificate, Citation, Domain, LimitCertificate, PositivityCertificate, X, Y,
    common_denominator,
};
use super::expr::{Binding, Expr, VARIABLES};
use super::theorems::{Subject, Theorem, UNIQUENESS_THEOREM};
use crate::diamond::symbolic::{ALPHA, SIGMA};
use crate::diamond::{Bath, CHANNELS};
use crate::operators::LadderConvention;
use crate::poly::{GaussRatFunc, Poly, RatFunc};

/// Version of the certificate format written by [`certificate_json`].
pub const FORMAT_VERSION: u32 = 1;

fn rational(q: &Rational) -> Value {
    Value::String(q.to_string())
}

fn poly(p: &Poly) -> Value {
    Value::Array(
        p.terms()
            .map(|(e, c)| json!([c.to_string(), e.to_vec()]))
            .collect(),
    )
}

fn ratfunc(f: &RatFunc) -> Value {
    json!({"num": poly(f.numer()), "den": poly(f.denom())})
}

/// A Gaussian polynomial `re + i·im` (an entry of the Liouvillian over `Q(i)[α, σ]`).
fn gauss_poly(z: &GaussRatFunc) -> Value {
    let part = |f: &RatFunc| match f.as_poly() {
        Some(p) => poly(p),
        None => panic!("a Liouvillian entry of Eq. (1)–(2) is not a polynomial in α, σ"),
    };
    json!({"re": part(&z.re), "im": part(&z.im)})
}

/// A constant complex operator entry as `[re, im]`.
fn complex_constant(z: &GaussRatFunc) -> Value {
    let part = |f: &RatFunc| match f.as_constant() {
        Some(c) => rational(&c),
        None => panic!("an operator entry of Eq. (1)–(2) is not a constant"),
    };
    json!([part(&z.re), part(&z.im)])
}

fn operator(m: &DMatrix<GaussRatFunc>) -> Value {
    Value::Array(
        (0..m.nrows())
            .map(|i| {
                Value::Array(
                    (0..m.ncols())
                        .map(|j| complex_constant(&m[(i, j)]))
                        .collect(),
                )
            })
            .collect(),
    )
}

/// `{"definition", "value"}` of one function of a step.
fn side(e: &Expr) -> Value {
    json!({"definition": e.text(), "value": ratfunc(e.value())})
}

/// The bindings of all the step's functions, dependencies first, each once.
fn bindings<'a>(exprs: impl IntoIterator<Item = &'a Expr>) -> Value {
    let mut seen: Vec<&Binding> = Vec::new();
    for e in exprs {
        for b in e.bindings() {
            if !seen.iter().any(|x| x.name == b.name) {
                seen.push(b);
            }
        }
    }
    Value::Array(
        seen.iter()
            .map(
                |b| json!({"name": b.name, "definition": b.definition, "value": ratfunc(&b.value)}),
            )
            .collect(),
    )
}

fn convention_name(c: LadderConvention) -> &'static str {
    match c {
        LadderConvention::CommutingQubits => "commuting-qubits",
        LadderConvention::JordanWigner => "jordan-wigner",
    }
}

/// The operators and rates of Eq. (1)–(3) as built by `diamond::generator`.
fn model(subject: &Subject) -> Value {
    let g = &subject.derivation.generator;
    let jumps: Vec<Value> = g
        .jumps()
        .iter()
        .zip(CHANNELS)
        .map(|(jump, (bath, _))| {
            let rate = match jump.rate.re.as_poly() {
                Some(p) if jump.rate.im.is_zero() => poly(p),
                _ => panic!("a rate of Eq. (2)–(3) is not a real polynomial in α, σ"),
            };
            json!({
                "label": jump.label,
                "bath": match bath { Bath::A => "A", Bath::S => "S" },
                "rate": rate,
                "operator": operator(&jump.op),
            })
        })
        .collect();
    json!({
        "master_equation": "d rho/dt = i[rho, H] + sum_k (rate_k/2) (2 o_k rho o_k^dagger - o_k^dagger o_k rho - rho o_k^dagger o_k)  (Eq. 1-2)",
        "units": "Gamma+ = omega0 = 1; alpha = Gamma_A-/Gamma+ = e^{beta_A}, sigma = Gamma_S-/Gamma+ = e^{beta_S} (Eq. 3)",
        "convention": convention_name(subject.convention),
        "basis": ["|00>", "|01>", "|10>", "|11>"],
        "hamiltonian": operator(g.hamiltonian()),
        "jumps": jumps,
    })
}

/// ρ_SS as numerators over one common denominator.
fn steady_state(rho: &DMatrix<RatFunc>) -> Value {
    let (d, numerators) = common_denominator(rho);
    let rows: Vec<Value> = (0..rho.nrows())
        .map(|i| {
            Value::Array(
                (0..rho.ncols())
                    .map(|j| json!({"re": poly(&numerators[(i, j)]), "im": []}))
                    .collect(),
            )
        })
        .collect();
    json!({"denominator": poly(&d), "numerators": rows})
}

/// Name, parametrisation and parameter ranges of a positivity domain.
fn domain(d: Domain) -> Value {
    let (name, alpha, sigma): (&str, &str, &str) = match d {
        Domain::AllTemperatures => ("all-temperatures", "alpha", "sigma"),
        Domain::ClosedQuadrant => ("closed-quadrant", "alpha", "sigma"),
        Domain::AlphaPositive => ("alpha-positive", "alpha", "sigma"),
        Domain::Thermal => ("thermal", "1 + x", "1 + y"),
        Domain::NegativeQuadrant => ("negative-quadrant", "1/(1 + x)", "1/(1 + y)"),
        Domain::CavityHalfPlane => ("cavity-half-plane", "x", "x + y"),
    };
    let strict = d.strictly_positive();
    let used: &[usize] = match d {
        Domain::AllTemperatures | Domain::ClosedQuadrant => &[ALPHA, SIGMA],
        Domain::AlphaPositive => &[ALPHA],
        Domain::Thermal | Domain::NegativeQuadrant | Domain::CavityHalfPlane => &[X, Y],
    };
    let mut parameters = serde_json::Map::new();
    for &v in used {
        let range = if strict[v] { "> 0" } else { ">= 0" };
        parameters.insert(VARIABLES[v].to_string(), json!(range));
    }
    let mut substitution = serde_json::Map::new();
    substitution.insert("alpha".to_string(), json!(alpha));
    if d != Domain::AlphaPositive {
        substitution.insert("sigma".to_string(), json!(sigma));
    }
    json!({
        "name": name,
        "region": d.describe(),
        "substitution": substitution,
        "parameters": parameters,
    })
}

/// `scale · (p∘φ) · Π base^exponent` as stated in the certificate, for one of `f`'s parts.
fn transformed(p: &Poly, d: Domain) -> Value {
    let raw = d.transform(p);
    let scale = Rational::from(raw.content().abs_ref()).recip();
    let multiplier: Vec<Value> = match d {
        Domain::NegativeQuadrant => [(X, ALPHA), (Y, SIGMA)]
            .iter()
            .filter(|&&(_, var)| p.degree_in(var) > 0)
            .map(|&(aux, var)| {
                json!({"base": poly(&(&Poly::one() + &Poly::var(aux))), "exponent": p.degree_in(var)})
            })
            .collect(),
        _ => Vec::new(),
    };
    json!({"scale": rational(&scale), "multiplier": multiplier, "polynomial": poly(&raw.scale(&scale))})
}

fn positivity(c: &PositivityCertificate) -> Value {
    let f = c.function.value();
    json!({
        "kind": "positivity",
        "label": c.label,
        "strict": c.strict,
        "bindings": bindings([&c.function]),
        "function": side(&c.function),
        "domain": domain(c.domain),
        "numerator": transformed(f.numer(), c.domain),
        "denominator": transformed(f.denom(), c.domain),
        "squares": c.squares.iter().map(|s| json!({
            "weight": rational(&s.weight),
            "monomial": s.monomial.to_vec(),
            "base": poly(&s.base),
        })).collect::<Vec<_>>(),
        "remainder": poly(&c.remainder()),
    })
}

fn approach(a: &Approach, aux: &str) -> Value {
    match a {
        Approach::To(v) => json!({"kind": "to", "value": rational(v)}),
        Approach::Infinity => json!({"kind": "infinity", "substitution": format!("1/{aux}")}),
        Approach::Free => json!({"kind": "free"}),
    }
}

fn limit(c: &LimitCertificate) -> Value {
    let (g, n, d) = c.evaluate();
    json!({
        "kind": "limit",
        "label": c.label,
        "bindings": bindings([&c.function, &c.expected]),
        "function": side(&c.function),
        "approach": {"alpha": approach(&c.alpha, "x"), "sigma": approach(&c.sigma, "y")},
        "substituted": ratfunc(&g),
        "at_point": {"num": poly(&n), "den": poly(&d)},
        "limit": side(&c.expected),
    })
}

/// One step of a proof as JSON (the step kinds of `proofs/README.md`).
pub fn step_json(c: &Certificate) -> Value {
    match c {
        Certificate::Identity {
            label,
            lhs,
            rhs,
            variables,
            ..
        } => json!({
            "kind": "identity",
            "label": label,
            "variables": variables.to_vec(),
            "bindings": bindings([lhs, rhs]),
            "lhs": side(lhs),
            "rhs": side(rhs),
        }),
        Certificate::Positive(p) => positivity(p),
        Certificate::Limit(l) => limit(l),
        Certificate::Kernel(k) => {
            let (d, numerators) = common_denominator(&k.state);
            let mut entries = Vec::new();
            for r in 0..k.matrix.nrows() {
                for col in 0..k.matrix.ncols() {
                    let z = &k.matrix[(r, col)];
                    if !(z.re.is_zero() && z.im.is_zero()) {
                        entries.push(json!([r, col, gauss_poly(z)]));
                    }
                }
            }
            json!({
                "kind": "exact-kernel",
                "label": k.label,
                "basis": k.basis.iter().map(|&(i, j)| json!([i, j])).collect::<Vec<_>>(),
                "matrix": entries,
                "vector": {
                    "denominator": poly(&d),
                    "numerators": k.basis.iter().map(|&(i, j)| json!({"re": poly(&numerators[(i, j)]), "im": []})).collect::<Vec<_>>(),
                },
            })
        }
        Certificate::Nullity(n) => json!({
            "kind": "nullity",
            "label": n.label,
            "blocks": n.blocks.iter().map(|b| json!({
                "difference": b.difference,
                "positions": b.positions,
                "bordered_row": b.bordered_row,
                "determinant": {"re": poly(&b.re), "im": poly(&b.im)},
                "nonzero": positivity(&b.nonzero),
            })).collect::<Vec<_>>(),
        }),
        Certificate::XState {
            label,
            matrix_name,
            conditions,
            ..
        } => json!({
            "kind": "x-state",
            "label": label,
            "matrix": matrix_name,
            "bindings": bindings(conditions.iter().flat_map(|(l, r)| [l, r])),
            "conditions": conditions.iter().map(|(l, r)| json!({"lhs": side(l), "rhs": side(r)})).collect::<Vec<_>>(),
        }),
        Certificate::Evaluation {
            label,
            function,
            point,
        } => json!({
            "kind": "evaluation",
            "label": label,
            "bindings": bindings([function]),
            "function": side(function),
            "point": {"alpha": rational(&point[0]), "sigma": rational(&point[1])},
            "value": Certificate::evaluation_value(function, point).map(|v| rational(&v)),
            "claim": "nonzero",
        }),
        Certificate::Computation { label, holds } => json!({
            "kind": "recorded-computation",
            "label": label,
            "holds": holds,
        }),
        Certificate::Lemma { text, citation } => json!({
            "kind": "lemma",
            "statement": text,
            "citation": citation.text(),
            "theorem": match citation {
                Citation::Theorem(id) => Value::String((*id).to_string()),
                Citation::Literature(_) => Value::Null,
            },
        }),
    }
}

/// The theorems a theorem's certificate relies on: those its stated lemmas cite, and the
/// uniqueness theorem of its model when it does not prove uniqueness itself.
pub fn uses(theorem: &Theorem) -> Vec<&'static str> {
    let mut out = Vec::new();
    let proves_uniqueness = theorem
        .certificates
        .iter()
        .any(|c| matches!(c, Certificate::Nullity(_)));
    if !proves_uniqueness && theorem.id != UNIQUENESS_THEOREM {
        out.push(UNIQUENESS_THEOREM);
    }
    for c in &theorem.certificates {
        if let Certificate::Lemma {
            citation: Citation::Theorem(id),
            ..
        } = c
            && !out.contains(id)
        {
            out.push(id);
        }
    }
    out
}

/// The certificate of one theorem (Eq. 1–6, Eq. 9) as the JSON text of
/// `proofs/certificates/<id>.json`.
pub fn certificate_json(theorem: &Theorem) -> String {
    let lemmas = theorem
        .certificates
        .iter()
        .filter(|c| matches!(c, Certificate::Lemma { .. }))
        .count();
    let value = json!({
        "format": "steadyent proof certificate",
        "version": FORMAT_VERSION,
        "generated_by": "steadyent prove --write; checked independently by scripts/check_certificates.py",
        "theorem": {
            "id": theorem.id,
            "title": theorem.title,
            "statement": theorem.statement,
            "paper": theorem.paper,
        },
        "uses": uses(theorem),
        "variables": VARIABLES.to_vec(),
        "model": theorem.subject.as_ref().map(model),
        "steady_state": theorem.subject.as_ref().map(|s| steady_state(&s.derivation.rho)),
        "steps": theorem.certificates.iter().map(step_json).collect::<Vec<_>>(),
        "stated_lemmas": lemmas,
    });
    let mut out = String::new();
    write_json(&mut out, &value, 0);
    out.push('\n');
    out
}

/// Whether a value is printed on one line: scalars, and arrays of (arrays of) scalars.
fn is_flat(v: &Value) -> bool {
    match v {
        Value::Array(a) => a.iter().all(|x| match x {
            Value::Array(b) => b.iter().all(|y| !y.is_array() && !y.is_object()),
            Value::Object(_) => false,
            _ => true,
        }),
        Value::Object(_) => false,
        _ => true,
    }
}

/// Pretty JSON with each polynomial term (and each short list) on one line, so a diff of a
/// certificate shows which term changed.
fn write_json(out: &mut String, v: &Value, indent: usize) {
    let pad = "  ".repeat(indent + 1);
    match v {
        Value::Array(a) if a.is_empty() => out.push_str("[]"),
        Value::Array(a) if is_flat(v) && a.iter().all(|x| !x.is_array()) => {
            out.push_str(&serde_json::to_string(v).unwrap_or_default());
        }
        Value::Array(a) => {
            out.push_str("[\n");
            for (k, x) in a.iter().enumerate() {
                out.push_str(&pad);
                if is_flat(x) {
                    out.push_str(&serde_json::to_string(x).unwrap_or_default());
                } else {
                    write_json(out, x, indent + 1);
                }
                out.push_str(if k + 1 < a.len() { ",\n" } else { "\n" });
            }
            let _ = write!(out, "{}]", "  ".repeat(indent));
        }
        Value::Object(m) if m.is_empty() => out.push_str("{}"),
        Value::Object(m) => {
            out.push_str("{\n");
            for (k, (key, x)) in m.iter().enumerate() {
                let _ = write!(out, "{pad}{}: ", Value::String(key.clone()));
                write_json(out, x, indent + 1);
                out.push_str(if k + 1 < m.len() { ",\n" } else { "\n" });
            }
            let _ = write!(out, "{}}}", "  ".repeat(indent));
        }
        _ => out.push_str(&serde_json::to_string(v).unwrap_or_default()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polynomials_are_terms_with_string_coefficients() {
        let p = &Poly::var(ALPHA).scale(&Rational::from((-3, 4))) + &Poly::one();
        let v = poly(&p);
        let text = serde_json::to_string(&v).unwrap();
        assert!(text.contains(r#"["-3/4",[1,0,0,0]]"#), "{text}");
        assert!(text.contains(r#"["1",[0,0,0,0]]"#), "{text}");
    }
}
