#!/usr/bin/env python3
"""Side-by-side run of `steadyent` against QuTiP and PIQS on the N-emitter model.

1. QuTiP's tensor-space `steadystate` with the cavity (bench/qutip_emitters.py) against
   `steadyent sweep emitters` at the same points and cutoff: N = 3 and 4 on a 50-point kappa
   sweep, N = 5 on 2 points; both timed as whole processes; the largest difference of every
   printed quantity.
2. `qutip.piqs` (Dicke basis) on the effective model at N = 4, 8, 16 against
   `steadyent emitters --effective` (and the tensor-space QuTiP value where it is feasible).
3. A scaling table of the full model at kappa = 2.34 g, p = 5e-3 g, gamma = 1e-3 g with the
   automatic cutoff: unknowns, cutoff, wall time and peak memory of whole processes (median
   time of --scaling-repeat runs, the largest peak; the runs must print the same values).

usage: bench/compare_emitters.py [--points 50] [--cutoff 5] [--repeat 5]
                                 [--scaling 2,3,4,5,6,8,10,15,20,25,30,40,50]
                                 [--scaling-repeat 3]
                                 [--skip-qutip] [--skip-piqs] [--steadyent PATH]
needs: pip install qutip; cargo build --release
exit status: 0 when every compared quantity agrees to 1e-9 with QuTiP or, where it does not,
steadyent is within 1e-9 of its exact rational solve (which then shows QuTiP's error), and
the PIQS values agree or are contradicted by the tensor-space QuTiP value, and the scaling
runs of each N print the same values; else 1.
"""
import argparse
import csv
import io
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ap = argparse.ArgumentParser()
ap.add_argument('--points', type=int, default=50)
ap.add_argument('--cutoff', type=int, default=5)
ap.add_argument('--repeat', type=int, default=5)
ap.add_argument('--pump', type=float, default=5e-3)
ap.add_argument('--gamma', type=float, default=1e-3)
ap.add_argument('--dephasing', type=float, default=2e-3)
ap.add_argument('--scaling', default='2,3,4,5,6,8,10,15,20,25,30,40,50')
ap.add_argument('--scaling-repeat', type=int, default=3)
ap.add_argument('--skip-qutip', action='store_true')
ap.add_argument('--skip-piqs', action='store_true')
ap.add_argument('--steadyent', default=os.path.join(ROOT, 'target', 'release', 'steadyent'))
args = ap.parse_args()
QUANTITIES = ['pair_concurrence', 'excited_population', 'mean_photon_number', 'g2_zero',
              'spin_squared', 'spin_variance_sum']
TOLERANCE = 1e-9
failures = []


def load():
    """The 1-minute load average, printed with every table (timings are whole processes on
    a 2-core machine; a load above ~1 means another process shared the cores)."""
    return f'load average {os.getloadavg()[0]:.2f}'


def timed(cmd):
    t0 = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    if out.returncode != 0:
        raise SystemExit(f'{cmd[0]} failed ({out.returncode}): {out.stderr.strip()}')
    return elapsed, out.stdout, out.stderr


def logspace(lo, hi, n):
    return [10 ** (lo + (hi - lo) * k / (n - 1)) for k in range(n)]


def steadyent_sweep(n, kappas, cutoff, repeat):
    lo, hi = math.log10(kappas[0]), math.log10(kappas[-1])
    cmd = [args.steadyent, 'sweep', 'emitters', '--n', str(n), '--kappa-range',
           f'{kappas[0]!r}:{kappas[-1]!r}', '--points', str(len(kappas)), '--pump',
           repr(args.pump), '--gamma', repr(args.gamma), '--dephasing', repr(args.dephasing),
           '--cutoff', str(cutoff), '--format', 'csv']
    runs = [timed(cmd) for _ in range(repeat)]
    times = sorted(t for t, _, _ in runs)
    rows = list(csv.DictReader(io.StringIO(runs[0][1])))
    return statistics.median(times), rows


