"""Issue 10, careless and hostile input: one line naming the file and the problem, and nothing
written outside `--out`, nothing half-written."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from collate import to_json
from collate.cli import main
from conftest import make_work
from scholar import collated, rows

OUTPUTS = ["letter.html", "letter.json", "letter.tei.xml"]


def checksums(folder: Path) -> dict[str, str]:
    """Return the SHA-256 of every file and the name of every folder under `folder`, hidden ones too."""
    return {str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "/"
            for path in sorted(folder.rglob("*"))}


def collate(*args: str | Path):
    """Return the result of the command line run with these arguments."""
    return CliRunner().invoke(main, [str(arg) for arg in args])


def failed(result) -> str:
    """Return the one error line of a run that must have failed with exit status 1."""
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture
def project(tmp_path) -> Path:
    """Return a folder holding witnesses/letter and nothing else."""
    make_work(tmp_path / "witnesses")
    return tmp_path


# Item 2: outputs never escape --out.

def test_a_work_named_by_its_absolute_folder_writes_only_into_out(project):
    before = checksums(project)
    result = collate(project / "witnesses" / "letter", "--out", project / "out")
    assert result.exit_code == 0, result.output
    after = checksums(project)
    assert {name for name in after if name not in before} == {"out", *(f"out/{name}" for name in OUTPUTS)}
    assert all(after[name] == digest for name, digest in before.items())


def test_a_work_named_by_a_relative_folder_and_one_with_a_trailing_slash(project, monkeypatch):
    monkeypatch.chdir(project / "witnesses")
    assert collate("../witnesses/letter", "--out", project / "a").exit_code == 0
    assert collate("letter/", "--witnesses", ".", "--out", project / "b").exit_code == 0
    assert sorted(os.listdir(project / "a")) == sorted(os.listdir(project / "b")) == OUTPUTS
    assert sorted(os.listdir(project / "witnesses")) == ["letter"]


@pytest.mark.parametrize("name", ["../x", "a/b", "/tmp/x", ".hidden", ""])
def test_compare_refuses_an_output_name_that_is_not_a_plain_name(project, name):
    folder = project / "witnesses" / "letter"
    before = checksums(project)
    assert failed(collate("compare", folder / "conquest.txt", folder / "volkogonov.txt", "--name", name,
                          "--out", project / "out")) == (
        f"Error: --name {name!r}: the outputs' base name must be a plain name "
        "(letters, digits, '.', '-', '_'; no folder)")
    assert checksums(project) == before


def test_a_work_folder_whose_name_is_not_a_work_id(project):
    (project / "witnesses" / "letter").rename(project / "witnesses" / "a letter")
    assert failed(collate(project / "witnesses" / "a letter", "--out", project / "out")) == (
        f"Error: {project}/witnesses/a letter: work id 'a letter' (the folder's name) must be letters, digits, "
        "'.', '-' or '_', and start with a letter, digit or '_'")
    assert not (project / "out").exists()


def test_two_works_with_one_id_are_refused_not_overwritten(project):
    make_work(project / "elsewhere")
    assert failed(collate(project / "witnesses" / "letter", project / "elsewhere" / "letter",
                          "--out", project / "out")) == \
        "Error: work id 'letter' given twice: both works would write letter.*"
    assert not (project / "out").exists()


# Item 11: outside a project, say so and where collate looked.

@pytest.mark.parametrize("option", ["--all", "--list", "letter"])
def test_outside_a_project_says_where_it_looked(tmp_path, monkeypatch, option):
    monkeypatch.chdir(tmp_path)
    assert failed(collate(option)) == (f"Error: {tmp_path}/witnesses: no witnesses folder here (run collate "
                                       "beside witnesses/, or give one with --witnesses)")
    assert not list(tmp_path.iterdir())


def test_a_witnesses_folder_without_works(tmp_path):
    (tmp_path / "witnesses").mkdir()
    assert failed(collate("--all", "--witnesses", tmp_path / "witnesses", "--out", tmp_path / "out")) == (
        f"Error: {tmp_path}/witnesses: no works in this witnesses folder (a work is a folder with a work.toml)")


# Item 3: characters XML cannot hold are refused with the file, line and column.

@pytest.mark.parametrize(("text", "line", "column", "code"), [
    ("Respected\nComr\x00ade Stalin", 2, 5, "0000"),
    ("Respected\r\nComrade\rSta\x1blin", 3, 4, "001B"),
    ("Respected Comrade \ufffe", 1, 19, "FFFE"),
])
def test_a_character_xml_cannot_hold_in_a_witness(project, text, line, column, code):
    folder = project / "witnesses" / "letter"
    (folder / "volkogonov.txt").write_text(text, encoding="utf-8", newline="")
    assert failed(collate("letter", "--witnesses", project / "witnesses", "--out", project / "out")) == (
        f"Error: {folder}/volkogonov.txt:{line}:{column}: character U+{code} (a control character or "
        "non-character) cannot be written in XML; remove it")
    assert not (project / "out").exists()


def test_a_character_xml_cannot_hold_in_work_toml_raw_or_escaped(project):
    toml = project / "witnesses" / "letter" / "work.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('"A letter"', '"A\uffffletter"'), encoding="utf-8")
    assert failed(collate("letter", "--witnesses", project / "witnesses")) == (
        f"Error: {toml}:2:11: character U+FFFF (a control character or non-character) cannot be written in XML; "
        "remove it")
    toml.write_text(toml.read_text(encoding="utf-8").replace("\uffff", "\\u0007"), encoding="utf-8")
    assert failed(collate("letter", "--witnesses", project / "witnesses")) == \
        f"Error: {toml}:2: title holds U+0007, which XML cannot hold"


# Item 7: input and output errors are one line, and a failed run leaves the previous outputs whole.

def test_an_output_name_taken_by_a_folder(project):
    (project / "out" / "letter.json").mkdir(parents=True)
    before = checksums(project / "out")
    assert failed(collate("letter", "--witnesses", project / "witnesses", "--out", project / "out")) == \
        f"Error: {project}/out/letter.json: is a folder, so the output file cannot be written"
    assert checksums(project / "out") == before


def test_an_unreadable_witness(project, monkeypatch):
    witness = project / "witnesses" / "letter" / "volkogonov.txt"
    real = Path.read_bytes

    def refused(path: Path) -> bytes:
        if path == witness:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)
    monkeypatch.setattr(Path, "read_bytes", refused)
    assert failed(collate("letter", "--witnesses", project / "witnesses", "--out", project / "out")) == \
        f"Error: {witness}: cannot be read (Permission denied)"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads anything")
def test_an_unreadable_work_toml_as_a_user(project):
    toml = project / "witnesses" / "letter" / "work.toml"
    toml.chmod(0)
    assert failed(collate("letter", "--witnesses", project / "witnesses")) == \
        f"Error: {toml}: cannot be read (Permission denied)"


def test_running_out_of_memory_is_one_line(project, monkeypatch):
    def exhausted(*args):
        raise MemoryError
    monkeypatch.setattr("collate.run.outputs_of", exhausted)
    assert failed(collate("letter", "--witnesses", project / "witnesses", "--out", project / "out")) == \
        "Error: not enough memory for this run"


def test_a_file_size_limit_halfway_leaves_the_previous_outputs_whole(project):
    out = project / "out"
    assert collate("letter", "--witnesses", project / "witnesses", "--out", out).exit_code == 0
    (project / "witnesses" / "letter" / "volkogonov.txt").write_text("Respected Comrade Lenin,", encoding="utf-8")
    before = checksums(out)
    # The JSON (about 4 KB) and the TEI (about 11 KB) are written under the limit, the HTML (about 25 KB) is not.
    limited = ("import resource, signal, sys; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
               "resource.setrlimit(resource.RLIMIT_FSIZE, (16000, 16000)); from collate.cli import main; "
               "main(sys.argv[1:], prog_name='collate')")
    result = subprocess.run([sys.executable, "-c", limited, "letter", "--witnesses", project / "witnesses",
                             "--out", out], capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr == f"Error: {out}/letter.html: cannot be written (File too large); the previous outputs are unchanged\n"
    assert checksums(out) == before


# Item 8: a staging folder left by a killed run is removed by the next run, not another's running one.

def test_the_staging_folder_of_a_killed_run_is_removed(project):
    out = project / "out"
    (out / ".collate-999999999-abcd1234").mkdir(parents=True)
    (out / ".collate-999999999-abcd1234" / "letter.json").write_text("{")
    (out / f".collate-{os.getpid()}-running").mkdir()
    (out / ".collate-notes").write_text("not ours")
    assert collate("letter", "--witnesses", project / "witnesses", "--out", out).exit_code == 0
    assert sorted(os.listdir(out)) == [f".collate-{os.getpid()}-running", ".collate-notes", *OUTPUTS]


# Item 10: work.toml problems name the line and the witness; unknown keys are warned about.

def work_toml(project: Path, text: str) -> Path:
    """Return the letter's work.toml after writing `text` into it."""
    path = project / "witnesses" / "letter" / "work.toml"
    path.write_text(text, encoding="utf-8")
    return path


