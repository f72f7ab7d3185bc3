//! The one serialisable result of the diamond model (Eq. 3–6 at one point): the JSON object of
//! `steadyent diamond` and of every row of `steadyent reference` (JSON and, flattened by
//! [`crate::schema`], CSV), with the same field names and values in every command and format.

use serde::Serialize;

use super::certify::{CertifiedDiamond, EntropyProduction};
use super::exact::{ExactDiamond, ExactDiamondError};
use crate::decimal::ExtendedRational;
use crate::operators::LadderConvention;
use crate::schema::Record;

/// Units of every diamond-model value.
pub const UNITS: &str = "Gamma+ = omega0 = hbar = k_B = 1";

/// `entropy_production_divergence` where a bath at `β = −∞` exchanges non-zero heat.
pub const DIVERGES: &str = "diverges (a bath at beta = -inf exchanges non-zero heat)";

/// `entropy_production_divergence` in the limit `β → +∞` of a bath that exchanges heat.
pub const GROWS_WITHOUT_BOUND: &str = "diverges: grows without bound, positive (the bath at \
     beta = +inf exchanges heat at a non-zero rate)";

/// Populations of `|G⟩, |S⟩, |A⟩, |E⟩` (Fig. 1a).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Populations {
    /// `|G⟩ = |00⟩`.
    #[serde(rename = "G")]
    pub ground: String,
    /// `|S⟩ = (|01⟩ + |10⟩)/√2`.
    #[serde(rename = "S")]
    pub symmetric: String,
    /// `|A⟩ = (|01⟩ − |10⟩)/√2`.
    #[serde(rename = "A")]
    pub antisymmetric: String,
    /// `|E⟩ = |11⟩`.
    #[serde(rename = "E")]
    pub excited: String,
}

impl Populations {
    fn from_array([ground, symmetric, antisymmetric, excited]: [String; 4]) -> Self {
        Populations {
            ground,
            symmetric,
            antisymmetric,
            excited,
        }
    }
}

/// The diamond model's steady-state quantities at one point (Eq. 3–6), as printed: decimals
/// are certified to `digits` significant digits (every digit correctly rounded), exact values
/// are rationals `p/q`. A field that does not apply is `null` (empty in CSV), never left out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DiamondPoint {
    /// `β_A` as given (exact decimal, `p/q`, `inf`, `-inf`); `null` at given rate ratios.
    pub beta_a: Option<String>,
    /// `β_S`, likewise.
    pub beta_s: Option<String>,
    /// `α = e^{β_A} = Γ_A⁻/Γ⁺`; `null` where `β_A = +∞` makes it unbounded.
    pub alpha: Option<String>,
    /// `σ = e^{β_S} = Γ_S⁻/Γ⁺`; `null` where `β_S = +∞`.
    pub sigma: Option<String>,
    /// Populations of `G, S, A, E`.
    pub populations: Populations,
    /// Wootters concurrence of `ρ_SS` (text above Eq. 4), certified decimal.
    pub concurrence: String,
    /// Eq. (4)–(5) evaluated independently of `ρ_SS` (its own limit at `β = +∞`); `null` where
    /// that limit is not decided by continuity, and in exact mode (see `concurrence_exact`).
    pub concurrence_eq5: Option<String>,
    /// Exact mode: the concurrence in closed form, `√u − √v` or a rational; `null` otherwise.
    pub concurrence_exact: Option<String>,
    /// `Q̇_A = Tr{H0 𝓛_A(ρ_SS)}` (below Eq. 6).
    pub heat_current_a: String,
    /// `Q̇_S = Tr{H0 𝓛_S(ρ_SS)}`.
    pub heat_current_s: String,
    /// `Ṡ_irr` of Eq. (6); `null` where it diverges.
    pub entropy_production: Option<String>,
    /// How `Ṡ_irr` diverges ([`DIVERGES`], [`GROWS_WITHOUT_BOUND`]); `null` where finite.
    pub entropy_production_divergence: Option<&'static str>,
    /// Whether the values are limits `β → +∞` (a `β = inf`), taken exactly from the symbolic
    /// steady state.
    pub zero_temperature_limit: bool,
    /// Significant digits of every decimal.
    pub digits: usize,
    /// Working precision (bits) at which every digit was decided; `null` in exact mode.
    pub precision_bits: Option<u32>,
}

