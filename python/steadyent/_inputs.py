"""Turns Python numbers into the exact text the library parses (one rule per kind of input)."""

from __future__ import annotations

import decimal
import fractions
import numbers
import operator
from typing import Union

#: What an exact input may be: ``str`` (parsed by the library exactly as the CLI parses it),
#: ``int``, ``fractions.Fraction``, ``decimal.Decimal``, or ``float`` (taken as the decimal it
#: prints as, e.g. ``0.1`` → 1/10; pass ``Fraction(x)`` for the binary value itself).
Exact = Union[str, int, fractions.Fraction, decimal.Decimal, float]

#: A floating-point input of the f64 cavity engine: anything ``float()`` accepts, or ``str``.
Real = Union[str, float, int, fractions.Fraction, decimal.Decimal]


def _float_text(x: float) -> str:
    # float.__repr__ is the shortest string that round-trips to the same f64 ('3.5', '1e-05',
    # 'inf', 'nan'); repr() of a NumPy scalar would add 'np.float64(...)'.
    return float.__repr__(float(x))


def _terminating(q: fractions.Fraction) -> str | None:
    """``q`` as an exact decimal string when its expansion terminates, else ``None``."""
    d = q.denominator
    twos = fives = 0
    while d % 2 == 0:
        d //= 2
        twos += 1
    while d % 5 == 0:
        d //= 5
        fives += 1
    if d != 1:
        return None
    places = max(twos, fives)
    scaled = q.numerator * 10**places // q.denominator
    sign = "-" if scaled < 0 else ""
    digits = str(abs(scaled)).rjust(places + 1, "0")
    if places == 0:
        return sign + digits
    return f"{sign}{digits[:-places]}.{digits[-places:]}"


def exact_text(name: str, value: object, *, rational: bool) -> str:
    """The exact text of ``value`` for argument ``name``.

    ``rational=True``: a ``p/q`` form is accepted (rate ratios, exact cavity rates);
    ``rational=False``: only decimals and ``inf``/``-inf`` (inverse temperatures β).
    Values the library rejects are passed through so that it raises its own one-line message.
    """
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        raise TypeError(f"{name}: expected a number, got bool")
    if isinstance(value, fractions.Fraction):
        if value.denominator == 1:
            return str(value.numerator)
        text = None if rational else _terminating(value)
        return text if text is not None else f"{value.numerator}/{value.denominator}"
    if isinstance(value, decimal.Decimal):
        if value.is_nan():
            return "nan"
        if value.is_infinite():
            return "-inf" if value < 0 else "inf"
        return str(value)
    if isinstance(value, numbers.Integral):
        return str(operator.index(value))
    if isinstance(value, numbers.Real):
        return _float_text(float(value))
    raise TypeError(
        f"{name}: expected str, int, fractions.Fraction, decimal.Decimal or float, "
        f"got {type(value).__name__}"
    )


def real_text(name: str, value: object) -> str:
    """The text of an f64 input (cavity engine): ``str`` as given, numbers via ``float``."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        raise TypeError(f"{name}: expected a number, got bool")
    if isinstance(value, numbers.Real) or isinstance(value, decimal.Decimal):
        return _float_text(float(value))
    raise TypeError(f"{name}: expected a real number or str, got {type(value).__name__}")


def integer_text(name: str, value: object) -> str:
    """The text of an integer argument (digits, points, resolution, seed)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name}: expected an int, got {type(value).__name__}")
    return str(operator.index(value))


def cutoff_text(value: object) -> str:
    """``"auto"`` or a number of Fock states."""
    if isinstance(value, str):
        return value
    return integer_text("cutoff", value)
