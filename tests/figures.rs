//! Figures (Fig. 1b,c and Fig. 2b,c): the f64 grid against the certified diamond enclosures
//! and the closed form Eq. (4)–(5), the C = 1/3 contour, renderer output, and `steadyent plot`.
//!
//! Index:
//! - grid values vs `DiamondSystem::enclose` and Eq. (4)–(5): `fig1_grid_agrees_with_certified_enclosures`
//! - thermal limit: `thermal_limit_contour_lies_outside_the_thermal_quadrant`
//! - data snapshot: `fig1_grid_snapshot`
//! - CSV/JSON rows print decided digits, 0 exactly: `fig1_csv_and_json_print_decided_digits`,
//!   `fig1_wide_grid_prints_decided_digits`, `certified_entropy_production_is_exactly_zero_on_the_diagonal`
//! - Eq. (6) `Ṡ ≥ 0`, peaks with C: `entropy_production_is_non_negative_and_peaks_with_the_concurrence`
//! - file formats and atomic writes: `output_format_and_atomic_write`
//! - marching squares: `contour_of_a_circle`, `contour_chains_segments_into_one_line`
//! - renderers: `fig1_png_and_svg_render`, `fig2_renders_synthetic_data`, `fig2_rejects_bad_data`
//! - CLI: `plot_*`

mod common;

use common::run;

use std::path::PathBuf;

use common::with_snapshots;
use rug::{Complete, Rational};
use steadyent::decimal::ExtendedRational;
use steadyent::diamond::DiamondSystem;
use steadyent::figures::contour::contour_lines;
use steadyent::figures::heatmap::HEAT_MAP_SIZE;
use steadyent::figures::lineplot::LINE_PLOT_SIZE;
use steadyent::figures::{
    Axis, Fig1Panel, Fig2Data, Fig2Panel, Fig2Point, Fig2Series, FigureError, ImageFormat,
    fig1_grid, render_fig1, render_fig2,
};
use steadyent::interval::Interval;
use steadyent::interval64::Interval64;
use steadyent::operators::LadderConvention;

/// Width and height from a PNG's IHDR chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
    assert_eq!(&bytes[12..16], b"IHDR");
    let word = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (word(16), word(20))
}

fn small_grid() -> steadyent::figures::Fig1Grid {
    let axis = Axis::new("beta", -10.0, 10.0, 41).unwrap();
    fig1_grid(axis, axis).unwrap()
}

/// Every point of an 11 × 11 grid with integer β in [−4, 6] against the certified MPFR
/// enclosures at the same (exactly represented) β, at 128 bits: the f64 enclosures of the grid
/// are rigorous, so each must overlap the MPFR one (an exact comparison, no tolerance), and
/// they must be tight enough to print ten digits: width at most `1e-10 · max(1, |value|)`.
/// The verified solve's width is about Skeel's condition number times `ε`; with rates up to
/// `e^6` against `e^−4` here it measures ≤ 5.4e-11 (at β_S = 6), so the bound also catches a
/// blow-up such as plain interval elimination's (3e-10 there). Exact zeros (C = 0 decided,
/// Ṡ = 0 on the diagonal) are exactly zero in both.
#[test]
fn fig1_grid_agrees_with_certified_enclosures() {
    let axis = Axis::new("beta", -4.0, 6.0, 11).unwrap();
    let grid = fig1_grid(axis, axis).unwrap();
    let system = DiamondSystem::new(LadderConvention::CommutingQubits).unwrap();
    let overlap = |x: &Interval64, e: &Interval| {
        x.lo() <= e.hi().to_f64_round(rug::float::Round::Up)
            && e.lo().to_f64_round(rug::float::Round::Down) <= x.hi()
    };
    for p in &grid.points {
        let exact = |b: f64| ExtendedRational::Finite(Rational::from_f64(b).unwrap());
        let e = system
            .enclose(&exact(p.beta_a), &exact(p.beta_s), 128)
            .unwrap();
        let at = format!("at (β_A, β_S) = ({}, {})", p.beta_a, p.beta_s);
        let (c, s) = (&p.concurrence_enclosure, &p.entropy_production_enclosure);
        assert!(overlap(c, &e.concurrence), "C {at}");
        assert!(
            overlap(c, e.concurrence_closed_form.as_ref().unwrap()),
            "Eq. (4)–(5) {at}"
        );
        assert!(overlap(s, e.entropy_production.finite().unwrap()), "Ṡ {at}");
        for x in [c, s] {
            assert!(
                x.hi() - x.lo() <= 1e-10 * x.hi().abs().max(1.0),
                "{x:?} {at}"
            );
        }
        assert_eq!(
            c.is_exact_zero(),
            e.concurrence.is_exact_zero(),
            "C = 0 {at}"
        );
        if p.beta_a == p.beta_s {
            assert!(s.is_exact_zero(), "Ṡ = 0 on the diagonal {at}");
        }
    }
}

