"""Benchmark collate's alignment against plain CollateX on synthetic witnesses.

k witnesses of n words are built from the English prose of the seed texts with
deterministic edits (substituted words, dropped and added phrases, moved
sentences; every third witness a fragment of a few stretches). The generator records
which words correspond (every word knows the base word it stands for), and each
alignment's word pairs are scored against that truth (precision and recall). Each run
is made in a fresh child process, so its time and peak memory are its own:

    .venv/bin/python benchmarks/align_bench.py            # the full grid
    .venv/bin/python benchmarks/align_bench.py --quick    # n=1,000, k=2,5
    .venv/bin/python benchmarks/align_bench.py --sizes 10000 --witnesses 10

Memory is the child's peak resident set (getrusage ru_maxrss) minus the same
figure taken after imports and after the witnesses are built.
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
SEED = 1922
SIZES = (1_000, 10_000, 50_000)
WITNESSES = (2, 5, 10)
SEPARATOR = "\n* * *\n"
SUBSTITUTE, DROP, ADD = 0.05, 0.03, 0.03  # shares of a witness's words
MOVE_EVERY = 2_000  # one sentence moved per this many words (at least one)
FRAGMENT_EVERY = 3  # witnesses 2, 5, 8, ... are fragments
COLLATEX_LIMIT = 120.0  # seconds; plain CollateX is killed past this
# Plain CollateX aligns each witness against a graph of ~n tokens: (k-1)·n² edit-graph cells,
# ~10 µs and ~200 bytes each (measured: 1×1,000² in 7 s and 205 MB, 4×1,000² in 38 s,
# 9×1,000² in 89 s). It is not even started when its estimate passes 2.5 × the limit.
CELL_SECONDS = 10e-6
COLLATE_TIMEOUT = 300.0
CLI_WORK = "testament-1922-12-25"

Pair = tuple[int, int, int, int]  # witness a, its word index, witness b (> a), its word index


# --- the witnesses ---------------------------------------------------------------------------

def seed_words(folder: Path) -> list[str]:
    """Return the printed words of every seed file, in order, without editorial marks."""
    words = []
    for path in sorted(folder.glob("*.txt")):
        for word in path.read_text(encoding="utf-8").split():
            word = re.sub(r"[\[\]*…]|\.{3,}", "", word)  # no insertions, cuts or separators
            if re.search(r"\w", word):
                words.append(word)
    return words


Word = tuple[str, int | None, bool]  # printed word, index of its source word (None: added), moved


def sentences(words: list[Word]) -> list[list[Word]]:
    """Return the words cut into sentences: after each word ending in . ! or ?."""
    result: list[list[Word]] = [[]]
    for word in words:
        result[-1].append(word)
        if re.search(r"[.!?][\"”’)]*$", word[0]):
            result.append([])
    return [sentence for sentence in result if sentence]


def move_sentences(text: list[list[Word]], count: int, rng: random.Random) -> list[list[Word]]:
    """Return a copy of the sentences with `count` of them moved elsewhere; the words of a
    sentence put back where it was taken from are not marked moved."""
    text = list(text)
    for _ in range(count):
        taken = rng.randrange(len(text))
        sentence = text.pop(taken)
        put = rng.randrange(len(text) + 1)
        text.insert(put, [(word, source, True) for word, source, _ in sentence] if put != taken else sentence)
    return text


def drop_phrases(words: list[Word], total: int, rng: random.Random) -> list[Word]:
    """Return the words with phrases of 1-6 words, `total` words in all, dropped."""
    words, dropped = list(words), 0
    while dropped < total:
        size = rng.randint(1, 6)
        at = rng.randrange(len(words) - size)
        del words[at:at + size]
        dropped += size
    return words


def add_phrases(words: list[Word], source: list[str], total: int, rng: random.Random) -> list[Word]:
    """Return the words with phrases of 1-6 words from `source`, `total` words in all, added;
    an added word corresponds to no source word."""
    words, added = list(words), 0
    while added < total:
        size = rng.randint(1, 6)
        start = rng.randrange(len(source) - size)
        at = rng.randrange(len(words) + 1)
        words[at:at] = [(word, None, False) for word in source[start:start + size]]
        added += size
    return words


def edited(base: list[str], vocabulary: list[str], rng: random.Random) -> list[Word]:
    """Return one witness's words: the base text with sentences moved, words substituted,
    phrases dropped and added; each word with the index of the base word it stands for."""
    n = len(base)
    moved = move_sentences(sentences([(word, i, False) for i, word in enumerate(base)]),
                           max(1, n // MOVE_EVERY), rng)
    words = [word for sentence in moved for word in sentence]
    words = [(rng.choice(vocabulary), source, was_moved) if rng.random() < SUBSTITUTE
             else (word, source, was_moved) for word, source, was_moved in words]
    words = drop_phrases(words, round(DROP * n), rng)
    return add_phrases(words, base, round(ADD * n), rng)


def fragment(words: list[Word], rng: random.Random) -> list[list[Word]]:
    """Return 2-4 contiguous stretches of the words, in order, one from each equal part,
    each a fifth to a half of its part."""
    count = rng.randint(2, 4)
    part = len(words) // count
    stretches = []
    for p in range(count):
        size = rng.randint(part // 5, part // 2)
        start = p * part + rng.randrange(part - size)
        stretches.append(words[start:start + size])
    return stretches


@dataclass
class Truth:
    """Which words of the witnesses correspond: per witness, per word token (collate's word
    tokens, counted over all its stretches), its source position, or None for an added word,
    and the indices of its words that belong to a moved sentence.

    A source position is (index of the base word, index of the word token within that printed
    word): a printed word such as "V.I." is two word tokens."""

    sources: list[list[tuple[int, int] | None]]
    moved: list[frozenset[int]]

    def pairs(self, without_moved: bool = False) -> set[Pair]:
        """Return the true word pairs: two words of two witnesses from the same source position."""
        pairs: set[Pair] = set()
        where = [{source: i for i, source in enumerate(sources) if source is not None}
                 for sources in self.sources]
        for a, b in combinations(range(len(where)), 2):
            for source, i in where[a].items():
                j = where[b].get(source)
                if j is not None:
                    pairs.add((a, i, b, j))
        return without(pairs, self.moved) if without_moved else pairs


def without(pairs: set[Pair], moved: list[frozenset[int]]) -> set[Pair]:
    """Return the pairs neither of whose words is a moved word of its witness."""
    return {(a, i, b, j) for a, i, b, j in pairs if i not in moved[a] and j not in moved[b]}


def truth_of(witness_words: list[list[Word]]) -> Truth:
    """Return the truth of witnesses given as printed words with their sources."""
    from collate import WORD, Settings, tokenize
    settings = Settings()
    sources, moved = [], []
    for words in witness_words:
        mine, mine_moved = [], set()
        for word, source, was_moved in words:
            count = sum(token.kind == WORD for token in tokenize(word, settings))
            for t in range(count):
                if was_moved:
                    mine_moved.add(len(mine))
                mine.append(None if source is None else (source, t))
        sources.append(mine)
        moved.append(frozenset(mine_moved))
    return Truth(sources, moved)


def build(k: int, n: int, folder: Path = SEEDS):
    """Return a collate Work of k synthetic witnesses of about n words each, and its Truth.

    Witness w is the same for every k (its random generator is seeded by n and w)."""
    from collate import Witness, Work
    seed = seed_words(folder)
    base = (seed * (n // len(seed) + 1))[:n]
    vocabulary = sorted(set(seed))
    witnesses, printed = [], []
    for w in range(k):
        rng = random.Random(f"{SEED}-{n}-{w}")
        words = edited(base, vocabulary, rng)
        is_fragment = w % FRAGMENT_EVERY == FRAGMENT_EVERY - 1
        parts = fragment(words, rng) if is_fragment else [words]
        text = SEPARATOR.join(" ".join(word for word, _, _ in part) for part in parts)
        witnesses.append(Witness(f"w{w:02d}", f"W{w}", text, "fragment" if is_fragment else "complete"))
        printed.append([word for part in parts for word in part])
    return Work(f"bench-{k}x{n}", f"{k} synthetic witnesses of {n} words", tuple(witnesses)), truth_of(printed)


def build_work(k: int, n: int, folder: Path = SEEDS):
    """Return a collate Work of k synthetic witnesses of about n words each."""
    return build(k, n, folder)[0]


# --- aligned word pairs ----------------------------------------------------------------------

Column = list[tuple[int, list[int]]]  # per witness present: its word indices in the column


def pairs_of(columns: Iterable[Column]) -> set[Pair]:
    """Return the aligned word pairs: for each column, each two witnesses present in it."""
    pairs: set[Pair] = set()
    for column in columns:
        for (a, left), (b, right) in combinations(column, 2):
            pairs.update((a, i, b, j) for i in left for j in right)
    return pairs


def stretch_offsets(units) -> list[list[int]]:
    """Return, per witness and stretch, the index of the stretch's first word in the witness."""
    offsets = []
    for stretches in units:
        sizes = [len(stretch) for stretch in stretches]
        offsets.append([sum(sizes[:s]) for s in range(len(sizes))])
    return offsets


