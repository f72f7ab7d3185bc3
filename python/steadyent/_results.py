"""Result objects: each wraps the CLI's JSON document for the same input (``.to_dict()``) and
reads it as Python numbers — exact rationals as ``Fraction``, certified decimals as
``Decimal`` (and ``mpmath.mpf``), f64 values as ``float``, columns as NumPy arrays, steady
states as ``qutip.Qobj``.

Every result is a plain Python object holding plain data, so it pickles (Dask, ``multiprocessing``).
"""

from __future__ import annotations

import copy
import decimal
import json
import fractions
import math
from collections.abc import Iterator, Mapping
from typing import Any

from . import _native

#: The basis of the two-qubit states: ``|00⟩, |01⟩, |10⟩, |11⟩`` (qubit 1 ⊗ qubit 2; ``|1⟩`` is
#: the excited state), the order of the Rust library.
QUBIT_BASIS = ("00", "01", "10", "11")


def _decimal(text: str | None) -> decimal.Decimal | None:
    return None if text is None else decimal.Decimal(text)


def _fraction(text: str | None) -> fractions.Fraction | None:
    return None if text is None else fractions.Fraction(text)


def _beta(text: str) -> fractions.Fraction | float:
    if text in ("inf", "-inf"):
        return float(text)
    return fractions.Fraction(text)


def _significant_digits(text: str) -> int:
    digits = decimal.Decimal(text).as_tuple().digits
    return max(len(digits), 1)


def _mpf(text: str, digits: int) -> Any:
    """``text`` as ``mpmath.mpf`` rounded at ``digits`` significant decimal digits."""
    try:
        import mpmath
    except ImportError as e:  # pragma: no cover - exercised only without mpmath
        raise ImportError("mpf values need mpmath: pip install mpmath") from e
    with mpmath.workdps(digits):
        return +mpmath.mpf(text)


def _qutip():
    try:
        import qutip
    except ImportError as e:  # pragma: no cover - exercised only without QuTiP
        raise ImportError("qobj() needs QuTiP, an optional dependency: pip install qutip") from e
    return qutip


def _bell_diagonal(populations: Mapping[str, float]):
    """``Σ_k p_k |k⟩⟨k|`` over ``G = |00⟩, S = (|01⟩+|10⟩)/√2, A = (|01⟩−|10⟩)/√2, E = |11⟩``
    (Fig. 1a) as a 4×4 NumPy array in the basis :data:`QUBIT_BASIS`."""
    import numpy as np

    g, s, a, e = (float(populations[k]) for k in "GSAE")
    rho = np.zeros((4, 4))
    rho[0, 0] = g
    rho[3, 3] = e
    rho[1, 1] = rho[2, 2] = (s + a) / 2
    rho[1, 2] = rho[2, 1] = (s - a) / 2
    return rho


def _matrix(payload: tuple[bytes, int]):
    import numpy as np

    data, n = payload
    return np.frombuffer(data, dtype=np.complex128).reshape(n, n).copy()


class Result:
    """Base of every result: the CLI's JSON document and how to compare, print and pickle it.

    The document arrives as the library's typed result (``_native.Document``, for the model
    functions) or as the JSON text the command printed (``sweep``, ``check``), and becomes
    Python objects on first use — ``Document.to_python()`` (serde straight to ``dict``), or
    ``json.loads``, which rounds every printed number back to the same ``float`` — so a call
    that only passes its result on pays nothing for the conversion.
    """

    #: The model or command the result comes from (for ``repr``).
    kind = "result"

    def __init__(self, document: dict[str, Any] | str | _native.Document):
        self._source = document
        self._parsed: dict[str, Any] | None = document if type(document) is dict else None

    @property
    def _doc(self) -> dict[str, Any]:
        doc = self._parsed
        if doc is None:
            source = self._source
            doc = json.loads(source) if type(source) is str else source.to_python()
            self._parsed = doc
        return doc

    def to_dict(self) -> dict[str, Any]:
        """The CLI's JSON object for the same input (``steadyent … --format json``), field for
        field and digit for digit: numbers the CLI prints as strings stay strings (exact
        rationals, certified decimals), f64 values are the same ``float``. A fresh copy."""
        return copy.deepcopy(self._doc)

    def __getitem__(self, key: str) -> Any:
        return self._doc[key]

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other._doc == self._doc  # type: ignore[attr-defined]

    def __hash__(self) -> int:  # results are values, but hold mutable documents
        raise TypeError(f"unhashable type: '{type(self).__name__}'")

    def _pickled(self) -> dict[str, Any] | str:
        # The JSON text as it came, or the Python objects (a native Document does not pickle).
        return self._source if type(self._source) is str else self._doc

    def __reduce__(self):
        return (type(self), (self._pickled(),))

    def _fields(self) -> str:
        return ""

    def __repr__(self) -> str:
        return f"<steadyent.{type(self).__name__} {self._fields()}>"


