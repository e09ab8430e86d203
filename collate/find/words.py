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
    cut = opens = joining = glued = False  # glued: nothing but punctuation since the last word
    previous = None
    for token in tokenize(text, settings):
        if token.kind == WORD:
            word = SourceWord(key_of(token.norm), position, position + len(token.body), cut, opens)
            if joining and found:
                first = found.pop()
                word = replace(first, key=first.key + word.key, end=word.end)
            found.append(word)
            cut = opens = joining = False
        elif line_end_hyphen(token, previous):
            joining = True
        elif token.kind == CUT:
            cut = True
        elif token.kind == TokenKind.QUOTE:
            if found and glued:
                found[-1] = replace(found[-1], closes=True)
            opens = opens or not glued
        glued = token.kind in (WORD, TokenKind.PUNCT, TokenKind.QUOTE) and (glued or token.kind == WORD) \
            and token.text == token.body
        previous = token
        position += len(token.text)
    return tuple(found)
