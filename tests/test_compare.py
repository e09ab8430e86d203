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
    order = [place["cells"].get("trotsky", {}).get("stretch") for place in collation["table"]]
    assert [s for n, s in enumerate(order) if s is not None and s not in order[:n]] == [1, 0]
    assert order[0] is None and "trotsky" not in collation["table"][0]["cells"]
    assert collation["not_quoted"]["trotsky"][0][0] == 0


def test_compare_needs_two_files(tmp_path):
    (tmp_path / "a.txt").write_text("Stalin is too rude", encoding="utf-8")
    result = CliRunner().invoke(main, ["compare", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out")])
    assert (result.exit_code, result.stderr) == (1, f"Error: {tmp_path}/a.txt: a collation needs at least two witnesses\n")


def compared(tmp_path, *args: str) -> dict:
    """Return the JSON of `collate compare ARGS` run in tmp_path, which must succeed."""
    result = CliRunner().invoke(main, ["compare", *args, "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    return json.loads((tmp_path / "out" / "compare.json").read_text(encoding="utf-8"))


def test_a_truncated_excerpt_is_guessed_complete_and_marked_so_everywhere(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "eastman.txt").write_text(TESTAMENT, encoding="utf-8")
    (tmp_path / "cut.txt").write_text(" ".join(TESTAMENT.split()[:30]), encoding="utf-8")
    witness = compared(tmp_path, "eastman.txt", "cut.txt")["witnesses"][1]
    note = "Kind guessed from the length: 30 words, the longest file 45."
    assert (witness["kind"], witness["kind_guessed"], witness["attribution"], witness["notes"]) == (
        "complete", True, "unknown", note)
    assert note in (tmp_path / "out" / "compare.tei.xml").read_text(encoding="utf-8")
    assert note in (tmp_path / "out" / "compare.html").read_text(encoding="utf-8")


def test_fragment_says_the_kind_so_the_rest_is_not_quoted_rather_than_omitted(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "eastman.txt").write_text(TESTAMENT, encoding="utf-8")
    (tmp_path / "cut.txt").write_text(" ".join(TESTAMENT.split()[:30]), encoding="utf-8")
    collation = compared(tmp_path, "eastman.txt", "--fragment", "cut.txt")
    assert [(w["id"], w["kind"], w["kind_guessed"]) for w in collation["witnesses"]] == [
        ("eastman", "complete", True), ("cut", "fragment", False)]
    statuses = {place["cells"]["cut"]["status"] if "cut" in place["cells"] else "not-quoted"
                for place in collation["table"]}
    assert statuses == {"present", "not-quoted"}


def test_a_sidecar_gives_the_metadata_of_a_witness(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "eastman.txt").write_text(TESTAMENT, encoding="utf-8")
    (tmp_path / "cut.txt").write_text(" ".join(TESTAMENT.split()[:30]), encoding="utf-8")
    (tmp_path / "cut.toml").write_text('kind = "fragment"\nattribution = "probable"\nsiglum = "C"\n'
                                       '[citation]\nauthor = "Trotsky, Leon"\n', encoding="utf-8")
    witness = compared(tmp_path, "eastman.txt", "cut.txt")["witnesses"][1]
    assert (witness["siglum"], witness["kind"], witness["kind_guessed"], witness["attribution"],
            witness["citation"]["author"]) == ("C", "fragment", False, "probable", "Trotsky, Leon")


def test_a_sidecars_problems_name_its_lines(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(TESTAMENT, encoding="utf-8")
    (tmp_path / "b.toml").write_text('siglum = "B"\nkidn = "fragment"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["compare", "a.txt", "b.txt", "--out", "out"])
    assert result.stderr == "Warning: b.toml:2: witness 1: unknown key 'kidn' ignored (did you mean 'kind'?)\n"
    (tmp_path / "b.toml").write_text('siglum = "B"\nkind = fragment\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["compare", "a.txt", "b.txt", "--out", "out"])
    assert result.stderr == "Error: b.toml:2: malformed TOML: Invalid value\n"


def test_a_file_cannot_be_both_complete_and_fragment(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(TESTAMENT, encoding="utf-8")
    result = CliRunner().invoke(main, ["compare", "a.txt", "--complete", "b.txt", "--fragment", "b.txt"])
    assert (result.exit_code, result.stderr) == (1, "Error: b.txt: given as both --complete and --fragment\n")
    assert not (tmp_path / "output").exists()
