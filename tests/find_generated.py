"""Generated sources for `collate find`: the project's witness texts cut, wrapped, hyphenated
and re-punctuated, embedded at random places in long unrelated prose (Python's own
documentation, which ships with every Python), with the truth about where each stands.
"""

from __future__ import annotations

import random
import textwrap
from dataclasses import dataclass

import pydoc_data.topics
import regex

from collate.model import Work
from collate.tokens import split_text

CUTS = (" … ", " […] ", "…. ", " ... ")
QUOTES = (("“", "”"), ("‘", "’"), ('"', '"'))
PROSE_WORDS = regex.compile(r"[A-Za-z][a-z]+[,.;]?")


@dataclass(frozen=True)
class Embedded:
    """A quotation put in a generated source: the witness it comes from and the lines it fills."""

    work: str
    witness: str
    first_line: int
    last_line: int
    text: str


@dataclass(frozen=True)
class Generated:
    """A generated source: its text, the quotations in it, and how many words of prose it has."""

    text: str
    quotations: tuple[Embedded, ...]
    prose_words: int


def prose_words() -> list[str]:
    """Return the words of Python's documentation topics, plain words and their punctuation only."""
    return PROSE_WORDS.findall(" ".join(pydoc_data.topics.topics[key] for key in sorted(pydoc_data.topics.topics)))


def quotation(rng: random.Random, words: list[str]) -> str:
    """Return a stretch of a witness's printed words: cut, re-punctuated, sometimes cut inside."""
    length = rng.randint(min(10, len(words)), min(70, len(words)))
    start = rng.randint(0, len(words) - length)
    chosen = words[start:start + length]
    if length >= 24 and rng.random() < 0.4:
        cut = rng.randint(6, length - 12)
        chosen = chosen[:cut] + [rng.choice(CUTS).strip()] + chosen[cut + rng.randint(2, 8):]
    text = " ".join(chosen)
    if rng.random() < 0.5:
        text = text.replace(",", ";" if rng.random() < 0.5 else "").replace("’", "'").replace("“", '"')
    return text


def wrapped(rng: random.Random, text: str, width: int) -> str:
    """Return text wrapped at `width`, some long words hyphenated across the line end."""
    lines = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
    for n in range(len(lines) - 1):
        last = lines[n].rsplit(" ", 1)
        if len(last) == 2 and len(last[1]) >= 8 and last[1].isalpha() and rng.random() < 0.5:
            lines[n], lines[n + 1] = f"{last[0]} {last[1][:4]}-", f"{last[1][4:]} {lines[n + 1]}"
    return "\n".join(lines)


def generated(works: tuple[Work, ...], seed: int, paragraphs: int = 60, quotations: int = 3,
              prose: list[str] | None = None) -> Generated:
    """Return a source of prose paragraphs with quotations of the works embedded at random places."""
    rng = random.Random(seed)
    prose = prose or prose_words()
    width = rng.choice((60, 72, 80))
    texts = []
    for _ in range(paragraphs):
        start = rng.randrange(len(prose) - 200)
        texts.append(("prose", wrapped(rng, " ".join(prose[start:start + rng.randint(40, 160)]), width)))
    for place in sorted(rng.sample(range(paragraphs + 1), quotations), reverse=True):
        work = rng.choice(works)
        witness = rng.choice(work.witnesses)
        quoted = quotation(rng, rng.choice(split_text(witness.text)).split())
        opening, closing = rng.choice(QUOTES)
        # a block quotation, a paragraph of its own; not two bare words (a heading, not a quotation)
        if rng.random() < 0.5 and len(quoted.split()) > 2:
            texts.insert(place, ((work.id, witness.id), wrapped(rng, quoted, width)))
        else:  # inline, in quotation marks, within the quoting author's sentence
            lead = " ".join(prose[rng.randrange(len(prose) - 20):][:rng.randint(1, 12)])
            text = wrapped(rng, f"{lead} {opening}{quoted}{closing} {' '.join(prose[:rng.randint(0, 12)])}", width)
            texts.insert(place, ((work.id, witness.id, opening, closing), text))
    return assembled(texts)


def assembled(texts: list[tuple]) -> Generated:
    """Return the paragraphs joined by blank lines, with the line numbers of the quotations."""
    lines, found, words = 1, [], 0
    for what, text in texts:
        if what == "prose":
            words += len(text.split())
        else:
            first, last = text.find(what[2]) if len(what) > 2 else 0, text.rfind(what[3]) if len(what) > 2 else -1
            found.append(Embedded(what[0], what[1], lines + text.count("\n", 0, first),
                                  lines + text.count("\n", 0, last % len(text)), text))
        lines += text.count("\n") + 2
    return Generated("\n\n".join(text for _, text in texts) + "\n", tuple(found), words)


def library(folder, works: tuple[Work, ...], documents: int, paragraphs: int = 60,
            prose: list[str] | None = None) -> dict[str, tuple[Embedded, ...]]:
    """Write a generated library of `documents` files into `folder`; return each file's name and quotations
    (not its text: a library may be larger than the memory)."""
    prose = prose or prose_words()
    written = {}
    for number in range(documents):
        source = generated(works, number, paragraphs, quotations=1 + number % 3, prose=prose)
        name = f"doc{number:05d}.txt"
        (folder / name).write_text(source.text, encoding="utf-8")
        written[name] = source.quotations
    return written
