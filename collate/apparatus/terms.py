"""The apparatus's fixed terms: what a witness has at a place (status) and how a place varies (type).

Both are `StrEnum`s: a member is its text, so JSON, TEI and HTML print the same words.

>>> Status.NOT_QUOTED == "not-quoted", [str(t) for t in LEVELS][:2]
(True, ['substantive', 'spelling'])
"""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """What one witness has at one place; the four never collapse into one."""

    PRESENT = "present"  # tokens here
    OMITTED = "omitted"  # quotes this stretch, has nothing here
    CUT = "cut"  # inside the quoting author's printed cut
    NOT_QUOTED = "not-quoted"  # outside what the witness quotes


# The witness quotes this stretch of the text (it is accountable for a reading here).
ACTIVE = frozenset({Status.PRESENT, Status.OMITTED})


class PlaceType(StrEnum):
    """How the readings at a place differ, strongest first: a run of places takes its strongest."""

    TRANSPOSITION = "transposition"
    OMISSION = "omission"
    ADDITION = "addition"
    SUBSTANTIVE = "substantive"
    SPELLING = "spelling"
    CASE = "case"
    PUNCTUATION = "punctuation"
    EDITORIAL = "editorial"
    INVARIANT = "invariant"


TYPES = tuple(PlaceType)
# The levels of difference between two aligned readings, from the strongest to none.
LEVELS = TYPES[TYPES.index(PlaceType.SUBSTANTIVE):]
