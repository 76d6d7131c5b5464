"""German name rules: genitives, titles, legal forms, and adjective declension.

A German name built from adjectives and a noun is declined with the sentence: "der
Zweite Weltkrieg", "des Zweiten Weltkriegs", "im Kalten Krieg", "der Vereinigten Staaten".
Its base form, the title of its Wikipedia article, is the nominative without article,
where the adjectives take the strong ending of the head noun's gender: masculine "-er"
("Zweiter Weltkrieg"), feminine "-e" ("Deutsche Bahn"), neuter "-es" ("Staatliches
Gästehaus"), plural "-e" ("Vereinigte Staaten").  The gender comes from the head noun's
final component or suffix (German grammar: "-ung" is feminine, "-haus" neuter, "-krieg"
masculine, ...); when it is unknown the name is left as written.  A masculine or neuter
head noun loses its genitive "-s"/"-es" ("Krieges" -> "Krieg") only when what remains is a
noun whose gender is known, so "Gästehaus" keeps its "s".
"""

from __future__ import annotations

from typing import Literal

from reader.core.lang import NameRules

Gender = Literal["m", "f", "n", "pl"]

# function words frequent in German prose, for telling the language of a text
_STOP = """der die das und ist nicht ein eine einen dem den des mit auf für
sich von zu im auch es sie wir ich er hat haben wurde wird werden war sind als bei nach aus
über noch nur oder wie aber dass vom zum zur einer eines um"""
STOP_WORDS = frozenset(_STOP.split())

# the strong adjective endings by gender (nominative, no article)
STRONG: dict[Gender, str] = {"m": "er", "f": "e", "n": "es", "pl": "e"}
ENDINGS = ("en", "em", "er", "es", "e")

# final components and suffixes of nouns with their gender, longest match wins
FINAL: dict[str, Gender] = {
    **dict.fromkeys((
        "ung", "heit", "keit", "schaft", "ion", "tät", "ei", "ie", "ik", "ur", "enz", "anz",
        "bahn", "bank", "stadt", "straße", "strasse", "welt", "macht", "front", "kammer",
        "behörde", "republik", "föderation", "insel", "burg", "mauer", "wehr", "post",
        "liga", "zeitung", "börse", "schule", "gruppe", "armee", "kunst", "nacht", "zeit",
        "schrift", "fahrt", "kirche", "brücke", "grenze", "küste", "region", "provinz",
        "gemeinde", "messe", "bühne", "oper", "galerie", "bibliothek", "klinik", "halle",
        "akademie", "agentur", "kommission", "partei", "union", "allianz", "koalition",
        "gewerkschaft", "linie", "flotte", "marine", "halbinsel", "wüste", "see-enge",
        "mannschaft", "stiftung", "vereinigung", "versammlung", "botschaft", "hauptstadt",
        "autobahn", "eisenbahn", "gesellschaft", "genossenschaft", "kette", "ebene", "bucht",
        "straße", "allee", "gasse", "stunde", "woche", "revolution", "krise", "ära",
    ), "f"),
    **dict.fromkeys((
        "krieg", "rat", "tag", "hof", "bund", "fonds", "verband", "verein", "dienst",
        "konzern", "markt", "platz", "berg", "fluss", "wald", "weg", "ozean", "kanal", "dom",
        "park", "palast", "turm", "hafen", "garten", "osten", "westen", "norden", "süden",
        "orden", "kontinent", "ismus", "ling", "gipfel", "pakt", "vertrag", "ausschuss",
        "senat", "kreis", "staat", "zoll", "preis", "rundfunk", "funk", "vorstand", "konvent",
        "kongress", "frieden", "friede", "plan", "golf", "raum", "sender", "verlag", "klub",
        "club", "gerichtshof", "flughafen", "bahnhof", "bezirk", "kanton", "sektor",
        "vulkan", "strom", "bach", "teich", "pass", "gletscher", "zirkel", "kreml",
        "sonntag", "montag", "freitag", "samstag", "winter", "sommer", "frühling", "herbst",
    ), "m"),
    **dict.fromkeys((
        "haus", "amt", "werk", "zentrum", "institut", "gericht", "reich", "land", "kreuz",
        "meer", "gebirge", "komitee", "büro", "museum", "theater", "kabinett", "kommando",
        "gremium", "forum", "kollegium", "tum", "chen", "lein", "ment", "ium", "schloss",
        "dorf", "tal", "gebiet", "bündnis", "programm", "system", "abkommen", "unternehmen",
        "volk", "team", "protokoll", "hotel", "stadion", "gymnasium", "orchester",
        "ensemble", "festival", "konzil", "sekretariat", "konsulat", "kommissariat",
        "patriarchat", "emirat", "kalifat", "sultanat", "becken", "gewässer", "ufer",
        "archiv", "labor", "netz", "netzwerk", "portal", "magazin", "blatt", "lager",
        "revier", "viertel", "quartier", "kloster", "stift", "spital", "krankenhaus",
        "kraftwerk", "heer", "recht", "gesetz", "jahr", "jahrhundert", "parlament",
    ), "n"),
}
# nouns ending in "-en" that are singular (others with "-en" after a declined adjective
# are read as plurals: "Vereinigten Staaten")
SINGULAR_EN = frozenset({
    "osten", "westen", "norden", "süden", "hafen", "garten", "frieden", "wagen", "boden",
    "graben", "laden", "ofen", "rasen", "regen", "segen", "bogen", "posten", "rahmen",
    "abkommen", "unternehmen", "becken", "orden", "kosten",
})

