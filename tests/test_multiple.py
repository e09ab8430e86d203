"""One multiple alignment: the issue's reproductions as whole alignments, and properties over witnesses."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from hypothesis import given, settings, strategies as st

from collate import Witness, Work, collate_work, load_work
from scholar import collated, rows, witness_text

R1 = ("Stalin is too rude, and this fault, quite bearable in relations among us Communists, becomes "
      "unbearable in the office of General Secretary. Therefore I propose that he be moved.",
      "Stalin is too rude, and this defect, though perfectly tolerable within our circle and in dealings "
      "among us Communists, becomes unbearable in a secretary.",
      "Stalin is excessively rude, and this defect, which can easily be tolerated within our circle and in "
      "contacts among us Communists, becomes unbearable.")


def varying(collation) -> list[tuple[str, ...]]:
    """Return the rows where the witnesses that quote the place differ."""
    return [row for row in rows(collation) if row[0] != "invariant"]


def test_two_witnesses_that_agree_against_the_first_share_its_columns():
    assert varying(collated(*R1, kinds=("complete", "fragment", "fragment"))) == [
        ("substantive", "too", "too", "excessively"), ("substantive", "fault,", "defect,", "defect,"),
        ("substantive", "quite", "though", "which"), ("addition", "om.", "perfectly", "can"),
        ("addition", "om.", "om.", "easily"), ("addition", "om.", "om.", "be"),
        ("substantive", "bearable", "tolerable", "tolerated"), ("addition", "om.", "within", "within"),
        ("addition", "om.", "our", "our"), ("addition", "om.", "circle", "circle"), ("addition", "om.", "and", "and"),
        ("substantive", "relations", "dealings", "contacts"), ("punctuation", "unbearable", "unbearable", "unbearable."),
        ("substantive", "the", "a", "-"), ("omission", "office", "om.", "-"), ("omission", "of", "om.", "-"),
        ("omission", "General", "om.", "-"), ("case", "Secretary.", "secretary.", "-")]


def test_a_quotation_that_stops_is_not_dragged_onto_a_later_sentence():
    ref = ("It is said that Lenin suggested that the congress consider replacing the general secretary. That is "
           "quite true. Yes, comrades, I am rude to those who wreck and split the party. I have never concealed "
           "this and do not conceal it now.")
    w = ("It is said that Lenin suggested to the party congress that it discuss replacing the general secretary "
         "of the party. This is perfectly true.")
    table = rows(collated(ref, w, kinds=("complete", "fragment")))
    assert table[:27] == [
        ("invariant", "It", "It"), ("invariant", "is", "is"), ("invariant", "said", "said"),
        ("invariant", "that", "that"), ("invariant", "Lenin", "Lenin"), ("invariant", "suggested", "suggested"),
        ("substantive", "that", "to"), ("invariant", "the", "the"), ("addition", "om.", "party"),
        ("invariant", "congress", "congress"), ("substantive", "consider", "that"), ("addition", "om.", "it"),
        ("addition", "om.", "discuss"), ("invariant", "replacing", "replacing"), ("invariant", "the", "the"),
        ("invariant", "general", "general"), ("punctuation", "secretary.", "secretary"), ("addition", "om.", "of"),
        ("addition", "om.", "the"), ("addition", "om.", "party."), ("substantive", "That", "This"),
        ("invariant", "is", "is"), ("substantive", "quite", "perfectly"), ("invariant", "true.", "true."),
        ("invariant", "Yes,", "-"), ("invariant", "comrades,", "-"), ("invariant", "I", "-")]
    assert all(row[2] == "-" for row in table[24:])


def test_an_abbreviation_does_not_pull_the_next_sentence_out_of_line():
    ref = ("The report on the case goes before the Central Committee of the party. That case is now under "
           "review by the commission, and I cannot rely on its judgment.")
    w = ("The report on the case goes before the party C.C. This matter is now under review by the commission, "
         "and I cannot rely on its judgment.")
    assert varying(collated(ref, w)) == [
        ("omission", "the", "om."), ("omission", "Central", "om."), ("omission", "Committee", "om."),
        ("omission", "of", "om."), ("punctuation", "party.", "party"), ("addition", "om.", "C.C."),
        ("substantive", "That", "This"), ("substantive", "case", "matter")]


def test_initials_named_in_the_tables_stand_for_the_words_they_abbreviate():
    full = "The report goes before the Central Committee of the party."
    short = "The report goes before the C.C. of the party."
    assert [row[1:] for row in rows(collated(full, short))] == [
        ("The", "The"), ("report", "report"), ("goes", "goes"), ("before", "before"), ("the", "the"),
        ("Central", "C.C."), ("Committee", "om."), ("of", "of"), ("the", "the"), ("party.", "party.")]


def test_a_single_shared_word_is_matched():
    assert rows(collated("a b with", "with c d")) == [
        ("omission", "a", "om."), ("omission", "b", "om."), ("invariant", "with", "with"),
        ("addition", "om.", "c"), ("addition", "om.", "d")]


def test_one_witness_s_stretches_never_interleave():
    ref = ("Before the Congress meets I wish to set out some proposals about the Committee. First, the Committee "
           "should grow to several dozen members. Second, the planning office should receive legal force under "
           "some conditions. By the stability of the Central Committee, of which I spoke before, I mean measures "
           "to prevent a split, so far as such measures can be taken.")
    w = ("Before the Congress meets I wish to set out some proposals about the Committee. Second, the planning "
         "office should receive legal force under some conditions. Such a step would much increase the "
         "stability of our party and help it among hostile states.\n* * *\nBy the stability of the Central "
         "Committee, of which I spoke before, I mean measures to prevent a split, so far as")
    table = rows(collated(ref, w, kinds=("complete", "fragment")))
    tail = [row[2] for row in table if row[1] == "om."]
    assert " ".join(tail) == "Such a step would much increase the stability of our party and help it among hostile states."
    at = [row[1] for row in table].index("By")
    assert [row[2] for row in table[at:at + 4]] == ["By", "the", "stability", "of"]


def test_identical_copies_of_a_translation_sit_in_the_same_columns():
    ref, copy = R1[0], R1[1]
    collation = collated(ref, copy, copy, kinds=("complete", "fragment", "fragment"))
    assert all(row[2] == row[3] for row in rows(collation))


SENTENCES = st.lists(st.sampled_from("the council met in spring and heard every district report while the new "
                                     "secretary gathered power".split()), min_size=3, max_size=14)


@settings(max_examples=40, deadline=None)
@given(st.lists(SENTENCES, min_size=2, max_size=4), st.randoms(use_true_random=False))
def test_the_order_witnesses_are_given_in_does_not_change_the_alignment(texts, random):
    witnesses = [Witness(f"w{i}", f"W{i}", " ".join(words)) for i, words in enumerate(texts)]
    shuffled = witnesses[:]
    random.shuffle(shuffled)
    one, other = (collate_work(Work("t", "t", tuple(ws))) for ws in (witnesses, shuffled))
    column = {w.id: i for i, w in enumerate(shuffled)}
    assert [tuple(place.cells[column[w.id]] for w in witnesses) for place in other.places] == [
        place.cells for place in one.places]


def test_a_transposition_between_two_witnesses_that_both_differ_from_the_first():
    ref = ("The doctors forbid giving political information. Do not play with his health. I am ready to withdraw "
           "my words. What exactly is wanted of me remains quite unclear to all.")
    early = ("The doctors forbid giving political information. Nadezhda broke this regime completely yesterday. "
             "Do not play with his health. I am ready to withdraw my words.")
    late = ("The doctors forbid giving political information. Do not play with his health. I am ready to withdraw "
            "my words. Nadezhda broke this regime completely yesterday.")
    collation = collated(ref, early, late)
    moved = [(place.transposition, [cell.status for cell in place.cells], "".join(
        t.text for cell in place.cells for t in cell.tokens).split()[-1:]) for place in collation.places
        if place.type == "transposition"]
    assert [(group, statuses) for group, statuses, _ in moved] == [
        (1, ["omitted", "present", "omitted"])] * 6 + [(1, ["present", "omitted", "present"])] * 5
    assert [words for _, _, words in moved][:6] == [["Nadezhda"], ["broke"], ["this"], ["regime"],
                                                    ["completely"], ["yesterday."]]


def test_line_end_hyphenation_and_compounds_share_the_place_of_the_whole_word():
    eastman = "Comrade Stalin, having become General Secretary, has concentrated an enormous power in his hands"
    broken = "Comrade Stalin, having be- come General Secre- tary, has concen- trated an enormous power in his hands"
    assert [row[1:] for row in rows(collated(eastman, broken))][2:8] == [
        ("having", "having"), ("become", "be- come"), ("General", "General"), ("Secretary,", "Secre- tary,"),
        ("has", "has"), ("concentrated", "concen- trated")]
    office = "becomes insupportable in the office of General Secretary. Therefore, I propose"
    compound = "becomes unbearable for a Secretary-General. For this reason I propose"
    assert [row[1:] for row in rows(collated(office, compound))] == [
        ("becomes", "becomes"), ("insupportable", "unbearable"), ("in", "for"), ("the", "a"), ("office", "om."),
        ("of", "om."), ("General", "om."), ("Secretary.", "Secretary-General."), ("Therefore,", "For"),
        ("om.", "this"), ("om.", "reason"), ("I", "I"), ("propose", "propose")]


TESTAMENT = ("Comrade Stalin, having become General Secretary, has concentrated an enormous power in his hands; and I "
             "am not sure that he always knows how to use that power with sufficient caution. On the other hand "
             "Comrade Trotsky, as was proved by his struggle against the Central Committee, is distinguished not only "
             "by his exceptional abilities. Stalin is too rude, and this fault, entirely supportable in relations "
             "among us Communists, becomes insupportable in the office of General Secretary.").split()
EDITS = st.lists(st.tuples(st.integers(0, len(TESTAMENT) - 1), st.sampled_from(["drop", "swap", "add"])),
                 max_size=6)


def edited(edits) -> list[str]:
    """Return the testament's words with a few words dropped, replaced or added."""
    words = list(TESTAMENT)
    for at, edit in sorted(set(edits), reverse=True):
        if at >= len(words):
            continue
        if edit == "drop":
            del words[at]
        else:
            words[at:at + (edit == "swap")] = ["notwithstanding"]
    return words


