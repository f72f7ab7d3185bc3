//! The steady state of Eq. (1)–(2) on the six-unknown sector that holds it, solved once for
//! every arithmetic ([`Arith`]): MPFR intervals (certified values), rational functions of
//! `α, σ` (the symbolic derivation) and f64 intervals (the Fig. 1 sweep).

use nalgebra::DMatrix;
use num_traits::{One, Zero};
use rug::Rational;

use super::model::{Bath, CHANNELS, DiamondRates, EXCITATIONS, channels_of, generator};
use crate::arith::Arith;
use crate::liouvillian::{LiouvillianError, Sector};
use crate::operators::LadderConvention;
use crate::ring::GaussQ;

/// The rate-independent pieces of Eq. (1)–(2) on the sector holding `ρ_SS` (ket–bra
/// excitation difference 0: `|00⟩⟨00|`, `|01⟩⟨01|`, `|01⟩⟨10|`, `|10⟩⟨01|`, `|10⟩⟨10|`,
/// `|11⟩⟨11|`), built once from [`generator`] at unit rates: for each channel of [`CHANNELS`]
/// its unit-rate superoperator `(1/2)D_o` and its heat functional `X ↦ Tr{H0 (1/2)D_o(X)}`
/// (Eq. 6), both exact.
///
/// `𝓛 = Σ_k r_k 𝓓_k` there: the Hamiltonian term vanishes on the sector because
/// `[H0, |i⟩⟨j|] = 0` when `n_i = n_j`, which [`SectorSystem::new`] checks exactly. So any
/// arithmetic's rates give that arithmetic's steady state by one 6×6 solve.
#[derive(Clone, Debug)]
pub struct SectorSystem {
    convention: LadderConvention,
    sector: Sector,
    unit: Vec<DMatrix<Rational>>,
    heat: Vec<Vec<Rational>>,
}

/// The steady state of Eq. (1)–(2) and its Eq. (6) heat currents, in one arithmetic.
#[derive(Clone, Debug, PartialEq)]
pub struct SectorState<T> {
    /// The sector coordinates of `ρ_SS` (order of [`SectorSystem::sector`]).
    pub coordinates: Vec<T>,
    /// Populations of `G, S, A, E`.
    pub populations: [T; 4],
    /// The X-state coherence `z = ⟨01|ρ_SS|10⟩` (real).
    pub coherence: T,
    /// `Q̇_A = Tr{H0 𝓛_A(ρ_SS)}`.
    pub heat_current_a: T,
    /// `Q̇_S = Tr{H0 𝓛_S(ρ_SS)}`.
    pub heat_current_s: T,
}

fn real(z: &GaussQ) -> Rational {
    assert!(z.im.as_rational().is_zero(), "real channel");
    z.re.as_rational().clone()
}

impl SectorSystem {
    /// The exact sector pieces for `convention` (every entry is real: the channels' operators
    /// are real).
    ///
    /// # Errors
    /// [`LiouvillianError`] if the sector were not invariant (it is, for both conventions).
    ///
    /// # Panics
    /// Never: `[H0, ·]` vanishes on the sector by construction; a non-zero entry would be a bug
    /// in the builder and panics loudly rather than being silently dropped.
    pub fn new(convention: LadderConvention) -> Result<Self, LiouvillianError> {
        let generator = generator(
            &DiamondRates::from_alpha_sigma(GaussQ::one(), GaussQ::one()),
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
            unit.push(
                generator
                    .dissipator_superoperator(k, &sector)?
                    .map(|z| real(&z)),
            );
            heat.push(
                sector
                    .pairs()
                    .iter()
                    .map(|&(i, j)| {
                        let mut e = DMatrix::from_element(4, 4, GaussQ::zero());
                        e[(i, j)] = GaussQ::one();
                        real(&(generator.hamiltonian() * generator.apply_jump(k, &e)).trace())
                    })
                    .collect(),
            );
        }
        Ok(SectorSystem {
            convention,
            sector,
            unit,
            heat,
        })
    }

    /// The ladder convention the pieces were built with.
    pub fn convention(&self) -> LadderConvention {
        self.convention
    }

    /// The six basis elements `|i⟩⟨j|` with `n_i = n_j`.
    pub fn sector(&self) -> &Sector {
        &self.sector
    }

    /// Solves `𝓛ρ = 0`, `tr ρ = 1` (Eq. 1–2) at `α = e^{β_A}`, `σ = e^{β_S}` (units `Γ⁺ = 1`,
    /// Eq. 3) in the arithmetic of the inputs, and evaluates the heat currents of Eq. (6).
    /// `trace_weight` scales the trace row (`1`, or the generator's largest entry to keep an
    /// f64 elimination balanced). `None` when a pivot is undecided (an enclosure too wide):
    /// retry with more precision.
    pub fn solve<T: Arith>(
        &self,
        alpha: &T,
        sigma: &T,
        trace_weight: &T,
    ) -> Option<SectorState<T>> {
        let rates = DiamondRates {
            pump: alpha.int(1),
            decay_a: alpha.clone(),
            decay_s: sigma.clone(),
        }
        .by_channel();
        let n = self.sector.len();
        let mut matrix = vec![vec![alpha.int(0); n]; n];
        for (rate, unit) in rates.iter().zip(&self.unit) {
            for (r, row) in matrix.iter_mut().enumerate() {
                for (c, entry) in row.iter_mut().enumerate() {
                    let u = &unit[(r, c)];
                    if !u.is_zero() {
                        *entry = entry.plus(&rate.times(&rate.lift(u)));
                    }
                }
            }
        }
        let mut rhs = vec![alpha.int(0); n];
        let (row, trace) = self.sector.trace_row(trace_weight.clone(), alpha.int(0));
        matrix[row] = trace;
        rhs[row] = trace_weight.clone();
        let x = T::solve_system(matrix, rhs)?;
        let at = |i, j| &x[self.sector.position(i, j).expect("pair in sector")];
        let (g, e, coherence) = (at(0, 0), at(3, 3), at(1, 2));
        let middle = at(1, 1)
            .plus(at(2, 2))
            .times(&alpha.lift(&Rational::from((1, 2))));
        let populations = [
            g.clone(),
            middle.plus(coherence),
            middle.minus(coherence),
            e.clone(),
        ];
        let current = |bath: Bath| {
            channels_of(bath).fold(alpha.int(0), |acc, k| {
                let functional = self.heat[k]
                    .iter()
                    .zip(&x)
                    .fold(alpha.int(0), |sum, (h, xi)| {
                        if h.is_zero() {
                            sum
                        } else {
                            sum.plus(&xi.lift(h).times(xi))
                        }
                    });
                acc.plus(&rates[k].times(&functional))
            })
        };
        let (heat_current_a, heat_current_s) = (current(Bath::A), current(Bath::S));
        Some(SectorState {
            populations,
            coherence: coherence.clone(),
            heat_current_a,
            heat_current_s,
            coordinates: x,
        })
    }
}

impl<T: Arith> SectorState<T> {
    /// `⟨00|ρ_SS|00⟩ = p_G`.
    pub fn ground(&self) -> &T {
        &self.populations[0]
    }

    /// `⟨11|ρ_SS|11⟩ = p_E`.
    pub fn excited(&self) -> &T {
        &self.populations[3]
    }
}