class _DiamondBase(Result):
    kind = "diamond"

    @property
    def convention(self) -> str:
        """Reading of the ladder operators: ``"commuting"`` (reproduces Eq. 4–5) or
        ``"jordan-wigner"``."""
        return self._doc["convention"]

    @property
    def digits(self) -> int:
        """Significant digits of every certified decimal."""
        return self._doc["digits"]

    @property
    def concurrence(self) -> decimal.Decimal:
        """Wootters concurrence of ``ρ_SS`` (text above Eq. 4), ``digits`` certified digits."""
        return decimal.Decimal(self._doc["concurrence"])

    @property
    def entropy_production(self) -> decimal.Decimal | None:
        """``Ṡ_irr = −β_A Q̇_A − β_S Q̇_S`` (Eq. 6), certified; ``None`` where it diverges (see
        ``to_dict()["entropy_production_divergence"]``)."""
        return _decimal(self._doc.get("entropy_production"))

    def _certified(self) -> dict[str, str]:
        """Every certified decimal of the document, by name."""
        out = {}
        for key in ("alpha", "sigma", "concurrence", "concurrence_eq5", "heat_current_a",
                    "heat_current_s", "entropy_production"):
            value = self._doc.get(key)
            if isinstance(value, str) and key in self._decimal_keys():
                out[key] = value
        for k, v in self._doc["populations"].items():
            if "populations" in self._decimal_keys():
                out[f"population_{k}"] = v
        return out

    def _decimal_keys(self) -> tuple[str, ...]:
        raise NotImplementedError

    def mpf(self, name: str) -> Any:
        """The certified decimal ``name`` (``"concurrence"``, ``"population_G"``, …) as an
        ``mpmath.mpf`` rounded at the certified precision (``digits`` significant digits).
        Needs mpmath."""
        values = self._certified()
        if name not in values:
            raise KeyError(f"no certified decimal '{name}'; available: {', '.join(values)}")
        return _mpf(values[name], self.digits)

    def to_mpmath(self) -> dict[str, Any]:
        """Every certified decimal as ``mpmath.mpf`` at the certified precision. Needs mpmath."""
        return {k: _mpf(v, self.digits) for k, v in self._certified().items()}

    def _fields(self) -> str:
        return f"concurrence={self._doc['concurrence']} ({self.convention})"


