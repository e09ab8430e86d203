"""The witness reader: `witnesses/<work>/work.toml` and one text file per witness.

This and the command line are the only modules that touch the file system.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from enum import StrEnum
from pathlib import Path

import regex

from collate.model import (NCNAME, WORK_ID, Attribution, Citation, CorpusError, Source, Witness, WitnessKind,
                           Work)
from collate.tokens import SEPARATOR_LINE, split_text
from collate.work_toml import KEYS, NOT_XML, Place, WorkToml, described, parse

WORDS = regex.compile(r"\w+")
LINE_END = regex.compile(r"\r\n?|\n")


def work_ids(root: Path) -> tuple[str, ...]:
    """Return the ids of the works under `root`, sorted."""
    if not root.is_dir():
        return ()
    return tuple(sorted(p.name for p in root.iterdir() if (p / "work.toml").is_file()))


def load_work(root: Path, work_id: str) -> Work:
    """Return the work `work_id` read from `root`, or raise CorpusError; unknown keys give a CorpusWarning."""
    folder = root / work_id
    if not WORK_ID.match(work_id):
        raise CorpusError(str(folder), f"work id {work_id!r} (the folder's name) must be letters, digits, "
                                       "'.', '-' or '_', and start with a letter, digit or '_'")
    if not folder.is_dir():
        known = ", ".join(work_ids(root)) or "none"
        raise CorpusError(str(folder), f"unknown work {work_id!r} (known works: {known})")
    toml = read_toml(folder / "work.toml")
    toml.warn_unknown_keys()
    witnesses = tuple(read_witness(folder, toml, n) for n in range(witness_count(toml)))
    check_ids(toml.path, witnesses)
    check_files(folder, witnesses)
    fields = {name: toml.text(("work",), name) for name in KEYS[("work",)]}
    if not fields["title"]:
        raise toml.error(("work",), "[work] has no title")
    return Work(id=work_id, witnesses=witnesses, regularizations=regularizations(toml), **fields)


def load_files(paths: tuple[Path, ...], kinds: Mapping[Path, WitnessKind] | None = None) -> tuple[Witness, ...]:
    """Return witnesses read from lone text files, metadata from a sidecar NAME.toml beside NAME.txt.

    Ids come from the file names unless a sidecar says; the attribution is unknown unless it
    says. The kind comes from `kinds` or the sidecar; else it is guessed, and marked so: a file
    with under 60% of the words of the longest is taken for a fragment.
    """
    if len(paths) < 2:
        raise CorpusError(str(paths[0]) if paths else "compare", "a collation needs at least two witnesses")
    read = [file_witness(path, (kinds or {}).get(path)) for path in paths]
    longest = max(len(WORDS.findall(witness.text)) for witness in read)
    witnesses = tuple(guess_kind(witness, longest) if witness.kind_guessed else witness for witness in read)
    check_ids(paths[0], witnesses)
    return witnesses


def file_witness(path: Path, kind: WitnessKind | None) -> Witness:
    """Return the witness in a lone file, with its sidecar's metadata; its kind marked guessed if unknown."""
    sidecar = path.with_suffix(".toml")
    toml = parse(sidecar, read_unicode(sidecar) if sidecar.is_file() else "", sidecar=True)
    toml.warn_unknown_keys()
    place = ("witness", 0)
    witness_id = toml.text(place, "id")
    if witness_id and not NCNAME.match(witness_id):
        raise toml.error((*place, "id"), not_a_name(witness_id))
    witness = witness_of(toml, place, witness_id or check_id(path), path, Attribution.UNKNOWN)
    if kind:
        return replace(witness, kind=kind)
    return witness if toml.text(place, "kind") else replace(witness, kind_guessed=True)


def guess_kind(witness: Witness, longest: int) -> Witness:
    """Return the witness with the kind its length suggests, and a note saying it was guessed."""
    count = len(WORDS.findall(witness.text))
    kind = WitnessKind.COMPLETE if count >= 0.6 * longest else WitnessKind.FRAGMENT
    note = f"Kind guessed from the length: {count} words, the longest file {longest}."
    return replace(witness, kind=kind, notes=" ".join(part for part in (witness.notes, note) if part))


