"""The apparatus: every fact a reader sees about the aligned places, computed once."""

from collate.apparatus.critical import Apparatus, apparatus_of
from collate.apparatus.places import Cell, Collation, Place, collation_of
from collate.apparatus.readings import Reading
from collate.apparatus.rows import Row
from collate.apparatus.terms import PlaceType, Status

__all__ = ["Apparatus", "Cell", "Collation", "Place", "PlaceType", "Reading", "Row", "Status", "apparatus_of",
           "collation_of"]
