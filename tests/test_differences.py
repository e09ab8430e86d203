"""How readings differ: a word hyphenated at a line end is the joined word, its hyphen typography."""

from __future__ import annotations

from collate import apparatus_of
from scholar import collated, rows

EASTMAN = "Comrade Stalin, having become General Secretary, has concentrated an enormous power in his hands"
HYPHENATED = "Comrade Stalin, having be- come General Secre- tary, has concen- trated an enormous power in his hands"


def test_a_word_hyphenated_at_a_line_end_differs_only_in_punctuation():
    assert rows(collated(EASTMAN, HYPHENATED)) == [
        ("invariant", "Comrade", "Comrade"), ("invariant", "Stalin,", "Stalin,"), ("invariant", "having", "having"),
        ("punctuation", "become", "be- come"), ("invariant", "General", "General"),
        ("punctuation", "Secretary,", "Secre- tary,"), ("invariant", "has", "has"),
        ("punctuation", "concentrated", "concen- trated"), ("invariant", "an", "an"),
        ("invariant", "enormous", "enormous"), ("invariant", "power", "power"), ("invariant", "in", "in"),
        ("invariant", "his", "his"), ("invariant", "hands", "hands")]


def test_the_hyphenated_reading_and_each_of_its_tokens_are_marked_punctuation():
    [entry, *_] = apparatus_of(collated(EASTMAN, HYPHENATED), "w0").entries
    reading = entry.readings[1]
    assert (reading.text, reading.difference, [(str(m.level), m.base) for m in reading.marks]) == (
        "be- come", "punctuation", [("punctuation", "become")] * 3)


def test_only_a_line_end_hyphen_before_a_small_letter_joins_two_words():
    readings = [apparatus_of(collated("having become General", f"having {printed} General"), "w0")
                .entries[0].readings[1] for printed in ("be- come", "be-come", "be -come", "be- Come", "be- gun")]
    assert [(reading.text, reading.difference) for reading in readings] == [
        ("be- come", "punctuation"), ("be-come", "substantive"), ("be -come", "substantive"),
        ("be- Come", "substantive"), ("be- gun", "substantive")]
