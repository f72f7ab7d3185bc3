//! `steadyent sweep` (src/cli/sweep.rs): the Fig. 1(b)/(c) grid sweep, flags of the wrong
//! panel, `--out`, and a quiet stderr when it is not a terminal. Fig. 2(b)/(c) sweeps are
//! covered in tests/cavity.rs.

mod common;

use common::run;

/// A fresh empty folder for output files.
fn folder(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("steadyent-sweep-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Both Fig. 1 panels write the same columns (each point carries both quantities), one row
/// per grid point, β_S outer and β_A inner; the values are those of `plot`'s grid.
#[test]
fn fig1_sweeps_write_the_grid_as_csv() {
    let args = |panel| {
        [
            "sweep",
            panel,
            "--beta-a-range",
            "-8:8",
            "--beta-s-range",
            "-8:8",
            "--resolution",
            "3",
        ]
    };
    let (code, b, stderr) = run(&args("fig1b"));
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.is_empty(),
        "no progress bar without a terminal: {stderr}"
    );
    let lines: Vec<&str> = b.lines().collect();
    assert_eq!(lines[0], "beta_a,beta_s,concurrence,entropy_production");
    assert_eq!(lines.len(), 1 + 9);
    // (β_A, β_S) = (−8, 8): the A bath inverted, S cold: above the thermal limit (Fig. 1b).
    let row: Vec<f64> = lines[7].split(',').map(|x| x.parse().unwrap()).collect();
    assert_eq!((row[0], row[1]), (-8.0, 8.0));
    assert!(row[2] > 1.0 / 3.0 && row[3] > 0.0, "{row:?}");
    // (0, 0): balanced baths, Ṡ = 0 printed as 0, not -0.
    assert_eq!(lines[5], "0,0,0,0");
    let (_, c, _) = run(&args("fig1c"));
    assert_eq!(b, c);
}

#[test]
fn fig1_sweep_json_has_axes_accuracy_and_points() {
    let (code, stdout, _) = run(&["sweep", "fig1c", "--resolution", "2", "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["points"].as_array().unwrap().len(), 4);
    assert_eq!(v["beta_a"]["min"], -10.0);
    assert_eq!(v["accuracy"], steadyent::figures::fig1::ACCURACY);
    assert!(v["points"][0]["entropy_production"].is_number());
}

/// The printed CSV of the default window at 9 × 9 points (β step 2.5), digit for digit: each
/// value carries only the digits its enclosure decides (tests/figures.rs checks them against
/// the enclosures), the diagonal and the C = 0 region print `0`.
#[test]
fn fig1b_csv_snapshot() {
    let (code, stdout, stderr) = run(&["sweep", "fig1b", "--resolution", "9"]);
    assert_eq!(code, 0, "{stderr}");
    common::with_snapshots(|| {
        insta::with_settings!({info => &"steadyent sweep fig1b --resolution 9"}, {
            insta::assert_snapshot!("sweep_fig1b_9x9", stdout);
        });
    });
}

/// On every β_A = β_S row of a CSV and a JSON sweep the entropy production prints exactly `0`
/// (Ṡ vanishes identically there), and every other value is a positive number: the decided
/// digits never print a negative number or `-0`.
#[test]
fn fig1_diagonal_prints_exact_zero() {
    let (code, csv, _) = run(&[
        "sweep",
        "fig1b",
        "--beta-a-range",
        "-30:30",
        "--beta-s-range",
        "-30:30",
        "--resolution",
        "25",
    ]);
    assert_eq!(code, 0);
    let mut diagonal = 0;
    for line in csv.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        if f[0] == f[1] {
            diagonal += 1;
            assert_eq!(f[3], "0", "{line}");
        } else {
            assert!(f[3].parse::<f64>().unwrap() > 0.0, "{line}");
        }
        assert!(!f[2].starts_with('-') && !f[3].starts_with('-'), "{line}");
    }
    assert_eq!(diagonal, 25);
    let (code, json, _) = run(&["sweep", "fig1c", "--resolution", "5", "--format", "json"]);
    assert_eq!(code, 0);
    let zeros = json
        .lines()
        .filter(|l| l.contains("\"entropy_production\": 0}"))
        .count();
    assert_eq!(zeros, 5, "{json}");
}

/// A flag of the other figure is a usage error naming it; a bad grid names its flag.
#[test]
fn flags_of_the_wrong_panel_exit_2() {
    let cases: &[(&[&str], &str)] = &[
        (&["sweep", "fig1b", "--points", "5"], "--points"),
        (&["sweep", "fig1c", "--cutoff", "6"], "--cutoff"),
        (&["sweep", "fig2b", "--resolution", "5"], "--resolution"),
        (
            &["sweep", "fig2c", "--beta-a-range", "-1:1"],
            "--beta-a-range",
        ),
        (&["sweep", "fig1b", "--resolution", "1"], "--resolution"),
        (
            &["sweep", "fig1b", "--beta-s-range", "-40:0"],
            "--beta-s-range",
        ),
        (&["sweep", "fig1b", "--beta-a-range", "x"], "--beta-a-range"),
        (&["sweep", "fig3a"], "fig3a"),
    ];
    for (args, flag) in cases {
        let (code, stdout, stderr) = run(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(stdout.is_empty(), "{args:?}: {stdout}");
        assert_eq!(stderr.trim_end().lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.contains(flag), "{args:?}: {stderr}");
    }
}

/// `--out` writes the same bytes stdout would get, atomically (no temporary file left), and
/// replaces an existing file.
#[test]
fn out_writes_the_file_atomically() {
    let dir = folder("out");
    let file = dir.join("fig1.csv");
    std::fs::write(&file, "old").unwrap();
    let path = file.to_str().unwrap();
    let args = ["sweep", "fig1b", "--resolution", "4"];
    let (code, stdout, stderr) = run(&[&args[..], &["--out", path]].concat());
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, format!("wrote {path}\n"));
    let (_, direct, _) = run(&args);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), direct);
    let fig2 = dir.join("fig2.json");
    let (code, _, _) = run(&[
        "sweep",
        "fig2b",
        "--points",
        "3",
        "--cutoff",
        "6",
        "--format",
        "json",
        "--out",
        fig2.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&fig2).unwrap()).unwrap();
    assert_eq!(v["points"].as_array().unwrap().len(), 3);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["fig1.csv", "fig2.json"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// An unwritable `--out` (missing folder, a directory) is bad input found before any work:
/// exit 2 naming --out, nothing on stdout, nothing created.
#[test]
fn unwritable_out_exits_2_and_writes_nothing() {
    let dir = folder("bad");
    let missing = dir.join("no-such-folder").join("x.csv");
    for (args, path) in [
        (vec!["sweep", "fig1b", "--resolution", "2"], missing.clone()),
        (vec!["sweep", "fig2b", "--points", "2"], missing.clone()),
        (vec!["sweep", "fig1c", "--resolution", "2"], dir.clone()),
    ] {
        let path = path.to_str().unwrap().to_string();
        let mut args: Vec<&str> = args;
        args.extend(["--out", &path]);
        let (code, stdout, stderr) = run(&args);
        assert_eq!(code, 2, "{args:?}");
        assert!(stdout.is_empty());
        assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
        assert!(stderr.contains("--out"), "{stderr}");
    }
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
    std::fs::remove_dir_all(&dir).unwrap();
}
