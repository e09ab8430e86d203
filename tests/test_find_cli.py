"""`collate find` on the command line: the table, --json, --write, and one-line errors."""

from __future__ import annotations

import json
import shutil

from click.testing import CliRunner
from conftest import SHARED, WITNESSES, need_shared

from collate.cli import main

BULLOCK = ("A recent discovery has produced a note from Stalin to Lenin in which he wrote: “If you consider "
           "that I must take back my words, I can take them back, but I fail to understand what the issue is, "
           "where my guilt is.” Bullock, Alan.")
KEYS = {"source", "first_line", "last_line", "start", "end", "stretches", "kind", "confidence", "similarity",
        "passage", "witness"}


def run(*args: str):
    """Return the result of `collate ARGS`."""
    return CliRunner().invoke(main, list(args))


def work_copy(tmp_path, work_id: str = "reply-1923-03-07"):
    """Return a witnesses folder in tmp_path holding a copy of one work."""
    shutil.copytree(WITNESSES / work_id, tmp_path / "witnesses" / work_id)
    return tmp_path / "witnesses"


def test_the_seeds_give_a_table_of_hits_and_json_with_every_field(tmp_path):
    seeds = need_shared(SHARED / "seeds")
    result = run("find", "reply-1923-03-07", str(seeds), "--witnesses", str(WITNESSES),
                 "--json", str(tmp_path / "hits.json"))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert [line.split()[0].rsplit("/", 1)[1] for line in lines[:3]] == [
        "002_79f658ff0b44dc82.txt:56", "002_79f658ff0b44dc82.txt:62", "002_79f658ff0b44dc82.txt:64"]
    assert lines[3:] == ["3 hit(s) of reply-1923-03-07 in 4 source(s), 3 already witnesses",
                         f"wrote {tmp_path / 'hits.json'}"]
    found = json.loads((tmp_path / "hits.json").read_text(encoding="utf-8"))
    assert (found["work"], found["sources"], [set(hit) for hit in found["hits"]]) == (
        "reply-1923-03-07", 4, [KEYS] * 3)
    assert [(h["witness"], h["first_line"], len(h["stretches"])) for h in found["hits"]] == [
        ("conquest1991", 56, 2), ("volkogonov1994", 62, 1), ("bullock1992", 64, 1)]


def test_write_adds_a_new_hit_as_a_witness_that_collates_and_a_second_run_adds_nothing(tmp_path):
    root = work_copy(tmp_path)
    (tmp_path / "bullock.txt").write_text(f"Chapter 3\n\n{BULLOCK}\n", encoding="utf-8")
    first = run("find", "reply-1923-03-07", str(tmp_path / "bullock.txt"), "--witnesses", str(root), "--write")
    assert first.exit_code == 0, first.output
    new = root / "reply-1923-03-07" / "found-bullock-000003-000003.txt"
    assert new.read_text(encoding="utf-8") == ("If you consider that I must take back my words, I can take them "
                                               "back, but I fail to understand what the issue is, where my guilt is.\n")
    toml = (root / "reply-1923-03-07" / "work.toml").read_text(encoding="utf-8")
    assert toml.endswith('[[witness.source]]\ndocument = "bullock.txt"\nline = 3\n')
    assert 'attribution = "unknown"' in toml and 'kind = "fragment"' in toml
    collated = run("reply-1923-03-07", "--witnesses", str(root), "--out", str(tmp_path / "out"))
    assert collated.exit_code == 0, collated.output
    again = run("find", "reply-1923-03-07", str(tmp_path / "bullock.txt"), "--witnesses", str(root), "--write")
    assert (again.exit_code, again.output.splitlines()[-1]) == (
        0, "1 hit(s) of reply-1923-03-07 in 1 source(s), 1 already witnesses")


def test_write_never_overwrites_a_file_and_writes_nothing_then(tmp_path):
    root = work_copy(tmp_path)
    (tmp_path / "bullock.txt").write_text(f"Chapter 3\n\n{BULLOCK}\n", encoding="utf-8")
    # a witness of that name already, transcribed by hand from another book
    (root / "reply-1923-03-07" / "found-bullock-000003-000003.txt").write_text("Stalin", encoding="utf-8")
    with open(root / "reply-1923-03-07" / "work.toml", "a", encoding="utf-8") as toml:
        toml.write('\n[[witness]]\nid = "found-bullock-000003-000003"\nsiglum = "X"\n')
    toml = (root / "reply-1923-03-07" / "work.toml").read_bytes()
    result = run("find", "reply-1923-03-07", str(tmp_path / "bullock.txt"), "--witnesses", str(root), "--write")
    assert (result.exit_code, result.stderr) == (1, f"Error: {root / 'reply-1923-03-07'}/found-bullock-000003-000003"
                                                    ".txt: already exists; not overwritten (nothing written)\n")
    assert (root / "reply-1923-03-07" / "work.toml").read_bytes() == toml


def test_a_missing_source_is_one_line_naming_it(tmp_path):
    result = run("find", "reply-1923-03-07", str(tmp_path / "nowhere.txt"), "--witnesses", str(WITNESSES))
    assert (result.exit_code, result.stderr) == (1, f"Error: {tmp_path / 'nowhere.txt'}: no such file or folder\n")


def test_json_to_a_folder_that_does_not_exist_is_one_line(tmp_path):
    (tmp_path / "bullock.txt").write_text(BULLOCK, encoding="utf-8")
    result = run("find", "reply-1923-03-07", str(tmp_path / "bullock.txt"), "--witnesses", str(WITNESSES),
                 "--json", str(tmp_path / "no" / "hits.json"))
    assert (result.exit_code, result.stderr.startswith(f"Error: {tmp_path / 'no' / 'hits.json'}: cannot be written")) \
        == (1, True)


def test_an_unreadable_source_among_good_ones_stops_the_run_with_nothing_written(tmp_path):
    (tmp_path / "books").mkdir()
    (tmp_path / "books" / "a.txt").write_text(BULLOCK, encoding="utf-8")
    (tmp_path / "books" / "b.txt").write_bytes(b"Stalin \xe9tait grossier")
    result = run("find", "reply-1923-03-07", str(tmp_path / "books"), "--witnesses", str(WITNESSES),
                 "--json", str(tmp_path / "hits.json"))
    assert (result.exit_code, result.stdout, result.stderr) == (
        1, "", f"Error: {tmp_path / 'books' / 'b.txt'}:1: not UTF-8 text (invalid continuation byte at byte 8 of the line)\n")
    assert not (tmp_path / "hits.json").exists()
