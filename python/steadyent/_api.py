"""The functions of the ``steadyent`` package: each runs the Rust library's own computation
(in process, GIL released) and returns a result whose ``to_dict()`` is the CLI's JSON.

The model functions call the library directly (``_native.diamond`` …: the CLI's own input
checks and document builders, no command-line parsing, no JSON text); ``sweep`` and ``check``
run their command in process (``_native.run``)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import Any

from . import _native
from ._inputs import Exact, Real, cutoff_text, exact_text, integer_text, real_text
from ._results import (
    CavityExactResult,
    CavityResult,
    CheckReport,
    DiamondExactResult,
    DiamondResult,
    EmittersResult,
    ProveReport,
    ReferenceResult,
    SweepResult,
)

def _json(args: list[str]) -> str:
    """Runs one command with ``--format json`` and returns the JSON text it printed (exit code
    0); the result object decodes it on first use."""
    _, stdout, _ = _native.run(args + ["--format", "json"])
    return stdout


def _cli_rejects(args: list[str]) -> None:
    """Raises the CLI's own error for ``args``, an input the command line rejects while
    parsing it (a negative ``--digits``, an unknown ``--frame``): the message is clap's."""
    _native.run(args + ["--format", "json"])
    raise ValueError(f"invalid arguments: {' '.join(args)}")  # pragma: no cover


def _digits(value: object, command: list[str]) -> int:
    """``digits`` for the library: an ``int`` in the range of ``--digits`` (the library
    checks 1 to 10000); anything the command line would reject while parsing raises its
    message (``command``: the arguments naming the call)."""
    if type(value) is int and 0 <= value < 1 << 63:
        return value
    text = integer_text("digits", value)  # TypeError for a non-integer
    if not 0 <= int(text) < 1 << 63:
        _cli_rejects(command + ["--digits", text])
    return int(text)


def diamond(
    beta_a: Exact | Sequence[Exact],
    beta_s: Exact | None = None,
    digits: int = 20,
    convention: str = "commuting",
) -> DiamondResult:
    """Steady state of the diamond model (Eq. 1–3) at inverse temperatures ``β_A``, ``β_S``
    (units ``Γ⁺ = ω0 = 1``, rates ``Γ_i⁻ = Γ⁺ e^{β_i}``, Eq. 3), with the populations of
    ``G, S, A, E``, the concurrence (solved, and the closed form Eq. 4–5), the heat currents
    and the entropy production (Eq. 6), every decimal certified to ``digits`` significant
    digits.

    ``beta_a``, ``beta_s``: exact decimals — ``str`` (``"-2"``, ``"3.5"``, ``"1.25e-3"``,
    ``"inf"``, ``"-inf"``), ``int``, ``Decimal``, ``Fraction`` with a terminating decimal
    expansion, or ``float`` (taken as the decimal it prints as: ``0.1`` is 1/10). ``|β| ≤ 1e8``;
    at ``inf`` every value is the certified limit. A single pair ``diamond((beta_a, beta_s))``
    is accepted too, so that ``dask.bag.from_sequence(points).map(steadyent.diamond)`` works.

    ``digits``: 1 to 10000. ``convention``: ``"commuting"`` qubit operators (reproduces
    Eq. 4–5) or ``"jordan-wigner"`` fermions.

    Raises ``ValueError`` (the CLI's message) for bad input and
    :class:`steadyent.ComputationError` when the precision cap is reached.

    >>> r = diamond(-2, 3.5, digits=30)
    >>> r.concurrence            # Decimal, every digit certified  # doctest: +SKIP
    """
    if beta_s is None:
        if isinstance(beta_a, (str, bytes)) or not isinstance(beta_a, Sequence) \
                or len(beta_a) != 2:
            raise TypeError("diamond() needs beta_a and beta_s, or one (beta_a, beta_s) pair")
        beta_a, beta_s = beta_a
    a = beta_a if type(beta_a) is str else exact_text("beta_a", beta_a, rational=False)
    s = beta_s if type(beta_s) is str else exact_text("beta_s", beta_s, rational=False)
    if type(digits) is not int or not 0 <= digits < 1 << 63:
        digits = _digits(digits, ["diamond", "--beta-a", a, "--beta-s", s])
    return DiamondResult(_native.diamond(a, s, digits, convention))


