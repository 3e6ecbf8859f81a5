"""Every sentence of a rule page, in English and in Dutch: one table per language.

The English pages are for developers, the Dutch ones (``docs/rules/nl/``) for
trainers; both are rendered by ``_ruledoc_pages`` from the same sections, so a
sentence added to one language must be added to the other (the dataclass makes
a missing one an error).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..reasoning._condition_text import Language

__all__ = ["RULE_PAGE_WORDS", "RulePageWords"]


@dataclass(frozen=True)
class RulePageWords:
    """Every sentence of a rule page in one language (``{…}`` are filled in)."""

    diagnoses: str
    recommends: str
    suppresses: str
    derives: str
    role_finding: str
    role_recommends: str
    role_withholds: str
    role_why_withheld: str
    role_level: str
    role_threshold: str
    sources: str
    example: str
    fires_on_many: str
    fires_on_one: str
    diagnosing: str
    and_concluded: str
    expect_many: str
    expect_one: str
    case_heading: str
    matched_finding: str
    concluded_fact: str
    concluded_finding: str
    concluded_intervention: str
    concluded_withheld: str
    concluded_withholds: str
    silent: str
    silent_many: str
    silent_one: str
    not_installed: str
    detects: str
    fires_when: str
    by: str
    concludes: str
    computes: str
    suppresses_giving: str
    module: str
    why: str
    source: str
    not_when: str
    index_title: str
    index_intro: str
    index_regenerate: str
    index_header: str
    retired: str
    retired_intro: str
    retired_header: str
    short_diagnoses: str
    short_recommends: str
    short_suppresses: str
    short_derives: str


RULE_PAGE_WORDS: dict[Language, RulePageWords] = {
    "en": RulePageWords(
        diagnoses="diagnoses {id} ({title})",
        recommends="recommends {id} ({title})",
        suppresses="suppresses {id} ({title}): {reason}",
        derives="derives {fact}{value}",
        role_finding="the finding it diagnoses",
        role_recommends="the intervention it recommends",
        role_withholds="the intervention it withholds",
        role_why_withheld="why it withholds that intervention",
        role_level="a level of the thermometer",
        role_threshold="the threshold it compares with",
        sources="What the sources say:",
        example="## Example",
        fires_on_many="The rule fires on these cases:",
        fires_on_one="The rule fires on this case:",
        diagnosing="Diagnosing it (`samenwerkwijzer diagnose`, reference date {date}), {rule} matched",
        and_concluded="and concluded",
        expect_many="{location} states what {rule} must conclude on each case (`expect`); "
        "`tests/reasoning/test_rule_examples.py` checks that a run concludes exactly that.",
        expect_one="{location} states what {rule} must conclude on this case (`expect`); "
        "`tests/reasoning/test_rule_examples.py` checks that a run concludes exactly that.",
        case_heading="### Case {n}",
        matched_finding="- finding `{id}` · {title}",
        concluded_fact="- fact {fact} = `{value}`",
        concluded_finding="- finding `{id}` · {title} (severity {severity})",
        concluded_intervention="- intervention `{id}` · {title} (rank {rank} of {of})",
        concluded_withheld="- intervention `{id}` · {title}, withheld by {by}",
        concluded_withholds="- withheld intervention `{id}` · {title} (recommended by {by})",
        silent="## Stays silent when",
        silent_many="The rule does not fire on these near misses:",
        silent_one="The rule does not fire on this near miss:",
        not_installed="Examples are not installed with the package: they live in `rules/{module}/examples.yaml` "
        "of the source checkout.",
        detects="## What it detects",
        fires_when="The rule fires when all of these hold:",
        by="by",
        concludes="## What it concludes",
        computes="It computes its conclusions from the facts it matched; it may conclude:",
        suppresses_giving="- suppresses `{id}` ({title}), giving the reason:",
        module="Module `{module}` · [all rules]({index})",
        why="## Why",
        source="**Source:** {source}",
        not_when="## Not when",
        index_title="# Rules",
        index_intro="Samenwerkwijzer has {count} rules, one concern per module. Ids are stable: a prefix per "
        "module; 0xx diagnose, 1xx recommend, 2xx suppress. Each page shows what the rule detects, why, "
        "what it concludes, and an example case with the conclusions a real run draws from it.",
        index_regenerate="Regenerate these pages with `samenwerkwijzer rules docs docs/rules`; "
        "a test fails when they are stale. The same pages in Dutch: [nl/](nl/README.md).",
        index_header="| Rule | Name | Title | Module | Concludes |",
        retired="## Retired ids",
        retired_intro="These ids were merged into another rule and are never reused; an advice recorded before "
        "the merge names the old id.",
        retired_header="| Retired | Merged into |",
        short_diagnoses="diagnoses `{id}`",
        short_recommends="recommends `{id}`",
        short_suppresses="suppresses `{id}`",
        short_derives="derives `{id}`",
    ),
    "nl": RulePageWords(
        diagnoses="stelt {id} vast ({title})",
        recommends="beveelt {id} aan ({title})",
        suppresses="laat {id} bewust weg ({title}): {reason}",
        derives="leidt {fact}{value} af",
        role_finding="de bevinding die de regel vaststelt",
        role_recommends="de interventie die de regel aanbeveelt",
        role_withholds="de interventie die de regel bewust weglaat",
        role_why_withheld="waarom de regel die interventie weglaat",
        role_level="een niveau van de conflictthermometer",
        role_threshold="de drempel waarmee de regel vergelijkt",
        sources="Wat de bronnen zeggen:",
        example="## Voorbeeld",
        fires_on_many="De regel vuurt op deze casussen:",
        fires_on_one="De regel vuurt op deze casus:",
        diagnosing="Bij het diagnosticeren (`samenwerkwijzer diagnose`, peildatum {date}) gebruikte {rule}",
        and_concluded="en concludeerde",
        expect_many="In {location} staat wat {rule} bij elke casus moet concluderen (`expect`); "
        "`tests/reasoning/test_rule_examples.py` controleert dat een run precies dat concludeert.",
        expect_one="In {location} staat wat {rule} bij deze casus moet concluderen (`expect`); "
        "`tests/reasoning/test_rule_examples.py` controleert dat een run precies dat concludeert.",
        case_heading="### Casus {n}",
        matched_finding="- bevinding `{id}` · {title}",
        concluded_fact="- feit {fact} = `{value}`",
        concluded_finding="- bevinding `{id}` · {title} (ernst {severity})",
        concluded_intervention="- interventie `{id}` · {title} (plaats {rank} van {of})",
        concluded_withheld="- interventie `{id}` · {title}, bewust weggelaten door {by}",
        concluded_withholds="- weggelaten interventie `{id}` · {title} (aanbevolen door {by})",
        silent="## Blijft stil als",
        silent_many="De regel vuurt niet op deze bijna-treffers:",
        silent_one="De regel vuurt niet op deze bijna-treffer:",
        not_installed="De voorbeelden zijn niet met het pakket geïnstalleerd: ze staan in "
        "`rules/{module}/examples.yaml` van de broncode.",
        detects="## Wat de regel signaleert",
        fires_when="De regel vuurt als al deze voorwaarden gelden:",
        by="door",
        concludes="## Wat de regel concludeert",
        computes="De regel berekent zijn conclusies uit de feiten die hij gebruikte; hij kan concluderen:",
        suppresses_giving="- laat `{id}` bewust weg ({title}), met als reden:",
        module="Module `{module}` · [alle regels]({index})",
        why="## Waarom",
        source="**Bron:** {source}",
        not_when="## Wanneer niet",
        index_title="# Regels",
        index_intro="Samenwerkwijzer heeft {count} regels, één onderwerp per module. De ids liggen vast: een "
        "voorvoegsel per module; 0xx stelt vast, 1xx beveelt aan, 2xx laat bewust weg. Elke pagina laat zien wat "
        "de regel signaleert, waarom, wat hij concludeert, en een voorbeeldcasus met wat een echte run eruit "
        "concludeert.",
        index_regenerate="Deze pagina's worden gemaakt met `samenwerkwijzer rules docs docs/rules`; een test faalt "
        "als ze verouderd zijn. Dezelfde pagina's in het Engels: [de Engelse index](../README.md).",
        index_header="| Regel | Naam | Titel | Module | Concludeert |",
        retired="## Vervallen ids",
        retired_intro="Deze ids zijn samengevoegd met een andere regel en worden nooit hergebruikt; een advies van "
        "vóór de samenvoeging noemt de oude id.",
        retired_header="| Vervallen | Opgegaan in |",
        short_diagnoses="stelt `{id}` vast",
        short_recommends="beveelt `{id}` aan",
        short_suppresses="laat `{id}` weg",
        short_derives="leidt `{id}` af",
    ),
}
