//! Symbolic derivation and machine-checked proofs: snapshots of the derived rational functions,
//! the `prove --check` path (clean and tampered), broken certificates rejected, false claims
//! refuted, and property tests of the symbolic ρ_SS against the exact numeric solve.
//!
//! Index:
//! - `derived_*`: insta snapshots (top-level `snapshots/`) of ρ_SS, heat currents, determinants.
//! - `every_theorem_is_proved`, `prove_check_*`: the CLI's `prove --check` contract (pages and
//!   certificates; run inside a copy of the repository it checks that copy's `proofs/`).
//! - `broken_*`, `false_bound_is_refuted`: the checker can fail.
//! - `symbolic_matches_exact_solve`, `limits_*`: symbolic results vs the exact GaussQ solve.

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use nalgebra::DMatrix;
use num_complex::Complex;
use num_traits::Zero;
use proptest::prelude::*;
use rug::Rational;
use steadyent::concurrence::ExactConcurrence;
use steadyent::diamond::symbolic::{NAMES, RateLimit, SymbolicDiamond, diamond_steady_state};
use steadyent::diamond::{Bath, DiamondRates, generator, heat_current};
use steadyent::liouvillian::Sector;
use steadyent::operators::LadderConvention;
use steadyent::poly::{Poly, RatFunc};
use steadyent::proofs::certificate::Certificate;
use steadyent::proofs::expr::Expr;
use steadyent::proofs::theorems::{concurrence_bound, identity_in};
use steadyent::proofs::{
    Domain, Drift, PositivityCertificate, Verdict, check, compare_with_dir, render_pages, run_all,
    theorems,
};
use steadyent::ring::{GaussQ, Q, gauss_real};
use steadyent::steady_state::exact_steady_state;

use common::{positive_ratio, with_snapshots};

fn derived() -> SymbolicDiamond {
    diamond_steady_state().expect("the symbolic derivation succeeds")
}

fn proofs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("proofs")
}

