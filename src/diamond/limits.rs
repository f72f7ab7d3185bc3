//! Zero temperature, `β = +∞`, in the certified path: the limits of Eq. (3)–(6) taken from the
//! symbolic steady state ([`crate::diamond::symbolic`]) and evaluated with certified
//! enclosures; the same evaluation serves large finite `|β|`, where solving would cost more.
//!
//! A bath at `β_i = +∞` has `Γ_i⁻/Γ⁺ = e^{β_i} = ∞` (Eq. 3): no finite rate describes it, so
//! the interval solve of [`crate::diamond::DiamondSystem::enclose`] cannot be used. Instead
//! ρ_SS, derived once as rational functions of `α = e^{β_A}`, `σ = e^{β_S}`, is taken to the
//! limit exactly ([`SymbolicDiamond::limit_state`]: `α = 1/t`, `t → 0`), which leaves rational
//! functions of the other rate; those are evaluated at an enclosure of `e^β` for the other
//! bath (finite `β`), or are constants (the other bath at `−∞`, rate 0).
//!
//! # Semantics
//! - **One `β = +∞`, the other finite or `−∞`**: populations, ρ_SS's coherence, the Wootters
//!   concurrence (X-state form, continuous in ρ) and both heat currents are the limits of their
//!   values, certified to every printed digit.
//! - **Eq. (4)–(5) closed form**: its limit is taken separately from the paper's formula, not
//!   copied from ρ_SS: with `(N1/d)²` and `(N2/d)²` rational in `(α, σ)`, their limits `r1`,
//!   `r2` give `C → max{0, √r1 − √r2}` by continuity. Where that limit is not decided by
//!   continuity the value is absent (`None`), never filled in from ρ_SS.
//! - **Entropy production, Eq. (6)**, `Ṡ = −β_A Q̇_A − β_S Q̇_S`: a term whose heat current
//!   vanishes identically in `(α, σ)` is `0` at every `β`, so also in the limit. Otherwise a
//!   term at `β = ±∞` whose limiting heat current `L` is non-zero behaves as `−β L` and
//!   diverges with the sign of `∓L`. For the diamond model with commuting qubit operators
//!   `Q̇_A → −4/(σ + 2) < 0` as `β_A → +∞` (the zero-temperature bath absorbs heat at a
//!   non-zero rate, so the heat current does not vanish faster than `β` grows): `Ṡ → +∞`,
//!   reported as [`EntropyEnclosure::PlusInfinity`]. A vanishing `L` of a heat current
//!   that is not identically zero, or divergences of opposite signs, are not decided by this
//!   leading behaviour and are errors ([`ZeroTemperatureError::EntropyProduction`]).
//! - **Both `β = +∞`**: the joint limit depends on the direction of approach for commuting
//!   qubits (the dark state `|A⟩` and `|G⟩` are both stationary when only decay remains), so
//!   it is [`LimitError::Indeterminate`]. (With Jordan–Wigner operators it is continuous and
//!   is reported.)
//!
//! How fast the limit is approached: at `β = +∞` versus a large finite `β`, populations and heat
//! currents differ by `O(e^{−β})` (rational in `t = e^{−β}`, analytic at `t = 0`), the
//! concurrence by `O(e^{−β/2})` (Eq. 4 subtracts `2√(p_G p_E)` with `p_E = O(t)`); see
//! `tests/limits.rs`. Output: `α` or `σ` at `β = +∞` is unbounded and not printed as a value
//! (no `inf` outside a β field); `Ṡ → +∞` is reported as a divergence, not a number.

use std::sync::OnceLock;

use num_traits::Zero;
use thiserror::Error;

use super::closed_form::{closed_form_from_squares, eq5};
use super::enclosure::{DiamondEnclosure, EntropyEnclosure};
use super::symbolic::{
    ALPHA, LimitError, LimitState, RateLimit, SIGMA, SymbolicDiamond, SymbolicError, derived,
    heat_currents_vanish, limit,
};
use crate::concurrence::x_state_enclosure;
use crate::decimal::ExtendedRational;
use crate::interval::Interval;
use crate::operators::LadderConvention;
use crate::poly::RatFunc;

