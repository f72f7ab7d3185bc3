//! No output format of any command prints NaN or an infinity as a value. The only `inf` allowed
//! is an inverse temperature β = ±∞ (an exact input, or γ = 0 in Eq. 9), on a line or field
//! that names β.

use steadyent::cli::execute;

fn run(args: &[&str]) -> String {
    let mut full = vec!["steadyent"];
    full.extend_from_slice(args);
    let r = execute(&full);
    assert!(r.code <= 1, "{args:?}: exit {} {}", r.code, r.stderr);
    r.stdout
}

/// The comma-separated fields of `line`, a comma inside double quotes kept (RFC 4180).
fn fields(line: &str) -> Vec<&str> {
    let (mut out, mut start, mut quoted) = (Vec::new(), 0, false);
    for (k, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => {
                out.push(&line[start..k]);
                start = k + 1;
            }
            _ => {}
        }
    }
    out.push(&line[start..]);
    out
}

/// Lines (or JSON/CSV fields) of `text` with a NaN or an infinity outside a β field. A CSV
/// (first line a header of comma-separated names) names a field by its column.
fn bad_values(text: &str) -> Vec<String> {
    let header: Vec<&str> = text
        .lines()
        .next()
        .filter(|l| l.contains(',') && !l.contains([' ', '{', '<']))
        .map(|l| l.split(',').collect())
        .unwrap_or_default();
    text.lines()
        .flat_map(|line| fields(line).into_iter().enumerate())
        .filter(|(column, field)| {
            !field.to_ascii_lowercase().contains("beta")
                && !header
                    .get(*column)
                    .is_some_and(|name| name.contains("beta"))
        })
        .map(|(_, field)| field)
        .filter(|field| {
            field
                .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '+' || c == '.'))
                .map(str::to_ascii_lowercase)
                .any(|w| {
                    let w = w.trim_start_matches(['-', '+']);
                    w == "nan" || w == "inf" || w == "infinity"
                })
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn no_nan_or_infinity_in_any_output() {
    let runs: &[&[&str]] = &[
        &["diamond", "--beta-a", "-2", "--beta-s", "3.5"],
        &[
            "diamond", "--beta-a", "-inf", "--beta-s", "3.5", "--format", "json",
        ],
        &["diamond", "--beta-a", "-inf", "--beta-s", "-inf"],
        &[
            "diamond", "--beta-a", "0", "--beta-s", "0", "--format", "json",
        ],
        &[
            "diamond", "--alpha", "0", "--sigma", "2", "--format", "json",
        ],
        &["diamond", "--alpha", "0", "--sigma", "0"],
        &["diamond", "--beta-a", "inf", "--beta-s", "2"],
        &[
            "diamond", "--beta-a", "-inf", "--beta-s", "inf", "--format", "json",
        ],
        &[
            "diamond",
            "--beta-a",
            "inf",
            "--beta-s",
            "inf",
            "--convention",
            "jordan-wigner",
            "--format",
            "json",
        ],
        &["sweep", "fig1b", "--resolution", "5"],
        &["sweep", "fig1c", "--resolution", "3", "--format", "json"],
        &[
            "reference",
            "--beta-a-grid",
            "-1:1:3",
            "--beta-s-grid",
            "0:2:3",
        ],
        &[
            "reference",
            "--beta-a-grid",
            "-3:3:2",
            "--beta-s-grid",
            "-3:3:2",
            "--format",
            "json",
        ],
        &[
            "cavity", "--kappa", "3.7", "--pump", "0.013", "--gamma", "0",
        ],
        &[
            "cavity", "--kappa", "3.7", "--pump", "0.013", "--gamma", "0", "--format", "json",
        ],
        &[
            "cavity", "--kappa", "1e3", "--pump", "5e-3", "--gamma", "1e-3", "--format", "json",
        ],
        &["sweep", "fig2b", "--points", "5"],
        &["sweep", "fig2c", "--points", "5", "--format", "json"],
        &["check", "--only", "eq4-5,second-law", "--seed", "1"],
        &[
            "check",
            "--only",
            "eq4-5,balanced-separable",
            "--seed",
            "1",
            "--format",
            "json",
        ],
        &[
            "check", "--only", "eq4-5", "--seed", "1", "--format", "junit",
        ],
    ];
    for args in runs {
        let out = run(args);
        assert!(!out.is_empty(), "{args:?} printed nothing");
        assert_eq!(bad_values(&out), Vec::<String>::new(), "{args:?}");
    }
}

#[test]
fn the_scanner_catches_nan_and_infinity() {
    assert_eq!(bad_values("population G  NaN").len(), 1);
    assert_eq!(bad_values("\"heat_current_a\": \"-inf\"").len(), 1);
    assert_eq!(bad_values("1.0,inf,2").len(), 1);
    assert!(bad_values("beta_a  -inf\n\"beta_s\": \"inf\"").is_empty());
    assert!(bad_values("kappa,beta_a\n1.0,-inf").is_empty());
    assert_eq!(bad_values("kappa,beta_a\ninf,1.0").len(), 1);
}
