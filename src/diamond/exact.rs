//! The diamond model solved exactly at rational rate ratios `α = e^{β_A}`, `σ = e^{β_S}`:
//! the 16×16 Liouvillian of Eq. (1)–(2) over the Gaussian rationals, its kernel (nullity 1
//! proves uniqueness) and the Eq. (4)–(6) quantities as exact rationals.

use nalgebra::DMatrix;
use rug::Rational;

use super::model::{Bath, DiamondRates, entropy_production, generator, heat_current, populations};
use crate::concurrence::ExactConcurrence;
use crate::decimal::{certified_decimal, initial_precision, max_precision, raise_precision};
use crate::interval::Interval;
use crate::liouvillian::{LiouvillianError, Sector};
use crate::operators::LadderConvention;
use crate::ring::{GaussQ, gauss_real};
use crate::steady_state::{SteadyStateError, exact_steady_state};

/// Why the exact steady state could not be returned.
#[derive(Debug, thiserror::Error, PartialEq)]
#[non_exhaustive]
pub enum ExactDiamondError {
    /// A rate ratio is negative: `α = Γ_A⁻/Γ⁺` and `σ = Γ_S⁻/Γ⁺` must be ≥ 0.
    #[error("{name} = {value} is negative; rate ratios Γ⁻/Γ⁺ must be ≥ 0 (0 means β = −∞)")]
    NegativeRate {
        /// `alpha` or `sigma`.
        name: &'static str,
        /// The value given.
        value: String,
    },
    /// The steady state is not unique or could not be normalised.
    #[error(transparent)]
    SteadyState(#[from] SteadyStateError),
    /// Assembly of the generator failed.
    #[error(transparent)]
    Liouvillian(#[from] LiouvillianError),
    /// An irrational value's digits were not decided within the precision cap.
    #[error("could not certify {digits} digits of the {what} within {max_bits} bits")]
    Precision {
        /// The quantity.
        what: &'static str,
        /// Digits requested.
        digits: usize,
        /// The cap.
        max_bits: u32,
    },
}

/// The exact steady state and Eq. (4)–(6) quantities at rational `α = e^{β_A}`, `σ = e^{β_S}`.
#[derive(Clone, Debug, PartialEq)]
pub struct ExactDiamond {
    /// `α = Γ_A⁻/Γ⁺`.
    pub alpha: Rational,
    /// `σ = Γ_S⁻/Γ⁺`.
    pub sigma: Rational,
    /// `ρ_SS` in the basis `|00⟩, |01⟩, |10⟩, |11⟩`, exact; unique (nullity 1 was checked).
    pub rho: DMatrix<GaussQ>,
    /// Populations of `G, S, A, E`.
    pub populations: [Rational; 4],
    /// `Q̇_A = Tr{H0 𝓛_A(ρ_SS)}`.
    pub heat_current_a: Rational,
    /// `Q̇_S = Tr{H0 𝓛_S(ρ_SS)}`.
    pub heat_current_s: Rational,
    /// Wootters concurrence of `ρ_SS` (X-state form), exact.
    pub concurrence: ExactConcurrence,
}

fn real_part(z: &GaussQ) -> Rational {
    z.re.as_rational().clone()
}

impl ExactDiamond {
    /// Solves Eq. (1)–(2) exactly over the Gaussian rationals on the full 16-dimensional
    /// operator space (so nullity 1 proves uniqueness outright).
    ///
    /// # Errors
    /// [`ExactDiamondError::NegativeRate`] for `α < 0` or `σ < 0`;
    /// [`ExactDiamondError::SteadyState`] when the steady state is not unique.
    pub fn solve(
        alpha: &Rational,
        sigma: &Rational,
        convention: LadderConvention,
    ) -> Result<Self, ExactDiamondError> {
        for (name, value) in [("alpha", alpha), ("sigma", sigma)] {
            if value.is_negative() {
                return Err(ExactDiamondError::NegativeRate {
                    name,
                    value: value.to_string(),
                });
            }
        }
        let rates =
            DiamondRates::from_alpha_sigma(gauss_real(alpha.clone()), gauss_real(sigma.clone()));
        let generator = generator(&rates, convention)?;
        let rho = exact_steady_state(&generator, &Sector::full(4))?;
        let populations = populations(&rho).map(|p| real_part(&p));
        let heat_current_a = real_part(&heat_current(&generator, &rho, Bath::A));
        let heat_current_s = real_part(&heat_current(&generator, &rho, Bath::S));
        let concurrence =
            ExactConcurrence::of_x_state(&rho).expect("the diamond steady state is X-shaped");
        Ok(ExactDiamond {
            alpha: alpha.clone(),
            sigma: sigma.clone(),
            rho,
            populations,
            heat_current_a,
            heat_current_s,
            concurrence,
        })
    }

    /// Entropy production of Eq. (6), `Ṡ = −β_A Q̇_A − β_S Q̇_S` with `β = ln α, ln σ`, as a
    /// certified enclosure at `prec` bits; `None` when a `β` is `−∞` (rate ratio 0) while its
    /// heat current is non-zero, where `Ṡ` diverges.
    pub fn entropy_production(&self, prec: u32) -> Option<Interval> {
        let beta = |ratio: &Rational| Interval::from_rational(ratio, prec).ln();
        let current = |q: &Rational| Interval::from_rational(q, prec);
        entropy_production(
            beta(&self.alpha).as_ref(),
            &current(&self.heat_current_a),
            beta(&self.sigma).as_ref(),
            &current(&self.heat_current_s),
        )
    }

    /// [`Self::entropy_production`] to `digits` certified significant digits; `Ok(None)` where
    /// it diverges. `Ṡ = (ln σ − ln α) Q̇_A` is 0 exactly or transcendental (never a decimal
    /// rounding tie), so the enclosures decide every digit at a finite precision.
    ///
    /// # Errors
    /// [`ExactDiamondError::Precision`] if [`max_precision`] is reached first.
    pub fn entropy_production_decimal(
        &self,
        digits: usize,
    ) -> Result<Option<String>, ExactDiamondError> {
        let max_bits = max_precision(digits);
        let found = raise_precision(initial_precision(digits), max_bits, |prec| {
            Ok::<_, ExactDiamondError>(match self.entropy_production(prec) {
                None => Some(None),
                Some(x) => certified_decimal(&x, digits).map(Some),
            })
        })?;
        found
            .map(|(text, _)| text)
            .ok_or(ExactDiamondError::Precision {
                what: "entropy production",
                digits,
                max_bits,
            })
    }

    /// The concurrence to `digits` correctly rounded significant digits.
    ///
    /// # Errors
    /// [`ExactDiamondError::Precision`] if [`max_precision`] is reached first.
    pub fn concurrence_decimal(&self, digits: usize) -> Result<String, ExactDiamondError> {
        self.concurrence
            .decimal(digits)
            .ok_or(ExactDiamondError::Precision {
                what: "concurrence",
                digits,
                max_bits: max_precision(digits),
            })
    }
}
