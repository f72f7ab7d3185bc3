//! The effective model of Eq. (9): the cavity adiabatically eliminated (`κ/g > 1`), the qubits
//! see the diamond model of Eq. (1)–(2) with rates fixed by `p`, `γ` and `Γ = 4g²/κ`.

use nalgebra::DMatrix;
use num_complex::Complex64;

use super::CavityError;
use super::params::CavityParams;
use crate::concurrence::wootters;
use crate::diamond::{self, DiamondRates, EXCITATIONS};
use crate::liouvillian::Sector;
use crate::operators::LadderConvention;
use crate::steady_state::numeric_steady_state;

/// Residual tolerance of the 4-level effective solve, relative to its largest generator entry
/// (units `Γ⁺ = 1`): six unknowns, so a backward-stable LU leaves ~`1e-15`.
pub const EFFECTIVE_RESIDUAL_TOLERANCE: f64 = 1e-12;

/// The diamond-model rates of Eq. (9), in units of `g`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EffectiveRates {
    /// `Γ⁺ = p/2`, pumping of both collective modes.
    pub pump: f64,
    /// `Γ_A⁻ = γ/2`, decay of the dark mode `J_A = c1 − c2`.
    pub decay_a: f64,
    /// `Γ_S⁻ = Γ + γ/2`, decay of the bright mode `J_S = c1 + c2`.
    pub decay_s: f64,
    /// `Γ = 4g²/κ`, the cavity-mediated collective decay.
    pub cavity_decay: f64,
}

impl EffectiveRates {
    /// The rates of Eq. (9).
    ///
    /// # Formula
    /// ```text
    /// Γ⁺ = p/2,   Γ_A⁻ = γ/2,   Γ_S⁻ = Γ + γ/2,   Γ = 4g²/κ        (Eq. 9)
    /// ```
    pub fn from_params(params: &CavityParams) -> Self {
        let g = params.coupling();
        // Eq. (9): Γ = 4g²/κ (adiabatic elimination of the cavity)
        let cavity_decay = 4.0 * g * g / params.kappa();
        EffectiveRates {
            pump: params.pump() / 2.0,
            decay_a: params.gamma() / 2.0,
            decay_s: cavity_decay + params.gamma() / 2.0,
            cavity_decay,
        }
    }

    /// `α = e^{β_A} = Γ_A⁻/Γ⁺ = γ/p` (Eq. 3 with Eq. 9).
    pub fn alpha(&self) -> f64 {
        self.decay_a / self.pump
    }

    /// `σ = e^{β_S} = Γ_S⁻/Γ⁺ = (2Γ + γ)/p` (Eq. 3 with Eq. 9).
    pub fn sigma(&self) -> f64 {
        self.decay_s / self.pump
    }

    /// `β_A = ln(γ/p)` (Eq. 3); `−∞` for `γ = 0` (the dark state's bath at zero temperature
    /// from below, the ideal case of Fig. 2b).
    pub fn beta_a(&self) -> f64 {
        self.alpha().ln()
    }

    /// `β_S = ln((2Γ + γ)/p)` (Eq. 3).
    pub fn beta_s(&self) -> f64 {
        self.sigma().ln()
    }
}

/// The effective model's steady state.
#[derive(Clone, Debug)]
pub struct EffectiveSteadyState {
    /// The rates of Eq. (9).
    pub rates: EffectiveRates,
    /// Two-qubit `ρ_SS` of Eq. (1)–(2), basis `|q1 q2⟩`.
    pub rho: DMatrix<Complex64>,
    /// Its Wootters concurrence (Fig. 2b–c, effective model).
    pub concurrence: f64,
    /// `max|𝓛ρ|` of the diamond generator in units `Γ⁺ = 1`.
    pub residual: f64,
}

/// The steady state of the diamond model of Eq. (1)–(2) at the rates of Eq. (9), in units
/// `Γ⁺ = 1` (`α = γ/p`, `σ = (2Γ + γ)/p`), solved in f64 on the conserved sector with
/// [`diamond::generator`] and [`numeric_steady_state`].
///
/// # Errors
/// [`CavityError::EffectiveModelNeedsPump`] for `p = 0`; the steady-state solver's errors.
pub fn effective_steady_state(params: &CavityParams) -> Result<EffectiveSteadyState, CavityError> {
    if params.pump() <= 0.0 {
        return Err(CavityError::EffectiveModelNeedsPump);
    }
    let rates = EffectiveRates::from_params(params);
    let re = |x: f64| Complex64::new(x, 0.0);
    let diamond_rates = DiamondRates::from_alpha_sigma(re(rates.alpha()), re(rates.sigma()));
    let generator = diamond::generator(&diamond_rates, LadderConvention::CommutingQubits)?;
    let sector = Sector::charge_difference(&EXCITATIONS, 0);
    let state = numeric_steady_state(&generator, &sector, EFFECTIVE_RESIDUAL_TOLERANCE)?;
    let concurrence = wootters(&state.rho).expect("the diamond state is 4×4");
    Ok(EffectiveSteadyState {
        rates,
        rho: state.rho,
        concurrence,
        residual: state.residual,
    })
}
