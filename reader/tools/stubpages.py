"""Pages for the MediaWiki stand-in beyond the German sample: the new cases of the card
and of linking in context (a region and a city of one name, the agency behind "AP", an
inflected multi-word name, an article with sections, coordinates, language links), and
the pages of the linking test set (``benchmarks/linking.py``) with their traps:
ambiguous surnames, cities and regions, companies and people sharing a name.
"""

from __future__ import annotations

from reader.tools.stubwiki import StubPage, StubWiki

LANGS = ("en", "fr", "es", "it", "ru", "pl", "nl", "ja", "zh", "uk")
PUTIN_FULL = """Wladimir Wladimirowitsch Putin (* 7. Oktober 1952 in Leningrad) ist ein \
russischer Politiker. Er ist seit 2012 erneut Präsident der Russischen Föderation.

== Leben ==
Putin wuchs in Leningrad auf. Er studierte Rechtswissenschaften an der Universität \
Leningrad und trat 1975 in den KGB ein.

=== Familie ===
Putin war von 1983 bis 2014 mit Ljudmila Putina verheiratet.

== Politische Laufbahn ==
1999 ernannte ihn Boris Jelzin zum Ministerpräsidenten. Seit dem 31. Dezember 1999 \
amtierte er als Präsident, zunächst kommissarisch.

== Außenpolitik ==
Im Februar 2022 befahl Putin den Überfall auf die Ukraine. Im September 2025 traf er \
in Peking Xi Jinping und Kim Jong-un.
"""


def _p(w: StubWiki, lang: str, title: str, description: str, extract: str,
       *redirects: str, **extra: object) -> None:
    w.add(lang, StubPage(title, extract, description, **extra), *redirects)  # type: ignore[arg-type]


def _dab(w: StubWiki, lang: str, title: str, links: list[str]) -> None:
    w.add(lang, StubPage(title, f"{title} steht für:" if lang == "de" else
                         f"{title} may refer to:", disambiguation=True, links=links))


def add_demo_pages(w: StubWiki) -> None:
    """The card's and linking's new cases, on top of the sample pages."""
    w.pages["de"]["Wladimir Putin"].full = PUTIN_FULL
    w.pages["de"]["Wladimir Putin"].languages = [*LANGS, "ka", "hy", "kk"]
    w.pages["de"]["Wladimir Putin"].edited = "2025-09-01T08:12:00Z"
    _p(w, "de", "Oblast Kursk", "Verwaltungseinheit in Russland",
       "Die Oblast Kursk ist eine Oblast im Westen Russlands. Verwaltungssitz ist Kursk. "
       "Im August 2024 drang das ukrainische Militär in die Region ein.", "Region Kursk",
       coordinates=(51.6, 36.1), languages=["en", "fr", "ru", "uk"],
       edited="2025-08-30T10:00:00Z")
    w.pages["de"]["Kursk"].links.append("Oblast Kursk")
    k = w.pages["de"]["Kursk (Stadt)"]
    k.coordinates, k.languages = (51.73, 36.19), ["en", "fr", "ru"]
    k.edited = "2025-07-02T00:00:00Z"
    _dab(w, "de", "AP", ["Associated Press", "AP (Band)", "Arbeitspunkt"])
    _p(w, "de", "Associated Press", "US-amerikanische Nachrichtenagentur",
       "Associated Press (AP) ist eine US-amerikanische Nachrichtenagentur mit Sitz in New "
       "York City. Sie liefert Texte und Fotos an Zeitungen.", languages=["en", "fr", "es"])
    _p(w, "de", "AP (Band)", "deutsche Band", "AP ist eine deutsche Band aus Hamburg.")
    _p(w, "de", "Arbeitspunkt", "Begriff der Elektrotechnik",
       "Der Arbeitspunkt ist ein Begriff der Elektrotechnik.")
    _p(w, "de", "Kalter Krieg", "Konflikt 1947–1991", "Als Kalter Krieg wird der Konflikt "
       "zwischen den Westmächten und dem Ostblock von 1947 bis 1991 bezeichnet.")
    _p(w, "de", "Vereinigte Staaten", "Staat in Nordamerika", "Die Vereinigten Staaten von "
       "Amerika sind ein Bundesstaat in Nordamerika.", "Vereinigte Staaten von Amerika", "USA",
       coordinates=(38.9, -77.0))
    _p(w, "de", "China", "Staat in Ostasien", "China ist ein Staat in Ostasien.",
       "Volksrepublik China")