def diamond_exact(
    alpha: Exact,
    sigma: Exact,
    digits: int = 20,
    convention: str = "commuting",
) -> DiamondExactResult:
    """The diamond model (Eq. 1–3) solved exactly at rational rate ratios
    ``α = Γ_A⁻/Γ⁺ = e^{β_A}`` and ``σ = Γ_S⁻/Γ⁺ = e^{β_S}`` (``≥ 0``; ``0`` means ``β = −∞``):
    the 16×16 Liouvillian over the Gaussian rationals, nullity 1 proving uniqueness.
    Populations and heat currents as ``Fraction``, the concurrence exactly
    (``√u − √v``) and to ``digits`` certified digits, ``Ṡ_irr`` (Eq. 6) certified.

    ``alpha``, ``sigma``: ``str`` (``"3/4"``, ``"0.125"``), ``int``, ``Fraction``,
    ``Decimal`` or ``float`` (the decimal it prints as).
    """
    a = exact_text("alpha", alpha, rational=True)
    s = exact_text("sigma", sigma, rational=True)
    digits = _digits(digits, ["diamond", "--alpha", a, "--sigma", s])
    return DiamondExactResult(_native.diamond_exact(a, s, digits, convention))


def cavity(
    kappa: Real,
    pump: Real,
    gamma: Real,
    g: Real = 1.0,
    cutoff: int | str = "auto",
    frame: str = "rotating",
    omega0: Real | None = None,
) -> CavityResult:
    """The full cavity-QED model (Eq. 7–8: two qubits coupled with strength ``g`` to one
    resonant mode of decay ``κ``, each qubit pumped at ``p`` and decaying at ``γ``) and its
    effective diamond model (Eq. 9: ``Γ⁺ = p/2``, ``Γ_A⁻ = γ/2``, ``Γ_S⁻ = Γ + γ/2``,
    ``Γ = 4g²/κ``) at one point, in ``f64``; all rates in the unit of ``g``.

    ``kappa > 0``, ``pump > 0``, ``gamma ≥ 0``, ``g > 0``; ``cutoff``: ``"auto"`` (grow until
    the concurrence changes by ≤ 1e-10 and the top Fock level holds ≤ 1e-12) or 2 to 100 Fock
    states. ``frame="lab"`` solves in the laboratory frame with ``ω0 = ω_cav = omega0``
    (default 1000 g, the paper's g/ω0 = 0.001).

    Raises ``ValueError`` for bad input, :class:`steadyent.SteadyStateError` for a
    non-unique steady state (e.g. ``pump = gamma = 0``) or an unconverged cutoff.
    """
    rates = (real_text("kappa", kappa), real_text("pump", pump), real_text("gamma", gamma),
             real_text("g", g))
    cutoff = cutoff_text(cutoff)
    omega0 = None if omega0 is None else real_text("omega0", omega0)
    if frame not in ("rotating", "lab"):
        _cli_rejects(["cavity", "--kappa", rates[0], "--pump", rates[1], "--gamma", rates[2],
                      "--frame", str(frame)])
    return CavityResult(_native.cavity(*rates, cutoff, frame == "lab", omega0))


def cavity_exact(
    kappa: Exact,
    pump: Exact,
    gamma: Exact,
    g: Exact = 1,
    *,
    cutoff: int,
    digits: int = 20,
    full_uniqueness: bool = False,
) -> CavityExactResult:
    """The truncated cavity model (Eq. 7–8, rotating frame) solved exactly over the rationals
    at rational rates and ``cutoff`` Fock states (2 to 50): the exact two-qubit state
    ``Tr_cav ρ_SS``, the exact concurrence and ``digits`` certified digits of it, ``𝓛ρ = 0``
    checked exactly on the full space and uniqueness proven (nullity 1 of the reduced
    generator; on the whole operator space with ``full_uniqueness=True``).

    Rates: ``str`` (``"37/10"``, ``"0.013"``), ``int``, ``Fraction``, ``Decimal`` or ``float``
    (the decimal it prints as); ``kappa > 0``, ``pump, gamma ≥ 0``.
    """
    rates = [exact_text(name, value, rational=True)
             for name, value in (("kappa", kappa), ("pump", pump), ("gamma", gamma), ("g", g))]
    cutoff = integer_text("cutoff", cutoff)
    digits = _digits(digits, ["cavity", "--exact", "--kappa", rates[0], "--pump", rates[1],
                              "--gamma", rates[2], "--cutoff", cutoff])
    return CavityExactResult(_native.cavity_exact(*rates, cutoff, digits,
                                                  bool(full_uniqueness)))


