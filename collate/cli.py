"""The command line: a thin click layer over the library; typed errors become one line."""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

import click
from lxml import etree

from collate import __version__
from collate.corpus import load_files, load_work, work_ids
from collate.model import CollateError, Work
from collate.outputs import DEFAULT, outputs_of
from collate.tei.check import problems, schema_problems
from collate.tei.read import parse, rebuild
from collate.tei.rules import available, rule_problems, rules_stylesheet

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
    return click.option("--out", "out", default="output", show_default=True, type=click.Path(path_type=Path),
                        help="Folder the outputs are written to.")(function)


def base_option(function):
    """Return the command with the --base and --no-lemma options added."""
    function = click.option("--no-lemma", is_flag=True, help="Write every reading as rdg, with no lemma.")(function)
    return click.option("--base", default=None, metavar="WITNESS",
                        help="Witness whose readings are the lemma (default: the most complete).")(function)


def inactive_option(function):
    """Return the command with the --explicit-inactive option added."""
    return click.option("--explicit-inactive", is_flag=True,
                        help="In the TEI, wrap text where some witness is not active in an app of type invariant "
                             "naming the active witnesses (for viewers that ignore witStart/witEnd).")(function)


def lemma_choice(base: str | None, no_lemma: bool):
    """Return the lemma choice for outputs_of: a witness id, DEFAULT, or None for no lemma."""
    return None if no_lemma else (base or DEFAULT)


@main.command("works", hidden=True)
@click.argument("work", nargs=-1)
@click.option("--list", "listing", is_flag=True, help="List the works: id, date, title, witnesses.")
@click.option("--all", "everything", is_flag=True, help="Collate every work.")
@corpus_option
@out_option
@base_option
@inactive_option
def works_command(work, listing, everything, root, out, base, no_lemma, explicit_inactive) -> None:
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
        produce(out, [load_work(root, work_id) for work_id in chosen], lemma_choice(base, no_lemma), explicit_inactive)


@main.command("compare")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@out_option
@base_option
@click.option("--name", default="compare", show_default=True, help="Base name of the output files.")
@inactive_option
def compare_command(files, out, base, no_lemma, name, explicit_inactive) -> None:
    """Collate any text files (witness ids from the file names), no work.toml needed.

    \b
      collate compare conquest.txt volkogonov.txt --out /tmp/cmp
    """
    with errors():
        witnesses = load_files(files)
        produce(out, [Work(name, f"Comparison of {len(files)} texts", witnesses)], lemma_choice(base, no_lemma),
                explicit_inactive)


def produce(out: Path, works: list[Work], base: str | None, explicit_inactive: bool = False) -> None:
    """Collate every work in memory, then write all outputs; nothing is half-written."""
    check_writable(out)
    files = {}
    for work in works:
        files.update(outputs_of(work, base, explicit_inactive))
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


@main.command("rebuild")
@click.argument("tei_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--witness", "witness", required=True, metavar="ID", help="xml:id of the witness to rebuild.")
def rebuild_command(tei_file: Path, witness: str) -> None:
    """Print one witness's text from a parallel-segmentation TEI file.

    \b
      collate rebuild output/letter-1923-03-05.tei.xml --witness volkogonov1994
    """
    with errors():
        click.echo(rebuild(read_tei(tei_file), witness), nl=False)


@main.command("validate")
@click.argument("tei_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--schema", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="RELAX NG schema (default: $COLLATE_TEI_SCHEMA, ../shared/tei/tei_all.rng or tei_all.rng).")
def validate_command(tei_file: Path, schema: Path | None) -> None:
    """Check a TEI apparatus: the schema and its Schematron rules (when found) and the checks no schema makes.

    \b
      collate validate output/letter-1923-03-05.tei.xml --schema ../shared/tei/tei_all.rng
    """
    with errors():
        tree = read_tei(tei_file)
        found = problems(tree)
        schema = schema or next((p for p in schema_places() if p.is_file()), None)
        if schema:
            parsed = etree.parse(str(schema))
            found = schema_problems(tree, etree.RelaxNG(parsed)) + embedded_rules(tree, parsed) + found
        else:
            click.echo("no schema found: only the apparatus checks were made", err=True)
        for problem in found:
            click.echo(f"{tei_file}: {problem}")
        if found:
            raise CollateError(f"{tei_file}: {len(found)} problem(s)")
        click.echo(f"{tei_file}: valid" + (f" against {schema}" if schema else ""))


def embedded_rules(tree, schema) -> list[str]:
    """Return the problems the schema's Schematron rules find, or none, with a notice, without saxonche."""
    if not available():
        click.echo("saxonche is not installed: the schema's Schematron rules were not checked", err=True)
        return []
    return rule_problems(tree, rules_stylesheet(schema))


def schema_places() -> list[Path]:
    """Return the usual places of the TEI schema, the environment's first."""
    named = os.environ.get("COLLATE_TEI_SCHEMA")
    return [*([Path(named)] if named else []), Path("../shared/tei/tei_all.rng"), Path("tei_all.rng")]


def read_tei(path: Path):
    """Return a parsed TEI file, or raise CollateError."""
    if not path.is_file():
        raise CollateError(f"{path}: no such file")
    return parse(path.read_bytes(), str(path))
