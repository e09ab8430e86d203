"""The TEI apparatus: schema-valid, every witness rebuilt, the cases that matter by XPath."""

from __future__ import annotations

from functools import cache

import pytest
from click.testing import CliRunner
from lxml import etree

from collate.cli import main
from collate import load_work, work_ids
from collate import Collation, Witness, Work
from collate import collate_work
from collate import problems, schema_problems
from collate import parse, rebuild
from collate import to_tei
from collate import rule_problems
from conftest import SHARED, WITNESSES, need_shared
from scholar import collapsed

NS = {"t": "http://www.tei-c.org/ns/1.0"}
WORKS = work_ids(WITNESSES)


def tei_of(*witnesses: Witness, base: str | None = "w0") -> etree._Element:
    """Return the TEI root of a small work."""
    return etree.fromstring(to_tei(collate_work(Work("t", "A test", witnesses)), base))


@cache
def corpus_collation(work_id: str) -> tuple[Work, Collation]:
    """Return a work of the corpus and its collation, made once."""
    work = load_work(WITNESSES, work_id)
    return work, collate_work(work)


# Every variant of the encoding: against the reference or with no lemma; milestones only or inactive text explicit.
ENCODINGS = [(lemma, explicit) for lemma in (True, False) for explicit in (False, True)]


@pytest.fixture(scope="module", params=[(w, *e) for w in WORKS for e in ENCODINGS],
                ids=lambda p: f"{p[0]}-{'lemma' if p[1] else 'no-lemma'}{'-explicit-inactive' if p[2] else ''}")
def corpus_tei(request) -> tuple[Work, bytes]:
    """Return a work of the corpus and its TEI in one variant of the encoding."""
    work_id, lemma, explicit_inactive = request.param
    work, collation = corpus_collation(work_id)
    return work, to_tei(collation, collation.reference if lemma else None, explicit_inactive)


def test_every_encoding_of_every_work_is_valid_tei_and_passes_the_schematron_rules(corpus_tei, schema, rules):
    work, document = corpus_tei
    tree = etree.ElementTree(etree.fromstring(document))
    assert schema_problems(tree, schema) + rule_problems(tree, rules) + problems(tree) == []


def test_every_witness_is_rebuilt_from_every_encoding(corpus_tei):
    work, document = corpus_tei
    tree = parse(document, work.id)
    assert {w.id: collapsed(rebuild(tree, w.id)) for w in work.witnesses} == {
        w.id: collapsed(w.text) for w in work.witnesses}


@pytest.mark.parametrize("work_id", WORKS)
def test_the_tei_is_byte_identical_on_rerun(work_id):
    work, collation = corpus_collation(work_id)
    assert to_tei(collate_work(work), collation.reference, True) == to_tei(collation, collation.reference, True)


def test_an_omission_is_an_empty_rdg():
    root = tei_of(Witness("w0", "C", "She has agreed to forget"), Witness("w1", "V", "She agreed to forget"))
    assert [etree.tostring(a, encoding=str, with_tail=False) for a in root.iterfind(".//t:app", NS)] == [
        '<app xmlns="http://www.tei-c.org/ns/1.0" xml:id="app1" n="1" type="omission">'
        '<lem xml:id="app1-r1" wit="#w0">has</lem><rdg xml:id="app1-r2" wit="#w1" type="omission"/></app>']
    assert root.xpath("//t:app", namespaces=NS)[0].tail == " agreed to forget"


def test_a_fragment_starts_with_witstart_and_ends_with_witend():
    root = tei_of(Witness("w0", "E", "Stalin is too rude, and this fault becomes unbearable."),
                  Witness("w1", "T", "too rude", kind="fragment"))
    # "too" agrees: the witStart needs an app that is no entry; "rude" against "rude," is entry 1
    [start] = root.xpath("//t:witStart", namespaces=NS)
    assert start.xpath("../@wit", namespaces=NS) == ["#w0 #w1"] and start.get("wit") == "#w1"
    assert start.xpath("../../@xml:id", namespaces=NS) == ["place2"] and start.xpath("../../@n", namespaces=NS) == []
    assert root.xpath("//t:rdg[@wit='#w1']/t:witEnd/ancestor::t:app/@n", namespaces=NS) == ["1"]
    assert rebuild(etree.ElementTree(root), "w1") == "too rude\n"
    assert root.xpath("//t:body/t:p/text()", namespaces=NS) == ["Stalin is ", " ", " and this fault becomes unbearable."]


