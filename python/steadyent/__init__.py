"""steadyent from Python: exact and certified steady states of F. Tacchino, A. Auffèves,
M. F. Santos, D. Gerace, *Steady State Entanglement beyond Thermal Limits*, PRL 120, 063604
(2018), computed by the Rust library itself (PyO3 bindings; the GIL is released during every
computation, and results pickle, so the functions run on Dask or multiprocessing workers).

Conventions (the paper's, as in the Rust library and the CLI):

- master equation ``∂_t ρ = i[ρ, H] + Σ_k (r_k/2) D_{o_k}(ρ)``, ``D_o(ρ) = 2oρo† − {o†o, ρ}``
  (Eq. 2); a channel of rate ``r`` is QuTiP's collapse operator ``√r·o``; ``ħ = k_B = 1``;
- diamond model (Eq. 1–3) in units ``Γ⁺ = ω0 = 1``, ``α = e^{β_A}``, ``σ = e^{β_S}``;
  cavity model (Eq. 7–8) in units ``g = 1``, basis cavity ⊗ qubit 1 ⊗ qubit 2;
- qubit ladder operators commute between the two qubits (``convention="jordan-wigner"``
  computes the other reading);
- inputs are exact: ``"3.5"`` is 7/2, ``"1e-3"`` is 1/1000, a ``float`` is the decimal it
  prints as; certified outputs are ``decimal.Decimal`` whose every digit is correct.

Functions: :func:`diamond`, :func:`diamond_exact`, :func:`cavity`, :func:`cavity_exact`,
:func:`reference`, :func:`sweep`, :func:`check`, :func:`prove`; :mod:`steadyent.tasks` splits
sweeps into tasks for Dask. Every result has ``.to_dict()``, equal to the CLI's JSON for the
same input. Bad input raises ``ValueError`` with the CLI's one-line message; a non-unique
steady state or an unconverged photon cutoff raises :class:`SteadyStateError`.

No function touches the network; NumPy is needed for arrays, QuTiP (optional) for ``.qobj()``,
mpmath (optional) for ``.mpf()``.
"""

from ._api import (
    cavity,
    cavity_exact,
    check,
    diamond,
    diamond_exact,
    emitters,
    prove,
    reference,
    sweep,
)
from ._native import ComputationError, SteadyStateError
from ._native import __version__ as _native_version
from ._results import (
    QUBIT_BASIS,
    CavityExactResult,
    CavityResult,
    CheckReport,
    DiamondExactResult,
    DiamondResult,
    EmittersResult,
    ProveReport,
    ReferenceResult,
    Result,
    SweepResult,
)

__version__ = _native_version

__all__ = [
    "QUBIT_BASIS",
    "CavityExactResult",
    "CavityResult",
    "CheckReport",
    "ComputationError",
    "DiamondExactResult",
    "DiamondResult",
    "EmittersResult",
    "ProveReport",
    "ReferenceResult",
    "Result",
    "SteadyStateError",
    "SweepResult",
    "cavity",
    "cavity_exact",
    "check",
    "diamond",
    "diamond_exact",
    "emitters",
    "prove",
    "reference",
    "sweep",
]
