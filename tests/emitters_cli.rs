//! `steadyent emitters`, `sweep emitters` and `plot emitters` from the command line: the JSON
//! schema, exact mode, shards that join to the whole sweep, and bad input (exit 2, one line).

mod common;

use common::run;
use serde_json::Value;

fn json(args: &[&str]) -> Value {
    let (code, out, err) = run(args);
    assert_eq!(code, 0, "{args:?}: {err}");
    serde_json::from_str(&out).expect("valid JSON")
}

/// Every name the issue fixes is in the JSON, the effective object too; N = 2 reproduces the
/// two-emitter `cavity` command's concurrence.
#[test]
fn json_names_and_two_emitter_agreement() {
    let base = [
        "emitters", "--n", "2", "--kappa", "2.34", "--pump", "5e-3", "--gamma", "1e-3", "--format",
        "json",
    ];
    let v = json(&base);
    for key in [
        "n",
        "pair_concurrence",
        "excited_population",
        "mean_photon_number",
        "g2_zero",
        "spin_squared",
        "spin_variance_sum",
        "toth_entangled",
        "cutoff",
        "residual",
        "effective",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    for key in ["pair_concurrence", "spin_variance_sum", "toth_entangled"] {
        assert!(v["effective"].get(key).is_some(), "effective lacks {key}");
    }
    let cavity = json(&[
        "cavity", "--kappa", "2.34", "--pump", "5e-3", "--gamma", "1e-3", "--format", "json",
    ]);
    let ours = v["pair_concurrence"].as_f64().unwrap();
    let theirs = cavity["concurrence"].as_f64().unwrap();
    // Both converge the cutoff to 1e-10 in C; the solves agree to ~1e-12.
    assert!((ours - theirs).abs() < 2e-10, "{ours} vs {theirs}");
    assert_eq!(
        v["pump"].as_f64(),
        Some(0.005),
        "exact decimal input rounds to nearest"
    );
}

/// The exact path prints certified digits that agree with the numeric path, exact rationals,
/// and an exact Tóth verdict.
#[test]
fn exact_mode_agrees_with_numeric_mode() {
    let args = [
        "emitters",
        "--n",
        "3",
        "--kappa",
        "37/10",
        "--pump",
        "0.013",
        "--gamma",
        "0.002",
        "--dephasing",
        "1/100",
        "--cutoff",
        "5",
        "--format",
        "json",
    ];
    let numeric = json(&args);
    let mut exact_args = args.to_vec();
    exact_args.extend(["--exact", "--digits", "30"]);
    let exact = json(&exact_args);
    assert_eq!(exact["mode"], "exact");
    for key in [
        "pair_concurrence",
        "excited_population",
        "spin_variance_sum",
        "g2_zero",
    ] {
        let digits = exact[key].as_str().unwrap();
        let value: f64 = digits.parse().unwrap();
        let n = numeric[key].as_f64().unwrap();
        assert!(
            (value - n).abs() <= 1e-9 * n.abs().max(1.0),
            "{key}: {digits} vs {n}"
        );
        let significant = digits.trim_start_matches(['0', '.', '-']).replace('.', "");
        assert!(significant.len() >= 29, "{key}: {digits}");
    }
    assert!(
        exact["excited_population_exact"]
            .as_str()
            .unwrap()
            .contains('/')
    );
    assert_eq!(
        exact["toth_entangled"].as_bool(),
        numeric["toth_entangled"].as_bool()
    );
}

/// The shards of a job array are disjoint and together give the whole sweep, row for row.
#[test]
fn shards_join_to_the_whole_sweep() {
    let base = [
        "sweep", "emitters", "--n", "2,3", "--points", "5", "--pump", "5e-3", "--gamma", "1e-3",
        "--cutoff", "4",
    ];
    let (code, whole, err) = run(&base);
    assert_eq!(code, 0, "{err}");
    let mut rows: Vec<String> = Vec::new();
    for part in ["1/3", "2/3", "3/3"] {
        let mut args = base.to_vec();
        args.extend(["--shard", part]);
        let (code, out, err) = run(&args);
        assert_eq!(code, 0, "{err}");
        rows.extend(out.lines().skip(1).map(str::to_string));
    }
    rows.sort_by_key(|r| r.split(',').next().unwrap().parse::<usize>().unwrap());
    let whole_rows: Vec<String> = whole.lines().skip(1).map(str::to_string).collect();
    assert_eq!(whole_rows.len(), 10);
    assert_eq!(rows, whole_rows);
}

/// Bad input: exit 2, one line naming the argument, nothing on stdout; non-unique steady states
/// are reported, not printed.
#[test]
fn bad_input_exits_2_with_one_line() {
    let ok = ["--kappa", "1", "--pump", "0.01", "--gamma", "0.001"];
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["--n", "0"], "--n"),
        (vec!["--n", "101"], "--n"),
        (vec!["--n", "three"], "--n"),
        (
            vec![
                "--n", "3", "--kappa", "-1", "--pump", "0.01", "--gamma", "0",
            ],
            "--kappa",
        ),
        (
            vec!["--n", "3", "--kappa", "1", "--pump", "nan", "--gamma", "0"],
            "--pump",
        ),
        (
            vec![
                "--n", "3", "--kappa", "1", "--pump", "0.1", "--gamma", "-0.1",
            ],
            "--gamma",
        ),
        (
            vec!["--n", "3", "--kappa", "1", "--pump", "inf", "--gamma", "0"],
            "--pump",
        ),
        (
            vec!["--n", "3", "--kappa", "1", "--pump", "0", "--gamma", "0"],
            "--pump/--gamma/--dephasing",
        ),
        (vec!["--n", "3", "--cutoff", "1"], "--cutoff"),
        (vec!["--n", "3", "--exact"], "--cutoff"),
        (vec!["--n", "3", "--digits", "5"], "--digits"),
    ];
    for (extra, flag) in cases {
        let mut args = vec!["emitters"];
        args.extend(&extra);
        if !extra.contains(&"--kappa") {
            args.extend(ok);
        }
        let (code, out, err) = run(&args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?} printed {out}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(flag), "{args:?}: {err}");
    }
    for (shard, flag) in [("3/2", "--shard"), ("0/2", "--shard"), ("1-2", "--shard")] {
        let (code, out, err) = run(&[
            "sweep", "emitters", "--n", "2", "--pump", "0.01", "--gamma", "0", "--shard", shard,
        ]);
        assert_eq!((code, out.is_empty()), (2, true), "{shard}: {err}");
        assert!(err.contains(flag) && err.lines().count() == 1, "{err}");
    }
    let (code, _, err) = run(&["sweep", "fig2c", "--n", "3"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("--n applies to `sweep emitters` only"),
        "{err}"
    );
    let huge = "9".repeat(100_000);
    let (code, _, err) = run(&[
        "emitters", "--n", &huge, "--kappa", "1", "--pump", "1", "--gamma", "1",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.len() < 300,
        "the error quotes at most a short prefix: {} bytes",
        err.len()
    );
}

/// `plot emitters` draws the figure for a short N list.
#[test]
fn plot_emitters_writes_a_figure() {
    let dir = std::env::temp_dir().join(format!("steadyent-emitters-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("emitters.svg");
    let (code, _, err) = run(&[
        "plot",
        "emitters",
        "--n",
        "2:3",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(svg.starts_with("<svg") && svg.contains("Koashi"));
    let (code, _, err) = run(&[
        "plot",
        "emitters",
        "--pump",
        "1",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}
