"""The TEI as the tools scholars use read it: teiphy (stemmatics), a Versioning Machine-like reader, CETEIcean.

CETEIcean is installed from npm at test time into ~/.cache/collate-tests (the
pinned version, once); nothing third-party is kept in the repository.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest
import regex
from lxml import etree
from selenium.webdriver.support.ui import WebDriverWait
from teiphy import Collation as TeiphyCollation

from browser import chromedriver_path, chromium_driver, chromium_path

from collate import load_work, outputs_of, split_text, to_tei, work_ids
from conftest import WITNESSES
from scholar import collated

NS = {"t": "http://www.tei-c.org/ns/1.0"}
WORKS = work_ids(WITNESSES)
ACTIVE = ("present", "omitted")


@cache
def outputs(work_id: str, explicit_inactive: bool = False, lemma: bool = True) -> tuple[dict, bytes]:
    """Return a corpus work's JSON (parsed) and TEI, against its reference or with no lemma."""
    work = load_work(WITNESSES, work_id)
    files = outputs_of(work, explicit_inactive=explicit_inactive) if lemma else \
        outputs_of(work, None, explicit_inactive=explicit_inactive)
    return json.loads(files[f"{work_id}.json"]), files[f"{work_id}.tei.xml"]


def nexus_matrix(collation: TeiphyCollation, folder) -> dict[str, list[str]]:
    """Return teiphy's NEXUS matrix: per witness id, its state in each character."""
    nexus = folder / "collation.nex"
    collation.to_nexus(str(nexus))
    rows = nexus.read_text(encoding="utf-8").split("Matrix")[1].split(";")[0].split()
    return {rows[i]: regex.findall(r"\{[^}]*\}|\([^)]*\)|.", rows[i + 1]) for i in range(0, len(rows), 2)}


def trivial_partition(document: dict, app: str) -> frozenset:
    """Return the witnesses of each group of readings with the same words, for an entry."""
    readings = document["entries"][int(app[3:]) - 1]["readings"]
    return frozenset(frozenset(w for r in readings if r["group"] == g for w in r["witnesses"])
                     for g in {r["group"] for r in readings})


def partition(states: dict[str, str]) -> tuple[frozenset, frozenset]:
    """Return the witnesses that share each state, and those missing ('?')."""
    groups: dict[str, set] = {}
    for witness, state in states.items():
        groups.setdefault(state, set()).add(witness)
    return frozenset(frozenset(g) for s, g in groups.items() if s != "?"), frozenset(groups.get("?", ()))


def implied(document: dict, app: str) -> tuple[frozenset, frozenset]:
    """Return the partition the JSON implies for an app: an entry's readings, or the texts at place P."""
    table, ids = document["table"], [w["id"] for w in document["witnesses"]]
    if app.startswith("app"):
        entry = document["entries"][int(app[3:]) - 1]
        cells = table[entry["first"]]["cells"]
        readings = [frozenset(r["witnesses"]) for r in entry["readings"]]
    else:
        cells = table[int(app[5:])]["cells"]
        readings = same_texts(cells, [w for w in ids if status(cells, w) in ACTIVE])
    return frozenset(readings), frozenset(w for w in ids if status(cells, w) not in ACTIVE)


def status(cells: dict, witness: str) -> str:
    """Return a witness's status in a place's cells (a witness not quoting it has no cell there)."""
    return cells.get(witness, {"status": "not-quoted"})["status"]


def same_texts(cells: dict, witnesses: list[str]) -> list[frozenset]:
    """Return the witnesses that print the same text in a place's cells, spacing collapsed."""
    texts: dict[str, set] = {}
    for w in witnesses:
        texts.setdefault(" ".join("".join(t[0] for t in cells[w].get("tokens", [])).split()), set()).add(w)
    return [frozenset(g) for g in texts.values()]


