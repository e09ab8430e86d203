"""Writing what `collate find` found: the JSON file, and new witnesses into a work's folder.

Every file is written whole or not at all: the new witness files are checked, together
with the extended `work.toml`, by reading the work back from a scratch copy first; then
they are created (never over an existing file) and `work.toml` is replaced in one rename.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from collate.corpus import load_work
from collate.find.hits import FindError, Hit
from collate.find.report import witness_entry, witness_id, witness_text
from collate.model import CollateError, Work


def write_whole(path: Path, text: str) -> None:
    """Write a file through a temporary file beside it and a rename, so it is never half written."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise FindError(f"{path}: cannot be written ({error.strerror or error})") from None


def planned(work: Work, hits: list[Hit]) -> tuple[dict[str, str], str]:
    """Return the new witness files (id -> text) and the work.toml text to append for new hits."""
    sigla = {witness.siglum for witness in work.witnesses}
    words = {witness.id: len(witness.text.split()) for witness in work.witnesses}
    files, entries = {}, []
    for hit in hits:
        new_id = witness_id(hit)
        if new_id in files:
            continue
        siglum = next(f"F{n}" for n in range(1, len(sigla) + len(hits) + 2) if f"F{n}" not in sigla)
        sigla.add(siglum)
        files[new_id] = witness_text(hit)
        entries.append(witness_entry(hit, new_id, siglum, words.get(hit.passage.witness, 1)))
    return files, "".join("\n" + entry for entry in entries)


def add_witnesses(root: Path, work: Work, hits: list[Hit]) -> list[Path]:
    """Add each hit as a witness of the work under `root`; return the files written."""
    folder = root / work.id
    files, entries = planned(work, hits)
    for new_id in files:
        if (folder / f"{new_id}.txt").exists():
            raise FindError(f"{folder / new_id}.txt: already exists; not overwritten (nothing written)")
    toml = (folder / "work.toml").read_text(encoding="utf-8")
    toml = toml if toml.endswith("\n") else toml + "\n"
    check(folder, files, toml + entries)
    written = []
    try:
        for new_id, text in files.items():
            with open(folder / f"{new_id}.txt", "x", encoding="utf-8") as stream:
                stream.write(text)
            written.append(folder / f"{new_id}.txt")
        write_whole(folder / "work.toml", toml + entries)
    except (OSError, FindError):
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return [*written, folder / "work.toml"]


def check(folder: Path, files: dict[str, str], toml: str) -> None:
    """Raise FindError unless the work, with the new witnesses, reads back without error."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / folder.name
        shutil.copytree(folder, copy)
        for new_id, text in files.items():
            (copy / f"{new_id}.txt").write_text(text, encoding="utf-8")
        (copy / "work.toml").write_text(toml, encoding="utf-8")
        try:
            load_work(Path(scratch), folder.name)
        except CollateError as error:
            problem = str(error).replace(str(copy), str(folder))
            raise FindError(f"{folder}: the new witnesses would not read back ({problem}); nothing written") from None
