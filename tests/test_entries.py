"""One number names one place of variation: entry n of the JSON is app n of the TEI and row n of the HTML."""

from __future__ import annotations

import json
import re

import pytest
from lxml import etree, html

from collate import Witness, Work, collate_work, load_work, to_html, to_json, to_tei, work_ids
from conftest import WITNESSES

NS = {"t": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
# Marks the page adds inside a cell that are not the witness's words.
PAGE_MARKS = '[contains(@class, "st") or contains(@class, "unaligned") or contains(@class, "lack")]'


def words(text: str) -> list[str]:
    """Return the words of a text, without punctuation or marks."""
    return re.findall(r"\w+", text)


@pytest.fixture(scope="module", params=[(w, b) for w in work_ids(WITNESSES) for b in ("reference", "last", "none")])
def outputs(request):
    """Return a work's JSON, TEI root and HTML root: against its reference, its last witness, or no lemma.

    With no lemma (`--no-lemma`) the page still reads against the reference, as `collate` writes it.
    """
    work_id, which = request.param
    collation = collate_work(load_work(WITNESSES, work_id))
    base = {"reference": collation.reference, "last": collation.work.witnesses[-1].id, "none": None}[which]
    return (json.loads(to_json(collation, base)), etree.fromstring(to_tei(collation, base)),
            html.fromstring(to_html(collation, base)))


def json_readings(document) -> dict[int, dict[str, list[str]]]:
    """Return per entry number the words of each active witness, from the JSON entries."""
    return {entry["n"]: {w: words(reading["text"]) for reading in entry["readings"] for w in reading["witnesses"]}
            for entry in document["entries"]}


def tei_readings(root) -> dict[int, dict[str, list[str]]]:
    """Return per app/@n the words of each witness, from its lem and rdg."""
    return {int(app.get("n")): {w.lstrip("#"): words("".join(reading.itertext()))
                                for reading in app.xpath(".//t:lem | .//t:rdg", namespaces=NS)
                                for w in reading.get("wit").split()}
            for app in root.iterfind(".//t:app[@n]", NS)}


def html_readings(root) -> dict[int, dict[str, list[str]]]:
    """Return per numbered row of the variant table the words of each witness quoting the passage."""
    heads = root.xpath('//table[@id="variant-table"]/thead//th[@class]')
    ids = [th.xpath('string(.//span[@class="wid"])').removesuffix(" · base") for th in heads]
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


def html_types(page, n: int) -> dict[frozenset, str]:
    """Return, for entry n of the page's apparatus, each reading's witnesses and the type its title names."""
    found = {}
    for reading in page.get_element_by_id(f"a{n}").xpath('.//span[@class="rdg"]'):
        sigla = []
        for sibling in reading.itersiblings():
            if sibling.get("class") != "sig":
                break
            sigla.append(sibling.get("title"))
        found[frozenset(sigla)] = reading.get("title", "").split(" ")[0].rstrip(":")
    return found


def test_each_reading_differs_from_the_base_in_one_way_in_all_three(outputs):
    document, tei, page = outputs
    for entry in document["entries"]:
        readings = [r for r in entry["readings"] if not r.get("lemma")]
        in_json = {frozenset(r["witnesses"]): r.get("type", "") for r in readings}
        in_tei = {frozenset(w.lstrip("#") for w in rdg.get("wit").split()): rdg.get("type", "")
                  for rdg in tei.xpath(f"//t:app[@n='{entry['n']}']//t:rdg", namespaces=NS)}
        assert in_json == in_tei, entry["n"]
        if document["base"] is None:
            assert set(in_json.values()) == {""}  # no lemma: nothing to differ from
            continue
        worded = {frozenset(r["witnesses"]): r.get("type", "") for r in readings if r["text"]}  # an empty one is "om."
        assert html_types(page, entry["n"]) == worded, entry["n"]


def test_the_json_entries_say_where_each_entry_is_and_how_its_readings_differ():
    collation = collate_work(Work("t", "A test", (Witness("conquest1991", "C", "Very respectable comrade Stalin,"),
                                                  Witness("volkogonov1994", "V", "Respected comrade Stalin,"))))
    document = json.loads(to_json(collation, "volkogonov1994"))
    assert document["base"] == "volkogonov1994"
    assert document["entries"] == [{
        "n": 1, "first": 0, "last": 1, "type": "omission", "types": ["omission", "substantive"],
        "readings": [{"witnesses": ["volkogonov1994"], "text": "Respected", "lemma": True, "group": 0},
                     {"witnesses": ["conquest1991"], "text": "Very respectable", "type": "substantive", "group": 1}]}]
    assert [place.get("entry") for place in document["table"]] == [1, 1, None, None]
    assert json.loads(to_json(collation))["entries"][0]["readings"][0] == {
        "witnesses": ["conquest1991"], "text": "Very respectable", "group": 0}  # no lemma: no reading is typed


def test_a_subvariant_shares_the_group_of_the_reading_with_its_words_and_says_how_it_differs():
    collation = collate_work(Work("t", "A test", (Witness("conquest1991", "C", "Very respectable comrade Stalin,"),
                                                  Witness("volkogonov1994", "V", "Respected comrade Stalin,"),
                                                  Witness("service", "S", "Very Respectable comrade Stalin,"),
                                                  Witness("deutscher", "D", "Very respectable, comrade Stalin,"))))
    assert json.loads(to_json(collation, "volkogonov1994"))["entries"][0]["readings"] == [
        {"witnesses": ["volkogonov1994"], "text": "Respected", "lemma": True, "group": 0},
        {"witnesses": ["conquest1991"], "text": "Very respectable", "type": "substantive", "group": 1},
        {"witnesses": ["service"], "text": "Very Respectable", "type": "substantive", "group": 1, "subvariant": "case"},
        {"witnesses": ["deutscher"], "text": "Very respectable,", "type": "substantive", "group": 1,
         "subvariant": "punctuation"}]
    app = etree.fromstring(to_tei(collation, "volkogonov1994")).find(".//t:app", NS)
    assert etree.tostring(app, encoding=str, with_tail=False) == (
        '<app xmlns="http://www.tei-c.org/ns/1.0" xml:id="app1" n="1" type="omission">'
        '<lem xml:id="app1-r1" wit="#volkogonov1994">Respected</lem>'
        '<rdg xml:id="app1-r2" wit="#conquest1991" type="substantive">Very respectable</rdg>'
        '<rdgGrp type="case"><rdg xml:id="app1-r3" wit="#service" type="substantive">Very Respectable</rdg></rdgGrp>'
        '<rdgGrp type="punctuation"><rdg xml:id="app1-r4" wit="#deutscher" type="substantive">Very respectable,</rdg>'
        '</rdgGrp></app>')