/// Fig. 1(b)'s message: C = 1/3 is not exceeded with thermal baths. On the default grid the
/// contour exists (one curve per off-diagonal quadrant) and no contour point and no grid value
/// ≥ 1/3 lies in the thermal quadrant β_A, β_S ≥ 0.
#[test]
fn thermal_limit_contour_lies_outside_the_thermal_quadrant() {
    let axis = Axis::new("beta", -10.0, 10.0, 201).unwrap();
    let grid = fig1_grid(axis, axis).unwrap();
    let lines = grid.thermal_limit_contour();
    assert_eq!(
        lines.len(),
        2,
        "one C = 1/3 curve on each side of the diagonal"
    );
    for line in &lines {
        assert!(line.len() > 50);
        for &(a, s) in line {
            assert!(a < 0.0 || s < 0.0, "contour point ({a}, {s}) is thermal");
        }
    }
    for p in &grid.points {
        if p.beta_a >= 0.0 && p.beta_s >= 0.0 {
            assert!(p.concurrence < 1.0 / 3.0, "{p:?}");
        }
    }
    // Beyond it: C > 1/3 deep in the negative-temperature quadrants, C = 0 when both are
    // inverted (text under Eq. 5).
    let at = |a: f64, s: f64| {
        grid.points
            .iter()
            .find(|p| p.beta_a == a && p.beta_s == s)
            .unwrap()
    };
    assert!(at(-10.0, 10.0).concurrence > 0.49);
    assert!(at(10.0, -10.0).concurrence > 0.49);
    assert_eq!(at(-5.0, -5.0).concurrence, 0.0);
}

/// Eq. (6): `Ṡ_irr ≥ 0` everywhere, zero on the balanced diagonal `β_A = β_S` and largest in
/// the negative-temperature corners, where the concurrence is largest too (Fig. 1b vs 1c).
/// Rounding tolerance: the f64 heat currents carry `~ε · e^{|β_A| + |β_S|} ≤ 1e-7` absolute
/// error at `|β| ≤ 10`, times `|β| ≤ 10`: `1e-6`.
#[test]
fn entropy_production_is_non_negative_and_peaks_with_the_concurrence() {
    let grid = small_grid();
    for p in &grid.points {
        assert!(p.entropy_production >= -1e-6, "{p:?}");
        if p.beta_a == p.beta_s {
            assert!(p.entropy_production.abs() <= 1e-6, "{p:?}");
        }
    }
    let argmax = |f: fn(&steadyent::figures::Fig1Point) -> f64| {
        let p = grid
            .points
            .iter()
            .max_by(|a, b| f(a).total_cmp(&f(b)))
            .unwrap();
        (p.beta_a, p.beta_s)
    };
    let corners = [(-10.0, 10.0), (10.0, -10.0)];
    assert!(corners.contains(&argmax(|p| p.entropy_production)));
    assert!(corners.contains(&argmax(|p| p.concurrence)));
}

#[test]
fn output_format_and_atomic_write() {
    use steadyent::figures::write_figure;
    for (name, format) in [("a.svg", ImageFormat::Svg), ("b.PNG", ImageFormat::Png)] {
        assert_eq!(ImageFormat::from_path(name.as_ref()).unwrap(), format);
    }
    for name in ["fig", "fig.pdf", "fig.svg.gz", ".png"] {
        let err = ImageFormat::from_path(name.as_ref()).unwrap_err();
        assert!(err.to_string().contains("FILE.svg or FILE.png"), "{err}");
    }
    let dir = scratch("a-directory");
    std::fs::create_dir_all(&dir).unwrap();
    let err = write_figure(&dir, b"x").unwrap_err();
    assert!(err.to_string().contains("directory"), "{err}");
    let file = scratch("written.svg");
    write_figure(&file, b"<svg/>").unwrap();
    assert_eq!(std::fs::read(&file).unwrap(), b"<svg/>");
    // No temporary file is left beside it.
    let leftovers = std::fs::read_dir(file.parent().unwrap())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".tmp")
        })
        .count();
    assert_eq!(leftovers, 0);
}

