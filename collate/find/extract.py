"""Text of an HTML or XML tree, paragraphs apart, with the file line each part starts on.

>>> from lxml import html
>>> root = html.document_fromstring("<html><body><p>One\\ntwo</p><script>x()</script>\\n<p>Three</p></body></html>")
>>> text, lines = extracted(root)
>>> text.split("\\n\\n"), lines
(['One\\ntwo', 'Three', ''], ((0, 1), (9, 3), (16, 3)))
"""

from __future__ import annotations

from lxml import etree

SKIPPED = {"script", "style", "noscript", "template", "head", "teiHeader", "svg", "math"}
BLOCKS = {"p", "div", "br", "li", "ul", "ol", "table", "tr", "td", "th", "blockquote", "pre", "section", "article",
          "h1", "h2", "h3", "h4", "h5", "h6", "head", "l", "lg", "quote", "cit", "note", "ab", "dl", "dt", "dd",
          "figure", "figcaption", "hr", "header", "footer", "aside", "main", "nav", "body", "opener", "closer",
          "salute", "signed", "dateline", "list", "item", "sp", "speaker"}
BREAK = "\n\n"


def local(element) -> str:
    """Return an element's name without its namespace ('' for comments and instructions)."""
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def body_of(root):
    """Return the part whose text is searched: a TEI file's <text> (its body and back), else the root."""
    found = [element for element in root.iter() if local(element) == "text"] if local(root) == "TEI" else []
    return found[0] if found else root


class Extraction:
    """The text taken out of a tree so far, and where in the file each part of it stands."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.lines: dict[int, int] = {}  # position in the text -> line of the file
        self.position, self.line, self.skipping = 0, 1, 0

    def add(self, text: str | None, line: int | None = None) -> None:
        """Append text, synchronising the line where the file says where it is."""
        if line is not None:
            self.lines[self.position] = self.line = line
        if text and not self.skipping and (text.strip() or not self.parts or not self.parts[-1].endswith(BREAK)):
            self.parts.append(text)
            self.position += len(text)
        self.line += text.count("\n") if text else 0

    def separate(self) -> None:
        """Append a blank line between blocks; the file's line goes on where it was."""
        if self.parts and not self.parts[-1].endswith(BREAK) and not self.skipping:
            line = self.line
            self.add(BREAK)
            self.add(None, line)


def extracted(root) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Return the tree's text, blocks separated by a blank line, and its (position, file line) pairs."""
    extraction = Extraction()
    for event, element in etree.iterwalk(body_of(root), events=("start", "end")):
        name = local(element)
        skipped = name in SKIPPED or not name  # comments and processing instructions too
        extraction.skipping += skipped if event == "start" else -skipped
        if name in BLOCKS:
            extraction.separate()
        if event == "start":
            extraction.add(element.text if name else None, element.sourceline)
        else:
            extraction.add(element.tail)
    return "".join(extraction.parts), tuple(extraction.lines.items())
