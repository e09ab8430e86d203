"""Ad hoc use: `collate compare` on a scholar's own files, no work.toml."""

from __future__ import annotations

import json

from click.testing import CliRunner

from collate.cli import main

TESTAMENT = ("I will not further characterize the other members of the Central Committee as to their "
             "personal qualities. Stalin is too rude, and this fault becomes unbearable in the office of "
             "General Secretary. Therefore I propose to the comrades to find a way to remove Stalin.")


def test_compare_collates_files_with_ids_from_their_names_and_places_shuffled_stretches(tmp_path):
    (tmp_path / "eastman.txt").write_text(TESTAMENT, encoding="utf-8")
    # copied in the wrong order: the later sentence first
    (tmp_path / "trotsky.txt").write_text("I propose to the comrades to find a way to remove Stalin.\n* * *\n"
                                          "Stalin is too rude, and this fault becomes unbearable", encoding="utf-8")
    result = CliRunner().invoke(main, ["compare", str(tmp_path / "eastman.txt"), str(tmp_path / "trotsky.txt"),
                                       "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    collation = json.loads((tmp_path / "out" / "compare.json").read_text(encoding="utf-8"))
    assert [w["id"] for w in collation["witnesses"]] == ["eastman", "trotsky"]
    assert [w["kind"] for w in collation["witnesses"]] == ["complete", "fragment"]
    order = [place["cells"]["trotsky"].get("stretch") for place in collation["table"]]
    assert [s for n, s in enumerate(order) if s is not None and s not in order[:n]] == [1, 0]
    assert order[0] is None and collation["table"][0]["cells"]["trotsky"]["status"] == "not-quoted"


def test_compare_needs_two_files(tmp_path):
    (tmp_path / "a.txt").write_text("Stalin is too rude", encoding="utf-8")
    result = CliRunner().invoke(main, ["compare", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out")])
    assert (result.exit_code, result.stderr) == (1, f"Error: {tmp_path}/a.txt: a collation needs at least two witnesses\n")