def columns_of(collation, w: int) -> list[tuple[int, str]]:
    """Return, for each word of witness w, the place it stands in and the first witness's word there."""
    return [(p, "".join(t.text for t in place.cells[0].tokens).strip()) for p, place in enumerate(collation.places)
            for token in place.cells[w].tokens if token.kind == "word"]


@settings(max_examples=150, deadline=None)
@given(EDITS)
def test_a_copy_with_a_few_edits_keeps_its_unchanged_words_in_the_originals_columns(edits):
    copy = edited(edits)
    collation = collated(" ".join(TESTAMENT), " ".join(copy))
    kept = [(word, base) for (_, base), word in zip(columns_of(collation, 1), copy) if word != "notwithstanding"]
    assert all(same(word, base) for word, base in kept)


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 30), st.integers(7, 20), EDITS)
def test_cutting_a_fragment_short_never_moves_the_words_it_keeps(start, length, edits):
    # Words set with their equals stay where they are; an unlike last word has nothing left to place it by.
    words = edited(edits)[start:start + length]
    whole = collated(" ".join(TESTAMENT), " ".join(words), kinds=("complete", "fragment"))
    short = collated(" ".join(TESTAMENT), " ".join(words[:-2]), kinds=("complete", "fragment"))
    before, after = columns_of(whole, 1)[:len(words) - 2], columns_of(short, 1)
    assert [(word, base) for word, (_, base) in zip(words, after) if same(word, base)] == [
        (word, base) for word, (_, base) in zip(words, before) if same(word, base)]


