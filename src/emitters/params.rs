//! Validated parameters of the N-emitter model (Eq. 7–9 with the sums running to N): no
//! physics function sees a NaN, an infinite or a negative rate, or N outside its range.

use rug::Rational;

use super::EmitterError;

/// Largest number of emitters a solve accepts. At the Fig. 2(c) point with the automatic
/// cutoff, N = 50 needs 6·10⁴ real unknowns (14 Fock states) and 1.5 GB (see the README's
/// scaling table) and N = 100 about four times the unknowns; the unknowns cap
/// ([`super::solve::MAX_UNKNOWNS`]) refuses what would not fit before anything is built.
pub const MAX_EMITTERS: usize = 100;

/// Which master equation: the full cavity model (Eq. 7–8 with N emitters) or the effective
/// model after adiabatic elimination of the cavity (Eq. 9 generalised: collective decay
/// `Γ = 4g²/κ` with `J⁻ = Σᵢ σᵢ⁻`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Model {
    /// Emitters and the cavity mode (Eq. 7–8).
    Full,
    /// Emitters only, with collective decay through the eliminated cavity (Eq. 9).
    Effective,
}

/// The rates of one channel slot of the generator, in the paper's `(r/2) D_o` convention:
/// `[g, p/2, γ/2, γ_φ/4, κ/2, Γ/2]` multiply the unit terms of
/// [`super::generator::Generator`] (`γ_φ/4 = (γ_φ/2)/2`: the dephasing channel has rate
/// `γ_φ/2` on `σᶻ`).
pub const SLOTS: usize = 6;

/// Parameters of the N-emitter model: `N`, coupling `g`, cavity loss `κ`, local pump `p`,
/// local decay `γ` and local dephasing `γ_φ` (all finite; `N ≥ 1`, `g, κ > 0`,
/// `p, γ, γ_φ ≥ 0`, not all three zero).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EmitterParams {
    emitters: usize,
    coupling: f64,
    kappa: f64,
    pump: f64,
    gamma: f64,
    dephasing: f64,
}

fn invalid(name: &'static str, value: impl ToString, requirement: &str) -> EmitterError {
    EmitterError::InvalidParameter {
        name,
        value: value.to_string(),
        requirement: requirement.to_string(),
    }
}

/// Checks `N` against `1..=MAX_EMITTERS`.
///
/// # Errors
/// [`EmitterError::InvalidParameter`] naming `n`.
pub fn check_emitters(emitters: usize) -> Result<(), EmitterError> {
    if (1..=MAX_EMITTERS).contains(&emitters) {
        Ok(())
    } else {
        Err(invalid(
            "n",
            emitters,
            &format!("an integer number of emitters from 1 to {MAX_EMITTERS}"),
        ))
    }
}

impl EmitterParams {
    /// Validated parameters of Eq. (7)–(8) for `emitters` emitters (units of `g` when
    /// `coupling = 1`).
    ///
    /// # Errors
    /// [`EmitterError::InvalidParameter`] naming the first bad parameter;
    /// [`EmitterError::NoLocalRelaxation`] when `p = γ = γ_φ = 0`.
    pub fn new(
        emitters: usize,
        coupling: f64,
        kappa: f64,
        pump: f64,
        gamma: f64,
        dephasing: f64,
    ) -> Result<Self, EmitterError> {
        check_emitters(emitters)?;
        let positive = "a finite number > 0";
        let non_negative = "a finite number ≥ 0";
        for (name, value, ok, requirement) in [
            ("g", coupling, coupling > 0.0, positive),
            ("kappa", kappa, kappa > 0.0, positive),
            ("pump", pump, pump >= 0.0, non_negative),
            ("gamma", gamma, gamma >= 0.0, non_negative),
            ("dephasing", dephasing, dephasing >= 0.0, non_negative),
        ] {
            if !(value.is_finite() && ok) {
                return Err(invalid(name, value, requirement));
            }
        }
        if pump == 0.0 && gamma == 0.0 && dephasing == 0.0 {
            return Err(EmitterError::NoLocalRelaxation);
        }
        Ok(EmitterParams {
            emitters,
            coupling,
            kappa,
            pump,
            gamma,
            dephasing,
        })
    }