# stems that are adjectives whatever their suffix: ordinals, colours, common adjectives
ADJECTIVES = frozenset({
    "erst", "zweit", "dritt", "viert", "fünft", "sechst", "siebt", "acht", "neunt", "zehnt",
    "elft", "zwölft", "letzt", "nächst", "neu", "alt", "groß", "gross", "klein", "hoh",
    "kalt", "warm", "heiß", "rot", "schwarz", "weiß", "grün", "blau", "gelb", "braun",
    "grau", "frei", "nah", "fern", "mittler", "ober", "unter", "vorder", "hinter", "inner",
    "äußer", "nieder", "gut", "lang", "kurz", "jung", "stark", "schön", "reich", "still",
    "wild", "tot", "fest", "ganz", "halb", "hell", "dunkl", "vereinigt", "vereint",
    "verbündet", "geeint", "ewig", "heilig", "stolz", "link", "recht", "mittel", "west",
    "ost", "nord", "süd", "zentral", "national", "international", "regional", "sozial",
    "liberal", "federal", "general", "royal", "katholisch", "evangelisch",
})
ADJECTIVE_SUFFIXES = ("sch", "lich", "ig", "igt", "iert", "bar", "sam", "haft", "los",
                      "ell", "al", "iv", "är", "ös", "ensisch", "ianisch")


