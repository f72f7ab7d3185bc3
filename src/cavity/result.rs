//! The one serialisable result of the cavity model at one point (Eq. 7–9): the JSON object of
//! `steadyent cavity` and every row of `steadyent sweep fig2b|fig2c` (JSON, and CSV by
//! [`crate::schema`]), printing only the digits the f64 solve's stated accuracy supports.

use serde::Serialize;
use serde_json::{Value, json};

use super::effective::EffectiveRates;
use super::engine::{CONCURRENCE_TOLERANCE, CavityPoint, TOP_POPULATION_TOLERANCE};
use super::exact::{
    ExactCavityError, ExactCavityParams, ExactCavityState, exact_steady_state,
    prove_full_uniqueness,
};
use super::params::Frame;
use crate::decimal::exact_decimal;
use crate::schema::Record;

/// Decimal places of a concurrence whose photon cutoff was chosen automatically: the cutoff is
/// converged to `|ΔC| ≤` [`CONCURRENCE_TOLERANCE`] `= 1e-10`.
pub const AUTO_CUTOFF_DECIMALS: usize = 10;

/// Decimal places of a concurrence at a fixed cutoff (the truncated model's value) and of the
/// effective model's: both are backward-stable f64 solves that agree with the exact rational
/// solve to ≤ 1e-12 (`tests/cavity.rs`, `tests/cavity_exact.rs`).
pub const SOLVE_DECIMALS: usize = 12;

/// Significant digits of values computed by a few f64 operations from the inputs (`β`, the
/// effective rates): each is within a few ulps, so 15 digits are right.
pub const F64_DIGITS: usize = 15;

/// Significant digits of the diagnostics (residuals, populations of the top Fock level, the
/// cutoff's last change): sizes, not values to compare digit for digit.
pub const DIAGNOSTIC_DIGITS: usize = 3;

/// What the printed digits of a [`CavityResult`] mean (JSON `accuracy`).
pub const ACCURACY: &str = "concurrence: 10 decimals with the automatic cutoff (converged to \
    |dC| <= 1e-10), 12 at a fixed one (the truncated model's value; f64 solve accurate to \
    1e-12); concurrence_effective: 12 decimals; rates and beta: 15 significant digits; \
    mean_photon_number: 6; residuals, the top Fock level's population and the cutoff's last \
    change: 3";

/// `x` rounded to `places` decimal places (the nearest f64 to that decimal, which prints as
/// it).
fn decimals(x: f64, places: usize) -> f64 {
    format!("{x:.places$}").parse().unwrap_or(x)
}

/// `x` rounded to `digits` significant digits.
fn significant(x: f64, digits: usize) -> f64 {
    format!("{:.*e}", digits.saturating_sub(1), x)
        .parse()
        .unwrap_or(x)
}

/// An inverse temperature: a number, or `"-inf"` (`γ = 0` in Eq. 9; JSON has no infinities).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Beta {
    /// A finite `β`.
    Finite(f64),
    /// `±∞` as text.
    Infinite(&'static str),
}

impl Beta {
    fn of(x: f64) -> Self {
        if x.is_finite() {
            Beta::Finite(significant(x, F64_DIGITS))
        } else if x > 0.0 {
            Beta::Infinite("inf")
        } else {
            Beta::Infinite("-inf")
        }
    }
}

/// The diamond-model rates of Eq. (9), units `g`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RatesResult {
    /// `Γ⁺ = p/2`.
    pub pump_rate: f64,
    /// `Γ_A⁻ = γ/2`.
    pub decay_rate_a: f64,
    /// `Γ_S⁻ = Γ + γ/2`.
    pub decay_rate_s: f64,
    /// `Γ = 4g²/κ`.
    pub cavity_decay_rate: f64,
}

impl RatesResult {
    fn of(rates: &EffectiveRates) -> Self {
        let s = |x| significant(x, F64_DIGITS);
        RatesResult {
            pump_rate: s(rates.pump),
            decay_rate_a: s(rates.decay_a),
            decay_rate_s: s(rates.decay_s),
            cavity_decay_rate: s(rates.cavity_decay),
        }
    }
}

