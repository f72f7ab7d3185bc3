//! steadyent: verifies Tacchino, Auffèves, Santos, Gerace, "Steady State Entanglement beyond
//! Thermal Limits", PRL 120, 063604 (2018) by exact and certified high-precision computation.
//!
//! Conventions (stated once, used everywhere): `ħ = k_B = 1`; dissipator
//! `D_o(ρ) = 2oρo† − {o†o, ρ}` with prefactor `rate/2` (paper Eq. 2); diamond model in units
//! `Γ⁺ = ω0 = 1`; cavity model in units `g = 1`; qubit ladder operators commute between the
//! two qubits (see [`operators::LadderConvention`]).
//!
//! | paper | implemented by | checked by |
//! |---|---|---|
//! | Eq. (1)–(2) Lindblad generator, dissipator | [`liouvillian::Lindblad`] | `liouvillian::tests`, `tests/diamond.rs` |
//! | Eq. (1)–(3) diamond model, rates from β | [`diamond::generator`], [`diamond::DiamondRates`] | `tests/diamond.rs` |
//! | `𝓛ρ_SS = 0`, uniqueness | [`steady_state::exact_steady_state`], [`steady_state::numeric_steady_state`] | `tests/diamond.rs` |
//! | concurrence (text above Eq. 4) | [`concurrence::wootters`], [`concurrence::ExactConcurrence`] | `concurrence::tests`, `tests/diamond.rs` |
//! | Eq. (4)–(5) closed form | [`diamond::closed_form_concurrence`] | `tests/diamond.rs` |
//! | Eq. (6) heat currents, entropy production | [`diamond::ExactDiamond`], [`diamond::certified`] | `tests/diamond.rs` |
//! | Eq. (1)–(3) ρ_SS as rational functions of `e^{β_A}`, `e^{β_S}`; limits `β → ±∞` | [`symbolic::diamond_steady_state`], [`symbolic::SymbolicDiamond::limit_state`] | `tests/proofs.rs` (snapshots, proptest vs exact solve) |
//! | Eq. (4)–(6), `C < 1/3`, `C < 1/2`, `Ṡ ≥ 0`, Eq. (9) threshold `p > γ`: proofs for all β | [`proofs::run_all`], `steadyent prove`, `proofs/*.md` | `tests/proofs.rs` (`prove --check`) |

pub mod cli;
pub mod concurrence;
pub mod decimal;
pub mod diamond;
pub mod interval;
pub mod liouvillian;
pub mod nullspace;
pub mod operators;
pub mod poly;
pub mod proofs;
pub mod ring;
pub mod steady_state;
pub mod symbolic;
