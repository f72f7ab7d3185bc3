//! The `steadyent` binary run on real arguments: output, exit codes, error lines.

mod common;

use common::run;

#[test]
fn diamond_json_has_every_key_with_the_requested_digits() {
    let (code, stdout, _) = run(&[
        "diamond", "--beta-a", "-2", "--beta-s", "3.5", "--digits", "40", "--format", "json",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    for key in [
        "concurrence",
        "heat_current_a",
        "heat_current_s",
        "entropy_production",
    ] {
        let digits = v[key]
            .as_str()
            .unwrap()
            .chars()
            .filter(char::is_ascii_digit)
            .count();
        // 40 significant digits, plus the leading "0" of numbers below 1.
        assert!((40..=41).contains(&digits), "{key}: {}", v[key]);
    }
    for p in ["G", "S", "A", "E"] {
        assert!(v["populations"][p].is_string());
    }
    assert_eq!(v["beta_a"], "-2");
    assert_eq!(v["concurrence"], v["concurrence_eq5"]);
}

#[test]
fn diamond_exact_mode_prints_rationals() {
    let (code, stdout, _) = run(&[
        "diamond", "--alpha", "1/100", "--sigma", "100", "--format", "json",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["populations"]["G"], "9901/20002");
    assert_eq!(v["heat_current_a"], "198/101");
    assert_eq!(
        v["concurrence_exact"],
        "970299/2020202 - √(990100/100020001)"
    );
    assert_eq!(v["concurrence"], "0.38080419041207320261");
}

/// Exact mode and certified mode agree where e^β is rational (β = 0, −∞).
#[test]
fn exact_and_certified_modes_agree() {
    let (_, certified, _) = run(&[
        "diamond", "--beta-a", "-inf", "--beta-s", "0", "--format", "json",
    ]);
    let (_, exact, _) = run(&[
        "diamond", "--alpha", "0", "--sigma", "1", "--format", "json",
    ]);
    let c: serde_json::Value = serde_json::from_str(&certified).unwrap();
    let e: serde_json::Value = serde_json::from_str(&exact).unwrap();
    assert_eq!(c["concurrence"], e["concurrence"]);
    let g: rug::Rational = e["populations"]["G"].as_str().unwrap().parse().unwrap();
    assert_eq!(
        c["populations"]["G"],
        steadyent::decimal::rational_to_decimal(&g, 20).as_str()
    );
}

/// Every bad input: exit 2, one line on stderr naming the argument, nothing on stdout.
#[test]
fn bad_diamond_inputs_exit_2_with_one_line() {
    let cases: &[(&[&str], &str)] = &[
        (&["diamond", "--beta-a", "abc", "--beta-s", "1"], "--beta-a"),
        (&["diamond", "--beta-a", "nan", "--beta-s", "1"], "--beta-a"),
        (
            &["diamond", "--beta-a", "1", "--beta-s", "1e99999"],
            "--beta-s",
        ),
        (&["diamond", "--alpha", "-1/2", "--sigma", "1"], "--alpha"),
        (&["diamond", "--alpha", "1/0", "--sigma", "1"], "--alpha"),
        (&["diamond", "--alpha", "1", "--sigma", "x"], "--sigma"),
        (
            &["diamond", "--beta-a", "1", "--beta-s", "1", "--digits", "0"],
            "--digits",
        ),
        (
            &[
                "diamond", "--beta-a", "1", "--beta-s", "1", "--digits", "10001",
            ],
            "--digits",
        ),
        (&["diamond", "--beta-a", "1"], "--beta-s"),
        (
            &[
                "diamond", "--beta-a", "1", "--beta-s", "1", "--alpha", "1", "--sigma", "1",
            ],
            "--alpha",
        ),
        (
            &[
                "diamond", "--beta-a", "1", "--beta-s", "1", "--format", "xml",
            ],
            "--format",
        ),
    ];
    for (args, argument) in cases {
        let (code, stdout, stderr) = run(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(stdout.is_empty(), "{args:?}: {stdout}");
        assert_eq!(stderr.trim_end().lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.contains(argument), "{args:?}: {stderr}");
    }
}

#[test]
fn reference_grid_csv_has_header_and_exact_inputs() {
    let (code, stdout, _) = run(&[
        "reference",
        "--beta-a-grid",
        "-1:1:3",
        "--beta-s-grid",
        "0:1:4",
        "--digits",
        "25",
    ]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1 + 12);
    assert!(lines[0].starts_with("beta_a,beta_s,alpha,sigma,populations.G,populations.S"));
    assert!(lines[0].ends_with(",digits,precision_bits"));
    // β_S = 1/3 is not a terminating decimal: printed exactly as a fraction.
    assert!(lines[2].starts_with("-1,1/3,"));
    let first: Vec<&str> = lines[1].split(',').collect();
    assert_eq!(first[16], "25");
}

#[test]
fn reference_points_agree_with_diamond_command() {
    let dir = std::env::temp_dir().join(format!("steadyent-ref-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("points.csv");
    std::fs::write(&file, "\u{feff}beta_a,beta_s\r\n-2,3.5\r\n\r\n-inf,0\r\n").unwrap();
    let (code, stdout, _) = run(&[
        "reference",
        "--points",
        file.to_str().unwrap(),
        "--digits",
        "40",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        v["points"][0]["concurrence"],
        "0.2493055592765405854682392035334055682671"
    );
    assert!(v["points"][1]["entropy_production"].is_null());
    let (_, diamond, _) = run(&[
        "diamond", "--beta-a", "-2", "--beta-s", "3.5", "--digits", "40", "--format", "json",
    ]);
    let d: serde_json::Value = serde_json::from_str(&diamond).unwrap();
    assert_eq!(v["points"][0]["heat_current_a"], d["heat_current_a"]);
    std::fs::write(&file, "beta_a,beta_s\n1,2\n3\n").unwrap();
    let (code, stdout, stderr) = run(&["reference", "--points", file.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("--points") && stderr.contains("line 3"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `β = +∞` prints the certified limit: at (+∞, 0) the thermal limit `C = 1/3` of Fig. 1(b),
/// the Eq. (4)–(5) closed form's own limit, and `Ṡ → +∞` (no value printed).
#[test]
fn diamond_zero_temperature_prints_the_limit() {
    let (code, stdout, stderr) = run(&[
        "diamond", "--beta-a", "inf", "--beta-s", "0", "--format", "json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["concurrence"], "0.33333333333333333333");
    assert_eq!(v["concurrence_eq5"], "0.33333333333333333333");
    assert_eq!(v["populations"]["G"], "0.66666666666666666667");
    assert_eq!(v["populations"]["A"], "0");
    assert_eq!(v["heat_current_a"], "-1.3333333333333333333");
    assert!(v["alpha"].is_null(), "e^inf is unbounded, not a value");
    assert_eq!(v["sigma"], "1.0000000000000000000");
    assert_eq!(v["zero_temperature_limit"], true);
    assert!(
        v["entropy_production_divergence"]
            .as_str()
            .unwrap()
            .contains("grows without bound, positive")
    );
    assert!(v["entropy_production"].is_null());
    let (code, stdout, _) = run(&["diamond", "--beta-a", "-inf", "--beta-s", "inf"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("grows without bound, positive"), "{stdout}");
    assert!(stdout.contains("unbounded (beta_s = inf"), "{stdout}");
}

/// Both baths at zero temperature: no unique limit, exit 2 naming both flags.
#[test]
fn diamond_both_zero_temperatures_exit_2() {
    let (code, stdout, stderr) = run(&["diamond", "--beta-a", "inf", "--beta-s", "inf"]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("--beta-a/--beta-s") && stderr.contains("no unique limit"),
        "{stderr}"
    );
}

/// `reference --points` accepts `inf` rows like `diamond` does; an `inf,inf` row is bad input.
#[test]
fn reference_points_accept_zero_temperature_rows() {
    let dir = std::env::temp_dir().join(format!("steadyent-ref-inf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("points.csv");
    std::fs::write(&file, "beta_a,beta_s\ninf,2\n-inf,inf\n1,1\n").unwrap();
    let (code, stdout, stderr) = run(&["reference", "--points", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 4);
    let first: Vec<&str> = lines[1].split(',').collect();
    // α = e^inf is unbounded: an empty field, as Ṡ below.
    assert_eq!(&first[..3], ["inf", "2", ""]);
    // Ṡ diverges: the column is empty, as for β = −∞ (columns: populations.E is 7).
    assert_eq!(first[13], "");
    let (_, diamond, _) = run(&[
        "diamond", "--beta-a", "inf", "--beta-s", "2", "--format", "json",
    ]);
    let d: serde_json::Value = serde_json::from_str(&diamond).unwrap();
    assert_eq!(first[8], d["concurrence"]);
    let (_, json, _) = run(&[
        "reference",
        "--points",
        file.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(v["points"][0]["entropy_production"].is_null());
    assert!(
        v["points"][0]["entropy_production_divergence"]
            .as_str()
            .unwrap()
            .contains("grows without bound")
    );
    assert!(v["points"][0]["alpha"].is_null());
    assert_eq!(v["points"][2]["entropy_production"], "0");
    std::fs::write(&file, "beta_a,beta_s\n1,2\ninf,inf\n").unwrap();
    let (code, stdout, stderr) = run(&["reference", "--points", file.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("--points") && stderr.contains("point 2"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Extreme but representable β: certified through the symbolic steady state in well under a
/// second, balanced baths included (heat currents exactly 0 there).
#[test]
fn extreme_beta_is_certified() {
    let (code, stdout, _) = run(&[
        "diamond", "--beta-a", "1e6", "--beta-s", "1e6", "--digits", "10", "--format", "json",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["heat_current_a"], "0");
    assert_eq!(v["concurrence"], "0");
    let (code, stdout, _) = run(&[
        "diamond", "--beta-a", "-1e6", "--beta-s", "1e6", "--digits", "10", "--format", "json",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["concurrence"], "0.5000000000");
    assert_eq!(v["entropy_production"], "4000000.000");
}

/// Bounded input: an endless file (`/dev/zero`), a 10 MB line, an endless stream of blank
/// lines and a huge bad value are each rejected with exit 2 within a second, by one error line
/// under 300 bytes that quotes at most a short prefix of the value.
#[test]
fn reference_points_input_is_bounded() {
    let dir = std::env::temp_dir().join(format!("steadyent-bounded-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let long_line = dir.join("long-line.csv");
    std::fs::write(&long_line, "1".repeat(10 << 20)).unwrap();
    let blank = dir.join("blank-lines.csv");
    std::fs::write(&blank, "\n".repeat((16 << 20) + 1)).unwrap();
    let huge_value = dir.join("huge-value.csv");
    std::fs::write(
        &huge_value,
        format!("beta_a,beta_s\n1,{}x\n", "7".repeat(3000)),
    )
    .unwrap();
    let cases = [
        ("/dev/zero", "line 1 is longer than 4096 bytes"),
        (
            long_line.to_str().unwrap(),
            "line 1 is longer than 4096 bytes",
        ),
        (blank.to_str().unwrap(), "more than 16777216 bytes of input"),
        (
            huge_value.to_str().unwrap(),
            "line 2: '77777777777777777777777777777777… (3001 bytes)'",
        ),
    ];
    for (path, message) in cases {
        let start = std::time::Instant::now();
        let (code, stdout, stderr) = run(&["reference", "--points", path]);
        let seconds = start.elapsed().as_secs_f64();
        assert_eq!(code, 2, "{path}: {stderr}");
        assert!(stdout.is_empty());
        assert!(seconds < 1.0, "{path}: {seconds} s");
        assert_eq!(stderr.lines().count(), 1, "{path}: {stderr}");
        assert!(
            stderr.len() < 300,
            "{path}: {} bytes: {stderr}",
            stderr.len()
        );
        assert!(stderr.contains(message), "{path}: {stderr}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// One schema: the same point through `diamond --format json` and `reference` (JSON and CSV)
/// gives the same field names and the same values, at finite β, at β = ±∞ and on the diagonal.
#[test]
fn diamond_and_reference_print_the_same_fields_and_values() {
    let points = [("-2", "3.5"), ("inf", "0"), ("-inf", "2"), ("1.5", "1.5")];
    let dir = std::env::temp_dir().join(format!("steadyent-schema-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("points.csv");
    let rows: String = points.iter().map(|(a, s)| format!("{a},{s}\n")).collect();
    std::fs::write(&file, rows).unwrap();
    let path = file.to_str().unwrap();
    let (code, json, _) = run(&[
        "reference",
        "--points",
        path,
        "--digits",
        "30",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let table: serde_json::Value = serde_json::from_str(&json).unwrap();
    let (_, csv, _) = run(&["reference", "--points", path, "--digits", "30"]);
    let mut csv_lines = csv.lines();
    let header: Vec<&str> = csv_lines.next().unwrap().split(',').collect();
    for (k, ((a, s), csv_row)) in points.iter().zip(csv_lines).enumerate() {
        let (code, out, _) = run(&[
            "diamond", "--beta-a", a, "--beta-s", s, "--digits", "30", "--format", "json",
        ]);
        assert_eq!(code, 0);
        let single: serde_json::Value = serde_json::from_str(&out).unwrap();
        let row = &table["points"][k];
        for (key, value) in row.as_object().unwrap() {
            assert_eq!(&single[key], value, "({a}, {s}) {key}");
        }
        for key in [
            "model",
            "units",
            "convention",
            "mode",
            "guarantee",
            "infinite_beta",
        ] {
            assert_eq!(single[key], table[key], "header {key}");
        }
        // CSV: the same values, nested keys joined by '.', null as an empty field.
        let fields: Vec<&str> = csv_row.split(',').collect();
        if !csv_row.contains('"') {
            for (name, field) in header.iter().zip(&fields) {
                let value = name.split('.').fold(row, |v, key| &v[key]);
                let expected = match value {
                    serde_json::Value::Null => String::new(),
                    serde_json::Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                assert_eq!(*field, expected, "({a}, {s}) CSV {name}");
            }
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
