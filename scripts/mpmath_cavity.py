#!/usr/bin/env python3
"""Independent high-precision check of `steadyent cavity --exact` (Eq. 7-8) with mpmath.

Builds the truncated Tavis-Cummings Liouvillian in the plain Fock basis (a|n> = sqrt(n)|n-1>,
no factorial picture, no gauge, no qubit-swap reduction), restricted only to the ket-bra
excitation-difference-0 sector, solves L rho = 0 with tr rho = 1 by complex LU at 80 digits,
and prints the two-qubit state and its concurrence, to compare with
`steadyent cavity --exact --kappa K --pump P --gamma G [--g G] --cutoff N --digits D`.

Conventions as steadyent: rotating frame, H = g sum_i (c_i^dag a + c_i a^dag), jumps
(p/2) D[c_i^dag], (gamma/2) D[c_i], (kappa/2) D[a], D_o(rho) = 2 o rho o^dag - {o^dag o, rho};
basis index 4n + 2 q1 + q2.

usage: scripts/mpmath_cavity.py KAPPA PUMP GAMMA CUTOFF [G] [DIGITS]   (needs: pip install mpmath)
       rates as decimals or p/q, e.g.  scripts/mpmath_cavity.py 37/10 0.013 0.002 6
"""
import sys
from fractions import Fraction

import mpmath as mp

mp.mp.dps = 80


def rational(text):
    f = Fraction(text)
    return mp.mpf(f.numerator) / f.denominator


kappa, pump, gamma = (rational(x) for x in sys.argv[1:4])
N = int(sys.argv[4])
g = rational(sys.argv[5]) if len(sys.argv) > 5 else mp.mpf(1)
digits = int(sys.argv[6]) if len(sys.argv) > 6 else 40
dim = 4 * N


def op(entries):
    """Sparse operator: {column: [(row, value)]}."""
    m = {}
    for (r, c), v in entries.items():
        m.setdefault(c, []).append((r, v))
    return m


def product(a, b):
    """Sparse a @ b."""
    out = {}
    for c, col in b.items():
        for k, v in col:
            for r, w in a.get(k, []):
                out[(r, c)] = out.get((r, c), 0) + w * v
    return op(out)


def dagger(a):
    return op({(c, r): mp.conj(v) for c, col in a.items() for r, v in col})


def to_dict(a):
    return {(r, c): v for c, col in a.items() for r, v in col}


a = op({(4 * (n - 1) + q, 4 * n + q): mp.sqrt(n) for n in range(1, N) for q in range(4)})
c1 = op({(4 * n + q2, 4 * n + 2 + q2): 1 for n in range(N) for q2 in range(2)})
c2 = op({(4 * n + 2 * q1, 4 * n + 2 * q1 + 1): 1 for n in range(N) for q1 in range(2)})
h = {}
for c in (c1, c2):
    for term in (product(dagger(c), a), product(c, dagger(a))):
        for key, v in to_dict(term).items():
            h[key] = h.get(key, 0) + g * v
H = op(h)
jumps = [(pump, dagger(c1)), (pump, dagger(c2)), (gamma, c1), (gamma, c2), (kappa, a)]
jumps = [(r, o, product(dagger(o), o)) for r, o in jumps if r != 0]

exc = [k // 4 + (k % 4) // 2 + k % 2 for k in range(dim)]
pairs = [(i, j) for i in range(dim) for j in range(dim) if exc[i] == exc[j]]
index = {p: s for s, p in enumerate(pairs)}
M = mp.matrix(len(pairs), len(pairs))
for col, (i, j) in enumerate(pairs):
    image = {}

    def add(k, l, v):
        image[(k, l)] = image.get((k, l), 0) + v

    for k, v in H.get(i, []):  # -i H |i><j|
        add(k, j, -1j * v)
    for l, v in H.get(j, []):  # +i |i><j| H = +i sum_l conj(H_lj) |i><l|
        add(i, l, 1j * mp.conj(v))
    for r, o, n in jumps:
        for k, v in o.get(i, []):
            for l, w in o.get(j, []):
                add(k, l, r * v * mp.conj(w))
        for k, v in n.get(i, []):
            add(k, j, -r / 2 * v)
        for l, v in n.get(j, []):
            add(i, l, -r / 2 * mp.conj(v))
    for key, v in image.items():
        M[index[key], col] += v
rhs = mp.matrix(len(pairs), 1)
for col, (i, j) in enumerate(pairs):  # replace the first row by tr rho = 1
    M[0, col] = 1 if i == j else 0
rhs[0] = 1
x = mp.lu_solve(M, rhs)
rho = {p: x[s] for s, p in enumerate(pairs)}
qubits = [[sum(rho.get((4 * n + q, 4 * n + s), 0) for n in range(N)) for s in range(4)]
          for q in range(4)]
# X-state concurrence (the sector allows only the |01><10| coherence besides the diagonal)
C = max(0, 2 * (abs(qubits[1][2]) - mp.sqrt(mp.re(qubits[0][0]) * mp.re(qubits[3][3]))))
print("two-qubit state (real parts; imaginary parts below 1e-70):")
for row in qubits:
    print("  ", [mp.nstr(mp.re(v), 25) for v in row])
print("max |imag|:", mp.nstr(max(abs(mp.im(v)) for row in qubits for v in row), 3))
print("concurrence:", mp.nstr(C, digits))