/// The full model (Eq. 7–8) and its effective model (Eq. 9) at one point, as printed by every
/// command: inputs as given, values to the digits their accuracy supports ([`ACCURACY`]).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CavityResult {
    /// Coupling `g` (the unit of every rate).
    pub g: f64,
    /// Cavity decay `κ`.
    pub kappa: f64,
    /// Pumping `p` of each qubit.
    pub pump: f64,
    /// Decay `γ` of each qubit.
    pub gamma: f64,
    /// `"rotating"` or `"lab"`.
    pub frame: &'static str,
    /// `ω0 = ω_cav` in the lab frame; `null` in the rotating frame.
    pub omega0: Option<f64>,
    /// Concurrence of the full model's two-qubit state (Eq. 7–8).
    pub concurrence: f64,
    /// Concurrence of the effective model (Eq. 9).
    pub concurrence_effective: f64,
    /// Photon cutoff used (Fock states).
    pub cutoff: usize,
    /// `"auto"` or `"fixed"`.
    pub cutoff_mode: &'static str,
    /// The cutoffs solved, in order.
    pub cutoffs_tried: Vec<usize>,
    /// `|C(N) − C(N')|` between the last two cutoffs tried (automatic cutoff); `null` at a fixed
    /// cutoff.
    pub cutoff_concurrence_change: Option<f64>,
    /// The automatic cutoff's tolerance on that change.
    pub cutoff_concurrence_tolerance: f64,
    /// The automatic cutoff's tolerance on the top Fock level's population.
    pub cutoff_top_population_tolerance: f64,
    /// Population of the top Fock level.
    pub top_fock_population: f64,
    /// `⟨a†a⟩`.
    pub mean_photon_number: f64,
    /// `max|𝓛ρ|` of the full model.
    pub residual: f64,
    /// `max|𝓛ρ|` of the effective model (units `Γ⁺ = 1`).
    pub residual_effective: f64,
    /// `β_A = ln(γ/p)` (Eq. 3 with Eq. 9).
    pub beta_a: Beta,
    /// `β_S = ln((2Γ + γ)/p)`.
    pub beta_s: Beta,
    /// The rates of Eq. (9).
    pub effective_rates: RatesResult,
}

impl Record for CavityResult {
    const COLUMNS: &'static [&'static str] = &[
        "g",
        "kappa",
        "pump",
        "gamma",
        "frame",
        "omega0",
        "concurrence",
        "concurrence_effective",
        "cutoff",
        "cutoff_mode",
        "cutoffs_tried",
        "cutoff_concurrence_change",
        "cutoff_concurrence_tolerance",
        "cutoff_top_population_tolerance",
        "top_fock_population",
        "mean_photon_number",
        "residual",
        "residual_effective",
        "beta_a",
        "beta_s",
        "effective_rates.pump_rate",
        "effective_rates.decay_rate_a",
        "effective_rates.decay_rate_s",
        "effective_rates.cavity_decay_rate",
    ];
}

impl CavityResult {
    /// The printed form of `point` ([`super::CavityEngine::solve_point`]).
    pub fn of(point: &CavityPoint) -> Self {
        let p = &point.params;
        let (frame, omega0) = match p.frame() {
            Frame::Rotating => ("rotating", None),
            Frame::Lab { omega0 } => ("lab", Some(omega0)),
        };
        let report = &point.cutoff;
        let places = if report.automatic {
            AUTO_CUTOFF_DECIMALS
        } else {
            SOLVE_DECIMALS
        };
        let diagnostic = |x: f64| significant(x, DIAGNOSTIC_DIGITS);
        let rates = &point.effective.rates;
        CavityResult {
            g: p.coupling(),
            kappa: p.kappa(),
            pump: p.pump(),
            gamma: p.gamma(),
            frame,
            omega0,
            concurrence: decimals(point.full.concurrence, places),
            concurrence_effective: decimals(point.effective.concurrence, SOLVE_DECIMALS),
            cutoff: report.cutoff,
            cutoff_mode: if report.automatic { "auto" } else { "fixed" },
            cutoffs_tried: report.tried.clone(),
            cutoff_concurrence_change: report.concurrence_change.map(diagnostic),
            cutoff_concurrence_tolerance: CONCURRENCE_TOLERANCE,
            cutoff_top_population_tolerance: TOP_POPULATION_TOLERANCE,
            top_fock_population: diagnostic(point.full.top_fock_population),
            mean_photon_number: significant(point.full.mean_photon_number, 6),
            residual: diagnostic(point.full.residual),
            residual_effective: diagnostic(point.effective.residual),
            beta_a: Beta::of(rates.beta_a()),
            beta_s: Beta::of(rates.beta_s()),
            effective_rates: RatesResult::of(rates),
        }
    }
}

/// The document of `steadyent cavity --format json` (and of the Python binding's `cavity()`):
/// what the numbers are (model, units, [`ACCURACY`]) and the point's fields.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CavityReport {
    /// The model solved (Eq. 7–8 and Eq. 9).
    pub model: &'static str,
    /// The unit of every rate: `"g"`.
    pub units: &'static str,
    /// What the printed digits mean ([`ACCURACY`]).
    pub accuracy: &'static str,
    /// The point's fields.
    #[serde(flatten)]
    pub result: CavityResult,
}

impl CavityReport {
    /// The document of `point` ([`super::solve_point`]), Eq. (7)–(9).
    pub fn of(point: &CavityPoint) -> Self {
        CavityReport {
            model: "cavity QED, Eq. (7)-(8); effective model Eq. (9)",
            units: "g",
            accuracy: ACCURACY,
            result: CavityResult::of(point),
        }
    }
}

/// `transform` of the exact document: how the solved unknowns relate to `ρ`.
pub const EXACT_TRANSFORM: &str = "rho = S r S with S = diag(sqrt(n!)) on the Fock space \
                                   (factorial picture; its generator has integer-coefficient \
                                   entries)";

