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
//! | Eq. (1)–(2) Lindblad generator, dissipator | [`liouvillian::Lindblad`] | `liouvillian::tests` |
//! | Eq. (1)–(3) diamond model, rates from β | [`diamond::generator`], [`diamond::DiamondRates`] | `tests/diamond.rs` |
//! | `𝓛ρ_SS = 0`, uniqueness (nullity 1) | [`steady_state::exact_steady_state`], [`steady_state::numeric_steady_state`] | `tests/diamond.rs`, claim `unique-steady-state` |
//! | concurrence (text above Eq. 4) | [`concurrence::wootters`], [`concurrence::ExactConcurrence`] | `concurrence::tests`, `tests/diamond.rs` |
//! | Eq. (4)–(5) closed form, one formula for every arithmetic | [`diamond::closed_form::eq5`], [`diamond::closed_form_concurrence`] | `tests/diamond.rs`, claim `eq4-5` |
//! | Eq. (6) heat currents, entropy production | [`diamond::heat_current`], [`diamond::model::entropy_production`], [`diamond::DiamondSystem`] | `tests/diamond.rs`, claim `second-law` |
//! | steady state on the excitation-conserving sector (one solve: intervals, rational functions, f64 intervals) | [`diamond::SectorSystem::solve`], [`arith::solve`] | `tests/diamond.rs`, `tests/proofs.rs` |
//! | C = 1/3, C = 1/2, C = 0 regions (text after Eq. 5) | [`check`] | claims `thermal-limit`, `negative-temperature-limit`, `balanced-separable`, `both-negative-separable` |
//! | certified digits | [`interval::Interval`], [`decimal::certified_decimal`], [`decimal::raise_precision`], [`diamond::certify::precision_schedule`] | `tests/diamond.rs`, `scripts/mpmath_diamond.py` |
//! | Fig. 1(b),(c) concurrence and entropy production over (β_A, β_S) | [`diamond::numeric::GridSolver`] ([`interval64::Interval64`]), [`figures::fig1_grid`], [`figures::render_fig1`] | `tests/figures.rs`, `tests/sweep.rs` |
//! | Fig. 2(b),(c) concurrence against κ/g (renderer; data from the cavity sweep) | [`figures::render_fig2`], [`figures::Fig2Data`] | `tests/figures.rs` |
//! | Eq. (7)–(8) cavity QED model, `𝓛ρ_SS = 0` | [`cavity::CavityOperators::generator`], [`cavity::CavitySolver::solve`], [`cavity::CavityEngine::solve`] | `tests/cavity.rs` |
//! | Eq. (7)–(8) exact truncated steady state (factorial picture `ρ = S r S`, `S = diag(√n!)`), `steadyent cavity --exact` | [`cavity::exact::exact_steady_state`], [`liouvillian::Lindblad::with_jump_number`] | `tests/cavity_exact.rs`, `scripts/mpmath_cavity.py` |
//! | Eq. (9) effective model (adiabatic elimination) | [`cavity::effective_steady_state`] | `tests/cavity.rs` |
//! | Fig. 2(b)–(c) full vs effective concurrence | [`cavity::sweep()`] | `tests/cavity.rs`, `bench/compare_qutip.py` |
//! | Fig. 2(c) text: maximum over (p/γ, κ), threshold p/γ for C > 1/3, the entangled κ window narrowing with p | [`cavity::optimize::KappaSearch`] | `src/cavity/optimize.rs` tests, claims `realistic-maximum`, `beyond-thermal-iff-pump-exceeds-decay`, `nonseparability-narrows` |
//! | Eq. (7)–(8) with N emitters, permutation-symmetric (Kirton & Keeling 2017; Shammah et al. 2018) | [`emitters::generator::Generator`], [`emitters::solve::EmitterSolver::solve`], [`emitters::EmitterEngine`] | `tests/emitters.rs` (tensor-space reference, N = 3, 4), claim `emitters-two-equals-cavity` |
//! | Eq. (9) generalised to N emitters (collective decay `Γ = 4g²/κ`) | [`emitters::generator::Generator::effective`] | `tests/emitters.rs`, claim `emitters-adiabatic-elimination` |
//! | N-emitter steady state over the rationals, `steadyent emitters --exact` | [`emitters::exact::exact_steady_state`] | `tests/emitters.rs`, `tests/emitters_cli.rs` |
//! | pair concurrence, `g²(0)`, `⟨J²⟩`, Tóth (PRL 99, 250405), Koashi–Bužek–Imoto (PRA 62, 050302) | [`emitters::Observables`] | claims `emitters-*` |
//! | Eq. (1)–(3) ρ_SS as rational functions of `e^{β_A}`, `e^{β_S}`; limits `β → ±∞` | [`diamond::symbolic::diamond_steady_state`], [`diamond::symbolic::SymbolicDiamond::limit_state`] | `tests/proofs.rs` (snapshots, proptest vs exact solve) |
//! | Eq. (3)–(6) at `β = +∞` (zero temperature): certified limits, `Ṡ → +∞` | [`diamond::limits::enclose_limit`], [`diamond::DiamondSystem::certify`] | `tests/limits.rs`, `tests/cli.rs` |
//! | Eq. (4)–(6), `C < 1/3`, `C < 1/2`, `Ṡ ≥ 0`, Eq. (9) threshold `p > γ`: proofs for all β | [`proofs::run_all`], `steadyent prove`, `proofs/*.md` | `tests/proofs.rs` (`prove --check`) |
//! | the same proofs as certificates an independent checker re-verifies | [`proofs::export::certificate_json`], `proofs/certificates/*.json` | `scripts/check_certificates.py`, `tests/certificates.rs` |

#![warn(missing_docs)]

pub mod arith;
pub mod block_tridiagonal;
pub mod cavity;
pub mod check;
pub mod cli;
pub mod concurrence;
pub mod decimal;
pub mod diamond;
pub mod emitters;
pub mod figures;
pub mod interval;
pub mod interval64;
pub mod liouvillian;
pub mod nullspace;
pub mod operators;
pub mod paper;
pub mod poly;
pub mod proofs;
pub mod reference;
pub mod ring;
pub mod schema;
pub mod steady_state;
