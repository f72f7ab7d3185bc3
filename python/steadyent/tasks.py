"""Splits a sweep into independent tasks for a cluster (Dask, ``concurrent.futures``,
``multiprocessing``) and puts the pieces back together in the order of the in-process result.

A task is a picklable, zero-argument callable; running every task and passing the results,
in task order, to :func:`combine` gives exactly what the in-process call returns:

- :func:`fig2_tasks` — a Fig. 2(b)/(c) sweep (Eq. 7–9 over log-spaced ``κ/g``) as chunks of
  :func:`steadyent.cavity` calls on the same grid; :func:`combine` gives the columns of
  ``steadyent.sweep(figure, points=..., cutoff=...)``, value for value;
- :func:`reference_tasks` — certified diamond values (Eq. 3–6) at many points as chunks of
  :func:`steadyent.reference`; :func:`combine` gives the document of one call on all points.

Nothing here imports Dask; with a ``distributed.Client``::

    futures = client.map(steadyent.tasks.run, steadyent.tasks.fig2_tasks("fig2c", points=200))
    columns = steadyent.tasks.combine(client.gather(futures))
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from . import _api, _native
from ._results import ReferenceResult, _column, _scalar_names

Task = Callable[[], Any]



def split(items: Sequence[Any], tasks: int | None = None, size: int | None = None) -> list[list[Any]]:
    """``items`` in contiguous chunks, order kept: ``tasks`` chunks of near-equal length, or
    chunks of ``size`` items (exactly one of the two)."""
    if (tasks is None) == (size is None):
        raise ValueError("give exactly one of tasks= and size=")
    n = len(items)
    if tasks is not None:
        if tasks < 1:
            raise ValueError(f"invalid value for tasks: {tasks}; accepted: an integer >= 1")
        bounds = [n * k // tasks for k in range(tasks + 1)]
        return [list(items[a:b]) for a, b in zip(bounds, bounds[1:]) if b > a]
    if size is None or size < 1:
        raise ValueError(f"invalid value for size: {size}; accepted: an integer >= 1")
    return [list(items[k:k + size]) for k in range(0, n, size)]


def _cavity_rows(points: list[tuple[float, float]], gamma: float,
                 cutoff: int | str) -> list[dict[str, Any]]:
    # Each row is the cavity model's one result (CavityResult), as in the sweep; the document's
    # header (model, units, accuracy) is the sweep's header, not part of its rows.
    header = ("model", "units", "accuracy")
    return [{k: v for k, v in _api.cavity(kappa, pump, gamma, cutoff=cutoff).to_dict().items()
             if k not in header} for pump, kappa in points]


def _reference_chunk(points: list[Any], digits: int) -> dict[str, Any]:
    return _api.reference(points, digits=digits).to_dict()


def fig2_tasks(figure: str, points: int = 200, cutoff: int | str = "auto",
               tasks: int = 8) -> list[Task]:
    """The sweep ``steadyent.sweep(figure, points=points, cutoff=cutoff)`` of Fig. 2(b)/(c)
    as ``tasks`` chunks of full/effective cavity solves (Eq. 7–9) on the library's own κ grid
    and pump rates (units ``g = 1``), in the sweep's row order."""
    gamma, pumps, kappas = _native.fig2_grid(figure, points)
    grid = [(pump, kappa) for pump in pumps for kappa in kappas]
    return [functools.partial(_cavity_rows, chunk, gamma, cutoff)
            for chunk in split(grid, tasks=tasks)]


def reference_tasks(points: Iterable[Any], digits: int = 50, size: int = 1000) -> list[Task]:
    """``steadyent.reference(points, digits)`` as chunks of ``size`` points."""
    return [functools.partial(_reference_chunk, chunk, digits)
            for chunk in split(list(points), size=size)]


def run(task: Task) -> Any:
    """Runs one task (a module-level function, so ``client.map(run, tasks)`` pickles by name)."""
    return task()


def combine(results: Sequence[Any]) -> Any:
    """The results of the tasks, in task order, as the in-process call would return them: for
    :func:`fig2_tasks` a ``dict`` of NumPy columns (the sweep's: every scalar field of the
    cavity result, in its order), for
    :func:`reference_tasks` a :class:`steadyent.ReferenceResult` of all points."""
    if not results:
        raise ValueError("no task results to combine")
    if isinstance(results[0], list):
        rows = [row for chunk in results for row in chunk]
        return {name: _column([row.get(name) for row in rows]) for name in _scalar_names(rows)}
    document = dict(results[0])
    document["points"] = [row for chunk in results for row in chunk["points"]]
    return ReferenceResult(document)
