"""The HTML page's inline style sheet and its small script (filters; a long work's rows drawn on demand).

The fixed rules and the script are package files, `page.css` and `page.js` (with `book.css`, and
`book.js` instead, for a long work); the rules that
follow the place types and the number of witnesses are made here.
"""

from __future__ import annotations

from importlib.resources import files

from collate.apparatus.terms import PlaceType

# Row types: the colour of a row's edge and label (the label's text says the same).
TYPE_COLOURS = {
    PlaceType.TRANSPOSITION: "#8e5cc2", PlaceType.OMISSION: "#c0392b", PlaceType.ADDITION: "#c0392b",
    PlaceType.SUBSTANTIVE: "#d9831f", PlaceType.SPELLING: "#5b7fc4", PlaceType.CASE: "#5b7fc4",
    PlaceType.PUNCTUATION: "#8fa6cf", PlaceType.EDITORIAL: "#2a9d8f", PlaceType.INVARIANT: "#bbb",
}
FILTERED = (PlaceType.PUNCTUATION, PlaceType.CASE, PlaceType.SPELLING, PlaceType.EDITORIAL)


def page_css(columns: int, long: bool = False) -> str:
    """Return the style sheet: the fixed rules, the row types' colours, the filters' hiding rules; a long work's."""
    types = "".join(f".ty-{t}{{background:{c}}}tr.type-{t}>th.rl{{border-left-color:{c}}}"
                    f"a.lem.type-{t}{{border-bottom-color:{c}}}" for t, c in TYPE_COLOURS.items())
    types += ".ty-punctuation,.ty-invariant{color:#1f1d1a}"
    hide = "".join(f".hide-{t} tr.type-{t},.hide-{t} .apparatus li.type-{t},.hide-{t} sup.vn.type-{t}{{display:none}}"
                   f".hide-{t} a.lem.type-{t}{{border-bottom:0;background:none}}" for t in FILTERED)
    columns_css = "".join(f".hide-w{c} .w{c}{{display:none}}" for c in range(columns))
    book = package_text("book.css") if long else ""
    return "\n" + package_text("page.css") + book + types + "\n" + hide + "\n" + columns_css + "\n"


def package_text(name: str) -> str:
    """Return the text of a file of this package (page.css, page.js)."""
    return files(__package__).joinpath(name).read_text(encoding="utf-8")


def script(long: bool = False) -> str:
    """Return the page's script: the filters; for a long work, the rows drawn on demand with their filters."""
    return "\n" + package_text("book.js" if long else "page.js")
