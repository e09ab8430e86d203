"""Exports: the variant table as CSV for a spreadsheet, and each witness's text read back from the collation."""

from __future__ import annotations

import csv

import pytest
from click.testing import CliRunner

from collate import load_work, split_text, work_ids
from collate.cli import main
from conftest import WITNESSES, make_work

WORKS = work_ids(WITNESSES)


def export(tmp_path, work: str, form: str, root=WITNESSES) -> str:
    """Return the text `collate export WORK --format FORM` writes."""
    result = CliRunner().invoke(main, ["export", work, "--format", form, "--witnesses", str(root),
                                       "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    return (tmp_path / "out" / f"{work}.{form}").read_text(encoding="utf-8")


def test_the_csv_has_an_entry_a_row_and_a_witness_a_column(tmp_path):
    make_work(tmp_path / "witnesses", witnesses={"conquest": "Very respectable comrade Stalin, you were rude.",
                                                 "volkogonov": "Respected Comrade Stalin, you have been rude.",
                                                 "bullock": "you were rude."})
    table = list(csv.reader(export(tmp_path, "letter", "csv", tmp_path / "witnesses").splitlines()))
    assert table == [["entry", "type", "conquest", "volkogonov", "bullock"],
                     ["1", "omission", "Very respectable comrade Stalin,", "Respected Comrade Stalin,", "om."],
                     ["2", "addition", "were", "have been", "were"]]


@pytest.mark.parametrize("work_id", WORKS)
def test_the_text_export_gives_back_every_witness_as_printed(tmp_path, work_id):
    text = export(tmp_path, work_id, "txt")
    work = load_work(WITNESSES, work_id)
    expected = "\n".join(f"== {w.siglum} ({w.id}) ==\n" + "\n* * *\n".join(split_text(w.text)) + "\n"
                         for w in work.witnesses)
    assert text == expected
