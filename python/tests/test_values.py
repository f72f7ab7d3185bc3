"""Results read as Python numbers: exact values as ``Fraction``, certified decimals as
``Decimal`` and ``mpmath.mpf`` at the certified precision, columns as NumPy arrays; results
pickle; inputs of every accepted type reach the library exactly."""

from __future__ import annotations

import decimal
import fractions
import pickle
import shutil

import mpmath
import numpy as np
import pytest

import steadyent
from steadyent._inputs import exact_text


def test_certified_decimals():
    r = steadyent.diamond(-2, 3.5, digits=40)
    assert isinstance(r.concurrence, decimal.Decimal)
    assert str(r.concurrence) == r.to_dict()["concurrence"]
    assert len(r.concurrence.as_tuple().digits) == 40
    pops = r.populations
    assert set(pops) == {"G", "S", "A", "E"}
    # The four certified populations sum to 1 within their rounding (4 half-units of the 40th
    # significant digit of values <= 1).
    assert abs(sum(pops.values()) - 1) <= decimal.Decimal("2e-40")
    assert r.beta_a == -2 and r.beta_s == fractions.Fraction(7, 2)
    assert r.precision_bits >= 40 * 3.32


def test_mpf_at_certified_precision():
    r = steadyent.diamond(-2, 3.5, digits=60)
    c = r.mpf("concurrence")
    assert isinstance(c, mpmath.mpf)
    with mpmath.workdps(60):
        assert mpmath.nstr(c, 60, strip_zeros=False) == r.to_dict()["concurrence"]
    # Rounded at 60 digits: its binary precision is about 60 log2(10) bits, not mp.dps's 15.
    assert c._mpf_[3] > 180
    everything = r.to_mpmath()
    assert set(everything) >= {"concurrence", "population_G", "heat_current_a", "alpha"}
    with pytest.raises(KeyError):
        r.mpf("no-such-value")


def test_independent_mpmath_evaluation_agrees():
    # scripts/mpmath_diamond.py evaluates Eq. 4-5 with mpmath at 120 digits; here the closed
    # form directly: C = max(0, (N1 - N2)/d).
    r = steadyent.diamond(-2, "3.5", digits=45)
    with mpmath.workdps(120):
        a, s = mpmath.exp(-2), mpmath.exp(mpmath.mpf(7) / 2)
        S, A, P = a + s, a - s, a * s
        n1 = abs(A * (S / 2 - 1))
        n2 = mpmath.sqrt((S / 2 + 1) * (2 * S**2 + 2 * P * (S - 2)))
        d = 1 + S**2 + S * (P + 3) / 2 - P
        c = max(mpmath.mpf(0), (n1 - n2) / d)
        assert mpmath.nstr(c, 45, strip_zeros=False) == str(r.concurrence_eq5)


def test_exact_values_are_fractions():
    r = steadyent.diamond_exact("1/3", fractions.Fraction(7, 2))
    assert r.alpha == fractions.Fraction(1, 3) and r.sigma == fractions.Fraction(7, 2)
    pops = r.populations
    assert all(isinstance(p, fractions.Fraction) for p in pops.values())
    assert sum(pops.values()) == 1
    assert r.heat_current_a + r.heat_current_s == 0
    state = r.exact_state()
    assert sum(state[i][i] for i in range(4)) == 1
    assert state[0][0] == pops["G"] and state[3][3] == pops["E"]


def test_cavity_exact_values():
    r = steadyent.cavity_exact("37/10", "0.013", "0.002", cutoff=6, digits=40)
    # The README's value (scripts/mpmath_cavity.py agrees in all 40 digits).
    assert str(r.concurrence) == "0.3464810395876591426275699435271676135971"
    q = r.qubit_state
    assert sum(q[i][i] for i in range(4)) == 1
    assert sum(r.fock_populations) == 1
    assert isinstance(r.mpf(), mpmath.mpf)


def test_cavity_floats():
    r = steadyent.cavity(3.7, 0.013, 0.002)
    # Rust doc example; the CLI prints 10 decimals with the automatic cutoff (converged to
    # 1e-10), so the printed value is within half a unit of the 10th decimal, 5e-11.
    assert r.concurrence == pytest.approx(0.346481039587656, abs=5e-11)
    assert r.cutoff == 6 and r.concurrence_effective > r.concurrence
    assert steadyent.cavity(10, 2e-4, 0).beta_a == float("-inf")


def test_sweep_columns_are_numpy():
    r = steadyent.sweep("fig2c", points=5, cutoff=6)
    # Every row is the cavity model's result (CavityResult): its scalar fields are columns.
    assert set(r) >= {"pump", "kappa", "concurrence", "concurrence_effective", "cutoff",
                      "residual", "beta_a", "frame"}
    assert "effective_rates" not in set(r)
    assert r["kappa"].dtype == np.float64 and r["cutoff"].dtype == np.int64
    assert r["kappa"].shape == (15,)
    np.testing.assert_array_equal(r["kappa"][:5], np.logspace(-2, 3, 5))
    assert r.to_dict()["points"][3]["concurrence"] == r["concurrence"][3]
    fig1 = steadyent.sweep("fig1c", resolution=3)
    assert fig1.rows == 9 and set(fig1) >= {"beta_a", "beta_s", "concurrence",
                                            "entropy_production"}


