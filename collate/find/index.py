"""The index of a work, built once from all its witnesses: every word's places, and the
pairs of neighbouring words the fast scan of a source looks for.

>>> from collate.model import Witness, Work
>>> work = Work("w", "W", (Witness("a", "A", "Stalin is too rude, and this fault…"),
...                        Witness("b", "B", "Stalin is excessively rude [us].")))
>>> index = index_of(work)
>>> index.witnesses[1].keys, index.witnesses[0].places["rude"]
(('stalin', 'is', 'excessively', 'rude'), (3,))
>>> sorted(index.pairs)
[b'excessively rude', b'rude us', b'too rude']
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from collate.model import Work
from collate.normalize import Settings, settings_for
from collate.tables import STOPWORDS
from collate.tokens import SEPARATOR, WORD, tokenize

# The fast scan reads bytes: ASCII letters and digits are kept (lower case), all else
# splits words, so that "Lenin’s" gives b"lenin" and b"s" whatever its apostrophe.
COMMONEST = frozenset("the of and to a in is be that it for as with was on by at or an are this from".split())
PIECES = bytes(c if chr(c).isascii() and chr(c).isalnum() else 32 for c in range(256)).lower()


def pairs(raw: bytes) -> set[bytes]:
    """Return the pairs of neighbouring ASCII word pieces of a text's bytes, lower case, as `a b`;
    a word hyphenated at a line end is one piece."""
    found = raw.replace(b"-\r\n", b"").replace(b"-\n", b"").translate(PIECES).split()  # forg-\netting
    return set(map(b" ".join, zip(found, found[1:])))


def key_of(norm: str) -> str:
    """Return the form words are matched by: the normalized form without hyphens (non-Bolshevik, hyphen-ated)."""
    return norm.replace("-", "")


def is_content(key: str) -> bool:
    """Return whether a word says something on its own: not a function word, not a single letter."""
    return key not in STOPWORDS and (len(key) > 1 or key.isdigit())


@dataclass(frozen=True)
class IndexedWitness:
    """A witness as the search sees it: its words' keys in order, where each key stands, its
    printed words, and the words that open a paragraph (after a blank line; not a new stretch)."""

    id: str
    keys: tuple[str, ...]
    places: dict[str, tuple[int, ...]]
    opening: tuple[str, ...]
    paragraphs: frozenset[int]


@dataclass(frozen=True)
class WorkIndex:
    """Everything the search needs of a work, built once; `pairs` are its telling pairs of words."""

    work: str
    settings: Settings
    witnesses: tuple[IndexedWitness, ...]
    pairs: frozenset[bytes]


def indexed(witness_id: str, text: str, settings: Settings) -> IndexedWitness:
    """Return a witness's keys, their places and its printed words."""
    tokens = tokenize(text, settings)
    words = [token for token in tokens if token.kind == WORD]
    keys = tuple(key_of(token.norm) for token in words)
    paragraphs, count = set(), 0
    for token in tokens:
        count += token.kind == WORD
        paragraphs.update((count,) if token.kind != SEPARATOR and token.text.count("\n") > 1 else ())
    places: dict[str, list[int]] = defaultdict(list)
    for position, key in enumerate(keys):
        places[key].append(position)
    return IndexedWitness(witness_id, keys, {key: tuple(found) for key, found in places.items()},
                          tuple(token.body for token in words), frozenset(paragraphs))


def index_of(work: Work, settings: Settings | None = None) -> WorkIndex:
    """Return the index of a work's witnesses."""
    settings = settings or settings_for(work.regularizations)
    witnesses = tuple(indexed(witness.id, witness.text, settings) for witness in work.witnesses)
    found = set().union(*(pairs(witness.text.encode()) for witness in work.witnesses))
    return WorkIndex(work.id, settings, witnesses, frozenset(pair for pair in found if telling(pair)))


def telling(pair: bytes) -> bool:
    """Return whether a pair of pieces says something: a content word in it, and none of the commonest
    words of English (too rude, central committee; not `the following`, which any prose has)."""
    words = pair.decode().split()
    return any(word not in STOPWORDS and len(word) > 2 for word in words) and COMMONEST.isdisjoint(words)
