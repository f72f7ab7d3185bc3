//! The serialisable results of the N-emitter model (one schema for `steadyent emitters`, its
//! sweep and the Python bindings): numeric values with the bounds that hold for them, and
//! exact values with their certified decimals.

use rug::Rational;
use serde::Serialize;

use super::engine::EmitterPoint;
use super::exact::ExactEmitterState;
use super::observables::Observables;
use super::params::{EmitterParams, ExactEmitterParams};
use super::solve::NumericState;
use crate::cavity::engine::{CONCURRENCE_TOLERANCE, CutoffReport, TOP_POPULATION_TOLERANCE};
use crate::decimal::{exact_decimal, rational_to_decimal};

/// Tóth's criterion is decided in f64 only when `|N/2 − variance sum|` exceeds this multiple
/// of `N`: the variance sum is `N(N − 1)` times pair-state terms, each accurate to the refined
/// solve's ~1e-15 (measured against the exact path for the effective model at the Fig. 2(c)
/// point: 2.5e-12, 3.6e-12 and 2.0e-12 at N = 30, 40, 50, where the condition estimate is
/// ~2.7e10), so 1e-9·N is a safe margin; inside it the verdict is `null` (undecided) and
/// `--exact` decides.
pub const TOTH_TOLERANCE: f64 = 1e-9;

/// `g²(0) = ⟨a†²a²⟩/⟨a†a⟩²` is printed by the f64 path only when `⟨a†²a²⟩` is at least
/// this. The populations are computed to an absolute accuracy of a few ulps of 1 (~1e-16), so
/// `⟨a†²a²⟩ ≈ 2P(2)` carries a relative error of ~ε/⟨a†²a²⟩: ≤ ~1e-10 above 1e-5. Measured
/// against the exact path (N = 3, κ = 51.8 g, p = 5·10⁻³ g, γ = 10⁻³ g, γ_φ = 2·10⁻³ g,
/// cutoff 5: ⟨a†²a²⟩ = 1.7e-7): f64 is off by 4.4e-10 relative there (QuTiP by 1.0e-9). The
/// exact path prints `g²(0)` at any photon number.
pub const G2_MIN_PAIR_MOMENT: f64 = 1e-5;

/// The model statement every output carries.
pub const MODEL: &str = "N emitters in one cavity: Eq. (7)-(8) with the sums to N, rotating \
                         frame, commuting ladder operators; local pump p, decay gamma, \
                         dephasing gamma_phi (QuTiP collapse sqrt(gamma_phi/2) sigma_z), cavity \
                         loss kappa; units g = 1";

/// The effective model statement.
pub const EFFECTIVE_MODEL: &str = "effective model, Eq. (9) generalised: the local channels \
                                   and collective decay Gamma = 4 g^2 / kappa on \
                                   J- = sum_i sigma_i-, no cavity";

/// What `tolerances` says about a numeric result.
pub const ACCURACY: &str = "f64 block LU refined with residuals summed in double-double; each \
                            value is accurate to ~1e-12, <J^2> and the variance sum to \
                            ~N^2 5e-15 (N(N-1) times the pair state's rounding; residual and \
                            condition are reported); with cutoff auto every printed observable \
                            (and <a+a+aa>) changed by <= 1e-10 at the last cutoff step and the \
                            top Fock level holds <= 1e-12; g2(0) is null where <a+a+aa> < 1e-5, \
                            where f64 cannot resolve it to 1e-10 (use --exact)";

