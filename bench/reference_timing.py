#!/usr/bin/env python3
"""Times `steadyent reference` on 1000 random (beta_a, beta_s) points at 50 digits as a whole
process (median of 7 runs) and checks every row has 50 certified digits.

usage: bench/reference_timing.py [--points 1000] [--digits 50] [--steadyent PATH]
"""
import argparse, os, random, statistics, subprocess, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ap = argparse.ArgumentParser()
ap.add_argument('--points', type=int, default=1000)
ap.add_argument('--digits', type=int, default=50)
ap.add_argument('--steadyent', default=os.path.join(ROOT, 'target', 'release', 'steadyent'))
args = ap.parse_args()

random.seed(1)
with tempfile.NamedTemporaryFile('w', suffix='.csv', delete=False) as f:
    f.write('beta_a,beta_s\n')
    for _ in range(args.points):
        f.write(f'{random.uniform(-5, 5):.3f},{random.uniform(-5, 5):.3f}\n')
    path = f.name
times = []
for _ in range(7):
    t0 = time.perf_counter()
    out = subprocess.run([args.steadyent, 'reference', '--points', path, '--digits',
                          str(args.digits)], check=True, capture_output=True, text=True).stdout
    times.append(time.perf_counter() - t0)
rows = out.strip().split('\n')[1:]
assert len(rows) == args.points and all(r.split(',')[12] == str(args.digits) for r in rows)
print(f'{args.points} points at {args.digits} digits: median {statistics.median(times) * 1e3:.1f} ms, '
      f'best {min(times) * 1e3:.1f} ms (whole process, 7 runs)')
os.unlink(path)
