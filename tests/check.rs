//! `steadyent check`: every claim's verdict, a broken ingredient makes a claim fail, and the
//! JSON / JUnit reports are well-formed.

mod common;

use steadyent::check::{Context, Verdict, registry, report, run_claims};
use steadyent::interval::Interval;

/// Fixed seed for reproducible spot checks in tests.
const SEED: u64 = 20180208;

fn verdict_of(id: &str, context: &Context) -> Verdict {
    let claims: Vec<_> = registry().into_iter().filter(|c| c.id == id).collect();
    assert_eq!(claims.len(), 1, "claim {id} registered once");
    let reports = run_claims(&claims, context);
    assert!(
        reports[0].verdict == Verdict::Pass || !reports[0].evidence.is_empty(),
        "a verdict comes with evidence"
    );
    reports[0].verdict
}

macro_rules! claim_passes {
    ($($name:ident => $id:literal),* $(,)?) => {$(
        #[test]
        fn $name() {
            assert_eq!(verdict_of($id, &Context::new(SEED)), Verdict::Pass);
        }
    )*};
}

claim_passes! {
    eq4_5_passes => "eq4-5",
    operator_convention_passes => "operator-convention",
    unique_steady_state_passes => "unique-steady-state",
    thermal_limit_passes => "thermal-limit",
    negative_temperature_limit_passes => "negative-temperature-limit",
    balanced_separable_passes => "balanced-separable",
    both_negative_separable_passes => "both-negative-separable",
    second_law_passes => "second-law",
    entropy_tracks_entanglement_passes => "entropy-tracks-entanglement",
    adiabatic_elimination_passes => "adiabatic-elimination",
    ideal_dark_state_passes => "ideal-dark-state",
    realistic_maximum_passes => "realistic-maximum",
    rotating_frame_passes => "rotating-frame",
    subradiant_dark_state_passes => "subradiant-dark-state",
}

/// A finding about the paper: "C_SS > 1/3 as soon as p > γ" is proved for the effective model
/// but fails in the full model of Fig. 2(c), whose threshold is p/γ ≈ 1.372.
#[test]
fn beyond_thermal_as_soon_as_p_exceeds_gamma_fails_in_the_full_model() {
    let claims: Vec<_> = registry()
        .into_iter()
        .filter(|c| c.id == "beyond-thermal-iff-pump-exceeds-decay")
        .collect();
    let report = &run_claims(&claims, &Context::new(SEED))[0];
    assert_eq!(report.verdict, Verdict::Fail);
    let holds: Vec<bool> = report.checks.iter().map(|c| c.holds).collect();
    // theorem cavity-threshold proved; "only if" holds in the full model; "as soon as" fails.
    assert_eq!(holds, [true, true, false]);
    let threshold = report.data["full_model_threshold_pump_over_gamma"]
        .as_f64()
        .unwrap();
    // Bisection to 4/2^20 in p/γ; the curve max_κ C(p/γ) is smooth, so 1e-3 is ample.
    assert!((threshold - 1.372).abs() < 1e-3, "{threshold}");
}

/// Eq. 4–5 off by 2^-100 (far below f64 resolution) must be caught by the exact comparison.
fn nudged_closed_form(alpha: &Interval, sigma: &Interval) -> Option<Interval> {
    let c = steadyent::diamond::closed_form_concurrence(alpha, sigma)?;
    let tiny = Interval::from_rational(
        &rug::Rational::from((1, rug::Integer::from(1) << 100)),
        c.prec(),
    );
    Some(c.add(&tiny))
}

/// The transcript's OCR-damaged reading 𝒜 = e^{β_A}·e^{β_S} instead of e^{β_A} − e^{β_S}.
fn ocr_closed_form(alpha: &Interval, sigma: &Interval) -> Option<Interval> {
    steadyent::diamond::closed_form_concurrence(&alpha.mul(sigma).add(sigma), sigma)
}

#[test]
fn a_broken_closed_form_fails_the_claims_that_use_it() {
    for broken in [
        nudged_closed_form as fn(&Interval, &Interval) -> Option<Interval>,
        ocr_closed_form,
    ] {
        let context = Context {
            closed_form: broken,
            ..Context::new(SEED)
        };
        assert_eq!(verdict_of("eq4-5", &context), Verdict::Fail);
        assert_eq!(verdict_of("operator-convention", &context), Verdict::Fail);
    }
}

#[test]
fn claim_ids_are_unique_and_documented() {
    let claims = registry();
    let mut ids: Vec<_> = claims.iter().map(|c| c.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), claims.len());
    assert!(
        claims
            .iter()
            .all(|c| !c.paper.is_empty() && !c.method.is_empty())
    );
}