/// Rounded grid values at 9 × 9 points on [−8, 8]², stable across runs and machines.
#[test]
fn fig1_grid_snapshot() {
    let axis = Axis::new("beta", -8.0, 8.0, 9).unwrap();
    let grid = fig1_grid(axis, axis).unwrap();
    let round = |x: f64| {
        let text = format!("{x:.6}");
        if text == "-0.000000" {
            "0.000000".to_string()
        } else {
            text
        }
    };
    let mut table = String::from("beta_a beta_s concurrence entropy_production\n");
    for p in &grid.points {
        table.push_str(&format!(
            "{} {} {} {}\n",
            p.beta_a,
            p.beta_s,
            round(p.concurrence),
            round(p.entropy_production)
        ));
    }
    with_snapshots(|| {
        insta::with_settings!({info => &"fig1_grid(beta_a = beta_s = -8..8, 9 points), rounded to 6 decimals"}, {
            insta::assert_snapshot!("fig1_grid_9x9", table);
        });
    });
}

/// The significant digits `d` of a printed decimal (`0.00125` → 3, `39.99636817` → 10, `1.3e-32`
/// → 2, `90` → 2: a printed integer holds no placeholder zeros, `1.2e2` is written for 2 digits
/// of 120) and half a unit of its `d`-th digit, `10^(e−d+1)/2` for `10^e ≤ |D| < 10^(e+1)`,
/// exactly.
fn digits_and_half_unit(text: &str, value: &Rational) -> (usize, Rational) {
    let mantissa = text.split(['e', 'E']).next().unwrap();
    let digits = mantissa
        .chars()
        .filter(char::is_ascii_digit)
        .collect::<String>()
        .trim_start_matches('0')
        .len();
    let ten = |k: i32| {
        let p = Rational::from(rug::Integer::u_pow_u(10, k.unsigned_abs()).complete());
        if k >= 0 { p } else { p.recip() }
    };
    let magnitude = Rational::from(value.abs_ref());
    let mut exponent = magnitude.to_f64().log10().floor() as i32;
    while magnitude < ten(exponent) {
        exponent -= 1;
    }
    while magnitude >= ten(exponent + 1) {
        exponent += 1;
    }
    (
        digits,
        Rational::from((1, 2)) * ten(exponent - digits as i32 + 1),
    )
}

/// Checks one printed value against its enclosure `x`: `0` exactly when the enclosure is the
/// exact point 0; otherwise the enclosure lies within half a unit of the printed decimal's
/// last significant digit (so the exact value does), checked in exact rationals, and no
/// more digits are agreed on by both ends (`{:.*e}` of `lo` and `hi` differ at every larger
/// count up to 17): the printed digits are all the enclosure decides.
fn assert_printed_digits_are_decided(text: &str, x: &Interval64, what: &str) {
    if x.is_exact_zero() {
        assert_eq!(text, "0", "{what}: an exact zero prints 0");
        return;
    }
    assert_ne!(text, "0", "{what}: 0 only for an exact zero");
    let printed = steadyent::decimal::parse_decimal(text).unwrap();
    let (digits, half_unit) = digits_and_half_unit(text, &printed);
    assert!((1..=17).contains(&digits), "{what}: {text}");
    let (lo, hi) = (
        Rational::from_f64(x.lo()).unwrap(),
        Rational::from_f64(x.hi()).unwrap(),
    );
    assert!(
        Rational::from(&printed - &half_unit) <= lo && hi <= Rational::from(&printed + &half_unit),
        "{what}: {text} is not within half a unit of its last digit of [{:e}, {:e}]",
        x.lo(),
        x.hi()
    );
    for more in digits + 1..=17 {
        assert_ne!(
            format!("{:.*e}", more - 1, x.lo()),
            format!("{:.*e}", more - 1, x.hi()),
            "{what}: {text} prints {digits} digits, but both ends agree at {more}"
        );
    }
}

