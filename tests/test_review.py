"""The HTML review page: escaped, statuses said in words, filters that work in a real browser."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from lxml import html

from collate.corpus import load_work, work_ids
from collate.model import Witness, Work
from collate.pipeline import collate_work
from collate.review import to_html
from conftest import WITNESSES

CHROMIUM = shutil.which("chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
         "--disable-component-update", "--disable-sync"]


def page(*witnesses: Witness) -> html.HtmlElement:
    """Return the parsed review page of a small work."""
    return html.fromstring(to_html(collate_work(Work("t", "A test", witnesses))))


def cells(root, row: str) -> list[str]:
    """Return the text of the witness cells of the variant row with that id."""
    return [" ".join(td.text_content().split()) for td in root.xpath(f"//tr[@id='{row}']/td")[2:]]


def test_witness_text_is_always_escaped():
    root = page(Witness("w0", "A", "Stalin <script>alert(1)</script> rude"), Witness("w1", "B", "Stalin is rude"))
    assert root.xpath("//script[contains(., 'alert')]") == []
    assert any("<script>alert(1)</script>" in td.text_content() for td in root.xpath("//td"))


def test_the_apparatus_gives_lemma_readings_and_sigla():
    root = page(Witness("w0", "C", "Very respectable comrade Stalin"), Witness("w1", "V", "Respected comrade Stalin"),
                Witness("w2", "U", "Respected Comrade Stalin"))
    assert cells(root, "r1") == ["Very respectable comrade", "Respected comrade", "Respected Comrade"]
    entries = [" ".join(li.text_content().split()) for li in root.xpath("//ol[@class='apparatus']/li")]
    assert entries == ["1 Very respectable comrade] Respected comrade V; Respected Comrade U ↑"]


def test_an_omission_says_om():
    root = page(Witness("w0", "C", "She has agreed to forget"), Witness("w1", "V", "She agreed to forget"))
    assert cells(root, "r1") == ["has", "om."]


def test_not_quoted_cut_insertion_and_footnote_are_shown_as_what_they_are():
    root = page(Witness("w0", "E", "She told Zinoviev and Kamenev about the incident. I have no intention, comrades."),
                Witness("w1", "V", "Zinoviev and Kamenev…. I have [us] no intention [1]", kind="fragment"),
                Witness("w2", "C", "She has told Zinoviev and Kamenev about it. I have no intention, comrades."))
    assert root.xpath("//td[contains(@class,'w1') and contains(@class,'not-quoted')]//span[@class='nq']/text()")[0] == "—"
    assert root.xpath("//td[contains(@class,'w1') and contains(@class,'cut')]//span[@class='cut']/text()") == ["[…]"]
    assert root.xpath("//td//span[@class='cutmark']/text()") == ["…."]
    assert root.xpath("//td//span[@class='ins']/text()") == ["[us]"]
    assert root.xpath("//td//sup[@class='fn']/text()") == ["[1]"]


def test_a_substantive_difference_is_strong_and_a_case_difference_faint():
    root = page(Witness("w0", "C", "Very respectable comrade Stalin"), Witness("w1", "V", "Very honoured Comrade Stalin"))
    assert root.xpath("//td[contains(@class,'w1')]//mark[@class='sub']/text()") == ["honoured"]
    assert root.xpath("//td[contains(@class,'w1')]//span[@class='acc']/text()") == ["Comrade"]


def test_the_page_is_deterministic_and_self_contained():
    work = load_work(WITNESSES, "letter-1923-03-05")
    first, second = to_html(collate_work(work)), to_html(collate_work(work))
    assert first == second
    root = html.fromstring(first)
    assert root.xpath("//@src | //link[@href] | //@href[starts-with(., 'http')]") == []


def browser(url: str, *extra: str) -> str:
    """Return what headless Chromium prints for a page (fails in CI without Chromium)."""
    if not CHROMIUM:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed, and CI must run the browser test")
        pytest.skip("chromium is not installed")
    result = subprocess.run([CHROMIUM, *FLAGS, *extra, url], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


@pytest.mark.parametrize("work_id", work_ids(WITNESSES))
def test_each_works_page_in_chromium_with_a_filter_and_a_screenshot(work_id, tmp_path):
    file = tmp_path / f"{work_id}.html"
    file.write_text(to_html(collate_work(load_work(WITNESSES, work_id))), encoding="utf-8")
    shown = html.fromstring(browser(file.as_uri(), f"--user-data-dir={tmp_path / 'a'}", "--dump-dom"))
    assert shown.xpath("//table[@class='variants']//tr") and shown.xpath("//ol[@class='apparatus']")
    assert shown.xpath("//tr[@hidden]") == []
    filtered = html.fromstring(browser(file.as_uri() + "#hide=punctuation;show=0",
                                       f"--user-data-dir={tmp_path / 'b'}", "--dump-dom"))
    punctuation = filtered.xpath("//tr[@class='type-punctuation']")
    assert all(row.get("hidden") is not None for row in punctuation)
    assert all(row.get("hidden") is None for row in filtered.xpath("//tr[@class='type-substantive']"))
    assert filtered.xpath("//td[contains(@class,'w1')]") and all(
        td.get("hidden") is not None for td in filtered.xpath("//td[contains(@class,'w1')]"))
    browser(file.as_uri(), f"--user-data-dir={tmp_path / 'c'}", "--window-size=1300,1800",
            f"--screenshot={tmp_path / 'page.png'}")
    assert (tmp_path / "page.png").stat().st_size > 10_000