/// The numeric observables of one model (Eq. 7–8 with N emitters, or Eq. 9 generalised).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EmitterValues {
    /// Wootters concurrence of any two emitters (`null` for N = 1).
    pub pair_concurrence: Option<f64>,
    /// Koashi–Bužek–Imoto bound `2/N` on it (PRA 62, 050302 (2000)).
    pub koashi_buzek_imoto_bound: f64,
    /// `⟨σ⁺σ⁻⟩` of one emitter.
    pub excited_population: f64,
    /// `⟨a†a⟩` (`null` without a cavity).
    pub mean_photon_number: Option<f64>,
    /// `g²(0)` (`null` without a cavity, or when `⟨a†²a²⟩ <` [`G2_MIN_PAIR_MOMENT`]).
    pub g2_zero: Option<f64>,
    /// `⟨J²⟩`, `J = Σᵢ σᵢ/2`.
    pub spin_squared: f64,
    /// `(ΔJx)² + (ΔJy)² + (ΔJz)²`.
    pub spin_variance_sum: f64,
    /// Tóth's separable bound `N/2` on the variance sum (PRL 99, 250405 (2007)).
    pub toth_bound: f64,
    /// Whether the variance sum is below `N/2` (entangled); `null` when within
    /// [`TOTH_TOLERANCE`]·N of the bound.
    pub toth_entangled: Option<bool>,
    /// The two-emitter state `ρ₁₂` in the basis `|gg⟩, |ge⟩, |eg⟩, |ee⟩` (`null` for N = 1).
    pub pair_state: Option<[[f64; 4]; 4]>,
    /// Real unknowns of the reduced system.
    pub unknowns: usize,
    /// `max|𝓛ρ|` on the unreduced symmetric space.
    pub residual: f64,
    /// 1-norm condition estimate of the reduced system.
    pub condition_estimate: f64,
}

impl EmitterValues {
    /// The values of a numeric state; `cavity` says whether the model has one.
    pub fn of(state: &NumericState, cavity: bool) -> Self {
        let o: &Observables<f64> = &state.observables;
        let n = o.emitters as f64;
        let margin = o.toth_margin();
        let toth_entangled = if margin > TOTH_TOLERANCE * n {
            Some(true)
        } else if margin < -TOTH_TOLERANCE * n {
            Some(false)
        } else {
            None
        };
        EmitterValues {
            pair_concurrence: o.pair_concurrence(),
            koashi_buzek_imoto_bound: o.koashi_buzek_imoto_bound(),
            excited_population: o.excited_population,
            mean_photon_number: cavity.then_some(o.mean_photon_number),
            g2_zero: o
                .g2_zero
                .filter(|_| cavity && o.photon_pair_moment >= G2_MIN_PAIR_MOMENT),
            spin_squared: o.spin_squared,
            spin_variance_sum: o.spin_variance_sum,
            toth_bound: n / 2.0,
            toth_entangled,
            pair_state: o.pair_state,
            unknowns: state.unknowns,
            residual: state.residual,
            condition_estimate: state.condition,
        }
    }
}

/// The rates of a numeric result.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EmitterRates {
    /// Number of emitters `N`.
    pub n: usize,
    /// Coupling `g` (the unit).
    pub g: f64,
    /// Cavity loss `κ`.
    pub kappa: f64,
    /// Local pump `p`.
    pub pump: f64,
    /// Local decay `γ`.
    pub gamma: f64,
    /// Local dephasing `γ_φ`.
    pub dephasing: f64,
    /// `Γ = 4g²/κ`, the effective model's collective decay.
    pub collective_decay: f64,
}

impl EmitterRates {
    /// The rates of `params`.
    pub fn of(params: &EmitterParams) -> Self {
        EmitterRates {
            n: params.emitters(),
            g: params.coupling(),
            kappa: params.kappa(),
            pump: params.pump(),
            gamma: params.gamma(),
            dephasing: params.dephasing(),
            collective_decay: params.collective_decay(),
        }
    }
}

/// The effective model's values inside a full result.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EffectiveValues {
    /// The model statement.
    pub model: &'static str,
    /// The values.
    #[serde(flatten)]
    pub values: EmitterValues,
}

/// How the photon cutoff of a full result was chosen.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CutoffValues {
    /// Number of Fock states used.
    pub cutoff: usize,
    /// `auto` or `fixed`.
    pub cutoff_mode: &'static str,
    /// The cutoffs solved, in order.
    pub cutoffs_tried: Vec<usize>,
    /// Largest change of a printed observable at the last step (auto only).
    pub observable_change: Option<f64>,
    /// Its tolerance.
    pub observable_tolerance: f64,
    /// Population of the top Fock level.
    pub top_fock_population: f64,
    /// Its tolerance (auto only).
    pub top_population_tolerance: f64,
}

