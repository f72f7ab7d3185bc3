//! Shared proptest strategies and helpers for the integration tests.
#![allow(dead_code)] // each test binary uses a different subset of these helpers

use proptest::prelude::*;
use rug::Rational;

/// Largest numerator/denominator of random rate ratios: wide enough to reach deep into both
/// temperature regimes (ratios from 1/40 to 40), small enough for fast exact arithmetic.
pub const RATIO_RANGE: i64 = 40;

/// A positive rational `p/q` with `1 ≤ p, q ≤ RATIO_RANGE`, valid as a rate ratio by construction.
pub fn positive_ratio() -> impl Strategy<Value = Rational> {
    (1..=RATIO_RANGE, 1..=RATIO_RANGE).prop_map(|(p, q)| Rational::from((p, q)))
}

/// A non-negative rational (including 0, i.e. β = −∞).
pub fn non_negative_ratio() -> impl Strategy<Value = Rational> {
    prop_oneof![1 => Just(Rational::new()), 6 => positive_ratio()]
}

/// Runs `f` with insta configured to keep snapshots in the top-level `snapshots/` folder.
pub fn with_snapshots<R>(f: impl FnOnce() -> R) -> R {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(f)
}

/// Runs the `steadyent` binary on `args`; returns (exit code, stdout, stderr).
pub fn run(args: &[&str]) -> (i32, String, String) {
    let out = assert_cmd::Command::cargo_bin("steadyent")
        .expect("the binary is built")
        .args(args)
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    )
}