def _points_csv(points: Iterable[Any]) -> str:
    lines = ["beta_a,beta_s"]
    for k, point in enumerate(points):
        try:
            beta_a, beta_s = point
        except (TypeError, ValueError):
            raise ValueError(
                f"invalid value for --points: point {k + 1} is not a (beta_a, beta_s) pair"
            ) from None
        a = exact_text("beta_a", beta_a, rational=False)
        s = exact_text("beta_s", beta_s, rational=False)
        for text in (a, s):
            if any(c in text for c in ",\n\r#"):
                raise ValueError(f"invalid value for --points: point {k + 1}: '{text}' is "
                                 "not an exact decimal number")
        lines.append(f"{a},{s}")
    return "\n".join(lines) + "\n"


def reference(points: Iterable[Any], digits: int = 50) -> ReferenceResult:
    """Certified reference values of the diamond model (Eq. 3–6) at many ``(β_A, β_S)``
    points, on all cores: ``α``, ``σ``, the populations, the concurrence, the heat currents
    and ``Ṡ_irr``, each to ``digits`` certified digits.

    ``points``: pairs of exact decimals (as for :func:`diamond`), e.g. a list of tuples or an
    ``(n, 2)`` NumPy array (floats are taken as the decimals they print as). At most 100 000.

    The result maps column names to NumPy arrays; ``to_dict()`` is the document of
    ``steadyent reference --points FILE --digits N --format json``.
    """
    csv = _points_csv(points)
    digits = _digits(digits, ["reference", "--beta-a-grid", "0:0:1", "--beta-s-grid", "0:0:1"])
    return ReferenceResult(_native.reference(csv, digits))


def sweep(
    figure: str,
    *,
    beta_a_range: tuple[float, float] | str | None = None,
    beta_s_range: tuple[float, float] | str | None = None,
    resolution: int | None = None,
    points: int | None = None,
    cutoff: int | str | None = None,
) -> SweepResult:
    """The data of a figure of the paper as NumPy columns.

    ``"fig1b"``/``"fig1c"``: the diamond model's concurrence (Eq. 4) and entropy production
    (Eq. 6) over a ``(β_A, β_S)`` grid (``beta_a_range``, ``beta_s_range`` as ``(min, max)``,
    default ``(-10, 10)``; ``resolution`` points per axis, default 201); columns ``beta_a``,
    ``beta_s``, ``concurrence``, ``entropy_production``.

    ``"fig2b"`` (``γ = 0``, ``p = 2·10⁻⁴ g``) / ``"fig2c"`` (``γ = 10⁻³ g``,
    ``p ∈ {2·10⁻⁴, 10⁻³, 5·10⁻³} g``): full (Eq. 7–8) and effective (Eq. 9) concurrence over
    ``points`` log-spaced ``κ/g`` from 1e-2 to 1e3 (default 200) at ``cutoff`` (default
    ``"auto"``); every row is the cavity result of :func:`cavity` (``pump``, ``kappa``,
    ``concurrence``, ``concurrence_effective``, ``cutoff``, ``residual``, ``beta_a``, …),
    its scalar fields the columns.

    The options of the other figure are rejected, as on the command line.
    """
    args = ["sweep", figure]

    def span(flag: str, value: Any) -> list[str]:
        if value is None:
            return []
        if isinstance(value, str):
            return [flag, value]
        lo, hi = value
        return [flag, f"{real_text(flag, lo)}:{real_text(flag, hi)}"]

    args += span("--beta-a-range", beta_a_range) + span("--beta-s-range", beta_s_range)
    if resolution is not None:
        args += ["--resolution", integer_text("resolution", resolution)]
    if points is not None:
        args += ["--points", integer_text("points", points)]
    if cutoff is not None:
        args += ["--cutoff", cutoff_text(cutoff)]
    return SweepResult(_json(args))


