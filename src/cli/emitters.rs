//! `steadyent emitters`: N identical emitters in one cavity (Eq. 7–8 with the sums to N) and
//! the effective model (Eq. 9 generalised) at one point, numerically or exactly.

use std::fmt::Write as _;

use clap::{Args, ValueEnum};
use serde::Serialize;

use super::args::{parse_cutoff, parse_emitters, parse_rate, validate_digits};
use super::error::{CliError, Output, emitter_error};
use crate::cavity::{Cutoff, MIN_CUTOFF};
use crate::emitters::exact::exact_steady_state;
use crate::emitters::report::{
    EFFECTIVE_MODEL, EXACT_SCOPE, EmitterResult, EmitterValues, ExactEmitterResult, ExactRates,
    ExactValues, MODEL,
};
use crate::emitters::sweep::{EmitterSweep, Shard};
use crate::emitters::{EmitterEngine, EmitterParams, ExactEmitterParams, Model};

/// Default significant digits of the exact path's certified decimals.
pub const DEFAULT_DIGITS: usize = 20;

/// Largest fixed cutoff of the exact path (its size is capped by
/// [`crate::emitters::exact::MAX_EXACT_UNKNOWNS`] as well).
pub const MAX_EXACT_CUTOFF: usize = 30;

/// Arguments of `steadyent emitters`.
#[derive(Debug, Args)]
pub struct EmittersArgs {
    /// Number of emitters N, 1 to 100.
    #[arg(long = "n", value_name = "N", allow_hyphen_values = true)]
    pub n: String,
    /// Cavity loss κ (units of g), > 0; an exact decimal or rational (3.7, 1e-3, 3/4).
    #[arg(long, allow_hyphen_values = true, value_name = "K")]
    pub kappa: String,
    /// Local incoherent pump p of each emitter (units of g), ≥ 0.
    #[arg(long, allow_hyphen_values = true, value_name = "P")]
    pub pump: String,
    /// Local decay γ of each emitter (units of g), ≥ 0.
    #[arg(long, allow_hyphen_values = true, value_name = "G")]
    pub gamma: String,
    /// Local pure dephasing γ_φ of each emitter (coherence decay rate; QuTiP collapse operator
    /// √(γ_φ/2)·σᶻ), ≥ 0. p, γ and γ_φ must not all be 0 (every dark state would be stationary).
    #[arg(
        long,
        default_value = "0",
        allow_hyphen_values = true,
        value_name = "D"
    )]
    pub dephasing: String,
    /// Emitter–cavity coupling g, > 0; every rate is in the same unit as g.
    #[arg(long, default_value = "1", allow_hyphen_values = true)]
    pub g: String,
    /// Photon cutoff: `auto` (grow until every printed observable changes by ≤ 1e-10 and the
    /// top Fock level holds ≤ 1e-12) or a number of Fock states from 2 to 100. With --exact:
    /// required, 2 to 30.
    #[arg(long, value_name = "auto|N")]
    pub cutoff: Option<String>,
    /// Solve only the effective model (Eq. 9 generalised: collective decay Γ = 4g²/κ, no
    /// cavity).
    #[arg(long)]
    pub effective: bool,
    /// Solve exactly over the rationals at a fixed --cutoff: exact observables, uniqueness by
    /// exact nullity, and --digits certified digits of each.
    #[arg(long)]
    pub exact: bool,
    /// With --exact: significant digits of each certified decimal (1–10000, default 20).
    #[arg(long, value_name = "D")]
    pub digits: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = EmittersFormat::Table)]
    pub format: EmittersFormat,
}

/// Output formats of `steadyent emitters`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum EmittersFormat {
    /// Aligned human-readable lines.
    Table,
    /// One JSON object.
    Json,
}

/// The exact parameters of the command line (every model shares them).
pub fn exact_params(
    n: &str,
    g: &str,
    kappa: &str,
    pump: &str,
    gamma: &str,
    dephasing: &str,
) -> Result<ExactEmitterParams, CliError> {
    let emitters = parse_emitters(n)?;
    ExactEmitterParams::new(
        emitters,
        parse_rate("--g", g)?,
        parse_rate("--kappa", kappa)?,
        parse_rate("--pump", pump)?,
        parse_rate("--gamma", gamma)?,
        parse_rate("--dephasing", dephasing)?,
    )
    .map_err(emitter_error)
}

