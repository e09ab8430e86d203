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


def extracted(root) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Return the tree's text, blocks separated by a blank line, and its (position, file line) pairs."""
    parts: list[str] = []
    lines: list[tuple[int, int]] = []
    state = {"position": 0, "line": 1, "skipping": 0}

    def add(text: str | None, line: int | None) -> None:
        """Append text, synchronising the line where the file says where it is."""
        if line is not None:
            lines.append((state["position"], line))
            state["line"] = line
        if text and not state["skipping"] and (text.strip() or not parts or not parts[-1].endswith(BREAK)):
            parts.append(text)
            state["position"] += len(text)
        state["line"] += text.count("\n") if text else 0

    def separate() -> None:
        """Append a blank line between blocks; the file's line goes on where it was."""
        if parts and not parts[-1].endswith(BREAK) and not state["skipping"]:
            line = state["line"]
            add(BREAK, None)
            add(None, line)

    for event, element in etree.iterwalk(body_of(root), events=("start", "end")):
        name = local(element)
        if event == "start":
            state["skipping"] += name in SKIPPED or not name
            separate() if name in BLOCKS else None
            add(element.text if name else None, element.sourceline)
        else:
            state["skipping"] -= name in SKIPPED or not name
            separate() if name in BLOCKS else None
            add(element.tail, None)
    return "".join(parts), tuple(dict(lines).items())
