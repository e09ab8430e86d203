"""Reading sources: the only module of `collate find` that touches files.

Plain text and Markdown are streamed in pages of about a megabyte, cut at blank lines;
HTML (text extracted with lxml, never executed) and TEI/XML (the text of the body) are
parsed whole, one file at a time.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import regex
from lxml import etree, html

from collate.find.extract import extracted
from collate.find.hits import FindError
from collate.find.page import Page

PAGE_SIZE = 1 << 20
MARKUP = {".html": "html", ".htm": "html", ".xhtml": "html", ".xml": "xml", ".tei": "xml"}
TEXT = {".txt", ".text", ".md", ".markdown", ""}
LINE_END = regex.compile(r"\r\n?|\n")
LINK = regex.compile(r"\[(?P<words>[^\]\n]*)\]\((?P<target>[^)\n]*)\)")  # Markdown [words](target)


def source_files(paths: tuple[Path, ...]) -> Iterator[Path]:
    """Yield the files to search: files as given, folders' text, Markdown, HTML and XML files sorted."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT | set(MARKUP)
                              and not any(part.startswith(".") for part in p.relative_to(path).parts))
        elif path.is_file():
            yield path
        else:
            raise FindError(f"{path}: no such file or folder")


def pages(path: Path, name: str) -> Iterator[Page]:
    """Yield the pages of one source file, named `name` in the hits."""
    kind = MARKUP.get(path.suffix.lower())
    if kind:
        yield markup_page(path, name, kind)
    else:
        yield from text_pages(path, name, path.suffix.lower() in (".md", ".markdown"))


def text_pages(path: Path, name: str, markdown: bool) -> Iterator[Page]:
    """Yield a text file's pages, each ending at a blank line once PAGE_SIZE is passed."""
    lines: list[str] = []
    offset, line, size = 0, 1, 0
    try:
        with path.open("rb") as stream:
            for raw in stream:
                text_line = raw.decode("utf-8").removeprefix("" if offset or lines else "\ufeff")
                lines.append(LINK.sub(unlinked, text_line) if markdown else text_line)
                size += len(text_line)
                if size >= PAGE_SIZE and not text_line.strip():
                    text = "".join(lines)
                    yield Page(name, text, offset, line)
                    offset, line, size, lines = offset + size, line + line_ends(text), 0, []
    except UnicodeDecodeError as error:
        line += line_ends("".join(lines)) + line_ends(error.object[:error.start].decode("utf-8", "replace"))
        raise FindError(f"{path}:{line}: not UTF-8 text ({error.reason} at byte {error.start + 1} of the line)") \
            from None
    except OSError as error:
        raise FindError(f"{path}: cannot be read ({error.strerror or error})") from None
    if lines:
        yield Page(name, "".join(lines), offset, line)


def line_ends(text: str) -> int:
    """Return how many lines end in a text (CRLF, LF or CR)."""
    return len(LINE_END.findall(text))


def unlinked(link: regex.Match) -> str:
    """Return a Markdown link as its words, the brackets and target blanked (offsets and lines kept)."""
    return " " + link["words"] + " " * (len(link[0]) - len(link["words"]) - 1)


def markup_page(path: Path, name: str, kind: str) -> Page:
    """Return the text of an HTML or XML file as one page, mapped back to the file's lines."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise FindError(f"{path}: cannot be read ({error.strerror or error})") from None
    try:
        if kind == "html":
            root = html.document_fromstring(raw, parser=html.HTMLParser(remove_comments=True, no_network=True))
        else:
            root = etree.fromstring(raw, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))
    except (etree.XMLSyntaxError, etree.ParserError) as error:
        raise FindError(f"{path}: not well-formed {kind.upper()} ({error})") from None
    text, lines = extracted(root)
    return Page(name, text, 0, 1, lines)
