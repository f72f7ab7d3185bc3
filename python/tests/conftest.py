"""Shared fixtures: the CLI binary built from the same library (the reference every
``.to_dict()`` is compared with) and the repository root."""

from __future__ import annotations

import json
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


def _binary() -> pathlib.Path:
    path = pathlib.Path(os.environ.get("STEADYENT_BIN", ROOT / "target" / "release" / "steadyent"))
    if not path.is_file():
        raise RuntimeError(
            f"the steadyent binary is not at {path}: build it with `cargo build --release` "
            "(scripts/test-all does) or set STEADYENT_BIN"
        )
    return path


class Cli:
    """Runs the steadyent binary."""

    def __init__(self, path: pathlib.Path):
        self.path = path

    def run(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(self.path), *args], capture_output=True, text=True,
                              timeout=600)

    def json(self, *args: str) -> dict:
        """The JSON document the CLI prints for ``args`` (exit 0 expected)."""
        done = self.run(*args, "--format", "json")
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    def error(self, *args: str) -> str:
        """The one-line message the CLI prints for rejected ``args`` (exit 2 expected)."""
        done = self.run(*args)
        assert done.returncode == 2, (done.returncode, done.stdout)
        assert done.stdout == ""
        line = done.stderr.strip()
        assert "\n" not in line
        return line.removeprefix("steadyent: ")


@pytest.fixture(scope="session")
def cli() -> Cli:
    return Cli(_binary())


@pytest.fixture(scope="session")
def root() -> pathlib.Path:
    return ROOT
