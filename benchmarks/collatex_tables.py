"""Collate CollateX's own test tables with collate and with plain CollateX 2.3.

CollateX's Python test suite ships in its source distribution on PyPI. This script
downloads it at run time (nothing of it is kept in this repository), reads its test
files with the `ast` module, and picks every test that builds a collation from plain
witnesses (`collation.add_plain_witness("A", "the cat")`) and states the alignment
table it expects (row lists, a plain-text table, JSON, TEI or XML). Each such case
is collated by

  (a) collate: `collate_work(Work("t", "t", (Witness(id, id, text), ...)))`, every
      witness of kind "complete";
  (b) plain CollateX 2.3: `collate(collation, output="json", segmentation=False)`
      with the test's own alignment options (near_match, detect_transpositions);

and both are compared with the expected table: exactly, and as aligned word pairs.

    .venv/bin/python benchmarks/collatex_tables.py                 # download and run
    .venv/bin/python benchmarks/collatex_tables.py --sdist FILE    # an sdist already downloaded
    .venv/bin/python benchmarks/collatex_tables.py --all-tables    # print every case's tables

How tables are compared. Every table is read as columns, each column holding per
witness a list of tokens. Tokens are the word pieces (`\\w+` runs) of what a cell
prints: punctuation is left out of every table, since CollateX makes it a token of its
own and collate rides it on the word before; a column left empty is dropped. The
word pieces of each row must spell its witness's text, or the case is skipped.
- When the test's table is unsegmented (`segmentation=False`), tables are compared
  column by column as they are.
- When it is segmented (CollateX's default: runs of tokens that no witness leaves
  joined into one cell), the outputs of collate and CollateX are segmented the same way
  as CollateX does it: the columns are read as a variant graph (one vertex per distinct
  reading of a column, witnesses reading alike share it), vertices with one edge between
  them are joined, and the joined graph is ranked (longest path from the start) into
  columns. The expected table goes through the same steps, so two tables are equal
  when they are the same variant graph drawn alike.
Aligned word pairs are (witness a, token i, witness b, token j) in one column of those
tables; precision and recall are taken over all cases together.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import subprocess
import sys
import tarfile
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

VERSION = "2.3"
WORD_PIECE = re.compile(r"\w+")
WITH_PUNCTUATION = re.compile(r"\w+|[^\w\s]+")  # CollateX's tokens, whitespace left out
TOKEN = WORD_PIECE  # what a table's tokens are: set by --punctuation
TEI = "{http://www.tei-c.org/ns/1.0}"
MARKS = ("insertion", "footnote", "cut", "separator")  # collate's editorial marks: no text of the witness
ALIGNMENT_OPTIONS = ("near_match", "detect_transpositions")  # passed on to CollateX as the test has them

Cells = list[list[list[int]]]  # columns, each per witness a list of token indices
Pair = tuple[int, int, int, int]


# --- the test suite ---------------------------------------------------------------------------

def download(folder: Path) -> Path:
    """Return the CollateX sdist, downloaded into `folder` with pip."""
    done = subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
                           f"collatex=={VERSION}", "-d", str(folder)], capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"pip download collatex=={VERSION} failed:\n{done.stdout}{done.stderr}")
    return next(folder.glob(f"collatex-{VERSION}.tar.gz"))


def test_files(sdist: Path) -> dict[str, str]:
    """Return the sdist's test modules (tests/*.py) by file name."""
    files = {}
    with tarfile.open(sdist) as archive:
        for member in archive.getmembers():
            parts = member.name.split("/")
            if member.isfile() and len(parts) == 3 and parts[1] == "tests" and parts[2].endswith(".py"):
                files[parts[2]] = archive.extractfile(member).read().decode("utf-8")
    return files


# --- reading the tests ------------------------------------------------------------------------

@dataclass
class Case:
    """One expected alignment table of a test, with the witnesses it is built from."""

    name: str
    witnesses: list[tuple[str, str]]  # (siglum, text), in the order added
    options: dict  # the test's keyword arguments to collate()
    form: str  # how the test states the table: rows, text, json, tei or xml
    rows: list[list[str | None]]  # per witness (in order) its cells' printed text
    notes: list[str] = field(default_factory=list)  # "disabled", "nested", ...

    @property
    def segmented(self) -> bool:
        """Return whether the expected table is CollateX's segmented one."""
        return bool(self.options.get("segmentation", True))


