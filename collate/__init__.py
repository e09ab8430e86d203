"""collate: quoted versions of a document (witnesses) aligned into a critical apparatus."""

__version__ = "0.1.0"