/// Copies the folder `from` into `to`, recursively.
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A fresh scratch directory holding a copy of `proofs/` (pages and certificates).
fn scratch_copy(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("steadyent-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_tree(&proofs_dir(), &dir);
    dir
}

fn prove(args: &[&str]) -> std::process::Output {
    prove_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

fn prove_in(cwd: &Path, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("steadyent")
        .unwrap()
        .current_dir(cwd)
        .arg("prove")
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn derived_steady_state_snapshot() {
    let sd = derived();
    let mut text = String::new();
    for i in 0..4 {
        for j in 0..4 {
            text.push_str(&format!(
                "rho[{i}{j}] = {}\n",
                sd.rho[(i, j)].display(&NAMES)
            ));
        }
    }
    for (name, p) in ["p_G", "p_S", "p_A", "p_E"].iter().zip(&sd.populations) {
        text.push_str(&format!("{name} = {}\n", p.display(&NAMES)));
    }
    with_snapshots(|| insta::assert_snapshot!("proofs_derived_steady_state", text));
}

#[test]
fn derived_heat_currents_and_determinants_snapshot() {
    let sd = derived();
    let mut text = format!(
        "Q_A = {}\nQ_S = {}\n",
        sd.heat_current_a.display(&NAMES),
        sd.heat_current_s.display(&NAMES)
    );
    for d in &sd.determinants {
        text.push_str(&format!(
            "det[{}] (size {}, bordered {}) = {} + i({})\n",
            d.difference,
            d.size,
            d.bordered,
            d.re.display(&NAMES),
            d.im.display(&NAMES)
        ));
    }
    with_snapshots(|| insta::assert_snapshot!("proofs_derived_heat_currents", text));
}

#[test]
fn every_theorem_is_proved() {
    let reports = run_all().unwrap();
    assert_eq!(reports.len(), 12);
    for r in &reports {
        assert_eq!(r.verdict, Verdict::Proved, "{}: {:?}", r.id, r.verdict);
        assert!(r.evidence.contains("**Verdict: proved**"));
    }
}

#[test]
fn prove_check_passes_on_the_committed_pages() {
    let out = prove(&["--check"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "stdout: {stdout}\nstderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("12/12 theorems proved"));
    assert!(stdout.contains("matches the derivation"));
    let checked = proofs_dir().display().to_string();
    assert!(stdout.contains(&format!("checked {checked} (")), "{stdout}");
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with("proved") && l.contains("thermal-bound"))
    );
}

#[test]
fn prove_check_fails_on_a_tampered_page() {
    let dir = scratch_copy("tampered");
    let page = dir.join("thermal-bound.md");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, text.replacen("C(ρ_SS) < 1/3", "C(ρ_SS) < 1/4", 1)).unwrap();
    let out = prove(&["--check", "--dir", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("drift: thermal-bound.md differs"),
        "{stdout}"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("run `steadyent prove --write`"));
    std::fs::remove_dir_all(dir).unwrap();
}

/// A copy of the repository (every file but `target/` and `.git/`) with one digit changed in a
/// `proofs/` page fails `prove --check` run from inside the copy without `--dir` — from its
/// root and from a sub-folder — and the output names the copy's `proofs/`.
#[test]
fn prove_check_without_dir_checks_the_tree_it_runs_in() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let copy = std::env::temp_dir().join(format!("steadyent-repo-copy-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&copy);
    std::fs::create_dir_all(&copy).unwrap();
    for entry in std::fs::read_dir(root).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name();
        if name == "target" || name == ".git" {
            continue;
        }
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &copy.join(&name));
        } else {
            std::fs::copy(entry.path(), copy.join(&name)).unwrap();
        }
    }
    // The untouched copy matches, and the output names the copy, not the build tree.
    let out = prove_in(&copy, &["--check"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    let copy_proofs = copy.join("proofs").display().to_string();
    assert!(
        stdout.contains(&format!("checked {copy_proofs} (")),
        "{stdout}"
    );
    // One digit changed in a page.
    let page = copy.join("proofs").join("thermal-bound.md");
    let text = std::fs::read_to_string(&page).unwrap();
    let changed = text.replacen("+ 16\n", "+ 17\n", 1);
    assert_ne!(changed, text, "the page has the digit to change");
    std::fs::write(&page, changed).unwrap();
    for cwd in [copy.clone(), copy.join("src").join("proofs")] {
        let out = prove_in(&cwd, &["--check"]);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(
            out.status.code(),
            Some(1),
            "from {}: {stdout}",
            cwd.display()
        );
        assert!(
            stdout.contains(&format!("checked {copy_proofs} (")),
            "{stdout}"
        );
        assert!(
            stdout.contains("drift: thermal-bound.md differs"),
            "{stdout}"
        );
    }
    // The build tree itself is still clean (the copy was checked, not it).
    assert_eq!(prove(&["--check"]).status.code(), Some(0));
    std::fs::remove_dir_all(copy).unwrap();
}

#[test]
fn prove_check_fails_when_a_certificate_drifts() {
    let dir = scratch_copy("cert-drift");
    let cert = dir.join("certificates").join("thermal-bound.json");
    let text = std::fs::read_to_string(&cert).unwrap();
    std::fs::write(
        &cert,
        text.replacen("\"1/3 - 2 * z\"", "\"1/3 - 3 * z\"", 1),
    )
    .unwrap();
    std::fs::write(dir.join("certificates").join("stale.json"), "{}\n").unwrap();
    let out = prove(&["--check", "--dir", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("drift: certificates/thermal-bound.json differs"),
        "{stdout}"
    );
    assert!(
        stdout.contains("drift: certificates/stale.json is not produced by the code"),
        "{stdout}"
    );
    // --write repairs both.
    let out = prove(&["--write", "--dir", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        prove(&["--check", "--dir", dir.to_str().unwrap()])
            .status
            .code(),
        Some(0)
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn missing_and_extra_pages_are_drift() {
    let dir = scratch_copy("extra");
    std::fs::remove_file(dir.join("heat-currents.md")).unwrap();
    std::fs::write(dir.join("stale.md"), "# no longer derived\n").unwrap();
    let pages = render_pages(&run_all().unwrap());
    let drift = compare_with_dir(&pages, &dir).unwrap();
    assert_eq!(
        drift,
        vec![
            Drift::Missing("heat-currents.md".to_string()),
            Drift::Extra("stale.md".to_string())
        ]
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn broken_positivity_certificate_is_rejected() {
    let sd = derived();
    let mut theorem = theorems(&sd)
        .into_iter()
        .find(|t| t.id == "negative-temperature-bound")
        .unwrap();
    let square = theorem
        .certificates
        .iter_mut()
        .find_map(|c| match c {
            Certificate::Positive(p) if !p.squares.is_empty() => Some(p),
            _ => None,
        })
        .expect("the 1/2 bound needs a completed square");
    assert!(square.check().is_ok());
    square.squares[0].weight += Rational::from(1);
    let failure = square.check().unwrap_err();
    assert!(failure.reason.contains("negative"), "{failure}");
    let report = check(&theorem, &sd);
    assert!(
        matches!(report.verdict, Verdict::Unproved { .. }),
        "{:?}",
        report.verdict
    );
}

#[test]
fn broken_identity_is_rejected() {
    let x = Expr::var(0, "x");
    let names = ["x", "·", "·", "·"];
    let variables = ["x", "u1", "u2", "u3"];
    let good = identity_in(
        "(x + 1)² = x² + 2x + 1",
        (&x + &Expr::one()).pow(2),
        Expr::literal(
            RatFunc::from_poly(
                &(&Poly::var(0).pow(2) + &Poly::var(0).scale(&Rational::from(2))) + &Poly::one(),
            ),
            &variables,
        ),
        names,
        variables,
    );
    assert!(good.check().is_ok());
    let bad = identity_in(
        "(x + 1)² = x² + 1",
        (&x + &Expr::one()).pow(2),
        Expr::literal(
            RatFunc::from_poly(&Poly::var(0).pow(2) + &Poly::one()),
            &variables,
        ),
        names,
        variables,
    );
    let failure = bad.check().unwrap_err();
    assert_eq!(failure.reason, "lhs − rhs = 2x ≠ 0");
}

#[test]
fn a_positivity_claim_that_is_false_is_not_certified() {
    // α − σ is not positive on the thermal quadrant.
    let f = &Expr::alpha() - &Expr::sigma();
    let cert = PositivityCertificate::search("α − σ > 0", f, Domain::Thermal, true);
    assert_eq!(cert.function.text(), "alpha - sigma");
    assert!(cert.check().is_err());
}

#[test]
fn false_bound_is_refuted_with_a_counterexample() {
    let sd = derived();
    // C < 3/10 is false on the thermal quadrant (C → 1/3 there).
    let report = check(&concurrence_bound(&sd, (3, 10), Domain::Thermal), &sd);
    match &report.verdict {
        Verdict::Refuted { counterexample, .. } => assert!(counterexample.contains("α = ")),
        other => panic!("expected a refutation, got {other:?}"),
    }
    // And the true bound 1/3 is proved by the same construction.
    let report = check(&concurrence_bound(&sd, (1, 3), Domain::Thermal), &sd);
    assert_eq!(report.verdict, Verdict::Proved);
}

fn exact_solve(alpha: &Rational, sigma: &Rational) -> DMatrix<GaussQ> {
    let rates =
        DiamondRates::from_alpha_sigma(gauss_real(alpha.clone()), gauss_real(sigma.clone()));
    let g = generator(&rates, LadderConvention::CommutingQubits).unwrap();
    exact_steady_state(&g, &Sector::full(4)).unwrap()
}

fn symbolic_at(sd: &SymbolicDiamond, alpha: &Rational, sigma: &Rational) -> DMatrix<GaussQ> {
    let point = [
        alpha.clone(),
        sigma.clone(),
        Rational::new(),
        Rational::new(),
    ];
    DMatrix::from_fn(4, 4, |i, j| {
        Complex::new(Q(sd.rho[(i, j)].eval(&point).unwrap()), Q::zero())
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// ρ_SS and Q̇_A, Q̇_S from the symbolic derivation, evaluated at random rationals, equal the
    /// exact Gaussian-rational solve on the full 16×16 problem.
    #[test]
    fn symbolic_matches_exact_solve(alpha in positive_ratio(), sigma in positive_ratio()) {
        let sd = derived();
        let exact = exact_solve(&alpha, &sigma);
        prop_assert_eq!(&symbolic_at(&sd, &alpha, &sigma), &exact);
        let rates = DiamondRates::from_alpha_sigma(gauss_real(alpha.clone()), gauss_real(sigma.clone()));
        let g = generator(&rates, LadderConvention::CommutingQubits).unwrap();
        let point = [alpha.clone(), sigma.clone(), Rational::new(), Rational::new()];
        let qa = heat_current(&g, &exact, Bath::A);
        prop_assert_eq!(qa, gauss_real(sd.heat_current_a.eval(&point).unwrap()));
    }

    /// β_A = −∞ (α = 0) is an ordinary point: the limit state equals the exact solve at α = 0.
    #[test]
    fn limits_at_zero_rate_equal_the_solve_there(sigma in positive_ratio()) {
        let sd = derived();
        let state = sd.limit_state(RateLimit::zero(), RateLimit::Free).unwrap();
        let rho = state.rho_at(&Rational::new(), &sigma).unwrap();
        prop_assert_eq!(rho, exact_solve(&Rational::new(), &sigma));
    }
}

#[test]
fn limits_at_infinite_rate_are_approached() {
    let sd = derived();
    let state = sd
        .limit_state(RateLimit::Free, RateLimit::Infinity)
        .unwrap();
    let alpha = Rational::from((1, 3));
    let limit = state.rho_at(&alpha, &Rational::new()).unwrap();
    // At σ = 10^9 every entry is within 10^-6 of the limit (the corrections are O(1/σ)).
    let near = exact_solve(&alpha, &Rational::from(1_000_000_000));
    for (a, b) in limit.iter().zip(near.iter()) {
        let gap = Rational::from(&a.re.0 - &b.re.0).abs();
        assert!(gap < Rational::from((1, 1_000_000)), "gap {gap}");
    }
    // Eq. 9 threshold: at α = 1/3 the limit concurrence is 1/(2 + 1/3) = 3/7.
    match state.concurrence_at(&alpha, &Rational::new()).unwrap() {
        ExactConcurrence::SqrtDifference { u, v } => {
            assert_eq!((u, v), (Rational::from((9, 49)), Rational::new()));
        }
        ExactConcurrence::Zero => panic!("expected C = 3/7"),
    }
}

#[test]
fn negative_temperature_corner_is_exact() {
    let sd = derived();
    let state = sd
        .limit_state(RateLimit::zero(), RateLimit::Infinity)
        .unwrap();
    let zero = Rational::new();
    let rho = state.rho_at(&zero, &zero).unwrap();
    assert_eq!(rho[(0, 0)].re.0, Rational::from((1, 2)));
    assert_eq!(rho[(1, 2)].re.0, Rational::from((-1, 4)));
    assert_eq!(
        state.heat_currents_at(&zero, &zero).unwrap(),
        (Rational::from(2), Rational::from(-2))
    );
    assert!(
        sd.limit_state(RateLimit::Infinity, RateLimit::Infinity)
            .is_err()
    );
}
