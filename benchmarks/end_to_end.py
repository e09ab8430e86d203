"""Benchmark the command a user runs, end to end, and each of its stages.

Every case writes its witnesses as text files and runs `collate compare FILES --out DIR`
in a fresh process (wall time, peak resident memory, output sizes); with `--stages` a
second child runs the public API stage by stage on the same files (tokenize, align,
apparatus, JSON, TEI, HTML), timing each and the peak memory after it; with `--browser` the
page is opened in headless Chromium (tests/browser.py): seconds to its load event, with the
first rows drawn, and then to show its last row.

    .venv/bin/python benchmarks/end_to_end.py                 # the per-stage grid, 10k-100k words
    .venv/bin/python benchmarks/end_to_end.py --targets       # the issue's targets
    .venv/bin/python benchmarks/end_to_end.py --case bible-2x40000 --stages --browser

The texts: `synthetic-*` are built by align_bench's generator from the seed texts (edited
copies: words substituted, phrases dropped and added, sentences moved); `bible-*` are two
public-domain English translations of one book, the King James Version and the World
English Bible, from Genesis on, as Debian's `sword-text-kjv` and `sword-text-web` ship them
(read with `diatheke`: `apt-get install sword-text-kjv sword-text-web diatheke`).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from align_bench import ROOT, SEEDS, SEPARATOR, edited, seed_words  # noqa: E402

COLLATE = ROOT / ".venv" / "bin" / "collate"
BIBLES = {"kjv": "engKJV2006eb", "web": "engWEB2015eb"}  # Debian's module names
BOOKS = "Genesis 1:1 - Deuteronomy 34:12"  # about 150,000 words: enough for 100,000
VERSE = re.compile(r"^(?P<book>[1-3]? ?[A-Z][a-z]+) (?P<chapter>\d+):\d+: ?(?P<text>.*)$")
STAGES = ("load", "tokenize", "align", "apparatus", "json", "tei", "html")
GRID = ("synthetic-2x10000", "synthetic-2x30000", "synthetic-2x100000",
        "bible-2x10000", "bible-2x30000", "bible-2x100000")
TARGETS = {  # case: (seconds, MB) the issue asks for, end to end
    "testament": (1, None), "bible-2x40000": (8, None), "synthetic-10x10000": (10, None),
    "books-6x100000": (60, 2048), "synthetic-2x5MB": (300, 4096), "synthetic-30MB+fragment": (120, 4096),
}
Witnesses = list[tuple[str, str, str]]  # (file name, text, kind)


# --- the texts --------------------------------------------------------------------------------

def bible(translation: str) -> list[str]:
    """Return a translation's chapters from Genesis on, each as one paragraph of its verses."""
    out = subprocess.run(["diatheke", "-b", BIBLES[translation], "-f", "plain", "-k", BOOKS],
                         capture_output=True, text=True, check=True).stdout
    chapters: dict[tuple[str, str], list[str]] = {}
    for line in out.splitlines():
        verse = VERSE.match(line.strip())
        if verse:
            chapters.setdefault((verse["book"], verse["chapter"]), []).append(verse["text"].strip())
    if not chapters:
        raise SystemExit(f"no text from diatheke for {translation}: apt-get install sword-text-{translation} diatheke")
    return [" ".join(verses) for verses in chapters.values()]


def first_words(chapters: list[str], n: int) -> str:
    """Return whole chapters, then the words of the next, up to n words, paragraphs apart."""
    kept, count = [], 0
    for chapter in chapters:
        words = chapter.split()[:n - count]
        kept.append(" ".join(words))
        count += len(words)
        if count >= n:
            break
    return "\n\n".join(kept) + "\n"