@dataclass
class Test:
    """What was read of one test function."""

    name: str
    plain: bool  # builds a collation from plain witnesses
    cases: list[Case]
    skipped: str | None  # why no case came of it
    transposition: list[str]  # why the test is taken to expect a transposition
    witnesses: list[tuple[str, str]]
    notes: list[str]


def literal(node: ast.AST, env: dict):
    """Return the value of a literal node, or of a name bound to one; raise ValueError."""
    if isinstance(node, ast.Name) and node.id in env and env[node.id][0] == "literal":
        return env[node.id][1]
    return ast.literal_eval(node)


def collate_call(node: ast.AST) -> ast.Call | None:
    """Return the collate(...) call of `collate(...)` or `str(collate(...))`, else None."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        if node.func.id == "collate":
            return node
        if node.func.id == "str" and len(node.args) == 1:
            return collate_call(node.args[0])
    return None


def output_of(node: ast.AST, env: dict):
    """Return ("result", call, form) when the node is an output of collate(), else None.

    form: "table" (the AlignmentTable object), "text" (it as a string), "json", "tei", "xml",
    or another output name."""
    if isinstance(node, ast.Name) and node.id in env and env[node.id][0] == "result":
        return env[node.id]
    call = collate_call(node)
    if call is not None:
        options = {k.arg: k.value for k in call.keywords if k.arg}
        output = ast.literal_eval(options["output"]) if "output" in options else "table"
        text = isinstance(node, ast.Call) and node.func.id == "str"
        return ("result", call, "text" if text and output == "table" else output)
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "str"
            and len(node.args) == 1):
        inner = output_of(node.args[0], env)
        if inner and inner[2] == "table":
            return ("result", inner[1], "text")
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "loads"
            and len(node.args) == 1):
        inner = output_of(node.args[0], env)
        if inner and inner[2] == "json":
            return ("result", inner[1], "json-loaded")
    return None


def row_of(node: ast.AST, env: dict):
    """Return (result, row index) for `table.rows[i].to_list_of_strings()` or `.to_list()`."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("to_list_of_strings", "to_list")):
        return None
    target = node.func.value
    if not (isinstance(target, ast.Subscript) and isinstance(target.value, ast.Attribute)
            and target.value.attr == "rows"):
        return None
    result = output_of(target.value.value, env)
    try:
        index = ast.literal_eval(target.slice)
    except ValueError:
        return None
    return (result, index) if result else None


def comments_above(lines: list[str], function: ast.FunctionDef) -> str:
    """Return the comment lines right above a function (and its decorators)."""
    first = min([function.lineno] + [d.lineno for d in function.decorator_list]) - 1
    above = []
    for line in reversed(lines[:first]):
        if not line.strip().startswith("#"):
            break
        above.append(line)
    return "\n".join(reversed(above))