class DiamondResult(_DiamondBase):
    """Steady state of the diamond model (Eq. 1–3) at exact inverse temperatures, with the
    quantities of Eq. (4)–(6), every decimal certified to ``digits`` significant digits by
    MPFR interval enclosures (Ziv's strategy).

    ``to_dict()`` is the document of ``steadyent diamond --beta-a X --beta-s Y --format json``.
    """

    def _decimal_keys(self) -> tuple[str, ...]:
        return ("alpha", "sigma", "concurrence", "concurrence_eq5", "heat_current_a",
                "heat_current_s", "entropy_production", "populations")

    @property
    def beta_a(self) -> fractions.Fraction | float:
        """``β_A`` exactly as given (``Fraction``; ``±math.inf`` for a limit)."""
        return _beta(self._doc["beta_a"])

    @property
    def beta_s(self) -> fractions.Fraction | float:
        """``β_S`` exactly as given."""
        return _beta(self._doc["beta_s"])

    @property
    def alpha(self) -> decimal.Decimal | None:
        """``α = e^{β_A} = Γ_A⁻/Γ⁺`` (Eq. 3), certified; ``None`` at ``β_A = +∞`` (unbounded)."""
        return _decimal(self._doc.get("alpha"))

    @property
    def sigma(self) -> decimal.Decimal | None:
        """``σ = e^{β_S} = Γ_S⁻/Γ⁺`` (Eq. 3), certified; ``None`` at ``β_S = +∞``."""
        return _decimal(self._doc.get("sigma"))

    @property
    def populations(self) -> dict[str, decimal.Decimal]:
        """Populations of ``G = |00⟩``, ``S``, ``A`` (symmetric and antisymmetric one-excitation
        states) and ``E = |11⟩`` (Fig. 1a), certified."""
        return {k: decimal.Decimal(v) for k, v in self._doc["populations"].items()}

    @property
    def concurrence_eq5(self) -> decimal.Decimal | None:
        """The paper's closed form, Eq. (4)–(5), evaluated independently of the solve;
        ``None`` where its limit at ``β = +∞`` is not decided by continuity."""
        return _decimal(self._doc.get("concurrence_eq5"))

    @property
    def heat_current_a(self) -> decimal.Decimal:
        """``Q̇_A = Tr{H0 𝓛_A(ρ_SS)}`` (text below Eq. 6), certified."""
        return decimal.Decimal(self._doc["heat_current_a"])

    @property
    def heat_current_s(self) -> decimal.Decimal:
        """``Q̇_S = Tr{H0 𝓛_S(ρ_SS)}``, certified."""
        return decimal.Decimal(self._doc["heat_current_s"])

    @property
    def precision_bits(self) -> int:
        """MPFR working precision at which every digit was decided."""
        return self._doc["precision_bits"]

    def density_matrix(self):
        """``ρ_SS`` as a 4×4 NumPy array in the basis ``|00⟩, |01⟩, |10⟩, |11⟩``.

        The diamond steady state is diagonal in ``{G, S, A, E}`` (its X-shape and the qubit
        exchange symmetry; ``tests/test_qobj.py`` checks it against the exact solve in both
        conventions), so it is built from the certified populations, each rounded to the
        nearest ``float``."""
        return _bell_diagonal(self._doc["populations"])

    def qobj(self):
        """``ρ_SS`` as a ``qutip.Qobj`` with ``dims [[2, 2], [2, 2]]`` (qubit 1 ⊗ qubit 2,
        ``basis(2, 1)`` excited). Needs QuTiP."""
        qutip = _qutip()
        return qutip.Qobj(self.density_matrix(), dims=[[2, 2], [2, 2]])


class DiamondExactResult(_DiamondBase):
    """Exact steady state of the diamond model (Eq. 1–3) at rational rate ratios
    ``α = e^{β_A}``, ``σ = e^{β_S}``: the 16×16 Liouvillian solved over the Gaussian rationals
    (nullity 1 proves uniqueness); rationals as ``Fraction``, the concurrence in closed form
    ``√u − √v`` and to ``digits`` certified digits.

    ``to_dict()`` is the document of ``steadyent diamond --alpha R --sigma R --format json``.
    """

    def _decimal_keys(self) -> tuple[str, ...]:
        return ("concurrence", "entropy_production")

    @property
    def alpha(self) -> fractions.Fraction:
        """``α = Γ_A⁻/Γ⁺`` (Eq. 3), exact."""
        return fractions.Fraction(self._doc["alpha"])

    @property
    def sigma(self) -> fractions.Fraction:
        """``σ = Γ_S⁻/Γ⁺`` (Eq. 3), exact."""
        return fractions.Fraction(self._doc["sigma"])

    @property
    def populations(self) -> dict[str, fractions.Fraction]:
        """Exact populations of ``G, S, A, E`` (Fig. 1a)."""
        return {k: fractions.Fraction(v) for k, v in self._doc["populations"].items()}

    @property
    def concurrence_exact(self) -> str:
        """The exact concurrence: ``"0"`` or ``"sqrt(u) - sqrt(v)"`` with rational ``u, v``."""
        return self._doc["concurrence_exact"]

    @property
    def heat_current_a(self) -> fractions.Fraction:
        """``Q̇_A`` (text below Eq. 6), exact."""
        return fractions.Fraction(self._doc["heat_current_a"])

    @property
    def heat_current_s(self) -> fractions.Fraction:
        """``Q̇_S``, exact (``Q̇_A + Q̇_S = 0``)."""
        return fractions.Fraction(self._doc["heat_current_s"])

    def exact_state(self) -> list[list[fractions.Fraction]]:
        """``ρ_SS`` exactly, as 4×4 rows of ``Fraction`` in the basis ``|00⟩ … |11⟩``, from the
        library's exact solve (the state is real; an imaginary part would raise)."""
        rows = _native.diamond_exact_state(self._doc["alpha"], self._doc["sigma"],
                                           self.convention)
        out = []
        for row in rows:
            if any(im != "0" for _, im in row):
                raise _native.ComputationError("the exact steady state has an imaginary part")
            out.append([fractions.Fraction(re) for re, _ in row])
        return out

    def density_matrix(self):
        """``ρ_SS`` as a 4×4 NumPy array (each exact entry rounded to the nearest float)."""
        import numpy as np

        return np.array([[float(x) for x in row] for row in self.exact_state()])

    def qobj(self):
        """``ρ_SS`` as a ``qutip.Qobj``, ``dims [[2, 2], [2, 2]]``. Needs QuTiP."""
        return _qutip().Qobj(self.density_matrix(), dims=[[2, 2], [2, 2]])