impl Record for DiamondPoint {
    const COLUMNS: &'static [&'static str] = &[
        "beta_a",
        "beta_s",
        "alpha",
        "sigma",
        "populations.G",
        "populations.S",
        "populations.A",
        "populations.E",
        "concurrence",
        "concurrence_eq5",
        "concurrence_exact",
        "heat_current_a",
        "heat_current_s",
        "entropy_production",
        "entropy_production_divergence",
        "zero_temperature_limit",
        "digits",
        "precision_bits",
    ];
}

impl DiamondPoint {
    /// The certified values `c` at `(β_A, β_S)` to `digits` digits
    /// ([`crate::diamond::DiamondSystem::certify`]).
    pub fn certified(
        beta_a: &ExtendedRational,
        beta_s: &ExtendedRational,
        c: &CertifiedDiamond,
        digits: usize,
    ) -> Self {
        let (entropy_production, entropy_production_divergence) = match &c.entropy_production {
            EntropyProduction::Value(s) => (Some(s.clone()), None),
            EntropyProduction::Diverges => (None, Some(DIVERGES)),
            EntropyProduction::DivergesToPlusInfinity => (None, Some(GROWS_WITHOUT_BOUND)),
        };
        DiamondPoint {
            beta_a: Some(beta_a.to_string()),
            beta_s: Some(beta_s.to_string()),
            alpha: c.alpha.clone(),
            sigma: c.sigma.clone(),
            populations: Populations::from_array(c.populations.clone()),
            concurrence: c.concurrence.clone(),
            concurrence_eq5: c.concurrence_closed_form.clone(),
            concurrence_exact: None,
            heat_current_a: c.heat_current_a.clone(),
            heat_current_s: c.heat_current_s.clone(),
            entropy_production,
            entropy_production_divergence,
            zero_temperature_limit: [beta_a, beta_s].contains(&&ExtendedRational::PosInfinity),
            digits,
            precision_bits: Some(c.precision_bits),
        }
    }

    /// The exact values `d` at rational rate ratios, with the concurrence and the entropy
    /// production also as `digits`-digit certified decimals.
    ///
    /// # Errors
    /// [`ExactDiamondError::Precision`] when a decimal is not decided within the cap.
    pub fn exact(d: &ExactDiamond, digits: usize) -> Result<Self, ExactDiamondError> {
        let entropy_production = d.entropy_production_decimal(digits)?;
        Ok(DiamondPoint {
            beta_a: None,
            beta_s: None,
            alpha: Some(d.alpha.to_string()),
            sigma: Some(d.sigma.to_string()),
            populations: Populations::from_array(d.populations.clone().map(|p| p.to_string())),
            concurrence: d.concurrence_decimal(digits)?,
            concurrence_eq5: None,
            concurrence_exact: Some(d.concurrence.to_string()),
            heat_current_a: d.heat_current_a.to_string(),
            heat_current_s: d.heat_current_s.to_string(),
            entropy_production_divergence: entropy_production.is_none().then_some(DIVERGES),
            entropy_production,
            zero_temperature_limit: false,
            digits,
            precision_bits: None,
        })
    }
}

/// How the values of a diamond-model result were obtained.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// MPFR interval enclosures, every digit decided (inverse temperatures given).
    Certified,
    /// Exact rationals (rate ratios given), decimals certified.
    Exact,
}

