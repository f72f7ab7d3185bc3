//! Validated parameters of the cavity model of Eq. (7)–(8): no physics function sees a NaN,
//! an infinite or a negative rate.

use super::CavityError;

/// The frame the Hamiltonian of Eq. (7) is written in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Frame {
    /// Rotating at `ω0 = ω_cav`: `H = g Σ_i (c_i† a + c_i a†)` (default).
    Rotating,
    /// Laboratory frame: `H = ω0 (Σ_i c_i†c_i + a†a) + g Σ_i (c_i† a + c_i a†)` with
    /// `ω_cav = ω0` (resonance), `ω0` in units of `g`.
    Lab {
        /// Qubit and cavity frequency `ω0 = ω_cav`.
        omega0: f64,
    },
}

/// The lab-frame frequency of Fig. 2: `g/ω0 = 0.001`, i.e. `ω0 = 1000 g`.
pub const PAPER_OMEGA0: f64 = 1000.0;

/// Parameters of Eq. (7)–(8): coupling `g`, cavity decay `κ`, pumping `p`, qubit decay `γ`
/// (all finite, `g, p, γ ≥ 0`, `κ > 0`), and the frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CavityParams {
    coupling: f64,
    kappa: f64,
    pump: f64,
    gamma: f64,
    frame: Frame,
}

fn check(
    name: &'static str,
    value: f64,
    ok: bool,
    requirement: &'static str,
) -> Result<(), CavityError> {
    if value.is_finite() && ok {
        Ok(())
    } else {
        Err(CavityError::InvalidParameter {
            name,
            value,
            requirement,
        })
    }
}

impl CavityParams {
    /// Validated parameters of Eq. (7)–(8) in the rotating frame.
    ///
    /// # Errors
    /// [`CavityError::InvalidParameter`] for a non-finite value, a negative `g`, `p` or `γ`, or
    /// `κ ≤ 0` (a lossless cavity has no steady state in the limit of large cutoff). `g = 0`
    /// (uncoupled qubits) is a valid model; the command line, whose unit is `g`, rejects it.
    pub fn new(coupling: f64, kappa: f64, pump: f64, gamma: f64) -> Result<Self, CavityError> {
        check("g", coupling, coupling >= 0.0, "a finite number ≥ 0")?;
        check("kappa", kappa, kappa > 0.0, "a finite number > 0")?;
        check("pump", pump, pump >= 0.0, "a finite number ≥ 0")?;
        check("gamma", gamma, gamma >= 0.0, "a finite number ≥ 0")?;
        Ok(CavityParams {
            coupling,
            kappa,
            pump,
            gamma,
            frame: Frame::Rotating,
        })
    }

    /// The same parameters with the Hamiltonian of Eq. (7) written in another frame.
    ///
    /// # Errors
    /// [`CavityError::InvalidParameter`] for a non-finite or negative `ω0`.
    pub fn with_frame(self, frame: Frame) -> Result<Self, CavityError> {
        if let Frame::Lab { omega0 } = frame {
            check("omega0", omega0, omega0 >= 0.0, "a finite number ≥ 0")?;
        }
        Ok(CavityParams { frame, ..self })
    }

    /// Qubit–cavity coupling `g` (Eq. 7).
    pub fn coupling(&self) -> f64 {
        self.coupling
    }

    /// Cavity decay rate `κ` (Eq. 8).
    pub fn kappa(&self) -> f64 {
        self.kappa
    }

    /// Incoherent pumping rate `p` of each qubit (Eq. 8).
    pub fn pump(&self) -> f64 {
        self.pump
    }

    /// Spontaneous decay rate `γ` of each qubit (Eq. 8).
    pub fn gamma(&self) -> f64 {
        self.gamma
    }

    /// The frame of Eq. (7).
    pub fn frame(&self) -> Frame {
        self.frame
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_unphysical_rates_with_their_name() {
        let e = CavityParams::new(1.0, 0.0, 1e-3, 1e-3).unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid kappa = 0: it must be a finite number > 0"
        );
        assert!(CavityParams::new(1.0, 1.0, f64::NAN, 0.0).is_err());
        assert!(CavityParams::new(1.0, 1.0, 1e-3, -1e-3).is_err());
        assert!(CavityParams::new(f64::INFINITY, 1.0, 1e-3, 0.0).is_err());
        let p = CavityParams::new(1.0, 1.0, 1e-3, 0.0).unwrap();
        assert!(p.with_frame(Frame::Lab { omega0: f64::NAN }).is_err());
    }
}
