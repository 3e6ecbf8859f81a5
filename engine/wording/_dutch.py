"""Small pieces of Dutch the views and the letter share: numbers one to twenty in
words (house style), a list joined with ``en``, and a count with its singular or plural noun."""

from __future__ import annotations

import re

_WORDS = (
    *("nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien"),
    *("elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien", "twintig"),
)


def number_word(n: int) -> str:
    """``n`` in words from zero to twenty (``één`` where it could be read as the article), digits above."""
    if n == 1:
        return "één"
    return _WORDS[n] if 0 <= n < len(_WORDS) else str(n)


_ORDINALS = (
    "nulde",
    "eerste",
    "tweede",
    "derde",
    "vierde",
    "vijfde",
    "zesde",
    "zevende",
    "achtste",
    "negende",
    "tiende",
)


def ordinal(n: int) -> str:
    """``eerste``, ``tweede``, … up to ``tiende``; ``11de`` above."""
    return _ORDINALS[n] if 0 <= n < len(_ORDINALS) else f"{n}de"


def and_list(items: list[str]) -> str:
    """``a``, ``a en b``, ``a, b en c``: a list inside a Dutch sentence."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


def count(n: int, singular: str, plural: str) -> str:
    """``drie redenen``, ``één reden``, ``geen redenen``."""
    if n == 0:
        return f"geen {plural}"
    return f"{number_word(n)} {singular if n == 1 else plural}"


def quoted(title: str) -> str:
    """A title as the views quote it: ‘Conflict’."""
    return f"‘{title}’"


# The article of a collaboration's name, by the noun its first word ends in
# ("Zorgnetwerk" is a netwerk: het). A name whose first word is none of these
# is introduced as "de samenwerking …".
_NAME_ARTICLES = {
    "consortium": "het",
    "netwerk": "het",
    "alliantie": "de",
    "aanpak": "de",
    "team": "het",
    "project": "het",
    "programma": "het",
    "platform": "het",
    "coalitie": "de",
    "samenwerking": "de",
    "verbond": "het",
    "partnerschap": "het",
    "overleg": "het",
    "moestuin": "de",
    "initiatief": "het",
    "collectief": "het",
    "pact": "het",
    "akkoord": "het",
    "werk": "het",
}


def name_with_article(name: str) -> str:
    """A collaboration's name inside a sentence, with its article and without
    quotes: "het Consortium Gezond Opgroeien", "de Wijkalliantie Gezond Oost",
    "de samenwerking Jeugd in Balans"."""
    words = name.lower().split(" ", 2)
    if words[0] in ("de", "het", "een"):
        return words[0] + name[len(words[0]) :]
    # The head noun is the first word, or the second after an adjective ("Regionale JOGG-samenwerking …").
    heads = words[:2] if len(words) > 1 and words[0].endswith("e") else words[:1]
    for head in heads:
        for noun, article in _NAME_ARTICLES.items():
            if head.endswith(noun):
                return f"{article} {name}"
    return f"de samenwerking {name}"


# Heads of a domain that need an article ("aan een gezonde leefomgeving");
# mass nouns and infinitives ("aan gezondheid in de wijk", "aan vitaal ouder
# worden") need none.
_DOMAIN_ARTICLES = {
    "leefomgeving": "een",
    "leefstijl": "een",
    "wijk": "een",
    "buurt": "een",
    "stad": "een",
    "dorp": "een",
    "gemeente": "een",
    "school": "een",
    "huis": "een",
    "domein": "het",
    "aanpak": "de",
    "regio": "de",
}
_DETERMINERS = ("de ", "het ", "een ", "hun ", "onze ", "uw ", "alle ", "meer ", "minder ")
# Head nouns that name a field of work without an article ("aan gezondheid in de wijk", "aan preventie",
# "aan sport en bewegen"), also at the end of a compound ("wijkverpleging", "ziekenhuiszorg").
_MASS_NOUNS = (
    "gezondheid",
    "preventie",
    "gewicht",
    "zorg",
    "welzijn",
    "bewegen",
    "sport",
    "wonen",
    "onderwijs",
    "verpleging",
    "vernieuwing",
    "werk",
    "werken",
    "vitaliteit",
    "leefbaarheid",
    "participatie",
    "ondersteuning",
    "integratie",
    "armoede",
    "hulp",
    "opvang",
    "voeding",
    "bestrijding",
    "signalering",
    "eenzaamheid",
    "geletterdheid",
    "opgroeien",
    "ouder worden",
    "leven",
    "achterstanden",
    "bevordering",
    "ontmoeting",
    "bescherming",
    "reclassering",
    "dementie",
)


def domain_phrase(domain: str) -> str:
    """What the partners work on, as a noun phrase that can follow "aan" or
    "rond": with an article where its head noun needs one."""
    text = domain.strip().rstrip(".")
    if text.lower().startswith(_DETERMINERS):
        return text
    head = re.split(r" (?:in|bij|van|voor|met|op|en|rond) ", text, maxsplit=1)[0].split()
    noun = head[-1].lower() if head else ""
    # The head noun decides, also at the end of a compound ("gezondheidshuis" is a huis).
    article = next((a for n, a in _DOMAIN_ARTICLES.items() if noun.endswith(n)), None)
    return f"{article} {text}" if article else text


def domain_clause(domain: str, preposition: str = "aan") -> str:
    """What the partners work on, after a verb: "aan een gezonde leefomgeving"
    where the domain reads as a noun phrase with its article, "aan preventie
    in de wijk" where it names a field of work without one, else "aan het
    thema ‘publieke gezondheid, beleid en praktijk’" (a field as the advisor
    typed it, without article, reads as Dutch only as a named theme)."""
    phrase = domain_phrase(domain)
    if phrase.lower().startswith(_DETERMINERS):
        return f"{preposition} {phrase}"
    head = re.split(r" (?:in|bij|van|voor|met|op|en|rond|uit) ", phrase, maxsplit=1)[0].split()
    if head and "," not in phrase and " ".join(head[-2:]).lower().endswith(_MASS_NOUNS):
        return f"{preposition} {phrase}"  # a field of work reads without article
    return f"{preposition} het thema ‘{phrase}’"


_INFINITIVES = {
    "ga": "gaan",
    "sta": "staan",
    "doe": "doen",
    "kom": "komen",
    "voorkom": "voorkomen",
    "neem": "nemen",
    "geef": "geven",
    "laat": "laten",
    "begrens": "begrenzen",
    "bundel": "bundelen",
    "ontwikkel": "ontwikkelen",
    "veranker": "verankeren",
    "wijs": "wijzen",
    "kies": "kiezen",
    "verzamel": "verzamelen",
}
_PARTICLES = frozenset(
    ["aan", "op", "af", "uit", "vast", "in", "mee", "terug", "bij", "door", "na", "toe", "voor", "weg"]
)
_CLAUSE_WORDS = frozenset(["hoe", "wat", "wie", "welke", "wanneer", "dat", "of", "waar", "waarom"])
_VOWELS = "aeiouy"


def infinitive(stem: str) -> str:
    """The infinitive of an imperative (its stem): maak → maken, leg → leggen."""
    word = stem.lower()
    if word in _INFINITIVES:
        return _INFINITIVES[word]
    if word.endswith("eer"):
        return word[:-2] + "ren"
    if len(word) >= 3 and word[-1] not in _VOWELS:
        last, vowel, before = word[-1], word[-2], word[-3]
        if vowel in _VOWELS and before == vowel:  # maak → maken, bespreek → bespreken
            ending = {"f": "v", "s": "z"}.get(last, last)
            return word[:-2] + ending + "en"
        if vowel in _VOWELS and before not in _VOWELS and last not in "wj":  # leg → leggen
            return word + last + "en"
        if word.endswith(("ijs", "ijf", "ief", "ies", "uis", "eus")):
            return word[:-1] + {"f": "v", "s": "z"}[last] + "en"
    return word + ("n" if word.endswith("e") else "en")


_AUXILIARIES = {"laat": "laten", "leer": "leren"}  # with an infinitive: "laat … groeien"
_CLAUSE_STARTS = (("in", "plaats", "van"), ("om",), ("zodat",))


def _as_infinitive_clause(words: list[str], verbs: list[str]) -> str:
    head, clause = words, []
    for i, word in enumerate(words):
        if word.lower() in _CLAUSE_WORDS or any(
            tuple(w.lower() for w in words[i : i + len(s)]) == s for s in _CLAUSE_STARTS
        ):
            head, clause = words[:i], words[i:]
            break
    particle = ""
    for i, word in enumerate(head):
        if word.lower() in _PARTICLES and (i == len(head) - 1 or head[i + 1].lower() in ("met", "door")):
            particle, clause, head = word.lower(), head[i + 1 :] + clause, head[:i]
            break
    if len(verbs) == 1 and verbs[0].lower() in _AUXILIARIES:
        for i, word in enumerate(head):
            if i + 1 < len(head) + 1 and word.endswith("en") and len(word) > 4 and word[:1].islower():
                return " ".join([*head[:i], _AUXILIARIES[verbs[0].lower()], *head[i:], *clause])
    verb = " en ".join(infinitive(v) for v in verbs)
    return " ".join([*head, particle + verb, *clause]).strip()


def agenda_phrase(title: str, imperatives: frozenset[str] = frozenset()) -> str:
    """An intervention title (an imperative) as an agenda item: the infinitive
    phrase Dutch agendas use. "Wijs één trekker aan" → "Eén trekker
    aanwijzen"; "Spreek af hoe en wanneer u kennis deelt" → "Afspreken hoe en
    wanneer u kennis deelt". ``imperatives`` are words that start a second
    imperative after "en" ("Gun elkaar iets en investeer…")."""
    text = re.split(r"[;:]|, (?=ook|niet|maar)", title, maxsplit=1)[0].strip().rstrip(".")
    parts: list[list[str]] = []
    for part in text.split(" en "):
        words = part.split()
        if parts and (not words or words[0].lower() not in imperatives):
            parts[-1].extend(["en", *words])
        else:
            parts.append(words)
    phrases = []
    verbs: list[str] = []
    for words in parts:
        if len(words) == 1:  # "Benoem en erken …": the verbs share what follows
            verbs.append(words[0])
            continue
        phrases.append(_as_infinitive_clause(words[1:], [*verbs, words[0]]))
        verbs = []
    phrase = " en ".join(p for p in phrases if p)
    if phrase.startswith("één"):
        return "Eén" + phrase[3:]
    return phrase[:1].upper() + phrase[1:]


__all__ = [
    "agenda_phrase",
    "and_list",
    "count",
    "domain_clause",
    "domain_phrase",
    "infinitive",
    "name_with_article",
    "first_person",
    "number_word",
    "ordinal",
    "quoted",
]


_NOT_IMPERATIVES = frozenset(
    [
        "de",
        "het",
        "een",
        "dat",
        "dit",
        "die",
        "deze",
        "wie",
        "wat",
        "waar",
        "hoe",
        "zo",
        "ook",
        "u",
        "zij",
        "wij",
        "ik",
        "als",
        "bij",
        "in",
        "op",
        "met",
        "voor",
        "na",
        "zonder",
        "elk",
        "elke",
        "iedere",
        "ieder",
        "alle",
        "er",
        "daar",
        "dan",
        "niet",
    ]
)


# Orders the steps give after "en" besides their first word ("… op een rij en toets ze aan …").
_SECOND_ORDERS = frozenset(
    {"toets", "leg", "borg", "laat", "bespreek", "houd", "neem", "zet", "vraag", "maak", "voer", "onderhoud"}
    | {"vier", "richt", "smeed", "kies", "plan", "deel", "stel", "bepaal", "verzamel", "breng", "benoem", "zoek"}
    | {"betrek", "bereid", "herhaal", "schrap", "spreek", "verleg", "vul", "wijs", "geef"}
)


def first_person(step: str, voice: str, imperatives: frozenset[str] = frozenset()) -> str:
    """A step written as an order to the reader, said by its owner the advisor ("wij" or "ik"):
    "Vraag iedere partner …" → "Wij vragen iedere partner …"; a second order joined by "en" follows
    ("… en leg vast" → "… en leggen vast"). Sentences that do not start with an order stay as they are."""
    pronoun = voice.capitalize()

    def sentence(text: str) -> str:
        first, _, rest = text.partition(" ")
        word = first.lower()
        if not word.isalpha() or word in _NOT_IMPERATIVES or not first[:1].isupper():
            return text
        verb = word if voice == "ik" else infinitive(word)
        if voice != "ik":
            rest = re.sub(
                r"\ben (\w+)\b",
                lambda m: "en " + infinitive(m.group(1)) if m.group(1) in imperatives | _SECOND_ORDERS else m.group(0),
                rest,
            )
        # An alternative order after ", of" repeats the subject: ", of bespreek …" -> ", of wij bespreken …".
        rest = re.sub(
            r", of (\w+)\b",
            lambda m: (
                f", of {voice} {m.group(1) if voice == 'ik' else infinitive(m.group(1))}"
                if m.group(1) in imperatives | _SECOND_ORDERS
                else m.group(0)
            ),
            rest,
        )
        return f"{pronoun} {verb} {rest}".strip()

    def after_colon(text: str) -> str:  # "Wij maken een actoranalyse: zet alle …" -> ": wij zetten alle …"
        head, colon, tail = text.partition(": ")
        word = tail.split(" ", 1)[0]
        if not colon or word not in imperatives | _SECOND_ORDERS:
            return text
        return f"{head}: {voice} {word if voice == 'ik' else infinitive(word)}{tail[len(word) :]}"

    return " ".join(after_colon(sentence(s)) for s in re.split(r"(?<=[.?!]) (?=[A-Z])", step))
