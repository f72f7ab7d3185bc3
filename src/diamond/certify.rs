//! Certified decimals of the diamond model's Eq. (3)–(6) quantities: the working-precision
//! rules, the choice between the interval solve ([`DiamondSystem::enclose`]) and the
//! evaluation of the derived rational functions ([`enclose_limit`]), and Ziv's strategy
//! ([`raise_precision`]) until every printed digit is decided.

use rug::Rational;

use super::enclosure::{DiamondEnclosure, DiamondSystem, EntropyEnclosure};
use super::limits::{ZeroTemperatureError, enclose_limit};
use crate::decimal::{
    ExtendedRational, certified_decimal, initial_precision, max_precision, raise_precision,
    rational_to_decimal,
};
use crate::interval::Interval;

/// Largest finite `|β|` accepted: `e^{10⁸}` has a binary exponent of 1.4·10⁸, inside MPFR's
/// default exponent range (±2³⁰); beyond it use `±∞`.
pub const MAX_ABS_BETA: f64 = 1e8;

/// Above this `|β_A| + |β_S|`, [`DiamondSystem::certify`] evaluates the symbolic steady state
/// instead of solving: the solve's cost grows linearly with `|β|`, the evaluation's with
/// `log |β|` (about 60 ms once for the derivation).
pub const SYMBOLIC_BETA_SPAN: f64 = 1000.0;

/// Largest working precision (bits) [`DiamondSystem::certify`] may use.
pub const PRECISION_CAP_BITS: u32 = 1 << 24;

/// Why a diamond-model quantity could not be certified.
#[derive(Debug, thiserror::Error, PartialEq)]
#[non_exhaustive]
pub enum DiamondError {
    /// A finite `β` so large that `e^β` leaves MPFR's exponent range.
    #[error(
        "|beta| = {value} exceeds {MAX_ABS_BETA:e}: e^beta would leave the floating-point \
         exponent range; give inf or -inf for the limit beta -> +inf or -inf"
    )]
    BetaOutOfRange {
        /// The β given, as text.
        value: String,
    },
    /// The enclosures did not decide every requested digit up to the precision cap.
    #[error(
        "could not certify {digits} digits within the precision cap of {max_bits} bits (a \
         value on a decimal rounding tie, or rates spanning e^(|beta_A| + |beta_S|)); ask for \
         fewer --digits"
    )]
    Precision {
        /// Digits requested.
        digits: usize,
        /// Highest working precision tried.
        max_bits: u32,
    },
    /// A `β = +∞` limit has no certified value (see [`crate::diamond::limits`]).
    #[error(transparent)]
    ZeroTemperature(#[from] ZeroTemperatureError),
}

/// Every Eq. (3)–(6) quantity at one point as decimal text with `digits` significant digits,
/// each digit certified by an enclosure (see [`DiamondSystem::certify`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CertifiedDiamond {
    /// `α = e^{β_A}`; `None` where it is unbounded (`β_A = +∞`, see [`crate::diamond::limits`]).
    pub alpha: Option<String>,
    /// `σ = e^{β_S}`; `None` where it is unbounded (`β_S = +∞`).
    pub sigma: Option<String>,
    /// Populations of `G, S, A, E`.
    pub populations: [String; 4],
    /// Wootters concurrence of `ρ_SS`.
    pub concurrence: String,
    /// Eq. (4)–(5) closed form (its own limit at `β = +∞`); `None` where that limit is not
    /// decided by continuity.
    pub concurrence_closed_form: Option<String>,
    /// `Q̇_A`.
    pub heat_current_a: String,
    /// `Q̇_S`.
    pub heat_current_s: String,
    /// `Ṡ_irr` of Eq. (6), or how it diverges.
    pub entropy_production: EntropyProduction,
    /// The working precision (bits) at which every digit was decided.
    pub precision_bits: u32,
}