WITNESSES = '\n[[witness]]\nid = "conquest"\n{}\n[[witness]]\nid = "volkogonov"\n'


@pytest.mark.parametrize(("entry", "line", "problem"), [
    ("siglum = 3", 6, "witness 'conquest': siglum must be a string, not integer 3"),
    ('citation = "Conquest 1991"', 6, "witness 'conquest': [witness.citation] must be a table, not a string"),
    ('kind = ["fragment"]', 6, "witness 'conquest': kind must be a string, not array ['fragment']"),
    ('[[witness.source]]\ndocument = "a.md"\nline = true', 8,
     "witness 'conquest': source line must be a positive integer, not boolean true"),
    ('[[witness.source]]\ndocument = "a.md"', 6, "witness 'conquest': a source needs a line"),
    ('[[witness.source]]\ndocument = "a.md"\nline = 1\n[[witness.source]]\ndocument = "b.md"\nline = 2', 6,
     "witness 'conquest': 1 stretches but 2 [[witness.source]] tables"),
])
def test_a_type_error_in_work_toml_names_the_witness_and_the_line(project, entry, line, problem):
    path = work_toml(project, '[work]\ntitle = "A letter"\n' + WITNESSES.format(entry))
    assert failed(collate("letter", "--witnesses", project / "witnesses")) == f"Error: {path}:{line}: {problem}"