def collate_columns(collation, offsets: list[list[int]]) -> Iterator[Column]:
    """Return collate's places as columns of word indices (words counted stretch by stretch)."""
    from collate import WORD
    read = [defaultdict(int) for _ in offsets]  # words read so far, per witness and stretch
    for place in collation.places:
        column = []
        for w, cell in enumerate(place.cells):
            count = sum(token.kind == WORD for token in cell.tokens)
            if count:
                first = offsets[w][cell.stretch] + read[w][cell.stretch]
                read[w][cell.stretch] += count
                column.append((w, list(range(first, first + count))))
        yield column


def collatex_columns(table: list[list]) -> Iterator[Column]:
    """Return CollateX's JSON table (one row per witness) as columns of word indices."""
    for c in range(len(table[0]) if table else 0):
        yield [(w, [token["i"] for token in row[c]]) for w, row in enumerate(table) if row[c]]


# --- one measured run (in the child process) -------------------------------------------------

def peak_mb() -> float:
    """Return the process's peak resident set so far, in MB (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    """Return the process's user and system CPU time so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measured(run: Callable[[], object]) -> tuple[object, dict]:
    """Return run()'s result and its figures: seconds (wall clock), CPU seconds, peak MB over
    the baseline, baseline."""
    base, cpu = peak_mb(), cpu_seconds()
    start = time.perf_counter()
    result = run()
    seconds = time.perf_counter() - start
    return result, {"seconds": seconds, "cpu": cpu_seconds() - cpu, "mb": peak_mb() - base, "base_mb": base}


