"""`collate find`: every passage of long sources that quotes a work, found with the
work's witnesses as the known texts.

>>> from collate.model import Witness, Work
>>> from collate.find.page import Page
>>> work = Work("w", "W", (Witness("a", "A", "Stalin is too rude, and this fault is insupportable in a Secretary."),
...                        Witness("b", "B", "Stalin is excessively rude.")))
>>> page = Page("book.txt", "Lenin wrote that ‘Stalin is too rude, and this fault is unbearable in a Secretary’.")
>>> [(hit.source, hit.first_line, str(hit.kind), hit.similarity) for hit in hits_in_page(page, index_of(work))]
[('book.txt', 1, 'verbatim', 0.917)]
"""

from collate.find.hits import FindError, Hit, HitKind, Passage, Stretch
from collate.find.hits_of import hits_in_page
from collate.find.index import WorkIndex, index_of
from collate.find.run import Found, find, hits_in_file

__all__ = ["FindError", "Found", "Hit", "HitKind", "Passage", "Stretch", "WorkIndex", "find", "hits_in_file",
           "hits_in_page", "index_of"]