/// CSV and JSON print the same rows, in grid order (β_S outer, β_A inner); β read back as the
/// f64 computed at; every concurrence and entropy production prints the digits its enclosure
/// decides and no more (`assert_printed_digits_are_decided`), `0` exactly on exact zeros —
/// among them the whole diagonal β_A = β_S, whose enclosure is the exact point 0 (Ṡ vanishes
/// identically there). The β_S axis is not the β_A axis, so next to the diagonal lie points
/// whose β differ by a few ulps: there Ṡ ~ 1e-32 is within rounding of 0 in f64 and the point
/// is decided in MPFR (it still prints a positive number, not 0).
#[test]
fn fig1_csv_and_json_print_decided_digits() {
    let beta_a = Axis::new("beta_a", -1.0, 1.0, 31).unwrap();
    let beta_s = Axis::new("beta_s", -4.0, 4.0, 31).unwrap();
    let grid = fig1_grid(beta_a, beta_s).unwrap();
    let csv = grid.to_csv();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "beta_a,beta_s,concurrence,entropy_production");
    assert_eq!(lines.len(), 1 + 31 * 31);
    assert!(lines[1].starts_with("-1,-4,"));
    assert!(lines[2].starts_with("-0.9333333333333333,-4,"));
    let json_text = grid.to_json();
    let json: serde_json::Value = serde_json::from_str(&json_text).unwrap();
    assert_eq!(json["accuracy"], steadyent::figures::fig1::ACCURACY);
    assert_eq!(json["beta_a"]["points"], 31);
    let points = json["points"].as_array().unwrap();
    assert_eq!(points.len(), 31 * 31);
    // One point per line: its fields' texts (serde_json::Value keeps only the f64 of a number).
    let json_lines: Vec<Vec<(&str, &str)>> = json_text
        .lines()
        .filter(|l| l.trim_start().starts_with("{\"beta_a\""))
        .map(|l| {
            let body = l.trim().trim_end_matches(',');
            body[1..body.len() - 1]
                .split(", ")
                .map(|field| field.split_once(": ").unwrap())
                .collect()
        })
        .collect();
    assert_eq!(json_lines.len(), points.len());
    let (mut diagonal, mut near_diagonal) = (0, 0);
    for (((line, p), row), texts) in lines[1..]
        .iter()
        .zip(&grid.points)
        .zip(points)
        .zip(&json_lines)
    {
        let fields: Vec<&str> = line.split(',').collect();
        assert_eq!(fields.len(), 4, "{line}");
        assert_eq!(fields[0].parse::<f64>().unwrap(), p.beta_a);
        assert_eq!(fields[1].parse::<f64>().unwrap(), p.beta_s);
        // (serde_json's own f64 parsing is not correctly rounded without its float_roundtrip
        // feature, so read the texts.)
        assert!(row["beta_a"].is_number() && row["concurrence"].is_number());
        assert_eq!(texts[0].1.parse::<f64>().unwrap(), p.beta_a);
        assert_eq!(texts[1].1.parse::<f64>().unwrap(), p.beta_s);
        // JSON prints the very digits CSV prints.
        assert_eq!(texts[2], ("\"concurrence\"", fields[2]), "{line}");
        assert_eq!(texts[3], ("\"entropy_production\"", fields[3]), "{line}");
        let what = format!("({}, {})", p.beta_a, p.beta_s);
        assert_printed_digits_are_decided(fields[2], &p.concurrence_enclosure, &what);
        assert_printed_digits_are_decided(fields[3], &p.entropy_production_enclosure, &what);
        if p.beta_a == p.beta_s {
            diagonal += 1;
            assert!(p.entropy_production_enclosure.is_exact_zero(), "{what}");
            assert_eq!(fields[3], "0");
        } else if (p.beta_a - p.beta_s).abs() < 1e-12 {
            near_diagonal += 1;
            assert!(
                p.entropy_production_enclosure.lo() > 0.0,
                "{what}: Ṡ > 0 decided"
            );
        }
    }
    // β_A = −1 + 2i/30 and β_S = −4 + 8j/30 meet where 4j = i + 45: j = 12..=18, 7 points,
    // and the f64 steps make some of them miss by an ulp or two.
    assert_eq!(diagonal + near_diagonal, 7, "{diagonal} + {near_diagonal}");
    assert!(
        diagonal >= 1 && near_diagonal >= 1,
        "{diagonal} + {near_diagonal}"
    );
}

