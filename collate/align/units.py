"""Alignment units: one word token with the punctuation and marks printed around it.

Only words drive the alignment: punctuation, quotation marks and the quoting
author's marks ride along with the word they are printed against.

>>> from collate.normalize import Settings
>>> from collate.tokens import tokenize
>>> [u.printed for u in units_of(tokenize("[Stalin replied] “Five weeks ago …", Settings()), 0, 0)]
['[Stalin replied] “Five ', 'weeks ', 'ago …']
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from collate.tokens import CUT, WORD, Token

HYPHENS = frozenset("-‐‑")


@dataclass(frozen=True)
class Unit:
    """The tokens of one word of one stretch of one witness, and its matching key."""

    witness: int
    stretch: int
    index: int
    tokens: tuple[Token, ...]
    key: str

    @property
    def printed(self) -> str:
        """Return the unit's printed text."""
        return "".join(token.text for token in self.tokens)

    @property
    def opens_cut(self) -> bool:
        """Return whether the unit is printed right after the quoting author's cut."""
        return any(t.kind == CUT for t in self.tokens[: self.word_at])

    @property
    def closes_cut(self) -> bool:
        """Return whether the quoting author's cut follows the unit's word."""
        return any(t.kind == CUT for t in self.tokens[self.word_at + 1:])

    @cached_property
    def word_at(self) -> int:
        """Return the position of the word token among the unit's tokens (0 if none)."""
        return next((i for i, t in enumerate(self.tokens) if t.kind == WORD), 0)


def leads(tokens: tuple[Token, ...], at: int) -> bool:
    """Return whether a non-word token is glued to what follows it: “the, (on, ‘Very."""
    token = tokens[at]
    after_space = at == 0 or tokens[at - 1].text[-1:].isspace()
    return after_space and token.text == token.body and at + 1 < len(tokens)


def units_of(tokens: tuple[Token, ...], witness: int, stretch: int) -> tuple[Unit, ...]:
    """Return the units of one stretch, in printed order; every token in exactly one unit."""
    groups: list[list[Token]] = []
    pending: list[Token] = []
    for at, token in enumerate(tokens):
        if token.kind == WORD and not pending and groups and broken(groups[-1], token):
            groups[-1].append(token)
        elif token.kind == WORD:
            groups.append(pending + [token])
            pending = []
        elif not groups or pending or leads(tokens, at):
            pending.append(token)
        else:
            groups[-1].append(token)
    if pending and groups:
        groups[-1].extend(pending)
    elif pending:
        groups.append(pending)
    return tuple(Unit(witness, stretch, i, tuple(group), key_of(group)) for i, group in enumerate(groups))


def broken(group: list[Token], token: Token) -> bool:
    """Return whether a word goes on a word hyphenated at a line end ("gen-" "eral", "be- come").

    Only where the hyphen follows the letters with no space, space follows the
    hyphen and the word goes on in small letters: "non- and anti-Bolshevik" has none.
    """
    if len(group) < 2 or group[-2].kind != WORD or group[-2].text != group[-2].body:
        return False
    hyphen = group[-1]
    return hyphen.body in HYPHENS and hyphen.text != hyphen.body and token.body[:1].islower()


def key_of(group: list[Token]) -> str:
    """Return the normalized word of a unit (a word hyphenated at a line end rejoined), or '' when it has none."""
    return "".join(token.norm for token in group if token.kind == WORD)
