//! The diamond model of Eq. (1)–(3): two qubits, collective jumps `J_S = c1 + c2` and
//! `J_A = c1 − c2` coupled to two baths, its steady state, and the quantities of Eq. (4)–(6).
//!
//! Units `Γ⁺ = ω0 = 1`. With `α = e^{β_A} = Γ_A⁻/Γ⁺` and `σ = e^{β_S} = Γ_S⁻/Γ⁺` (Eq. 3),
//! every rate is exact when `α, σ` are rational.

use std::sync::OnceLock;

use nalgebra::DMatrix;
use num_traits::Zero;
use rug::Rational;

use crate::concurrence::{ExactConcurrence, x_state_enclosure};
use crate::decimal::ExtendedRational;
use crate::interval::Interval;
use crate::limits::{ZeroTemperatureError, certify_limit, heat_current_vanishes};
use crate::liouvillian::{Lindblad, LiouvillianError, Sector};
use crate::operators::{LadderConvention, dagger, number, two_qubit_lowering};
use crate::ring::{GaussQ, Ring, gauss_real};
use crate::steady_state::{SteadyStateError, exact_steady_state};

/// The bath a channel of Eq. (2) belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Bath {
    /// The bath acting on `J_A = c1 − c2`, inverse temperature `β_A`.
    A,
    /// The bath acting on `J_S = c1 + c2`, inverse temperature `β_S`.
    S,
}

/// The rates of Eq. (2)–(3): common pumping `Γ⁺` and the two decay rates.
#[derive(Clone, Debug, PartialEq)]
pub struct DiamondRates<T> {
    /// `Γ⁺`, pumping of both collective modes (`J_i†`).
    pub pump: T,
    /// `Γ_A⁻`, decay through `J_A`.
    pub decay_a: T,
    /// `Γ_S⁻`, decay through `J_S`.
    pub decay_s: T,
}

impl<T: Ring> DiamondRates<T> {
    /// Rates in units `Γ⁺ = 1` from `α = Γ_A⁻/Γ⁺ = e^{β_A}` and `σ = Γ_S⁻/Γ⁺ = e^{β_S}` (Eq. 3).
    pub fn from_alpha_sigma(alpha: T, sigma: T) -> Self {
        DiamondRates {
            pump: T::one(),
            decay_a: alpha,
            decay_s: sigma,
        }
    }
}

/// Channel order in [`generator`]: `(bath, label)`; the heat current of a bath sums its channels.
pub const CHANNELS: [(Bath, &str); 4] = [
    (Bath::S, "pump J_S†"),
    (Bath::S, "decay J_S"),
    (Bath::A, "pump J_A†"),
    (Bath::A, "decay J_A"),
];

/// The free Hamiltonian `H0 = ω0 (c1†c1 + c2†c2)` with `ω0 = 1` (Eq. 1).
pub fn hamiltonian<T: Ring>(convention: LadderConvention) -> DMatrix<T> {
    let [c1, c2] = two_qubit_lowering::<T>(convention);
    number(&c1) + number(&c2)
}

/// The Lindblad generator of Eq. (1)–(2):
///
/// # Formula
/// ```text
/// 𝓛ρ = i[ρ, H0] + Σ_{i=A,S} (Γ⁺/2) D_{J_i†}(ρ) + (Γ_i⁻/2) D_{J_i}(ρ),
/// J_S = c1 + c2,  J_A = c1 − c2,  D_o(ρ) = 2oρo† − {o†o, ρ}
/// ```
/// Channels are added in the order of [`CHANNELS`].
///
/// # Errors
/// Never in practice (all operators are 4×4); the `Result` carries the builder's shape check.
pub fn generator<T: Ring>(
    rates: &DiamondRates<T>,
    convention: LadderConvention,
) -> Result<Lindblad<T>, LiouvillianError> {
    let [c1, c2] = two_qubit_lowering::<T>(convention);
    let j_s = &c1 + &c2;
    let j_a = &c1 - &c2;
    Lindblad::new(hamiltonian(convention))
        .with_jump(CHANNELS[0].1, rates.pump.clone(), dagger(&j_s))?
        .with_jump(CHANNELS[1].1, rates.decay_s.clone(), j_s)?
        .with_jump(CHANNELS[2].1, rates.pump.clone(), dagger(&j_a))?
        .with_jump(CHANNELS[3].1, rates.decay_a.clone(), j_a)
}