class CavityResult(Result):
    """The full cavity-QED model (Eq. 7–8: two qubits, one resonant mode truncated to
    ``cutoff`` Fock states) and its effective diamond model (Eq. 9) at one point, in ``f64``
    with the residual ``max|𝓛ρ|`` checked on the full space.

    ``to_dict()`` is the document of ``steadyent cavity … --format json``.
    """

    kind = "cavity"

    @property
    def concurrence(self) -> float:
        """Concurrence of the full model's two-qubit state (Fig. 2b–c, solid lines)."""
        return self._doc["concurrence"]

    @property
    def concurrence_effective(self) -> float:
        """Concurrence of the effective model, Eq. (9) (Fig. 2b–c, dashed lines)."""
        return self._doc["concurrence_effective"]

    @property
    def cutoff(self) -> int:
        """Number of Fock states used (the converged one with ``cutoff="auto"``)."""
        return self._doc["cutoff"]

    @property
    def beta_a(self) -> float:
        """Effective ``β_A = ln(γ/p)`` (Eq. 9); ``-inf`` at ``γ = 0``."""
        return float(self._doc["beta_a"])

    @property
    def beta_s(self) -> float:
        """Effective ``β_S = ln((2Γ + γ)/p)`` with ``Γ = 4g²/κ`` (Eq. 9)."""
        return float(self._doc["beta_s"])

    @property
    def mean_photon_number(self) -> float:
        """``⟨a†a⟩`` in the steady state."""
        return self._doc["mean_photon_number"]

    @property
    def residual(self) -> float:
        """``max|𝓛ρ|`` of Eq. (7)–(8) on the full space (units of the rates)."""
        return self._doc["residual"]

    def _state(self):
        d = self._doc
        return _native.cavity_state(d["g"], d["kappa"], d["pump"], d["gamma"], d["cutoff"],
                                    d["omega0"])

    def density_matrix(self, full: bool = False):
        """The steady state as a NumPy array: the two-qubit state ``Tr_cav ρ_SS`` (4×4, basis
        ``|00⟩ … |11⟩``), or with ``full=True`` the whole ``ρ_SS`` on
        ``cavity ⊗ qubit 1 ⊗ qubit 2`` (``4N × 4N``). Solved again by the library at the
        reported cutoff (the same solve, so the same numbers)."""
        full_bytes, qubit_bytes = self._state()
        return _matrix(full_bytes if full else qubit_bytes)

    def qobj(self, full: bool = False):
        """The steady state as a ``qutip.Qobj``: two-qubit (``dims [[2, 2], [2, 2]]``) or, with
        ``full=True``, on ``cavity ⊗ qubit 1 ⊗ qubit 2`` (``dims [[N, 2, 2], [N, 2, 2]]``, QuTiP's
        ``destroy(N)`` for the mode). Needs QuTiP."""
        qutip = _qutip()
        dims = [[self.cutoff, 2, 2]] * 2 if full else [[2, 2], [2, 2]]
        return qutip.Qobj(self.density_matrix(full), dims=dims)

    def _fields(self) -> str:
        return f"concurrence={self.concurrence!r} cutoff={self.cutoff}"


