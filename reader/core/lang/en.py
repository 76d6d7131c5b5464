"""English name rules: possessives, titles and honorifics, legal forms, acronyms.

English names are not declined; a possessive "'s" (or a bare apostrophe after "s") is the
only ending a name takes in running text ("Trump's", "the Joneses'").
"""

from __future__ import annotations

from reader.core.lang import NameRules

# function words frequent in English prose, for telling the language of a text
_STOP = """the and is not a an of to in for on with that this it was were are
be has have had he she they we i by from as at but or which who his her their its been will
would there what about"""
STOP_WORDS = frozenset(_STOP.split())

# verbs of saying: a capitalised word that starts a sentence and says something is a
# speaker, even when it is also an ordinary word ("May said", "Jobs told reporters")
_SPEECH = """said says told tells added adds argued argues wrote writes asked asks
announced announces stated states explained explains noted notes insisted insists replied
replies warned warns claimed claims denied denies confirmed confirms"""
SPEECH_VERBS = frozenset(_SPEECH.split())

RULES = NameRules(
    code="en",
    genitive=("'s", "’s", "'", "’"),
    titles=frozenset({
        "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dr", "Dr.", "Prof", "Prof.",
        "Professor", "Sir", "Dame", "Lord", "Lady", "President", "Senator", "Sen.",
        "Governor", "Gov.", "Rep.", "Representative", "Chancellor", "Minister", "Premier",
        "General", "Gen.", "Colonel", "Col.", "Captain", "Capt.", "Pope", "King", "Queen",
        "Prince", "Princess", "Judge", "Justice", "Mayor", "Secretary", "Rev.", "Reverend",
        "Father", "Sister", "Brother", "Chairman", "Chairwoman", "CEO",
    }),
    legal_forms=frozenset({
        "Inc.", "Inc", "Corp.", "Corp", "Corporation", "Co.", "Co", "Ltd.", "Ltd",
        "Limited", "LLC", "L.L.C.", "plc", "PLC", "LP", "L.P.", "LLP", "AG", "SE", "GmbH",
        "N.V.", "NV", "S.A.", "SA", "&", "Holdings",
    }),
    function_words=frozenset({"of", "the", "and", "for", "&", "de", "du", "la", "-"}),
    articles=frozenset({"the"}),
)
