"""The package as users get it: a wheel built from the sources, installed in a new virtual environment.

It needs the package index (the dependencies are installed as a user would install
them) and takes about 12 s; deselect it with `-m "not wheel"`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from collate.cli import main
from conftest import ROOT, WITNESSES

WORK = "remark-rotten-compromise"
pytestmark = pytest.mark.wheel


def run(*command: str | Path, cwd: Path) -> str:
    """Return the standard output of a command that must succeed."""
    environment = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PYTHONPATH": ""}
    result = subprocess.run([str(part) for part in command], capture_output=True, text=True, cwd=cwd, env=environment)
    assert result.returncode == 0, f"{command}: {result.stderr}"
    return result.stdout


def package_files() -> set[str]:
    """Return the paths of the package's files in the checkout, as a wheel names them."""
    return {str(path.relative_to(ROOT)) for path in (ROOT / "collate").rglob("*")
            if path.is_file() and "__pycache__" not in path.parts}


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, Path]:
    """Return a new virtual environment with the wheel installed, and the wheel."""
    place = tmp_path_factory.mktemp("wheel")
    # Build from a copy, so that the build leaves nothing in the checkout.
    source = place / "source"
    shutil.copytree(ROOT / "collate", source / "collate", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source)
    run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", place / "dist", source, cwd=place)
    (wheel,) = (place / "dist").glob("collate-*.whl")
    environment = place / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", environment, cwd=place)
    run(sys.executable, "-m", "pip", "--python", environment / "bin" / "python", "install", "-q", wheel, cwd=place)
    return environment, wheel


def test_the_wheel_holds_every_file_of_the_package(installed):
    _, wheel = installed
    with zipfile.ZipFile(wheel) as archive:
        packed = {name for name in archive.namelist() if name.startswith("collate/")}
    assert packed == package_files()


def test_the_installed_package_is_the_wheel_not_the_checkout(installed):
    environment, _ = installed
    where = run(environment / "bin" / "python", "-c", "import collate; print(collate.__file__)", cwd=environment)
    assert Path(where.strip()).is_relative_to(environment)


def test_the_installed_command_lists_the_works(installed):
    environment, _ = installed
    listed = run(environment / "bin" / "collate", "--list", "--witnesses", WITNESSES, cwd=environment)
    assert listed == CliRunner().invoke(main, ["--list", "--witnesses", str(WITNESSES)]).output
    assert WORK in listed


def test_the_installed_command_writes_the_committed_outputs(installed, tmp_path):
    environment, _ = installed
    run(environment / "bin" / "collate", WORK, "--witnesses", WITNESSES, "--out", tmp_path, cwd=tmp_path)
    written = sorted(path.name for path in tmp_path.iterdir())
    assert written == [f"{WORK}.html", f"{WORK}.json", f"{WORK}.tei.xml"]
    assert all((tmp_path / name).read_bytes() == (ROOT / "output" / name).read_bytes() for name in written)