def add_linking_pages(w: StubWiki) -> None:
    """The pages the linking test set's four articles need, traps included."""
    de = [
        ("Ford Motor Company", "US-amerikanischer Automobilhersteller",
         "Die Ford Motor Company ist ein US-amerikanischer Automobilhersteller mit Sitz in "
         "Dearborn, Michigan. Der Konzern hat Werke in Köln und Saarlouis."),
        ("Harrison Ford", "US-amerikanischer Schauspieler",
         "Harrison Ford (* 13. Juli 1942 in Chicago) ist ein US-amerikanischer Schauspieler."),
        ("Gerald Ford", "38. Präsident der Vereinigten Staaten",
         "Gerald Rudolph Ford (1913–2006) war ein US-amerikanischer Politiker und Präsident."),
        ("Saarlouis", "Stadt im Saarland", "Saarlouis ist eine Stadt im Saarland und "
         "Kreisstadt des Landkreises Saarlouis. Ford betreibt dort ein Werk."),
        ("Landkreis Saarlouis", "Landkreis im Saarland",
         "Der Landkreis Saarlouis ist ein Landkreis im Saarland."),
        ("Köln", "Stadt in Nordrhein-Westfalen", "Köln ist eine Großstadt am Rhein."),
        ("IG Metall", "deutsche Gewerkschaft", "Die IG Metall ist eine Gewerkschaft."),
        ("Anke Rehlinger", "deutsche Politikerin (SPD)", "Anke Rehlinger (* 1976) ist eine "
         "deutsche Politikerin (SPD) und Ministerpräsidentin des Saarlandes."),
        ("Saarland", "Land der Bundesrepublik Deutschland", "Das Saarland ist ein Land."),
        ("Olaf Scholz", "deutscher Politiker (SPD), Bundeskanzler", "Olaf Scholz (* 14. Juni "
         "1958 in Osnabrück) ist ein deutscher Politiker (SPD). Er war Bundeskanzler."),
        ("Scholz (Familienname)", "Familienname", "Scholz ist ein deutscher Familienname."),
        ("Sophie Scholz", "deutsche Schauspielerin", "Sophie Scholz ist eine Schauspielerin."),
        ("Berlin", "Hauptstadt Deutschlands", "Berlin ist die Hauptstadt Deutschlands."),
        ("Valencia", "Stadt in Spanien", "Valencia ist die drittgrößte Stadt Spaniens."),
        ("FC Valencia", "spanischer Fußballverein", "Der FC Valencia ist ein Fußballverein."),
        ("Dearborn", "Stadt in Michigan", "Dearborn ist eine Stadt im US-Bundesstaat "
         "Michigan und Sitz der Ford Motor Company."),
        ("Michigan", "Bundesstaat der Vereinigten Staaten", "Michigan ist ein Bundesstaat "
         "der Vereinigten Staaten."),
        ("Europa", "Kontinent", "Europa ist ein Kontinent."),
        ("Belgorod", "Stadt in Russland", "Belgorod ist eine Großstadt in Russland."),
        ("Reuters", "britische Nachrichtenagentur", "Reuters ist eine Nachrichtenagentur."),
        ("Wolodymyr Selenskyj", "Präsident der Ukraine", "Wolodymyr Selenskyj (* 1978) ist "
         "ein ukrainischer Politiker und seit 2019 Präsident der Ukraine."),
    ]
    for title, desc, extract in de:
        _p(w, "de", title, desc, extract)
    w.redirects["de"]["Selenskyj"] = "Wolodymyr Selenskyj"
    _dab(w, "de", "Ford", ["Ford Motor Company", "Harrison Ford", "Gerald Ford"])
    _dab(w, "de", "Scholz", ["Olaf Scholz", "Scholz (Familienname)", "Sophie Scholz"])
    en = [
        ("Apple Inc.", "American technology company", "Apple Inc. is an American "
         "technology company headquartered in Cupertino, California. It makes the iPhone."),
        ("Apple Records", "British record label", "Apple Records is a record label "
         "founded by the Beatles in London."),
        ("Jordan", "Country in West Asia", "Jordan is a country in the Middle East. It "
         "borders Saudi Arabia, Iraq, Syria and Israel. Its capital is Amman."),
        ("Michael Jordan", "American basketball player", "Michael Jordan (born 1963) is an "
         "American former professional basketball player."),
        ("Jordan River", "River in the Middle East", "The Jordan River flows to the Dead Sea."),
        ("Amman", "Capital of Jordan", "Amman is the capital and largest city of Jordan."),
        ("Tim Cook", "American business executive", "Tim Cook (born 1960) is the chief "
         "executive of Apple Inc."),
        ("Abdali", "District of Amman", "Abdali is a district of Amman, Jordan."),
        ("Jordan Gateway", "Towers in Amman", "The Jordan Gateway towers stand in Amman."),
        ("Abdullah II of Jordan", "King of Jordan since 1999", "Abdullah II (born 1962) is "
         "King of Jordan."),
        ("Jordan News Agency", "State news agency of Jordan", "The Jordan News Agency "
         "(Petra) is the state news agency of Jordan."),
        ("Dubai", "City in the United Arab Emirates", "Dubai is a city in the UAE."),
        ("Abu Dhabi", "Capital of the United Arab Emirates", "Abu Dhabi is the capital."),
        ("United Arab Emirates", "Country in West Asia", "The United Arab Emirates is a "
         "country in West Asia."),
        ("Cupertino, California", "City in California", "Cupertino is a city in Santa "
         "Clara County, California, home of Apple Inc."),
        ("Middle East", "Region", "The Middle East is a region of Asia and Africa."),
        ("Israel", "Country in West Asia", "Israel is a country in West Asia."),
        ("Syria", "Country in West Asia", "Syria is a country in West Asia."),
        ("Saudi Arabia", "Country in West Asia", "Saudi Arabia is a country."),
        ("Associated Press", "American news agency", "The Associated Press (AP) is an "
         "American news agency headquartered in New York City."),
        ("AP (band)", "German band", "AP is a German band from Hamburg."),
        ("Washington (state)", "U.S. state", "Washington is a state in the Pacific "
         "Northwest of the United States. Its largest city is Seattle; its counties include "
         "Lincoln County and King County."),
        ("Washington, D.C.", "Capital city of the United States", "Washington, D.C. is the "
         "capital city and federal district of the United States."),
        ("George Washington", "First president of the United States", "George Washington "
         "(1732–1799) was the first president of the United States."),
        ("Lincoln County, Washington", "County in Washington, United States", "Lincoln "
         "County is a county in the U.S. state of Washington. Its seat is Davenport."),
        ("Lincoln County, Nebraska", "County in Nebraska", "Lincoln County is a county in "
         "Nebraska. Its seat is North Platte."),
        ("Davenport, Washington", "City in Washington, United States", "Davenport is a "
         "city in Lincoln County, Washington, the county seat."),
        ("Davenport, Iowa", "City in Iowa", "Davenport is a city in Iowa on the "
         "Mississippi River."),
        ("Spokane River", "River in Idaho and Washington", "The Spokane River flows "
         "through Idaho and Washington."),
        ("Bob Ferguson (politician)", "Governor of Washington", "Bob Ferguson (born 1965) "
         "is an American politician, the governor of Washington since 2025, a Democrat."),
        ("Bob Ferguson (footballer)", "Scottish footballer", "Bob Ferguson was a Scottish "
         "footballer who played for Middlesbrough."),
        ("Joe Biden", "President of the United States (2021–2025)", "Joe Biden (born "
         "1942) is an American politician, the 46th president of the United States."),
        ("White House", "Residence of the US president", "The White House is the "
         "residence of the president of the United States in Washington, D.C."),
        ("Seattle", "City in Washington, United States", "Seattle is the largest city in "
         "Washington state."),
        ("Bruce Harrell", "Mayor of Seattle", "Bruce Harrell is an American politician, "
         "mayor of Seattle since 2022."),
        ("Amtrak", "American passenger railroad", "Amtrak is the national passenger "
         "railroad company of the United States."),
        ("Portland, Oregon", "City in Oregon", "Portland is the largest city in Oregon."),
        ("Portland, Maine", "City in Maine", "Portland is the largest city in Maine."),
        ("Oregon", "U.S. state", "Oregon is a state in the Pacific Northwest."),
    ]
    for title, desc, extract in en:
        _p(w, "en", title, desc, extract)
    for name, links in [("Apple", ["Apple (fruit)", "Apple Inc.", "Apple Records"]),
                        ("Washington", [
            "Washington (state)", "Washington, D.C.", "George Washington"]),
            ("Lincoln County", ["Lincoln County, Nebraska", "Lincoln County, Washington"]),
            ("Davenport", ["Davenport, Iowa", "Davenport, Washington"]),
            ("Bob Ferguson", ["Bob Ferguson (footballer)", "Bob Ferguson (politician)"]),
            ("Portland", ["Portland, Maine", "Portland, Oregon"]),
            ("AP", ["AP (band)", "Associated Press"])]:
        _dab(w, "en", name, links)
    _p(w, "en", "Apple (fruit)", "Fruit", "An apple is a round, edible fruit produced by "
       "an apple tree.")
    w.redirects.setdefault("en", {}).update({"Biden": "Joe Biden",
                                             "Cupertino": "Cupertino, California"})


def demo_wiki() -> StubWiki:
    """The sample pages, the new cases and the linking test set's pages."""
    from reader.tools.stubwiki import sample_wiki

    w = sample_wiki()
    w.redirects.setdefault("en", {})
    add_demo_pages(w)
    add_linking_pages(w)
    return w
