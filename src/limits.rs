//! Zero temperature, `β = +∞`, in the certified path: the limits of Eq. (3)–(6) taken from the
//! symbolic steady state ([`crate::symbolic`]) and evaluated with certified enclosures.
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
//!   reported as [`EntropyProductionLimit::PlusInfinity`]. A vanishing `L` of a heat current
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

use crate::concurrence::x_state_enclosure;
use crate::decimal::{ExtendedRational, certified_decimal, initial_precision};
use crate::diamond::{Bath, CertifiedDiamond, DiamondError, EntropyProduction, precision_range};
use crate::interval::Interval;
use crate::operators::LadderConvention;
use crate::poly::{Poly, RatFunc};
use crate::symbolic::{
    ALPHA, LimitError, LimitState, RateLimit, SIGMA, SymbolicDiamond, derive_steady_state, limit,
};

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
    Derivation(String),
}

/// Limit of Eq. (6)'s `Ṡ` at a point with a bath at `β = +∞`.
#[derive(Clone, Debug, PartialEq)]
pub enum EntropyProductionLimit {
    /// A finite limit, enclosed.
    Finite(Interval),
    /// `Ṡ → +∞`.
    PlusInfinity,
}

/// Certified enclosures of the `β = +∞` limits of the Eq. (3)–(6) quantities at one point.
#[derive(Clone, Debug)]
pub struct LimitEnclosure {
    /// `α = e^{β_A}`; `None` for `β_A = +∞`.
    pub alpha: Option<Interval>,
    /// `σ = e^{β_S}`; `None` for `β_S = +∞`.
    pub sigma: Option<Interval>,
    /// Populations of `G, S, A, E`.
    pub populations: [Interval; 4],
    /// Wootters concurrence of the limiting ρ_SS (X-state form).
    pub concurrence: Interval,
    /// The limit of the Eq. (4)–(5) closed form, taken separately; `None` where continuity
    /// does not decide it.
    pub concurrence_closed_form: Option<Interval>,
    /// `Q̇_A`.
    pub heat_current_a: Interval,
    /// `Q̇_S`.
    pub heat_current_s: Interval,
    /// `Ṡ_irr` of Eq. (6).
    pub entropy_production: EntropyProductionLimit,
}

/// The symbolic pieces the `β = +∞` limits are taken from, for one ladder convention: ρ_SS
/// and the heat currents of Eq. (1)–(6), and Eq. (5)'s `(N1/d)²`, `(N2/d)²`, all rational
/// in `(α, σ)`; plus each limit once it has been taken.
struct Derivation {
    symbolic: SymbolicDiamond,
    closed_form_squares: [RatFunc; 2],
    /// Indexed by [`limit_index`].
    limits: [OnceLock<Result<Limits, LimitError>>; 9],
}

/// One limit: the state and, where continuity decides it, the closed form's `(r1, r2)`.
struct Limits {
    state: LimitState,
    closed_form: Option<[RatFunc; 2]>,
}

fn limit_index(alpha: RateLimit, sigma: RateLimit) -> usize {
    let k = |r| match r {
        RateLimit::Zero => 0,
        RateLimit::Infinity => 1,
        RateLimit::Free => 2,
    };
    3 * k(alpha) + k(sigma)
}

/// Eq. (5)'s `(N1/d)²` and `(N2/d)²` as rational functions of `α`, `σ`.
///
/// # Formula
/// ```text
/// 𝒮 = α + σ, 𝒜 = α − σ, 𝒫 = ασ,  2d = 2 + 2𝒮² + 𝒮(𝒫 + 3) − 2𝒫,
/// (N1/d)² = 𝒜²(𝒮 − 2)² / (2d)²,   (N2/d)² = 4(𝒮 + 2)(𝒮² + 𝒫(𝒮 − 2)) / (2d)²   (Eq. 5)
/// ```
fn closed_form_squares() -> [RatFunc; 2] {
    let (alpha, sigma) = (Poly::var(ALPHA), Poly::var(SIGMA));
    let int = Poly::from_i64;
    let s = &alpha + &sigma;
    let a = &alpha - &sigma;
    let p = &alpha * &sigma;
    let two_d = &(&(&int(2) + &(&int(2) * &(&s * &s))) + &(&s * &(&p + &int(3)))) - &(&int(2) * &p);
    let d2 = &two_d * &two_d;
    let s_minus_2 = &s - &int(2);
    let n1 = &(&a * &a) * &(&s_minus_2 * &s_minus_2);
    let n2 = &(&int(4) * &(&s + &int(2))) * &(&(&s * &s) + &(&p * &s_minus_2));
    [RatFunc::new(n1, d2.clone()), RatFunc::new(n2, d2)]
}

