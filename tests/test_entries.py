"""One number names one place of variation: entry n of the JSON is app n of the TEI and row n of the HTML."""

from __future__ import annotations

import json
import re

import pytest
from lxml import etree, html

from collate import collate_work, load_work, to_html, to_json, to_tei, work_ids
from conftest import WITNESSES

NS = {"t": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
# Marks the page adds inside a cell that are not the witness's words.
PAGE_MARKS = '[contains(@class, "st") or contains(@class, "unaligned") or contains(@class, "lack")]'


def words(text: str) -> list[str]:
    """Return the words of a text, without punctuation or marks."""
    return re.findall(r"\w+", text)


@pytest.fixture(scope="module", params=[(w, b) for w in work_ids(WITNESSES) for b in ("reference", "last")])
def outputs(request):
    """Return a work's JSON, TEI root and HTML root, against its reference or its last witness as base."""
    work_id, which = request.param
    collation = collate_work(load_work(WITNESSES, work_id))
    base = collation.reference if which == "reference" else collation.work.witnesses[-1].id
    return (json.loads(to_json(collation, base)), etree.fromstring(to_tei(collation, base)),
            html.fromstring(to_html(collation, base)))


def json_readings(document) -> dict[int, dict[str, list[str]]]:
    """Return per entry number the words of each active witness, from the JSON entries."""
    return {entry["n"]: {w: words(reading["text"]) for reading in entry["readings"] for w in reading["witnesses"]}
            for entry in document["entries"]}


def tei_readings(root) -> dict[int, dict[str, list[str]]]:
    """Return per app/@n the words of each witness, from its lem and rdg."""
    return {int(app.get("n")): {w.lstrip("#"): words("".join(reading.itertext()))
                                for reading in app.iterfind("t:*", NS) for w in reading.get("wit").split()}
            for app in root.iterfind(".//t:app[@n]", NS)}


def html_readings(root) -> dict[int, dict[str, list[str]]]:
    """Return per numbered row of the variant table the words of each witness quoting the passage."""
    ids = [" ".join(th.xpath('string(.//span[@class="wid"])').split())[:-len(" · base")] if "base" in th.get("class")
           else th.xpath('string(.//span[@class="wid"])') for th in root.xpath('//table[@id="variant-table"]/thead//th[@class]')]
    found = {}
    for row in root.xpath('//table[@id="variant-table"]/tbody/tr[contains(@class, "var")]'):
        cells = {}
        for w, cell in zip(ids, row.xpath("td")):
            kinds = cell.get("class").split()
            if "cut" in kinds or "nq" in kinds:
                continue
            for mark in cell.xpath(f".//span{PAGE_MARKS}"):
                mark.drop_tree()
            cells[w] = [] if "om" in kinds else words(cell.text_content())
        found[int(row.get("id")[1:])] = cells
    return found


def test_the_json_tei_and_html_number_the_same_places(outputs):
    document, tei, page = outputs
    numbers = [entry["n"] for entry in document["entries"]]
    assert numbers == list(range(1, len(numbers) + 1))
    assert tei.xpath("//t:app[@n]/@n", namespaces=NS) == [str(n) for n in numbers]
    assert page.xpath('//tr[contains(@class, "var")]/@id') == [f"v{n}" for n in numbers]
    assert page.xpath('//ol[@class="apparatus"]/li/@id') == [f"a{n}" for n in numbers]
    assert json_readings(document) == tei_readings(tei) == html_readings(page)


def test_the_json_table_names_each_place_of_an_entry(outputs):
    document, _, _ = outputs
    for entry in document["entries"]:
        places = [p for p, record in enumerate(document["table"]) if record.get("entry") == entry["n"]]
        assert places == list(range(entry["first"], entry["last"] + 1))


def test_an_app_that_is_no_entry_has_an_id_of_another_scheme(outputs):
    _, tei, _ = outputs
    for app in tei.iterfind(".//t:app", NS):
        expected = f"app{app.get('n')}" if app.get("n") else "place"
        assert app.get(XML_ID) == expected if app.get("n") else app.get(XML_ID).startswith(expected)
