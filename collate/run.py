"""A run's works collated into their output files: one after another, or in parallel processes.

Each work is collated whole in one process, and the files are gathered in the works' order,
so a run writes the same bytes whatever the number of processes. On a terminal the run
shows its progress on stderr: a bar per work through the stages, or, in parallel, one bar
over the works.
"""

from __future__ import annotations

import sys
from concurrent.futures import ProcessPoolExecutor
from contextlib import nullcontext

import click

from collate.model import Work
from collate.outputs import DEFAULT, STAGES, outputs_of


def run_outputs(works: list[Work], base: str | None | object, jobs: int = 1, progress: bool = False,
                explicit_inactive: bool = False) -> dict[str, bytes]:
    """Return every work's output files by name, in the works' order, using up to `jobs` processes."""
    if jobs > 1 and len(works) > 1:
        return parallel(works, base, jobs, progress, explicit_inactive)
    files: dict[str, bytes] = {}
    for work in works:
        with bar(progress, len(STAGES), work.id) as stages:
            files |= outputs_of(work, base, lambda stage: stages.update(1, stage), explicit_inactive)
    return files


def parallel(works: list[Work], base: str | None | object, jobs: int, progress: bool,
             explicit_inactive: bool) -> dict[str, bytes]:
    """Return the works' output files, each work collated in a process of its own (at most `jobs` at once)."""
    # DEFAULT is one object per process: the choice crosses over as a flag
    default, chosen = base is DEFAULT, None if base is DEFAULT else base
    with ProcessPoolExecutor(max_workers=min(jobs, len(works))) as pool, \
            bar(progress, len(works), f"{len(works)} works") as done:
        futures = [pool.submit(work_outputs, work, default, chosen, explicit_inactive) for work in works]
        for future in futures:
            future.add_done_callback(lambda _: done.update(1))
        return {name: content for future in futures for name, content in future.result().items()}


def work_outputs(work: Work, default: bool, base: str | None, explicit_inactive: bool) -> dict[str, bytes]:
    """Return one work's output files (run in a worker process)."""
    return outputs_of(work, DEFAULT if default else base, explicit_inactive=explicit_inactive)


def bar(shown: bool, length: int, label: str):
    """Return click's progress bar on stderr when progress is shown, else a stand-in that shows nothing."""
    if not shown:
        return nullcontext(Silent())
    return click.progressbar(length=length, label=label, file=sys.stderr,
                             item_show_func=lambda stage: stage)


class Silent:
    """A progress bar that shows nothing."""

    def update(self, steps: int, stage: str | None = None) -> None:
        """Do nothing: the run is quiet."""