def test_deeply_nested_arrays(project):
    path = work_toml(project, "x = " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert failed(collate("letter", "--witnesses", project / "witnesses")) == \
        f"Error: {path}: malformed TOML: arrays or tables nested too deeply"


def test_a_byte_order_mark_in_work_toml_is_read_past(project):
    path = project / "witnesses" / "letter" / "work.toml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert collate("letter", "--witnesses", project / "witnesses", "--out", project / "out").exit_code == 0


def test_unknown_keys_are_warned_about_with_their_line_and_a_guess(project):
    path = work_toml(project, '[work]\ntitle = "A letter"\ndte = "1923"\n' + WITNESSES.format('atribution = "certain"'))
    result = collate("letter", "--witnesses", project / "witnesses", "--out", project / "out")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"Warning: {path}:3: unknown key 'dte' ignored (did you mean 'date'?)",
        f"Warning: {path}:7: witness 'conquest': unknown key 'atribution' ignored (did you mean 'attribution'?)"]


# Item 5: equal words are equal, whatever their Unicode spelling; printed forms are kept.

def test_a_byte_order_mark_makes_no_variant(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\xef\xbb\xbfStalin is too rude.")
    (tmp_path / "b.txt").write_bytes(b"Stalin is too rude.")
    result = collate("compare", tmp_path / "a.txt", tmp_path / "b.txt", "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    table = json.loads((tmp_path / "out" / "compare.json").read_text(encoding="utf-8"))["table"]
    assert {place["type"] for place in table} == {"invariant"}


@pytest.mark.parametrize("invisible", ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"])
def test_an_invisible_format_character_does_not_split_a_word(invisible):
    collation = collated("Stalin is too rude", f"Sta{invisible}lin is too rude")
    assert rows(collation)[0] == ("invariant", "Stalin", f"Sta{invisible}lin")  # invisible: no difference shown
    assert {place.type for place in collation.places[1:]} == {"invariant"}


@pytest.mark.parametrize(("printed", "other", "difference"), [
    ("café", "cafe\u0301", "invariant"), ("ﬁnd", "find", "punctuation"), ("ſtate", "state", "punctuation")])
def test_canonical_forms_are_equal_and_compatibility_forms_a_typographic_difference(printed, other, difference):
    collation = collated(f"to {printed} a way", f"to {other} a way")
    assert [place.type for place in collation.places] == ["invariant", difference, "invariant", "invariant"]
    assert rows(collation)[1][1:] == (printed, other)


def test_the_unicode_choices_are_recorded_in_the_settings():
    settings = json.loads(to_json(collated("a", "a")))["settings"]
    assert (settings["unicode_form"], settings["ignore_format_characters"]) == ("NFKC", True)


# Item 14: a run too big for the memory available is refused before it starts, unless --force.

def test_a_run_too_big_for_the_memory_is_refused_unless_forced(project, monkeypatch):
    monkeypatch.setattr("collate.memory.memory_available", lambda: 2**20)
    arguments = ["letter", "--witnesses", project / "witnesses", "--out", project / "out"]
    assert failed(collate(*arguments)) == ("Error: this run needs about 64 MB of memory and 1 MB is available; "
                                           "collate fewer or shorter witnesses, or use --force to try anyway")
    assert not (project / "out").exists()
    assert collate(*arguments, "--force").exit_code == 0


def test_the_issues_thirty_megabyte_witness_is_refused_on_ten_gigabytes(tmp_path, monkeypatch):
    monkeypatch.setattr("collate.memory.memory_available", lambda: 10 * 2**30)
    (tmp_path / "book.txt").write_text("word " * 6_000_000, encoding="utf-8")
    (tmp_path / "quote.txt").write_text("word " * 600, encoding="utf-8")
    assert failed(collate("compare", tmp_path / "book.txt", tmp_path / "quote.txt", "--out", tmp_path / "out")) == (
        "Error: this run needs about 28,677 MB of memory and 10,240 MB is available; "
        "collate fewer or shorter witnesses, or use --force to try anyway")
    assert not (tmp_path / "out").exists()


# Found by the fuzz test: a `* * *` line with nothing after it made an empty stretch.

@pytest.mark.parametrize(("text", "line", "number"), [
    ("Respected Comrade\n* * *", 2, 2), ("* * *\nRespected Comrade", 1, 1),
    ("Respected\r\n* * *\r\n \r\n* * *\r\nComrade", 2, 2)])
def test_an_empty_stretch_is_refused_with_its_line(project, text, line, number):
    path = project / "witnesses" / "letter" / "volkogonov.txt"
    path.write_text(text, encoding="utf-8", newline="")
    assert failed(collate("letter", "--witnesses", project / "witnesses", "--out", project / "out")) == (
        f"Error: {path}:{line}: stretch {number} is empty: nothing between two `* * *` lines, or before the first, "
        "or after the last")


# Item 9, the command line's part: a --schema that is missing, malformed or not RELAX NG.

@pytest.mark.parametrize(("schema", "problem"), [
    (None, ": no such schema file"),
    ("<grammar", ":2: schema is not well-formed XML: Couldn't find end of Start Tag grammar line 1, line 2, column 1"),
    ("<x/>", ": not a RELAX NG schema (xmlRelaxNGParse: schemas is empty)"),
])
def test_validate_with_a_schema_that_cannot_be_used(project, schema, problem):
    assert collate("letter", "--witnesses", project / "witnesses", "--out", project / "out").exit_code == 0
    path = project / "schema.rng"
    if schema is not None:
        path.write_text(schema + "\n", encoding="utf-8")
    assert failed(collate("validate", project / "out" / "letter.tei.xml", "--schema", path)) == f"Error: {path}{problem}"


# Item 4, the reader's part: witness ids follow XML's NCName rules exactly.

RULE = "an id begins with a letter or '_' and holds only letters, digits, '_', '-' and '.'"


@pytest.mark.parametrize(("witness_id", "proposal"), [
    ("a²", "a"), ("aª", "w1"), ("conquest\\n", "conquest"), ("1991conquest", "conquest1991"), ("a:b", "ab")])
def test_a_witness_id_that_is_not_an_ncname(project, witness_id, proposal):
    path = work_toml(project, f'[work]\ntitle = "A letter"\n[[witness]]\nid = "{witness_id}"\n'
                              '[[witness]]\nid = "volkogonov"\n')
    shown = witness_id.replace("\\n", "\n")
    assert failed(collate("letter", "--witnesses", project / "witnesses")) == \
        f"Error: {path}:4: witness id {shown!r} is not an XML name: {RULE}; try {proposal!r}"


@pytest.mark.parametrize(("name", "proposal"), [("a²", "a"), ("aª", "w1"), ("1949-deutscher", "deutscher1949")])
def test_compare_refuses_a_file_name_that_is_not_an_ncname(tmp_path, name, proposal):
    for stem in (name, "b"):
        (tmp_path / f"{stem}.txt").write_text("Stalin is too rude", encoding="utf-8")
    assert failed(collate("compare", tmp_path / f"{name}.txt", tmp_path / "b.txt", "--out", tmp_path / "out")) == \
        f"Error: {tmp_path}/{name}.txt: witness id {name!r} (from the file name) is not an XML name: {RULE}; " \
        f"try {proposal!r}"


def test_a_regularization_key_xml_cannot_hold(project):
    path = work_toml(project, '[work]\ntitle = "A letter"\n[regularization]\n"Sta\\u0001lin" = "Stalin"\n'
                              + WITNESSES.format(""))
    assert failed(collate("letter", "--witnesses", project / "witnesses")) == \
        f"Error: {path}:3: [regularization] key 'Sta\\x01lin' holds a character XML cannot hold"
