//! Renders claim reports as a table (people), JSON (tools) or JUnit XML (CI systems).

use std::fmt::Write as _;

use quick_xml::escape::escape;
use serde_json::json;

use super::{ClaimReport, Verdict};

/// The paper checked.
pub const PAPER: &str = "F. Tacchino, A. Auffèves, M. F. Santos, D. Gerace, \
    Steady State Entanglement beyond Thermal Limits, PRL 120, 063604 (2018)";

fn counts(reports: &[ClaimReport]) -> (usize, usize, usize) {
    let n = |v| reports.iter().filter(|r| r.verdict == v).count();
    (n(Verdict::Pass), n(Verdict::Fail), n(Verdict::Error))
}

fn label(v: Verdict) -> &'static str {
    match v {
        Verdict::Pass => "PASS",
        Verdict::Fail => "FAIL",
        Verdict::Error => "ERROR",
    }
}

/// A readable table: one line per claim (verdict, id, one-line evidence) and a summary.
pub fn table(reports: &[ClaimReport], seed: u64) -> String {
    let width = reports.iter().map(|r| r.id.len()).max().unwrap_or(0);
    let mut out = format!("steadyent check: {PAPER}\n\n");
    for r in reports {
        let _ = writeln!(
            out,
            "{:<5}  {:<width$}  {}",
            label(r.verdict),
            r.id,
            r.evidence
        );
    }
    let (pass, fail, error) = counts(reports);
    let total: f64 = reports.iter().map(|r| r.seconds).sum();
    let _ = writeln!(
        out,
        "\n{} claims: {pass} pass, {fail} fail, {error} error (random spot checks: --seed {seed}; \
         {total:.2} s of checks)",
        reports.len()
    );
    out
}

/// One JSON object: paper, seed, counts and every claim with its evidence.
pub fn json(reports: &[ClaimReport], seed: u64) -> String {
    let (pass, fail, error) = counts(reports);
    let v = json!({
        "paper": PAPER,
        "seed": seed,
        "summary": {"claims": reports.len(), "pass": pass, "fail": fail, "error": error},
        "claims": reports,
    });
    format!("{v:#}\n")
}

/// JUnit XML: one `<testcase>` per claim, `<failure>` for a failing claim and `<error>` for
/// one that could not be checked; the evidence goes to `<system-out>`.
pub fn junit(reports: &[ClaimReport], seed: u64) -> String {
    let (_, fail, error) = counts(reports);
    let total: f64 = reports.iter().map(|r| r.seconds).sum();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"steadyent check\" tests=\"{}\" failures=\"{fail}\" errors=\"{error}\" time=\"{total:.3}\">",
        reports.len()
    );
    let _ = writeln!(
        out,
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{fail}\" errors=\"{error}\" time=\"{total:.3}\">",
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
        match r.verdict {
            Verdict::Pass => {}
            Verdict::Fail => {
                let _ = write!(
                    out,
                    "<failure message=\"{}\">{}</failure>",
                    escape(&r.evidence),
                    escape(&details)
                );
            }
            Verdict::Error => {
                let _ = write!(out, "<error message=\"{}\"/>", escape(&r.evidence));
            }
        }
        let _ = writeln!(
            out,
            "<system-out>{}\n{}\nmethod: {}\n{}</system-out></testcase>",
            escape(r.paper),
            escape(&r.evidence),
            escape(r.method),
            escape(&details)
        );
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}
