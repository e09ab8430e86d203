"""`work.toml` parsed and checked key by key; every problem names its line.

tomllib gives values without positions, so the lines of tables and keys are found by a
scan of the text; where a key cannot be found (an inline table, a dotted key) the line
of its table is given instead.
"""

from __future__ import annotations

import difflib
import tomllib
import warnings
from dataclasses import dataclass
from pathlib import Path

import regex

from collate.model import CorpusError, CorpusWarning

TOML_WHERE = regex.compile(r"\s*\(at line (?P<line>\d+), column \d+\)")  # tomllib's suffix
HEADER = regex.compile(r"\s*\[(?P<array>\[)?\s*(?P<name>[\w.\-\" ]+?)\s*\]\]?\s*(?:#.*)?")
MULTILINE = regex.compile(r'"""|\'\'\'')
KEY = regex.compile(r"\s*(?P<quote>[\"']?)(?P<key>[\w\-]+)(?P=quote)\s*=")
# Control characters and the two non-characters XML 1.0 cannot hold; tab and line ends it can.
NOT_XML = regex.compile(r"[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]")
KEYS = {
    (): ("work", "witness", "regularization"),
    ("work",): ("title", "author", "addressee", "date", "description", "language"),
    ("witness",): ("id", "siglum", "kind", "attribution", "translator", "attribution_note", "notes",
                   "citation", "source"),
    ("witness", "citation"): ("author", "title", "place", "publisher", "year", "pages", "note"),
    ("witness", "source"): ("document", "line", "last_line"),
}

Place = tuple[str | int, ...]  # a table's path in the document: ("witness", 0, "citation")


@dataclass(frozen=True)
class WorkToml:
    """A parsed work.toml with the line of every table and key the scan found."""

    path: Path
    record: dict
    lines: dict[Place, int]

    def line(self, place: Place) -> int | None:
        """Return the line of a key or table, else of the nearest enclosing one that was found."""
        while place and place not in self.lines:
            place = place[:-1]
        return self.lines.get(place)

    def error(self, place: Place, problem: str) -> CorpusError:
        """Return the error for a problem at a key or table."""
        return CorpusError(str(self.path), problem, self.line(place))

    def table(self, place: Place) -> dict:
        """Return the table at `place` ({} when absent), or raise CorpusError when it is not a table."""
        value = self.value(place)
        if value is None:
            return {}
        if not isinstance(value, dict):
            header = ".".join(str(part) for part in place if isinstance(part, str))
            raise self.error(place, f"{self.label(place)}[{header}] must be a table, not a {toml_type(value)}")
        return value

    def text(self, place: Place, name: str) -> str:
        """Return the string `name` of the table at `place` ('' when absent), or raise CorpusError."""
        value = self.table(place).get(name, "")
        if not isinstance(value, str):
            raise self.error((*place, name), f"{self.label(place)}{name} must be a string, not {described(value)}")
        if NOT_XML.search(value):
            code = ord(NOT_XML.search(value)[0])
            raise self.error((*place, name), f"{self.label(place)}{name} holds U+{code:04X}, which XML cannot hold")
        return value

    def label(self, place: Place) -> str:
        """Return how a message names the [[witness]] a place is in: by its id, else by its number."""
        if len(place) < 2 or place[0] != "witness":
            return ""
        entry = self.value(place[:2])
        witness_id = entry.get("id") if isinstance(entry, dict) else None
        return f"witness {witness_id!r}: " if isinstance(witness_id, str) else f"witness {place[1] + 1}: "

    def value(self, place: Place):
        """Return the value at `place`, or None where the document has none."""
        value = self.record
        for part in place:
            if isinstance(part, int):
                value = value[part] if isinstance(value, list) and part < len(value) else None
            else:
                value = value.get(part) if isinstance(value, dict) else None
        return value

    def warn_unknown_keys(self) -> None:
        """Warn about every key no table of work.toml takes (a typo such as `atribution`)."""
        for place, table in self.tables():
            allowed = KEYS[tuple(part for part in place if isinstance(part, str))]
            for key in table:
                if key not in allowed:
                    near = difflib.get_close_matches(key, allowed, n=1)
                    hint = f" (did you mean {near[0]!r}?)" if near else f" (known: {', '.join(allowed)})"
                    where = ":".join(str(part) for part in (self.path, self.line((*place, key))) if part)
                    warnings.warn(CorpusWarning(f"{where}: {self.label(place)}unknown key {key!r} ignored{hint}"),
                                  stacklevel=2)

    def tables(self) -> list[tuple[Place, dict]]:
        """Return the tables whose keys are known, with their places."""
        found: list[tuple[Place, dict]] = [((), self.record), (("work",), self.table(("work",)))]
        entries = self.record.get("witness")
        for n, entry in enumerate(entries if isinstance(entries, list) else []):
            if isinstance(entry, dict):
                found.append((("witness", n), entry))
                citation = entry.get("citation")
                found += [(("witness", n, "citation"), citation)] if isinstance(citation, dict) else []
                sources = entry.get("source")
                found += [(("witness", n, "source", m), source) for m, source in
                          enumerate(sources if isinstance(sources, list) else []) if isinstance(source, dict)]
        return found