class CavityExactResult(Result):
    """The truncated cavity model (Eq. 7–8) solved exactly over the rationals at rational
    rates and a fixed cutoff (factorial picture ``ρ = S r S``, ``S = diag(√n!)``): exact
    two-qubit state, exact concurrence and its certified digits, ``𝓛ρ = 0`` checked exactly.

    ``to_dict()`` is the document of ``steadyent cavity --exact … --format json``.
    """

    kind = "cavity_exact"

    @property
    def concurrence(self) -> decimal.Decimal:
        """Concurrence of the exact two-qubit state, ``digits`` certified digits."""
        return decimal.Decimal(self._doc["concurrence"])

    @property
    def concurrence_exact(self) -> str:
        """The exact concurrence: ``"0"`` or ``"sqrt(u) - sqrt(v)"``."""
        return self._doc["concurrence_exact"]

    @property
    def digits(self) -> int:
        """Certified digits of :attr:`concurrence`."""
        return self._doc["digits"]

    @property
    def cutoff(self) -> int:
        """Number of Fock states."""
        return self._doc["cutoff"]

    @property
    def qubit_state(self) -> list[list[fractions.Fraction]]:
        """``Tr_cav ρ_SS`` exactly, 4×4 rows of ``Fraction`` in the basis ``|00⟩ … |11⟩``."""
        return [[fractions.Fraction(x) for x in row] for row in self._doc["exact_qubit_state"]]

    @property
    def fock_populations(self) -> list[fractions.Fraction]:
        """Exact photon-number distribution ``P(n)``, ``n = 0 … N−1``."""
        return [fractions.Fraction(x) for x in self._doc["fock_populations"]]

    def mpf(self, name: str = "concurrence") -> Any:
        """The certified concurrence as ``mpmath.mpf`` at the certified precision."""
        if name != "concurrence":
            raise KeyError(f"no certified decimal '{name}'; available: concurrence")
        return _mpf(self._doc["concurrence"], self.digits)

    def density_matrix(self, full: bool = False):
        """The two-qubit state (exact entries rounded to float), or with ``full=True`` the
        whole ``ρ_SS`` in the plain Fock basis from the library's exact solve."""
        import numpy as np

        if not full:
            return np.array([[float(x) for x in row] for row in self.qubit_state])
        d = self._doc
        return _matrix(_native.cavity_exact_state(d["g"], d["kappa"], d["pump"], d["gamma"],
                                                  d["cutoff"]))

    def qobj(self, full: bool = False):
        """As :meth:`CavityResult.qobj`. Needs QuTiP."""
        qutip = _qutip()
        dims = [[self.cutoff, 2, 2]] * 2 if full else [[2, 2], [2, 2]]
        return qutip.Qobj(self.density_matrix(full), dims=dims)

    def _fields(self) -> str:
        return f"concurrence={self._doc['concurrence']} cutoff={self.cutoff}"


def _column(values: list[Any]):
    """A JSON column as a NumPy array: numbers as float64 (ints as int64); decimal strings
    parsed to float; ``"inf"``/``"-inf"`` to ±inf; ``None`` (the CLI's null) to NaN; a
    column of words (not numbers) as an object array of ``str``."""
    import numpy as np

    # JSON gives exactly int, float, str, bool or None: ``type(v) is int`` excludes bool.
    if values and all(type(v) is int for v in values):
        return np.array(values, dtype=np.int64)
    try:
        return np.fromiter((math.nan if v is None else float(v) for v in values),
                           dtype=np.float64, count=len(values))
    except ValueError:
        # Words, such as a cavity row's ``frame`` or ``cutoff_mode``: an array of ``str``.
        return np.array(values, dtype=object)


def _scalar_names(rows: list[dict[str, Any]]) -> list[str]:
    """The column names of ``rows``: every field holding a number, a string or null, in
    first-seen order (nested objects, such as a cavity row's ``effective_rates``, are not
    columns)."""
    names: dict[str, None] = {}  # insertion-ordered set
    scalar = (int, float, str, bool, type(None))
    for row in rows:
        for k, v in row.items():
            if k not in names and type(v) in scalar:
                names[k] = None
    return list(names)


class _Columns(Result, Mapping):
    """A result whose ``points`` are rows: a read-only mapping of column name → NumPy array."""

    def _rows(self) -> list[dict[str, Any]]:
        return self._doc["points"]

    def _names(self) -> list[str]:
        names = self.__dict__.get("_names_cache")
        if names is None:
            names = self.__dict__["_names_cache"] = _scalar_names(self._rows())
        return names

    def __getitem__(self, key: str):
        if key not in self._names():
            raise KeyError(key)
        return _column([row.get(key) for row in self._rows()])

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())

    def __len__(self) -> int:
        return len(self._names())

    __eq__ = Result.__eq__
    __hash__ = Result.__hash__

    def columns(self) -> dict[str, Any]:
        """Every column as a NumPy array (a ``dict``, e.g. for ``pandas.DataFrame``)."""
        return {k: self[k] for k in self}

    @property
    def rows(self) -> int:
        """Number of points."""
        return len(self._rows())