def same(word: str, base: str) -> bool:
    """Return whether a word and the base's word at its place are the same word."""
    return word.strip(",.;").casefold() == base.strip(",.;").casefold()


def test_a_spliced_quotation_is_split_and_each_part_stands_at_its_passage():
    testament = " ".join(TESTAMENT)
    spliced = "I am not sure that he always knows how to use that power with sufficient caution. Stalin is too rude."
    collation = collated(testament, spliced, kinds=("complete", "fragment"))
    table = rows(collation)
    quoted = [row for row in table if row[2] != "-"]
    assert [row[1:] for row in quoted] == [(word, word) for word in (
        "I am not sure that he always knows how to use that power with sufficient caution.".split())] + [
        ("Stalin", "Stalin"), ("is", "is"), ("too", "too"), ("rude,", "rude.")]
    between = table[table.index(quoted[15]) + 1:table.index(quoted[16])]
    assert len(between) > 20 and {row[2] for row in between} == {"-"}
    assert collation.placements[1][0].splice == 16 and witness_text(collation, 1) == [spliced]


WITNESSES = Path(__file__).resolve().parent.parent / "witnesses"
EASTMAN = (WITNESSES / "testament-1922-12-25" / "eastman1926.txt").read_text(encoding="utf-8")
TROTSKY = (WITNESSES / "note-trotsky-1923-03-05" / "trotsky1932.txt").read_text(encoding="utf-8")
NOTE = ("Esteemed Comrade Trotsky,\n\nI ask you to take up the defense of the Georgian affair at the Central Committee "
        "of the party. If you do not agree, send me back the papers. I shall take that as a sign that you refuse.\n\n"
        "With warm comradely greetings")