def read_test(module: str, function: ast.FunctionDef, lines: list[str], nested: bool) -> Test:
    """Return what a test function states: its witnesses, and each table it expects."""
    name = f"{module}.{function.name}"
    notes = (["disabled"] if any(isinstance(d, ast.Name) and d.id == "unit_disabled"
                                 for d in function.decorator_list) else [])
    notes += ["nested: never run"] if nested else []
    env: dict[str, tuple] = {}
    witnesses_of: dict[str, list[tuple[str, str]]] = {}
    snapshot: dict[int, list[tuple[str, str]]] = {}  # id(collate call) -> the witnesses then
    tables: dict[int, dict] = {}  # id(collate call) -> what is asserted of its output
    other_asserts, problems = [], []
    source = ast.get_source_segment("\n".join(lines), function) or ""

    def note_calls(node: ast.AST) -> None:
        for call in ast.walk(node):
            c = collate_call(call)
            if c is not None and id(c) not in snapshot and c.args and isinstance(c.args[0], ast.Name):
                snapshot[id(c)] = list(witnesses_of.get(c.args[0].id, []))

    for statement in function.body:
        if isinstance(statement, ast.FunctionDef):
            continue
        note_calls(statement)
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1 \
                and isinstance(statement.targets[0], ast.Name):
            target, value = statement.targets[0].id, statement.value
            if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "Collation":
                witnesses_of[target] = []
                env[target] = ("collation",)
            elif (result := output_of(value, env)) is not None:
                env[target] = result
            else:
                try:
                    env[target] = ("literal", ast.literal_eval(value))
                except (ValueError, SyntaxError, TypeError):
                    env[target] = ("other", ast.unparse(value))
            continue
        if not (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call)):
            continue
        call = statement.value
        if isinstance(call.func, ast.Attribute) and call.func.attr == "add_plain_witness" \
                and isinstance(call.func.value, ast.Name) and call.func.value.id in witnesses_of:
            try:
                siglum, text = (ast.literal_eval(arg) for arg in call.args)
                witnesses_of[call.func.value.id].append((siglum, text))
            except (ValueError, TypeError):
                problems.append("a witness that is not a literal")
            continue
        if not (isinstance(call.func, ast.Attribute) and call.func.attr.startswith("assert")):
            continue
        if call.func.attr != "assertEqual" or len(call.args) < 2:
            other_asserts.append(ast.unparse(call))
            continue
        found = False
        for expected, actual in (call.args[:2], call.args[1::-1]):
            try:
                value = literal(expected, env)
            except (ValueError, SyntaxError, TypeError):
                continue
            if (row := row_of(actual, env)) is not None:
                (_, c, form), index = row
                tables.setdefault(id(c), {"call": c, "form": "rows", "rows": {}})["rows"][index] = value
                found = True
            elif (result := output_of(actual, env)) is not None and result[2] in ("text", "json-loaded", "tei",
                                                                                  "xml", "json"):
                _, c, form = result
                value = json.loads(value) if form == "json" and isinstance(value, str) else value
                tables.setdefault(id(c), {"call": c, "form": form.replace("-loaded", ""), "value": value})
                found = True
            if found:
                break
        if not found:
            other_asserts.append(ast.unparse(call))

    witnesses = next(iter(witnesses_of.values()), [])
    plain = any(witnesses_of.values())
    cases, why = [], None
    for table in tables.values():
        c = table["call"]
        if not (c.args and isinstance(c.args[0], ast.Name) and c.args[0].id in witnesses_of):
            why = "collated from JSON tokens, not plain witnesses"
            continue
        options = {}
        for keyword in c.keywords:
            try:
                options[keyword.arg] = ast.literal_eval(keyword.value)
            except ValueError:
                options[keyword.arg] = ast.unparse(keyword.value)
        mine = snapshot.get(id(c), witnesses)
        try:
            rows = table_rows(table, mine, options)
        except ValueError as problem:
            why = str(problem)
            continue
        cases.append(Case(name, mine, options, table["form"], rows, notes))
    if not cases and why is None:
        if not plain:
            why = "no plain witnesses"
        elif any(a.startswith("self.assertRaises") for a in other_asserts):
            why = "expects an exception: " + shorten(next(a for a in other_asserts if "assertRaises" in a))
        elif not any(collate_call(n) for n in ast.walk(function)):
            used = sorted({n.func.id for n in ast.walk(function) if isinstance(n, ast.Call)
                           and isinstance(n.func, ast.Name) and n.func.id[:1].isupper()} - {"Collation"})
            why = "does not call collate(): tests CollateX internals" + (f" ({', '.join(used)})" if used else "")
        elif other_asserts:
            why = "states no alignment table: " + shorten(other_asserts[0])
        else:
            why = "states no alignment table: " + ("its expected table is commented out" if "#" in source
                                                   else "no assertion")
    reasons = transposition_reasons(function, source, comments_above(lines, function), cases)
    return Test(name, plain, cases, None if cases else why, reasons, witnesses, notes)