class SweepResult(_Columns):
    """The data behind a figure: Fig. 1(b)/(c), concurrence (Eq. 4) and entropy production
    (Eq. 6) over a ``(β_A, β_S)`` grid; Fig. 2(b)/(c), full (Eq. 7–8) and effective (Eq. 9)
    concurrence over log-spaced ``κ/g``. A mapping of column name → NumPy array, in the row
    order of the CLI's output.

    ``to_dict()`` is the document of ``steadyent sweep FIGURE … --format json``. Fig. 1 values
    carry the digits their rigorous enclosures decide (the document's ``accuracy``), exact
    zeros ``0``; its columns are float64.
    """

    kind = "sweep"

    def __getitem__(self, key: str):
        column = super().__getitem__(key)
        # Fig. 1 prints each value with the digits its enclosure decides and an exact zero as
        # the JSON integer 0, so a column of exact zeros (C = 0 on a thermal grid) reads as
        # integers: every Fig. 1 column is real.
        if self._doc.get("figure", "").startswith("Fig. 1") and column.dtype.kind == "i":
            column = column.astype("float64")
        return column

    def _fields(self) -> str:
        return f"{self._doc['figure']} rows={self.rows} columns={list(self)}"


class ReferenceResult(_Columns):
    """Certified reference values of the diamond model (Eq. 3–6) at many points, every
    decimal certified to ``digits`` digits. A mapping of column name → float64 NumPy array
    (``β_A``, ``β_S``, ``α``, …; NaN where the CLI prints null: ``α``/``σ`` unbounded at
    ``β = +∞``, a diverging ``Ṡ``); :meth:`decimals` gives the exact certified values.

    ``to_dict()`` is the document of ``steadyent reference --points FILE --format json``.
    """

    kind = "reference"

    @property
    def digits(self) -> int:
        """Certified significant digits of every value (each point's ``digits``: one call
        certifies every point to the same number)."""
        rows = self._rows()
        return rows[0]["digits"] if rows else 0

    def decimals(self, name: str) -> list[decimal.Decimal | None]:
        """Column ``name`` as certified ``Decimal`` values (``None`` where null)."""
        return [_decimal(row.get(name)) for row in self._rows()]

    def mpf(self, name: str) -> list[Any]:
        """Column ``name`` as ``mpmath.mpf`` values at the certified precision."""
        return [None if v is None else _mpf(v, self.digits)
                for v in (row.get(name) for row in self._rows())]

    def _fields(self) -> str:
        return f"rows={self.rows} digits={self.digits}"


class CheckReport(Result):
    """Verdicts on every claim of the paper (``steadyent check``): each with the paper's words,
    the method, the evidence and structured data. ``bool(report)`` is true when the report
    would make the CLI exit 0.

    ``to_dict()`` is the document of ``steadyent check --format json`` (with the same seed;
    the per-claim ``seconds`` are wall times and differ between runs).
    """

    kind = "check"

    def __init__(self, document: dict[str, Any] | str, exit_code: int = 0,
                 message: str | None = None):
        super().__init__(document)
        self.exit_code = exit_code
        #: The CLI's one-line summary when the exit code is not 0.
        self.message = message

    def __reduce__(self):
        return (type(self), (self._pickled(), self.exit_code, self.message))

    def __bool__(self) -> bool:
        return self.exit_code == 0

    @property
    def ok(self) -> bool:
        """True when the CLI would exit 0."""
        return self.exit_code == 0

    @property
    def seed(self) -> int:
        """Seed of the random spot checks."""
        return self._doc["seed"]

    @property
    def claims(self) -> list[dict[str, Any]]:
        """Every claim's report (id, paper, method, verdict, evidence, checks, data, seconds)."""
        return copy.deepcopy(self._doc["claims"])

    def verdicts(self) -> dict[str, str]:
        """Claim id → verdict."""
        return {c["id"]: c["verdict"] for c in self._doc["claims"]}

    def _fields(self) -> str:
        return f"exit_code={self.exit_code} {self._doc['summary']}"