/// The cached derivation for `convention` (derived on first use, about 60 ms).
fn derivation(convention: LadderConvention) -> Result<&'static Derivation, ZeroTemperatureError> {
    static COMMUTING: OnceLock<Result<Derivation, String>> = OnceLock::new();
    static JORDAN_WIGNER: OnceLock<Result<Derivation, String>> = OnceLock::new();
    let cell = match convention {
        LadderConvention::CommutingQubits => &COMMUTING,
        LadderConvention::JordanWigner => &JORDAN_WIGNER,
    };
    cell.get_or_init(|| {
        derive_steady_state(convention)
            .map(|symbolic| Derivation {
                symbolic,
                closed_form_squares: closed_form_squares(),
                limits: Default::default(),
            })
            .map_err(|e| e.to_string())
    })
    .as_ref()
    .map_err(|e| ZeroTemperatureError::Derivation(e.clone()))
}

impl Derivation {
    fn limits(&self, alpha: RateLimit, sigma: RateLimit) -> Result<&Limits, LimitError> {
        self.limits[limit_index(alpha, sigma)]
            .get_or_init(|| {
                let state = self.symbolic.limit_state(alpha, sigma)?;
                let [n1, n2] = &self.closed_form_squares;
                let closed_form = limit(n1, alpha, sigma, "(N1/d)²")
                    .and_then(|r1| Ok([r1, limit(n2, alpha, sigma, "(N2/d)²")?]))
                    .ok();
                Ok(Limits { state, closed_form })
            })
            .as_ref()
            .map_err(Clone::clone)
    }
}

/// Whether `Q̇` of `bath` vanishes identically in `(α, σ)` for `convention` (true for both
/// baths with Jordan–Wigner operators, false for commuting qubits), decided on the cached
/// symbolic derivation; `false` if the derivation failed.
pub fn heat_current_vanishes(convention: LadderConvention, bath: Bath) -> bool {
    derivation(convention).is_ok_and(|d| match bath {
        Bath::A => d.symbolic.heat_current_a.is_zero(),
        Bath::S => d.symbolic.heat_current_s.is_zero(),
    })
}

/// Where `e^β` goes, and its enclosure when it stays finite.
fn rate(beta: &ExtendedRational, prec: u32) -> (RateLimit, Option<Interval>) {
    match beta {
        ExtendedRational::Finite(b) => (
            RateLimit::Free,
            Some(Interval::from_rational(b, prec).exp()),
        ),
        ExtendedRational::NegInfinity => (RateLimit::Zero, Some(Interval::from_i64(0, prec))),
        ExtendedRational::PosInfinity => (RateLimit::Infinity, None),
    }
}

/// One term `−β Q̇` of Eq. (6) in the limit.
enum EntropyTerm {
    Finite(Interval),
    Diverges { positive: bool },
}

