//! The diamond model at f64 inverse temperatures in rigorous f64 interval arithmetic
//! ([`Interval64`]): the concurrence (Eq. 4) and entropy production (Eq. 6) of the Fig. 1
//! sweep, each with an enclosure that decides how many of its digits may be printed.

use rug::Rational;

use super::sector::SectorSystem;
use super::symbolic::heat_currents_vanish;
use crate::arith::Arith;
use crate::concurrence::x_state_enclosure;
use crate::decimal::ExtendedRational;
use crate::interval64::Interval64;
use crate::liouvillian::LiouvillianError;
use crate::operators::LadderConvention;

/// Largest `|β|` the f64 path accepts: beyond it the rates `e^{|β_A| + |β_S|}` make the f64
/// enclosures too wide to decide the concurrence's sign near `C = 0` (the certified path,
/// `steadyent diamond`, goes to `|β| ≤` [`crate::diamond::MAX_ABS_BETA`]).
pub const F64_MAX_ABS_BETA: f64 = 30.0;

/// One inverse temperature of a grid axis, prepared once per axis value: the exact f64 `β`,
/// the same value as an exact rational (for the exact-zero rules) and an enclosure of `e^β`.
#[derive(Clone, Debug)]
pub struct GridBeta {
    /// `β` (exactly this f64 is computed at).
    pub value: f64,
    exact: ExtendedRational,
    rate: Interval64,
}

impl GridBeta {
    /// Prepares `β`.
    ///
    /// # Panics
    /// Never for finite `beta`; a non-finite one is a caller's bug (axes are validated finite).
    pub fn new(beta: f64) -> Self {
        GridBeta {
            value: beta,
            exact: ExtendedRational::Finite(Rational::from_f64(beta).expect("a finite β")),
            rate: Interval64::exp_of(beta),
        }
    }

    /// `β` as an exact extended rational (the same value as [`GridBeta::value`]).
    pub fn exact(&self) -> &ExtendedRational {
        &self.exact
    }
}

/// Enclosures of the Fig. 1 quantities at one grid point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GridValues {
    /// Wootters concurrence of `ρ_SS` (X-state form, Eq. 4).
    pub concurrence: Interval64,
    /// `Ṡ_irr` of Eq. (6).
    pub entropy_production: Interval64,
}

/// The f64-interval sector solve for commuting qubit operators (the reading that reproduces
/// Eq. 4–5).
#[derive(Clone, Debug)]
pub struct GridSolver {
    system: SectorSystem,
}

impl GridSolver {
    /// The exact sector pieces ([`SectorSystem::new`]).
    ///
    /// # Errors
    /// [`LiouvillianError`] if the sector were not invariant (never).
    pub fn new() -> Result<Self, LiouvillianError> {
        Ok(GridSolver {
            system: SectorSystem::new(LadderConvention::CommutingQubits)?,
        })
    }

    /// Solves `𝓛ρ = 0, tr ρ = 1` (Eq. 1–3) at `(β_A, β_S)` in f64 intervals and encloses the
    /// concurrence (Eq. 4) and entropy production (Eq. 6). `None` when an enclosure is too wide
    /// to decide a pivot or the concurrence's sign (the caller goes to MPFR for that point).
    pub fn solve(&self, beta_a: &GridBeta, beta_s: &GridBeta) -> Option<GridValues> {
        let state = self
            .system
            .solve(&beta_a.rate, &beta_s.rate, &Interval64::point(1.0))?;
        let concurrence = x_state_enclosure(&state.coherence, state.ground(), state.excited())?;
        // Q̇_S = −Q̇_A identically (proofs/heat-currents.md): both enclosures hold the same
        // value, so their intersection does, and Eq. (6), Ṡ = −β_A Q̇_A − β_S Q̇_S, becomes
        // (β_S − β_A) Q̇_A, whose enclosure is not widened by the cancellation inside the larger
        // of the two currents.
        let vanish = heat_currents_vanish(self.system.convention(), &beta_a.exact, &beta_s.exact);
        let heat_current_a = if vanish[0] {
            Interval64::point(0.0)
        } else {
            state
                .heat_current_a
                .intersect(&state.heat_current_s.neg())?
        };
        let point = Interval64::point;
        let entropy_production = point(beta_s.value)
            .minus(&point(beta_a.value))
            .times(&heat_current_a);
        Some(GridValues {
            concurrence,
            entropy_production,
        })
    }
}
