"""The command line: a thin click layer over the library; typed errors become one line."""

from __future__ import annotations

import os
import sys
import warnings
from contextlib import contextmanager
from pathlib import Path

import click
from lxml import etree

from collate import __version__
from collate.apparatus.critical import apparatus_of
from collate.corpus import load_files, load_work, work_ids
from collate.exports import to_csv, to_text
from collate.folder import check_writable, write_all, write_outputs
from collate.memory import check_fits
from collate.model import WORK_ID, CollateError, CorpusWarning, WitnessKind, Work
from collate.outputs import DEFAULT
from collate.pipeline import collate_work
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

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Write the group's options, then the main job's (`collate [WORK…]`), then the commands."""
        super().format_options(ctx, formatter)
        works = self.commands["works"]
        own_help = works.get_help_option(ctx)
        records = [record for param in works.get_params(ctx) if isinstance(param, click.Option)
                   and param is not own_help and (record := param.get_help_record(ctx))]
        with formatter.section("Options for collating works (collate [WORK…])"):
            formatter.write_dl(records)


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
    """Return the command with the --base, --no-lemma, --force and --quiet options added."""
    function = click.option("--quiet", "-q", is_flag=True, help="Show no progress on stderr.")(function)
    function = click.option("--force", is_flag=True,
                            help="Collate even when the run looks too big for the memory available.")(function)
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
@click.option("--jobs", "-j", default=os.cpu_count() or 1, show_default="the number of cores",
              type=click.IntRange(1), help="Works collated at once, each in a process of its own (same outputs).")
@corpus_option
@out_option
@base_option
@inactive_option
def works_command(work, listing, everything, jobs, root, out, base, no_lemma, force, quiet,
                  explicit_inactive) -> None:
    """Collate the named works (ids under --witnesses, or work folders): `collate letter-1923-03-05`."""
    with errors():
        if listing or everything:
            places = [(root, work_id) for work_id in corpus_ids(root)]
        elif work:
            places = [locate(root, argument) for argument in work]
        else:
            raise click.UsageError("name a work (see `collate --list`) or use --all")
        works = [load_work(folder, work_id) for folder, work_id in places]
        if listing:
            for loaded in works:
                click.echo(f"{loaded.id}\t{loaded.date}\t{loaded.title}\t{len(loaded.witnesses)} witnesses")
            return
        produce(out, works, lemma_choice(base, no_lemma), force, jobs, quiet, explicit_inactive)


def corpus_ids(root: Path) -> tuple[str, ...]:
    """Return the ids of the works under the witnesses folder, or raise CollateError when there are none."""
    found = work_ids(checked_root(root))
    if not found:
        raise CollateError(f"{root.absolute()}: no works in this witnesses folder (a work is a folder with a work.toml)")
    return found


def checked_root(root: Path) -> Path:
    """Return the witnesses folder, or raise CollateError saying where it was looked for."""
    if not root.is_dir():
        raise CollateError(f"{root.absolute()}: no witnesses folder here (run collate beside witnesses/, "
                           "or give one with --witnesses)")
    return root


def locate(root: Path, argument: str) -> tuple[Path, str]:
    """Return the witnesses folder and id of a work named by its id or by its folder's path."""
    path = Path(argument)
    if len(path.parts) == 1 and argument not in (".", ".."):
        return checked_root(root), path.name
    folder = path.resolve()
    return folder.parent, folder.name


@main.command("compare")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--complete", "completes", multiple=True, metavar="FILE", type=click.Path(dir_okay=False, path_type=Path),
              help="A file that quotes the whole text (repeatable; added to FILES if not among them).")
@click.option("--fragment", "fragments", multiple=True, metavar="FILE", type=click.Path(dir_okay=False, path_type=Path),
              help="A file that quotes part of the text (repeatable; added to FILES if not among them).")
@out_option
@base_option
@click.option("--name", default="compare", show_default=True, help="Base name of the output files.")
@inactive_option
def compare_command(files, completes, fragments, out, base, no_lemma, force, quiet, name,
                    explicit_inactive) -> None:
    """Collate any text files (witness ids from the file names), no work.toml needed.

    A sidecar NAME.toml beside NAME.txt may hold the keys of a work.toml [[witness]].
    A kind neither given nor in a sidecar is guessed from the length, and marked as guessed.

    \b
      collate compare conquest.txt volkogonov.txt --out /tmp/cmp
      collate compare testament.txt --fragment trotsky.txt
    """
    with errors():
        if not WORK_ID.match(name):
            raise CollateError(f"--name {name!r}: the outputs' base name must be a plain name "
                               "(letters, digits, '.', '-', '_'; no folder)")
        kinds = {**dict.fromkeys(completes, WitnessKind.COMPLETE), **dict.fromkeys(fragments, WitnessKind.FRAGMENT)}
        both = set(completes) & set(fragments)
        if both:
            raise CollateError(f"{min(both)}: given as both --complete and --fragment")
        paths = tuple(dict.fromkeys((*files, *completes, *fragments)))
        witnesses = load_files(paths, kinds)
        produce(out, [Work(name, f"Comparison of {len(paths)} texts", witnesses)], lemma_choice(base, no_lemma),
                force, quiet=quiet, explicit_inactive=explicit_inactive)