def run_collate(work) -> tuple[set[Pair], dict, set[Pair]]:
    """Return the word pairs aligned by collate_work (alignment and classification), timed,
    and the pairs its transpositions link (see transposed_pairs)."""
    from collate import settings_for
    from collate import collate_work, witness_units
    collation, figures = measured(lambda: collate_work(work))
    units = witness_units(work, settings_for(work.regularizations))
    columns = list(collate_columns(collation, stretch_offsets(units)))
    return pairs_of(columns), figures, transposed_pairs(collation, columns)


def transposed_pairs(collation, columns: list[Column]) -> set[Pair]:
    """Return the word pairs collate's transpositions link: a transposition is two runs of
    places (the words one witness has here, and the same words where the reference has
    them); the words of any two witnesses, one in each run, are paired where their
    normalized words match (difflib's matching blocks)."""
    from difflib import SequenceMatcher
    from collate import WORD
    runs: dict[int, list[list[int]]] = defaultdict(list)
    for c, place in enumerate(collation.places):
        if place.transposition is not None:
            group = runs[place.transposition]
            if group and group[-1][-1] == c - 1:
                group[-1].append(c)
            else:
                group.append([c])

    def words(run: list[int]) -> dict[int, tuple[list[int], list[str]]]:
        found: dict[int, tuple[list[int], list[str]]] = defaultdict(lambda: ([], []))
        for c in run:
            for w, indices in columns[c]:
                norms = [t.norm for t in collation.places[c].cells[w].tokens if t.kind == WORD]
                found[w][0].extend(indices)
                found[w][1].extend(norms)
        return found
    linked: set[Pair] = set()
    for group in runs.values():
        for first, second in combinations(group, 2):
            here, there = words(first), words(second)
            for a, (left, left_norms) in here.items():
                for b, (right, right_norms) in there.items():
                    if a == b:
                        continue
                    blocks = SequenceMatcher(None, left_norms, right_norms, autojunk=False).get_matching_blocks()
                    for i, j, size in blocks:
                        for d in range(size):
                            x, y = left[i + d], right[j + d]
                            linked.add((a, x, b, y) if a < b else (b, y, a, x))
    return linked


