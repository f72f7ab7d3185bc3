"""Bad input raises ``ValueError`` with the CLI's one-line message; a non-unique steady state
or an unconverged photon cutoff raises ``steadyent.SteadyStateError``; nothing panics."""

from __future__ import annotations

import pytest

import steadyent


@pytest.mark.parametrize(
    "call, argv",
    [
        (lambda: steadyent.diamond("nan", 1), ["diamond", "--beta-a", "nan", "--beta-s", "1"]),
        (lambda: steadyent.diamond(float("nan"), 1),
         ["diamond", "--beta-a", "nan", "--beta-s", "1"]),
        (lambda: steadyent.diamond(1e30, 1), ["diamond", "--beta-a", "1e+30", "--beta-s", "1"]),
        (lambda: steadyent.diamond("inf", "inf"),
         ["diamond", "--beta-a", "inf", "--beta-s", "inf"]),
        (lambda: steadyent.diamond(1, 2, digits=0),
         ["diamond", "--beta-a", "1", "--beta-s", "2", "--digits", "0"]),
        (lambda: steadyent.diamond_exact("-1/2", 1),
         ["diamond", "--alpha", "-1/2", "--sigma", "1"]),
        (lambda: steadyent.diamond_exact("1/0", 1), ["diamond", "--alpha", "1/0", "--sigma", "1"]),
        (lambda: steadyent.cavity(0, 0.01, 0.001),
         ["cavity", "--kappa", "0.0", "--pump", "0.01", "--gamma", "0.001"]),
        (lambda: steadyent.cavity(1, 0.01, -1),
         ["cavity", "--kappa", "1", "--pump", "0.01", "--gamma", "-1"]),
        (lambda: steadyent.cavity(1, 0, 0.001),
         ["cavity", "--kappa", "1", "--pump", "0", "--gamma", "0.001"]),
        (lambda: steadyent.cavity(1, 0.01, 0.001, cutoff=1),
         ["cavity", "--kappa", "1", "--pump", "0.01", "--gamma", "0.001", "--cutoff", "1"]),
        (lambda: steadyent.cavity("x", 0.01, 0.001),
         ["cavity", "--kappa", "x", "--pump", "0.01", "--gamma", "0.001"]),
        (lambda: steadyent.cavity_exact(1, "1/3", 0, cutoff=51),
         ["cavity", "--exact", "--kappa", "1", "--pump", "1/3", "--gamma", "0", "--cutoff", "51"]),
        (lambda: steadyent.sweep("fig2b", resolution=5), ["sweep", "fig2b", "--resolution", "5"]),
        (lambda: steadyent.sweep("fig2c", points=1), ["sweep", "fig2c", "--points", "1"]),
        (lambda: steadyent.sweep("fig9"), ["sweep", "fig9"]),
        (lambda: steadyent.check(only="no-such-claim"), ["check", "--only", "no-such-claim"]),
    ],
)
def test_bad_input_raises_value_error_with_the_cli_message(cli, call, argv):
    with pytest.raises(ValueError) as info:
        call()
    assert str(info.value) == cli.error(*argv)


def test_bad_reference_point(cli, tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("beta_a,beta_s\n1,2\n1,nan\n")
    with pytest.raises(ValueError) as info:
        steadyent.reference([(1, 2), (1, "nan")])
    # The binding hands the library the points as CSV text named 'points' (the header is
    # line 1, as in the file); the rest of the message is the CLI's.
    expected = cli.error("reference", "--points", str(path))
    assert str(info.value).split("' line", 1)[1] == expected.split("' line", 1)[1]


def test_wrong_types_raise_type_error():
    with pytest.raises(TypeError):
        steadyent.diamond(1, 2, digits=2.5)
    with pytest.raises(TypeError):
        steadyent.diamond(1, [2])
    with pytest.raises(TypeError):
        steadyent.diamond(True, 1)
    with pytest.raises(TypeError):
        steadyent.diamond(1)


def test_bad_convention():
    with pytest.raises(ValueError, match="--convention: 'fermions'; accepted: commuting, "
                                         "jordan-wigner"):
        steadyent.diamond(1, 2, convention="fermions")


def test_non_unique_steady_state(cli):
    # p = gamma = 0: the dark state |A,0> and the ground state are both stationary.
    argv = ["cavity", "--exact", "--kappa", "1", "--pump", "0", "--gamma", "0", "--cutoff", "4"]
    with pytest.raises(steadyent.SteadyStateError) as info:
        steadyent.cavity_exact(1, 0, 0, cutoff=4)
    assert str(info.value) == cli.error(*argv)
    assert "not unique" in str(info.value)
    assert isinstance(info.value, steadyent.ComputationError)
    assert isinstance(info.value, RuntimeError)


def test_unconverged_cutoff(cli):
    # Strong pumping into a slow cavity: the mode holds too many photons for 100 Fock states.
    argv = ["cavity", "--kappa", "0.01", "--pump", "5", "--gamma", "0"]
    with pytest.raises(steadyent.SteadyStateError) as info:
        steadyent.cavity(0.01, 5, 0)
    assert str(info.value) == cli.error(*argv)
    assert "did not converge" in str(info.value)
