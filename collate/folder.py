"""The output folder: a run's files appear together or not at all, and only inside it.

The command line's writing half: with the reader, the only module that touches the file system.
Every work of a run is collated in memory first; then every file is written into a staging
folder inside `--out` and renamed into place, so a failure while writing leaves the previous
outputs whole; a staging folder left by a killed run is removed by the next run.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

import regex

from collate.model import CollateError, Work
from collate.outputs import DEFAULT
from collate.run import run_outputs

PREFIX = ".collate-"
STAGING = regex.compile(regex.escape(PREFIX) + r"(?P<pid>\d+)-\w+\Z")


def write_outputs(out: Path, works: list[Work], base: str | None | object = DEFAULT, jobs: int = 1,
                  progress: bool = False, explicit_inactive: bool = False) -> list[Path]:
    """Return the paths written: every work collated in memory first (in up to `jobs` processes), then all
    outputs written together; `progress` shows the run's progress on stderr."""
    ids = [work.id for work in works]
    twice = next((work_id for n, work_id in enumerate(ids) if work_id in ids[:n]), None)
    if twice:
        raise CollateError(f"work id {twice!r} given twice: both works would write {twice}.*")
    check_writable(out)
    return write_all(out, run_outputs(works, base, jobs, progress, explicit_inactive))


def check_writable(out: Path) -> None:
    """Raise CollateError unless the output folder exists or can be made, and can hold new files."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        os.rmdir(tempfile.mkdtemp(dir=out, prefix=f"{PREFIX}{os.getpid()}-"))
    except OSError as error:
        raise CollateError(f"{out}: output folder is not writable ({error.strerror or error})") from None


def target(out: Path, name: str) -> Path:
    """Return where an output file goes: directly inside `out`, or raise CollateError."""
    if Path(name).name != name or name in (".", "..") or name.startswith(PREFIX):
        raise CollateError(f"{name!r}: not a plain file name, so not written (outputs go only into {out})")
    path = out / name
    if path.is_dir():
        raise CollateError(f"{path}: is a folder, so the output file cannot be written")
    return path


def write_all(out: Path, files: dict[str, bytes]) -> list[Path]:
    """Return the paths written: all files staged inside `out` first, then each renamed into place."""
    targets = {name: target(out, name) for name in sorted(files)}
    remove_stale(out)
    staging = Path(tempfile.mkdtemp(dir=out, prefix=f"{PREFIX}{os.getpid()}-"))
    try:
        for name, content in files.items():
            with failure(targets[name], "the previous outputs are unchanged"):
                (staging / name).write_bytes(content)
                os.chmod(staging / name, 0o644)
        for name, path in targets.items():
            with failure(path, "some outputs may be new and others old"):
                os.replace(staging / name, path)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return list(targets.values())


@contextmanager
def failure(path: Path, consequence: str):
    """Turn an OSError while writing `path` into a CollateError naming it and what the failure left."""
    try:
        yield
    except OSError as error:
        raise CollateError(f"{path}: cannot be written ({error.strerror or error}); {consequence}") from None


def remove_stale(out: Path) -> None:
    """Remove the staging folders of runs that no longer exist (killed before they could clean up)."""
    for path in out.iterdir():
        found = STAGING.match(path.name)
        if found and path.is_dir() and not running(int(found["pid"])):
            shutil.rmtree(path, ignore_errors=True)


def running(pid: int) -> bool:
    """Return whether a process with this id exists (another user's counts)."""
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):
        return False
    except PermissionError:
        return True
    return True