/// Eq. (6)'s `Ṡ_irr` at one point of [`CertifiedDiamond`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EntropyProduction {
    /// The certified decimal value (or the certified limit).
    Value(String),
    /// `|Ṡ| = ∞`: a bath at `β = −∞` exchanges non-zero heat.
    Diverges,
    /// `Ṡ → +∞` (grows without bound, positive) in the limit `β → +∞` of a bath that exchanges
    /// non-zero heat (see [`crate::diamond::limits`]).
    DivergesToPlusInfinity,
}

impl EntropyProduction {
    /// The certified value, `None` where `Ṡ` diverges.
    pub fn value(&self) -> Option<&str> {
        match self {
            EntropyProduction::Value(s) => Some(s),
            _ => None,
        }
    }
}

/// Whether a finite `β` is inside `±`[`MAX_ABS_BETA`] (infinite ones always are): the one
/// range rule of every command that takes inverse temperatures.
pub fn beta_in_range(beta: &ExtendedRational) -> bool {
    match beta {
        ExtendedRational::Finite(q) => q.to_f64().abs() <= MAX_ABS_BETA,
        _ => true,
    }
}

/// `|β_A| + |β_S|` (finite parts only): the range `e^{|β_A| + |β_S|}` the rates span.
pub fn beta_span(beta_a: &ExtendedRational, beta_s: &ExtendedRational) -> f64 {
    let magnitude = |b: &ExtendedRational| match b {
        ExtendedRational::Finite(q) => q.to_f64().abs(),
        _ => 0.0,
    };
    magnitude(beta_a) + magnitude(beta_s)
}

/// Extra working precision (bits) the interval solve needs at inverse temperatures `β_A, β_S`:
/// the rates span `e^{|β_A| + |β_S|}`, and elimination cancels about `1.5 log2` of that range.
pub fn solve_headroom_bits(beta_a: &ExtendedRational, beta_s: &ExtendedRational) -> f64 {
    1.5 * std::f64::consts::LOG2_E * beta_span(beta_a, beta_s)
}

/// How a point is enclosed: the interval sector solve, or the evaluation of the derived
/// rational functions of `α, σ` (at `β = +∞`, where no finite rate exists, and beyond
/// [`SYMBOLIC_BETA_SPAN`], where it is cheaper).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Path {
    /// [`DiamondSystem::enclose`].
    Solve,
    /// [`enclose_limit`].
    Evaluate,
}

impl Path {
    /// The path for `(β_A, β_S)`.
    pub fn of(beta_a: &ExtendedRational, beta_s: &ExtendedRational) -> Self {
        if [beta_a, beta_s].contains(&&ExtendedRational::PosInfinity)
            || beta_span(beta_a, beta_s) > SYMBOLIC_BETA_SPAN
        {
            Path::Evaluate
        } else {
            Path::Solve
        }
    }
}

/// Ziv's schedule for `digits` certified digits at `(β_A, β_S)` on `path`: the first working
/// precision and the largest (precision doubles in between). The one place the `|β|` →
/// precision rule is written.
///
/// The solve needs [`solve_headroom_bits`] more than the digits do, at the start and (four
/// times over) at the cap; the evaluation has no elimination and needs only the bits `e^β`
/// loses to the size of `β`, `log2(1 + |β_A| + |β_S|)`. The cap is at most
/// [`PRECISION_CAP_BITS`]; a start above it means no attempt can succeed.
pub fn precision_schedule(
    beta_a: &ExtendedRational,
    beta_s: &ExtendedRational,
    digits: usize,
    path: Path,
) -> (u32, u32) {
    let headroom = solve_headroom_bits(beta_a, beta_s);
    let max_bits = (f64::from(max_precision(digits)) + 4.0 * headroom)
        .min(f64::from(PRECISION_CAP_BITS)) as u32;
    let start = match path {
        Path::Solve => {
            let start = f64::from(initial_precision(digits)) + headroom;
            // Above the cap no attempt can succeed: say so at once (no attempt is made).
            if start > f64::from(max_bits) {
                u32::MAX
            } else {
                start as u32
            }
        }
        Path::Evaluate => {
            let exponent_bits = (1.0 + beta_span(beta_a, beta_s)).log2().ceil() as u32;
            (initial_precision(digits) + exponent_bits).min(max_bits)
        }
    };
    (start, max_bits)
}

