#!/usr/bin/env python3
"""Side-by-side run of the QuTiP baseline and `steadyent sweep` on the Fig. 2(c) grid.

Times both as whole processes (wall clock, start-up and output included), prints both times,
the speed-up, and the largest |ΔC| over all points; `--scaling` also times both across photon
cutoffs 6, 10, 20, 40.

usage: bench/compare_qutip.py [--points 200] [--cutoff 6] [--repeat 7] [--scaling]
                              [--steadyent PATH] [--qutip-script PATH]
needs: pip install qutip; cargo build --release
exit status: 0 when max |ΔC| <= 1e-9 and the speed-up is >= 300, else 1.
"""
import argparse
import csv
import io
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ap = argparse.ArgumentParser()
ap.add_argument('--points', type=int, default=200)
ap.add_argument('--cutoff', type=int, default=6)
ap.add_argument('--repeat', type=int, default=7, help='steadyent runs (best and median kept)')
ap.add_argument('--scaling', action='store_true', help='also time cutoffs 6, 10, 20, 40')
ap.add_argument('--scaling-qutip-points', type=int, default=10,
                help='QuTiP κ points per pump in the scaling table (it is slow)')
ap.add_argument('--steadyent', default=os.path.join(ROOT, 'target', 'release', 'steadyent'))
ap.add_argument('--qutip-script', default=os.path.join(ROOT, 'bench', 'qutip_fig2.py'),
                help='the QuTiP baseline (default: bench/qutip_fig2.py of this repository)')
args = ap.parse_args()


def timed(cmd):
    t0 = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return time.perf_counter() - t0, out.stdout, out.stderr


def rows(text):
    return [(float(r['pump']), float(r['kappa']), float(r['concurrence']))
            for r in csv.DictReader(io.StringIO(text))]


def steadyent(points, cutoff, repeat):
    cmd = [args.steadyent, 'sweep', 'fig2c', '--points', str(points), '--cutoff', str(cutoff),
           '--format', 'csv']
    runs = [timed(cmd) for _ in range(repeat)]
    times = sorted(t for t, _, _ in runs)
    return times[0], statistics.median(times), runs[0][1]


def qutip(points, cutoff):
    t, out, err = timed([sys.executable, args.qutip_script, '--points', str(points),
                         '--cutoff', str(cutoff), '--csv'])
    return t, out, err.strip().splitlines()[-1]


q_time, q_out, q_note = qutip(args.points, args.cutoff)
s_best, s_median, s_out = steadyent(args.points, args.cutoff, args.repeat)
q_rows, s_rows = rows(q_out), rows(s_out)
assert len(q_rows) == len(s_rows) == 3 * args.points, (len(q_rows), len(s_rows))
worst_grid = max(max(abs(a[0] - b[0]) / a[0], abs(a[1] - b[1]) / a[1])
                 for a, b in zip(q_rows, s_rows))
assert worst_grid <= 4e-16, f'grids differ (relative {worst_grid:e})'
diffs = [abs(a[2] - b[2]) for a, b in zip(q_rows, s_rows)]
worst = max(range(len(diffs)), key=diffs.__getitem__)
ratio = q_time / s_median
print(f'grid: fig2c, {args.points} kappa points x 3 pumps = {len(q_rows)} steady states, '
      f'cutoff {args.cutoff}')
print(f'qutip      : {q_time:8.3f} s whole process ({q_note})')
print(f'steadyent  : {s_median * 1e3:8.1f} ms whole process, median of {args.repeat} '
      f'(best {s_best * 1e3:.1f} ms)')
print(f'speed-up   : {ratio:8.0f}x (median), {q_time / s_best:.0f}x (best)')
print(f'max |dC|   : {diffs[worst]:.3e} at pump={q_rows[worst][0]:g}, kappa={q_rows[worst][1]:.6g}')

if args.scaling:
    print('\ncost vs photon cutoff (fig2c grid; whole process):')
    print(f'{"cutoff":>6} {"steadyent 600 pts":>18} {"per point":>10} '
          f'{"qutip per point":>16} {"ratio":>7}')
    for n in (6, 10, 20, 40):
        best, median, _ = steadyent(args.points, n, 3)
        qt, _, qn = qutip(args.scaling_qutip_points, n)
        # QuTiP's own solve-loop time excludes import; use it for a per-point cost.
        q_loop = float(qn.split(',')[-1].split()[0])
        per_q = q_loop / (3 * args.scaling_qutip_points)
        per_s = median / (3 * args.points)
        print(f'{n:>6} {median * 1e3:>15.1f} ms {per_s * 1e6:>7.0f} us {per_q * 1e3:>13.1f} ms '
              f'{per_q / per_s:>6.0f}x')

ok = diffs[worst] <= 1e-9 and ratio >= 300
print('\nPASS' if ok else '\nFAIL', '(criteria: max |dC| <= 1e-9, speed-up >= 300x)')
sys.exit(0 if ok else 1)
