"""Render advice as a Dutch letter: a pure function from data to text.

Writing the text to a file is the caller's business (see the CLI).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

import jinja2

from ..model._advice import Advice, FactValue, RecommendedIntervention
from ..model._errors import InputError
from ..model._quotes import case_sectors, fits_case, leans_on_context, letter_quotes, printed_quote
from ..wording._actors import join_step
from ..wording._compose import DEFAULT_TOP as DEFAULT_TOP
from ..wording._compose import Composer, Sentence, date_nl
from ..wording._dutch import and_list
from ..wording._partner_names import is_group
from . import _template_cache

# Terminal control: CSI sequences (7- and 8-bit), terminated string sequences
# (OSC, DCS, SOS, PM, APC: e.g. the title-setting ESC ] 0 ; … BEL), other
# escape sequences, then any C0 character but tab and newline, DEL and C1.
_CONTROL = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[]P^_X]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]*[0-~]?"
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]"
)


def strip_control(text: str) -> str:
    """``text`` without terminal escape sequences and control characters
    (tab and newline are kept): what is safe to print or write."""
    return _CONTROL.sub("", text)


# Markdown: characters that make structure anywhere in a line, an underscore
# that can open or close emphasis (not one inside a word), an ampersand that
# starts an entity, and what makes a line a heading, quote, list, rule or
# setext underline when it starts one.
_MD_ANYWHERE = re.compile(r"[\\`*\[\]<>|~]|(?<![^\W_])_|_(?![^\W_])|&(?=#?[0-9A-Za-z]+;)")
_MD_LINE_START = re.compile(r"^(?:[#>+=-]|([0-9]+)(?=[.)]))")


def markdown_inline(text: str) -> str:
    """Case text as literal Markdown on one line: control characters
    removed, white space (line breaks included) collapsed, every character
    that could make structure backslash-escaped."""
    line = " ".join(strip_control(text).split())
    line = _MD_ANYWHERE.sub(lambda m: "\\" + m.group(0), line)
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" if m.group(1) else "\\" + m.group(0), line)


def markdown_block(text: str) -> str:
    """Case text of several lines (a description) as literal Markdown: each
    line as :func:`markdown_inline`, blank lines kept as paragraph breaks."""
    paragraphs = re.split(r"\n\s*\n", strip_control(text).replace("\r", ""))
    lines = ("\n".join(markdown_inline(line) for line in p.split("\n") if line.strip()) for p in paragraphs)
    return "\n\n".join(p for p in lines if p)


def _markdown_value(value: FactValue) -> FactValue:
    if isinstance(value, str):
        return markdown_inline(value)
    if isinstance(value, list):
        return [markdown_inline(v) for v in value]
    return value


def markdown_safe(advice: Advice) -> Advice:
    """``advice`` with every text that comes from the case (names,
    description, domain, addressee, advisor, organisation, partners,
    respondents, fact values) escaped for Markdown, so it reads as text and
    never becomes a heading, list, table, link or HTML. The texts of the
    knowledge base are Markdown already and stay as they are."""

    def inline(text: str | None) -> str | None:
        return None if text is None else markdown_inline(text)

    case = advice.case
    safe_case = case.model_copy(
        update={
            "name": markdown_inline(case.name),
            "description": None if case.description is None else markdown_block(case.description),
            "addressee": inline(case.addressee),
            "advisor": inline(case.advisor),
            "advisor_organisation": inline(case.advisor_organisation),
            "letter_place": inline(case.letter_place),
            "domain": inline(case.domain),
            "partners": [p.model_copy(update={"name": markdown_inline(p.name)}) for p in case.partners],
        }
    )
    divergences = [
        d.model_copy(
            update={
                "views": [
                    v.model_copy(
                        update={
                            "value": markdown_inline(v.value),
                            "respondents": [markdown_inline(r) for r in v.respondents],
                        }
                    )
                    for v in d.views
                ]
            }
        )
        for d in advice.divergences
    ]
    facts = [f.model_copy(update={"value": _markdown_value(f.value)}) for f in advice.facts]
    return advice.model_copy(update={"case": safe_case, "divergences": divergences, "facts": facts})


def make_environment(*, autoescape: bool) -> jinja2.Environment:
    """The environment for the letter templates: the Markdown letter without
    escaping, the HTML report with it (the templates share letter_text.j2)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("samenwerkwijzer.render", "templates"),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=autoescape,
    )
    return _template_cache.attach(env)  # compiled templates kept between runs, apart per configuration


