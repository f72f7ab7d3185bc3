//! `steadyent diamond`: the diamond model's steady state and Eq. (3)–(6) quantities, certified
//! to `--digits` at exact inverse temperatures, or exact at rational rate ratios.

use clap::{Args, ValueEnum};
use rug::Rational;

use super::args::validate_digits;
use super::error::{CliError, Output, certify_error};
use crate::decimal::{ExtendedRational, parse_extended, parse_rational};
use crate::diamond::result::{DiamondPoint, DiamondReport, UNITS};
use crate::diamond::{DiamondSystem, ExactDiamond, ExactDiamondError, MAX_ABS_BETA, beta_in_range};
use crate::operators::LadderConvention;
use crate::schema;

/// Output format of a single-point command.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PointFormat {
    /// Aligned human-readable table.
    Table,
    /// One JSON object; numbers as decimal (or exact rational) strings.
    Json,
}

/// Reading of the paper's ladder operators `c_i` (see `steadyent check --only operator-convention`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Convention {
    /// Qubit operators commuting between the qubits (reproduces Eq. 4–5; default).
    Commuting,
    /// Jordan–Wigner fermions, the literal reading of "anticommutation rules".
    JordanWigner,
}

impl From<Convention> for LadderConvention {
    fn from(c: Convention) -> Self {
        match c {
            Convention::Commuting => LadderConvention::CommutingQubits,
            Convention::JordanWigner => LadderConvention::JordanWigner,
        }
    }
}

/// Arguments of `steadyent diamond` (units Γ⁺ = ω0 = 1).
///
/// Either both inverse temperatures (`--beta-a`, `--beta-s`: exact decimals, `inf`, `-inf`;
/// results certified to `--digits` significant digits) or both rate ratios (`--alpha`,
/// `--sigma`: exact rationals; results exact).
#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("temperatures").args(["beta_a", "beta_s"]).multiple(true))]
#[command(group = clap::ArgGroup::new("ratios").args(["alpha", "sigma"]).multiple(true).conflicts_with("temperatures"))]
pub struct DiamondArgs {
    /// Inverse temperature β_A of the bath on J_A = c1 − c2, in units of 1/ω0: an exact
    /// decimal (e.g. -2, 3.5, 1e-3) with |β| ≤ 1e8, inf or -inf. At inf (zero temperature) every value printed
    /// is the certified limit β_A → +∞ (the entropy production grows without bound there with
    /// commuting operators). --beta-a inf with --beta-s inf has no unique limit (exit 2).
    #[arg(
        long,
        allow_hyphen_values = true,
        requires = "beta_s",
        value_name = "X"
    )]
    pub beta_a: Option<String>,
    /// Inverse temperature β_S of the bath on J_S = c1 + c2 (same form as --beta-a).
    #[arg(
        long,
        allow_hyphen_values = true,
        requires = "beta_a",
        value_name = "Y"
    )]
    pub beta_s: Option<String>,
    /// Rate ratio α = Γ_A⁻/Γ⁺ = e^{β_A}: an exact rational p/q or decimal, ≥ 0.
    #[arg(long, allow_hyphen_values = true, requires = "sigma", value_name = "R")]
    pub alpha: Option<String>,
    /// Rate ratio σ = Γ_S⁻/Γ⁺ = e^{β_S}: an exact rational p/q or decimal, ≥ 0.
    #[arg(long, allow_hyphen_values = true, requires = "alpha", value_name = "R")]
    pub sigma: Option<String>,
    /// Significant digits printed (1–10000); every printed digit is certified.
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub digits: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = PointFormat::Table)]
    pub format: PointFormat,
    /// Reading of the ladder operators c_i.
    #[arg(long, value_enum, default_value_t = Convention::Commuting)]
    pub convention: Convention,
}