/// At |β| up to 30 the f64 enclosures are wide (width ~ ε·e^{|β_A| + |β_S|}) and values print
/// few digits: still exactly the decided ones, and no zeros holding places (`1.2e2`, not `120`,
/// when two digits of Ṡ ≈ 120 are decided at (30, −30)).
#[test]
fn fig1_wide_grid_prints_decided_digits() {
    let axis = Axis::new("beta", -30.0, 30.0, 9).unwrap();
    let grid = fig1_grid(axis, axis).unwrap();
    for (line, p) in grid.to_csv().lines().skip(1).zip(&grid.points) {
        let fields: Vec<&str> = line.split(',').collect();
        assert_printed_digits_are_decided(fields[2], &p.concurrence_enclosure, line);
        assert_printed_digits_are_decided(fields[3], &p.entropy_production_enclosure, line);
    }
}

/// The MPFR path, which takes over points the f64 enclosures leave undecided, also gives the
/// exact point 0 for Ṡ on the diagonal (the heat currents vanish identically there,
/// `proofs/heat-currents.md`), and a decided positive Ṡ ~ 1e-32 one ulp off it.
#[test]
fn certified_entropy_production_is_exactly_zero_on_the_diagonal() {
    let system = DiamondSystem::new(LadderConvention::CommutingQubits).unwrap();
    let beta = |x: f64| ExtendedRational::Finite(Rational::from_f64(x).unwrap());
    for x in [-7.25, -0.8, 0.1, 3.0] {
        let e = system.enclose(&beta(x), &beta(x), 128).unwrap();
        assert!(
            e.entropy_production.finite().unwrap().is_exact_zero(),
            "β = {x}"
        );
        let off = system.enclose(&beta(x), &beta(x.next_up()), 128).unwrap();
        let s = off.entropy_production.finite().unwrap();
        assert!(s.lo() > &0 && s.hi() < &1e-28, "β = {x}: {s:?}");
    }
}

/// Marching squares on f = x² + y² finds one closed curve at radius r; linear interpolation
/// on a grid of spacing h places points within h²/r of the circle (the chord error).
#[test]
fn contour_of_a_circle() {
    let axis = Axis::new("x", -2.0, 2.0, 81).unwrap();
    let values: Vec<f64> = (0..81 * 81)
        .map(|k| axis.value(k % 81).powi(2) + axis.value(k / 81).powi(2))
        .collect();
    let lines = contour_lines(&axis, &axis, &values, 1.0);
    assert_eq!(lines.len(), 1);
    let line = &lines[0];
    assert_eq!(line.first(), line.last(), "closed");
    let h = axis.step();
    for &(x, y) in line {
        assert!(((x * x + y * y).sqrt() - 1.0).abs() <= h * h, "({x}, {y})");
    }
}

#[test]
fn contour_chains_segments_into_one_line() {
    let x = Axis::new("x", 0.0, 4.0, 5).unwrap();
    let y = Axis::new("y", 0.0, 3.0, 4).unwrap();
    // f = x − y: the level-0.5 contour is one straight line crossing the whole grid.
    let values: Vec<f64> = (0..20).map(|k| x.value(k % 5) - y.value(k / 5)).collect();
    let lines = contour_lines(&x, &y, &values, 0.5);
    assert_eq!(lines.len(), 1);
    for &(px, py) in &lines[0] {
        assert!((px - py - 0.5).abs() < 1e-12);
    }
    assert!(contour_lines(&x, &y, &values, 100.0).is_empty());
}

