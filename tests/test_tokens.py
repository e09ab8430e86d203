"""The quoting authors' marks and the printed forms of CORPUS.md, one named test each."""

from __future__ import annotations

from hypothesis import given, strategies as st

from collate import Settings, settings_for
from collate import split_text, stretches, tokenize

PLAIN = Settings()


def kinds(text: str, settings: Settings = PLAIN) -> list[tuple[str, str]]:
    """Return (printed body, kind) of every token."""
    return [(t.body, t.kind) for t in tokenize(text, settings)]


def test_the_ellipsis_forms_are_cuts():
    assert kinds("a … b ... c …. d . . . e […] f [...]") == [
        ("a", "word"), ("…", "cut"), ("b", "word"), ("...", "cut"), ("c", "word"), ("….", "cut"),
        ("d", "word"), (". . .", "cut"), ("e", "word"), ("[…]", "cut"), ("f", "word"), ("[...]", "cut")]


def test_volkogonovs_cut_after_kamenev_is_one_cut_token():
    assert kinds("told Zinoviev and Kamenev…. I have") == [
        ("told", "word"), ("Zinoviev", "word"), ("and", "word"), ("Kamenev", "word"), ("….", "cut"),
        ("I", "word"), ("have", "word")]


def test_the_quoting_authors_brackets_are_insertions():
    assert kinds("[Stalin replied] “Five weeks ago … forbidden [us] to give") == [
        ("[Stalin replied]", "insertion"), ("“", "quote"), ("Five", "word"), ("weeks", "word"), ("ago", "word"),
        ("…", "cut"), ("forbidden", "word"), ("[us]", "insertion"), ("to", "word"), ("give", "word")]


def test_levines_opening_bracket_and_murphys_stalin():
    assert kinds("[In 1927 Stalin stated], I asked")[:2] == [("[In 1927 Stalin stated]", "insertion"), (",", "punct")]
    assert kinds("Yes, I [Stalin] am rude")[3] == ("[Stalin]", "insertion")


def test_a_footnote_marker_is_not_an_insertion():
    assert kinds("in all other respects [1] differs") == [
        ("in", "word"), ("all", "word"), ("other", "word"), ("respects", "word"), ("[1]", "footnote"),
        ("differs", "word")]


def test_murphys_etc_dot_dot_comma_is_punctuation_not_a_cut():
    assert kinds("party, etc..,") == [("party", "word"), (",", "punct"), ("etc", "word"), (".", "punct"),
                                      (".", "punct"), (",", "punct")]


def test_curly_quotes_apostrophes_and_dashes_are_kept_printed_and_unified_normalized():
    tokens = tokenize("‘against’ Lenin’s – “relationships”", PLAIN)
    assert [(t.body, t.norm) for t in tokens] == [
        ("‘", '"'), ("against", "against"), ("’", '"'), ("Lenin’s", "lenin's"), ("–", "-"), ("“", '"'),
        ("relationships", "relationships"), ("”", '"')]


def test_transliterations_and_british_spellings_are_regularized():
    settings = settings_for((("Konstantinova", "Konstantinovna"),))
    assert [t.norm for t in tokenize("Nadejda Konstantinova Ilich’s apologise", settings)] == [
        "nadezhda", "konstantinovna", "ilyich's", "apologize"]


def test_the_stretch_separator_splits_a_witness():
    tokens = tokenize("The doctors forbid,\n* * *\nto preserve “relationships”", PLAIN)
    assert [[t.body for t in stretch] for stretch in stretches(tokens)] == [
        ["The", "doctors", "forbid", ","], ["to", "preserve", "“", "relationships", "”"]]


@given(st.text(alphabet="ab .,…[]1*\n“’-", min_size=1).map(str.lstrip))
def test_tokens_give_back_the_printed_text(text):
    assert "".join(t.text for t in tokenize(text, PLAIN)) == text


@given(st.text(alphabet="ab .…[]\n*", min_size=1).map(str.lstrip), st.sampled_from(["\r\n", "\r"]))
def test_windows_and_old_mac_line_ends_give_the_same_tokens_and_stretches(text, line_end):
    other = text.replace("\n", line_end)
    tokens = tokenize(other, PLAIN)
    assert "".join(t.text for t in tokens) == other
    assert [[(t.norm, t.kind) for t in stretch] for stretch in stretches(tokens)] == \
        [[(t.norm, t.kind) for t in stretch] for stretch in stretches(tokenize(text, PLAIN))]
    assert [part.replace(line_end, "\n") for part in split_text(other)] == list(split_text(text))
