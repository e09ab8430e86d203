"""Every quirk CORPUS.md lists, on the real corpus: what the tool makes of it."""

from __future__ import annotations

from functools import cache

from lxml import etree

from collate import Collation
from collate import load_work
from collate import collate_work
from collate import to_tei
from conftest import WITNESSES

NS = {"t": "http://www.tei-c.org/ns/1.0"}


@cache
def collation(work_id: str) -> Collation:
    """Return the collation of a corpus work."""
    return collate_work(load_work(WITNESSES, work_id))


def column(work_id: str, witness_id: str) -> list:
    """Return a witness's cells, place by place."""
    ids = [w.id for w in collation(work_id).work.witnesses]
    return [place.cells[ids.index(witness_id)] for place in collation(work_id).places]


def printed(cell) -> str:
    """Return a cell's printed text."""
    return "".join(t.text for t in cell.tokens)


def statuses_between(cells, first: int, last: int) -> set[str]:
    """Return the statuses of the cells strictly between two places."""
    return {cell.status for cell in cells[first + 1:last]}


def test_conquests_letter_opens_with_a_single_quote_that_rides_with_very():
    first = next(cell for cell in column("letter-1923-03-05", "conquest1991") if cell.tokens)
    assert [(t.body, t.kind) for t in first.tokens] == [("‘", "quote"), ("Very", "word")]


def test_volkogonovs_cut_after_zinoviev_and_kamenev_leaves_the_next_places_cut_not_omitted():
    cells = column("letter-1923-03-05", "volkogonov1994")
    at = next(i for i, cell in enumerate(cells) if any(t.kind == "cut" for t in cell.tokens))
    resume = next(i for i in range(at + 1, len(cells)) if cells[i].tokens)
    assert printed(cells[at]).strip() == "Kamenev…." and resume > at + 1
    assert statuses_between(cells, at, resume) == {"cut"}


def test_volkogonovs_inferred_attribution_is_in_the_tei_witness_list():
    root = etree.fromstring(to_tei(collation("letter-1923-03-05"), None))
    assert root.xpath("//t:witness[@xml:id='volkogonov1994']/t:note[@type='attribution']/@subtype",
                      namespaces=NS) == ["inferred"]


def test_ulyanovas_heading_is_hers_and_the_complete_others_omit_it():
    places = collation("letter-1923-03-05").places
    assert [(p.type, [printed(c).strip() or c.status for c in p.cells]) for p in places[:2]] == [
        ("omission", ["“Absolutely", "omitted", "omitted"]), ("omission", ["secret.", "omitted", "omitted"])]


def test_stalin_replied_and_us_are_volkogonovs_insertions_in_the_reply():
    tokens = [t for cell in column("reply-1923-03-07", "volkogonov1994") for t in cell.tokens]
    assert [t.body for t in tokens if t.kind == "insertion"] == ["[Stalin replied]", "[us]"]


def test_conquests_paraphrase_between_his_two_stretches_is_not_quoted_not_omitted():
    cells = column("reply-1923-03-07", "conquest1991")
    last_of_first = max(i for i, c in enumerate(cells) if c.stretch == 0)
    first_of_second = min(i for i, c in enumerate(cells) if c.stretch == 1)
    assert statuses_between(cells, last_of_first, first_of_second) == {"not-quoted"}


def test_bullocks_single_sentence_is_placed_near_the_end_of_the_reply():
    cells = column("reply-1923-03-07", "bullock1992")
    first = next(i for i, c in enumerate(cells) if c.tokens)
    assert first > len(cells) * 0.6 and cells[0].status == "not-quoted"


def test_the_two_dates_inside_eastmans_testament_are_part_of_its_text():
    text = "".join(printed(c) for c in column("testament-1922-12-25", "eastman1926"))
    assert "December 25, 1922" in text and "January 4, 1923" in text


def test_trotskys_last_stretch_opens_with_a_cut_and_carries_footnote_1():
    root = etree.fromstring(to_tei(collation("testament-1922-12-25"), "eastman1926"))
    assert root.xpath("//t:rdg[contains(@wit, '#trotsky1932')]/t:ref[@type='footnote-marker']/text()",
                      namespaces=NS) == ["1"]
    assert root.xpath("//t:rdg[contains(@wit, '#trotsky1932')]/t:witStart[@n='8']/following-sibling::*[1]"
                      "/self::t:ellipsis/t:metamark/text()", namespaces=NS) == ["..."]


def test_a_fragment_is_not_quoted_where_it_does_not_quote():
    cells = column("speech-1927-10-23", "inprecorr1927")
    last = max(i for i, c in enumerate(cells) if c.tokens)
    assert cells[0].status == "present" and {c.status for c in cells[last + 1:]} == {"not-quoted"}


def test_levines_opening_insertion_and_murphys_stalin_are_insertions():
    levine = next(c for c in column("speech-1927-10-23", "levine1931") if c.tokens)
    murphy = [t for c in column("speech-1927-10-23", "murphy1945") for t in c.tokens]
    assert levine.tokens[0].body == "[In 1927 Stalin stated]" and levine.tokens[0].kind == "insertion"
    assert [t.body for t in murphy if t.kind == "insertion"] == ["[Stalin]"]
    assert "".join(t.text for t in murphy).endswith("etc..,")


def test_stalins_kampf_cut_is_a_cut():
    cells = column("speech-1927-10-23", "stalin1940")
    assert any(t.kind == "cut" for c in cells for t in c.tokens) and "cut" in {c.status for c in cells}


def test_stalins_with_communist_greetings_lines_up_with_the_notes_closing():
    places = collation("note-trotsky-1923-03-05").places
    greetings = [p for p in places if "greetings" in printed(p.cells[1])]
    assert [printed(c).strip() for c in greetings[0].cells] == ["greetings,", "greetings."]


def test_the_rotten_compromise_interrupted_by_trotskys_words_is_two_stretches_in_place():
    cells = column("remark-rotten-compromise", "trotsky1932")
    assert [printed(c).strip() for c in cells if c.tokens][:6] == ["Stalin", "will", "make", "a", "rotten", "compromise,"]
    assert {c.stretch for c in cells if c.tokens} == {0, 1}


def test_the_telegram_phrase_with_and_without_of_course():
    places = collation("telegram-1919-01-11").places
    assert [(p.type, printed(p.cells[0]).strip(), p.cells[1].status) for p in places if p.type != "invariant"] == [
        ("omission", "of", "omitted"), ("omission", "course", "omitted")]


def test_ulyanovas_bracket_krupskaya_in_the_phone_call_is_an_insertion():
    tokens = [t for c in column("ulyanova-phone-call", "volkogonov1994") for t in c.tokens]
    assert "[Krupskaya]" in [t.body for t in tokens if t.kind == "insertion"]
