#!/usr/bin/env python3
"""Independent high-precision check of `steadyent diamond` (Eq. 1-6) with mpmath.

Solves the diamond model's population rate equations (derived by hand from Eq. 2: a channel
with rate r and jump o moves population |i> -> |f> at rate r |<f|o|i>|^2; the S-A coherence
vanishes in the steady state, so populations alone determine rho_SS) at 120 digits, and
prints the quantities to compare with `steadyent diamond --beta-a X --beta-s Y --digits N`.

usage: scripts/mpmath_diamond.py BETA_A BETA_S [DIGITS]      (needs: pip install mpmath)
"""
import sys
import mpmath as mp

mp.mp.dps = 120
beta_a, beta_s = mp.mpf(sys.argv[1]), mp.mpf(sys.argv[2])
digits = int(sys.argv[3]) if len(sys.argv) > 3 else 40
a, s = mp.exp(beta_a), mp.exp(beta_s)  # Gamma_A^-/Gamma^+, Gamma_S^-/Gamma^+ (Eq. 3)
# Order G, S, A, E. |<S|J_S^dag|G>|^2 = |<E|J_S^dag|S>|^2 = 2 (and likewise for A); the
# common factor 2 drops out of the stationary solution.
rates = [(0, 1, 1), (0, 2, 1), (1, 0, s), (1, 3, 1), (2, 0, a), (2, 3, 1), (3, 1, s), (3, 2, a)]
M = mp.zeros(4, 4)
for i, f, r in rates:
    M[f, i] += r
    M[i, i] -= r
for j in range(4):
    M[0, j] = 1
G, S, A, E = mp.lu_solve(M, mp.matrix([1, 0, 0, 0]))
C = max(0, abs(S - A) - 2 * mp.sqrt(G * E))
# Heat currents Q_i = Tr{H0 L_i(rho)} with omega0 = 1: energy delivered by bath i,
# 2 x (up-rate - down-rate) summed over the bath's transitions (factor 2 from |<f|o|i>|^2).
QA = 2 * ((G + A) - a * (A + E))
QS = 2 * ((G + S) - s * (S + E))
Sdot = -beta_a * QA - beta_s * QS
for name, v in [("G", G), ("S", S), ("A", A), ("E", E), ("concurrence", C),
                ("heat_current_a", QA), ("heat_current_s", QS), ("entropy_production", Sdot)]:
    print(f"{name:20s} {mp.nstr(v, digits)}")