@pytest.mark.parametrize("lemma", [True, False], ids=["lemma", "no-lemma"])
@pytest.mark.parametrize("work_id", WORKS)
def test_teiphy_gives_every_reading_its_own_id_and_the_states_the_alignment_implies(work_id, lemma, tmp_path):
    document, tei = outputs(work_id, lemma=lemma)
    collation = TeiphyCollation(etree.ElementTree(etree.fromstring(tei)))
    units = collation.variation_units
    assert [vu.id for vu in units if len({r.id for r in vu.readings}) < len(vu.readings)] == []
    matrix = nexus_matrix(collation, tmp_path)
    columns = {vu.id: partition({w: states[c] for w, states in matrix.items()}) for c, vu in enumerate(units)}
    assert columns == {vu.id: implied(document, vu.id) for vu in units}


SUBVARIANTS = ("spelling", "case", "punctuation", "editorial")


@pytest.mark.parametrize("work_id", WORKS)
def test_teiphy_collapses_each_subvariant_into_the_reading_with_its_words(work_id, tmp_path):
    document, tei = outputs(work_id)
    collation = TeiphyCollation(etree.ElementTree(etree.fromstring(tei)), trivial_reading_types=SUBVARIANTS)
    matrix = nexus_matrix(collation, tmp_path)
    entries = [(c, vu.id) for c, vu in enumerate(collation.variation_units) if vu.id.startswith("app")]
    assert {app: partition({w: states[c] for w, states in matrix.items()})[0] for c, app in entries} == {
        app: trivial_partition(document, app) for _, app in entries}


def shown(element) -> str:
    """Return the text a browser shows for an element's content, marks printed as the quoting author did."""
    name = etree.QName(element).localname
    inner = (element.text or "") + "".join(shown(child) + (child.tail or "") for child in element)
    return f"[{inner}]" if element.get("rend") == "square-brackets" and name in ("supplied", "ref") else inner


MILESTONES = ("witStart", "witEnd", "lacunaStart", "lacunaEnd")


def panel(tei: bytes, witness: str) -> str:
    """Return what a Versioning Machine panel shows for a witness, spacing collapsed as a browser does."""
    return " ".join("".join(panel_parts(etree.fromstring(tei).find(".//t:body", NS), witness)).split())


def panel_parts(element, witness: str) -> list[str]:
    """Return the texts a panel shows under an element: text outside apps and the witness's own readings, each
    trimmed as VM does; milestones ignored."""
    parts = [element.text or ""]
    for child in element:
        name = etree.QName(child).localname
        if name == "app":
            parts += [shown(r).strip() for r in child.xpath(".//t:lem | .//t:rdg", namespaces=NS)
                      if f"#{witness}" in r.get("wit").split()]
        elif name in ("supplied", "ref", "ellipsis"):
            parts.append(shown(child))
        elif name not in MILESTONES:
            parts += panel_parts(child, witness)
        parts.append(child.tail or "")
    return parts


def source(document: dict, witness: str) -> str:
    """Return a witness's file text, its stretches in the order the collation places them, spacing collapsed."""
    stretches = split_text(load_work(WITNESSES, document["work"]).witness(witness).text)
    placed = [place["cells"].get(witness, {}).get("stretch") for place in document["table"]]
    order = sorted(range(len(stretches)), key=lambda s: placed.index(s) if s in placed else len(placed))
    return " ".join(" ".join(stretches[s] for s in order).split())


@pytest.mark.parametrize("lemma", [True, False], ids=["lemma", "no-lemma"])
@pytest.mark.parametrize("work_id", WORKS)
def test_a_viewer_that_ignores_milestones_shows_each_witness_its_own_words_with_explicit_inactive(work_id, lemma):
    document, tei = outputs(work_id, explicit_inactive=True, lemma=lemma)
    ids = [w["id"] for w in document["witnesses"]]
    assert {w: panel(tei, w) for w in ids} == {w: source(document, w) for w in ids}


