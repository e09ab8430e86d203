"""The words of a stretch of source text, with their places and the quoting author's marks.

A word broken at a line end by a hyphen is joined again; a cut ("…", "[…]") and a
quotation mark are remembered before the word they precede.

>>> from collate.normalize import settings_for
>>> found = source_words("He wrote: “the ex-\\nceptional abilities […] of Trotsky”", 0, settings_for())
>>> [(w.key, w.cut, w.opens, w.closes) for w in found]
... # doctest: +NORMALIZE_WHITESPACE
[('he', False, False, False), ('wrote', False, False, False), ('the', False, True, False),
 ('exceptional', False, False, False), ('abilities', False, False, False),
 ('of', True, False, False), ('trotsky', False, False, True)]
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from collate.find.index import key_of
from collate.normalize import Settings
from collate.tokens import CUT, WORD, Token, TokenKind, tokenize

HYPHENS = frozenset("-‐‑")


@dataclass(frozen=True)
class SourceWord:
    """A printed word: its key, its place in the text, the marks just before and after it, and
    whether it opens a paragraph."""

    key: str
    start: int
    end: int
    cut: bool = False
    opens: bool = False
    closes: bool = False
    paragraph: bool = False


def line_end_hyphen(token: Token, previous: Token | None) -> bool:
    """Return whether a token is a hyphen that ends a line right after a word."""
    return (token.kind == TokenKind.PUNCT and token.body in HYPHENS and "\n" in token.text
            and previous is not None and previous.kind == WORD and previous.text == previous.body)


def source_words(text: str, offset: int, settings: Settings) -> tuple[SourceWord, ...]:
    """Return the words of `text`, their places counted from `offset`."""
    position = offset + len(text) - len(text.lstrip())
    found: list[SourceWord] = []
    marks = {"cut": False, "opens": False, "joining": False, "glued": False}
    previous = None
    for token in tokenize(text, settings):
        if token.kind == WORD:
            added(found, SourceWord(key_of(token.norm), position, position + len(token.body), marks["cut"],
                                    marks["opens"]), marks["joining"])
            marks.update(cut=False, opens=False, joining=False)
        else:
            marked(found, token, marks, line_end_hyphen(token, previous))
        # glued: nothing but punctuation, with no space, since the last word
        marks["glued"] = token.text == token.body and (token.kind == WORD or marks["glued"] and token.kind in (
            TokenKind.PUNCT, TokenKind.QUOTE))
        previous = token
        position += len(token.text)
    return tuple(found)


def added(found: list[SourceWord], word: SourceWord, joining: bool) -> None:
    """Append a word, or join it to the last one when a hyphen at a line end broke them apart."""
    if joining and found:
        first = found.pop()
        word = replace(first, key=first.key + word.key, end=word.end)
    found.append(word)


def marked(found: list[SourceWord], token: Token, marks: dict[str, bool], hyphen: bool) -> None:
    """Note what a token that is not a word says: a line-end hyphen, a cut, a quotation mark."""
    if hyphen:
        marks["joining"] = True
    elif token.kind == CUT:
        marks["cut"] = True
    elif token.kind == TokenKind.QUOTE:
        if found and marks["glued"]:  # against the last word: it closes a quotation
            found[-1] = replace(found[-1], closes=True)
        marks["opens"] = marks["opens"] or not marks["glued"]
