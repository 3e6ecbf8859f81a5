"""Partner names as the letter says them: a group of organisations ("Vier Sallandse gemeenten") or a partner named
by its kind alone ("Bibliotheek") with its article, inside a sentence. Split out of ``_dutch.py``."""

from __future__ import annotations

import re

__all__ = ["common_name", "is_group"]

# A name that opens with a word of ordinary Dutch ("Vier Sallandse gemeenten", "De zorgverzekeraar",
# "Gemeenten in Zuid-Limburg") is a description, not a proper name: inside a sentence it reads in lower case.
_COMMON_OPENERS = frozenset(
    {"de", "het", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "alle", "andere"}
    | {"gemeenten", "scholen", "huisartsen", "zorgaanbieders", "woningcorporaties", "bewoners", "inwoners"}
    | {"ouders", "jongeren", "ondernemers", "vrijwilligers", "verschillende", "diverse", "enkele", "lokale"}
)
_PLURAL_OPENERS = frozenset({"gemeenten", "scholen", "huisartsen", "zorgaanbieders", "woningcorporaties"})


# The ends of a plural noun that names a group of organisations or people ("Jeugdhulporganisaties",
# "Regiocoördinatoren JOGG Achterhoek", "Achterhoekse JOGG-gemeenten"): a description, not a proper name.
_GROUP_ENDS = (
    "organisaties",
    "instellingen",
    "aanbieders",
    "gemeenten",
    "scholen",
    "corporaties",
    "verenigingen",
    "coördinatoren",
    "coaches",
    "professionals",
    "huisartsen",
    "bedrijven",
    "ondernemers",
    "partijen",
    "senioren",
    "ouderen",
    "bewoners",
    "inwoners",
    "jongeren",
    "vrijwilligers",
)


# A partner named by its kind alone ("Bibliotheek", "Welzijnsorganisatie", "Maatschappelijk werk"), with the
# article it takes inside a sentence.
_KIND_NAMES = {
    "bibliotheek": "de",
    "welzijnsorganisatie": "de",
    "woningcorporatie": "de",
    "zorgverzekeraar": "de",
    "huisartsenpraktijk": "de",
    "thuiszorg": "de",
    "buurtsportcoach": "de",
    "basisschool": "de",
    "wijkteam": "het",
    "maatschappelijk werk": "het",
    "welzijnswerk": "het",
    "ziekenhuis": "het",
    "sociaal wijkteam": "het",
}


# An organisation named by its kind's acronym alone, with its article.
_ACRONYMS = {"GGD": "de GGD", "CJG": "het CJG", "ROS": "de ROS", "JGZ": "de JGZ", "RIVM": "het RIVM", "CBS": "het CBS"}
# Nouns that open a description of a partner and take "het".
_HET_WORDS = frozenset({"ziekenhuis", "wijkteam", "buurthuis", "centrum", "jongerenwerk", "welzijnswerk", "bestuur"})


def is_group(name: str) -> bool:
    """Whether a partner's name stands for a group of organisations or people ("Achterhoekse JOGG-gemeenten",
    "Jeugdhulporganisaties", "Gemeenten in Zuid-Limburg"), so that counting it as one partner misleads."""
    words = name.split()
    head = re.split(r" (?:in|uit|van|voor|bij|met|op) ", name, maxsplit=1)[0].split()
    if not words or not head:
        return False
    first = words[0].lower()
    return head[-1].lower().endswith(_GROUP_ENDS) or first.endswith(_GROUP_ENDS) or first in _PLURAL_OPENERS


def common_name(name: str) -> str:
    """A partner's name inside a sentence: a description in lower case, a plural group with its
    article ("de gemeenten in Zuid-Limburg", "de jeugdhulporganisaties", "de Achterhoekse JOGG-gemeenten"),
    a proper name as it is."""
    if name.lower() in _KIND_NAMES:  # a kind for a name ("Bibliotheek"): the one in this case
        return f"{_KIND_NAMES[name.lower()]} {name.lower()}"
    if name.startswith("Universiteit "):  # "de Universiteit Maastricht"
        return "de " + name
    if name.startswith("Ministerie "):  # "het Ministerie van VWS"
        return "het " + name
    if name in _ACRONYMS:  # "de GGD", "het CJG"
        return _ACRONYMS[name]
    first, _, rest = name.partition(" ")
    second = rest.split(" ", 1)[0]
    if first.isalpha() and not first.isupper() and first.lower().endswith(_GROUP_ENDS):
        return "de " + first.lower() + name[len(first) :]
    opener = first.lower() in _COMMON_OPENERS
    if not opener and first.endswith("e") and first[:1].isupper() and second.lower().endswith(_GROUP_ENDS):
        return "de " + name  # a proper adjective before a group ("Achterhoekse JOGG-gemeenten")
    words = rest.split()
    described = first.isalpha() and not first.isupper() and words and all(w[:1].islower() for w in words)
    if not opener and described:
        # Only the first word capitalised ("Senioren uit de wijk", "Fysiotherapeut en beweegconsulent van het
        # zorgcentrum"): a description of who takes part, not a proper name.
        article = "het" if first.lower() in _HET_WORDS else "de"
        return f"{article} {first.lower()} {rest}"
    if first.lower() not in _COMMON_OPENERS or first.isupper():
        return name
    text = first.lower() + name[len(first) :]
    if first.lower() in _PLURAL_OPENERS:
        return "de " + text
    return text


# Imperatives of the catalogue's titles whose infinitive the rules below miss.
