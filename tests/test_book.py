"""A book-length page: its rows embedded once as data and drawn on demand, tried in headless Chromium."""

from __future__ import annotations

import json
import random

import pytest
from lxml import html
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from collate import Witness, Work, collate_work, to_html
from collate.html.book import LONG
from conftest import SHARED, need_shared

WORDS = 10_000


def book_witnesses() -> tuple[Witness, Witness]:
    """Return two 10,000-word witnesses of the seed prose, the second with every ~8th word replaced."""
    seed = [word for path in sorted(need_shared(SHARED / "seeds").glob("*.txt"))
            for word in path.read_text(encoding="utf-8").split() if word.isalpha()]
    rng = random.Random(12)
    first = seed[:WORDS]
    second = [rng.choice(seed) if rng.random() < 0.12 else word for word in first]
    texts = ["\n\n".join(" ".join(words[i:i + 120]) for i in range(0, WORDS, 120)) for words in (first, second)]
    return Witness("first", "A", texts[0]), Witness("second", "B", texts[1])


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    """Return the path of the page of a book-length collation, and its parsed tree."""
    path = tmp_path_factory.mktemp("book") / "book.html"
    path.write_text(to_html(collate_work(Work("book", "A book", book_witnesses()))), encoding="utf-8")
    return path, html.parse(str(path)).getroot()


def island(root) -> dict:
    """Return the page's data island."""
    return json.loads(root.get_element_by_id("book-rows").text)


def test_a_long_page_carries_its_rows_once_as_data_and_no_table_body(book):
    _, root = book
    rows = island(root)
    assert len(rows["rows"]) > LONG and not root.xpath('//table[@id="variant-table"]/tbody')
    assert len(rows["entries"]) == len([r for r in rows["kinds"] if r.startswith("var")])
    assert root.get_element_by_id("goto") is not None and root.xpath('//details[@class="contents"]//a')
    assert "</script" not in root.get_element_by_id("book-rows").text


def shown(browser) -> str:
    """Return the filters' count of the rows shown."""
    return browser.find_element(By.ID, "shown").text


def in_view(browser, row_id: str) -> bool:
    """Return whether a row is drawn and on the screen within 3 s (the page settles after a jump)."""
    return WebDriverWait(browser, 3).until(lambda _: on_screen(browser, row_id))


def on_screen(browser, row_id: str) -> bool:
    """Return whether a row is drawn and on the screen now."""
    return browser.execute_script(f"var r = document.getElementById('{row_id}'); if (!r) return false;"
                                  "var box = r.getBoundingClientRect(); return box.bottom > 0 && box.top < innerHeight")


def test_a_long_page_opens_fast_and_goes_to_the_last_row(book, browser):
    path, root = book
    browser.get(path.as_uri())
    loaded = browser.execute_script("return performance.getEntriesByType('navigation')[0].loadEventEnd")
    assert loaded < 3000, f"{loaded:.0f} ms to load"
    assert WebDriverWait(browser, 3).until(
        lambda _: browser.execute_script("return document.querySelectorAll('#variant-table tr.var').length") > 10)
    last = len(island(root)["entries"])
    goto = browser.find_element(By.ID, "goto")
    goto.send_keys(str(last), "\n")
    assert in_view(browser, f"v{last}")


def test_the_filters_count_the_rows_of_the_whole_book(book, browser):
    path, _ = book
    browser.get(path.as_uri())
    total = shown(browser)
    browser.find_element(By.ID, "hide-punctuation").click()
    browser.find_element(By.ID, "show-w1").click()
    assert shown(browser) != total and shown(browser).startswith("0 of ")  # one column left: nothing differs


def test_a_word_found_in_any_witness_leads_to_its_row(book, browser):
    path, root = book
    browser.get(path.as_uri())
    word = html.fromstring(island(root)["rows"][-1]).text_content().split()[-1].strip(".,;:")
    find = browser.find_element(By.ID, "find")
    find.send_keys(word, "\n")
    links = browser.find_elements(By.CSS_SELECTOR, "#found a")
    assert links, browser.find_element(By.ID, "found").text
    links[-1].click()
    assert in_view(browser, links[-1].get_attribute("href").split("#")[1])