impl CutoffValues {
    fn of(report: &CutoffReport) -> Self {
        CutoffValues {
            cutoff: report.cutoff,
            cutoff_mode: if report.automatic { "auto" } else { "fixed" },
            cutoffs_tried: report.tried.clone(),
            observable_change: report.concurrence_change,
            observable_tolerance: CONCURRENCE_TOLERANCE,
            top_fock_population: report.top_fock_population,
            top_population_tolerance: TOP_POPULATION_TOLERANCE,
        }
    }
}

/// The numeric result of `steadyent emitters` (full model with its effective counterpart, or
/// the effective model alone).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EmitterResult {
    /// The model statement.
    pub model: &'static str,
    /// The unit of every rate.
    pub units: &'static str,
    /// The rates.
    #[serde(flatten)]
    pub rates: EmitterRates,
    /// The cutoff (`null` fields for the effective model alone).
    #[serde(flatten)]
    pub cutoff: Option<CutoffValues>,
    /// The values of the model.
    #[serde(flatten)]
    pub values: EmitterValues,
    /// The effective model's values (full results only).
    pub effective: Option<EffectiveValues>,
    /// What bounds the accuracy of the printed numbers.
    pub accuracy: &'static str,
}

impl EmitterResult {
    /// The result of a full solve with its effective counterpart.
    pub fn full(point: &EmitterPoint) -> Self {
        EmitterResult {
            model: MODEL,
            units: "g",
            rates: EmitterRates::of(&point.params),
            cutoff: Some(CutoffValues::of(&point.cutoff)),
            values: EmitterValues::of(&point.full, true),
            effective: Some(EffectiveValues {
                model: EFFECTIVE_MODEL,
                values: EmitterValues::of(&point.effective, false),
            }),
            accuracy: ACCURACY,
        }
    }

    /// The result of the effective model alone.
    pub fn effective(params: &EmitterParams, state: &NumericState) -> Self {
        EmitterResult {
            model: EFFECTIVE_MODEL,
            units: "g",
            rates: EmitterRates::of(params),
            cutoff: None,
            values: EmitterValues::of(state, false),
            effective: None,
            accuracy: ACCURACY,
        }
    }
}

/// Exact values of one model: each quantity as an exact rational (the concurrence as
/// `√u − √v`) and as a certified decimal of `digits` significant digits.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ExactValues {
    /// Certified decimal of the pair concurrence (`null` for N = 1).
    pub pair_concurrence: Option<String>,
    /// Exact pair concurrence (`0` or `√(u) - √(v)`).
    pub pair_concurrence_exact: Option<String>,
    /// `2/N`, exactly.
    pub koashi_buzek_imoto_bound: String,
    /// Certified decimal of `⟨σ⁺σ⁻⟩`.
    pub excited_population: String,
    /// Exact `⟨σ⁺σ⁻⟩`.
    pub excited_population_exact: String,
    /// Certified decimal of `⟨a†a⟩` (`null` without a cavity).
    pub mean_photon_number: Option<String>,
    /// Exact `⟨a†a⟩`.
    pub mean_photon_number_exact: Option<String>,
    /// Certified decimal of `g²(0)`.
    pub g2_zero: Option<String>,
    /// Exact `g²(0)`.
    pub g2_zero_exact: Option<String>,
    /// Certified decimal of `⟨J²⟩`.
    pub spin_squared: String,
    /// Exact `⟨J²⟩`.
    pub spin_squared_exact: String,
    /// Certified decimal of the variance sum.
    pub spin_variance_sum: String,
    /// Exact variance sum.
    pub spin_variance_sum_exact: String,
    /// `N/2`.
    pub toth_bound: String,
    /// Whether the variance sum is below `N/2`, decided exactly.
    pub toth_entangled: bool,
    /// The exact pair state (rationals as text; basis `|gg⟩, |ge⟩, |eg⟩, |ee⟩`).
    pub pair_state_exact: Option<Vec<Vec<String>>>,
    /// Rational unknowns of the reduced system (its nullity is 1).
    pub unknowns: usize,
    /// Exact nullity of the reduced generator.
    pub nullity: usize,
}

