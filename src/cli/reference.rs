//! `steadyent reference`: certified diamond-model reference values (Eq. 3–6) at many points.

use std::fmt::Write as _;

use clap::{Args, ValueEnum};
use serde_json::{Value, json};

use super::diamond::{certify_error, validate_digits};
use super::{CliError, Output};
use crate::diamond::{CertifiedDiamond, DiamondSystem, EntropyProduction};
use crate::operators::LadderConvention;
use crate::reference::{GridAxis, Point, certify_points, grid};

/// Output format of a table of points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    /// Comma-separated values with a header row.
    Csv,
    /// One JSON object with a `points` array.
    Json,
}

/// Arguments of `steadyent reference` (units Γ⁺ = ω0 = 1, commuting qubit operators).
#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("input").args(["points", "beta_a_grid"]).required(true))]
pub struct ReferenceArgs {
    /// CSV file of `beta_a,beta_s` rows (exact decimals, inf, -inf); `-` reads stdin. Read as a
    /// stream, bounded: at most 100000 rows, lines of at most 4096 bytes, 16 MiB in all.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["beta_a_grid", "beta_s_grid"])]
    pub points: Option<String>,
    /// Grid of β_A values FROM:TO:COUNT (exact, equally spaced), e.g. -4:4:9.
    #[arg(
        long,
        value_name = "FROM:TO:COUNT",
        allow_hyphen_values = true,
        requires = "beta_s_grid"
    )]
    pub beta_a_grid: Option<String>,
    /// Grid of β_S values FROM:TO:COUNT.
    #[arg(
        long,
        value_name = "FROM:TO:COUNT",
        allow_hyphen_values = true,
        requires = "beta_a_grid"
    )]
    pub beta_s_grid: Option<String>,
    /// Significant digits of every value (1–10000); each printed digit is certified.
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub digits: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TableFormat::Csv)]
    pub format: TableFormat,
}

const COLUMNS: [&str; 14] = [
    "beta_a",
    "beta_s",
    "alpha",
    "sigma",
    "population_G",
    "population_S",
    "population_A",
    "population_E",
    "concurrence",
    "heat_current_a",
    "heat_current_s",
    "entropy_production",
    "certified_digits",
    "precision_bits",
];

fn read_points(path: &str) -> Result<Vec<Point>, CliError> {
    let points = if path == "-" {
        crate::reference::read_points(std::io::stdin().lock())
    } else {
        let file = std::fs::File::open(path)
            .map_err(|e| CliError::usage("--points", format!("cannot read '{path}': {e}")))?;
        crate::reference::read_points(std::io::BufReader::new(file))
    };
    points.map_err(|e| CliError::usage("--points", format!("'{path}' {e}")))
}

fn row(point: &Point, c: &CertifiedDiamond, digits: usize) -> Vec<String> {
    vec![
        Point::text(&point.beta_a),
        Point::text(&point.beta_s),
        c.alpha.clone().unwrap_or_default(),
        c.sigma.clone().unwrap_or_default(),
        c.populations[0].clone(),
        c.populations[1].clone(),
        c.populations[2].clone(),
        c.populations[3].clone(),
        c.concurrence.clone(),
        c.heat_current_a.clone(),
        c.heat_current_s.clone(),
        c.entropy_production.value().unwrap_or_default().to_string(),
        digits.to_string(),
        c.precision_bits.to_string(),
    ]
}

/// Runs `steadyent reference`.
///
/// # Errors
/// [`CliError::Usage`] for bad arguments or a bad points file; [`CliError::Internal`] when a
/// point cannot be certified.
pub fn run(args: &ReferenceArgs) -> Result<Output, CliError> {
    let digits = validate_digits(args.digits)?;
    let points = match (&args.points, &args.beta_a_grid, &args.beta_s_grid) {
        (Some(path), None, None) => read_points(path)?,
        (None, Some(a), Some(s)) => {
            let a = GridAxis::parse(a).map_err(|e| CliError::usage("--beta-a-grid", e))?;
            let s = GridAxis::parse(s).map_err(|e| CliError::usage("--beta-s-grid", e))?;
            grid(&a, &s).map_err(|e| CliError::usage("--beta-a-grid/--beta-s-grid", e))?
        }
        _ => {
            return Err(CliError::Usage(
                "give --points FILE, or --beta-a-grid and --beta-s-grid (see --help)".into(),
            ));
        }
    };
    let system = DiamondSystem::new(LadderConvention::CommutingQubits)
        .map_err(|e| CliError::Internal(e.to_string()))?;
    let values = certify_points(&system, &points, digits).map_err(|(k, e)| {
        let p = &points[k];
        let at = format!(
            "point {} (beta_a = {}, beta_s = {})",
            k + 1,
            Point::text(&p.beta_a),
            Point::text(&p.beta_s)
        );
        match certify_error("--points", e) {
            CliError::Usage(message) => CliError::Usage(format!("{message} ({at})")),
            e => CliError::Internal(format!("{at}: {e}")),
        }
    })?;
    Ok(match args.format {
        TableFormat::Csv => {
            let mut out = COLUMNS.join(",");
            out.push('\n');
            for (p, c) in points.iter().zip(&values) {
                let _ = writeln!(out, "{}", row(p, c, digits).join(","));
            }
            out
        }
        TableFormat::Json => {
            let rows: Vec<Value> = points
                .iter()
                .zip(&values)
                .map(|(p, c)| {
                    let mut obj = serde_json::Map::new();
                    for (k, v) in COLUMNS.iter().zip(row(p, c, digits)) {
                        obj.insert((*k).to_string(), Value::String(v));
                    }
                    if c.entropy_production.value().is_none() {
                        obj.insert("entropy_production".into(), Value::Null);
                    }
                    if c.entropy_production == EntropyProduction::DivergesToPlusInfinity {
                        obj.insert(
                            "entropy_production_divergence".into(),
                            Value::String("positive, grows without bound".into()),
                        );
                    }
                    for (key, value) in [("alpha", &c.alpha), ("sigma", &c.sigma)] {
                        if value.is_none() {
                            obj.insert(key.to_string(), Value::Null);
                        }
                    }
                    Value::Object(obj)
                })
                .collect();
            let v = json!({
                "model": "diamond",
                "units": "Gamma+ = omega0 = hbar = k_B = 1",
                "convention": "commuting",
                "digits": digits,
                "guarantee": "every printed digit is the correctly rounded value, decided by an MPFR interval enclosure at precision_bits",
                "infinite_beta": "at beta = inf or -inf every value is the limit; alpha or sigma is null (empty in CSV) where beta = inf makes it unbounded; entropy_production is null where it diverges (entropy_production_divergence says how where that is known)",
                "points": rows,
            });
            format!("{v:#}\n")
        }
    })
}