def collatex_input(work) -> dict:
    """Return CollateX's input: per witness one token per unit, t = n = collate's key, i = index."""
    from collate import settings_for
    from collate import witness_units
    witnesses = []
    for w, stretches in enumerate(witness_units(work, settings_for(work.regularizations))):
        keys = [unit.key or f"\x00{w}.{i}" for i, unit in enumerate(u for s in stretches for u in s)]
        tokens = [{"t": key, "n": key, "i": i} for i, key in enumerate(keys)]
        witnesses.append({"id": work.witnesses[w].id, "tokens": tokens})
    return {"witnesses": witnesses}


def run_collatex(work) -> tuple[set[Pair], dict, None]:
    """Return the word pairs aligned by plain CollateX on collate's tokens, timed."""
    from collatex import Collation, collate
    data = collatex_input(work)

    def run():
        output = collate(Collation.create_from_dict(data), output="json", segmentation=False)
        return json.loads(output)["table"]
    table, figures = measured(run)
    return pairs_of(collatex_columns(table)), figures, None


def scores(found: set[Pair], truth: Truth, linked: set[Pair] | None = None) -> dict:
    """Return precision and recall of the aligned pairs against the truth, counting every true
    pair, and again without the words of moved sentences (in the found pairs and the true);
    with `linked` (the pairs transpositions link), also of the aligned and linked pairs together
    against every true pair."""
    figures = {}
    if linked is not None:
        true, mine = truth.pairs(), found | linked
        hits = len(mine & true)
        figures |= {"precision_linked": hits / len(mine) if mine else 1.0,
                    "recall_linked": hits / len(true) if true else 1.0, "linked_pairs": len(linked - found)}
    for suffix, true, mine in (("", truth.pairs(), found),
                               ("_unmoved", truth.pairs(without_moved=True), without(found, truth.moved))):
        hits = len(mine & true)
        figures |= {f"precision{suffix}": hits / len(mine) if mine else 1.0,
                    f"recall{suffix}": hits / len(true) if true else 1.0,
                    f"true_pairs{suffix}": len(true)}
    return figures


def child(engine: str, k: int, n: int, folder: Path, pairs_out: str | None) -> None:
    """Build the witnesses, say "ready", run one engine, print its figures as JSON: time,
    memory, and the precision and recall of its aligned pairs against the truth."""
    import collate  # noqa: F401  (imports before the baseline)
    import collatex  # noqa: F401
    work, truth = build(k, n, folder)
    print("ready", flush=True)
    pairs, figures, linked = (run_collate if engine == "collate" else run_collatex)(work)
    figures["pairs"] = len(pairs)
    figures |= scores(pairs, truth, linked)
    if pairs_out:
        Path(pairs_out).write_bytes(pickle.dumps(pairs, protocol=pickle.HIGHEST_PROTOCOL))
    print(json.dumps(figures), flush=True)


