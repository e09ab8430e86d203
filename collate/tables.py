"""Built-in regularization tables: variant form -> regular form, after case folding.

A work extends them in its `work.toml` (`[regularization]`); see the README.
"""

# British and American spellings met in English translations of the corpus.
SPELLING = {
    "apologise": "apologize", "apologised": "apologized", "apologising": "apologizing",
    "organise": "organize", "organised": "organized", "organisation": "organization",
    "organisational": "organizational", "organiser": "organizer",
    "recognise": "recognize", "recognised": "recognized",
    "characterise": "characterize", "characterised": "characterized",
    "realise": "realize", "realised": "realized", "criticise": "criticize",
    "criticised": "criticized", "emphasise": "emphasize", "emphasised": "emphasized",
    "behaviour": "behavior", "honour": "honor", "favour": "favor", "labour": "labor",
    "colour": "color", "neighbour": "neighbor", "rumour": "rumor", "endeavour": "endeavor",
    "defence": "defense", "offence": "offense", "centre": "center", "programme": "program",
    "judgement": "judgment",
}

# Transliterations of Russian names, regularized to one common English form.
NAMES = {
    "ilich": "ilyich", "ilych": "ilyich", "ilitch": "ilyich", "iljitsch": "ilyich",
    "nadejda": "nadezhda", "nadeshda": "nadezhda",
    "konstantinova": "konstantinovna",
    "krupskaia": "krupskaya", "krupskaja": "krupskaya",
    "ulianova": "ulyanova", "uljanova": "ulyanova",
    "zinovyev": "zinoviev", "sinoviev": "zinoviev",
    "trotski": "trotsky", "trotzky": "trotsky",
    "dzerzhinski": "dzerzhinsky", "dzerjinsky": "dzerzhinsky",
    "djugashvili": "dzhugashvili", "jugashvili": "dzhugashvili",
}

# Compounds and titles printed as one word in some translations and as two in others.
COMPOUNDS = {
    "secretary-general": "general secretary", "general-secretary": "general secretary",
    "gensec": "general secretary", "politbureau": "political bureau", "politburo": "political bureau",
    "orgbureau": "organizational bureau", "orgburo": "organizational bureau",
    # initials printed as one word: tokens.abbreviations joins them where they are named here
    "c.c.": "central committee", "c.c.c.": "central control commission",
}

# Function words of one grammatical class: two of a class in one column are a weak match
# (this/that), where two unrelated function words are not.
FUNCTION_CLASSES = (
    frozenset({"this", "that", "these", "those"}), frozenset({"a", "an", "the"}),
    frozenset({"i", "we", "you", "he", "she", "it", "they"}), frozenset({"me", "us", "him", "her", "them"}),
    frozenset({"my", "our", "your", "his", "her", "its", "their"}), frozenset({"and", "or", "but", "nor"}),
    frozenset({"is", "are", "was", "were", "be", "been", "am"}),
    frozenset({"will", "would", "shall", "should", "can", "could", "may", "might", "must"}),
    frozenset({"in", "on", "at", "into", "onto", "upon", "within"}), frozenset({"of", "from", "by", "with"}),
)

# English function words: they never anchor an alignment on their own.
STOPWORDS = frozenset("""
a an the and or but nor so yet for of in on at to by with from into onto upon about as
than that this these those there here it its it's he him his she her hers they them their
we us our you your i me my mine is are was were be been being am do does did done have has
had not no nor if then else when while which who whom whose what where why how all any
each every some such only also very too can could shall should will would may might must
one ones own same other more most less much many again further once just even still out
up down off over under before after between through during without within against
""".split())
