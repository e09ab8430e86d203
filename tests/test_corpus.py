"""The corpus of witnesses: every work loads, every stretch is verbatim in the seeds, nothing is lost."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from collate.cli import main
from collate import load_work, work_ids
from collate import collate_work
from collate import to_json
from collate import split_text
from conftest import ROOT, SHARED, WITNESSES, need_shared
from scholar import collapsed, rows, witness_text

WORKS = work_ids(WITNESSES)
THE_FOUR = ("letter-1923-03-05", "reply-1923-03-07", "testament-1922-12-25", "speech-1927-10-23")


def test_the_four_works_and_the_smaller_ones_are_listed():
    result = CliRunner().invoke(main, ["--list", "--witnesses", str(WITNESSES)])
    assert result.exit_code == 0
    listed = [line.split("\t") for line in result.output.splitlines()]
    assert set(THE_FOUR) <= {row[0] for row in listed} and len(listed) >= 8
    assert ["letter-1923-03-05", "1923-03-05", "Lenin's letter to Stalin breaking off relations", "3 witnesses"] in listed


@pytest.mark.parametrize("work_id", WORKS)
def test_every_work_loads_with_a_citation_and_a_source_per_stretch(work_id):
    work = load_work(WITNESSES, work_id)
    assert len(work.witnesses) >= 2 and work.title and work.date
    for witness in work.witnesses:
        assert witness.citation.title or witness.citation.author, witness.id
        assert len(witness.sources) == len(split_text(witness.text)), witness.id


@pytest.mark.parametrize("work_id", WORKS)
def test_every_stretch_is_printed_verbatim_in_its_seed(work_id):
    seeds = need_shared(SHARED / "seeds")
    for witness in load_work(WITNESSES, work_id).witnesses:
        for stretch, source in zip(split_text(witness.text), witness.sources):
            seed = collapsed((seeds / source.document).read_text(encoding="utf-8"))
            assert collapsed(stretch) in seed, (witness.id, stretch[:40])


@pytest.mark.parametrize("work_id", WORKS)
def test_every_witness_read_across_the_table_gives_back_its_file(work_id):
    work = load_work(WITNESSES, work_id)
    collation = collate_work(work)
    for w, witness in enumerate(work.witnesses):
        assert witness_text(collation, w) == list(split_text(witness.text)), witness.id


@pytest.mark.parametrize("work_id", WORKS)
def test_the_json_has_a_cell_for_every_quoting_witness_and_the_runs_where_each_is_not_quoted(work_id):
    work = load_work(WITNESSES, work_id)
    document = json.loads(to_json(collate_work(work)))
    table, ids = document["table"], [w.id for w in work.witnesses]
    assert all(list(place["cells"]) == [i for i in ids if i in place["cells"]] for place in table)
    assert {cell["status"] for place in table for cell in place["cells"].values()} <= {"present", "omitted", "cut"}
    for witness_id in ids:
        silent = {p for first, last in document["not_quoted"][witness_id] for p in range(first, last + 1)}
        assert silent == {p for p, place in enumerate(table) if witness_id not in place["cells"]}, witness_id


def test_trotskys_stretches_are_placed_in_the_testaments_order():
    collation = collate_work(load_work(WITNESSES, "testament-1922-12-25"))
    order = []
    for place in collation.places:
        stretch = place.cells[1].stretch
        if stretch is not None and stretch not in order:
            order.append(stretch)
    # In his article: line 102, five phrases of line 108, 112, 118; in the Testament the
    # "I will not further characterize" paragraph (102) follows the phrases and 112.
    assert order == [6, 2, 3, 4, 5, 1, 0, 7]


def test_radeks_misquotation_stands_whole_against_the_passage_it_stands_for():
    collation = collate_work(load_work(WITNESSES, "testament-1922-12-25"))
    at = [p for p, place in enumerate(collation.places) if place.cells[2].tokens]
    passage = collation.places[at[0]:at[-1] + 1]
    assert ("".join(t.text for place in passage for t in place.cells[0].tokens),
            ["".join(t.text for t in collation.places[p].cells[2].tokens) for p in at],
            {place.cells[2].status for place in passage}) == (
        "Zinoviev and Kamenev was not, of course, accidental, ", ["His non-Bolshevik past is not ", "accidental."],
        {"present", "omitted"})


def test_python_dash_m_collate_works_like_the_script():
    result = subprocess.run([sys.executable, "-m", "collate", "--version"], capture_output=True, text=True, cwd=ROOT)
    assert (result.returncode, result.stdout) == (0, "collate, version 0.1.0\n")


@pytest.mark.parametrize("command", [[], ["compare"], ["rebuild"], ["validate"]])
def test_every_command_has_help_with_an_example(command):
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0 and "collate " in result.output.split("Options:")[0].split("\n", 2)[2]


def test_the_top_level_help_shows_the_main_jobs_options():
    help_text = CliRunner().invoke(main, ["--help"]).output
    section = help_text.split("Options for collating works (collate [WORK…]):")[1]
    flags = [line.split()[0] for line in section.splitlines() if line.strip().startswith("-")]
    assert flags == ["--list", "--all", "-j,", "--witnesses", "--out", "--base", "--no-lemma", "--force", "-q,",
                     "--explicit-inactive"]


@pytest.mark.parametrize("line_end", ["\r\n", "\r"])
def test_trotskys_eight_stretches_survive_windows_and_old_mac_line_ends(tmp_path, line_end):
    work = "testament-1922-12-25"
    shutil.copytree(WITNESSES / work, tmp_path / work)
    path = tmp_path / work / "trotsky1932.txt"
    path.write_bytes(path.read_bytes().replace(b"\n", line_end.encode()))
    saved = load_work(tmp_path, work)
    assert len(split_text(saved.witnesses[1].text)) == 8
    assert rows(collate_work(saved)) == rows(collate_work(load_work(WITNESSES, work)))


@pytest.mark.parametrize("work_id", WORKS)
def test_every_witness_is_rebuilt_from_the_json_table(work_id):
    work = load_work(WITNESSES, work_id)
    table = json.loads(to_json(collate_work(work)))["table"]
    for witness in work.witnesses:
        stretches: dict[int, str] = {}
        for place in table:
            cell = place["cells"].get(witness.id, {})
            if "tokens" in cell:
                stretches[cell["stretch"]] = stretches.get(cell["stretch"], "") + "".join(t[0] for t in cell["tokens"])
        assert [stretches[s].strip() for s in sorted(stretches)] == list(split_text(witness.text)), witness.id