# --- the grid (in the parent process) --------------------------------------------------------

def spawn(engine: str, k: int, n: int, folder: Path, timeout: float, pairs_out: str | None) -> dict | None:
    """Return one child run's figures, or None when it ran past `timeout` seconds (then killed).

    The clock starts once the child has built its witnesses."""
    command = [sys.executable, __file__, "--child", engine, "-k", str(k), "-n", str(n),
               "--seeds", str(folder), *(["--pairs-out", pairs_out] if pairs_out else [])]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    if process.stdout.readline().strip() != "ready":
        raise RuntimeError(f"{engine} k={k} n={n}: the child failed before its run")
    try:
        out, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        return None
    if process.returncode:
        raise RuntimeError(f"{engine} k={k} n={n}: the child exited with {process.returncode}")
    return json.loads(out.strip().splitlines()[-1])


def collatex_estimate(k: int, n: int) -> float:
    """Return the estimated seconds of plain CollateX: (k-1)·n² edit-graph cells."""
    return (k - 1) * n * n * CELL_SECONDS


def collatex_planned(k: int, n: int) -> bool:
    """Return whether plain CollateX is worth starting: its estimate is under 2.5 × the limit."""
    return collatex_estimate(k, n) <= 2.5 * COLLATEX_LIMIT


@dataclass
class Row:
    """One (k, n) cell of the grid: each engine's figures (None: timed out; absent: skipped)."""

    k: int
    n: int
    collate: dict | None
    collatex: dict | None | str  # "skipped" when not started
    agreed: int | None = None


def bench(k: int, n: int, folder: Path, collate_timeout: float, scratch: Path) -> Row:
    """Return the measured row for k witnesses of n words."""
    if not collatex_planned(k, n):
        return Row(k, n, spawn("collate", k, n, folder, collate_timeout, None), "skipped")
    mine, theirs = scratch / f"collate-{k}-{n}.pickle", scratch / f"collatex-{k}-{n}.pickle"
    collatex = spawn("collatex", k, n, folder, COLLATEX_LIMIT, str(theirs))
    collate = spawn("collate", k, n, folder, collate_timeout, str(mine) if collatex else None)
    row = Row(k, n, collate, collatex)
    if collate and collatex:
        row.agreed = len(pickle.loads(mine.read_bytes()) & pickle.loads(theirs.read_bytes()))
    return row


# --- printing --------------------------------------------------------------------------------

COLUMNS = ("k", "n", "collate s", "cpu s", "MB", "P %", "R %", "P* %", "R* %", "PT %", "RT %",
           "collatex s", "MB", "P %", "R %", "P* %", "R* %", "pairs agreed", "jaccard")
WIDTHS = (3, 7, 9, 6, 6, 6, 6, 6, 6, 6, 6, 23, 6, 6, 6, 6, 6, 12, 7)


def figure(run: dict | None, key: str, form: str) -> str:
    """Return one figure of a run, formatted; "-" for a run that has none."""
    return form.format(run[key]) if isinstance(run, dict) and key in run else "-"


def collatex_seconds(row: Row) -> str:
    """Return plain CollateX's time, or why there is none."""
    if row.collatex is None:
        return f"skipped (>{COLLATEX_LIMIT:.0f} s)"
    if row.collatex == "skipped":
        return f"skipped (est {collatex_estimate(row.k, row.n):,.0f} s)"
    return figure(row.collatex, "seconds", "{:.2f}")


def quality(run: dict | None, linked: bool = False) -> list[str]:
    """Return a run's precision and recall, then both without the moved words (and, for
    collate, both with the pairs its transpositions link), in per cent."""
    keys = ("precision", "recall", "precision_unmoved", "recall_unmoved")
    keys += ("precision_linked", "recall_linked") if linked else ()
    return [figure(run, key, "{:.2%}").rstrip("%") for key in keys]