def shorten(text: str, width: int = 90) -> str:
    """Return text on one line, cut to `width` characters."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 3] + "..."


def table_rows(table: dict, witnesses: list[tuple[str, str]], options: dict) -> list[list[str | None]]:
    """Return an asserted table as per witness (in order) its cells' printed text (None: empty)."""
    sigla = [siglum for siglum, _ in witnesses]
    if table["form"] == "rows":
        rows = table["rows"]
        if sorted(rows) != list(range(len(witnesses))):
            raise ValueError(f"asserts rows {sorted(rows)} of {len(witnesses)} witnesses, not the whole table")
        return [list(rows[w]) for w in range(len(witnesses))]
    by_siglum: dict[str, list[str | None]]
    if table["form"] == "text":
        by_siglum = text_table(table["value"], options.get("layout") == "vertical")
    elif table["form"] == "json":
        value = table["value"]
        by_siglum = {siglum: [None if cell is None else "".join(t["t"] for t in cell) for cell in row]
                     for siglum, row in zip(value["witnesses"], value["table"])}
    elif table["form"] in ("tei", "xml"):
        by_siglum = xml_table(table["value"], sigla)
    else:
        raise ValueError(f"a table given as {table['form']}")
    if sorted(by_siglum) != sorted(sigla):
        raise ValueError("the table's witnesses are not the collation's")
    return [by_siglum[siglum] for siglum in sigla]


def text_table(text: str, vertical: bool) -> dict[str, list[str | None]]:
    """Return a plain-text (prettytable) alignment table by siglum; "-" is an empty cell."""
    lines = [[cell.strip() for cell in line.strip().strip("|").split("|")]
             for line in text.splitlines() if line.strip().startswith("|")]
    cell = (lambda value: None if value == "-" else value)
    if vertical:
        head, *rows = lines
        return {siglum: [cell(row[w]) for row in rows] for w, siglum in enumerate(head)}
    return {row[0]: [cell(value) for value in row[1:]] for row in lines}


def xml_table(text: str, sigla: list[str]) -> dict[str, list[str | None]]:
    """Return CollateX's TEI or XML output as a table: each <app> a column, each run of text
    between them a column all witnesses read."""
    root = ET.fromstring(re.sub(r"^<\?xml[^>]*\?>", "", text.strip()))
    columns: list[dict[str, str]] = []

    def shared(run: str | None) -> None:
        if run and run.strip():
            columns.append({siglum: run for siglum in sigla})
    shared(root.text)
    for app in root:
        column = {}
        for reading in app:
            for witness in reading.get("wit", "").split():
                column[witness.lstrip("#")] = reading.text or ""
        columns.append(column)
        shared(app.tail)
    return {siglum: [column.get(siglum) or None for column in columns] for siglum in sigla}


def transposition_reasons(function: ast.FunctionDef, source: str, comments: str, cases: list[Case]) -> list[str]:
    """Return why a test is taken to expect a transposition (empty: it is not)."""
    reasons = []
    if "transpos" in function.name.lower():
        reasons.append("its name")
    if "transpos" in comments.lower() or re.search(r"#.*transpos", source, re.IGNORECASE):
        reasons.append("a comment mentions transposition")
    if re.search(r"detect_transpositions\s*=\s*True", source):
        reasons.append("detect_transpositions=True")
    for case in cases:
        if crossing(case):
            reasons.append("its expected table puts the same words of two witnesses in crossing columns")
            break
    return reasons


def crossing(case: Case) -> bool:
    """Return whether two witnesses read two words, each once, in crossing order in the table."""
    where = []
    for row in case.rows:
        places = defaultdict(list)
        for c, cell in enumerate(row):
            for piece in WORD_PIECE.findall(cell or ""):
                places[piece].append(c)
        where.append({word: cs[0] for word, cs in places.items() if len(cs) == 1})
    for a, b in combinations(where, 2):
        shared = [w for w in a if w in b and a[w] != b[w]]
        for u, v in combinations(shared, 2):
            if (a[u] - a[v]) * (b[u] - b[v]) < 0:
                return True
    return False


def read_suite(files: dict[str, str]) -> list[Test]:
    """Return every test function of the suite (test* functions, nested ones too), read."""
    tests = []
    for filename, source in sorted(files.items()):
        tree, lines = ast.parse(source), source.splitlines()
        module = filename.removesuffix(".py")

        def visit(node: ast.AST, inside: bool) -> None:
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.FunctionDef) and child.name.startswith("test"):
                    tests.append(read_test(module, child, lines, inside))
                    visit(child, True)
                elif isinstance(child, ast.FunctionDef):
                    visit(child, True)
                else:
                    visit(child, inside)
        visit(tree, False)
    return tests