def check_id(path: Path) -> str:
    """Return the witness id given by a file's name, or raise CorpusError."""
    if not NCNAME.match(path.stem):
        raise CorpusError(str(path), not_a_name(path.stem, " (from the file name)"))
    return path.stem


def not_a_name(witness_id: str, origin: str = "") -> str:
    """Return the message for a witness id that is not an XML name: what an id may hold, and one to use."""
    parts = regex.findall(r"\p{L}+|\d+", witness_id)
    proposal = "".join(p for p in parts if not p.isdigit()) + "".join(p for p in parts if p.isdigit())
    proposal = proposal if NCNAME.match(proposal) else f"w{proposal}" if NCNAME.match(f"w{proposal}") else "w1"
    return (f"witness id {witness_id!r}{origin} is not an XML name: an id begins with a letter or '_' and holds "
            f"only letters, digits, '_', '-' and '.'; try {proposal!r}")


def read_toml(path: Path) -> WorkToml:
    """Return the parsed `work.toml`, or raise CorpusError naming the line."""
    if not path.is_file():
        raise CorpusError(str(path), "missing work.toml")
    return parse(path, read_unicode(path))


def read_text(path: Path) -> str:
    """Return a witness file's text, stripped, or raise CorpusError."""
    if not path.is_file():
        raise CorpusError(str(path), "witness file missing")
    text = read_unicode(path)
    if not text.strip():
        raise CorpusError(str(path), "empty witness (nothing but whitespace)")
    check_stretches(path, text.strip())
    return text.strip()


def check_stretches(path: Path, text: str) -> None:
    """Raise CorpusError, naming the line of its `* * *`, for a stretch with nothing in it."""
    for number, stretch in enumerate(split_text(text), start=1):
        if not stretch:
            separator = list(regex.finditer(SEPARATOR_LINE, "\n" + text + "\n"))[max(number - 2, 0)]
            line = len(LINE_END.findall(text[:separator.start()])) + 1
            raise CorpusError(str(path), f"stretch {number} is empty: nothing between two `* * *` lines, "
                                         "or before the first, or after the last", line)


