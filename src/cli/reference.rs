//! `steadyent reference`: certified diamond-model reference values (Eq. 3–6) at many points.

use clap::{Args, ValueEnum};

use super::args::validate_digits;
use super::error::{CliError, Output, certify_error};
use crate::diamond::{DiamondError, DiamondSystem};
use crate::operators::LadderConvention;
use crate::reference::{GridAxis, Point, certify_table, grid};
use crate::schema;

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
    /// Output format. JSON: the header and one object per point, with the same fields as
    /// `steadyent diamond --format json`; CSV: those fields, nested keys joined by `.`
    /// (`populations.G`), `null` as an empty field.
    #[arg(long, value_enum, default_value_t = TableFormat::Csv)]
    pub format: TableFormat,
}

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
    let system = DiamondSystem::shared(LadderConvention::CommutingQubits)
        .map_err(|e| CliError::Internal(e.to_string()))?;
    let table =
        certify_table(system, &points, digits).map_err(|(k, e)| point_error(&points, k, e))?;
    Ok(match args.format {
        TableFormat::Csv => schema::csv(&table.points),
        TableFormat::Json => schema::json(&table),
    })
}

/// The error of point `k` (0-based) of `points`, naming it: bad input (an undecided limit)
/// or an internal error.
pub fn point_error(points: &[Point], k: usize, e: DiamondError) -> CliError {
    let p = &points[k];
    let at = format!(
        "point {} (beta_a = {}, beta_s = {})",
        k + 1,
        p.beta_a,
        p.beta_s
    );
    match certify_error("--points", e) {
        CliError::Usage(message) => CliError::Usage(format!("{message} ({at})")),
        e => CliError::Internal(format!("{at}: {e}")),
    }
}