/// Why a `β = +∞` limit has no certified value.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum ZeroTemperatureError {
    /// The joint limit is not decided by continuity (e.g. `β_A = β_S = +∞`).
    #[error(transparent)]
    Limit(#[from] LimitError),
    /// The limit of Eq. (6)'s entropy production is not decided by the leading behaviour of the
    /// heat currents.
    #[error("the limit of the entropy production (Eq. 6) is not decided here: {reason}")]
    EntropyProduction {
        /// What the leading behaviour leaves open.
        reason: &'static str,
    },
    /// The symbolic derivation of ρ_SS failed (a bug in the builder or the algebra).
    #[error("the symbolic steady state could not be derived: {0}")]
    Derivation(#[from] SymbolicError),
}

/// The limits taken from the symbolic derivation for one ladder convention: each limit of
/// ρ_SS and the heat currents, and of Eq. (5)'s `(N1/d)²`, `(N2/d)²`, once it has been taken.
struct Limits {
    /// Indexed by [`limit_index`].
    cells: [OnceLock<Result<Limit, LimitError>>; 9],
}

/// One limit: the state and, where continuity decides it, the closed form's `(r1, r2)`.
struct Limit {
    state: LimitState,
    closed_form: Option<[RatFunc; 2]>,
}

/// Where `e^β` goes for each bath: `0`, `∞` or free (the only limits `enclose_limit` takes).
fn limit_index(alpha: &RateLimit, sigma: &RateLimit) -> usize {
    let k = |r: &RateLimit| match r {
        RateLimit::To(_) => 0,
        RateLimit::Infinity => 1,
        RateLimit::Free => 2,
    };
    3 * k(alpha) + k(sigma)
}

/// Eq. (5)'s `(N1/d)²` and `(N2/d)²` as rational functions of `α`, `σ`, from the one Eq. (5)
/// ([`eq5`]) evaluated over the rational functions.
fn closed_form_squares() -> [RatFunc; 2] {
    let parts = eq5(&RatFunc::var(ALPHA), &RatFunc::var(SIGMA)).expect("halving is exact");
    let d2 = parts.d.pow(2);
    [&parts.n1_signed.pow(2) / &d2, &parts.n2_squared / &d2]
}

/// The cached limits for `convention` (their symbolic derivation is [`derived`]).
fn limits(convention: LadderConvention) -> &'static Limits {
    static COMMUTING: OnceLock<Limits> = OnceLock::new();
    static JORDAN_WIGNER: OnceLock<Limits> = OnceLock::new();
    let cell = match convention {
        LadderConvention::CommutingQubits => &COMMUTING,
        LadderConvention::JordanWigner => &JORDAN_WIGNER,
    };
    cell.get_or_init(|| Limits {
        cells: Default::default(),
    })
}

/// The symbolic derivation for `convention`.
fn symbolic(
    convention: LadderConvention,
) -> Result<&'static SymbolicDiamond, ZeroTemperatureError> {
    Ok(derived(convention)?)
}

impl Limits {
    fn get(
        &self,
        symbolic: &SymbolicDiamond,
        alpha: &RateLimit,
        sigma: &RateLimit,
    ) -> Result<&Limit, LimitError> {
        self.cells[limit_index(alpha, sigma)]
            .get_or_init(|| {
                let state = symbolic.limit_state(alpha.clone(), sigma.clone())?;
                let [n1, n2] = closed_form_squares();
                let closed_form = limit(&n1, alpha, sigma, "(N1/d)²")
                    .and_then(|r1| Ok([r1, limit(&n2, alpha, sigma, "(N2/d)²")?]))
                    .ok();
                Ok(Limit { state, closed_form })
            })
            .as_ref()
            .map_err(Clone::clone)
    }
}

/// Where `e^β` goes, and its enclosure when it stays finite.
fn rate(beta: &ExtendedRational, prec: u32) -> (RateLimit, Option<Interval>) {
    let enclosure = match beta {
        ExtendedRational::Finite(b) => Some(Interval::from_rational(b, prec).exp()),
        ExtendedRational::NegInfinity => Some(Interval::from_i64(0, prec)),
        ExtendedRational::PosInfinity => None,
    };
    (RateLimit::of_beta(beta), enclosure)
}

/// One term `−β Q̇` of Eq. (6) in the limit.
enum EntropyTerm {
    Finite(Interval),
    Diverges { positive: bool },
}