# words before a noun that make it a common noun: names take no indefinite article,
# demonstrative, possessive or quantifier ("eine Allianz", "diese Allianz", "seine Gäste")
_DETERMINERS = """
ein eine einer einen einem eines kein keine keiner keinen keinem keines
diese dieser diesen diesem dieses jene jener jenen jenem jenes jede jeder jeden jedem jedes
solche solcher solchen welche welcher welchen manche mancher manchen
mein meine meiner meinen meinem meines dein deine deiner deinen deinem deines
sein seine seiner seinen seinem seines ihr ihre ihrer ihren ihrem ihres
unser unsere unserer unseren unserem unseres euer eure eurer euren eurem eures
viele vielen mehrere mehreren einige einigen wenige wenigen
"""
COMMON_DETERMINERS = frozenset(_DETERMINERS.split())
# prepositions whose phrase after a noun names what it relates ("die Allianz zwischen
# den beiden Ländern"): a relational common noun, not a name
RELATION_PREPOSITIONS = frozenset({"zwischen"})
# nouns in front of a name that say it is an organisation ("der Versicherer Allianz")
ORGANISATION_NOUNS = frozenset({
    "Konzern", "Unternehmen", "Firma", "Versicherer", "Versicherungskonzern", "Bank",
    "Partei", "Verein", "Verband", "Gruppe", "Marke", "Hersteller", "Sender", "Zeitung",
    "Verlag", "Klub", "Club", "Mannschaft", "Band", "Stiftung", "Gewerkschaft",
    "Autobauer", "Chemiekonzern", "Handelskette", "Fluggesellschaft", "Airline",
})
# nouns that look like a declined adjective ("Osten" is not "ost" + "-en")
NOT_ADJECTIVES = frozenset({"Norden", "Süden", "Osten", "Westen", "Rechte", "Rechten"})
# final components of nouns for roles and offices: "Regierender Bürgermeister" and
# "Parlamentarischer Staatssekretär" are titles, not names
ROLE_FINALS = ("meister", "minister", "sekretär", "sekretärin", "anwalt", "anwältin",
               "direktor", "direktorin", "präsident", "präsidentin", "vorsitzender",
               "vorsitzende", "kanzler", "kanzlerin", "leiter", "leiterin", "beauftragter",
               "beauftragte", "richter", "richterin", "offizier", "kommissar", "kommissarin",
               "vertreter", "vertreterin", "referent", "referentin")


def final_component(noun: str) -> str | None:
    """The listed final component or suffix of a head noun, inflection undone
    ("Krieges" -> "krieg", "Nationen" -> "ion"), or None when none is listed."""
    base, _ = uninflected_noun(noun)
    low = base.lower()
    candidates = [low]
    if low.endswith("en"):
        candidates.append(low[:-2])
    if low.endswith(("n", "e")):
        candidates.append(low[:-1])
    for cand in candidates:
        final = _final(cand)
        if final is not None:
            return final[0]
    return None


def is_role(noun: str) -> bool:
    """True for a noun naming an office or role ("Bürgermeister", "Staatssekretärin")."""
    low = noun.lower()
    return noun in RULES.titles or low.endswith(ROLE_FINALS)


def _final(noun: str) -> tuple[str, Gender] | None:
    """The longest listed final component of ``noun`` and its gender."""
    low = noun.lower()
    for n in range(len(low), 1, -1):
        gender = FINAL.get(low[-n:])
        if gender is not None:
            return low[-n:], gender
    return None


def gender_of(noun: str) -> Gender | None:
    """The gender of a noun (by its final component or suffix), "pl" for a plural in
    "-en"/"-ln"/"-rn", or None when unknown."""
    low = noun.lower()
    if low.endswith("en") and not low.endswith(tuple(SINGULAR_EN)):
        return "pl"
    if low.endswith(("ln", "rn")) and len(low) > 4:
        return "pl"
    final = _final(noun)
    return final[1] if final else None


def adjective_stem(word: str) -> str | None:
    """The stem of a declined, capitalised adjective ("Zweiten" -> "Zweit"), else None."""
    if not word[:1].isupper() or not word[1:].islower() or "-" in word:
        return None
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            stem = word[: -len(ending)]
            low = stem.lower()
            if low in ADJECTIVES or low.endswith(ADJECTIVE_SUFFIXES):
                return stem
    return None


def _split(words: list[str]) -> tuple[list[str | None], int] | None:
    """Adjective stems before the head noun (None for an invariable adjective from a place
    name, "Zürcher") and the head noun's index, or None when the name does not start with
    a declined adjective before a capitalised noun."""
    stems: list[str | None] = []
    i = 0
    while i < len(words) - 1 and words[i + 1][:1].isupper():
        stem = adjective_stem(words[i])
        if stem is None and not (stems and words[i].endswith("er") and words[i][:1].isupper()):
            break
        stems.append(stem)
        i += 1
    if not any(stems) or not words[i][:1].isupper():
        return None
    return stems, i