#[test]
fn json_and_junit_reports_are_well_formed() {
    let claims: Vec<_> = registry()
        .into_iter()
        .filter(|c| ["eq4-5", "balanced-separable"].contains(&c.id))
        .collect();
    let reports = run_claims(&claims, &Context::new(SEED));
    let json: serde_json::Value = serde_json::from_str(&report::json(&reports, SEED)).unwrap();
    assert_eq!(json["summary"]["pass"], 2);
    assert_eq!(json["claims"][0]["verdict"], "pass");

    let xml = report::junit(&reports, SEED);
    let mut reader = quick_xml::Reader::from_str(&xml);
    let (mut testcases, mut depth_ok) = (0, true);
    let mut stack = Vec::new();
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Start(e) => {
                let name = e.name().0.to_string();
                testcases += usize::from(name == "testcase");
                stack.push(name);
            }
            quick_xml::events::Event::End(e) => {
                depth_ok &= stack.pop().as_deref() == Some(e.name().0);
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    assert!(depth_ok && stack.is_empty(), "balanced XML");
    assert_eq!(testcases, 2);
}

#[test]
fn json_report_snapshot() {
    let claims: Vec<_> = registry()
        .into_iter()
        .filter(|c| ["eq4-5", "thermal-limit", "second-law"].contains(&c.id))
        .collect();
    let reports = run_claims(&claims, &Context::new(SEED));
    let json: serde_json::Value = serde_json::from_str(&report::json(&reports, SEED)).unwrap();
    common::with_snapshots(|| {
        insta::assert_json_snapshot!("check_report", json, {
            ".claims[].seconds" => "[seconds]",
            ".claims[].data.**" => insta::rounded_redaction(6),
            ".claims[].data.gaps[][]" => insta::rounded_redaction(6),
        });
    });
}

#[test]
fn cli_exit_codes() {
    let run = |args: &[&str]| {
        let (code, stdout, stderr) = common::run(args);
        (Some(code), stdout, stderr)
    };
    let (code, stdout, _) = run(&["check", "--only", "balanced-separable", "--seed", "1"]);
    assert_eq!(code, Some(0));
    let (code, stdout_fail, stderr) =
        run(&["check", "--only", "beyond-thermal-iff-pump-exceeds-decay"]);
    assert_eq!(code, Some(1));
    assert!(stdout_fail.contains("FAIL") && stderr.lines().count() == 1);
    assert!(stdout.contains("PASS") && stdout.contains("balanced-separable"));
    let (code, stdout, stderr) = run(&["check", "--only", "no-such-claim"]);
    assert_eq!(code, Some(2));
    assert!(stdout.is_empty() && stderr.contains("--only") && stderr.contains("eq4-5"));
    let (code, stdout, _) = run(&["check", "--list"]);
    assert_eq!(code, Some(0));
    assert!(stdout.contains("thermal-limit"));
    let (code, stdout, _) = run(&[
        "check", "--only", "eq4-5", "--format", "junit", "--seed", "3",
    ]);
    assert_eq!(code, Some(0));
    assert!(stdout.starts_with("<?xml"));
}

/// `--expect-fail` is pytest's strict xfail: the paper's known finding fails as expected and
/// the run exits 0 with every other claim passing; naming a claim that passes exits 1.
#[test]
fn expected_failures_are_strict() {
    const FINDING: &str = "beyond-thermal-iff-pump-exceeds-decay";
    let (code, stdout, stderr) = common::run(&["check", "--seed", "1", "--expect-fail", FINDING]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stderr.is_empty());
    let finding = stdout.lines().find(|l| l.contains(FINDING)).unwrap();
    assert!(finding.starts_with("XFAIL"), "{finding}");
    assert!(
        !stdout
            .lines()
            .any(|l| l.starts_with("FAIL") || l.starts_with("XPASS")),
        "{stdout}"
    );
    assert!(
        stdout.contains("0 fail, 0 error, 1 expected failure (--expect-fail), 0 unexpected pass")
    );

    let (code, stdout, stderr) = common::run(&[
        "check",
        "--only",
        "balanced-separable",
        "--expect-fail",
        "balanced-separable",
    ]);
    assert_eq!(code, 1);
    assert!(stdout.starts_with("steadyent check") && stdout.contains("XPASS  balanced-separable"));
    assert_eq!(stderr.lines().count(), 1);
    assert!(
        stderr.contains("expected to fail but passes") && stderr.contains("balanced-separable")
    );
}

/// Expected failures in the JSON and JUnit reports: JSON `status`, JUnit `<skipped>` carrying
/// the evidence; an unknown id, or one `--only` leaves out, is a usage error.
#[test]
fn expected_failures_in_reports_and_usage_errors() {
    const FINDING: &str = "beyond-thermal-iff-pump-exceeds-decay";
    let only = [
        "check",
        "--only",
        FINDING,
        "--expect-fail",
        FINDING,
        "--format",
    ];
    let (code, stdout, _) = common::run(&[&only[..], &["json"]].concat());
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["claims"][0]["status"], "expected-failure");
    assert_eq!(v["claims"][0]["verdict"], "fail");
    assert_eq!(v["claims"][0]["expected_failure"], true);
    assert_eq!(v["summary"]["expected_failures"], 1);
    assert_eq!(v["summary"]["fail"], 0);

    let (code, stdout, _) = common::run(&[&only[..], &["junit"]].concat());
    assert_eq!(code, 0);
    assert!(stdout.contains("skipped=\"1\"") && stdout.contains("failures=\"0\""));
    let skipped = stdout.split("<skipped message=\"").nth(1).unwrap();
    assert!(skipped.starts_with("expected failure (--expect-fail): FAILED: full model"));

    for args in [
        &["check", "--expect-fail", "no-such-claim"][..],
        &["check", "--only", "eq4-5", "--expect-fail", FINDING][..],
    ] {
        let (code, stdout, stderr) = common::run(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(
            stdout.is_empty() && stderr.contains("--expect-fail"),
            "{stderr}"
        );
    }
}