fn json<T: Serialize>(value: &T) -> Result<Output, CliError> {
    let mut text =
        serde_json::to_string_pretty(value).map_err(|e| CliError::Internal(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

/// Runs `steadyent emitters`.
///
/// # Errors
/// [`CliError::Usage`] for invalid arguments; [`CliError::Internal`] when no trustworthy steady
/// state exists (not unique, ill-conditioned, cutoff not converged).
pub fn run(args: &EmittersArgs) -> Result<Output, CliError> {
    let exact = exact_params(
        &args.n,
        &args.g,
        &args.kappa,
        &args.pump,
        &args.gamma,
        &args.dephasing,
    )?;
    if args.exact {
        let result = exact_result(&exact, args.cutoff.as_deref(), args.effective, args.digits)?;
        return match args.format {
            EmittersFormat::Json => json(&result),
            EmittersFormat::Table => Ok(exact_table(&result)),
        };
    }
    let (params, result) =
        numeric_result(&exact, args.cutoff.as_deref(), args.effective, args.digits)?;
    match args.format {
        EmittersFormat::Json => json(&result),
        EmittersFormat::Table => Ok(table(&params, &result)),
    }
}

/// The numeric solve (Eq. 7–8 with N emitters, or with `effective` the effective model
/// alone) at the command line's `--cutoff` text, checked as the command checks it: the f64
/// parameters and the result.
///
/// # Errors
/// [`CliError::Usage`] for `--digits` (exact only) or a bad `--cutoff`;
/// [`CliError::Internal`] when no trustworthy steady state exists.
pub fn numeric_result(
    exact: &ExactEmitterParams,
    cutoff: Option<&str>,
    effective: bool,
    digits: Option<usize>,
) -> Result<(EmitterParams, EmitterResult), CliError> {
    if digits.is_some() {
        return Err(CliError::usage(
            "--digits",
            "certified digits are printed by the exact solve only; add --exact",
        ));
    }
    let params = exact.to_f64().map_err(emitter_error)?;
    let engine = EmitterEngine::new();
    let result = if effective {
        if cutoff.is_some() {
            return Err(CliError::usage(
                "--cutoff",
                "the effective model has no cavity; drop --cutoff or --effective",
            ));
        }
        let state = engine.solve_effective(&params).map_err(emitter_error)?;
        EmitterResult::effective(&params, &state)
    } else {
        let cutoff = parse_cutoff(cutoff.unwrap_or("auto"))?;
        let point = engine.solve_point(&params, cutoff).map_err(emitter_error)?;
        EmitterResult::full(&point)
    };
    Ok((params, result))
}

/// The exact solve over the rationals at the command line's `--cutoff` text (none with
/// `effective`) and `--digits`, checked as the command checks them.
///
/// # Errors
/// [`CliError::Usage`] for bad arguments or digits beyond the precision cap;
/// [`CliError::Internal`] when the steady state is not unique.
pub fn exact_result(
    params: &ExactEmitterParams,
    cutoff: Option<&str>,
    effective: bool,
    digits: Option<usize>,
) -> Result<ExactEmitterResult, CliError> {
    let digits = validate_digits(digits.unwrap_or(DEFAULT_DIGITS))?;
    let cutoff = if effective {
        if cutoff.is_some() {
            return Err(CliError::usage(
                "--cutoff",
                "the effective model has no cavity; drop --cutoff or --effective",
            ));
        }
        None
    } else {
        let expected = format!(
            "the exact solve needs a fixed number of Fock states from {MIN_CUTOFF} to \
             {MAX_EXACT_CUTOFF}"
        );
        let text = cutoff.ok_or_else(|| {
            CliError::usage("--cutoff", format!("missing; {expected} (e.g. --cutoff 6)"))
        })?;
        match parse_cutoff(text) {
            Ok(Cutoff::Fixed(n)) if n <= MAX_EXACT_CUTOFF => Some(n),
            _ => {
                return Err(CliError::usage(
                    "--cutoff",
                    format!("{expected}, got '{}'", super::error::short(text)),
                ));
            }
        }
    };
    let certify = |model: Model, cavity: bool| -> Result<ExactValues, CliError> {
        let state =
            exact_steady_state(params, model, cutoff.unwrap_or(1)).map_err(emitter_error)?;
        ExactValues::of(&state, digits, cavity).ok_or_else(|| {
            CliError::usage(
                "--digits",
                format!("{digits} digits could not be certified within the precision cap"),
            )
        })
    };
    Ok(if cutoff.is_some() {
        ExactEmitterResult {
            model: MODEL,
            mode: "exact",
            units: "g",
            rates: ExactRates::of(params),
            cutoff,
            digits,
            uniqueness_scope: EXACT_SCOPE,
            values: certify(Model::Full, true)?,
            effective: Some(certify(Model::Effective, false)?),
        }
    } else {
        ExactEmitterResult {
            model: EFFECTIVE_MODEL,
            mode: "exact",
            units: "g",
            rates: ExactRates::of(params),
            cutoff,
            digits,
            uniqueness_scope: EXACT_SCOPE,
            values: certify(Model::Effective, false)?,
            effective: None,
        }
    })
}
/// A value to 12 decimals (exact zeros as `0`), or `none`.
fn optional(x: Option<f64>, none: &str) -> String {
    x.map_or_else(
        || none.to_string(),
        |v| {
            if v == 0.0 {
                "0".to_string()
            } else {
                format!("{v:.12}")
            }
        },
    )
}

fn verdict(entangled: Option<bool>) -> &'static str {
    match entangled {
        Some(true) => "entangled (below N/2)",
        Some(false) => "not detected (≥ N/2)",
        None => "undecided in f64 (within 1e-9·N of N/2; use --exact)",
    }
}

fn value_rows(v: &EmitterValues) -> Vec<(&'static str, String)> {
    vec![
        (
            "pair concurrence",
            format!(
                "{} (Koashi–Bužek–Imoto bound 2/N = {:.6})",
                optional(v.pair_concurrence, "— (N = 1)"),
                v.koashi_buzek_imoto_bound
            ),
        ),
        (
            "excited population",
            format!("{:.12}", v.excited_population),
        ),
        (
            "mean photon number",
            optional(v.mean_photon_number, "— (no cavity)"),
        ),
        (
            "g2(0)",
            optional(
                v.g2_zero,
                "— (no cavity, or <a+a+aa> < 1e-5: not resolved in f64; use --exact)",
            ),
        ),
        ("<J^2>", format!("{:.12}", v.spin_squared)),
        (
            "variance sum",
            format!(
                "{:.12} (Tóth bound N/2 = {}): {}",
                v.spin_variance_sum,
                v.toth_bound,
                verdict(v.toth_entangled)
            ),
        ),
        (
            "solve",
            format!(
                "{} real unknowns, residual {:.1e}, condition ~{:.1e}",
                v.unknowns, v.residual, v.condition_estimate
            ),
        ),
    ]
}

fn table(params: &EmitterParams, result: &EmitterResult) -> String {
    let mut out = String::new();
    let mut rows = vec![
        ("model", result.model.to_string()),
        (
            "parameters",
            format!(
                "N = {}, g = {}, kappa = {}, pump = {}, gamma = {}, dephasing = {}",
                params.emitters(),
                params.coupling(),
                params.kappa(),
                params.pump(),
                params.gamma(),
                params.dephasing()
            ),
        ),
    ];
    if let Some(c) = &result.cutoff {
        rows.push((
            "photon cutoff",
            match c.observable_change {
                Some(change) => format!(
                    "{} Fock states (auto; tried {:?}; last change {change:.1e}, top level \
                     {:.1e})",
                    c.cutoff, c.cutoffs_tried, c.top_fock_population
                ),
                None => format!(
                    "{} Fock states (fixed: truncation not estimated; top level {:.1e})",
                    c.cutoff, c.top_fock_population
                ),
            },
        ));
    }
    rows.extend(value_rows(&result.values));
    if let Some(e) = &result.effective {
        rows.push((
            "effective model",
            format!(
                "Eq. (9) generalised, Gamma = 4g^2/kappa = {:.12}",
                result.rates.collective_decay
            ),
        ));
        rows.extend(
            value_rows(&e.values)
                .into_iter()
                .filter(|(label, _)| !matches!(*label, "mean photon number" | "g2(0)"))
                .map(|(label, value)| (label, format!("{value} [effective]"))),
        );
    }
    rows.push(("accuracy", result.accuracy.to_string()));
    for (label, value) in rows {
        let _ = writeln!(out, "{label:<22}{value}");
    }
    out
}

fn exact_rows(v: &ExactValues) -> Vec<(&'static str, String)> {
    let both = |d: &str, e: &str| format!("{d}  (exact {e})");
    let mut rows = vec![(
        "pair concurrence",
        match (&v.pair_concurrence, &v.pair_concurrence_exact) {
            (Some(d), Some(e)) => both(d, e),
            _ => "— (N = 1)".to_string(),
        },
    )];
    rows.push((
        "excited population",
        both(&v.excited_population, &v.excited_population_exact),
    ));
    if let (Some(d), Some(e)) = (&v.mean_photon_number, &v.mean_photon_number_exact) {
        rows.push(("mean photon number", both(d, e)));
    }
    if let (Some(d), Some(e)) = (&v.g2_zero, &v.g2_zero_exact) {
        rows.push(("g2(0)", both(d, e)));
    }
    rows.push(("<J^2>", both(&v.spin_squared, &v.spin_squared_exact)));
    rows.push((
        "variance sum",
        format!(
            "{} (Tóth bound N/2 = {}): {}",
            both(&v.spin_variance_sum, &v.spin_variance_sum_exact),
            v.toth_bound,
            if v.toth_entangled {
                "entangled (below N/2, exactly)"
            } else {
                "not detected (≥ N/2, exactly)"
            }
        ),
    ));
    rows.push((
        "solve",
        format!("{} rational unknowns, nullity {}", v.unknowns, v.nullity),
    ));
    rows
}

fn exact_table(result: &ExactEmitterResult) -> String {
    let mut out = String::new();
    let r = &result.rates;
    let mut rows = vec![
        ("model", format!("{} (exact)", result.model)),
        (
            "parameters",
            format!(
                "N = {}, g = {}, kappa = {}, pump = {}, gamma = {}, dephasing = {}",
                r.n, r.g, r.kappa, r.pump, r.gamma, r.dephasing
            ),
        ),
        (
            "photon cutoff",
            result.cutoff.map_or_else(
                || "— (no cavity)".to_string(),
                |c| format!("{c} Fock states (fixed)"),
            ),
        ),
        ("uniqueness", result.uniqueness_scope.to_string()),
        (
            "digits",
            format!("{} significant, each certified", result.digits),
        ),
    ];
    rows.extend(exact_rows(&result.values));
    if let Some(e) = &result.effective {
        rows.push(("effective model", EFFECTIVE_MODEL.to_string()));
        rows.extend(
            exact_rows(e)
                .into_iter()
                .map(|(label, value)| (label, format!("{value} [effective]"))),
        );
    }
    for (label, value) in rows {
        let _ = writeln!(out, "{label:<22}{value}");
    }
    out
}

/// The CSV header of `sweep emitters` (one row per point; `effective_*` are the effective
/// model's values, empty fields are `null`).
pub const SWEEP_CSV_HEADER: &str = "index,n,kappa,cutoff,pair_concurrence,excited_population,\
mean_photon_number,g2_zero,spin_squared,spin_variance_sum,toth_entangled,residual,\
effective_pair_concurrence,effective_excited_population,effective_spin_squared,\
effective_spin_variance_sum,effective_toth_entangled";

/// `sweep emitters` as CSV (round-trip floats) or JSON.
///
/// # Errors
/// [`CliError::Internal`] when a point fails.
pub fn sweep_text(
    sweep: &EmitterSweep,
    shard: Shard,
    json: bool,
    progress: &(dyn Fn() + Sync),
) -> Result<String, CliError> {
    let rows = sweep.run(shard, progress).map_err(emitter_error)?;
    if json {
        let (k, m) = shard.parts();
        let value = serde_json::json!({
            "figure": "emitters",
            "model": MODEL,
            "effective_model": EFFECTIVE_MODEL,
            "units": "g",
            "g": sweep.coupling,
            "pump": sweep.pump,
            "gamma": sweep.gamma,
            "dephasing": sweep.dephasing,
            "n": sweep.emitters,
            "kappas": sweep.kappas,
            "points_total": sweep.len(),
            "shard": format!("{k}/{m}"),
            "rows": rows,
        });
        let mut text =
            serde_json::to_string_pretty(&value).map_err(|e| CliError::Internal(e.to_string()))?;
        text.push('\n');
        return Ok(text);
    }
    let f = |x: Option<f64>| x.map_or_else(String::new, |v| format!("{v:e}"));
    let b = |x: Option<bool>| x.map_or_else(String::new, |v| v.to_string());
    let mut out = String::from(SWEEP_CSV_HEADER);
    out.push('\n');
    for r in &rows {
        let (full, eff) = (&r.full, &r.effective);
        let _ = writeln!(
            out,
            "{},{},{:e},{},{},{:e},{},{},{:e},{:e},{},{:e},{},{:e},{:e},{:e},{}",
            r.index,
            r.n,
            r.kappa,
            r.cutoff,
            f(full.pair_concurrence),
            full.excited_population,
            f(full.mean_photon_number),
            f(full.g2_zero),
            full.spin_squared,
            full.spin_variance_sum,
            b(full.toth_entangled),
            full.residual,
            f(eff.pair_concurrence),
            eff.excited_population,
            eff.spin_squared,
            eff.spin_variance_sum,
            b(eff.toth_entangled),
        );
    }
    Ok(out)
}