/// `uniqueness_scope` of the exact document without the full-space proof.
pub const EXACT_SCOPE: &str = "nullity 1 of the exact reduced generator: unique among \
                               Hermitian, qubit-swap-symmetric states of the \
                               excitation-conserving sector at this cutoff";

/// `uniqueness_scope` with [`prove_full_uniqueness`].
pub const EXACT_FULL_SCOPE: &str = "unique on the whole operator space at this cutoff: exact \
                                    nullity 1 on the excitation-difference-0 sector and 0 on \
                                    every other sector (no symmetry assumed)";

/// The truncated cavity model (Eq. 7–8) solved exactly at one point: what
/// `steadyent cavity --exact` prints (its JSON document is [`Self::to_json`], also the
/// Python binding's `cavity_exact()`).
#[derive(Clone, Debug)]
pub struct ExactCavityReport {
    /// The exact rates.
    pub params: ExactCavityParams,
    /// The exact steady state ([`exact_steady_state`]).
    pub state: ExactCavityState,
    /// Its concurrence to `digits` certified significant digits.
    pub concurrence: String,
    /// Certified digits of `concurrence`.
    pub digits: usize,
    /// [`EXACT_SCOPE`] or [`EXACT_FULL_SCOPE`].
    pub scope: &'static str,
}

impl ExactCavityReport {
    /// Solves Eq. (7)–(8) exactly at `cutoff` Fock states ([`exact_steady_state`]), with the
    /// full-space uniqueness proof when `full_uniqueness` ([`prove_full_uniqueness`]), and
    /// certifies `digits` digits of the concurrence.
    ///
    /// # Errors
    /// [`ExactCavityError`] from the solve, the proof or the certification.
    pub fn solve(
        params: ExactCavityParams,
        cutoff: usize,
        digits: usize,
        full_uniqueness: bool,
    ) -> Result<Self, ExactCavityError> {
        let state = exact_steady_state(&params, cutoff)?;
        let scope = if full_uniqueness {
            prove_full_uniqueness(&params, cutoff)?;
            EXACT_FULL_SCOPE
        } else {
            EXACT_SCOPE
        };
        let concurrence = state.concurrence_decimal(digits)?;
        Ok(ExactCavityReport {
            params,
            state,
            concurrence,
            digits,
            scope,
        })
    }

    /// `Tr_cav ρ_SS` as rows of exact rationals (basis `|00⟩ … |11⟩`; the state is real).
    pub fn qubit_rows(&self) -> Vec<Vec<String>> {
        (0..4)
            .map(|i| {
                (0..4)
                    .map(|j| {
                        let z = &self.state.qubits[(i, j)];
                        debug_assert!(num_traits::Zero::is_zero(&z.im));
                        z.re.to_string()
                    })
                    .collect()
            })
            .collect()
    }

    /// The JSON document (keys in alphabetical order).
    pub fn to_json(&self) -> Value {
        let (params, state) = (&self.params, &self.state);
        let top = &state.fock_populations[state.cutoff - 1];
        json!({
            "model": "cavity QED, Eq. (7)-(8), truncated, rotating frame",
            "mode": "exact",
            "units": "those of the rates (g = 1 by default)",
            "g": exact_decimal(params.coupling()),
            "kappa": exact_decimal(params.kappa()),
            "pump": exact_decimal(params.pump()),
            "gamma": exact_decimal(params.gamma()),
            "cutoff": state.cutoff,
            "transform": EXACT_TRANSFORM,
            "sector_size": state.sector_size,
            "unknowns": state.unknowns,
            "nullity": state.nullity,
            "uniqueness_scope": self.scope,
            "residual": state.residual_nonzero.to_string(),
            "residual_check": "L_S r = 0 exactly on the full 4N x 4N space (operator products, \
                               factorial picture, no symmetry reduction)",
            "exact_qubit_state": self.qubit_rows(),
            "fock_populations": state.fock_populations.iter().map(ToString::to_string)
                .collect::<Vec<_>>(),
            "top_fock_population": top.to_string(),
            "concurrence_exact": state.concurrence.to_string(),
            "concurrence": self.concurrence,
            "digits": self.digits,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cavity::{CavityParams, Cutoff, solve_point};
    use crate::schema::check_columns;

    /// The CSV columns are exactly the JSON fields; concurrences carry the stated decimals.
    #[test]
    fn csv_columns_are_the_json_fields() {
        let params = CavityParams::new(1.0, 3.7, 0.013, 0.0).unwrap();
        let auto = CavityResult::of(&solve_point(&params, Cutoff::AUTO).unwrap());
        assert!(check_columns(&auto));
        assert_eq!(auto.beta_a, Beta::Infinite("-inf"));
        assert_eq!(
            auto.concurrence,
            decimals(auto.concurrence, AUTO_CUTOFF_DECIMALS)
        );
        let fixed = CavityResult::of(&solve_point(&params, Cutoff::Fixed(6)).unwrap());
        assert_eq!(
            fixed.concurrence,
            decimals(fixed.concurrence, SOLVE_DECIMALS)
        );
        assert!((fixed.concurrence - auto.concurrence).abs() <= 1e-10);
    }
}
