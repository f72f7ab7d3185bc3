//! Argument types and parsers that more than one subcommand shares (the cavity arguments of
//! `cavity` and `cavity --exact`, the figure grids of `plot` and `sweep`, the N-emitter lists
//! of `emitters`, `plot` and `sweep`), so that no subcommand imports another.

use clap::{Args, ValueEnum};
use rug::Rational;

use super::error::{CliError, emitter_error};
use crate::cavity::sweep::{MAX_POINTS, log_grid};
use crate::cavity::{Cutoff, MAX_CUTOFF, MIN_CUTOFF};
use crate::decimal::parse_rational;
use crate::emitters::MAX_EMITTERS;
use crate::emitters::scalar::nearest_f64;
use crate::emitters::sweep::{EmitterSweep, Shard};
use crate::figures::{Axis, Fig1Grid, FigureError, fig1_grid_with_progress};

/// The first flag of `flags` that was given (`(given, flag)` pairs in the order the error
/// should name them), for the flags a figure does not take.
fn first_given(flags: &[(bool, &'static str)]) -> Option<&'static str> {
    flags
        .iter()
        .find_map(|&(given, flag)| given.then_some(flag))
}

/// Arguments of `steadyent cavity`.
#[derive(Debug, Args)]
pub struct CavityArgs {
    /// Cavity decay rate κ (units of g), > 0. With --exact: an exact rational (3/4, 0.125).
    #[arg(long, allow_hyphen_values = true, value_name = "K")]
    pub kappa: String,
    /// Incoherent pumping rate p of each qubit (units of g), > 0 (≥ 0 with --exact).
    #[arg(long, allow_hyphen_values = true, value_name = "P")]
    pub pump: String,
    /// Spontaneous decay rate γ of each qubit (units of g), ≥ 0; 0 gives β_A = −∞ (Fig. 2b).
    #[arg(long, allow_hyphen_values = true, value_name = "G")]
    pub gamma: String,
    /// Qubit–cavity coupling g; every rate is in the same unit as g.
    #[arg(long, default_value = "1", allow_hyphen_values = true)]
    pub g: String,
    /// Photon cutoff: `auto` (grow until the concurrence changes by ≤ 1e-10 and the top Fock
    /// level holds ≤ 1e-12) or a number of Fock states from 2 to 100 (default `auto`). With
    /// --exact: required, a number of Fock states from 2 to 50.
    #[arg(long, value_name = "auto|N")]
    pub cutoff: Option<String>,
    /// Solve the truncated model exactly over the Gaussian rationals (rotating frame): exact
    /// reduced two-qubit state, exact concurrence, and the concurrence to --digits certified
    /// digits. Rates are exact rationals; --cutoff is required.
    #[arg(long)]
    pub exact: bool,
    /// With --exact: also prove the steady state unique on the whole operator space (exact
    /// nullity of every ket–bra excitation-difference sector, no symmetry assumed; ~0.3 s at
    /// cutoff 6, ~1 s at 8).
    #[arg(long, requires = "exact")]
    pub full_uniqueness: bool,
    /// With --exact: significant digits of the concurrence (1–10000, default 20), each
    /// certified by an interval enclosure.
    #[arg(long, value_name = "D")]
    pub digits: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CavityFormat::Table)]
    pub format: CavityFormat,
    /// Frame of Eq. (7): `rotating` at ω0 = ω_cav, or `lab` with ω0 = ω_cav = --omega0.
    #[arg(long, value_enum, default_value_t = FrameArg::Rotating)]
    pub frame: FrameArg,
    /// Qubit and cavity frequency ω0 with --frame lab (units of g; default 1000, the paper's
    /// g/ω0 = 0.001).
    #[arg(long, allow_hyphen_values = true)]
    pub omega0: Option<f64>,
}

/// Output formats of `steadyent cavity`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CavityFormat {
    /// Aligned human-readable lines.
    Table,
    /// One JSON object.
    Json,
}

/// The frame of Eq. (7).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FrameArg {
    /// Rotating at ω0 = ω_cav (the free Hamiltonian drops out).
    Rotating,
    /// Laboratory frame with ω0 = ω_cav = --omega0.
    Lab,
}

