"""work.toml errors name the line the problem is written on, wherever that is."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from collate import CorpusError, load_work

FIELDS = ["siglum", "kind", "attribution", "translator", "notes"]
GOOD = {"siglum": '"S"', "kind": '"fragment"', "attribution": '"probable"', "translator": '"T"', "notes": '"n"'}
# Lines that must not move the count: blank lines, comments, CRLF line ends, a multi-line string.
FILLERS = ["", "# a comment", "   ", 'attribution_note = """\nsiglum = 3\n[[witness]]\nkind = 4"""',
           "attribution_note = '''\nnotes = 5 '''"]


@st.composite
def work_toml(draw) -> tuple[str, int, str]:
    """Return a work.toml with one wrong value, the line it is on, and the error expected."""
    witnesses = ["conquest", "volkogonov", "ulyanova"][:draw(st.integers(2, 3))]
    broken, field = draw(st.sampled_from(witnesses)), draw(st.sampled_from(FIELDS))
    lines = ["[work]", 'title = "A letter"']
    for witness in witnesses:
        lines += ["[[witness]]", *draw(st.lists(st.sampled_from(FILLERS[:3]), max_size=2)), f'id = "{witness}"',
                  *draw(st.lists(st.sampled_from(FILLERS[3:]), max_size=1))]
        for name in draw(st.permutations(FIELDS)):
            if witness == broken and name == field:
                at = sum(line.count("\n") + 1 for line in lines) + 1
            lines += [f"{name} = {7 if witness == broken and name == field else GOOD[name]}",
                      *draw(st.lists(st.sampled_from(FILLERS[:3]), max_size=1))]
    problem = f"witness {broken!r}: {field} must be a string, not integer 7"
    return "\r\n".join(lines) if draw(st.booleans()) else "\n".join(lines), at, problem


@settings(max_examples=80, deadline=None)
@given(work_toml())
def test_a_wrong_value_is_reported_on_its_own_line(case):
    text, line, problem = case
    with tempfile.TemporaryDirectory() as root:
        folder = Path(root) / "letter"
        folder.mkdir()
        (folder / "work.toml").write_bytes(text.encode("utf-8"))
        for witness in ("conquest", "volkogonov", "ulyanova"):
            if f'id = "{witness}"' in text:
                (folder / f"{witness}.txt").write_text("Respected Comrade Stalin", encoding="utf-8")
        with pytest.raises(CorpusError) as raised:
            load_work(Path(root), "letter")
    assert (raised.value.line, raised.value.problem) == (line, problem)
