"""The HTML page: escaped, statuses said in words, linked both ways, filters that work in a real browser."""

from __future__ import annotations

import os
import re
from fnmatch import fnmatch
import tomllib

import pytest
from lxml import html
from selenium.webdriver.common.by import By

from collate import load_work, work_ids
from collate import Citation, CollateError, Source, Witness, Work
from collate import collate_work
from collate import to_html
from conftest import ROOT, WITNESSES

WORKS = work_ids(WITNESSES)
# Conquest's and Volkogonov's openings of Lenin's letter of 5 March 1923 (seed 002, lines 54 and 60).
CONQUEST = Witness("conquest1991", "C", "Very respectable comrade Stalin,")
VOLKOGONOV = Witness("volkogonov1994", "V", "Respected comrade Stalin,")


def page(*witnesses: Witness, base: str | None = None) -> html.HtmlElement:
    """Return the parsed page of a small work."""
    return html.fromstring(to_html(collate_work(Work("t", "A test", witnesses)), base))


def text(element) -> str:
    """Return an element's text with every run of whitespace made one space."""
    return " ".join(element.text_content().split())


def variant_cells(root, column: int) -> list:
    """Return the cells of one witness column (0: the base) in the rows of variation."""
    return root.xpath(f'//table[@id="variant-table"]/tbody/tr[contains(@class, "var")]/td[{column + 1}]')


def need_corpus() -> None:
    """Skip without witnesses/, but never when CI is set."""
    if not WITNESSES.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{WITNESSES} is missing, and CI must not skip this test")
        pytest.skip(f"{WITNESSES} is not here")


def test_a_script_in_a_witness_is_shown_as_its_characters():
    root = page(Witness("a", "A", "Stalin wrote <script>alert(1)</script> to Lenin"),
                Witness("b", "B", "Stalin wrote to Lenin"))
    assert [s.text_content() for s in root.iter("script") if "alert" in s.text_content()] == []
    assert "<script>alert(1)</script>" in text(root.get_element_by_id("variant-table"))
    assert "<script>alert(1)</script>" in text(root.find_class("reading")[0])


def test_metadata_is_escaped_everywhere_too():
    bad = '"><b id=x>&amp;\'<script>x</script>'
    witness = Witness("a", bad, "One two <b>three</b> & four", citation=Citation(author=bad, title=bad, note=bad),
                      translator=bad, notes=bad, attribution_note=bad, sources=(Source(bad, 1),))
    work = Work("t", bad, (witness, Witness("b", "B" + bad, "One two <i>three</i> four", kind="fragment")),
                author=bad, addressee=bad, date=bad, description=bad, language=bad)
    root = html.fromstring(to_html(collate_work(work)))
    assert root.xpath("//b | //i | //*[@id='x']") == [] and len(root.xpath("//script")) == 1
    assert root.findtext(".//h1") == bad and text(root.find_class("reading")[0]).startswith("One two <b>")


def test_an_omission_is_om():
    root = page(Witness("c", "C", "She has agreed to forget what you said"),
                Witness("v", "V", "She agreed to forget what you said"))
    [cell] = variant_cells(root, 1)
    assert text(cell) == "om." and "om" in cell.get("class").split()
    assert "om. V" in text(root.xpath('//ol[@class="apparatus"]/li')[0])


def test_a_place_a_fragment_does_not_quote_is_greyed_and_titled():
    root = page(Witness("a", "A", "Stalin has become General Secretary and has concentrated power"),
                Witness("b", "B", "Stalin became General Secretary and has concentrated power"),
                Witness("f", "F", "has concentrated power", kind="fragment"))
    [cell] = variant_cells(root, 2)
    assert "nq" in cell.get("class").split() and cell.get("title") == "not quoted" and text(cell) == "—"


def test_a_cut_is_shown_as_an_ellipsis_and_a_printed_cut_as_printed():
    root = page(Witness("c", "C", "she told Zinoviev and Kamenev about the incident. I have no intention"),
                Witness("v", "V", "she told Zinoviev and Kamenev…. I have no intention"))
    cut_cells = [c for c in variant_cells(root, 1) if "cut" in c.get("class", "").split()]
    assert [text(c) for c in cut_cells] == ["… cut"]
    assert cut_cells[0].xpath('.//span[@class="cutst"]/@title') == ["cut by the quoting author: not quoted here"]
    assert root.xpath('//td//span[@class="cut"]/text()') == ["…."]
    assert "… cut V" in text(root.xpath('//ol[@class="apparatus"]/li')[-1])


def test_an_insertion_and_a_footnote_marker_are_shown_as_what_they_are():
    root = page(Witness("c", "C", "the doctors have forbidden to give Ilich political information"),
                Witness("v", "V", "the doctors have forbidden [us] to give Ilich political information [1]"),
                base="v")
    insertions = root.xpath('//span[@class="ins" and @title="quoting author’s insertion"]')
    assert {i.text for i in insertions} == {"[us]"}
    assert insertions[0].xpath("ancestor::td") and root.xpath('//div[@class="reading"]//span[@class="ins"]')
    assert root.xpath('//td//sup[@class="fn" and @title="footnote marker"]/text()') == ["[1]"]