def qutip_sweep(n, kappas, cutoff, effective=False):
    cmd = [sys.executable, os.path.join(ROOT, 'bench', 'qutip_emitters.py'), '--n', str(n),
           '--cutoff', str(cutoff), '--pump', repr(args.pump), '--gamma', repr(args.gamma),
           '--dephasing', repr(args.dephasing), '--kappas', ','.join(repr(k) for k in kappas)]
    if effective:
        cmd.append('--effective')
    t, out, err = timed(cmd)
    return t, list(csv.DictReader(io.StringIO(out))), err.strip().splitlines()[-1]


skipped = {}


def exact(n, kappa, cutoff):
    """steadyent's exact rational solve at one point (the arbiter where the two differ)."""
    _, out, _ = timed([args.steadyent, 'emitters', '--n', str(n), '--kappa', repr(kappa),
                       '--pump', repr(args.pump), '--gamma', repr(args.gamma), '--dephasing',
                       repr(args.dephasing), '--cutoff', str(cutoff), '--exact', '--digits',
                       '20', '--format', 'json'])
    return json.loads(out)


def compare(n, ours, theirs, cutoff):
    """Largest difference per quantity (g2 relative); where one exceeds TOLERANCE, the exact
    value decides whether steadyent or QuTiP is off."""
    worst, arbitrated = {}, []
    for a, b in zip(ours, theirs):
        for q in QUANTITIES:
            x, y = float(a[q]) if a[q] not in ('', 'null') else math.nan, float(b[q])
            if math.isnan(x):
                # steadyent prints no g2(0) where <a+a+aa> < 1e-5 (not resolved in f64)
                skipped[q] = skipped.get(q, 0) + 1
                continue
            scale = max(1.0, abs(y)) if q == 'g2_zero' else 1.0
            d = abs(x - y) / scale
            worst[q] = max(worst.get(q, 0.0), d)
            if d > TOLERANCE:
                e = float(exact(n, float(a['kappa']), cutoff)[q])
                arbitrated.append((q, float(a['kappa']), abs(x - e) / scale, abs(y - e) / scale))
    return worst, arbitrated


if not args.skip_qutip:
    print('1. full model, tensor-space QuTiP steadystate vs steadyent (same points, same '
          f'cutoff {args.cutoff}; p = {args.pump:g}, gamma = {args.gamma:g}, '
          f'gamma_phi = {args.dephasing:g}; whole processes; {load()})')
    print(f'{"N":>3} {"points":>6} {"qutip":>10} {"steadyent":>12} {"speed-up":>9}  '
          f'largest |difference| (g2 relative)')
    for n, points in [(3, args.points), (4, args.points), (5, 2)]:
        kappas = logspace(-1, 2, points)
        q_time, q_rows, q_note = qutip_sweep(n, kappas, args.cutoff)
        s_time, s_rows = steadyent_sweep(n, kappas, args.cutoff, args.repeat)
        worst, arbitrated = compare(n, s_rows, q_rows, args.cutoff)
        for q, kappa, ours_off, theirs_off in arbitrated:
            print(f'      {q} at kappa = {kappa:.4g}: differs by more than {TOLERANCE:g}; against '
                  f'the exact value steadyent is off by {ours_off:.1e}, QuTiP by {theirs_off:.1e}')
            if ours_off > TOLERANCE:
                failures.append(f'N = {n}: steadyent {q} off the exact value by {ours_off:.1e}')
        detail = ', '.join(f'{q} {v:.1e}' for q, v in worst.items())
        print(f'{n:>3} {points:>6} {q_time:>9.2f}s {s_time * 1e3:>10.1f}ms '
              f'{q_time / s_time:>8.0f}x  {detail}')
        print(f'      ({q_note}; steadyent median of {args.repeat}'
              + (f'; g2 not printed by steadyent at {skipped.pop("g2_zero")} points with '
                 '<a+a+aa> < 1e-5' if 'g2_zero' in skipped else '') + ')')

