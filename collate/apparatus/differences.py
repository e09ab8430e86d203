"""How a reading differs from the base's: one classification for the apparatus, the TEI and the HTML.

`reading_form` says what two readings must share to agree at each level of
difference; a reading's type (`difference`) and each word's mark (`differences`)
are the first level at which it and the base disagree.

>>> from collate.normalize import FORMAT, Settings
>>> from collate.tokens import tokenize
>>> settings = Settings()
>>> marks, lacks = differences(tokenize("Respected Comrade Stalin, you were", settings),
...                            tokenize("Respected comrade Stalin! You were rude", settings), settings)
>>> [str(mark.level) if mark else "" for mark in marks], lacks  # "rude" lacking at the end (token 6)
(['', 'case', '', 'punctuation', 'case', ''], {6: 'rude'})
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass

from collate.apparatus.terms import LEVELS, PlaceType
from collate.normalize import FORMAT, Settings
from collate.align.units import broken
from collate.tokens import MARKS, WORD


@dataclass(frozen=True)
class Mark:
    """How one token of a reading differs from the base: its level and the base's words there."""

    level: PlaceType
    base: str = ""


def word_positions(tokens) -> list[tuple[int, ...]]:
    """Return the token positions of each word; one hyphenated at a line end ("be- come") is three tokens."""
    words: list[tuple[int, ...]] = []
    for i, token in enumerate(tokens):
        if token.kind != WORD:
            continue
        if words and words[-1][-1] == i - 2 and broken([tokens[i - 2], tokens[i - 1]], token):
            words[-1] = (*words[-1], i - 1, i)
        else:
            words.append((i,))
    return words


def word_forms(tokens) -> list[tuple[str, str]]:
    """Return each word's printed body and normalized form, a word hyphenated at a line end joined."""
    return [("".join(tokens[i].body for i in word if tokens[i].kind == WORD),
             "".join(tokens[i].norm for i in word if tokens[i].kind == WORD)) for word in word_positions(tokens)]


def reading_form(tokens, level: PlaceType, settings: Settings) -> tuple[str, ...]:
    """Return what two readings must share to agree at a level of difference.

    Words are compared joined where a line end hyphenated them: the printed hyphen is punctuation.
    """
    if level == PlaceType.SUBSTANTIVE:
        return tuple(norm for _, norm in word_forms(tokens))
    if level == PlaceType.SPELLING:
        return tuple(settings.norm(body, "punct").casefold() for body, _ in word_forms(tokens))
    if level == PlaceType.CASE:
        return tuple(settings.norm(body, "punct") for body, _ in word_forms(tokens))
    if level == PlaceType.PUNCTUATION:
        return tuple(seen(t) for t in tokens if t.kind not in MARKS)
    return tuple(seen(t) for t in tokens)


def seen(token) -> str:
    """Return a token's printed form as a reader sees it: canonically composed (NFC), invisible
    format characters (soft hyphen, zero-width joiners and spaces) left out."""
    return FORMAT.sub("", unicodedata.normalize("NFC", token.body))


def level_of(tokens, base, settings: Settings) -> PlaceType | None:
    """Return the strongest level at which two aligned readings differ, or None."""
    return next((level for level in LEVELS[:-1]
                 if reading_form(tokens, level, settings) != reading_form(base, level, settings)), None)


def difference(tokens, base, settings: Settings) -> PlaceType | None:
    """Return how a reading differs from the base's: omission, addition, a level of LEVELS, or None."""
    if not tokens or not base:
        return PlaceType.OMISSION if base else (PlaceType.ADDITION if tokens else None)
    return level_of(tokens, base, settings)


def word_marks(tokens, base, settings: Settings) -> tuple[list[Mark | None], dict[int, str], list]:
    """Return the marks of words unmatched in the base, the base's words lacking, and the matched pairs of words."""
    marks: list[Mark | None] = [None] * len(tokens)
    lacks: dict[int, str] = {}
    words, base_words, base_forms = word_positions(tokens), word_positions(base), word_forms(base)
    matcher = difflib.SequenceMatcher(None, [norm for _, norm in base_forms],
                                      [norm for _, norm in word_forms(tokens)], autojunk=False)
    pairs = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        lost = " ".join(body for body, _ in base_forms[i1:i2])
        if tag == "equal":
            pairs += list(zip(base_words[i1:i2], words[j1:j2]))
            continue
        for i in (i for word in words[j1:j2] for i in word):
            marks[i] = Mark(PlaceType.SUBSTANTIVE, lost)
        if tag == "delete":
            lacks[lack_position(tokens, [word[0] for word in words], j1)] = lost
    return marks, lacks, pairs


def lack_position(tokens, words: list[int], j1: int) -> int:
    """Return where words of the base a reading lacks are marked: before its next word and that word's quotes."""
    at = words[j1] if j1 < len(words) else len(tokens)
    while at and j1 < len(words) and tokens[at - 1].kind != WORD and tokens[at - 1].text == tokens[at - 1].body:
        at -= 1  # before an opening quotation mark that belongs to the next word
    return at


def punctuation_marks(tokens, base, pairs, marks: list[Mark | None]) -> None:
    """Mark the punctuation between two matched words where it differs from the base's there."""
    bounds = [((-1,), (-1,)), *pairs, ((len(base),), (len(tokens),))]
    for (b0, t0), (b1, t1) in zip(bounds, bounds[1:]):
        b0, t0, b1, t1 = b0[-1], t0[-1], b1[0], t1[0]  # from the end of one matched word to the start of the next
        if any(t.kind == WORD for t in (*base[b0 + 1:b1], *tokens[t0 + 1:t1])):
            continue  # punctuation is compared only between words that match
        mine = [i for i in range(t0 + 1, t1) if tokens[i].kind not in MARKS]
        theirs = [t.body for t in base[b0 + 1:b1] if t.kind not in MARKS]
        if [tokens[i].body for i in mine] != theirs:
            mark = Mark(PlaceType.PUNCTUATION, " ".join(theirs))
            for i in mine or [i for i in (t0, t1) if 0 <= i < len(tokens)][:1]:
                marks[i] = marks[i] or mark


def differences(tokens, base, settings: Settings) -> tuple[list[Mark | None], dict[int, str]]:
    """Return per token its difference from the base (None: none), and the base's words lacking, by position."""
    marks, lacks, pairs = word_marks(tokens, base, settings)
    for b, t in pairs:
        level = level_of([tokens[i] for i in t], [base[i] for i in b], settings)
        for i in t:
            marks[i] = Mark(level, "".join(base[i].text for i in b).strip()) if level else None
    punctuation_marks(tokens, base, pairs, marks)
    for i in range(1, len(tokens) - 1):  # punctuation inside a run of different words belongs to the run
        if tokens[i].kind != WORD and marks[i - 1] == marks[i + 1] and marks[i - 1] and \
                marks[i - 1].level == PlaceType.SUBSTANTIVE:
            marks[i] = marks[i - 1]
    return marks, lacks