@pytest.mark.parametrize("work_id", WORKS)
def test_a_viewer_that_ignores_milestones_shows_a_witness_active_throughout_its_own_words(work_id):
    document, tei = outputs(work_id)
    throughout = [w["id"] for w in document["witnesses"]
                  if all(status(place["cells"], w["id"]) in ACTIVE for place in document["table"])]
    assert {w: panel(tei, w) for w in throughout} == {w: source(document, w) for w in throughout}


CETEICEAN = "1.9.5"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "collate-tests" / f"ceteicean-{CETEICEAN}"
PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><script>
window.problems = [];
addEventListener("error", e => problems.push(String(e.message)));
addEventListener("unhandledrejection", e => problems.push(String(e.reason)));
</script><script src="CETEI.js"></script></head><body><script>
new CETEI().makeHTML5(TEI_SOURCE, html => { document.body.appendChild(html); window.rendered = true; });
</script></body></html>"""


def need(found, what: str) -> None:
    """Skip when a tool is missing; fail instead when CI is set."""
    if not found:
        if os.environ.get("CI"):
            pytest.fail(f"{what} is not installed, and CI must not skip this test")
        pytest.skip(f"{what} is not installed")


@pytest.fixture(scope="module")
def ceteicean() -> Path:
    """Return CETEIcean's browser build, installed from npm into the user's cache once (pinned version)."""
    need(shutil.which("npm"), "npm")
    script = CACHE / "node_modules" / "CETEIcean" / "dist" / "CETEI.js"
    if not script.is_file():
        subprocess.run(["npm", "install", "--prefix", str(CACHE), "--no-audit", "--no-fund", "--no-save",
                        f"CETEIcean@{CETEICEAN}"], check=True, capture_output=True)
    return script


@pytest.fixture(scope="module")
def browser():
    """Return a headless Chromium session."""
    need(chromium_path() and chromedriver_path(), "chromium or chromedriver")
    driver = chromium_driver()
    yield driver
    driver.quit()


def render(browser, ceteicean: Path, folder: Path, tei: bytes) -> None:
    """Open a page that renders the TEI with CETEIcean; assert that no error was logged or thrown."""
    shutil.copy(ceteicean, folder / "CETEI.js")
    page = folder / "page.html"
    page.write_text(PAGE.replace("TEI_SOURCE", json.dumps(tei.decode("utf-8")).replace("</", "<\\/")),
                    encoding="utf-8")
    browser.get(page.as_uri())
    WebDriverWait(browser, 20).until(lambda driver: driver.execute_script("return window.rendered === true"))
    errors = [entry["message"] for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert (errors, browser.execute_script("return window.problems")) == ([], [])
    assert browser.execute_script("return document.querySelector('parsererror, tei-body') ?.localName") == "tei-body"


@pytest.mark.parametrize("work_id", WORKS)
def test_ceteicean_renders_every_work_without_errors_and_with_every_witness(work_id, ceteicean, browser, tmp_path):
    document, tei = outputs(work_id)
    render(browser, ceteicean, tmp_path, tei)
    ids = [w["id"] for w in document["witnesses"]]
    assert browser.execute_script("return arguments[0].filter(id => !document.getElementById(id))", ids) == []
    assert browser.execute_script("return document.querySelectorAll('tei-app').length") == len(
        etree.fromstring(tei).findall(".//t:app", NS))


def test_ceteicean_shows_no_stray_pointers_of_a_transposition(ceteicean, browser, tmp_path):
    tei = to_tei(collated("Stalin is too rude. This defect becomes unbearable in the office. Therefore remove him.",
                          "This defect becomes unbearable in the office. Stalin is too rude. Therefore remove him."),
                 "w0")
    assert b"<listTranspose>" in tei
    render(browser, ceteicean, tmp_path, tei)
    assert browser.execute_script("return document.querySelector('tei-text').textContent.includes('#app')") is False
