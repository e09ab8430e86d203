"""`collate find --scheduler`: a local dask.distributed cluster of two workers, on loopback
only, gives the very hits one process gives."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner
from conftest import WITNESSES
from find_generated import library

from collate.cli import main
from collate.corpus import load_work


def distributed_module():
    """Return dask.distributed; skip without it, but never when CI is set (CI installs the test extra)."""
    if os.environ.get("CI"):
        import distributed
        return distributed
    return pytest.importorskip("distributed")


def test_a_local_cluster_of_two_workers_gives_the_same_hits_as_one_process(tmp_path):
    distributed = distributed_module()
    (tmp_path / "library").mkdir()
    library(tmp_path / "library", (load_work(WITNESSES, "reply-1923-03-07"),), documents=12, paragraphs=15)
    here = CliRunner().invoke(main, ["find", "reply-1923-03-07", str(tmp_path / "library"),
                                     "--witnesses", str(WITNESSES), "--json", str(tmp_path / "here.json")])
    assert here.exit_code == 0, here.output
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1", protocol="tcp",
                                  dashboard_address=None) as cluster:
        there = CliRunner().invoke(main, ["find", "reply-1923-03-07", str(tmp_path / "library"),
                                          "--witnesses", str(WITNESSES), "--json", str(tmp_path / "there.json"),
                                          "--scheduler", cluster.scheduler_address])
    assert there.exit_code == 0, there.output
    assert (tmp_path / "there.json").read_bytes() == (tmp_path / "here.json").read_bytes()
    assert there.output.replace("there.json", "here.json") == here.output
    assert len(here.output.splitlines()) > 12


def test_no_scheduler_there_is_one_line(tmp_path, monkeypatch):
    distributed_module()
    monkeypatch.setattr("collate.find.cluster.TIMEOUT", "1s")
    (tmp_path / "a.txt").write_text("Stalin", encoding="utf-8")
    result = CliRunner().invoke(main, ["find", "reply-1923-03-07", str(tmp_path / "a.txt"), "--witnesses",
                                       str(WITNESSES), "--scheduler", "tcp://127.0.0.1:9"])
    assert (result.exit_code, result.stderr.startswith("Error: --scheduler tcp://127.0.0.1:9: no dask scheduler")) \
        == (1, True), result.output