/// Parses `--cutoff`: `auto` or a number of Fock states in `MIN_CUTOFF..=MAX_CUTOFF`.
///
/// # Errors
/// [`CliError::Usage`] naming `--cutoff` and the accepted values.
pub fn parse_cutoff(text: &str) -> Result<Cutoff, CliError> {
    let bad = || {
        CliError::usage(
            "--cutoff",
            format!(
                "expected `auto` or a number of Fock states from {MIN_CUTOFF} to {MAX_CUTOFF}, \
                 got '{text}'"
            ),
        )
    };
    if text == "auto" {
        return Ok(Cutoff::AUTO);
    }
    let n: usize = text.parse().map_err(|_| bad())?;
    if (MIN_CUTOFF..=MAX_CUTOFF).contains(&n) {
        Ok(Cutoff::Fixed(n))
    } else {
        Err(bad())
    }
}

/// Largest `--digits` accepted.
pub const MAX_DIGITS: usize = 10_000;

/// Validates `--digits`.
///
/// # Errors
/// [`CliError::Usage`] outside `1..=MAX_DIGITS`.
pub fn validate_digits(digits: usize) -> Result<usize, CliError> {
    if (1..=MAX_DIGITS).contains(&digits) {
        Ok(digits)
    } else {
        Err(CliError::usage(
            "--digits",
            format!("{digits} is out of range; accepted: 1 to {MAX_DIGITS}"),
        ))
    }
}

/// The panels of the paper's figures that `plot` draws and `sweep` tabulates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FigureName {
    /// Fig. 1(b): steady-state concurrence over (β_A, β_S), Eq. (4).
    Fig1b,
    /// Fig. 1(c): entropy production rate over (β_A, β_S), Eq. (6).
    Fig1c,
    /// Fig. 2(b): concurrence against κ/g, full vs effective model, γ = 0, p = 2e-4 g.
    Fig2b,
    /// Fig. 2(c): concurrence against κ/g, γ = 1e-3 g, p ∈ {2e-4, 1e-3, 5e-3} g.
    Fig2c,
    /// N emitters in one cavity (Eq. 7–8 with N emitters): plot — the largest pair concurrence
    /// over (p, κ) and the variance sum over N/2 there, against N; sweep — full and effective
    /// model over a list of N × log-spaced κ.
    Emitters,
}

impl FigureName {
    /// The name as typed on the command line.
    pub fn name(self) -> &'static str {
        match self {
            FigureName::Fig1b => "fig1b",
            FigureName::Fig1c => "fig1c",
            FigureName::Fig2b => "fig2b",
            FigureName::Fig2c => "fig2c",
            FigureName::Emitters => "emitters",
        }
    }
}

/// The (β_A, β_S) grid of Fig. 1(b),(c); shared with `steadyent sweep fig1b|fig1c`.
///
/// The flags are optional (defaults applied by [`Fig1GridArgs::axes`]) so that a command can
/// tell whether one was given: `sweep fig2b --resolution 5` is a usage error.
#[derive(Clone, Debug, Default, Args)]
pub struct Fig1GridArgs {
    /// Fig. 1 only: β_A range MIN:MAX in units of 1/ω0, horizontal axis [default: -10:10].
    #[arg(long, allow_hyphen_values = true, value_name = "MIN:MAX")]
    pub beta_a_range: Option<String>,
    /// Fig. 1 only: β_S range MIN:MAX in units of 1/ω0, vertical axis [default: -10:10].
    #[arg(long, allow_hyphen_values = true, value_name = "MIN:MAX")]
    pub beta_s_range: Option<String>,
    /// Fig. 1 only: grid points per axis, both ends included, 2–2001 [default: 201].
    #[arg(long, value_name = "N")]
    pub resolution: Option<usize>,
}

/// Default `--beta-a-range` and `--beta-s-range` (the paper's Fig. 1 window).
pub const DEFAULT_BETA_RANGE: &str = "-10:10";

/// Default `--resolution`.
pub const DEFAULT_RESOLUTION: usize = 201;

/// Parses `MIN:MAX` into two finite numbers.
fn parse_range(flag: &str, text: &str) -> Result<(f64, f64), CliError> {
    let bad = || CliError::usage(flag, format!("`{text}` is not MIN:MAX, e.g. -4:4"));
    let (min, max) = text.split_once(':').ok_or_else(bad)?;
    let min: f64 = min.trim().parse().map_err(|_| bad())?;
    let max: f64 = max.trim().parse().map_err(|_| bad())?;
    Ok((min, max))
}

