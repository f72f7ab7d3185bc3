"""``.to_dict()`` equals the CLI's JSON document for the same input, field for field and digit
for digit, for every function (the binding runs the same library code in process)."""

from __future__ import annotations

import fractions
import json

import pytest

import steadyent


@pytest.mark.parametrize(
    "beta_a, beta_s, digits, convention",
    [
        ("-2", "3.5", 20, "commuting"),
        ("0", "0", 5, "commuting"),
        ("1.25e-3", "-7", 60, "commuting"),
        ("inf", "-1", 15, "commuting"),
        ("-inf", "2", 15, "commuting"),
        ("3", "-3", 25, "jordan-wigner"),
        ("2000", "-1", 12, "commuting"),  # beyond |beta_A| + |beta_S| = 1000: symbolic path
    ],
)
def test_diamond(cli, beta_a, beta_s, digits, convention):
    r = steadyent.diamond(beta_a, beta_s, digits=digits, convention=convention)
    assert r.to_dict() == cli.json("diamond", "--beta-a", beta_a, "--beta-s", beta_s,
                                   "--digits", str(digits), "--convention", convention)


def test_diamond_numbers_are_passed_exactly(cli):
    expected = cli.json("diamond", "--beta-a", "-2", "--beta-s", "3.5")
    assert steadyent.diamond(-2, 3.5).to_dict() == expected
    assert steadyent.diamond(fractions.Fraction(-2), fractions.Fraction(7, 2)).to_dict() == expected
    assert steadyent.diamond((-2, "3.5")).to_dict() == expected


@pytest.mark.parametrize("alpha, sigma", [("1/3", "7/2"), ("0", "2"), ("5", "5"), ("0.125", "40")])
def test_diamond_exact(cli, alpha, sigma):
    r = steadyent.diamond_exact(alpha, sigma, digits=30)
    assert r.to_dict() == cli.json("diamond", "--alpha", alpha, "--sigma", sigma,
                                   "--digits", "30")


@pytest.mark.parametrize(
    "args",
    [
        dict(kappa="3.7", pump="0.013", gamma="0.002"),
        dict(kappa="0.05", pump="0.005", gamma="0.001", cutoff="8"),
        dict(kappa="10", pump="0.0002", gamma="0", g="1"),
        dict(kappa="2.5", pump="0.3", gamma="0.07", g="0.8"),
    ],
)
def test_cavity(cli, args):
    r = steadyent.cavity(**args)
    flags = [x for k, v in args.items() for x in (f"--{k}", v)]
    assert r.to_dict() == cli.json("cavity", *flags)


def test_cavity_lab_frame(cli):
    r = steadyent.cavity(3.7, 0.013, 0.002, cutoff=6, frame="lab", omega0=50)
    assert r.to_dict() == cli.json("cavity", "--kappa", "3.7", "--pump", "0.013", "--gamma",
                                   "0.002", "--cutoff", "6", "--frame", "lab", "--omega0", "50")


@pytest.mark.parametrize("full", [False, True])
def test_cavity_exact(cli, full):
    r = steadyent.cavity_exact("37/10", "0.013", "0.002", cutoff=5, digits=40,
                               full_uniqueness=full)
    flags = ["--full-uniqueness"] if full else []
    assert r.to_dict() == cli.json("cavity", "--exact", "--kappa", "37/10", "--pump", "0.013",
                                   "--gamma", "0.002", "--cutoff", "5", "--digits", "40", *flags)


def test_reference(cli, tmp_path):
    points = [("-2", "3.5"), ("0", "0"), ("inf", "-1"), ("-inf", "2"), ("1.5", "-0.25")]
    path = tmp_path / "points.csv"
    path.write_text("beta_a,beta_s\n" + "".join(f"{a},{s}\n" for a, s in points))
    r = steadyent.reference(points, digits=30)
    assert r.to_dict() == cli.json("reference", "--points", str(path), "--digits", "30")


def test_sweep_fig1(cli):
    r = steadyent.sweep("fig1b", beta_a_range=(-3, 2), beta_s_range="-1:4", resolution=7)
    assert r.to_dict() == cli.json("sweep", "fig1b", "--beta-a-range", "-3:2",
                                   "--beta-s-range", "-1:4", "--resolution", "7")


@pytest.mark.parametrize("figure, cutoff", [("fig2b", "auto"), ("fig2c", "6")])
def test_sweep_fig2(cli, figure, cutoff):
    r = steadyent.sweep(figure, points=9, cutoff=cutoff)
    assert r.to_dict() == cli.json("sweep", figure, "--points", "9", "--cutoff", cutoff)


def _without_times(document):
    for claim in document["claims"]:
        claim.pop("seconds")
    return document