def cells(row: Row) -> list[str]:
    """Return the printed cells of a row."""
    ours, theirs, agreed = row.collate, row.collatex, row.agreed
    union = ours["pairs"] + theirs["pairs"] - agreed if agreed is not None else 0
    return [str(row.k), f"{row.n:,}",
            figure(ours, "seconds", "{:.2f}") if ours else "timeout", figure(ours, "cpu", "{:.2f}"),
            figure(ours, "mb", "{:.1f}"), *quality(ours, linked=True),
            collatex_seconds(row), figure(theirs, "mb", "{:.1f}"), *quality(theirs),
            "-" if agreed is None else f"{agreed:,}", f"{agreed / union:.3f}" if union else "-"]


def line(values: Iterable[str]) -> str:
    """Return one table line, each value right-aligned in its column."""
    return "  ".join(value.rjust(width) for value, width in zip(values, WIDTHS))


def print_header(folder: Path) -> None:
    """Print what is measured and how, then the table's head."""
    print(f"""\
Witnesses: the words of {folder}/*.txt, repeated to n; per witness {SUBSTITUTE:.0%} of words
  substituted, {DROP:.0%} dropped and {ADD:.0%} added as phrases of 1-6 words, one sentence moved
  per {MOVE_EVERY:,} words (at least one); every {FRAGMENT_EVERY}rd witness a fragment of 2-4
  stretches (random seed {SEED}).
collate: collate.collate_work (tokenize, align, classify).
collatex: plain CollateX, collate(..., output="json", segmentation=False), one token per
  collate unit (t = n = its key); killed past {COLLATEX_LIMIT:.0f} s, not started when the estimate
  (k-1)·n² edit-graph cells × {CELL_SECONDS * 1e6:.0f} µs is past {2.5 * COLLATEX_LIMIT:.0f} s.
s: time.perf_counter around the run, each run in a fresh child process; cpu s: the child's
  user + system CPU time over the same span (the wall clock counts waits for a busy CPU).
MB: peak RSS growth during the run (getrusage ru_maxrss after the run minus before it;
  imports done and witnesses built before).
pairs: (witness a, word i, witness b, word j) in one column; jaccard = agreed / union.
P, R: precision and recall of the aligned pairs against the truth of the generator (a pair is
  true when both words stand for the same word of the base text: a substituted word for the
  word it replaces, a word of a moved sentence for itself, an added word for none).
P*, R*: the same without the words of moved sentences (no column can hold them).
PT, RT: collate's aligned pairs together with the pairs its transpositions link (words of a
  run of places one witness has moved, matched to the same words where the reference has
  them), against every true pair.
""")
    print(line(COLUMNS))
    print(line("-" * width for width in WIDTHS))


# --- the end-to-end command and the targets --------------------------------------------------

def time_cli(work_id: str, runs: int = 3) -> list[tuple[float, float]] | None:
    """Return the wall and CPU times of `collate WORK --out TMP` run from the project root,
    or None when the work or the command is not there."""
    command = ROOT / ".venv" / "bin" / "collate"
    if not (ROOT / "witnesses" / work_id).is_dir() or not command.exists():
        return None
    times = []

    def children_cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime
    with tempfile.TemporaryDirectory() as out:
        for _ in range(runs):
            start, cpu = time.perf_counter(), children_cpu()
            subprocess.run([str(command), work_id, "--out", out], cwd=ROOT, check=True, capture_output=True)
            times.append((time.perf_counter() - start, children_cpu() - cpu))
    return times


def cli_target(cli: list[tuple[float, float]] | None) -> str:
    """Return the line for the end-to-end target: `collate testament-1922-12-25` under 1 s."""
    head = f"collate {CLI_WORK} end to end < 1 s:"
    if not cli:
        return f"{head} not timed (--no-cli, or no witnesses/{CLI_WORK} or .venv/bin/collate)"
    median = statistics.median(wall for wall, _ in cli)
    return (f"{head} median {median:.2f} s, best {min(wall for wall, _ in cli):.2f} s of {len(cli)}"
            f" (CPU median {statistics.median(cpu for _, cpu in cli):.2f} s)"
            f" -> {'met' if median < 1 else 'MISSED'}")


