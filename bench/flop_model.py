#!/usr/bin/env python3
"""Flop model: the excitation-block chain of src/block_tridiagonal.rs against nested
dissection of the (excitation k, coherence order q = |n - m|) cell lattice, for the full
N-emitter model with a given number of Fock states (no solve; counts only).

The reduced unknowns of Eq. 7-8 with N emitters fall into cells (k, q): the Hamiltonian
couples (k, q) to (k, q +- 1), pump, decay and cavity loss couple (k, q) to (k +- 1, q).
- chain (what steadyent does): per excitation block 2/3 b^3 for its LU and 4/3 b^3 for the
  explicit inverse that the next block's Schur complement uses; the couplings between
  consecutive blocks stay sparse.
- nested dissection: recursive bisection of the lattice by the cheaper of a row (one k) and a
  column (one q) of cells; a separator of s unknowns with b unknowns of ancestor separators
  around its subdomain costs 2/3 s^3 + 2 s^2 b + 2 s b^2 (dense fronts: the children's
  updates fill the couplings to the ancestors).

usage: bench/flop_model.py [N] [Fock states]    (default 50 14, the Fig. 2(c) point)
"""
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 50
FOCK = int(sys.argv[2]) if len(sys.argv) > 2 else 14

# Orbits per cell: elements (counts gg, ge, eg, ee; photons n, m) with equal ket and bra
# excitation, halved for the Hermitian pairing {s, s†} (q and -q fold onto q >= 0; the
# self-conjugate elements make this a lower bound, as `estimated_unknowns` in solve.rs).
cell = {}
for ge in range(N + 1):
    for eg in range(N + 1 - ge):
        for ee in range(N + 1 - ge - eg):
            for n in range(FOCK):
                m = n + eg - ge
                if 0 <= m < FOCK:
                    key = (n + eg + ee, abs(n - m))
                    cell[key] = cell.get(key, 0) + 0.5
K = max(k for k, _ in cell) + 1
Q = max(q for _, q in cell) + 1


def weight(cells):
    return sum(cell.get(c, 0) for c in cells)


blocks = [weight((k, q) for q in range(Q)) for k in range(K)]
chain = sum(2 / 3 * b**3 for b in blocks) + sum(4 / 3 * b**3 for b in blocks[:-1])


def dissect(rect, separators, leaf):
    """Flops of nested dissection of rect = (k0, k1, q0, q1) below `separators`."""
    k0, k1, q0, q1 = rect
    if k1 <= k0 or q1 <= q0:
        return 0.0
    boundary = weight(c for c in separators
                      if (k0 - 1 <= c[0] <= k1 and q0 <= c[1] < q1)
                      or (q0 - 1 <= c[1] <= q1 and k0 <= c[0] < k1))
    own = weight((k, q) for k in range(k0, k1) for q in range(q0, q1))
    if own <= leaf:
        s = own
        return 2 / 3 * s**3 + 2 * s * s * boundary + 2 * s * boundary**2
    km, qm = (k0 + k1) // 2, (q0 + q1) // 2
    row = [(km, q) for q in range(q0, q1)]
    column = [(k, qm) for k in range(k0, k1)]
    if k1 - k0 > 1 and (q1 - q0 == 1 or weight(row) <= weight(column)):
        separator, parts = row, [(k0, km, q0, q1), (km + 1, k1, q0, q1)]
    else:
        separator, parts = column, [(k0, k1, q0, qm), (k0, k1, qm + 1, q1)]
    below = separators | set(separator)
    s = weight(separator)
    own_cost = 2 / 3 * s**3 + 2 * s * s * boundary + 2 * s * boundary**2
    return own_cost + sum(dissect(p, below, leaf) for p in parts)


print(f'N = {N}, {FOCK} Fock states: {sum(blocks):.0f} unknowns in {K} excitation blocks '
      f'(largest {max(blocks):.0f}), coherence orders 0..{Q - 1}')
print(f'  chain (block-tridiagonal LU): {chain:.3g} flops')
for leaf in (50, 200, 800):
    nd = dissect((0, K, 0, Q), frozenset(), leaf)
    print(f'  nested dissection, leaves of <= {leaf} unknowns: {nd:.3g} flops '
          f'({nd / chain:.2f}x the chain)')
