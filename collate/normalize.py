"""Regularization: the normalized form a token is matched by, and the settings used.

>>> settings = Settings(regularizations=(("ilich", "ilyich"),))
>>> [settings.norm(word, "word") for word in ("Ilich’s", "ILYICH", "apologise")]
["ilyich's", 'ilyich', 'apologise']
>>> settings.norm("—", "punct"), settings.norm("“", "quote")
('-', '"')
>>> [settings.norm(word, "word") for word in ("ﬁne", "cafe\u0301", "Sta\u00adlin")]
['fine', 'café', 'stalin']
"""

from __future__ import annotations

import unicodedata
from dataclasses import asdict, dataclass
from functools import cached_property

import regex

from collate.tables import COMPOUNDS, NAMES, SPELLING

APOSTROPHES = regex.compile(r"[’‘ʼ`´]")
HYPHENS = regex.compile(r"[‐‑‒–—―−]")
QUOTES = regex.compile(r"[“”„«»‘’‚']")
POSSESSIVE = regex.compile(r"(?P<stem>.+?)(?P<suffix>'s)?$")
FORMAT = regex.compile(r"\p{Cf}")  # soft hyphen, zero-width space and joiners, BOM, direction marks


@dataclass(frozen=True)
class Settings:
    """How tokens are regularized and aligned; recorded in every output."""

    fold_case: bool = True
    unify_typography: bool = True
    # NFC makes canonically equal forms match (é and e + U+0301), NFKC also compatibility
    # forms (the ligature ﬁ and fi, ² and 2, ſ and s).
    unicode_form: str = "NFKC"
    # Invisible format characters (category Cf) printed inside words but not matched.
    ignore_format_characters: bool = True
    regularizations: tuple[tuple[str, str], ...] = ()

    @cached_property
    def table(self) -> dict[str, str]:
        """Return the variant -> regular form table used for words."""
        return dict(self.regularizations)

    @cached_property
    def memo(self) -> dict[tuple[str, str], str]:
        """Return the cache of normalized forms (a witness repeats its words)."""
        return {}

    def norm(self, body: str, kind: str) -> str:
        """Return the normalized form of a token's printed body."""
        key = (body, kind)
        if key not in self.memo:
            self.memo[key] = self.regularize(body, kind)
        return self.memo[key]

    def regularize(self, body: str, kind: str) -> str:
        """Return the normalized form, computed."""
        if self.ignore_format_characters:
            body = FORMAT.sub("", body)
        body = unicodedata.normalize(self.unicode_form, body)
        if self.unify_typography:
            body = HYPHENS.sub("-", body)
            body = QUOTES.sub('"', body) if kind == "quote" else APOSTROPHES.sub("'", body)
        if kind != "word":
            return body
        if self.fold_case:
            body = body.casefold()
        match = POSSESSIVE.match(body)
        stem = self.table.get(match["stem"], match["stem"])
        return stem + (match["suffix"] or "")

    def as_record(self) -> dict:
        """Return the settings as plain JSON-ready data."""
        record = asdict(self)
        record["regularizations"] = dict(self.regularizations)
        return record


def builtin_regularizations() -> tuple[tuple[str, str], ...]:
    """Return the built-in spelling, transliteration and compound tables as sorted pairs."""
    return tuple(sorted({**SPELLING, **NAMES, **COMPOUNDS}.items()))


def settings_for(extra: tuple[tuple[str, str], ...] = ()) -> Settings:
    """Return the default settings with a work's own regularizations added."""
    table = dict(builtin_regularizations())
    table.update((unicodedata.normalize(Settings.unicode_form, variant.casefold()),
                  unicodedata.normalize(Settings.unicode_form, regular.casefold())) for variant, regular in extra)
    return Settings(regularizations=tuple(sorted(table.items())))