def check(
    only: str | Iterable[str] | None = None,
    expect_fail: Iterable[str] = (),
    seed: int | None = None,
) -> CheckReport:
    """Checks every claim of the paper (``steadyent check``: Eq. 4–5 against the exact
    steady state, the C = 1/3 and 1/2 limits, the second law of Eq. 6, the cavity
    realisation of Eq. 7–9, …) and returns the verdicts with their evidence;
    ``bool(report)`` is true when the CLI would exit 0.

    ``only``: claim ids to check (see ``to_dict()["claims"]`` or ``steadyent check --list``);
    ``expect_fail``: claims known to fail (pytest's strict xfail: the report is OK when exactly
    these fail and all others pass); ``seed``: seed of the random spot checks (default: drawn
    from the clock, reported as ``report.seed``).
    """
    args = ["check"]
    if only is not None:
        ids = [only] if isinstance(only, str) else list(only)
        if not ids:
            raise ValueError("invalid value for --only: no claim ids given")
        args += ["--only", ",".join(ids)]
    expected = [expect_fail] if isinstance(expect_fail, str) else list(expect_fail)
    if expected:
        args += ["--expect-fail", ",".join(expected)]
    if seed is not None:
        args += ["--seed", integer_text("seed", seed)]
    code, stdout, message = _native.run(args + ["--format", "json"])
    return CheckReport(stdout, code, message)


def prove(directory: str | os.PathLike[str] | None = None) -> ProveReport:
    """Re-derives ``ρ_SS`` of Eq. (1)–(3) as rational functions of ``α = e^{β_A}``,
    ``σ = e^{β_S}`` and checks the exact certificates of the paper's statements (Eq. 4–6, the
    ``C < 1/3`` and ``C < 1/2`` bounds and their suprema, ``Ṡ ≥ 0``, the Eq. 9 threshold).

    With ``directory`` (a checkout's ``proofs/``), also compares the proof pages there with
    the derivation, as ``steadyent prove --check --dir DIR`` does.
    """
    theorems, drift = _native.prove(None if directory is None else os.fspath(directory))
    ok = all(t["verdict"] == "proved" for t in theorems) and not drift
    document = {"theorems": theorems, "drift": drift, "ok": ok}
    if directory is not None:
        document["directory"] = os.fspath(directory)
    return ProveReport(document)


def emitters(
    n: int,
    kappa: Exact,
    pump: Exact,
    gamma: Exact,
    dephasing: Exact = 0,
    g: Exact = 1,
    cutoff: int | str = "auto",
    effective: bool = False,
    exact: bool = False,
    digits: int = 20,
) -> EmittersResult:
    """N identical emitters in one cavity (Eq. 7–8 with the sums running to N, rotating frame,
    commuting ladder operators; units ``g = 1``): local pump ``p``, local decay ``γ``, local
    pure dephasing ``γ_φ`` (coherence decay rate; QuTiP collapse ``√(γ_φ/2)·σᵢᶻ``) and cavity
    loss ``κ``, solved in the permutation-symmetric representation (Kirton & Keeling, PRL 118,
    123602 (2017); Shammah et al., PRA 98, 063815 (2018)), with the effective model of Eq. (9)
    generalised (collective decay ``Γ = 4g²/κ`` on ``J⁻ = Σᵢ σᵢ⁻``, no cavity).

    Returns the pair concurrence (Wootters, with the Koashi–Bužek–Imoto bound ``2/N``), one
    emitter's excited population, ``⟨a†a⟩``, ``g²(0)``, ``⟨J²⟩``, the variance sum
    ``(ΔJx)² + (ΔJy)² + (ΔJz)²`` and Tóth's verdict (PRL 99, 250405 (2007): separable states
    have variance sum ≥ N/2), plus the two-emitter state.

    ``n``: 1 to 100. Rates: exact decimals or rationals (``str``, ``int``, ``Fraction``,
    ``Decimal``, ``float`` as the decimal it prints); ``kappa, g > 0``; ``pump, gamma,
    dephasing ≥ 0``, not all zero. ``cutoff``: ``"auto"`` or 2 to 100 Fock states (``exact``:
    a fixed 2 to 30). ``effective=True`` solves only the effective model. ``exact=True``
    solves over the rationals (uniqueness by exact nullity) and prints every value exactly and
    to ``digits`` certified digits.

    Raises ``ValueError`` for bad input (the CLI's message), :class:`steadyent.SteadyStateError`
    for a non-unique steady state or an unconverged cutoff.
    """
    n_text = integer_text("n", n)
    rates = [exact_text(name, value, rational=True)
             for name, value in (("kappa", kappa), ("pump", pump), ("gamma", gamma),
                                 ("dephasing", dephasing), ("g", g))]
    cutoff = None if effective and cutoff == "auto" else cutoff_text(cutoff)
    if exact:
        digits = _digits(digits, ["emitters", "--n", n_text, "--kappa", rates[0], "--pump",
                                  rates[1], "--gamma", rates[2], "--exact"])
    return EmittersResult(_native.emitters(n_text, *rates, cutoff, bool(effective),
                                           bool(exact), digits if exact else None))