impl Fig1GridArgs {
    /// The validated axes (β_A, β_S) of the Fig. 1(b),(c) grid.
    ///
    /// # Errors
    /// [`CliError::Usage`] naming the flag for a malformed, empty or non-finite range or a
    /// resolution outside 2–2001.
    pub fn axes(&self) -> Result<(Axis, Axis), CliError> {
        let resolution = self.resolution.unwrap_or(DEFAULT_RESOLUTION);
        let axis = |flag: &str, name, text: &Option<String>| {
            let text = text.as_deref().unwrap_or(DEFAULT_BETA_RANGE);
            let (min, max) = parse_range(flag, text)?;
            Axis::new(name, min, max, resolution).map_err(|e| match e {
                FigureError::InvalidAxis { message, .. } if message.contains("points") => {
                    CliError::usage("--resolution", message)
                }
                e => CliError::usage(flag, e),
            })
        };
        Ok((
            axis("--beta-a-range", "beta_a", &self.beta_a_range)?,
            axis("--beta-s-range", "beta_s", &self.beta_s_range)?,
        ))
    }

    /// Rejects these flags for a Fig. 2 panel `name`.
    ///
    /// # Errors
    /// [`CliError::Usage`] naming the first grid flag given.
    pub fn reject_for(&self, name: &str) -> Result<(), CliError> {
        let given = first_given(&[
            (self.beta_a_range.is_some(), "--beta-a-range"),
            (self.beta_s_range.is_some(), "--beta-s-range"),
            (self.resolution.is_some(), "--resolution"),
        ]);
        match given {
            Some(flag) => Err(CliError::Usage(format!(
                "{flag} applies to fig1b/fig1c only; {name} takes --points and --cutoff"
            ))),
            None => Ok(()),
        }
    }

    /// Solves the Fig. 1(b),(c) grid ([`fig1_grid_with_progress`]), calling `progress` once
    /// per point.
    ///
    /// # Errors
    /// [`CliError::Usage`] naming the grid flag at fault; [`CliError::Internal`] when a point
    /// cannot be solved.
    pub fn grid(&self, progress: &(dyn Fn() + Sync)) -> Result<Fig1Grid, CliError> {
        let (beta_a, beta_s) = self.axes()?;
        fig1_grid_with_progress(beta_a, beta_s, progress).map_err(|e| match e {
            FigureError::InvalidAxis { name, .. } => CliError::usage(
                if name == "beta_a" {
                    "--beta-a-range"
                } else {
                    "--beta-s-range"
                },
                e,
            ),
            e => CliError::Internal(e.to_string()),
        })
    }
}

/// Default `--points` (Fig. 2 only).
pub const DEFAULT_POINTS: usize = 200;

/// The κ sweep of Fig. 2(b),(c); shared by `sweep` and `plot`.
#[derive(Clone, Debug, Args)]
pub struct Fig2Args {
    /// Fig. 2 and emitters: number of κ values per pump rate (Fig. 2) or per N (emitters),
    /// 2–10000 [default: 200].
    #[arg(long, value_name = "N")]
    pub points: Option<usize>,
    /// Fig. 2 and emitters: photon cutoff, `auto` (per point) or a number of Fock states from 2
    /// to 100 [default: auto].
    #[arg(long, value_name = "auto|N")]
    pub cutoff: Option<String>,
}

impl Fig2Args {
    /// The validated points per pump and cutoff, with their defaults.
    ///
    /// # Errors
    /// [`CliError::Usage`] naming `--points` or `--cutoff`.
    pub fn validated(&self) -> Result<(usize, Cutoff), CliError> {
        let cutoff = parse_cutoff(self.cutoff.as_deref().unwrap_or("auto"))?;
        let points = self.points.unwrap_or(DEFAULT_POINTS);
        if !(2..=MAX_POINTS).contains(&points) {
            return Err(CliError::usage(
                "--points",
                format!("expected an integer from 2 to {MAX_POINTS}, got {points}"),
            ));
        }
        Ok((points, cutoff))
    }

