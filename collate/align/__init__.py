"""Alignment: the units of every witness's stretches set into columns (CollateX between anchors)."""

from collate.align.aligner import Alignment, align
from collate.align.collatex import AlignmentError
from collate.align.placement import Placement
from collate.align.units import Unit, units_of

__all__ = ["Alignment", "AlignmentError", "Placement", "Unit", "align", "units_of"]
