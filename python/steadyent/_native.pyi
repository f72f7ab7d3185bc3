"""Type stubs of the PyO3 extension ``steadyent._native`` (python/src/lib.rs)."""

from os import PathLike
from typing import Any

__version__: str

class ComputationError(RuntimeError):
    """The computation could not give a trustworthy answer (base of SteadyStateError)."""

class SteadyStateError(ComputationError):
    """No unique steady state (non-unique kernel, or the photon cutoff did not converge)."""

def run(args: list[str]) -> tuple[int, str, str | None]:
    """One CLI command in process, GIL released: (exit code, stdout, one-line message)."""

def diamond_exact_state(alpha: str, sigma: str, convention: str) -> list[list[tuple[str, str]]]:
    """Exact ρ_SS of Eq. (1)-(3) at rational α, σ: rows of (re, im) rational strings."""

def cavity_state(
    g: float, kappa: float, pump: float, gamma: float, cutoff: int, omega0: float | None = None
) -> tuple[tuple[bytes, int], tuple[bytes, int]]:
    """ρ_SS of Eq. (7)-(8) at a fixed cutoff: (full, two-qubit) as (complex128 bytes, dim)."""

def cavity_exact_state(g: str, kappa: str, pump: str, gamma: str, cutoff: int) -> tuple[bytes, int]:
    """Exact ρ_SS of Eq. (7)-(8) in the plain Fock basis, as (complex128 bytes, dim)."""

def prove(directory: str | PathLike[str] | None = None) -> tuple[list[dict[str, Any]], list[str]]:
    """Symbolic ρ_SS and every proof certificate: (theorem reports, drifted proof pages)."""

def fig2_grid(figure: str, points: int) -> tuple[float, list[float], list[float]]:
    """(γ, pump rates, κ grid) of a Fig. 2 panel, units g = 1."""