    /// Number of emitters `N`.
    pub fn emitters(&self) -> usize {
        self.emitters
    }
    /// Coupling `g` (Eq. 7).
    pub fn coupling(&self) -> f64 {
        self.coupling
    }
    /// Cavity loss `κ` (Eq. 8).
    pub fn kappa(&self) -> f64 {
        self.kappa
    }
    /// Local pump `p` (Eq. 8).
    pub fn pump(&self) -> f64 {
        self.pump
    }
    /// Local decay `γ` (Eq. 8).
    pub fn gamma(&self) -> f64 {
        self.gamma
    }
    /// Local pure dephasing `γ_φ`.
    pub fn dephasing(&self) -> f64 {
        self.dephasing
    }
    /// The collective decay rate of the effective model, `Γ = 4g²/κ` (Eq. 9).
    pub fn collective_decay(&self) -> f64 {
        4.0 * self.coupling * self.coupling / self.kappa
    }
    /// The same parameters with another number of emitters.
    ///
    /// # Errors
    /// [`EmitterError::InvalidParameter`] naming `n`.
    pub fn with_emitters(self, emitters: usize) -> Result<Self, EmitterError> {
        check_emitters(emitters)?;
        Ok(EmitterParams { emitters, ..self })
    }
    /// The same parameters with another cavity loss `κ`.
    ///
    /// # Errors
    /// [`EmitterError::InvalidParameter`] naming `kappa`.
    pub fn with_kappa(self, kappa: f64) -> Result<Self, EmitterError> {
        Self::new(
            self.emitters,
            self.coupling,
            kappa,
            self.pump,
            self.gamma,
            self.dephasing,
        )
    }

    /// The slot rates `[g, p/2, γ/2, γ_φ/4, κ/2, Γ/2]` of `model` (see [`SLOTS`]); the
    /// effective model has no coupling and no cavity, the full model no collective decay.
    pub fn slot_rates(&self, model: Model) -> [f64; SLOTS] {
        let local = [self.pump / 2.0, self.gamma / 2.0, self.dephasing / 4.0];
        match model {
            Model::Full => [
                self.coupling,
                local[0],
                local[1],
                local[2],
                self.kappa / 2.0,
                0.0,
            ],
            Model::Effective => [
                0.0,
                local[0],
                local[1],
                local[2],
                0.0,
                self.collective_decay() / 2.0,
            ],
        }
    }
}

/// Exact parameters of Eq. (7)–(8) for the rational solve: the same domain as
/// [`EmitterParams`], as exact rationals.
#[derive(Clone, Debug, PartialEq)]
pub struct ExactEmitterParams {
    emitters: usize,
    coupling: Rational,
    kappa: Rational,
    pump: Rational,
    gamma: Rational,
    dephasing: Rational,
}

impl ExactEmitterParams {
    /// Validated exact parameters (see [`EmitterParams::new`]).
    ///
    /// # Errors
    /// As [`EmitterParams::new`].
    pub fn new(
        emitters: usize,
        coupling: Rational,
        kappa: Rational,
        pump: Rational,
        gamma: Rational,
        dephasing: Rational,
    ) -> Result<Self, EmitterError> {
        check_emitters(emitters)?;
        for (name, value, strict) in [
            ("g", &coupling, true),
            ("kappa", &kappa, true),
            ("pump", &pump, false),
            ("gamma", &gamma, false),
            ("dephasing", &dephasing, false),
        ] {
            let ok = if strict { *value > 0 } else { *value >= 0 };
            if !ok {
                let requirement = if strict {
                    "a rational > 0"
                } else {
                    "a rational ≥ 0"
                };
                return Err(invalid(name, value, requirement));
            }
        }
        if pump == 0 && gamma == 0 && dephasing == 0 {
            return Err(EmitterError::NoLocalRelaxation);
        }
        Ok(ExactEmitterParams {
            emitters,
            coupling,
            kappa,
            pump,
            gamma,
            dephasing,
        })
    }

    /// Number of emitters `N`.
    pub fn emitters(&self) -> usize {
        self.emitters
    }

    /// The rates `[g, κ, p, γ, γ_φ]`.
    pub fn rates(&self) -> [&Rational; 5] {
        [
            &self.coupling,
            &self.kappa,
            &self.pump,
            &self.gamma,
            &self.dephasing,
        ]
    }

    /// The f64 parameters nearest to these (for the numeric cross-check).
    ///
    /// # Errors
    /// [`EmitterError::InvalidParameter`] when a rate rounds outside the f64 domain.
    pub fn to_f64(&self) -> Result<EmitterParams, EmitterError> {
        let f = super::scalar::nearest_f64;
        EmitterParams::new(
            self.emitters,
            f(&self.coupling),
            f(&self.kappa),
            f(&self.pump),
            f(&self.gamma),
            f(&self.dephasing),
        )
    }

    /// The exact slot rates `[g, p/2, γ/2, γ_φ/4, κ/2, Γ/2]` of `model` (see [`SLOTS`]).
    pub fn slot_rates(&self, model: Model) -> [Rational; SLOTS] {
        let zero = Rational::new;
        let local = [
            Rational::from(&self.pump / 2u32),
            Rational::from(&self.gamma / 2u32),
            Rational::from(&self.dephasing / 4u32),
        ];
        let [p, g, d] = local;
        match model {
            Model::Full => [
                self.coupling.clone(),
                p,
                g,
                d,
                Rational::from(&self.kappa / 2u32),
                zero(),
            ],
            Model::Effective => {
                let gg = Rational::from(&self.coupling * &self.coupling);
                let collective = (gg * 4u32) / &self.kappa;
                [zero(), p, g, d, zero(), collective / 2u32]
            }
        }
    }
}
