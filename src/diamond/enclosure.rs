//! Certified MPFR enclosures of the diamond model's Eq. (3)–(6) quantities at exactly given,
//! finite (or `−∞`) inverse temperatures: one interval sector solve per precision.

use std::sync::OnceLock;

use super::closed_form::closed_form_concurrence;
use super::model::entropy_production;
use super::sector::SectorSystem;
use super::symbolic::heat_currents_vanish;
use crate::concurrence::x_state_enclosure;
use crate::decimal::ExtendedRational;
use crate::interval::Interval;
use crate::liouvillian::LiouvillianError;
use crate::operators::LadderConvention;

/// Eq. (6)'s `Ṡ_irr` in a [`DiamondEnclosure`].
#[derive(Clone, Debug, PartialEq)]
pub enum EntropyEnclosure {
    /// A certified enclosure of the value (or of the limit).
    Finite(Interval),
    /// `|Ṡ| = ∞`: a bath at `β = −∞` exchanges non-zero heat.
    Diverges,
    /// `Ṡ → +∞` in the limit `β → +∞` of a bath that exchanges non-zero heat (see
    /// [`crate::diamond::limits`]).
    PlusInfinity,
}

impl EntropyEnclosure {
    /// The enclosure of a finite value, `None` where `Ṡ` diverges.
    pub fn finite(&self) -> Option<&Interval> {
        match self {
            EntropyEnclosure::Finite(x) => Some(x),
            _ => None,
        }
    }
}

/// Certified enclosures of the diamond model's steady-state quantities at one point (or of
/// their limits at `β = +∞`, [`crate::diamond::limits::enclose_limit`]).
#[derive(Clone, Debug)]
pub struct DiamondEnclosure {
    /// `α = e^{β_A}`; `None` where it is unbounded (`β_A = +∞`).
    pub alpha: Option<Interval>,
    /// `σ = e^{β_S}`; `None` where it is unbounded (`β_S = +∞`).
    pub sigma: Option<Interval>,
    /// Populations of `G, S, A, E`.
    pub populations: [Interval; 4],
    /// Wootters concurrence of the solved `ρ_SS` (X-state form).
    pub concurrence: Interval,
    /// The paper's closed form, Eq. (4)–(5), evaluated independently (its own limit at
    /// `β = +∞`); `None` where that limit is not decided by continuity.
    pub concurrence_closed_form: Option<Interval>,
    /// `Q̇_A`.
    pub heat_current_a: Interval,
    /// `Q̇_S`.
    pub heat_current_s: Interval,
    /// `Ṡ_irr` of Eq. (6).
    pub entropy_production: EntropyEnclosure,
}

/// The interval sector solve of the diamond model for one ladder convention: any enclosure of
/// the rates gives an enclosure of the steady state by one small interval solve
/// ([`SectorSystem`]); [`DiamondSystem::certify`] raises the precision until every digit is
/// decided.
#[derive(Clone, Debug)]
pub struct DiamondSystem {
    system: SectorSystem,
}

/// Enclosure of `e^β` for an exactly given `β` (`−∞ ↦ 0`), or `None` for `+∞`.
fn exp_enclosure(beta: &ExtendedRational, prec: u32) -> Option<Interval> {
    match beta {
        ExtendedRational::Finite(b) => Some(Interval::from_rational(b, prec).exp()),
        ExtendedRational::NegInfinity => Some(Interval::from_i64(0, prec)),
        ExtendedRational::PosInfinity => None,
    }
}

/// `β` as an enclosure, `None` for `±∞`.
fn beta_enclosure(beta: &ExtendedRational, prec: u32) -> Option<Interval> {
    match beta {
        ExtendedRational::Finite(b) => Some(Interval::from_rational(b, prec)),
        _ => None,
    }
}

impl DiamondSystem {
    /// Builds the exact sector pieces for `convention` ([`SectorSystem::new`]).
    ///
    /// # Errors
    /// [`LiouvillianError`] if the sector were not invariant.
    pub fn new(convention: LadderConvention) -> Result<Self, LiouvillianError> {
        Ok(DiamondSystem {
            system: SectorSystem::new(convention)?,
        })
    }

    /// The system for `convention`, built on first use and shared by the whole process
    /// (construction is an exact Lindblad assembly of about 10 ms; every command and binding
    /// call that certifies a point reuses it).
    ///
    /// # Errors
    /// As [`DiamondSystem::new`] (not cached: only a built system is kept).
    pub fn shared(convention: LadderConvention) -> Result<&'static Self, LiouvillianError> {
        static SYSTEMS: [OnceLock<DiamondSystem>; 2] = [OnceLock::new(), OnceLock::new()];
        let slot = &SYSTEMS[match convention {
            LadderConvention::CommutingQubits => 0,
            LadderConvention::JordanWigner => 1,
        }];
        if let Some(system) = slot.get() {
            return Ok(system);
        }
        let system = DiamondSystem::new(convention)?;
        Ok(slot.get_or_init(|| system))
    }

    /// The ladder convention.
    pub fn convention(&self) -> LadderConvention {
        self.system.convention()
    }

    /// Enclosures of every Eq. (4)–(6) quantity at exactly given `β_A`, `β_S` (finite or
    /// `−∞`) at working precision `prec` bits. `None` means the precision is too low to
    /// decide a pivot or a sign; retry with more bits.
    ///
    /// `β = +∞` has no finite rate: this returns `None` for it; [`DiamondSystem::certify`]
    /// takes the limit instead ([`crate::diamond::limits::enclose_limit`]).
    pub fn enclose(
        &self,
        beta_a: &ExtendedRational,
        beta_s: &ExtendedRational,
        prec: u32,
    ) -> Option<DiamondEnclosure> {
        let alpha = exp_enclosure(beta_a, prec)?;
        let sigma = exp_enclosure(beta_s, prec)?;
        let state = self
            .system
            .solve(&alpha, &sigma, &Interval::from_i64(1, prec))?;
        let concurrence = x_state_enclosure(&state.coherence, state.ground(), state.excited())?;
        let concurrence_closed_form = closed_form_concurrence(&alpha, &sigma)?;
        let (mut heat_current_a, mut heat_current_s) =
            (state.heat_current_a.clone(), state.heat_current_s.clone());
        let vanish = heat_currents_vanish(self.convention(), beta_a, beta_s);
        for (current, zero) in [
            (&mut heat_current_a, vanish[0]),
            (&mut heat_current_s, vanish[1]),
        ] {
            if zero {
                *current = Interval::from_i64(0, prec);
            }
        }
        let entropy_production = match entropy_production(
            beta_enclosure(beta_a, prec).as_ref(),
            &heat_current_a,
            beta_enclosure(beta_s, prec).as_ref(),
            &heat_current_s,
        ) {
            Some(x) => EntropyEnclosure::Finite(x),
            None => EntropyEnclosure::Diverges,
        };
        Some(DiamondEnclosure {
            alpha: Some(alpha),
            sigma: Some(sigma),
            populations: state.populations,
            concurrence,
            concurrence_closed_form: Some(concurrence_closed_form),
            heat_current_a,
            heat_current_s,
            entropy_production,
        })
    }
}