/// Enclosures of the limits of every Eq. (3)–(6) quantity at `(β_A, β_S)` with at least one
/// `β = +∞` (or their values, for finite `β`, from the derived rational functions), at working
/// precision `prec` bits (see the module documentation for what each limit means). `Ok(None)`
/// means the precision is too low to decide a sign; retry with more.
///
/// # Errors
/// [`ZeroTemperatureError::Limit`] when continuity does not decide the limit (both `β = +∞`
/// with commuting qubits); [`ZeroTemperatureError::EntropyProduction`] when the leading
/// behaviour does not decide `Ṡ`'s limit.
///
/// # Examples
/// `β_A = +∞`, `β_S = 0`: `ρ_SS → (2|G⟩⟨G| + |S⟩⟨S|)/3`, `C → 1/3`, `Ṡ → +∞`.
/// ```
/// use steadyent::decimal::{ExtendedRational, certified_decimal};
/// use steadyent::diamond::EntropyEnclosure;
/// use steadyent::diamond::limits::enclose_limit;
/// use steadyent::operators::LadderConvention;
/// let zero = ExtendedRational::Finite(0.into());
/// let e = enclose_limit(&ExtendedRational::PosInfinity, &zero, 128, LadderConvention::CommutingQubits)
///     .unwrap()
///     .unwrap();
/// assert_eq!(certified_decimal(&e.concurrence, 10).unwrap(), "0.3333333333");
/// assert_eq!(e.entropy_production, EntropyEnclosure::PlusInfinity);
/// ```
pub fn enclose_limit(
    beta_a: &ExtendedRational,
    beta_s: &ExtendedRational,
    prec: u32,
    convention: LadderConvention,
) -> Result<Option<DiamondEnclosure>, ZeroTemperatureError> {
    let symbolic = symbolic(convention)?;
    let (alpha_limit, alpha) = rate(beta_a, prec);
    let (sigma_limit, sigma) = rate(beta_s, prec);
    let limits = limits(convention).get(symbolic, &alpha_limit, &sigma_limit)?;
    let state = &limits.state;
    // A rate sent to 0 or ∞ no longer occurs in the limit; 0 stands in for it.
    let zero = Interval::from_i64(0, prec);
    let point = [
        alpha.clone().unwrap_or_else(|| zero.clone()),
        sigma.clone().unwrap_or_else(|| zero.clone()),
        zero.clone(),
        zero,
    ];
    let eval = |f: &RatFunc| f.eval_interval(&point);
    let Some(populations) = state
        .populations
        .iter()
        .map(eval)
        .collect::<Option<Vec<_>>>()
        .and_then(|v| <[Interval; 4]>::try_from(v).ok())
    else {
        return Ok(None);
    };
    let (Some(g), Some(e), Some(coherence)) = (
        eval(&state.rho[(0, 0)]),
        eval(&state.rho[(3, 3)]),
        eval(&state.rho[(1, 2)]),
    ) else {
        return Ok(None);
    };
    let Some(concurrence) = x_state_enclosure(&coherence, &g, &e) else {
        return Ok(None);
    };
    let concurrence_closed_form = match &limits.closed_form {
        None => None,
        Some([r1, r2]) => match closed_form_from_squares(eval(r1), eval(r2)) {
            None => return Ok(None),
            some => some,
        },
    };
    let (Some(mut heat_current_a), Some(mut heat_current_s)) =
        (eval(&state.heat_current_a), eval(&state.heat_current_s))
    else {
        return Ok(None);
    };
    let vanish = heat_currents_vanish(convention, beta_a, beta_s);
    for (current, zero) in [
        (&mut heat_current_a, vanish[0]),
        (&mut heat_current_s, vanish[1]),
    ] {
        if zero {
            *current = Interval::from_i64(0, prec);
        }
    }
    let term = |beta: &ExtendedRational, q: &RatFunc, q_value: &Interval| {
        // Q̇ exactly 0 here (an identity, or its value): the term is 0 (and so is its limit).
        if q_value.is_exact_zero() {
            return Ok(Some(EntropyTerm::Finite(Interval::from_i64(0, prec))));
        }
        match beta {
            ExtendedRational::Finite(b) => Ok(Some(EntropyTerm::Finite(
                Interval::from_rational(b, prec).mul(q_value).neg(),
            ))),
            // −β Q̇ with |β| → ∞ and Q̇ → L ≠ 0 diverges with the sign of ∓L.
            _ if q.is_zero() => Err(ZeroTemperatureError::EntropyProduction {
                reason: "a heat current tends to 0 at a bath with β = ±∞ without vanishing \
                         identically",
            }),
            _ if q_value.is_positive() || q_value.is_negative() => {
                let plus = matches!(beta, ExtendedRational::PosInfinity);
                Ok(Some(EntropyTerm::Diverges {
                    positive: q_value.is_negative() == plus,
                }))
            }
            _ => Ok(None),
        }
    };
    let (Some(term_a), Some(term_s)) = (
        term(beta_a, &state.heat_current_a, &heat_current_a)?,
        term(beta_s, &state.heat_current_s, &heat_current_s)?,
    ) else {
        return Ok(None);
    };
    let entropy_production = match (term_a, term_s) {
        (EntropyTerm::Finite(a), EntropyTerm::Finite(s)) => EntropyEnclosure::Finite(a.add(&s)),
        (EntropyTerm::Diverges { positive: true }, EntropyTerm::Finite(_))
        | (EntropyTerm::Finite(_), EntropyTerm::Diverges { positive: true })
        | (EntropyTerm::Diverges { positive: true }, EntropyTerm::Diverges { positive: true }) => {
            EntropyEnclosure::PlusInfinity
        }
        _ => {
            return Err(ZeroTemperatureError::EntropyProduction {
                reason: "a term of −β_A Q̇_A − β_S Q̇_S tends to −∞, against Ṡ ≥ 0",
            });
        }
    };
    Ok(Some(DiamondEnclosure {
        alpha,
        sigma,
        populations,
        concurrence,
        concurrence_closed_form,
        heat_current_a,
        heat_current_s,
        entropy_production,
    }))
}

/// The cached limit of ρ_SS and the heat currents as `α → alpha`, `σ → sigma` for
/// `convention` (exact rational functions of the rate left free; see
/// [`LimitState::rho_at`] and [`LimitState::concurrence_at`] for exact values).
///
/// # Errors
/// [`ZeroTemperatureError::Limit`] when continuity does not decide the limit.
pub fn limit_state(
    alpha: RateLimit,
    sigma: RateLimit,
    convention: LadderConvention,
) -> Result<&'static LimitState, ZeroTemperatureError> {
    let symbolic = symbolic(convention)?;
    Ok(&limits(convention).get(symbolic, &alpha, &sigma)?.state)
}
