"""The TEI as the tools scholars use read it: teiphy (stemmatics), a Versioning Machine-like reader, CETEIcean."""

from __future__ import annotations

import json
from functools import cache

import pytest
import regex
from lxml import etree
from teiphy import Collation as TeiphyCollation

from collate import load_work, outputs_of, split_text, work_ids
from conftest import WITNESSES

NS = {"t": "http://www.tei-c.org/ns/1.0"}
WORKS = work_ids(WITNESSES)
ACTIVE = ("present", "omitted")


@cache
def outputs(work_id: str, explicit_inactive: bool = False) -> tuple[dict, bytes]:
    """Return a corpus work's JSON (parsed) and TEI, against its reference."""
    files = outputs_of(load_work(WITNESSES, work_id), explicit_inactive=explicit_inactive)
    return json.loads(files[f"{work_id}.json"]), files[f"{work_id}.tei.xml"]


def nexus_matrix(tei: bytes, folder) -> dict[str, list[str]]:
    """Return teiphy's NEXUS matrix: per witness id, its state in each character."""
    nexus = folder / "collation.nex"
    TeiphyCollation(etree.ElementTree(etree.fromstring(tei))).to_nexus(str(nexus))
    rows = nexus.read_text(encoding="utf-8").split("Matrix")[1].split(";")[0].split()
    return {rows[i]: regex.findall(r"\{[^}]*\}|\([^)]*\)|.", rows[i + 1]) for i in range(0, len(rows), 2)}


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
        texts: dict[str, set] = {}
        for w in ids:
            if cells[w]["status"] in ACTIVE:
                texts.setdefault(" ".join("".join(t["t"] for t in cells[w].get("tokens", [])).split()), set()).add(w)
        readings = [frozenset(g) for g in texts.values()]
    return frozenset(readings), frozenset(w for w in ids if cells[w]["status"] not in ACTIVE)


@pytest.mark.parametrize("work_id", WORKS)
def test_teiphy_gives_every_reading_its_own_id_and_the_states_the_alignment_implies(work_id, tmp_path):
    document, tei = outputs(work_id)
    units = TeiphyCollation(etree.ElementTree(etree.fromstring(tei))).variation_units
    assert [vu.id for vu in units if len({r.id for r in vu.readings}) < len(vu.readings)] == []
    matrix = nexus_matrix(tei, tmp_path)
    columns = {vu.id: partition({w: states[c] for w, states in matrix.items()}) for c, vu in enumerate(units)}
    assert columns == {vu.id: implied(document, vu.id) for vu in units}


def shown(element) -> str:
    """Return the text a browser shows for an element's content, marks printed as the quoting author did."""
    name = etree.QName(element).localname
    inner = (element.text or "") + "".join(shown(child) + (child.tail or "") for child in element)
    return f"[{inner}]" if element.get("rend") == "square-brackets" and name in ("supplied", "ref") else inner


def panel(tei: bytes, witness: str) -> str:
    """Return what a Versioning Machine panel shows for a witness: text outside apps and its own readings
    (each trimmed, as VM does), milestones ignored, spacing collapsed as a browser does."""
    parts: list[str] = []

    def read(element) -> None:
        parts.append(element.text or "")
        for child in element:
            name = etree.QName(child).localname
            if name == "app":
                parts.extend(shown(r).strip() for r in child.xpath(".//t:lem | .//t:rdg", namespaces=NS)
                             if f"#{witness}" in r.get("wit").split())
            elif name in ("witStart", "witEnd", "lacunaStart", "lacunaEnd"):
                pass
            elif name in ("supplied", "ref", "ellipsis"):
                parts.append(shown(child))
            else:
                read(child)
            parts.append(child.tail or "")

    read(etree.fromstring(tei).find(".//t:body", NS))
    return " ".join("".join(parts).split())


def source(document: dict, witness: str) -> str:
    """Return a witness's file text, its stretches in the order the collation places them, spacing collapsed."""
    stretches = split_text(load_work(WITNESSES, document["work"]).witness(witness).text)
    placed = [place["cells"][witness].get("stretch") for place in document["table"]]
    order = sorted(range(len(stretches)), key=lambda s: placed.index(s) if s in placed else len(placed))
    return " ".join(" ".join(stretches[s] for s in order).split())


@pytest.mark.parametrize("work_id", WORKS)
def test_a_viewer_that_ignores_milestones_shows_each_witness_its_own_words_with_explicit_inactive(work_id):
    document, tei = outputs(work_id, explicit_inactive=True)
    ids = [w["id"] for w in document["witnesses"]]
    assert {w: panel(tei, w) for w in ids} == {w: source(document, w) for w in ids}


@pytest.mark.parametrize("work_id", WORKS)
def test_a_viewer_that_ignores_milestones_shows_a_witness_active_throughout_its_own_words(work_id):
    document, tei = outputs(work_id)
    throughout = [w["id"] for w in document["witnesses"]
                  if all(place["cells"][w["id"]]["status"] in ACTIVE for place in document["table"])]
    assert {w: panel(tei, w) for w in throughout} == {w: source(document, w) for w in throughout}