def synthetic(n: int, w: int) -> str:
    """Return synthetic witness w of about n words: align_bench's edited copy of the seed prose."""
    seed = seed_words(SEEDS)
    base = (seed * (n // len(seed) + 1))[:n]
    words = edited(base, sorted(set(seed)), random.Random(f"1922-{n}-{w}"))
    return paragraphs([word for word, _, _ in words])


def paragraphs(words: list[str], size: int = 150) -> str:
    """Return words as paragraphs of `size` words."""
    return "\n\n".join(" ".join(words[i:i + size]) for i in range(0, len(words), size)) + "\n"


def repeated_seed(characters: int) -> str:
    """Return the seed prose repeated to about this many characters, unedited."""
    text = paragraphs(seed_words(SEEDS))
    return (text * (characters // len(text) + 1))[:characters].rsplit(" ", 1)[0] + "\n"


def chapters_fragment(chapters: list[str], first: int, count: int = 3) -> str:
    """Return a fragment quoting `count` chapters from `first`, the middle one left out."""
    quoted = [chapters[first], chapters[first + count - 1]]
    return SEPARATOR.join(quoted) + "\n"


def case_witnesses(case: str) -> Witnesses:
    """Return the witness files of a named case."""
    kind, shape = case.split("-", 1)
    if kind == "bible":
        n = int(shape.split("x")[1])
        return [(f"{t}.txt", first_words(bible(t), n), "complete") for t in BIBLES]
    if case == "books-6x100000":
        kjv, web = bible("kjv"), bible("web")
        fragments = [(f"fragment{i}.txt", chapters_fragment(text, first), "fragment")
                     for i, (text, first) in enumerate([(kjv, 10), (web, 40), (kjv, 70), (web, 100)])]
        return [("kjv.txt", first_words(kjv, 100_000), "complete"),
                ("web.txt", first_words(web, 100_000), "complete"), *fragments]
    if case == "synthetic-2x5MB":
        return [(f"w{w}.txt", synthetic(900_000, w), "complete") for w in range(2)]
    if case.endswith("MB+fragment"):  # synthetic-30MB+fragment, or another size
        whole = repeated_seed(int(shape.split("MB")[0]) * 2**20)
        return [("whole.txt", whole, "complete"), ("fragment.txt", synthetic(600, 1), "fragment")]
    k, n = (int(part) for part in shape.split("x"))
    return [(f"w{w}.txt", synthetic(n, w), "fragment" if w % 3 == 2 else "complete") for w in range(k)]


# --- one run in a child process -----------------------------------------------------------------

def run_child(command: list[str], timeout: float) -> tuple[float, float, str, float] | None:
    """Return a child's wall seconds, peak resident MB (its own or a forked child's), stdout and CPU seconds
    (its own and its children's), or None when killed past `timeout`."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, cwd=ROOT)
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        while not pid and time.perf_counter() - start < timeout:
            time.sleep(0.02)
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        seconds = time.perf_counter() - start
        if not pid:
            process.kill()
            os.wait4(process.pid, 0)
        process.returncode = 0  # waited for here: Popen must not wait again (nor signal a reused pid)
        if not pid:
            return None
        if os.waitstatus_to_exitcode(status):
            err.seek(0)
            raise SystemExit(f"{' '.join(command[:3])}...: exited {status}: {err.read().strip()[-800:]}")
        out.seek(0)
        return seconds, usage.ru_maxrss / 1024, out.read(), usage.ru_utime + usage.ru_stime


def write_witnesses(folder: Path, witnesses: Witnesses) -> list[str]:
    """Return the `collate compare` arguments for the witness files, written into `folder`."""
    arguments = []
    for name, text, kind in witnesses:
        (folder / name).write_text(text, encoding="utf-8")
        arguments += ["--fragment", str(folder / name)] if kind == "fragment" else ["--complete", str(folder / name)]
    (folder / "kinds.json").write_text(json.dumps({name: kind for name, _, kind in witnesses}))
    return arguments


def end_to_end(case: str, folder: Path, timeout: float) -> dict:
    """Return the command's figures for a case: seconds, peak MB, words, output sizes."""
    out = folder / "out"
    if case == "testament":
        command, words = [str(COLLATE), "testament-1922-12-25", "--out", str(out)], None
    else:
        witnesses = case_witnesses(case)
        words = [len(text.split()) for _, text, _ in witnesses]
        command = [str(COLLATE), "compare", *write_witnesses(folder, witnesses), "--out", str(out), "--force"]
    ran = run_child(command, timeout)
    figures: dict = {"case": case, "words": words}
    if ran is None:
        return figures | {"seconds": None}
    sizes = {path.name.split(".", 1)[1]: path.stat().st_size for path in out.iterdir()}
    return figures | {"seconds": ran[0], "mb": ran[1], "sizes": sizes, "cpu": ran[3]}


LAST_ROW = """
var goto = document.getElementById("goto"), rows = document.querySelectorAll("#variant-table tbody tr");
if (goto) {  // a long page: go to the last row of variation as a reader would
  goto.value = document.getElementById("shown").textContent.split(" of ")[1].split(" ")[0];
  goto.dispatchEvent(new Event("change"));
} else rows[rows.length - 1].scrollIntoView();
return document.querySelectorAll("#variant-table tbody tr").length;"""


def page_seconds(page: Path) -> tuple[float, float]:
    """Return the seconds headless Chromium takes to open a page (its load event, the first rows drawn),
    and then to show its last row."""
    sys.path.insert(0, str(ROOT / "tests"))
    from browser import chromium_driver
    driver = chromium_driver()
    try:
        start = time.perf_counter()
        driver.get(page.as_uri())
        opened = time.perf_counter() - start
        start = time.perf_counter()
        driver.execute_script(LAST_ROW)
        return opened, time.perf_counter() - start
    finally:
        driver.quit()


def stages_of(folder: Path, timeout: float) -> dict | None:
    """Return the seconds and peak MB of each stage, run through the public API in a child process."""
    ran = run_child([sys.executable, __file__, "--child", str(folder)], timeout)
    return None if ran is None else json.loads(ran[2].strip().splitlines()[-1])


def child(folder: Path) -> None:
    """Run the stages on the witness files of `folder` and print each one's seconds and peak MB as JSON."""
    from collate import apparatus_of, load_files, settings_for
    from collate.align.aligner import align
    from collate.apparatus.places import collation_of
    from collate.html.page import html_page
    from collate.model import WitnessKind, Work
    from collate.pipeline import witness_units
    from collate.tei.write import tei_document
    from collate.to_json import json_document
    kinds = {folder / name: WitnessKind(kind) for name, kind in json.loads((folder / "kinds.json").read_text()).items()}
    figures: dict = {}

    def stage(name, run):
        start = time.perf_counter()
        result = run()
        figures[name] = (time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        return result
    work = stage("load", lambda: Work("bench", "bench", load_files(tuple(kinds), kinds)))
    settings = settings_for(work.regularizations)
    units = stage("tokenize", lambda: witness_units(work, settings))
    alignment = stage("align", lambda: align(units, [w.id for w in work.witnesses], settings))
    reference = work.witnesses[alignment.reference].id
    apparatus = stage("apparatus", lambda: apparatus_of(collation_of(work, settings, alignment), reference))
    stage("json", lambda: json_document(apparatus))
    stage("tei", lambda: tei_document(apparatus))
    stage("html", lambda: html_page(apparatus))
    print(json.dumps(figures))


# --- the report --------------------------------------------------------------------------------

def megabytes(count: int | None) -> str:
    """Return a byte count in MB, one decimal."""
    return "-" if count is None else f"{count / 2**20:.1f}"


def report(run: dict, stages: dict | None) -> str:
    """Return one case as a Markdown table row: words, seconds, MB, output sizes, stage seconds."""
    words = " + ".join(f"{n:,}" for n in run["words"]) if run["words"] else "testament"
    target = TARGETS.get(run["case"])
    if run["seconds"] is None:
        return f"| {run['case']} | {words} | timeout | | | | | | |"
    met = "" if not target else (" ✓" if run["seconds"] < target[0] and (not target[1] or run["mb"] < target[1])
                                 else " ✗")
    sizes = run["sizes"]
    split = " ".join(f"{name} {stages[name][0]:.1f}" for name in STAGES) if stages else ""
    page = " (opens {:.1f} s, last row {:.1f} s)".format(*run["page"]) if "page" in run else ""
    return (f"| {run['case']} | {words} | {run['seconds']:.1f}{met} | {run['cpu']:.1f} | {run['mb']:.0f} | "
            f"{megabytes(sizes.get('json'))} | {megabytes(sizes.get('tei.xml'))} | {megabytes(sizes.get('html'))}"
            f"{page} | {split} |")


HEADER = ("| case | words | seconds | CPU s | peak MB | JSON MB | TEI MB | HTML MB | stages (s) |\n"
          "|---|---|---|---|---|---|---|---|---|")


def arguments() -> argparse.Namespace:
    """Return the command line's options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--case", action="append", help=f"a case (repeatable): {', '.join((*GRID, *TARGETS))}")
    parser.add_argument("--targets", action="store_true", help="run the issue's target cases")
    parser.add_argument("--stages", action="store_true", help="also time each stage (default for the grid)")
    parser.add_argument("--browser", action="store_true", help="also time the page in headless Chromium")
    parser.add_argument("--timeout", type=float, default=600, help="seconds before a run is killed (600)")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args()


def main() -> None:
    """Run the chosen cases and print one Markdown row per case as it finishes."""
    options = arguments()
    if options.child:
        return child(options.child)
    cases = options.case or (list(TARGETS) if options.targets else list(GRID))
    stages = options.stages or not (options.case or options.targets)
    print(HEADER, flush=True)
    for case in cases:
        with tempfile.TemporaryDirectory(prefix="collate-bench-") as folder:
            run = end_to_end(case, Path(folder), options.timeout)
            pages = list((Path(folder) / "out").glob("*.html"))
            if options.browser and pages:
                run["page"] = page_seconds(pages[0])
            split = stages_of(Path(folder), options.timeout) if stages and case != "testament" else None
            print(report(run, split), flush=True)


if __name__ == "__main__":
    main()
