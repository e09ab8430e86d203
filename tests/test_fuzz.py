"""Issue 10's fuzz test: random bytes, Unicode and TOML-ish text through the reader and the writers.

Whatever comes in, the result is a CollateError of one line, or outputs whose TEI is valid
(schema and apparatus checks) and gives back every witness's text.
"""

from __future__ import annotations

import json
import tempfile
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from lxml import etree

from collate import CollateError, Work, load_files, load_work, outputs_of, parse, problems, rebuild, schema_problems
from scholar import collapsed

# Derandomized, so that CI fails only for a change, never for a new draw: run it with a larger
# max_examples and derandomize=False to search further.
FUZZ = settings(max_examples=60, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture])
WORK_TOML = '[work]\ntitle = "A letter"\n[[witness]]\nid = "conquest"\n[[witness]]\nid = "volkogonov"\n'
TOML_PIECES = ["[work]", "[[witness]]", "[witness.citation]", "[[witness.source]]", "[regularization]", "title",
               "id", "kind", "siglum", "line", "document", "atribution", " = ", "=", '"', "'", '"""', "\\u0000",
               "conquest", "volkogonov", "fragment", "1", "-3", "true", "[", "]", "{", "}", ",", ".", "#", "\n", "\r\n",
               "\ufeff", "é", " "]
LETTER = "Very respectable comrade Stalin, […] I have decided to weigh whether"
# Text likely to reach the tokenizer's and the aligner's corners: marks, separators, line ends.
PROSE = st.lists(st.sampled_from(["Stalin", "comrade", "very", ",", ".", "…", "[us]", "[1]", "“", "’s", "-", " ",
                                  "\n", "\r\n", "\n* * *\n", "\u00ad", "é", "e\u0301", "ﬁ"]),
                 min_size=1, max_size=40).map("".join)
TEXTS = st.one_of(PROSE, st.text(max_size=80), st.binary(max_size=80))
# TOML values of every type, for keys work.toml knows and keys it does not.
VALUES = st.recursive(st.one_of(st.text(max_size=12), st.integers(), st.booleans(), st.sampled_from(
    ["conquest", "volkogonov", "fragment", "complete", "doubtful", "a.md"])), lambda inner: st.lists(inner, max_size=3),
    max_leaves=5)
KEY_NAMES = st.sampled_from(["id", "siglum", "kind", "attribution", "notes", "title", "author", "document", "line",
                             "last_line", "atribution", "citation"])


def toml_value(value) -> str:
    """Return a value written as TOML (JSON's strings and numbers are TOML's)."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(part) for part in value) + "]"
    return json.dumps(value)


def toml_table(header: str, pairs: dict) -> str:
    """Return a TOML table: its header line and one line per key."""
    return header + "\n" + "".join(f"{key} = {toml_value(value)}\n" for key, value in pairs.items())


WITNESS_TABLES = st.lists(st.tuples(st.sampled_from(["[[witness]]", "[witness.citation]", "[[witness.source]]"]),
                                    st.dictionaries(KEY_NAMES, VALUES, max_size=4)), max_size=5)
STRUCTURED_TOML = st.builds(lambda work, tables: toml_table("[work]", work) + "".join(
    toml_table(header, pairs) for header, pairs in tables), st.dictionaries(KEY_NAMES, VALUES, max_size=3),
    WITNESS_TABLES)


def write(path: Path, content: str | bytes) -> None:
    """Write text as UTF-8, or bytes as they are."""
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))


def check(read, schema) -> None:
    """Read witnesses and write their outputs; a failure must be a one-line CollateError, a warning one line."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            witnesses, files = read()
        except CollateError as error:
            witnesses = files = None
            assert "\n" not in str(error) and str(error), repr(str(error))
    # CorpusWarning is not (yet) in the public API: it is named here rather than imported.
    assert all(w.category.__name__ == "CorpusWarning" and "\n" not in str(w.message) for w in caught), caught
    if files is None:
        return
    tei = next(content for name, content in files.items() if name.endswith(".tei.xml"))
    tree = parse(tei, "fuzz.tei.xml")
    assert schema_problems(etree.ElementTree(etree.fromstring(tei)), schema) + problems(tree) == []
    for witness in witnesses:
        assert collapsed(rebuild(tree, witness.id)) == collapsed(witness.text), witness.id


@FUZZ
@given(first=TEXTS, second=TEXTS)
def test_random_witness_files_of_a_work(schema, first, second):
    with tempfile.TemporaryDirectory() as root:
        folder = Path(root) / "letter"
        folder.mkdir()
        write(folder / "work.toml", WORK_TOML)
        write(folder / "conquest.txt", first)
        write(folder / "volkogonov.txt", second)

        def read():
            work = load_work(Path(root), "letter")
            return work.witnesses, outputs_of(work)
        check(read, schema)


@FUZZ
@given(toml=st.one_of(STRUCTURED_TOML, st.lists(st.sampled_from(TOML_PIECES), max_size=60).map("".join),
                      st.text(max_size=200), st.binary(max_size=200)))
def test_random_work_toml(schema, toml):
    with tempfile.TemporaryDirectory() as root:
        folder = Path(root) / "letter"
        folder.mkdir()
        write(folder / "work.toml", toml)
        write(folder / "conquest.txt", LETTER)
        write(folder / "volkogonov.txt", LETTER.replace("Very respectable", "Respected"))

        def read():
            work = load_work(Path(root), "letter")
            return work.witnesses, outputs_of(work)
        check(read, schema)


@FUZZ
@given(texts=st.lists(TEXTS, min_size=2, max_size=3))
def test_random_files_compared(schema, texts):
    with tempfile.TemporaryDirectory() as root:
        paths = tuple(Path(root) / f"w{n}.txt" for n in range(len(texts)))
        for path, text in zip(paths, texts):
            write(path, text)

        def read():
            witnesses = load_files(paths)
            return witnesses, outputs_of(Work("compare", "Comparison", witnesses))
        check(read, schema)


@pytest.mark.xfail(strict=True, reason="found by this fuzz test: the TEI breaks every witness's paragraph where "
                                       "the base text has a line break, and rebuild joins paragraphs with a space")
def test_a_line_break_in_one_witness_puts_no_space_into_another(schema):
    with tempfile.TemporaryDirectory() as root:
        paths = (Path(root) / "w0.txt", Path(root) / "w1.txt")
        write(paths[0], "Stalin\nStalin")
        write(paths[1], "Stalin,Stalin")

        def read():
            witnesses = load_files(paths)
            return witnesses, outputs_of(Work("compare", "Comparison", witnesses))
        check(read, schema)