@functools.cache
def _environment() -> jinja2.Environment:
    return make_environment(autoescape=False)  # Markdown, not HTML


def _names_document(segment: str, short: str) -> bool:
    """Whether a locator's first segment is the document's short name
    (``knowledge/sources.yaml``), spelled with a hyphen or a qualifier in brackets."""
    plain = re.sub(r"\s*\(.*?\)", "", segment).replace("-", " ")
    return plain.casefold() == short.replace("-", " ").casefold()


def section_nl(locator: str, short: str) -> str:
    """The place in a document, without the document's name in front: a
    locator often repeats the document's short name (and words of its title)
    before the quoted title of the part it cites; without a quoted title only
    the short name goes."""
    first, comma, rest = locator.partition(", ")
    if not comma or not _names_document(first, short):
        return locator
    head, quote, tail = locator.partition("‘")
    if quote and head.endswith(", "):
        return quote + tail
    return rest


def _quotes_and_notes(
    advice: Advice, shown: list[RecommendedIntervention]
) -> tuple[dict[str, list[dict[str, Any]]], list[dict[str, Any]]]:
    """The passages each shown intervention prints, with their note numbers
    (one note per document and place, numbered in order of appearance)."""
    sectors = case_sectors(p.kind for p in advice.case.partners)
    municipal = any(p.kind == "gemeente" for p in advice.case.partners)
    level = advice.fact("climate.level")
    climate = level if isinstance(level, str) else None
    documents = {s.id: s for s in advice.sources}
    notes: dict[tuple[str, str], dict[str, Any]] = {}
    quotes: dict[str, list[dict[str, Any]]] = {}
    seen: set[str] = set()  # a passage is printed once in a letter, under the first priority that cites it
    for i in shown:
        printed = []
        refs = letter_quotes(i.references, sectors, climate, municipal=municipal)
        fresh = [r for r in refs if " ".join(r.quote.split()) not in seen]
        # A passage the priority's own text already says nearly word for word is not printed under it again
        # (the senior advisor's review of 2026-12-07: advice text and quote saying the same, 8 of 8 letters).
        # Its steps count as its text too (review16: gecombineerd's quote repeated its first step).
        said = " ".join([i.description, *i.first_steps])
        plain = [r for r in fresh if not _said_in(r.quote, said)]
        # One passage per priority, the one that best stands alone (the reviews: quotes leaning on their source's
        # context in every letter); a second one mostly said the text's point again.
        chosen = sorted(plain or fresh[:1] or refs[:1], key=lambda r: leans_on_context(r.quote))[:1]
        # Every priority cites a passage that supports it (review15: Twenterand's process guidance cited nothing,
        # each of its passages unfit to print): one none of whose passages can be printed cites the one that best
        # supports it, advice that fits the case, else any passage that fits, else its first.
        fitting = [r for r in i.references if fits_case(r.fits, sectors, climate)]
        advising = [r for r in fitting if r.role == "advies"]
        fallback = [] if chosen else (advising or fitting or list(i.references))[:1]
        unprintable = bool(fallback)
        for ref in chosen or fallback[:1]:
            # A passage that leans on its source's context, or that the text already says, is cited, not printed
            # (review13: "Voor de zeven consortia …" in a letter to another consortium).
            cite_only = unprintable or leans_on_context(ref.quote) or _said_in(ref.quote, said)
            seen.add(" ".join(ref.quote.split()))
            key = (ref.source, section_nl(ref.locator, documents[ref.source].short))
            document = documents[ref.source]
            note = notes.setdefault(
                key,
                {
                    "number": len(notes) + 1,
                    "source": ref.source,
                    "short": document.short,
                    "title": document.title,
                    "publisher": document.publisher,
                    "year": document.year,
                    "section": key[1],
                },
            )
            printed.append(
                {
                    "quote": "" if cite_only else printed_quote(ref.quote),
                    "verbatim": ref.quote,
                    "note": note["number"],
                    "short": document.short,
                    "printable": not unprintable,
                }
            )
        quotes[i.id] = printed
    return quotes, list(notes.values())


