"""Word-level differences of a witness's reading from the base's: strong for other words, faint otherwise.

>>> from collate.normalize import Settings
>>> from collate.tokens import tokenize
>>> settings = Settings()
>>> marks, lacks = differences(tokenize("Respected Comrade Stalin, you were", settings),
...                            tokenize("Respected comrade Stalin! You were rude", settings), settings)
>>> [kind for kind, _ in marks], lacks  # "rude" lacking at the end (token 6)
(['', 'case', '', 'punct', 'case', ''], {6: 'rude'})
"""

from __future__ import annotations

import difflib

from collate.normalize import Settings
from collate.tokens import MARKS, WORD

DIFFERENCE = {  # class of a highlighted word: what its title says
    "sub": "different word", "spell": "spelling differs", "case": "case differs",
    "punct": "punctuation or typography differs",
}


def word_level(body: str, base: str, settings: Settings) -> str:
    """Return how a word that matches a base word differs from it: '', punct, case or spell."""
    if body == base:
        return ""
    mine, theirs = settings.norm(body, "punct"), settings.norm(base, "punct")
    if mine == theirs:
        return "punct"
    return "case" if mine.casefold() == theirs.casefold() else "spell"


def differences(tokens, base, settings: Settings) -> tuple[list[tuple[str, str]], dict[int, str]]:
    """Return per token (class, title) of its difference from the base, and the carets of lacking words."""
    marks = [("", "")] * len(tokens)
    lacks: dict[int, str] = {}
    words = [i for i, t in enumerate(tokens) if t.kind == WORD]
    base_words = [i for i, t in enumerate(base) if t.kind == WORD]
    matcher = difflib.SequenceMatcher(None, [base[i].norm for i in base_words],
                                      [tokens[i].norm for i in words], autojunk=False)
    pairs = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        lost = " ".join(base[i].body for i in base_words[i1:i2])
        if tag == "equal":
            pairs += [(base_words[i], words[j]) for i, j in zip(range(i1, i2), range(j1, j2))]
            continue
        for j in range(j1, j2):
            marks[words[j]] = ("sub", f"different word; base: {lost}" if lost else "not in the base")
        if tag == "delete":
            at = words[j1] if j1 < len(words) else len(tokens)
            while at and j1 < len(words) and tokens[at - 1].kind != WORD and tokens[at - 1].text == tokens[at - 1].body:
                at -= 1  # before an opening quotation mark that belongs to the next word
            lacks[at] = lost
    for b, t in pairs:
        level = word_level(tokens[t].body, base[b].body, settings)
        if level:
            marks[t] = (level, f"{DIFFERENCE[level]}; base: {base[b].body}")
    bounds = [(-1, -1), *pairs, (len(base), len(tokens))]
    for (b0, t0), (b1, t1) in zip(bounds, bounds[1:]):
        if any(t.kind == WORD for t in (*base[b0 + 1:b1], *tokens[t0 + 1:t1])):
            continue  # punctuation is compared only between words that match
        mine = [i for i in range(t0 + 1, t1) if tokens[i].kind not in MARKS]
        theirs = [t.body for t in base[b0 + 1:b1] if t.kind not in MARKS]
        if [tokens[i].body for i in mine] != theirs:
            title = f"{DIFFERENCE['punct']}; base: {' '.join(theirs) or 'none'}"
            for i in mine or [i for i in (t0, t1) if 0 <= i < len(tokens)][:1]:
                marks[i] = marks[i] if marks[i][0] else ("punct", title)
    for i in range(1, len(tokens) - 1):  # punctuation inside a run of different words belongs to the run
        if tokens[i].kind != WORD and marks[i - 1] == marks[i + 1] and marks[i - 1][0] == "sub":
            marks[i] = marks[i - 1]
    return marks, lacks
