"""``steadyent.emitters`` (Eq. 7–8 with N emitters): ``.to_dict()`` equals the CLI's JSON, the
values agree with QuTiP's tensor-space ``steadystate`` at an untuned point (≤ 1e-8), the exact
path agrees with the numeric one, ``.qobj()`` is the pair state, bad input raises."""

from __future__ import annotations

import fractions
import math

import pytest

import steadyent


def test_to_dict_equals_cli(cli):
    r = steadyent.emitters(3, "1.7", "0.031", "0.0043", dephasing="0.02")
    assert r.to_dict() == cli.json("emitters", "--n", "3", "--kappa", "1.7", "--pump", "0.031",
                                   "--gamma", "0.0043", "--dephasing", "0.02", "--g", "1",
                                   "--cutoff", "auto")
    e = steadyent.emitters(3, "37/10", "0.013", "0.002", cutoff=5, exact=True, digits=30)
    assert e.to_dict() == cli.json("emitters", "--n", "3", "--kappa", "37/10", "--pump",
                                   "0.013", "--gamma", "0.002", "--dephasing", "0", "--g", "1",
                                   "--cutoff", "5", "--exact", "--digits", "30")


def test_agrees_with_qutip_tensor_space():
    qt = pytest.importorskip("qutip")
    n, c, kappa, pump, gamma, deph = 3, 5, 1.3, 0.09, 0.011, 0.037
    ours = steadyent.emitters(n, kappa, pump, gamma, dephasing=deph, cutoff=c)

    def embed(op, site):
        factors = [qt.qeye(c)] + [qt.qeye(2)] * n
        factors[1 + site] = op
        return qt.tensor(factors)

    sm = [embed(qt.destroy(2), i) for i in range(n)]
    sz = [2 * s.dag() * s - embed(qt.qeye(2), 0) for s in sm]
    a = qt.tensor([qt.destroy(c)] + [qt.qeye(2)] * n)
    jm = sum(sm[1:], sm[0])
    H = jm.dag() * a + jm * a.dag()
    c_ops = ([math.sqrt(pump) * s.dag() for s in sm] + [math.sqrt(gamma) * s for s in sm]
             + [math.sqrt(deph / 2) * z for z in sz] + [math.sqrt(kappa) * a])
    rho = qt.steadystate(H, c_ops)
    assert abs(ours.excited_population - qt.expect(sm[0].dag() * sm[0], rho)) <= 1e-8
    assert abs(ours.mean_photon_number - qt.expect(a.dag() * a, rho)) <= 1e-8
    pair = rho.ptrace([1, 2])
    assert abs(ours.pair_concurrence - qt.concurrence(qt.Qobj(pair.full(), dims=[[2, 2], [2, 2]]))) <= 1e-8
    diff = ours.qobj().full() - pair.full()
    assert abs(diff).max() <= 1e-8


def test_exact_agrees_with_numeric():
    e = steadyent.emitters(4, "1.3", "0.09", "0.011", cutoff=4, exact=True, digits=25)
    f = steadyent.emitters(4, "1.3", "0.09", "0.011", cutoff=4)
    assert abs(float(e.spin_variance_sum) - f.spin_variance_sum) <= 1e-10
    assert isinstance(e.exact_value("spin_squared"), fractions.Fraction)
    assert e.toth_entangled == f.toth_entangled


def test_bad_input_raises_with_the_cli_message():
    with pytest.raises(ValueError, match="--n"):
        steadyent.emitters(0, 1, "0.01", "0.001")
    with pytest.raises(ValueError, match="--pump/--gamma/--dephasing"):
        steadyent.emitters(3, 1, 0, 0)