def size_target(run: dict | None) -> str:
    """Return the line for the size target: 10 × 10,000 words under 10 s and 500 MB in all."""
    head = "10 x 10,000 words < 10 s and < 500 MB:"
    if run is None:
        return f"{head} timeout -> MISSED"
    total = run["base_mb"] + run["mb"]
    met = run["seconds"] < 10 and total < 500
    return (f"{head} {run['seconds']:.2f} s ({run['cpu']:.2f} s CPU), {run['mb']:.1f} MB over the baseline"
            f" ({total:.0f} MB peak RSS in all) -> {'met' if met else 'MISSED'}")


def quality_target(run: dict | None) -> str:
    """Return the line for the quality target: precision and recall at least 99 % at k = 10,
    n = 10,000, counting the moved words as the truth has them and without them."""
    head = "10 x 10,000 words precision and recall >= 99 %:"
    if run is None:
        return f"{head} timeout -> MISSED"
    parts = []
    for label, suffix in (("as the truth counts", ""), ("without moved words", "_unmoved")):
        p, r = run[f"precision{suffix}"], run[f"recall{suffix}"]
        parts.append(f"{label} P {p:.2%} R {r:.2%} -> {'met' if min(p, r) >= 0.99 else 'MISSED'}")
    p, r = run["precision_linked"], run["recall_linked"]
    parts.append(f"(with the pairs collate's transpositions link: P {p:.2%} R {r:.2%}; "
                 f"true pairs with no moved word: {run['true_pairs_unmoved'] / run['true_pairs']:.2%} of all,"
                 f" about the most recall columns can reach as the truth counts)")
    return f"{head} " + ";\n    ".join(parts)


def print_targets(rows: list[Row], cli: list[tuple[float, float]] | None) -> None:
    """Print each target of the issue with the measured figure and whether it is met."""
    print("\nTargets:")
    print("  " + cli_target(cli))
    for row in rows:
        if (row.k, row.n) == (10, 10_000):
            print("  " + size_target(row.collate))
            print("  " + quality_target(row.collate))


# --- the command line ------------------------------------------------------------------------

def arguments() -> argparse.Namespace:
    """Return the parsed command line."""
    def numbers(text: str) -> tuple[int, ...]:
        return tuple(int(part.replace("_", "")) for part in text.split(","))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="only n=1,000 and k=2,5 (a smoke run)")
    parser.add_argument("--sizes", type=numbers, default=SIZES, help="words per witness, e.g. 1000,10000")
    parser.add_argument("--witnesses", type=numbers, default=WITNESSES, help="witness counts, e.g. 2,5,10")
    parser.add_argument("--seeds", type=Path, default=SEEDS, help="folder of seed texts (*.txt)")
    parser.add_argument("--collate-timeout", type=float, default=COLLATE_TIMEOUT,
                        help="seconds before a collate run is killed (default %(default)s)")
    parser.add_argument("--no-cli", action="store_true", help=f"do not time `collate {CLI_WORK}`")
    parser.add_argument("--child", choices=("collate", "collatex"), help=argparse.SUPPRESS)
    parser.add_argument("-k", type=int, help=argparse.SUPPRESS)
    parser.add_argument("-n", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--pairs-out", help=argparse.SUPPRESS)
    return parser.parse_args()


def main() -> None:
    """Run the grid (or, as a child, one measured run) and print the table and targets."""
    args = arguments()
    if args.child:
        return child(args.child, args.k, args.n, args.seeds, args.pairs_out)
    sizes, counts = ((1_000,), (2, 5)) if args.quick else (args.sizes, args.witnesses)
    print_header(args.seeds)
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        for n in sizes:
            for k in counts:
                rows.append(bench(k, n, args.seeds, args.collate_timeout, Path(scratch)))
                print(line(cells(rows[-1])), flush=True)
    print_targets(rows, None if args.no_cli else time_cli(CLI_WORK))


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