def test_fig1_sweep_columns_are_real_with_exact_zeros():
    # A thermal grid (β_A, β_S ≥ 0): C = 0 is decided at every point, printed as the JSON
    # integer 0, yet the column is float64; Ṡ is exactly 0 on the diagonal, positive off it.
    r = steadyent.sweep("fig1b", beta_a_range=(0, 2), beta_s_range=(0, 2), resolution=3)
    assert r.to_dict()["accuracy"].startswith("concurrence and entropy_production:")
    assert r["concurrence"].dtype == np.float64
    np.testing.assert_array_equal(r["concurrence"], np.zeros(9))
    diagonal = r["beta_a"] == r["beta_s"]
    assert diagonal.sum() == 3 and r["entropy_production"].dtype == np.float64
    assert (r["entropy_production"][diagonal] == 0).all()
    assert (r["entropy_production"][~diagonal] > 0).all()
    assert [type(p["concurrence"]) for p in r.to_dict()["points"]] == [int] * 9


def test_reference_columns_and_decimals():
    points = np.array([[-2.0, 3.5], [0.0, 0.0], [1.5, -0.25]])
    r = steadyent.reference(points, digits=50)
    assert r.rows == 3 and r.digits == 50
    np.testing.assert_array_equal(r["beta_a"], points[:, 0])
    c = r.decimals("concurrence")
    assert c[0] == steadyent.diamond(-2, 3.5, digits=50).concurrence
    assert r["concurrence"][0] == float(c[0])
    assert all(isinstance(x, mpmath.mpf) for x in r.mpf("concurrence"))


def test_results_pickle():
    for r in [steadyent.diamond(-2, 3.5), steadyent.diamond_exact(1, 2),
              steadyent.cavity(3.7, 0.013, 0.002), steadyent.sweep("fig2b", points=3),
              steadyent.reference([(1, 2)], digits=10), steadyent.check(only="eq4-5", seed=1),
              steadyent.cavity_exact(1, "1/10", "1/100", cutoff=3)]:
        copy = pickle.loads(pickle.dumps(r))
        assert copy == r and copy.to_dict() == r.to_dict() and type(copy) is type(r)


def test_to_dict_is_a_copy():
    r = steadyent.diamond(1, 2)
    d = r.to_dict()
    d["populations"]["G"] = "changed"
    assert r.to_dict()["populations"]["G"] != "changed"


@pytest.mark.parametrize(
    "value, text",
    [
        (fractions.Fraction(1, 8), "0.125"),
        (fractions.Fraction(-7, 2), "-3.5"),
        (fractions.Fraction(1, 3), "1/3"),
        (decimal.Decimal("1.25E-3"), "0.00125"),
        (decimal.Decimal("1.25E-30"), "1.25E-30"),
        (decimal.Decimal("-Infinity"), "-inf"),
        (0.1, "0.1"),
        (np.float64(3.5), "3.5"),
        (np.int32(-4), "-4"),
        (float("inf"), "inf"),
    ],
)
def test_exact_text(value, text):
    assert exact_text("beta_a", value, rational=False) == text


def test_float_input_is_the_decimal_it_prints_as():
    assert steadyent.diamond(0.1, 0.2).to_dict() == steadyent.diamond("0.1", "0.2").to_dict()
    assert steadyent.diamond_exact(0.25, 3).alpha == fractions.Fraction(1, 4)


def test_prove():
    r = steadyent.prove()
    assert r.ok and len(r.theorems) >= 12
    assert all(t["verdict"] == "proved" for t in r.theorems)


def test_prove_checks_a_directory(root, tmp_path):
    assert steadyent.prove(root / "proofs").ok
    shutil.copytree(root / "proofs", tmp_path, dirs_exist_ok=True)
    victim = next(p for p in sorted(tmp_path.glob("*.md")) if p.name != "README.md")
    text = victim.read_text()
    digit = next(c for c in text if c.isdigit())
    victim.write_text(text.replace(digit, str((int(digit) + 1) % 10), 1))
    r = steadyent.prove(tmp_path)
    assert not r.ok and r.to_dict()["drift"]


def test_help_reads_well():
    for f in (steadyent.diamond, steadyent.diamond_exact, steadyent.cavity,
              steadyent.cavity_exact, steadyent.reference, steadyent.sweep, steadyent.check,
              steadyent.prove):
        assert f.__doc__ and "Eq." in f.__doc__, f.__name__
    assert "PRL 120, 063604" in steadyent.__doc__