#[test]
fn fig1_png_and_svg_render() {
    let grid = small_grid();
    for panel in [Fig1Panel::Concurrence, Fig1Panel::EntropyProduction] {
        let png = render_fig1(&grid, panel, ImageFormat::Png).unwrap();
        assert_eq!(png_size(&png), HEAT_MAP_SIZE);
        // A flat image compresses to a few kB; cells, text and curves make it far larger.
        assert!(png.len() > 30_000, "{} bytes", png.len());
        // Same data, same bytes: no timestamps, and text comes from the embedded font.
        assert_eq!(png, render_fig1(&grid, panel, ImageFormat::Png).unwrap());

        let svg = String::from_utf8(render_fig1(&grid, panel, ImageFormat::Svg).unwrap()).unwrap();
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains(&format!(
            "width=\"{}\" height=\"{}\"",
            HEAT_MAP_SIZE.0, HEAT_MAP_SIZE.1
        )));
        assert!(svg.contains("thermal region"));
        // Cells of equal colour merge along rows, so fewer rectangles than points, but at
        // least one per row.
        let rects = svg.matches("<rect").count();
        assert!((41..=41 * 41 + 300).contains(&rects), "{rects} rectangles");
    }
    let svg = render_fig1(&grid, Fig1Panel::Concurrence, ImageFormat::Svg).unwrap();
    let svg = String::from_utf8(svg).unwrap();
    assert!(svg.contains("steady-state concurrence"));
    assert!(svg.contains("1/3"));
}

/// Synthetic Fig. 2(c)-like data: three pump rates, concurrence bumps on a log κ/g axis.
fn synthetic_fig2() -> Fig2Data {
    let series = [2e-4, 1e-3, 5e-3]
        .iter()
        .enumerate()
        .map(|(k, &pump)| {
            let centre = 1.0 + k as f64 * 0.5;
            let points = (0..=60)
                .map(|i| {
                    let log_kappa = -2.0 + 0.1 * f64::from(i);
                    let bump = (-(log_kappa - centre).powi(2)).exp();
                    Fig2Point {
                        kappa_over_g: 10f64.powf(log_kappa),
                        concurrence_full: 0.45 * bump * (1.0 - (-(log_kappa + 1.0)).exp().min(1.0)),
                        concurrence_effective: 0.45 * bump,
                    }
                })
                .collect();
            Fig2Series {
                pump_over_g: pump,
                points,
            }
        })
        .collect();
    Fig2Data {
        decay_over_g: 1e-3,
        series,
    }
}

#[test]
fn fig2_renders_synthetic_data() {
    let data = synthetic_fig2();
    let png = render_fig2(&data, Fig2Panel::C, ImageFormat::Png).unwrap();
    assert_eq!(png_size(&png), LINE_PLOT_SIZE);
    assert!(png.len() > 20_000, "{} bytes", png.len());
    std::fs::write(
        PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("fig2c-synthetic.png"),
        &png,
    )
    .unwrap();
    let svg =
        String::from_utf8(render_fig2(&data, Fig2Panel::C, ImageFormat::Svg).unwrap()).unwrap();
    assert!(svg.starts_with("<svg"));
    for label in [
        "p = 0.0002 g",
        "p = 0.001 g",
        "p = 0.005 g",
        "full model",
        "effective model",
        "C = 1/2",
    ] {
        assert!(svg.contains(label), "{label}");
    }
    let ideal = Fig2Data {
        decay_over_g: 0.0,
        series: data.series[..1].to_vec(),
    };
    let svg =
        String::from_utf8(render_fig2(&ideal, Fig2Panel::B, ImageFormat::Svg).unwrap()).unwrap();
    assert!(svg.contains("(b) concurrence vs cavity decay, γ = 0"));
    // The data type reads back from JSON (a form the cavity sweep can hand over); serde_json's
    // default float parser may be one ulp off, so values compare to 1e-15 relative.
    let json = serde_json::to_string(&data).unwrap();
    let back: Fig2Data = serde_json::from_str(&json).unwrap();
    assert_eq!(back.series.len(), 3);
    for (a, b) in back.series.iter().zip(&data.series) {
        assert_eq!(a.pump_over_g, b.pump_over_g);
        assert_eq!(a.points.len(), b.points.len());
        for (p, q) in a.points.iter().zip(&b.points) {
            for (x, y) in [
                (p.kappa_over_g, q.kappa_over_g),
                (p.concurrence_full, q.concurrence_full),
                (p.concurrence_effective, q.concurrence_effective),
            ] {
                assert!((x - y).abs() <= 1e-15 * y.abs(), "{x} vs {y}");
            }
        }
    }
}

