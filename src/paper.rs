//! The paper's words, quoted once: every sentence or equation of Tacchino, Auffèves, Santos,
//! Gerace, PRL 120, 063604 (2018) that a claim of `steadyent check` or a theorem of `proofs/`
//! checks. Quotes follow the paper with its OCR damage repaired (`…` marks an omission).

/// The paper checked.
pub const CITATION: &str = "F. Tacchino, A. Auffèves, M. F. Santos, D. Gerace, \
    Steady State Entanglement beyond Thermal Limits, PRL 120, 063604 (2018)";

/// The steady state of Eq. (1)–(3).
pub const STEADY_STATE: &str = "“the steady state ρ_SS, i.e., the solution of the linear equation [ρ_SS, H0] = i𝓛(ρ_SS)” (text above Eq. 4); Eq. (1)–(3).";

/// Eq. (4)–(5), the closed form of the concurrence.
pub const EQ4_5: &str = "Eq. (4): C_SS = max{0, (N1 − N2)/d}; Eq. (5): N1 = |𝒜(𝒮/2 − 1)|, N2 = {(𝒮/2 + 1)[2𝒮² + 2𝒫(𝒮 − 2)]}^{1/2}, d = 1 + 𝒮² + 𝒮(𝒫 + 3)/2 − 𝒫 (𝒜 = e^{β_A} − e^{β_S}; the OCR lost the minus sign).";

/// The reading of the ladder operators (below Eq. 2).
pub const ANTICOMMUTATION: &str = "“ĉ_i (ĉ_i†, i = 1, 2) are destruction (creation) operators obeying anticommutation rules {ĉ_i, ĉ_j†} = δ_ij” (below Eq. 2).";

/// The thermal bound `C ≤ 1/3`.
pub const THERMAL_BOUND: &str = "“The amount of entanglement is limited to the value C = 1/3 when classical thermal reservoirs at positive temperatures are assumed”.";

/// Where the thermal bound is approached.
pub const THERMAL_SUPREMUM: &str = "“This limiting value is reached when the cold bath is at zero temperature while the hot one goes to infinite temperature. In such a case, … 1/3 of the weight is in the entangled state coupled to the hot bath, while the rest …, i.e., 2/3, is in the ground state |G⟩.”";

/// The bound `C < 1/2` with a negative-temperature bath.
pub const NEGATIVE_TEMPERATURE_BOUND: &str = "“the largest concurrence reaching the limiting value of 0.5 if one of the two Bell states is coupled to a bath at negative effective temperature … this is the theoretical limiting value.”";

/// Where `C → 1/2`.
pub const NEGATIVE_TEMPERATURE_LIMIT: &str = "“the system is pumped into the maximally entangled state coupled to the negative effective temperature bath with 1/2 stationary probability, with zero probability in the other, giving the limiting value C_SS = 1/2.”";

/// `C = 0` for balanced baths.
pub const BALANCED_SEPARABLE: &str = "“the steady state is fully separable (C_SS = 0) for balanced reservoirs, i.e., when β_S ≃ β_A … the rest is in an equal mixture of the two Bell states |A⟩ and |S⟩.”";

/// `C = 0` with both baths at negative temperature.
pub const NEGATIVE_QUADRANT_SEPARABLE: &str = "“the lower left region, corresponding to both reservoirs being at negative effective temperature, gives C_SS = 0 due to the largest occupancy of the fully separable |E⟩ state”.";

/// The heat currents and their balance (below Eq. 6).
pub const HEAT_CURRENTS: &str = "“the steady state heat currents are defined as Q̇_i[ρ_SS] = Tr{H0 𝓛_i(ρ_SS)} … which verify Q̇_A[ρ_SS] + Q̇_S[ρ_SS] = 0” (below Eq. 6).";

/// Eq. (6), the second law, also at negative temperature.
pub const SECOND_LAW: &str = "Eq. (6): Ṡ_irr[ρ_SS] = −β_A Q̇_A[ρ_SS] − β_S Q̇_S[ρ_SS] ≥ 0; “the validity of Eq. (6) still holds in the case of reservoirs at negative effective temperature”.";

/// Fig. 1(c): entropy production and concurrence go together.
pub const ENTROPY_TRACKS_ENTANGLEMENT: &str = "“The results are shown in Fig. 1(c) as a function of β_A and β_S, displaying a striking correlation with the concurrence plot: our protocol can be seen as a machine operating in the steady state regime, whose ability to generate entanglement is maximized with the entropy production rate.” (below Eq. 6).";

/// Fig. 2(b),(c): where the effective model of Eq. (9) holds.
pub const ADIABATIC_ELIMINATION: &str = "“the full model only follows the effective model for κ/g > 1, i.e., until the adiabatic elimination of the cavity mode holds” (Fig. 2b,c; Eq. 9).";

/// Fig. 2(b): the ideal dark state.
pub const IDEAL_DARK_STATE: &str = "“in Fig. 2(b) we show the ideal result for γ = 0, corresponding to the negative effective temperature reservoir coupled to the dark state, which gives the limiting value C_SS → 0.5 when p/Γ → 0”.";

/// Fig. 2(c): the realistic maximum.
pub const REALISTIC_MAXIMUM: &str = "“the maximal value is C_SS ≈ 0.4 around p/γ ≈ 5 for the case shown in Fig. 2, but it can be even larger and approaching the C_SS = 0.5 limit for smaller values of γ/g” (Fig. 2c, γ = 10⁻³ g).";

/// Fig. 2(c): the window of entanglement in κ.
pub const NONSEPARABILITY_NARROWS: &str = "“In Fig. 2(c) we show the behavior of the steady state concurrence for γ = 10⁻³g … While it is evident that the regime of nonseparability narrows in κ as p increases”.";

/// The threshold `p > γ` for `C > 1/3` in the cavity realisation.
pub const BEYOND_THERMAL: &str = "“only the part above the β_S = β_A diagonal should be considered when dealing with this cavity QED implementation … the thermodynamic limit is overcome (i.e., C_SS > 1/3) as soon as p > γ. The latter condition corresponds to the onset of negative effective temperature for the dark state reservoir.”";

/// The subradiant (dark-state) mechanism, and `β_S > β_A` from Eq. (9).
pub const SUBRADIANT_DARK_STATE: &str = "“In the subradiant regime the system is optically pumped in the dark |A⟩ = |0;0⟩ state …, thus creating an imbalanced population with respect to the |S⟩ = |1;0⟩ (triplet) state”; “from Eq. (9), β_S > β_A”.";

/// Fig. 2's frame and frequency.
pub const ROTATING_FRAME: &str = "Eq. (7) with “the qubit-cavity coupling rate … chosen to be g/ω0 = 0.001” (Fig. 2 caption), treated in the rotating frame.";
