"""Sweeps on a Dask cluster: a ``distributed.LocalCluster`` (two worker processes, loopback
only) gives exactly the in-process results — the results pickle and the functions run in the
workers, which import the same extension."""

from __future__ import annotations

import numpy as np
import pytest

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
import dask.bag as db  # noqa: E402

import steadyent  # noqa: E402
import steadyent.tasks  # noqa: E402


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, host="127.0.0.1") as cluster, \
            distributed.Client(cluster) as client:
        yield client


POINTS = [(a, s) for a in ("-4", "-1.5", "0", "2.25") for s in ("-3", "0.5", "5")]


def test_bag_map_diamond_equals_in_process(client):
    distributed_results = db.from_sequence(POINTS, npartitions=4).map(steadyent.diamond) \
        .compute(scheduler=client.get)
    assert distributed_results == [steadyent.diamond(p) for p in POINTS]
    # Every value agrees with one certified reference call as well.
    reference = steadyent.reference(POINTS, digits=20)
    assert [r.to_dict()["concurrence"] for r in distributed_results] == \
        [row["concurrence"] for row in reference.to_dict()["points"]]


def test_fig2_sweep_split_into_tasks_equals_in_process_sweep(client):
    tasks = steadyent.tasks.fig2_tasks("fig2c", points=40, cutoff="auto", tasks=6)
    futures = client.map(steadyent.tasks.run, tasks)
    columns = steadyent.tasks.combine(client.gather(futures))
    in_process = steadyent.sweep("fig2c", points=40, cutoff="auto")
    assert set(columns) == set(in_process)
    for name in in_process:
        np.testing.assert_array_equal(columns[name], in_process[name], err_msg=name)


def test_reference_split_into_tasks_equals_one_call(client):
    tasks = steadyent.tasks.reference_tasks(POINTS, digits=30, size=5)
    assert len(tasks) == 3
    combined = steadyent.tasks.combine(client.gather(client.map(steadyent.tasks.run, tasks)))
    assert combined.to_dict() == steadyent.reference(POINTS, digits=30).to_dict()


def test_errors_cross_the_cluster(client):
    future = client.submit(steadyent.cavity_exact, 1, 0, 0, cutoff=3)
    with pytest.raises(steadyent.SteadyStateError):
        future.result()


def test_split():
    items = list(range(10))
    assert steadyent.tasks.split(items, tasks=3) == [[0, 1, 2], [3, 4, 5], [6, 7, 8, 9]]
    assert steadyent.tasks.split(items, size=4) == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]
    assert steadyent.tasks.split(items, tasks=20) == [[k] for k in items]
    with pytest.raises(ValueError):
        steadyent.tasks.split(items)