def test_the_apparatus_gives_lemma_bracket_reading_and_sigla():
    root = page(CONQUEST, VOLKOGONOV, base="conquest1991")
    [entry] = root.xpath('//ol[@class="apparatus"]/li')
    assert text(entry).startswith("1 Very respectable] Respected V lem. C")
    assert entry.xpath('string(.//span[@class="lem"])') == "Very respectable"
    assert entry.xpath('string(.//span[@class="rdg"])') == "Respected"
    assert entry.xpath('string(.//span[@class="rdg"]/@title)') == "substantive: different words"


def test_readings_of_two_witnesses_against_a_third_are_listed_with_their_sigla():
    root = page(CONQUEST, Witness("volkogonov1994", "V", "Respected Comrade Stalin,"),
                Witness("ulyanova", "U", "Respected comrade Stalin!"), base="conquest1991")
    [entry] = root.xpath('//ol[@class="apparatus"]/li')
    assert text(entry).startswith("1 Very respectable comrade Stalin,] Respected Comrade Stalin, V; "
                                  "Respected comrade Stalin! U")


def test_words_that_differ_from_the_base_are_marked_strong_or_faint():
    root = page(Witness("u", "U", "Respected comrade Stalin! You were rude"),
                Witness("v", "V", "Respected Comrade Stalin, You were crude"))
    assert root.xpath('//td//mark[@class="sub"]/text()') == ["crude"]
    assert root.xpath('//td//span[@class="case"]/text()') == ["Comrade"]
    assert root.xpath('//td//span[@class="punct"]/text()') == [","]


def test_a_transposition_links_its_two_rows():
    root = page(Witness("a", "A", "I have no intention of forgetting what has been done against me "
                                  "and it goes without saying that"),
                Witness("b", "B", "and it goes without saying that I have no intention of forgetting "
                                  "what has been done against me"))
    rows = root.xpath('//tr[contains(@class, "type-transposition")]')
    assert [row.get("id") for row in rows] == ["v1", "v2"]
    assert rows[0].xpath('.//a[@href="#v2"]/text()') == ["⇄ 2"] and rows[1].xpath('.//a[@href="#v1"]')
    assert text(root.get_element_by_id("a2")).startswith("2 and it goes without saying that] om. B")


def test_the_base_comes_first_and_an_unknown_base_is_an_error():
    root = page(CONQUEST, VOLKOGONOV, base="volkogonov1994")
    assert [text(s) for s in root.xpath('//table[@id="variant-table"]/thead//span[@class="sig"]')] == ["V", "C"]
    with pytest.raises(CollateError, match="not a witness"):
        to_html(collate_work(Work("t", "A test", (CONQUEST, VOLKOGONOV))), "nobody")


def test_the_page_is_byte_identical_on_rerun():
    work = Work("t", "A test", (CONQUEST, VOLKOGONOV, Witness("u", "U", "Respected Comrade Stalin!")))
    assert to_html(collate_work(work)) == to_html(collate_work(work))


def test_the_page_asks_for_nothing_outside_itself():
    document = to_html(collate_work(Work("t", "A test", (CONQUEST, VOLKOGONOV))))
    root = html.fromstring(document)
    links = root.xpath("//@href | //@src | //@srcset | //@action | //@data")
    assert all(link.startswith("#") for link in links), links
    assert not root.xpath("//link | //img | //iframe | //object | //embed | //script[@src]")
    assert not re.search(r"url\(|@import|https?:", "".join(root.xpath("//style/text()")))


def test_the_style_sheet_and_script_are_package_data_the_page_carries():
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    files = sorted(p.name for p in (ROOT / "collate" / "html").iterdir() if p.suffix in (".css", ".js"))
    patterns = [pattern for package, names in declared.items() if package in ("*", "collate.html") for pattern in names]
    assert files == ["book.css", "book.js", "page.css", "page.js"] and all(any(fnmatch(f, p) for p in patterns) for f in files)
    root = html.fromstring(to_html(collate_work(Work("t", "A test", (CONQUEST, VOLKOGONOV)))))
    assert root.xpath("string(//style)").startswith("\n:root{--ink:")
    assert 'getElementById("filters")' in root.xpath("string(//script)")


def test_every_link_of_the_corpus_pages_has_its_target_and_rows_link_both_ways():
    need_corpus()
    for work_id in WORKS:
        root = html.fromstring(to_html(collate_work(load_work(WITNESSES, work_id))))
        ids = set(root.xpath("//@id"))
        assert {href[1:] for href in root.xpath("//a/@href")} <= ids, work_id
        for row in root.xpath('//tr[contains(@class, "var")]'):
            n = row.get("id")[1:]
            assert row.xpath(f'.//a[@href="#t{n}"]') and row.xpath(f'.//a[@href="#a{n}"]')
            assert root.xpath(f'//*[@id="t{n}"][@href="#v{n}"]') and root.xpath(f'//sup/a[@href="#a{n}"]')
            entry = root.get_element_by_id(f"a{n}")
            assert entry.xpath(f'.//a[@href="#t{n}"]') and entry.xpath(f'.//a[@href="#v{n}"]')


