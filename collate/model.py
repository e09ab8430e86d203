"""The corpus as plain frozen data: works, witnesses, their citations and sources."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

import regex

# XML 1.0's NameStartChar and NameChar, without the colon: an NCName, which xml:id must be.
NAME_START = ("A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D"
              "\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\U00010000-\U000EFFFF")
NCNAME = regex.compile(f"[{NAME_START}][{NAME_START}\\-.0-9\u00B7\u0300-\u036F\u203F-\u2040]*\\Z")
WORK_ID = regex.compile(r"[\p{L}\p{N}_][\p{L}\p{N}_.\-]*\Z")  # a file name, never a path


class WitnessKind(StrEnum):
    """How much of the work a witness quotes, and how faithfully."""

    COMPLETE = "complete"
    FRAGMENT = "fragment"
    PARAPHRASE = "paraphrase"
    MISQUOTATION = "misquotation"


class Attribution(StrEnum):
    """How sure the quoting author is that the words are the work's."""

    CERTAIN = "certain"
    PROBABLE = "probable"
    INFERRED = "inferred"
    REPORTED = "reported"
    DOUBTFUL = "doubtful"
    UNKNOWN = "unknown"


KINDS = tuple(WitnessKind)
ATTRIBUTIONS = tuple(Attribution)


class CollateError(Exception):
    """A problem the user can fix, reported as one line naming the file."""


class CorpusError(CollateError):
    """A witness folder, `work.toml` or witness file that cannot be used."""

    def __init__(self, path: str, problem: str, line: int | None = None, column: int | None = None) -> None:
        self.path, self.problem, self.line, self.column = path, problem, line, column
        where = ":".join(str(part) for part in (path, line, line and column) if part)
        super().__init__(f"{where}: {problem}")


class CorpusWarning(UserWarning):
    """Something in a work that is used anyway but probably not meant (an unknown key)."""


@dataclass(frozen=True)
class Citation:
    """Where a witness is printed, as a scholar would cite it."""

    author: str = ""
    title: str = ""
    place: str = ""
    publisher: str = ""
    year: str = ""
    pages: str = ""
    note: str = ""

    def __str__(self) -> str:
        """Return the citation as one line: Author. Title. Place: Publisher, Year, p. Pages."""
        imprint = ": ".join(part for part in (self.place, self.publisher) if part)
        imprint = ", ".join(part for part in (imprint, self.year) if part)
        parts = [self.author, self.title, imprint,
                 self.pages and f"p. {self.pages}", self.note]
        return ". ".join(part.rstrip(".") for part in parts if part) + "."


@dataclass(frozen=True)
class Source:
    """The place in a source document where one stretch of a witness stands."""

    document: str
    line: int
    last_line: int | None = None


@dataclass(frozen=True)
class Witness:
    """One quoted version of a work, with its printed text and its metadata."""

    id: str
    siglum: str
    text: str
    kind: WitnessKind = WitnessKind.COMPLETE
    kind_guessed: bool = False
    attribution: Attribution = Attribution.CERTAIN
    citation: Citation = Citation()
    sources: tuple[Source, ...] = ()
    translator: str = ""
    attribution_note: str = ""
    notes: str = ""


@dataclass(frozen=True)
class Work:
    """A document known through its witnesses, with its regularization tables."""

    id: str
    title: str
    witnesses: tuple[Witness, ...]
    author: str = ""
    addressee: str = ""
    date: str = ""
    description: str = ""
    language: str = ""
    regularizations: tuple[tuple[str, str], ...] = field(default=())


    def witness(self, witness_id: str) -> Witness:
        """Return the witness with this id, or raise KeyError."""
        for witness in self.witnesses:
            if witness.id == witness_id:
                return witness
        raise KeyError(witness_id)