/// What every diamond-model JSON document states before its values.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DiamondHeader {
    /// `"diamond"`.
    pub model: &'static str,
    /// [`UNITS`].
    pub units: &'static str,
    /// The ladder convention's name.
    pub convention: &'static str,
    /// How the values were obtained.
    pub mode: Mode,
    /// What every printed digit means.
    pub guarantee: &'static str,
    /// What the values mean at `β = ±∞`.
    pub infinite_beta: &'static str,
}

impl DiamondHeader {
    /// The header for `convention` and `mode`.
    pub fn new(convention: LadderConvention, mode: Mode) -> Self {
        DiamondHeader {
            model: "diamond",
            units: UNITS,
            convention: convention.name(),
            mode,
            guarantee: match mode {
                Mode::Certified => {
                    "every printed digit is the correctly rounded value, decided by an MPFR \
                     interval enclosure at precision_bits"
                }
                Mode::Exact => {
                    "rationals are exact; decimals are correctly rounded to digits, decided by \
                     interval enclosures"
                }
            },
            infinite_beta: "at beta = inf or -inf every value is the limit; alpha or sigma is \
                null (empty in CSV) where beta = inf makes it unbounded; entropy_production is \
                null where it diverges and entropy_production_divergence says how",
        }
    }
}

/// `steadyent diamond --format json`: the header and one point's fields in one object.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DiamondReport {
    /// Model, units, convention, mode, guarantee.
    #[serde(flatten)]
    pub header: DiamondHeader,
    /// The values.
    #[serde(flatten)]
    pub point: DiamondPoint,
}

impl DiamondReport {
    /// The document of `steadyent diamond --beta-a X --beta-s Y --format json` (and of the
    /// Python binding's `diamond()`): the header and the certified values `c` of Eq. (3)–(6) at
    /// `(β_A, β_S)` ([`crate::diamond::DiamondSystem::certify`]) to `digits` digits.
    pub fn certified(
        convention: LadderConvention,
        beta_a: &ExtendedRational,
        beta_s: &ExtendedRational,
        c: &CertifiedDiamond,
        digits: usize,
    ) -> Self {
        DiamondReport {
            header: DiamondHeader::new(convention, Mode::Certified),
            point: DiamondPoint::certified(beta_a, beta_s, c, digits),
        }
    }

    /// The document of `steadyent diamond --alpha R --sigma R --format json` (and of the
    /// Python binding's `diamond_exact()`): the header and the exact values `d` (Eq. 1–6 at
    /// rational rate ratios), decimals to `digits` certified digits.
    ///
    /// # Errors
    /// [`ExactDiamondError::Precision`] when a decimal is not decided within the cap.
    pub fn exact(
        convention: LadderConvention,
        d: &ExactDiamond,
        digits: usize,
    ) -> Result<Self, ExactDiamondError> {
        Ok(DiamondReport {
            header: DiamondHeader::new(convention, Mode::Exact),
            point: DiamondPoint::exact(d, digits)?,
        })
    }
}

/// `steadyent reference --format json`: the header and the points.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DiamondTable {
    /// Model, units, convention, mode, guarantee.
    #[serde(flatten)]
    pub header: DiamondHeader,
    /// The values, in input order.
    pub points: Vec<DiamondPoint>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diamond::DiamondSystem;
    use crate::schema::check_columns;

    /// The CSV columns are exactly the JSON fields, certified and exact mode alike.
    #[test]
    fn csv_columns_are_the_json_fields() {
        let system = DiamondSystem::new(LadderConvention::CommutingQubits).unwrap();
        let (a, s) = (
            ExtendedRational::PosInfinity,
            ExtendedRational::Finite(2.into()),
        );
        let c = system.certify(&a, &s, 5).unwrap();
        assert!(check_columns(&DiamondPoint::certified(&a, &s, &c, 5)));
        let d =
            ExactDiamond::solve(&1.into(), &3.into(), LadderConvention::CommutingQubits).unwrap();
        assert!(check_columns(&DiamondPoint::exact(&d, 5).unwrap()));
    }
}