def test_a_shorter_copy_of_a_translation_shares_the_longer_copys_columns():
    ref = ("The council met in the spring and heard the reports of every district. The new secretary has gathered a "
           "great power in his hands and I am not sure that he always knows how to use that power with caution. His "
           "colleague is able but too fond of the purely administrative side of affairs, and the council should "
           "watch them both.")
    longer = ("The new secretary has vast influence gathered in his hands and I am not sure whether he will always "
              "manage to use that influence with caution. His colleague is able but too fond of administration.")
    shorter = longer.split(" with caution")[0]
    table = rows(collated(ref, longer, shorter, kinds=("complete", "fragment", "fragment")))
    assert [row[2:] for row in table if row[3] not in ("-", "om.")] == [(word, word) for word in shorter.split()]
    assert ("substantive", "power", "influence", "influence") in table


def test_the_end_of_a_letter_and_its_greeting_share_their_columns():
    quoted = [row[1:] for row in rows(collated(TROTSKY, NOTE, kinds=("complete", "fragment"))) if row[2] != "-"]
    assert quoted[-14:] == [
        ("consider", "take"), ("that", "that"), ("om.", "as"), ("a", "a"), ("sign", "sign"), ("of", "that"),
        ("your", "you"), ("disagreement.", "refuse."), ("With", "With"), ("the", "warm"), ("very", "om."),
        ("best", "om."), ("comradely", "comradely"), ("greetings,", "greetings")]
    dated = NOTE.replace("I shall take that as a sign that you refuse.\n\nWith warm comradely greetings",
                         "I will count it a sign that you do not want to. With warm comradely greetings,\nMarch 5, 1923")
    quoted = [row[1:] for row in rows(collated(TROTSKY, dated, kinds=("complete", "fragment"))) if row[2] != "-"]
    assert quoted[-9:] == [("With", "With"), ("the", "warm"), ("very", "om."), ("best", "om."),
                           ("comradely", "comradely"), ("greetings,", "greetings,"), ("March", "March"), ("5,", "5,"),
                           ("1923", "1923")]


def test_a_fragment_that_stops_mid_sentence_stops_there():
    fragment = ("Stalin is too rude, and this fault becomes unbearable in one who holds the position of General "
                "Secretary. Therefore I propose that the")
    table = rows(collated(EASTMAN, fragment, kinds=("complete", "fragment")))
    last = max(at for at, row in enumerate(table) if row[2] != "-")
    assert [row[1:] for row in table[last - 3:last + 1]] == [
        ("I", "I"), ("propose", "propose"), ("to", "that"), ("the", "the")]
    assert len(table) - last > 90 and all(row[2] == "-" for row in table[last + 1:])


def test_a_heading_stays_an_addition_and_the_salutation_pairs_with_the_salutation():
    headed = "Top secret\n" + TROTSKY.replace("Esteemed", "Dear")
    assert [row[1:] for row in rows(collated(TROTSKY, headed))][:4] == [
        ("om.", "Top"), ("om.", "secret"), ("Esteemed", "Dear"), ("Comrade", "Comrade")]


@settings(max_examples=12, deadline=None)
@given(st.sampled_from(["letter-1923-03-05", "reply-1923-03-07", "speech-1927-10-23", "note-trotsky-1923-03-05"]),
       st.data())
def test_a_word_identical_copy_of_any_witness_sits_in_its_columns_throughout(work_id, data):
    work = load_work(WITNESSES, work_id)
    original = data.draw(st.sampled_from(work.witnesses))
    copy = replace(original, id=f"{original.id}copy", siglum=f"{original.siglum}2")
    collation = collate_work(replace(work, witnesses=(*work.witnesses, copy)))
    at = work.witnesses.index(original)
    assert all([t.text for t in place.cells[at].tokens] == [t.text for t in place.cells[-1].tokens]
               for place in collation.places)


@settings(max_examples=8, deadline=None)
@given(st.sampled_from(["letter-1923-03-05", "reply-1923-03-07", "testament-1922-12-25", "note-trotsky-1923-03-05"]),
       st.data())
def test_the_order_of_a_works_witnesses_does_not_change_its_alignment(work_id, data):
    work = load_work(WITNESSES, work_id)
    shuffled = tuple(data.draw(st.permutations(work.witnesses)))
    one, other = collate_work(work), collate_work(replace(work, witnesses=shuffled))
    column = {w.id: i for i, w in enumerate(shuffled)}
    assert [tuple(place.cells[column[w.id]] for w in work.witnesses) for place in other.places] == [
        place.cells for place in one.places]
