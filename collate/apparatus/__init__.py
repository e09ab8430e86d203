"""The apparatus: every fact a reader sees about the aligned places, computed once."""

from collate.apparatus.places import Cell, Collation, Place, collation_of

__all__ = ["Cell", "Collation", "Place", "collation_of"]
