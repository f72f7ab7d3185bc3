#!/usr/bin/env python3
"""Performance of the Python bindings, measured in one run (issue 12, item 6):

1. per-call overhead of the binding against the library call: the same point timed from
   Python (``steadyent.diamond``/``steadyent.cavity``) and in Rust without Python in the loop
   (``steadyent._native._bench_library``): the library call the binding makes (input text to
   the typed document), the model computation alone, and for comparison the command layer
   the binding used to go through (``steadyent::cli::run``: clap parsing, JSON text);
   QuTiP's ``steadystate`` at the same cavity point for scale;
2. 1000 certified 50-digit diamond points from Python (``steadyent.reference``), the same
   library call timed in Rust, and the same points through the CLI as a whole process;
3. a Dask ``LocalCluster`` run of single-threaded tasks of ~0.3 s each (chunks of a sweep of
   the certified concurrence at 10000 digits) with 1 and with 2 worker processes: speed-up,
   and the task overhead (wall time on 1 worker against the same tasks run in process); and,
   for the state of the machine during the run, the two-thread speed-up of hashlib's SHA-256
   (which releases the GIL) and the load average.

usage: python bench/python_overhead.py [--quick]   (needs the steadyent package installed,
       numpy, dask[distributed]; qutip optional; the CLI at target/release/steadyent)
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

import numpy  # noqa: F401  (imported before any timing: columns are NumPy arrays)
import steadyent
import steadyent.tasks
from steadyent import _native

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIGITS = 10000


def heavy_chunk(points):
    """One Dask task of section 3: a chunk of a sweep of the certified concurrence of the
    diamond model (Wootters of ρ_SS, Eq. 3–5) at DIGITS digits, point after point on one core
    (each point's certification is single-threaded); the task returns the certified
    ``Decimal`` values (10 kB each), not whole results (12 such decimals per point)."""
    return [steadyent.diamond(p, digits=DIGITS).concurrence for p in points]


def machine_state() -> str:
    """The load average and how much a second core helps right now: the time of two threads
    each hashing 60 MB with SHA-256 (hashlib releases the GIL) over the time of one, best of
    3 (1.0 with a free second core, 2.0 with none)."""
    # The GIL test's reference workload and thread timer (python/tests/test_gil.py).
    sys.path.insert(0, os.path.join(ROOT, "python", "tests"))
    from test_gil import _reference_workload, _timed

    ratio = min(_timed(_reference_workload, 2) / _timed(_reference_workload, 1)
                for _ in range(3))
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"load average {load}; hashlib SHA-256, two threads / one: {ratio:.2f} (ideal 1.0)"


def main() -> None:
    global ROUNDS, opts
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="fewer repetitions (a smoke run)")
    ap.add_argument("--steadyent", default=os.path.join(ROOT, "target", "release", "steadyent"))
    opts = ap.parse_args()
    ROUNDS = 3 if opts.quick else 7

    def per_call(f, repeats: int) -> float:
        """Seconds per call of ``f()``, best of ROUNDS rounds of ``repeats`` calls."""
        best = float("inf")
        for _ in range(ROUNDS):
            t0 = time.perf_counter()
            for _ in range(repeats):
                f()
            best = min(best, (time.perf_counter() - t0) / repeats)
        return best


    def us(seconds: float) -> str:
        return f"{seconds * 1e6:9.2f} us"


    print(f"steadyent {steadyent.__version__}, Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} cores; best of {ROUNDS} rounds")
    print(f"machine at the start: {machine_state()}\n")

    # 1. Overhead per call ------------------------------------------------------------------
    print("1. per-call cost (one point; 'binding overhead' = Python call - the library call it "
          "makes, timed in Rust)")
    cases = [
        ("diamond -2 3.5, 20 digits",
         lambda: steadyent.diamond("-2", "3.5", digits=20),
         ["diamond", "--beta-a", "-2", "--beta-s", "3.5", "--digits", "20", "--convention",
          "commuting", "--format", "json"], 2000),
        ("cavity 3.7 0.013 0.002 auto",
         lambda: steadyent.cavity("3.7", "0.013", "0.002"),
         ["cavity", "--kappa", "3.7", "--pump", "0.013", "--gamma", "0.002", "--g", "1",
          "--cutoff", "auto", "--frame", "rotating", "--format", "json"], 2000),
    ]
    if opts.quick:
        cases = [(n, f, a, r // 10) for n, f, a, r in cases]
    print(f"{'point':<30}{'Python call':>13}{'library (Rust)':>16}{'model (Rust)':>15}"
          f"{'binding overhead':>19}{'old: CLI layer':>16}")
    for name, call, args, repeats in cases:
        python = per_call(call, repeats)
        library = _native._bench_library("library", args, repeats, ROUNDS)
        model = _native._bench_library("model", args, repeats, ROUNDS)
        command = _native._bench_library("cli", args, repeats, ROUNDS)
        print(f"{name:<30}{us(python):>13}{us(library):>16}{us(model):>15}"
              f"{us(python - library):>19}{us(command):>16}")
    print("   (library = the Rust function the binding calls: input checks, computation, typed "
          "document;\n    old: CLI layer = the same command through clap and JSON text, what "
          "the binding called before)")
    try:
        import qutip
        sys.path.insert(0, os.path.join(ROOT, "python", "tests"))
        from test_qobj import qutip_cavity

        r = steadyent.cavity(3.7, 0.013, 0.002)
        t = per_call(lambda: qutip_cavity(3.7, 0.013, 0.002, 1.0, r.cutoff), 3 if opts.quick else 20)
        print(f"{'  peer: qutip.steadystate':<30}{us(t):>13}   (qutip {qutip.__version__}, same "
              f"point, cutoff {r.cutoff}; model only, no cutoff search)")
    except ImportError:
        print("  (qutip not installed: no peer figure)")

    # 2. 1000 certified 50-digit points -------------------------------------------------------
    print("\n2. 1000 random (beta_a, beta_s) in [-5, 5]^2, 50 certified digits")
    random.seed(1)
    points = [(f"{random.uniform(-5, 5):.3f}", f"{random.uniform(-5, 5):.3f}") for _ in range(1000)]
    times, column_times = [], []
    for _ in range(ROUNDS):
        t0 = time.perf_counter()
        ref = steadyent.reference(points, digits=50)
        t1 = time.perf_counter()
        columns = ref.columns()
        column_times.append(time.perf_counter() - t1)
        times.append(t1 - t0)
    assert ref.rows == 1000 and all(row["digits"] == 50
                                    for row in ref.to_dict()["points"])
    assert len(columns["concurrence"]) == 1000
    print(f"   steadyent.reference (Python, both cores): median {statistics.median(times) * 1e3:7.1f} ms,"
          f" best {min(times) * 1e3:6.1f} ms  (goal < 100 ms)")
    print(f"     then .columns() (every column as NumPy): median "
          f"{statistics.median(column_times) * 1e3:7.1f} ms")
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
        f.write("beta_a,beta_s\n" + "".join(f"{a},{s}\n" for a, s in points))
    library = _native._bench_library("library", ["reference", "--points", f.name, "--digits",
                                                 "50"], 1, ROUNDS)
    print(f"   the same library call in Rust (parse, certify on all cores, document): best "
          f"{library * 1e3:6.1f} ms")
    if os.path.exists(opts.steadyent):
        cli_times = []
        for _ in range(ROUNDS):
            t0 = time.perf_counter()
            subprocess.run([opts.steadyent, "reference", "--points", f.name, "--digits", "50",
                            "--format", "json"], check=True, capture_output=True)
            cli_times.append(time.perf_counter() - t0)
        print(f"   steadyent reference (CLI, whole process): median "
              f"{statistics.median(cli_times) * 1e3:7.1f} ms, best {min(cli_times) * 1e3:6.1f} ms")
    os.unlink(f.name)
    n_serial = 100 if opts.quick else 1000
    t0 = time.perf_counter()
    for p in points[:n_serial]:
        steadyent.diamond(p, digits=50)
    serial = (time.perf_counter() - t0) / n_serial
    print(f"   steadyent.diamond one point at a time (one core): {serial * 1e6:.0f} us per point, "
          f"{serial * 1000 * 1e3:.0f} ms per 1000")

    # 3. Dask LocalCluster --------------------------------------------------------------------
    print("\n3. Dask LocalCluster, worker processes with 1 thread each, loopback only")
    try:
        import distributed
    except ImportError:
        print("   (dask[distributed] not installed)")
        return

    per_task = 16
    n_points = per_task * (2 if opts.quick else 8)
    heavy = [(f"{k / 32 - 2:.4f}", f"{3 - k / 64:.4f}") for k in range(n_points)]
    chunks = steadyent.tasks.split(heavy, size=per_task)
    heavy_chunk(heavy[:1])  # warm up this process as the workers are warmed up below
    t0 = time.perf_counter()
    expected = [heavy_chunk(c) for c in chunks]
    serial = time.perf_counter() - t0
    print(f"   workload: {len(chunks)} tasks, each the certified concurrence of {per_task} diamond "
          f"points at {DIGITS} digits (single-threaded); in process, one after another: {serial:.2f} s "
          f"({serial / len(chunks) * 1e3:.0f} ms per task)")
    walls = {}
    for workers in (1, 2):
        with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                      dashboard_address=None, host="127.0.0.1") as cluster, \
                distributed.Client(cluster) as client:
            # Import and warm up every worker (the shared diamond system, the precision).
            client.run(lambda: steadyent.diamond(0, 0, digits=DIGITS))
            if workers == 1:
                noop = []
                for _ in range(20):
                    t0 = time.perf_counter()
                    client.submit(int, 0, pure=False).result()
                    noop.append(time.perf_counter() - t0)
                print(f"   round trip of an empty task: median "
                      f"{statistics.median(noop) * 1e3:.1f} ms")
            runs = []
            for _ in range(2 if opts.quick else 3):
                t0 = time.perf_counter()
                got = client.gather(client.map(heavy_chunk, chunks, pure=False))
                runs.append(time.perf_counter() - t0)
            assert got == expected
            walls[workers] = statistics.median(runs)
            print(f"   LocalCluster, {workers} worker(s): median {walls[workers]:.2f} s of "
                  f"{len(runs)} runs (equal to the in-process results)")
    overhead = (walls[1] - serial) / walls[1]
    print(f"   task overhead on 1 worker: {overhead * 100:.1f}% of its wall time "
          f"(goal < 10%)")
    print(f"   speed-up with 2 workers: {walls[1] / walls[2]:.2f}x (2 cores; ideal 2)")

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, host="127.0.0.1") as cluster, \
            distributed.Client(cluster) as client:
        client.run(lambda: steadyent.diamond(0, 0))
        t0 = time.perf_counter()
        columns = steadyent.tasks.combine(client.gather(client.map(
            steadyent.tasks.run, steadyent.tasks.fig2_tasks("fig2c", points=200, tasks=8))))
        dask_sweep = time.perf_counter() - t0
    t0 = time.perf_counter()
    local = steadyent.sweep("fig2c", points=200)
    local_sweep = time.perf_counter() - t0
    import numpy as np

    # NaN where the CLI prints null (omega0 in the rotating frame) equals NaN here.
    assert all(np.array_equal(columns[k], local[k], equal_nan=local[k].dtype.kind == "f")
               for k in local)
    print(f"   a light sweep for contrast: fig2c, 600 points: in process {local_sweep * 1e3:.1f} ms, "
          f"on 2 workers in 8 tasks {dask_sweep * 1e3:.1f} ms (equal results; task overhead dominates)")
    print(f"\nmachine at the end: {machine_state()}")


if __name__ == "__main__":  # Dask's worker processes import this file: run only as a script
    main()
