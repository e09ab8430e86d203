"""Every error of issue 2: one line naming the file and the problem, exit 1, nothing written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from collate.cli import main
from conftest import make_work


def run(root: Path, *args: str):
    """Return the result of `collate ARGS --witnesses ROOT/witnesses --out ROOT/out`."""
    return CliRunner().invoke(main, [*args, "--witnesses", str(root / "witnesses"), "--out", str(root / "out")])


def error_of(result) -> str:
    """Return the one error line, after checking exit status and that nothing was written."""
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_a_good_work_loads_and_writes_its_outputs(tmp_path):
    make_work(tmp_path / "witnesses")
    result = run(tmp_path, "letter")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["letter.html", "letter.json", "letter.tei.xml"]


def test_unknown_work_lists_the_known_ones(tmp_path):
    make_work(tmp_path / "witnesses")
    assert error_of(run(tmp_path, "lettre")) == \
        f"Error: {tmp_path}/witnesses/lettre: unknown work 'lettre' (known works: letter)"
    assert not (tmp_path / "out").exists()


def test_missing_work_toml(tmp_path):
    (tmp_path / "witnesses" / "letter").mkdir(parents=True)
    assert error_of(run(tmp_path, "letter")) == f"Error: {tmp_path}/witnesses/letter/work.toml: missing work.toml"


def test_malformed_work_toml_names_the_line(tmp_path):
    make_work(tmp_path / "witnesses", toml='[work]\ntitle = "A letter\n')
    assert error_of(run(tmp_path, "letter")).startswith(
        f"Error: {tmp_path}/witnesses/letter/work.toml:2: malformed TOML: ")


def test_listed_witness_without_its_file(tmp_path):
    folder = make_work(tmp_path / "witnesses")
    (folder / "volkogonov.txt").unlink()
    assert error_of(run(tmp_path, "letter")) == f"Error: {folder}/volkogonov.txt: witness file missing"


def test_a_file_not_listed(tmp_path):
    folder = make_work(tmp_path / "witnesses")
    (folder / "stray.txt").write_text("Very respectable comrade", encoding="utf-8")
    assert error_of(run(tmp_path, "letter")) == f"Error: {folder}/stray.txt: witness file not listed in work.toml"


def test_whitespace_only_witness(tmp_path):
    make_work(tmp_path / "witnesses", witnesses={"conquest": "Very respectable", "volkogonov": " \n\t\n"})
    assert error_of(run(tmp_path, "letter")) == \
        f"Error: {tmp_path}/witnesses/letter/volkogonov.txt: empty witness (nothing but whitespace)"


def test_a_witness_that_is_not_utf8_names_the_byte(tmp_path):
    folder = make_work(tmp_path / "witnesses")
    (folder / "volkogonov.txt").write_bytes("Respected Comrade".encode() + b" \xe9")
    assert error_of(run(tmp_path, "letter")) == f"Error: {folder}/volkogonov.txt: not UTF-8 at byte 18"


def test_duplicate_witness_ids(tmp_path):
    toml = '[work]\ntitle = "A letter"\n[[witness]]\nid = "conquest"\nsiglum = "C"\n[[witness]]\nid = "conquest"\nsiglum = "D"\n'
    folder = make_work(tmp_path / "witnesses", witnesses={"conquest": "Very respectable"}, toml=toml)
    assert error_of(run(tmp_path, "letter")) == f"Error: {folder}/work.toml: duplicate witness id 'conquest'"


def test_an_id_that_is_not_an_xml_name(tmp_path):
    toml = '[work]\ntitle = "A letter"\n[[witness]]\nid = "1991conquest"\n[[witness]]\nid = "volkogonov"\n'
    folder = make_work(tmp_path / "witnesses", toml=toml)
    assert error_of(run(tmp_path, "letter")) == \
        (f"Error: {folder}/work.toml:4: witness id '1991conquest' is not an XML name: an id begins with a letter "
         "or '_' and holds only letters, digits, '_', '-' and '.'; try 'conquest1991'")


def test_an_id_that_is_a_substring_of_another(tmp_path):
    folder = make_work(tmp_path / "witnesses", witnesses={"volkov": "Very respectable", "kov": "Respected"})
    assert error_of(run(tmp_path, "letter")) == \
        f"Error: {folder}/work.toml: witness id 'kov' is a substring of 'volkov'"


def test_a_work_with_one_witness(tmp_path):
    folder = make_work(tmp_path / "witnesses", witnesses={"conquest": "Very respectable"})
    assert error_of(run(tmp_path, "letter")) == f"Error: {folder}/work.toml: a work needs at least two witnesses, found 1"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_an_unwritable_output_folder_as_a_user(tmp_path):
    make_work(tmp_path / "witnesses")
    (tmp_path / "out").mkdir(mode=0o500)
    assert "output folder is not writable" in error_of(run(tmp_path, "letter"))


def test_an_output_folder_that_cannot_be_made(tmp_path):
    make_work(tmp_path / "witnesses")
    (tmp_path / "out").write_text("a file where the folder should be")
    assert error_of(run(tmp_path, "letter")).startswith(f"Error: {tmp_path}/out: output folder is not writable")


def test_nothing_is_written_when_one_of_several_works_fails(tmp_path):
    make_work(tmp_path / "witnesses")
    make_work(tmp_path / "witnesses", "broken", witnesses={"conquest": "Very respectable"})
    error_of(run(tmp_path, "--all"))
    assert not list((tmp_path / "out").glob("*"))


def test_a_kind_or_attribution_outside_the_choices(tmp_path):
    toml = '[work]\ntitle = "A letter"\n[[witness]]\nid = "conquest"\nkind = "excerpt"\n[[witness]]\nid = "volkogonov"\n'
    folder = make_work(tmp_path / "witnesses", toml=toml)
    assert error_of(run(tmp_path, "letter")) == (f"Error: {folder}/work.toml:5: witness 'conquest': kind 'excerpt' is not "
                                                 "one of complete, fragment, paraphrase, misquotation")


def test_a_witness_id_of_the_form_of_the_teis_own_ids(tmp_path):
    for name in ("app1", "app2"):
        (tmp_path / f"{name}.txt").write_text("Respected comrade Stalin", encoding="utf-8")
    result = CliRunner().invoke(main, ["compare", str(tmp_path / "app1.txt"), str(tmp_path / "app2.txt"),
                                       "--out", str(tmp_path / "out")])
    assert error_of(result) == (f"Error: {tmp_path}/app1.txt: witness id 'app1' has the form of the TEI's own ids "
                                "(appN, placeN, appN-rK): rename the witness, e.g. 'wit-app1'")
    assert not (tmp_path / "out").exists()