def _plural(owner: str) -> bool:
    """Whether an owner is several ("Zorg dat in elk geval … erbij zijn"): joined with "en", or a group as a partner's
    name can be one ("de regiocoördinatoren", "twee gemeenten in de regio")."""
    name = re.sub(r"^(?:de|het) ", "", owner)
    return " en " in f" {owner} " or is_group(name)


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-zà-ÿ]+", text.lower()) if len(w) > 3}


def _said_in(quote: str, text: str, share: float = 0.7) -> bool:
    """Whether ``text`` has most of the words of substance of ``quote``, or of one of its sentences of some length:
    the quote would say it again (review14: "Deze vorm van ‘joint fact finding’ motiveert." closed both)."""
    said = _content_words(text)

    def repeats(part: str, least: int) -> bool:
        words = _content_words(part)
        return len(words) >= least and len(words & said) >= share * len(words)

    if repeats(quote, 3) or any(repeats(s, 4) for s in re.split(r"(?<=[.!?;:])\s+", quote)):
        return True
    # Five words in a row, as the text has them, are the text said again (review15: "…niet iedereen hoeft overal
    # bij te zijn" under a text that ends with it, at a share of 0.56).
    run = 5
    words = re.findall(r"[a-zà-ÿ]+", text.lower())
    runs = {tuple(words[n : n + run]) for n in range(len(words) - run + 1)}
    found = re.findall(r"[a-zà-ÿ]+", quote.lower())
    return any(tuple(found[n : n + run]) in runs for n in range(len(found) - run + 1))


def _text(sentences: list[Sentence]) -> str:
    return " ".join(s.text for s in sentences)


class _Facts(dict[str, FactValue | None]):
    """The advice's facts by path; a fact it does not know reads as None."""

    def __missing__(self, path: str) -> None:
        return None


def _fold_urgent_hows(
    chosen: list[RecommendedIntervention],
    rest: list[RecommendedIntervention],
    plans: dict[str, list[dict[str, str]]],
    days: Callable[[str], int],
) -> tuple[dict[str, str], dict[str, int]]:
    """An urgent intervention that ranks as a "how" of a priority becomes a step of that priority, after its own two
    (review17: Twenterand's joint plan and Almelo's effects, both urgent, stood only as optional lines under "Ook het
    overwegen waard", with no owner or moment; review18: put in second place, it pushed out the priority's own
    second step). As the priority's own steps, one step per owner and moment, and in the order of the moments
    (review19: two bullets "De stuurgroep, vóór 1 maart 2027"; dates running 1 Dec, 1 Mar, 1 Feb); ``days``
    tells how far off a moment lies. One per priority: the priority's id -> the id folded into it, and -> how many
    steps it shows."""
    folded: dict[str, str] = {}
    counts: dict[str, int] = {}
    for top in chosen:
        how = next((j for j in rest if j.priority.urgent and j.serves_with == top.id and plans.get(j.id)), None)
        if how is None or not plans.get(top.id):
            continue
        shown, step = [dict(p) for p in plans[top.id][:2]], plans[how.id][0]
        if not join_step(shown, step):
            # Before the first of the priority's own later steps (not the first step: it opens the priority), so that
            # the moments run in order without reordering the priority's own steps.
            later = next((n for n, p in enumerate(shown[1:], 1) if days(p["moment"]) > days(step["moment"])), None)
            shown.insert(len(shown) if later is None else later, dict(step))
        plans[top.id] = [*shown, *plans[top.id][2:]]
        folded[top.id], counts[top.id] = how.id, len(shown)
    return folded, counts


