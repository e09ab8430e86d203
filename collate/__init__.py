"""collate: quoted versions of a document (witnesses) aligned into a critical apparatus.

The public API: read a work (`load_work`, `load_files`), collate it (`collate_work`),
read it against a base (`apparatus_of`: the numbered entries, readings and their
differences, coverage and similarity), render it (`to_json`, `to_tei`, `to_html`),
read a TEI apparatus back (`rebuild`) and check it (`problems`, `schema_problems`,
`rule_problems`). Every problem the user can fix is a `CollateError`.
"""

__version__ = "0.1.0"

from collate.align import Alignment, AlignmentError, Placement  # noqa: E402
from collate.apparatus import (Apparatus, Cell, Collation, Place, PlaceType, Reading, Row,  # noqa: E402
                               Status, apparatus_of)
from collate.corpus import load_files, load_work, work_ids  # noqa: E402
from collate.html import to_html  # noqa: E402
from collate.model import Citation, CollateError, CorpusError, Source, Witness, Work  # noqa: E402
from collate.normalize import Settings, settings_for  # noqa: E402
from collate.outputs import outputs_of  # noqa: E402
from collate.pipeline import collate_work, witness_units  # noqa: E402
from collate.tei import (parse, problems, rebuild, rule_problems, rules_stylesheet, schema_problems,  # noqa: E402
                         to_tei)
from collate.to_json import to_json  # noqa: E402
from collate.tokens import WORD, Token, split_text, stretches, tokenize  # noqa: E402

__all__ = [
    "Alignment", "AlignmentError", "Cell", "Citation", "CollateError", "Collation", "CorpusError",
    "Place", "Placement", "Settings", "Source", "Witness", "Work", "__version__", "collate_work",
    "load_files", "load_work", "outputs_of", "parse", "problems", "rebuild", "rule_problems", "rules_stylesheet",
    "schema_problems",
    "settings_for", "split_text", "stretches", "to_html", "to_json", "to_tei", "tokenize", "Token", "WORD",
    "witness_units", "work_ids",
    "Apparatus", "PlaceType", "Reading", "Row", "Status", "apparatus_of",
]