impl ExactValues {
    /// The exact values of `state` with `digits` certified digits.
    ///
    /// # Errors
    /// `None` if a concurrence could not be certified within the precision cap (never for a
    /// concurrence that is rational or irrational of moderate size; see
    /// [`crate::concurrence::ExactConcurrence::decimal`]).
    pub fn of(state: &ExactEmitterState, digits: usize, cavity: bool) -> Option<Self> {
        let o = &state.observables;
        let decimal = |q: &Rational| rational_to_decimal(q, digits);
        let concurrence = o.pair_concurrence();
        let pair_concurrence = match &concurrence {
            Some(c) => Some(c.decimal(digits)?),
            None => None,
        };
        let n = Rational::from(o.emitters as u64);
        let margin = o.toth_margin();
        Some(ExactValues {
            pair_concurrence,
            pair_concurrence_exact: concurrence.map(|c| c.to_string()),
            koashi_buzek_imoto_bound: exact_decimal(&(Rational::from(2) / &n)),
            excited_population: decimal(&o.excited_population),
            excited_population_exact: o.excited_population.to_string(),
            mean_photon_number: cavity.then(|| decimal(&o.mean_photon_number)),
            mean_photon_number_exact: cavity.then(|| o.mean_photon_number.to_string()),
            g2_zero: o.g2_zero.as_ref().filter(|_| cavity).map(decimal),
            g2_zero_exact: o
                .g2_zero
                .as_ref()
                .filter(|_| cavity)
                .map(ToString::to_string),
            spin_squared: decimal(&o.spin_squared),
            spin_squared_exact: o.spin_squared.to_string(),
            spin_variance_sum: decimal(&o.spin_variance_sum),
            spin_variance_sum_exact: o.spin_variance_sum.to_string(),
            toth_bound: exact_decimal(&(n / 2u32)),
            toth_entangled: margin > 0,
            pair_state_exact: o.pair_state.as_ref().map(|p| {
                p.iter()
                    .map(|row| row.iter().map(ToString::to_string).collect())
                    .collect()
            }),
            unknowns: state.unknowns,
            nullity: 1,
        })
    }
}

/// The exact rates as decimal text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ExactRates {
    /// Number of emitters.
    pub n: usize,
    /// `g`, `κ`, `p`, `γ`, `γ_φ` as exact decimals (or fractions).
    pub g: String,
    /// Cavity loss.
    pub kappa: String,
    /// Local pump.
    pub pump: String,
    /// Local decay.
    pub gamma: String,
    /// Local dephasing.
    pub dephasing: String,
}

impl ExactRates {
    /// The rates of `params`.
    pub fn of(params: &ExactEmitterParams) -> Self {
        let [g, kappa, pump, gamma, dephasing] = params.rates().map(exact_decimal);
        ExactRates {
            n: params.emitters(),
            g,
            kappa,
            pump,
            gamma,
            dephasing,
        }
    }
}

/// The exact result of `steadyent emitters --exact`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ExactEmitterResult {
    /// The model statement.
    pub model: &'static str,
    /// `exact`.
    pub mode: &'static str,
    /// The unit of every rate.
    pub units: &'static str,
    /// The rates.
    #[serde(flatten)]
    pub rates: ExactRates,
    /// Number of Fock states (fixed; `null` for the effective model alone).
    pub cutoff: Option<usize>,
    /// Significant digits of every certified decimal.
    pub digits: usize,
    /// What the exact solve proves.
    pub uniqueness_scope: &'static str,
    /// The values.
    #[serde(flatten)]
    pub values: ExactValues,
    /// The effective model's exact values (full results only).
    pub effective: Option<ExactValues>,
}

/// What uniqueness the exact nullity proves.
pub const EXACT_SCOPE: &str = "nullity 1 of the exact reduced generator: unique among \
                               permutation-symmetric Hermitian states of the \
                               excitation-conserving sector at this cutoff; L rho = 0 checked \
                               exactly on every symmetric coordinate";
