//! The diamond model of Eq. (1)–(6), one job per file, read top-down — model, then the
//! solves, then certification; each file imports only those above it:
//!
//! | file | job |
//! |---|---|
//! | [`model`] | Eq. (1)–(3): rates, channels, the generator, populations, heat currents, Eq. (6) |
//! | [`closed_form`] | Eq. (4)–(5), the paper's closed form, once for every arithmetic |
//! | [`sector`] | the steady state on the six-unknown sector, one solve for every arithmetic |
//! | [`exact`] | the exact solve at rational `α, σ` (16×16 kernel, nullity 1) |
//! | [`symbolic`] | ρ_SS as rational functions of `α, σ`, and its limits `β → ±∞` |
//! | [`numeric`] | f64-interval values on a grid (Fig. 1) |
//! | [`enclosure`] | MPFR enclosures at exact finite `β` |
//! | [`limits`] | MPFR enclosures at `β = +∞` (and far out, from the rational functions) |
//! | [`certify`] | the precision rules and Ziv's loop: every printed digit certified |
//! | [`result`] | the one serialisable result every command prints |
//!
//! Units `Γ⁺ = ω0 = 1`; `α = e^{β_A} = Γ_A⁻/Γ⁺`, `σ = e^{β_S} = Γ_S⁻/Γ⁺` (Eq. 3).

pub mod certify;
pub mod closed_form;
pub mod enclosure;
pub mod exact;
pub mod limits;
pub mod model;
pub mod numeric;
pub mod result;
pub mod sector;
pub mod symbolic;

pub use certify::{
    CertifiedDiamond, DiamondError, EntropyProduction, MAX_ABS_BETA, PRECISION_CAP_BITS,
    SYMBOLIC_BETA_SPAN, beta_in_range,
};
pub use closed_form::closed_form_concurrence;
pub use enclosure::{DiamondEnclosure, DiamondSystem, EntropyEnclosure};
pub use exact::{ExactDiamond, ExactDiamondError};
pub use model::{
    Bath, CHANNELS, DiamondRates, EXCITATIONS, generator, hamiltonian, heat_current, populations,
};
pub use result::{DiamondPoint, DiamondTable};
pub use sector::{SectorState, SectorSystem};