/// Runs `steadyent diamond` (Eq. 1–6).
///
/// # Errors
/// [`CliError::Usage`] for invalid arguments, [`CliError::Internal`] when no trustworthy
/// answer can be given (non-unique steady state, precision cap reached).
pub fn run(args: &DiamondArgs) -> Result<Output, CliError> {
    let digits = validate_digits(args.digits)?;
    let convention = LadderConvention::from(args.convention);
    match (&args.beta_a, &args.beta_s, &args.alpha, &args.sigma) {
        (Some(a), Some(s), None, None) => {
            let beta_a = parse_beta("--beta-a", a)?;
            let beta_s = parse_beta("--beta-s", s)?;
            run_temperatures(&beta_a, &beta_s, digits, convention, args.format)
        }
        (None, None, Some(a), Some(s)) => {
            let alpha = parse_ratio("--alpha", a)?;
            let sigma = parse_ratio("--sigma", s)?;
            run_exact(&alpha, &sigma, digits, convention, args.format)
        }
        _ => Err(CliError::Usage(
            "give either --beta-a and --beta-s, or --alpha and --sigma (see --help)".into(),
        )),
    }
}

/// Parses an exact β and checks it against [`MAX_ABS_BETA`].
///
/// # Errors
/// [`CliError::Usage`] naming `argument`.
pub fn parse_beta(argument: &str, text: &str) -> Result<ExtendedRational, CliError> {
    let beta = parse_extended(text).map_err(|e| CliError::usage(argument, e))?;
    if !beta_in_range(&beta) {
        return Err(CliError::usage(
            argument,
            format!(
                "'{text}' is beyond ±{MAX_ABS_BETA:e}, where e^beta leaves the floating-point \
                 exponent range; accepted: |beta| <= {MAX_ABS_BETA:e}, or inf / -inf for the limit"
            ),
        ));
    }
    Ok(beta)
}

/// Parses an exact rate ratio (`α` or `σ`, ≥ 0).
///
/// # Errors
/// [`CliError::Usage`] naming `argument`.
pub fn parse_ratio(argument: &str, text: &str) -> Result<Rational, CliError> {
    let value = parse_rational(text).map_err(|e| CliError::usage(argument, e))?;
    if value.is_negative() {
        return Err(CliError::usage(
            argument,
            format!("'{text}' is negative; accepted: a rate ratio ≥ 0 (0 means β = -inf)"),
        ));
    }
    Ok(value)
}

/// `e^β` for the table: the certified decimal, or a note where `β = +∞` makes it unbounded.
fn rate_text(rate: &Option<String>, beta: &str) -> String {
    rate.clone()
        .unwrap_or_else(|| format!("unbounded ({beta} = inf; values are the limit)"))
}

/// `Ṡ_irr` for the table: the value, or how it diverges (the JSON's words).
fn entropy_text(point: &DiamondPoint) -> String {
    point
        .entropy_production
        .clone()
        .or_else(|| point.entropy_production_divergence.map(str::to_string))
        .unwrap_or_default()
}