def uninflected_noun(noun: str) -> tuple[str, Gender | None]:
    """A head noun without its genitive "-s"/"-es" when what remains is a masculine or
    neuter noun of known gender ("Krieges" -> "Krieg"), with that gender; a noun whose own
    final component ends in "s" ("Gästehaus", "Währungsfonds") keeps it."""
    final = _final(noun)
    if final is not None and final[0].endswith("s"):
        return noun, final[1]
    for suffix in ("es", "s"):
        if noun.endswith(suffix) and len(noun) - len(suffix) >= 3:
            base = noun[: -len(suffix)]
            base_final = _final(base)
            if base_final is not None and base_final[1] in ("m", "n"):
                return base, base_final[1]
    return noun, gender_of(noun)


def nominative(words: list[str]) -> list[str]:
    """The base form of an adjective + noun name ("Kalten Krieges" -> "Kalter Krieg"),
    or the words unchanged when the name has no declined adjective or the gender of its
    head noun is unknown."""
    split = _split(words)
    if split is None:
        return list(words)
    stems, head = split
    noun, gender = uninflected_noun(words[head])
    if gender is None:
        return list(words)
    ending = STRONG[gender]
    adjectives = [words[i] if s is None else s + ending for i, s in enumerate(stems)]
    return [*adjectives, noun, *words[head + 1:]]


def stem_key(words: list[str]) -> list[str]:
    """The name with adjective endings and a head noun's genitive removed, so every case
    of it groups together ("Deutschen Bahn" and "Deutsche Bahn" -> "Deutsch Bahn")."""
    split = _split(words)
    if split is None:
        return list(words)
    stems, head = split
    noun, _ = uninflected_noun(words[head])
    adjectives = [words[i] if s is None else s for i, s in enumerate(stems)]
    return [*adjectives, noun, *words[head + 1:]]


RULES = NameRules(
    code="de",
    genitive=("es", "s", "'", "’"),
    titles=frozenset({
        "Dr.", "Prof.", "Herr", "Frau", "Hr.", "Fr.", "Präsident", "Präsidentin",
        "Kanzler", "Kanzlerin", "Bundeskanzler", "Bundeskanzlerin", "Minister",
        "Ministerin", "Ministerpräsident", "Ministerpräsidentin", "Papst", "König",
        "Königin", "Prinz", "Prinzessin", "General", "Senator", "Senatorin", "Bürgermeister",
        "Bürgermeisterin", "Pfarrer", "Bischof", "Kardinal", "Sir", "Dipl.-Ing.", "med.",
    }),
    legal_forms=frozenset({
        "AG", "GmbH", "mbH", "SE", "KG", "KGaA", "OHG", "UG", "e.V.", "eV", "e.G.", "eG",
        "Co.", "&", "Holding", "Aktiengesellschaft", "Inc.", "Ltd.", "Corp.", "plc",
    }),
    function_words=frozenset({
        "von", "der", "die", "das", "des", "dem", "den", "für", "und", "zu", "zur", "zum",
        "am", "im", "in", "auf", "an", "&", "-",
    }),
    admin_nouns=frozenset({
        "Region", "Stadt", "Großstadt", "Hauptstadt", "Provinz", "Gemeinde", "Ortsgemeinde",
        "Samtgemeinde", "Verbandsgemeinde", "Landgemeinde", "Bezirk", "Stadtbezirk",
        "Regierungsbezirk", "Landkreis", "Kreis", "Stadtkreis", "Bundesland", "Land",
        "Gebiet", "Bundesstaat", "Staat", "Kanton", "Oblast", "Rajon", "Departement",
        "Département", "Distrikt", "Präfektur", "Woiwodschaft", "Gouvernement", "Ortsteil",
        "Stadtteil", "Dorf", "Insel", "Halbinsel", "Fluss",
    }),
    nominative=nominative,
    stem_key=stem_key,
)