#[test]
fn fig2_rejects_bad_data() {
    let mut data = synthetic_fig2();
    data.series[0].points[0].kappa_over_g = 0.0;
    let err = render_fig2(&data, Fig2Panel::B, ImageFormat::Png).unwrap_err();
    assert!(matches!(err, FigureError::InvalidData(_)), "{err}");
    assert!(err.to_string().contains("positive"));
    let empty = Fig2Data {
        decay_over_g: 0.0,
        series: vec![],
    };
    assert!(render_fig2(&empty, Fig2Panel::B, ImageFormat::Svg).is_err());
}

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("plot-cli");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    let _ = std::fs::remove_file(&path);
    path
}

#[test]
fn plot_writes_png_and_svg() {
    for name in ["fig1b.png", "fig1c.svg"] {
        let path = scratch(name);
        let figure = &name[..5];
        let (code, stdout, stderr) = run(&[
            "plot",
            figure,
            "--out",
            path.to_str().unwrap(),
            "--resolution",
            "21",
        ]);
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(stdout, format!("wrote {}\n", path.display()));
        let bytes = std::fs::read(&path).unwrap();
        if name.ends_with(".png") {
            assert_eq!(png_size(&bytes), HEAT_MAP_SIZE);
        } else {
            assert!(bytes.starts_with(b"<svg"));
        }
    }
}

#[test]
fn plot_bad_extension_names_out_and_writes_nothing() {
    let path = scratch("fig1b.pdf");
    let (code, stdout, stderr) = run(&["plot", "fig1b", "--out", path.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("--out") && stderr.contains(".png"),
        "{stderr}"
    );
    assert!(!path.exists());
}

#[test]
fn plot_unwritable_path_names_out_and_writes_nothing() {
    let dir = scratch("no-such-folder");
    let path = dir.join("fig1b.png");
    let (code, stdout, stderr) = run(&[
        "plot",
        "fig1b",
        "--out",
        path.to_str().unwrap(),
        "--resolution",
        "11",
    ]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("--out"), "{stderr}");
    assert!(!dir.exists());
}

#[test]
fn plot_rejects_bad_grid_options() {
    let path = scratch("bad-grid.png");
    let out = path.to_str().unwrap();
    for (args, flag) in [
        (vec!["--beta-a-range", "4:-4"], "--beta-a-range"),
        (vec!["--beta-s-range", "-4"], "--beta-s-range"),
        (vec!["--beta-s-range", "-40:4"], "--beta-s-range"),
        (vec!["--resolution", "1"], "--resolution"),
    ] {
        let mut argv = vec!["plot", "fig1b", "--out", out];
        argv.extend(args);
        let (code, _, stderr) = run(&argv);
        assert_eq!(code, 2, "{argv:?}");
        assert!(stderr.contains(flag), "{stderr}");
        assert!(!path.exists());
    }
}

/// `plot fig2b|fig2c` renders the cavity sweep (Eq. 7–9): a PNG of the expected size, and
/// bad Fig. 2 options are usage errors naming the flag.
#[test]
fn plot_fig2_renders_the_cavity_sweep() {
    let path = scratch("fig2b.png");
    let (code, stdout, _) = run(&[
        "plot",
        "fig2b",
        "--out",
        path.to_str().unwrap(),
        "--points",
        "12",
    ]);
    assert_eq!(code, 0);
    assert!(stdout.starts_with("wrote"));
    assert!(std::fs::metadata(&path).unwrap().len() > 10_000);
    for (flag, value) in [("--points", "1"), ("--cutoff", "zero")] {
        let (code, stdout, stderr) = run(&[
            "plot",
            "fig2c",
            "--out",
            path.to_str().unwrap(),
            flag,
            value,
        ]);
        assert_eq!(code, 2);
        assert!(stdout.is_empty() && stderr.contains(flag), "{stderr}");
    }
}

/// A flag of the other figure is a usage error naming it, not silently ignored.
#[test]
fn plot_rejects_flags_of_the_other_figure() {
    let path = scratch("wrong-panel.png");
    for (figure, flag, value) in [("fig1b", "--points", "5"), ("fig2c", "--resolution", "5")] {
        let (code, stdout, stderr) =
            run(&["plot", figure, "--out", path.to_str().unwrap(), flag, value]);
        assert_eq!(code, 2);
        assert!(stdout.is_empty() && stderr.contains(flag), "{stderr}");
        assert!(!path.exists());
    }
}