def test_a_printed_cut_is_an_ellipsis_followed_by_a_lacuna():
    root = tei_of(Witness("w0", "C", "told Zinoviev and Kamenev about the incident. I have no intention"),
                  Witness("w1", "V", "told Zinoviev and Kamenev…. I have no intention"))
    [cut] = root.xpath("//t:rdg[@wit='#w1']/t:ellipsis", namespaces=NS)
    assert etree.tostring(cut, encoding=str, with_tail=False) == (
        '<ellipsis xmlns="http://www.tei-c.org/ns/1.0"><metamark function="ellipsis">….</metamark></ellipsis>')
    assert cut.xpath("following-sibling::*[1]", namespaces=NS)[0].tag.endswith("lacunaStart")
    assert root.xpath("//t:lacunaEnd/@wit", namespaces=NS) == ["#w1"]


def test_the_quoting_authors_insertion_is_supplied():
    root = tei_of(Witness("w0", "C", "the doctors have forbidden to give"),
                  Witness("w1", "V", "the doctors have forbidden [us] to give"))
    assert root.xpath("//t:rdg[@wit='#w1']/t:supplied/text()", namespaces=NS) == ["us"]
    assert root.xpath("//t:rdg[@wit='#w1']/t:supplied/@reason", namespaces=NS) == ["quoting-author"]


def test_without_a_base_every_reading_is_a_rdg():
    root = tei_of(Witness("w0", "C", "Very respectable comrade"), Witness("w1", "V", "Respected comrade"), base=None)
    assert root.xpath("count(//t:lem)", namespaces=NS) == 0 and root.xpath("count(//t:rdg)", namespaces=NS) > 0


SAMPLE = SHARED / "tei" / "sample-app-parallel-segmentation.xml"


def broken_sample(xpath: str, attribute: str, value: str | None) -> etree._ElementTree:
    """Return the shared valid sample with one attribute changed (None: removed)."""
    tree = etree.parse(str(need_shared(SAMPLE)))
    element = tree.xpath(xpath, namespaces=NS)[0]
    if value is None:
        del element.attrib[attribute]
    else:
        element.set(attribute, value)
    return tree


def test_the_shared_sample_has_no_problem():
    assert problems(etree.parse(str(need_shared(SAMPLE)))) == []


@pytest.mark.parametrize("xpath, attribute, value, expected", [
    ("//t:app[@xml:id='app1']/t:rdg", "wit", "B", "pointer 'B' lacks '#'"),
    ("//t:app[@xml:id='app1']/t:rdg", "wit", "#Z", "pointer '#Z' names no witness in listWit"),
    ("//t:app[@xml:id='app1']/t:rdg", "wit", "#A", "app app1: witness 'A' has more than one reading"),
    ("//t:app[@xml:id='app2']/t:rdg", "wit", "#C", "app app2: active witness 'B' has no reading"),
    ("//t:witness[@xml:id='C']", "{http://www.w3.org/XML/1998/namespace}id", "BA", "witness id 'A' is a substring of 'BA'"),
])
def test_validate_catches_each_defect(xpath, attribute, value, expected):
    found = problems(broken_sample(xpath, attribute, value))
    assert any(expected in problem for problem in found), found


def test_rebuild_and_validate_commands_on_the_shared_sample(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["rebuild", str(need_shared(SAMPLE)), "--witness", "C"])
    assert (result.exit_code, result.output) == (0, "Then it ran off.\n")
    broken = tmp_path / "broken.xml"
    broken_sample("//t:app[@xml:id='app1']/t:rdg", "wit", "B").write(str(broken))
    result = runner.invoke(main, ["validate", str(broken), "--schema", str(need_shared(SHARED / "tei" / "tei_all.rng"))])
    assert result.exit_code == 1
    assert "pointer 'B' lacks '#'" in result.output