/// The decimal text of every quantity of `e` to `digits` digits, or `None` while one is not
/// decided.
fn decide(e: &DiamondEnclosure, digits: usize, precision_bits: u32) -> Option<CertifiedDiamond> {
    let text = |x: &Interval| certified_decimal(x, digits);
    // `e^{+∞}` has no value to print: `None` (the output names β = inf instead).
    let rate = |x: &Option<Interval>| match x {
        None => Some(None),
        Some(x) => text(x).map(Some),
    };
    let [g, s, a, x] = e.populations.each_ref().map(text);
    Some(CertifiedDiamond {
        alpha: rate(&e.alpha)?,
        sigma: rate(&e.sigma)?,
        populations: [g?, s?, a?, x?],
        concurrence: text(&e.concurrence)?,
        concurrence_closed_form: rate(&e.concurrence_closed_form)?,
        heat_current_a: text(&e.heat_current_a)?,
        heat_current_s: text(&e.heat_current_s)?,
        entropy_production: match &e.entropy_production {
            EntropyEnclosure::Finite(x) => EntropyProduction::Value(text(x)?),
            EntropyEnclosure::Diverges => EntropyProduction::Diverges,
            EntropyEnclosure::PlusInfinity => EntropyProduction::DivergesToPlusInfinity,
        },
        precision_bits,
    })
}

impl DiamondSystem {
    /// All quantities at `β_A, β_S` to `digits` certified significant digits: enclosures are
    /// computed at increasing precision (Ziv's strategy, [`precision_schedule`]) until both ends
    /// of every enclosure round to the same decimal string.
    ///
    /// A `β = +∞` (zero temperature) is the limit, taken from the symbolic steady state (see
    /// [`crate::diamond::limits`] for what each printed limit means); beyond
    /// `|β_A| + |β_S| =` [`SYMBOLIC_BETA_SPAN`] the same derived rational functions are
    /// evaluated instead of solving.
    ///
    /// # Errors
    /// [`DiamondError::BetaOutOfRange`] beyond `±`[`MAX_ABS_BETA`];
    /// [`DiamondError::Precision`] when the precision cap (growing with `|β|`, at most
    /// [`PRECISION_CAP_BITS`]) is reached first; [`DiamondError::ZeroTemperature`] when a
    /// `β = +∞` limit is not decided (both `β = +∞`).
    pub fn certify(
        &self,
        beta_a: &ExtendedRational,
        beta_s: &ExtendedRational,
        digits: usize,
    ) -> Result<CertifiedDiamond, DiamondError> {
        for beta in [beta_a, beta_s] {
            if let ExtendedRational::Finite(q) = beta
                && !beta_in_range(beta)
            {
                return Err(DiamondError::BetaOutOfRange {
                    value: rational_to_decimal(&Rational::from(q.abs_ref()), 6),
                });
            }
        }
        let path = Path::of(beta_a, beta_s);
        let (start, max_bits) = precision_schedule(beta_a, beta_s, digits, path);
        let convention = self.convention();
        let found = raise_precision(start, max_bits, |prec| {
            let enclosure = match path {
                Path::Solve => self.enclose(beta_a, beta_s, prec),
                Path::Evaluate => enclose_limit(beta_a, beta_s, prec, convention)?,
            };
            Ok::<_, DiamondError>(enclosure.and_then(|e| decide(&e, digits, prec)))
        })?;
        found
            .map(|(certified, _)| certified)
            .ok_or(DiamondError::Precision { digits, max_bits })
    }
}