def read_unicode(path: Path) -> str:
    """Return a file's text: UTF-8 without its byte order mark, only characters XML can hold."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise CorpusError(str(path), f"cannot be read ({error.strerror or error})") from None
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise CorpusError(str(path), f"not UTF-8 at byte {error.start}") from None
    found = NOT_XML.search(text)
    if found:
        before = text[:found.start()]
        line_start = max((end.end() for end in LINE_END.finditer(before)), default=0)
        raise CorpusError(str(path), f"character U+{ord(found[0]):04X} (a control character or non-character) "
                                     "cannot be written in XML; remove it", len(LINE_END.findall(before)) + 1,
                          found.start() - line_start + 1)
    return text


def witness_count(toml: WorkToml) -> int:
    """Return the number of [[witness]] tables, or raise CorpusError when fewer than two."""
    entries = toml.value(("witness",))
    entries = [] if entries is None else entries
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise toml.error(("witness",), "witness must be an array of tables ([[witness]])")
    if len(entries) < 2:
        raise toml.error((), f"a work needs at least two witnesses, found {len(entries)}")
    return len(entries)


def read_witness(folder: Path, toml: WorkToml, n: int) -> Witness:
    """Return the n-th witness: its [[witness]] table and its text file."""
    place = ("witness", n)
    witness_id = toml.text(place, "id")
    if not NCNAME.match(witness_id):
        raise toml.error((*place, "id"), not_a_name(witness_id))
    return witness_of(toml, place, witness_id, folder / f"{witness_id}.txt")


def witness_of(toml: WorkToml, place: Place, witness_id: str, path: Path,
               attribution: Attribution = Attribution.CERTAIN) -> Witness:
    """Return a witness: the metadata of its table in `toml`, the text of the file at `path`."""
    fields = {name: toml.text(place, name) for name in ("siglum", "translator", "attribution_note", "notes")}
    kind = choice(toml, place, "kind", WitnessKind.COMPLETE, WitnessKind)
    attribution = choice(toml, place, "attribution", attribution, Attribution)
    citation = Citation(**{name: toml.text((*place, "citation"), name) for name in KEYS[("witness", "citation")]})
    text = read_text(path)
    return Witness(id=witness_id, text=text, kind=kind, attribution=attribution, citation=citation,
                   sources=read_sources(toml, place, len(split_text(text))),
                   **{**fields, "siglum": fields["siglum"] or witness_id})


def choice(toml: WorkToml, place: Place, name: str, default: StrEnum, choices: type[StrEnum]) -> StrEnum:
    """Return a witness field as one of its allowed values, or raise CorpusError."""
    value = toml.text(place, name) or default
    try:
        return choices(value)
    except ValueError:
        raise toml.error((*place, name), f"{toml.label(place)}{name} {value!r} is not one of "
                                         f"{', '.join(choices)}") from None


def read_sources(toml: WorkToml, place: Place, stretch_count: int) -> tuple[Source, ...]:
    """Return the [[witness.source]] tables, one per stretch when given at all."""
    entries = toml.value((*place, "source"))
    entries = [] if entries is None else entries
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise toml.error((*place, "source"), f"{toml.label(place)}source must be an array of tables "
                                             "([[witness.source]])")
    if entries and len(entries) != stretch_count:
        raise toml.error((*place, "source"), f"{toml.label(place)}{stretch_count} stretches "
                                             f"but {len(entries)} [[witness.source]] tables")
    return tuple(read_source(toml, (*place, "source", m)) for m in range(len(entries)))


def read_source(toml: WorkToml, place: Place) -> Source:
    """Return one [[witness.source]]: the document and the line (or lines) the stretch stands on."""
    document = toml.text(place, "document")
    if not document:
        raise toml.error(place, f"{toml.label(place)}a source needs a document")
    return Source(document, line_number(toml, place, "line"), line_number(toml, place, "last_line", required=False))


def line_number(toml: WorkToml, place: Place, name: str, required: bool = True) -> int | None:
    """Return a source's line number, or raise CorpusError unless it is a positive integer."""
    value = toml.table(place).get(name)
    if value is None:
        if required:
            raise toml.error(place, f"{toml.label(place)}a source needs a {name}")
        return None
    if type(value) is not int or value < 1:
        raise toml.error((*place, name), f"{toml.label(place)}source {name} must be a positive integer, not "
                                         f"{described(value)}")
    return value


def regularizations(toml: WorkToml) -> tuple[tuple[str, str], ...]:
    """Return the work's [regularization] pairs, variant -> regular form, sorted."""
    place = ("regularization",)
    for variant in toml.table(place):
        if NOT_XML.search(variant):
            raise toml.error(place, f"[regularization] key {variant!r} holds a character XML cannot hold")
    return tuple((variant, toml.text(place, variant)) for variant in sorted(toml.table(place)))


ELEMENT_ID = regex.compile(r"(?:app|place)\d+(?:-r\d+)?")  # the TEI's apps and readings: no witness may take them


def check_ids(path: Path, witnesses: tuple[Witness, ...]) -> None:
    """Raise CorpusError on duplicate ids or sigla, an id that is a substring of another, or one the TEI uses."""
    for seen, witness in enumerate(witnesses):
        if ELEMENT_ID.fullmatch(witness.id):
            raise CorpusError(str(path), f"witness id {witness.id!r} has the form of the TEI's own ids (appN, placeN, "
                                         f"appN-rK): rename the witness, e.g. 'wit-{witness.id}'")
        for other in witnesses[:seen]:
            if other.id == witness.id:
                raise CorpusError(str(path), f"duplicate witness id {witness.id!r}")
            if other.siglum == witness.siglum:
                raise CorpusError(str(path), f"duplicate siglum {witness.siglum!r}")
            short, long = sorted((other.id, witness.id), key=len)
            if short in long:  # the Versioning Machine matches witness ids by substring
                raise CorpusError(str(path), f"witness id {short!r} is a substring of {long!r}")


def check_files(folder: Path, witnesses: tuple[Witness, ...]) -> None:
    """Raise CorpusError for a text file in the folder that no [[witness]] lists."""
    listed = {f"{witness.id}.txt" for witness in witnesses}
    for path in sorted(folder.glob("*.txt")):
        if path.name not in listed:
            raise CorpusError(str(path), "witness file not listed in work.toml")