def test_reading_tei_expands_no_entity(tmp_path):
    evil = (b'<?xml version="1.0"?><!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><sourceDesc><listWit>'
            b'<witness xml:id="A"/></listWit></sourceDesc></fileDesc></teiHeader>'
            b'<text><body><p>a &x; b</p></body></text></TEI>')
    assert "root:" not in rebuild(parse(evil, "evil.xml"), "A")


def test_a_transposition_is_two_apps_linked_by_listtranspose(schema):
    root = tei_of(Witness("w0", "A", "Stalin is too rude. This defect becomes unbearable in the office. Therefore remove him."),
                  Witness("w1", "B", "This defect becomes unbearable in the office. Stalin is too rude. Therefore remove him."))
    moved = root.xpath("//t:app[@type='transposition']/@xml:id", namespaces=NS)
    assert len(moved) == 2
    assert root.xpath("//t:listTranspose/t:transpose/t:ptr/@target", namespaces=NS) == [f"#{i}" for i in moved]
    assert schema_problems(etree.ElementTree(root), schema) == []


ANY_ELEMENT = ('<element xmlns="http://relaxng.org/ns/structure/1.0"><anyName/><zeroOrMore><choice><attribute>'
               '<anyName/></attribute><text/><ref name="any"/></choice></zeroOrMore></element>')
ONE_LEM = ('<sch:pattern xmlns:sch="http://purl.oclc.org/dsdl/schematron" id="one-lem"><sch:rule context="tei:rdgGrp">'
           '<sch:assert test="count(tei:lem) lt 2">Only one lem in a rdgGrp.</sch:assert></sch:rule></sch:pattern>')


def small_schema(folder, rules: str = ""):
    """Return a RELAX NG schema that accepts any element, with Schematron rules embedded."""
    schema = folder / "small.rng"
    schema.write_text(f'<grammar xmlns="http://relaxng.org/ns/structure/1.0"><sch:ns '
                      f'xmlns:sch="http://purl.oclc.org/dsdl/schematron" prefix="tei" uri="{NS["t"]}"/>'
                      f'<start><ref name="any"/></start><define name="any">{ANY_ELEMENT}{rules}</define></grammar>',
                      encoding="utf-8")
    return schema


def two_lemmas(folder):
    """Return a TEI file whose first rdgGrp holds two lem: valid RELAX NG for a lax schema, against a rule."""
    root = tei_of(Witness("w0", "C", "Very respectable comrade"), Witness("w1", "V", "Very Respectable comrade"))
    group = root.find(".//t:rdgGrp", NS)
    for _ in range(2):
        group.insert(0, etree.fromstring('<lem xmlns="http://www.tei-c.org/ns/1.0">x</lem>'))
    document = folder / "two-lemmas.xml"
    document.write_bytes(etree.tostring(root))
    return document


def test_the_rules_tei_all_embeds_catch_two_lemmas_in_a_rdggrp(tmp_path, rules):
    assert rule_problems(etree.parse(str(two_lemmas(tmp_path))), rules) == [
        "tei_all-rdgGrp-only1lem-constraint-rule-50: /TEI[1]/text[1]/body[1]/p[1]/app[1]/rdgGrp[1]: "
        "Only one <lem> element may appear within a <rdgGrp>."]


def test_validate_reports_the_schematron_rules_of_the_schema(tmp_path):
    document = two_lemmas(tmp_path)
    result = CliRunner().invoke(main, ["validate", str(document), "--schema", str(small_schema(tmp_path, ONE_LEM))])
    assert (result.exit_code, result.output.splitlines()) == (1, [
        f"{document}: one-lem: /TEI[1]/text[1]/body[1]/p[1]/app[1]/rdgGrp[1]: Only one lem in a rdgGrp.",
        f"Error: {document}: 1 problem(s)"])