# --- tables as token indices ------------------------------------------------------------------

def pieces(text: str | None) -> list[str]:
    """Return the tokens of a printed cell: its word pieces (with --punctuation, its runs of
    punctuation too, as CollateX's tokenizer has them)."""
    return TOKEN.findall(text or "")


def indexed(rows: list[list[list[str]]], words: list[list[str]]) -> Cells:
    """Return per-witness rows of word-piece cells as columns of token indices, after checking
    that each row spells its witness; raise ValueError when one does not."""
    width = {len(row) for row in rows}
    if len(width) != 1:
        raise ValueError("rows of unequal length")
    columns: Cells = [[[] for _ in rows] for _ in range(width.pop())]
    for w, row in enumerate(rows):
        at = 0
        for c, cell in enumerate(row):
            columns[c][w] = list(range(at, at + len(cell)))
            at += len(cell)
        if [piece for cell in row for piece in cell] != words[w]:
            raise ValueError(f"row {w + 1} does not spell its witness")
    return [column for column in columns if any(column)]


def canonical(columns: Cells, words: list[list[str]], segmented: bool) -> Cells:
    """Return the columns as they stand, or, for a segmented comparison, as CollateX draws them:
    the variant graph of the columns, vertices with a single edge between them joined, ranked."""
    if not segmented:
        return columns
    start, end = -1, -2
    vertices: dict[tuple, int] = {}
    tokens: dict[int, dict[int, list[int]]] = {}
    out, into = defaultdict(set), defaultdict(set)
    previous = [start] * len(words)
    for c, column in enumerate(columns):
        for w, cell in enumerate(column):
            if cell:
                v = vertices.setdefault((c, tuple(words[w][i] for i in cell)), len(vertices))
                tokens.setdefault(v, {})[w] = list(cell)
                out[previous[w]].add(v)
                into[v].add(previous[w])
                previous[w] = v
    for w in range(len(words)):
        out[previous[w]].add(end)
        into[end].add(previous[w])
    joined = True
    while joined:
        joined = False
        for u in list(tokens):
            if u not in tokens or len(out[u]) != 1:
                continue
            (v,) = out[u]
            if v != end and len(into[v]) == 1:
                for w, cell in tokens.pop(v).items():
                    tokens[u][w] += cell
                out[u] = out.pop(v)
                for x in out[u]:
                    into[x].discard(v)
                    into[x].add(u)
                joined = True
    rank: dict[int, int] = {start: 0}

    def rank_of(v: int) -> int:
        if v not in rank:
            rank[v] = 1 + max(rank_of(u) for u in into[v])
        return rank[v]
    drawn: dict[int, list[list[int]]] = defaultdict(lambda: [[] for _ in words])
    for v, cells in tokens.items():
        for w, cell in cells.items():
            drawn[rank_of(v)][w] = cell
    return [drawn[r] for r in sorted(drawn)]


def pairs_of(columns: Cells) -> set[Pair]:
    """Return the aligned word pairs: each two tokens of two witnesses in one column."""
    return {(a, i, b, j) for column in columns for a, b in combinations(range(len(column)), 2)
            for i in column[a] for j in column[b]}


def drawn(columns: Cells, words: list[list[str]], sigla: list[str], label: str, indent: str = "    ") -> str:
    """Return a table in a few compact lines: one per witness, cells padded to a width."""
    texts = [[" ".join(words[w][i] for i in column[w]) or "-" for w in range(len(sigla))] for column in columns]
    widths = [max(len(text) for text in column) for column in texts]
    side = max(len(s) for s in sigla)
    lines = []
    for w, siglum in enumerate(sigla):
        head = (label if w == 0 else "").ljust(9)
        cells = " | ".join(column[w].ljust(width) for column, width in zip(texts, widths))
        lines.append(f"{indent}{head}{siglum.rjust(side)}: {cells}".rstrip())
    return "\n".join(lines)


# --- the two collators ------------------------------------------------------------------------