def letter_context(advice: Advice, top: int, *, appendix: bool = False, voice: str = "wij") -> dict[str, Any]:
    """What the letter templates (Markdown and HTML) read, all of it plain
    data composed by :mod:`._compose`; ``top`` and ``appendix`` as in
    :func:`render_letter`, ``voice`` how the advisor refers to itself as the
    owner of a step ("wij" or "ik")."""
    if top < 1:
        raise InputError(f"top is ten minste 1, niet {top}")
    text = Composer(advice, top, voice=voice)
    chosen, rest = text.top, text.rest  # a thin case gets fewer priorities
    quotes, notes = _quotes_and_notes(advice, chosen + (rest if appendix else []))
    plans = {i.id: text.plans(i) for i in advice.interventions}
    folded, shown = _fold_urgent_hows(chosen, rest, plans, text.days_until)
    core = text.core(plans)
    picture = text.situation()
    why = text.why(advice.interventions)
    owners = text.meeting_owners(plans)
    place = advice.case.letter_place
    return {
        "advice": advice,
        "top": chosen,
        "rest": rest,
        "more": [i for i in text.more() if i.id not in folded.values()],
        # The first steps a priority shows: its own two, and a third where an urgent "how" joined them.
        "steps_shown": {i.id: shown.get(i.id, 2) for i in chosen},
        "appendix": appendix,
        # Unknown facts read as None, so the template can test them.
        "facts": _Facts({f.path: f.value for f in advice.facts}),
        "findings": {f.id: f for f in advice.findings},
        "sources": {s.id: s for s in advice.sources},
        "quotes": quotes,
        "notes": notes,
        "plans": plans,
        "meeting_owners": owners,
        "respondent_count": text.respondents,
        "disclosed": any(v.respondents for d in advice.divergences for v in d.views),
        "divergent": sorted({d.path for d in advice.divergences}),
        "date_nl": date_nl(advice.case.letter_date),
        "place_date": (f"{place}, " if place else "") + date_nl(advice.case.letter_date),
        # The sentences, each with what it rests on (see _compose).
        "sentences": {
            "core": [vars(s) for s in core],
            "picture": [vars(s) for s in picture],
            "why": {iid: [vars(s) for s in ss] for iid, ss in why.items()},
        },
        "text": {
            "title": f"Advies over {text.name}",
            "greeting": text.greeting(),
            "opening": text.opening(),
            "core": _text(core),
            "picture": [s.text for s in picture],
            "description": text.picture_description(),
            "why": {iid: _text(ss) for iid, ss in why.items()},
            "why_general": sorted(text.general(why)),
            "advice_intro": text.advice_intro(),
            "agenda": text.agenda(plans),
            "meeting_owners": and_list(owners) if owners else "",
            "meeting_owners_plural": len(owners) > 1 or any(map(_plural, owners)),
            "advisor_joins": text.advisor_takes_part(plans),
            "meeting_when": text.meeting_when(),
            "closing": text.closing(),
            "signature": text.signature(),
            "divergence_intro": text.divergence_intro(),
            "divergences": text.divergence_lines(),
            "questions": text.open_questions(),
            "profile": text.profile(),
            "has_bands": text.has_bands,
        },
    }


def render_letter(advice: Advice, *, top: int = DEFAULT_TOP, appendix: bool = False) -> str:
    """The advice as a Markdown letter: the ``top`` interventions worked out,
    the rest one line each (worked out in an appendix when ``appendix``).
    Text from the case is escaped (it reads as text, never as Markdown
    structure) and control characters are removed."""
    context = letter_context(markdown_safe(advice), top, appendix=appendix)
    text = strip_control(_environment().get_template("letter.md.j2").render(context))
    # Conditional blocks leave runs of blank lines; a letter wants at most one.
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


__all__ = [
    "DEFAULT_TOP",
    "letter_context",
    "make_environment",
    "markdown_block",
    "markdown_inline",
    "markdown_safe",
    "render_letter",
    "section_nl",
    "strip_control",
]
