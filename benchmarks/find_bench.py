"""Benchmark of `collate find`: recall and precision on generated sources, speed per core,
the seeds end to end, and a generated library (optionally on a local dask cluster too).

    .venv/bin/python benchmarks/find_bench.py                      # ~3 min: 100 sources, 100 MB library
    .venv/bin/python benchmarks/find_bench.py --library-mb 1000    # the issue's 1 GB library
    .venv/bin/python benchmarks/find_bench.py --dask               # the library on a local cluster too

Generated sources: the project's witness texts, cut, wrapped, hyphenated and re-punctuated,
embedded at random places in Python's documentation prose (tests/find_generated.py). A
quotation is found when a stretch of a hit has its first and last line; a hit is false
when it overlaps no embedded quotation of its work.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from find_generated import generated, library, prose_words  # noqa: E402

from collate.corpus import load_work, work_ids  # noqa: E402
from collate.find import hits_in_page, index_of  # noqa: E402
from collate.find.page import Page  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
BIG_WORKS = ("letter-1923-03-05", "reply-1923-03-07", "testament-1922-12-25", "speech-1927-10-23")


def scored(works, sources: int, prose) -> dict:
    """Return recall, false hits and speed over generated sources, every work searched in each."""
    found = total = false = words = size = 0
    seconds = 0.0
    indexes = [index_of(work) for work in works]
    for seed in range(sources):
        source = generated(works, 1000 + seed, prose=prose)
        words, size = words + source.prose_words, size + len(source.text.encode())
        for index in indexes:
            start = time.process_time()
            hits = hits_in_page(Page("generated.txt", source.text), index)
            seconds += time.process_time() - start
            truth = {(q.first_line, q.last_line) for q in source.quotations if q.work == index.work}
            lines = {(s.first_line, s.last_line) for hit in hits for s in hit.stretches}
            found, total = found + len(truth & lines), total + len(truth)
            false += sum(not any(a <= hit.last_line and hit.first_line <= b for a, b in truth) for hit in hits)
    return {"quotations": total, "found": found, "recall": found / total, "false_hits": false,
            "false_per_million_words": false / (words * len(works)) * 1e6, "prose_words": words,
            "mb_per_s_per_core": size * len(works) / seconds / 1e6}


def seeds_end_to_end() -> dict:
    """Return the wall time of `collate find WORK seeds` for each of the four big works."""
    times = {}
    for work in BIG_WORKS:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "collate", "find", work, str(SEEDS)], cwd=ROOT, check=True,
                       capture_output=True)
        times[work] = round(time.perf_counter() - start, 2)
    return times


def timed_run(arguments: list[str]) -> tuple[float, float, str]:
    """Return wall seconds and peak memory (MB) of one `collate find` run, and its output.

    The peak is the largest of this process's children so far: keep this process small, for a
    child forked from it counts its memory until it starts `collate`.
    """
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "collate", "find", *arguments], cwd=ROOT, check=True,
                          capture_output=True, text=True)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return time.perf_counter() - start, peak, done.stdout


def library_run(works, megabytes: int, jobs: int, use_dask: bool, prose) -> dict:
    """Return the time, memory, recall and speed of a search of a generated library of about `megabytes`."""
    work = works[BIG_WORKS.index("testament-1922-12-25")]
    with tempfile.TemporaryDirectory() as folder:
        documents = max(1, megabytes * 10)  # about 100 KB each
        start = time.perf_counter()
        truth = library(Path(folder), works, documents, paragraphs=140, prose=prose)
        made = time.perf_counter() - start
        size = sum(path.stat().st_size for path in Path(folder).iterdir())
        out = Path(folder) / "hits.json"
        seconds, peak, _ = timed_run([work.id, folder, "--jobs", str(jobs), "--json", str(out)])
        hits = json.loads(out.read_text(encoding="utf-8"))["hits"]
        result = {"documents": documents, "mb": round(size / 1e6, 1), "generated_in_s": round(made, 1),
                  "seconds": round(seconds, 1), "jobs": jobs, "peak_mb_any_child": round(peak),
                  "mb_per_s": round(size / 1e6 / seconds, 2), "mb_per_s_per_core": round(size / 1e6 / seconds / jobs, 2),
                  **library_recall(truth, hits, work.id)}
        if use_dask:
            result["dask"] = dask_run(work.id, folder, out)
        return result


def library_recall(truth, hits: list[dict], work_id: str) -> dict:
    """Return how many of the library's quotations of the work the hits found, and the false hits."""
    lines = {(Path(h["source"]).name, s["first_line"], s["last_line"]) for h in hits for s in h["stretches"]}
    quotations = {(name, q.first_line, q.last_line) for name, embedded in truth.items()
                  for q in embedded if q.work == work_id}
    places = {(name, q.first_line, q.last_line) for name, embedded in truth.items() for q in embedded}
    false = [h for h in hits if not any(n == Path(h["source"]).name and a <= h["last_line"] and h["first_line"] <= b
                                        for n, a, b in places)]
    return {"quotations": len(quotations), "found": len(quotations & lines), "false_hits": len(false)}


def dask_run(work_id: str, folder: str, here: Path) -> dict:
    """Return the time of the same search on a local cluster of two workers, and whether the hits are equal."""
    from distributed import LocalCluster
    with LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None) as cluster:
        there = Path(folder) / "dask.json"
        seconds, _, _ = timed_run([work_id, folder, "--scheduler", cluster.scheduler_address, "--json", str(there)])
    return {"seconds": round(seconds, 1), "same_hits": there.read_bytes() == here.read_bytes()}


def main() -> None:
    """Run the measures asked for and print them as JSON."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sources", type=int, default=100,
                        help="generated sources for recall and precision (0: neither they nor the seeds)")
    parser.add_argument("--library-mb", type=int, default=100, help="size of the generated library (0: none)")
    parser.add_argument("--jobs", type=int, default=2, help="processes for the library search")
    parser.add_argument("--dask", action="store_true", help="search the library on a local dask cluster too")
    options = parser.parse_args()
    works = tuple(load_work(ROOT / "witnesses", work_id) for work_id in work_ids(ROOT / "witnesses"))
    prose = prose_words()
    if options.sources:
        report = {"generated": scored(works, options.sources, prose), "seeds_seconds": seeds_end_to_end()}
        print(json.dumps(report, indent=1), flush=True)
    if options.library_mb:
        big = tuple(work for work in works if work.id in BIG_WORKS)
        print(json.dumps({"library": library_run(big, options.library_mb, options.jobs, options.dask, prose)},
                         indent=1))


if __name__ == "__main__":
    main()
