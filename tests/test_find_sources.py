"""`collate find` reads HTML (never run), TEI/XML bodies, Markdown and plain text, and
reports the lines of the file as it is."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings, strategies
from lxml import html

from collate.find import FindError, find, index_of
from collate.find.extract import extracted
from collate.find.page import Page
from collate.model import Witness, Work

POSTSCRIPT = ("Stalin is too rude, and this fault, entirely supportable in relations among us Communists, "
              "becomes insupportable in the office of General Secretary.")
WORK = Work("postscript", "Postscript", (Witness("eastman", "E", POSTSCRIPT), Witness("other", "O", "Stalin is rude.")))


def lines_found(path: Path) -> list[tuple[int, int, str]]:
    """Return each stretch found in one file: its first and last line and its text on one line."""
    return [(s.first_line, s.last_line, " ".join(s.text.split()))
            for hit in find(index_of(WORK), (path,)).hits for s in hit.stretches]


def test_html_text_is_searched_and_scripts_are_neither_run_nor_read(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(f"<html><head><title>{POSTSCRIPT}</title>\n<script>var q = '{POSTSCRIPT}';</script></head>\n"
                    f"<body>\n<h1>The postscript</h1>\n<p>Lenin added:</p>\n<blockquote><p>Stalin is too rude, and "
                    f"this\nfault, entirely supportable in relations among us Communists, becomes\n<i>insupportable"
                    f"</i> in the office of General Secretary.</p></blockquote>\n</body></html>\n", encoding="utf-8")
    assert lines_found(page) == [(6, 8, POSTSCRIPT)]


def test_tei_body_is_searched_and_its_header_is_not(tmp_path):
    tei = tmp_path / "book.xml"
    tei.write_text(f'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><title>{POSTSCRIPT}</title></teiHeader>\n'
                   f"<text><body>\n<p>He wrote:</p>\n<quote>{POSTSCRIPT}</quote>\n</body></text></TEI>\n",
                   encoding="utf-8")
    assert lines_found(tei) == [(4, 4, POSTSCRIPT)]


def test_markdown_links_and_line_end_hyphens_crlf_and_block_quotes(tmp_path):
    book = tmp_path / "notes.md"
    book.write_bytes(("# Notes\r\n\r\nAs [Lenin](https://example.org/lenin) put it:\r\n\r\n> Stalin is too rude, "
                      "and this fault, entirely sup-\r\n> portable in relations among us Communists,\r\n> becomes "
                      "insupportable in the office of General Secretary.\r\n").encode())
    assert [(first, last) for first, last, _ in lines_found(book)] == [(5, 7)]


def test_a_source_that_is_not_utf8_is_named_with_the_problem(tmp_path):
    (tmp_path / "latin1.txt").write_bytes("Stalin est très grossier".encode("latin-1"))
    with pytest.raises(FindError, match=r"latin1.txt:1: not UTF-8 text"):
        lines_found(tmp_path / "latin1.txt")


def test_a_folder_is_searched_file_by_file_in_sorted_order_hidden_files_left_out(tmp_path):
    for name in ("b.txt", "a/c.md", ".hidden/d.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(f"x\n\n“{POSTSCRIPT}”\n", encoding="utf-8")
    hits = find(index_of(WORK), (tmp_path,))
    assert ([Path(hit.source).relative_to(tmp_path).as_posix() for hit in hits.hits], len(hits.sources)) == (
        ["a/c.md", "b.txt"], 2)


@settings(max_examples=50, deadline=None)
@given(lines=strategies.lists(strategies.text("ab \t", max_size=12), min_size=1, max_size=30),
       first=strategies.integers(1, 10**6), data=strategies.data())
def test_a_page_gives_the_line_of_any_position(lines, first, data):
    text = "\n".join(lines)
    position = data.draw(strategies.integers(0, len(text)))
    assert Page("a.txt", text, 0, first).line_of(position) == first + text.count("\n", 0, position)


@settings(max_examples=30, deadline=None)
@given(paragraphs=strategies.lists(strategies.tuples(strategies.integers(0, 3), strategies.integers(0, 2)),
                                   min_size=1, max_size=6))
def test_html_paragraphs_keep_the_line_they_start_on_in_the_file(paragraphs):
    """Each paragraph: (blank lines before it, line breaks inside it)."""
    markup = "<html><body>" + "".join("\n" * before + "<p>Stalin" + "\nis rude" * inside + "</p>"
                                      for before, inside in paragraphs) + "</body></html>"
    text, lines = extracted(html.document_fromstring(markup))
    page = Page("a.html", text, 0, 1, lines)
    expected, line = [], 1
    for before, inside in paragraphs:
        expected.append(line + before)
        line += before + inside
    assert [page.line_of(block.start) for block in page.blocks()] == expected
