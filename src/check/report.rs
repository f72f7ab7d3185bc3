//! Renders claim reports as a table (people), JSON (tools) or JUnit XML (CI systems).

use std::fmt::Write as _;

use quick_xml::escape::escape;
use serde::Serialize;
use serde_json::json;

use super::{ClaimReport, Status};

use crate::paper::CITATION as PAPER;

/// How many reports have each status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// All claims.
    pub claims: usize,
    /// Expected to pass and passing.
    pub pass: usize,
    /// Expected to pass and failing.
    pub fail: usize,
    /// Not checked.
    pub error: usize,
    /// Expected to fail (`--expect-fail`) and failing.
    pub expected_failures: usize,
    /// Expected to fail (`--expect-fail`) but passing.
    pub unexpected_passes: usize,
}

/// The counts of `reports` by [`Status`].
pub fn counts(reports: &[ClaimReport]) -> Counts {
    let n = |s| reports.iter().filter(|r| r.status == s).count();
    Counts {
        claims: reports.len(),
        pass: n(Status::Pass),
        fail: n(Status::Fail),
        error: n(Status::Error),
        expected_failures: n(Status::ExpectedFailure),
        unexpected_passes: n(Status::UnexpectedPass),
    }
}

fn label(status: Status) -> &'static str {
    match status {
        Status::Pass => "PASS",
        Status::Fail => "FAIL",
        Status::Error => "ERROR",
        Status::ExpectedFailure => "XFAIL",
        Status::UnexpectedPass => "XPASS",
    }
}

/// The summary line's counts: `N pass, N fail, N error`, and the expected failures when any
/// claim was expected to fail.
fn summary(reports: &[ClaimReport]) -> String {
    let c = counts(reports);
    let mut text = format!("{} pass, {} fail, {} error", c.pass, c.fail, c.error);
    if reports.iter().any(|r| r.expected_failure) {
        text.push_str(&format!(
            ", {} expected failure (--expect-fail), {} unexpected pass",
            c.expected_failures, c.unexpected_passes
        ));
    }
    text
}

/// A readable table: one line per claim (status, id, one-line evidence) and a summary.
/// `XFAIL` marks a claim that fails as `--expect-fail` said it would; `XPASS` one that was
/// expected to fail and passes (a failure of the run).
pub fn table(reports: &[ClaimReport], seed: u64) -> String {
    let width = reports.iter().map(|r| r.id.len()).max().unwrap_or(0);
    let mut out = format!("steadyent check: {PAPER}\n\n");
    for r in reports {
        let evidence = match r.status {
            Status::UnexpectedPass => format!(
                "expected to fail (--expect-fail) but passes: {}",
                r.evidence
            ),
            _ => r.evidence.clone(),
        };
        let _ = writeln!(out, "{:<5}  {:<width$}  {evidence}", label(r.status), r.id);
    }
    let total: f64 = reports.iter().map(|r| r.seconds).sum();
    let _ = writeln!(
        out,
        "\n{} claims: {} (random spot checks: --seed {seed}; {total:.2} s of checks)",
        reports.len(),
        summary(reports)
    );
    out
}

/// One JSON object: paper, seed, counts and every claim with its evidence, verdict and status.
pub fn json(reports: &[ClaimReport], seed: u64) -> String {
    let v = json!({
        "paper": PAPER,
        "seed": seed,
        "summary": counts(reports),
        "claims": reports,
    });
    format!("{v:#}\n")
}

/// JUnit XML: one `<testcase>` per claim, `<failure>` for a failing claim (or an expected
/// failure that passes), `<error>` for one that could not be checked, and `<skipped>` with the
/// evidence for an expected failure; the evidence and every sub-check go to `<system-out>`.
pub fn junit(reports: &[ClaimReport], seed: u64) -> String {
    let c = counts(reports);
    let failures = c.fail + c.unexpected_passes;
    let (error, skipped) = (c.error, c.expected_failures);
    let total: f64 = reports.iter().map(|r| r.seconds).sum();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"steadyent check\" tests=\"{}\" failures=\"{failures}\" errors=\"{error}\" skipped=\"{skipped}\" time=\"{total:.3}\">",
        reports.len()
    );
    let _ = writeln!(
        out,
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\" errors=\"{error}\" skipped=\"{skipped}\" time=\"{total:.3}\">",
        escape(PAPER),
        reports.len()
    );
    let _ = writeln!(
        out,
        "    <properties><property name=\"seed\" value=\"{seed}\"/></properties>"
    );
    for r in reports {
        let _ = write!(
            out,
            "    <testcase classname=\"steadyent.claims\" name=\"{}\" time=\"{:.3}\">",
            escape(r.id),
            r.seconds
        );
        let details: String = r
            .checks
            .iter()
            .map(|c| {
                format!(
                    "[{}] {}: {}\n",
                    if c.holds { "ok" } else { "FAILED" },
                    c.what,
                    c.detail
                )
            })
            .collect();
        match r.status {
            Status::Pass => {}
            Status::Fail => {
                let _ = write!(
                    out,
                    "<failure message=\"{}\">{}</failure>",
                    escape(&r.evidence),
                    escape(&details)
                );
            }
            Status::UnexpectedPass => {
                let _ = write!(
                    out,
                    "<failure message=\"{}\">{}</failure>",
                    escape(format!(
                        "expected to fail (--expect-fail) but passes: {}",
                        r.evidence
                    )),
                    escape(&details)
                );
            }
            Status::ExpectedFailure => {
                let _ = write!(
                    out,
                    "<skipped message=\"{}\"/>",
                    escape(format!("expected failure (--expect-fail): {}", r.evidence))
                );
            }
            Status::Error => {
                let _ = write!(out, "<error message=\"{}\"/>", escape(&r.evidence));
            }
        }
        let _ = writeln!(
            out,
            "<system-out>{}\n{}\nmethod: {}\n{}</system-out></testcase>",
            escape(&r.paper),
            escape(&r.evidence),
            escape(r.method),
            escape(&details)
        );
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}
