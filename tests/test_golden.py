"""The committed output/ folder is what `collate --all` writes, byte for byte, whatever the hash seed."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

OUTPUT = ROOT / "output"
# Two different seeds, drawn afresh each run: an order that leaks from a set or dict of
# strings shows up as a difference in one of them sooner or later.
SEEDS = random.sample(range(1, 2**32), 2)


def tree(folder: Path) -> dict[str, bytes]:
    """Return every file under `folder` by relative path, with its bytes."""
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.mark.parametrize(("seed", "jobs"), list(zip(SEEDS, ("1", "2"))))
def test_collate_all_rewrites_the_committed_outputs_exactly(tmp_path, seed, jobs):
    """Serial (--jobs 1) and parallel runs write the committed bytes, with nothing on stderr (not a terminal)."""
    environment = {**os.environ, "PYTHONHASHSEED": str(seed)}
    result = subprocess.run([sys.executable, "-m", "collate", "--all", "--witnesses", str(ROOT / "witnesses"),
                             "--out", str(tmp_path), "--jobs", jobs], capture_output=True, text=True,
                            env=environment, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    written, committed = tree(tmp_path), tree(OUTPUT)
    assert sorted(written) == sorted(committed), f"PYTHONHASHSEED={seed}"
    differing = [name for name in committed if written[name] != committed[name]]
    assert not differing, f"PYTHONHASHSEED={seed}: {differing} differ from output/"