/// The excitation number `n1 + n2` of each basis state `|q1 q2⟩` (index `2·q1 + q2`): the
/// charge whose ket–bra difference the generator conserves.
pub const EXCITATIONS: [i64; 4] = [0, 1, 1, 2];

/// Populations of `|G⟩ = |00⟩`, `|S⟩ = (|01⟩+|10⟩)/√2`, `|A⟩ = (|01⟩−|10⟩)/√2`, `|E⟩ = |11⟩`
/// (Fig. 1a), in that order, for any 4×4 ρ in the computational basis.
pub fn populations<T: Ring>(rho: &DMatrix<T>) -> [T; 4] {
    let half = T::from_ratio(1, 2);
    let middle = rho[(1, 1)].clone() + rho[(2, 2)].clone();
    let cross = rho[(1, 2)].clone() + rho[(2, 1)].clone();
    [
        rho[(0, 0)].clone(),
        (middle.clone() + cross.clone()) * half.clone(),
        (middle - cross) * half,
        rho[(3, 3)].clone(),
    ]
}

/// Heat current `Q̇_i = Tr{H0 𝓛_i(ρ)}` of bath `bath` (text below Eq. 6), where `𝓛_i` is the
/// part of Eq. (2) belonging to that bath.
pub fn heat_current<T: Ring>(generator: &Lindblad<T>, rho: &DMatrix<T>, bath: Bath) -> T {
    let h0 = generator.hamiltonian();
    CHANNELS
        .iter()
        .enumerate()
        .filter(|(_, (b, _))| *b == bath)
        .fold(T::zero(), |acc, (k, _)| {
            acc + (h0 * generator.apply_jump(k, rho)).trace()
        })
}

