"""Tokenizing a witness: printed form, normalized form and kind of every token.

>>> [(t.text, t.norm, str(t.kind)) for t in tokenize("Very [us] well…. Lenin’s", Settings())]
... # doctest: +NORMALIZE_WHITESPACE
[('Very ', 'very', 'word'), ('[us] ', '', 'insertion'), ('well', 'well', 'word'),
 ('…. ', '', 'cut'), ('Lenin’s', "lenin's", 'word')]
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import regex

from collate.normalize import Settings


class TokenKind(StrEnum):
    """What a token is; the values name the tokenizer's groups and are written to the JSON."""

    WORD = "word"
    PUNCT = "punct"
    QUOTE = "quote"
    INSERTION = "insertion"
    FOOTNOTE = "footnote"
    CUT = "cut"
    SEPARATOR = "separator"


WORD, INSERTION, FOOTNOTE, CUT, SEPARATOR = (TokenKind.WORD, TokenKind.INSERTION, TokenKind.FOOTNOTE,
                                             TokenKind.CUT, TokenKind.SEPARATOR)
# The quoting author's marks: they take no part in matching but stay where printed.
MARKS = frozenset({INSERTION, FOOTNOTE, CUT, SEPARATOR})

# A line `* * *`; Windows (CRLF) and old Mac (CR) line ends end lines too.
SEPARATOR_LINE = r"(?:\r\n?|\n)[ \t]*\*(?:[ \t]*\*){2,}[ \t]*(?:\r\n?|\n|\Z)"
TOKEN = regex.compile(
    r"""
    (?:
        (?P<separator> """ + SEPARATOR_LINE + r""" )  # a line `* * *` between stretches
      | (?P<cut>                             # the quoting author's cut
            \[ \s* (?: … | \.\s?\.\s?\. ) \s* \]    # […] [...]
          | …\.?                             # … and ….
          | \.[ ]\.[ ]\.(?:[ ]\.)?           # . . .
          | \.{3,4}                          # ... and ....
        )
      | (?P<footnote> \[ \s* \d{1,3} \s* \] )        # footnote marker [1]
      | (?P<insertion> \[ [^\[\]\r\n]* \] )             # [us], [Stalin replied]
      | (?P<word>                            # letters and digits, with inner apostrophes
            \p{Cf}* [\p{L}\p{N}\p{M}] [\p{L}\p{N}\p{M}\p{Cf}]*        # and hyphens: Lenin’s,
            (?: ['’‐‑-] \p{Cf}* [\p{L}\p{N}\p{M}] [\p{L}\p{N}\p{M}\p{Cf}]* )*  # non-Bolshevik; and
        )                                    # invisible format characters: Sta\u00adlin
      | (?P<quote> ["“”‘’«»„‚'] )
      | (?P<punct> \S )                      # any other single character
    )
    (?:                                      # whitespace after the token, but
        (?! """ + SEPARATOR_LINE + r""" ) \s )*      # never a separator line
    """,
    regex.VERBOSE,
)


@dataclass(frozen=True)
class Token:
    """One printed token: `text` with its following whitespace, `norm` for matching."""

    text: str
    norm: str
    kind: TokenKind

    @property
    def body(self) -> str:
        """Return the printed form without the whitespace after it."""
        return self.text.rstrip()


def tokenize(text: str, settings: Settings) -> tuple[Token, ...]:
    """Return the tokens of `text`; their texts joined give back `text` after leading space."""
    tokens = []
    for match in TOKEN.finditer(text.lstrip()):
        kind = TokenKind(match.lastgroup)
        body = match.group(kind)
        tokens.append(Token(match.group(), "" if kind in MARKS else settings.norm(body, kind), kind))
    return tuple(abbreviations(tokens, settings))


def abbreviations(tokens: list[Token], settings: Settings) -> list[Token]:
    """Return the tokens with each run of initials printed as one ("C.C.") joined into one word,
    where the regularization tables name it ("c.c." = "central committee")."""
    joined: list[Token] = []
    at = 0
    while at < len(tokens):
        end = initials_end(tokens, at)
        body = "".join(t.text for t in tokens[at:end]).rstrip()
        if end - at >= 4 and body.casefold() in settings.table:
            text = "".join(t.text for t in tokens[at:end])
            joined.append(Token(text, settings.norm(body, TokenKind.WORD), TokenKind.WORD))
            at = end
        else:
            joined.append(tokens[at])
            at += 1
    return joined


def initials_end(tokens: list[Token], at: int) -> int:
    """Return where a run of initials printed without spaces (letter, '.', letter, '.') starting at `at` ends."""
    end = at
    while end + 1 < len(tokens) and tokens[end].kind == TokenKind.WORD and len(tokens[end].body) == 1 \
            and tokens[end].text == tokens[end].body and tokens[end + 1].body == ".":
        end += 2
        if tokens[end - 1].text != ".":
            break  # a space after the period ends the run
    return end


def stretches(tokens: tuple[Token, ...]) -> tuple[tuple[Token, ...], ...]:
    """Return the separately quoted stretches: the tokens between separator tokens."""
    runs: list[list[Token]] = [[]]
    for token in tokens:
        if token.kind == SEPARATOR:
            runs.append([])
        else:
            runs[-1].append(token)
    return tuple(tuple(run) for run in runs)


def split_text(text: str) -> tuple[str, ...]:
    """Return the printed text of each stretch of a witness file, stripped."""
    return tuple(part.strip() for part in regex.split(SEPARATOR_LINE, "\n" + text.strip() + "\n"))