def test_check(cli):
    r = steadyent.check(only=["eq4-5", "second-law"], seed=7)
    expected = cli.json("check", "--only", "eq4-5,second-law", "--seed", "7")
    assert r.ok and r.exit_code == 0
    assert _without_times(r.to_dict()) == _without_times(expected)


def test_check_failing_claim_is_reported_not_raised(cli):
    claim = "beyond-thermal-iff-pump-exceeds-decay"
    r = steadyent.check(only=claim, seed=1)
    done = cli.run("check", "--only", claim, "--seed", "1", "--format", "json")
    assert (r.exit_code, bool(r)) == (done.returncode, False) == (1, False)
    assert r.verdicts() == {claim: "fail"}
    assert r.message == done.stderr.strip().removeprefix("steadyent: ")


def test_check_expect_fail(cli):
    claim = "beyond-thermal-iff-pump-exceeds-decay"
    r = steadyent.check(only=[claim, "eq4-5"], expect_fail=[claim], seed=3)
    done = cli.run("check", "--only", f"{claim},eq4-5", "--expect-fail", claim, "--seed", "3",
                   "--format", "json")
    assert (r.exit_code, r.ok) == (done.returncode, True) == (0, True)
    import json

    assert _without_times(r.to_dict()) == _without_times(json.loads(done.stdout))
    # Naming a claim that passes is an unexpected pass: not OK, as on the command line.
    r = steadyent.check(only="eq4-5", expect_fail="eq4-5", seed=3)
    assert (r.exit_code, bool(r)) == (1, False)


@pytest.mark.parametrize(
    "call, argv",
    [
        (lambda: steadyent.diamond("-2", "3.5", digits=30),
         ["diamond", "--beta-a", "-2", "--beta-s", "3.5", "--digits", "30"]),
        (lambda: steadyent.diamond("inf", "-1", digits=12),
         ["diamond", "--beta-a", "inf", "--beta-s", "-1", "--digits", "12"]),
        (lambda: steadyent.diamond_exact("1/3", "7/2"),
         ["diamond", "--alpha", "1/3", "--sigma", "7/2"]),
        (lambda: steadyent.cavity("3.7", "0.013", "0.002"),
         ["cavity", "--kappa", "3.7", "--pump", "0.013", "--gamma", "0.002"]),
        (lambda: steadyent.cavity("10", "0.0002", "0", cutoff=6, frame="lab", omega0=50),
         ["cavity", "--kappa", "10", "--pump", "0.0002", "--gamma", "0", "--cutoff", "6",
          "--frame", "lab", "--omega0", "50"]),
        (lambda: steadyent.cavity_exact("37/10", "0.013", "0.002", cutoff=4),
         ["cavity", "--exact", "--kappa", "37/10", "--pump", "0.013", "--gamma", "0.002",
          "--cutoff", "4"]),
        (lambda: steadyent.emitters(3, "1.7", "0.031", "0.0043", dephasing="0.02"),
         ["emitters", "--n", "3", "--kappa", "1.7", "--pump", "0.031", "--gamma", "0.0043",
          "--dephasing", "0.02"]),
        (lambda: steadyent.emitters(2, "1.3", "0.09", "0.011", effective=True),
         ["emitters", "--n", "2", "--kappa", "1.3", "--pump", "0.09", "--gamma", "0.011",
          "--effective"]),
        (lambda: steadyent.emitters(2, "1.3", "0.09", "0.011", cutoff=3, exact=True),
         ["emitters", "--n", "2", "--kappa", "1.3", "--pump", "0.09", "--gamma", "0.011",
          "--cutoff", "3", "--exact"]),
    ],
)
def test_document_is_the_cli_text(cli, call, argv):
    # Stricter than ==: the binding's document is built by the CLI's own builder, so its JSON
    # text is the CLI's byte for byte, and to_dict() has the CLI's key order and number types
    # (json.dumps tells 1 from 1.0 and prints keys in order, where == does neither).
    r = call()
    done = cli.run(*argv, "--format", "json")
    assert done.returncode == 0, done.stderr
    assert r._source.to_json() == done.stdout
    assert json.dumps(r.to_dict()) == json.dumps(json.loads(done.stdout))


def test_reference_document_is_the_cli_text(cli, tmp_path):
    points = [("-2", "3.5"), ("inf", "-1"), ("-inf", "2"), ("0.125", "-0.25")]
    path = tmp_path / "points.csv"
    path.write_text("beta_a,beta_s\n" + "".join(f"{a},{s}\n" for a, s in points))
    r = steadyent.reference(points, digits=25)
    done = cli.run("reference", "--points", str(path), "--digits", "25", "--format", "json")
    assert r._source.to_json() == done.stdout
    assert json.dumps(r.to_dict()) == json.dumps(json.loads(done.stdout))