def produce(out: Path, works: list[Work], base: str | None, force: bool, jobs: int = 1, quiet=False,
            explicit_inactive: bool = False) -> None:
    """Collate every work in memory (in up to `jobs` processes), write all outputs together, print their paths."""
    if not force:
        check_fits(works)
    progress = not quiet and sys.stderr.isatty()
    for path in write_outputs(out, works, base, jobs, progress, explicit_inactive):
        click.echo(str(path))


@contextmanager
def errors():
    """Turn the library's typed errors, and the system's, into click's one-line errors; show its warnings."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CorpusWarning)
        try:
            yield
        except CollateError as error:
            raise click.ClickException(str(error)) from None
        except OSError as error:
            raise click.ClickException(f"{error.filename or 'collate'}: {error.strerror or error}") from None
        except MemoryError:
            raise click.ClickException("not enough memory for this run") from None
        finally:
            for warning in caught:
                click.echo(f"Warning: {warning.message}", err=True)


@main.command("export")
@click.argument("work")
@click.option("--format", "form", type=click.Choice(["csv", "txt"]), required=True,
              help="csv: the variant table, one row per entry, one column per witness; txt: each witness's text.")
@corpus_option
@out_option
@click.option("--base", default=None, metavar="WITNESS", help="The first column (default: the most complete).")
def export_command(work: str, form: str, root: Path, out: Path, base: str | None) -> None:
    """Export a work's collation for other tools.

    \b
      collate export letter-1923-03-05 --format csv     writes output/letter-1923-03-05.csv
    """
    with errors():
        loaded = load_work(*locate(root, work))
        collation = collate_work(loaded)
        text = to_csv(apparatus_of(collation, base or collation.reference)) if form == "csv" else to_text(collation)
        check_writable(out)
        for path in write_all(out, {f"{loaded.id}.{form}": text.encode("utf-8")}):
            click.echo(str(path))


@main.command("rebuild")
@click.argument("tei_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--witness", "witness", required=True, metavar="ID", help="xml:id of the witness to rebuild.")
def rebuild_command(tei_file: Path, witness: str) -> None:
    """Print one witness's text from a parallel-segmentation TEI file.

    \b
      collate rebuild output/letter-1923-03-05.tei.xml --witness volkogonov1994
    """
    with errors():
        tree = read_tei(tei_file)
        try:
            text = rebuild(tree, witness)
        except CollateError as error:
            raise CollateError(f"{tei_file}: {error}") from None
        click.echo(text, nl=False)


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
            parsed = parse_schema(schema)
            found = schema_problems(tree, relax_ng(schema, parsed)) + embedded_rules(tree, parsed) + found
        else:
            click.echo("no schema found: only the apparatus checks were made", err=True)
        for problem in found:
            click.echo(f"{tei_file}: {problem}")
        if found:
            raise CollateError(f"{tei_file}: {len(found)} problem(s)")
        click.echo(f"{tei_file}: valid" + (f" against {schema}" if schema else ""))


def parse_schema(path: Path):
    """Return the parsed schema file, or raise CollateError naming the file and the problem."""
    if not path.is_file():
        raise CollateError(f"{path}: no such schema file")
    try:
        return etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as error:
        raise CollateError(f"{path}:{error.lineno}: schema is not well-formed XML: {error.msg}") from None


def relax_ng(path: Path, parsed) -> etree.RelaxNG:
    """Return the RELAX NG schema of a parsed file, or raise CollateError when it is not one."""
    try:
        return etree.RelaxNG(parsed)
    except etree.RelaxNGParseError as error:
        raise CollateError(f"{path}: not a RELAX NG schema ({error})") from None


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


@main.command("find")
@click.argument("work")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@corpus_option
@click.option("--json", "json_file", default=None, type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the hits as JSON to this file.")
@click.option("--write", is_flag=True, help="Add each new hit to the work as a witness file and work.toml entry.")
@click.option("--scheduler", default=None, metavar="tcp://HOST:PORT",
              help="Search on a running dask.distributed cluster (pip install -e '.[dask]').")
@click.option("--jobs", default=1, show_default=True, type=click.IntRange(1),
              help="Processes of this machine to search with.")
def find_command(work, sources, root, json_file, write, scheduler, jobs) -> None:
    """Find every passage of the sources (files or folders) that quotes a work.

    Sources: plain text, Markdown, HTML (text only, never run) and TEI/XML.

    \b
      collate find letter-1923-03-05 ../shared/seeds
      collate find reply-1923-03-07 book.html --json hits.json --write
    """
    from collate.find.cli import run_find  # imported here: the other commands never need it

    with errors():
        folder, work_id = locate(root, work)
        for line in run_find(folder, load_work(folder, work_id), tuple(sources), json_file, write, scheduler, jobs):
            click.echo(line)