/// Enclosures of the limits of every Eq. (3)–(6) quantity at `(β_A, β_S)` with at least one
/// `β = +∞`, at working precision `prec` bits (see the module documentation for what each
/// limit means). `Ok(None)` means the precision is too low to decide a sign; retry with more.
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
/// use steadyent::limits::{EntropyProductionLimit, enclose_limit};
/// use steadyent::operators::LadderConvention;
/// let zero = ExtendedRational::Finite(0.into());
/// let e = enclose_limit(&ExtendedRational::PosInfinity, &zero, 128, LadderConvention::CommutingQubits)
///     .unwrap()
///     .unwrap();
/// assert_eq!(certified_decimal(&e.concurrence, 10).unwrap(), "0.3333333333");
/// assert_eq!(e.entropy_production, EntropyProductionLimit::PlusInfinity);
/// ```
pub fn enclose_limit(
    beta_a: &ExtendedRational,
    beta_s: &ExtendedRational,
    prec: u32,
    convention: LadderConvention,
) -> Result<Option<LimitEnclosure>, ZeroTemperatureError> {
    let derivation = derivation(convention)?;
    let (alpha_limit, alpha) = rate(beta_a, prec);
    let (sigma_limit, sigma) = rate(beta_s, prec);
    let limits = derivation.limits(alpha_limit, sigma_limit)?;
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
        Some([r1, r2]) => match closed_form_limit(eval(r1), eval(r2)) {
            None => return Ok(None),
            some => some,
        },
    };
    let (Some(mut heat_current_a), Some(mut heat_current_s)) =
        (eval(&state.heat_current_a), eval(&state.heat_current_s))
    else {
        return Ok(None);
    };
    if matches!(beta_a, ExtendedRational::Finite(_)) && beta_a == beta_s {
        // Balanced baths, α = σ exactly: Q̇_A = 4(σ − α)(σ + α)/D vanishes identically there
        // (proofs/heat-currents.md), which an enclosure alone could only call "near zero".
        heat_current_a = Interval::from_i64(0, prec);
        heat_current_s = Interval::from_i64(0, prec);
    }
    let term = |beta: &ExtendedRational, full: &RatFunc, q: &RatFunc, q_value: &Interval| {
        // Q̇ ≡ 0 in (α, σ) or exactly 0 here: the term is 0 (and so is its limit).
        if full.is_zero() || q_value.is_exact_zero() {
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
    let symbolic = &derivation.symbolic;
    let (Some(term_a), Some(term_s)) = (
        term(
            beta_a,
            &symbolic.heat_current_a,
            &state.heat_current_a,
            &heat_current_a,
        )?,
        term(
            beta_s,
            &symbolic.heat_current_s,
            &state.heat_current_s,
            &heat_current_s,
        )?,
    ) else {
        return Ok(None);
    };
    let entropy_production = match (term_a, term_s) {
        (EntropyTerm::Finite(a), EntropyTerm::Finite(s)) => {
            EntropyProductionLimit::Finite(a.add(&s))
        }
        (EntropyTerm::Diverges { positive: true }, EntropyTerm::Finite(_))
        | (EntropyTerm::Finite(_), EntropyTerm::Diverges { positive: true })
        | (EntropyTerm::Diverges { positive: true }, EntropyTerm::Diverges { positive: true }) => {
            EntropyProductionLimit::PlusInfinity
        }
        _ => {
            return Err(ZeroTemperatureError::EntropyProduction {
                reason: "a term of −β_A Q̇_A − β_S Q̇_S tends to −∞, against Ṡ ≥ 0",
            });
        }
    };
    Ok(Some(LimitEnclosure {
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

/// `max{0, √r1 − √r2}` from enclosures of `r1 = lim (N1/d)²`, `r2 = lim (N2/d)²` (Eq. 4–5),
/// or `None` when a denominator or the sign is not decided at this precision.
fn closed_form_limit(r1: Option<Interval>, r2: Option<Interval>) -> Option<Interval> {
    let (n1, n2) = (r1?.sqrt()?, r2?.sqrt()?);
    let difference = n1.sub(&n2);
    if difference.hi() < &0 || difference.is_exact_zero() {
        Some(Interval::from_i64(0, difference.prec()))
    } else if difference.is_positive() {
        Some(difference)
    } else {
        None
    }
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
    Ok(&derivation(convention)?.limits(alpha, sigma)?.state)
}

/// Every Eq. (3)–(6) quantity at `(β_A, β_S)` with at least one `β = +∞`, as the limit with
/// `digits` certified significant digits (Ziv's strategy as in
/// [`crate::diamond::DiamondSystem::certify`], which calls this). `α` or `σ` at `β = +∞` is
/// unbounded and left out (`None`); everything else is a certified decimal.
///
/// # Errors
/// [`DiamondError::ZeroTemperature`] when the limit is not decided (see [`enclose_limit`]);
/// [`DiamondError::Precision`] when the precision cap is reached first.
pub fn certify_limit(
    beta_a: &ExtendedRational,
    beta_s: &ExtendedRational,
    digits: usize,
    convention: LadderConvention,
) -> Result<CertifiedDiamond, DiamondError> {
    // The limit functions are evaluated directly (no elimination), so unlike the interval
    // solve they need only the bits that `e^β` loses to the size of `β`, not `|β|·log2 e`.
    let (_, max_bits) = precision_range(beta_a, beta_s, digits);
    let magnitude = |b: &ExtendedRational| match b {
        ExtendedRational::Finite(q) => q.to_f64().abs(),
        _ => 0.0,
    };
    let exponent_bits = (1.0 + magnitude(beta_a) + magnitude(beta_s)).log2().ceil() as u32;
    let mut prec = (initial_precision(digits) + exponent_bits).min(max_bits);
    let text = |x: &Interval| certified_decimal(x, digits);
    // `e^{+∞}` has no value to print: `None` (the output names β = inf instead).
    let rate_text = |x: &Option<Interval>| match x {
        None => Some(None),
        Some(x) => text(x).map(Some),
    };
    while prec <= max_bits {
        if let Some(e) = enclose_limit(beta_a, beta_s, prec, convention)? {
            let closed_form = e.concurrence_closed_form.as_ref().map(text);
            let entropy = match &e.entropy_production {
                EntropyProductionLimit::Finite(x) => text(x).map(EntropyProduction::Value),
                EntropyProductionLimit::PlusInfinity => {
                    Some(EntropyProduction::DivergesToPlusInfinity)
                }
            };
            if let (
                Some(alpha),
                Some(sigma),
                [Some(g), Some(s), Some(a), Some(x)],
                Some(concurrence),
                None | Some(Some(_)),
                Some(heat_current_a),
                Some(heat_current_s),
                Some(entropy_production),
            ) = (
                rate_text(&e.alpha),
                rate_text(&e.sigma),
                e.populations.each_ref().map(text),
                text(&e.concurrence),
                &closed_form,
                text(&e.heat_current_a),
                text(&e.heat_current_s),
                entropy,
            ) {
                return Ok(CertifiedDiamond {
                    alpha,
                    sigma,
                    populations: [g, s, a, x],
                    concurrence,
                    concurrence_closed_form: closed_form.flatten(),
                    heat_current_a,
                    heat_current_s,
                    entropy_production,
                    precision_bits: prec,
                });
            }
        }
        prec = prec.saturating_mul(2);
    }
    Err(DiamondError::Precision { digits, max_bits })
}
