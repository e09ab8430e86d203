"""Alignment on small cases taken from the corpus, and properties on random witnesses."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from collate import split_text
from scholar import collated, rows, witness_text


def test_a_fragment_quoted_before_its_place_is_placed_where_it_belongs():
    # Trotsky 1932 quotes the Testament's later paragraph first.
    testament = "I will not further characterize the other members. Stalin is too rude, and this fault becomes unbearable."
    trotsky = "Stalin is too rude\n* * *\nI will not further characterize"
    assert rows(collated(testament, trotsky, kinds=("complete", "fragment"))) == [
        ("invariant", "I", "I"), ("invariant", "will", "will"), ("invariant", "not", "not"),
        ("invariant", "further", "further"), ("invariant", "characterize", "characterize"),
        ("invariant", "the", "-"), ("invariant", "other", "-"), ("invariant", "members.", "-"),
        ("invariant", "Stalin", "Stalin"), ("invariant", "is", "is"), ("invariant", "too", "too"),
        ("punctuation", "rude,", "rude"), ("invariant", "and", "-"), ("invariant", "this", "-"),
        ("invariant", "fault", "-"), ("invariant", "becomes", "-"), ("invariant", "unbearable.", "-")]


def test_a_misquotation_stays_whole_against_the_passage_it_stands_for():
    # Radek's six words, as reported by Ludwig: only "not" and "accidental" are in the Testament.
    testament = "the October episode of Zinoviev and Kamenev was not, of course, accidental, but it ought as little"
    radek = "His non-Bolshevik past is not accidental."
    collation = collated(testament, radek, kinds=("complete", "misquotation"))
    assert rows(collation)[3:13] == [
        ("invariant", "of", "-"), ("substantive", "Zinoviev", "His non-Bolshevik past is not"),
        ("omission", "and", "om."), ("omission", "Kamenev", "om."), ("omission", "was", "om."),
        ("omission", "not,", "om."), ("omission", "of", "om."), ("omission", "course,", "om."),
        ("punctuation", "accidental,", "accidental."), ("invariant", "but", "-")]
    assert collation.placements[1][0].status == "local"


def test_the_quoting_authors_cut_is_neither_an_omission_nor_not_quoted():
    conquest = "She has told Zinoviev and Kamenev about the incident. I have no intention of forgetting."
    volkogonov = "she told Zinoviev and Kamenev…. I have no intention of forgetting."
    assert rows(collated(conquest, volkogonov))[:10] == [
        ("case", "She", "she"), ("omission", "has", "om."), ("invariant", "told", "told"),
        ("invariant", "Zinoviev", "Zinoviev"), ("invariant", "and", "and"), ("editorial", "Kamenev", "Kamenev…."),
        ("invariant", "about", "(cut)"), ("invariant", "the", "(cut)"), ("invariant", "incident.", "(cut)"),
        ("invariant", "I", "I")]


def test_an_insertion_rides_with_its_word_and_a_transliteration_is_a_spelling_variant():
    plain = "the doctors have forbidden to give Ilich political information"
    volkogonov = "the doctors have forbidden [us] to give Ilyich political information"
    assert rows(collated(plain, volkogonov)) == [
        ("invariant", "the", "the"), ("invariant", "doctors", "doctors"), ("invariant", "have", "have"),
        ("editorial", "forbidden", "forbidden [us]"), ("invariant", "to", "to"), ("invariant", "give", "give"),
        ("spelling", "Ilich", "Ilyich"), ("invariant", "political", "political"),
        ("invariant", "information", "information")]


def test_spelling_and_near_variants_share_one_place():
    assert rows(collated("I am ready to apologize to Krupskaya.", "I am ready to apologise to Krupskaya.",
                         "I am ready to make apologies to Krupskaya.")) == [
        ("invariant", "I", "I", "I"), ("invariant", "am", "am", "am"), ("invariant", "ready", "ready", "ready"),
        ("invariant", "to", "to", "to"), ("omission", "om.", "om.", "make"),
        ("substantive", "apologize", "apologise", "apologies"), ("invariant", "to", "to", "to"),
        ("invariant", "Krupskaya.", "Krupskaya.", "Krupskaya.")]


def test_a_moved_sentence_is_a_transposition():
    before = "Stalin is too rude. This defect becomes unbearable in the office. Therefore I propose to remove Stalin."
    after = "This defect becomes unbearable in the office. Stalin is too rude. Therefore I propose to remove Stalin."
    collation = collated(before, after)
    moved = [(row, place.transposition) for row, place in zip(rows(collation), collation.places)
             if place.type == "transposition"]
    assert moved == [(("transposition", "Stalin", "om."), 1), (("transposition", "is", "om."), 1),
                     (("transposition", "too", "om."), 1), (("transposition", "rude.", "om."), 1),
                     (("transposition", "om.", "Stalin"), 1), (("transposition", "om.", "is"), 1),
                     (("transposition", "om.", "too"), 1), (("transposition", "om.", "rude."), 1)]


def test_a_moved_phrase_is_not_mistaken_for_an_earlier_match():
    # Levine opens "I asked the first plenary session…"; plain CollateX paired his "I asked"
    # with "but I am" 26 words earlier in the Works translation.
    works = ("Yes, comrades, I am rude to those who grossly and perfidiously wreck and split the Party. "
             "I have not concealed this and do not conceal it. But I am not rude to comrades. "
             "At the very first meeting of the plenum I asked the plenum to release me from my duties.")
    levine = "I asked the first plenary session to release me from my duties."
    table = rows(collated(works, levine, kinds=("complete", "fragment")))
    asked = [row for row in table if row[2] in ("I", "asked")]
    assert asked == [("invariant", "I", "I"), ("invariant", "asked", "asked")]
    assert table.index(asked[0]) == [row[1] for row in table].index("asked") - 1


WORDS = st.sampled_from("the party stalin lenin rude comrade letter secretary general , . … [us] [1] “ ”".split())
TEXT = st.lists(WORDS, min_size=1, max_size=30).map(" ".join).filter(lambda t: any(c.isalpha() for c in t))
STRETCHES = st.lists(TEXT, min_size=1, max_size=3).map("\n* * *\n".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(STRETCHES, min_size=2, max_size=4))
def test_nothing_is_lost_duplicated_or_reordered_and_the_table_is_deterministic(texts):
    collation = collated(*texts, kinds=("complete",) + ("fragment",) * (len(texts) - 1))
    for w, text in enumerate(texts):
        assert witness_text(collation, w) == [s for s in split_text(text)]
    assert rows(collated(*texts, kinds=("complete",) + ("fragment",) * (len(texts) - 1))) == rows(collation)