    /// Rejects these flags for a Fig. 1 panel `name`.
    ///
    /// # Errors
    /// [`CliError::Usage`] naming the flag when one was given.
    pub fn reject_for(&self, name: &str) -> Result<(), CliError> {
        let given = first_given(&[
            (self.points.is_some(), "--points"),
            (self.cutoff.is_some(), "--cutoff"),
        ]);
        match given {
            Some(flag) => Err(CliError::Usage(format!(
                "{flag} applies to fig2b/fig2c and emitters only; {name} takes \
                 --beta-a-range, --beta-s-range and --resolution"
            ))),
            None => Ok(()),
        }
    }
}

/// Parses `--n`: an integer number of emitters in `1..=MAX_EMITTERS`.
///
/// # Errors
/// [`CliError::Usage`] naming `--n`.
pub fn parse_emitters(text: &str) -> Result<usize, CliError> {
    match text.trim().parse::<usize>() {
        Ok(n) if (1..=MAX_EMITTERS).contains(&n) => Ok(n),
        _ => Err(CliError::usage(
            "--n",
            format!(
                "expected an integer number of emitters from 1 to {MAX_EMITTERS}, got '{}'",
                super::error::short(text)
            ),
        )),
    }
}

/// Parses a rate as an exact rational.
///
/// # Errors
/// [`CliError::Usage`] naming the argument.
pub fn parse_rate(argument: &str, text: &str) -> Result<Rational, CliError> {
    parse_rational(text).map_err(|e| CliError::usage(argument, e))
}

/// The N-emitter sweep of `steadyent sweep emitters` (flags rejected for the other figures).
#[derive(Clone, Debug, Default, Args)]
pub struct EmitterSweepArgs {
    /// emitters only: numbers of emitters, a list and/or ranges such as `2,3,4` or `2:10`
    /// (1 to 100) [default for plot: 2:10].
    #[arg(long = "n", value_name = "LIST")]
    pub n: Option<String>,
    /// emitters only: κ range MIN:MAX in units of g, log-spaced with --points values
    /// [default: 0.01:1000].
    #[arg(long, value_name = "MIN:MAX")]
    pub kappa_range: Option<String>,
    /// emitters only: local pump p of each emitter (units of g), ≥ 0.
    #[arg(long, allow_hyphen_values = true, value_name = "P")]
    pub pump: Option<String>,
    /// emitters only: local decay γ of each emitter (units of g), ≥ 0.
    #[arg(long, allow_hyphen_values = true, value_name = "G")]
    pub gamma: Option<String>,
    /// emitters only: local dephasing γ_φ (units of g), ≥ 0 [default: 0].
    #[arg(long, allow_hyphen_values = true, value_name = "D")]
    pub dephasing: Option<String>,
    /// emitters only: coupling g, the unit of every rate [default: 1].
    #[arg(long = "g", allow_hyphen_values = true, value_name = "G")]
    pub coupling: Option<String>,
    /// emitters only: compute part K of M disjoint parts of the sweep (numbered from 1, as
    /// cargo-nextest's partitions; point i belongs to part i mod M + 1). Rows carry their
    /// global `index`, so the parts of a job array join by sorting on it.
    #[arg(long, value_name = "K/M")]
    pub shard: Option<String>,
}

/// Largest `N` list of a sweep or plot.
pub const MAX_EMITTER_LIST: usize = 100;

/// Parses `--n LIST`: comma-separated integers and `A:B` ranges, each in `1..=MAX_EMITTERS`,
/// in the order given, duplicates removed.
///
/// # Errors
/// [`CliError::Usage`] naming `--n`.
pub fn parse_emitter_list(text: &str) -> Result<Vec<usize>, CliError> {
    let bad = |why: &str| {
        CliError::usage(
            "--n",
            format!(
                "{why} in '{}'; expected integers from 1 to {MAX_EMITTERS} and ranges A:B \
                 separated by commas, e.g. 2,3,4 or 2:10",
                super::error::short(text)
            ),
        )
    };
    let one = |t: &str| -> Result<usize, CliError> {
        match t.trim().parse::<usize>() {
            Ok(n) if (1..=MAX_EMITTERS).contains(&n) => Ok(n),
            _ => Err(bad(&format!(
                "'{}' is not a number of emitters",
                super::error::short(t)
            ))),
        }
    };
    let mut list = Vec::new();
    for part in text.split(',') {
        match part.split_once(':') {
            Some((a, b)) => {
                let (a, b) = (one(a)?, one(b)?);
                if a > b {
                    return Err(bad("a range A:B needs A <= B"));
                }
                list.extend(a..=b);
            }
            None => list.push(one(part)?),
        }
        if list.len() > MAX_EMITTER_LIST {
            return Err(bad("more than 100 values"));
        }
    }
    let mut seen = std::collections::HashSet::new();
    list.retain(|n| seen.insert(*n));
    Ok(list)
}

