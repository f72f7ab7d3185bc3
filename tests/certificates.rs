//! The independent checker `scripts/check_certificates.py` on the committed certificates of
//! `proofs/certificates/`, and on tampered copies: one changed coefficient, exponent or
//! substitution in a sample of every step kind must make it fail.
//!
//! Index:
//! - `checker_verifies_the_committed_certificates`: exit 0, every non-lemma step re-verified,
//!   the number of stated lemmas has not grown.
//! - `tampered_*`: a coefficient, an exponent, a substitution, a definition, the model, the
//!   steady state, an unknown step kind, an unparseable file: exit 1 with the reason.
//!
//! These tests need `python3` with python-flint (`python3 -m pip install python-flint`); they
//! fail, naming the missing piece, when it is not installed.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// Stated lemmas in all certificates when the independent checker was introduced; the issue
/// requires that this number does not grow.
const STATED_LEMMAS_BASELINE: usize = 12;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn certificates_dir() -> PathBuf {
    root().join("proofs").join("certificates")
}

/// Fails the test with a clear message when python3 or python-flint is missing.
fn require_python_flint() {
    let out = Command::new("python3")
        .args(["-c", "import flint"])
        .output()
        .unwrap_or_else(|e| panic!("python3 is needed to run scripts/check_certificates.py: {e}"));
    assert!(
        out.status.success(),
        "python-flint is not installed, so the independent certificate checker cannot run; \
         install it with `python3 -m pip install python-flint` (.ci/run does). python3 said: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Runs the checker on `paths`; returns (exit code, stdout + stderr).
fn checker(paths: &[&Path]) -> (i32, String) {
    require_python_flint();
    let out = Command::new("python3")
        .arg(root().join("scripts").join("check_certificates.py"))
        .args(paths)
        .output()
        .expect("python3 runs");
    (
        out.status.code().unwrap_or(-1),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

fn load(id: &str) -> Value {
    let text = std::fs::read_to_string(certificates_dir().join(format!("{id}.json")))
        .unwrap_or_else(|e| panic!("{id}.json: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{id}.json: {e}"))
}

fn ids() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(certificates_dir())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter_map(|n| n.strip_suffix(".json").map(str::to_string))
        .collect();
    v.sort();
    v
}

/// A scratch copy of `proofs/certificates/` (the checker loads the theorems a certificate
/// uses from the same folder).
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir =
            std::env::temp_dir().join(format!("steadyent-cert-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for id in ids() {
            std::fs::copy(
                certificates_dir().join(format!("{id}.json")),
                dir.join(format!("{id}.json")),
            )
            .unwrap();
        }
        Scratch(dir)
    }

    fn write(&self, id: &str, v: &Value) -> PathBuf {
        let path = self.0.join(format!("{id}.json"));
        std::fs::write(&path, serde_json::to_string_pretty(v).unwrap()).unwrap();
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn checker_verifies_the_committed_certificates() {
    let (code, out) = checker(&[&certificates_dir()]);
    assert_eq!(code, 0, "{out}");
    let n = ids().len();
    assert_eq!(n, 12, "one certificate per theorem");
    assert!(
        out.contains(&format!("{n} certificates: {n} verified, 0 failed")),
        "{out}"
    );
    // Every step that is not a stated lemma was re-verified.
    let (mut steps, mut lemmas) = (0, 0);
    for id in ids() {
        let c = load(&id);
        for s in c["steps"].as_array().unwrap() {
            steps += 1;
            if s["kind"] == "lemma" {
                lemmas += 1;
            }
        }
    }
    assert!(
        out.contains(&format!(
            "{} steps re-verified, {lemmas} stated lemmas",
            steps - lemmas
        )),
        "{out}"
    );
    assert!(
        lemmas <= STATED_LEMMAS_BASELINE,
        "{lemmas} stated lemmas, more than the {STATED_LEMMAS_BASELINE} before the checker"
    );
    assert!(!out.contains("FAIL"), "{out}");
}

/// Every location of a polynomial coefficient (`[coefficient, [exponents]]` terms) below `v`.
fn term_paths(v: &Value, path: &mut Vec<PathStep>, out: &mut Vec<Vec<PathStep>>) {
    match v {
        Value::Array(a) => {
            let is_term = a.len() == 2 && a[0].is_string() && a[1].is_array();
            if is_term {
                out.push(path.clone());
                return;
            }
            for (k, x) in a.iter().enumerate() {
                path.push(PathStep::Index(k));
                term_paths(x, path, out);
                path.pop();
            }
        }
        Value::Object(m) => {
            for (k, x) in m {
                path.push(PathStep::Key(k.clone()));
                term_paths(x, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

#[derive(Clone, Debug)]
enum PathStep {
    Key(String),
    Index(usize),
}

fn at<'a>(v: &'a mut Value, path: &[PathStep]) -> &'a mut Value {
    path.iter().fold(v, |v, p| match p {
        PathStep::Key(k) => &mut v[k.as_str()],
        PathStep::Index(i) => &mut v[*i],
    })
}

/// `"p/q"` plus one.
fn bump(q: &str) -> String {
    let (n, d) = q.split_once('/').unwrap_or((q, "1"));
    let (n, d): (i128, i128) = (n.parse().unwrap(), d.parse().unwrap());
    if d == 1 {
        (n + 1).to_string()
    } else {
        format!("{}/{d}", n + d)
    }
}

/// The first step of `kind` in the certificate `v`.
fn first_of<'a>(v: &'a mut Value, kind: &str) -> &'a mut Value {
    v["steps"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|s| s["kind"] == kind)
        .unwrap_or_else(|| panic!("no {kind} step"))
}

/// The first step of `kind` in any certificate: (theorem id, step index).
fn first_step(kind: &str) -> (String, usize) {
    for id in ids() {
        let c = load(&id);
        if let Some(k) = c["steps"]
            .as_array()
            .unwrap()
            .iter()
            .position(|s| s["kind"] == kind)
        {
            return (id, k);
        }
    }
    panic!("no step of kind {kind}");
}

/// Writes the tampered certificate `v` into the scratch copy, runs the checker on it (and the
/// theorems it uses), restores the committed file and returns the checker's output.
fn expect_failure(scratch: &Scratch, id: &str, v: &Value, what: &str) -> String {
    let path = scratch.write(id, v);
    let (code, out) = checker(&[&path]);
    std::fs::copy(certificates_dir().join(format!("{id}.json")), &path).unwrap();
    assert_eq!(
        code, 1,
        "{what}: the checker accepted a tampered certificate:\n{out}"
    );
    assert!(out.contains("FAIL"), "{what}: {out}");
    out
}

/// The step kinds that carry polynomial data, tampered below; `lemma` carries none.
const KINDS: [&str; 7] = [
    "identity",
    "positivity",
    "limit",
    "exact-kernel",
    "nullity",
    "x-state",
    "evaluation",
];

#[test]
fn every_step_kind_in_the_certificates_is_tampered_here() {
    let mut kinds: Vec<String> = Vec::new();
    for id in ids() {
        for s in load(&id)["steps"].as_array().unwrap() {
            let k = s["kind"].as_str().unwrap().to_string();
            if !kinds.contains(&k) {
                kinds.push(k);
            }
        }
    }
    for k in &kinds {
        assert!(
            k == "lemma" || KINDS.contains(&k.as_str()),
            "step kind {k} has no tampering test"
        );
    }
    for k in KINDS {
        assert!(
            kinds.iter().any(|x| x == k),
            "no certificate has a {k} step"
        );
    }
}

#[test]
fn tampered_coefficients_and_exponents_fail_in_every_step_kind() {
    // One thread (and one scratch copy) per step kind: each checker run is a separate process.
    std::thread::scope(|scope| {
        for kind in KINDS {
            scope.spawn(move || {
                let scratch = Scratch::new(&format!("terms-{kind}"));
                let (id, k) = first_step(kind);
                let original = load(&id);
                let mut paths = Vec::new();
                term_paths(&original["steps"][k], &mut Vec::new(), &mut paths);
                assert!(!paths.is_empty(), "{kind}: no polynomial terms");
                // A sample: the first, a middle and the last term of the step.
                for p in [0, paths.len() / 2, paths.len() - 1] {
                    let mut v = original.clone();
                    let term = at(&mut v["steps"][k], &paths[p]);
                    let c = term[0].as_str().unwrap().to_string();
                    term[0] = Value::String(bump(&c));
                    expect_failure(
                        &scratch,
                        &id,
                        &v,
                        &format!("{id} {kind}: coefficient {c} + 1"),
                    );

                    let mut v = original.clone();
                    let term = at(&mut v["steps"][k], &paths[p]);
                    let e = term[1][0].as_u64().unwrap();
                    term[1][0] = Value::from(e + 1);
                    expect_failure(&scratch, &id, &v, &format!("{id} {kind}: exponent {e} + 1"));
                }
            });
        }
    });
}

#[test]
fn tampered_substitutions_fail() {
    let scratch = Scratch::new("subs");
    // Positivity: the thermal quadrant's α = 1 + x becomes α = 2 + x.
    let mut v = load("thermal-bound");
    let step = first_of(&mut v, "positivity");
    assert_eq!(step["domain"]["substitution"]["alpha"], "1 + x");
    step["domain"]["substitution"]["alpha"] = Value::from("2 + x");
    let out = expect_failure(&scratch, "thermal-bound", &v, "α = 2 + x");
    assert!(out.contains("does not map the parameters onto"), "{out}");

    // Positivity on β ≤ 0: a multiplier exponent (1 + x)^k.
    let mut v = load("negative-quadrant-separable");
    let step = first_of(&mut v, "positivity");
    let e = step["numerator"]["multiplier"][0]["exponent"]
        .as_u64()
        .unwrap();
    step["numerator"]["multiplier"][0]["exponent"] = Value::from(e + 1);
    expect_failure(
        &scratch,
        "negative-quadrant-separable",
        &v,
        "multiplier exponent",
    );

    // Limit: σ = 1/y becomes σ = 1/y^2, and the finite end point α → 1 becomes α → 2.
    let mut v = load("thermal-supremum");
    assert_eq!(v["steps"][0]["approach"]["sigma"]["substitution"], "1/y");
    v["steps"][0]["approach"]["sigma"]["substitution"] = Value::from("1/y^2");
    let out = expect_failure(&scratch, "thermal-supremum", &v, "σ = 1/y^2");
    assert!(out.contains("must be written sigma = 1/y"), "{out}");
    let mut v = load("thermal-supremum");
    assert_eq!(v["steps"][0]["approach"]["alpha"]["value"], "1");
    v["steps"][0]["approach"]["alpha"]["value"] = Value::from("2");
    expect_failure(&scratch, "thermal-supremum", &v, "α → 2");

    // A substitution inside a definition: z(α, σ = α) becomes z(α, σ = 2α).
    let mut v = load("balanced-baths-separable");
    let def = v["steps"][0]["lhs"]["definition"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(def.contains("sigma=alpha"), "{def}");
    v["steps"][0]["lhs"]["definition"] = Value::from(def.replace("sigma=alpha", "sigma=2 * alpha"));
    expect_failure(
        &scratch,
        "balanced-baths-separable",
        &v,
        "σ = 2α in a definition",
    );
}

#[test]
fn tampered_model_state_definitions_and_counts_fail() {
    let scratch = Scratch::new("model");
    // An operator entry of J_S changes from 1 to 2.
    let mut v = load("thermal-bound");
    let op = &mut v["model"]["jumps"][1]["operator"];
    let (i, j) = (0..4)
        .flat_map(|i| (0..4).map(move |j| (i, j)))
        .find(|&(i, j)| op[i][j][0] == "1")
        .unwrap();
    op[i][j][0] = Value::from("2");
    let out = expect_failure(&scratch, "thermal-bound", &v, "operator entry");
    assert!(out.contains("model"), "{out}");

    // A rate: σ becomes σ² (an exponent of the model).
    let mut v = load("steady-state");
    v["model"]["jumps"][1]["rate"][0][1][1] = Value::from(2);
    expect_failure(&scratch, "steady-state", &v, "rate exponent");

    // The claimed steady state: one coefficient of one numerator.
    let mut v = load("heat-currents");
    let c = v["steady_state"]["numerators"][0][0]["re"][0][0]
        .as_str()
        .unwrap()
        .to_string();
    v["steady_state"]["numerators"][0][0]["re"][0][0] = Value::from(bump(&c));
    let out = expect_failure(&scratch, "heat-currents", &v, "steady-state coefficient");
    assert!(out.contains("steady_state"), "{out}");

    // A definition: 1/3 − 2z becomes 1/3 − 3z (the value still says 1/3 − 2z).
    let mut v = load("thermal-bound");
    let step = first_of(&mut v, "positivity");
    let def = step["function"]["definition"].as_str().unwrap().to_string();
    assert_eq!(def, "1/3 - 2 * z");
    step["function"]["definition"] = Value::from("1/3 - 3 * z");
    let out = expect_failure(&scratch, "thermal-bound", &v, "definition");
    assert!(
        out.contains("does not evaluate to the stated value"),
        "{out}"
    );

    // Eq. (5) as stated in a binding: d's constant 1 becomes 2.
    let mut v = load("eq4-5-wootters");
    let step = v["steps"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|s| {
            s["bindings"]
                .as_array()
                .is_some_and(|b| b.iter().any(|b| b["name"] == "d"))
        })
        .unwrap();
    let b = step["bindings"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|b| b["name"] == "d")
        .unwrap();
    let def = b["definition"].as_str().unwrap().to_string();
    assert!(def.starts_with("1 + S^2"), "{def}");
    b["definition"] = Value::from(def.replacen("1 + S^2", "2 + S^2", 1));
    expect_failure(&scratch, "eq4-5-wootters", &v, "Eq. 5 binding");

    // The evaluation's value.
    let mut v = load("jordan-wigner-reading");
    let step = first_of(&mut v, "evaluation");
    let value = step["value"].as_str().unwrap().to_string();
    step["value"] = Value::from(bump(&value));
    expect_failure(&scratch, "jordan-wigner-reading", &v, "evaluation value");

    // The count of stated lemmas.
    let mut v = load("thermal-bound");
    v["stated_lemmas"] = Value::from(0);
    expect_failure(&scratch, "thermal-bound", &v, "stated_lemmas");

    // A step rewritten as a stated lemma is caught by the lemma count in its file only if
    // the count is updated too, so the total is bounded by the baseline test above.
}

#[test]
fn certificates_the_checker_cannot_read_fail_loudly() {
    let scratch = Scratch::new("parse");
    let mut v = load("thermal-bound");
    v["steps"][1]["kind"] = Value::from("trust-me");
    let out = expect_failure(&scratch, "thermal-bound", &v, "unknown kind");
    assert!(out.contains("unknown step kind 'trust-me'"), "{out}");

    let mut v = load("thermal-bound");
    v["version"] = Value::from(2);
    let out = expect_failure(&scratch, "thermal-bound", &v, "version");
    assert!(out.contains("version"), "{out}");

    let mut v = load("thermal-bound");
    let step = &mut v["steps"][1]["remainder"][0][0];
    *step = Value::from("0.5");
    let out = expect_failure(&scratch, "thermal-bound", &v, "decimal number");
    assert!(out.contains("is not an exact rational"), "{out}");

    let path = scratch.0.join("thermal-bound.json");
    std::fs::write(&path, "{ not json").unwrap();
    let (code, out) = checker(&[&path]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("cannot parse"), "{out}");
}