def test_validate_says_in_one_line_when_the_schematron_rules_cannot_be_checked(tmp_path, monkeypatch):
    monkeypatch.setattr("collate.cli.available", lambda: False)
    document = two_lemmas(tmp_path)
    schema = small_schema(tmp_path, ONE_LEM)
    result = CliRunner().invoke(main, ["validate", str(document), "--schema", str(schema)])
    assert (result.exit_code, result.output.splitlines()) == (0, [
        "saxonche is not installed: the schema's Schematron rules were not checked",
        f"{document}: valid against {schema}"])


def test_explicit_inactive_wraps_what_a_fragment_does_not_quote_in_an_invariant_app(tmp_path):
    (tmp_path / "eastman.txt").write_text("Stalin is too rude, and this fault becomes unbearable.", encoding="utf-8")
    (tmp_path / "trotsky.txt").write_text("too rude", encoding="utf-8")
    result = CliRunner().invoke(main, ["compare", str(tmp_path / "eastman.txt"), str(tmp_path / "trotsky.txt"),
                                       "--base", "eastman", "--out", str(tmp_path), "--explicit-inactive"])
    assert result.exit_code == 0, result.output
    root = etree.parse(str(tmp_path / "compare.tei.xml"))
    assert [(app.get("{http://www.w3.org/XML/1998/namespace}id"), app.get("type"),
             [(r.get("wit"), "".join(r.itertext())) for r in app.xpath(".//t:lem | .//t:rdg", namespaces=NS)])
            for app in root.iterfind(".//t:app", NS)] == [
        ("place0", "invariant", [("#eastman", "Stalin is")]),
        ("place2", "invariant", [("#eastman #trotsky", "too")]),
        ("app1", "punctuation", [("#eastman", "rude,"), ("#trotsky", "rude")]),
        ("place4", "invariant", [("#eastman", "and this fault becomes unbearable.")])]


HEADER = ('<teiHeader><fileDesc><titleStmt><title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt>'
          '<sourceDesc><listWit><witness xml:id="a"/></listWit></sourceDesc></fileDesc></teiHeader>')


@pytest.mark.parametrize("command, document, message", [
    (["rebuild", "--witness", "a"], f'<TEI xmlns="http://www.tei-c.org/ns/1.0">{HEADER}</TEI>',
     "no text/body: not a TEI text"),
    (["rebuild", "--witness", "a"], f'<TEI xmlns="http://www.tei-c.org/ns/1.0">{HEADER}<text><body><p><app>'
                                    '<rdg wit="#a"><witStart n="abc"/>hi</rdg></app></p></body></text></TEI>',
     "line 1: witStart n='abc' is not a stretch number"),
    (["rebuild", "--witness", "zz"], f'<TEI xmlns="http://www.tei-c.org/ns/1.0">{HEADER}<text><body><p>hi</p>'
                                     '</body></text></TEI>', "no witness 'zz' in listWit (witnesses: a)"),
])
def test_rebuild_errors_are_one_line_naming_the_file(tmp_path, command, document, message):
    path = tmp_path / "broken.tei.xml"
    path.write_text(document, encoding="utf-8")
    result = CliRunner().invoke(main, [command[0], str(path), *command[1:]])
    assert (result.exit_code, result.stderr.strip()) == (1, f"Error: {path}: {message}")


def test_validate_reads_past_an_entity_reference(tmp_path):
    path = tmp_path / "entity.tei.xml"
    path.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY x "hello">]>\n'
                    f'<TEI xmlns="http://www.tei-c.org/ns/1.0">{HEADER}<text><body><p>&x; there</p></body></text>'
                    '</TEI>', encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path), "--schema", str(tmp_path / "none.rng")])
    assert (result.exit_code, result.stderr.strip()) == (1, f"Error: {tmp_path / 'none.rng'}: no such schema file")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 0 and result.stdout.startswith(f"{path}: valid"), result.output


def test_a_spliced_quotation_comes_back_whole_from_the_tei():
    eastman = load_work(WITNESSES, "testament-1922-12-25").witnesses[0]
    spliced = Witness("w", "W", "I am not sure that he always knows how to use that power with sufficient caution. "
                                "Stalin is too rude.", kind="fragment")
    tree = parse(to_tei(collate_work(Work("t", "t", (eastman, spliced))), "eastman1926"), "t")
    assert rebuild(tree, "w") == spliced.text + "\n"