/// Parses `--shard K/M`.
///
/// # Errors
/// [`CliError::Usage`] naming `--shard`.
pub fn parse_shard(text: &str) -> Result<Shard, CliError> {
    let bad = || {
        CliError::usage(
            "--shard",
            format!(
                "expected K/M with integers 1 <= K <= M (part K of M, numbered from 1), got \
                 '{}'",
                super::error::short(text)
            ),
        )
    };
    let (k, m) = text.split_once('/').ok_or_else(bad)?;
    let (k, m) = (
        k.trim().parse::<usize>().map_err(|_| bad())?,
        m.trim().parse::<usize>().map_err(|_| bad())?,
    );
    Shard::new(k, m).map_err(|_| bad())
}

impl EmitterSweepArgs {
    /// Whether any emitters-only flag was given (rejected for the other figures).
    pub fn given(&self) -> Option<&'static str> {
        first_given(&[
            (self.n.is_some(), "--n"),
            (self.kappa_range.is_some(), "--kappa-range"),
            (self.pump.is_some(), "--pump"),
            (self.gamma.is_some(), "--gamma"),
            (self.dephasing.is_some(), "--dephasing"),
            (self.coupling.is_some(), "--g"),
            (self.shard.is_some(), "--shard"),
        ])
    }

    /// Rejects these flags for figure `name`.
    ///
    /// # Errors
    /// [`CliError::Usage`] naming the flag when one was given.
    pub fn reject_for(&self, name: &str) -> Result<(), CliError> {
        match self.given() {
            Some(flag) => Err(CliError::Usage(format!(
                "{flag} applies to `sweep emitters` only, not {name}"
            ))),
            None => Ok(()),
        }
    }

    /// The validated sweep with `points` κ values and `cutoff`, and its shard.
    ///
    /// # Errors
    /// [`CliError::Usage`] naming the first bad flag.
    pub fn sweep(&self, points: usize, cutoff: Cutoff) -> Result<(EmitterSweep, Shard), CliError> {
        let required = |flag: &str, v: &Option<String>| {
            v.clone().ok_or_else(|| {
                CliError::usage(
                    flag,
                    "missing; `sweep emitters` needs --n, --pump and --gamma",
                )
            })
        };
        let emitters = parse_emitter_list(&required("--n", &self.n)?)?;
        let pump = parse_rate("--pump", &required("--pump", &self.pump)?)?;
        let gamma = parse_rate("--gamma", &required("--gamma", &self.gamma)?)?;
        let dephasing = parse_rate("--dephasing", self.dephasing.as_deref().unwrap_or("0"))?;
        let coupling = parse_rate("--g", self.coupling.as_deref().unwrap_or("1"))?;
        let range = self.kappa_range.as_deref().unwrap_or("0.01:1000");
        let bad_range = || {
            CliError::usage(
                "--kappa-range",
                format!(
                    "expected MIN:MAX with 0 < MIN < MAX (units of g), e.g. 0.01:1000, got '{}'",
                    super::error::short(range)
                ),
            )
        };
        let (lo, hi) = range.split_once(':').ok_or_else(bad_range)?;
        let (lo, hi) = (
            nearest_f64(&parse_rational(lo).map_err(|_| bad_range())?),
            nearest_f64(&parse_rational(hi).map_err(|_| bad_range())?),
        );
        if !(lo > 0.0 && lo < hi && hi.is_finite()) {
            return Err(bad_range());
        }
        let shard = match &self.shard {
            Some(text) => parse_shard(text)?,
            None => Shard::ALL,
        };
        let sweep = EmitterSweep {
            emitters,
            kappas: log_grid(lo.log10(), hi.log10(), points),
            coupling: nearest_f64(&coupling),
            pump: nearest_f64(&pump),
            gamma: nearest_f64(&gamma),
            dephasing: nearest_f64(&dephasing),
            cutoff,
        };
        sweep.validate().map_err(emitter_error)?;
        Ok((sweep, shard))
    }
}
