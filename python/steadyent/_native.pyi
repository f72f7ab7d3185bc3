"""Type stubs of the PyO3 extension ``steadyent._native`` (python/src/lib.rs)."""

from os import PathLike
from typing import Any

__version__: str

class ComputationError(RuntimeError):
    """The computation could not give a trustworthy answer (base of SteadyStateError)."""

class SteadyStateError(ComputationError):
    """No unique steady state (non-unique kernel, or the photon cutoff did not converge)."""

class Document:
    """One result document of the library, held in Rust (the value the CLI prints as JSON)."""

    def to_python(self) -> dict[str, Any]:
        """The document as dict/list/str/int/float/bool/None: what json.loads gives for the
        CLI's JSON text of it, keys in the CLI's order."""

    def to_json(self) -> str:
        """The CLI's JSON text of the document (pretty-printed, final newline)."""

def diamond(beta_a: str, beta_s: str, digits: int, convention: str) -> Document:
    """Eq. (3)-(6) certified at exact inverse temperatures (text), GIL released."""

def diamond_exact(alpha: str, sigma: str, digits: int, convention: str) -> Document:
    """Eq. (1)-(6) solved exactly at rational rate ratios (text), GIL released."""

def reference(points: str, digits: int) -> Document:
    """Eq. (3)-(6) certified at the 'beta_a,beta_s' rows of CSV text, on all cores."""

def cavity(
    kappa: str, pump: str, gamma: str, g: str, cutoff: str, lab: bool, omega0: str | None = None
) -> Document:
    """Eq. (7)-(9) in f64 at one point (rates as text, units g), GIL released."""

def cavity_exact(
    kappa: str, pump: str, gamma: str, g: str, cutoff: str, digits: int, full_uniqueness: bool
) -> Document:
    """Eq. (7)-(8) truncated, solved exactly at rational rates (text), GIL released."""

def emitters(
    n: str,
    kappa: str,
    pump: str,
    gamma: str,
    dephasing: str,
    g: str,
    cutoff: str | None,
    effective: bool,
    exact: bool,
    digits: int | None = None,
) -> Document:
    """N emitters in one cavity (Eq. 7-8 with N; Eq. 9 generalised), GIL released."""

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

def _bench_library(layer: str, args: list[str], repeats: int, rounds: int) -> float:
    """Seconds per call of the library in Rust (layer 'cli', 'library' or 'model'), best of
    rounds; for bench/python_overhead.py."""
