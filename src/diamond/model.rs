//! The diamond model of Eq. (1)–(3): two qubits, collective jumps `J_S = c1 + c2` and
//! `J_A = c1 − c2` coupled to two baths; its generator, populations and heat currents.
//!
//! Units `Γ⁺ = ω0 = 1`. With `α = e^{β_A} = Γ_A⁻/Γ⁺` and `σ = e^{β_S} = Γ_S⁻/Γ⁺` (Eq. 3),
//! every rate is exact when `α, σ` are rational.

use nalgebra::DMatrix;

use crate::arith::Arith;
use crate::liouvillian::{Lindblad, LiouvillianError};
use crate::operators::{LadderConvention, dagger, number, two_qubit_lowering};
use crate::ring::Ring;

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

impl<T: Clone> DiamondRates<T> {
    /// The channel rates in the order of [`CHANNELS`]: `Γ⁺, Γ_S⁻, Γ⁺, Γ_A⁻`.
    pub fn by_channel(&self) -> [T; 4] {
        [
            self.pump.clone(),
            self.decay_s.clone(),
            self.pump.clone(),
            self.decay_a.clone(),
        ]
    }
}

/// Channel order in [`generator`]: `(bath, label)`; the heat current of a bath sums its channels.
pub const CHANNELS: [(Bath, &str); 4] = [
    (Bath::S, "pump J_S†"),
    (Bath::S, "decay J_S"),
    (Bath::A, "pump J_A†"),
    (Bath::A, "decay J_A"),
];

/// The positions in [`CHANNELS`] of the channels of `bath`.
pub fn channels_of(bath: Bath) -> impl Iterator<Item = usize> {
    CHANNELS
        .iter()
        .enumerate()
        .filter(move |(_, (b, _))| *b == bath)
        .map(|(k, _)| k)
}

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
    channels_of(bath).fold(T::zero(), |acc, k| {
        acc + (h0 * generator.apply_jump(k, rho)).trace()
    })
}

/// The entropy production rate of Eq. (6) from the inverse temperatures and heat currents, in
/// the arithmetic of the currents.
///
/// # Formula
/// ```text
/// Ṡ_irr = −β_A Q̇_A − β_S Q̇_S          (Eq. 6)
/// ```
/// A `β` of `None` is infinite (`±∞`): its term is 0 where the heat current is exactly 0, and
/// `Ṡ` diverges (`None`) otherwise. A term with an exactly zero current is exactly 0.
pub fn entropy_production<T: Arith>(
    beta_a: Option<&T>,
    heat_current_a: &T,
    beta_s: Option<&T>,
    heat_current_s: &T,
) -> Option<T> {
    let term = |beta: Option<&T>, current: &T| {
        if current.is_exact_zero() {
            Some(current.int(0))
        } else {
            beta.map(|b| current.int(0).minus(&b.times(current)))
        }
    };
    Some(term(beta_a, heat_current_a)?.plus(&term(beta_s, heat_current_s)?))
}
