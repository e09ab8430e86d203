"""The HTML review page: one self-contained file per work."""

from collate.html.page import to_html

__all__ = ["to_html"]
