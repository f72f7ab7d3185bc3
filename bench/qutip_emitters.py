#!/usr/bin/env python3
"""QuTiP 5 peer for `steadyent emitters`: N emitters in one cavity on the full tensor space.

Model (as steadyent's, stated in src/emitters/mod.rs): H = g sum_i (s_i^+ a + s_i^- a^+),
rotating frame; collapse operators sqrt(p) s_i^+, sqrt(gamma) s_i^-, sqrt(gamma_phi/2) s_i^z,
sqrt(kappa) a (the paper's (r/2) D_o is QuTiP's sqrt(r) o). With --effective the cavity is
replaced by collective decay sqrt(4 g^2/kappa) J^-.

usage: qutip_emitters.py --n N --cutoff C --pump P --gamma G [--dephasing D] [--g 1]
                         [--effective] --kappas K1,K2,...
prints CSV: n,kappa,pair_concurrence,excited_population,mean_photon_number,g2_zero,
            spin_squared,spin_variance_sum
then on stderr: 'qutip X.Y.Z: M steady states, N = n, cutoff C, T s' (time inside Python).
needs: pip install qutip
"""
import argparse
import math
import sys
import time

import numpy as np
import qutip as qt

ap = argparse.ArgumentParser()
ap.add_argument('--n', type=int, required=True)
ap.add_argument('--cutoff', type=int, default=6)
ap.add_argument('--pump', type=float, required=True)
ap.add_argument('--gamma', type=float, required=True)
ap.add_argument('--dephasing', type=float, default=0.0)
ap.add_argument('--g', type=float, default=1.0)
ap.add_argument('--effective', action='store_true')
ap.add_argument('--kappas', required=True)
args = ap.parse_args()

n, cutoff = args.n, (1 if args.effective else args.cutoff)
kappas = [float(k) for k in args.kappas.split(',')]
start = time.perf_counter()


def embed(op, site):
    """op on emitter `site` of cavity (x) emitter 1 (x) ... (x) emitter n."""
    factors = [qt.qeye(cutoff)] + [qt.qeye(2)] * n
    factors[1 + site] = op
    return qt.tensor(factors)


# destroy(2) maps |1> (excited) to |0> (ground), as steadyent's qubit_lowering.
sm = [embed(qt.destroy(2), i) for i in range(n)]
sz = [2 * s.dag() * s - embed(qt.qeye(2), 0) for s in sm]
j_minus = sum(sm[1:], sm[0])
jx = (j_minus.dag() + j_minus) / 2
jy = (j_minus.dag() - j_minus) / 2j
jz = sum((s.dag() * s for s in sm), 0 * sm[0]) - n / 2
a = qt.tensor([qt.destroy(cutoff)] + [qt.qeye(2)] * n) if cutoff > 1 else None

print('n,kappa,pair_concurrence,excited_population,mean_photon_number,g2_zero,'
      'spin_squared,spin_variance_sum')
for kappa in kappas:
    local = ([math.sqrt(args.pump) * s.dag() for s in sm] +
             [math.sqrt(args.gamma) * s for s in sm] +
             [math.sqrt(args.dephasing / 2) * z for z in sz])
    if args.effective:
        H = 0 * jz
        c_ops = local + [math.sqrt(4 * args.g ** 2 / kappa) * j_minus]
    else:
        H = args.g * (j_minus.dag() * a + j_minus * a.dag())
        c_ops = local + [math.sqrt(kappa) * a]
    c_ops = [c for c in c_ops if c.norm() > 0]
    rho = qt.steadystate(H, c_ops)
    pair = rho.ptrace([1, 2]) if n >= 2 else None
    conc = qt.concurrence(qt.Qobj(pair.full(), dims=[[2, 2], [2, 2]])) if pair else float('nan')
    exc = qt.expect(sm[0].dag() * sm[0], rho)
    if a is not None:
        photons = qt.expect(a.dag() * a, rho)
        g2 = qt.expect(a.dag() * a.dag() * a * a, rho) / photons ** 2 if photons > 0 else float('nan')
    else:
        photons, g2 = float('nan'), float('nan')
    j2 = qt.expect(jx * jx + jy * jy + jz * jz, rho)
    var = sum(qt.expect(o * o, rho) - qt.expect(o, rho) ** 2 for o in (jx, jy, jz))
    values = [float(v) for v in (kappa, conc, exc, photons, g2, j2, var)]
    print(','.join([str(n)] + [repr(v) for v in values]))
    sys.stdout.flush()
print(f'qutip {qt.__version__}: {len(kappas)} steady states, N = {n}, cutoff {cutoff}, '
      f'{time.perf_counter() - start:.3f} s', file=sys.stderr)
