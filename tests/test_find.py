"""`collate find` as a library: the seeds of ../shared (every witness CORPUS.md lists, each
found with its lines; leave-one-out), and generated sources."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

from conftest import SHARED, WITNESSES, need_shared
from find_generated import generated, prose_words
import pytest
from hypothesis import given, settings, strategies

from collate.corpus import load_work, work_ids
from collate.find import HitKind, find, hits_in_page, index_of
from collate.find.page import Page
from collate.model import Work

THIRD = "003_d7d407aa95094812.txt"
# Hits CORPUS.md does not list, each a real use of the work's words (see the README):
EXPLAINED = {
    "note-trotsky-1923-03-05": {(THIRD, 202, 202)},  # Trotsky quotes the note again: “If you would agree …”
    "testament-1922-12-25": {(THIRD, 114, 114),  # Trotsky quotes “having become General Secretary.”
                             (THIRD, 116, 116)},  # unmarked: “the number of members of the Central Committee …”
}
# Witnesses the others cannot find: (work, witness left out) -> why.
UNFINDABLE = {
    ("note-trotsky-1923-03-05", "trotsky1932"): "only “With communist greetings.” is left to find the note with",
    ("testament-1922-12-25", "eastman1926"): "the only complete text: Trotsky's fragments find its parts only",
    ("testament-1922-12-25", "ludwig"): "a misquotation: the words are in no other witness",
    ("ulyanova-phone-call", "ulyanova"): "another translation printed as her own prose, with no quotation marks",
}


@cache
def works() -> tuple[Work, ...]:
    """Return the project's works."""
    return tuple(load_work(WITNESSES, work_id) for work_id in work_ids(WITNESSES))


def seeds() -> Path:
    """Return the seeds folder of ../shared."""
    return need_shared(SHARED / "seeds")


def places(work: Work) -> set[tuple[str, int, int]]:
    """Return the (file, first line, last line) of every stretch `collate find` reports in the seeds."""
    return {(Path(hit.source).name, stretch.first_line, stretch.last_line)
            for hit in find(index_of(work), (seeds(),)).hits for stretch in hit.stretches}


def listed(work: Work, witness_ids: set[str] | None = None) -> set[tuple[str, int, int]]:
    """Return the (file, first line, last line) of the witnesses' sources in work.toml (from CORPUS.md)."""
    return {(source.document, source.line, source.last_line or source.line) for witness in work.witnesses
            for source in witness.sources if witness_ids is None or witness.id in witness_ids}


def test_every_listed_witness_is_found_with_its_lines_and_nothing_else_unexplained():
    found = {work.id: places(work) for work in works()}
    assert {work.id: found[work.id] - listed(work) for work in works()} == {
        work.id: EXPLAINED.get(work.id, set()) for work in works()}
    assert {work.id: listed(work) - found[work.id] for work in works()} == {work.id: set() for work in works()}


def test_leave_one_out_the_other_witnesses_find_the_one_left_out():
    missed = {}
    for work in works():
        for witness in work.witnesses:
            others = replace(work, witnesses=tuple(w for w in work.witnesses if w is not witness))
            if listed(work, {witness.id}) - places(others):
                missed[(work.id, witness.id)] = UNFINDABLE.get((work.id, witness.id), "missed")
    assert missed == UNFINDABLE


def test_a_quotation_broken_by_the_quoting_authors_paraphrase_is_two_stretches_of_one_hit():
    reply = next(work for work in works() if work.id == "reply-1923-03-07")
    hit = next(hit for hit in find(index_of(reply), (seeds(),)).hits if hit.first_line == 56)
    assert [(s.first_line, s.last_line, s.text[:25], s.text[-16:], s.quoted) for s in hit.stretches] == [
        (56, 56, "approximately as follows,", "Ilyich’s health,", True),
        (56, 56, "to preserve “relationship", "is wanted of me.", True)]
    assert (hit.kind, hit.similarity, hit.passage.witness) == (HitKind.VERBATIM, 1.0, "conquest1991")


def test_short_inline_quotations_in_marks_are_stretches_of_their_own():
    testament = next(work for work in works() if work.id == "testament-1922-12-25")
    hit = next(hit for hit in find(index_of(testament), (seeds(),)).hits if hit.first_line == 108)
    assert [stretch.text for stretch in hit.stretches] == [
        "the two most able leaders of the present Central Committee.", "exceptional abilities",
        "the most able man in the present Central Committee", "far-reaching self-confidence",
        "a disposition to be too much attracted by the purely administrative side of affairs."]


def test_another_translation_is_found_and_called_one():
    letter = next(work for work in works() if work.id == "letter-1923-03-05")
    others = replace(letter, witnesses=tuple(w for w in letter.witnesses if w.id != "volkogonov1994"))
    hit = next(hit for hit in find(index_of(others), (seeds(),)).hits if hit.first_line == 60)
    assert (hit.kind, hit.last_line, hit.stretches[0].text[:27], hit.stretches[0].text[-12:]) == (
        HitKind.TRANSLATION, 60, "Respected Comrade Stalin, Y", " between us.")
    assert 0.3 < hit.similarity < 0.8 and hit.confidence > 0.5


@pytest.mark.xfail(strict=True, reason="known miss, for the find issue: among the (derandomized) draws, seed 259 "
                                       "embeds Conquest's reply cut after 'and' (lines 247-249), which is not found")
@settings(max_examples=25, deadline=None)
@given(seed=strategies.integers(0, 10**6))
def test_generated_sources_every_quotation_found_with_its_lines_and_no_false_hit(seed):
    source = generated(works(), seed, paragraphs=20, quotations=2, prose=PROSE())
    for work in works():
        hits = hits_in_page(Page("generated.txt", source.text), index_of(work))
        truth = {(q.first_line, q.last_line) for q in source.quotations if q.work == work.id}
        found = {(s.first_line, s.last_line) for hit in hits for s in hit.stretches}
        false = [hit for hit in hits if not any(first <= hit.last_line and hit.first_line <= last
                                                for first, last in truth)]
        assert (truth - found, false) == (set(), []), source.text


PROSE = cache(prose_words)