if not args.skip_piqs:
    import numpy as np
    import qutip as qt
    from qutip import piqs
    print('\n2. effective model (collective decay Gamma = 4g^2/kappa), PIQS Dicke basis vs '
          f'steadyent --effective ({load()})')
    kappa = 2.34
    gamma_c = 4 / kappa
    for n in (4, 8, 16):
        system = piqs.Dicke(N=n, emission=args.gamma, pumping=args.pump,
                            dephasing=2 * args.dephasing, collective_emission=gamma_c)
        lind = system.liouvillian()
        jx, jy, jz = piqs.jspin(n)
        t, out, _ = timed([args.steadyent, 'emitters', '--n', str(n), '--kappa', repr(kappa),
                           '--pump', repr(args.pump), '--gamma', repr(args.gamma),
                           '--dephasing', repr(args.dephasing), '--effective', '--format',
                           'json'])
        ours = json.loads(out)
        print(f'N = {n:>2}: steadyent {t * 1e3:6.1f} ms, <J^2> = {ours["spin_squared"]:.10f}')
        # QuTiP's default (direct) method, then the two that run on the PIQS Liouvillian:
        # 'eigen' (sparse ARPACK, the one that agrees) and, where the dense SVD is affordable,
        # 'svd'.
        methods = ['direct', 'eigen'] + (['svd'] if n <= 8 else [])
        disagree = False
        for method in methods:
            t0 = time.perf_counter()
            try:
                rho = qt.steadystate(lind, method=method)
            except Exception as e:
                print(f'        PIQS {method:>6}: {type(e).__name__}: {e}')
                continue
            t_piqs = time.perf_counter() - t0
            j2 = complex(qt.expect(jx * jx + jy * jy + jz * jz, rho)).real
            var = sum(complex(qt.expect(o * o, rho) - qt.expect(o, rho) ** 2).real
                      for o in (jx, jy, jz))
            d = max(abs(ours['spin_squared'] - j2), abs(ours['spin_variance_sum'] - var))
            disagree |= d > TOLERANCE
            print(f'        PIQS {method:>6}: {t_piqs:7.2f} s, <J^2> = {j2:.10f}, largest '
                  f'|difference| (<J^2>, variance sum) {d:.1e}')
        if disagree and n <= 8:  # the tensor space (2^N states, no cavity) is feasible
            t_tensor, rows, _ = qutip_sweep(n, [kappa], 1, effective=True)
            tensor = float(rows[0]['spin_squared'])
            d = abs(tensor - ours['spin_squared'])
            print(f'        tensor-space QuTiP: {t_tensor:7.2f} s, <J^2> = {tensor:.10f}, '
                  f'|difference| {d:.1e}')
            if d > TOLERANCE:
                failures.append(f'PIQS N = {n}: steadyent disagrees with the tensor space')

print('\n3. scaling, full model at kappa = 2.34 g, p = 5e-3 g, gamma = 1e-3 g, automatic cutoff '
      f'(whole processes, median of {args.scaling_repeat} per N, peak RSS the largest; {load()})')
print(f'{"N":>4} {"cutoff":>6} {"unknowns":>9} {"time":>10} {"CPU":>9} {"peak RSS":>10}  C, g2(0)')
for n in [int(x) for x in args.scaling.split(',') if x]:
    cmd = [args.steadyent, 'emitters', '--n', str(n), '--kappa', '2.34', '--pump', '5e-3',
           '--gamma', '1e-3', '--format', 'json']
    runs = []
    for _ in range(args.scaling_repeat):
        t0 = time.perf_counter()
        child = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        out, err = child.stdout.read(), child.stderr.read()
        _, status, usage = os.wait4(child.pid, 0)  # the child's own peak RSS
        child.returncode = os.waitstatus_to_exitcode(status)
        t = time.perf_counter() - t0
        if child.returncode != 0:
            break
        runs.append((t, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, json.loads(out)))
    if len(runs) < args.scaling_repeat:
        print(f'{n:>4} failed: {err.strip()}')
        continue
    r = runs[0][3]
    if any(run[3] != r for run in runs):
        print(f'{n:>4} the runs printed different values')
        failures.append(f'scaling N = {n}: runs disagree')
    t = statistics.median(run[0] for run in runs)
    cpu = statistics.median(run[1] for run in runs)
    rss = f'{max(run[2] for run in runs) / 1024:.0f} MB'
    print(f'{n:>4} {r["cutoff"]:>6} {r["unknowns"]:>9} {t:>9.3f}s {cpu:>8.2f}s {rss:>10}  '
          f'{r["pair_concurrence"]:.6f}, {r["g2_zero"]:.6f}')
    sys.stdout.flush()

if failures:
    print('\nFAILED: ' + '; '.join(failures))
    sys.exit(1)