def by_collate(case: Case) -> list[list[list[str]]]:
    """Return collate's places as per-witness rows of word-piece cells."""
    from collate import Witness, Work, collate_work
    work = Work("t", "t", tuple(Witness(siglum, siglum, text) for siglum, text in case.witnesses))
    places = collate_work(work).places
    return [[pieces("".join(token.text for token in place.cells[w].tokens if token.kind not in MARKS))
             for place in places] for w in range(len(case.witnesses))]


def by_collatex(case: Case) -> list[list[list[str]]]:
    """Return plain CollateX's unsegmented table as per-witness rows of word-piece cells."""
    from collatex import Collation, collate
    collation = Collation()
    for siglum, text in case.witnesses:
        collation.add_plain_witness(siglum, text)
    options = {key: case.options[key] for key in ALIGNMENT_OPTIONS if case.options.get(key)}
    table = json.loads(collate(collation, output="json", segmentation=False, **options))["table"]
    return [[pieces("".join(token["t"] for token in cell or ())) for cell in row] for row in table]


# --- the comparison ---------------------------------------------------------------------------

@dataclass
class Outcome:
    """One engine on one case: its table as compared, exact or not, and its pairs' hits."""

    columns: Cells | None
    exact: bool
    found: int
    hits: int
    error: str | None = None


def compare(case: Case, engine, words: list[list[str]], expected: Cells) -> Outcome:
    """Return an engine's outcome on a case."""
    try:
        columns = canonical(indexed(engine(case), words), words, case.segmented)
    except Exception as problem:  # noqa: BLE001  (a failing engine is reported, not fatal)
        return Outcome(None, False, 0, 0, f"{type(problem).__name__}: {problem}")
    mine, true = pairs_of(columns), pairs_of(expected)
    return Outcome(columns, columns == expected, len(mine), len(mine & true))


def ratio(part: int, whole: int) -> str:
    """Return part / whole as a percentage, or "-" for nothing."""
    return f"{part / whole:.1%}" if whole else "-"