def test_the_witness_list_marks_a_stretch_placed_locally_and_one_that_aligned_poorly():
    need_corpus()
    root = html.fromstring(to_html(collate_work(load_work(WITNESSES, "reply-1923-03-07"))))
    conquest = root.get_element_by_id("wit-conquest1991")
    assert [text(li) for li in conquest.xpath('.//ul[@class="placements"]/li')] == [
        "1: aligned · 46% alike ⚠ low: check by hand", "2: local ⚠ · 52% alike"]
    assert "“Alike”: the share of a stretch’s words" in text(root.xpath('//section[@id="witnesses"]/p')[0])
    assert "Volkogonov, Dmitrii. Lenin: A New Biography" in text(root.get_element_by_id("wit-volkogonov1994"))


def test_every_cell_of_the_heat_map_prints_its_number():
    need_corpus()
    root = html.fromstring(to_html(collate_work(load_work(WITNESSES, "speech-1927-10-23"))))
    cells = root.xpath('//table[@class="heatmap"]//td[contains(@class, "heat")]')
    assert len(cells) == 25 and all(re.fullmatch(r"<1|>99|\d+|n/a", text(c)) for c in cells)
    assert all("background:hsl(" in c.get("style") for c in cells if text(c) != "n/a")


VISIBLE_ROWS = ("return [...document.querySelectorAll('#variant-table tbody tr.var')]"
                ".filter(row => row.getClientRects().length).length")


def run(browser, script: str):
    """Return the value of a JavaScript expression in the open page."""
    return browser.execute_script(f"return {script}")


def click(browser, element_id: str) -> None:
    """Click a filter's checkbox as a reader would."""
    browser.find_element(By.ID, element_id).click()


@pytest.mark.parametrize("work_id", WORKS or ["(no witnesses folder)"])
def test_each_corpus_page_in_a_browser_filters_punctuation(work_id, browser, tmp_path):
    need_corpus()
    file = tmp_path / f"{work_id}.html"
    file.write_text(to_html(collate_work(load_work(WITNESSES, work_id))), encoding="utf-8")
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    browser.get(file.as_uri())
    assert run(browser, "!!document.querySelector('#variant-table thead th.base')")
    rows = run(browser, "document.querySelectorAll('#variant-table tbody tr.var').length")
    assert browser.execute_script(VISIBLE_ROWS) == rows  # scripts off: every row shows
    assert not browser.find_element(By.ID, "filters").is_displayed()
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    browser.get(file.as_uri())
    assert run(browser, "document.querySelectorAll('ol.apparatus > li').length") == rows
    assert run(browser, "performance.getEntriesByType('resource').length") == 0
    punctuation = run(browser, "document.querySelectorAll('#variant-table tr.var.type-punctuation').length")
    assert browser.execute_script(VISIBLE_ROWS) == rows
    click(browser, "hide-punctuation")
    assert browser.execute_script(VISIBLE_ROWS) == rows - punctuation
    assert browser.find_element(By.ID, "shown").text == f"{rows - punctuation} of {rows} rows of variation shown"
    click(browser, "hide-punctuation")
    assert browser.execute_script(VISIBLE_ROWS) == rows
    assert browser.save_screenshot(str(tmp_path / f"{work_id}.png"))
    assert (tmp_path / f"{work_id}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_letter_has_punctuation_rows_the_filter_hides(browser, tmp_path):
    need_corpus()
    file = tmp_path / "letter.html"
    file.write_text(to_html(collate_work(load_work(WITNESSES, "letter-1923-03-05"))), encoding="utf-8")
    browser.get(file.as_uri())
    before = browser.execute_script(VISIBLE_ROWS)
    click(browser, "hide-punctuation")
    assert 0 < browser.execute_script(VISIBLE_ROWS) < before
    click(browser, "show-w1")  # C hidden: rows where U and V agree go
    assert not browser.find_element(By.CSS_SELECTOR, "#variant-table td.w1").is_displayed()
    assert browser.execute_script(VISIBLE_ROWS) < before


def test_the_witness_list_marks_a_spliced_quotation():
    need_corpus()
    eastman = load_work(WITNESSES, "testament-1922-12-25").witnesses[0]
    spliced = Witness("w", "W", "I am not sure that he always knows how to use that power with sufficient caution. "
                                "Stalin is too rude.", kind="fragment")
    root = page(eastman, spliced)
    assert [text(li) for li in root.get_element_by_id("wit-w").xpath('.//ul[@class="placements"]/li')] == [
        "aligned · 100% alike · ⚠ two quotations run together: split before word 17, each part at its own passage"]
