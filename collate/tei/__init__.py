"""The TEI P5 critical apparatus: written from a collation, read back, and checked."""

from collate.tei.check import problems, schema_problems
from collate.tei.read import parse, rebuild
from collate.tei.rules import rule_problems, rules_stylesheet
from collate.tei.write import to_tei

__all__ = ["parse", "problems", "rebuild", "rule_problems", "rules_stylesheet", "schema_problems", "to_tei"]