class ProveReport(Result):
    """The symbolic derivation of ``ρ_SS`` and the machine-checked proofs of the paper's
    statements (``steadyent prove``): one entry per theorem with its verdict and certificate
    kinds; with a proofs directory, the pages that drifted from the derivation.

    The CLI prints this report as text only; ``to_dict()`` holds the same facts.
    """

    kind = "prove"

    def __bool__(self) -> bool:
        return self.ok

    @property
    def ok(self) -> bool:
        """True when every theorem is proved (and no page drifted)."""
        return self._doc["ok"]

    @property
    def theorems(self) -> list[dict[str, Any]]:
        """Every theorem: id, title, statement, verdict, certificate kinds, evidence."""
        return copy.deepcopy(self._doc["theorems"])

    def _fields(self) -> str:
        proved = sum(t["verdict"] == "proved" for t in self._doc["theorems"])
        return f"{proved}/{len(self._doc['theorems'])} proved"


class EmittersResult(Result):
    """N emitters in one cavity (Eq. 7–8 with N emitters) and the effective model (Eq. 9
    generalised), numerically (``float`` values) or exactly (``Decimal`` certified digits with
    ``Fraction`` exact values).

    ``to_dict()`` is the document of ``steadyent emitters … --format json``; the effective
    model's values are under ``["effective"]``.
    """

    kind = "emitters"

    @property
    def exact(self) -> bool:
        """Whether this is the exact rational solve."""
        return self._doc.get("mode") == "exact"

    def _value(self, name: str):
        v = self._doc.get(name)
        if v is None or not self.exact:
            return v
        return decimal.Decimal(v)

    @property
    def n(self) -> int:
        """Number of emitters ``N``."""
        return self._doc["n"]

    @property
    def pair_concurrence(self):
        """Wootters concurrence of any two emitters (``None`` for N = 1)."""
        return self._value("pair_concurrence")

    @property
    def excited_population(self):
        """``⟨σᵢ⁺σᵢ⁻⟩`` of one emitter."""
        return self._value("excited_population")

    @property
    def mean_photon_number(self):
        """``⟨a†a⟩`` (``None`` for the effective model)."""
        return self._value("mean_photon_number")

    @property
    def g2_zero(self):
        """``g²(0)`` of the cavity (``None`` without photons, or where f64 cannot resolve it)."""
        return self._value("g2_zero")

    @property
    def spin_squared(self):
        """``⟨J²⟩``, ``J = Σᵢ σᵢ/2``."""
        return self._value("spin_squared")

    @property
    def spin_variance_sum(self):
        """``(ΔJx)² + (ΔJy)² + (ΔJz)²``."""
        return self._value("spin_variance_sum")

    @property
    def toth_entangled(self) -> bool | None:
        """Tóth's criterion: variance sum below ``N/2`` (``None``: undecided in f64)."""
        return self._doc["toth_entangled"]

    @property
    def cutoff(self) -> int | None:
        """Number of Fock states (``None`` for the effective model alone)."""
        return self._doc.get("cutoff")

    def exact_value(self, name: str) -> fractions.Fraction:
        """The exact rational value of ``name`` (exact results only), e.g.
        ``exact_value("spin_squared")``."""
        if not self.exact:
            raise KeyError("exact values need emitters(..., exact=True)")
        return fractions.Fraction(self._doc[f"{name}_exact"])

    def pair_state(self):
        """The two-emitter state ``ρ₁₂`` as a 4×4 NumPy array in :data:`QUBIT_BASIS`."""
        import numpy as np

        if self.exact:
            rows = self._doc["pair_state_exact"]
            return None if rows is None else np.array(
                [[float(fractions.Fraction(x)) for x in row] for row in rows])
        rows = self._doc["pair_state"]
        return None if rows is None else np.array(rows, dtype=float)

    def qobj(self):
        """The two-emitter state as a ``qutip.Qobj`` (``dims [[2, 2], [2, 2]]``). Needs QuTiP."""
        qutip = _qutip()
        rho = self.pair_state()
        if rho is None:
            raise ValueError("N = 1 has no pair state")
        return qutip.Qobj(rho, dims=[[2, 2], [2, 2]])

    def mpf(self, name: str = "pair_concurrence") -> Any:
        """A certified decimal as ``mpmath.mpf`` at its certified precision (exact results)."""
        if not self.exact:
            raise KeyError("certified decimals need emitters(..., exact=True)")
        return _mpf(self._doc[name], self._doc["digits"])

    def _fields(self) -> str:
        return f"n={self.n} pair_concurrence={self.pair_concurrence!r}"