/// Why a diamond-model quantity could not be computed.
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
    /// A `β = +∞` limit has no certified value (see [`crate::limits`]).
    #[error(transparent)]
    ZeroTemperature(#[from] ZeroTemperatureError),
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
    /// [`DiamondError::NegativeRate`] for `α < 0` or `σ < 0`; [`DiamondError::SteadyState`]
    /// when the steady state is not unique.
    pub fn solve(
        alpha: &Rational,
        sigma: &Rational,
        convention: LadderConvention,
    ) -> Result<Self, DiamondError> {
        for (name, value) in [("alpha", alpha), ("sigma", sigma)] {
            if value.is_negative() {
                return Err(DiamondError::NegativeRate {
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
        let term = |ratio: &Rational, current: &Rational| {
            if current.is_zero() {
                return Some(Interval::from_i64(0, prec));
            }
            let beta = Interval::from_rational(ratio, prec).ln()?;
            Some(beta.mul(&Interval::from_rational(current, prec)).neg())
        };
        Some(
            term(&self.alpha, &self.heat_current_a)?.add(&term(&self.sigma, &self.heat_current_s)?),
        )
    }
}

/// Eq. (4)–(5): the paper's closed form of the steady-state concurrence, as an enclosure.
///
/// # Formula
/// ```text
/// C_SS = max{0, (N1 − N2)/d},   N1 = |𝒜 (𝒮/2 − 1)|,
/// N2 = {(𝒮/2 + 1)[2𝒮² + 2𝒫(𝒮 − 2)]}^{1/2},   d = 1 + 𝒮² + 𝒮(𝒫 + 3)/2 − 𝒫,
/// 𝒮 = e^{β_A} + e^{β_S},  𝒜 = e^{β_A} − e^{β_S},  𝒫 = e^{β_A + β_S}
/// ```
/// (the transcript's "𝒜 = exp(β_A) exp(β_S)" lost its minus sign). Inputs are enclosures of
/// `α = e^{β_A}` and `σ = e^{β_S}`. Returns `None` when the sign of `N1 − N2` or of `d` is
/// not decided at this precision.
pub fn closed_form_concurrence(alpha: &Interval, sigma: &Interval) -> Option<Interval> {
    let p = alpha.prec().max(sigma.prec());
    let int = |n| Interval::from_i64(n, p);
    let s = alpha.add(sigma);
    let a = alpha.sub(sigma);
    let prod = alpha.mul(sigma);
    let half_s = s.div(&int(2))?;
    let n1 = a.mul(&half_s.sub(&int(1))).abs();
    let radicand = half_s.add(&int(1)).mul(
        &int(2)
            .mul(&s.mul(&s))
            .add(&int(2).mul(&prod).mul(&s.sub(&int(2)))),
    );
    let n2 = radicand.sqrt()?;
    let d = int(1)
        .add(&s.mul(&s))
        .add(&s.mul(&prod.add(&int(3))).div(&int(2))?)
        .sub(&prod);
    let numerator = n1.sub(&n2);
    if numerator.hi() < &0 || numerator.is_exact_zero() {
        return Some(int(0));
    }
    if !numerator.is_positive() {
        return None;
    }
    numerator.div(&d)
}

/// The exact, rate-independent pieces of the diamond model on the sector that holds `ρ_SS`
/// (ket–bra excitation difference 0: `|00⟩⟨00|`, `|01⟩⟨01|`, `|01⟩⟨10|`, `|10⟩⟨01|`,
/// `|10⟩⟨10|`, `|11⟩⟨11|`), built once from [`generator`]: for each channel of [`CHANNELS`] its
/// unit-rate superoperator and its heat functional `X ↦ Tr{H0 (1/2)D_o(X)}`.
///
/// `𝓛 = Σ_k r_k 𝓓_k` on this sector (the Hamiltonian term vanishes there because
/// `[H0, |i⟩⟨j|] = 0` when `n_i = n_j`; [`DiamondSystem::new`] checks that exactly), so any
/// enclosure of the rates gives an enclosure of the steady state by one small interval solve.
#[derive(Clone, Debug)]
pub struct DiamondSystem {
    convention: LadderConvention,
    sector: Sector,
    unit: Vec<DMatrix<Rational>>,
    heat: Vec<Vec<Rational>>,
}

/// Certified enclosures of the diamond model's steady-state quantities at one point.
#[derive(Clone, Debug)]
pub struct DiamondEnclosure {
    /// `α = e^{β_A}`.
    pub alpha: Interval,
    /// `σ = e^{β_S}`.
    pub sigma: Interval,
    /// Populations of `G, S, A, E`.
    pub populations: [Interval; 4],
    /// Wootters concurrence of the solved `ρ_SS` (X-state form).
    pub concurrence: Interval,
    /// The paper's closed form, Eq. (4)–(5), evaluated independently.
    pub concurrence_closed_form: Interval,
    /// `Q̇_A`.
    pub heat_current_a: Interval,
    /// `Q̇_S`.
    pub heat_current_s: Interval,
    /// `Ṡ_irr` of Eq. (6); `None` where it diverges (a `β = −∞` bath with non-zero current).
    pub entropy_production: Option<Interval>,
}

/// Enclosure of `e^β` for an exactly given `β` (`−∞ ↦ 0`), or `None` for `+∞`.
fn exp_enclosure(beta: &ExtendedRational, prec: u32) -> Option<Interval> {
    match beta {
        ExtendedRational::Finite(b) => Some(Interval::from_rational(b, prec).exp()),
        ExtendedRational::NegInfinity => Some(Interval::from_i64(0, prec)),
        ExtendedRational::PosInfinity => None,
    }
}

/// The rate-independent pieces of Eq. (1)–(2) on the sector holding `ρ_SS` (ket–bra
/// excitation difference 0), in any ring: for each channel of [`CHANNELS`] its unit-rate
/// superoperator `(1/2)D_o` and its heat functional `X ↦ Tr{H0 (1/2)D_o(X)}` (Eq. 6).
///
/// `𝓛 = Σ_k r_k 𝓓_k` there: the Hamiltonian term vanishes on the sector because
/// `[H0, |i⟩⟨j|] = 0` when `n_i = n_j`, which is checked exactly (in `T`) on construction.
#[derive(Clone, Debug)]
pub struct SectorPieces<T> {
    /// The six basis elements `|i⟩⟨j|` with `n_i = n_j`.
    pub sector: Sector,
    /// Unit-rate superoperator of each channel, in the order of [`CHANNELS`].
    pub unit: Vec<DMatrix<T>>,
    /// Heat functional of each channel as sector coordinates.
    pub heat: Vec<Vec<T>>,
}

/// Builds [`SectorPieces`] from [`generator`] at unit rates.
///
/// # Errors
/// [`DiamondError::Liouvillian`] if the sector were not invariant (it is, for both conventions).
///
/// # Panics
/// Never: `[H0, ·]` vanishes on the sector by construction; a non-zero entry would be a bug in
/// the builder and panics loudly rather than being silently dropped.
pub fn sector_pieces<T: Ring>(
    convention: LadderConvention,
) -> Result<SectorPieces<T>, DiamondError> {
    let generator = generator(
        &DiamondRates::from_alpha_sigma(T::one(), T::one()),
        convention,
    )?;
    let sector = Sector::charge_difference(&EXCITATIONS, 0);
    assert!(
        generator
            .hamiltonian_superoperator(&sector)?
            .iter()
            .all(Zero::is_zero),
        "[H0, ·] vanishes on the excitation-conserving sector"
    );
    let mut unit = Vec::new();
    let mut heat = Vec::new();
    for k in 0..CHANNELS.len() {
        unit.push(generator.dissipator_superoperator(k, &sector)?);
        heat.push(
            sector
                .pairs()
                .iter()
                .map(|&(i, j)| {
                    let mut e = DMatrix::from_element(4, 4, T::zero());
                    e[(i, j)] = T::one();
                    (generator.hamiltonian() * generator.apply_jump(k, &e)).trace()
                })
                .collect(),
        );
    }
    Ok(SectorPieces { sector, unit, heat })
}

impl DiamondSystem {
    /// Builds the exact sector pieces for `convention` ([`sector_pieces`] over the Gaussian
    /// rationals; every entry is real because the channels' operators are real).
    ///
    /// # Errors
    /// [`DiamondError::Liouvillian`] if the sector were not invariant.
    pub fn new(convention: LadderConvention) -> Result<Self, DiamondError> {
        let pieces = sector_pieces::<GaussQ>(convention)?;
        let real = |z: &GaussQ| {
            assert!(z.im.as_rational().is_zero(), "real channel");
            real_part(z)
        };
        Ok(DiamondSystem {
            convention,
            sector: pieces.sector,
            unit: pieces.unit.iter().map(|m| m.map(|z| real(&z))).collect(),
            heat: pieces
                .heat
                .iter()
                .map(|h| h.iter().map(real).collect())
                .collect(),
        })
    }

    /// The system for `convention`, built on first use and shared by the whole process
    /// (construction is an exact 16×16 Lindblad assembly, about 10 ms; every command and
    /// binding call that certifies a point reuses it).
    ///
    /// # Errors
    /// As [`DiamondSystem::new`] (not cached: only a built system is kept).
    pub fn shared(convention: LadderConvention) -> Result<&'static Self, DiamondError> {
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

    /// Enclosures of every Eq. (4)–(6) quantity at exactly given `β_A`, `β_S` (finite or
    /// `−∞`) at working precision `prec` bits. `Ok(None)` means the precision is too low to
    /// decide a pivot or a sign; retry with more bits.
    ///
    /// `β = +∞` has no finite rate: this returns `None` for it; [`DiamondSystem::certify`]
    /// takes the limit instead ([`crate::limits::enclose_limit`]).
    pub fn enclose(
        &self,
        beta_a: &ExtendedRational,
        beta_s: &ExtendedRational,
        prec: u32,
    ) -> Option<DiamondEnclosure> {
        let alpha = exp_enclosure(beta_a, prec)?;
        let sigma = exp_enclosure(beta_s, prec)?;
        let one = Interval::from_i64(1, prec);
        // Channel rates in the order of CHANNELS: Γ⁺, Γ_S⁻ = σ, Γ⁺, Γ_A⁻ = α (units Γ⁺ = 1).
        let rates = [one.clone(), sigma.clone(), one, alpha.clone()];
        let n = self.sector.len();
        let mut matrix = vec![vec![Interval::from_i64(0, prec); n]; n];
        for (rate, unit) in rates.iter().zip(&self.unit) {
            for (r, row) in matrix.iter_mut().enumerate() {
                for (c, entry) in row.iter_mut().enumerate() {
                    let u = &unit[(r, c)];
                    if !u.is_zero() {
                        *entry = entry.add(&rate.mul(&Interval::from_rational(u, prec)));
                    }
                }
            }
        }
        // Trace preservation makes the diagonal rows dependent: replace the first by tr ρ = 1.
        let diagonal = self.sector.diagonal_positions();
        let mut rhs = vec![Interval::from_i64(0, prec); n];
        matrix[diagonal[0]] = (0..n)
            .map(|c| Interval::from_i64(i64::from(diagonal.contains(&c)), prec))
            .collect();
        rhs[diagonal[0]] = Interval::from_i64(1, prec);
        let x = crate::interval::solve(matrix, rhs)?;
        let at = |i, j| &x[self.sector.position(i, j).expect("pair in sector")];
        let (g, e, coherence) = (at(0, 0), at(3, 3), at(1, 2));
        let half = Interval::from_rational(&Rational::from((1, 2)), prec);
        let middle = at(1, 1).add(at(2, 2)).mul(&half);
        let populations = [
            g.clone(),
            middle.add(coherence),
            middle.sub(coherence),
            e.clone(),
        ];
        let concurrence = x_state_enclosure(coherence, g, e)?;
        let concurrence_closed_form = closed_form_concurrence(&alpha, &sigma)?;
        let current = |bath: Bath| {
            CHANNELS
                .iter()
                .enumerate()
                .filter(|(_, (b, _))| *b == bath)
                .fold(Interval::from_i64(0, prec), |acc, (k, _)| {
                    let functional = self.heat[k].iter().zip(&x).fold(
                        Interval::from_i64(0, prec),
                        |sum, (h, xi)| {
                            if h.is_zero() {
                                sum
                            } else {
                                sum.add(&Interval::from_rational(h, prec).mul(xi))
                            }
                        },
                    );
                    acc.add(&rates[k].mul(&functional))
                })
        };
        let (mut heat_current_a, mut heat_current_s) = (current(Bath::A), current(Bath::S));
        if beta_a == beta_s {
            // Balanced baths: Q̇_A = −Q̇_S vanishes identically on α = σ (proved in proofs/,
            // theorem `heat-currents`); the enclosure alone could only say "near zero".
            heat_current_a = Interval::from_i64(0, prec);
            heat_current_s = Interval::from_i64(0, prec);
        }
        for (current, bath) in [
            (&mut heat_current_a, Bath::A),
            (&mut heat_current_s, Bath::S),
        ] {
            // A heat current that vanishes identically in (α, σ) (both do with Jordan–Wigner
            // operators) is exactly 0; its enclosure alone could only say "near zero".
            if current.contains_zero()
                && !current.is_exact_zero()
                && heat_current_vanishes(self.convention, bath)
            {
                *current = Interval::from_i64(0, prec);
            }
        }
        let entropy_term = |beta: &ExtendedRational, q: &Interval| match beta {
            _ if q.is_exact_zero() => Some(Interval::from_i64(0, prec)),
            ExtendedRational::Finite(b) => Some(Interval::from_rational(b, prec).mul(q).neg()),
            _ => None,
        };
        let entropy_production = entropy_term(beta_a, &heat_current_a)
            .zip(entropy_term(beta_s, &heat_current_s))
            .map(|(a, s)| a.add(&s));
        Some(DiamondEnclosure {
            alpha,
            sigma,
            populations,
            concurrence,
            concurrence_closed_form,
            heat_current_a,
            heat_current_s,
            entropy_production,
        })
    }
}

/// Every Eq. (3)–(6) quantity at one point as decimal text with `digits` significant digits,
/// each digit certified by an enclosure (see [`DiamondSystem::certify`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CertifiedDiamond {
    /// `α = e^{β_A}`; `None` where it is unbounded (`β_A = +∞`, see [`crate::limits`]).
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
    /// non-zero heat (see [`crate::limits`]).
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

/// Extra working precision (bits) needed at inverse temperatures `β_A, β_S`: the rates span
/// `e^{|β_A| + |β_S|}`, and elimination cancels about `1.5 log2` of that range.
fn headroom_bits(beta_a: &ExtendedRational, beta_s: &ExtendedRational) -> f64 {
    let magnitude = |b: &ExtendedRational| match b {
        ExtendedRational::Finite(q) => q.to_f64().abs(),
        _ => 0.0,
    };
    1.5 * std::f64::consts::LOG2_E * (magnitude(beta_a) + magnitude(beta_s))
}

/// `|β_A| + |β_S|` (finite parts only).
fn beta_span(beta_a: &ExtendedRational, beta_s: &ExtendedRational) -> f64 {
    let magnitude = |b: &ExtendedRational| match b {
        ExtendedRational::Finite(q) => q.to_f64().abs(),
        _ => 0.0,
    };
    magnitude(beta_a) + magnitude(beta_s)
}

/// Largest finite `|β|` accepted: `e^{10⁸}` has a binary exponent of 1.4·10⁸, inside MPFR's
/// default exponent range (±2³⁰); beyond it use `±∞`.
pub const MAX_ABS_BETA: f64 = 1e8;

/// Above this `|β_A| + |β_S|`, [`DiamondSystem::certify`] evaluates the symbolic steady state
/// instead of solving: the solve's cost grows linearly with `|β|`, the evaluation's with
/// `log |β|` (about 60 ms once for the derivation).
pub const SYMBOLIC_BETA_SPAN: f64 = 1000.0;

/// Largest working precision (bits) [`DiamondSystem::certify`] may use.
pub const PRECISION_CAP_BITS: u32 = 1 << 24;

/// Ziv's schedule of the interval solve for `digits` certified digits at `β_A, β_S`: the
/// starting working precision (unclamped: it may exceed the cap) and the largest one tried
/// (precision doubles in between).
pub(crate) fn precision_range(
    beta_a: &ExtendedRational,
    beta_s: &ExtendedRational,
    digits: usize,
) -> (f64, u32) {
    use crate::decimal::{initial_precision, max_precision};
    let headroom = headroom_bits(beta_a, beta_s);
    let max_bits = (f64::from(max_precision(digits)) + 4.0 * headroom)
        .min(f64::from(PRECISION_CAP_BITS)) as u32;
    (f64::from(initial_precision(digits)) + headroom, max_bits)
}

impl DiamondSystem {
    /// All quantities at `β_A, β_S` to `digits` certified significant digits: enclosures are
    /// computed at increasing precision (Ziv's strategy) until both ends of every enclosure
    /// round to the same decimal string.
    ///
    /// A `β = +∞` (zero temperature) is the limit, computed by [`certify_limit`] from the
    /// symbolic steady state (see [`crate::limits`] for what each printed limit means).
    ///
    /// # Errors
    /// [`DiamondError::Precision`] when the precision cap (growing with `|β|`, at most
    /// [`PRECISION_CAP_BITS`]) is reached first; [`DiamondError::ZeroTemperature`] when a
    /// `β = +∞` limit is not decided (both `β = +∞`).
    pub fn certify(
        &self,
        beta_a: &ExtendedRational,
        beta_s: &ExtendedRational,
        digits: usize,
    ) -> Result<CertifiedDiamond, DiamondError> {
        use crate::decimal::certified_decimal;
        for beta in [beta_a, beta_s] {
            if let ExtendedRational::Finite(q) = beta
                && q.to_f64().abs() > MAX_ABS_BETA
            {
                return Err(DiamondError::BetaOutOfRange {
                    value: crate::decimal::rational_to_decimal(&Rational::from(q.abs_ref()), 6),
                });
            }
        }
        if [beta_a, beta_s].contains(&&ExtendedRational::PosInfinity) {
            return certify_limit(beta_a, beta_s, digits, self.convention);
        }
        if beta_span(beta_a, beta_s) > SYMBOLIC_BETA_SPAN {
            // Far from β = 0 the interval solve needs ~2.2 bits per unit of |β|; evaluating
            // the derived rational functions of α, σ (the same steady state, `symbolic`) needs
            // only log2 |β| extra bits.
            return certify_limit(beta_a, beta_s, digits, self.convention);
        }
        let (start, max_bits) = precision_range(beta_a, beta_s, digits);
        if start > f64::from(max_bits) {
            // Even the first attempt would exceed the cap: say so at once instead of spending
            // minutes on a solve that cannot be certified.
            return Err(DiamondError::Precision { digits, max_bits });
        }
        let mut prec = start as u32;
        while prec <= max_bits {
            if let Some(e) = self.enclose(beta_a, beta_s, prec) {
                let text = |x: &Interval| certified_decimal(x, digits);
                let populations = [
                    text(&e.populations[0]),
                    text(&e.populations[1]),
                    text(&e.populations[2]),
                    text(&e.populations[3]),
                ];
                let entropy = e.entropy_production.as_ref().map(text);
                if let (
                    Some(alpha),
                    Some(sigma),
                    [Some(g), Some(s), Some(a), Some(x)],
                    Some(concurrence),
                    Some(closed),
                    Some(qa),
                    Some(qs),
                    None | Some(Some(_)),
                ) = (
                    text(&e.alpha),
                    text(&e.sigma),
                    populations,
                    text(&e.concurrence),
                    text(&e.concurrence_closed_form),
                    text(&e.heat_current_a),
                    text(&e.heat_current_s),
                    &entropy,
                ) {
                    return Ok(CertifiedDiamond {
                        alpha: Some(alpha),
                        sigma: Some(sigma),
                        populations: [g, s, a, x],
                        concurrence,
                        concurrence_closed_form: Some(closed),
                        heat_current_a: qa,
                        heat_current_s: qs,
                        entropy_production: entropy
                            .flatten()
                            .map_or(EntropyProduction::Diverges, EntropyProduction::Value),
                        precision_bits: prec,
                    });
                }
            }
            prec = prec.saturating_mul(2);
        }
        Err(DiamondError::Precision { digits, max_bits })
    }
}