def main() -> None:
    """Download the suite, read its tables, collate them both ways, print the comparison."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sdist", type=Path, help=f"collatex-{VERSION}.tar.gz already downloaded")
    parser.add_argument("--all-tables", action="store_true", help="print the tables of every case")
    parser.add_argument("--punctuation", action="store_true",
                        help="keep punctuation as tokens of its own, as CollateX's tokenizer does "
                             "(by default tables are compared on words only)")
    args = parser.parse_args()
    global TOKEN
    TOKEN = WITH_PUNCTUATION if args.punctuation else WORD_PIECE
    with tempfile.TemporaryDirectory() as scratch:
        sdist = args.sdist or download(Path(scratch))
        files = test_files(sdist)
    tests = read_suite(files)
    plain = [t for t in tests if t.plain]
    cases = [case for t in tests for case in t.cases]
    print(f"CollateX {VERSION} test suite: {len(files)} files, {len(tests)} test functions, "
          f"{len(plain)} of them build a collation from plain witnesses; {len(cases)} expected "
          f"tables read from {sum(bool(t.cases) for t in tests)} tests.")
    print("Tokens compared: " + ("words and punctuation, each a token as CollateX tokenizes them.\n"
                                 if args.punctuation else "words only (punctuation left out of every table).\n"))

    labels = [case.name + (f" ({', '.join(case.notes)}; " if case.notes else " (")
              + f"{case.form}, {'segmented' if case.segmented else 'unsegmented'})" for case in cases]
    width = max(map(len, labels), default=10) + 2
    print(f"{'case (notes; how the test states the table)':<{width}}  collate  CollateX"
          f"  collate pairs P / R  CollateX pairs P / R")
    totals = Counter()
    shown = []
    for case, label in zip(cases, labels):
        words = [pieces(text) for _, text in case.witnesses]
        try:
            expected = canonical(indexed([[pieces(cell) for cell in row] for row in case.rows], words),
                                 words, case.segmented)
        except ValueError as problem:
            print(f"  {case.name}: skipped, the expected table: {problem}")
            totals["unreadable"] += 1
            continue
        true = len(pairs_of(expected))
        ours, theirs = compare(case, by_collate, words, expected), compare(case, by_collatex, words, expected)
        enabled = not case.notes
        for key, outcome in (("collate", ours), ("collatex", theirs)):
            totals[f"{key} exact"] += outcome.exact
            totals[f"{key} found"] += outcome.found
            totals[f"{key} hits"] += outcome.hits
            if enabled:
                totals[f"{key} exact enabled"] += outcome.exact
        totals["cases"] += 1
        totals["enabled"] += enabled
        totals["true"] += true
        mark = (lambda o: "error" if o.error else ("exact" if o.exact else "differs"))
        print(f"  {label:<{width - 2}}  {mark(ours):>7}  {mark(theirs):>8}"
              f"  {ratio(ours.hits, ours.found):>9} {ratio(ours.hits, true):>9}"
              f"  {ratio(theirs.hits, theirs.found):>10} {ratio(theirs.hits, true):>9}")
        if args.all_tables or not ours.exact or ours.columns != theirs.columns:
            shown.append((case, words, expected, ours, theirs))

    n = totals["cases"]
    print(f"\ncollate reproduces {totals['collate exact']} of {n} exactly, CollateX "
          f"{totals['collatex exact']} of {n}; pairs collate "
          f"{ratio(totals['collate hits'], totals['collate found'])}/{ratio(totals['collate hits'], totals['true'])}, "
          f"CollateX {ratio(totals['collatex hits'], totals['collatex found'])}/"
          f"{ratio(totals['collatex hits'], totals['true'])} (P/R)")
    print(f"  of the {totals['enabled']} cases from tests CollateX runs (not disabled, not nested): "
          f"collate {totals['collate exact enabled']}, CollateX {totals['collatex exact enabled']} exactly")

    skipped = [t for t in plain if not t.cases]
    print(f"\nSkipped: {len(skipped)} tests with plain witnesses gave no table"
          f" (and {len(tests) - len(plain)} tests have no plain witnesses):")
    for why, count in Counter(reason_kind(t.skipped) for t in skipped).most_common():
        print(f"  {count:3d}  {why}")
    for t in skipped:
        print(f"       {t.name}{' (' + ', '.join(t.notes) + ')' if t.notes else ''}: {t.skipped}")

    print("\nTests that expect a transposition (by their name, detect_transpositions=True, or an expected table"
          "\nwith the same words of two witnesses in crossing columns; a test only a comment of which mentions"
          "\ntransposition is listed with that reason alone):")
    for t in tests:
        if t.transposition:
            sigla = " / ".join(f"{s}: {shorten(text, 60)}" for s, text in t.witnesses) or "no plain witnesses"
            state = ("table compared above" if t.cases else f"no table compared ({t.skipped})")
            print(f"  {t.name}{' (' + ', '.join(t.notes) + ')' if t.notes else ''}: {', '.join(t.transposition)}")
            print(f"      {sigla}; {state}")

    differ = sum(item[3].columns != item[4].columns for item in shown)
    print(f"\nCases where collate differs from the expected table ({sum(not item[3].exact for item in shown)})"
          f" or from CollateX ({differ}): {len(shown)} cases, the expected table, collate's and CollateX's"
          f" one under the other:")
    for case, words, expected, ours, theirs in shown:
        sigla = [siglum for siglum, _ in case.witnesses]
        flags = []
        flags += ["collate differs from expected"] if not ours.exact else []
        flags += ["CollateX differs from expected"] if not theirs.exact else []
        flags += ["collate differs from CollateX"] if ours.columns != theirs.columns else []
        print(f"\n  {case.name}{' (' + ', '.join(case.notes) + ')' if case.notes else ''}"
              f" [{'segmented' if case.segmented else 'unsegmented'}]: {'; '.join(flags) or 'all agree'}")
        print(drawn(expected, words, sigla, "expected"))
        for label, outcome in (("collate", ours), ("CollateX", theirs)):
            print(drawn(outcome.columns, words, sigla, label) if outcome.columns is not None
                  else f"    {label:<9}{outcome.error}")
        if case.segmented and ours.columns is not None and not ours.exact:
            print("    collate's own places, before segmenting them as CollateX would:")
            print(drawn(indexed(by_collate(case), words), words, sigla, "places"))


def reason_kind(reason: str | None) -> str:
    """Return the kind of a skip reason (its text before a colon)."""
    return (reason or "unknown").split(":")[0].strip()


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main()
