"""The command line: a thin click layer over the library; typed errors become one line."""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

import click

from collate import __version__
from collate.corpus import load_files, load_work, work_ids
from collate.model import CollateError, Work
from collate.outputs import outputs_of

WORKS_HELP = """Collate quoted versions (witnesses) of a document.

\b
  collate letter-1923-03-05         writes output/letter-1923-03-05.{json,tei.xml,html}
  collate --list                    lists the works under witnesses/
  collate --all --out /tmp/out      collates every work
  collate compare a.txt b.txt       collates any text files
"""


class WorksGroup(click.Group):
    """A group whose bare arguments (work ids, --list, --all) go to the `works` command."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Return the arguments, with `works` put first unless a command is named."""
        if args and args[0] in ("--help", "-h", "--version"):
            return super().parse_args(ctx, args)
        if not args or args[0] not in self.commands:
            args = ["works", *args]
        return super().parse_args(ctx, args)


@click.group(cls=WorksGroup, help=WORKS_HELP, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="collate")
def main() -> None:
    """Collate quoted versions of a document."""


def corpus_option(function):
    """Return the command with the --witnesses option added."""
    return click.option("--witnesses", "root", default="witnesses", show_default=True,
                        type=click.Path(file_okay=False, path_type=Path),
                        help="Folder holding one folder per work.")(function)


def out_option(function):
    """Return the command with the --out option added."""
    return click.option("--out", "out", default="output", show_default=True,
                        type=click.Path(file_okay=False, path_type=Path),
                        help="Folder the outputs are written to.")(function)


def base_option(function):
    """Return the command with the --base option added."""
    return click.option("--base", default=None, metavar="WITNESS",
                        help="Witness whose readings are the lemma (default: the most complete).")(function)


@main.command("works", hidden=True)
@click.argument("work", nargs=-1)
@click.option("--list", "listing", is_flag=True, help="List the works: id, date, title, witnesses.")
@click.option("--all", "everything", is_flag=True, help="Collate every work.")
@corpus_option
@out_option
@base_option
def works_command(work, listing, everything, root, out, base) -> None:
    """Collate the named works: `collate letter-1923-03-05`."""
    with errors():
        if listing:
            for work_id in work_ids(root):
                loaded = load_work(root, work_id)
                click.echo(f"{loaded.id}\t{loaded.date}\t{loaded.title}\t{len(loaded.witnesses)} witnesses")
            return
        chosen = work_ids(root) if everything else work
        if not chosen:
            raise click.UsageError("name a work (see `collate --list`) or use --all")
        produce(out, [load_work(root, work_id) for work_id in chosen], base)


@main.command("compare")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@out_option
@base_option
@click.option("--name", default="compare", show_default=True, help="Base name of the output files.")
def compare_command(files, out, base, name) -> None:
    """Collate any text files (witness ids from the file names), no work.toml needed.

    \b
      collate compare conquest.txt volkogonov.txt --out /tmp/cmp
    """
    with errors():
        witnesses = load_files(files)
        produce(out, [Work(name, f"Comparison of {len(files)} texts", witnesses)], base)


def produce(out: Path, works: list[Work], base: str | None) -> None:
    """Collate every work in memory, then write all outputs; nothing is half-written."""
    check_writable(out)
    files = {}
    for work in works:
        files.update(outputs_of(work, base))
    for name, content in sorted(files.items()):
        write_atomically(out / name, content)
        click.echo(str(out / name))


def check_writable(out: Path) -> None:
    """Raise CollateError unless the output folder exists or can be made, and is writable."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = tempfile.NamedTemporaryFile(dir=out, prefix=".collate-", delete=True)
        probe.close()
    except OSError as error:
        raise CollateError(f"{out}: output folder is not writable ({error.strerror or error})") from None


def write_atomically(path: Path, content: bytes) -> None:
    """Write a file through a temporary file renamed over it."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@contextmanager
def errors():
    """Turn the library's typed errors into click's one-line errors."""
    try:
        yield
    except CollateError as error:
        raise click.ClickException(str(error)) from None
