#!/usr/bin/env python3
"""Independent QuTiP 5 steady state of the two-emitter Tavis-Cummings model (Eq. 7-8) at one
parameter point, rotating frame, units g = 1 (same construction as bench/qutip_fig2.py).

usage: qutip_point.py --kappa K --pump P --gamma G [--g 1] [--cutoff 20]
prints: cutoff,concurrence,top_fock_population
needs: pip install qutip
"""
import argparse, math
import qutip as qt

ap = argparse.ArgumentParser()
ap.add_argument('--kappa', type=float, required=True)
ap.add_argument('--pump', type=float, required=True)
ap.add_argument('--gamma', type=float, required=True)
ap.add_argument('--g', type=float, default=1.0)
ap.add_argument('--cutoff', type=int, default=20)
args = ap.parse_args()

N = args.cutoff
a = qt.tensor(qt.destroy(N), qt.qeye(2), qt.qeye(2))
s1 = qt.tensor(qt.qeye(N), qt.destroy(2), qt.qeye(2))   # destroy(2): index 0 = ground
s2 = qt.tensor(qt.qeye(N), qt.qeye(2), qt.destroy(2))
H = args.g * (s1.dag()*a + s1*a.dag() + s2.dag()*a + s2*a.dag())
c_ops = [math.sqrt(args.pump)*s1.dag(), math.sqrt(args.pump)*s2.dag(), math.sqrt(args.kappa)*a,
         math.sqrt(args.gamma)*s1, math.sqrt(args.gamma)*s2]
rho = qt.steadystate(H, c_ops)
q = rho.ptrace([1, 2])
c = qt.concurrence(qt.Qobj(q.full(), dims=[[2, 2], [2, 2]]))
top = rho.ptrace(0).full()[N - 1, N - 1].real
print(f'{N},{c:.17g},{top:.3e}')
