"""The witness reader: `witnesses/<work>/work.toml` and one text file per witness.

This and the command line are the only modules that touch the file system.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import regex

from collate.model import (ATTRIBUTIONS, KINDS, Citation, CorpusError, Source, Witness,
                           Work)
from collate.tokens import split_text

NCNAME = regex.compile(r"^[\p{L}_][\p{L}\p{N}_.\-]*$")  # an XML name without a colon
WORDS = regex.compile(r"\w+")
TOML_WHERE = regex.compile(r"\s*\(at\ line\ (?P<line>\d+),\ column\ \d+\)", regex.VERBOSE)  # tomllib's suffix
WORK_FIELDS = ("title", "author", "addressee", "date", "description", "language")
CITATION_FIELDS = ("author", "title", "place", "publisher", "year", "pages", "note")


def work_ids(root: Path) -> tuple[str, ...]:
    """Return the ids of the works under `root`, sorted."""
    if not root.is_dir():
        return ()
    return tuple(sorted(p.name for p in root.iterdir() if (p / "work.toml").is_file()))


def load_work(root: Path, work_id: str) -> Work:
    """Return the work `work_id` read from `root`, or raise CorpusError."""
    folder = root / work_id
    if not folder.is_dir():
        known = ", ".join(work_ids(root)) or "none"
        raise CorpusError(str(folder), f"unknown work {work_id!r} (known works: {known})")
    record = read_toml(folder / "work.toml")
    witnesses = tuple(read_witness(folder, entry) for entry in witness_entries(folder, record))
    check_ids(folder / "work.toml", witnesses)
    check_files(folder, witnesses)
    head = table(record, "work", folder / "work.toml")
    fields = {name: text_field(head, name, folder / "work.toml") for name in WORK_FIELDS}
    if not fields["title"]:
        raise CorpusError(str(folder / "work.toml"), "[work] has no title")
    regularization = table(record, "regularization", folder / "work.toml", required=False)
    pairs = tuple((str(k), str(v)) for k, v in sorted(regularization.items()))
    return Work(id=work_id, witnesses=witnesses, regularizations=pairs, **fields)


def load_files(paths: tuple[Path, ...]) -> tuple[Witness, ...]:
    """Return witnesses read from lone text files, ids from the file names.

    A file with under 60% of the words of the longest is taken for a fragment.
    """
    if len(paths) < 2:
        raise CorpusError(str(paths[0]), "a collation needs at least two witnesses")
    texts = [read_text(path) for path in paths]
    longest = max(len(WORDS.findall(text)) for text in texts)
    witnesses = tuple(Witness(id=check_id(path), siglum=path.stem, text=text,
                              kind="complete" if len(WORDS.findall(text)) >= 0.6 * longest else "fragment")
                      for path, text in zip(paths, texts))
    check_ids(paths[0], witnesses)
    return witnesses


def check_id(path: Path) -> str:
    """Return the witness id given by a file's name, or raise CorpusError."""
    if not NCNAME.match(path.stem):
        raise CorpusError(str(path), f"witness id {path.stem!r} (from the file name) is not an XML name")
    return path.stem


def read_toml(path: Path) -> dict:
    """Return the parsed `work.toml`, or raise CorpusError naming the line."""
    if not path.is_file():
        raise CorpusError(str(path), "missing work.toml")
    try:
        return tomllib.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError as error:
        raise CorpusError(str(path), f"not UTF-8 at byte {error.start}") from None
    except tomllib.TOMLDecodeError as error:
        where = TOML_WHERE.search(str(error))
        message = TOML_WHERE.sub("", str(error))
        raise CorpusError(str(path), f"malformed TOML: {message}", int(where["line"]) if where else None) from None


def read_text(path: Path) -> str:
    """Return a witness file's text, stripped, or raise CorpusError."""
    if not path.is_file():
        raise CorpusError(str(path), "witness file missing")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CorpusError(str(path), f"not UTF-8 at byte {error.start}") from None
    if not text.strip():
        raise CorpusError(str(path), "empty witness (nothing but whitespace)")
    return text.strip()


def table(record: dict, name: str, path: Path, required: bool = True) -> dict:
    """Return the TOML table `name`, or raise CorpusError when it is missing or not a table."""
    value = record.get(name)
    if value is None and not required:
        return {}
    if not isinstance(value, dict):
        raise CorpusError(str(path), f"[{name}] table missing")
    return value


def text_field(record: dict, name: str, path: Path) -> str:
    """Return the string field `name` of a table ('' when absent), or raise CorpusError."""
    value = record.get(name, "")
    if not isinstance(value, str):
        raise CorpusError(str(path), f"{name!r} must be a string, not {value!r}")
    return value


def witness_entries(folder: Path, record: dict) -> list[dict]:
    """Return the [[witness]] tables, or raise CorpusError when fewer than two."""
    entries = record.get("witness", [])
    path = folder / "work.toml"
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise CorpusError(str(path), "witness must be an array of tables ([[witness]])")
    if len(entries) < 2:
        raise CorpusError(str(path), f"a work needs at least two witnesses, found {len(entries)}")
    return entries


def read_witness(folder: Path, entry: dict) -> Witness:
    """Return one witness: its [[witness]] table and its text file."""
    path = folder / "work.toml"
    witness_id = text_field(entry, "id", path)
    if not NCNAME.match(witness_id):
        raise CorpusError(str(path), f"witness id {witness_id!r} is not an XML name (NCName)")
    fields = {name: text_field(entry, name, path)
              for name in ("siglum", "kind", "attribution", "translator", "attribution_note", "notes")}
    check_choice(path, witness_id, "kind", fields["kind"] or "complete", KINDS)
    check_choice(path, witness_id, "attribution", fields["attribution"] or "certain", ATTRIBUTIONS)
    citation = table(entry, "citation", path, required=False)
    text = read_text(folder / f"{witness_id}.txt")
    return Witness(
        id=witness_id, text=text, citation=Citation(**{k: text_field(citation, k, path) for k in CITATION_FIELDS}),
        sources=read_sources(path, witness_id, entry.get("source", []), len(split_text(text))),
        **{**fields, "siglum": fields["siglum"] or witness_id, "kind": fields["kind"] or "complete",
           "attribution": fields["attribution"] or "certain"})


def check_choice(path: Path, witness_id: str, name: str, value: str, choices: tuple) -> None:
    """Raise CorpusError when a witness field is not one of its allowed values."""
    if value not in choices:
        raise CorpusError(str(path), f"witness {witness_id!r}: {name} {value!r} is not one of {', '.join(choices)}")


def read_sources(path: Path, witness_id: str, entries: list, stretch_count: int) -> tuple[Source, ...]:
    """Return the [[witness.source]] tables, one per stretch when given at all."""
    if entries and len(entries) != stretch_count:
        raise CorpusError(str(path), f"witness {witness_id!r} has {stretch_count} stretches "
                                     f"but {len(entries)} [[witness.source]] tables")
    try:
        return tuple(Source(str(e["document"]), int(e["line"]), e.get("last_line")) for e in entries)
    except (KeyError, TypeError, ValueError):
        raise CorpusError(str(path), f"witness {witness_id!r}: a source needs document and line") from None


def check_ids(path: Path, witnesses: tuple[Witness, ...]) -> None:
    """Raise CorpusError on duplicate ids or sigla, or an id that is a substring of another."""
    for seen, witness in enumerate(witnesses):
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
