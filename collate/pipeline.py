"""From a work to its collation: tokenize, normalize, align, classify. No file is touched.

>>> from collate.model import Witness, Work
>>> work = Work("letter", "A letter", (Witness("conquest", "C", "Very respectable comrade Stalin,"),
...                                    Witness("volkogonov", "V", "Respected Comrade Stalin,")))
>>> [(str(place.type), [str(c.status) for c in place.cells]) for place in collate_work(work).places]
... # doctest: +NORMALIZE_WHITESPACE
[('omission', ['present', 'omitted']), ('substantive', ['present', 'present']),
 ('case', ['present', 'present']), ('invariant', ['present', 'present'])]
"""

from __future__ import annotations

from collate.align.aligner import align
from collate.apparatus.places import Collation, collation_of
from collate.model import Work
from collate.normalize import Settings, settings_for
from collate.tokens import stretches, tokenize
from collate.align.units import Unit, units_of


def witness_units(work: Work, settings: Settings) -> list[tuple[tuple[Unit, ...], ...]]:
    """Return every witness's stretches as units."""
    return [tuple(units_of(stretch, w, s) for s, stretch in enumerate(stretches(tokenize(witness.text, settings))))
            for w, witness in enumerate(work.witnesses)]


def collate_work(work: Work, settings: Settings | None = None) -> Collation:
    """Return the collation of a work's witnesses."""
    settings = settings or settings_for(work.regularizations)
    alignment = align(witness_units(work, settings), [w.id for w in work.witnesses])
    return collation_of(work, settings, alignment)