def toml_type(value) -> str:
    """Return the TOML name of a value's type."""
    names = {bool: "boolean", int: "integer", float: "float", str: "string", list: "array", dict: "table"}
    return next((name for kind, name in names.items() if isinstance(value, kind)), "date or time")


def described(value) -> str:
    """Return a value as a message shows it: its TOML type and a short TOML-like form."""
    shown = str(value).lower() if isinstance(value, bool) else repr(value)
    return f"{toml_type(value)} {shown if len(shown) <= 40 else shown[:37] + '...'}"


def parse(path: Path, text: str, sidecar: bool = False) -> WorkToml:
    """Return the parsed work.toml (a sidecar NAME.toml: its one [[witness]]) with its line index.

    Raise CorpusError naming the line when the text is not TOML.
    """
    try:
        record = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        where = TOML_WHERE.search(str(error))
        message = TOML_WHERE.sub("", str(error))
        raise CorpusError(str(path), f"malformed TOML: {message}", int(where["line"]) if where else None) from None
    except RecursionError:
        raise CorpusError(str(path), "malformed TOML: arrays or tables nested too deeply") from None
    if sidecar:
        return WorkToml(path, {"witness": [record]}, {("witness", 0, *place): line
                                                      for place, line in line_index(text).items()})
    return WorkToml(path, record, line_index(text))


def line_index(text: str) -> dict[Place, int]:
    """Return the line of every table header and key found by scanning the text."""
    lines: dict[Place, int] = {}
    arrays: dict[Place, int] = {}
    table: Place = ()
    inside: str | None = None  # the quotes of a multi-line string the line starts inside
    for number, line in enumerate(text.splitlines(), start=1):
        header, key = (None, None) if inside else (HEADER.fullmatch(line), KEY.match(line))
        inside = still_open(line, inside)
        if header:
            table = header_place(header["name"].replace('"', "").split("."), bool(header["array"]), arrays)
            lines.setdefault(table, number)
            lines.setdefault(table[:-1] if header["array"] else table, number)
        elif key:
            lines.setdefault((*table, key["key"]), number)
    return lines


def still_open(line: str, inside: str | None) -> str | None:
    """Return the quotes of the multi-line string still open after this line, or None."""
    for quotes in MULTILINE.findall(line):
        if inside is None or quotes == inside:
            inside = None if inside else quotes
    return inside


def header_place(parts: list[str], is_array: bool, arrays: dict[Place, int]) -> Place:
    """Return the place a table header opens, counting the tables of every array of tables."""
    place: Place = ()
    for n, part in enumerate(parts):
        place = (*place, part.strip())
        if is_array and n == len(parts) - 1:
            arrays[place] = arrays.get(place, -1) + 1
        if place in arrays:
            place = (*place, arrays[place])
    return place