/// The table rows of the populations.
fn population_rows(point: &DiamondPoint) -> [(&'static str, String); 4] {
    let p = &point.populations;
    [
        ("population G", p.ground.clone()),
        ("population S", p.symmetric.clone()),
        ("population A", p.antisymmetric.clone()),
        ("population E", p.excited.clone()),
    ]
}

/// The document of `steadyent diamond --beta-a X --beta-s Y` at parsed inputs: Eq. (3)–(6)
/// certified to `digits` digits ([`DiamondSystem::certify`], [`DiamondReport::certified`]).
///
/// # Errors
/// [`CliError::Usage`] for an undecided `β = +∞` limit, [`CliError::Internal`] when no
/// trustworthy answer can be given.
pub fn certified_report(
    beta_a: &ExtendedRational,
    beta_s: &ExtendedRational,
    digits: usize,
    convention: LadderConvention,
) -> Result<DiamondReport, CliError> {
    let system =
        DiamondSystem::shared(convention).map_err(|e| CliError::Internal(e.to_string()))?;
    let c = system
        .certify(beta_a, beta_s, digits)
        .map_err(|e| certify_error("--beta-a/--beta-s", e))?;
    Ok(DiamondReport::certified(
        convention, beta_a, beta_s, &c, digits,
    ))
}

/// The document of `steadyent diamond --alpha R --sigma R` at parsed inputs: Eq. (1)–(6)
/// solved exactly ([`ExactDiamond::solve`], [`DiamondReport::exact`]).
///
/// # Errors
/// [`CliError::Internal`] when the state is not unique or a decimal is not decided.
pub fn exact_report(
    alpha: &Rational,
    sigma: &Rational,
    digits: usize,
    convention: LadderConvention,
) -> Result<DiamondReport, CliError> {
    let internal = |e: ExactDiamondError| CliError::Internal(e.to_string());
    let d = ExactDiamond::solve(alpha, sigma, convention).map_err(internal)?;
    DiamondReport::exact(convention, &d, digits).map_err(internal)
}

fn run_temperatures(
    beta_a: &ExtendedRational,
    beta_s: &ExtendedRational,
    digits: usize,
    convention: LadderConvention,
    format: PointFormat,
) -> Result<Output, CliError> {
    let report = certified_report(beta_a, beta_s, digits, convention)?;
    let point = &report.point;
    Ok(match format {
        PointFormat::Table => {
            let closed_form = point.concurrence_eq5.clone().unwrap_or_else(|| {
                "omitted: the closed form's limit is not decided by continuity here".to_string()
            });
            let mut rows: Vec<(&str, String)> = vec![
                ("beta_a", beta_a.to_string()),
                ("beta_s", beta_s.to_string()),
                ("alpha = e^beta_a", rate_text(&point.alpha, "beta_a")),
                ("sigma = e^beta_s", rate_text(&point.sigma, "beta_s")),
            ];
            rows.extend(population_rows(point));
            rows.extend([
                ("concurrence (Wootters, rho_SS)", point.concurrence.clone()),
                ("concurrence (Eq. 4-5)", closed_form),
                ("heat_current_a", point.heat_current_a.clone()),
                ("heat_current_s", point.heat_current_s.clone()),
                ("entropy_production (Eq. 6)", entropy_text(point)),
            ]);
            let mut note = format!(
                "{digits} significant digits, each certified by an MPFR interval enclosure \
                 (working precision {} bits)",
                // Some for every certified point (DiamondPoint::certified).
                point.precision_bits.unwrap_or_default()
            );
            if point.zero_temperature_limit {
                note.push_str(
                    "; beta = inf: every value is the limit beta -> +inf, taken exactly from the \
                     symbolic steady state (Eq. 4-5 closed form: its own limit)",
                );
            }
            table(convention, &rows, &note)
        }
        PointFormat::Json => schema::json(&report),
    })
}

fn run_exact(
    alpha: &Rational,
    sigma: &Rational,
    digits: usize,
    convention: LadderConvention,
    format: PointFormat,
) -> Result<Output, CliError> {
    let report = exact_report(alpha, sigma, digits, convention)?;
    let point = &report.point;
    Ok(match format {
        PointFormat::Table => {
            let mut rows: Vec<(&str, String)> = vec![
                ("alpha = Gamma_A-/Gamma+", alpha.to_string()),
                ("sigma = Gamma_S-/Gamma+", sigma.to_string()),
            ];
            rows.extend(population_rows(point));
            rows.extend([
                (
                    "concurrence (exact)",
                    point.concurrence_exact.clone().unwrap_or_default(),
                ),
                ("concurrence", point.concurrence.clone()),
                ("heat_current_a", point.heat_current_a.clone()),
                ("heat_current_s", point.heat_current_s.clone()),
                ("entropy_production (Eq. 6)", entropy_text(point)),
            ]);
            table(
                convention,
                &rows,
                &format!(
                    "exact rationals; unique steady state (nullity 1, exact); decimals to \
                     {digits} certified digits"
                ),
            )
        }
        PointFormat::Json => schema::json(&report),
    })
}

fn table(convention: LadderConvention, rows: &[(&str, String)], note: &str) -> String {
    let width = rows
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = format!(
        "diamond model (Eq. 1-6), units {UNITS}, {} ladder operators\n",
        convention.name()
    );
    for (k, v) in rows {
        out.push_str(&format!("  {k:<width$}  {v}\n"));
    }
    out.push_str(&format!("  ({note})\n"));
    out
}
